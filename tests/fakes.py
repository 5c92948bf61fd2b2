"""Small deterministic stand-ins for stages, so store and pipeline tests do not depend on extractors."""

from __future__ import annotations

from newsweave.errors import InputError
from newsweave.records import Article, Comment, MediaType, Provenance, RawItem


def text_item(text: str, path: str = "mem.txt", locator: str | None = None) -> RawItem:
    """A plain-text item holding ``text``."""
    return RawItem(text.encode("utf-8"), MediaType.TEXT, Provenance(path, locator))


class LineExtractor:
    """First line is the title, the rest the body; "BAD" anywhere raises InputError, "BOOM" crashes."""

    name = "lines"

    def accepts(self, item: RawItem) -> bool:
        return item.media_type is MediaType.TEXT

    def extract(self, item: RawItem) -> Article:
        text = item.data.decode("utf-8")
        if "BOOM" in text:
            raise RuntimeError("extractor crashed")
        if "BAD" in text:
            raise InputError("no article text found", item=str(item.provenance))
        title, _, body = text.partition("\n")
        return Article(
            id=item.id,
            title=title,
            body=tuple(p for p in body.split("\n") if p),
            provenance=item.provenance,
            extractor=self.name,
            language="en",
            comments=(Comment("first!", author="a"), Comment("reply", author="b", reply_to=0)),
        )
