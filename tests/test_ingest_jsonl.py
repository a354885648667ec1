"""JSONL dumps: one article a line; a broken line is skipped by number and the rest continue."""

from __future__ import annotations

import gzip
import json

from stancemap.errors import SKIP_CORRUPT, SKIP_EMPTY, SKIP_TOO_LARGE, Skip
from stancemap.ingest import iter_documents
from stancemap.ingest.jsonl import published_date, read_jsonl
from stancemap.model import Document


def lines(*rows) -> bytes:
    return b"".join((r if isinstance(r, bytes) else json.dumps(r).encode()) + b"\n" for r in rows)


def test_rows_become_documents_with_their_hints(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        lines(
            {
                "text": "The minister said no.",
                "url": "https://a.example/1",
                "date": "2024-03-05T10:00:00Z",
                "title": "No",
                "id": "n1",
                "site": "A",
                "author": "jane@a.example (Jane Doe)",
                "section": "politics",
            },
            {"html": "<p>The mayor said yes.</p>", "published": "Wed, 06 Mar 2024 09:00:00 GMT"},
        )
    )
    first, second = read_jsonl(path)
    assert (first.content, first.format, first.url, first.published, first.title) == (
        "The minister said no.",
        "text",
        "https://a.example/1",
        "2024-03-05",
        "No",
    )
    assert first.source == f"{path}#n1"
    assert (first.site, first.author) == ("A", "Jane Doe")  # hints for the article's metadata
    assert first.meta == {"section": "politics", "line": 1}
    assert (second.format, second.published, second.source) == ("html", "2024-03-06", f"{path}:2")


def test_broken_line_is_skipped_with_its_number_and_the_rest_read(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(
        lines(
            {"text": "one"}, b'{"text": "two", "url": ', b"", {"text": "three"}, b"[1, 2]", {"url": "no text"}
        )
    )
    items = list(read_jsonl(path))
    assert [type(i).__name__ for i in items] == ["Document", "Skip", "Document", "Skip", "Skip"]
    assert items[1].code == SKIP_CORRUPT and items[1].source == f"{path}:2" and "line 2" in items[1].reason
    assert items[2].content == "three" and items[2].meta["line"] == 4
    assert items[3].code == SKIP_CORRUPT and "not an object" in items[3].reason
    assert items[4].code == SKIP_EMPTY


def test_line_over_the_limit_is_skipped_without_losing_the_next(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(lines({"text": "short"}, {"text": "x" * 50_000}, {"text": "after"}))
    items = list(read_jsonl(path, limit=10_000))
    assert [getattr(i, "content", None) for i in items] == ["short", None, "after"]
    assert items[1].code == SKIP_TOO_LARGE and items[1].source == f"{path}:2"


def test_gzip_is_transparent(tmp_path):
    (tmp_path / "dump.jsonl.gz").write_bytes(gzip.compress(lines({"text": "one"}, {"text": "two"})))
    docs = list(iter_documents([str(tmp_path / "dump.jsonl.gz")]))
    assert [d.content for d in docs] == ["one", "two"]


def test_truncated_gzip_keeps_the_lines_before_it(tmp_path):
    rows = [{"text": f"article number {i} " + "body " * 40} for i in range(400)]
    data = gzip.compress(lines(*rows))
    path = tmp_path / "dump.ndjson.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(iter_documents([str(path)]))
    docs = [i for i in items if isinstance(i, Document)]
    assert 50 < len(docs) < 400
    assert [d.meta["line"] for d in docs] == list(range(1, len(docs) + 1))
    assert isinstance(items[-1], Skip) and items[-1].code == SKIP_CORRUPT
    assert f"after line {len(docs)}" in items[-1].reason


def test_repeated_ids_keep_sources_unique(tmp_path):
    path = tmp_path / "dump.jsonl"
    path.write_bytes(lines({"text": "a", "id": 7}, {"text": "b", "id": 7}))
    assert [d.source for d in read_jsonl(path)] == [f"{path}#7", f"{path}#7@2"]


def test_published_date_spellings():
    assert published_date("2024-03-05") == "2024-03-05"
    assert published_date("5 March 2024") == "2024-03-05"
    assert published_date("Tue, 05 Mar 2024 10:00:00 +0000") == "2024-03-05"
    assert published_date("soon") is None
    # Numbers: Unix time in seconds or milliseconds, as APIs give it, or YYYYMMDD; other numbers are none.
    assert published_date(1709632800) == "2024-03-05"
    assert published_date(1709632800123) == "2024-03-05"
    assert published_date(20240305) == "2024-03-05"
    assert published_date(12) is None
    assert published_date(True) is None


def test_jsonl_binary_file_is_one_skip(tmp_path):
    import random

    from stancemap.errors import SKIP_BINARY

    path = tmp_path / "bin.jsonl"
    data = bytes(random.Random(3).randrange(256) for _ in range(4000))
    path.write_bytes(b"\x00\x01" + data)
    (item,) = list(read_jsonl(path))
    assert isinstance(item, Skip) and item.code == SKIP_BINARY


def test_ingest_jsonl_author_written_as_a_byline_or_a_placeholder(tmp_path):
    path = tmp_path / "dump.jsonl"
    rows = [
        {"text": "The minister said no.", "author": author}
        for author in ("By Jane Doe", "Anonymous", "admin")
    ]
    path.write_bytes(lines(*rows))
    assert [d.author for d in read_jsonl(path)] == ["Jane Doe", None, None]
