"""Bulk ingest on Ray Data: many shards read in parallel, understood on a pool of workers, one writer.

The stages, as Ray Data runs them::

    input files (one block each)
      → read_shard        tasks, in parallel; items already in the store are not shipped
      → Understander      a pool of ``workers`` actors, models loaded once each, ``batch_size`` items a call:
                          extract, language, facts, document and title vectors
      → the driver        the one writer: articles, facts, vectors, sightings and rejections,
                          ``settings.batch_size`` rows per transaction
    then (``Newsweave.link``) linking over the new articles in publication order.

Same result as ``Newsweave.ingest`` on the same inputs: each item goes through the same calls,
and by default rows reach the writer in input order (Ray Data's ``preserve_order``), so even the
store's ingest order, which breaks ties between equal publication times, is the same. With
``ordered=False`` rows are written as workers finish them; linking still follows publication time.

Killed and re-run on the same shards, a run does no item twice: the content hashes of stored
articles and rejected items go to the readers (32 bytes each, shared read-only), which pass
those items on unread; a killed run loses at most the transaction it was writing.
"""

from __future__ import annotations

import logging
import os
import pickle
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.analyze.places.outlets import REMEMBERED_ARTICLES
from newsweave.errors import ConfigError, ModelUnavailable
from newsweave.ingest import STDIN, list_inputs
from newsweave.linking import store_route
from newsweave.records import IngestReport, ItemResult
from newsweave.scale.stages import REJECTION, TIMINGS, Understander, known_ids, read_shard
from newsweave.scale.writer import BulkReport, BulkStore, Writer, finish_run

if TYPE_CHECKING:
    from newsweave.core import Newsweave

log = logging.getLogger(__name__)

DEFAULT_BATCH = 16  # items per call on a worker: small enough to keep every worker busy on a small run


def ray_ingest(
    nw: Newsweave,
    paths: Iterable[str | Path],
    *,
    workers: int | None = None,
    batch_size: int = DEFAULT_BATCH,
    ordered: bool = True,
    address: str | None = None,
    on_result: Callable[[ItemResult], None] | None = None,
) -> BulkReport:
    """Read, extract, analyze and embed ``paths`` on a Ray cluster and store the result through ``nw``.

    Uses the Ray cluster already initialised in this process, else the one at ``address`` (or
    ``$RAY_ADDRESS``), else starts one on this machine (and stops it after). Link afterwards with
    ``nw.link()``: articles are linked in publication order, whatever order they arrived in.

    Args:
        workers: actors that understand items (one CPU each); default: the cluster's CPUs.
        batch_size: items per call on a worker.
        ordered: write in input order (the store then equals a single-process run's, ingest order included).
        on_result: called with each item's result, inside the transaction that writes it.

    Raises:
        ConfigError: "-" (stdin) among the paths: a bulk run reads files.
        ModelUnavailable: Ray is not installed (``pip install 'newsweave[ray]'``).
    """
    inputs = [str(p) for p in paths]
    if STDIN in inputs:
        raise ConfigError("a bulk run reads files, not stdin", hint="save the stream to a file, or use --engine local")
    store: BulkStore = nw.store  # type: ignore[assignment]
    started = time.perf_counter()
    ray = _ray()
    owned = not ray.is_initialized()
    if owned:
        address = address or os.environ.get("RAY_ADDRESS")
        # Options of a new cluster are refused when joining a running one: only a local start gets them.
        local = {} if address else {"include_dashboard": False}
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING, **local)
    try:
        workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        report = BulkReport(IngestReport(), workers)
        report.seconds["startup"] = time.perf_counter() - started
        frames = _stream(nw, inputs, store, workers, batch_size, ordered)
        Writer(store, report, nw.settings.batch_size, on_result).run(
            row for frame in frames for row in frame.to_dict("records")
        )
    finally:
        if owned:
            ray.shutdown()
    return finish_run(store, report, inputs, started)


def _ray() -> Any:
    # Under `uv run`, Ray would otherwise build each worker a fresh virtual environment from the
    # working directory (its uv integration): workers use this process's environment instead.
    os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise ModelUnavailable(
            "Ray is not installed", hint="install the ray extra: pip install 'newsweave[ray]' (or uv sync --extra ray)"
        ) from e
    return ray


def _stream(
    nw: Newsweave, inputs: list[str], store: BulkStore, workers: int, batch_size: int, ordered: bool
) -> Iterator[Any]:
    """The dataset's output, frame by frame (pandas), as the writer consumes it."""
    import ray.data

    settings = nw.settings
    files = [
        {"path": entry, "listing": b""} if isinstance(entry, str) else {"path": "", "listing": pickle.dumps(entry)}
        for entry in list_inputs(inputs)
    ]
    known = known_ids(chain(store.article_ids(), store.rejected_item_ids()))
    with warnings.catch_warnings():  # Ray Data's own default context sets options it deprecated
        warnings.simplefilter("ignore", DeprecationWarning)
        context = ray.data.DataContext.get_current()
    saved = context.execution_options.preserve_order, context.enable_progress_bars
    context.execution_options.preserve_order = ordered
    context.enable_progress_bars = False
    if not logging.getLogger("newsweave").isEnabledFor(logging.DEBUG):
        logging.getLogger("ray.data").setLevel(logging.WARNING)
    try:
        dataset = (
            ray.data.from_items(files, override_num_blocks=max(1, len(files)))
            .flat_map(
                _read,
                fn_kwargs={
                    "known": known,
                    "max_page_bytes": settings.max_page_bytes,
                    "max_gzip_ratio": settings.max_gzip_ratio,
                },
                # Reading is light next to understanding: it takes no CPU of the workers' (which
                # would leave none for it when the actors hold every CPU), at most two at a time.
                num_cpus=0,
                compute=ray.data.TaskPoolStrategy(size=min(2, max(1, len(files)))),
            )
            .map_batches(
                Understander,
                fn_constructor_kwargs={
                    "facts": settings.facts,
                    "aliases_path": str(settings.aliases_path) if settings.aliases_path else None,
                    # The store's route, as the driver's linker takes it: vectors the linker can use.
                    "other_languages": store_route(nw.store, settings.other_languages),
                    "leads": settings.second_view,
                    "outlet_pins": nw.store.outlet_pins(REMEMBERED_ARTICLES) if settings.facts else [],
                },
                batch_size=batch_size,
                batch_format="pandas",
                compute=ray.data.ActorPoolStrategy(size=workers),
                num_cpus=1,
            )
        )
        batches = dataset.iter_batches(batch_size=None, batch_format="pandas")
        try:
            yield from batches
        finally:
            close = getattr(batches, "close", None)
            if close:
                close()  # an interrupted run stops its workers now, not at garbage collection
    finally:
        context.execution_options.preserve_order, context.enable_progress_bars = saved


def _read(row: dict[str, Any], **kwargs: Any) -> Iterator[dict[str, Any]]:
    """A listing's rejection (a path that names nothing) passes on; a file is read."""
    if row["listing"]:
        yield {"kind": REJECTION, "id": "", "blob": row["listing"], **dict.fromkeys(TIMINGS, 0.0)}
        return
    yield from read_shard(row, **kwargs)
