"""The Store interface: what the pipeline and the faces need from storage.

SQLite implements it by default; a PostgreSQL backend implements the same protocol.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from typing import Any, Protocol

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

    # -- linking ---------------------------------------------------------------------------

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

    def close(self) -> None:
        """Release the connection."""
        ...
