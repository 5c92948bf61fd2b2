"""RSS and Atom feed files: one item per entry that carries content or a summary."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsweave.ingest.jsonl import record_item
from newsweave.ingest.streams import read_at_most
from newsweave.records import Provenance, RawItem, Rejection

_FEED_ROOT = re.compile(rb"<(rss|feed|rdf:RDF)\b", re.I)


class FeedReader:
    """RSS 0.9x/1.0/2.0 and Atom feeds, parsed by feedparser."""

    name = "feed"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim XML whose root element is a feed."""
        return bool(_FEED_ROOT.search(head[:2048]))

    def read(self, stream: BinaryIO, path: str, *, max_item_bytes: int) -> Iterator[RawItem | Rejection]:
        """Yield one RECORD item per entry; a feed is parsed whole, so it must fit the item limit."""
        import feedparser

        data = read_at_most(stream, max_item_bytes, "the feed")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # feedparser warns on deprecated aliases it still reads
            parsed = feedparser.parse(data)
        outlet = parsed.feed.get("title")
        if parsed.bozo and not parsed.entries:
            yield Rejection(path, f"malformed feed ({parsed.get('bozo_exception')})", Provenance(path))
            return
        if not parsed.entries:
            yield Rejection(path, "the feed has no items", Provenance(path))
            return
        for index, entry in enumerate(parsed.entries, start=1):
            yield record_item(_as_article(entry, outlet), Provenance(path, f"entry {index}"))


def _as_article(entry: Any, outlet: str | None) -> dict[str, Any]:
    content = entry.get("content") or []
    body = content[0].get("value") if content else entry.get("summary")
    return {
        "html": body,
        "title": entry.get("title"),
        "url": entry.get("link"),
        "date": entry.get("published") or entry.get("updated"),
        "author": entry.get("author"),
        "outlet": outlet,
        "language": (content[0].get("language") if content else None),
    }
