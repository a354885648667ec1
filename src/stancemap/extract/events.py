"""Events: meetings and talks with place, date, participants and who was left out.

An event is found from its nouns ("emergency talks", "the summit", "discussions with Russian
officials"); later mentions join it: "the talks", "the meeting" refer to the event mentioned last,
and a repeated phrase ("emergency talks at the Elysee Palace") to the event first named so.
Each mention adds what its sentence says: a place after in/at/to, participants ("with X",
"leaders of A, B and C", the subject who "led a delegation ... for discussions", someone "present
at the meeting, including X", whoever "arrived in" the event's place), and those "not invited" to it
or "excluded from" it.

Dates: a date in a mention's clause, or for the article's lead event the report's news day (the
bare day most often used with past-tense verbs: "said on Monday"). Relative dates are kept as
written ("Monday") until ``resolve_event_dates`` resolves them against the publication date.
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
from .lexicon import DEMONYMS
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
_DAY_WORDS = {"yesterday": -1, "today": 0, "tonight": 0, "last night": -1}


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


def _date_in(doc: Doc, tokens: set[int]) -> str | None:
    for ent in doc.ents:
        if ent.label_ == "DATE" and ent.start in tokens:
            text = ent.text
            return normalise_date(text) or text
    return None


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
        event = None
        if " " in what:
            event = next((e for e in events if e.what == what), None)
        if event is None and events and (definite or not places) and not _with(doc, table, noun):
            # "the talks" is the event mentioned last; a bare repeated noun ("discussions") the one so named.
            event = events[-1] if definite else next((e for e in reversed(events) if e.what == what), None)
        if event is None:
            sent = noun.sent
            event = _Event(what, sent.start_char, sent.end_char)
            events.append(event)
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
        clause = {t.i for t in (governor or noun).subtree}
        event.when = event.when or _date_in(doc, clause)
    _arrivals(doc, table, events)
    day = news_day(doc)
    if events and events[0].when is None and events[0].past and day:
        events[0].when = day  # the lead event happened on the day the report is about
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


def resolve_date(expression: str | None, published: str | None) -> str | None:
    """A date as written ("Monday", "yesterday", "17 February") as YYYY-MM-DD against the publication
    date; unchanged when it cannot be resolved (no publication date, "next week")."""
    if not expression or re.fullmatch(r"\d{4}-\d{2}-\d{2}", expression) or not published:
        return expression
    try:
        base = date.fromisoformat(published[:10])
    except ValueError:
        return expression
    low = expression.lower().strip()
    low = re.sub(r"^(?:on|last|this|earlier on|late on)\s+", "", low)
    if low in _DAY_WORDS:
        return (base + timedelta(days=_DAY_WORDS[low])).isoformat()
    if low in WEEKDAYS:
        # "on Monday" in a report is the latest Monday on or before publication.
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
        event.when = resolve_date(event.when, published)
    return events
