"""`/api/search`: by meaning in any language (with a full-text bonus), or by words only."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from newsweave.api.articles import hit
from newsweave.api.auth import hub_of, require_read
from newsweave.api.models import HitOut

router = APIRouter(prefix="/api", tags=["search"], dependencies=[Depends(require_read)])


class SearchMode(StrEnum):
    """How to search."""

    MEANING = "meaning"  # cross-lingual: an English query finds the French report
    WORDS = "words"  # full text only (BM25), every stored article, linked or not


@router.get("/search", response_model=list[HitOut])
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=1000, description="Words, in any language.")],
    mode: SearchMode = SearchMode.MEANING,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> list[dict[str, Any]]:
    """Search articles, best first (ties broken by id, so the order is stable)."""
    hub = hub_of(request)
    if mode is SearchMode.WORDS:
        nw = hub.reader()
        hits = nw.search_words(q, limit=limit)
        return sorted((hit(nw, a, s) for a, s in hits), key=lambda h: (-h["score"], h["id"]))
    found = hub.search(q, limit)
    rows = [{"id": a.id, "title": a.title, "language": a.language, "outlet": a.outlet, "story": story, "score": s}
            for a, s, story in found]  # fmt: skip
    return sorted(rows, key=lambda h: (-h["score"], h["id"]))
