"""Plain-text captures: a page saved as text, like the seeds."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from newsweave.ingest.sniff import binary_kind
from newsweave.records import MediaType, Provenance, RawItem, Rejection


class TextReader:
    """The last resort: any textual input no other reader claims is one text capture."""

    name = "text"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim any input that is not binary."""
        return binary_kind(head) is None

    def read(self, stream: BinaryIO, path: str, *, max_item_bytes: int = 0) -> Iterator[RawItem | Rejection]:
        """Yield the whole input as one TEXT item (the caller has bounded its size)."""
        yield RawItem(stream.read(), MediaType.TEXT, Provenance(path))
