"""Runs the stages over a stream of items, one item's failure never stopping the batch."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import islice
from typing import Literal

from newsweave.analyze.facts import FactAnalyzer
from newsweave.analyze.language import LanguageDetector
from newsweave.errors import InputError, NewsweaveError
from newsweave.extract.base import Extractor
from newsweave.records import Article, IngestReport, ItemResult, Outcome, RawItem, Rejection
from newsweave.store.base import Store

log = logging.getLogger(__name__)

# A news article has words: fewer than this in its body is junk (a stray byte, "x", "[null]").
MIN_WORDS = 5
# Scripts written without spaces count by characters: a word of Chinese or Japanese is about two
# characters, of Thai, Lao, Khmer, Myanmar or Tibetan about three.
_DENSE_SCRIPTS = (
    (0x3040, 0x30FF, 0.5),  # Hiragana, Katakana
    (0x31F0, 0x31FF, 0.5),  # Katakana extensions
    (0x3400, 0x9FFF, 0.5),  # CJK ideographs and extension A
    (0xF900, 0xFAFF, 0.5),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F, 0.5),  # half-width Katakana
    (0x20000, 0x3134F, 0.5),  # CJK extensions B-G
    (0x0E00, 0x0EFF, 1 / 3),  # Thai, Lao
    (0x0F00, 0x0FFF, 1 / 3),  # Tibetan
    (0x1000, 0x109F, 1 / 3),  # Myanmar
    (0x1780, 0x17FF, 1 / 3),  # Khmer
)
_LETTERS = re.compile(r"[^\W\d_]+")

ErrorPolicy = Literal["record", "raise"]


class Pipeline:
    """ingest → extract → analyze → store, item by item.

    Args:
        extractors: tried in order; the first that accepts an item extracts it.
        store: where articles and rejections go.
        language: the language detector used when an extractor did not set a language.
        batch_size: items per store transaction; a killed run loses at most one batch, and a
            re-run skips what is stored by content hash.
        errors: "record" stores a rejection and goes on (batches); "raise" re-raises (tests).
        facts: reads each stored article's names, places, dates and claims; None skips them
            (``newsweave analyze`` reads them later).
    """

    def __init__(
        self,
        extractors: Sequence[Extractor],
        store: Store,
        *,
        language: LanguageDetector | None = None,
        batch_size: int = 200,
        errors: ErrorPolicy = "record",
        facts: FactAnalyzer | None = None,
    ) -> None:
        if not extractors:
            raise ValueError("a pipeline needs at least one extractor")
        self.extractors = list(extractors)
        self.store = store
        self.language = language or LanguageDetector()
        self.batch_size = batch_size
        self.errors = errors
        self.facts = facts

    def run(
        self,
        entries: Iterable[RawItem | Rejection],
        on_result: Callable[[ItemResult], None] | None = None,
    ) -> IngestReport:
        """Process every entry and return the run's counts."""
        report = IngestReport()
        stream = iter(entries)
        while batch := list(islice(stream, self.batch_size)):
            with self.store.transaction():
                for entry in batch:
                    result, rejection = self._one(entry)
                    report.add(result, rejection)
                    if on_result:
                        on_result(result)
        return report

    def understand(self, item: RawItem) -> Article:
        """Extract and analyze one item, without storing it."""
        return understand(item, self.extractors, self.language)

    def _one(self, entry: RawItem | Rejection) -> tuple[ItemResult, Rejection | None]:
        if isinstance(entry, Rejection):
            self.store.add_rejection(entry)
            return ItemResult(Outcome.REJECTED, entry.item, reason=entry.reason), entry
        name = str(entry.provenance)
        if self.store.has_article(entry.id):
            self.store.add_sighting(entry.id, entry.provenance)
            return ItemResult(Outcome.DUPLICATE, name, article_id=entry.id), None
        try:
            article = self.understand(entry)
        except Exception as e:
            if self.errors == "raise":
                raise
            rejection = rejection_for(entry, e)
            reason = rejection.reason
            self.store.add_rejection(rejection)
            return ItemResult(Outcome.REJECTED, name, reason=reason), rejection
        self.store.add_article(article)
        if self.facts is not None:
            store_facts(self.store, self.facts, article, errors=self.errors)
        return ItemResult(Outcome.STORED, name, article_id=article.id), None


def understand(item: RawItem, extractors: Sequence[Extractor], language: LanguageDetector) -> Article:
    """Extract one item with the first extractor that accepts it, check it is an article, set its language.

    Raises:
        InputError: no extractor accepts it, or what it holds is too short to be an article.
    """
    extractor = next((e for e in extractors if e.accepts(item)), None)
    if extractor is None:
        raise InputError(f"no extractor accepts {item.media_type.value} items", item=str(item.provenance))
    article = extractor.extract(item)
    words = count_words("\n".join(article.body))
    if words < MIN_WORDS:
        raise InputError(
            f"no article: its body has {words:g} words (a news article has at least {MIN_WORDS})",
            item=str(item.provenance),
        )
    if article.language is None:
        code, score = language.detect(f"{article.title or ''}\n{article.text}")
        article = replace(article, language=code, language_score=score)
    return article


def rejection_for(item: RawItem, error: Exception) -> Rejection:
    """The rejection recorded for an item whose extraction raised ``error`` (a bug is logged with its traceback)."""
    name = str(item.provenance)
    reason = error.message if isinstance(error, NewsweaveError) else f"internal error: {type(error).__name__}: {error}"
    if not isinstance(error, NewsweaveError):
        log.error("extracting %s failed", name, exc_info=error)
    return Rejection(name, reason, item.provenance, item.id)


def store_facts(store: Store, analyzer: FactAnalyzer, article: Article, *, errors: ErrorPolicy = "record") -> bool:
    """Read an article's facts and store them; a failure leaves the article stored without facts.

    The article is what the user asked to keep, so a reader's failure never loses it: it is
    logged, and ``newsweave analyze`` tries that article again.
    """
    try:
        read = analyzer.read(article)
    except Exception as e:
        if errors == "raise":
            raise
        log.warning("%s: reading its facts failed (%s: %s); `newsweave analyze` retries it",
                    article.provenance, type(e).__name__, e)  # fmt: skip
        log.debug("the facts reader's traceback", exc_info=True)
        return False
    store.put_facts(read.facts, analyzer.version, entities=read.entities, sentences=read.time_sentences)
    return True


def count_words(text: str) -> float:
    """How many words ``text`` holds, in any script: runs of two or more letters where words are
    spaced, characters weighted by typical word length where they are not (CJK, Thai).

    Example:
        >>> count_words("The mayor resigned."), count_words("市長が辞任した"), count_words("!!! 123 x")
        (3.0, 3.5, 0.0)
    """
    words = 0.0
    for run in _LETTERS.findall(text):
        dense = sum(_dense_weight(ch) for ch in run)
        spaced = sum(1 for ch in run if not _dense_weight(ch))
        words += dense + (spaced >= 2)
    return words


def _dense_weight(ch: str) -> float:
    code = ord(ch)
    if code < 0x0E00:
        return 0.0
    return next((weight for low, high, weight in _DENSE_SCRIPTS if low <= code <= high), 0.0)
