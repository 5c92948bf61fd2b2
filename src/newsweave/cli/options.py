"""Options shared by many commands, so every listing offers the same flags."""

from __future__ import annotations

from typing import Annotated

import typer

JsonFlag = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
Limit = Annotated[int, typer.Option("--limit", "-n", min=1, help="Show at most this many rows.")]
Offset = Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first.")]
