"""Whole articles back from the store, as the same Article objects the pipeline produced."""

from __future__ import annotations

import json

from ..model import Actor, Article, Event, Figure, Quote, Span, Speaker, Stance
from ..store import Store


def articles(store: Store, *, limit: int | None = None) -> list[dict]:
    """Article headers (no text), newest first."""
    sql = (
        "SELECT id, source, url, title, site, published, language, canonical_id,"
        " (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes"
        " FROM articles a ORDER BY published DESC, id"
    )
    params: list = []
    if limit:
        sql += " LIMIT ?"
        params.append(int(limit))
    return [dict(row) for row in store.connection.execute(sql, params)]


def totals(store: Store) -> dict[str, int]:
    """How many articles, linked articles (``duplicates``: near-duplicates, copies and old versions),
    actors, quotes and stances the store holds; a linked article's quotes and stances are its canonical
    article's, so they count once (as ``quotes`` and ``stances`` read them)."""
    db = store.connection
    articles_, duplicates = db.execute("SELECT count(*), count(canonical_id) FROM articles").fetchone()
    (actors_,) = db.execute("SELECT count(*) FROM actors").fetchone()
    canonical = {}
    for table in ("quotes", "stances"):  # fixed names, never input
        sql = f"SELECT count(*) FROM {table} x JOIN articles a ON a.id = x.article_id WHERE a.canonical_id IS NULL"  # noqa: S608
        canonical[table] = db.execute(sql).fetchone()[0]
    return {"articles": articles_ - duplicates, "duplicates": duplicates, "actors": actors_, **canonical}


def article(store: Store, article_id: str) -> Article | None:
    """The stored article ``article_id`` with its actors, quotes, stances, figures and events."""
    db = store.connection
    row = db.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    result = Article(
        id=row["id"],
        source=row["source"],
        text=row["text"],
        body=(row["body_start"], row["body_end"]),
        title=row["title"],
        site=row["site"],
        published=row["published"],
        url=row["url"],
        author=row["author"],
        language=row["language"],
    )
    local = {}
    for aa in db.execute(
        "SELECT aa.local_id, aa.actor_id, aa.role, aa.affiliation, aa.aliases, ac.name, ac.kind"
        " FROM article_actors aa JOIN actors ac ON ac.id = aa.actor_id WHERE aa.article_id = ? ORDER BY aa.rowid",
        (article_id,),
    ):
        mentions = [
            (m[0], m[1])
            for m in db.execute(
                "SELECT start, end FROM mentions WHERE article_id = ? AND actor_id = ? ORDER BY start",
                (article_id, aa["actor_id"]),
            )
        ]
        local[aa["actor_id"]] = aa["local_id"]
        result.actors.append(
            Actor(
                aa["local_id"],
                aa["name"],
                aa["kind"],
                aa["role"],
                aa["affiliation"],
                json.loads(aa["aliases"]),
                mentions,
            )
        )
    for q in db.execute("SELECT * FROM quotes WHERE article_id = ? ORDER BY seq", (article_id,)):
        cue = Span(q["cue_start"], q["cue_end"], q["cue_text"]) if q["cue_text"] is not None else None
        speaker = None
        if q["speaker_name"] is not None:
            speaker = Speaker(
                local.get(q["speaker_actor_id"]), q["speaker_name"], q["speaker_start"], q["speaker_end"]
            )
        result.quotes.append(Quote(q["start"], q["end"], q["text"], q["kind"], cue, speaker))
    for s in db.execute("SELECT * FROM stances WHERE article_id = ? ORDER BY id", (article_id,)):
        result.stances.append(
            Stance(
                local.get(s["actor_id"], ""),
                s["actor_name"],
                s["issue"],
                s["stance"],
                s["confidence"],
                s["condition"],
                [Span(**e) for e in json.loads(s["evidence"])],
                json.loads(s["quote_seqs"]),
            )
        )
    for f in db.execute("SELECT * FROM figures WHERE article_id = ? ORDER BY start", (article_id,)):
        result.figures.append(
            Figure(
                f["start"],
                f["end"],
                f["text"],
                f["value"],
                f["unit"],
                f["what"],
                f["holder"],
                local.get(f["holder_actor_id"]),
                f["qualifier"],
            )
        )
    for e in db.execute("SELECT * FROM events WHERE article_id = ? ORDER BY start", (article_id,)):
        result.events.append(
            Event(
                e["start"],
                e["end"],
                e["text"],
                e["what"],
                e["place"],
                e["date"],
                json.loads(e["participants"]),
                json.loads(e["not_invited"]),
            )
        )
    return result
