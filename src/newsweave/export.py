"""Exports of articles and relations as JSON Lines, CSV or Parquet, streamed in chunks.

Each row is complete: an article row is ``Article.as_dict()`` (every field ``show --json`` has,
body and comments included) plus its story and its sightings; a relation row is ``Link.as_dict()``.
Writers take an iterator of rows and yield bytes as they go, so an export of the whole store never
holds more than one batch of rows in memory. CSV has one column per top-level field; nested values
(body paragraphs, comments, evidence) are written as JSON text in their cell. Parquet keeps them
nested, with a fixed schema, so every file of one kind reads back with the same columns.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsweave.core import Newsweave
from newsweave.records import Article, Link


class ExportFormat(StrEnum):
    """The formats an export can be written in."""

    JSONL = "jsonl"
    CSV = "csv"
    PARQUET = "parquet"


class ExportKind(StrEnum):
    """What an export holds: articles (with story and sightings) or relations (with evidence)."""

    ARTICLES = "articles"
    RELATIONS = "relations"


MEDIA_TYPES = {
    ExportFormat.JSONL: "application/x-ndjson",
    ExportFormat.CSV: "text/csv; charset=utf-8",
    ExportFormat.PARQUET: "application/vnd.apache.parquet",
}
_BATCH = 500  # rows per Parquet row group and per CSV/JSONL chunk

_STRINGS = pa.list_(pa.string())
_SOURCE = pa.struct([("path", pa.string()), ("locator", pa.string()), ("url", pa.string())])
ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("outlet", pa.string()),
        ("url", pa.string()),
        (
            "published",
            pa.struct(
                [
                    ("value", pa.string()),
                    ("precision", pa.string()),
                    ("source", pa.string()),
                    ("upper_bound", pa.bool_()),
                ]
            ),
        ),
        ("author", pa.string()),
        ("language", pa.string()),
        ("language_score", pa.float64()),
        ("extractor", pa.string()),
        ("provenance", _SOURCE),
        ("body", _STRINGS),
        ("notes", _STRINGS),
        (
            "comments",
            pa.list_(
                pa.struct(
                    [("author", pa.string()), ("time", pa.string()), ("reply_to", pa.int64()), ("text", pa.string())]
                )
            ),
        ),
        ("story", pa.int64()),
        ("sightings", pa.list_(_SOURCE)),
    ]
)
_ALIGNED = pa.struct(
    [("a", pa.int64()), ("b", pa.int64()), ("a_text", pa.string()), ("b_text", pa.string()),
     ("similarity", pa.float64())]
)  # fmt: skip
RELATION_SCHEMA = pa.schema(
    [
        ("a", pa.string()),
        ("b", pa.string()),
        ("kind", pa.string()),
        ("score", pa.float64()),
        (
            "evidence",
            pa.struct(
                [
                    ("pair_score", pa.float64()),
                    ("cosine", pa.float64()),
                    ("jaccard", pa.float64()),
                    ("coverage_a", pa.float64()),
                    ("coverage_b", pa.float64()),
                    ("aligned", pa.list_(_ALIGNED)),
                    ("shared_names", _STRINGS),
                    ("shared_numbers", _STRINGS),
                    ("differing_numbers", pa.list_(_STRINGS)),
                    ("notes", _STRINGS),
                ]
            ),
        ),
    ]
)
SCHEMAS = {ExportKind.ARTICLES: ARTICLE_SCHEMA, ExportKind.RELATIONS: RELATION_SCHEMA}


def article_row(nw: Newsweave, article: Article) -> dict[str, Any]:
    """An article's complete export row: ``as_dict()`` plus its story id and its sightings."""
    row = article.as_dict()
    row["story"] = nw.store.story_of(article.id)
    row["sightings"] = [{"path": p.path, "locator": p.locator, "url": p.url} for p in nw.sightings(article.id)]
    return row


def relation_row(link: Link) -> dict[str, Any]:
    """A relation's complete export row."""
    return link.as_dict()


def write(rows: Iterable[dict[str, Any]], kind: ExportKind, fmt: ExportFormat) -> Iterator[bytes]:
    """Serialise rows in ``fmt``, yielding bytes batch by batch.

    Example:
        >>> b"".join(write([{"a": "x", "b": "y", "kind": "related", "score": 0.5, "evidence": {}}],
        ...               ExportKind.RELATIONS, ExportFormat.JSONL))
        b'{"a": "x", "b": "y", "kind": "related", "score": 0.5, "evidence": {}}\\n'
    """
    if fmt is ExportFormat.JSONL:
        return _jsonl(rows)
    if fmt is ExportFormat.CSV:
        return _csv(rows, SCHEMAS[kind].names)
    return _parquet(rows, SCHEMAS[kind])


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == _BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _jsonl(rows: Iterable[dict[str, Any]]) -> Iterator[bytes]:
    for batch in _batches(rows):
        yield "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in batch).encode("utf-8")


def _csv(rows: Iterable[dict[str, Any]], columns: list[str]) -> Iterator[bytes]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for batch in _batches(rows):
        for row in batch:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        yield buffer.getvalue().encode("utf-8")
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():  # only the header: an empty export still names its columns
        yield buffer.getvalue().encode("utf-8")


def _cell(value: Any) -> Any:
    """A CSV cell: scalars as they are, nested values as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value


class _Chunks(io.RawIOBase):
    """A write-only sink that hands over what was written since the last ``take``."""

    def __init__(self) -> None:
        self._parts: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._parts.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        data, self._parts = b"".join(self._parts), []
        return data


def _parquet(rows: Iterable[dict[str, Any]], schema: pa.Schema) -> Iterator[bytes]:
    sink = _Chunks()
    with pq.ParquetWriter(sink, schema) as writer:
        for batch in _batches(rows):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            yield sink.take()
    yield sink.take()
