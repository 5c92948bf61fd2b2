"""`/api/articles`: listing, one article, its relations, similar articles; `/api/why`."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from newsweave.api.auth import hub_of, require_read
from newsweave.api.models import ArticleOut, ArticlePage, HitOut, LinkOut, LinkPage, WhyOut
from newsweave.api.paging import Filters, Limit, Offset, filters, page
from newsweave.core import Newsweave
from newsweave.records import Article, plain

router = APIRouter(prefix="/api", tags=["articles"], dependencies=[Depends(require_read)])
ArticleId = Annotated[str, Path(max_length=64, description="An article id or a unique prefix of one.")]


def summary(article: Article) -> dict[str, Any]:
    """An article as listings show it (as `newsweave articles --json`)."""
    return article.as_dict() | {"body": None, "comments": len(article.comments)}


def full(nw: Newsweave, article: Article) -> dict[str, Any]:
    """An article in full (as `newsweave show --json`: sightings and facts), with its story."""
    data = article.as_dict()
    data["sightings"] = [{"path": p.path, "locator": p.locator, "url": p.url} for p in nw.sightings(article.id)]
    data["story"] = nw.story_of(article.id)
    data["facts"] = plain(nw.facts(article.id))
    return data


def hit(nw: Newsweave, article: Article, score: float) -> dict[str, Any]:
    """A search or similarity hit."""
    return {"id": article.id, "title": article.title, "language": article.language, "outlet": article.outlet,
            "story": nw.story_of(article.id), "score": score}  # fmt: skip


@router.get("/articles", response_model=ArticlePage)
def list_articles(
    request: Request, where: Annotated[Filters, Depends(filters)], limit: Limit = 50, offset: Offset = 0
) -> dict[str, Any]:
    """Stored articles in ingest order, filtered by language, outlet, dates and words."""
    nw = hub_of(request).reader()
    items, next_offset = page(nw.find_articles(**where.as_kwargs()), limit, offset)
    return {"items": [summary(a) for a in items], "limit": limit, "offset": offset, "next_offset": next_offset}


@router.get("/articles/{article_id}", response_model=ArticleOut)
def get_article(request: Request, article_id: ArticleId) -> dict[str, Any]:
    """One article: metadata, body, notes, comments, every sighting and its story."""
    nw = hub_of(request).reader()
    return full(nw, nw.article(article_id))


@router.get("/articles/{article_id}/relations", response_model=list[LinkOut])
def article_relations(request: Request, article_id: ArticleId) -> list[dict[str, Any]]:
    """The article's stored relations with their evidence."""
    return [x.as_dict() for x in hub_of(request).reader().relations(article_id)]


@router.get("/articles/{article_id}/similar", response_model=list[HitOut])
def similar(
    request: Request, article_id: ArticleId, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> list[dict[str, Any]]:
    """Linked articles nearest in meaning, in any language; ``score`` is the cosine."""
    with hub_of(request).models() as nw:
        return [hit(nw, a, s) for a, s in nw.similar(article_id, limit=limit)]


@router.get("/relations", response_model=LinkPage)
def list_relations(request: Request, limit: Limit = 50, offset: Offset = 0) -> dict[str, Any]:
    """Every stored relation, in the order stored."""
    items, next_offset = page(hub_of(request).reader().relations(), limit, offset)
    return {"items": [x.as_dict() for x in items], "limit": limit, "offset": offset, "next_offset": next_offset}


@router.get("/why", response_model=WhyOut)
def why(
    request: Request,
    a: Annotated[str, Query(max_length=64, description="An article id or prefix.")],
    b: Annotated[str, Query(max_length=64, description="Another one.")],
) -> dict[str, Any]:
    """Why two articles are (or are not) linked, in plain words (as `newsweave why A B`)."""
    with hub_of(request).models() as nw:
        return {"a": a, "b": b, "explanation": nw.why(a, b)}
