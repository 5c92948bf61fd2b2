"""Settings: defaults < environment variables < explicit options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir

from newsweave.errors import ConfigError

DEFAULT_MAX_PAGE_BYTES = 20_000_000


def default_data_dir() -> Path:
    """The user's data directory for newsweave: the one folder newsweave creates by itself."""
    return Path(user_data_dir("newsweave", appauthor=False))


def default_db_path() -> Path:
    """The store used when no ``--db`` is given: ``$NEWSWEAVE_DB`` or the user's data directory."""
    env = os.environ.get("NEWSWEAVE_DB")
    if env:
        return Path(env)
    return default_data_dir() / "newsweave.sqlite"


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a ``Newsweave`` instance needs to know.

    Example:
        >>> Settings(db_path=Path("news.sqlite")).batch_size
        200
    """

    db_path: Path = field(default_factory=default_db_path)
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    batch_size: int = 200  # items per store transaction: a killed run loses at most one batch

    def __post_init__(self) -> None:
        if self.max_page_bytes < 1:
            raise ConfigError(f"max_page_bytes must be positive, got {self.max_page_bytes}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")

    def with_options(self, **options: object) -> Settings:
        """Return a copy with the given options set, ignoring those left as None."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})  # type: ignore[arg-type]
