"""Single process against Ray with 1 and 2 workers: same input, same run, same result, and where the time goes.

The input is the bulk set of ``scripts/make_bulk_shards.py`` (real news from ../shared/benchmarks
as JSON Lines and WARC.gz shards; built into a temporary folder unless ``--shards`` names one).
Each run ingests it into an empty store and links it; then every Ray run's articles, relations,
stories (partition and link order) and facts are compared with the single-process run's.

Where the time goes: read, extract (and language), facts, embed, write, link. In the single
process they are wall seconds of one process (embedding happens inside linking there; ``link``
is linking without it). On Ray, read/extract/facts/embed are summed over the workers
(worker-seconds), write is the driver's; ``wall`` is the run as a user waits for it.

    nice -n 10 uv run python bench/scale_bench.py [--shards DIR] [--db DIR_OR_URL] [--runs local ray1 ray2] [--json OUT]

``--db``: a folder for the SQLite stores (one per run: local.sqlite, ray1.sqlite, …), or a
``postgresql://`` URL once that backend is merged: each run then uses the database named by the
URL with ``_local``, ``_ray1``, ``_ray2`` appended (create them empty first).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
STAGES = ("read", "extract", "facts", "embed", "write", "link")


class Timer:
    """Seconds spent inside wrapped functions, per stage (not re-entrant across stages)."""

    def __init__(self) -> None:
        self.seconds = dict.fromkeys(STAGES, 0.0)

    def wrap(self, owner: Any, name: str, stage: str) -> None:
        original = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - start

        setattr(owner, name, timed)
        self._undo = [*getattr(self, "_undo", []), (owner, name, original)]

    def timed_iter(self, items: Any, stage: str) -> Any:
        iterator = iter(items)
        while True:
            start = time.perf_counter()
            try:
                item = next(iterator)
            except StopIteration:
                return
            finally:
                self.seconds[stage] += time.perf_counter() - start
            yield item

    def undo(self) -> None:
        for owner, name, original in reversed(getattr(self, "_undo", [])):
            setattr(owner, name, original)
        self._undo = []


def open_store(db: str, run: str) -> Any:
    """A fresh store for one run: a SQLite file in the folder ``db``, or ``db``'s database + ``_run``."""
    from newsweave import Newsweave
    from newsweave.cli.state import settings_from

    if "://" in db:
        return Newsweave(settings_from(f"{db}_{run}"))  # type: ignore[arg-type]  (the PostgreSQL branch takes URLs)
    path = Path(db) / f"{run}.sqlite"
    for old in Path(db).glob(f"{run}.sqlite*"):
        old.unlink()
    return Newsweave(settings_from(path))


def run_local(db: str, shards: list[str]) -> dict[str, Any]:
    """Ingest and link in this process, timing each stage."""
    import newsweave.core as core
    from newsweave.analyze.embedding import RoutedEmbedder
    from newsweave.analyze.facts import FactAnalyzer
    from newsweave.pipeline import Pipeline

    timer = Timer()
    read_inputs = core.read_inputs
    core.read_inputs = lambda *a, **k: timer.timed_iter(read_inputs(*a, **k), "read")  # type: ignore[assignment]
    timer.wrap(Pipeline, "understand", "extract")
    timer.wrap(FactAnalyzer, "read", "facts")
    timer.wrap(RoutedEmbedder, "embed", "embed")
    try:
        with open_store(db, "local") as nw:
            nw.pipeline(), nw.fact_analyzer()  # built before the clock, as Ray's workers load before work
            start = time.perf_counter()
            report = nw.ingest(shards, workers=1)
            ingest = time.perf_counter() - start
            embed_at_ingest = timer.seconds["embed"]
            linked = nw.link()
            total = time.perf_counter() - start
            link = total - ingest
            seconds = dict(timer.seconds)
            seconds["write"] = ingest - seconds["read"] - seconds["extract"] - seconds["facts"] - embed_at_ingest
            seconds["link"] = link - (seconds["embed"] - embed_at_ingest)
            seconds.update(ingest_wall=ingest, link_wall=link, wall=total)
            return {"run": "local", "stored": report.stored, "read": report.read, "rejected": report.rejected,
                    "relations": linked.links, "stories": linked.stories, "seconds": seconds,
                    "outcome": _outcome(nw), "bytes": _store_bytes(nw)}  # fmt: skip
    finally:
        core.read_inputs = read_inputs  # type: ignore[assignment]
        timer.undo()


def run_ray(db: str, shards: list[str], workers: int) -> dict[str, Any]:
    """Ingest on Ray with ``workers`` workers (the cluster is already up), then link in the driver."""
    from newsweave.analyze.embedding import RoutedEmbedder
    from newsweave.scale import ray_ingest

    timer = Timer()
    timer.wrap(RoutedEmbedder, "embed", "embed")  # in the driver: the sentence vectors linking needs
    try:
        with open_store(db, f"ray{workers}") as nw:
            start = time.perf_counter()
            bulk = ray_ingest(nw, shards, workers=workers)
            ingest = time.perf_counter() - start
            linked = nw.link()
            total = time.perf_counter() - start
            seconds = {k: bulk.seconds[k] for k in ("read", "extract", "facts", "embed", "write")}
            seconds["embed"] += timer.seconds["embed"]
            seconds["link"] = total - ingest - timer.seconds["embed"]
            seconds.update(ingest_wall=ingest, link_wall=total - ingest, wall=total, startup=bulk.seconds["startup"])
            return {"run": f"ray{workers}", "stored": bulk.ingest.stored, "read": bulk.ingest.read,
                    "rejected": bulk.ingest.rejected, "relations": linked.links, "stories": linked.stories,
                    "seconds": seconds, "outcome": _outcome(nw), "bytes": _store_bytes(nw)}  # fmt: skip
    finally:
        timer.undo()


def _outcome(nw: Any) -> Any:
    from newsweave.scale.compare import outcome

    return outcome(nw)


def _store_bytes(nw: Any) -> dict[str, int]:
    """The store's size on disk, and the vector index's beside it (SQLite only)."""
    path = Path(str(getattr(nw.store, "path", "")))
    if not path.is_file():
        return {}
    store = sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if "usearch" not in p.name)
    index = sum(p.stat().st_size for p in path.parent.glob(path.name + "*usearch*"))
    return {"store": store, "index": index}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shards", type=Path, help="a folder of shards (default: built by scripts/make_bulk_shards.py)"
    )
    parser.add_argument("--db", help="a folder for the SQLite stores, or a postgresql:// URL (default: a temp folder)")
    parser.add_argument("--runs", nargs="+", default=["local", "ray1", "ray2"], choices=["local", "ray1", "ray2"])
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="scale-bench-"))
    shards_dir = args.shards or tmp / "shards"
    if args.shards is None:
        subprocess.run([sys.executable, str(ROOT / "scripts" / "make_bulk_shards.py"), str(shards_dir)], check=True)
    shards = sorted(str(p) for p in shards_dir.iterdir())
    db = args.db or str(tmp)
    results: list[dict[str, Any]] = []
    loads = [os.getloadavg()]
    ray_up = 0.0
    for run in args.runs:
        print(f"-- {run} (load average {os.getloadavg()[0]:.1f})", flush=True)
        cpu = _cpu()
        if run == "local":
            results.append(run_local(db, shards))
        else:
            if not ray_up:
                os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")  # before Ray is imported: see ray_engine
                import ray

                start = time.perf_counter()
                ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
                ray_up = time.perf_counter() - start
            results.append(run_ray(db, shards, int(run[-1])))
        loads.append(os.getloadavg())
        results[-1]["seconds"]["driver_cpu"] = _cpu() - cpu
        _print_run(results[-1])
        if results[-1]["run"] != "local" and results[0]["run"] == "local":
            from newsweave.scale.compare import differences

            diff = differences(results[0]["outcome"], results[-1]["outcome"])
            print(f"   vs local: {'; '.join(diff) or 'same articles, relations, stories, link order and facts'}")
    print(f"\nRay cluster start: {ray_up:.1f} s (once, before the Ray runs; not in their wall times)")
    _print_summary(results, loads)
    if args.json:
        plain = [{k: v for k, v in r.items() if k != "outcome"} for r in results]
        args.json.write_text(json.dumps({"runs": plain, "load": loads, "ray_start": ray_up,
                                         "cpus": os.cpu_count(), "peak_rss_mb": _rss_mb()}, indent=2))  # fmt: skip


def _print_run(r: dict[str, Any]) -> None:
    s = r["seconds"]
    parts = " · ".join(f"{k} {s[k]:.1f}" for k in STAGES)
    counts = f"{r['stored']} stored of {r['read']} read, {r['relations']} relations, {r['stories']} stories"
    walls = f"wall {s['wall']:.1f} s (ingest {s['ingest_wall']:.1f}, link {s['link_wall']:.1f})"
    walls += f", driver CPU {s['driver_cpu']:.1f} s"
    print(f"{r['run']}: {counts}; {walls}; {parts}", flush=True)


def _print_summary(results: list[dict[str, Any]], loads: list[tuple[float, float, float]]) -> None:
    from newsweave.scale.compare import differences

    base = next((r for r in results if r["run"] == "local"), results[0])
    n = base["stored"]
    print(
        f"\n{'run':6} {'art/s':>7} {'ingest/s':>8} {'ratio':>6}  "
        + " ".join(f"{k:>8}" for k in STAGES)
        + "  (ms per article)"
    )
    for r in results:
        s = r["seconds"]
        ms = " ".join(f"{1000 * s[k] / max(1, r['stored']):8.1f}" for k in STAGES)
        ratio = base["seconds"]["wall"] / s["wall"]
        print(f"{r['run']:6} {r['stored'] / s['wall']:7.2f} {r['stored'] / s['ingest_wall']:8.2f} {ratio:6.2f}  {ms}")
    for r in results:
        if r is base:
            continue
        diff = differences(base["outcome"], r["outcome"])
        print(f"{r['run']} vs {base['run']}: " + ("same articles, relations, stories, link order and facts" if not diff
              else "; ".join(diff)))  # fmt: skip
    out = base["outcome"]
    print(f"{base['run']}: {len(out.articles)} articles, {len(out.relations)} relations, {len(out.stories)} stories")
    if base["bytes"]:
        b = base["bytes"]
        print(
            f"store {b['store'] / n / 1024:.1f} KiB and vector index {b['index'] / n / 1024:.2f} KiB per article ({n})"
        )
    print("load average (1 min) before and after each run: " + ", ".join(f"{x[0]:.1f}" for x in loads)
          + f" on {os.cpu_count()} CPUs; peak driver memory {_rss_mb():.0f} MB")  # fmt: skip


def _cpu() -> float:
    """CPU seconds of this process (the driver) so far, every thread: on a shared machine, what the work cost."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
