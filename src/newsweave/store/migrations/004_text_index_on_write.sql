-- only: sqlite
-- The full-text index is kept up to date by the writer, in the same transaction as the article:
-- a search only reads (so it works on a read-only store and never waits for, or blocks, a writer),
-- and a killed ingest leaves the index exactly as complete as the articles.
INSERT INTO articles_fts(rowid, title, body)
    SELECT seq, title, body FROM articles WHERE seq > (SELECT indexed_seq FROM fts_progress);
UPDATE fts_progress SET indexed_seq = (SELECT COALESCE(MAX(seq), 0) FROM articles);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
-- end only
-- (PostgreSQL's index is a generated column since migration 002: nothing to do.)
