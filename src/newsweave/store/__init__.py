"""The store stage: SQLite by default, PostgreSQL for a ``postgresql://`` URL, behind the ``Store`` protocol."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsweave.config import is_database_url
from newsweave.errors import ConfigError
from newsweave.store.base import Store, StoredEmbedding
from newsweave.store.sqlite import SqliteStore
from newsweave.store.transfer import MigrationReport, migrate

__all__ = ["SqliteStore", "Store", "StoredEmbedding", "move_store", "open_store"]


def open_store(target: str | Path) -> Store:
    """Open the store at ``target``: a ``postgresql://`` URL opens PostgreSQL, anything else a SQLite file.

    Example:
        >>> open_store(":memory:").count_articles()
        0
    """
    if is_database_url(str(target)):
        from newsweave.store.postgres import PostgresStore  # psycopg loads only when asked for

        return PostgresStore(str(target))
    return SqliteStore(target)


def move_store(
    source: str | Path, target: str | Path, *, on_table: Callable[[str, int], None] | None = None
) -> MigrationReport:
    """Copy the store at ``source`` into a new or empty store at ``target`` (either backend, either way).

    Every table's row count and checksum are compared after the move; a difference raises
    StoreError. The source is only read.
    """
    if str(source) == str(target):
        raise ConfigError("--from and --to are the same store", hint="give a new SQLite file or an empty database")
    with closing(open_store(source)) as old, closing(open_store(target)) as new:
        return migrate(old, new, on_table=on_table)
