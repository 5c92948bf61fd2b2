"""The store stage: SQLite by default, PostgreSQL for a ``postgresql://`` URL, behind the ``Store`` protocol."""

from __future__ import annotations

from pathlib import Path

from newsweave.config import is_database_url
from newsweave.store.base import Store, StoredEmbedding
from newsweave.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "Store", "StoredEmbedding", "open_store"]


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
