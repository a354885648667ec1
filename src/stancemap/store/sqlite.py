"""Open a store, create or upgrade its schema, and write articles idempotently.

Every write is parameterised SQL (text from the web never becomes SQL). Each article is written in
one transaction with its actors, mentions and quotes, so a crash leaves either all of it or none.

Every input handled is recorded in ``sources`` by its source *and* the hash of its raw content, so a
resumed run passes over exactly what it handled before, and a source whose content changed (a file
rewritten, the next article piped to ``-``) is analyzed again.
"""

from __future__ import annotations

import json
import os
import sqlite3
import urllib.parse
from importlib import resources
from pathlib import Path

from ..errors import Skip, StoreError
from ..model import Article, is_stdin

DEFAULT_DB = "stancemap.db"
# 2: sources keyed by (source, content_hash), was by source alone.
SCHEMA_VERSION = 2
# The content_hash recorded when there is none to record: an input that could not be read (nothing
# to hash), or one whose content is not known (rows from before schema 2, Results read from shards
# written before shards kept the hash).
NO_HASH = ""


class Store:
    """A stancemap SQLite store. Use as a context manager or call ``close``."""

    def __init__(self, connection: sqlite3.Connection, path: str):
        self.connection = connection
        self.path = path

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.connection.close()

    # -- writes ---------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        return (
            self.connection.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone()
            is not None
        )

    def has_source(self, source: str, content_hash: str | None = None) -> bool:
        """True when an earlier run handled ``source`` with this content (stored, duplicate or skipped).

        ``content_hash`` is the hash of the input's raw content (``stancemap.run.stage.input_hash``),
        ``NO_HASH`` for an input that could not be read. The same source with other content is not
        done: it is analyzed again, so nothing new is lost. Rows whose content is not known (``NO_HASH``:
        written before schema 2, or merged from old shards) never match a real hash, for the same reason:
        treating them as done could drop content never stored, while treating them as not done costs
        one analysis, after which content already stored is recorded as a duplicate and adds nothing.

        Without ``content_hash``, any record of ``source`` counts: only for callers that cannot know
        the content (merging shards written before shards kept the hash, so that merging again adds nothing).
        """
        return self.earlier(source, content_hash) is not None

    def earlier(self, source: str, content_hash: str | None = None) -> Skip | str | None:
        """What an earlier run did with ``source`` and this content (matched as in ``has_source``): the
        ``Skip`` it recorded, "stored" or "duplicate"; None when no earlier run handled it."""
        # Without content_hash, a source also stored or found a duplicate counts as that, not as skipped.
        sql = "SELECT status, code, reason FROM sources WHERE source = ?"
        params: tuple = (source,)
        if content_hash is not None:
            sql += " AND content_hash = ?"
            params += (content_hash,)
        row = self.connection.execute(sql + " ORDER BY status = 'skipped' LIMIT 1", params).fetchone()
        if row is None:
            return None
        if row[0] == "skipped":
            return Skip(source, row[1], row[2])
        if content_hash is not None and not is_stdin(source) and self._replaced(source, content_hash):
            return None  # back to content it held before (v1, v2, v1): analyzed again, to be current again
        return row[0]

    def _replaced(self, source: str, content_hash: str) -> bool:
        """Whether ``source`` was last handled with other content than ``content_hash``."""
        latest = self.connection.execute(
            "SELECT content_hash FROM sources WHERE source = ? AND status != 'skipped' ORDER BY rowid DESC LIMIT 1",
            (source,),
        ).fetchone()
        return latest is not None and latest[0] != content_hash

    def record_skip(self, source: str, code: str, reason: str, *, content_hash: str | None = None) -> None:
        """Record ``source`` (with the hash of its raw content, when it had some) as skipped."""
        with self.connection:
            self.connection.execute(
                "INSERT OR REPLACE INTO sources (source, content_hash, status, code, reason)"
                " VALUES (?, ?, 'skipped', ?, ?)",
                (source, content_hash or NO_HASH, code, reason),
            )

    def write_article(
        self,
        article: Article,
        *,
        canonical_id: str | None = None,
        signature: bytes | None = None,
        content_hash: str | None = None,
        supersedes: str | None = None,
    ) -> bool:
        """Store ``article`` with everything extracted from it; False when its content is already stored.

        Either way its source is recorded as handled, with ``content_hash`` (the hash of the raw input
        it was made from; ``NO_HASH`` when not known), so a resumed run passes over that input.
        ``supersedes``: the canonical article this one is a new version of; in the same transaction,
        that article and its copies become copies of this one.
        """
        db = self.connection
        content_hash = content_hash or NO_HASH
        with db:
            if self.has_article(article.id):
                db.execute(
                    "INSERT OR REPLACE INTO sources (source, content_hash, article_id, status)"
                    " VALUES (?, ?, ?, 'duplicate')",
                    (article.source, content_hash, article.id),
                )
                return False
            extracted = int(bool(article.actors or article.quotes) or article.language in (None, "en"))
            db.execute(
                "INSERT INTO articles (id, source, url, title, site, author, published, language, text,"
                " body_start, body_end, canonical_id, signature, extracted)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.source,
                    article.url,
                    article.title,
                    article.site,
                    article.author,
                    article.published,
                    article.language,
                    article.text,
                    article.body[0],
                    article.body[1],
                    canonical_id,
                    signature,
                    extracted,
                ),
            )
            if supersedes:
                self._supersede(article.id, supersedes)
            local_to_global = {}
            for actor in article.actors:
                actor_id = self._actor_id(actor.name, actor.kind, actor.role, actor.affiliation)
                local_to_global[actor.id] = actor_id
                db.execute(
                    "INSERT INTO article_actors (article_id, local_id, actor_id, role, affiliation, aliases)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        actor.id,
                        actor_id,
                        actor.role,
                        actor.affiliation,
                        json.dumps(actor.aliases),
                    ),
                )
                db.executemany(
                    "INSERT INTO mentions (article_id, actor_id, start, end) VALUES (?, ?, ?, ?)",
                    [(article.id, actor_id, s, e) for s, e in actor.mentions],
                )
            for seq, quote in enumerate(article.quotes):
                cue, speaker = quote.cue, quote.speaker
                db.execute(
                    "INSERT INTO quotes (article_id, seq, start, end, text, kind, cue_start, cue_end, cue_text,"
                    " speaker_actor_id, speaker_name, speaker_start, speaker_end)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        seq,
                        quote.start,
                        quote.end,
                        quote.text,
                        quote.kind,
                        cue.start if cue else None,
                        cue.end if cue else None,
                        cue.text if cue else None,
                        local_to_global.get(speaker.actor) if speaker else None,
                        speaker.name if speaker else None,
                        speaker.start if speaker else None,
                        speaker.end if speaker else None,
                    ),
                )
            for stance in article.stances:
                db.execute(
                    "INSERT INTO stances (article_id, actor_id, actor_name, issue, stance, confidence, condition,"
                    " evidence, quote_seqs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        local_to_global.get(stance.actor),
                        stance.actor_name,
                        stance.issue,
                        stance.stance,
                        stance.confidence,
                        stance.condition,
                        json.dumps([vars(e) for e in stance.evidence]),
                        json.dumps(stance.quotes),
                    ),
                )
            for figure in article.figures:
                db.execute(
                    "INSERT INTO figures (article_id, start, end, text, value, unit, what, holder,"
                    " holder_actor_id, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        figure.start,
                        figure.end,
                        figure.text,
                        figure.value,
                        figure.unit,
                        figure.what,
                        figure.holder,
                        local_to_global.get(figure.holder_actor),
                        figure.qualifier,
                    ),
                )
            for event in article.events:
                db.execute(
                    "INSERT INTO events (article_id, start, end, text, what, place, date, participants,"
                    " not_invited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        article.id,
                        event.start,
                        event.end,
                        event.text,
                        event.what,
                        event.where,
                        event.when,
                        json.dumps(event.participants),
                        json.dumps(event.not_invited),
                    ),
                )
            db.execute(
                "INSERT OR REPLACE INTO sources (source, content_hash, article_id, status)"
                " VALUES (?, ?, ?, 'stored')",
                (article.source, content_hash, article.id),
            )
        return True

    def _actor_id(self, name: str, kind: str, role: str | None, affiliation: str | None) -> int:
        """The canonical actor for (name, kind), created on first sight; role and affiliation fill in."""
        db = self.connection
        row = db.execute(
            "SELECT id, role, affiliation FROM actors WHERE name = ? AND kind = ?", (name, kind)
        ).fetchone()
        if row is None and kind == "person":
            row = self._same_person(name)
        if row is None:
            return db.execute(
                "INSERT INTO actors (name, kind, role, affiliation) VALUES (?, ?, ?, ?)",
                (name, kind, role, affiliation),
            ).lastrowid
        if (role and not row[1]) or (affiliation and not row[2]):
            db.execute(
                "UPDATE actors SET role = COALESCE(role, ?), affiliation = COALESCE(affiliation, ?) WHERE id = ?",
                (role, affiliation, row[0]),
            )
        return row[0]

    def _same_person(self, name: str):
        """The one stored person that ``name`` names in another form: "Starmer" and "Keir Starmer" (same
        surname, and same first name when both have one). None when no one, or more than one, fits."""
        db = self.connection
        words = name.split()
        rows = db.execute(
            "SELECT id, role, affiliation, name FROM actors WHERE kind = 'person' AND (name = ? OR name LIKE ?)",
            (words[-1], "% " + words[-1].replace("%", "").replace("_", "")),
        ).fetchall()
        fits = []
        for row in rows:
            have = row[3].split()
            if have[-1] != words[-1]:
                continue  # LIKE is case-insensitive; surnames are not
            if len(have) > 1 and len(words) > 1 and have[0][0] != words[0][0]:
                continue  # "Keir Starmer" and "Victoria Starmer" are different people
            fits.append(row)
        if len(fits) != 1:
            return None
        row = fits[0]
        taken = db.execute("SELECT 1 FROM actors WHERE name = ? AND kind = 'person'", (name,)).fetchone()
        if len(words) > len(row[3].split()) and taken is None:
            db.execute("UPDATE actors SET name = ? WHERE id = ?", (name, row[0]))  # keep the fullest form
        return row

    def counts(self) -> dict[str, int]:
        tables = ("articles", "actors", "quotes", "stances", "figures", "events")
        return {t: self.connection.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}  # noqa: S608 - fixed names

    # -- for the run engines (stancemap.run): resume near-duplicate and same-URL detection --------

    def signatures(self):
        """(article id, MinHash signature) of the stored articles, in the order they were written.

        Rebuilding the near-duplicate index in this order gives the same canonical links as the
        run that wrote them, so a resumed run links copies exactly as an uninterrupted one would.
        """
        cursor = self.connection.execute(
            "SELECT id, signature FROM articles WHERE signature IS NOT NULL ORDER BY rowid"
        )
        for row in cursor:
            yield row[0], row[1]

    def urls(self):
        """(article id, URL) of the stored articles that have a URL, in the order written."""
        cursor = self.connection.execute(
            "SELECT id, url FROM articles WHERE url IS NOT NULL AND url != '' ORDER BY rowid"
        )
        for row in cursor:
            yield row[0], row[1]

    def make_canonical(self, article_id: str) -> None:
        """``article_id``, now a copy or an old version, becomes the article that counts again: the one
        it was linked to and that one's copies link to it (a file rewritten back to what it held)."""
        current = self.canonical_of(article_id)
        if current:
            with self.connection:
                self._supersede(article_id, current)
                self.connection.execute("UPDATE articles SET canonical_id = NULL WHERE id = ?", (article_id,))

    def _supersede(self, new_id: str, old_id: str) -> None:
        """Link ``old_id`` and its copies to ``new_id`` (inside the caller's transaction)."""
        self.connection.execute(
            "UPDATE articles SET canonical_id = ? WHERE id = ? OR canonical_id = ?", (new_id, old_id, old_id)
        )

    def last_article_of(self, source: str) -> str | None:
        """The article last stored from ``source``, or None."""
        row = self.connection.execute(
            "SELECT id FROM articles WHERE source = ? ORDER BY rowid DESC LIMIT 1", (source,)
        ).fetchone()
        return row[0] if row else None

    def signature_of(self, article_id: str) -> bytes | None:
        """The MinHash signature stored with ``article_id``, or None."""
        return self._column("signature", article_id)

    def published_of(self, article_id: str) -> str | None:
        """The publication date (YYYY-MM-DD) stored with ``article_id``, or None."""
        return self._column("published", article_id)

    def source_of(self, article_id: str) -> str | None:
        """The source ``article_id`` was read from, or None."""
        return self._column("source", article_id)

    def canonical_of(self, article_id: str) -> str | None:
        """The article that ``article_id`` was linked to as a copy or an old version, or None."""
        return self._column("canonical_id", article_id)

    def _column(self, column: str, article_id: str):
        """One column of one stored article (None when there is no such article); ``column`` is one of
        the fixed names above, never text from an input."""
        row = self.connection.execute(
            f"SELECT {column} FROM articles WHERE id = ?",  # noqa: S608 - fixed names
            (article_id,),
        ).fetchone()
        return row[0] if row else None


# Schema 1 -> 2: sources gains content_hash and is keyed by (source, content_hash). SQLite cannot
# change a primary key in place, so the table is rebuilt. This is schema 2's table as it was then,
# kept here as written (schema.sql may change later; an upgrade from 1 must still reach 2).
_SOURCES_V2 = """
CREATE TABLE sources_v2 (
    source      TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '',
    article_id  TEXT REFERENCES articles(id),
    status      TEXT NOT NULL,
    code        TEXT,
    reason      TEXT,
    seen_at     TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (source, content_hash)
)
"""


def _upgrade(connection: sqlite3.Connection) -> None:
    """Bring a store written by an older stancemap up to ``SCHEMA_VERSION``, in one transaction."""
    connection.execute("BEGIN IMMEDIATE")  # one upgrader at a time; the others wait, then see it done
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == 1:
            connection.execute(_SOURCES_V2)
            # What a schema-1 store saw under each source is not known: NO_HASH, so that no new
            # content is ever passed over for it (see Store.has_source).
            connection.execute(
                "INSERT INTO sources_v2 (source, content_hash, article_id, status, code, reason, seen_at)"
                " SELECT source, ?, article_id, status, code, reason, seen_at FROM sources",
                (NO_HASH,),
            )
            connection.execute("DROP TABLE sources")
            connection.execute("ALTER TABLE sources_v2 RENAME TO sources")
            connection.execute("PRAGMA user_version = 2")
        connection.commit()
    except BaseException:
        connection.rollback()
        raise


def open_store(path: str | Path = DEFAULT_DB, *, create: bool = True) -> Store:
    """Open (and create, or upgrade from an older schema) the store at ``path``.

    ``create=False`` (the read commands) opens only an existing stancemap store, and one that cannot
    be written (a read-only file or folder) read-only as it is; an SQLite file of other tables is
    refused rather than given ours.
    """
    path = str(path)
    if not create and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no store at {path}: run `stancemap ingest PATH --db {path}` first")
    if not create and path != ":memory:" and not _writable(Path(path)):
        return _open_read_only(path)
    try:
        connection = sqlite3.connect(path)
    except sqlite3.DatabaseError as exc:  # a missing folder, one that cannot be written, /proc
        raise StoreError(f"cannot open {path} as a stancemap store: {_reason(exc, path)}") from exc
    try:
        connection.row_factory = sqlite3.Row
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        # A stancemap store always has its schema version set: a file without one is new (to create)
        # or someone else's (to leave alone), and the read commands create nothing.
        if version == 0 and (_tables(connection) or not create):
            raise StoreError(
                f"{path} is not a stancemap store (an empty or other SQLite file); give another --db"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path} was written by a newer stancemap (schema {version}); upgrade stancemap")
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        if 0 < version < SCHEMA_VERSION:
            _upgrade(connection)
        schema = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
        connection.executescript(schema)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise StoreError(f"cannot open {path} as a stancemap store: {_reason(exc, path)}") from exc
    except BaseException:
        connection.close()
        raise
    return Store(connection, path)


def _writable(path: Path) -> bool:
    """Whether SQLite can write the store: the file, and its folder for the journal files beside it."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def _open_read_only(path: str) -> Store:
    """A store that cannot be written, read-only. Plain read-only first, which still sees what a
    writer elsewhere commits; where SQLite cannot even create its shared-memory file beside the store
    (a read-only folder or disk, where nothing can write anyway), the file as it is ("immutable"),
    unless changes wait beside it in a write-ahead log, which SQLite would then not read."""
    base = "file:" + urllib.parse.quote(str(Path(path).resolve())) + "?mode=ro"
    problem: sqlite3.DatabaseError | None = None
    wal = Path(f"{path}-wal")
    for uri in (base, base + "&immutable=1"):
        if uri != base and wal.exists() and wal.stat().st_size > 0:
            raise StoreError(
                f"cannot read {path} where it is: changes not yet written into it wait in {wal.name} "
                f"({wal.stat().st_size / 1024:.0f} KB), which SQLite cannot read without writing beside "
                "the store; copy the store and its -wal file to a folder that can be written, or open it "
                f"once where it can be written ({problem})"
            )
        connection = sqlite3.connect(uri, uri=True)
        try:
            connection.row_factory = sqlite3.Row
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = _tables(connection)
        except sqlite3.DatabaseError as exc:
            connection.close()
            problem = exc
            continue
        if version != SCHEMA_VERSION or "articles" not in tables:
            connection.close()
            raise StoreError(
                f"{path} is read-only and not a stancemap store of this version (schema {version}); "
                "open it once where it can be written, to create or upgrade it"
            )
        return Store(connection, path)
    raise StoreError(f"cannot open {path} as a stancemap store: {problem}")


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _reason(exc: sqlite3.DatabaseError, path: str) -> str:
    """SQLite's message, and what it most often means when it says no more ("unable to open")."""
    folder = Path(path).resolve().parent
    if "unable to open" in str(exc) and not folder.is_dir():
        return f"{exc} (the folder {folder} does not exist)"
    if "unable to open" in str(exc) and not os.access(folder, os.W_OK):
        return f"{exc} (the folder {folder} cannot be written)"
    return str(exc)
