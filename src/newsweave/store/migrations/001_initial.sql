-- Written once for both backends in SQLite's spelling; store/schema.py says how the PostgreSQL
-- rendering maps its types. What only one backend has stands between "only" markers.

-- only: postgres
CREATE EXTENSION IF NOT EXISTS vector;
-- end only

-- Articles keyed by the content hash of the item they were read from; no timestamps in content
-- rows, so a killed run that is re-run ends with exactly the same rows as an uninterrupted one.
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    title TEXT,
    outlet TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT,
    published_source TEXT,
    published_upper_bound INTEGER,
    author TEXT,
    language TEXT,
    language_score REAL,
    body TEXT NOT NULL,            -- JSON array of paragraphs
    notes TEXT NOT NULL,           -- JSON array
    extractor TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_locator TEXT,
    source_url TEXT
);

CREATE TABLE comments (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    author TEXT,
    time TEXT,
    text TEXT NOT NULL,
    reply_to INTEGER,
    PRIMARY KEY (article_id, position)
);

-- Every place an article's content was read from (the first is the article's own provenance).
CREATE TABLE sightings (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_path TEXT NOT NULL,
    source_locator TEXT NOT NULL DEFAULT '',
    source_url TEXT,
    PRIMARY KEY (article_id, source_path, source_locator)
);
-- only: postgres
-- SQLite reads sightings in rowid order (first sighting first); PostgreSQL has no rowid.
ALTER TABLE sightings ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
CREATE INDEX sightings_seq ON sightings(article_id, seq);
-- end only

CREATE TABLE rejections (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,       -- hash of item and reason: re-running records it once
    item TEXT NOT NULL,
    reason TEXT NOT NULL,
    source_path TEXT NOT NULL,
    source_locator TEXT,
    source_url TEXT,
    item_id TEXT
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    finished_at TEXT NOT NULL,
    inputs TEXT NOT NULL,           -- JSON array
    read INTEGER NOT NULL,
    stored INTEGER NOT NULL,
    duplicates INTEGER NOT NULL,
    rejected INTEGER NOT NULL
);
