"""Concurrent searches are embedded together, and find exactly what each would find alone."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from api.conftest import TOKEN
from newsweave import Newsweave, Settings
from newsweave.api import ApiConfig
from newsweave.api.state import Hub

QUERIES = [
    "Saudi recruitment official killed near Deir ez-Zor",
    "militants trapped after the fall of Abu Kamal",
    "боевики ИГИЛ окружены",
    "responsable du recrutement tué",
    "Russian aviation supports government forces",
    "suicide vests found",
    "a dam broke",
    "Islamic State",
]


def test_batched_searches_equal_single_ones(store_copy: Path) -> None:
    with Newsweave(Settings(db_path=store_copy)) as nw:
        alone = {q: [(a.id, s) for a, s in nw.search(q, limit=3)] for q in QUERIES}
    hub = Hub(Settings(db_path=store_copy), ApiConfig(token=TOKEN))
    try:
        batches: list[int] = []
        with hub.models() as nw:  # count how many queries each embedding pass takes
            original = nw.query_vectors

            def counted(queries: list[str]) -> list[object]:
                batches.append(len(queries))
                return original(queries)  # type: ignore[return-value]

            nw.query_vectors = counted  # type: ignore[method-assign, assignment]
        with ThreadPoolExecutor(len(QUERIES)) as pool:
            with hub.lock:  # hold the models so that every search queues up, as under load
                futures = {q: pool.submit(hub.search, q, 3) for q in QUERIES}
                while len(hub._queries) < len(QUERIES):
                    time.sleep(0.01)
            together = {q: [(a.id, s) for a, s, _ in f.result()] for q, f in futures.items()}
    finally:
        hub.close()
    assert batches == [len(QUERIES)]
    for q in QUERIES:
        assert [i for i, _ in together[q]] == [i for i, _ in alone[q]], q
        assert [s for _, s in together[q]] == pytest.approx([s for _, s in alone[q]], abs=1e-4), q
