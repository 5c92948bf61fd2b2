"""Records that arrive already split into fields: JSON Lines objects and feed entries."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime

from newsweave.errors import InputError
from newsweave.extract.dates import parse_date
from newsweave.extract.html import HtmlExtractor
from newsweave.records import (
    Article,
    DatePrecision,
    DateSource,
    MediaType,
    PublicationDate,
    RawItem,
)

log = logging.getLogger(__name__)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")


class RecordExtractor:
    """Maps a record's fields to an article; an HTML body goes through the HTML extractor.

    Example:
        >>> from newsweave.records import Provenance
        >>> item = RawItem(b"First paragraph.\\n\\nSecond.", MediaType.RECORD, Provenance("a.jsonl", "line 1"),
        ...                {"title": "T", "date": "2017-11-24", "body_format": "text"})
        >>> a = RecordExtractor().extract(item)
        >>> a.title, a.body, a.published.describe()
        ('T', ('First paragraph.', 'Second.'), '2017-11-24 (from meta)')
    """

    name = "record"

    def __init__(self) -> None:
        self._html = HtmlExtractor()

    def accepts(self, item: RawItem) -> bool:
        """Records from JSON Lines files and feeds."""
        return item.media_type is MediaType.RECORD

    def extract(self, item: RawItem) -> Article:
        """Read the record's fields; its body as text, or as HTML when marked so."""
        fields = item.fields
        if fields.get("body_format") == "html":
            page = replace(item, media_type=MediaType.HTML)
            article = replace(self._html.extract(page), extractor=self.name)
        else:
            text = item.data.decode("utf-8", errors="replace")
            paragraphs = tuple(p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip())
            if not paragraphs:
                raise InputError("empty article body", item=str(item.provenance))
            article = Article(id=item.id, title=None, body=paragraphs, provenance=item.provenance, extractor=self.name)
        return replace(
            article,
            title=fields.get("title") or article.title,
            url=fields.get("url") or article.url,
            outlet=fields.get("outlet") or article.outlet,
            author=fields.get("author") or article.author,
            language=(fields.get("language") or "").split("-")[0].lower() or article.language,
            published=_published(fields.get("date"), str(item.provenance)) or article.published,
        )


def _published(raw: str | None, item: str = "") -> PublicationDate | None:
    """The record's date field as a publication date; None when it names no date of its own.

    A date must carry its year: "today", "2 hours ago" or "Nov 24" would be read against the
    time of ingest, which would invent a date and make a re-run store another one.
    """
    if not raw:
        return None
    try:
        value: datetime | None = datetime.fromisoformat(raw.replace("Z", "+00:00"))
    except ValueError:
        value = parse_date(raw)
        if value is not None and str(value.year) not in raw and f"{value.year % 100:02d}" not in raw:
            log.warning("%s: date %r has no year of its own; stored without a date", item, raw[:80])
            return None
    if value is None:
        if item:
            log.warning("%s: date %r is not a date newsweave can read; stored without a date", item, raw[:80])
        return None
    precision = DatePrecision.MINUTE if _HAS_TIME.search(raw) else DatePrecision.DAY
    return PublicationDate(value.replace(tzinfo=None), precision, DateSource.META)
