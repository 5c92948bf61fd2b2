"""The Store interface: what the pipeline and the faces need from storage.

SQLite implements it by default; a PostgreSQL backend implements the same protocol.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager
from typing import Protocol

from newsweave.records import Article, IngestReport, Provenance, Rejection


class Store(Protocol):
    """Durable home of articles, their sightings, rejections and ingest runs."""

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; everything inside commits together or not at all."""
        ...

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this content hash is stored."""
        ...

    def add_article(self, article: Article) -> bool:
        """Store ``article``; return False (and change nothing) when its id is already stored."""
        ...

    def add_sighting(self, article_id: str, provenance: Provenance) -> None:
        """Record that the article's content was seen again at ``provenance`` (idempotent)."""
        ...

    def add_rejection(self, rejection: Rejection) -> None:
        """Record an unusable input with its reason (idempotent)."""
        ...

    def get_article(self, id_or_prefix: str) -> Article:
        """Return the article whose id is or starts with ``id_or_prefix`` (NotFound, Conflict)."""
        ...

    def sightings(self, article_id: str) -> list[Provenance]:
        """Every place the article's content was read from, first sighting first."""
        ...

    def iter_articles(self, *, limit: int | None = None, offset: int = 0) -> Iterator[Article]:
        """Articles in ingest order."""
        ...

    def count_articles(self) -> int:
        """How many articles are stored."""
        ...

    def rejections(self, *, limit: int | None = None) -> list[Rejection]:
        """Recorded rejections, oldest first."""
        ...

    def record_run(self, inputs: list[str], report: IngestReport) -> int:
        """Record one finished ingest run and return its id."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...
