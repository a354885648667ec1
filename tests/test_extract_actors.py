"""Actors: one person per name, across people who share a surname, and no person made of a headline."""

from __future__ import annotations

import pytest


def _named(nlp, text, word):
    """The actor name each mention of ``word`` resolves to, in text order."""
    doc = nlp(text)
    table = doc._.actor_table
    out = []
    for mention in table.mentions:
        span = doc[mention.start : mention.end]
        if span[-1].text == word:
            out.append((span.text, table.get(mention.actor).name))
    return out


def _people(nlp, text):
    return sorted(a.name for a in nlp(text)._.actors if a.kind == "person")


@pytest.mark.parametrize(
    ("text", "word", "last"),
    [
        # The husband is named in full each time he comes up; "Clinton" alone, later, is the candidate.
        pytest.param(
            (
                "Hillary Clinton campaigned in Iowa on Monday. Her husband, Bill Clinton, spoke in Ohio.\n\n"
                "Voters there were divided. Turnout was high.\n\nClinton told the crowd she would win."
            ),
            "Clinton",
            ("Clinton", "Hillary Clinton"),
            id="main_bearer_when_the_other_is_named_in_full",
        ),
        pytest.param(
            (
                "Hillary Clinton campaigned in Iowa on Monday.\n\nFormer President Bill Clinton greeted voters in "
                "Boston. Clinton arrived at the gym at noon."
            ),
            "Clinton",
            ("Clinton", "Bill Clinton"),
            id="full_name_in_the_sentence_before",
        ),
        # "Obama Seeks" is a headline read as a name; "Obama" is the last name of Barack Obama first.
        pytest.param(
            (
                "Obama Seeks More Muslim Refugees As He Marks Islamic Holiday.\n\nPresident Barack Obama called on "
                "Americans to welcome refugees.\n\nThe holiday is observed by Muslims worldwide.\n\nObama said the "
                "holiday was a time for reflection."
            ),
            "Obama",
            ("Obama", "Barack Obama"),
            id="last_name_before_a_headline_first_word",
        ),
        pytest.param(
            (
                "Hillary Clinton defended her economic record on Tuesday. “My husband, Bill Clinton, balanced the "
                "budget,” Clinton told supporters in Des Moines."
            ),
            "Clinton",
            ("Clinton", "Hillary Clinton"),
            id="name_inside_a_quote_decides_nothing",
        ),
        # "Like her father" says nothing of Chelsea Clinton's own gender.
        pytest.param(
            (
                "Like her father, Chelsea Clinton has campaigned across Iowa. Her father, Bill Clinton, stayed in New "
                "York.\n\nVoters were warm. Turnout was high.\n\nMr. Clinton spoke last."
            ),
            "Clinton",
            ("Mr. Clinton", "Bill Clinton"),
            id="comparison_with_a_relative_gives_no_gender",
        ),
    ],
)
def test_actors_last_bare_name_resolves_to(nlp, text, word, last):
    """Which person the last mention of a name shared by several people is taken for."""
    assert _named(nlp, text, word)[-1] == last


def test_actors_honorific_tells_people_of_one_surname_apart(nlp):
    text = (
        "Hillary Clinton campaigned in Iowa. Her husband, Bill Clinton, stayed home.\n\nVoters were divided. "
        "Turnout was high.\n\nMrs. Clinton spoke first. The crowd was large. Voters cheered.\n\nMr. Clinton "
        "spoke later. The crowd cheered again.\n\nMrs. Clinton left."
    )
    assert [name for _, name in _named(nlp, text, "Clinton")[2:]] == [
        "Hillary Clinton",
        "Bill Clinton",
        "Hillary Clinton",
    ]


def test_actors_relative_named_in_full_does_not_take_the_surname(nlp):
    text = (
        "Trump accepted the nomination on Thursday.\n\nHis daughter Ivanka Trump introduced him. Donald "
        "Trump then took the stage.\n\nThe hall was full. Trump attacked Clinton."
    )
    assert _named(nlp, text, "Trump")[-1] == ("Trump", "Donald Trump")
    assert "Ivanka Trump" in _people(nlp, text)


def test_actors_headline_words_are_no_part_of_a_name(nlp):
    text = (
        "Trump Says He Never Changed His Mind.\n\nThe lawsuit, Trump v. Trump, was settled. A pro-Clinton "
        "group objected. Certainly Donald Trump was pleased."
    )
    people = _people(nlp, text)
    assert "Donald Trump" in people
    assert not [p for p in people if p.lower().startswith(("pro", "certainly")) or p.count("Trump") > 1]
    assert not [p for p in people if "Says" in p]


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Beneath Clinton's Wins, Worrying Signs.\n\nHillary Clinton won. Mrs. Clinton smiled.",
            "Hillary Clinton",
        ),
        (
            "Game over: Will Sanders come down from the mountain?\n\nBernie Sanders spoke. Sanders left.",
            "Bernie Sanders",
        ),
    ],
)
def test_actors_headline_word_before_a_surname_is_dropped(nlp, text, person):
    assert _people(nlp, text) == [person]


def test_actors_bare_surname_read_as_one_person_does_not_carry_on(nlp):
    # Only a full name nearby decides: "Clinton" read as Bill once does not make the next one Bill.
    text = (
        "Hillary Clinton leads the race.\n\nThe campaign is busy. Former President Bill Clinton spoke in "
        "Ohio. Clinton told voters to turn out.\n\nClinton's campaign staff cheered."
    )
    assert [name for _, name in _named(nlp, text, "Clinton")[-2:]] == ["Bill Clinton", "Hillary Clinton"]


def test_actors_person_named_in_full_before_a_headline_surname(nlp):
    # "Clinton" in the headline is read before anyone is named in full; the first person named in
    # full with that surname is the one a later "Mr. Clinton" is taken for, not that placeholder.
    text = (
        "Clinton Under Fire\n\nVoters love Bill. Bill Clinton then told the crowd to vote.\n\nThe hall was "
        "quiet. Turnout was low.\n\nMr. Clinton left early.\n\nHillary Clinton arrived later."
    )
    assert ("Mr. Clinton", "Bill Clinton") in _named(nlp, text, "Clinton")


def test_actors_relative_gives_gender_to_honorific(nlp):
    text = (
        "Former President Bill Clinton campaigned on Sunday for his wife, Hillary Clinton, in New Hampshire. "
        "The crowd of about 500 people packed a school gymnasium. Mrs. Clinton, who trails in the polls, told "
        "voters she would fight. Mr. Clinton spoke for twenty minutes."
    )
    assert _named(nlp, text, "Clinton")[-2:] == [
        ("Mrs. Clinton", "Hillary Clinton"),
        ("Mr. Clinton", "Bill Clinton"),
    ]


def test_actors_real_names_are_kept_whole(nlp):
    text = (
        "Will Hurd, a former Republican congressman, spoke on Monday. Barack Obama and Michelle Obama attended "
        "the funeral. Bob Hope was a comedian."
    )
    assert {"Will Hurd", "Barack Obama", "Michelle Obama", "Bob Hope"} <= set(_people(nlp, text))


def test_actors_different_first_names_of_one_initial_are_two_people(nlp):
    assert {"Joe Biden", "Jill Biden"} <= set(_people(nlp, "Joe Biden and Jill Biden attended the service."))


@pytest.mark.parametrize(
    ("text", "speaker", "mention"),
    [
        # The recogniser reads "KC" as a person of its own, the subject of "told".
        ("“You showed no remorse,” Judge Mark Lucraft KC told him.", "Mark Lucraft", "Mark Lucraft KC"),
        # Inside the entity: the mention keeps the letters, the name does not.
        (
            "“We will appeal,” said Sir Keir Starmer KC, the Labour leader.",
            "Keir Starmer",
            "Sir Keir Starmer KC",
        ),
        # The recogniser reads "OBE" as an organisation.
        (
            "Sir David Attenborough OBE said: “The planet is in trouble.”",
            "David Attenborough",
            "Sir David Attenborough OBE",
        ),
        # Before the name, the same letters are initials.
        ("Congress leader KC Venugopal said: “We will fight back.”", "KC Venugopal", "KC Venugopal"),
    ],
)
def test_actors_letters_after_a_name_are_no_person(nlp, text, speaker, mention):
    doc = nlp(text)
    assert [a.name for a in doc._.actors if a.kind == "person"] == [speaker]
    (quote,) = doc._.quotes
    assert quote.speaker.name == speaker and text[quote.speaker.start : quote.speaker.end] == mention


def test_actors_letters_on_their_own_name_no_actor(nlp):
    doc = nlp("“The evidence is overwhelming,” the KC said.")
    assert doc._.actors == []
    (quote,) = doc._.quotes
    assert (quote.speaker.actor, quote.speaker.name) == (None, "the KC")


def test_actors_letters_after_the_stand_for_the_person_named_with_them(nlp):
    text = (
        "Andrew Thompson KC opened the case for the Crown.\n\n"
        "The KC told the court that one boy had been stabbed."
    )
    (quote,) = nlp(text)._.quotes
    assert (quote.speaker.name, text[quote.speaker.start : quote.speaker.end]) == (
        "Andrew Thompson",
        "The KC",
    )


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_actors_apostrophe_inside_a_name_is_part_of_it(nlp, apostrophe):
    text = (
        f'Darragh O{apostrophe}Brien, the housing minister, said the figures were "encouraging". '
        f"O{apostrophe}Brien added that more homes were coming."
    )
    doc = nlp(text)
    assert _people(nlp, text) == [f"Darragh O{apostrophe}Brien"]
    assert {q.speaker.name for q in doc._.quotes} == {f"Darragh O{apostrophe}Brien"}


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # The recogniser reads the first name alone; the surname was nobody's.
        (
            "Former England midfielder Paul ‘Gazza’ Gascoigne was in court on Monday. "
            "Gascoigne said: “I am sorry for what happened.”\n\nGazza added: “I just want to get better.”",
            "Paul Gascoigne",
        ),
        # The recogniser's person runs into the marks ("John “Tig"), the surname is an organisation.
        (
            "Security contractor John “Tig” Tiegen spoke at the convention. “We were told to wait,” Tiegen said."
            "\n\n“Nobody came,” Tig said.",
            "John Tiegen",
        ),
    ],
)
def test_actors_nickname_in_marks_joins_first_name_and_surname(nlp, text, person):
    doc = nlp(text)
    assert _people(nlp, text) == [person]
    # The later bare nickname ("Gazza added") is that person too.
    assert [q.speaker.name for q in doc._.quotes] == [person] * 2
    actor = next(a for a in doc._.actors if a.name == person)
    assert any("’ " in alias or "” " in alias for alias in actor.aliases)  # the mention keeps the nickname


def test_actors_name_after_a_title_or_honorific_is_a_person(nlp):
    # The small model reads "Olaf Scholz" here, and "Scholz" after "Mr", as organisations.
    text = (
        'German Chancellor Olaf Scholz said on Monday that Europe must do more. "We are ready," Mr Scholz '
        'told reporters.\n\nMr Scholz said later that "nothing is decided".'
    )
    doc = nlp(text)
    (scholz,) = [a for a in doc._.actors if a.kind != "place"]
    assert (scholz.name, scholz.kind, scholz.role, scholz.affiliation) == (
        "Olaf Scholz",
        "person",
        "Chancellor",
        "Germany",
    )
    assert {q.speaker.actor for q in doc._.quotes} == {scholz.id}


def test_actors_role_phrase_goes_to_the_titled_subject_before_it(nlp):
    doc = nlp("Sir Keir Starmer met Mr Scholz in Berlin on Monday. Mr Scholz is the German Chancellor.")
    roles = {a.name: (a.role, a.affiliation) for a in doc._.actors if a.kind == "person"}
    assert roles == {"Keir Starmer": (None, None), "Scholz": ("Chancellor", "Germany")}


@pytest.mark.parametrize(
    "person",
    ["Local resident John Smith", "John Smith, a teacher,"],
)
def test_actors_role_phrase_skips_a_person_described_as_no_official(nlp, person):
    text = f"Housing row\n\n{person} said he was worried about rents.\n\n“It will deliver new homes,” the minister said."
    doc = nlp(text)
    (smith,) = [a for a in doc._.actors if a.kind == "person"]
    assert (smith.name, smith.role) == ("John Smith", None)
    assert doc._.quotes[-1].speaker.actor is None


def test_actors_first_name_labelled_apart_joins_the_surname(nlp):
    # The small model reads "Sadiq" as a place and "Khan" alone as the person.
    doc = nlp("Sadiq Khan announced that fares would be frozen. US President Trump said nothing.")
    assert _people(nlp, doc.text) == ["Sadiq Khan", "Trump"]
    assert doc._.quotes[0].speaker.name == "Sadiq Khan"


@pytest.mark.parametrize(
    ("text", "role", "affiliation"),
    [
        # A place of two words is the whole place, not its last word.
        ("North Dakota Governor Doug Burgum said the state would act.", "Governor", "North Dakota"),
        ("Welsh First Minister Eluned Morgan said the budget was fair.", "First Minister", "Wales"),
        ("Scottish First Minister John Swinney said the budget was fair.", "First Minister", "Scotland"),
        ("New York Mayor Eric Adams said crime was falling.", "Mayor", "New York"),
        # Not the possessive.
        ("Labour Party's leader Keir Starmer said the party would win.", "Leader", "Labour Party"),
        # The role ends where the body it serves is named.
        (
            "Jane Smith, director for games at tech giant Microsoft, said the launch went well.",
            "Director for Games",
            "Microsoft",
        ),
        # "of" a body the recogniser names ends the role too; a portfolio after "for" is part of it.
        ("Secretary General of NATO Mark Rutte said allies must spend more.", "Secretary General", "NATO"),
        (
            "Paul Johnson, director of the Institute for Fiscal Studies, said the figures were worrying.",
            "Director",
            "Institute for Fiscal Studies",
        ),
        (
            "Hilary Benn, the Secretary of State for Northern Ireland, said the talks would resume.",
            "Secretary of State for Northern Ireland",
            None,
        ),
        # A phrase that names no body or place stays in the role.
        (
            "Marcia Smith, senior vice president for sustainability, said the plan was on track.",
            "Senior Vice President for Sustainability",
            None,
        ),
    ],
)
def test_actors_title_gives_role_and_whole_affiliation(nlp, text, role, affiliation):
    (person,) = [a for a in nlp(text)._.actors if a.kind == "person"]
    assert (person.role, person.affiliation) == (role, affiliation)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Sadiq Khan said the Ulez expansion would go ahead.", "Sadiq Khan"),  # "Sadiq" in no entity
        ("Ursula von der Leyen said the EU would respond.", "Ursula von der Leyen"),  # "Leyen" a place
    ],
)
def test_actors_parts_of_a_name_labelled_apart_are_one_person(nlp, text, person):
    # (and "Sadiq" as a place before "Khan": test_actors_first_name_labelled_apart_joins_the_surname)
    doc = nlp(text)
    assert _people(nlp, text) == [person]
    assert doc._.quotes[0].speaker.name == person


def test_actors_particle_in_no_entity_joins_the_name(nlp):
    # The small model reads "Ursula von" as a person and "Leyen" as a place, "der" in neither.
    text = "European Commission President Ursula von der Leyen urged member states to spend more."
    people = [(a.name, a.kind, a.role) for a in nlp(text)._.actors if a.kind != "organisation"]
    assert people == [("Ursula von der Leyen", "person", "President")]


def test_actors_headline_participle_is_no_first_name(nlp):
    text = (
        "Republican Medal Of Honor Winner Opens Up About Backing Clinton Over Trump.\n\n"
        "Florent Groberg is a former U.S. Army captain who is a lifelong Republican."
    )
    assert "Backing Clinton" not in {a.name for a in nlp(text)._.actors}


def test_actors_title_before_an_institution_makes_no_person(nlp):
    text = "A spokesman for Queen Elizabeth Hospital said the ward was full."
    assert _people(nlp, text) == []


def test_actors_the_role_is_its_holder_with_a_portfolio(nlp):
    text = (
        "Hilary Benn, the Secretary of State for Northern Ireland, said the talks had stalled. "
        "The Secretary of State added that they would resume."
    )
    assert [q.speaker.name for q in nlp(text)._.quotes] == ["Hilary Benn", "Hilary Benn"]


def test_actors_mention_is_the_name_without_the_blank_lines_after_it(nlp):
    # The small model's entity here runs on over the blank lines: "Jane Doe\n\n".
    text = "Housing\n\nOpposition MPs called it “a betrayal of renters.” ― Jane Doe\n\nCritics said the plans were unfair.\n"
    doc = nlp(text)
    (jane,) = [a for a in doc._.actors if a.kind == "person"]
    assert [text[s:e] for s, e in jane.mentions] == ["Jane Doe"]


def test_actors_name_set_beside_an_office_is_a_person(nlp):
    # The small model reads "Kemi Badenoch" here as a place; the office beside it makes her a person.
    text = (
        "Rachel Reeves said she would consider a wealth tax.\n\nKemi Badenoch, the Conservative leader, said "
        "she opposed a wealth tax. ‘It would be a disaster for growth,’ she said."
    )
    doc = nlp(text)
    people = {a.name: (a.role, a.affiliation) for a in doc._.actors if a.kind == "person"}
    assert people == {"Rachel Reeves": (None, None), "Kemi Badenoch": ("Leader", "Conservative Party")}
    assert doc._.quotes[-1].speaker.name == "Kemi Badenoch"


@pytest.mark.parametrize(
    "text",
    [
        "BERLIN (Reuters) - Germany's parliament on Tuesday approved a plan to exempt defence spending.",
        "WASHINGTON (AP) — Senate Republicans on Monday unveiled a budget that cuts taxes.",
    ],
)
def test_actors_agency_in_a_dateline_is_no_actor(nlp, text):
    names = {a.name for a in nlp(text)._.actors}
    assert names and not names & {"Reuters", "AP"}
