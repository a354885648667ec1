-- stancemap store. Offsets (start, end) are str indices into articles.text.
-- Version in PRAGMA user_version; open_store (sqlite.py) upgrades older stores in place.

CREATE TABLE IF NOT EXISTS articles (
    id          TEXT PRIMARY KEY,          -- content hash of text: re-ingesting the same content adds nothing
    source      TEXT NOT NULL,
    url         TEXT,
    title       TEXT,
    site        TEXT,
    author      TEXT,
    published   TEXT,                      -- YYYY-MM-DD
    language    TEXT,
    text        TEXT NOT NULL,
    body_start  INTEGER NOT NULL,
    body_end    INTEGER NOT NULL,
    canonical_id TEXT REFERENCES articles(id),  -- set when this is a near-duplicate of the article that
                                           -- counts, or an old version of it (same URL or source)
    signature   BLOB,                      -- MinHash of the body, for near-duplicate detection
    extracted   INTEGER NOT NULL DEFAULT 1, -- 0: stored without extraction (not English)
    ingested_at TEXT NOT NULL DEFAULT (datetime('now'))
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
-- A source read again is compared with the article last stored from it (a new version of it?).
CREATE INDEX IF NOT EXISTS articles_source ON articles(source);

-- Every input handled, by source and content, so that an interrupted run resumes where it stopped
-- while a source that now holds other content (a file rewritten, the next article piped to `-`) is
-- analyzed again. One row per (source, content): the same path with new content is a new row.
CREATE TABLE IF NOT EXISTS sources (
    source      TEXT NOT NULL,
    content_hash TEXT NOT NULL DEFAULT '', -- content_hash of the raw input; '' when nothing was read
                                           -- (an unreadable input) or not known (a store before
                                           -- schema 2, a shard from before shards kept it)
    article_id  TEXT REFERENCES articles(id),
    status      TEXT NOT NULL,             -- stored | duplicate | skipped
    code        TEXT,
    reason      TEXT,
    seen_at     TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (source, content_hash)
);

-- Canonical actors across all articles.
CREATE TABLE IF NOT EXISTS actors (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    role        TEXT,
    affiliation TEXT,
    UNIQUE (name, kind)
);

CREATE TABLE IF NOT EXISTS article_actors (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    local_id    TEXT NOT NULL,             -- the actor's id inside the Article JSON
    actor_id    INTEGER NOT NULL REFERENCES actors(id),
    role        TEXT,
    affiliation TEXT,
    aliases     TEXT NOT NULL DEFAULT '[]', -- JSON list
    PRIMARY KEY (article_id, local_id)
);
CREATE INDEX IF NOT EXISTS article_actors_actor ON article_actors(actor_id);

CREATE TABLE IF NOT EXISTS mentions (
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id    INTEGER NOT NULL REFERENCES actors(id),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id);

CREATE TABLE IF NOT EXISTS quotes (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,          -- index in the Article JSON's quotes
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    kind        TEXT NOT NULL,             -- direct | mixed | indirect
    cue_start   INTEGER,
    cue_end     INTEGER,
    cue_text    TEXT,
    speaker_actor_id INTEGER REFERENCES actors(id),
    speaker_name TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    UNIQUE (article_id, seq)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_actor_id);

CREATE TABLE IF NOT EXISTS stances (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id    INTEGER REFERENCES actors(id),
    actor_name  TEXT NOT NULL,
    issue       TEXT NOT NULL,
    stance      TEXT NOT NULL,             -- support | oppose | conditional | neutral
    confidence  REAL NOT NULL,
    condition   TEXT,
    evidence    TEXT NOT NULL DEFAULT '[]', -- JSON list of {start, end, text}
    quote_seqs  TEXT NOT NULL DEFAULT '[]'  -- JSON list of quotes.seq
);
CREATE INDEX IF NOT EXISTS stances_issue ON stances(issue);

CREATE TABLE IF NOT EXISTS figures (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL NOT NULL,
    unit        TEXT,
    what        TEXT,
    holder      TEXT,
    holder_actor_id INTEGER REFERENCES actors(id),
    qualifier   TEXT
);

CREATE TABLE IF NOT EXISTS events (
    id          INTEGER PRIMARY KEY,
    article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    what        TEXT NOT NULL,
    place       TEXT,
    date        TEXT,
    participants TEXT NOT NULL DEFAULT '[]', -- JSON list of names
    not_invited TEXT NOT NULL DEFAULT '[]'
);
