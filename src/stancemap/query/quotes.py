"""Quotes from the store, filtered by speaker, kind, article or date."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Store
from ._filters import Where


@dataclass
class QuoteRow:
    article_id: str
    seq: int
    start: int
    end: int
    text: str
    kind: str
    cue: str | None
    speaker: str | None  # canonical actor name, or the mention's text when unresolved
    speaker_actor_id: int | None
    published: str | None
    title: str | None
    source: str
    url: str | None


def quotes(
    store: Store,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    article_id: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = None,
) -> list[QuoteRow]:
    """Quotes in date order. ``speaker`` matches a canonical name or any alias, case-insensitively
    ("Scholz", "Mr Scholz", "the Prime Minister")."""
    # Quotes of a linked article (a near-duplicate, an old version) are its canonical's: count them once.
    where = Where("a.canonical_id IS NULL").actor(speaker, "q.speaker_name").dates(since, until)
    if kind:
        where.add("q.kind = ?", kind)
    if article_id:
        where.add("q.article_id = ?", article_id)
    params = where.params
    sql = (
        "SELECT q.article_id, q.seq, q.start, q.end, q.text, q.kind, q.cue_text,"
        " COALESCE(ac.name, q.speaker_name) AS speaker, q.speaker_actor_id, a.published, a.title, a.source, a.url"
        " FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN actors ac ON ac.id = q.speaker_actor_id"
        " WHERE " + where.sql() + " ORDER BY a.published, q.article_id, q.seq"
    )
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [QuoteRow(*row) for row in store.connection.execute(sql, params)]
