"""HTML page files."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsweave.ingest.sniff import looks_like_html
from newsweave.records import MediaType, Provenance, RawItem, Rejection


class HtmlReader:
    """One HTML page per file (a saved page, a crawler's output)."""

    name = "html"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim inputs that start like an HTML document."""
        return looks_like_html(head)

    def read(self, stream: BinaryIO, path: str, *, max_item_bytes: int = 0) -> Iterator[RawItem | Rejection]:
        """Yield the page as one HTML item (the caller has bounded its size)."""
        yield RawItem(stream.read(), MediaType.HTML, Provenance(path))
