"""Ingest on local worker processes: the same result as one process, leads stored, resumable."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from bulk_runs import interrupted_then_resumed, run_equals_single_process
from newsweave import Newsweave, Settings
from newsweave.analyze.embedding import routed_embedder
from newsweave.config import DEFAULT_ROUTE
from newsweave.errors import ConfigError, NewsweaveError
from newsweave.link.linker import Linker, lead_text, lead_vector, second_view_embedder
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import Article, ItemResult
from newsweave.records import Outcome as ItemOutcome
from newsweave.scale.compare import Outcome, differences, outcome
from newsweave.scale.pool import WorkerOptions, WorkerPool, pool_ingest
from newsweave.scale.writer import BulkReport


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    """Two workers for the module (each takes seconds to load its models)."""
    options = WorkerOptions(facts=True, aliases_path=None, other_languages=DEFAULT_ROUTE, leads=True)
    with WorkerPool(options, workers=2) as workers:
        workers.warm()
        yield workers


def test_a_pooled_run_equals_a_single_process_run(
    pool: WorkerPool, shards: Path, local: Outcome, tmp_path: Path
) -> None:
    bulk = run_equals_single_process(tmp_path, lambda nw: pool_ingest(nw, [shards], pool=pool), local)
    assert bulk.seconds["facts"] > 0 and bulk.seconds["embed"] > 0  # worker-seconds, summed


def test_the_workers_embed_every_lead_as_linking_would(
    pool: WorkerPool, shards: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At ingest the leads that come free with the document vector (the routed languages': the lead
    route reads what the second view reads); the others as linking asks."""
    asked: list[str] = []
    read_lead = pool.lead
    monkeypatch.setattr(pool, "lead", lambda text, language: asked.append(text) or read_lead(text, language))
    viewer = second_view_embedder()
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite")) as nw:
        pool_ingest(nw, [shards], pool=pool)
        linker = nw._linker()
        views = {a.id: linker.view(a) for a in nw.articles()}
        free = {i for i, v in views.items() if linker.linker.lead_comes_free(v)}
        at_ingest = {i: nw.store.get_embedding(i) for i in views}
        assert free and len(free) < len(views)  # the shards hold languages of both kinds
        assert {i for i, e in at_ingest.items() if e is not None and e.lead_vector is not None} == free
        linker.run(embed=pool.sentences, read_claims=pool.claims, read_lead=pool.lead, ahead=3)
        linked = {i: nw.store.get_embedding(i) for i in views}
    assert asked  # foreseen pairs near the line: their leads embedded on a worker
    with_lead = {i: e.lead_vector for i, e in linked.items() if e is not None and e.lead_vector is not None}
    assert all(linked[i].lead_model == viewer.name for i in with_lead)  # type: ignore[union-attr]
    # The same bits as the linker's own first-need embedding in this process (two threads).
    assert {views[i].language for i in with_lead} >= {"cs", "en"}  # a routed language's too
    for i in (next(iter(free)), *(i for i in with_lead if i not in free)):
        assert np.array_equal(with_lead[i], lead_vector(viewer, lead_text(views[i]), views[i].language))


def test_a_second_run_reads_nothing_again(pool: WorkerPool, shards: Path, tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "news.sqlite", batch_size=2)
    with Newsweave(settings) as nw:
        first = pool_ingest(nw, [shards], pool=pool)
        results: list[ItemResult] = []
        again = pool_ingest(nw, [shards], pool=pool, on_result=results.append)
        count = nw.count_articles()
    # The item in two shards is understood once: its second sighting travels on unread.
    assert first.understood == 12 and first.skipped == 1 and count == 11
    assert again.understood == 0 and again.skipped == 13  # every item passed on unread
    assert {r.outcome for r in results} == {ItemOutcome.DUPLICATE, ItemOutcome.REJECTED}


def test_a_killed_run_resumed_loses_nothing(pool: WorkerPool, shards: Path, local: Outcome, tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "news.sqlite", batch_size=2)
    run = lambda nw, **kw: pool_ingest(nw, [shards], pool=pool, **kw)  # noqa: E731
    done, resumed, result = interrupted_then_resumed(settings, run)
    assert resumed.understood + resumed.skipped == 13 and resumed.skipped >= done  # each item once in all
    assert differences(local, result) == []


def test_a_lost_worker_is_a_clear_error(shards: Path, tmp_path: Path) -> None:
    options = WorkerOptions(facts=False, aliases_path=None, other_languages="e5", leads=False)
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite", facts=False)) as nw, WorkerPool(options, 1) as one:
        one._executor.submit(os._exit, 9).exception()  # the worker is gone, as after an out-of-memory kill
        with pytest.raises(NewsweaveError, match="worker process stopped"):
            pool_ingest(nw, [shards], pool=one)


def test_a_worker_that_cannot_load_its_models_says_why(shards: Path, tmp_path: Path) -> None:
    options = WorkerOptions(facts=True, aliases_path=str(tmp_path / "missing.toml"), other_languages="e5", leads=False)
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite")) as nw, WorkerPool(options, 1) as one:
        with pytest.raises(ConfigError, match="cannot read the alias file") as raised:
            pool_ingest(nw, [shards], pool=one)
        stored = nw.count_articles()
    assert raised.value.hint and "NEWSWEAVE_ENTITY_ALIASES" in raised.value.hint  # the hint crossed over
    assert stored == 0


def test_a_link_with_sentences_embedded_on_the_workers_decides_as_one_process(
    pool: WorkerPool, shards: Path, local: Outcome, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str | None] = []
    read: list[str] = []
    embed, read_claims = pool.sentences, pool.claims
    monkeypatch.setattr(
        pool, "sentences", lambda sentences, language: asked.append(language) or embed(sentences, language)
    )
    monkeypatch.setattr(pool, "claims", lambda text: read.append(text) or read_claims(text))

    def link(nw: Newsweave) -> BulkReport:
        bulk = pool_ingest(nw, [shards], pool=pool)
        nw._linker().run(
            embed=pool.sentences,
            read_claims=pool.claims,
            read_lead=pool.lead,
            embed_exact=pool.exact_sentences,
            ahead=3,
        )
        return bulk

    run_equals_single_process(tmp_path, link, local)
    assert len(asked) >= 2  # the seed translations' sentences at least, foreseen from their features
    assert len(read) == len(local.articles)  # every article's figures, read on a worker


def test_a_pooled_link_interrupted_and_resumed_decides_as_one_process(
    pool: WorkerPool, shards: Path, local: Outcome, tmp_path: Path
) -> None:
    def stop_after_three(_: Article, seen: list[int] = []) -> None:  # noqa: B006
        seen.append(1)
        if len(seen) == 3:
            raise KeyboardInterrupt

    with Newsweave(Settings(db_path=tmp_path / "news.sqlite")) as nw:
        pool_ingest(nw, [shards], pool=pool)
        linker = nw._linker()
        with pytest.raises(KeyboardInterrupt):
            linker.run(stop_after_three, embed=pool.sentences, read_claims=pool.claims, read_lead=pool.lead, ahead=3)
        assert linker.stale  # its indexes hold articles found ahead but not linked
        assert len(list(nw.store.signatures())) == 3  # the three linked, not those found ahead
        nw._linker_cache = None  # as Newsweave.link drops a stale linker
        nw._linker().run(embed=pool.sentences)
        assert differences(local, outcome(nw)) == []


def test_a_link_that_needs_no_sentences_starts_no_workers(tmp_path: Path) -> None:
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite", facts=False)) as nw:
        assert nw.link(workers=2).linked == 0
        assert nw._pool is None  # the workers (seconds and gigabytes each) start on the first sentences asked for


class _HeldExecutor:
    """Stands in for the process pool: keeps what is submitted unfinished, refuses work once shut down."""

    def __init__(self) -> None:
        self.submitted: list[Future[Any]] = []
        self.shut = False

    def submit(self, *_: object) -> Future[Any]:
        if self.shut:
            raise RuntimeError("cannot schedule new futures after shutdown")
        self.submitted.append(Future())
        return self.submitted[-1]

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        self.shut = True


def test_closing_cancels_the_sentence_sets_still_waiting(tmp_path: Path) -> None:
    options = WorkerOptions(facts=False, aliases_path=None, other_languages=DEFAULT_ROUTE, leads=False)
    pool = WorkerPool(options, workers=2)
    pool._executor.shutdown()  # no process was started: replaced by one that holds its work
    pool._executor = held = _HeldExecutor()  # type: ignore[assignment]
    first, second = pool.sentences(["One."], "en"), pool.sentences(["Two."], "en")
    assert len(held.submitted) == 1  # one worker at a time while they keep up; the second set waits
    pool.close()
    held.submitted[0].set_result(np.zeros((1, 512), dtype=np.float32))  # a set that ends after close
    assert first.result().shape == (1, 512)
    assert second.cancelled() and len(held.submitted) == 1  # not sent to the closed pool


def test_the_cascades_e5_gives_a_worker_the_same_bits_as_this_process(pool: WorkerPool, data_dir: Path) -> None:
    """The first sentences of a translation the cascade checks, embedded on a worker (one
    thread) and here: the same vectors, so a pooled link decides as one process."""
    case = next(
        c
        for c in map(json.loads, (data_dir / "link" / "cases.jsonl").read_text().splitlines())
        if c["language"] == "cs"
    )
    linker = Linker(routed_embedder(DEFAULT_ROUTE), PairScorer.load())
    view = linker.prepare("cs", case["title"], case["text"], "cs", None)
    lead = linker.exact_lead(view)
    assert len(lead) > 1
    assert np.array_equal(pool.exact_sentences(lead, "cs").result(), linker.exact_sentence_vectors(lead, "cs"))
