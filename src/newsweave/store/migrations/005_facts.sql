-- What each article says: names, places, dates and numeric claims, read once by the analyze
-- stage and stored with the article; disagreements between two linked articles' claims.
-- Offsets are character offsets into the article's body text (paragraphs joined by blank lines).

-- Articles whose facts are read, and by which version of the analyzer (a newer one re-reads).
CREATE TABLE facts_done (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    analyzer TEXT NOT NULL
);

-- Canonical entities: one row per entity key, whatever the spelling, script or language.
CREATE TABLE entities (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL,
    aliases TEXT NOT NULL DEFAULT '[]'   -- JSON array: curated and gazetteer aliases
);

CREATE TABLE mentions (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,         -- quoted: END is reserved in PostgreSQL
    text TEXT NOT NULL,
    type TEXT NOT NULL,
    entity TEXT,
    lemma TEXT,
    score REAL NOT NULL,
    in_title INTEGER NOT NULL DEFAULT 0,   -- 1: offsets index the title, not the body
    PRIMARY KEY (article_id, position)
);
CREATE INDEX mentions_entity ON mentions(entity);

CREATE TABLE places (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,         -- quoted: END is reserved in PostgreSQL
    text TEXT NOT NULL,
    geonames_id INTEGER,
    name TEXT,
    country TEXT,
    lat REAL,
    lon REAL,
    feature TEXT,
    population INTEGER,
    score REAL NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX places_geonames ON places(geonames_id);

CREATE TABLE times (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,         -- quoted: END is reserved in PostgreSQL
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    precision TEXT NOT NULL,
    relative INTEGER NOT NULL,
    anchor TEXT,
    sentence TEXT NOT NULL,        -- the sentence it stands in, for timelines
    PRIMARY KEY (article_id, position)
);

CREATE TABLE claims (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,         -- quoted: END is reserved in PostgreSQL
    text TEXT NOT NULL,
    low REAL NOT NULL,
    high REAL NOT NULL,
    qualifier TEXT NOT NULL,
    sentence TEXT NOT NULL,
    sentence_index INTEGER NOT NULL,
    counted TEXT,
    action TEXT,
    place TEXT,
    time TEXT,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX claims_counted ON claims(counted, action);

-- Two linked articles' claims about the same thing, and how they compare.
CREATE TABLE disagreements (
    a TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    b TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    claim_a INTEGER NOT NULL,      -- claims.position in article a
    claim_b INTEGER NOT NULL,      -- claims.position in article b
    relation TEXT NOT NULL,        -- agree, qualifier, conflict, update
    score REAL NOT NULL,
    note TEXT,
    PRIMARY KEY (a, b, claim_a, claim_b)
);
CREATE INDEX disagreements_b ON disagreements(b);
