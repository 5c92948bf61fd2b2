"""`newsweave export`: a story, a filtered set or the whole store as JSON Lines, CSV or Parquet."""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from newsweave.cli import render
from newsweave.cli.state import open_newsweave
from newsweave.export import ExportFormat, ExportKind, article_row, relation_row, write


def export(
    ctx: typer.Context,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write; default stdout.")] = None,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = ExportFormat.JSONL,
    what: Annotated[ExportKind, typer.Option("--what", help="Articles (in full) or relations.")] = ExportKind.ARTICLES,
    story: Annotated[int | None, typer.Option("--story", help="Only this story.")] = None,
    language: Annotated[str | None, typer.Option(help="Only articles in this language.")] = None,
    outlet: Annotated[str | None, typer.Option(help="Only articles of this outlet.")] = None,
    since: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Published on or after.")] = None,
    until: Annotated[datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Published on or before.")] = None,
    text: Annotated[str | None, typer.Option("--text", help="Only articles containing every word.")] = None,
) -> None:
    """Export articles (every field of `show --json`, with story and sightings) or relations, streamed.

    Example: newsweave export --story 1 --format parquet -o story1.parquet
    """
    if format is ExportFormat.PARQUET and output is None and sys.stdout.isatty():
        raise typer.BadParameter("Parquet is binary: give --output FILE or redirect stdout", param_hint="--format")
    with open_newsweave(ctx) as nw:
        if what is ExportKind.RELATIONS:
            rows = (relation_row(x) for x in (nw.story_relations(story) if story is not None else nw.relations()))
        elif story is not None:
            rows = (article_row(nw, nw.article(i)) for i in nw.story(story).article_ids)
        else:
            found = nw.find_articles(
                language=language, outlet=outlet, since=since.date() if since else None,
                until=until.date() if until else None, text=text,
            )  # fmt: skip
            rows = (article_row(nw, a) for a in found)
        count = [0]

        def counted(row: dict[str, Any]) -> dict[str, Any]:
            count[0] += 1
            return row

        with output.open("wb") if output else open(sys.stdout.fileno(), "wb", closefd=False) as out:
            for chunk in write(map(counted, rows), what, format):
                out.write(chunk)
        render.err.print(f"{count[0]} {what.value} written" + (f" to {output}" if output else ""), markup=False)
