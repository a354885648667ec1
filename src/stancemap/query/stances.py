"""Stances, figures and events from the store: the actor x issue matrix, timelines and shifts."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..store import Store
from ._filters import Where


@dataclass
class StanceRow:
    article_id: str
    actor_id: int | None
    actor: str  # canonical name across articles
    issue: str
    stance: str
    confidence: float
    condition: str | None
    evidence: list[dict] = field(default_factory=list)  # {start, end, text} into the article text
    quotes: list[int] = field(default_factory=list)  # quote seqs in the article
    published: str | None = None
    source: str = ""
    title: str | None = None


@dataclass
class Shift:
    """An actor's stance on an issue that changed between two dates, with the evidence of both."""

    actor: str
    issue: str
    before: StanceRow
    after: StanceRow


@dataclass
class FigureRow:
    article_id: str
    start: int
    end: int
    text: str
    value: float
    unit: str | None
    what: str | None
    holder: str | None
    qualifier: str | None
    published: str | None
    source: str


@dataclass
class EventRow:
    article_id: str
    start: int
    end: int
    text: str
    what: str
    where: str | None
    when: str | None
    participants: list[str]
    not_invited: list[str]
    published: str | None
    source: str


def stances(
    store: Store,
    *,
    issue: str | None = None,
    actor: str | None = None,
    since: str | None = None,
    until: str | None = None,
) -> list[StanceRow]:
    """Stances in date order. ``issue`` and ``actor`` match part of a name (an actor also by alias)."""
    where = Where("a.canonical_id IS NULL").actor(actor, "s.actor_name").dates(since, until)
    where.contains(issue, "s.issue")
    params = where.params
    sql = (
        "SELECT s.article_id, s.actor_id, COALESCE(ac.name, s.actor_name), s.issue, s.stance, s.confidence,"
        " s.condition, s.evidence, s.quote_seqs, a.published, a.source, a.title"
        " FROM stances s JOIN articles a ON a.id = s.article_id LEFT JOIN actors ac ON ac.id = s.actor_id"
        " WHERE " + where.sql() + " ORDER BY a.published, s.article_id, s.id"
    )
    rows = []
    for r in store.connection.execute(sql, params):
        rows.append(
            StanceRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], json.loads(r[7]), json.loads(r[8]), *r[9:])
        )
    return rows


def matrix(rows: list[StanceRow]) -> tuple[list[str], list[str], dict[tuple[str, str], StanceRow]]:
    """Actors, issues, and each actor's latest stance per issue (rows must be in date order)."""
    cells: dict[tuple[str, str], StanceRow] = {}
    actors: list[str] = []
    issues: list[str] = []
    for row in rows:
        if row.actor not in actors:
            actors.append(row.actor)
        if row.issue not in issues:
            issues.append(row.issue)
        cells[(row.actor, row.issue)] = row  # later dates overwrite earlier ones
    return actors, issues, cells


def timeline(store: Store, *, actor: str | None = None, issue: str | None = None) -> list[StanceRow]:
    """An actor's (or an issue's) stances over time, oldest first."""
    return stances(store, actor=actor, issue=issue)


def shifts(rows: list[StanceRow]) -> list[Shift]:
    """Changes of position: the same actor and issue with a different stance at a later date.

    A neutral stance takes no position, so it neither starts nor ends a shift; on one date the most
    confident stance stands for the day.
    """
    by_key: dict[tuple[str, str], dict[str, StanceRow]] = {}
    for row in rows:
        if row.stance == "neutral" or not row.published:
            continue
        day = by_key.setdefault((row.actor, row.issue), {})
        if row.published not in day or row.confidence > day[row.published].confidence:
            day[row.published] = row
    found = []
    for (actor, issue), days in by_key.items():
        ordered = [days[d] for d in sorted(days)]
        for before, after in zip(ordered, ordered[1:], strict=False):
            if before.stance != after.stance:
                found.append(Shift(actor, issue, before, after))
    found.sort(key=lambda s: (s.after.published or "", s.actor))
    return found


def figures(store: Store, *, holder: str | None = None) -> list[FigureRow]:
    """Figures in date order, optionally of one holder (name or alias)."""
    where = Where("a.canonical_id IS NULL").actor(holder, "f.holder")
    params = where.params
    sql = (
        "SELECT f.article_id, f.start, f.end, f.text, f.value, f.unit, f.what, COALESCE(ac.name, f.holder),"
        " f.qualifier, a.published, a.source FROM figures f JOIN articles a ON a.id = f.article_id"
        " LEFT JOIN actors ac ON ac.id = f.holder_actor_id"
        " WHERE " + where.sql() + " ORDER BY a.published, f.article_id, f.start"
    )
    return [FigureRow(*r) for r in store.connection.execute(sql, params)]


def events(store: Store, *, participant: str | None = None) -> list[EventRow]:
    """Events in date order (the event's date, else the article's), optionally with one participant."""
    where = Where("a.canonical_id IS NULL").contains(participant, "e.participants", "e.not_invited")
    params = where.params
    sql = (
        "SELECT e.article_id, e.start, e.end, e.text, e.what, e.place, e.date, e.participants, e.not_invited,"
        " a.published, a.source FROM events e JOIN articles a ON a.id = e.article_id"
        " WHERE " + where.sql() + " ORDER BY COALESCE(e.date, a.published), e.article_id, e.start"
    )
    return [
        EventRow(*r[:7], json.loads(r[7]), json.loads(r[8]), r[9], r[10])
        for r in store.connection.execute(sql, params)
    ]
