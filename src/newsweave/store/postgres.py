"""PostgreSQL store: psycopg 3, pgvector for the vectors, PostgreSQL full-text search per language.

Selected by a ``postgresql://`` URL (``--db`` or ``$NEWSWEAVE_DB``). The schema is the same
numbered migrations as SQLite's, rendered for PostgreSQL (``store/schema.py``); every query the
two backends run alike is written once, in ``store/common.py`` (articles, links, stories) and
``store/sqlite_facts.py`` (the facts tables), and this module keeps what PostgreSQL does its own way.

Several processes may write at once (a newsroom's server: ingest jobs, a linker, the web face).
Each ingest batch and each linked article is one transaction; a lost race (a deadlock between
two writers) rolls it back whole and raises ``StoreBusy``, which the pipeline retries. One
process links at a time, held by a session advisory lock that PostgreSQL drops with the
connection, so a killed linker never leaves it behind.

Nearest neighbours: the vectors are stored as pgvector values (``embeddings.doc_vec``) and
``nearest`` answers from them (HNSW once ``create_vector_index`` made the index); linking itself
keeps the in-process usearch graph, saved in the data folder, because it answered 10k-vector
queries faster on the same machine (``bench/store_bench.py`` prints both).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from newsweave.config import default_data_dir
from newsweave.errors import ConfigError, NewsweaveError, StoreBusy, StoreError
from newsweave.store import schema
from newsweave.store.base import StoredEmbedding, link_conflict
from newsweave.store.common import EMBEDDING_COLUMNS, Rows, SharedSql, embedding_row
from newsweave.store.sqlite_facts import FactsTables
from newsweave.store.transfer import insert_sql, select_sql

# Advisory lock keys (any two 32-bit numbers of our own): the linker's, and the migrator's.
_LINK_LOCK = (0x6E77, 1)
_MIGRATE_LOCK = (0x6E77, 2)
# The text search configurations the migrations map languages to, plus "simple" (every other one):
# a query is read with each, so a word matches however the article's language stemmed it.
SEARCH_CONFIGS = (
    "simple", "arabic", "armenian", "basque", "catalan", "danish", "dutch", "english", "finnish", "french",
    "german", "greek", "hindi", "hungarian", "indonesian", "irish", "italian", "lithuanian", "nepali",
    "norwegian", "portuguese", "romanian", "russian", "serbian", "spanish", "swedish", "tamil", "turkish",
    "yiddish",
)  # fmt: skip


class PostgresStore(FactsTables, SharedSql):
    """A store in a PostgreSQL database (with the pgvector extension).

    Example (needs a server):
        >>> store = PostgresStore("postgresql://newsweave@127.0.0.1:5432/news")  # doctest: +SKIP
    """

    _db: _Connection
    _BEGIN = "BEGIN"
    _ROW_ORDER = "seq"  # identity columns stand for SQLite's rowid (migration 001)

    def __init__(self, url: str) -> None:
        self.url = url
        self.read_only = False
        self._location = _without_password(url)
        try:
            connection = psycopg.connect(url, autocommit=True)
        except psycopg.Error as e:
            raise StoreError(
                f"cannot connect to PostgreSQL: {_first_line(e)}",
                item=self._location,
                hint="check the URL, that the server runs and accepts this user (docs/postgres.md)",
            ) from e
        self._db = _Connection(connection, self._location)
        self._depth = 0
        self._migrate()
        from pgvector.psycopg import register_vector

        register_vector(connection)
        self.read_only = self._db.execute("SHOW default_transaction_read_only").fetchone()[0] == "on"

    @property
    def location(self) -> str:
        """The URL without its password."""
        return self._location

    def _migrate(self) -> None:
        shipped = schema.migrations("postgres")
        with self.transaction():
            # One process upgrades; the others wait here, then find nothing left to do.
            self._db.execute("SELECT pg_advisory_xact_lock(?, ?)", _MIGRATE_LOCK)
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            current = self.schema_version()
            schema.check_not_newer(current, shipped, self._location)
            for version, sql in shipped:
                if version > current:
                    for statement in schema.statements(sql):
                        self._db.execute(statement, raw=True)
                    self._db.execute("INSERT INTO schema_version VALUES (?)", (version,))

    def schema_version(self) -> int:
        """The highest migration applied."""
        return int(self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])

    # -- what PostgreSQL spells its own way (common.SharedSql's hooks) --------------------------

    def _insert_ignoring(self, into: str, *, key: str = "") -> str:
        return f"INSERT {into} ON CONFLICT {f'({key}) ' if key else ''}DO NOTHING"

    def _insert_replacing(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in key)
        return (
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))}) "
            f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {updates}"
        )

    def _insert_id(self, sql: str, parameters: Sequence[Any], column: str) -> int:
        return int(self._db.execute(f"{sql} RETURNING {column}", parameters).fetchone()[0])

    # -- linking -------------------------------------------------------------------------------

    @contextmanager
    def link_lock(self) -> Iterator[None]:
        """Hold the link lock: a session advisory lock, dropped by the server if this process dies."""
        if not self._db.execute("SELECT pg_try_advisory_lock(?, ?)", _LINK_LOCK).fetchone()[0]:
            raise link_conflict(self._location)
        try:
            yield
        finally:
            self._db.execute("SELECT pg_advisory_unlock(?, ?)", _LINK_LOCK)

    def ann_checkpoint(self, model: str) -> Path | None:
        """The vector graph of ``model`` is saved in the user's data folder, one file per database."""
        folder = default_data_dir() / "ann"
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None  # no writable data folder: the graph is rebuilt on opening
        key = hashlib.sha256(self._location.encode()).hexdigest()[:16]
        return folder / f"postgres-{key}.{model}.usearch"

    def put_embedding(self, article_id: str, embedding: StoredEmbedding) -> None:
        """Store an article's embeddings (replacing older ones); the document vector also as pgvector."""
        from pgvector import Vector

        self._db.execute(
            self._insert_replacing("embeddings", (*EMBEDDING_COLUMNS, "doc_vec"), ("article_id",)),
            (*embedding_row(article_id, embedding), Vector(np.asarray(embedding.document, dtype=np.float32))),
        )

    def create_vector_index(self, dim: int) -> None:
        """Build pgvector's HNSW index (cosine) over the stored document vectors of dimension ``dim``."""
        if dim < 1:
            raise ConfigError(f"a vector dimension must be positive, got {dim}")
        self._db.execute(
            f"CREATE INDEX IF NOT EXISTS embeddings_hnsw_{dim} ON embeddings "
            f"USING hnsw ((doc_vec::vector({dim})) vector_cosine_ops) WHERE dim = {dim}"
        )

    def nearest(self, vector: np.ndarray, k: int, *, model: str | None = None) -> list[tuple[str, float]]:
        """The ``k`` stored articles whose document vectors are nearest ``vector`` (cosine), by pgvector."""
        from pgvector import Vector

        dim = int(np.asarray(vector).shape[0])
        rows = self._db.execute(
            f"SELECT article_id, 1 - (doc_vec::vector({dim}) <=> ?::vector({dim})) FROM embeddings "
            f"WHERE dim = {dim}{' AND model = ?' if model else ''} "
            f"ORDER BY doc_vec::vector({dim}) <=> ?::vector({dim}) LIMIT ?",
            (Vector(np.asarray(vector, dtype=np.float32)), *([model] if model else []),
             Vector(np.asarray(vector, dtype=np.float32)), k),
        )  # fmt: skip
        return [(aid, float(sim)) for aid, sim in rows]

    def search_text(self, query: str, *, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search: (article id, ts_rank), best first; any of the words matches.

        Each word is read by every language's configuration, so it meets the article's words
        however that article's language stemmed them (its language's configuration, or "simple").
        """
        words = "".join(ch if ch.isprintable() or ch.isspace() else " " for ch in query).split()
        if not words:
            return []
        rows = self._db.execute(
            "WITH q AS (SELECT string_agg(plainto_tsquery(c::regconfig, w)::text, ' | ')::tsquery AS q "
            "FROM unnest(?::text[]) c, unnest(?::text[]) w WHERE numnode(plainto_tsquery(c::regconfig, w)) > 0) "
            "SELECT a.id, ts_rank(a.search, q.q) AS rank FROM articles a, q WHERE q.q IS NOT NULL AND a.search @@ q.q "
            "ORDER BY rank DESC, a.seq LIMIT ?",
            (list(SEARCH_CONFIGS), words, limit),
        ).fetchall()
        return [(aid, float(rank)) for aid, rank in rows]

    # -- moving a store (newsweave migrate) ----------------------------------------------------

    def table_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """A content table's rows (``schema.TABLES`` columns) in reading order, streamed."""
        _, order = schema.TABLES[table]
        # A server-side cursor on its own connection: a large table is never held in memory whole.
        with (
            psycopg.connect(self.url) as connection,
            connection.cursor(name=f"newsweave_copy_{table}") as cursor,
        ):
            cursor.execute(select_sql(table, "seq" if order == "rowid" else order))
            yield from cursor

    def insert_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> None:
        """Append rows read by ``table_rows`` (of either backend) to a table."""
        columns = schema.TABLES[table][0]
        rows = list(rows)
        if table == "embeddings":  # the pgvector copy of each document vector is filled here
            from pgvector import Vector

            columns = (*columns, "doc_vec")
            rows = [(*r, Vector(np.frombuffer(r[3], dtype=np.float32))) for r in rows]
        with self.transaction():
            self._db.executemany(insert_sql(table, columns), rows)

    def finish_import(self) -> None:
        """Move each id counter past the ids copied in, so new rows do not collide with them."""
        for table, column in schema.IDENTITY_COLUMNS.items():
            self._db.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', '{column}'), "
                f"COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
            )

    def __del__(self) -> None:
        # A store dropped without close() releases its connection quietly, as a SQLite one does.
        db = getattr(self, "_db", None)
        if db is not None:
            db.close()


class _Connection:
    """A psycopg connection that reads the store's ``?`` parameters and reports errors as newsweave's."""

    def __init__(self, connection: psycopg.Connection[Any], location: str) -> None:
        self._connection = connection
        self._location = location

    def execute(self, sql: str, parameters: Sequence[Any] = (), *, raw: bool = False) -> Rows:
        try:
            # Without parameters psycopg reads the text as is (a "%" stays one); with them, "?" become "%s".
            if raw or not parameters:
                return self._connection.execute(sql)  # type: ignore[call-overload]
            return self._connection.execute(_placeholders(sql), parameters)
        except psycopg.Error as e:
            raise self._translate(e) from e

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> psycopg.Cursor[Any]:
        cursor = self._connection.cursor()
        try:
            cursor.executemany(_placeholders(sql), list(rows))
        except psycopg.Error as e:
            raise self._translate(e) from e
        return cursor

    def rollback(self) -> None:
        """Roll back the open transaction, if any (never raises: it runs while another error is raised)."""
        if self._connection.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
            with suppress(psycopg.Error):
                self._connection.execute("ROLLBACK")

    def close(self) -> None:
        self._connection.close()

    def _translate(self, e: psycopg.Error) -> NewsweaveError:
        text = _first_line(e)
        if isinstance(e, pg_errors.DeadlockDetected | pg_errors.SerializationFailure):
            return StoreBusy(
                f"another process wrote the same rows at the same time ({text})",
                item=self._location,
                hint="re-run: what was stored stays stored, and a re-run skips it",
            )
        if isinstance(e, pg_errors.ReadOnlySqlTransaction | pg_errors.InsufficientPrivilege):
            return StoreError(f"the store is read-only for this user ({text})", item=self._location,
                              hint="connect as a user allowed to write, or run a reading command")  # fmt: skip
        if isinstance(e, pg_errors.DiskFull):
            return StoreError("the database server's disk is full", item=self._location, hint="free some space")
        if isinstance(e, pg_errors.NumericValueOutOfRange):
            return ConfigError(f"a number is too large for the store: {text}")
        if isinstance(e, pg_errors.UndefinedFile | pg_errors.FeatureNotSupported) and "vector" in text:
            return StoreError(
                f"the pgvector extension is not installed on the server ({text})",
                item=self._location,
                hint="install pgvector on the server (docs/postgres.md)",
            )
        if isinstance(e, psycopg.OperationalError):
            return StoreError(f"lost the connection to PostgreSQL: {text}", item=self._location)
        return StoreError(f"database error: {text}", item=self._location)


@lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """``?`` parameters as psycopg's ``%s`` (a literal ``%`` doubled); quoted text is left alone."""
    parts = re.split(r"('(?:[^']|'')*'|\"[^\"]*\")", sql)
    return "".join(
        part.replace("%", "%%") if i % 2 else part.replace("%", "%%").replace("?", "%s") for i, part in enumerate(parts)
    )


def postgres_token_base(url: str) -> Path:
    """Where files kept for a PostgreSQL store go (the server's token file is this name + ".token")."""
    folder = default_data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"postgres-{hashlib.sha256(_without_password(url).encode()).hexdigest()[:16]}"


def _without_password(url: str) -> str:
    """The URL as shown to users and used to name local files: its password left out."""
    try:
        params = conninfo_to_dict(url)
    except psycopg.ProgrammingError as e:
        raise ConfigError(f"not a PostgreSQL URL: {_first_line(e)}", hint="postgresql://user@host:5432/db") from e
    params.pop("password", None)
    user, host, port, db = (str(params.get(k) or "") for k in ("user", "host", "port", "dbname"))
    if host and "/" not in host:
        return f"postgresql://{user + '@' if user else ''}{host}{':' + port if port else ''}/{db}"
    return make_conninfo(**{k: str(v) for k, v in params.items()})


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]
