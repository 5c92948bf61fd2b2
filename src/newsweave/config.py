"""Settings: defaults < environment variables < explicit options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from platformdirs import user_data_dir

from newsweave.errors import ConfigError

DEFAULT_MAX_PAGE_BYTES = 20_000_000


def default_db_path() -> Path:
    """The store used when no ``--db`` is given: ``$NEWSWEAVE_DB`` or the user's data directory."""
    env = os.environ.get("NEWSWEAVE_DB")
    if env:
        return Path(env)
    return Path(user_data_dir("newsweave", appauthor=False)) / "newsweave.sqlite"


def default_aliases_path() -> Path | None:
    """The user's entity alias file: ``$NEWSWEAVE_ALIASES``, if set (format: docs/facts.md)."""
    env = os.environ.get("NEWSWEAVE_ALIASES")
    return Path(env) if env else None


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
    facts: bool = True  # read names, places, dates and claims at ingest (else `newsweave analyze` later)
    aliases_path: Path | None = field(default_factory=default_aliases_path)  # the user's entity aliases

    def __post_init__(self) -> None:
        if self.max_page_bytes < 1:
            raise ConfigError(f"max_page_bytes must be positive, got {self.max_page_bytes}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        if self.aliases_path is not None and not self.aliases_path.is_file():
            raise ConfigError(
                f"the alias file {self.aliases_path} does not exist", hint="unset NEWSWEAVE_ALIASES or create the file"
            )

    def with_options(self, **options: object) -> Settings:
        """Return a copy with the given options set, ignoring those left as None."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})  # type: ignore[arg-type]
