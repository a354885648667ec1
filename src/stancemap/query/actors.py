"""Canonical actors from the store with what is known of them across articles."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..store import Store
from ._filters import Where


@dataclass
class ActorRow:
    id: int
    name: str
    kind: str
    role: str | None
    affiliation: str | None
    articles: int
    quotes: int
    aliases: list[str] = field(default_factory=list)


def actors(
    store: Store, *, name: str | None = None, kind: str | None = None, limit: int | None = None
) -> list[ActorRow]:
    """Actors, most quoted first, then most often in articles."""
    where = Where().actor(name)
    if kind:
        where.add("ac.kind = ?", kind)
    params = where.params
    sql = (
        "SELECT ac.id, ac.name, ac.kind, ac.role, ac.affiliation,"
        " (SELECT count(DISTINCT x.article_id) FROM article_actors x JOIN articles a ON a.id = x.article_id"
        "   WHERE x.actor_id = ac.id AND a.canonical_id IS NULL) AS n_articles,"
        " (SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id"
        "   WHERE q.speaker_actor_id = ac.id AND a.canonical_id IS NULL) AS n_quotes"
        " FROM actors ac WHERE " + where.sql() + " ORDER BY n_quotes DESC, n_articles DESC, ac.name"
    )
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = []
    for row in store.connection.execute(sql, params):
        aliases: list[str] = []
        for (raw,) in store.connection.execute(
            "SELECT aliases FROM article_actors WHERE actor_id = ?", (row[0],)
        ):
            aliases += [a for a in json.loads(raw) if a not in aliases]
        rows.append(ActorRow(*row, aliases=aliases))
    return rows
