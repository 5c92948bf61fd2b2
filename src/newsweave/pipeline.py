"""Runs the stages over a stream of items, one item's failure never stopping the batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import islice
from typing import Literal

from newsweave.analyze.facts import FactAnalyzer
from newsweave.analyze.language import LanguageDetector
from newsweave.errors import InputError, NewsweaveError, StoreBusy
from newsweave.extract.base import Extractor
from newsweave.extract.units import has_word_units, word_units
from newsweave.records import Article, IngestReport, ItemResult, Outcome, RawItem, Rejection
from newsweave.store.base import Store

log = logging.getLogger(__name__)

# A news article has words: fewer than this in its body is junk (a stray byte, "x", "[null]").
MIN_WORDS = 5

ErrorPolicy = Literal["record", "raise"]
# How many times a batch that lost a race with another writer is run again before giving up.
_BUSY_ATTEMPTS = 5


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
            for result, rejection in self._batch(batch):
                report.add(result, rejection)
                if on_result:
                    on_result(result)
        return report

    def _batch(self, batch: list[RawItem | Rejection]) -> list[tuple[ItemResult, Rejection | None]]:
        """One batch in one transaction; run again when it lost a race with another writer.

        On a shared PostgreSQL store two ingests can each wait for a row the other inserted
        (a deadlock): the server rolls one batch back whole (``StoreBusy``), and it is done again,
        reading what the other stored as duplicates. Results are reported once, after the commit.
        """
        for attempt in range(1, _BUSY_ATTEMPTS + 1):
            try:
                with self.store.transaction():
                    return [self._one(entry) for entry in batch]
            except StoreBusy:
                if attempt == _BUSY_ATTEMPTS:
                    raise
                log.info("a batch lost a race with another writer; running it again (attempt %d)", attempt + 1)
        raise AssertionError("unreachable")

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
        if not self.store.add_article(article):  # another process stored it since has_article
            self.store.add_sighting(article.id, entry.provenance)
            return ItemResult(Outcome.DUPLICATE, name, article_id=article.id), None
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
    body = "\n".join(article.body)
    if not has_word_units(body, MIN_WORDS):
        words = word_units(body)
        raise InputError(
            f"no article: its body has {words:g} word{'' if words == 1 else 's'}"
            f" (a news article has at least {MIN_WORDS})",
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
