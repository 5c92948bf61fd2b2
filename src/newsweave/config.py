"""Settings: defaults < environment variables < explicit options."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from platformdirs import user_data_dir

from newsweave.errors import ConfigError

Workers = int | Literal["auto"]  # local processes for a run, or as many as pay (``scale.auto``)

DEFAULT_MAX_PAGE_BYTES = 20_000_000
# A gzip input may inflate to at most this many times the compressed bytes read so far (plus one
# page): news gzips inflate 3-10x, a gzip bomb 1000x. Stops a bomb early, memory and time alike.
DEFAULT_MAX_GZIP_RATIO = 100
# What can embed the languages outside USE's (``Settings.other_languages``; ``analyze.embedding``
# builds each): e5 through the bridge; the static embedder; or the lead route, e5 over each text's
# first tokens on 8-bit integers through the bridge, with static sentence vectors (linking's
# cascade checks versions across languages with e5). Named here, not there, so that reading the
# settings loads no model code.
ROUTES = ("e5", "static", "lead")
# The lead route: about six times the e5 route's speed on languages outside USE's, its precision
# and translations, most of its same-story links across USE's border (docs/languages.md).
DEFAULT_ROUTE = "lead"


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        return int(raw.replace("_", ""))
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None


def parse_workers(raw: str) -> Workers:
    """A number of processes (at least 1) or "auto", as written in $NEWSWEAVE_WORKERS or ``--workers``.

    Raises:
        ValueError: anything else, with a message saying so.
    """
    text = raw.strip().lower()
    if text == "auto":
        return "auto"
    try:
        count = int(text.replace("_", ""))
    except ValueError:
        raise ValueError(f"{raw!r} is neither a whole number nor auto") from None
    if count < 1:
        raise ValueError(f"{count} is less than 1")
    return count


def _env_workers(name: str) -> Workers | None:
    """$``name`` as ``parse_workers`` reads it, or None when unset."""
    raw = os.environ.get(name) or ""
    try:
        return parse_workers(raw) if raw.strip() else None
    except ValueError as e:
        raise ConfigError(f"{name}: {e}", hint="a whole number of at least 1, or auto") from None


def _env_switch(name: str, default: bool) -> bool:
    raw = (os.environ.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("on", "1", "true", "yes"):
        return True
    if raw in ("off", "0", "false", "no"):
        return False
    raise ConfigError(f"{name} must be on or off, got {raw!r}")


def default_data_dir() -> Path:
    """The user's data directory for newsweave: the one folder newsweave creates by itself."""
    return Path(user_data_dir("newsweave", appauthor=False))


def is_database_url(target: str | Path) -> bool:
    """True for a PostgreSQL URL (``postgresql://…``), which selects the PostgreSQL store."""
    return isinstance(target, str) and target.startswith(("postgresql://", "postgres://"))


def default_db_path() -> Path:
    """The SQLite store used when no ``--db`` is given: ``$NEWSWEAVE_DB`` or the user's data directory."""
    env = os.environ.get("NEWSWEAVE_DB")
    if env and not is_database_url(env):
        return Path(env)
    return default_data_dir() / "newsweave.sqlite"


def default_db_url() -> str | None:
    """The PostgreSQL store used when no ``--db`` is given: ``$NEWSWEAVE_DB`` when it is a URL."""
    env = os.environ.get("NEWSWEAVE_DB")
    return env if env and is_database_url(env) else None


def default_aliases_path() -> Path | None:
    """The user's entity alias file: ``$NEWSWEAVE_ENTITY_ALIASES``, if set (format: docs/entities.md)."""
    env = os.environ.get("NEWSWEAVE_ENTITY_ALIASES")
    return Path(env) if env else None


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a ``Newsweave`` instance needs to know.

    Example:
        >>> Settings(db_path=Path("news.sqlite")).batch_size
        200
    """

    db_path: Path = field(default_factory=default_db_path)
    # The most one item (a page, a JSON line, a WARC record, a feed) may hold: $NEWSWEAVE_MAX_PAGE_BYTES.
    max_page_bytes: int = field(default_factory=lambda: _env_int("NEWSWEAVE_MAX_PAGE_BYTES", DEFAULT_MAX_PAGE_BYTES))
    max_gzip_ratio: int = field(default_factory=lambda: _env_int("NEWSWEAVE_MAX_GZIP_RATIO", DEFAULT_MAX_GZIP_RATIO))
    batch_size: int = 200  # items per store transaction: a killed run loses at most one batch
    facts: bool = True  # read names, places, dates and claims at ingest (else `newsweave analyze` later)
    aliases_path: Path | None = field(default_factory=default_aliases_path)  # the user's entity aliases
    # What embeds articles in languages outside USE v3's: "lead" (e5 on each text's first 128 tokens
    # through the bridge, static sentences), "e5" (e5 on the whole text: more same-story links across
    # USE's border, about a sixth of the speed) or "static" (weaker across languages):
    # docs/languages.md. $NEWSWEAVE_OTHER_LANGUAGES. None: the route the store was linked with, and
    # lead for a store not linked yet (a store keeps one route: ``linking.store_route``).
    other_languages: str | None = field(default_factory=lambda: os.environ.get("NEWSWEAVE_OTHER_LANGUAGES") or None)
    # Read the pair scorer's second view (e5 on the leads of pairs near the same-story line): more
    # same-story pairs found at the same precision, for 0.75-0.81x the end-to-end rate (2026-12-03). Off, linking
    # decides by the first two models at 2/3, as v4 did, and loses what the second view settles
    # (seed 002 lands on the line against 001). $NEWSWEAVE_SECOND_VIEW=off.
    second_view: bool = field(default_factory=lambda: _env_switch("NEWSWEAVE_SECOND_VIEW", True))
    # Local processes that understand items at ingest (``scale.pool``): 1 is this process alone;
    # 2 on 2 cores ran 1.27-1.77x faster end to end with facts on (docs/scale.md). "auto": one per
    # usable core that free memory holds for an ingest of at least 200 new items, else 1
    # (``scale.auto``). None (unset): "auto" in the CLI; 1 from Python, where workers need the
    # script's ``if __name__ == "__main__":`` (they import it anew). $NEWSWEAVE_WORKERS.
    workers: Workers | None = field(default_factory=lambda: _env_workers("NEWSWEAVE_WORKERS"))
    # A PostgreSQL URL: when set, the store is that database and ``db_path`` is not used. Left
    # unset, a URL in $NEWSWEAVE_DB is used unless ``db_path`` was given (see ``store_target``).
    db_url: str | None = None

    def __post_init__(self) -> None:
        if self.max_page_bytes < 1:
            raise ConfigError(f"max_page_bytes must be positive, got {self.max_page_bytes}")
        if self.max_gzip_ratio < 1:
            raise ConfigError(f"max_gzip_ratio must be positive, got {self.max_gzip_ratio}")
        if self.batch_size < 1:
            raise ConfigError(f"batch_size must be positive, got {self.batch_size}")
        if self.workers not in (None, "auto") and not (isinstance(self.workers, int) and self.workers >= 1):
            raise ConfigError(f"workers (NEWSWEAVE_WORKERS) must be at least 1 or auto, got {self.workers!r}")
        if self.other_languages not in (None, *ROUTES):
            raise ConfigError(
                f"other_languages must be one of {', '.join(ROUTES)}, not {self.other_languages!r}",
                hint="fix NEWSWEAVE_OTHER_LANGUAGES",
            )
        if self.aliases_path is not None and not self.aliases_path.is_file():
            raise ConfigError(
                f"the alias file {self.aliases_path} does not exist",
                hint="unset NEWSWEAVE_ENTITY_ALIASES or create the file",
            )

    @property
    def store_target(self) -> str | Path:
        """What ``newsweave.store.open_store`` opens: the PostgreSQL URL if set, else the SQLite file.

        A ``postgresql://`` $NEWSWEAVE_DB counts only when no ``db_path`` other than the default was
        given, so ``Settings(db_path=...)`` always means that file.
        """
        if self.db_url:
            return self.db_url
        env = default_db_url()
        return env if env and self.db_path == default_db_path() else self.db_path

    def with_store(self, target: str | Path | None) -> Settings:
        """A copy whose store is ``target`` (a PostgreSQL URL or a SQLite path); None keeps the current one."""
        if target is None:
            return self
        if is_database_url(str(target)):
            return replace(self, db_url=str(target))
        return replace(self, db_path=Path(target), db_url=None)

    def with_options(self, **options: object) -> Settings:
        """Return a copy with the given options set, ignoring those left as None."""
        return replace(self, **{k: v for k, v in options.items() if v is not None})  # type: ignore[arg-type]
