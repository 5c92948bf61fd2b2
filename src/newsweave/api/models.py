"""Response shapes for the OpenAPI document: the records' ``as_dict`` forms, declared field by field.

They describe, and FastAPI checks, exactly what ``Article.as_dict``, ``Story.as_dict`` and
``Link.as_dict`` return, so the REST face and the CLI's ``--json`` cannot drift apart.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """Every error response."""

    ok: bool = False
    error: str
    errors: list[str]
    status: int
    hint: str | None = None


class PublishedOut(BaseModel):
    """A publication date with its precision and its source."""

    value: str
    precision: str
    source: str
    upper_bound: bool


class SourceOut(BaseModel):
    """Where an item was read from."""

    path: str
    locator: str | None
    url: str | None


class CommentOut(BaseModel):
    """A reader comment; ``reply_to`` is the index of the comment it answers."""

    author: str | None
    time: str | None
    reply_to: int | None
    text: str


class ArticleBase(BaseModel):
    """Fields every article form has."""

    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: PublishedOut | None
    author: str | None
    language: str | None
    language_score: float | None
    extractor: str
    provenance: SourceOut
    notes: list[str]


class ArticleSummaryOut(ArticleBase):
    """An article in a listing: no body, the number of comments (as `newsweave articles --json`)."""

    body: None = None
    comments: int


class ArticleOut(ArticleBase):
    """One article in full (as `newsweave show --json`), with its story."""

    body: list[str]
    comments: list[CommentOut]
    sightings: list[SourceOut]
    story: int | None
    facts: dict[str, Any] = Field(description="As GET /api/articles/{article_id}/facts")


class AlignedOut(BaseModel):
    """Two sentences aligned across versions; ``a`` and ``b`` index each article's sentences."""

    a: int
    b: int
    a_text: str
    b_text: str
    similarity: float


class EvidenceOut(BaseModel):
    """Every figure a link's decision used."""

    pair_score: float | None
    cosine: float | None
    jaccard: float | None
    coverage_a: float | None
    coverage_b: float | None
    aligned: list[AlignedOut]
    shared_names: list[str]
    shared_numbers: list[str]
    differing_numbers: list[list[str]]
    notes: list[str]


class LinkOut(BaseModel):
    """A relation between two articles (``a`` the earlier)."""

    a: str
    b: str
    kind: str
    score: float
    evidence: EvidenceOut


class OriginOut(BaseModel):
    """One independent text of a story: its first article and its later copies and versions."""

    article: str
    copies: list[str]


class StoryOut(BaseModel):
    """A story (as `newsweave stories --json`)."""

    id: int
    title: str | None
    size: int
    languages: list[str]
    outlets: list[str]
    first_seen: str | None
    last_seen: str | None
    origin: str | None
    independent_origins: int
    origins: list[OriginOut]
    article_ids: list[str]


class RelatedStoryOut(BaseModel):
    """Another story joined to this one, with the strongest link between them."""

    story: StoryOut
    link: LinkOut


class StoryDetailOut(StoryOut):
    """One story with its articles, its relations and its related stories (as `newsweave story --json`)."""

    articles: list[ArticleSummaryOut]
    relations: list[LinkOut]
    related: list[RelatedStoryOut]
    entities: list[dict[str, Any]] = Field(description="The 20 most reported, as GET /api/entities?story=")
    places: list[dict[str, Any]] = Field(description="The 20 most reported, as GET /api/places?story=")
    timeline: list[dict[str, Any]] = Field(description="As GET /api/stories/{story_id}/timeline")
    disagreements: list[dict[str, Any]] = Field(description="As GET /api/disagreements?story=")


class Page(BaseModel):
    """Paging fields of every listing; ``next_offset`` is null on the last page."""

    limit: int
    offset: int
    next_offset: int | None


class ArticlePage(Page):
    """A page of articles."""

    items: list[ArticleSummaryOut]


class StoryPage(Page):
    """A page of stories."""

    items: list[StoryOut]


class LinkPage(Page):
    """A page of relations."""

    items: list[LinkOut]


class HitOut(BaseModel):
    """A search or similarity hit."""

    id: str
    title: str | None
    language: str | None
    outlet: str | None
    story: int | None
    score: float = Field(description="search: cosine plus the full-text bonus; similar: cosine")


class WhyOut(BaseModel):
    """Why two articles are (or are not) linked, in plain words."""

    a: str
    b: str
    explanation: str


class MergeIn(BaseModel):
    """Merge story ``absorb`` into ``keep``."""

    keep: int = Field(ge=0, le=2**62)  # SQLite integers are 64-bit
    absorb: int = Field(ge=0, le=2**62)


class SplitIn(BaseModel):
    """Move these articles (ids or unique prefixes) out of the story into a new one."""

    articles: list[Annotated[str, Field(max_length=64)]] = Field(min_length=1, max_length=10_000)


class JobOut(BaseModel):
    """A background ingest or link job and its progress."""

    id: str
    kind: str
    inputs: list[str]
    link: bool
    state: str
    created: str
    finished: str | None
    read: int
    stored: int
    duplicates: int
    rejected: int
    linked: int
    links: int
    stories: int
    rejections: list[dict[str, str]]
    error: str | None


class StatusOut(BaseModel):
    """The server's store at a glance."""

    ok: bool
    articles: int
    open_reads: bool
    version: str
