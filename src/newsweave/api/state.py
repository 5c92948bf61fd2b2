"""What the server holds between requests: the facades, the lock around the models, the job queue.

SQLite connections are not shared between threads: each worker thread of the server reads through
its own ``Newsweave`` (its own connection; SQLite's WAL lets readers run beside a writer). The
linking models (embedder, ANN index, pair scorer) are loaded once, in one ``Newsweave`` that only a
holder of ``Hub.lock`` may use: search, similar, why, linking and story edits go through it.
Uploads are ingested by one background worker with a facade of its own, one job at a time.
"""

from __future__ import annotations

import logging
import queue
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.config import Settings
from newsweave.core import Newsweave
from newsweave.errors import ConfigError, NewsweaveError, NotFound
from newsweave.records import Article, ItemResult, Outcome

log = logging.getLogger(__name__)
_KEEP_JOBS = 500
_MAX_BATCH = 64  # queries embedded in one pass
_REFRESH_SECONDS = 2.0  # how often the model facade checks the store for links made elsewhere


@dataclass(frozen=True, slots=True)
class ApiConfig:
    """How the server behaves beyond the store's settings.

    ``token`` guards every write (and every read when ``open_reads`` is false).
    """

    token: str
    open_reads: bool = True
    max_upload_bytes: int = 512 * 1024 * 1024
    max_body_bytes: int = 1024 * 1024  # any request that is not an upload

    def __post_init__(self) -> None:
        if len(self.token) < 16:
            raise ConfigError("the API token must be at least 16 characters", hint="leave it unset to generate one")


@dataclass(slots=True)
class Job:
    """A background ingest or link run, with its progress."""

    id: str
    kind: str  # "ingest" or "link"
    inputs: list[str] = field(default_factory=list)
    link: bool = False
    state: str = "queued"  # queued, running, done, failed
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    finished: str | None = None
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    linked: int = 0
    links: int = 0
    stories: int = 0
    rejections: list[dict[str, str]] = field(default_factory=list)
    error: str | None = None
    folder: Path | None = None  # uploads, removed when the job ends

    def as_dict(self) -> dict[str, Any]:
        """Plain-JSON form."""
        return {
            "id": self.id, "kind": self.kind, "inputs": self.inputs, "link": self.link, "state": self.state,
            "created": self.created, "finished": self.finished, "read": self.read, "stored": self.stored,
            "duplicates": self.duplicates, "rejected": self.rejected, "linked": self.linked, "links": self.links,
            "stories": self.stories, "rejections": self.rejections[:100], "error": self.error,
        }  # fmt: skip

    def count(self, result: ItemResult) -> None:
        """Count one ingested item."""
        self.read += 1
        if result.outcome is Outcome.STORED:
            self.stored += 1
        elif result.outcome is Outcome.DUPLICATE:
            self.duplicates += 1
        else:
            self.rejected += 1
            self.rejections.append({"item": result.item, "reason": result.reason or ""})


@dataclass(slots=True, eq=False)
class _PendingQuery:
    """A search query waiting for its vector."""

    text: str
    vector: np.ndarray | None = None


class Hub:
    """The server's state: per-thread readers, the locked model facade, the job worker."""

    def __init__(self, settings: Settings, config: ApiConfig) -> None:
        self.settings = settings
        self.config = config
        self.lock = threading.Lock()
        self._main: Newsweave | None = None
        self._checked = 0.0
        self.refresh_seconds = _REFRESH_SECONDS
        self._local = threading.local()
        self._readers: list[Newsweave] = []
        self._readers_lock = threading.Lock()
        self._queue_lock = threading.Lock()
        self._queries: list[_PendingQuery] = []
        self.jobs: dict[str, Job] = {}
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._worker: threading.Thread | None = None

    def reader(self) -> Newsweave:
        """This thread's own facade, for reads that need no model (opened on first use)."""
        nw: Newsweave | None = getattr(self._local, "nw", None)
        if nw is None:
            nw = Newsweave(self.settings)
            self._local.nw = nw
            with self._readers_lock:
                self._readers.append(nw)
        return nw

    @contextmanager
    def models(self) -> Iterator[Newsweave]:
        """The facade whose linking models are loaded once; one user at a time."""
        with self.lock:
            if self._main is None:
                self._main = Newsweave(self.settings)
            elif time.monotonic() - self._checked >= self.refresh_seconds:
                # Another process (a cron `ingest --link`) may have linked since: then reload the indexes.
                self._main.refresh()
                self._checked = time.monotonic()
            yield self._main

    def search(self, query: str, limit: int) -> list[tuple[Article, float, int | None]]:
        """Search by meaning, embedding this query together with every other one waiting for the models.

        Each request leaves its query in a shared queue, then waits its turn on the model lock. Whoever
        gets the lock first embeds every query queued by then in one pass (a batch of 25 short queries
        costs about what one does); those behind find their vector ready and only rank.
        Returns (article, score, story id) hits.
        """
        pending = _PendingQuery(query)
        with self._queue_lock:
            self._queries.append(pending)
        with self.models() as nw:
            if pending.vector is None:
                with self._queue_lock:  # this query, and as many waiting ones as fit in one pass
                    others = [q for q in self._queries if q is not pending][: _MAX_BATCH - 1]
                    batch = [pending, *others]
                    self._queries = [q for q in self._queries if all(q is not b for b in batch)]
                for item, vector in zip(batch, nw.query_vectors([q.text for q in batch]), strict=True):
                    item.vector = vector
            hits = nw.search(query, limit=limit, vector=pending.vector)
            return [(a, s, nw.story_of(a.id)) for a, s in hits]

    def warm(self) -> None:
        """Load the linking models now (in the background at start-up), not on the first search."""
        try:
            with self.models() as nw:
                nw.search("news", limit=1)
        except Exception:  # a store that cannot be searched yet is no reason to stop serving
            log.warning("warming the search models failed; they load on first use", exc_info=True)

    def fresh(self) -> Newsweave:
        """A facade of its own for a long read (an export stream); the caller closes it."""
        return Newsweave(self.settings)

    # -- jobs ------------------------------------------------------------------------------------

    def submit(self, job: Job) -> Job:
        """Queue a job for the background worker (started on first use)."""
        self.jobs[job.id] = job
        for old in [j for j in self.jobs.values() if j.finished][: max(0, len(self.jobs) - _KEEP_JOBS)]:
            del self.jobs[old.id]  # finished jobs beyond the last few hundred are forgotten
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="newsweave-jobs", daemon=True)
            self._worker.start()
        self._queue.put(job)
        return job

    def job(self, job_id: str) -> Job:
        """A job by id."""
        if job_id not in self.jobs:
            raise NotFound(f"no job {job_id}", hint="GET /api/jobs lists them")
        return self.jobs[job_id]

    def new_upload_folder(self) -> Path:
        """A private folder for one upload's files."""
        return Path(tempfile.mkdtemp(prefix="newsweave-upload-"))

    def _work(self) -> None:
        ingester: Newsweave | None = None
        while (job := self._queue.get()) is not None:
            job.state = "running"
            try:
                if job.kind == "ingest" and job.folder is not None:
                    ingester = ingester or Newsweave(self.settings)
                    # Not "auto" unless asked ($NEWSWEAVE_WORKERS): workers would hold gigabytes
                    # between jobs and take the cores the server answers requests on.
                    ingester.ingest([job.folder], on_result=job.count, workers=self.settings.workers or 1)
                if job.kind == "link" or job.link:
                    self._link(job)
                job.state = "done"
            except NewsweaveError as e:
                job.state, job.error = "failed", str(e)
            except Exception as e:  # a job must never take the worker down with it
                log.exception("job %s failed", job.id)
                job.state, job.error = "failed", f"internal error: {type(e).__name__}"
            finally:
                job.finished = datetime.now(UTC).isoformat(timespec="seconds")
                if job.folder is not None:
                    shutil.rmtree(job.folder, ignore_errors=True)
        if ingester is not None:
            ingester.close()

    def _link(self, job: Job) -> None:
        with self.models() as nw:

            def count(_: object) -> None:
                job.linked += 1

            report = nw.link(on_article=count)
            job.links, job.stories = report.links, report.stories

    def close(self) -> None:
        """Stop the worker after its current job and close every connection."""
        if self._worker is not None:
            self._queue.put(None)
            self._worker.join(timeout=60)
        with self._readers_lock:
            for nw in self._readers:
                nw.close()
            self._readers.clear()
        with self.lock:
            if self._main is not None:
                self._main.close()
                self._main = None


def new_job(kind: str, **fields: Any) -> Job:
    """A job with a fresh id."""
    return Job(id=uuid.uuid4().hex[:12], kind=kind, **fields)
