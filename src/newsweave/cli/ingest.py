"""`newsweave ingest`: read inputs of any common form into the store."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, cast

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag, workers_count
from newsweave.cli.state import open_newsweave
from newsweave.config import Workers
from newsweave.records import ItemResult, Outcome

# Exit code when every input was rejected: the run worked, but nothing usable came of it.
EXIT_NOTHING_USABLE = 3


class Engine(StrEnum):
    """Where ingest runs: this process, or a Ray cluster (docs/scale.md)."""

    LOCAL = "local"
    RAY = "ray"


def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")],
    link: Annotated[bool, typer.Option("--link", help="Then link what is new (as `newsweave link`).")] = False,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="local: this process (and --workers processes); ray: shards in parallel on Ray (docs/scale.md).",
        ),
    ] = Engine.LOCAL,
    workers: Annotated[
        str | None,
        typer.Option(
            "--workers",
            metavar="N|auto",
            callback=workers_count,
            help="local: processes that extract, read facts and embed, then relate what --link links "
            "(default $NEWSWEAVE_WORKERS, else auto: one per core that free memory holds once the inputs "
            "hold 200 new items, else 1: this process alone); ray: workers (default and auto: the "
            "cluster's CPUs).",
        ),
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Read news files (text captures, HTML, WARC, JSON Lines, RSS/Atom; gzipped too) into the store.

    Directories are read recursively. Re-running is safe: content already stored is counted as
    a duplicate. Unusable inputs get one line each and a row in `newsweave rejections`.

    Example: newsweave ingest ../shared/seeds --link
    """
    told = cast("Workers | None", workers)  # ``workers_count`` made it a number or "auto"
    stored_ids: list[str] = []
    counts = {outcome: 0 for outcome in Outcome}
    with open_newsweave(ctx) as nw, render.ingest_progress() as progress:
        task = progress.add_task("ingesting", total=None, counts="")

        def on_result(result: ItemResult) -> None:
            counts[result.outcome] += 1
            if result.outcome is Outcome.STORED and result.article_id:
                stored_ids.append(result.article_id)
            elif result.outcome is Outcome.REJECTED:
                render.rejection_line(result.item, result.reason or "")
            summary = " · ".join(f"{n} {o.value}" for o, n in counts.items())
            progress.update(task, advance=1, counts=summary)

        bulk = None
        if engine is Engine.RAY:
            from newsweave.scale import ray_ingest  # Ray loads only when asked for

            cluster = told if isinstance(told, int) else None
            bulk = ray_ingest(nw, paths, workers=cluster, on_result=on_result)
            report = bulk.ingest
        elif (processes := nw.ingest_workers(paths, told or nw.settings.workers or "auto")) > 1:
            # Said, since the workers take seconds to start and gigabytes each (``scale.auto``).
            progress.update(task, description=f"ingesting on {processes} workers")
            bulk = nw.ingest_on_workers(paths, processes, on_result=on_result)
            report = bulk.ingest
        else:
            report = nw.ingest(paths, on_result=on_result, workers=1)
        linked = None
        if link:
            progress.update(task, description="linking", counts="")
            local = told if engine is Engine.LOCAL else None  # Ray's workers are not this machine's processes
            linked = nw.link(on_article=lambda _: progress.update(task, advance=1), workers=local)
        progress.stop()
        if json_output:
            extra = {"linked": linked.linked, "relations": linked.links, "stories": linked.stories} if linked else {}
            bulk_fields = bulk.as_dict() if bulk else {}
            render.print_json({**bulk_fields, **report.as_dict(), "stored_ids": stored_ids, **extra})
        else:
            render.ingest_summary(report, (nw.article(i) for i in stored_ids[:50]))
            if linked:
                render.out.print(f"{linked.linked} linked · {linked.links} relations · {linked.stories} stories")
    if report.read and report.rejected == report.read:
        raise typer.Exit(EXIT_NOTHING_USABLE)
