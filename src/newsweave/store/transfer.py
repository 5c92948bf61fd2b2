"""Moving a store between backends losslessly, and proving it: row counts and a checksum per table.

``migrate(source, target)`` copies every content table (``schema.TABLES``) in its reading order
into an empty store of either kind, then reads both back and compares, table by table, the
number of rows and a SHA-256 over the rows in that order. Values are hashed in a form both
drivers return alike (integers, floats by their exact repr, text, bytes as hex), so equal sums
mean equal content, order included. Derived data is not copied but rebuilt by the target: its
full-text index (a trigger on SQLite, a generated column on PostgreSQL), its pgvector column, and
the saved ANN graph (rebuilt on the first link).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any, Protocol

from newsweave.errors import ConfigError, StoreError
from newsweave.store.schema import TABLES, quoted

_BATCH = 1000


class Copyable(Protocol):
    """What a move needs of a store (both backends have it)."""

    @property
    def location(self) -> str: ...

    def table_rows(self, table: str) -> Iterator[tuple[Any, ...]]: ...

    def insert_rows(self, table: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def finish_import(self) -> None: ...

    def is_empty(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class TableSum:
    """One table's row count and checksum."""

    rows: int
    sha256: str


@dataclass(slots=True)
class MigrationReport:
    """What a move copied, and whether both stores read back the same."""

    source: dict[str, TableSum] = field(default_factory=dict)
    target: dict[str, TableSum] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        """True when every table has the same row count and checksum on both sides."""
        return self.source == self.target

    def mismatches(self) -> list[str]:
        """Tables whose count or checksum differ."""
        return [t for t in self.source if self.source[t] != self.target.get(t)]


def select_sql(table: str, order: str) -> str:
    """The SELECT of a content table's columns in its reading order (``order`` in the backend's terms)."""
    columns, _ = TABLES[table]
    return f"SELECT {', '.join(quoted(c) for c in columns)} FROM {table} ORDER BY {order}"


def insert_sql(table: str, columns: Sequence[str]) -> str:
    """An INSERT of ``columns`` into ``table`` with ``?`` parameters."""
    return f"INSERT INTO {table} ({', '.join(quoted(c) for c in columns)}) VALUES ({', '.join('?' for _ in columns)})"


def checksums(store: Copyable) -> dict[str, TableSum]:
    """Row count and SHA-256 of every content table of ``store``, rows in reading order."""
    sums = {}
    for table in TABLES:
        digest = hashlib.sha256()
        count = 0
        for row in store.table_rows(table):
            digest.update(json.dumps([_canonical(v) for v in row], ensure_ascii=False).encode())
            digest.update(b"\n")
            count += 1
        sums[table] = TableSum(count, digest.hexdigest())
    return sums


def migrate(
    source: Copyable, target: Copyable, *, on_table: Callable[[str, int], None] | None = None
) -> MigrationReport:
    """Copy every content table of ``source`` into the empty store ``target``; compare both after.

    Raises:
        ConfigError: the target already holds data (a move never merges two stores).
    """
    if not target.is_empty():
        raise ConfigError(
            f"the target store {target.location} is not empty",
            hint="move into a new SQLite file or an empty PostgreSQL database",
        )
    for table in TABLES:
        rows = source.table_rows(table)
        copied = 0
        while batch := list(islice(rows, _BATCH)):
            target.insert_rows(table, batch)
            copied += len(batch)
        if on_table:
            on_table(table, copied)
    target.finish_import()
    report = MigrationReport(checksums(source), checksums(target))
    if not report.identical:
        raise StoreError(
            f"the moved store differs from the source in: {', '.join(report.mismatches())}",
            item=target.location,
            hint="the source is untouched; report this as a bug with the table names",
        )
    return report


def _canonical(value: Any) -> Any:
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": bytes(value).hex()}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, bool):
        return int(value)
    return value
