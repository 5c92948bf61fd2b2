"""SQLite store: one file, WAL journal, numbered SQL migrations."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

try:
    import fcntl
except ImportError:  # Windows: no OS file locks through fcntl; a second linker is not refused there
    fcntl = None  # type: ignore[assignment]

from newsweave.errors import ConfigError, Conflict, NewsweaveError, NotFound, StoreError
from newsweave.records import (
    Article,
    Evidence,
    IngestReport,
    Link,
    Provenance,
    Rejection,
    RelationKind,
    Story,
)
from newsweave.store import schema
from newsweave.store.base import StoredEmbedding, link_conflict
from newsweave.store.common import CommonReads
from newsweave.store.sqlite_facts import FactsTables
from newsweave.store.transfer import insert_sql, select_sql

# How long a writer waits for another process's write transaction before giving up (seconds).
# A link commits every article and an ingest every batch, so a wait this long means a stuck writer.
BUSY_TIMEOUT = 60.0
# The largest integer SQLite stores; larger ids, limits and offsets are refused before reaching it.
SQLITE_MAX_INT = 2**63 - 1


_ARTICLE_COLUMNS = (
    "id, title, outlet, url, published, published_precision, published_source, published_upper_bound, "
    "author, language, language_score, body, notes, extractor, source_path, source_locator, source_url"
)


def migrations() -> list[tuple[int, str]]:
    """The numbered migrations shipped in ``store/migrations``, in order, rendered for SQLite."""
    return schema.migrations("sqlite")


class SqliteStore(FactsTables, CommonReads):
    """The default store: a single SQLite file.

    Example:
        >>> store = SqliteStore(":memory:")
        >>> store.count_articles()
        0
    """

    _db: _Connection

    def __init__(self, path: str | Path, *, busy_timeout: float = BUSY_TIMEOUT) -> None:
        self.path = str(path)
        self.read_only = False
        try:
            if self.path != ":memory:":
                self.read_only = _check_location(Path(self.path))
            # isolation_level=None: we open transactions ourselves, so a batch commits as a unit.
            # timeout: a writer waits this long for another process's write to finish (WAL lets
            # readers go on meanwhile) before giving up with a StoreError.
            target = f"{Path(self.path).resolve().as_uri()}?mode=ro" if self.read_only else self.path
            connection = sqlite3.connect(
                target, isolation_level=None, check_same_thread=False, timeout=busy_timeout, uri=self.read_only
            )
            self._db = _Connection(connection, self.path, busy_timeout)
            if not self.read_only:
                self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store: {e}", item=self.path) from e
        self._depth = 0

    @property
    def location(self) -> str:
        """Where the store is, as shown to the user: the file's path."""
        return self.path

    def ann_checkpoint(self, model: str) -> Path | None:
        """Where the vector graph of ``model`` is saved: beside the store file (None in memory)."""
        return None if self.path == ":memory:" else Path(f"{self.path}.{model}.usearch")

    @contextmanager
    def link_lock(self) -> Iterator[None]:
        """Hold the store's link lock: an OS file lock (flock) beside the file, so a killed linker never
        leaves it behind.

        Raises:
            Conflict: another process holds it.
        """
        if self.path == ":memory:" or fcntl is None:
            yield
            return
        lock_path = f"{self.path}.link.lock"
        try:
            handle = open(lock_path, "a+b")  # noqa: SIM115 (held for the whole run, closed below)
        except OSError as e:
            raise StoreError(f"cannot open the link lock {lock_path}: {e.strerror}", item=self.path) from e
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError as e:
                raise link_conflict(self.path) from e
            yield
        finally:
            handle.close()  # releases the lock

    def _migrate(self) -> None:
        shipped = migrations()
        latest = shipped[-1][0] if shipped else 0
        current = self.schema_version()
        if current > latest:
            raise StoreError(
                f"the store has schema version {current}, newer than this newsweave's {latest}; "
                "it was written by a newer release and is left untouched",
                item=self.path,
                hint="upgrade newsweave, or pass --db a store of this release",
            )
        pending = [(version, sql) for version, sql in shipped if version > current]
        if pending and self.read_only:
            raise StoreError(
                f"the store has schema version {current} and is read-only, so it cannot be upgraded to {latest}",
                item=self.path,
                hint="make the file writable once (newsweave upgrades it on opening)",
            )
        for version, sql in pending:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                if self.schema_version() >= version:  # another process upgraded it while we waited
                    self._db.execute("ROLLBACK")
                    continue
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_version VALUES (?)", (version,))
                self._db.execute("COMMIT")
            except BaseException:
                self._db.rollback()
                raise

    def schema_version(self) -> int:
        """The highest migration applied to the store (0 for a new file)."""
        exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        if exists.fetchone() is None:
            if self.read_only:
                return 0
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group writes; nested calls join the outer transaction."""
        if self._depth:
            self._depth += 1
            try:
                yield
            finally:
                self._depth -= 1
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._depth = 1
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            # Also when COMMIT itself failed: a transaction left open would make every later one fail.
            self._db.rollback()
            raise
        finally:
            self._depth = 0

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this content hash is stored."""
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(self, article: Article) -> bool:
        """Store ``article``; return False (and change nothing) when its id is already stored."""
        with self.transaction():
            cursor = self._db.execute(
                f"INSERT OR IGNORE INTO articles ({_ARTICLE_COLUMNS}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                _article_row(article),
            )
            if cursor.rowcount == 0:
                return False
            self._db.executemany(
                "INSERT INTO comments (article_id, position, author, time, text, reply_to) VALUES (?, ?, ?, ?, ?, ?)",
                [(article.id, i, c.author, _iso(c.time), c.text, c.reply_to) for i, c in enumerate(article.comments)],
            )
            self.add_sighting(article.id, article.provenance)
        return True

    def add_sighting(self, article_id: str, provenance: Provenance) -> None:
        """Record that the article's content was read at ``provenance`` (idempotent)."""
        self._db.execute(
            "INSERT OR IGNORE INTO sightings (article_id, source_path, source_locator, source_url) VALUES (?, ?, ?, ?)",
            (article_id, provenance.path, provenance.locator or "", provenance.url),
        )

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an unusable input with its reason; the same one twice is kept once."""
        key = hashlib.sha256(f"{rejection.item}\0{rejection.reason}".encode()).hexdigest()
        p = rejection.provenance
        self._db.execute(
            "INSERT OR IGNORE INTO rejections "
            "(key, item, reason, source_path, source_locator, source_url, item_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (key, rejection.item, rejection.reason, p.path, p.locator, p.url, rejection.item_id),
        )

    def get_article(self, id_or_prefix: str) -> Article:
        """Return the article whose id is or starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
            raise NotFound(f"no article with id {id_or_prefix!r}", hint="ids are hexadecimal")
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
            (prefix, prefix + "g"),
        ).fetchall()
        if not rows:
            raise NotFound(f"no article with id {id_or_prefix!r}", hint="`newsweave articles` lists them")
        if len(rows) > 1:
            raise Conflict(f"id prefix {id_or_prefix!r} matches several articles", hint="give more characters")
        return self._article(rows[0])

    def sightings(self, article_id: str) -> list[Provenance]:
        """Every place the article's content was read from, first sighting first."""
        rows = self._db.execute(
            "SELECT source_path, source_locator, source_url FROM sightings WHERE article_id = ? ORDER BY rowid",
            (article_id,),
        )
        return [Provenance(path, locator or None, url) for path, locator, url in rows]

    def iter_articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Articles in ingest order."""
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        for row in rows:
            yield self._article(row)

    def article_ids(self) -> Iterator[str]:
        """Every stored article's id (a bulk run skips them before extracting anything)."""
        for (article_id,) in self._db.execute("SELECT id FROM articles"):
            yield article_id

    def rejected_item_ids(self) -> Iterator[str]:
        """The content hashes of items that were read and rejected (a bulk run does not retry them)."""
        for (item_id,) in self._db.execute("SELECT DISTINCT item_id FROM rejections WHERE item_id IS NOT NULL"):
            yield item_id

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def rejections(self, *, limit: int | None = None) -> list[Rejection]:
        """Recorded rejections, oldest first."""
        rows = self._db.execute(
            "SELECT item, reason, source_path, source_locator, source_url, item_id FROM rejections "
            "ORDER BY seq LIMIT ?",
            (-1 if limit is None else limit,),
        )
        return [Rejection(item, reason, Provenance(p, loc, url), iid) for item, reason, p, loc, url, iid in rows]

    def record_run(self, inputs: list[str], report: IngestReport) -> int:
        """Record one finished ingest run and return its id."""
        with self.transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (finished_at, inputs, read, stored, duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    json.dumps(inputs, ensure_ascii=False),
                    report.read,
                    report.stored,
                    report.duplicates,
                    report.rejected,
                ),
            )
        return int(cursor.lastrowid or 0)

    # -- linking -----------------------------------------------------------------------------

    def put_embedding(self, article_id: str, embedding: StoredEmbedding) -> None:
        """Store an article's embeddings (replacing older ones)."""
        sentences = sentence_blob = None
        if embedding.sentences is not None and embedding.sentence_vectors is not None:
            sentences = json.dumps(list(embedding.sentences), ensure_ascii=False)
            sentence_blob = np.asarray(embedding.sentence_vectors, dtype=np.float16).tobytes()
        self._db.execute(
            "INSERT OR REPLACE INTO embeddings (article_id, model, dim, document, title, sentences, sentence_vectors) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                embedding.model,
                embedding.document.shape[0],
                np.asarray(embedding.document, dtype=np.float32).tobytes(),
                np.asarray(embedding.title, dtype=np.float32).tobytes(),
                sentences,
                sentence_blob,
            ),
        )

    def get_embedding(self, article_id: str) -> StoredEmbedding | None:
        """An article's stored embeddings, or None when it has not been embedded."""
        row = self._db.execute(
            "SELECT model, dim, document, title, sentences, sentence_vectors FROM embeddings WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        model, dim, document, title, sentences, vectors = row
        matrix = None
        if vectors is not None:
            matrix = np.frombuffer(vectors, dtype=np.float16).reshape(-1, dim).astype(np.float32)
        return StoredEmbedding(
            model,
            np.frombuffer(document, dtype=np.float32),
            np.frombuffer(title, dtype=np.float32),
            tuple(json.loads(sentences)) if sentences else None,
            matrix,
        )

    def linked_vectors(self, model: str) -> Iterator[tuple[str, np.ndarray]]:
        """(article id, document vector) of every linked article, in link order."""
        rows = self._db.execute(
            "SELECT e.article_id, e.document FROM linked l JOIN embeddings e ON e.article_id = l.article_id "
            "WHERE e.model = ? ORDER BY l.seq",
            (model,),
        )
        for aid, document in rows:
            yield aid, np.frombuffer(document, dtype=np.float32)

    def put_signature(self, article_id: str, signature: np.ndarray) -> None:
        """Store an article's MinHash signature."""
        self._db.execute(
            "INSERT OR REPLACE INTO signatures (article_id, minhash) VALUES (?, ?)",
            (article_id, np.asarray(signature, dtype=np.uint64).tobytes()),
        )

    def signatures(self) -> Iterator[tuple[str, np.ndarray]]:
        """Every stored (article id, MinHash signature): those of the linked articles."""
        for aid, blob in self._db.execute("SELECT article_id, minhash FROM signatures"):
            yield aid, np.frombuffer(blob, dtype=np.uint64)

    def add_link(self, link: Link) -> None:
        """Store (or replace) the relation between two articles."""
        self._db.execute(
            "INSERT OR REPLACE INTO relations (a, b, kind, score, evidence) VALUES (?, ?, ?, ?, ?)",
            (link.a, link.b, link.kind.value, link.score, json.dumps(link.evidence.as_dict(), ensure_ascii=False)),
        )

    def links(self, article_id: str | None = None) -> list[Link]:
        """Stored relations, all or those of one article."""
        sql = "SELECT a, b, kind, score, evidence FROM relations"
        args: tuple[str, ...] = ()
        if article_id:
            sql += " WHERE a = ? OR b = ?"
            args = (article_id, article_id)
        rows = self._db.execute(sql + " ORDER BY rowid", args)
        return [Link(a, b, RelationKind(k), score, Evidence.from_dict(json.loads(ev))) for a, b, k, score, ev in rows]

    def mark_linked(self, article_id: str) -> None:
        """Record that an article's linking is done."""
        self._db.execute(
            "INSERT OR IGNORE INTO linked (article_id, seq) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM linked))",
            (article_id,),
        )

    def unlinked_articles(self) -> list[Article]:
        """Articles not linked yet, in publication order (undated ones last, in ingest order)."""
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id NOT IN (SELECT article_id FROM linked) "
            "ORDER BY published IS NULL, published, seq"
        ).fetchall()
        return [self._article(row) for row in rows]

    def search_text(self, query: str, *, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search (SQLite FTS5, BM25): (article id, rank score), best first.

        Only reads: the index is written with each article (migration 004).
        """
        # FTS5 reads a NUL (or another control character) inside a quoted term as its end: drop them.
        words = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in query.replace('"', " "))
        terms = " ".join(f'"{t}"' for t in words.split())
        if not terms:
            return []
        rows = self._db.execute(
            "SELECT a.id, bm25(articles_fts) FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (terms.replace('" "', '" OR "'), limit),
        ).fetchall()
        return [(aid, -float(rank)) for aid, rank in rows]

    # -- stories -----------------------------------------------------------------------------

    def set_story(self, article_id: str, story_id: int) -> None:
        """Put an article in a story (moving it if it was in another)."""
        self._db.execute(
            "INSERT OR REPLACE INTO story_members (article_id, story_id) VALUES (?, ?)", (article_id, story_id)
        )

    def story_memberships(self) -> list[tuple[str, int, datetime | None]]:
        """(article id, story id, publication date) of every linked article, in link order."""
        rows = self._db.execute(
            "SELECT m.article_id, m.story_id, a.published FROM story_members m "
            "JOIN linked l ON l.article_id = m.article_id JOIN articles a ON a.id = m.article_id ORDER BY l.seq"
        )
        return [(a, int(s), _parse_time(p)) for a, s, p in rows]

    def story_article_ids(self, story_id: int) -> list[str]:
        """The articles of one story, earliest published first."""
        rows = self._db.execute(
            "SELECT a.id FROM story_members m JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? "
            "ORDER BY a.published IS NULL, a.published, a.seq",
            (story_id,),
        )
        return [r[0] for r in rows]

    def story_of(self, article_id: str) -> int | None:
        """The story an article is in, or None when it is not linked yet."""
        row = self._db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else int(row[0])

    def stories(self, *, limit: int | None = None, offset: int = 0, newest: bool = False) -> list[Story]:
        """Stories, largest and latest first (latest first with ``newest``), derived from their members."""
        order = (
            "MAX(a.published) IS NULL, MAX(a.published) DESC, COUNT(*) DESC"
            if newest
            else ("COUNT(*) DESC, MAX(a.published) DESC")
        )
        rows = self._db.execute(
            "SELECT story_id FROM story_members m JOIN articles a ON a.id = m.article_id GROUP BY story_id "
            f"ORDER BY {order}, story_id LIMIT ? OFFSET ?",
            (-1 if limit is None else limit, offset),
        ).fetchall()
        return [self.story(int(r[0])) for r in rows]

    def linking_stamp(self) -> tuple[int, int]:
        """(last link sequence number, number of story edits): changes whenever any process links or edits."""
        row = self._db.execute(
            "SELECT (SELECT COALESCE(MAX(seq), 0) FROM linked), (SELECT COUNT(*) FROM story_edits)"
        ).fetchone()
        return int(row[0]), int(row[1])

    def count_stories(self) -> int:
        """How many stories there are."""
        return int(self._db.execute("SELECT COUNT(DISTINCT story_id) FROM story_members").fetchone()[0])

    def next_story_id(self) -> int:
        """An unused story id."""
        return int(self._db.execute("SELECT COALESCE(MAX(story_id), 0) + 1 FROM story_members").fetchone()[0])

    def add_cannot_join(self, article_id: str, story_id: int) -> None:
        """Record that an article was split out of a story by a user."""
        self._db.execute("INSERT OR IGNORE INTO cannot_join VALUES (?, ?)", (article_id, story_id))

    def cannot_join(self) -> list[tuple[str, int]]:
        """Every (article, story) a user split apart."""
        return [(a, int(s)) for a, s in self._db.execute("SELECT article_id, story_id FROM cannot_join")]

    def record_edit(self, action: str, details: dict[str, Any]) -> None:
        """Append a user edit to the audit trail."""
        self._db.execute(
            "INSERT INTO story_edits (at, action, details) VALUES (?, ?, ?)",
            (datetime.now(UTC).isoformat(timespec="seconds"), action, json.dumps(details, ensure_ascii=False)),
        )

    def edits(self) -> list[dict[str, Any]]:
        """The audit trail of story edits, oldest first."""
        rows = self._db.execute("SELECT at, action, details FROM story_edits ORDER BY id")
        return [{"at": at, "action": action, **json.loads(details)} for at, action, details in rows]

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every content row of every table (no run history): for comparing two stores."""
        tables = {
            "articles": f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id",
            "comments": "SELECT * FROM comments ORDER BY article_id, position",
            "sightings": "SELECT * FROM sightings ORDER BY article_id, source_path, source_locator",
            "rejections": "SELECT key, item, reason, source_path, source_locator FROM rejections ORDER BY key",
        }
        return {name: self._db.execute(sql).fetchall() for name, sql in tables.items()}

    # -- moving a store (newsweave migrate) ------------------------------------------------------

    def table_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """A content table's rows (``schema.TABLES`` columns) in reading order."""
        _, order = schema.TABLES[table]
        yield from self._db.execute(select_sql(table, order))

    def insert_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> None:
        """Append rows read by ``table_rows`` (of either backend) to a table."""
        with self.transaction():
            self._db.executemany(insert_sql(table, schema.TABLES[table][0]), rows)

    def finish_import(self) -> None:
        """Nothing to do: SQLite's counters follow the largest id inserted, its triggers filled the index."""

    def is_empty(self) -> bool:
        """True when no content table holds a row."""
        return all(self._db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None for t in schema.TABLES)

    def close(self) -> None:
        """Release the connection."""
        self._db.close()


class _Connection:
    """A sqlite3 connection whose errors come out as newsweave errors that say the fix.

    Every statement of the store goes through ``execute``/``executemany``, so a locked, read-only
    or full store is reported in one place, as one line, whatever the statement was.
    """

    def __init__(self, connection: sqlite3.Connection, path: str, busy_timeout: float) -> None:
        self._connection = connection
        self._path = path
        self._busy_timeout = busy_timeout

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._connection.execute(sql, parameters)
        except (sqlite3.Error, OverflowError) as e:
            raise self._translate(e) from e

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> sqlite3.Cursor:
        try:
            return self._connection.executemany(sql, rows)
        except (sqlite3.Error, OverflowError) as e:
            raise self._translate(e) from e

    def rollback(self) -> None:
        """Roll back the open transaction, if any (never raises: it runs while another error is raised)."""
        if self._connection.in_transaction:
            with suppress(sqlite3.Error):
                self._connection.execute("ROLLBACK")

    def close(self) -> None:
        self._connection.close()

    def _translate(self, e: Exception) -> NewsweaveError:
        if isinstance(e, OverflowError):
            return ConfigError(f"a number is too large for the store (the largest is {SQLITE_MAX_INT}): {e}")
        text = str(e)
        code = getattr(e, "sqlite_errorname", "")
        if code.startswith("SQLITE_BUSY") or "database is locked" in text:
            return StoreError(
                f"the store is busy: another process kept it locked for writing for over {self._busy_timeout:g} s",
                item=self._path,
                hint="wait for the other newsweave command to finish, then re-run this one; "
                "what was stored stays stored, and a re-run skips it",
            )
        if code.startswith("SQLITE_READONLY") or "readonly database" in text:
            return StoreError(
                "the store is read-only",
                item=self._path,
                hint="make the file (and its folder) writable, or pass --db a writable store",
            )
        if code.startswith("SQLITE_FULL") or "disk is full" in text:
            return StoreError("the disk is full", item=self._path, hint="free some space and re-run")
        return StoreError(f"database error: {text}", item=self._path)


def _check_location(path: Path) -> bool:
    """Refuse a store in a folder that does not exist; True when the store is read-only.

    A mistyped --db must not silently create folders (the default data folder is created by the
    caller). A file without write permission is opened read-only: reading commands work on it.
    """
    if not path.parent.is_dir():
        raise StoreError(
            f"the folder {path.parent} does not exist",
            item=str(path),
            hint="create it first, or pass --db a path in an existing folder",
        )
    if path.is_file():
        return not (path.stat().st_mode & 0o222) or not os.access(path, os.W_OK)
    return False


def _article_row(a: Article) -> tuple[Any, ...]:
    p = a.published
    return (
        a.id, a.title, a.outlet, a.url,
        _iso(p.value) if p else None, p.precision.value if p else None,
        p.source.value if p else None, int(p.upper_bound) if p else None,
        a.author, a.language, a.language_score,
        json.dumps(list(a.body), ensure_ascii=False), json.dumps(list(a.notes), ensure_ascii=False),
        a.extractor, a.provenance.path, a.provenance.locator, a.provenance.url,
    )  # fmt: skip


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


_statements = schema.statements  # the name older tests and tools import
