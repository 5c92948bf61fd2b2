"""The store's SQL that both backends run alike, written once: articles, sightings, rejections,
runs, embeddings, signatures, links and stories.

A mixin of ``SqliteStore`` and ``PostgresStore``. Its statements are plain SQL in ``?`` parameters,
which the PostgreSQL connection turns into psycopg's ``%s`` (``postgres._placeholders``), so a
query reads the same on both. The few places the dialects really differ are the store's own,
named here and given by each backend:

- ``_BEGIN``: the statement that opens a write transaction (SQLite's ``BEGIN IMMEDIATE`` takes the
  write lock at once, so two writers queue instead of failing at their first write);
- ``_ROW_ORDER``: the column that orders sightings and relations as they were written (SQLite's
  ``rowid``; an identity column ``seq`` on PostgreSQL, which has no rowid);
- ``_insert_ignoring`` and ``_insert_replacing``: inserts that keep, or replace, a row already
  there (SQLite's ``INSERT OR IGNORE``/``OR REPLACE``, PostgreSQL's ``ON CONFLICT``); each backend
  keeps its own spelling because they are not alike to the letter (``OR REPLACE`` deletes and
  re-inserts the row, ``OR IGNORE`` skips a row that breaks NOT NULL too);
- ``_insert_id``: the id a counter gave an inserted row (SQLite's ``lastrowid``, which older SQLite
  has where ``RETURNING`` is missing; PostgreSQL's ``RETURNING``).

The facts tables have a mixin of their own (``sqlite_facts.FactsTables``); migrations, vector
search, full-text search, locks and moving rows stay with each backend.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Protocol

import numpy as np

from newsweave.errors import Conflict, NotFound
from newsweave.records import (
    Article,
    Comment,
    DatePrecision,
    DateSource,
    Evidence,
    IngestReport,
    Link,
    Origin,
    Provenance,
    PublicationDate,
    Rejection,
    RelationKind,
    Story,
)
from newsweave.store import schema
from newsweave.store.base import StoredEmbedding

# LIMIT for "no limit" in both dialects (SQLite's LIMIT -1 is an error in PostgreSQL).
NO_LIMIT = 2**63 - 1

ARTICLE_COLUMNS = (
    "id, title, outlet, url, published, published_precision, published_source, published_upper_bound, "
    "author, language, language_score, body, notes, extractor, source_path, source_locator, source_url"
)
# The columns both backends store an article's embeddings in (PostgreSQL adds its pgvector copy).
EMBEDDING_COLUMNS = (
    "article_id", "model", "dim", "document", "title", "sentences", "sentence_vectors", "lead_model", "lead_vector",
)  # fmt: skip


class Rows(Protocol):
    """A cursor as both drivers return it."""

    @property
    def rowcount(self) -> int: ...

    def fetchone(self) -> Any: ...

    def fetchall(self) -> list[Any]: ...

    def __iter__(self) -> Iterator[Any]: ...


class Executes(Protocol):
    """What the shared SQL needs of the store's connection."""

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> Rows: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> Any: ...

    def rollback(self) -> None: ...

    def close(self) -> None: ...


class SharedSql:
    """What both stores do with the same SQL; each provides ``_db`` and the dialect hooks above."""

    _db: Executes
    _depth: int = 0
    _BEGIN: str
    _ROW_ORDER: str

    # -- dialect hooks -------------------------------------------------------------------------

    def _insert_ignoring(self, into: str, *, key: str = "") -> str:
        """``INSERT {into}`` that leaves a row already there (conflicting on the unique column ``key``, or
        on any) as it is."""
        raise NotImplementedError

    def _insert_replacing(self, table: str, columns: Sequence[str], key: Sequence[str]) -> str:
        """An insert of ``columns`` into ``table`` that replaces the row of the same ``key``."""
        raise NotImplementedError

    def _insert_id(self, sql: str, parameters: Sequence[Any], column: str) -> int:
        """Run the insert ``sql`` and return the ``column`` its counter gave the row."""
        raise NotImplementedError

    # -- transactions --------------------------------------------------------------------------

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
        self._db.execute(self._BEGIN)
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

    # -- articles ------------------------------------------------------------------------------

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this content hash is stored."""
        return self._db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def article_ids(self) -> Iterator[str]:
        """Every stored article's id (a bulk run skips them before extracting anything)."""
        for (article_id,) in self._db.execute("SELECT id FROM articles"):
            yield article_id

    def rejected_item_ids(self) -> Iterator[str]:
        """The content hashes of items that were read and rejected (a bulk run does not retry them)."""
        for (item_id,) in self._db.execute("SELECT DISTINCT item_id FROM rejections WHERE item_id IS NOT NULL"):
            yield item_id

    def add_article(self, article: Article) -> bool:
        """Store ``article``; return False (and change nothing) when its id is already stored."""
        with self.transaction():
            inserted = self._db.execute(
                self._insert_ignoring(f"INTO articles ({ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 17)})", key="id"),
                article_row(article),
            )
            if inserted.rowcount == 0:
                return False
            self._db.executemany(
                "INSERT INTO comments (article_id, position, author, time, text, reply_to) VALUES (?, ?, ?, ?, ?, ?)",
                [(article.id, i, c.author, iso(c.time), c.text, c.reply_to) for i, c in enumerate(article.comments)],
            )
            self.add_sighting(article.id, article.provenance)
        return True

    def add_sighting(self, article_id: str, provenance: Provenance) -> None:
        """Record that the article's content was read at ``provenance`` (idempotent)."""
        self._db.execute(
            self._insert_ignoring(
                "INTO sightings (article_id, source_path, source_locator, source_url) VALUES (?, ?, ?, ?)"
            ),
            (article_id, provenance.path, provenance.locator or "", provenance.url),
        )

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an unusable input with its reason; the same one twice is kept once."""
        key = hashlib.sha256(f"{rejection.item}\0{rejection.reason}".encode()).hexdigest()
        p = rejection.provenance
        self._db.execute(
            self._insert_ignoring(
                "INTO rejections (key, item, reason, source_path, source_locator, source_url, item_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                key="key",
            ),
            (key, rejection.item, rejection.reason, p.path, p.locator, p.url, rejection.item_id),
        )

    def get_article(self, id_or_prefix: str) -> Article:
        """Return the article whose id is or starts with ``id_or_prefix``."""
        prefix = id_or_prefix.strip().lower()
        if not prefix or any(ch not in "0123456789abcdef" for ch in prefix):
            raise NotFound(f"no article with id {id_or_prefix!r}", hint="ids are hexadecimal")
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
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
            "SELECT source_path, source_locator, source_url FROM sightings WHERE article_id = ? "
            f"ORDER BY {self._ROW_ORDER}",
            (article_id,),
        )
        return [Provenance(path, locator or None, url) for path, locator, url in rows]

    def iter_articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Articles in ingest order."""
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq LIMIT ? OFFSET ?",
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
            return self._insert_id(
                "INSERT INTO runs (finished_at, inputs, read, stored, duplicates, rejected) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    json.dumps(inputs, ensure_ascii=False),
                    report.read,
                    report.stored,
                    report.duplicates,
                    report.rejected,
                ),
                "id",
            )

    def unlinked_articles(self) -> list[Article]:
        """Articles not linked yet, in publication order (undated ones last, in ingest order)."""
        # NOT EXISTS, not NOT IN: PostgreSQL plans it as an anti-join however many rows are linked.
        rows = self._db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM linked l WHERE l.article_id = a.id) ORDER BY published IS NULL, published, seq"
        ).fetchall()
        return [self._article(row) for row in rows]

    def _article(self, row: tuple[Any, ...]) -> Article:
        (aid, title, outlet, url, published, precision, source, upper, author, language, score,
         body, notes, extractor, path, locator, source_url) = row  # fmt: skip
        comments = tuple(
            Comment(text=text, author=c_author, time=parse_time(time), reply_to=reply_to)
            for c_author, time, text, reply_to in self._db.execute(
                "SELECT author, time, text, reply_to FROM comments WHERE article_id = ? ORDER BY position",
                (aid,),
            )
        )
        date = None
        if published:
            date = PublicationDate(
                value=datetime.fromisoformat(published),
                precision=DatePrecision(precision),
                source=DateSource(source),
                upper_bound=bool(upper),
            )
        return Article(
            id=aid,
            title=title,
            body=tuple(json.loads(body)),
            provenance=Provenance(path, locator, source_url),
            extractor=extractor,
            outlet=outlet,
            url=url,
            published=date,
            author=author,
            language=language,
            language_score=score,
            notes=tuple(json.loads(notes)),
            comments=comments,
        )

    # -- linking -------------------------------------------------------------------------------

    def put_embedding(self, article_id: str, embedding: StoredEmbedding) -> None:
        """Store an article's embeddings (replacing older ones)."""
        self._db.execute(
            self._insert_replacing("embeddings", EMBEDDING_COLUMNS, ("article_id",)),
            embedding_row(article_id, embedding),
        )

    def get_embedding(self, article_id: str) -> StoredEmbedding | None:
        """An article's stored embeddings, or None when it has not been embedded."""
        row = self._db.execute(
            "SELECT model, dim, document, title, sentences, sentence_vectors, lead_model, lead_vector "
            "FROM embeddings WHERE article_id = ?",
            (article_id,),
        ).fetchone()
        if row is None:
            return None
        model, dim, document, title, sentences, vectors, lead_model, lead = row
        matrix = None
        if vectors is not None:
            matrix = np.frombuffer(vectors, dtype=np.float16).reshape(-1, dim).astype(np.float32)
        return StoredEmbedding(
            model,
            np.frombuffer(document, dtype=np.float32),
            np.frombuffer(title, dtype=np.float32),
            tuple(json.loads(sentences)) if sentences else None,
            matrix,
            lead_model,
            np.frombuffer(lead, dtype=np.float16).astype(np.float32) if lead is not None else None,
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

    def linked_languages(self) -> dict[str, str | None]:
        """The language of every linked article, by article id."""
        rows = self._db.execute("SELECT a.id, a.language FROM linked l JOIN articles a ON a.id = l.article_id")
        return {aid: language for aid, language in rows}

    def linked_models(self) -> dict[str, int]:
        """How many linked articles carry vectors of each embedder (by its name)."""
        rows = self._db.execute(
            "SELECT e.model, COUNT(*) FROM linked l JOIN embeddings e ON e.article_id = l.article_id GROUP BY e.model"
        )
        return {model: int(count) for model, count in rows}

    def put_signature(self, article_id: str, signature: np.ndarray) -> None:
        """Store an article's MinHash signature."""
        self._db.execute(
            self._insert_replacing("signatures", ("article_id", "minhash"), ("article_id",)),
            (article_id, np.asarray(signature, dtype=np.uint64).tobytes()),
        )

    def signatures(self) -> Iterator[tuple[str, np.ndarray]]:
        """(article id, MinHash signature) of every linked article (a bulk ingest stores an
        article's signature before it is linked: the duplicate index holds linked ones only)."""
        rows = self._db.execute(
            "SELECT s.article_id, s.minhash FROM signatures s JOIN linked l ON l.article_id = s.article_id"
        )
        for aid, blob in rows:
            yield aid, np.frombuffer(blob, dtype=np.uint64)

    def get_signature(self, article_id: str) -> np.ndarray | None:
        """An article's stored MinHash signature, linked or not (None: not stored)."""
        row = self._db.execute("SELECT minhash FROM signatures WHERE article_id = ?", (article_id,)).fetchone()
        return None if row is None else np.frombuffer(row[0], dtype=np.uint64)

    def add_link(self, link: Link) -> None:
        """Store (or replace) the relation between two articles."""
        self._db.execute(
            self._insert_replacing("relations", ("a", "b", "kind", "score", "evidence"), ("a", "b")),
            (link.a, link.b, link.kind.value, link.score, json.dumps(link.evidence.as_dict(), ensure_ascii=False)),
        )

    def links(self, article_id: str | None = None) -> list[Link]:
        """Stored relations, all or those of one article."""
        sql = "SELECT a, b, kind, score, evidence FROM relations"
        args: tuple[str, ...] = ()
        if article_id:
            sql += " WHERE a = ? OR b = ?"
            args = (article_id, article_id)
        rows = self._db.execute(f"{sql} ORDER BY {self._ROW_ORDER}", args)
        return [Link(a, b, RelationKind(k), score, Evidence.from_dict(json.loads(ev))) for a, b, k, score, ev in rows]

    def mark_linked(self, article_id: str) -> None:
        """Record that an article's linking is done."""
        self._db.execute(
            self._insert_ignoring(
                "INTO linked (article_id, seq) VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM linked))"
            ),
            (article_id,),
        )

    # -- stories -------------------------------------------------------------------------------

    def set_story(self, article_id: str, story_id: int) -> None:
        """Put an article in a story (moving it if it was in another)."""
        self._db.execute(
            self._insert_replacing("story_members", ("article_id", "story_id"), ("article_id",)),
            (article_id, story_id),
        )

    def story_memberships(self) -> list[tuple[str, int, datetime | None]]:
        """(article id, story id, publication date) of every linked article, in link order."""
        rows = self._db.execute(
            "SELECT m.article_id, m.story_id, a.published FROM story_members m "
            "JOIN linked l ON l.article_id = m.article_id JOIN articles a ON a.id = m.article_id ORDER BY l.seq"
        )
        return [(a, int(s), parse_time(p)) for a, s, p in rows]

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

    def story(self, story_id: int) -> Story:
        """One story, derived from its members."""
        ids = self.story_article_ids(story_id)
        if not ids:
            raise NotFound(f"no story {story_id}", hint="`newsweave stories` lists them")
        articles = [self.get_article(i) for i in ids]
        dates = [a.published.value for a in articles if a.published]
        return Story(
            id=story_id,
            title=articles[0].title,
            article_ids=tuple(ids),
            languages=tuple(sorted({a.language for a in articles if a.language})),
            outlets=tuple(sorted({a.outlet for a in articles if a.outlet})),
            first_seen=min(dates) if dates else None,
            last_seen=max(dates) if dates else None,
            origin=ids[0],
            origins=self._origins(story_id, ids),
        )

    def _origins(self, story_id: int, ids: list[str]) -> tuple[Origin, ...]:
        """Group a story's articles (``ids``, earliest first) into texts joined by duplicate or version links."""
        # A join, not "IN (?, ?, …)": a story of thousands of reprints would pass SQLite's variable limit.
        rows = self._db.execute(
            "SELECT r.a, r.b FROM relations r JOIN story_members ma ON ma.article_id = r.a "
            "JOIN story_members mb ON mb.article_id = r.b "
            "WHERE r.kind IN ('duplicate', 'version') AND ma.story_id = ? AND mb.story_id = ?",
            (story_id, story_id),
        )
        first_of = {i: i for i in ids}  # union-find; the root is the group's earliest article

        def root(x: str) -> str:
            while first_of[x] != x:
                first_of[x] = first_of[first_of[x]]
                x = first_of[x]
            return x

        rank = {article_id: n for n, article_id in enumerate(ids)}
        for a, b in rows:
            ra, rb = sorted((root(a), root(b)), key=rank.__getitem__)
            first_of[rb] = ra
        groups: dict[str, list[str]] = {}
        for article_id in ids:
            groups.setdefault(root(article_id), []).append(article_id)
        return tuple(Origin(first, tuple(rest)) for first, *rest in groups.values())

    def stories(self, *, limit: int | None = None, offset: int = 0, newest: bool = False) -> list[Story]:
        """Stories, largest and latest first (latest first with ``newest``), derived from their members."""
        # Undated stories after dated ones, spelt "IS NULL" first: SQLite before 3.30 has no NULLS LAST.
        dated = "MAX(a.published) IS NULL, MAX(a.published) DESC"
        order = f"{dated}, COUNT(*) DESC" if newest else f"COUNT(*) DESC, {dated}"
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
        self._db.execute(self._insert_ignoring("INTO cannot_join VALUES (?, ?)"), (article_id, story_id))

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

    # -- the whole store -----------------------------------------------------------------------

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every content row of the article tables (no run history): for comparing two stores."""
        tables = {
            "articles": f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY id",
            "comments": "SELECT article_id, position, author, time, text, reply_to FROM comments "
            "ORDER BY article_id, position",
            "sightings": "SELECT article_id, source_path, source_locator, source_url FROM sightings "
            "ORDER BY article_id, source_path, source_locator",
            "rejections": "SELECT key, item, reason, source_path, source_locator FROM rejections ORDER BY key",
        }
        return {name: [tuple(r) for r in self._db.execute(sql).fetchall()] for name, sql in tables.items()}

    def is_empty(self) -> bool:
        """True when no content table holds a row."""
        return all(self._db.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() is None for t in schema.TABLES)

    def close(self) -> None:
        """Release the connection."""
        self._db.close()


def article_row(a: Article) -> tuple[Any, ...]:
    """An article as the values of ``ARTICLE_COLUMNS``."""
    p = a.published
    return (
        a.id, a.title, a.outlet, a.url,
        iso(p.value) if p else None, p.precision.value if p else None,
        p.source.value if p else None, int(p.upper_bound) if p else None,
        a.author, a.language, a.language_score,
        json.dumps(list(a.body), ensure_ascii=False), json.dumps(list(a.notes), ensure_ascii=False),
        a.extractor, a.provenance.path, a.provenance.locator, a.provenance.url,
    )  # fmt: skip


def embedding_row(article_id: str, embedding: StoredEmbedding) -> tuple[Any, ...]:
    """An article's embeddings as the values of ``EMBEDDING_COLUMNS`` (sentence and lead vectors as float16)."""
    sentences = sentence_blob = None
    if embedding.sentences is not None and embedding.sentence_vectors is not None:
        sentences = json.dumps(list(embedding.sentences), ensure_ascii=False)
        sentence_blob = np.asarray(embedding.sentence_vectors, dtype=np.float16).tobytes()
    return (
        article_id,
        embedding.model,
        embedding.document.shape[0],
        np.asarray(embedding.document, dtype=np.float32).tobytes(),
        np.asarray(embedding.title, dtype=np.float32).tobytes(),
        sentences,
        sentence_blob,
        embedding.lead_model if embedding.lead_vector is not None else None,
        np.asarray(embedding.lead_vector, dtype=np.float16).tobytes() if embedding.lead_vector is not None else None,
    )


def iso(value: datetime | None) -> str | None:
    """A time as stored (ISO 8601 text), None kept."""
    return value.isoformat() if value else None


def parse_time(value: str | None) -> datetime | None:
    """A stored time read back, None kept."""
    return datetime.fromisoformat(value) if value else None
