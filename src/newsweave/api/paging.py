"""Query parameters shared by listings: paging and filters."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import Annotated, Any, TypeVar

from fastapi import Query

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items first.")]


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters of article and story listings; every one given must match."""

    language: str | None = None
    outlet: str | None = None
    since: date | None = None
    until: date | None = None
    text: str | None = None

    def as_kwargs(self) -> dict[str, Any]:
        """Keyword arguments of ``Newsweave.find_stories`` / ``find_articles``."""
        return {"language": self.language, "outlet": self.outlet, "since": self.since, "until": self.until,
                "text": self.text}  # fmt: skip


def filters(
    language: Annotated[str | None, Query(max_length=16, description="ISO 639-1 code, e.g. `fr`.")] = None,
    outlet: Annotated[str | None, Query(max_length=300, description="Outlet name, case ignored.")] = None,
    since: Annotated[date | None, Query(description="Published on or after this day.")] = None,
    until: Annotated[date | None, Query(description="Published on or before this day.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Every word in a title (stories) or the text.")] = None,
) -> Filters:
    """The filters of a listing request."""
    return Filters(language or None, outlet or None, since, until, q or None)


def page(items: Iterable[T], limit: int, offset: int) -> tuple[list[T], int | None]:
    """One page of a stably ordered iterable, and the next page's offset (None on the last page)."""
    taken = list(islice(items, offset, offset + limit + 1))
    return taken[:limit], (offset + limit if len(taken) > limit else None)
