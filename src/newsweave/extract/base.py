"""The Extractor interface: turns one raw item into an article."""

from __future__ import annotations

from typing import Protocol

from newsweave.records import Article, RawItem


class Extractor(Protocol):
    """Extracts title, metadata, body, notes and comments from one kind of raw item.

    Raises ``InputError`` for an item it accepts but cannot use (no article text, undecodable).
    """

    name: str

    def accepts(self, item: RawItem) -> bool:
        """Return True when this extractor handles ``item``."""
        ...

    def extract(self, item: RawItem) -> Article:
        """Return the article read from ``item``."""
        ...
