"""Actors: people, organisations and places named in an article, canonical and deduplicated.

"Sir Keir Starmer", "Sir Keir", "Mr Starmer" and "the Prime Minister" become one actor "Keir Starmer";
"German Chancellor Olaf Scholz" gives Scholz the role "Chancellor" and the affiliation "Germany".
Mentions are processed in text order because a role phrase ("the Prime Minister") is resolved
against the people mentioned before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from ..clean.features import DATELINE
from ..model import Actor
from .lexicon import (
    CANONICAL_PLACES,
    CUE_FORMS,
    DEMONYMS,
    HONORIFICS,
    INSTITUTION_WORDS,
    KINSHIP,
    METONYM_SEATS,
    ORDINARY_PEOPLE,
    POST_NOMINALS,
    RANK_WORDS,
    ROLE_WORDS,
    ROLES,
    TITLE_GENDER,
)

_ROLE_SET = {r.replace("-", " ") for r in ROLES}
_LOCATIVE = {"in", "at", "to", "from", "near", "into", "outside", "inside", "across", "via"}
_SUBJECT_DEPS = {"nsubj", "nsubjpass"}


@dataclass
class Mention:
    """One mention of an actor: token range in the doc and whether it is a clause subject."""

    start: int  # token index
    end: int
    actor: str
    is_subject: bool
    kind: str  # person | organisation | place


@dataclass
class ActorTable:
    """The actors of one doc and their mentions in text order (what speaker resolution reads)."""

    actors: list[Actor] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    token_actor: dict[int, str] = field(default_factory=dict)
    # Gender of people as the article itself shows it ("Mr", "Mrs", "Clinton said she …"), read once
    # by pronoun resolution (see speakers.genders).
    genders: dict[str, str] | None = None
    # Gender of people by the honorifics already read before their mentions, as the table is built:
    # it tells "Mrs. Clinton" from "Mr. Clinton".
    titled: dict[str, str] = field(default_factory=dict)

    def get(self, actor_id: str) -> Actor:
        return next(a for a in self.actors if a.id == actor_id)

    def new(self, name: str, kind: str) -> Actor:
        actor = Actor(id=f"a{len(self.actors) + 1}", name=name, kind=kind)
        self.actors.append(actor)
        return actor

    def add_mention(self, doc: Doc, start: int, end: int, actor: Actor) -> None:
        # The recogniser can take in the blank lines after a name ("Jane Doe\n\n"): the evidence is the name.
        while end - start > 1 and doc[end - 1].is_space:
            end -= 1
        while end - start > 1 and doc[start].is_space:
            start += 1
        span = doc[start:end]
        actor.mentions.append((span.start_char, span.end_char))
        surface = span.text
        # One alias however a sentence start capitalises it ("The Prime Minister", "the Prime Minister").
        if surface.casefold() not in {actor.name.casefold(), *(alias.casefold() for alias in actor.aliases)}:
            actor.aliases.append(surface)
        # "Trump's campaign said", "The Liberal Democrat leader, Ed Davey, said": the person is the subject.
        is_subject = any(
            t.dep_ in _SUBJECT_DEPS or (t.dep_ in {"poss", "appos"} and t.head.dep_ in _SUBJECT_DEPS)
            for t in span
        )
        self.mentions.append(Mention(start, end, actor.id, is_subject, actor.kind))
        self.genders = None  # read from the mentions: read again
        title = TITLE_GENDER.get(doc[start].lower_)
        if title:
            self.titled.setdefault(actor.id, title)
        for i in range(start, end):
            self.token_actor[i] = actor.id


def find_actors(doc: Doc) -> ActorTable:
    """Build the actor table of ``doc`` from its entities and role phrases."""
    table = ActorTable()
    by_place: dict[str, Actor] = {}
    read_to = 0  # where the last person mention ends that ran past its entity (see ``_nickname_after``)
    for item in _candidates(doc):
        if isinstance(item, Span):
            if item.start >= read_to:
                read_to = _add_entity(doc, table, item, by_place) or read_to
        else:
            _add_role_phrase(doc, table, *item)
    _add_name_mentions(doc, table)
    for actor in table.actors:
        actor.mentions.sort()
    table.mentions.sort(key=lambda m: m.start)
    return table


def _add_name_mentions(doc: Doc, table: ActorTable) -> None:
    """Surnames the entity recogniser missed ("Mr Scholz said"): a proper noun that is a known
    person's last name, with its honorific; or a nickname a mention of them gave ("Gazza said")."""
    surnames: dict[str, list[Actor]] = {}
    for actor in table.actors:
        for name in [_surname(actor), *_nicknames(actor)]:
            if name:
                surnames.setdefault(name, []).append(actor)
    for token in doc:
        fits = surnames.get(token.text)
        if fits is None or token.i in table.token_actor or token.tag_ not in {"NNP", "NNPS"}:
            continue
        start = token.i
        while start > 0 and doc[start - 1].lower_ in HONORIFICS and start - 1 not in table.token_actor:
            start -= 1
        title = TITLE_GENDER.get(doc[start].lower_)
        actor = _bearer(doc, table, fits, token.i, token.lower_, title)
        table.add_mention(doc, start, token.i + 1, actor)


def _candidates(doc: Doc):
    """Entities and definite role phrases, in text order."""
    items: list[tuple[int, object]] = [
        (ent.start, ent)
        for ent in _join_first_names(doc)
        if ent.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC"}
    ]
    taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
    for start, end, role, affiliation in _role_phrases(doc, taken):
        items.append((start, (start, end, role, affiliation)))
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]


def _join_first_names(doc: Doc) -> list[Span]:
    """The entities, with the parts of a person's name that the recogniser labelled apart joined to it:
    a first name before a bare surname ("Sadiq" read as a place, or as nothing, before "Khan"), and the
    surname after a name that ends in a particle ("Ursula von der" + "Leyen", read as a place; or
    "Ursula von" + "der" + "Leyen")."""
    out: list[Span] = []
    for ent in doc.ents:
        last = out[-1] if out else None
        if last is not None and _particle_end(last, doc[last.end : ent.start]) and _surname_word(ent):
            out[-1] = Span(doc, last.start, ent.end, label="PERSON")
        elif (
            ent.label_ == "PERSON"
            and len(ent) == 1
            and ent.start > 0
            and _first_name_of(doc[ent.start - 1], ent)
        ):
            # Only before a bare surname: a full name ("Democrat Hillary Clinton") needs no more.
            if last is not None and last.start == ent.start - 1:
                out.pop()  # the first name's own entity ("Sadiq" as a place)
            out.append(Span(doc, ent.start - 1, ent.end, label="PERSON"))
        else:
            out.append(ent)
    return out


# Particles inside surnames ("Ursula von der Leyen", "Ludwig van Beethoven", "Ahmed bin Salman").
_PARTICLES = set(
    ["von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "le", "la", "bin", "ibn", "al"]
)


def _particle_end(ent: Span, gap: Span) -> bool:
    """A person's name cut short after a particle ("Ursula von der"), or before particles that no
    entity took in ("Ursula von" + "der"), which ``gap`` holds."""
    if ent.label_ != "PERSON" or len(ent) < 2 or not all(t.lower_ in _PARTICLES for t in gap):
        return False
    return len(gap) > 0 or ent[-1].lower_ in _PARTICLES


def _surname_word(ent: Span) -> bool:
    """One capitalised word that the recogniser did not call a person ("Leyen" read as a place)."""
    return len(ent) == 1 and ent.label_ != "PERSON" and ent[0].tag_ == "NNP" and _name_word(ent.text)


def _first_name_of(word: Token, surname: Span) -> bool:
    """Whether ``word``, just before a one-word person, is its first name that the recogniser left out
    or labelled apart (as a place, say): one capitalised word the parser attaches to the name, and no
    party, title, rank ("Admiral Harris"), place or people."""
    return (
        # In no entity, or one word labelled a place. (Where the recogniser took a common word for a
        # surname, "Price Drop", "Side Salad", that person was wrong before the join too.)
        word.ent_type_ in {"", "GPE", "LOC", "FAC"}
        and word.ent_iob_ != "I"  # no word of a longer entity ("Bank of England")
        and word.tag_ == "NNP"
        and word.dep_ == "compound"
        and surname.start <= word.head.i < surname.end
        and word.text[:1].isupper()
        and _name_word(word.text)
        and word.lower_ not in CANONICAL_PLACES
        and word.lower_ not in DEMONYMS
        and word.lower_ not in ROLE_WORDS
        and word.lower_ not in HONORIFICS
        and word.lower_ not in RANK_WORDS
        and not word.lower_.endswith("ing")  # a title-case headline's participle ("Backing Clinton")
    )


def _strip_possessive(doc: Doc, start: int, end: int) -> int:
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’"}:
        end -= 1
    return end


def _dateline_credit(doc: Doc, start: int, end: int) -> bool:
    """Whether an entity is the agency credited in a dateline ("BERLIN (Reuters) -"): the story's
    source, not an actor in it."""
    if start == 0 or end >= len(doc) or doc[start - 1].text != "(" or doc[end].text != ")":
        return False
    line_start = doc.text.rfind("\n", 0, doc[start].idx) + 1
    dateline = DATELINE.match(doc.text[line_start : doc[end].idx + 80])
    return dateline is not None and dateline.start("agency") == doc[start - 1].idx - line_start


def _add_entity(doc: Doc, table: ActorTable, ent: Span, by_place: dict[str, Actor]) -> int | None:
    """Add the actor an entity names; return where its mention ends if that is past the entity."""
    start, end = ent.start, _strip_possessive(doc, ent.start, ent.end)
    if end <= start or _dateline_credit(doc, start, end):
        return None
    lower = doc[start:end].text.lower()
    if all(t.text in POST_NOMINALS for t in doc[start:end]):
        # Whatever label the recogniser gives them ("KC" as a person, an organisation or a place).
        _extend_by_post_nominals(doc, table, start, end)
        return None
    if (ent.label_ == "PERSON" or _titled(doc, start, end)) and lower not in CANONICAL_PLACES:
        start = _name_start(doc, start, end)
        # A title-case headline runs a name into its verb ("Trump Says He Never …"); not "Bob Hope".
        end = next(
            (t.i for t in doc[start + 1 : end] if t.lower_ in CUE_FORMS and t.lower_.endswith("s")), end
        )
        if start < end and not any(t.lower_ in _CASE_MARKS for t in doc[start:end]):
            mark = next((t.i for t in doc[start + 1 : end + 1] if t.tag_ == "``"), None)
            nickname = _nickname_after(doc, mark) if mark is not None else None
            if nickname is None:
                _add_person(doc, table, start, end)
            else:
                _add_person(doc, table, start, nickname[1], skip=range(mark, nickname[0]))
                return nickname[1]
        return None
    if end - start == 1 and lower not in CANONICAL_PLACES and _known_name(table, doc[start].text):
        # The recogniser's label slips on a bare surname ("continued Smith." read as an organisation), or a
        # nickname ("Tig said").
        _add_person(doc, table, start, end)
        return None
    if lower.startswith("the "):
        lower = lower[4:]
        start += 1
    if lower in METONYM_SEATS and doc[start].dep_ == "pobj" and doc[start].head.lower_ in _LOCATIVE:
        name = doc[start:end].text  # a city as a place ("talks in Washington"), not its government
    else:
        name = CANONICAL_PLACES.get(lower, doc[start:end].text)
    kind = "organisation" if ent.label_ == "ORG" and name not in _COUNTRIES else "place"
    actor = by_place.get(name)
    if actor is None:
        actor = by_place[name] = table.new(name, kind)
    table.add_mention(doc, start, end, actor)


_COUNTRIES = {v for v in CANONICAL_PLACES.values()} - {"NATO", "European Union", "United Nations"}

# Role words that title a person just before the name ("Chancellor Scholz"), unlike the words that
# also begin the names of offices and firms ("State Department", "General Motors", "Home Office").
_PERSON_TITLES = ROLE_WORDS - {
    "business",
    "chief",
    "defence",
    "defense",
    "deputy",
    "elect",
    "executive",
    "finance",
    "foreign",
    "general",
    "head",
    "health",
    "home",
    "interior",
    "opposition",
    "press",
    "prime",
    "staff",
    "state",
    "vice",
}


def _titled(doc: Doc, start: int, end: int) -> bool:
    """Whether an entity the recogniser did not call a person is a name after an honorific or a title
    ("Mr Scholz", "German Chancellor Olaf Scholz", both read as organisations by the small model), or
    one set beside an office ("Kemi Badenoch, the Conservative leader,", read as a place)."""
    if (
        start == 0
        or end - start > 3
        or not all(t.text[:1].isupper() and _name_word(t.text) for t in doc[start:end])
    ):
        return False
    if doc[end - 1].lower_ in INSTITUTION_WORDS:
        return False  # "President Street", "Queen Elizabeth Hospital"
    before = doc[start - 1]
    if before.lower_ in HONORIFICS or before.lower_ in _PERSON_TITLES and before.text[:1].isupper():
        return True
    office = [c for c in doc[end - 1].children if c.dep_ == "appos" and c.i >= end]
    return any(c.lower_ in _PERSON_TITLES and any(d.lower_ == "the" for d in c.lefts) for c in office)


# A court case the recogniser calls a person ("Trump v. Trump").
_CASE_MARKS = {"v.", "vs.", "v", "vs"}


def _name_start(doc: Doc, start: int, end: int) -> int:
    """Where the name in a person entity begins, past words a title-case headline or a sentence start
    lets in: a function word ("Neither Cruz", "Top Clinton aides", "Beneath Clinton's"), "Will" in a
    question ("Will Sanders Come Down?"; not "Will Hurd said"), an adverb ("Certainly Donald Trump"),
    a participle ("Telling Jeb Bush", "Endorsed Trump"), a lower-case word and its hyphen
    ("pro-Clinton"), a leading dash ("-Donald Trump")."""
    while start < end:
        token = doc[start]
        if token.lower_ in HONORIFICS or not _not_name(token):
            break
        start += 1
    return start


# Prepositions that spaCy's stop words leave out, which a title-case headline capitalises.
_PREPOSITIONS = {
    "beneath",
    "underneath",
    "amid",
    "amidst",
    "despite",
    "inside",
    "outside",
    "toward",
    "towards",
}


def _not_name(token: Token) -> bool:
    """Whether a word at the start of a person entity is no part of the name (see ``_name_start``)."""
    if not token.text[:1].isupper() or token.tag_ in {"VBG", "VBD", "VBN"} or token.lower_ in _PREPOSITIONS:
        return True
    if token.tag_ == "MD":
        return "?" in token.sent.text
    if token.tag_ == "RB" and token.lower_.endswith("ly"):
        return True
    return token.is_stop and token.tag_ not in {"NNP", "NNPS"}


def _extend_by_post_nominals(doc: Doc, table: ActorTable, start: int, end: int) -> None:
    """Letters after a name that the recogniser took for an entity of their own ("Judge Mark Lucraft"
    + "KC") join the mention of the person just before them, so "KC told him" is that person; on their
    own ("the KC said") they name no actor."""
    before = start - 2 if start > 1 and doc[start - 1].text == "," else start - 1
    mention = table.mentions[-1] if table.mentions else None
    if mention is None or mention.end != before + 1 or mention.kind != "person":
        if start > 0 and doc[start - 1].lower_ == "the":
            _add_styled_holder(doc, table, start - 1, end)
        return
    actor = table.get(mention.actor)
    if actor.mentions and actor.mentions[-1][0] == doc[mention.start].idx:
        actor.mentions[-1] = (actor.mentions[-1][0], doc[end - 1].idx + len(doc[end - 1]))
    for i in range(mention.end, end):
        table.token_actor[i] = actor.id
    mention.end = end
    surface = doc[mention.start : end].text
    if surface not in actor.aliases:
        actor.aliases.append(surface)


def _nickname_after(doc: Doc, mark: int) -> tuple[int, int] | None:
    """A nickname in quotation marks, opening at token ``mark``, between a first name and the surname ("Paul
    ‘Gazza’ Gascoigne", "John “Tig” Tiegen"): where the surname begins and ends, else None. The
    recogniser's person stops at the first name or inside the marks, and the surname left outside
    spoke as nobody's."""
    if mark >= len(doc) or doc[mark].tag_ != "``":
        return None
    close = mark + 1
    while close < min(mark + 4, len(doc)) and doc[close].text[:1].isupper() and _name_word(doc[close].text):
        close += 1
    if close == mark + 1 or close >= len(doc) or doc[close].tag_ != "''":
        return None
    last = close + 1
    while (
        last < min(close + 3, len(doc))
        and doc[last].tag_ in {"NNP", "NNPS", "NN"}  # the tagger calls some surnames nouns ("Price")
        and doc[last].text[:1].isupper()
        and _name_word(doc[last].text)
        and doc[last].lower_ not in CUE_FORMS
    ):
        last += 1
    return (close + 1, last) if last > close + 1 else None


def _name_word(word: str) -> bool:
    """A word of a name: letters, and an apostrophe inside them (O'Brien, D’Arcy)."""
    return word.isalpha() or word[:1].isalpha() and word.replace("'", "").replace("’", "").isalpha()


def _add_styled_holder(doc: Doc, table: ActorTable, start: int, end: int) -> None:
    """ "The KC said …": the person last named with those letters ("Nicholas Johnson KC"), if any."""
    letters = " " + doc[start + 1 : end].text
    for mention in reversed(table.mentions):
        actor = table.get(mention.actor)
        if actor.kind == "person" and any(alias.endswith(letters) for alias in actor.aliases):
            table.add_mention(doc, start, end, actor)
            return


def _add_person(doc: Doc, table: ActorTable, start: int, end: int, skip: range = range(0)) -> None:
    """``skip``: tokens of the mention that are no part of the name (a nickname between its words)."""
    # Honorifics inside the entity ("Sir Keir") or just before it ("Mr" + "Scholz") belong to the
    # mention but not to the name.
    while start > 0 and doc[start - 1].lower_ in HONORIFICS:
        start -= 1
    words = [
        t.text
        for t in doc[start:end]
        if t.i not in skip and (t.lower_ not in HONORIFICS and _name_word(t.text) or "-" in t.text)
    ]
    words = [w for w in words if w.lower() not in HONORIFICS]
    # Letters after the name are no part of it; first, they are initials ("KC Venugopal").
    name_tokens = words[:1] + [w for w in words[1:] if w not in POST_NOMINALS]
    if not name_tokens:
        return
    title = TITLE_GENDER.get(doc[start].lower_)
    actor = _match_person(doc, table, name_tokens, start, title)
    if actor is None:
        actor = table.new(" ".join(name_tokens), "person")
    elif len(name_tokens) > len(actor.name.split()):
        actor.name = " ".join(name_tokens)  # a fuller form of a name seen first in short
    table.add_mention(doc, start, end, actor)
    kin_gender = KINSHIP.get(_kin_word(doc, start) or "")
    if kin_gender:
        table.titled.setdefault(actor.id, kin_gender)  # "his wife, Hillary Clinton": "Mrs. Clinton"
    role, affiliation = _title_before(doc, start)
    if role is None:
        role, affiliation = _apposition(doc, start, end)
    if role and not actor.role:
        actor.role = role
    if affiliation and not actor.affiliation:
        actor.affiliation = affiliation


def _surname(actor: Actor) -> str | None:
    """The last name of a person named in full, else None."""
    words = actor.name.split()
    return words[-1] if actor.kind == "person" and len(words) > 1 else None


_NICKNAME = re.compile(r"[\"'“‘]([^\W\d_]+)[\"'”’] ")


def _nicknames(actor: Actor) -> list[str]:
    """The one-word nicknames a person's mentions gave in quotation marks ("Paul ‘Gazza’ Gascoigne")."""
    if actor.kind != "person":
        return []
    return [m.group(1) for alias in actor.aliases for m in _NICKNAME.finditer(alias)]


def _known_name(table: ActorTable, word: str) -> bool:
    """Whether ``word`` is the last name of a person already named in full, or their nickname."""
    return any(_surname(a) == word or word in _nicknames(a) for a in table.actors)


def _match_person(
    doc: Doc, table: ActorTable, tokens: list[str], position: int, title: str | None
) -> Actor | None:
    """The person already known under these name tokens: same name, or a surname / first name of one.
    ``title``: the gender of an honorific before them ("Mrs." "f")."""
    people = [a for a in table.actors if a.kind == "person"]
    wanted = [t.lower() for t in tokens]
    if len(wanted) == 1:
        # A bare first or last name: which of the people it fits (one known by that name alone too),
        # by last name first ("Obama" is Barack Obama before a headline's "Obama Seeks").
        fits = [a for a in people if a.name.lower().split()[-1] == wanted[0]]
        fits = fits or [a for a in people if a.name.lower().split()[0] == wanted[0]]
        fits = fits or [a for a in people if wanted[0] in {n.lower() for n in _nicknames(a)}]
        return _bearer(doc, table, fits, position, wanted[0], title) if fits else None
    for actor in reversed(people):
        if actor.name.lower().split() == wanted:
            return actor
    for actor in reversed(people):
        have = actor.name.lower().split()
        if len(have) == 1 and have[0] in (wanted[-1], wanted[0]) and not _introduced_as_kin(doc, position):
            return actor
        if len(have) > 1 and wanted[-1] == have[-1] and _same_first_name(wanted[0], have[0]):
            return actor
    return None


def _same_first_name(a: str, b: str) -> bool:
    """Whether two first names can be one person's: an initial of the other ("J. Smith"), or the same
    beginning ("Pete" and "Peter", "Bernie" and "Bernard"); "Jill" is not "Joe"."""
    a, b = a.rstrip("."), b.rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[:1] == b[:1]
    return a[:3] == b[:3]


def _bearer(
    doc: Doc, table: ActorTable, fits: list[Actor], position: int, word: str, title: str | None
) -> Actor:
    """Which of the people a bare name (``word``, lower case) fits it stands for ("Clinton" in an
    article on Hillary and Bill Clinton).

    An honorific decides when one of them has been shown by one to be of its gender, and rules out
    those shown to be of the other ("Mr. Clinton" after "Mrs. Clinton"). Then one named in full in
    this sentence or the one before ("Former President Bill Clinton greeted voters. Clinton arrived
    at …"); else the article's main bearer of the name (see ``_main_bearer``).
    """
    if title is not None:
        same = [a for a in fits if table.titled.get(a.id) == title]
        fits = same or [a for a in fits if a.id not in table.titled] or fits
    if len(fits) == 1:
        return fits[0]
    ids = {a.id for a in fits}
    sentence = doc[position].sent.start
    window = doc[sentence - 1].sent.start if sentence > 0 else 0
    near = [
        m
        for m in table.mentions
        if m.actor in ids
        and window <= m.start < position
        and _full_name(doc[m.start : m.end], word)
        and not _quoted(doc, m.start)
    ]
    if near:
        return table.get(max(near, key=lambda m: m.start).actor)
    return _main_bearer(doc, table, fits)


def _main_bearer(doc: Doc, table: ActorTable, fits: list[Actor]) -> Actor:
    """The first of ``fits`` the article named, since news names the others in full each time; but
    not a relative introduced as one, nor a bare surname read before any full name."""
    ids = {a.id for a in fits}
    first: dict[str, int] = {}
    for mention in table.mentions:
        if mention.actor in ids:
            first[mention.actor] = min(first.get(mention.actor, mention.start), mention.start)
    if not first:
        return fits[0]
    # A relative introduced as one ("his daughter Ivanka Trump", "her husband, Bill Clinton") is named
    # for the main bearer's sake, not the other way round.
    main = [a for a in first if not _introduced_as_kin(doc, first[a])] or list(first)
    # A bare surname read before any full name ("Clinton" in a headline) is a placeholder until a
    # full name joins it: a person named in full comes first.
    return table.get(min(main, key=lambda a: (len(table.get(a).name.split()) == 1, first[a])))


def _quoted(doc: Doc, i: int) -> bool:
    """Whether token ``i`` stands inside quotation marks: a name there is the speaker's word, not the
    reporter's reference ("“My husband, Bill Clinton, balanced the budget,” Clinton said")."""
    from .quotes import doc_quote_spans  # quotes builds on actors: imported late

    at = doc[i].idx
    return any(a <= at < b for a, b in doc_quote_spans(doc))


def _full_name(span: Span, surname: str) -> bool:
    """Whether a mention names a person in full by this surname ("Bill Clinton", not "Mr. Clinton"):
    a bare surname read as one person does not make the next one that person's too."""
    words = [t.lower_ for t in span if t.lower_ not in HONORIFICS]
    return len(words) > 1 and words[-1] == surname


def _introduced_as_kin(doc: Doc, start: int) -> bool:
    """Whether a word of kinship stands just before the mention at ``start`` ("his son, Eric Trump")."""
    return _kin_word(doc, start) is not None


def _kin_word(doc: Doc, start: int) -> str | None:
    """The word of kinship that introduces the mention at ``start`` ("his wife, Hillary Clinton"),
    not one it is compared with ("Like her father, Chelsea Clinton …")."""
    before = [t for t in doc[max(0, start - 4) : start] if not t.is_punct]
    if not before or before[-1].lower_ not in KINSHIP:
        return None
    return None if any(t.lower_ in {"like", "unlike"} for t in before[:-1]) else before[-1].lower_


def _title_before(doc: Doc, start: int) -> tuple[str | None, str | None]:
    """Role and affiliation written before a name: "German Chancellor", "US secretary of state"."""
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start:
        token = doc[i]
        low = token.lower_
        if low in ROLE_WORDS or low in DEMONYMS or low == "of" or token.ent_type_ in {"NORP", "GPE", "ORG"}:
            i -= 1
            continue
        break
    tokens = list(doc[i + 1 : start])
    while tokens and tokens[0].lower_ == "of":
        tokens = tokens[1:]
    return _split_title(tokens)


def _apposition(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """Role from an apposition after the name: "Olaf Scholz, the German chancellor,"."""
    head = doc[start:end].root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end:
            tokens = [t for t in child.subtree if t.dep_ not in {"det", "punct"}]
            if tokens and all(t.i < end + 8 for t in tokens):
                role, affiliation = _split_title(tokens)
                if role:
                    return role, affiliation
    return None, None


def _split_title(tokens: list[Token]) -> tuple[str | None, str | None]:
    """Role and affiliation in the words of a title ("North Dakota Governor", "Labour Party's leader",
    "director for games at Microsoft")."""
    affiliation = None
    rest: list[Token] = []
    for token in tokens:
        low = token.lower_
        is_role_word = low in ROLE_WORDS or (low == "of" and rest)
        if not rest and low in {"'s", "’s"}:
            continue  # the affiliation's possessive ("Labour Party's leader")
        if not rest and not is_role_word and (low in DEMONYMS or low in CANONICAL_PLACES or token.ent_type_):
            affiliation = _affiliation(token)
            continue
        rest.append(token)
    # The role ends where a phrase of where or whom for begins, when that phrase names the body or the
    # place ("director for games at Microsoft", "senator from Texas"): that is the affiliation. Without
    # one the phrase is part of the role ("Senior Vice President For Sustainability").
    # A phrase of where or whom for ends it before an "of" does ("Head of Research at Kotak Securities").
    ends = [i for i in range(1, len(rest)) if _role_ends(rest, i)]
    cut = min((i for i in ends if rest[i].lower_ != "of"), default=min(ends, default=len(rest)))
    named = next((t for t in rest[cut:] if t.ent_type_ in {"ORG", "GPE", "NORP", "PERSON"}), None)
    if named is not None:
        affiliation = affiliation or _affiliation(named)
        rest = rest[:cut]
    words = " ".join(t.text for t in rest).replace(" - ", "-")
    if not words or not any(t.lower_ in ROLE_WORDS for t in rest):
        return None, affiliation
    return _title_case(words), affiliation


_ROLE_ENDS = {"at", "with", "in", "on", "from", ","}


def _role_ends(words: list[Token], i: int) -> bool:
    """Whether the role in ``words`` ends before word ``i``: a phrase of where or whom for ("at
    Microsoft", "from Texas"), or "of" a body the recogniser names ("Secretary General of NATO"). Not
    "for": a portfolio is part of the role ("Secretary of State for Northern Ireland")."""
    word = words[i]
    if word.ent_type_:
        return False
    if word.lower_ == "of":
        after = (
            words[i + 2]
            if i + 2 < len(words) and words[i + 1].lower_ == "the"
            else words[i + 1]
            if i + 1 < len(words)
            else None
        )
        # The body's first word, or the word after its "the" ("director of the Institute for …").
        starts = after is not None and (after.ent_iob_ == "B" or after.doc[after.i - 1].lower_ == "the")
        return starts and after.ent_type_ in {"ORG", "GPE"} and after.lower_ not in ROLE_WORDS  # "of State"
    return word.lower_ in _ROLE_ENDS


def _affiliation(token: Token) -> str:
    """The place or body a word of a title names: the whole entity it is part of ("North Dakota"), a
    demonym's country ("German": Germany)."""
    words = token.doc[token.i : token.i + 1]
    if token.ent_iob_ in {"B", "I"}:
        start, end = token.i, token.i + 1
        while start > 0 and token.doc[start].ent_iob_ == "I":
            start -= 1
        while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
            end += 1
        words = token.doc[start:end]
        # Not its possessive, nor a role word the recogniser ran into it ("Breitbart News Executive"), nor
        # its article.
        while len(words) > 1 and (words[-1].lower_ in {"'s", "’s"} or words[-1].lower_ in ROLE_WORDS):
            words = words[:-1]
        if len(words) > 1 and words[0].lower_ == "the":
            words = words[1:]
    low = words.text.lower()
    return DEMONYMS.get(low) or CANONICAL_PLACES.get(low) or words.text


def _holds(held: str | None, role: str) -> bool:
    """Whether a person with the role ``held`` is "the <role>": the same role, or it with its portfolio
    ("Secretary of State for Northern Ireland" is the Secretary of State)."""
    held = (held or "").lower()
    return held == role or held.startswith(role + " for ")


def _title_case(words: str) -> str:
    small = {"of", "the", "and", "for", "at", "in", "on", "to"}
    return " ".join(w if w.lower() in small else w[:1].upper() + w[1:] for w in words.split())


def _role_phrases(doc: Doc, taken: set[int]):
    """Definite role phrases that stand for a person: "the Prime Minister", "the UK Prime Minister"."""
    for token in doc:
        if token.lower_ != "the" or token.i in taken:
            continue
        j = token.i + 1
        affiliation = None
        while (
            j < len(doc)
            and (doc[j].lower_ in DEMONYMS or doc[j].lower_ in CANONICAL_PLACES)
            and doc[j].lower_ not in ROLE_WORDS
        ):
            affiliation = DEMONYMS.get(doc[j].lower_) or CANONICAL_PLACES.get(doc[j].lower_)
            j += 1
        k = j
        while k < len(doc) and (doc[k].lower_ in ROLE_WORDS or (doc[k].lower_ == "of" and k > j)):
            k += 1
        while k > j and doc[k - 1].lower_ == "of":
            k -= 1
        if k == j:
            continue
        role = " ".join(t.lower_ for t in doc[j:k])
        if role not in _ROLE_SET:
            continue
        if k < len(doc) and doc[k].ent_type_ == "PERSON":
            continue  # a title before a name: handled with the person
        yield token.i, k, role, affiliation


def _described(doc: Doc, mention: Mention) -> bool:
    """Whether a person's mention says they hold no office: "Local resident John Smith", "John Smith, a
    teacher,". Such a person is not "the minister" named later."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    if before is not None and before.lower_ in ORDINARY_PEOPLE:
        return True
    head = doc[mention.start : mention.end].root
    return any(
        child.dep_ == "appos" and child.lower_ in ORDINARY_PEOPLE
        for child in head.children
        if child.i >= mention.end
    )


def _add_role_phrase(
    doc: Doc, table: ActorTable, start: int, end: int, role: str, affiliation: str | None
) -> None:
    """Resolve "the <role>" to the person who holds it, or to the salient person without a role yet."""
    people = {a.id: a for a in table.actors if a.kind == "person"}
    before = [m for m in table.mentions if m.end <= start and m.actor in people]
    wanted = _title_case(role)

    def compatible(actor: Actor) -> bool:
        return affiliation is None or actor.affiliation in (None, affiliation)

    holders = [m for m in before if _holds(people[m.actor].role, role) and compatible(people[m.actor])]
    if holders:
        actor = people[holders[-1].actor]
    else:
        described = {m.actor for m in before if _described(doc, m)}
        free = [
            m
            for m in before
            if not people[m.actor].role and compatible(people[m.actor]) and m.actor not in described
        ]
        subjects = [m for m in free if m.is_subject]
        if not free:
            return
        actor = people[(subjects or free)[-1].actor]
        actor.role = wanted
    if affiliation and not actor.affiliation:
        actor.affiliation = affiliation
    table.add_mention(doc, start, end, actor)
