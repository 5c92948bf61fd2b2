"""`newsweave migrate`: move a store between SQLite and PostgreSQL, and prove nothing was lost."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from newsweave.cli import render
from newsweave.cli.options import JsonFlag
from newsweave.store import move_store


def migrate(
    source: Annotated[str, typer.Option("--from", help="The store to copy: a SQLite file or a postgresql:// URL.")],
    target: Annotated[
        str, typer.Option("--to", help="A new SQLite file or an empty PostgreSQL database to copy it into.")
    ],
    as_json: JsonFlag = False,
) -> None:
    """Copy a whole store into another backend; compare row counts and checksums of every table after.

    The source is only read. The target must be new or empty. The full-text index, the pgvector
    column and the saved vector graph are rebuilt by the target, not copied.

    Example: newsweave migrate --from news.sqlite --to postgresql://newsweave@localhost/news
    """
    report = move_store(source, target, on_table=lambda table, rows: render.err.print(
        f"copied {table}: {rows} rows", markup=False))  # fmt: skip
    if as_json:
        render.print_json(
            {
                "identical": report.identical,
                "tables": {t: {"rows": s.rows, "sha256": s.sha256} for t, s in report.target.items()},
            }
        )
        return
    table = Table("table", "rows", "sha256 (source = target)")
    for name, sums in report.target.items():
        table.add_row(name, str(sums.rows), sums.sha256[:16])
    render.out.print(table)
    total = sum(s.rows for s in report.target.values())
    render.err.print(
        f"{total} rows in {len(report.target)} tables moved; row counts and checksums identical", markup=False
    )
