"""`/api/export/…`: a story, a search or the whole store as JSON Lines, CSV or Parquet, streamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from newsweave.api.auth import hub_of, require_read
from newsweave.api.paging import Filters, filters
from newsweave.api.state import Hub
from newsweave.core import Newsweave
from newsweave.export import MEDIA_TYPES, ExportFormat, ExportKind, article_row, relation_row, write
from newsweave.records import Article

router = APIRouter(prefix="/api/export", tags=["export"], dependencies=[Depends(require_read)])
StoryFilter = Annotated[int | None, Query(ge=0, le=2**62, description="Only this story.")]
_EXAMPLE = {"description": "The rows, streamed", "content": {t: {} for t in MEDIA_TYPES.values()}}


def _rows(nw: Newsweave, kind: ExportKind, story: int | None, where: Filters) -> Iterator[dict[str, Any]]:
    if kind is ExportKind.RELATIONS:
        links = nw.story_relations(story) if story is not None else nw.relations()
        yield from (relation_row(x) for x in links)
        return
    articles: Iterator[Article]
    if story is not None:
        articles = (nw.article(i) for i in nw.story(story).article_ids)
    else:
        articles = nw.find_articles(**where.as_kwargs())
    yield from (article_row(nw, a) for a in articles)


def _stream(hub: Hub, kind: ExportKind, fmt: ExportFormat, story: int | None, where: Filters) -> StreamingResponse:
    nw = hub.fresh()  # its own connection for the length of the stream, closed when it ends
    try:
        if story is not None:
            nw.story(story)  # NotFound before the first byte, as a JSON error
    except BaseException:
        nw.close()
        raise

    def chunks() -> Iterator[bytes]:
        try:
            yield from write(_rows(nw, kind, story, where), kind, fmt)
        finally:
            nw.close()

    name = f"newsweave-{kind.value}{'' if story is None else f'-story{story}'}.{fmt.value}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    return StreamingResponse(chunks(), media_type=MEDIA_TYPES[fmt], headers=headers)


@router.get("/articles", response_class=StreamingResponse, responses={200: _EXAMPLE})
def export_articles(
    request: Request,
    where: Annotated[Filters, Depends(filters)],
    story: StoryFilter = None,
    format: ExportFormat = ExportFormat.JSONL,
) -> StreamingResponse:
    """Articles in full (every field of `show --json`, plus story and sightings): one story, a filtered set or all."""
    return _stream(hub_of(request), ExportKind.ARTICLES, format, story, where)


@router.get("/relations", response_class=StreamingResponse, responses={200: _EXAMPLE})
def export_relations(
    request: Request, story: StoryFilter = None, format: ExportFormat = ExportFormat.JSONL
) -> StreamingResponse:
    """Relations with their evidence: one story's or all."""
    return _stream(hub_of(request), ExportKind.RELATIONS, format, story, Filters())
