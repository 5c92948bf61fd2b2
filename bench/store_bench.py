"""SQLite vs PostgreSQL, and pgvector's HNSW vs the saved usearch graph, measured in one run.

    uv run python bench/store_bench.py [--vectors 10000] [--queries 300] [--seeds ../shared/seeds]

Starts a throwaway PostgreSQL on loopback (store/pg_local.py) unless --pg-url names a server whose
maintenance database may create databases. Prints:
1. nearest-neighbour queries over N stand-in vectors (512-d, clustered like news embeddings):
   build time, mean query time and recall@10 against exact search, for the in-process usearch
   graph linking uses (link/ann.py) and for pgvector's HNSW index (one SQL query per search);
2. ingest + link of the seeds on each backend (models loaded before timing, so the stores differ).
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from newsweave import Newsweave, Settings
from newsweave.link.ann import VectorIndex
from newsweave.store import StoredEmbedding
from newsweave.store.pg_local import create_database, start, stop
from newsweave.store.postgres import PostgresStore

DIM = 512
K = 10


def stand_in_vectors(n: int, seed: int = 7) -> np.ndarray:
    """Unit vectors in clusters (stories) of varying size, as embeddings of news are."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(max(1, n // 20), DIM))
    vectors = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.normal(size=(n, DIM))
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def recall(found: list[list[int]], truth: list[list[int]]) -> float:
    return float(np.mean([len(set(f) & set(t)) / len(t) for f, t in zip(found, truth, strict=True)]))


def bench_vectors(url: str, n: int, queries: int) -> None:
    vectors = stand_in_vectors(n)
    probes = stand_in_vectors(queries, seed=11)
    truth = [list(np.argsort(-(vectors @ q))[:K]) for q in probes]

    start_time = time.perf_counter()
    index = VectorIndex.from_vectors(vectors)
    usearch_build = time.perf_counter() - start_time
    start_time = time.perf_counter()
    found_u = [[key for key, _ in index.search(q, K)] for q in probes]
    usearch_query = (time.perf_counter() - start_time) / queries

    store = PostgresStore(create_database(url, f"bench_vectors_{n}"))
    start_time = time.perf_counter()
    with store.transaction():
        store.insert_rows(
            "articles",
            [(i + 1, f"{i:064x}", None, None, None, None, None, None, None, None, None, None, "[]", "[]", "b", "p",
              None, None) for i in range(n)],
        )  # fmt: skip
        for i, v in enumerate(vectors):
            store.put_embedding(f"{i:064x}", StoredEmbedding("bench", v, v))
    pg_insert = time.perf_counter() - start_time
    start_time = time.perf_counter()
    store.create_vector_index(DIM)
    pg_build = time.perf_counter() - start_time
    start_time = time.perf_counter()
    found_p = [[int(aid, 16) for aid, _ in store.nearest(q, K)] for q in probes]
    pg_query = (time.perf_counter() - start_time) / queries
    store.close()

    print(f"nearest neighbours, {n} vectors of {DIM}-d, {queries} queries, k={K}")
    print(f"  usearch graph (in process): build {usearch_build:.2f} s, query {usearch_query * 1e3:.3f} ms, "
          f"recall@10 {recall(found_u, truth):.3f}")  # fmt: skip
    print(f"  pgvector HNSW (SQL query):  insert {pg_insert:.2f} s + index {pg_build:.2f} s, "
          f"query {pg_query * 1e3:.3f} ms, recall@10 {recall(found_p, truth):.3f}")  # fmt: skip
    print(f"  query time pgvector / usearch = {pg_query / usearch_query:.1f}x")


def bench_seeds(url: str, seeds: Path) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        with Newsweave(Settings(db_path=Path(tmp) / "warm.sqlite")) as nw:  # load every model once
            nw.ingest([seeds])
            nw.link()
        times = {}
        for name, target in (("sqlite", Path(tmp) / "s.sqlite"), ("postgres", create_database(url, "bench_seeds"))):
            start_time = time.perf_counter()
            with Newsweave(Settings().with_store(target)) as nw:
                nw.ingest([seeds])
                nw.link()
            times[name] = time.perf_counter() - start_time
    print(f"seeds ingest + link (models warm): SQLite {times['sqlite']:.2f} s, PostgreSQL {times['postgres']:.2f} s, "
          f"PostgreSQL / SQLite = {times['postgres'] / times['sqlite']:.2f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--vectors", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--seeds", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "seeds")
    parser.add_argument("--pg-url", help="a server's maintenance database URL (default: start one)")
    args = parser.parse_args()
    folder = None
    url = args.pg_url
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="newsweave-bench-pg-")) / "data"
        url = start(folder).url()
    try:
        bench_vectors(url, args.vectors, args.queries)
        bench_seeds(url, args.seeds)
    finally:
        if folder is not None:
            stop(folder)
            shutil.rmtree(folder.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
