"""HTML pages: main text, comments and metadata with trafilatura."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import lxml.etree
import trafilatura

from newsweave.decode import decode
from newsweave.errors import InputError
from newsweave.extract.html_comments import parse_comments
from newsweave.records import (
    Article,
    Comment,
    DatePrecision,
    DateSource,
    MediaType,
    PublicationDate,
    RawItem,
)

# Fewer words than this is a navigation page, a stub or an error page, not an article.
_MIN_WORDS = 10
_TITLE_SEPARATORS = (" | ", " - ", " — ", " – ", " :: ", " » ")


class HtmlExtractor:
    """Extracts an article from an HTML page with trafilatura (main text, comments, metadata).

    The page is decoded by newsweave (declared charset, then detection) and handed to
    trafilatura as text: its own loader cleans the tree in ways that matter (a tree parsed here
    lost 0.6 points of recall on the extraction benchmark). ``favor_precision`` drops more
    boilerplate at little cost in recall: F1 0.964 against 0.960 for the defaults, measured by
    ``newsweave eval extraction``.
    """

    name = "html"

    def accepts(self, item: RawItem) -> bool:
        """HTML items."""
        return item.media_type is MediaType.HTML

    def extract(self, item: RawItem) -> Article:
        """Read title, outlet, date, author, body and comments from an HTML page."""
        name = str(item.provenance)
        text = decode(item.data, item=name, declared=item.encoding)
        url = item.fields.get("url") or item.provenance.url
        try:
            result = trafilatura.bare_extraction(
                text, url=url, include_comments=True, with_metadata=True, favor_precision=True
            )
        except (ValueError, TypeError, lxml.etree.LxmlError) as e:
            raise InputError(f"unparsable HTML ({type(e).__name__}: {e})", item=name) from e
        doc: dict[str, Any] = result if isinstance(result, dict) else (result.as_dict() if result else {})
        outlet = _clean(doc.get("sitename")) or item.fields.get("outlet")
        title = item.fields.get("title") or _strip_outlet(_clean(doc.get("title")), outlet)
        body = _paragraphs(doc.get("text") or "")
        if body and title and body[0].casefold() == title.casefold():
            body = body[1:]  # the headline repeated as the first block
        if sum(len(p.split()) for p in body) < _MIN_WORDS:
            raise InputError("no article text found", item=name)
        comments = parse_comments(text)
        return Article(
            id=item.id,
            title=title,
            body=tuple(body),
            provenance=item.provenance,
            extractor=self.name,
            outlet=outlet,
            url=url or _clean(doc.get("url")),
            published=_published(doc, item),
            author=item.fields.get("author") or _clean(doc.get("author")),
            language=item.fields.get("language"),
            comments=tuple(comments),
        )


def _clean(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if value else None


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n") if p.strip()]


def _strip_outlet(title: str | None, outlet: str | None) -> str | None:
    """Drop a " | Outlet" style suffix (or prefix) that repeats the site name."""
    if not title or not outlet:
        return title
    key = outlet.casefold()
    for sep in _TITLE_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head and tail.casefold().strip() == key:
            return head.strip()
        head, found, tail = title.partition(sep)
        if found and tail and head.casefold().strip() == key:
            return tail.strip()
    return title


_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _published(doc: dict[str, Any], item: RawItem) -> PublicationDate | None:
    raw = item.fields.get("date") or doc.get("date")
    if not raw:
        return None
    try:
        value = datetime.fromisoformat(str(raw).replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        from newsweave.extract.dates import parse_date

        parsed = parse_date(str(raw))
        if parsed is None:
            return None
        value = parsed
    precision = DatePrecision.DAY if _DATE_ONLY.match(str(raw)) else DatePrecision.MINUTE
    return PublicationDate(value, precision, DateSource.META)
