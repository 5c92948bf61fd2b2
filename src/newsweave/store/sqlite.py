"""SQLite store: one file, WAL journal, numbered SQL migrations."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from newsweave.errors import Conflict, NotFound, StoreError
from newsweave.records import (
    Article,
    Comment,
    DatePrecision,
    DateSource,
    IngestReport,
    Provenance,
    PublicationDate,
    Rejection,
)

_ARTICLE_COLUMNS = (
    "id, title, outlet, url, published, published_precision, published_source, published_upper_bound, "
    "author, language, language_score, body, notes, extractor, source_path, source_locator, source_url"
)


def migrations() -> list[tuple[int, str]]:
    """The numbered migrations shipped in ``store/migrations``, in order."""
    folder = resources.files("newsweave.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


class SqliteStore:
    """The default store: a single SQLite file.

    Example:
        >>> store = SqliteStore(":memory:")
        >>> store.count_articles()
        0
    """

    def __init__(self, path: str | Path) -> None:
        self.path = str(path)
        try:
            if self.path != ":memory:":
                Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            # isolation_level=None: we open transactions ourselves, so a batch commits as a unit.
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.Error as e:
            raise StoreError(f"cannot open the store: {e}", item=self.path) from e
        self._depth = 0

    def _migrate(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
        row = self._db.execute("SELECT MAX(version) FROM schema_version").fetchone()
        current = row[0] or 0
        for version, sql in migrations():
            if version <= current:
                continue
            self._db.execute("BEGIN")
            try:
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute("INSERT INTO schema_version VALUES (?)", (version,))
                self._db.execute("COMMIT")
            except sqlite3.Error:
                self._db.execute("ROLLBACK")
                raise

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
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            self._db.execute("COMMIT")
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
                "INSERT INTO comments (article_id, position, author, time, text, reply_to) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (article.id, i, c.author, _iso(c.time), c.text, c.reply_to)
                    for i, c in enumerate(article.comments)
                ],
            )
            self.add_sighting(article.id, article.provenance)
        return True

    def add_sighting(self, article_id: str, provenance: Provenance) -> None:
        """Record that the article's content was read at ``provenance`` (idempotent)."""
        self._db.execute(
            "INSERT OR IGNORE INTO sightings (article_id, source_path, source_locator, source_url) "
            "VALUES (?, ?, ?, ?)",
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
            raise Conflict(
                f"id prefix {id_or_prefix!r} matches several articles", hint="give more characters"
            )
        return self._article(rows[0])

    def sightings(self, article_id: str) -> list[Provenance]:
        """Every place the article's content was read from, first sighting first."""
        rows = self._db.execute(
            "SELECT source_path, source_locator, source_url FROM sightings "
            "WHERE article_id = ? ORDER BY rowid",
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
        return [
            Rejection(item, reason, Provenance(p, loc, url), iid) for item, reason, p, loc, url, iid in rows
        ]

    def record_run(self, inputs: list[str], report: IngestReport) -> int:
        """Record one finished ingest run and return its id."""
        with self.transaction():
            cursor = self._db.execute(
                "INSERT INTO runs (finished_at, inputs, read, stored, duplicates, rejected) "
                "VALUES (?, ?, ?, ?, ?, ?)",
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

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every content row of every table (no run history): for comparing two stores."""
        tables = {
            "articles": f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY id",
            "comments": "SELECT * FROM comments ORDER BY article_id, position",
            "sightings": "SELECT * FROM sightings ORDER BY article_id, source_path, source_locator",
            "rejections": "SELECT key, item, reason, source_path, source_locator "
            "FROM rejections ORDER BY key",
        }
        return {name: self._db.execute(sql).fetchall() for name, sql in tables.items()}

    def close(self) -> None:
        """Release the connection."""
        self._db.close()

    def _article(self, row: tuple[Any, ...]) -> Article:
        (aid, title, outlet, url, published, precision, source, upper, author, language, score,
         body, notes, extractor, path, locator, source_url) = row  # fmt: skip
        comments = tuple(
            Comment(text=text, author=c_author, time=_parse_time(time), reply_to=reply_to)
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


def _statements(sql: str) -> list[str]:
    # Migrations hold plain DDL, so splitting on ';' is safe; executescript would commit on its own.
    lines = [line.split("--", 1)[0] for line in sql.splitlines()]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
