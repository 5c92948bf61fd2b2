"""How many worker processes an ingest gets when nobody said: enough new items, cores and memory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave import Newsweave, Settings
from newsweave.cli import app
from newsweave.errors import ConfigError
from newsweave.records import IngestReport
from newsweave.scale import auto
from newsweave.scale import pool as pool_module
from newsweave.scale.pool import WorkerPool
from newsweave.scale.writer import BulkReport


@pytest.fixture
def roomy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine of 4 cores with memory for 3 workers, on which 3 new items are enough for a pool."""
    monkeypatch.setattr(auto, "usable_cores", lambda: 4)
    monkeypatch.setattr(auto, "available_memory", lambda: auto.SPARE_BYTES + 3 * auto.WORKER_BYTES + 1)
    monkeypatch.setattr(auto, "AUTO_ITEMS", 3)


@pytest.mark.usefixtures("roomy")
def test_a_large_enough_run_gets_a_worker_per_core_that_memory_holds(seeds_dir: Path, tmp_path: Path) -> None:
    with Newsweave(Settings(db_path=tmp_path / "n.sqlite")) as nw:
        assert auto.auto_workers(nw, [str(seeds_dir)]) == 3  # 4 cores, memory for 3


@pytest.mark.usefixtures("roomy")
def test_items_already_stored_are_not_counted(seeds_dir: Path, tmp_path: Path) -> None:
    with Newsweave(Settings(db_path=tmp_path / "n.sqlite")) as nw:
        nw.ingest([seeds_dir], workers=1)
        assert auto.new_items(nw, [str(seeds_dir)], 10) == 0
        assert auto.auto_workers(nw, [str(seeds_dir)]) == 1  # a re-run has nothing for workers to do


@pytest.mark.usefixtures("roomy")
def test_standard_input_and_small_machines_run_in_this_process(
    seeds_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Newsweave(Settings(db_path=tmp_path / "n.sqlite")) as nw:
        assert auto.auto_workers(nw, [str(seeds_dir), "-"]) == 1  # stdin cannot be counted first
        monkeypatch.setattr(auto, "available_memory", lambda: auto.SPARE_BYTES + auto.WORKER_BYTES)
        assert auto.auto_workers(nw, [str(seeds_dir)]) == 1  # memory for one worker: no gain
        monkeypatch.setattr(auto, "available_memory", lambda: None)
        monkeypatch.setattr(auto, "usable_cores", lambda: 1)
        assert auto.auto_workers(nw, [str(seeds_dir)]) == 1


def test_a_small_run_stays_in_this_process(seeds_dir: Path, tmp_path: Path) -> None:
    with Newsweave(Settings(db_path=tmp_path / "n.sqlite")) as nw:
        assert nw.ingest_workers([str(seeds_dir)], "auto") == 1  # three items, far below AUTO_ITEMS
        assert nw.ingest_workers([str(seeds_dir)], 2) == 2  # said, not guessed
        assert nw.ingest_workers([str(seeds_dir)]) == 1  # from Python, unset is this process alone


def test_workers_come_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for raw, expected in (("2", 2), ("auto", "auto"), (" AUTO ", "auto"), ("", None)):
        monkeypatch.setenv("NEWSWEAVE_WORKERS", raw)
        assert Settings(db_path=tmp_path / "a.sqlite").workers == expected
    for bad in ("0", "many"):
        monkeypatch.setenv("NEWSWEAVE_WORKERS", bad)
        with pytest.raises(ConfigError, match="NEWSWEAVE_WORKERS"):
            Settings(db_path=tmp_path / "a.sqlite")
    monkeypatch.delenv("NEWSWEAVE_WORKERS")
    with pytest.raises(ConfigError, match="auto"):
        Settings(db_path=tmp_path / "a.sqlite", workers="all")  # type: ignore[arg-type]


def test_the_free_memory_is_read() -> None:
    free = auto.available_memory()
    if Path("/proc/meminfo").exists():  # Linux: MemAvailable, always there since 3.14
        assert free is not None and 0 < free <= os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    else:
        assert free is None or free > 0


@pytest.fixture
def pooled(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The workers each pooled ingest was given (the pool's work itself is tested in test_pool)."""
    used: list[int] = []

    def pool_ingest(nw: Newsweave, inputs: list[str], *, on_result: object, pool: WorkerPool) -> BulkReport:
        used.append(pool.workers)
        return BulkReport(IngestReport(), pool.workers)

    monkeypatch.setattr(pool_module, "pool_ingest", pool_ingest)
    return used


@pytest.mark.usefixtures("roomy")
def test_an_ingest_that_pays_runs_on_the_workers_and_its_link_keeps_them(
    seeds_dir: Path, tmp_path: Path, pooled: list[int]
) -> None:
    with Newsweave(Settings(db_path=tmp_path / "n.sqlite")) as nw:
        nw.ingest([seeds_dir], workers="auto")
        assert pooled == [3]
        assert nw._pool is not None and nw._pool.workers == 3  # kept for the link that follows


@pytest.mark.usefixtures("roomy")
def test_the_cli_chooses_unless_told(
    seeds_dir: Path, tmp_path: Path, pooled: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSWEAVE_WORKERS", raising=False)
    cases = (([], [3]), (["--workers", "1"], [3]), (["--workers", "auto"], [3, 3]), (["--workers", "2"], [3, 3, 2]))
    for i, (told, expected) in enumerate(cases):  # a store each: the seeds are new items every time
        result = CliRunner().invoke(app, ["--db", str(tmp_path / f"{i}.sqlite"), "ingest", *told, str(seeds_dir)])
        assert result.exit_code == 0, result.output
        assert pooled == expected


def test_the_cli_refuses_a_count_that_is_not_one(seeds_dir: Path, tmp_path: Path) -> None:
    for bad in ("0", "many"):
        result = CliRunner().invoke(
            app, ["--db", str(tmp_path / "t.sqlite"), "ingest", "--workers", bad, str(seeds_dir)]
        )
        assert result.exit_code == 2 and "--workers" in result.output
