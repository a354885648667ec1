"""Parquet shards: Results round-trip, merge is idempotent and links near-duplicates across shards."""

from __future__ import annotations

from stancemap.clean.dedup import signature
from stancemap.errors import Skip
from stancemap.model import Actor, Article, Quote, Span, Speaker, content_hash
from stancemap.run.shards import merge_shards, read_shard, shard_name, shard_paths, write_shard
from stancemap.run.stage import Result
from stancemap.store import open_store

STORY = (
    "Jane Doe said the new bridge would open in the spring after three years of delays. "
    "The council leader told reporters that the final inspections had found no faults and that "
    "tolls would be kept at last year's level for all local residents and businesses."
)


def _result(text: str, source: str) -> Result:
    article = Article(
        id=content_hash(text),
        source=source,
        text=text,
        body=(0, len(text)),
        language="en",
        actors=[Actor("a1", "Jane Doe", "person", mentions=[(0, 8)])],
        quotes=[Quote(14, 40, text[14:40], "indirect", Span(9, 13, "said"), Speaker("a1", "Jane Doe", 0, 8))],
    )
    return Result(article, signature(text))


def test_shard_round_trips_articles_signatures_and_skips(tmp_path):
    results = [_result(STORY, "a.txt"), Result(Skip("b.txt", "S002", "empty file"))]
    path = tmp_path / shard_name(0, ["a.txt", "b.txt"])
    assert write_shard(results, path) == 2
    back = list(read_shard(path))
    assert back[0].item.to_dict() == results[0].item.to_dict()
    assert back[0].signature == results[0].signature
    assert back[1].item == results[1].item
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left


def test_shard_names_keep_input_order_and_depend_on_the_sources():
    assert shard_name(2, ["x"]) < shard_name(10, ["x"])
    assert shard_name(0, ["x"]) != shard_name(0, ["y"])


def test_merge_is_idempotent_and_links_near_duplicates_across_shards(tmp_path):
    copy = STORY + " Reporting by the wire service."
    write_shard(
        [_result(STORY, "a.txt"), Result(Skip("bad.txt", "S008", "corrupt"))], tmp_path / "part-0.parquet"
    )
    write_shard([_result(copy, "b.txt"), _result(STORY, "c.txt")], tmp_path / "part-1.parquet")
    assert [p.name for p in shard_paths([tmp_path])] == ["part-0.parquet", "part-1.parquet"]

    with open_store(tmp_path / "s.db") as store:
        first = merge_shards([tmp_path], store)
        assert (first.stored, first.near_duplicates, first.duplicates, first.quotes) == (2, 1, 1, 1)
        assert dict(first.skipped) == {"S008": 1}
        again = merge_shards([tmp_path], store)
        assert (again.stored, again.resumed) == (0, 4)
        rows = store.connection.execute("SELECT source, canonical_id FROM articles ORDER BY rowid").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("a.txt", None), ("b.txt", content_hash(STORY))]
