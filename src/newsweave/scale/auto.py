"""How many local worker processes an ingest gets when the user did not say (``Settings.workers`` None).

A pool pays on a large run and costs on a small one: each worker loads its own models (USE, e5,
the facts readers, the cascade's e5 once linking asks for it: seconds, and 3.1-4.0 GB at its
peak on the benchmarks), so on 2 cores
``ingest --link`` of 150 SemEval-built articles took as long on two workers as in one process
(31.4 s against 30.9 s), and of 400 articles 47.3 s against 53.1 s: about 4 s more to start, 25 ms
less an article, even at ~170 articles (docs/scale.md). So a run gets one worker per usable core,
as many as the free memory holds, once it has at least ``AUTO_ITEMS`` items not stored yet
(counted by reading the inputs' first items, which is cheap beside understanding them); else this
process alone. Standard input is read once, so it cannot be counted first: this process alone.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsweave.ingest import read_inputs
from newsweave.records import RawItem

if TYPE_CHECKING:
    from newsweave.core import Newsweave

AUTO_ITEMS = 200  # new items from which a pool pays for its start (break-even ~170, above)
WORKER_BYTES = 9 * 2**29  # 4.5 GB a worker: its peak on the benchmarks was 3.1-4.0 GB with the cascade's e5 loaded
SPARE_BYTES = 2 * 2**30  # this process (writer, linking's indexes and models) and the rest of the machine


def auto_workers(nw: Newsweave, inputs: Sequence[str]) -> int:
    """Workers for an ingest of ``inputs`` into ``nw`` (1: this process alone).

    Example (three items are too few for a pool):
        >>> import tempfile, pathlib
        >>> from newsweave import Newsweave, Settings
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> for name in "abc":
        ...     _ = (folder / f"{name}.txt").write_text(f"Title {name}\\n\\nText {name}.")
        >>> store = pathlib.Path(tempfile.mkdtemp()) / "n.sqlite"
        >>> with Newsweave(Settings(db_path=store)) as nw:
        ...     new_items(nw, [str(folder)], AUTO_ITEMS), auto_workers(nw, [str(folder)])
        (3, 1)
    """
    most = min(usable_cores(), workers_memory_holds())
    if most < 2 or "-" in inputs:
        return 1
    return most if new_items(nw, inputs, AUTO_ITEMS) >= AUTO_ITEMS else 1


def new_items(nw: Newsweave, inputs: Sequence[str], enough: int) -> int:
    """How many items of ``inputs`` are not stored yet, counted up to ``enough`` (rejections are not work)."""
    settings = nw.settings
    entries = read_inputs(inputs, max_page_bytes=settings.max_page_bytes, max_gzip_ratio=settings.max_gzip_ratio)
    count = 0
    try:
        for entry in entries:
            if isinstance(entry, RawItem) and not nw.store.has_article(entry.id):
                count += 1
                if count >= enough:
                    break
    finally:
        entries.close()  # the reader's open files and archives
    return count


def usable_cores() -> int:
    """The cores this process may run on (a container's or ``taskset``'s limit, not the machine's)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def workers_memory_holds() -> int:
    """How many workers the memory free now holds beside this process (a large number when unknown)."""
    free = available_memory()
    if free is None:
        return 1 << 16
    return max(0, (free - SPARE_BYTES) // WORKER_BYTES)


def available_memory() -> int | None:
    """Bytes the system can give without swapping: MemAvailable on Linux, else free pages, else None."""
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError, AttributeError):
        return None
