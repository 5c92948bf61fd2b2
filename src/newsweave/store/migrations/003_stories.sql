-- Stories are groups of articles; their title, languages, outlets and dates are derived from the
-- members when read, so nothing here can fall out of step with the articles.
CREATE TABLE story_members (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);

-- An article split out of a story by a user never rejoins it by itself.
CREATE TABLE cannot_join (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    story_id INTEGER NOT NULL,
    PRIMARY KEY (article_id, story_id)
);

-- The audit trail of user edits to stories.
CREATE TABLE story_edits (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,          -- merge, split
    details TEXT NOT NULL          -- JSON
);
