"""Per-invocation state shared by the commands: the settings built from global options."""

from __future__ import annotations

from pathlib import Path

import typer

from newsweave.config import Settings
from newsweave.core import Newsweave


def open_newsweave(ctx: typer.Context) -> Newsweave:
    """Open the facade on the settings the global options chose."""
    root = ctx.find_root()
    settings = root.obj if isinstance(root.obj, Settings) else Settings()
    return Newsweave(settings)


def settings_from(db: str | Path | None) -> Settings:
    """Settings from the global options (unset options keep their defaults); ``db`` is a path or URL."""
    return Settings().with_store(db)
