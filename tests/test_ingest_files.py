"""Single files, folders and stdin: format by name or content, gzip by magic number, clear skips."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from stancemap.errors import (
    SKIP_BINARY,
    SKIP_CORRUPT,
    SKIP_EMPTY,
    SKIP_MISSING,
    SKIP_TOO_LARGE,
    SKIP_UNSUPPORTED,
    Skip,
)
from stancemap.ingest import iter_documents, read_file
from stancemap.model import Document

ARTICLE = "The minister said the plan would go ahead.\n\nCritics called it reckless.\n"
PAGE = "<!DOCTYPE html><html><body><p>The mayor said yes.</p></body></html>"


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes):
        monkeypatch.setattr(sys, "stdin", SimpleNamespace(buffer=io.BytesIO(data)))

    return feed


def test_folders_are_read_recursively_by_type(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "story.txt").write_text(ARTICLE)
    (tmp_path / "a" / "b" / "page.html").write_text(PAGE)
    (tmp_path / "a" / "b" / "dump.jsonl").write_text(json.dumps({"text": "from a dump"}) + "\n")
    (tmp_path / "a" / ".hidden.txt").write_text("not read")
    docs = list(iter_documents([str(tmp_path)]))
    assert [(type(d).__name__, d.format, d.content[:11]) for d in docs] == [
        ("Document", "text", "from a dump"),
        ("Document", "html", "<!DOCTYPE h"),
        ("Document", "text", "The ministe"),
    ]


RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
    b"<item><title>x</title><link>https://a.example/x</link><description>Feed body.</description></item>"
    b"</channel></rss>"
)


def test_files_folder_reads_only_news_input_and_reports_the_rest(tmp_path):
    news = {
        "a.txt": ARTICLE,
        "b.htm": PAGE,
        "c.html.gz": PAGE,
        "d.jsonl": json.dumps({"text": "from a dump"}) + "\n",
        "e.xml": RSS.decode(),
    }
    other = {
        "watchlist.toml": '[[issue]]\nname = "backstop"\n',
        "quotes.csv": "speaker,quote\nScholz,premature\n",
        "notes.json": '{"text": "not a dump"}\n',
        "tool.py": "# import stancemap\n",
        "README": "Read me first.\n",
        "sitemap.xml": '<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
    }
    for name, text in {**news, **other}.items():
        data = text.encode()
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1" + bytes(100))
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("[core]\n")
    items = list(iter_documents([str(tmp_path)]))
    docs = [i for i in items if isinstance(i, Document)]
    skips = {Path(i.source).name: i for i in items if isinstance(i, Skip)}
    assert [d.content for d in docs] == [ARTICLE, PAGE, PAGE, "from a dump", "Feed body."]
    assert sorted(skips) == sorted(other)
    assert {s.code for s in skips.values()} == {SKIP_UNSUPPORTED}
    assert "a .toml file is not read from a folder" in skips["watchlist.toml"].reason
    assert "name it on its own" in skips["watchlist.toml"].reason
    assert "a project file (README), not news, is not read" in skips["README"].reason
    assert "not an RSS/Atom feed" in skips["sitemap.xml"].reason
    # Named on its own, a file is read by its content, as before.
    (named,) = iter_documents([str(tmp_path / "watchlist.toml")])
    assert isinstance(named, Document) and named.content == other["watchlist.toml"]


def test_ingest_files_folder_reads_markdown_and_text_without_a_suffix(tmp_path):
    """Scraper dumps named by id and Markdown are text; a binary file without a suffix and a project's
    README, LICENSE or CHANGELOG are not news."""
    for name in ("article-12345", "article-12346.gz", "story.md", "www.example.com_2019_11_19_talks"):
        data = ARTICLE.encode()
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (tmp_path / "page-7").write_text(PAGE)
    (tmp_path / "blob").write_bytes(bytes(range(256)) * 4)
    for name in ("README.md", "LICENSE", "CHANGELOG.txt"):
        (tmp_path / name).write_text("Read me first.\n")
    items = list(iter_documents([str(tmp_path)]))
    docs = {Path(i.source).name: i.format for i in items if isinstance(i, Document)}
    skips = {Path(i.source).name: i for i in items if isinstance(i, Skip)}
    assert docs == {
        "article-12345": "text",
        "article-12346.gz": "text",
        "page-7": "html",
        "story.md": "text",
        "www.example.com_2019_11_19_talks": "text",
    }
    assert sorted(skips) == ["CHANGELOG.txt", "LICENSE", "README.md", "blob"]
    assert {s.code for s in skips.values()} == {SKIP_UNSUPPORTED}
    assert "a file without a suffix that is not text" in skips["blob"].reason
    assert "a project file (LICENSE), not news, is not read from a folder" in skips["LICENSE"].reason


def test_ingest_files_folder_skips_editor_backups_and_project_files(tmp_path):
    """Editor backups and a project's files without a suffix (or with one after a dash in capitals) are
    S009 skips in a folder; an article whose name starts as a project file's does is read, and a file
    named on its own is read whatever its name."""
    backups = ["story.txt~", "#story.txt#"]
    project = ["Gemfile", "LICENSE-MIT", "NEWS", "NEWS.md", "Makefile", "Dockerfile", "Procfile"]
    project += ["COPYING", "AUTHORS", "CONTRIBUTING", "LICENSE.txt", "README-DE.md", "license-apache"]
    articles = ["story.txt", "news-story.txt", "history-of-the-talks.txt", "article-12345"]
    for name in [*backups, *project, *articles, ".#story.txt"]:
        (tmp_path / name).write_text(ARTICLE)
    items = list(iter_documents([str(tmp_path)]))
    docs = sorted(Path(i.source).name for i in items if isinstance(i, Document))
    skips = {Path(i.source).name: i for i in items if isinstance(i, Skip)}
    assert docs == sorted(articles)
    assert sorted(skips) == sorted([*backups, *project])
    assert {s.code for s in skips.values()} == {SKIP_UNSUPPORTED}
    assert skips["Gemfile"].reason == (
        "a project file (Gemfile), not news, is not read from a folder; name it on its own to read it"
    )
    assert skips["story.txt~"].reason.startswith("an editor backup (story.txt~), not news,")
    for name in ("story.txt~", "LICENSE-MIT", "Gemfile"):
        (named,) = iter_documents([str(tmp_path / name)])
        assert isinstance(named, Document) and named.content == ARTICLE


def test_ingest_files_folder_leaves_the_sqlite_store_out_quietly(tmp_path):
    import sqlite3
    from contextlib import closing

    (tmp_path / "story.txt").write_text(ARTICLE)
    with closing(sqlite3.connect(tmp_path / "stancemap.db")) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE t (x)")
        db.execute("INSERT INTO t VALUES (1)")
        db.commit()
        (tmp_path / "old.sqlite-journal").write_bytes(b"")
        assert (tmp_path / "stancemap.db-wal").exists()
        items = list(iter_documents([str(tmp_path)]))
    assert [(type(i).__name__, Path(i.source).name) for i in items] == [("Document", "story.txt")]


def test_gzip_is_undone_for_single_files(tmp_path):
    (tmp_path / "story.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(PAGE.encode()))
    story = read_file(tmp_path / "story.txt.gz")
    page = read_file(tmp_path / "page.html.gz")
    assert (story.content, story.format) == (ARTICLE, "text")
    assert (page.content, page.format) == (PAGE, "html")


def test_html_is_recognised_by_content_in_a_text_file(tmp_path):
    (tmp_path / "saved.txt").write_text(PAGE)
    assert read_file(tmp_path / "saved.txt").format == "html"


def test_corrupt_gzip_is_skipped_and_the_run_continues(tmp_path):
    data = bytearray(gzip.compress((ARTICLE * 200).encode()))
    data[20:40] = bytes(20)
    (tmp_path / "a.txt.gz").write_bytes(bytes(data))
    (tmp_path / "b.txt").write_text(ARTICLE)
    first, second = iter_documents([str(tmp_path)])
    assert isinstance(first, Skip) and first.code == SKIP_CORRUPT and "gzip" in first.reason
    assert isinstance(second, Document) and second.content == ARTICLE


def test_large_document_is_skipped_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with open(big, "wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written
    (tmp_path / "small.txt").write_text(ARTICLE)
    first, second = iter_documents([str(tmp_path)])
    assert first.code == SKIP_TOO_LARGE and "50.0 MB" in first.reason
    assert second.content == ARTICLE


def test_large_gzipped_document_is_stopped_at_the_limit(tmp_path):
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(b"word " * 400_000))
    (skip,) = iter_documents([str(tmp_path / "big.txt.gz")], limit=100_000)
    assert skip.code == SKIP_TOO_LARGE


def test_empty_binary_and_missing_are_skipped_with_codes(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "image.txt").write_bytes(bytes(range(256)) * 4)
    items = list(
        iter_documents([str(tmp_path / "empty.txt"), str(tmp_path / "image.txt"), str(tmp_path / "nope")])
    )
    assert [i.code for i in items] == [SKIP_EMPTY, SKIP_BINARY, SKIP_MISSING]


def test_stdin_jsonl(stdin):
    stdin(b'  {"text": "one"}\n{"html": "<p>two</p>"}\n')
    docs = list(iter_documents(["-"]))
    assert [(d.source, d.format, d.content) for d in docs] == [
        ("-:1", "text", "one"),
        ("-:2", "html", "<p>two</p>"),
    ]


def test_stdin_html_and_text(stdin):
    stdin(PAGE.encode())
    (page,) = iter_documents(["-"])
    assert (page.source, page.format, page.content) == ("-", "html", PAGE)
    stdin(ARTICLE.encode())
    (story,) = iter_documents(["-"])
    assert (story.format, story.content) == ("text", ARTICLE)


def test_stdin_gzip_is_undone(stdin):
    stdin(gzip.compress(b'{"text": "zipped"}\n'))
    (doc,) = iter_documents(["-"])
    assert doc.content == "zipped"


def test_stdin_feed_is_read_as_entries(stdin):
    stdin(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>x</title><link>https://a.example/x</link><description>Body text.</description></item>"
        b"</channel></rss>"
    )
    (doc,) = iter_documents(["-"])
    assert (doc.url, doc.content) == ("https://a.example/x", "Body text.")


def test_stdin_empty_is_skipped(stdin):
    stdin(b"")
    (skip,) = iter_documents(["-"])
    assert skip.code == SKIP_EMPTY and skip.source == "-"


def test_files_utf16_text_with_a_byte_order_mark_is_read(tmp_path):
    text = "Sir Keir Starmer said on Monday that Europe must step up. “We will,” he said.\n"
    for encoding in ("utf-16", "utf-16-be"):
        path = tmp_path / f"{encoding}.txt"
        data = text.encode(encoding)
        path.write_bytes(data if data.startswith((b"\xff\xfe", b"\xfe\xff")) else b"\xfe\xff" + data)
        (document,) = list(iter_documents([str(path)]))
        assert document.content == text, encoding


def test_ingest_files_named_file_is_read_by_content_when_its_name_says_nothing(tmp_path):
    """A JSONL dump named .json, a feed without a suffix: read by what they hold, as stdin is. A name
    that says text or HTML is taken at its word, and a pretty-printed JSON file is no JSONL dump."""
    rows = tmp_path / "dump.json"
    rows.write_text('{"text": "one"}\n{"text": "two"}\n')
    feed = tmp_path / "feed"
    feed.write_bytes(
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>x</title><link>https://a.example/x</link><description>Body text.</description></item>"
        b"</channel></rss>"
    )
    assert [(d.source, d.content) for d in iter_documents([str(rows)])] == [
        (f"{rows}:1", "one"),
        (f"{rows}:2", "two"),
    ]
    assert [d.url for d in iter_documents([str(feed)])] == ["https://a.example/x"]
    as_text = tmp_path / "rows.txt"
    as_text.write_text(rows.read_text())
    pretty = tmp_path / "config.json"
    pretty.write_text('{\n  "text": "one"\n}\n')
    for path in (as_text, pretty):
        (doc,) = iter_documents([str(path)])
        assert (doc.source, doc.format) == (str(path), "text")
