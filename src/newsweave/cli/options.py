"""Options shared by many commands, so every listing offers the same flags."""

from __future__ import annotations

from typing import Annotated

import typer

from newsweave.config import Workers, parse_workers

# SQLite's largest integer: a larger id, limit or offset is a usage error, not a crash in the store.
MAX_INT = 2**63 - 1


def within_store_range(value: int | None) -> int | None:
    """Refuse integers SQLite cannot hold (a callback, so help keeps showing the plain range)."""
    if value is not None and value > MAX_INT:
        raise typer.BadParameter(f"{value} is larger than the largest the store holds ({MAX_INT})")
    return value


def workers_count(value: str | None) -> Workers | None:
    """``config.parse_workers`` as an option's callback (typer has no "int or word" type)."""
    try:
        return None if value is None else parse_workers(value)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Limit = Annotated[
    int, typer.Option("--limit", "-n", min=1, callback=within_store_range, help="Show at most this many rows.")
]
Offset = Annotated[int, typer.Option("--offset", min=0, callback=within_store_range, help="Skip this many rows first.")]
StoryId = Annotated[int, typer.Argument(min=1, callback=within_store_range, help="A story id.")]
