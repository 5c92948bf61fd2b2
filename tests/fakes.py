"""Small deterministic stand-ins for stages, so store and pipeline tests do not depend on extractors."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np

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


class WordsEmbedder:
    """A bag of fixed random word vectors: rewrites of a sentence land close, at arbitrary decimals.

    It records every (language, text) it embeds in ``seen``.
    """

    def __init__(self, name: str = "words", dim: int = 64, languages: frozenset[str] | None = None) -> None:
        self.name, self.dim, self.languages = name, dim, languages
        self.seen: list[tuple[str | None, str]] = []

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        self.seen.extend((language, t) for t in texts)
        rows = []
        for text in texts:
            v = np.zeros(self.dim)
            for word in text.lower().split():
                seed = int(hashlib.sha256(word.strip(".,").encode()).hexdigest()[:8], 16)
                v += np.random.default_rng(seed).normal(size=self.dim)
            rows.append(v / (np.linalg.norm(v) or 1.0))
        return np.array(rows, dtype=np.float32).reshape(len(texts), self.dim)
