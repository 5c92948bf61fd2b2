"""The store stage: SQLite by default, behind the ``Store`` protocol."""

from newsweave.store.base import Store
from newsweave.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "Store"]
