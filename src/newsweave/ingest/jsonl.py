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

Values must have the type their field takes: text (a body may also be a list of paragraphs, an
author a list of names, an author or outlet an object with a ``name``). A date may be text or an
epoch number, in seconds or milliseconds, that falls in 1990-2100. Any other value (``text: true``,
``title: [[...]]``, ``date: 1.5``) rejects the record with a line naming the field: a value is
never turned into text it did not hold. Lone surrogates (``"\udc00"``) become U+FFFD.

Memory is bounded: a line, or an element of a JSON array (read one element at a time), longer
than the item limit is rejected and skipped; nesting too deep to parse rejects the record.
"""

from __future__ import annotations

import codecs
import json
import math
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, BinaryIO

from newsweave.ingest.sniff import looks_like_html
from newsweave.ingest.streams import CHUNK, DamagedInput, LimitExceeded, megabytes
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
# Epoch numbers accepted as dates: 1990-01-01 to 2100-01-01, in seconds (or the same in milliseconds).
EPOCH_RANGE = (631_152_000, 4_102_444_800)
_JSON_SUFFIXES = (".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz")
_JSON_STARTS = frozenset(bytes([c]) for c in b'{"-0123456789tfn')
_NUMBER = re.compile(r"^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$")
_SURROGATE = re.compile("[\ud800-\udfff]")


class WrongType(ValueError):
    """A record's field holds a value of a type it cannot take."""


class JsonLinesReader:
    """JSON Lines files and JSON files of article objects."""

    name = "jsonl"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim inputs whose first line is a JSON object, or a JSON array (of objects, or named .json)."""
        stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
        if path.endswith(_JSON_SUFFIXES) and stripped[:1] in _JSON_STARTS and not stripped.startswith(b"["):
            return True  # a .jsonl file may open with a line that is not an object: it is still read by lines
        if stripped.startswith(b"["):
            return stripped[1:].lstrip().startswith((b"{", b"]")) or path.endswith(_JSON_SUFFIXES)
        if not stripped.startswith(b"{"):
            return False
        first_line = stripped.split(b"\n", 1)[0]
        if len(first_line) < len(stripped) or len(head) < 65536:
            try:
                return isinstance(json.loads(first_line), dict)
            except (ValueError, RecursionError):
                return path.endswith(_JSON_SUFFIXES)
        return True  # a single line longer than the sniffed head: trust the opening brace

    def read(self, stream: BinaryIO, path: str, *, max_item_bytes: int) -> Iterator[RawItem | Rejection]:
        """Yield one RECORD item per article object; a malformed or oversized line is rejected alone."""
        first = stream.read(1)
        while first and first in b" \t\r\n\xef\xbb\xbf":
            first = stream.read(1)
        if first == b"[":
            yield from _array(stream, path, max_item_bytes)
            return
        for number, line in enumerate(_lines(first, stream, max_item_bytes), start=1):
            provenance = Provenance(path, f"line {number}")
            if line is None:
                yield _rejection(provenance, f"line is over the {megabytes(max_item_bytes)} limit for one item")
            elif line.strip():
                yield _parsed(line, provenance)


def _parsed(line: bytes, provenance: Provenance) -> RawItem | Rejection:
    try:
        obj = json.loads(line)
    except RecursionError:
        return _rejection(provenance, "JSON nested too deeply to read")
    except ValueError as e:
        return _rejection(provenance, f"malformed JSON ({_short(e)})")
    return record_item(obj, provenance)


def _rejection(provenance: Provenance, reason: str) -> Rejection:
    return Rejection(str(provenance), reason, provenance)


def _lines(first: bytes, stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of ``stream`` (``first`` is its first byte); None for a line over ``limit``, skipped unread."""
    pending = first
    while True:
        line = pending + stream.readline(limit + 1 - len(pending))
        pending = b""
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield None
            continue
        yield line


def _array(stream: BinaryIO, path: str, limit: int) -> Iterator[RawItem | Rejection]:
    """The elements of a JSON array, decoded one at a time: memory holds one element, not the file."""
    source = _Text(stream)
    decoder = json.JSONDecoder()
    index = 0
    while True:
        if not source.skip_space():
            raise DamagedInput(f"the JSON array is not closed after {index} elements")
        if source.peek() == "]":
            if index == 0:
                yield Rejection(path, "empty JSON array: no articles", Provenance(path))
            return
        if index and not source.take(","):
            raise DamagedInput(f"malformed JSON after element {index} (expected , or ]); the rest was not read")
        if index and not source.skip_space():
            raise DamagedInput(f"the JSON array is not closed after {index} elements")
        index += 1
        obj = source.decode_value(decoder, limit, index)
        yield record_item(obj, Provenance(path, f"item {index}"))


class _Text:
    """Text decoded from a byte stream chunk by chunk, with the unconsumed part kept in ``buffer``."""

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer = ""
        self.eof = False

    def more(self, size: int = CHUNK) -> bool:
        """Append up to ``size`` more bytes' worth of text; False at the end of the stream."""
        if self.eof:
            return False
        data = self._stream.read(size)
        self.eof = not data
        self.buffer += self._decoder.decode(data, final=self.eof)
        return bool(data)

    def skip_space(self) -> bool:
        """Drop leading whitespace; False when nothing but whitespace is left."""
        while True:
            self.buffer = self.buffer.lstrip()
            if self.buffer or not self.more():
                return bool(self.buffer)

    def peek(self) -> str:
        """The next character (after ``skip_space``)."""
        return self.buffer[0]

    def take(self, char: str) -> bool:
        """Consume ``char`` if it comes next."""
        if self.buffer.startswith(char):
            self.buffer = self.buffer[1:]
            return True
        return False

    def decode_value(self, decoder: json.JSONDecoder, limit: int, index: int) -> Any:
        """Decode the next JSON value, reading more while it is incomplete, up to ``limit`` bytes."""
        while True:
            try:
                value, end = decoder.raw_decode(self.buffer)
            except json.JSONDecodeError as e:
                if self._grow(limit, index):
                    continue
                raise DamagedInput(f"malformed JSON in element {index} ({_short(e)}); the rest was not read") from e
            except RecursionError:
                raise DamagedInput(f"element {index} is nested too deeply to read; the rest was not read") from None
            # A number may go on in the next chunk: decode again once more text is in.
            if end == len(self.buffer) and self._grow(limit, index):
                continue
            self.buffer = self.buffer[end:]
            return value

    def _grow(self, limit: int, index: int) -> bool:
        if len(self.buffer) > limit:
            raise LimitExceeded(
                f"element {index} of the JSON array is over the {megabytes(limit)} limit for one item; "
                "the rest of the array was not read"
            )
        # Doubling the read keeps re-decoding a long element linear overall.
        return self.more(max(CHUNK, len(self.buffer)))


def _short(error: Exception) -> str:
    return str(error).split(":")[0] if isinstance(error, json.JSONDecodeError) else str(error)


def record_item(obj: Any, provenance: Provenance) -> RawItem | Rejection:
    """Map one article object to a RECORD item, or reject it saying which field is missing or wrong."""
    if not isinstance(obj, dict):
        return _rejection(provenance, f"expected a JSON object, got {_type_name(obj)}")
    lowered = {str(k).lower(): v for k, v in obj.items()}
    try:
        fields = {name: text for name, keys in FIELD_KEYS.items() if (text := _field(lowered, name, keys))}
        body, body_format = _field(lowered, "body", TEXT_KEYS), "text"
        if not body:
            body, body_format = _field(lowered, "html", HTML_KEYS), "html"
        elif looks_like_html(body.encode("utf-8")[:4096]):
            body_format = "html"
    except WrongType as e:
        return _rejection(provenance, str(e))
    if not body:
        keys = ", ".join(TEXT_KEYS[:3] + HTML_KEYS[:1])
        return _rejection(provenance, f"no article body (none of: {keys})")
    fields["body_format"] = body_format
    provenance = Provenance(provenance.path, provenance.locator, fields.get("url"))
    return RawItem(body.encode("utf-8"), MediaType.RECORD, provenance, fields)


def _field(obj: dict[str, Any], name: str, keys: tuple[str, ...]) -> str | None:
    """The first of ``keys`` present, as text; ``WrongType`` when its value cannot be that field."""
    for key in keys:
        value = obj.get(key)
        if value is None or value == "" or value == []:
            continue
        text = _date_text(key, value) if name == "date" else _text(key, value, name)
        text = _SURROGATE.sub("\ufffd", text).strip()
        if text:
            return text
    return None


def _text(key: str, value: Any, name: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and name in ("author", "outlet") and isinstance(value.get("name"), str):
        return str(value["name"])
    if isinstance(value, list) and name in ("author", "body", "html"):
        parts = [_text(key, v, name) for v in value if v not in (None, "")]
        return ", ".join(parts) if name == "author" else "\n\n".join(parts)
    expected = "text or a list of names" if name == "author" else "text"
    raise WrongType(f"field {key!r} holds {_type_name(value)}, expected {expected}")


def _date_text(key: str, value: Any) -> str:
    """A date field as text: a string as given, a plausible epoch number as ISO 8601 (UTC)."""
    if isinstance(value, str) and not _NUMBER.match(value):
        return value
    number = _number(value)
    if number is None:
        raise WrongType(f"field {key!r} holds {_type_name(value)}, expected a date")
    low, high = EPOCH_RANGE
    for seconds in (number, number / 1000) if math.isfinite(number) else ():
        if low <= seconds < high:
            return datetime.fromtimestamp(seconds, UTC).replace(tzinfo=None).isoformat(timespec="seconds")
    raise WrongType(
        f"field {key!r} holds the number {value!r}, not a plausible date "
        "(an epoch time must fall in 1990-2100, in seconds or milliseconds)"
    )


def _number(value: Any) -> float | None:
    """A number, or text that is one, as a float (NaN and infinities included: they fail the range)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return float(value)
    except (ValueError, OverflowError):
        return None


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value!r})"
    if isinstance(value, list):
        return "a list of lists" if value and all(isinstance(v, list) for v in value) else "a list"
    if isinstance(value, dict):
        return "an object"
    return f"a {type(value).__name__}"
