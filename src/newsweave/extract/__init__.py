"""The extract stage: body, comments and metadata from raw items.

``default_extractors()`` lists the implementations in priority order, as data: to support a new
format or outlet, add (or subclass) an extractor here rather than branching inside one.
"""

from __future__ import annotations

from newsweave.extract.base import Extractor


def default_extractors() -> list[Extractor]:
    """The built-in extractors, most specific first."""
    from newsweave.extract.html import HtmlExtractor
    from newsweave.extract.record import RecordExtractor
    from newsweave.extract.textdump import TextCaptureExtractor

    return [RecordExtractor(), HtmlExtractor(), TextCaptureExtractor()]


__all__ = ["Extractor", "default_extractors"]
