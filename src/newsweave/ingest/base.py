"""The Reader interface: turns one input stream into raw items."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO, Protocol

from newsweave.records import RawItem, Rejection


class Reader(Protocol):
    """Reads one container format (a page, a WARC file, a JSONL file, a feed) into raw items.

    ``sniff`` looks at the first bytes (already gunzipped unless the format is gzip-aware) and
    says whether this reader handles the input; detection is by content, the path only breaks ties.
    ``read`` yields one ``RawItem`` per article, or a ``Rejection`` for a record it cannot use,
    and goes on after a bad record; a fatal problem with the container (truncated archive)
    is yielded as a last ``Rejection`` naming how far it got, or raised as an ``InputError``.
    It holds at most ``max_item_bytes`` of any one record in memory, rejecting larger ones, and
    yields a rejection rather than nothing for a container that holds no article.
    """

    name: str

    def sniff(self, head: bytes, path: str) -> bool:
        """Return True when this reader handles an input starting with ``head``."""
        ...

    def read(self, stream: BinaryIO, path: str, *, max_item_bytes: int) -> Iterator[RawItem | Rejection]:
        """Yield the items (or rejections) in ``stream``, read from ``path``."""
        ...
