"""The Store interface: what the pipeline, the link stage and the faces need from storage.

SQLite (``store/sqlite.py``) implements it by default; PostgreSQL (``store/postgres.py``) implements
the same protocol. ``newsweave.store.open_store`` picks one from a path or URL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol

import numpy as np

from newsweave.errors import Conflict
from newsweave.records import (
    Article,
    ClaimRelation,
    Disagreement,
    Entity,
    EntitySummary,
    EntityType,
    Facts,
    IngestReport,
    Link,
    PlaceSummary,
    Provenance,
    Rejection,
    SourcedClaim,
    Story,
    TimelineEvent,
)


class StoredEmbedding(NamedTuple):
    """An article's embeddings as stored: whole text and title, its sentences' once computed, and
    its lead's for the pair scorer's second view once needed (with the model that embedded it)."""

    model: str
    document: np.ndarray
    title: np.ndarray
    sentences: tuple[str, ...] | None = None
    sentence_vectors: np.ndarray | None = None
    lead_model: str | None = None
    lead_vector: np.ndarray | None = None


def link_conflict(location: str) -> Conflict:
    """The error of a second linker on one store (both backends say the same)."""
    return Conflict(
        "another newsweave process is linking this store",
        item=location,
        hint="wait for it to finish: it links every article stored before it started, "
        "and a later `newsweave link` takes the rest",
    )


class Store(Protocol):
    """Durable home of articles, their sightings, rejections and ingest runs, and of what linking and
    the facts readers computed from them."""

    read_only: bool

    @property
    def location(self) -> str:
        """Where the store is, as shown to the user (a path, or a URL without its password)."""
        ...

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; everything inside commits together or not at all."""
        ...

    def has_article(self, article_id: str) -> bool:
        """Return True when an article with this content hash is stored."""
        ...

    def article_ids(self) -> Iterator[str]:
        """Every stored article's id (a bulk run skips them before extracting anything)."""
        ...

    def rejected_item_ids(self) -> Iterator[str]:
        """The content hashes of items that were read and rejected (a bulk run does not retry them)."""
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

    # -- facts -----------------------------------------------------------------------------

    def put_facts(
        self, facts: Facts, analyzer: str, *, entities: Iterable[Entity] = (), sentences: Sequence[str] = ()
    ) -> None:
        """Store an article's facts (replacing older ones) and the canonical entities they name."""
        ...

    def facts(self, article_id: str) -> Facts:
        """An article's stored facts (empty when none were read)."""
        ...

    def unanalyzed_article_ids(self, analyzer: str) -> list[str]:
        """Articles whose facts were never read, or read by another analyzer version."""
        ...

    def put_disagreements(self, a: str, b: str, disagreements: Iterable[Disagreement]) -> None:
        """Store how two linked articles' claims compare, replacing what was stored for the pair."""
        ...

    def entity_summaries(
        self,
        *,
        story_id: int | None = None,
        type: EntityType | None = None,
        language: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[EntitySummary]:
        """Canonical entities, most mentioned first."""
        ...

    def outlet_pins(self, articles: int) -> list[tuple[str | None, str | None, str | None, int, str | None]]:
        """The pins of the last ``articles`` stored articles, oldest first: (outlet, URL, place
        name, GeoNames id, feature)."""
        ...

    def place_summaries(
        self,
        *,
        story_id: int | None = None,
        language: str | None = None,
        article_id: str | None = None,
        resolved_only: bool = False,
        limit: int | None = None,
    ) -> list[PlaceSummary]:
        """Places, most mentioned first."""
        ...

    def sourced_claims(
        self,
        *,
        story_id: int | None = None,
        language: str | None = None,
        article_id: str | None = None,
        limit: int | None = None,
    ) -> list[SourcedClaim]:
        """Numeric claims with their articles."""
        ...

    def timeline(self, story_id: int) -> list[TimelineEvent]:
        """A story's dated statements, in event order."""
        ...

    def disagreements(
        self,
        *,
        story_id: int | None = None,
        article_id: str | None = None,
        relations: Sequence[ClaimRelation] = (ClaimRelation.QUALIFIER, ClaimRelation.CONFLICT, ClaimRelation.UPDATE),
    ) -> list[Disagreement]:
        """Stored comparisons of linked articles' claims."""
        ...

    def has_facts(self, article_id: str, analyzer: str | None = None) -> bool:
        """True when the article's facts are stored (by ``analyzer``, when given)."""
        ...

    # -- linking ---------------------------------------------------------------------------

    def link_lock(self) -> AbstractContextManager[None]:
        """Held by the one process linking the store; released even when that process is killed.

        Raises:
            Conflict: another process holds it.
        """
        ...

    def ann_checkpoint(self, model: str) -> Path | None:
        """Where the vector graph of ``model`` is saved between runs (None: rebuilt on opening)."""
        ...

    def put_embedding(self, article_id: str, embedding: StoredEmbedding) -> None:
        """Store an article's embeddings (replacing older ones)."""
        ...

    def get_embedding(self, article_id: str) -> StoredEmbedding | None:
        """An article's stored embeddings, or None when it has not been embedded."""
        ...

    def linked_vectors(self, model: str) -> Iterator[tuple[str, np.ndarray]]:
        """(article id, document vector) of every linked article, in link order."""
        ...

    def linked_languages(self) -> dict[str, str | None]:
        """The language of every linked article, by article id."""
        ...

    def linked_models(self) -> dict[str, int]:
        """How many linked articles carry vectors of each embedder (by its name)."""
        ...

    def put_signature(self, article_id: str, signature: np.ndarray) -> None:
        """Store an article's MinHash signature."""
        ...

    def signatures(self) -> Iterator[tuple[str, np.ndarray]]:
        """(article id, MinHash signature) of every linked article."""
        ...

    def get_signature(self, article_id: str) -> np.ndarray | None:
        """An article's stored MinHash signature, linked or not (None: not stored)."""
        ...

    def mark_linked(self, article_id: str) -> None:
        """Record that an article's linking is done."""
        ...

    def unlinked_articles(self) -> list[Article]:
        """Articles not linked yet, in publication order (undated ones last, in ingest order)."""
        ...

    def links(self, article_id: str | None = None) -> list[Link]:
        """Stored relations, all or those of one article."""
        ...

    def add_link(self, link: Link) -> None:
        """Store (or replace) the relation between two articles."""
        ...

    def search_text(self, query: str, *, limit: int = 20) -> list[tuple[str, float]]:
        """Full-text search: (article id, score), best first."""
        ...

    # -- stories ---------------------------------------------------------------------------

    def stories(self, *, limit: int | None = None, offset: int = 0, newest: bool = False) -> list[Story]:
        """Stories, largest and latest first (latest first with ``newest``)."""
        ...

    def count_stories(self) -> int:
        """How many stories there are."""
        ...

    def linking_stamp(self) -> tuple[int, int]:
        """A value that changes whenever any process links articles or edits stories."""
        ...

    def story_memberships(self) -> list[tuple[str, int, datetime | None]]:
        """(article id, story id, publication date) of every linked article, in link order."""
        ...

    def cannot_join(self) -> list[tuple[str, int]]:
        """Every (article, story) a user split apart."""
        ...

    def story(self, story_id: int) -> Story:
        """One story (NotFound when unknown)."""
        ...

    def story_of(self, article_id: str) -> int | None:
        """The story an article is in, or None when it is not linked yet."""
        ...

    def story_article_ids(self, story_id: int) -> list[str]:
        """The articles of one story, earliest first."""
        ...

    def set_story(self, article_id: str, story_id: int) -> None:
        """Put an article in a story."""
        ...

    def next_story_id(self) -> int:
        """An unused story id."""
        ...

    def add_cannot_join(self, article_id: str, story_id: int) -> None:
        """Record that a user split an article out of a story."""
        ...

    def record_edit(self, action: str, details: dict[str, Any]) -> None:
        """Append a user edit to the audit trail."""
        ...

    def edits(self) -> list[dict[str, Any]]:
        """The audit trail, oldest first."""
        ...

    # -- moving a store (newsweave migrate) ----------------------------------------------------

    def table_rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """A content table's rows (the columns of ``schema.TABLES``) in reading order."""
        ...

    def insert_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> None:
        """Append rows read by ``table_rows`` (of either backend) to a table."""
        ...

    def finish_import(self) -> None:
        """After rows were copied in: move id counters past the copied ids."""
        ...

    def is_empty(self) -> bool:
        """True when no content table holds a row."""
        ...

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every content row of the article tables (no run history): for comparing two stores."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...
