"""What articles say: `/api/entities`, `/api/places`, `/api/claims`, `/api/disagreements`, a story's
timeline and an article's facts. Bodies are the records' plain JSON (`plain()`), as the CLI's `--json`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import JSONResponse

from newsweave.api.auth import hub_of, require_read
from newsweave.records import (
    Disagreement,
    EntitySummary,
    EntityType,
    Facts,
    PlaceSummary,
    SourcedClaim,
    TimelineEvent,
    plain,
)

router = APIRouter(prefix="/api", tags=["facts"], dependencies=[Depends(require_read)])
StoryFilter = Annotated[int | None, Query(ge=0, le=2**62, description="Only this story's articles.")]
LanguageFilter = Annotated[str | None, Query(max_length=16, description="Only articles in this language.")]
ArticleFilter = Annotated[str | None, Query(max_length=64, description="Only this article (id or prefix).")]
FactsLimit = Annotated[int, Query(ge=1, le=1000)]


def _ok(model: Any) -> dict[int | str, dict[str, Any]]:
    return {200: {"model": model, "description": "Successful Response"}}


@router.get("/articles/{article_id}/facts", response_class=JSONResponse, responses=_ok(Facts))
def article_facts(request: Request, article_id: Annotated[str, Path(max_length=64)]) -> JSONResponse:
    """What one article says: its names, places, dates and numeric claims, with their offsets in its text."""
    return JSONResponse(plain(hub_of(request).reader().facts(article_id)))


@router.get("/entities", response_class=JSONResponse, responses=_ok(list[EntitySummary]))
def entities(
    request: Request,
    story: StoryFilter = None,
    type: EntityType | None = None,
    language: LanguageFilter = None,
    article: ArticleFilter = None,
    limit: FactsLimit = 50,
) -> JSONResponse:
    """Canonical entities (one per real entity, across spellings, scripts and languages), most widely reported first."""
    rows = hub_of(request).reader().entities(story=story, type=type, language=language, article=article, limit=limit)
    return JSONResponse(plain(rows))


@router.get("/places", response_class=JSONResponse, responses=_ok(list[PlaceSummary]))
def places(
    request: Request,
    story: StoryFilter = None,
    language: LanguageFilter = None,
    article: ArticleFilter = None,
    resolved: Annotated[bool, Query(description="Only places pinned to the gazetteer.")] = False,
    limit: FactsLimit = 50,
) -> JSONResponse:
    """Places with coordinates, country and kind; names that could not be resolved come last."""
    nw = hub_of(request).reader()
    rows = nw.places(story=story, language=language, article=article, resolved_only=resolved, limit=limit)
    return JSONResponse(plain(rows))


@router.get("/claims", response_class=JSONResponse, responses=_ok(list[SourcedClaim]))
def claims(
    request: Request,
    story: StoryFilter = None,
    language: LanguageFilter = None,
    article: ArticleFilter = None,
    limit: FactsLimit = 100,
) -> JSONResponse:
    """Numeric claims (how many of what, doing what), earliest article first."""
    rows = hub_of(request).reader().claims(story=story, language=language, article=article, limit=limit)
    return JSONResponse(plain(rows))


@router.get("/disagreements", response_class=JSONResponse, responses=_ok(list[Disagreement]))
def disagreements(request: Request, story: StoryFilter = None, article: ArticleFilter = None) -> JSONResponse:
    """Where linked reports' numbers differ (qualifier, conflict, update), with both claims and their sentences."""
    return JSONResponse(plain(hub_of(request).reader().disagreements(story, article=article)))


@router.get("/stories/{story_id}/timeline", response_class=JSONResponse, responses=_ok(list[TimelineEvent]))
def timeline(request: Request, story_id: Annotated[int, Path(ge=0, le=2**62)]) -> JSONResponse:
    """A story's dated statements in time order: when, the sentence that says so, and its article."""
    return JSONResponse(plain(hub_of(request).reader().timeline(story_id)))
