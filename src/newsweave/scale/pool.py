"""Ingest on local worker processes: read here, understand on ``workers`` processes, write here.

Understanding an item (extracting it, reading its facts, embedding its text and its title, and
the lead the pair scorer's second view reads where that comes free, ``Linker.lead_comes_free``) is most of ingest's and
linking's work, and each item's
is independent of the others'. ``pool_ingest`` reads the inputs in this process (stdin too),
sends the items in small batches to processes that each hold their own models and compute on one
thread, and writes what comes back in input order through the bulk writer (``scale.writer``), as
the Ray engine does on a cluster. Linking, which needs every earlier article, stays in one process
and then finds the vectors stored, with the sentences and leads it foresees its close pairs will
read embedded on the workers ahead: what is left for it is deciding.

Why processes of one thread: on 2 cores USE's numpy layers run only 1.5-1.6 times faster on two
threads than on one, e5 on a lead 1.35 times, and the facts readers (Python) use one core; two
single-threaded workers did 1.58 times the work of one process on two threads (ad hoc timings,
docs/scale.md; ``bench/link_bench.py`` prints the end-to-end figures: 1.27-1.44x). Threads instead
of processes do not pay: the facts readers hold the interpreter's lock.

Same result as ``Newsweave.ingest``: each item goes through the same calls
(``scale.stages.Understander``), the vectors are the same bits on one thread as on two, and rows
are written in input order, a batch of ``settings.batch_size`` rows a transaction. Items already
stored, rejected earlier, or read earlier in the same run are not sent to the workers; a killed run resumes.
"""

from __future__ import annotations

import atexit
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import chain
from multiprocessing import get_context
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np

from newsweave.analyze.embedding import THREADS_VARIABLE
from newsweave.analyze.places.outlets import REMEMBERED_ARTICLES, StoredPin
from newsweave.errors import NewsweaveError
from newsweave.ingest import read_inputs
from newsweave.linking import store_route
from newsweave.records import IngestReport, ItemResult, RawItem, Rejection
from newsweave.scale.stages import ITEM, Understander, as_row, entry_rows, known_ids, shippable
from newsweave.scale.writer import BulkReport, BulkStore, Writer, finish_run

if TYPE_CHECKING:
    from newsweave.core import Newsweave
    from newsweave.link.evidence import NumericClaim

T = TypeVar("T")

DEFAULT_BATCH = 8  # items a task: few enough that both workers stay busy on a short run
_AHEAD = 3  # batches in flight per worker: each has the next while the writer takes the last
_BEHIND = 2  # sentence sets waiting per worker from which every worker takes them

_understander: Understander | None = None  # one per worker process, built by ``_start``
_barrier: Any = None  # the pool's barrier, in each worker (``WorkerPool.warm``)
_start_error: Exception | None = None  # why this worker's models did not load


@dataclass(frozen=True, slots=True)
class WorkerOptions:
    """What a worker needs to understand items as the store's own ingest would."""

    facts: bool
    aliases_path: str | None
    other_languages: str
    leads: bool
    outlet_pins: tuple[StoredPin, ...] = ()  # the store's last pins: where its outlets' places lie

    @classmethod
    def of(cls, nw: Newsweave) -> WorkerOptions:
        settings = nw.settings
        return cls(
            facts=settings.facts,
            aliases_path=str(settings.aliases_path) if settings.aliases_path else None,
            # The store's route, as its linker takes it: vectors the linker can use.
            other_languages=store_route(nw.store, settings.other_languages),
            leads=settings.second_view,
            outlet_pins=tuple(nw.store.outlet_pins(REMEMBERED_ARTICLES)) if settings.facts else (),
        )


class WorkerPool:
    """``workers`` processes, each with its models loaded once; a context manager.

    Example (not run here: each worker takes seconds to load its models)::

        with Newsweave() as nw, WorkerPool(WorkerOptions.of(nw), workers=2) as pool:
            pool_ingest(nw, ["news/"], pool=pool)
    """

    def __init__(self, options: WorkerOptions, workers: int = 2) -> None:
        if workers < 1:
            raise ValueError("a pool needs at least one worker")
        self.options = options
        self.workers = workers
        context = get_context("spawn")  # a fork would copy this process's model threads mid-use
        self._ready = context.Barrier(workers)
        self._executor = ProcessPoolExecutor(workers, context, initializer=_start, initargs=(options, self._ready))
        self._lock = threading.Lock()  # over the sentence sets waiting for a worker (``sentences``)
        self._waiting: deque[tuple[Future[np.ndarray], list[str], str | None]] = deque()
        self._running = 0
        self._closed = False

    def warm(self, sample: Iterable[RawItem] = ()) -> None:
        """Wait until every worker has loaded its models and understood ``sample`` (the readers
        of each language load on their first article: a sample of every language loads them all),
        and loaded what linking may ask of it later: the cascade's e5, which a run loads on a
        worker's first translation check (a second or two)."""
        rows = [as_row(ITEM, item.id, shippable(item)) for item in sample]
        waits = [self._executor.submit(_warm, rows) for _ in range(self.workers)]
        for wait in waits:
            _result(wait)

    def submit(self, rows: list[dict[str, Any]]) -> Future[list[dict[str, Any]]]:
        try:
            return self._executor.submit(_understand, rows)
        except BrokenProcessPool as e:
            raise _lost_worker() from e

    def sentences(self, sentences: list[str], language: str | None) -> Future[np.ndarray]:
        """Embed an article's sentences on a worker as linking keeps them (``Linker.sentence_vectors``).

        At most ``workers - 1`` at once while they keep up: linking goes on in this process
        meanwhile, and the processes share the cores (with sentences on both of two workers on two
        cores, linking USE's languages was no faster: this process lost the core they took). When
        sets pile up (e5's languages: a set costs more than relating), every worker takes them,
        since linking will soon wait for them.
        """
        told: Future[np.ndarray] = Future()
        with self._lock:
            self._waiting.append((told, sentences, language))
        self._dispatch()
        return told

    def lead(self, text: str, language: str | None) -> Future[np.ndarray]:
        """Embed a text's second-view lead on a worker as linking would (``link.linker.lead_vector``):
        at ingest the workers read only the leads that come free with the document vector, and
        linking asks for the others it foresees (``Linker.foresee``), while the workers have little
        else to do; an article whose pairs never reach the line costs none."""
        return self._task(_lead_vector, text, language)

    def exact_sentences(self, sentences: list[str], language: str | None) -> Future[np.ndarray]:
        """Embed sentences in the cascade's e5-bridged space on a worker, as linking would
        (``Linker.exact_sentence_vectors``): the first sentences of articles whose translations
        the cascade will check (``Linker.foresee``). The worker loads that e5 on first need."""
        return self._task(_exact_sentence_vectors, sentences, language)

    def claims(self, text: str) -> Future[tuple[NumericClaim, ...]]:
        """Read a text's figures on a worker as linking's pair features read them (``link.evidence.claims``)."""
        return self._task(_link_claims, text)

    def _task(self, function: Callable[..., T], *args: Any) -> Future[T]:
        """``function(*args)`` on a worker; a lost worker is the future's clear error."""
        told: Future[T] = Future()
        try:
            _pass_on(self._executor.submit(function, *args), told)
        except BrokenProcessPool:
            told.set_exception(_lost_worker())
        return told

    def _dispatch(self, done: Future[Any] | None = None) -> None:
        """Send waiting sentence sets to the workers, keeping ``workers - 1`` running."""
        with self._lock:
            if done is not None:
                self._running -= 1
            ready = []
            while not self._closed and self._waiting and self._running < self._sentence_workers():
                told, sentences, language = self._waiting.popleft()
                if told.cancelled():
                    continue
                self._running += 1
                ready.append((told, sentences, language))
        for told, sentences, language in ready:
            try:
                future = self._executor.submit(_sentence_vectors, sentences, language)
            except BrokenProcessPool:
                told.set_exception(_lost_worker())
                self._dispatch(done=told)
                continue
            _pass_on(future, told)
            future.add_done_callback(self._dispatch)

    def _sentence_workers(self) -> int:
        """How many workers may embed sentences at once now (``sentences``)."""
        behind = len(self._waiting) >= _BEHIND * self.workers
        return self.workers if behind else max(1, self.workers - 1)

    def close(self) -> None:
        """Stop the workers after what they hold; sentence sets still waiting are cancelled (linking
        foresaw them but did not ask for them before it ended)."""
        with self._lock:
            self._closed = True  # a set that finishes now must not dispatch the next to a closed pool
            waiting = list(self._waiting)
            self._waiting.clear()
        for told, _, _ in waiting:
            told.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def pool_ingest(
    nw: Newsweave,
    paths: Iterable[str | Path],
    *,
    workers: int = 2,
    batch_size: int = DEFAULT_BATCH,
    on_result: Callable[[ItemResult], None] | None = None,
    pool: WorkerPool | None = None,
) -> BulkReport:
    """Read ``paths``, understand their items on ``workers`` local processes, store the result through ``nw``.

    Link afterwards with ``nw.link()``. ``pool``: workers already started (then ``workers`` is theirs).

    Raises:
        NewsweaveError: a worker process died (killed, out of memory); what was written is kept.
    """
    inputs = [str(p) for p in paths]
    store: BulkStore = nw.store  # type: ignore[assignment]
    started = time.perf_counter()
    owned = pool is None
    pool = pool or WorkerPool(WorkerOptions.of(nw), workers)
    report = BulkReport(IngestReport(), pool.workers)
    try:
        settings = nw.settings
        entries = read_inputs(inputs, max_page_bytes=settings.max_page_bytes, max_gzip_ratio=settings.max_gzip_ratio)
        rows = _understood(pool, _rows(entries, store), batch_size)
        Writer(store, report, settings.batch_size, on_result).run(rows)
    finally:
        if owned:
            pool.close()
    return finish_run(store, report, inputs, started)


def _rows(entries: Iterable[RawItem | Rejection], store: BulkStore) -> Iterator[dict[str, Any]]:
    """Read entries as rows; an item stored or rejected before is passed on unread (a sighting)."""
    yield from entry_rows(entries, known_ids(chain(store.article_ids(), store.rejected_item_ids())))


def _understood(pool: WorkerPool, rows: Iterator[dict[str, Any]], batch_size: int) -> Iterator[dict[str, Any]]:
    """The rows in input order, items replaced by what the workers made of them; a bounded
    number of batches in flight, so memory stays flat on an endless stream."""
    flying: deque[Future[list[dict[str, Any]]]] = deque()
    while batch := [row for _, row in zip(range(batch_size), rows, strict=False)]:
        flying.append(pool.submit(batch))
        if len(flying) >= _AHEAD * pool.workers:
            yield from _result(flying.popleft())
    while flying:
        yield from _result(flying.popleft())


def _result(future: Future[Any]) -> Any:
    try:
        return future.result()
    except BrokenProcessPool as e:
        raise _lost_worker() from e


def _pass_on(future: Future[Any], told: Future[Any]) -> None:
    """Settle ``told`` as ``future`` settles, a lost worker told as ``_lost_worker`` says it."""

    def settle(done: Future[Any]) -> None:
        if told.cancelled():
            return
        if done.cancelled():
            told.cancel()
        elif isinstance(error := done.exception(), BrokenProcessPool):
            told.set_exception(_lost_worker())
        elif error is not None:
            told.set_exception(error)
        else:
            told.set_result(done.result())

    future.add_done_callback(settle)


def _lost_worker() -> NewsweaveError:
    return NewsweaveError(
        "a worker process stopped (killed, or out of memory); the batches it held were not stored",
        hint="run the same ingest again: what was stored is kept and is not read twice",
    )


def _start(options: WorkerOptions, ready: Any) -> None:
    """A worker's start: one thread for every model, then the models loaded. A failure to load
    them is kept and raised by the worker's first task, so that it reaches the user as it is
    (an initializer's exception would only break the pool)."""
    global _understander, _barrier, _start_error
    _barrier = ready
    # ^C reaches every process of the terminal's group: this one leaves it to the writer, which
    # stops the pool after the batches under way (a worker interrupted mid-batch would only add
    # a traceback, and its batch is lost either way).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    atexit.register(_leave_now)
    os.environ[THREADS_VARIABLE] = "1"  # read as each model loads
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)  # numpy's own BLAS too (the static embedder)
    try:
        _understander = Understander(
            options.facts,
            options.aliases_path,
            options.other_languages,
            leads=options.leads,
            free_leads_only=True,
            outlet_pins=options.outlet_pins,
        )  # the other leads: as linking asks for them (``WorkerPool.lead``)
    except Exception as e:
        _start_error = e


def _leave_now() -> None:
    """A worker's exit once the pool lets it go: its work is handed back and it writes nothing,
    so it skips the interpreter's teardown of gigabytes of model objects (a second or more, which
    ``close`` would wait for) and leaves at once."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _warm(rows: list[dict[str, Any]]) -> None:
    """Understand ``rows``, then return once every worker has: each holds this task until all hold one."""
    try:
        _understand(rows)
        assert _understander is not None
        if _understander.linker.cascade is not None:
            _understander.linker.cascade.embedder().embed(["warm up"], "cs")
    except Exception:
        _barrier.abort()  # the others would wait for this one in vain
        raise
    _barrier.wait(timeout=600)


def _sentence_vectors(sentences: list[str], language: str | None) -> np.ndarray:
    if _start_error is not None:
        raise _start_error
    assert _understander is not None, "a worker is started by WorkerPool"
    return _understander.linker.sentence_vectors(sentences, language)


def _exact_sentence_vectors(sentences: list[str], language: str | None) -> np.ndarray:
    if _start_error is not None:
        raise _start_error
    assert _understander is not None, "a worker is started by WorkerPool"
    return _understander.linker.exact_sentence_vectors(sentences, language)


def _lead_vector(text: str, language: str | None) -> np.ndarray:
    if _start_error is not None:
        raise _start_error
    assert _understander is not None, "a worker is started by WorkerPool"
    from newsweave.link.linker import lead_vector

    return lead_vector(_understander.linker.second_view, text, language)


def _link_claims(text: str) -> tuple[NumericClaim, ...]:
    from newsweave.link.evidence import claims

    return claims(text)


def _understand(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if _start_error is not None:
        raise _start_error
    assert _understander is not None, "a worker is started by WorkerPool"
    return [_understander.one(row) for row in rows]
