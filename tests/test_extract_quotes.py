"""Quote extraction: quotation marks, cues, continued and merged speakers, unbalanced marks."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from stancemap.extract.quotes import curl_single_marks, quote_spans


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "this is fine" today.', ['"this is fine"']),
        ("He said “this is fine” today.", ["“this is fine”"]),
        # An open quote runs to the end of its paragraph; the next paragraph is read on its own.
        (
            "“This runs on to the end of the paragraph\n\n“And this is closed,” he said.",
            ["“This runs on to the end of the paragraph", "“And this is closed,”"],
        ),
        # A stray closing mark costs nothing; the quotes after it are still found.
        ("Oops” then “a quote here” and more.", ["“a quote here”"]),
        # Two apostrophes are one straight mark, as some newspaper archives print them; two backticks open.
        (
            "''We may be seeing wage growth,'' he wrote. ''It's big.''",
            ["''We may be seeing wage growth,''", "''It's big.''"],
        ),
        ("``We will not raise taxes,'' Mr. Dole said.", ["``We will not raise taxes,''"]),
        # ... but not after a digit or inside a word.
        ("The center, who is 6'10'' tall, said ''I feel great.''", ["''I feel great.''"]),
        ("\"He is 6'10'' and he can shoot,\" the coach said.", ["\"He is 6'10'' and he can shoot,\""]),
        ("It wasn''t clear why, Mr. Levin said.", []),
        ("The store sold 55'' televisions last week.", []),
        ('The 7\'0" prospect and the 6\'4" guard said "we are ready to play."', ['"we are ready to play."']),
        # ... nor before an elided word, where flattened curly marks left two apostrophes.
        ("''Cause there's nowhere else to go round here,' she said.", []),
        # A closing mark may follow a digit; one style does not close the other.
        ("He promoted his ''Agenda 47'' platform.", ["''Agenda 47''"]),
    ],
)
def test_quote_spans_keep_marks_and_survive_unbalanced(text, expected):
    assert [text[a:b] for a, b in quote_spans(text)] == expected


def _quotes(nlp, text):
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in nlp(text)._.quotes]


@pytest.mark.parametrize(
    ("text", "kind", "quoted", "speaker"),
    [
        (
            "“We will defend every inch of our territory,” Jane Smith said on Monday.",
            "direct",
            "“We will defend every inch of our territory,”",
            "Jane Smith",
        ),
        (
            "Jane Smith told reporters: “We will defend every inch of our territory.”",
            "direct",
            "“We will defend every inch of our territory.”",
            "Jane Smith",
        ),
        (
            "Jane Smith has said she would be prepared to send peacekeeping troops.",
            "indirect",
            "she would be prepared to send peacekeeping troops",
            "Jane Smith",
        ),
    ],
)
def test_quotes_kind_and_speaker(nlp, text, kind, quoted, speaker):
    assert (kind, quoted, speaker) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "quoted", "speaker"),
    [
        (
            "Christie spoke in Iowa.\n\nIn his state, Christie said, nonviolent first-time drug offenders are "
            "sent to mandatory drug treatment.",
            "In his state, Christie said, nonviolent first-time drug offenders are sent to mandatory drug treatment",
            "Christie",
        ),
        (
            "Jane Smith visited the park.\n\nThe golf industry, she said, is doing much better than it has since 2009.",
            "The golf industry, she said, is doing much better than it has since 2009",
            "Jane Smith",
        ),
    ],
)
def test_quotes_parenthetical_cue_reports_its_sentence(nlp, text, quoted, speaker):
    """A cue set off by commas inside a sentence ("…, Christie said, …") reports the whole sentence."""
    assert ("indirect", quoted, speaker) in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Karen Bass spoke on Monday.\n\nThe fires, Bass told reporters, were the worst in the city's history.",
            "Karen Bass",
        ),
        (
            "Gina Raimondo spoke.\n\nThe deal, Raimondo said on Tuesday, was a disaster for American workers.",
            "Gina Raimondo",
        ),
        (
            "The utility faced questions.\n\nThe outage, a spokeswoman for the utility said, was caused by high winds.",
            "a spokeswoman for the utility",
        ),
        # The pronoun's antecedent is never a name inside the clause it interrupts.
        (
            "“I am running to heal the divide,” Robert Kennedy said.\n\nVaccines, he said, should be studied more closely.",
            "Robert Kennedy",
        ),
    ],
)
def test_quotes_parenthetical_cue_with_words_of_its_own(nlp, text, speaker):
    (quote,) = [q for q in nlp(text)._.quotes if q.kind == "indirect"]
    assert quote.text.startswith(text.split("\n\n")[1][:9]) and quote.speaker.name == speaker


def test_quotes_parenthetical_cue_addressing_you_is_a_question(nlp):
    text = "Mayor Michelle Wu spoke to the Globe.\n\nQ: The plan, you said in March, would cost $40 million. Is that still true?"
    assert _quotes(nlp, text) == []


def test_quotes_parenthetical_cue_before_quote_that_goes_on_reports_its_sentence(nlp):
    text = (
        "Jane Smith toured the club.\n\nThe club's heavy investment in its facilities, Ms. Smith said, "
        "''is a perfect example of adapting'' to the changing economics of golf."
    )
    quotes = _quotes(nlp, text)
    assert ("mixed", text[text.index("The club") : -1], "Jane Smith") in quotes


def test_quotes_parenthetical_cue_before_quote_introduces_it(nlp):
    text = "Trump spoke on Tuesday.\n\nOn ABC’s “Good Morning America” Tuesday, he said, “I never said I would pay.”"
    assert ("direct", "“I never said I would pay.”", "he") in _quotes(nlp, text)


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        (
            "Last month, FBI Director Jane Smith said the handling of the servers was "
            '"extremely careless," but declined to charge anyone.',
            'the handling of the servers was "extremely careless,"',
        ),
        (
            "FBI general counsel James Baker said the probe is “ongoing.”",
            "the probe is “ongoing.”",
        ),
        (
            "For his part, Bush tweeted Monday that Trump is a “loser,” a “liar” and a “whiner.”",
            "Trump is a “loser,” a “liar” and a “whiner.”",
        ),
    ],
)
def test_quotes_mixed_quote_keeps_its_closing_mark(nlp, text, quoted):
    """The closing mark the parser hangs on the main verb still closes the mixed quote."""
    assert [q.text for q in nlp(text)._.quotes if q.kind == "mixed"] == [quoted]


def test_pieces_of_one_speaker_merge(nlp):
    text = "“We will not back down,” Jane Smith said. “Not now, not ever, not for anyone.”"
    (quote,) = nlp(text)._.quotes
    assert quote.text == text
    assert quote.speaker.name == "Jane Smith"


def test_quote_inside_cue_is_not_the_attribution(nlp):
    text = "“We don’t think there is room for four networks in this market,” Jeff Zucker said."
    (quote,) = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert quote.speaker.name == "Jeff Zucker"


def test_next_paragraph_continues_speaker(nlp):
    text = (
        "“Europe must play its role in the security of the continent,” Jane Smith said.\n\n"
        "“But there must be a backstop from our allies across the ocean.”"
    )
    quotes = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert [q.speaker.name for q in quotes] == ["Jane Smith", "Jane Smith"]


def test_unresolved_pronoun_is_explicit(nlp):
    (quote,) = nlp("“The plan will not work in the way they think it will,” he said.")._.quotes
    assert quote.speaker.actor is None and quote.speaker.name == "he"


def _direct_speakers(nlp, text):
    return [(q.text, q.speaker.name if q.speaker else None) for q in nlp(text)._.quotes if q.kind == "direct"]


def test_quotes_name_before_colon_is_speaker(nlp):
    text = (
        "Pollsters were surprised by the result.\n\n"
        "The timing does not surprise Republican pollster Daron Shaw: “Lesser-known candidates "
        "who win early contests have seen the biggest boost in their national support.”"
    )
    assert _direct_speakers(nlp, text)[0][1] == "Daron Shaw"


def test_quotes_paragraph_ending_in_colon_introduces_next(nlp):
    text = (
        "Voters here are loyal. Parker Eaton, a retired farmer, said that given the candidates on both sides:"
        "\n\n“There is only one choice for me and it is the man who spends his own money.”"
    )
    assert _direct_speakers(nlp, text)[0][1] == "Parker Eaton"


def test_quotes_speaker_after_cue_is_read(nlp):
    text = (
        "The senator spoke at length.\n\n“We are not going to give up on this fight at all,” said Mary Jones."
    )
    assert _direct_speakers(nlp, text)[0][1] == "Mary Jones"


def test_quotes_points_out_after_quote_names_speaker(nlp):
    text = (
        "“Cruz is the only candidate who can keep the voters with us,” Richard Viguerie says.\n\n"
        "“There were some of us who thought until recently you might be able to work with them,” "
        "Brent Bozell points out."
    )
    assert _direct_speakers(nlp, text)[-1][1] == "Brent Bozell"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The spokesman said the candidate has “always run a lean campaign and will continue to do so.”",
            "the candidate has “always run a lean campaign and will continue to do so.”",
        ),
    ],
)
def test_quotes_clause_with_long_quote_is_one_mixed_quote(nlp, text, expected):
    """A cue clause that runs into a long quoted passage, with no other cue before it, is one quote."""
    from stancemap.analyze import analyze

    quotes = analyze(text, nlp=nlp).quotes
    assert [(q.kind, q.text) for q in quotes] == [("mixed", expected)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # Any verb after the closing mark attributes the quote, not only verbs of the cue lexicon.
        (
            "Ramos took the stage.\n\n“Go back to Univision, go back right now,” Jane Smith barked.",
            "Jane Smith",
        ),
        # A pronoun inside the quote is not the subject of the verb after it.
        (
            "Jane Smith spoke to AFP.\n\n“We were tremendously wrong not to confront him,” Smith, 58, told AFP.",
            "Jane Smith",
        ),
        # The verb before the name: "…,” continued Smith.
        (
            "Jane Smith spoke last.\n\n“There is no other way to win this race,” continued Smith.",
            "Jane Smith",
        ),
        # Names the tagger reads as modal verbs.
        ("The columnist was scathing.\n\n“The eruption of war is a reminder,” Will wrote.", "Will"),
        ("Brexit talks resumed.\n\n“We will deliver the will of the British people,” May said.", "May"),
        # A described speaker placed by a prepositional phrase, after a question mark.
        (
            "Perez spoke on stage.\n\n“Will he be the next attorney general?” a Democratic staffer in "
            "the room wondered. Perez has also been mentioned as a running mate.",
            "a Democratic staffer",
        ),
        # "some" opens a described speaker as "a" does.
        (
            "The video came out on Tuesday.\n\n“Hey, hey! Ho, ho! The mayor has got to go!” some protesters "
            "chanted, three days after its release.",
            "some protesters",
        ),
        # An adjective used as a noun heads the speaker phrase.
        (
            "The actor posted the clip on Thursday.\n\n“What if Donald Trump had elocution lessons?” the "
            "43-year-old asked in the video’s description.",
            "the 43-year-old",
        ),
        (
            "The editors were not pleased.\n\n“If she wants to be president, she should act like one, and come "
            "to Louisiana,” the editorial read.",
            "editorial",
        ),
        # One of a group already described.
        (
            "Supporters took to Reddit.\n\n“Yet another state we would have won,” one supporter wrote.\n\n"
            "“Better watch out for illegal conduct by the county clerks,” tweeted another.",
            "another",
        ),
        # A relative clause between the speaker and a verb of speaking.
        (
            "The inquiry went on. “Each violation is subject to five years in prison.”\n\n“The agents "
            "involved are under a lot of pressure and are busting a–,” an intelligence source, who was not "
            "authorized to speak on the record, told Fox News.",
            "an intelligence source",
        ),
    ],
)
def test_quotes_attribution_after_closing_mark(nlp, text, speaker):
    assert _direct_speakers(nlp, text)[-1][1] == speaker


def test_quotes_pronoun_after_quote_beats_previous_speaker(nlp):
    text = (
        "“We will win this,” Jane Smith said.\n\n"
        "Tom Brown, her rival, disagreed.\n\n"
        "“It is going to be interesting to see what she does next,” he continued."
    )
    quote = [q for q in nlp(text)._.quotes if q.kind == "direct"][-1]
    assert quote.speaker.name == "Tom Brown"
    assert text[quote.speaker.start : quote.speaker.end] == "he"


def test_quotes_short_quote_with_attribution_is_kept(nlp):
    text = "Guessford got the call.\n\n“I’m honored!” she said. “It gives me goosebumps every time I think of it.”"
    (quote,) = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert quote.text.startswith("“I’m honored!”") and quote.text.endswith("think of it.”")


def test_quote_spans_reversed_closing_mark(nlp):
    text = "“It is unusual,“ said Larry Noble, a lawyer. “I have not seen this before.”"
    assert [text[a:b] for a, b in quote_spans(text)] == ["“It is unusual,“", "“I have not seen this before.”"]
    assert _direct_speakers(nlp, text)[0][1] == "Larry Noble"


def test_quotes_cue_in_complement_is_reported_by_outer_cue(nlp):
    text = "Jane Smith said that for decades some critics had been predicting a withdrawal from the region."
    quotes = [(q.text, q.speaker.name if q.speaker else None) for q in nlp(text)._.quotes]
    assert (
        "for decades some critics had been predicting a withdrawal from the region",
        "Jane Smith",
    ) in quotes
    assert not any(quoted == "Jane Smith said" for quoted, _ in quotes)


def test_quotes_participle_after_preposition_takes_main_subject(nlp):
    text = "Jane Smith left the stage before insisting she had a great relationship with the voters."
    quotes = [(q.text, q.speaker.name if q.speaker else None) for q in nlp(text)._.quotes]
    assert ("she had a great relationship with the voters", "Jane Smith") in quotes


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Jane Smith has called for increased regulation of shadow banking.",
            "increased regulation of shadow banking",
        ),
        (
            "Jane Smith tweeted a chart of wildly inaccurate crime statistics.",
            "a chart of wildly inaccurate crime statistics",
        ),
    ],
)
def test_quotes_object_of_cue_is_content(nlp, text, content):
    assert ("indirect", content, "Jane Smith") in _quotes(nlp, text)


def test_quotes_addressee_alone_is_no_content(nlp):
    assert _quotes(nlp, "Jane Smith told the Washington Post reporters on Monday.") == []


def test_quotes_interrupting_clause_joins_the_pieces(nlp):
    text = (
        "Banks are under pressure.\n\n“Every time you say that,” Jane Smith said, referring to the excuse, "
        "“you give ammunition to the people who want to break up the big banks.”"
    )
    (quote,) = nlp(text)._.quotes
    assert quote.text.startswith("“Every time") and quote.text.endswith("big banks.”")
    assert quote.speaker.name == "Jane Smith"


def test_quotes_amid_setting_is_not_content(nlp):
    text = (
        "Jane Smith has insisted Ukraine’s voice must be at the heart of any peace deal amid fears of "
        "Washington and Moscow going over the heads of leaders on the continent."
    )
    assert ("indirect", "Ukraine’s voice must be at the heart of any peace deal", "Jane Smith") in _quotes(
        nlp, text
    )


def test_quotes_new_sentence_with_own_cue_is_new_quote(nlp):
    text = "“We don’t want them in our country,” Jane Smith said. She added, “I only want to admit people who share our values.”"
    assert len([q for q in nlp(text)._.quotes if q.kind == "direct"]) == 2


def test_quotes_relative_pronoun_speaker_is_named(nlp):
    text = "Clinton attacked Donald Trump, who has said he wants to be a neutral broker in the Middle East."
    (quote,) = nlp(text)._.quotes
    assert quote.speaker.name == "Donald Trump"
    assert text[quote.speaker.start : quote.speaker.end] == "who"


def test_quotes_saying_after_comma_takes_sentence_subject(nlp):
    text = (
        "Jane Smith has taken a swipe at her rival's stance on Brexit, saying that "
        "“bombastic comments” do more harm than good during such times."
    )
    quotes = _quotes(nlp, text)
    assert any(speaker == "Jane Smith" and "bombastic" in quoted for _, quoted, speaker in quotes)


def test_quotes_cue_kept_when_colon_names_nobody(nlp):
    (quote,) = nlp("It was said: “This is what we need now.”")._.quotes
    assert quote.cue is not None and quote.cue.text == "was said"


@pytest.mark.parametrize(
    "text",
    [
        "The film “Jaws,” Spielberg directed in 1975, was a hit.",
        "“,” said Smith",
        "Voters in “swing,” states decided.",
    ],
)
def test_quotes_short_titles_are_not_quotes(nlp, text):
    assert [q for q in nlp(text)._.quotes if q.kind == "direct"] == []


def test_quotes_dash_list_is_no_signature(nlp):
    (quote,) = nlp("“We have to go now, all of us together.”\n- Point one is here")._.quotes
    assert quote.speaker is None


def test_quotes_according_to_content_runs_past_commas(nlp):
    text = "As a reality TV boss, Donald Trump repeatedly demeaned women with sexist language, according to show insiders."
    quotes = [(q.text, q.cue.text) for q in nlp(text)._.quotes]
    assert (
        "As a reality TV boss, Donald Trump repeatedly demeaned women with sexist language",
        "according to",
    ) in quotes


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "In a statement to the Observer, her senior policy adviser, Jake Sullivan, said: “Hillary Clinton "
            "believes that transatlantic cooperation is essential.”",
            "Jake Sullivan",
            id="subjectless_cue_takes_name_before_it",
        ),
        pytest.param(
            "Speaker of the House Rep. Paul Ryan (R-WI) said “anti-Semitic images have no place in a campaign.”",
            "Paul Ryan",
            id="party_label_between_name_and_cue",
        ),
        pytest.param(
            'She hadn’t.\n\n"I\'m not going to say it is a mistake, so forget about it," said retired neurosurgeon Ben Carson.',
            "Ben Carson",
            id="described_speaker_after_verb",
        ),
        pytest.param(
            'Health care was the topic.\n\n"The idea that I would dismantle health care in America is absurd."\n\n'
            "- Bernie Sanders.\n\nThe senator exaggerates.",
            "Bernie Sanders",
            id="signature_line_names_speaker",
        ),
        pytest.param(
            "Voting was about to begin.\n\nAs if addressing the magnate directly, the Illinois Board of Elections "
            "was conclusive in its findings: “Further discussion on this issue is unnecessary.”",
            "Illinois Board of Elections",
            id="colon_after_clause_names_its_subject",
        ),
        pytest.param(
            "Barack Obama: “We can do it all again,” spokesman John Smith said.",
            "John Smith",
            id="attribution_after_beats_name_before_colon",
        ),
        pytest.param(
            '"I\'ll be voting in March," Welch said, according to Vermont Edition. "And I\'ll vote for him."',
            "Vermont Edition",
            id="according_to_source_beats_the_quoted_person",
        ),
        pytest.param(
            'The crowd cheered.\n\n"The whole idea of a crooked candidate is something that we hear all the '
            'time."\n\n-Michelle Marks, Philadelphia.',
            "Michelle Marks",
            id="signature_line_name_before_its_place",
        ),
    ],
)
def test_quotes_first_direct_speaker(nlp, text, speaker):
    """Who the first direct quote is attributed to, across the ways news names a speaker."""
    assert _direct_speakers(nlp, text)[0][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Republicans are unmoved.\n\nAs The Post's Dana Milbank puts it, “Senate Republicans are unmoved, "
            "and liberal activists are uninspired.”",
            "Dana Milbank",
            id="as_x_puts_it",
        ),
        pytest.param(
            "Trump spoke about the wall.\n\n“Would it be negotiable about the 11 million?” Hannity pressed.",
            "Hannity",
            id="name_after_question_mark",
        ),
        pytest.param(
            "“We will win this race,” Trump said. Jane Smith then offered “my thoughts and prayers for all "
            "of the victims' families.”",
            "Jane Smith",
            id="quote_governed_by_verb_before_it",
        ),
        pytest.param(
            "The attack shocked Europe.\n\nRepublican presidential nominee Donald Trump issued the following "
            "statement:\n\n“Our prayers are with all those affected by the horrible attacks in Munich.”",
            "Donald Trump",
            id="paragraph_ending_in_colon_names_its_subject",
        ),
        pytest.param(
            "Web panels differ.\n\nWhat the report does mean is clear. From the report: “In general, samples with "
            "more elaborate sampling procedures did better.”",
            "the report",
            id="from_source_before_colon",
        ),
        pytest.param(
            "Tories are divided.\n\n“The prime minister has lost control,” Trump said, according to plan, before "
            "leaving the stage.",
            "Trump",
            id="according_to_plan_names_no_one",
        ),
        pytest.param(
            "Boris Johnson told MPs on Wednesday that he would fight on.\n\n“The job of a prime minister in "
            "difficult circumstances is to carry on, and that is what I am going to do.”\n\n— Associated Press",
            "Boris Johnson",
            id="wire_credit_is_no_signature",
        ),
        pytest.param(
            'The American Congress of Obstetricians urged Congress to act, the letter said.\n\n"The fact that it '
            'is already July and Congress has failed to act is odd," it read.',
            "it",
            id="it_read_names_the_text",
        ),
        pytest.param(
            'Some Democratic lawmakers said, "We want the transcripts released now."\n\n"I will look into it. I '
            "don't know the status of the speeches.\"\n\n- Hillary Clinton.",
            "Hillary Clinton",
            id="signature_line_beats_previous_speaker",
        ),
        pytest.param(
            "Readers wrote in after the debate.\n“He never answers a question.” ― Maria Lopez\n"
            "“We deserve a real debate about housing and jobs.” ― Tom Baker\xa0\n",
            "Tom Baker",
            id="quotation_dash_signature_on_the_same_line",
        ),
        pytest.param(
            "The letters kept coming.\n\n“Our town deserves better than this.”\n\n― Anna Weiss, Leeds.",
            "Anna Weiss",
            id="quotation_dash_signature_line",
        ),
        pytest.param(
            "The letters kept coming.\n\n“Our town deserves better than this.” -- Anna Weiss\n\nThe council met.",
            "Anna Weiss",
            id="double_hyphen_signature",
        ),
    ],
)
def test_quotes_last_direct_speaker(nlp, text, speaker):
    """Who the last direct quote is attributed to: "as X puts it", names after a question mark, and
    quotes inside the reporter's own sentence."""
    assert _direct_speakers(nlp, text)[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "LONDON (Reuters) - Donald Trump said he was unlikely to have a good relationship with Cameron.",
            "unlikely",
            "Donald Trump",
            id="dateline_is_not_the_subject",
        ),
        pytest.param(
            "The speaker appeared closer.\n\nTrump and Ryan issued a statement describing their meeting as a "
            "“very positive step toward unification.”",
            "positive step",
            "Trump",
            id="cue_on_a_noun_takes_the_subject_of_its_verb",
        ),
        pytest.param(
            "The senator vowed to fight.\n\nThe Vermont senator emailed supporters saying: “The struggle continues”",
            "struggle",
            "The Vermont senator",
            id="place_inside_a_described_speaker_is_not_the_speaker",
        ),
        pytest.param(
            "The unit was closed.\n\nDe Blasio said the move was made by NYPD commissioner Bill Bratton and said, "
            "“Who are you going to trust on security and keeping people safe?”",
            "Who are you",
            "De Blasio",
            id="second_cue_inside_first_cues_complement",
        ),
        pytest.param(
            "Fiorina was hired in 1999.\n\nThe board saw Fiorina, then 44, as the perfect driver to speed the "
            "“grandfather of Silicon Valley” into the new millennium.",
            "grandfather",
            "The board",
            id="verb_far_above_the_quote_governs_it",
        ),
        pytest.param(
            '"It was very different in tone from what people are accustomed to," Conway notes.\n\n'
            'In somber comments, Trump called the assault that killed five Dallas police officers "an attack on '
            'our country," but he also noted the "senseless, tragic deaths" of black men in police shootings.',
            "attack on our country",
            "Trump",
            id="cue_above_the_quote_beats_nearer_verb",
        ),
        pytest.param(
            "Just look at House Speaker Paul D. Ryan. He's said he gets his ideas about monetary policy from "
            "“a pro-gold speech in a novel.”",
            "monetary policy",
            "Paul Ryan",
            id="contracted_has_said_is_no_passive",
        ),
        pytest.param(
            "Paul Ryan spoke on Sunday.\n\nRyan said it’s unrealistic to think that if the U.S. pulls back, "
            "“our oceans are going to save us.”",
            "oceans",
            "Paul Ryan",
            id="cue_without_a_speaker_takes_the_reporting_cues",
        ),
        pytest.param(
            "Senator Elizabeth Warren of Massachusetts told reporters on Tuesday that the\nproposal would cost "
            "thousands of jobs in her state.",
            "proposal would cost",
            "Elizabeth Warren",
            id="hard_wrapped_line_is_not_a_sentence_break",
        ),
        pytest.param(
            "Police arrested a man claiming to be a doctor on Monday night.",
            "a doctor",
            "a man",
            id="participle_on_a_person_noun_is_that_persons",
        ),
        pytest.param(
            "It would be wrong to say that the economy is “in good shape for the coming year.”",
            "good shape",
            None,
            id="expletive_it_reached_by_climbing_is_nobody",
        ),
        pytest.param(
            "The town was shocked.\n\n“Who would do something like this to our town?” Police arrived minutes later.",
            "Who would",
            None,
            id="new_sentence_after_question_mark_is_no_attribution",
        ),
        pytest.param(
            "Five takeaways from Tuesday:\n\n“We have a lot of work to do before November and beyond.”",
            "work to do",
            None,
            id="date_before_colon_is_no_source",
        ),
        pytest.param(
            "Trump is wrong.\n\nAs House Speaker Paul Ryan has pointed out, that's the “textbook definition” of "
            "a racist comment.",
            "textbook",
            "Paul Ryan",
            id="as_clause_with_any_cue",
        ),
        pytest.param(
            "Jane Smith supports “appropriate pay raises for all federal workers,” and her rival John Doe said he "
            "agreed.",
            "pay raises",
            "Jane Smith",
            id="verb_before_the_quote_beats_cue_after_it",
        ),
        pytest.param(
            "The treaty failed.\n\nThe rejection of the treaty signals “the beginning of the end” for the EU, said "
            "Geert Wilders, founder of the Party for Freedom.",
            "beginning",
            "Geert Wilders",
            id="inverted_attribution_names_speaker_after_cue",
        ),
    ],
)
def test_quotes_speaker_of_reported_speech(nlp, text, words, speaker):
    """Who the quote holding ``words`` is attributed to (None: no one, rather than a misreading)."""
    (quote,) = [q for q in nlp(text)._.quotes if words in q.text]
    assert (quote.speaker.name if quote.speaker else None) == speaker


@pytest.mark.parametrize(
    ("text", "words", "speaker"),
    [
        pytest.param(
            "Hillary Clinton campaigned in Ohio.\n\nThe union is unlikely to endorse Clinton after her comment "
            "that “we're going to put a lot of coal companies out of business.”",
            "coal",
            "Hillary Clinton",
            id="possessive_pronoun_not_the_sentence_subject",
        ),
        pytest.param(
            "The ban drew fire.\n\nThe poll found that Trump's call for “a total and complete ban” on all Muslims "
            "entering the country was popular.",
            "on all Muslims",
            "Trump",
            id="possessive_name_reports_the_phrase_it_heads",
        ),
    ],
)
def test_quotes_noun_of_speech_names_its_owner(nlp, text, words, speaker):
    quote = next(q for q in nlp(text)._.quotes if words in q.text)
    assert quote.speaker is not None and speaker in quote.speaker.name


def test_quotes_noun_of_speech_inside_a_report_is_the_reporters(nlp):
    text = "Priebus said her claim that “the economy is fine and getting better” was false."
    speakers = {q.speaker.name for q in nlp(text)._.quotes if q.speaker is not None}
    assert speakers == {"Priebus"}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "As the company announced layoffs, shares fell sharply in early trading.", id="as_clause_of_time"
        ),
        pytest.param(
            "Trump's remarks about immigrants in Ohio sparked outrage.", id="noun_of_speech_with_topic"
        ),
    ],
)
def test_quotes_not_reported_speech(nlp, text):
    assert nlp(text)._.quotes == []


@pytest.mark.parametrize(
    "text",
    [
        "Steven Spielberg was 27 when he made his first hit.\n\nAfter “Jaws,” many viewers stayed out of the "
        "water for the rest of the summer.",
        "Senator Elizabeth Warren introduced the bill in March.\n\nThe bill, known as “the Anti-Monopoly Act,” "
        "several Democrats on the committee supported it.",
        "Margaret Thatcher became Prime Minister in 1979.\n\nNicknamed “the Iron Lady,” Thatcher, who led "
        "Britain for 11 years, expected absolute loyalty from her cabinet.",
        "The police arrived at noon.\n\n“Leave it, mate,” the man in the grey hoodie walked away moments later.",
        "The party met on Monday.\n\n“Medicare for All,” some Democrats fear, could cost them the election.",
    ],
)
def test_quotes_title_before_reporters_clause_is_no_direct_quote(nlp, text):
    """A short quoted title followed by the reporter's own clause (a quantifier and any verb, a relative
    clause, a placing phrase and a verb that is no speech) is no direct quote."""
    assert [q.text for q in nlp(text)._.quotes if q.kind == "direct"] == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Senator Bernie Sanders spoke first.\n\nSanders called the price of insulin “a moral outrage and a "
            "national disgrace,” the first declared candidate to use the phrase.",
            "Bernie Sanders",
        ),
        ("The protest went on.\n\n“We’re not going anywhere,” a sign on the door read.", "a sign"),
    ],
)
def test_quotes_participle_inside_speaker_phrase(nlp, text, speaker):
    """A verb of speaking before a noun is a participle inside a phrase ("the first declared candidate"),
    not the attribution; "read" after a placing phrase is."""
    quotes = [q for q in nlp(text)._.quotes if "“" in q.text]
    assert [q.speaker.name for q in quotes] == [speaker]


def test_quotes_two_apostrophes_mark_direct_quotes(nlp):
    text = (
        "The jobless rate ticked down to 5 percent.\n\n''We finally may be seeing some wage acceleration, "
        "and if it sticks, that would be a very big story,'' the economist Jared Bernstein wrote on his blog. "
        "''It is good news for the White House.''\n\nMr. Netanyahu was not impressed. ''That wasn't a good way "
        "to treat me,'' he complained to an American afterward."
    )
    quotes = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert [(q.text[:12], q.text[-12:], q.speaker.name) for q in quotes] == [
        ("''We finally", "ite House.''", "Jared Bernstein"),
        ("''That wasn'", " treat me,''", "Netanyahu"),
    ]


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        (
            "John Ward Anderson worked in Kiev.\n\n‘It was a mess,’ said John Ward Anderson, a Podesta "
            "employee who worked with him in Kiev. ‘Nobody knew what to do.’",
            "‘It was a mess,’",
            "what to do.’",
        ),
        (
            "David Paterson spoke.\n\n''Why now?'' asked Mr. Paterson, the former governor, who left office "
            "in 2010. ''Why, after all these years, does the party suddenly care?''",
            "''Why now?''",
            "suddenly care?''",
        ),
    ],
)
def test_quotes_pieces_in_other_marks_merge_across_long_attribution(nlp, text, first, last):
    """Single marks and two apostrophes end sentences and open pieces as double marks do."""
    (quote,) = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert quote.text.startswith(first) and quote.text.endswith(last)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "David Paterson spoke.\n\n“No comment,” Mr. Paterson, who left office in 2010, said.",
            "David Paterson",
        ),
        ("The rally began at noon.\n\n“Shame on you!” some protesters chanted.", "some protesters"),
    ],
)
def test_quotes_short_piece_opening_its_sentence_is_speech(nlp, text, speaker):
    """A short piece that opens its sentence is speech with a relative clause or a quantifier subject
    after it; inside the reporter's sentence it is a title (see the test above with "Jaws")."""
    assert [q.speaker.name for q in nlp(text)._.quotes if q.kind == "direct"] == [speaker]


def test_quote_spans_single_marks_in_british_style():
    text = (
        "‘We must not let Ukraine down,’ he said. ‘It is our duty to the voters’ families.’\n\n"
        "Mr Macron added: ‘Europe’s security is at stake.’ He called it ‘premature’."
    )
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "‘We must not let Ukraine down,’",
        "‘It is our duty to the voters’ families.’",
        "‘Europe’s security is at stake.’",
        "‘premature’",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A closing mark after a plural closes, unless a plain closing mark follows.
        (
            "‘I told them,’ she said.\n\nShe accused ministers of treating voters as ‘mugs’ and warned of "
            "‘years in the wilderness’ unless it changed.",
            ["‘I told them,’", "‘mugs’", "‘years in the wilderness’"],
        ),
        (
            "‘We will protect the pensioners’ £300 payment,’ she said. ‘I was a rock ’n’ roll kid,’ he said.",
            ["‘We will protect the pensioners’ £300 payment,’", "‘I was a rock ’n’ roll kid,’"],
        ),
        # A mark glued to the word before is a typo'd apostrophe, not an opening.
        (
            "‘It was fine,’ he said.\n\nTrump‘s campaign manager said the rally would go ahead.",
            ["‘It was fine,’"],
        ),
        # A decade is no opening mark.
        (
            "‘It was fine,’ he said.\n\nHe grew up in Essex in the ‘80s, and farmed there for decades.",
            ["‘It was fine,’"],
        ),
        # A “…” statement in a British article still counts.
        (
            "‘It was horrible,’ said one fan.\n\nThe FA said: “We are aware of the incident.”",
            ["‘It was horrible,’", "“We are aware of the incident.”"],
        ),
        # Headlines in single marks do not make a text British: its “…” quotes stay whole.
        (
            "Trump calls Harris ‘dumb’ at rally\nHarris camp says Trump is ‘unhinged’\n“She’s a disaster,” Trump "
            "said.\nA spokesman said: “When a supporter yelled ‘lock her up,’ Trump smiled.”",
            [
                "‘dumb’",
                "‘unhinged’",
                "“She’s a disaster,”",
                "“When a supporter yelled ‘lock her up,’ Trump smiled.”",
            ],
        ),
        # Only a passage that opens its paragraph runs past a possessive-like mark into the next one.
        (
            "Ms Hyslop admitted the situation was ‘not acceptable’ but said six new ferries were coming.\n\n"
            "‘We are doing everything we can,’ she said.",
            ["‘not acceptable’", "‘We are doing everything we can,’"],
        ),
        # Flattened to ASCII, British style.
        # A year or an elided word opens nothing, in a passage or out of one.
        (
            "Fans gathered.\n\n'I still think about Euro '96 every day,' the manager said.\n\n"
            "England's heroes of '66 were remembered before kick-off.",
            ["'I still think about Euro '96 every day,'"],
        ),
        (
            "The 'Boro boss watched his side slip to a third straight defeat on Saturday afternoon.\n\n"
            "'It was a clear penalty,' said one 'Gers fan who had travelled from Inverness.\n\n"
            "'I only took it 'cos the last train had gone,' Jones told officers.",
            ["'It was a clear penalty,'", "'I only took it 'cos the last train had gone,'"],
        ),
        # A passage the next paragraph goes on with runs past "our members' jobs" to its end.
        (
            "'We will defend our members' jobs to the very end. This company made record profits\n\n"
            "'And it is time it shared them,' she said.",
            [
                "'We will defend our members' jobs to the very end. This company made record profits",
                "'And it is time it shared them,'",
            ],
        ),
        ("'£300 a year is everything to me,' said Margaret Jones.", ["'£300 a year is everything to me,'"]),
        # Two straight marks: the opening one and an elision ('’Cos, flattened).
        (
            "'I like folk,' she said. ''Cos that's what people want.'",
            ["'I like folk,'", "''Cos that's what people want.'"],
        ),
        # A passage opened mid-paragraph that the next paragraph goes on with.
        (
            "'I thought I'd lost everything,' Gorka told The Sun. 'Dancing is all I know\n\n'And I will dance again.'",
            [
                "'I thought I'd lost everything,'",
                "'Dancing is all I know",
                "'And I will dance again.'",
            ],
        ),
    ],
)
def test_quote_spans_single_marks_and_apostrophes(text, expected):
    assert [text[a:b] for a, b in quote_spans(text)] == expected


def test_quote_spans_single_marks_inside_double_ones_are_no_quotes_of_their_own():
    text = "“He told me ‘no’ twice,” she said. “I won’t forget it.” Mr Smith’s aides agreed."
    assert [text[a:b] for a, b in quote_spans(text)] == ["“He told me ‘no’ twice,”", "“I won’t forget it.”"]


def test_quotes_british_single_marks(nlp):
    text = (
        "Sir Keir Starmer spoke in Paris on Monday.\n\n‘We must not let Ukraine down,’ he said. ‘It is our "
        "duty.’\n\nMr Macron added: ‘Europe’s security is at stake.’\n\nSir Keir said talk of troops was "
        "‘premature’ but did not rule it out."
    )
    assert [(q.kind, q.text, q.speaker.name) for q in nlp(text)._.quotes] == [
        ("direct", "‘We must not let Ukraine down,’ he said. ‘It is our duty.’", "Keir Starmer"),
        ("direct", "‘Europe’s security is at stake.’", "Macron"),
        ("mixed", "talk of troops was ‘premature’ but did not rule it out", "Keir Starmer"),
    ]


def test_quotes_british_single_marks_flattened_to_apostrophes():
    """The same article typed or scraped in ASCII reads the same; texts are the article's own."""
    from stancemap.analyze import analyze

    text = (
        "Sir Keir Starmer spoke in Paris on Monday.\n\n'We must not let Ukraine down,' he said. 'It is our "
        "duty.'\n\nMr Macron added: 'Europe's security is at stake.'\n\nSir Keir said talk of troops was "
        "'premature' but did not rule it out."
    )
    article = analyze(text)
    assert [(q.kind, q.text, q.speaker.name) for q in article.quotes] == [
        ("direct", "'We must not let Ukraine down,' he said. 'It is our duty.'", "Keir Starmer"),
        ("direct", "'Europe's security is at stake.'", "Macron"),
        ("mixed", "talk of troops was 'premature' but did not rule it out", "Keir Starmer"),
    ]
    assert all(article.text[q.cue.start : q.cue.end] == q.cue.text for q in article.quotes)


def test_quote_spans_flattened_single_marks_keep_apostrophes():
    text = (
        "'We won't let the voters' wishes down,' she said.\n\n'It's rock 'n' roll, like the '80s.'\n\n"
        "The pensioners' union called it 'a betrayal'."
    )
    curled = curl_single_marks(text)
    assert curled == (
        "‘We won't let the voters' wishes down,’ she said.\n\n‘It's rock 'n' roll, like the '80s.’\n\n"
        "The pensioners' union called it ‘a betrayal’."
    )
    assert [text[a:b] for a, b in quote_spans(text)] == [
        "'We won't let the voters' wishes down,'",
        "'It's rock 'n' roll, like the '80s.'",
        "'a betrayal'",
    ]
    # A text that quotes in double marks keeps its single ones as they are.
    american = "\"We won't back down,\" she said.\n\nHe called it 'a betrayal' on Monday."
    assert curl_single_marks(american) == american


def test_quote_spans_single_mark_nested_after_a_colon_is_no_style(nlp):
    """American copy with one quotation within a quotation ("said: 'You'll …'") stays in double marks."""
    text = (
        'A man was arrested on Tuesday.\n\nDeputy Ron Ellis said the suspect "looked at me and said: '
        "'You'll never take me alive,' and then he barricaded himself in the garage.\"\n\nHe was taken "
        "into custody later."
    )
    assert curl_single_marks(text) == text
    for marks in (text, text.replace(": '", ": ‘").replace(",' and", ",’ and")):
        (quote,) = [q for q in nlp(marks)._.quotes if q.kind == "direct"]
        assert quote.text.startswith('"looked at me') and quote.text.endswith('garage."')


def test_quotes_text_that_reads_is_the_speaker(nlp):
    text = (
        'The campaign sent an email.\n\n"Friend, let me be blunt. I can beat Hillary Clinton. Donald can\'t," '
        "the email read."
    )
    ((_, speaker),) = _direct_speakers(nlp, text)
    assert speaker.endswith("email")


def test_quotes_piece_that_ends_its_sentence_is_its_own_quote(nlp):
    """A cue after a quote that closes its sentence ("….” He added, “…”) starts a new attribution,
    even from the same speaker: the two pieces stay two quotes, each with its own cue."""
    text = (
        "Brafman spoke to the court.\n\nBrafman said, “The zeal with which this case was brought is "
        "uncharacteristic of any case that we have found.” He added, “In this case things happened that "
        "are not ordinary.”"
    )
    quotes = [q for q in nlp(text)._.quotes if q.kind == "direct"]
    assert [q.cue.text for q in quotes] == ["said", "added"]


@pytest.mark.parametrize(
    "text",
    [
        "Hillary Clinton spoke in Iowa.\n\n“There is no clash of civilizations here,” she said, adding, "
        "“Such talk only fans the flames of radicalization.”",
        "Hillary Clinton spoke in Iowa.\n\n“There is no clash of civilizations here,” she said, adding that "
        "such talk “fans the flames of radicalization.”",
    ],
)
def test_quotes_piece_with_a_cue_of_its_own_is_its_own_quote(nlp, text):
    """A second piece introduced by a cue of its own ("adding") is a second quote, as annotators mark
    it, not one quote interrupted by its attribution."""
    quotes = nlp(text)._.quotes
    first = next(q for q in quotes if q.text.startswith("“There is no clash"))
    assert first.text.endswith("here,”")
    assert any("flames" in q.text and q.cue.text.startswith("add") for q in quotes)


def test_quotes_poll_opening_the_sentence_is_credited(nlp):
    """ "In a … poll, 31% said …" reports the poll's finding: the poll is credited, as by "according to"."""
    text = (
        "Democrats are less enthusiastic.\n\nIn a national CNN/ORC poll released Monday, 31% of Republicans "
        'said they were "extremely enthusiastic" about voting this year.'
    )
    (credited,) = [q for q in nlp(text)._.quotes if q.cue and q.cue.text == "In"]
    assert credited.text.startswith("31% of Republicans said")
    assert "CNN" in credited.speaker.name


@pytest.mark.parametrize(
    ("text", "misread"),
    [
        pytest.param(
            "Labour leads.\n\n“We will not raise taxes on working people,” Starmer said, although according to "
            "the latest polls most voters do not believe him.",
            "the latest polls",
            id="according_to_in_a_clause_of_its_own",
        ),
        pytest.param(
            "Starmer spoke in Leeds.\n\n“It will take time, but we will rebuild this country together.”\n\n"
            "— Additional reporting by Jessica Elgot",
            "Jessica Elgot",
            id="credit_line_is_no_signature",
        ),
        pytest.param(
            "Sunak statement on the election - Full Text: “Today I have asked His Majesty the King to dissolve "
            "Parliament.”",
            "Full Text",
            id="dash_before_a_colon_outside_a_digest",
        ),
        pytest.param(
            'Voters are tired.\n\nMariano Rajoy spoke in Madrid. "We stay the first force in Spain." — Kim Brown, in '
            "Madrid\n",
            "Kim Brown",
            id="byline_after_a_quote_in_a_sentence",
        ),
    ],
)
def test_quotes_look_alike_is_no_attribution(nlp, text, misread):
    """Shapes that look like an attribution but are not one do not name the speaker."""
    (*_, (_, speaker)) = _direct_speakers(nlp, text)
    assert speaker is None or misread not in speaker


def test_quotes_pieces_across_a_long_attribution_are_one_quote(nlp):
    text = (
        "Podesta staff were unaware.\n\n“I was never given any reason to believe Rick was a consultant,” said "
        "John Ward Anderson, a current Podesta employee who at the time worked in Kiev with the firm. “My "
        "assumption was that he was working for the Centre, as we were.”"
    )
    ((quoted, speaker),) = _direct_speakers(nlp, text)
    assert quoted.startswith("“I was never") and quoted.endswith("as we were.”")
    assert speaker == "John Ward Anderson"


def test_quotes_far_piece_in_the_same_sentence_is_not_joined(nlp):
    text = (
        "The article ends.\n\n“You winning?” she said, but Kevin was drifting off again, and as Trump went on "
        "about “how the system is rigged,” and “wounded American families” and “our own struggling "
        "citizens,” Melanie said yes, over and over again."
    )
    assert not [q for q in nlp(text)._.quotes if "winning" in q.text and "rigged" in q.text]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        pytest.param(
            "Budget cuts loom.\n\n“We have to be honest with people,” Rachel Reeves said, explaining the decision, "
            "“the money simply is not there.”",
            1,
            id="lower_case_piece_finishes_the_sentence",
        ),
        pytest.param(
            "The memo leaked.\n\n“It was a mistake,” Mr Hunt said on Sunday. He was responding to questions about "
            "a leaked memo. Reform UK leader Nigel Farage has called on him to resign. “I have apologised and I "
            "will not be resigning.”",
            2,
            id="reporter_sentences_between_make_two_quotes",
        ),
        pytest.param(
            "Democrats are uneasy.\n\n“That is a problem for the party,” said Rep. Jim Clyburn of South Carolina, a "
            "member of the House Democratic leadership. “We need everybody on board before November.”",
            1,
            id="title_abbreviation_is_no_sentence_end",
        ),
    ],
)
def test_quotes_pieces_joined_or_not(nlp, text, quotes):
    assert len(_direct_speakers(nlp, text)) == quotes


def test_quotes_survey_reported_by_a_person_is_not_credited(nlp):
    text = (
        "Flooding hit the town.\n\nIn a survey of the flood damage on Tuesday, the environment secretary said the "
        "town would need millions of pounds of support."
    )
    assert [q.speaker.name for q in nlp(text)._.quotes] == ["the environment secretary"]


_MARKS_AND_WORDS = st.lists(
    st.sampled_from(
        [
            "“",
            "”",
            '"',
            "''",
            "``",
            "‘",
            "’",
            "'",
            "s",
            "a b",
            " ",
            ",",
            ".",
            ":",
            "\n",
            "6",
            "We said",
            "‘a’",
            "“a”",
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(_MARKS_AND_WORDS)
def test_quote_spans_are_ordered_disjoint_and_open_with_a_mark(text):
    """Whatever the marks, spans stay inside one paragraph, never overlap, and start at an opening mark."""
    spans = quote_spans(text)
    assert spans == sorted(spans)
    for (_, end), (start, _) in zip(spans, spans[1:], strict=False):
        assert end <= start
    for a, b in spans:
        assert 0 <= a < b <= len(text) and "\n" not in text[a:b]
        assert text[a] in "“\"'`‘"


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(_MARKS_AND_WORDS)
def test_quote_spans_curling_changes_only_straight_single_marks(text):
    curled = curl_single_marks(text)
    assert len(curled) == len(text)
    assert all(a == b or (a == "'" and b in "‘’") for a, b in zip(text, curled, strict=True))


def test_quotes_open_quote_before_a_trailing_space_ends_at_its_last_word(nlp):
    """Scraped lines often end in a space; an open quote runs to the last word, and reading what
    follows it does not fail (it raised IndexError, and the article lost its extraction)."""
    text = "More from the report: “Vendors condition their samples on other variables. \n\nNext paragraph."
    assert [q.text for q in nlp(text)._.quotes] == ["“Vendors condition their samples on other variables."]
