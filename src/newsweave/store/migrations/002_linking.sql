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
-- only: postgres
ALTER TABLE relations ADD COLUMN seq BIGINT GENERATED ALWAYS AS IDENTITY;
-- The document vector again, as a pgvector value: what nearest-neighbour queries read (an HNSW
-- index per dimension is made when the first vector of that dimension is stored).
ALTER TABLE embeddings ADD COLUMN doc_vec vector;
-- end only

-- Articles whose linking is done, in the order they were linked: `link` resumes after the last.
CREATE TABLE linked (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL
);

-- Full-text index over title and body.
-- only: sqlite
-- Brought up to date when searched (see SqliteStore.search_text), not on every insert: ingest
-- stays as fast as extraction allows (migration 004 changed that to on write).
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2');
CREATE TABLE fts_progress (indexed_seq INTEGER NOT NULL);
INSERT INTO fts_progress VALUES (0);
-- end only
-- only: postgres
-- PostgreSQL full-text search, stemmed in the article's language where PostgreSQL ships a
-- configuration for it, "simple" (lower-cased words, no stemming) for every other language.
CREATE FUNCTION newsweave_ts_config(language TEXT) RETURNS regconfig
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE language
        WHEN 'ar' THEN 'arabic' WHEN 'hy' THEN 'armenian' WHEN 'eu' THEN 'basque'
        WHEN 'ca' THEN 'catalan' WHEN 'da' THEN 'danish' WHEN 'nl' THEN 'dutch'
        WHEN 'en' THEN 'english' WHEN 'fi' THEN 'finnish' WHEN 'fr' THEN 'french'
        WHEN 'de' THEN 'german' WHEN 'el' THEN 'greek' WHEN 'hi' THEN 'hindi'
        WHEN 'hu' THEN 'hungarian' WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish'
        WHEN 'it' THEN 'italian' WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali'
        WHEN 'no' THEN 'norwegian' WHEN 'nb' THEN 'norwegian' WHEN 'nn' THEN 'norwegian'
        WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian' WHEN 'ru' THEN 'russian'
        WHEN 'sr' THEN 'serbian' WHEN 'es' THEN 'spanish' WHEN 'sv' THEN 'swedish'
        WHEN 'ta' THEN 'tamil' WHEN 'tr' THEN 'turkish' WHEN 'yi' THEN 'yiddish'
        ELSE 'simple' END::regconfig
$$;
-- Kept by PostgreSQL itself (a stored generated column), so it is always as complete as the articles.
ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector(newsweave_ts_config(language), COALESCE(title, '')), 'A')
    || setweight(to_tsvector(newsweave_ts_config(language), body::jsonb), 'B')
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);
-- end only
