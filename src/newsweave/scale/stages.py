"""The work a bulk run does on its workers: read a shard, then understand its items in batches.

Nothing here imports Ray: these are plain functions and a callable class over rows (dicts of
columns), which Ray Data runs as tasks (``read_shard``) and as a pool of actors (``Understander``,
its models loaded once per actor). The driver (``ray_engine``) alone writes to the store.

A row is ``{"kind", "id", "blob", timings…}``: ``blob`` is the pickled record (a ``RawItem``,
``Rejection`` or ``Understood``), so any record newsweave has crosses the wire unchanged.
"""

from __future__ import annotations

import logging
import pickle
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from newsweave.analyze.facts import ReadFacts
from newsweave.analyze.places.outlets import StoredPin
from newsweave.records import Article, RawItem, Rejection

log = logging.getLogger(__name__)

# Row kinds. Read tasks emit ITEM, REJECTION (an input, or part of one, that could not be read)
# and KNOWN (an item whose content hash the store already has: a re-run passes it on unread).
# Understanding turns ITEM into ARTICLE or REJECTED.
ITEM, REJECTION, KNOWN, ARTICLE, REJECTED = "item", "rejection", "known", "article", "rejected"
# Per-row seconds spent in each stage on the workers, summed by the driver ("where the time goes").
TIMINGS = ("t_read", "t_extract", "t_facts", "t_embed")


@dataclass(frozen=True, slots=True)
class Understood:
    """What the workers made of one item: the article, its facts and its linking vectors."""

    article: Article
    facts: ReadFacts | None  # None: facts off, or their reading failed (``newsweave analyze`` retries)
    document: np.ndarray
    title: np.ndarray
    model: str  # the embedder's name, as the linker checks it
    lead: np.ndarray | None = None  # the pair scorer's second view of the lead (None: not read here)
    lead_model: str | None = None  # the second view's embedder's name, as the linker checks it
    signature: np.ndarray | None = None  # the text's MinHash signature (``link.duplicates.signature``)


def known_ids(ids: Any) -> np.ndarray:
    """Content hashes (hex) as a sorted array of 32-byte digests: 32 bytes an item, shared read-only by workers.

    Example:
        >>> known = known_ids(["ff" * 32, "00" * 32])
        >>> is_known(known, "ff" * 32), is_known(known, "ab" * 32)
        (True, False)
    """
    digests = np.array([bytes.fromhex(i) for i in ids], dtype="S32")
    digests.sort()
    return digests


def is_known(known: np.ndarray, item_id: str) -> bool:
    """True when ``item_id`` is in an array made by ``known_ids``."""
    key = np.array(bytes.fromhex(item_id), dtype="S32")
    at = int(np.searchsorted(known, key))
    return at < len(known) and bool(known[at] == key)


def read_shard(
    row: dict[str, Any], *, known: np.ndarray, max_page_bytes: int, max_gzip_ratio: int
) -> Iterator[dict[str, Any]]:
    """Read one input file into rows, in file order; items whose hash is ``known`` are not shipped."""
    from newsweave.ingest import read_inputs

    entries = read_inputs([row["path"]], max_page_bytes=max_page_bytes, max_gzip_ratio=max_gzip_ratio)
    yield from entry_rows(entries, known)


def entry_rows(entries: Iterable[RawItem | Rejection], known: np.ndarray) -> Iterator[dict[str, Any]]:
    """Read entries as rows, in order, each with the time its reading took; of an item whose hash
    is ``known``, or that came earlier in this run, only where it was seen travels on (the writer
    records the sighting, nothing is extracted). A repeat understood again on a worker made a
    gzip bomb of copies of one line take minutes (docs/ingest.md)."""
    started = time.perf_counter()
    recent: dict[str, None] = {}  # this run's last ``_RECENT_IDS`` item ids, oldest first
    for entry in entries:
        now = time.perf_counter()
        spent, started = now - started, now
        if isinstance(entry, Rejection):
            yield as_row(REJECTION, entry.item_id or "", entry, t_read=spent)
        elif entry.id in recent or is_known(known, entry.id):
            yield as_row(KNOWN, entry.id, entry.provenance, t_read=spent)
        else:
            recent[entry.id] = None
            if len(recent) > _RECENT_IDS:  # bounded: a stream may not end
                del recent[next(iter(recent))]
            yield as_row(ITEM, entry.id, shippable(entry), t_read=spent)


_RECENT_IDS = 1 << 16  # about 8 MB of ids


def shippable(item: RawItem) -> RawItem:
    """The item as it can cross to another process: a reader's read-only mapping of fields does
    not pickle, a plain dict does (the id hashes the same)."""
    return replace(item, fields=dict(item.fields))


def as_row(kind: str, item_id: str, record: object, **timings: float) -> dict[str, Any]:
    row: dict[str, Any] = {"kind": kind, "id": item_id, "blob": pickle.dumps(record, protocol=5)}
    for name in TIMINGS:
        row[name] = timings.get(name, 0.0)
    return row


class Understander:
    """Extract, detect the language, read the facts and embed for linking: one item at a time.

    Built once per worker (Ray Data's actor pool, or ``scale.pool``'s processes), so every model
    loads once per worker. Each item goes through exactly the calls a single-process run makes
    (``pipeline.understand``, the facts reader, ``Linker.prepare``, ``Linker.read_lead``), so the
    vectors are the same bits and linking decides the same. With ``leads`` the lead is read for the
    pair scorer's second view too, which linking would otherwise do on first need in its one process;
    with ``free_leads_only`` only where the document's embedding already read it (the lead route's
    languages: ``Linker.lead_comes_free``). The facts reader learns outlet homes
    (``places.outlets``) from ``outlet_pins`` and then from the articles this worker reads.
    """

    def __init__(
        self,
        facts: bool = True,
        aliases_path: str | None = None,
        other_languages: str | None = None,
        *,
        leads: bool = False,
        free_leads_only: bool = False,
        outlet_pins: Sequence[StoredPin] = (),
    ) -> None:
        from pathlib import Path

        from newsweave.analyze.embedding import routed_embedder
        from newsweave.analyze.facts import FactAnalyzer
        from newsweave.analyze.language import LanguageDetector
        from newsweave.config import DEFAULT_ROUTE
        from newsweave.extract import default_extractors
        from newsweave.link.linker import Linker
        from newsweave.link.pair_scorer import PairScorer

        self.extractors = default_extractors()
        self.language = LanguageDetector()
        self.analyzer = FactAnalyzer(aliases_path=Path(aliases_path) if aliases_path else None) if facts else None
        if self.analyzer is not None:  # each worker learns outlet homes from the articles it reads, after these
            self.analyzer.remember_outlets(outlet_pins)
        # The linker the store's own would be (``Newsweave._linker``): it also relates articles
        # for a pooled link (``scale.pool``).
        scorer = PairScorer.load() if leads else PairScorer.load().without_second_view()
        self.linker = Linker(routed_embedder(other_languages or DEFAULT_ROUTE), scorer)
        self.leads = leads
        self.free_leads_only = free_leads_only
        self._warm_up()

    def _warm_up(self) -> None:
        """Load every model now, so the per-item timings measure work, not loading (e5 loads on first need)."""
        from newsweave.records import Provenance

        text = "Floods hit Paris on Monday. More than 50 people were evacuated, the mayor said."
        article = Article("0" * 64, "Floods in Paris", (text,), Provenance("warm-up"), "warm-up", language="en")
        if self.analyzer is not None:
            self.analyzer.read(article)
        view = self.linker.prepare(article.id, article.title, text, "en", None)
        self.linker.sentence_vectors([text], "en")  # sentences may run on another engine (``UseEmbedder``)
        if self.leads:
            self.linker.read_lead(view)
        self.language.detect(text)
        # What relating reads figures and their dates with, in every language (``Linker.relations``
        # on the workers of a pooled link): about a second, once.
        from newsweave.link.evidence import claims, differing_claims

        claims(text)
        differing_claims(text, text)

    def __call__(self, batch: Any) -> Any:
        """A batch (pandas frame) of read rows → the same rows, items replaced by what was made of them."""
        rows = batch.to_dict("records")
        out = [self.one(row) for row in rows]
        import pandas as pd

        return pd.DataFrame(out, columns=["kind", "id", "blob", *TIMINGS])

    def one(self, row: dict[str, Any]) -> dict[str, Any]:
        """Understand one row; rows that are not items pass through."""
        if row["kind"] != ITEM:
            return row
        from newsweave.pipeline import rejection_for, understand

        item: RawItem = pickle.loads(row["blob"])
        timings = {"t_read": row["t_read"]}
        start = time.perf_counter()
        try:
            article = understand(item, self.extractors, self.language)
        except Exception as e:
            timings["t_extract"] = time.perf_counter() - start
            return as_row(REJECTED, item.id, rejection_for(item, e), **timings)
        timings["t_extract"] = (now := time.perf_counter()) - start
        facts = self._facts(article)
        timings["t_facts"] = (start := time.perf_counter()) - now
        published = article.published.value if article.published else None
        view = self.linker.prepare(article.id, article.title, article.text, article.language, published)
        wanted = self.leads and (not self.free_leads_only or self.linker.lead_comes_free(view))
        lead = self.linker.read_lead(view) if wanted else None
        timings["t_embed"] = time.perf_counter() - start
        understood = Understood(
            article, facts, view.document, view.title_vector, self.linker.embedder.name,
            lead, self.linker.second_view.name if lead is not None else None, view.signature,
        )  # fmt: skip
        return as_row(ARTICLE, article.id, understood, **timings)

    def _facts(self, article: Article) -> ReadFacts | None:
        """The article's facts; a reader's failure never loses the article (as in ``pipeline.store_facts``)."""
        if self.analyzer is None:
            return None
        try:
            return self.analyzer.read(article)
        except Exception as e:
            log.warning("%s: reading its facts failed (%s: %s); `newsweave analyze` retries it",
                        article.provenance, type(e).__name__, e)  # fmt: skip
            return None
