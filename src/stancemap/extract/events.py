"""Events: meetings and talks with place, date, participants and who was left out.

An event is found from its nouns ("emergency talks", "the summit", "discussions with Russian
officials"), or from the verb "meet" alone when it names who met ("Rayner and Hollinrake will meet in
Leeds on Friday", "Starmer met Macron in Paris"); later mentions join it: "the talks", "the meeting"
refer to the event mentioned last, and a repeated phrase ("emergency talks at the Elysee Palace") to
the event first named so. Each mention adds what its sentence says: a place after in/at/to (also of
"are expected to take place in Riyadh"), participants ("with X", "between A and B", "leaders of A, B
and C", the subject who "led a delegation ... for discussions", someone "present at the meeting,
including X", whoever "arrived in" the event's place), and those "not invited" to it or "excluded
from" it.

A later mention joins an earlier event only when their places and dates can agree: "the talks in
London yesterday" is not the summit "in Brussels tomorrow". An event that has no participants, no
place and no day (a duration, "could take years", or a month alone is none) and is only mentioned
inside reported speech ("Scholz said that talks were difficult") is not kept; nor is a meeting denied
or refused ("did not meet", "refused to meet").

Dates: a date in a mention's clause, or for the article's lead event the report's news day (the
bare day most often used with past-tense verbs: "said on Monday"). Relative dates are kept as
written ("Monday") until ``resolve_event_dates`` resolves them against the publication date, which
the doc does not know. A weekday is the next such day in a future clause ("will meet on Friday", "are
due to meet", "are meeting", "talks are set for Friday", reported "would hold talks", "Friday's
summit will focus"), else the latest on or before publication. That tense is read here, so
``find_events`` leaves it on the doc, one per event in the order of the events it returns
(``doc._.event_tenses``), for the caller to pass to ``resolve_event_dates`` with the publication
date: it is no part of the public ``Event``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..clean.dates import MONTHS, WEEKDAYS, normalise_date
from ..model import Event
from .actors import ActorTable
from .doctext import doc_text
from .lexicon import CUE_FORMS, DEMONYMS
from .syntax import actor_of, members_of, subject_of

EVENT_NOUNS = {
    "talks",
    "summit",
    "summits",
    "meeting",
    "meetings",
    "discussions",
    "negotiations",
    "conference",
    "summitry",
    "gathering",
    "ceasefire talks",
}
_GROUP_NOUNS = {
    "leaders",
    "officials",
    "ministers",
    "representatives",
    "heads",
    "delegations",
    "envoys",
    "diplomats",
    "delegates",
    "negotiators",
}
_PLACE_PREPS = {"in", "at", "to"}
_ARRIVE = {"arrived", "arrives", "arriving", "landed", "lands", "travelled", "traveled", "flew"}
_INVITE = {"invited", "invite", "included", "include", "consulted"}
_EXCLUDE = {"excluded", "exclude", "barred", "sidelined", "left"}
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1, "tomorrow": 1}
_WEEKDAY_SET = frozenset(WEEKDAYS)
# Future clauses: "will meet", "are to meet", "are due to / going to / set to meet", "plan to meet".
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_HEADS = {"going", "due", "set", "expected", "scheduled", "plan", "plans", "planning", "intend"}
# "Talks are set for Friday", "are scheduled for Thursday", "are due on Friday": a present arrangement.
_SCHEDULED = {"due", "set", "scheduled", "expected", "planned", "slated"}
_PRESENT = {"VBP", "VBZ"}
# A meeting told by its verb alone ("will meet in Leeds", "met Macron in Paris").
_MEET = {"meet", "meets", "met", "meeting"}
# "refused to meet", "declined to meet", "failed to meet": a meeting that did not or will not happen.
_REFUSE = {
    *("refuse", "refuses", "refused", "refusing", "decline", "declines", "declined", "declining"),
    *("fail", "fails", "failed", "failing"),
}
# Verbs that make an event noun happen: "held talks", "will host a summit". Denied or refused ("did not
# hold talks", "refused to host the summit"), the event does not take place. Not "open": someone else
# may open the summit that "Macron did not open".
_HOLD = {
    *("hold", "holds", "held", "holding", "have", "has", "had", "having", "host", "hosts", "hosted"),
    *("hosting", "convene", "convenes", "convened", "convening", "conduct", "conducts", "conducted"),
    *("conducting", "resume", "resumes", "resumed", "resuming"),
}
# A stretch of time, not a day: "years", "two weeks", "the coming months", "several decades".
_MONTH_WORDS = {*MONTHS, *(m[:3] for m in MONTHS), "sept"}
_DURATION = re.compile(r"(?:.*\s)?(?:days|weeks|months|years|decades|centuries)")

# The tense of each event's date clause (see resolve_event_dates), one per event in the order
# find_events returns them: read from the doc's parse, needed once the publication date is known.
if not Doc.has_extension("event_tenses"):
    Doc.set_extension("event_tenses", default=None)


@dataclass
class _Event:
    what: str
    start: int
    end: int
    places: list[tuple[str, str]] = field(default_factory=list)  # (name, entity label)
    when: str | None = None
    participants: list[str] = field(default_factory=list)
    not_invited: list[str] = field(default_factory=list)
    past: bool = False
    tense: int = 0  # of ``when``'s clause: 1 future, -1 past, 0 cannot tell (see resolve_date)
    reported: bool = True  # every mention is inside reported speech


def _phrase(noun: Token) -> str:
    mods = [t for t in noun.lefts if t.dep_ in {"compound", "amod"} and t.ent_type_ not in {"NORP", "GPE"}]
    return " ".join([*(t.lower_ for t in mods), noun.lower_])


def _add(items: list[str], name: str | None) -> None:
    if name and name not in items:
        items.append(name)


def _name(table: ActorTable, actor_id: str | None) -> str | None:
    return table.get(actor_id).name if actor_id else None


def _governor(noun: Token) -> Token | None:
    """The word an event noun hangs from through a preposition: "gathered ... for talks" -> gathered."""
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return noun.head.head
    if noun.dep_ in {"dobj", "nsubj", "nsubjpass"}:
        return noun.head
    return None


def _places(doc: Doc, token: Token) -> list[tuple[str, str]]:
    found = []
    for word in [token, *_chain(token, "xcomp")]:
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS):
            for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                if pobj.ent_type_ in {"GPE", "FAC", "LOC"}:
                    ent = next(e for e in doc.ents if e.start <= pobj.i < e.end)
                    words = [t.text for t in ent if t.lower_ != "the"]
                    found.append((" ".join(words), ent.label_))
    return found


def _chain(token: Token, dep: str) -> list[Token]:
    """The tokens hanging from ``token`` by ``dep``, and from them by ``dep`` in turn: the verbs a clause
    goes on to ("xcomp": "are expected to take place in Riyadh", where its place may hang), the others
    of a list ("conj": "A, B and C")."""
    found = []
    for child in (c for c in token.children if c.dep_ == dep):
        found += [child, *_chain(child, dep)]
    return found


def _listed(doc: Doc, table: ActorTable, sent) -> list[str]:
    """Members of "leaders of A, B and C" (scanned in text order: list parses are often broken)."""
    found: list[str] = []
    for token in sent:
        if (
            token.lower_ not in _GROUP_NOUNS
            or token.i + 1 >= sent.end
            or doc[token.i + 1].lower_ not in {"of", "from"}
        ):
            continue
        i = token.i + 2
        while i < sent.end and (i in table.token_actor or doc[i].lower_ in {",", "and", "the", "&"}):
            if i in table.token_actor:
                _add(found, table.token_actor[i])
            i += 1
    return found


def _with(doc: Doc, table: ActorTable, word: Token) -> list[str]:
    """Participants after "with" or "between": actors, or the country of "Russian officials"."""
    names: list[str] = []
    for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in {"with", "between"}):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for name in _parties(doc, table, pobj):
                _add(names, name)
    return names


def _parties(doc: Doc, table: ActorTable, head: Token | None, demonyms: bool = True) -> list[str]:
    """Who a noun phrase names, and each it is joined with by "and": an actor ("Angela Rayner and
    Kevin Hollinrake"), the actor before a group noun ("EU leaders"), and with ``demonyms`` the
    country of "Russian officials". A subject's demonym is left out: "European leaders gathered for
    talks" are those of the countries the article lists, not a party "Europe"."""
    names: list[str] = []
    if head is None:
        return names
    # "Keir Starmer and Emmanuel Macron met", parsed with "Starmer" a modifier of "Macron" that
    # carries the "and": both are named.
    misparsed = [
        c for c in head.lefts if c.dep_ in {"nmod", "compound"} and any(g.lower_ == "and" for g in c.children)
    ]
    for member in [*misparsed, head, *_chain(head, "conj")]:
        actor = actor_of(doc, table, member)
        if actor:
            _add(names, table.get(actor).name)
            continue
        norp = next((c for c in member.children if c.ent_type_ == "NORP"), None)
        if demonyms and norp is not None and norp.lower_ in DEMONYMS:
            _add(names, DEMONYMS[norp.lower_])
        elif member.lower_ in _GROUP_NOUNS:
            named = next(
                (c.i for c in member.lefts if c.dep_ == "compound" and c.i in table.token_actor), None
            )
            if named is not None:
                _add(names, table.get(table.token_actor[named]).name)
    return names


def _date_in(doc: Doc, tokens: set[int]) -> tuple[str | None, int]:
    """The first date among ``tokens`` and the tense of the clause it dates (see ``_tense``). A time
    that names a day ("last night", "tonight") dates a meeting as well as a date does; a duration
    ("could take years", "in the coming weeks") does not."""
    for ent in doc.ents:
        if ent.start not in tokens or ent.label_ not in {"DATE", "TIME"}:
            continue
        words = " ".join(ent.text.lower().split())
        if _DURATION.fullmatch(words):
            continue  # "talks could take years": how long, not when
        if ent.label_ == "DATE" or words in _DAY_WORDS:
            root = ent.root
            verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
            return normalise_date(ent.text) or ent.text, _tense(_clause_word(verb))
    return None, 0


def _clause_word(word: Token) -> Token:
    """The verb (or "due", "set") whose tense dates ``word``: a date on a noun is as the clause the noun
    is in ("Friday's summit ... will focus", "the talks in Paris on Friday will be attended")."""
    for _ in range(8):
        if word.pos_ not in {"NOUN", "PROPN", "ADP", "DET"} or word.head.i == word.i:
            break
        word = word.head
    return word


def _present(word: Token) -> bool:
    """A present-tense clause: "are" in "talks are set", "are due" (the adjective hangs from "are")."""
    finite = word.head if word.dep_ == "acomp" else word
    return finite.tag_ in _PRESENT or any(
        a.tag_ in _PRESENT for a in finite.children if a.dep_ in {"aux", "auxpass"}
    )


def _tense(verb: Token) -> int:
    """1 for a future clause ("will meet", "are to meet", "are due to meet", "plan to meet", "are
    meeting", "talks are set for Friday", "are due on Friday", reported "would": "officials said
    leaders would meet on Friday"), -1 for a past one ("met", "have met", "was held"), 0 when it
    cannot be told: a noun with no verb ("the summit on Friday"), or a simple present, which news uses
    for past events in headlines as well as for schedules ("Leaders meet in Brussels on Friday")."""
    if verb.lower_ in _SCHEDULED and _present(verb):
        return 1  # "talks are set for Friday", "are scheduled for Thursday", "are due on Friday"
    if verb.pos_ not in {"VERB", "AUX"}:
        return 0
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return 1
    if any(a.lower_ in {"would", "'d"} for a in aux) and _reported(verb, itself=True):
        return 1  # what "will" becomes when reported; a "would" not reported may be a condition
    if verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(a.lower_ in {"has", "have", "had"} or a.tag_ == "VBD" for a in aux)
    ):
        return -1  # "met", "have met", "was held"
    if verb.tag_ == "VBG" and any(a.tag_ in _PRESENT for a in aux):
        return 1  # "are meeting on Friday": an arrangement
    if verb.dep_ == "xcomp" and any(a.lower_ == "to" for a in aux):
        # "are to meet", "are due to meet" (due hangs from "are"), "are going to meet", "plan to meet";
        # "were due to meet" may be past or still to come.
        head = verb.head
        if _present(head) and (head.lower_ in _FUTURE_HEADS or head.lower_ in {"is", "are", "am"}):
            return 1
    return 0


def _reported(word: Token, itself: bool = False) -> bool:
    """Inside what someone is reported to have said: "Scholz said that talks were difficult" (with
    ``itself``, ``word`` may be the reported clause's own verb)."""
    words = [word, *word.ancestors] if itself else word.ancestors
    return any(t.dep_ == "ccomp" and t.head.lower_ in CUE_FORMS for t in words)


def _compatible(event: _Event, places: list[tuple[str, str]], when: str | None) -> bool:
    """Whether a mention with ``places`` and ``when`` can be of ``event``: no two places of one kind
    that differ (the Elysee Palace can be in Paris; London is not Brussels), no two dates that cannot be
    the same day ("yesterday" is not "tomorrow"; "Monday" may be "yesterday")."""
    for name, label in places:
        theirs = {n for n, lab in event.places if lab == label}
        if theirs and name not in theirs:
            return False
    if when is None or event.when is None or when == event.when:
        return True
    ours, theirs = when.lower(), event.when.lower()
    if ours in _DAY_WORDS and theirs in _DAY_WORDS:
        return _DAY_WORDS[ours] == _DAY_WORDS[theirs]  # "last night" is yesterday
    # Without the publication date a weekday may be any day word.
    return bool({ours, theirs} & _WEEKDAY_SET) and bool({ours, theirs} & _DAY_WORDS.keys())


def _specific(when: str | None) -> bool:
    """Whether ``when`` names one day: a weekday ("Friday", "last Friday", "Friday's"), a day word
    ("yesterday", "tomorrow"), a month with a day or a year ("17 June", "June 2025"), an ISO date."""
    if not when:
        return False
    low = " ".join(when.lower().split())
    if low in _DAY_WORDS or re.fullmatch(r"\d{4}-\d{2}-\d{2}", low):
        return True
    words = re.findall(r"[a-z]+|\d+", low)
    if any(w in WEEKDAYS for w in words):
        return True
    return any(w in _MONTH_WORDS for w in words) and any(w.isdigit() for w in words)


def news_day(doc: Doc) -> str | None:
    """The bare day a report is about: the one most often attached to past-tense verbs ("said on Monday")."""
    days = Counter()
    for ent in doc.ents:
        low = ent.text.lower()
        if ent.label_ in {"DATE", "TIME"} and (low in WEEKDAYS or low in _DAY_WORDS):
            verb = ent.root.head.head if ent.root.head.dep_ == "prep" else ent.root.head
            if verb.tag_ == "VBD":
                days[ent.text] += 1
    return days.most_common(1)[0][0] if days else None


def find_events(doc: Doc, table: ActorTable) -> list[Event]:
    """Meetings and talks in ``doc`` (offsets relative to ``doc.text``).

    The tense of each one's date clause goes to ``doc._.event_tenses``, in the order of the events
    returned, for ``resolve_event_dates``."""
    events: list[_Event] = []
    for token in doc:
        if token.lower_ in _MEET and token.pos_ == "VERB":
            _meeting(doc, table, token, events)
        elif token.lower_ in EVENT_NOUNS and token.pos_ in {"NOUN", "PROPN"} and token.dep_ != "compound":
            _mention(doc, table, token, events)
    _arrivals(doc, table, events)
    # A mere mention in reported speech, with no one, nowhere and no day to it, names no event to track:
    # a month alone ("the October news conference") is no day.
    events = [
        e
        for e in events
        if e.participants or e.places or _specific(e.when) or e.not_invited or not e.reported
    ]
    day = news_day(doc)
    if events and events[0].when is None and events[0].past and day:
        # the lead event happened on the day the report is about
        events[0].when, events[0].tense = day, -1
    found = []
    for e in events:
        raw = doc_text(doc)[e.start : e.end]
        start = e.start + len(raw) - len(raw.lstrip())  # the sentence without its trailing blank lines
        end = e.start + len(raw.rstrip())
        participants = [p for p in e.participants if p not in [n for n, _ in e.places]]
        found.append(
            Event(
                start,
                end,
                doc_text(doc)[start:end],
                e.what,
                _where(e.places),
                e.when,
                participants,
                e.not_invited,
            )
        )
    # Beside the events, not on them: ``when`` stays a date or the words as written, and the tense is
    # only needed until the publication date resolves it.
    doc._.event_tenses = [e.tense for e in events]
    return found


def _mention(doc: Doc, table: ActorTable, noun: Token, events: list[_Event]) -> None:
    """An event noun: a new event, or a mention of one already found, and what its sentence adds."""
    what = _phrase(noun)
    definite = any(c.lower_ in {"the", "this", "that", "those", "these"} for c in noun.lefts)
    governor = _governor(noun)
    if governor is not None and noun.dep_ == "dobj" and governor.lower_ in _HOLD and _denied(governor):
        return  # "did not hold talks", "refused to host the summit": nothing took place
    places = _places(doc, noun) + (_places(doc, governor) if governor is not None else [])
    when, tense = _date_in(doc, {t.i for t in (governor or noun).subtree})
    fits = [e for e in events if _compatible(e, places, when)]
    event = None
    if " " in what:
        event = next((e for e in fits if e.what == what), None)
    with_ = _with(doc, table, noun)
    if event is None and events and (definite or not places) and not with_:
        # "the talks" is the event mentioned last; a bare repeated noun ("discussions") the one so named.
        if definite:
            event = events[-1] if fits and fits[-1] is events[-1] else None
        else:
            event = next((e for e in reversed(fits) if e.what == what), None)
    if event is None:
        sent = noun.sent
        event = _Event(what, sent.start_char, sent.end_char)
        events.append(event)
    event.reported = event.reported and _reported(noun)
    _add_places(event, places)
    for name in with_:
        _add(event.participants, name)
    for actor in _listed(doc, table, noun.sent):
        _add(event.participants, _name(table, actor))
    if governor is not None:
        event.past = event.past or governor.tag_ == "VBD"
        _governed(doc, table, noun, governor, event)
    if event.when is None and when is not None:
        event.when, event.tense = when, tense


def _meeting(doc: Doc, table: ActorTable, verb: Token, events: list[_Event]) -> None:
    """A meeting told by its verb alone: "Rayner and Hollinrake will meet in Leeds on Friday", "Starmer
    met Macron in Paris". Who meets must be named; whoever or whatever is met must be someone (not "met
    the target", "met with criticism"); and it must say more than one name: a second party, a place or
    a day ("he met reporters" is no event to track). A meeting denied ("did not meet", "will never
    meet") or refused ("refused to meet", "declined to", "failed to") is none."""
    if _denied(verb):
        return
    if any(t.lower_ in EVENT_NOUNS and (g := _governor(t)) is not None and g.i == verb.i for t in verb.sent):
        return  # "will meet in Brussels for a summit": the summit is the event, read from its noun
    parties = _parties(doc, table, subject_of(verb), demonyms=False)  # "plan to meet": the subject of "plan"
    # Whoever is met: a named object ("met Macron"; "met her Republican opponents" names no one), or
    # after "with", where a demonym names its country as for an event noun ("met with Russian officials").
    others = [_parties(doc, table, c, demonyms=False) for c in verb.children if c.dep_ == "dobj"] + [
        _parties(doc, table, pobj)
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    if not parties or not all(others):
        return
    for names in others:
        for name in names:
            _add(parties, name)
    places = _places(doc, verb)
    when, tense = _date_in(doc, {t.i for t in verb.subtree})
    if len(parties) < 2 and not places and when is None:
        return
    # A meeting at a place already named joins the event there ("... in Brussels. Macron will meet
    # Scholz in Brussels"), when their dates can agree.
    names = {name for name, _ in places}
    event = next(
        (e for e in reversed(events) if names & {n for n, _ in e.places} and _compatible(e, places, when)),
        None,
    )
    if event is None:
        sent = verb.sent
        event = _Event("meeting", sent.start_char, sent.end_char)
        events.append(event)
    event.reported = event.reported and _reported(verb, itself=True)
    event.past = event.past or verb.tag_ == "VBD"
    _add_places(event, places)
    for name in parties:
        _add(event.participants, name)
    if event.when is None and when is not None:
        event.when, event.tense = when, tense


def _denied(verb: Token) -> bool:
    """ "did not meet", "will never meet", "refused to meet", "declined to meet", "failed to meet"."""
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children):
        return True
    return verb.dep_ == "xcomp" and verb.head.lower_ in _REFUSE


def _add_places(event: _Event, places: list[tuple[str, str]]) -> None:
    for place in places:
        if place[0] not in [p for p, _ in event.places]:
            event.places.append(place)


def _governed(doc: Doc, table: ActorTable, noun: Token, governor: Token, event: _Event) -> None:
    """What the verb or word an event noun hangs from says about who took part or was left out."""
    low = governor.lower_
    subject = next((c for c in governor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    negated = any(c.dep_ == "neg" for c in governor.children)
    if low in _INVITE or low in _EXCLUDE:
        if subject is not None and (low in _EXCLUDE or negated):
            for actor in [actor_of(doc, table, subject), *members_of(doc, table, subject)]:
                _add(event.not_invited, _name(table, actor))
        return
    if governor.pos_ == "VERB" and _denied(governor):
        return  # "Putin did not attend the summit", "refused to join the talks": not a participant
    if subject is not None:
        for name in _parties(doc, table, subject, demonyms=False):  # "Rubio and Lavrov held talks"
            _add(event.participants, name)
    if governor.pos_ == "VERB":
        for name in _with(doc, table, governor):  # "held a meeting with Putin"
            _add(event.participants, name)
    if governor.pos_ in {"NOUN", "ADJ"} or subject is None:
        # "some present at the meeting, including X"; "a delegation to ... for discussions" led by X.
        for actor in [
            actor_of(doc, table, governor) if governor.pos_ == "PROPN" else None,
            *members_of(doc, table, governor),
        ]:
            _add(event.participants, _name(table, actor))
        if governor.dep_ == "dobj" and governor.head.pos_ == "VERB":
            lead = next((c for c in governor.head.children if c.dep_ == "nsubj"), None)
            _add(event.participants, _name(table, actor_of(doc, table, lead)))


def _arrivals(doc: Doc, table: ActorTable, events: list[_Event]) -> None:
    """Whoever "arrived in" an event's place takes part in it."""
    for verb in doc:
        if verb.lower_ not in _ARRIVE:
            continue
        places = {name for name, _ in _places(doc, verb)}
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        actor = actor_of(doc, table, subject)
        if not actor or not places:
            continue
        for event in events:
            if places & {name for name, _ in event.places}:
                _add(event.participants, table.get(actor).name)


def _where(places: list[tuple[str, str]]) -> str | None:
    # The most specific place first: "Elysee Palace, Paris".
    rank = {"FAC": 0, "LOC": 1, "GPE": 2}
    ordered = sorted(places, key=lambda p: rank.get(p[1], 3))
    return ", ".join(name for name, _ in ordered) or None


def resolve_date(expression: str | None, published: str | None, direction: int = 0) -> str | None:
    """A date as written ("Monday", "yesterday", "tomorrow", "17 February") as YYYY-MM-DD against the
    publication date; unchanged when it cannot be resolved (no publication date, "next week").

    ``direction`` is the tense of the clause the date is in: in a future one (1) a weekday is the next
    such day on or after publication and a day of a month the next such day ("will meet on 17 June"),
    else the latest on or before it ("said on Monday"; "17 December" read in January is last year's)."""
    if not expression or re.fullmatch(r"\d{4}-\d{2}-\d{2}", expression) or not published:
        return expression
    try:
        base = date.fromisoformat(published[:10])
    except ValueError:
        return expression
    low = re.sub(r"['’]s$", "", " ".join(expression.lower().split()))  # "Friday's summit"
    if low.startswith("last "):
        direction = -1
    low = low if low in _DAY_WORDS else re.sub(r"^(?:on|last|this|earlier on|late on)\s+", "", low)
    if low in _DAY_WORDS:
        return (base + timedelta(days=_DAY_WORDS[low])).isoformat()
    if low in WEEKDAYS:
        if direction > 0:
            return (base + timedelta(days=(WEEKDAYS.index(low) - base.weekday()) % 7)).isoformat()
        back = (base.weekday() - WEEKDAYS.index(low)) % 7
        return (base - timedelta(days=back)).isoformat()
    full = normalise_date(f"{expression} {base.year}")
    if full and direction > 0:
        return full if full >= base.isoformat() else normalise_date(f"{expression} {base.year + 1}")
    if full:
        # "17 December" read in January is last year's.
        return (
            full
            if full <= (base + timedelta(days=31)).isoformat()
            else normalise_date(f"{expression} {base.year - 1}")
        )
    return expression


def resolve_event_dates(
    events: list[Event], published: str | date | None, tenses: list[int] | None = None
) -> list[Event]:
    """Resolve each event's relative date against the article's publication date (in place), given as
    YYYY-MM-DD or a ``datetime.date``.

    ``tenses`` are those ``find_events`` left in ``doc._.event_tenses``, one per event in the same
    order (1 future, -1 past, 0 cannot tell); without them a weekday is taken to be past."""
    if isinstance(published, date):  # a datetime too
        published = published.strftime("%Y-%m-%d")
    if tenses is not None and len(tenses) != len(events):
        raise ValueError(f"{len(tenses)} tenses for {len(events)} events: pass the doc's events, in order")
    for event, tense in zip(events, tenses if tenses is not None else [0] * len(events), strict=True):
        event.when = resolve_date(event.when, published, tense)
    return events
