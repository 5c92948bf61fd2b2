-- What linking needs, computed once per article and never again on read.

-- Every article's whole-text and title vectors; its sentences' vectors only once a candidate
-- pair needed them (sentence alignment, the learned score). Never embedded twice.
CREATE TABLE embeddings (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    model TEXT NOT NULL,
    dim INTEGER NOT NULL,
    document BLOB NOT NULL,        -- float32[dim], L2-normalised
    title BLOB NOT NULL,           -- float32[dim]
    sentences TEXT,                -- JSON array of the sentences embedded, or NULL
    sentence_vectors BLOB          -- float16[n, dim], or NULL
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
