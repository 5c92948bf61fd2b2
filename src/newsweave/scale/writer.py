"""The one writer of a bulk run: rows made on workers (``scale.stages``) into the store, in arrival order.

Both engines feed it: Ray Data's frames (``ray_engine``) and a local pool of processes
(``pool``). Rows are written ``per_transaction`` at a time, so a killed run loses at most the
transaction it was writing, and a re-run reads what was stored as duplicates.
"""

from __future__ import annotations

import pickle
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from newsweave.analyze.facts import FactAnalyzer
from newsweave.records import Article, Entity, Facts, IngestReport, ItemResult, Outcome, Provenance, Rejection
from newsweave.scale.stages import ARTICLE, KNOWN, REJECTED, REJECTION, TIMINGS, Understood
from newsweave.store.base import StoredEmbedding

if TYPE_CHECKING:
    from contextlib import AbstractContextManager


class BulkStore(Protocol):
    """What the bulk writer needs from a store (SQLite has it; another backend implements the same)."""

    def transaction(self) -> AbstractContextManager[None]: ...
    def has_article(self, article_id: str) -> bool: ...
    def add_article(self, article: Article) -> bool: ...
    def add_sighting(self, article_id: str, provenance: Provenance) -> None: ...
    def add_rejection(self, rejection: Rejection) -> None: ...
    def put_facts(
        self, facts: Facts, analyzer: str, *, entities: Iterable[Entity] = (), sentences: Sequence[str] = ()
    ) -> None: ...
    def put_embedding(self, article_id: str, embedding: StoredEmbedding) -> None: ...
    def put_signature(self, article_id: str, signature: np.ndarray) -> None: ...
    def article_ids(self) -> Iterator[str]: ...
    def rejected_item_ids(self) -> Iterator[str]: ...
    def record_run(self, inputs: list[str], report: IngestReport) -> int: ...


@dataclass(slots=True)
class BulkReport:
    """One bulk run: the usual counts, how much was really done, and where the time went.

    ``seconds``: ``read``, ``extract``, ``facts``, ``embed`` are summed over the workers (CPU-bound
    stages: worker-seconds); ``write`` is the driver's time in the store; ``startup`` is Ray's
    start (when this run started it; a local pool's start is in ``wall``); ``wall`` the whole run,
    linking not included.
    """

    ingest: IngestReport
    workers: int
    understood: int = 0  # items extracted on the workers in this run
    skipped: int = 0  # items passed on unread: their content hash was stored (or rejected) before
    seconds: dict[str, float] = field(
        default_factory=lambda: dict.fromkeys(("startup", "read", "extract", "facts", "embed", "write", "wall"), 0.0)
    )

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form for ``--json``."""
        return {
            **self.ingest.as_dict(),
            "workers": self.workers,
            "understood": self.understood,
            "skipped": self.skipped,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
        }


def finish_run(store: BulkStore, report: BulkReport, inputs: list[str], started: float) -> BulkReport:
    """Close a bulk run's report (its wall time since ``started``) and record the run in the store."""
    from newsweave.ingest import display_name

    report.seconds["wall"] = time.perf_counter() - started
    store.record_run([display_name(p) for p in inputs], report.ingest)
    return report


class Writer:
    """The one writer: rows in arrival order, ``per_transaction`` rows a transaction."""

    def __init__(
        self,
        store: BulkStore,
        report: BulkReport,
        per_transaction: int,
        on_result: Callable[[ItemResult], None] | None,
    ) -> None:
        self.store = store
        self.report = report
        self.per_transaction = per_transaction
        self.on_result = on_result

    def run(self, rows: Iterable[dict[str, Any]]) -> None:
        """Write every row, in the order they come."""
        pending: list[dict[str, Any]] = []
        for row in rows:
            for name in TIMINGS:
                self.report.seconds[name[2:]] += float(row[name])
            pending.append(row)
            if len(pending) >= self.per_transaction:
                self._write(pending)
                pending = []
        self._write(pending)

    def _write(self, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        start = time.perf_counter()
        with self.store.transaction():
            for row in rows:
                result, rejection = self._one(row)
                self.report.ingest.add(result, rejection)
                if self.on_result:
                    self.on_result(result)
        self.report.seconds["write"] += time.perf_counter() - start

    def _one(self, row: dict[str, Any]) -> tuple[ItemResult, Rejection | None]:
        kind, record = row["kind"], pickle.loads(row["blob"])
        if kind in (REJECTION, REJECTED):
            self.report.understood += kind == REJECTED
            self.store.add_rejection(record)
            return ItemResult(Outcome.REJECTED, record.item, reason=record.reason), record
        if kind == KNOWN:
            return self._known(row["id"], record)
        assert kind == ARTICLE, kind
        self.report.understood += 1
        return self._article(record)

    def _known(self, item_id: str, provenance: Provenance) -> tuple[ItemResult, Rejection | None]:
        self.report.skipped += 1
        name = str(provenance)
        if self.store.has_article(item_id):
            self.store.add_sighting(item_id, provenance)
            return ItemResult(Outcome.DUPLICATE, name, article_id=item_id), None
        reason = "rejected earlier (see `newsweave rejections`); not read again"
        return ItemResult(Outcome.REJECTED, name, reason=reason), None

    def _article(self, understood: Understood) -> tuple[ItemResult, Rejection | None]:
        article = understood.article
        name = str(article.provenance)
        if not self.store.add_article(article):  # the same content earlier in this run
            self.store.add_sighting(article.id, article.provenance)
            return ItemResult(Outcome.DUPLICATE, name, article_id=article.id), None
        if understood.facts is not None:
            read = understood.facts
            self.store.put_facts(
                read.facts, FactAnalyzer.version, entities=read.entities, sentences=read.time_sentences
            )
        embedding = StoredEmbedding(understood.model, understood.document, understood.title,
                                    lead_model=understood.lead_model, lead_vector=understood.lead)  # fmt: skip
        self.store.put_embedding(article.id, embedding)
        if understood.signature is not None:  # linking reads it back instead of hashing the text again
            self.store.put_signature(article.id, understood.signature)
        return ItemResult(Outcome.STORED, name, article_id=article.id), None
