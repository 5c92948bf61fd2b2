"""`newsweave eval …`: reproduce every quality figure in the README on public data."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from newsweave.cli import render
from newsweave.cli.options import JsonFlag

app = typer.Typer(help="Reproduce the quality figures in the README.", no_args_is_help=True)


@app.command("extraction")
def extraction(
    bench_dir: Annotated[
        Path | None, typer.Option("--bench-dir", help="The article-extraction benchmark folder.")
    ] = None,
    json_output: JsonFlag = False,
) -> None:
    """Score body extraction on the article-extraction benchmark, bare trafilatura beside it.

    Example: newsweave eval extraction --bench-dir ../shared/benchmarks/article-extraction
    """
    import newsweave.eval.extraction as ev

    scores = ev.evaluate(bench_dir or ev.default_bench_dir())
    if json_output:
        render.print_json([asdict(s) for s in scores])
    else:
        render.out.print(render.scores_table(scores, title="Article body extraction (shingle P/R/F1)"))
