"""PostgreSQL store: psycopg 3, pgvector for the vectors, PostgreSQL full-text search per language.

Selected by a ``postgresql://`` URL (``--db`` or ``$NEWSWEAVE_DB``). The schema is the same
numbered migrations as SQLite's, rendered for PostgreSQL (``store/schema.py``); the facts tables
are read and written by the same code as SQLite's (``store/sqlite_facts.py``).

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
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import psycopg
from psycopg import errors as pg_errors
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from newsweave.config import default_data_dir
from newsweave.errors import ConfigError, Conflict, NewsweaveError, NotFound, StoreBusy, StoreError
from newsweave.records import Article, Evidence, IngestReport, Link, Provenance, Rejection, RelationKind, Story
from newsweave.store import schema
from newsweave.store.base import StoredEmbedding, link_conflict
from newsweave.store.common import CommonReads
from newsweave.store.sqlite import _ARTICLE_COLUMNS, _article_row, _iso, _parse_time
from newsweave.store.sqlite_facts import NO_LIMIT, FactsTables, Rows
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


class PostgresStore(FactsTables, CommonReads):
    """A store in a PostgreSQL database (with the pgvector extension).

    Example (needs a server):
        >>> store = PostgresStore("postgresql://newsweave@127.0.0.1:5432/news")  # doctest: +SKIP
    """

    _db: _Connection

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
        latest = shipped[-1][0]
        with self.transaction():
            # One process upgrades; the others wait here, then find nothing left to do.
            self._db.execute("SELECT pg_advisory_xact_lock(?, ?)", _MIGRATE_LOCK)
            self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)")
            current = int(self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])
            if current > latest:
                raise StoreError(
                    f"the store has schema version {current}, newer than this newsweave's {latest}; "
                    "it was written by a newer release and is left untouched",
                    item=self._location,
                    hint="upgrade newsweave, or pass --db a store of this release",
                )
            for version, sql in shipped:
                if version > current:
                    for statement in schema.statements(sql):
                        self._db.execute(statement, raw=True)
                    self._db.execute("INSERT INTO schema_version VALUES (?)", (version,))

    def schema_version(self) -> int:
        """The highest migration applied."""
        return int(self._db.execute("SELECT COALESCE(MAX(version), 0) FROM schema_version").fetchone()[0])

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
        self._db.execute("BEGIN")
        self._depth = 1
        try:
            yield
            self._db.execute("COMMIT")
        except BaseException:
            self._db.rollback()
            raise
        finally:
            self._depth = 0

    # -- articles ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this content hash is stored."""
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_ids(self) -> Iterator[str]:
        """Every stored article's id (a bulk run skips them before extracting anything)."""
        for (article_id,) in self._db.execute("SELECT id FROM articles").fetchall():
            yield article_id

    def rejected_item_ids(self) -> Iterator[str]:
        """The content hashes of items that were read and rejected (a bulk run does not retry them)."""
        rows = self._db.execute("SELECT DISTINCT item_id FROM rejections WHERE item_id IS NOT NULL").fetchall()
        for (item_id,) in rows:
            yield item_id

    def add_article(self, article: Article) -> bool:
        """Store ``article``; return False (and change nothing) when its id is already stored."""
        with self.transaction():
            inserted = self._db.execute(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 17)}) "
                "ON CONFLICT (id) DO NOTHING RETURNING seq",
                _article_row(article),
            ).fetchone()
            if inserted is None:
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
            "INSERT INTO sightings (article_id, source_path, source_locator, source_url) VALUES (?, ?, ?, ?) "
            "ON CONFLICT DO NOTHING",
            (article_id, provenance.path, provenance.locator or "", provenance.url),
        )

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an unusable input with its reason; the same one twice is kept once."""
        key = hashlib.sha256(f"{rejection.item}\0{rejection.reason}".encode()).hexdigest()
        p = rejection.provenance
        self._db.execute(
            "INSERT INTO rejections (key, item, reason, source_path, source_locator, source_url, item_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING",
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
            "SELECT source_path, source_locator, source_url FROM sightings WHERE article_id = ? ORDER BY seq",
            (article_id,),
        )
        return [Provenance(path, locator or None, url) for path, locator, url in rows]

    def iter_articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Articles in ingest order."""
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY seq LIMIT ? OFFSET ?",
            (NO_LIMIT if limit is None else limit, offset),
        ).fetchall()
        for row in rows:
            yield self._article(row)

    def count_articles(self) -> int:
        """How many articles are stored."""
        return int(self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def rejections(self, *, limit: int | None = None) -> list[Rejection]:
        """Recorded rejections, oldest first."""
        rows = self._db.execute(
            "SELECT item, reason, source_path, source_locator, source_url, item_id FROM rejections "
            "ORDER BY seq LIMIT ?",
            (NO_LIMIT if limit is None else limit,),
        )
        return [Rejection(item, reason, Provenance(p, loc, url), iid) for item, reason, p, loc, url, iid in rows]

    def record_run(self, inputs: list[str], report: IngestReport) -> int:
        """Record one finished ingest run and return its id."""
        with self.transaction():
            row = self._db.execute(
                "INSERT INTO runs (finished_at, inputs, read, stored, duplicates, rejected) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    json.dumps(inputs, ensure_ascii=False),
                    report.read,
                    report.stored,
                    report.duplicates,
                    report.rejected,
                ),
            ).fetchone()
        return int(row[0])

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

        sentences = sentence_blob = None
        if embedding.sentences is not None and embedding.sentence_vectors is not None:
            sentences = json.dumps(list(embedding.sentences), ensure_ascii=False)
            sentence_blob = np.asarray(embedding.sentence_vectors, dtype=np.float16).tobytes()
        document = np.asarray(embedding.document, dtype=np.float32)
        self._db.execute(
            "INSERT INTO embeddings (article_id, model, dim, document, title, sentences, sentence_vectors, doc_vec) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET model = excluded.model, "
            "dim = excluded.dim, document = excluded.document, title = excluded.title, "
            "sentences = excluded.sentences, sentence_vectors = excluded.sentence_vectors, doc_vec = excluded.doc_vec",
            (
                article_id, embedding.model, document.shape[0], document.tobytes(),
                np.asarray(embedding.title, dtype=np.float32).tobytes(), sentences, sentence_blob, Vector(document),
            ),
        )  # fmt: skip

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

    def put_signature(self, article_id: str, signature: np.ndarray) -> None:
        """Store an article's MinHash signature."""
        self._db.execute(
            "INSERT INTO signatures (article_id, minhash) VALUES (?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET minhash = excluded.minhash",
            (article_id, np.asarray(signature, dtype=np.uint64).tobytes()),
        )

    def signatures(self) -> Iterator[tuple[str, np.ndarray]]:
        """Every stored (article id, MinHash signature)."""
        for aid, blob in self._db.execute("SELECT article_id, minhash FROM signatures"):
            yield aid, np.frombuffer(blob, dtype=np.uint64)

    def add_link(self, link: Link) -> None:
        """Store (or replace) the relation between two articles."""
        self._db.execute(
            "INSERT INTO relations (a, b, kind, score, evidence) VALUES (?, ?, ?, ?, ?) ON CONFLICT (a, b) "
            "DO UPDATE SET kind = excluded.kind, score = excluded.score, evidence = excluded.evidence",
            (link.a, link.b, link.kind.value, link.score, json.dumps(link.evidence.as_dict(), ensure_ascii=False)),
        )

    def links(self, article_id: str | None = None) -> list[Link]:
        """Stored relations, all or those of one article."""
        sql = "SELECT a, b, kind, score, evidence FROM relations"
        args: tuple[str, ...] = ()
        if article_id:
            sql += " WHERE a = ? OR b = ?"
            args = (article_id, article_id)
        rows = self._db.execute(sql + " ORDER BY seq", args)
        return [Link(a, b, RelationKind(k), score, Evidence.from_dict(json.loads(ev))) for a, b, k, score, ev in rows]

    def mark_linked(self, article_id: str) -> None:
        """Record that an article's linking is done."""
        self._db.execute(
            "INSERT INTO linked (article_id, seq) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM linked)) "
            "ON CONFLICT DO NOTHING",
            (article_id,),
        )

    def unlinked_articles(self) -> list[Article]:
        """Articles not linked yet, in publication order (undated ones last, in ingest order)."""
        rows = self._db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM linked l WHERE l.article_id = a.id) ORDER BY published IS NULL, published, seq"
        ).fetchall()
        return [self._article(row) for row in rows]

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

    # -- stories -------------------------------------------------------------------------------

    def set_story(self, article_id: str, story_id: int) -> None:
        """Put an article in a story (moving it if it was in another)."""
        self._db.execute(
            "INSERT INTO story_members (article_id, story_id) VALUES (?, ?) "
            "ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id",
            (article_id, story_id),
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
            else "COUNT(*) DESC, MAX(a.published) DESC NULLS LAST"
        )
        rows = self._db.execute(
            "SELECT story_id FROM story_members m JOIN articles a ON a.id = m.article_id GROUP BY story_id "
            f"ORDER BY {order}, story_id LIMIT ? OFFSET ?",
            (NO_LIMIT if limit is None else limit, offset),
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
        self._db.execute("INSERT INTO cannot_join VALUES (?, ?) ON CONFLICT DO NOTHING", (article_id, story_id))

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
        """Every content row of the article tables (no run history): for comparing two stores."""
        tables = {
            "articles": f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id",
            "comments": "SELECT article_id, position, author, time, text, reply_to FROM comments "
            "ORDER BY article_id, position",
            "sightings": "SELECT article_id, source_path, source_locator, source_url FROM sightings "
            "ORDER BY article_id, source_path, source_locator",
            "rejections": "SELECT key, item, reason, source_path, source_locator FROM rejections ORDER BY key",
        }
        return {name: [tuple(r) for r in self._db.execute(sql).fetchall()] for name, sql in tables.items()}

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

    def is_empty(self) -> bool:
        """True when no content table holds a row."""
        return all(self._db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None for t in schema.TABLES)

    def close(self) -> None:
        """Release the connection."""
        self._db.close()

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
