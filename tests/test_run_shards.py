"""Parquet shards: Results round-trip, merge is idempotent and links near-duplicates across shards."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from stancemap.clean.dedup import THRESHOLD, signature, similarity
from stancemap.cli import cli
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


def _result(text: str, source: str, url: str | None = None) -> Result:
    article = Article(
        id=content_hash(text),
        source=source,
        url=url,
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
        assert (again.stored, again.resumed, dict(again.skipped_before)) == (0, 3, {"S008": 1})
        rows = store.connection.execute("SELECT source, canonical_id FROM articles ORDER BY rowid").fetchall()
    assert [(r[0], r[1]) for r in rows] == [("a.txt", None), ("b.txt", content_hash(STORY))]


def _bad_shards(folder: Path) -> dict[str, Path]:
    """A truncated shard (a worker killed mid-copy), a text file, and a Parquet file of other columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    good = folder / "part-000001-good.parquet"
    write_shard([_result(STORY, "a.txt")], good)
    data = good.read_bytes()
    bad = {
        "truncated": folder / "part-000000-cut.parquet",
        "text": folder / "part-000002-text.parquet",
        "other": folder / "part-000003-other.parquet",
    }
    bad["truncated"].write_bytes(data[: len(data) // 2])
    bad["text"].write_text("not a shard\n")
    pq.write_table(pa.table({"a": [1]}), bad["other"])
    return {"good": good, **bad}


def test_merge_reports_each_bad_shard_and_merges_the_others(tmp_path):
    paths = _bad_shards(tmp_path)
    skips = []
    with open_store(tmp_path / "s.db") as store:
        report = merge_shards([tmp_path], store, on_skip=skips.append)
        recorded = store.connection.execute("SELECT count(*) FROM sources").fetchone()[0]
    assert (report.stored, report.bad_shards, sum(report.skipped.values())) == (1, 3, 0)
    assert [s.source for s in skips] == [str(paths[k]) for k in ("truncated", "text", "other")]
    assert {s.code for s in skips} == {"S008"}
    assert "not a readable Parquet shard" in skips[0].reason
    assert "not a stancemap shard" in skips[2].reason
    assert all("\n" not in str(s) for s in skips)
    assert recorded == 1  # a bad shard is not recorded as done: written again, it is merged
    assert "3 unreadable shards skipped" in report.summary("merge")


def test_merge_command_goes_on_past_bad_shards_and_fails_only_when_nothing_merged(tmp_path):
    paths = _bad_shards(tmp_path)
    db = str(tmp_path / "s.db")
    mixed = CliRunner().invoke(cli, ["merge", str(tmp_path), "--db", db, "--no-progress"])
    assert mixed.exit_code == 0, mixed.output
    assert f"skipped {paths['truncated']}: not a readable Parquet shard (" in mixed.stderr
    assert "merge: 1 stored, 1 quotes, 3 unreadable shards skipped" in mixed.stderr
    assert "Traceback" not in mixed.output

    only_bad = [str(paths[k]) for k in ("truncated", "text")]
    failed = CliRunner().invoke(cli, ["merge", *only_bad, "--db", str(tmp_path / "t.db"), "--no-progress"])
    assert failed.exit_code == 1, failed.output
    lines = failed.stderr.splitlines()
    assert [line.split(":")[0] for line in lines[:2]] == [f"skipped {p}" for p in only_bad]
    assert lines[-1] == "error: no shard could be merged"


# The same report as a text dump keeps it: page furniture around it, nothing MinHash would match.
PAGE = (
    "Home News Sport Weather Sign in Subscribe to our newsletter for the latest headlines every morning. "
    + STORY
    + " Most read: Council budget row deepens; Schools to stay open over winter; Weather warning for the "
    "coast; Letters to the editor on parking charges; Obituaries and family notices; Jobs and property."
)


def test_merge_article_at_the_url_of_an_earlier_one_is_its_new_version(tmp_path):
    url = "https://www.example-news.com/2025/03/04/bridge-to-open/"
    other = STORY.replace("bridge", "tunnel").replace("spring", "autumn") + " A second report."
    assert similarity(signature(STORY), signature(PAGE)) < THRESHOLD  # no near-duplicates by text
    write_shard(
        [_result(STORY, "html/bridge.html", url), _result(other, "html/tunnel.html", url + "tunnel/")],
        tmp_path / "part-0.parquet",
    )
    write_shard(
        [
            # The same page again: its new version, whatever its text; the first is linked to it.
            _result(PAGE, "pages.jsonl#bridge", "http://example-news.com/2025/03/04/bridge-to-open#top"),
            _result(PAGE + " Reporting by the wire service.", "feed.rss#bridge"),  # a copy of the dump
        ],
        tmp_path / "part-1.parquet",
    )
    with open_store(tmp_path / "s.db") as store:
        report = merge_shards([tmp_path], store)
        assert (report.stored, report.near_duplicates, report.new_versions, report.quotes) == (4, 1, 1, 3)
        assert "1 new version of stored articles" in report.summary()
        # Another run (a Writer rebuilt from the store) takes the page's next version the same way: the
        # old versions and the copy now link to it.
        write_shard([_result(STORY + " Updated.", "late.txt", url)], tmp_path / "part-2.parquet")
        again = merge_shards([tmp_path], store)
        assert (again.stored, again.new_versions, again.quotes) == (1, 1, 1)
        rows = store.connection.execute("SELECT source, canonical_id FROM articles ORDER BY rowid").fetchall()
    latest = content_hash(STORY + " Updated.")
    assert [(r[0], r[1]) for r in rows] == [
        ("html/bridge.html", latest),
        ("html/tunnel.html", None),
        ("pages.jsonl#bridge", latest),
        ("feed.rss#bridge", latest),
        ("late.txt", None),
    ]


def test_merge_stdin_inputs_are_never_versions_of_each_other(tmp_path):
    # Two dumps piped on different days: their line 1 are two articles, the later a copy of the first.
    later = STORY + " Reporting by the wire service."
    write_shard(
        [replace(_result(STORY, "-:1"), content_hash=content_hash(STORY))], tmp_path / "part-0.parquet"
    )
    write_shard(
        [replace(_result(later, "-:1"), content_hash=content_hash(later))], tmp_path / "part-1.parquet"
    )
    with open_store(tmp_path / "s.db") as store:
        report = merge_shards([tmp_path], store)
    assert (report.stored, report.near_duplicates, report.new_versions) == (2, 1, 0)


def test_merge_reads_shards_in_the_order_they_were_written(tmp_path):
    import os

    rewritten = STORY + " The council said on Tuesday that the opening would be delayed by a week."
    # A later run's shard can sort first by name; it holds the newer version of the source.
    for text, name in ((STORY, "b"), (rewritten, "a")):
        result = replace(_result(text, "story.txt"), content_hash=content_hash(text))
        write_shard([result], tmp_path / f"part-000000-{name}.parquet")
    os.utime(tmp_path / "part-000000-b.parquet", ns=(1_000_000_000, 1_000_000_000))
    os.utime(tmp_path / "part-000000-a.parquet", ns=(2_000_000_000, 2_000_000_000))
    with open_store(tmp_path / "s.db") as store:
        report = merge_shards([tmp_path], store)
        rows = store.connection.execute("SELECT id, canonical_id FROM articles").fetchall()
    assert report.new_versions == 1
    assert dict(rows) == {content_hash(STORY): content_hash(rewritten), content_hash(rewritten): None}


def test_merge_older_version_read_last_links_to_the_newer_one(tmp_path):
    url = "https://www.example-news.com/2025/03/04/bridge-to-open/"
    newer = STORY + " The council said on Wednesday that the opening would be delayed by a week."
    first, second = _result(newer, "dump.jsonl#2", url), _result(STORY, "dump.jsonl#1", url)
    first.item.published, second.item.published = "2025-03-05", "2025-03-04"  # a dump listed newest first
    write_shard([first, second], tmp_path / "part-0.parquet")
    with open_store(tmp_path / "s.db") as store:
        report = merge_shards([tmp_path], store)
        rows = dict(store.connection.execute("SELECT id, canonical_id FROM articles").fetchall())
    assert (report.new_versions, report.near_duplicates) == (0, 1)
    assert rows == {content_hash(newer): None, content_hash(STORY): content_hash(newer)}
