"""The ingest stage: inputs of every common form → raw items.

``READERS`` lists the readers in priority order, as data: the first whose ``sniff`` claims an
input's first bytes reads it. Detection is by content; gzip is undone transparently (WARC.gz is
handed to warcio as is, since it reads gzip members record by record).
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsweave.config import DEFAULT_MAX_PAGE_BYTES
from newsweave.ingest.base import Reader
from newsweave.ingest.feed import FeedReader
from newsweave.ingest.html import HtmlReader
from newsweave.ingest.jsonl import JsonLinesReader
from newsweave.ingest.sniff import GzipChecker, binary_kind, is_gzip
from newsweave.ingest.text import TextReader
from newsweave.ingest.warc import WarcReader
from newsweave.records import Provenance, RawItem, Rejection

READERS: list[Reader] = [WarcReader(), FeedReader(), JsonLinesReader(), HtmlReader(), TextReader()]
# Readers whose input is one page: their size is limited; the others stream record by record.
PAGE_READERS = frozenset({"html", "text"})
STDIN = "-"
_HEAD = 65536


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named by ``paths``: directories recursively (hidden entries skipped), globs, "-" for stdin.

    Paths that exist nowhere are passed through, so reading them yields a rejection.
    """
    for raw in paths:
        if raw == STDIN:
            yield STDIN
            continue
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif not path.exists() and glob.has_magic(raw):
            for match in sorted(glob.glob(raw, recursive=True)):
                yield from _walk(Path(match)) if Path(match).is_dir() else [match]
        else:
            yield raw


def _walk(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield str(Path(root) / name)


def read_inputs(paths: Iterable[str], *, max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES) -> Iterator[RawItem | Rejection]:
    """Read every input named by ``paths`` into raw items, or rejections saying why not.

    Never raises for a bad input: each problem becomes a ``Rejection`` and reading goes on.

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("A title\\n\\nSome article text.")
        >>> _ = (folder / "b.bin").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(200))
        >>> [type(x).__name__ for x in read_inputs([str(folder)])]
        ['RawItem', 'Rejection']
    """
    for path in expand_paths(paths):
        yield from _read_one(path, max_page_bytes)


def _read_one(path: str, max_page_bytes: int) -> Iterator[RawItem | Rejection]:
    name = "<stdin>" if path == STDIN else path
    try:
        stream = _open(path)
    except OSError as e:
        reason = "no such file or directory" if isinstance(e, FileNotFoundError) else (e.strerror or str(e)).lower()
        yield Rejection(name, reason, Provenance(name))
        return
    with stream:
        yield from _dispatch(stream, name, _size(path), max_page_bytes)


def _open(path: str) -> io.BufferedReader:
    if path == STDIN:
        return io.BufferedReader(sys.stdin.buffer, buffer_size=_HEAD)  # type: ignore[arg-type,type-var]
    if Path(path).is_dir():
        raise IsADirectoryError(21, "is a directory")
    return open(path, "rb", buffering=_HEAD)  # type: ignore[return-value]


def _size(path: str) -> int | None:
    try:
        return None if path == STDIN else os.stat(path).st_size
    except OSError:
        return None


def _dispatch(stream: io.BufferedReader, name: str, size: int | None, limit: int) -> Iterator[RawItem | Rejection]:
    head = stream.peek(_HEAD)[:_HEAD]
    if not head.strip():
        yield Rejection(name, "empty file", Provenance(name))
        return
    if is_gzip(head):
        yield from _gunzipped(stream, name, limit)
        return
    yield from _with_reader(stream, head, name, size, limit)


def _gunzipped(stream: io.BufferedReader, name: str, limit: int) -> Iterator[RawItem | Rejection]:
    try:
        # A decompressor object, unlike GzipFile, gives what it can of a truncated member.
        head = zlib.decompressobj(wbits=31).decompress(stream.peek(_HEAD), _HEAD)
    except zlib.error:
        head = b""
    if WarcReader().sniff(head, name):
        checker = GzipChecker(stream)
        read, damaged = 0, False
        for entry in _guarded(WarcReader(), checker, name):  # type: ignore[arg-type]
            read += isinstance(entry, RawItem)
            damaged = isinstance(entry, Rejection) and entry.item == name
            yield entry
        checker.read()  # drain: a truncated tail may hold no whole record at all
        if checker.truncated and not damaged:
            reason = f"truncated or corrupt gzip after {read} pages; the pages before the damage were read"
            yield Rejection(name, reason, Provenance(name))
        return
    unzipped = io.BufferedReader(gzip.GzipFile(fileobj=stream), buffer_size=_HEAD)  # type: ignore[arg-type]
    try:
        head = unzipped.peek(_HEAD)[:_HEAD]
    except (OSError, EOFError) as e:
        yield Rejection(name, f"truncated or corrupt gzip ({type(e).__name__})", Provenance(name))
        return
    if not head.strip():
        yield Rejection(name, "empty file (after gunzip)", Provenance(name))
        return
    yield from _with_reader(unzipped, head, name, None, limit)


def _with_reader(
    stream: BinaryIO, head: bytes, name: str, size: int | None, limit: int
) -> Iterator[RawItem | Rejection]:
    reader = next((r for r in READERS if r.sniff(head, name)), None)
    if reader is None:
        kind = binary_kind(head) or "unrecognised data"
        yield Rejection(name, f"{kind}, not a news document", Provenance(name))
        return
    if reader.name in PAGE_READERS:
        if size is not None and size > limit:
            yield Rejection(name, _too_big(size, limit), Provenance(name))
            return
        data = stream.read(limit + 1)
        if len(data) > limit:
            yield Rejection(name, _too_big(None, limit), Provenance(name))
            return
        stream = io.BytesIO(data)
    yield from _guarded(reader, stream, name)


def _guarded(reader: Reader, stream: BinaryIO, name: str) -> Iterator[RawItem | Rejection]:
    """Run a reader; a failure part-way (truncated gzip, I/O error) ends it with one rejection."""
    count = 0
    try:
        for entry in reader.read(stream, name):
            count += isinstance(entry, RawItem)
            yield entry
    except (OSError, EOFError, ValueError) as e:
        reason = f"truncated or corrupt input ({type(e).__name__}: {e}); {count} items were read before it"
        yield Rejection(name, reason, Provenance(name))


def _too_big(size: int | None, limit: int) -> str:
    mb = f"{size / 1e6:.0f} MB" if size is not None else f"over {limit / 1e6:.0f} MB"
    return f"file is {mb}, over the {limit / 1e6:.0f} MB limit for one page"


__all__ = ["READERS", "Reader", "expand_paths", "read_inputs"]
