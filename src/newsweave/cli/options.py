"""Options shared by many commands, so every listing offers the same flags."""

from __future__ import annotations

from typing import Annotated

import typer

# SQLite's largest integer: a larger id, limit or offset is a usage error, not a crash in the store.
MAX_INT = 2**63 - 1

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, max=MAX_INT, help="Show at most this many rows.")]
Offset = Annotated[int, typer.Option("--offset", min=0, max=MAX_INT, help="Skip this many rows first.")]
StoryId = Annotated[int, typer.Argument(min=1, max=MAX_INT, help="A story id.")]
