"""Events: meetings and talks with place, date, participants and who was left out.

An event is found from its nouns ("emergency talks", "the summit", "discussions with Russian
officials"); later mentions join it: "the talks", "the meeting" refer to the event mentioned last,
and a repeated phrase ("emergency talks at the Elysee Palace") to the event first named so.
Each mention adds what its sentence says: a place after in/at/to, participants ("with X",
"leaders of A, B and C", the subject who "led a delegation ... for discussions", someone "present
at the meeting, including X", whoever "arrived in" the event's place), and those "not invited" to it
or "excluded from" it.

A later mention joins an earlier event only when their places and dates can agree: "the talks in
London yesterday" is not the summit "in Brussels tomorrow". An event that has no participants and no
place and is only mentioned inside reported speech ("Scholz said that talks were difficult") is not kept.

Dates: a date in a mention's clause, or for the article's lead event the report's news day (the
bare day most often used with past-tense verbs: "said on Monday"). Relative dates are kept as
written ("Monday") until ``resolve_event_dates`` resolves them against the publication date; a
weekday is the next such day in a future clause ("will meet on Friday", "are due to meet",
"are meeting"), else the latest on or before publication.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ..clean.dates import normalise_date
from ..model import Event
from .actors import ActorTable
from .doctext import doc_text
from .lexicon import CUE_FORMS, DEMONYMS
from .syntax import actor_of, members_of

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
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1, "tomorrow": 1}
# Future clauses: "will meet", "are to meet", "are due to / going to / set to meet", "plan to meet".
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}
_FUTURE_HEADS = {"going", "due", "set", "expected", "scheduled", "plan", "plans", "planning", "intend"}
_PRESENT = {"VBP", "VBZ"}


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
    direction: int = 0  # of ``when``: 1 a future clause, -1 a past one, 0 cannot tell (see resolve_date)
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
    for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in _PLACE_PREPS):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            if pobj.ent_type_ in {"GPE", "FAC", "LOC"}:
                ent = next(e for e in doc.ents if e.start <= pobj.i < e.end)
                words = [t.text for t in ent if t.lower_ != "the"]
                found.append((" ".join(words), ent.label_))
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


def _with(doc: Doc, table: ActorTable, noun: Token) -> list[str]:
    """Participants after "with": actors, or the country of "Russian officials"."""
    names = []
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"):
        for pobj in (c for c in prep.children if c.dep_ == "pobj"):
            for member in [pobj, *(c for c in pobj.subtree if c.dep_ == "conj")]:
                actor = actor_of(doc, table, member)
                if actor:
                    names.append(table.get(actor).name)
                    continue
                norp = next((c for c in member.children if c.ent_type_ == "NORP"), None)
                if norp is not None and norp.lower_ in DEMONYMS:
                    names.append(DEMONYMS[norp.lower_])
    return names


def _date_in(doc: Doc, tokens: set[int]) -> tuple[str | None, int]:
    """The first date among ``tokens`` and the tense of the clause it dates (see ``_tense``)."""
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.start in tokens:
            root = ent.root
            verb = root.head.head if root.dep_ == "pobj" and root.head.dep_ == "prep" else root.head
            return normalise_date(ent.text) or ent.text, _tense(verb)
    return None, 0


def _tense(verb: Token) -> int:
    """1 for a future clause ("will meet", "are to meet", "are due to meet", "plan to meet", "are
    meeting"), -1 for a past one ("met", "have met"), 0 when it cannot be told: a noun ("the summit on
    Friday"), or a simple present, which news uses for past events in headlines as well as for
    schedules. "was held" is past too."""
    if verb.pos_ not in {"VERB", "AUX"}:
        return 0
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in _FUTURE_AUX for a in aux):
        return 1
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
        finite = head.head if head.dep_ == "acomp" else head
        present = finite.tag_ in _PRESENT or any(
            a.tag_ in _PRESENT for a in finite.children if a.dep_ in {"aux", "auxpass"}
        )
        if present and (head.lower_ in _FUTURE_HEADS or head.lower_ in {"is", "are", "am"}):
            return 1
    return 0


def _reported(noun: Token) -> bool:
    """Inside what someone is reported to have said: "Scholz said that talks were difficult"."""
    return any(t.dep_ == "ccomp" and t.head.lower_ in CUE_FORMS for t in noun.ancestors)


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
    return {ours, theirs} & set(WEEKDAYS) != set() and {ours, theirs} & set(_DAY_WORDS) != set()


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
    """Meetings and talks in ``doc`` (offsets relative to ``doc.text``)."""
    events: list[_Event] = []
    for noun in doc:
        if noun.lower_ not in EVENT_NOUNS or noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ == "compound":
            continue
        what = _phrase(noun)
        definite = any(c.lower_ in {"the", "this", "that", "those", "these"} for c in noun.lefts)
        governor = _governor(noun)
        places = _places(doc, noun) + (_places(doc, governor) if governor is not None else [])
        when, direction = _date_in(doc, {t.i for t in (governor or noun).subtree})
        fits = [e for e in events if _compatible(e, places, when)]
        event = None
        if " " in what:
            event = next((e for e in fits if e.what == what), None)
        if event is None and events and (definite or not places) and not _with(doc, table, noun):
            # "the talks" is the event mentioned last; a bare repeated noun ("discussions") the one so named.
            if definite:
                event = events[-1] if _compatible(events[-1], places, when) else None
            else:
                event = next((e for e in reversed(fits) if e.what == what), None)
        if event is None:
            sent = noun.sent
            event = _Event(what, sent.start_char, sent.end_char)
            events.append(event)
        event.reported = event.reported and _reported(noun)
        for place in places:
            if place[0] not in [p for p, _ in event.places]:
                event.places.append(place)
        for name in _with(doc, table, noun):
            _add(event.participants, name)
        for actor in _listed(doc, table, noun.sent):
            _add(event.participants, _name(table, actor))
        if governor is not None:
            event.past = event.past or governor.tag_ == "VBD"
            _governed(doc, table, noun, governor, event)
        if event.when is None and when is not None:
            event.when, event.direction = when, direction
    _arrivals(doc, table, events)
    # A mere mention in reported speech, with no one and nowhere to it, names no event to track.
    events = [e for e in events if e.participants or e.places or e.not_invited or not e.reported]
    day = news_day(doc)
    if events and events[0].when is None and events[0].past and day:
        # the lead event happened on the day the report is about
        events[0].when, events[0].direction = day, -1
    found = []
    for e in events:
        raw = doc_text(doc)[e.start : e.end]
        start = e.start + len(raw) - len(raw.lstrip())  # the sentence without its trailing blank lines
        end = e.start + len(raw.rstrip())
        participants = [p for p in e.participants if p not in [n for n, _ in e.places]]
        event = Event(
            start,
            end,
            doc_text(doc)[start:end],
            e.what,
            _where(e.places),
            e.when,
            participants,
            e.not_invited,
        )
        # Only resolve_event_dates reads the tense, once the publication date is known; the public
        # Event keeps ``when`` alone (a date, or the words as written).
        event._direction = e.direction
        found.append(event)
    return found


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
    if subject is not None:
        _add(event.participants, _name(table, actor_of(doc, table, subject)))
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

    ``direction`` is the tense of the clause the date is in: a weekday in a future one (1) is the next
    such day on or after publication, else the latest on or before it ("said on Monday")."""
    if not expression or re.fullmatch(r"\d{4}-\d{2}-\d{2}", expression) or not published:
        return expression
    try:
        base = date.fromisoformat(published[:10])
    except ValueError:
        return expression
    low = " ".join(expression.lower().split())
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
    if full:
        # "17 December" read in January is last year's.
        return (
            full
            if full <= (base + timedelta(days=31)).isoformat()
            else normalise_date(f"{expression} {base.year - 1}")
        )
    return expression


def resolve_event_dates(events: list[Event], published: str | None) -> list[Event]:
    """Resolve each event's relative date against the article's publication date (in place)."""
    for event in events:
        event.when = resolve_date(event.when, published, getattr(event, "_direction", 0))
    return events
