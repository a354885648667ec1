"""The store: idempotent by content hash, one transaction per article, read back as written."""

from __future__ import annotations

import sqlite3

import pytest

from stancemap import query
from stancemap.model import Actor, Article, Quote, Span, Speaker
from stancemap.store import open_store


def _article(text: str = "Jane Doe said the plan was sound.", source: str = "a.txt") -> Article:
    from stancemap.model import content_hash

    return Article(
        id=content_hash(text),
        source=source,
        text=text,
        body=(0, len(text)),
        published="2025-01-02",
        actors=[Actor("a1", "Jane Doe", "person", "Minister", "Ruritania", ["Ms Doe"], [(0, 8)])],
        quotes=[
            Quote(14, 32, text[14:32], "indirect", Span(9, 13, "said"), Speaker("a1", "Jane Doe", 0, 8)),
        ],
    )


def test_write_is_idempotent_by_content(tmp_path):
    with open_store(tmp_path / "s.db") as store:
        assert store.write_article(_article()) is True
        assert store.write_article(_article(source="copy.txt")) is False
        assert store.counts()["articles"] == 1
        assert store.counts()["quotes"] == 1


def test_article_reads_back_as_written(tmp_path):
    written = _article()
    with open_store(tmp_path / "s.db") as store:
        store.write_article(written)
        read = query.article(store, written.id)
    assert read.to_dict() == written.to_dict()


def test_failed_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    article = _article()
    article.quotes.append(Quote(0, 4, "Jane", "direct"))
    with open_store(tmp_path / "s.db") as store:
        original = store.connection

        class Failing:
            """Fail on the second quote insert, after the article and first quote went in."""

            calls = 0

            def __getattr__(self, name):
                return getattr(original, name)

            def __enter__(self):
                return original.__enter__()

            def __exit__(self, *exc):
                return original.__exit__(*exc)

            def execute(self, sql, *args):
                if sql.startswith("INSERT INTO quotes"):
                    Failing.calls += 1
                    if Failing.calls == 2:
                        raise sqlite3.OperationalError("disk full")
                return original.execute(sql, *args)

        store.connection = Failing()
        with pytest.raises(sqlite3.OperationalError):
            store.write_article(article)
        store.connection = original
        assert store.counts() == {
            "articles": 0,
            "actors": 0,
            "quotes": 0,
            "stances": 0,
            "figures": 0,
            "events": 0,
        }


@pytest.mark.parametrize("speaker", ["Jane Doe", "doe", "Ms Doe"])
def test_quotes_by_speaker_name_or_alias(tmp_path, speaker):
    with open_store(tmp_path / "s.db") as store:
        store.write_article(_article())
        rows = query.quotes(store, speaker=speaker)
    assert [r.speaker for r in rows] == ["Jane Doe"]


def test_untrusted_text_is_data_not_sql(tmp_path):
    nasty = "Robert'); DROP TABLE articles;-- said hello there friends."
    with open_store(tmp_path / "s.db") as store:
        store.write_article(_article(nasty))
        assert query.quotes(store, speaker="'); DROP TABLE articles;--") == []
        assert store.counts()["articles"] == 1


def test_open_missing_store_is_a_clear_error(tmp_path):
    from stancemap.errors import StoreError

    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "none.db", create=False)


def test_store_write_source_is_done_only_with_the_same_content(tmp_path):
    first, second = _article(), _article("Jane Doe said the plan was not sound at all.")
    with open_store(tmp_path / "s.db") as store:
        store.write_article(first, content_hash="h1")
        assert store.has_source("a.txt", "h1")
        assert not store.has_source("a.txt", "h2")  # rewritten since: not done
        assert not store.has_source("b.txt", "h1")
        # The same path with new content is recorded next to the old one; the same again adds nothing.
        store.write_article(second, content_hash="h2")
        store.write_article(second, content_hash="h2")
        store.record_skip("a.txt", "S002", "empty file")  # unreadable now: nothing to hash
        assert store.has_source("a.txt", "h2") and store.has_source("a.txt", "")
        rows = store.connection.execute("SELECT source, content_hash FROM sources ORDER BY rowid")
        assert [tuple(r) for r in rows] == [("a.txt", "h1"), ("a.txt", "h2"), ("a.txt", "")]
        assert store.counts()["articles"] == 2


# The sources table as schema 1 had it: one row per source, whatever it held.
SOURCES_V1 = """
CREATE TABLE sources (
    source      TEXT PRIMARY KEY,
    article_id  TEXT REFERENCES articles(id),
    status      TEXT NOT NULL,
    code        TEXT,
    reason      TEXT,
    seen_at     TEXT NOT NULL DEFAULT (datetime('now'))
)
"""


def test_store_write_old_schema_store_is_upgraded(tmp_path):
    from stancemap.store.sqlite import SCHEMA_VERSION

    path = tmp_path / "old.db"
    article = _article()
    with open_store(path) as store:  # then made into a schema-1 store, as an older stancemap left it
        store.write_article(article)
        db = store.connection
        db.execute("DROP TABLE sources")
        db.execute(SOURCES_V1)
        db.execute(
            "INSERT INTO sources (source, article_id, status) VALUES ('a.txt', ?, 'stored')", (article.id,)
        )
        db.execute("INSERT INTO sources (source, status, code) VALUES ('e.txt', 'skipped', 'S002')")
        db.execute("PRAGMA user_version = 1")
        db.commit()

    with open_store(path) as store:
        db = store.connection
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
        rows = db.execute("SELECT source, content_hash, article_id, status FROM sources ORDER BY source")
        assert [tuple(r) for r in rows] == [
            ("a.txt", "", article.id, "stored"),
            ("e.txt", "", None, "skipped"),
        ]
        # What an old row saw is not known: content never counts as done by it (nothing is lost);
        # an input that cannot be read (nothing to hash) still does.
        assert not store.has_source("a.txt", "h1")
        assert store.has_source("e.txt", "")
        store.write_article(article, content_hash="h1")  # analyzed again: a duplicate, now known
        assert store.has_source("a.txt", "h1")
        assert store.counts()["articles"] == 1

    with open_store(path) as store:  # opened again: nothing to upgrade, nothing lost
        assert store.connection.execute("SELECT count(*) FROM sources").fetchone()[0] == 3


def test_store_write_foreign_sqlite_file_is_refused_and_left_alone(tmp_path):
    from stancemap.errors import StoreError

    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE articles (id TEXT PRIMARY KEY, published TEXT)")  # a name we use too
    before = path.read_bytes()
    for create in (False, True):
        with pytest.raises(StoreError, match="not a stancemap store"):
            open_store(path, create=create)
    assert path.read_bytes() == before
    empty = tmp_path / "empty.db"
    empty.touch()
    with pytest.raises(StoreError, match="not a stancemap store"):
        open_store(empty, create=False)  # a read command creates nothing
    assert empty.stat().st_size == 0


def test_store_write_store_that_cannot_be_written_is_read_as_it_is(tmp_path, monkeypatch):
    """A store on a read-only disk or folder: the read commands open it read-only."""
    from stancemap.store import sqlite as store_module

    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.write_article(_article())
    for leftover in tmp_path.glob("s.db-*"):
        leftover.unlink()
    monkeypatch.setattr(store_module, "_writable", lambda p: False)
    with open_store(path, create=False) as store:
        assert [q.text for q in query.quotes(store)] == ["the plan was sound"]
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.connection.execute("DELETE FROM quotes")


def test_store_write_read_only_store_with_unread_changes_is_a_clear_error(tmp_path, monkeypatch):
    """Where SQLite cannot read a read-only store normally, the file alone would hide the changes that
    still wait in its write-ahead log: a coded error says so, rather than answers without them."""
    from stancemap.errors import StoreError
    from stancemap.store import sqlite as store_module

    path = tmp_path / "s.db"
    with open_store(path) as store:
        store.write_article(_article())
    real_connect = sqlite3.connect

    class NoSharedMemory:  # as on a read-only disk: the first read of a WAL store fails
        row_factory = None

        def execute(self, *args):
            raise sqlite3.OperationalError("unable to open database file")

        def close(self):
            pass

    def no_shared_memory(database, **kwargs):  # only the file as it is ("immutable") can be read
        return real_connect(database, **kwargs) if "immutable=1" in database else NoSharedMemory()

    monkeypatch.setattr(store_module, "_writable", lambda p: False)
    monkeypatch.setattr(store_module.sqlite3, "connect", no_shared_memory)
    with open_store(path, create=False) as store:  # no log beside it: the file is all there is
        assert [q.text for q in query.quotes(store)] == ["the plan was sound"]
    (tmp_path / "s.db-wal").write_bytes(b"\0" * 4096)
    with pytest.raises(StoreError, match=r"s\.db-wal \(4 KB\).*copy the store") as raised:
        open_store(path, create=False)
    assert raised.value.code == "E002"
