"""Typed records passed between the pipeline's stages.

Records are frozen, slotted dataclasses; each checks its invariants in ``__post_init__`` and does
no I/O. Stages import these, never each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from types import MappingProxyType
from typing import Any

EMPTY: Mapping[str, str] = MappingProxyType({})


def content_hash(data: bytes) -> str:
    """Return the stable content hash used as an item's identity (hex SHA-256, 64 chars)."""
    return hashlib.sha256(data).hexdigest()


class MediaType(StrEnum):
    """What an item's bytes are, as detected from their content."""

    TEXT = "text"  # a plain-text capture (a page saved as text, like the seeds)
    HTML = "html"  # an HTML page
    RECORD = "record"  # an article already split into fields (JSON Lines, feed entry)


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where an item came from: the input path and, inside it, the record it was read from."""

    path: str
    locator: str | None = None  # "line 17", "offset 4096", "entry 3": where inside `path`
    url: str | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.locator}" if self.locator else self.path


@dataclass(frozen=True, slots=True)
class RawItem:
    """One input item as read, before extraction.

    ``data`` is the item's bytes (a page, a text capture, or the text/HTML of a record).
    ``fields`` carries what the container already says about it (a JSONL record's title, a feed
    entry's date, a WARC record's target URI), as strings.
    """

    data: bytes
    media_type: MediaType
    provenance: Provenance
    fields: Mapping[str, str] = field(default_factory=lambda: EMPTY)
    encoding: str | None = None  # declared by the container (HTTP header, XML prolog), if any

    @property
    def id(self) -> str:
        """The item's content hash; the same input always gets the same id."""
        digest = hashlib.sha256(self.data)
        for key in sorted(self.fields):
            digest.update(f"\0{key}\0{self.fields[key]}".encode())
        return digest.hexdigest()


class DatePrecision(StrEnum):
    """How precise a publication date is."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"


class DateSource(StrEnum):
    """Where a publication date was read from."""

    META = "meta"  # HTML meta tags / structured data / record fields
    TEXT = "text"  # a date line in the text
    URL = "url"  # a date in the URL
    COMMENTS = "comments"  # bounded by the earliest reader comment
    CONTAINER = "container"  # the WARC or feed container's date


@dataclass(frozen=True, slots=True)
class PublicationDate:
    """A publication date with its precision and its source.

    When ``upper_bound`` is true the article was published on or before ``value`` (e.g. the
    earliest comment's time), not exactly then.
    """

    value: datetime
    precision: DatePrecision
    source: DateSource
    upper_bound: bool = False

    def describe(self) -> str:
        """Human-readable form, e.g. ``on or before 2017-11-24 (from comments)``."""
        fmt = {"year": "%Y", "month": "%Y-%m", "day": "%Y-%m-%d", "minute": "%Y-%m-%d %H:%M"}
        text = self.value.strftime(fmt[self.precision.value])
        prefix = "on or before " if self.upper_bound else ""
        return f"{prefix}{text} (from {self.source.value})"


@dataclass(frozen=True, slots=True)
class Comment:
    """A reader comment, kept apart from the article body.

    ``reply_to`` is the index (in the article's comment list) of the comment this one answers,
    when the page layout shows it.
    """

    text: str
    author: str | None = None
    time: datetime | None = None
    reply_to: int | None = None

    def __post_init__(self) -> None:
        if self.reply_to is not None and self.reply_to < 0:
            raise ValueError(f"reply_to must be a comment index >= 0, got {self.reply_to}")


@dataclass(frozen=True, slots=True)
class Article:
    """An article as understood: metadata, body paragraphs, notes and comments apart."""

    id: str  # the RawItem's content hash
    title: str | None
    body: tuple[str, ...]  # paragraphs
    provenance: Provenance
    extractor: str
    outlet: str | None = None
    url: str | None = None
    published: PublicationDate | None = None
    author: str | None = None
    language: str | None = None  # ISO 639-1 code
    language_score: float | None = None
    notes: tuple[str, ...] = ()  # footnotes, editor's notes: kept apart from the body
    comments: tuple[Comment, ...] = ()

    def __post_init__(self) -> None:
        if len(self.id) != 64:
            raise ValueError(f"article id must be a 64-hex content hash, got {self.id!r}")
        for i, comment in enumerate(self.comments):
            if comment.reply_to is not None and comment.reply_to >= i:
                raise ValueError(f"comment {i} replies to {comment.reply_to}, which is not earlier")
        if self.language_score is not None and not 0.0 <= self.language_score <= 1.0:
            raise ValueError(f"language_score must be in [0, 1], got {self.language_score}")

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by blank lines."""
        return "\n\n".join(self.body)

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form, the same in the CLI's ``--json`` and the REST API."""
        p = self.published
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            "published": None
            if p is None
            else {
                "value": p.value.isoformat(),
                "precision": p.precision.value,
                "source": p.source.value,
                "upper_bound": p.upper_bound,
            },
            "author": self.author,
            "language": self.language,
            "language_score": self.language_score,
            "extractor": self.extractor,
            "provenance": {
                "path": self.provenance.path,
                "locator": self.provenance.locator,
                "url": self.provenance.url,
            },
            "body": list(self.body),
            "notes": list(self.notes),
            "comments": [
                {
                    "author": c.author,
                    "time": c.time.isoformat() if c.time else None,
                    "reply_to": c.reply_to,
                    "text": c.text,
                }
                for c in self.comments
            ],
        }


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not be used, with the reason: recorded, never silently dropped."""

    item: str  # provenance as text: path and locator
    reason: str
    provenance: Provenance
    item_id: str | None = None


class Outcome(StrEnum):
    """What happened to one item in an ingest run."""

    STORED = "stored"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class ItemResult:
    """The result of one item's trip through the pipeline."""

    outcome: Outcome
    item: str
    article_id: str | None = None
    reason: str | None = None


@dataclass(slots=True)
class IngestReport:
    """Counts and rejection reasons of one ingest run."""

    read: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    rejections: list[Rejection] = field(default_factory=list)

    def add(self, result: ItemResult, rejection: Rejection | None = None) -> None:
        """Count one item's result."""
        self.read += 1
        if result.outcome is Outcome.STORED:
            self.stored += 1
        elif result.outcome is Outcome.DUPLICATE:
            self.duplicates += 1
        else:
            self.rejected += 1
            if rejection is not None:
                self.rejections.append(rejection)

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form for ``--json``."""
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "rejections": [{"item": r.item, "reason": r.reason} for r in self.rejections],
        }


class RelationKind(StrEnum):
    """How two articles are related, strongest first."""

    DUPLICATE = "duplicate"  # the same text, exact or near-exact after normalisation
    VERSION = "version"  # the same source text rewritten or translated
    SAME_STORY = "same_story"  # the same real-world event, told independently
    RELATED = "related"  # same places/actors/topic, another event


@dataclass(frozen=True, slots=True)
class AlignedSentences:
    """Two sentences aligned across versions of one text, with their similarity."""

    a_index: int
    b_index: int
    a_text: str
    b_text: str
    similarity: float

    def __post_init__(self) -> None:
        if not -1.0 <= self.similarity <= 1.0:
            raise ValueError(f"similarity must be in [-1, 1], got {self.similarity}")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Why two articles are linked: every figure the decision used, so it can be explained."""

    pair_score: float | None = None  # learned same-story score in [0, 1]
    cosine: float | None = None  # document embedding cosine
    jaccard: float | None = None  # MinHash estimate of word-shingle Jaccard
    coverage_a: float | None = None  # share of A's sentences aligned to B
    coverage_b: float | None = None
    aligned: tuple[AlignedSentences, ...] = ()
    shared_names: tuple[str, ...] = ()
    shared_numbers: tuple[str, ...] = ()
    differing_numbers: tuple[tuple[str, str], ...] = ()  # aligned claims whose figures disagree
    notes: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "pair_score": self.pair_score,
            "cosine": self.cosine,
            "jaccard": self.jaccard,
            "coverage_a": self.coverage_a,
            "coverage_b": self.coverage_b,
            "aligned": [
                {"a": s.a_index, "b": s.b_index, "a_text": s.a_text, "b_text": s.b_text, "similarity": s.similarity}
                for s in self.aligned
            ],
            "shared_names": list(self.shared_names),
            "shared_numbers": list(self.shared_numbers),
            "differing_numbers": [list(p) for p in self.differing_numbers],
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Evidence:
        """Inverse of ``as_dict``."""
        return cls(
            pair_score=data.get("pair_score"),
            cosine=data.get("cosine"),
            jaccard=data.get("jaccard"),
            coverage_a=data.get("coverage_a"),
            coverage_b=data.get("coverage_b"),
            aligned=tuple(
                AlignedSentences(s["a"], s["b"], s["a_text"], s["b_text"], s["similarity"])
                for s in data.get("aligned", ())
            ),
            shared_names=tuple(data.get("shared_names", ())),
            shared_numbers=tuple(data.get("shared_numbers", ())),
            differing_numbers=tuple(tuple(p) for p in data.get("differing_numbers", ())),  # type: ignore[misc]
            notes=tuple(data.get("notes", ())),
        )


@dataclass(frozen=True, slots=True)
class Link:
    """A stored relation between two articles (``a`` is the earlier one when dates are known)."""

    a: str
    b: str
    kind: RelationKind
    score: float
    evidence: Evidence = field(default_factory=Evidence)

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"a link's score must be in [0, 1], got {self.score}")
        if self.a == self.b:
            raise ValueError("an article cannot be linked to itself")

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form: {a, b, kind, score, evidence}."""
        return {"a": self.a, "b": self.b, "kind": self.kind.value, "score": self.score,
                "evidence": self.evidence.as_dict()}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Origin:
    """One independently written text in a story: its earliest article and the later copies of it.

    Copies are the articles joined to it by ``duplicate`` or ``version`` links (reprints,
    rewrites, translations), directly or through one another, earliest first.
    """

    article_id: str
    copies: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Story:
    """A group of articles telling one real-world event, across languages and outlets."""

    id: int
    title: str | None
    article_ids: tuple[str, ...]
    languages: tuple[str, ...]
    outlets: tuple[str, ...]
    first_seen: datetime | None
    last_seen: datetime | None
    origin: str | None = None  # the earliest article: the first version of the text
    # The story's independent texts, earliest first: 40 reprints of one wire text are one origin.
    origins: tuple[Origin, ...] = ()

    @property
    def size(self) -> int:
        """How many articles the story holds."""
        return len(self.article_ids)

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form, the same in the CLI's ``--json`` and the REST API."""
        return {
            "id": self.id,
            "title": self.title,
            "size": self.size,
            "languages": list(self.languages),
            "outlets": list(self.outlets),
            "first_seen": self.first_seen.isoformat() if self.first_seen else None,
            "last_seen": self.last_seen.isoformat() if self.last_seen else None,
            "origin": self.origin,
            "independent_origins": len(self.origins),
            "origins": [{"article": o.article_id, "copies": list(o.copies)} for o in self.origins],
            "article_ids": list(self.article_ids),
        }


# -- facts: what an article says ---------------------------------------------------------------
#
# Offsets (``start``, ``end``) are character offsets into ``Article.text`` (the body paragraphs
# joined by blank lines), so a fact can always be shown in its sentence; a mention read from the
# headline says so (``in_title``) and indexes the title.


def _check_span(start: int, end: int, text: str) -> None:
    if not 0 <= start < end:
        raise ValueError(f"a span needs 0 <= start < end, got {start}..{end}")
    if not text:
        raise ValueError("a span's text cannot be empty")


class EntityType(StrEnum):
    """What a named entity is (the BSNLP and CoNLL classes)."""

    PERSON = "PER"
    ORGANIZATION = "ORG"
    LOCATION = "LOC"
    PRODUCT = "PRO"
    EVENT = "EVT"


@dataclass(frozen=True, slots=True)
class Mention:
    """A name in an article's text, with the canonical entity it refers to.

    ``entity`` is the key of the canonical entity shared by every spelling, script and
    inflection of one real entity ("ИГИЛ", "Daech" and "IS" share one); None when the mention
    could not be normalised beyond its own form.
    """

    start: int
    end: int
    text: str
    type: EntityType
    entity: str | None = None
    lemma: str | None = None  # base form ("Абу-Кемаля" -> "Абу-Кемаль")
    score: float = 1.0
    in_title: bool = False  # offsets are into the title, not the body

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"a mention's score must be in [0, 1], got {self.score}")


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one name to show, its type and the aliases it is known by."""

    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention and the gazetteer entry it was resolved to.

    A mention that cannot be resolved with confidence keeps ``geonames_id`` None: a named
    mention, never a wrong pin.
    """

    start: int
    end: int
    text: str
    geonames_id: int | None = None
    name: str | None = None  # the gazetteer's name ("Ālbū Kamāl"; summaries show the texts' spelling)
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    feature: str | None = None  # GeoNames feature class and code, e.g. "P.PPLA2", "A.PCLI"
    population: int | None = None
    score: float = 0.0  # confidence of the resolution, in [0, 1]

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)
        if (self.lat is None) != (self.lon is None):
            raise ValueError("a place has both coordinates or neither")
        if self.lat is not None and not (-90 <= self.lat <= 90 and -180 <= self.lon <= 180):  # type: ignore[operator]
            raise ValueError(f"coordinates out of range: {self.lat}, {self.lon}")

    @property
    def resolved(self) -> bool:
        """True when the mention was pinned to a gazetteer entry."""
        return self.geonames_id is not None


class TimePrecision(StrEnum):
    """How precise a date in the text is."""

    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"
    MINUTE = "minute"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A date or time the text states, resolved against the article's publication date.

    ``relative`` marks expressions such as "on the eve", "mardi", "вчера" or "last week",
    whose value depends on the anchor; ``anchor`` is the date they were resolved against.
    """

    start: int
    end: int
    text: str
    value: datetime
    precision: TimePrecision
    relative: bool = False
    anchor: datetime | None = None

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)


class Qualifier(StrEnum):
    """How a number is hedged: "more than 50", "around 50", "up to 50", "50"."""

    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    AROUND = "around"
    UP_TO = "up_to"
    NO_MORE_THAN = "no_more_than"
    LESS_THAN = "less_than"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class Claim:
    """A numeric claim: how many of what, doing or undergoing what, where and when.

    ``start``/``end`` span the number phrase ("more than 50 terrorists") in ``Article.text``;
    ``sentence`` is the sentence it stands in, ``sentence_index`` its position among the
    article's sentences. ``counted`` and ``action`` are normalised, language-neutral keys
    (e.g. "militant", "killed") so that claims in two languages can be compared.
    """

    start: int
    end: int
    text: str
    low: float
    high: float
    qualifier: Qualifier
    sentence: str
    sentence_index: int = 0
    counted: str | None = None
    action: str | None = None
    place: str | None = None  # canonical entity key of the place it is about, if any
    time: datetime | None = None  # when it happened, if the sentence says

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, self.text)
        if self.low > self.high:
            raise ValueError(f"a claim's low {self.low} exceeds its high {self.high}")


class ClaimRelation(StrEnum):
    """How two aligned claims about the same thing compare."""

    AGREE = "agree"
    QUALIFIER = "qualifier"  # same figure, other hedge: "more than 50" vs "around 50"
    CONFLICT = "conflict"  # incompatible figures: 50 vs 80 killed
    UPDATE = "update"  # a later report raises (or revises) a running toll


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Two claims about the same thing in two articles, and how they compare (both quotes kept)."""

    a: str  # article ids; ``a`` is the earlier one when dates are known
    b: str
    claim_a: Claim
    claim_b: Claim
    relation: ClaimRelation
    score: float = 1.0  # confidence that the two claims are about the same thing
    note: str | None = None
    # Filled in when read back from the store, so that a face shows who said what, and when.
    outlets: tuple[str | None, str | None] = (None, None)
    published: tuple[datetime | None, datetime | None] = (None, None)

    def __post_init__(self) -> None:
        if self.a == self.b:
            raise ValueError("a disagreement needs two different articles")


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the analyze stage read out of one article's text."""

    article_id: str
    mentions: tuple[Mention, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpression, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """A canonical entity across the store (or a story): how often, where, and under which forms."""

    entity: Entity
    mentions: int
    articles: int
    languages: tuple[str, ...] = ()
    surfaces: tuple[str, ...] = ()  # the forms seen in the texts, most frequent first


@dataclass(frozen=True, slots=True)
class PlaceSummary:
    """A place across the store (or a story); unresolved mentions are grouped by their text."""

    name: str
    geonames_id: int | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    mentions: int
    articles: int
    surfaces: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated statement in a story: when it happened, what says so, and where it was read."""

    value: datetime
    precision: TimePrecision
    text: str  # the time expression as written ("on the eve", "mardi")
    sentence: str
    article_id: str
    outlet: str | None = None
    published: datetime | None = None
    relative: bool = False


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A numeric claim with the article that makes it."""

    article_id: str
    claim: Claim
    outlet: str | None = None
    published: datetime | None = None
    language: str | None = None


def plain(value: Any) -> Any:
    """A record (or a structure of them) as plain JSON: enums by value, datetimes in ISO 8601.

    Example:
        >>> plain(Mention(0, 2, "IS", EntityType.ORGANIZATION, "alias:islamic-state"))["type"]
        'ORG'
    """
    if hasattr(value, "__dataclass_fields__"):
        return {name: plain(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return [plain(v) for v in value]
    if isinstance(value, Mapping):
        return {k: plain(v) for k, v in value.items()}
    return value
