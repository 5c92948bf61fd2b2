"""`/api/stories`: listing with filters, one story in full, related stories, merge, split, the audit trail."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request

from newsweave.api.articles import summary
from newsweave.api.auth import hub_of, require_read, require_token
from newsweave.api.models import MergeIn, RelatedStoryOut, SplitIn, StoryDetailOut, StoryOut, StoryPage
from newsweave.api.paging import Filters, Limit, Offset, filters, page
from newsweave.core import Newsweave
from newsweave.records import plain

router = APIRouter(prefix="/api/stories", tags=["stories"])
StoryId = Annotated[int, Path(ge=0, le=2**62, description="A story id.")]


def story_detail(nw: Newsweave, story_id: int) -> dict[str, Any]:
    """A story with its articles, relations and related stories (as `newsweave story --json`, plus related)."""
    story = nw.story(story_id)
    return story.as_dict() | {
        "articles": [summary(nw.article(i)) for i in story.article_ids],
        "relations": [x.as_dict() for x in nw.story_relations(story_id)],
        "related": related(nw, story_id),
        # What the articles say, as `newsweave story ID --json`.
        "entities": plain(nw.entities(story=story_id, limit=20)),
        "places": plain(nw.places(story=story_id, limit=20)),
        "timeline": plain(nw.timeline(story_id)),
        "disagreements": plain(nw.disagreements(story_id)),
    }


def related(nw: Newsweave, story_id: int, limit: int = 10) -> list[dict[str, Any]]:
    """Other stories joined to this one, each with its strongest link."""
    return [{"story": s.as_dict(), "link": x.as_dict()} for s, x in nw.related_stories(story_id, limit=limit)]


@router.get("", response_model=StoryPage, dependencies=[Depends(require_read)])
def list_stories(
    request: Request,
    where: Annotated[Filters, Depends(filters)],
    limit: Limit = 50,
    offset: Offset = 0,
    newest: Annotated[bool, Query(description="Latest first, instead of largest first.")] = False,
) -> dict[str, Any]:
    """Stories, largest and latest first, filtered by language, outlet, dates (overlap) and title words."""
    nw = hub_of(request).reader()
    items, next_offset = page(nw.find_stories(**where.as_kwargs(), newest=newest), limit, offset)
    return {"items": [s.as_dict() for s in items], "limit": limit, "offset": offset, "next_offset": next_offset}


@router.get("/edits", response_model=list[dict[str, Any]], dependencies=[Depends(require_read)])
def edits(request: Request) -> list[dict[str, Any]]:
    """The audit trail of merges and splits, oldest first."""
    return hub_of(request).reader().story_edits()


@router.get("/{story_id}", response_model=StoryDetailOut, dependencies=[Depends(require_read)])
def get_story(request: Request, story_id: StoryId) -> dict[str, Any]:
    """One story: its articles earliest first, its provenance, its relations with evidence, related stories."""
    return story_detail(hub_of(request).reader(), story_id)


@router.get("/{story_id}/related", response_model=list[RelatedStoryOut], dependencies=[Depends(require_read)])
def get_related(
    request: Request, story_id: StoryId, limit: Annotated[int, Query(ge=1, le=100)] = 10
) -> list[dict[str, Any]]:
    """Other stories joined to this one by a relation, strongest first."""
    nw = hub_of(request).reader()
    nw.story(story_id)
    return related(nw, story_id, limit)


@router.post("/merge", response_model=StoryOut, dependencies=[Depends(require_token)])
def merge(request: Request, body: MergeIn) -> dict[str, Any]:
    """Merge story ``absorb`` into ``keep``; recorded in the audit trail and kept by later linking."""
    with hub_of(request).models() as nw:
        return nw.merge_stories(body.keep, body.absorb).as_dict()


@router.post("/{story_id}/split", response_model=StoryOut, dependencies=[Depends(require_token)])
def split(request: Request, story_id: StoryId, body: SplitIn) -> dict[str, Any]:
    """Move articles out of a story into a new one (returned); they never rejoin it by themselves."""
    with hub_of(request).models() as nw:
        return nw.split_story(story_id, body.articles).as_dict()
