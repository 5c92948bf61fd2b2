"""Options shared by many commands, so every listing offers the same flags."""

from __future__ import annotations

from typing import Annotated

import typer

from newsweave.config import Workers

# SQLite's largest integer: a larger id, limit or offset is a usage error, not a crash in the store.
MAX_INT = 2**63 - 1


def within_store_range(value: int | None) -> int | None:
    """Refuse integers SQLite cannot hold (a callback, so help keeps showing the plain range)."""
    if value is not None and value > MAX_INT:
        raise typer.BadParameter(f"{value} is larger than the largest the store holds ({MAX_INT})")
    return value


def workers_count(value: str | None) -> Workers | None:
    """A number of processes (at least 1) or "auto" (a callback: typer has no "int or word" type)."""
    if value is None or value.strip().lower() == "auto":
        return None if value is None else "auto"
    try:
        count = int(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is neither a whole number nor auto") from None
    if count < 1:
        raise typer.BadParameter(f"{count} is less than 1")
    return count


JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Limit = Annotated[
    int, typer.Option("--limit", "-n", min=1, callback=within_store_range, help="Show at most this many rows.")
]
Offset = Annotated[int, typer.Option("--offset", min=0, callback=within_store_range, help="Skip this many rows first.")]
StoryId = Annotated[int, typer.Argument(min=1, callback=within_store_range, help="A story id.")]
