"""SQLite store: one file, WAL journal, numbered SQL migrations.

The queries both backends run alike are in ``store/common.py`` and ``store/sqlite_facts.py``; this
module keeps what SQLite does its own way (opening and locking the file, migrations, FTS5 search).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: no OS file locks through fcntl; a second linker is not refused there
    fcntl = None  # type: ignore[assignment]

from newsweave.errors import ConfigError, NewsweaveError, StoreError
from newsweave.store import schema
from newsweave.store.base import StoredEmbedding, link_conflict
from newsweave.store.common import SharedSql
from newsweave.store.sqlite_facts import FactsTables
from newsweave.store.transfer import insert_sql, select_sql

# How long a writer waits for another process's write transaction before giving up (seconds).
# A link commits every article and an ingest every batch, so a wait this long means a stuck writer.
BUSY_TIMEOUT = 60.0
# The largest integer SQLite stores; larger ids, limits and offsets are refused before reaching it.
SQLITE_MAX_INT = 2**63 - 1

__all__ = ["BUSY_TIMEOUT", "SqliteStore", "StoredEmbedding", "migrations"]  # StoredEmbedding: older imports


def migrations() -> list[tuple[int, str]]:
    """The numbered migrations shipped in ``store/migrations``, in order, rendered for SQLite."""
    return schema.migrations("sqlite")


class SqliteStore(FactsTables, SharedSql):
    """The default store: a single SQLite file.

    Example:
        >>> store = SqliteStore(":memory:")
        >>> store.count_articles()
        0
    """

    _db: _Connection
    # BEGIN IMMEDIATE takes the write lock at once: a second writer waits (busy_timeout) for the
    # first to commit, instead of failing when it first writes inside a read transaction.
    _BEGIN = "BEGIN IMMEDIATE"
    _ROW_ORDER = "rowid"

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
            self._depth = 0
            self._migrate()
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store: {e}", item=self.path) from e

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
        schema.check_not_newer(current, shipped, self.path)
        pending = [(version, sql) for version, sql in shipped if version > current]
        if pending and self.read_only:
            raise StoreError(
                f"the store has schema version {current} and is read-only, so it cannot be upgraded to {latest}",
                item=self.path,
                hint="make the file writable once (newsweave upgrades it on opening)",
            )
        for version, sql in pending:
            with self.transaction():  # one migration a transaction, under the write lock
                if self.schema_version() >= version:  # another process upgraded it while we waited
                    continue
                for statement in schema.statements(sql):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_version VALUES (?)", (version,))

    def schema_version(self) -> int:
        """The highest migration applied to the store (0 for a new file)."""
        exists = self._db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
        if exists.fetchone() is None:
            if self.read_only:
                return 0
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    # -- what SQLite spells its own way (common.SharedSql's hooks) ----------------------------

    def _insert_ignoring(self, into: str, *, key: str = "") -> str:
        return f"INSERT OR IGNORE {into}"

    def _insert_replacing(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        return f"INSERT OR REPLACE INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"

    def _insert_id(self, sql: str, parameters: Sequence[Any], column: str) -> int:
        return int(self._db.execute(sql, parameters).lastrowid or 0)

    # -- linking -----------------------------------------------------------------------------

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


_statements = schema.statements  # the name older tests and tools import
