-- What linking needs, computed once per article and never again on read.

-- Sentences and their embeddings (float16, rows in sentence order); the document vector is
-- derived from them, so one embedding pass serves search, candidates and sentence alignment.
CREATE TABLE embeddings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dim INTEGER NOT NULL,
    document BLOB NOT NULL,        -- float32[dim], L2-normalised
    sentences TEXT NOT NULL,       -- JSON array of the sentences embedded
    sentence_vectors BLOB NOT NULL -- float16[n, dim]
);

CREATE TABLE signatures (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL          -- uint64[num_perm]
);

CREATE TABLE relations (
    a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    score REAL NOT NULL,
    evidence TEXT NOT NULL,        -- JSON of records.Evidence
    PRIMARY KEY (a, b)
);
CREATE INDEX relations_b ON relations(b);

-- Articles whose linking is done, in the order they were linked: `link` resumes after the last.
CREATE TABLE linked (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL
);

-- Full-text index over title and body. It is brought up to date when searched (see
-- SqliteStore.search_text), not on every insert: ingest stays as fast as extraction allows.
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2');
CREATE TABLE fts_progress (indexed_seq INTEGER NOT NULL);
INSERT INTO fts_progress VALUES (0);
