"""JSON Lines (one article per line) and JSON files (one article object, or an array of them).

Field mapping (the first key present wins; keys are matched case-insensitively):

=========== =====================================================================
field       keys
=========== =====================================================================
body        text, body, content, maintext, article, articleBody, description
html        html, raw_html, content_html (used when no plain-text body is given)
title       title, headline
url         url, link, source_url, canonical_url
date        date, published, date_publish, published_at, publish_date, pubDate, datePublished
author      author, authors, byline (a list is joined with ", ")
outlet      outlet, source, site_name, source_domain, publisher, sitename
language    language, lang
=========== =====================================================================

A body that is HTML (``html`` keys, or text that starts like an HTML page) is marked with
``fields["body_format"] = "html"`` so the record extractor reads it with the HTML extractor.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from newsweave.ingest.sniff import looks_like_html
from newsweave.records import MediaType, Provenance, RawItem, Rejection

FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url", "canonical_url"),
    "date": ("date", "published", "date_publish", "published_at", "publish_date", "pubdate", "datepublished"),
    "author": ("author", "authors", "byline"),
    "outlet": ("outlet", "source", "site_name", "source_domain", "publisher", "sitename"),
    "language": ("language", "lang"),
}
TEXT_KEYS = ("text", "body", "content", "maintext", "article", "articlebody", "description")
HTML_KEYS = ("html", "raw_html", "content_html")


class JsonLinesReader:
    """JSON Lines files and JSON files of article objects."""

    name = "jsonl"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim inputs whose first line is a JSON object, or a JSON array of objects."""
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if stripped.startswith(b"["):
            return stripped[1:].lstrip().startswith((b"{", b"]"))
        if not stripped.startswith(b"{"):
            return False
        first_line = stripped.split(b"\n", 1)[0]
        if len(first_line) < len(stripped) or len(head) < 65536:
            try:
                return isinstance(json.loads(first_line), dict)
            except ValueError:
                return path.endswith((".jsonl", ".ndjson", ".json", ".jsonl.gz", ".json.gz"))
        return True  # a single line longer than the sniffed head: trust the opening brace

    def read(self, stream: BinaryIO, path: str) -> Iterator[RawItem | Rejection]:
        """Yield one RECORD item per article object; a malformed line is rejected alone."""
        first = stream.read(1)
        while first and first in b" \t\r\n\xef\xbb\xbf":
            first = stream.read(1)
        if first == b"[":
            yield from self._array(first + stream.read(), path)
            return
        for number, line in enumerate(_lines(first, stream), start=1):
            if not line.strip():
                continue
            provenance = Provenance(path, f"line {number}")
            try:
                obj = json.loads(line)
            except ValueError as e:
                yield Rejection(str(provenance), f"malformed JSON ({_short(e)})", provenance)
                continue
            yield record_item(obj, provenance)

    def _array(self, data: bytes, path: str) -> Iterator[RawItem | Rejection]:
        try:
            objects = json.loads(data)
        except ValueError as e:
            yield Rejection(path, f"malformed JSON ({_short(e)})", Provenance(path))
            return
        for index, obj in enumerate(objects, start=1):
            yield record_item(obj, Provenance(path, f"item {index}"))


def _lines(first: bytes, stream: BinaryIO) -> Iterator[bytes]:
    pending = first
    for chunk in iter(lambda: stream.readline(), b""):
        yield pending + chunk
        pending = b""
    if pending:
        yield pending


def _short(error: Exception) -> str:
    return str(error).split(":")[0] if isinstance(error, json.JSONDecodeError) else str(error)


def record_item(obj: Any, provenance: Provenance) -> RawItem | Rejection:
    """Map one article object to a RECORD item, or reject it saying which field is missing."""
    if not isinstance(obj, dict):
        return Rejection(str(provenance), f"expected a JSON object, got {type(obj).__name__}", provenance)
    lowered = {str(k).lower(): v for k, v in obj.items()}
    fields = {name: text for name, keys in FIELD_KEYS.items() if (text := _first(lowered, keys))}
    body, body_format = _first(lowered, TEXT_KEYS), "text"
    if not body:
        body, body_format = _first(lowered, HTML_KEYS), "html"
    elif looks_like_html(body.encode("utf-8")[:4096]):
        body_format = "html"
    if not body:
        keys = ", ".join(TEXT_KEYS[:3] + HTML_KEYS[:1])
        return Rejection(str(provenance), f"no article body (none of: {keys})", provenance)
    fields["body_format"] = body_format
    provenance = Provenance(provenance.path, provenance.locator, fields.get("url"))
    return RawItem(body.encode("utf-8"), MediaType.RECORD, provenance, fields)


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        value = obj.get(key)
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value if v)
        elif isinstance(value, dict):
            value = value.get("name") or value.get("title")
        if value not in (None, ""):
            return str(value).strip() or None
    return None
