"""The ingest stage: inputs of every common form → raw items.

``READERS`` lists the readers in priority order, as data: the first whose ``sniff`` claims an
input's first bytes reads it. Detection is by content; gzip is undone transparently (WARC.gz is
handed to warcio as is, since it reads gzip members record by record).

Every input ends as items or as a named rejection, never as nothing and never as an exception:
a path that names nothing, a folder that cannot be listed, a special file in a folder, a
container with no article in it, damage part-way and limits passed all get one rejection line.
Memory is bounded by ``Limits`` (see ``ingest/streams.py``).
"""

from __future__ import annotations

import codecs
import glob
import io
import logging
import os
import stat
import sys
import zlib
from collections.abc import Generator, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO, NamedTuple

from newsweave.config import DEFAULT_MAX_GZIP_RATIO, DEFAULT_MAX_PAGE_BYTES
from newsweave.decode import bom_encoding
from newsweave.errors import InputError
from newsweave.ingest.base import Reader
from newsweave.ingest.feed import FeedReader
from newsweave.ingest.html import HtmlReader
from newsweave.ingest.jsonl import JsonLinesReader
from newsweave.ingest.sniff import binary_kind, is_gzip
from newsweave.ingest.streams import CHUNK, Gunzip, GzipChecker, LimitExceeded, Limits, megabytes, read_at_most
from newsweave.ingest.text import TextReader
from newsweave.ingest.warc import WarcReader
from newsweave.records import Provenance, RawItem, Rejection

log = logging.getLogger(__name__)

READERS: list[Reader] = [WarcReader(), FeedReader(), JsonLinesReader(), HtmlReader(), TextReader()]
# Readers whose input is one page: read whole (within the page limit); the others stream.
PAGE_READERS = frozenset({"html", "text"})
STDIN = "-"
STDIN_NAME = "<stdin>"
_HEAD = 65536


class _Input(NamedTuple):
    path: str  # as given to open()
    name: str  # as shown and stored: valid UTF-8 whatever the file system holds


def display_name(path: str) -> str:
    """``path`` as printable, storable text: bytes that are not UTF-8 shown as ``\\xe9``.

    Example:
        >>> display_name("caf\\udce9.txt")
        'caf\\\\xe9.txt'
    """
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named by ``paths``: directories recursively (hidden entries skipped), globs, "-" for stdin.

    Paths that exist nowhere are passed through, so reading them yields a rejection; what cannot
    be read at all (a glob matching nothing, a special file in a folder) is left out here and
    rejected by ``read_inputs``.
    """
    for entry in _inputs(paths):
        if isinstance(entry, _Input):
            yield entry.path


def list_inputs(paths: Iterable[str]) -> Iterator[str | Rejection]:
    """The files named by ``paths``, one by one, and a rejection for each name that is no readable file.

    ``read_inputs([f])`` of every file listed, in this order, with these rejections between them,
    yields exactly what ``read_inputs(paths)`` does: a bulk engine reads the files in parallel.
    """
    for entry in _inputs(paths):
        yield entry if isinstance(entry, Rejection) else entry.path


def read_inputs(
    paths: Iterable[str],
    *,
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES,
    max_gzip_ratio: int = DEFAULT_MAX_GZIP_RATIO,
) -> Generator[RawItem | Rejection, None, None]:
    """Read every input named by ``paths`` into raw items, or rejections saying why not.

    Never raises for a bad input: each problem becomes a ``Rejection`` and reading goes on. Every
    path named, and every file in a folder, yields at least one item or one rejection.

    Args:
        paths: files, folders (read recursively), globs, or "-" for stdin (once).
        max_page_bytes: the most one item may hold; larger items are rejected.
        max_gzip_ratio: how many times its compressed size a gzip may inflate (plus one page).

    Example:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.txt").write_text("A title\\n\\nSome article text.")
        >>> _ = (folder / "b.bin").write_bytes(b"\\x89PNG\\r\\n\\x1a\\n" + bytes(200))
        >>> [type(x).__name__ for x in read_inputs([str(folder)])]
        ['RawItem', 'Rejection']
    """
    limits = Limits(max_page_bytes, max_gzip_ratio)
    for entry in _inputs(paths):
        if isinstance(entry, Rejection):
            yield entry
        else:
            yield from _accounted(entry.name, _read_one(entry, limits))


def _reject(name: str, reason: str, locator: str | None = None) -> Rejection:
    provenance = Provenance(name, locator)
    return Rejection(str(provenance), reason, provenance)


def _inputs(paths: Iterable[str]) -> Iterator[_Input | Rejection]:
    stdin_read = False
    for raw in paths:
        if raw == STDIN:
            if stdin_read:
                yield _reject(STDIN_NAME, "stdin named again; it was read once, at its first mention")
            else:
                stdin_read = True
                yield _Input(STDIN, STDIN_NAME)
            continue
        name = display_name(raw)
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, name)
        elif not path.exists() and glob.has_magic(raw):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                yield _reject(name, "no file matches this pattern")
            for match in matches:
                yield from _walk(Path(match), display_name(match)) if Path(match).is_dir() else [_listed(match)]
        else:
            yield _Input(raw, name)


def _file(path: str) -> _Input:
    return _Input(path, display_name(path))


def _listed(path: str) -> _Input | Rejection:
    """A file found by listing a folder or a glob: special files are skipped (reading a FIFO blocks)."""
    special = _special_kind(path)
    return _reject(display_name(path), f"{special}, not a regular file: skipped") if special else _file(path)


def _walk(folder: Path, name: str) -> Iterator[_Input | Rejection]:
    """The files under ``folder``; unreadable folders and special files become rejections."""
    errors: list[OSError] = []
    seen = 0
    for root, dirs, files in os.walk(folder, onerror=errors.append):
        yield from _folder_errors(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(f for f in files if not f.startswith(".")):
            seen += 1
            path = os.path.join(root, file_name)
            yield _listed(path)
    seen += len(errors)
    yield from _folder_errors(errors)
    if not seen:
        yield _reject(name, "the folder holds no files (hidden ones are skipped)")


def _folder_errors(errors: list[OSError]) -> Iterator[Rejection]:
    while errors:
        e = errors.pop(0)
        where = display_name(str(e.filename)) if e.filename else "?"
        yield _reject(where, f"cannot list this folder ({(e.strerror or str(e)).lower()})")


def _special_kind(path: str) -> str | None:
    """What a folder entry is when it is not a regular file (reading a FIFO would block forever)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a broken symbolic link"
    except OSError:
        return None  # let opening it say what is wrong
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device" if stat.S_ISCHR(mode) or stat.S_ISBLK(mode) else "a special file"


def _accounted(name: str, entries: Iterator[RawItem | Rejection]) -> Iterator[RawItem | Rejection]:
    """Pass ``entries`` on; an input that gave nothing at all gets a rejection saying so."""
    empty = True
    for entry in entries:
        empty = False
        yield entry
    if empty:
        yield _reject(name, "no article found in it")


def _read_one(source: _Input, limits: Limits) -> Iterator[RawItem | Rejection]:
    name = source.name
    try:
        stream = _open(source.path)
    except OSError as e:
        reason = "no such file or directory" if isinstance(e, FileNotFoundError) else (e.strerror or str(e)).lower()
        yield _reject(name, reason)
        return
    try:
        yield from _guarded(name, _dispatch(stream, name, _size(source.path), limits))
    finally:
        if source.path == STDIN:
            stream.detach()  # leave the process's stdin open
        else:
            stream.close()


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


def _guarded(name: str, entries: Iterator[RawItem | Rejection]) -> Iterator[RawItem | Rejection]:
    """Run a reading; a failure part-way (damage, a limit, a parser's crash) ends it with one rejection."""
    count = 0
    try:
        for entry in entries:
            count += isinstance(entry, RawItem)
            yield entry
    except InputError as e:
        yield _reject(name, e.message + _so_far(count))
    except (OSError, EOFError, ValueError, zlib.error) as e:
        yield _reject(name, f"truncated or corrupt input ({type(e).__name__}: {e})" + _so_far(count))
    except RecursionError:
        yield _reject(name, "nested too deeply to read" + _so_far(count))
    except Exception as e:  # a reader's bug must not end the batch: say so, log the traceback
        log.exception("reading %s failed", name)
        yield _reject(name, f"internal error while reading ({type(e).__name__}: {e})" + _so_far(count))


def _so_far(count: int) -> str:
    return f"; the {count} items before it were read" if count else ""


def _dispatch(stream: io.BufferedReader, name: str, size: int | None, limits: Limits) -> Iterator[RawItem | Rejection]:
    head = stream.peek(_HEAD)[:_HEAD]
    if not head.strip():
        yield _reject(name, "empty file")
        return
    if is_gzip(head):
        yield from _gunzipped(stream, name, limits)
        return
    yield from _with_reader(stream, head, name, size, limits)


def _gunzipped(stream: io.BufferedReader, name: str, limits: Limits) -> Iterator[RawItem | Rejection]:
    try:
        # A decompressor object, unlike GzipFile, gives what it can of a truncated member.
        head = zlib.decompressobj(wbits=31).decompress(stream.peek(_HEAD), _HEAD)
    except zlib.error:
        head = b""
    if WarcReader().sniff(head, name):
        yield from _gzipped_warc(stream, name, limits)
        return
    unzipped = io.BufferedReader(Gunzip(stream, limits), buffer_size=_HEAD)
    head = unzipped.peek(_HEAD)[:_HEAD]
    if not head.strip():
        yield _reject(name, "empty file (after gunzip)")
        return
    if is_gzip(head):
        yield _reject(name, "gzip inside gzip: unpack the outer one first")
        return
    yield from _with_reader(unzipped, head, name, None, limits)


def _gzipped_warc(stream: io.BufferedReader, name: str, limits: Limits) -> Iterator[RawItem | Rejection]:
    checker = GzipChecker(stream, limits)
    read, damaged = 0, False
    for entry in WarcReader().read(checker, name, max_item_bytes=limits.page_bytes):  # type: ignore[arg-type]
        read += isinstance(entry, RawItem)
        damaged = isinstance(entry, Rejection) and entry.provenance.path == name
        yield entry
    while checker.read(CHUNK):  # drain, in chunks: a truncated tail may hold no whole record at all
        pass
    if checker.truncated and not damaged:
        reason = f"truncated or corrupt gzip after {read} pages; the pages before the damage were read"
        yield _reject(name, reason)


def _with_reader(
    stream: BinaryIO, head: bytes, name: str, size: int | None, limits: Limits
) -> Iterator[RawItem | Rejection]:
    wide = bom_encoding(head)
    if wide in ("utf-16", "utf-32"):
        stream, head = _as_utf8(stream, wide, limits.page_bytes)
    reader = next((r for r in READERS if r.sniff(head, name)), None)
    if reader is None:
        kind = binary_kind(head) or "unrecognised data"
        yield _reject(name, f"{kind}, not a news document")
        return
    if reader.name in PAGE_READERS:
        if size is not None and size > limits.page_bytes:
            yield _reject(name, f"file is {megabytes(size)}, over the {limits.describe()} limit for one page")
            return
        stream = io.BytesIO(read_at_most(stream, limits.page_bytes, "the page"))
    yield from reader.read(stream, name, max_item_bytes=limits.page_bytes)


def _as_utf8(stream: BinaryIO, codec: str, limit: int) -> tuple[BinaryIO, bytes]:
    """A UTF-16 or UTF-32 input (it has a BOM) re-encoded as UTF-8 with a BOM, so every reader can sniff it.

    The UTF-8 BOM stays so that ``decode`` trusts it over a ``<meta charset="utf-16">`` inside.
    """
    try:
        data = read_at_most(stream, 4 * limit, "the text")  # UTF-32 needs four bytes a character
    except LimitExceeded:
        raise LimitExceeded(f"the {codec} text is over the {megabytes(limit)} limit for one item") from None
    text = data.decode(codec, errors="replace")
    encoded = codecs.BOM_UTF8 + text.encode("utf-8")
    return io.BytesIO(encoded), encoded[:_HEAD]


__all__ = ["READERS", "Limits", "Reader", "display_name", "expand_paths", "list_inputs", "read_inputs"]
