"""Bounded byte streams for the readers: gunzip with a bomb guard, size-limited reads, byte meters.

Every reader keeps at most one item (the page limit) in memory, and a gzip input may inflate to at
most ``max_gzip_ratio`` times the compressed bytes read so far plus one page: news gzips inflate
3-10 times, a gzip bomb about 1000 times, so a bomb stops after a few MB of output instead of
filling memory or running for minutes. Damage (truncation, bad CRC, bad deflate data) becomes an
``InputError`` with a sentence saying which, never a bare ``EOFError`` or ``zlib.error``.
"""

from __future__ import annotations

import io
import zlib
from dataclasses import dataclass
from typing import BinaryIO

from newsweave.config import DEFAULT_MAX_GZIP_RATIO, DEFAULT_MAX_PAGE_BYTES
from newsweave.errors import InputError
from newsweave.ingest.sniff import GZIP_MAGIC

CHUNK = 65536


@dataclass(frozen=True, slots=True)
class Limits:
    """How much one input may make the readers hold and inflate.

    Args:
        page_bytes: the most one item (a page, a JSON line or array element, a WARC record, a feed) may hold.
        gzip_ratio: a gzip may inflate to ``page_bytes + gzip_ratio × compressed bytes read``.
    """

    page_bytes: int = DEFAULT_MAX_PAGE_BYTES
    gzip_ratio: int = DEFAULT_MAX_GZIP_RATIO

    def describe(self) -> str:
        """The page limit in words, for messages."""
        return megabytes(self.page_bytes)


def megabytes(n: int) -> str:
    """``n`` bytes in MB, readable at any size ("20 MB", "0.2 MB")."""
    mb = n / 1e6
    return f"{mb:.0f} MB" if mb >= 10 else f"{mb:.2g} MB"


class LimitExceeded(InputError):
    """An input or item is larger than the limits allow; what was read before it is kept."""


class DamagedInput(InputError):
    """An input is truncated or corrupt part-way; what was read before the damage is kept."""


def read_at_most(stream: BinaryIO, limit: int, what: str) -> bytes:
    """Read the whole stream, or raise ``LimitExceeded`` once it passes ``limit`` bytes.

    Example:
        >>> read_at_most(io.BytesIO(b"abc"), 3, "page")
        b'abc'
    """
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise LimitExceeded(f"{what} is over the {megabytes(limit)} limit for one item")
    return data


def _zlib_reason(error: zlib.error) -> str:
    return str(error).removeprefix("Error -3 while decompressing data: ")


class Gunzip(io.RawIOBase):
    """A gzip stream (one member or many) inflated on the fly, in bounded steps.

    Unlike ``gzip.GzipFile`` it never inflates more than asked for at once, refuses to inflate past
    the ratio limit, and reports damage as ``DamagedInput`` whichever read meets it.
    """

    def __init__(self, raw: BinaryIO, limits: Limits) -> None:
        super().__init__()
        self._raw = raw
        self._limits = limits
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = b""  # compressed bytes not yet given to the inflater
        self._members = 0
        self.bytes_in = 0
        self.bytes_out = 0

    def readable(self) -> bool:
        """Always readable."""
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        """Inflate up to ``len(buffer)`` bytes into it; 0 at the clean end of the last member."""
        while True:
            data = self._next_input()
            if data is None:
                return 0
            try:
                out = self._inflater.decompress(data, len(buffer))
            except zlib.error as e:
                raise DamagedInput(f"corrupt gzip ({_zlib_reason(e)})") from e
            self._pending = self._inflater.unconsumed_tail
            if out:
                self._count(len(out))
                buffer[: len(out)] = out
                return len(out)

    def _next_input(self) -> bytes | None:
        """The compressed bytes to inflate next; None at a clean end."""
        if self._pending:
            return self._pending
        if self._inflater.eof:
            self._members += 1
            rest = self._inflater.unused_data or self._read_raw()
            if not rest.strip(b"\x00"):  # gzip allows zero padding after the last member
                return None
            if not rest.startswith(GZIP_MAGIC[: len(rest)]):
                raise DamagedInput("corrupt gzip (data after the end that is not gzip)")
            self._inflater = zlib.decompressobj(wbits=31)
            return rest
        data = self._read_raw()
        if not data:
            where = "before any output" if not self.bytes_out else f"after {megabytes(self.bytes_out)} of output"
            raise DamagedInput(f"truncated gzip (it ends inside a compressed member, {where})")
        return data

    def _read_raw(self) -> bytes:
        data = self._raw.read(CHUNK)
        self.bytes_in += len(data)
        return data

    def _count(self, n: int) -> None:
        self.bytes_out += n
        check_ratio(self.bytes_in, self.bytes_out, self._limits)


def check_ratio(bytes_in: int, bytes_out: int, limits: Limits) -> None:
    """Raise ``LimitExceeded`` when a gzip inflates past what news ever does (a gzip bomb)."""
    if bytes_out > limits.page_bytes + limits.gzip_ratio * bytes_in:
        raise LimitExceeded(
            f"gzip inflates over {limits.gzip_ratio}x ({megabytes(bytes_in)} became over {megabytes(bytes_out)}): "
            "a gzip bomb or junk; reading stopped"
        )


class GzipChecker:
    """A pass-through reader that tells whether a gzip stream ended inside a member.

    warcio stops quietly at a truncated gzip member, so the compressed bytes it reads are fed
    to a second decompressor whose only job is to see every member reach its end, and to stop a
    gzip bomb by the same ratio rule as ``Gunzip``. This costs one more inflate pass (hundreds of
    MB/s), small next to extraction; it inflates in bounded steps, so its memory stays small.
    """

    def __init__(self, stream: BinaryIO, limits: Limits | None = None) -> None:
        self._stream = stream
        self._limits = limits or Limits()
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = False  # bytes of an unfinished member were seen
        self.corrupt = False
        self.bytes_in = 0
        self.bytes_out = 0

    def read(self, size: int = -1) -> bytes:
        """Read from the wrapped stream, checking what passes."""
        data = self._stream.read(size)
        self._feed(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        """Read a line from the wrapped stream, checking what passes."""
        data = self._stream.readline(size)
        self._feed(data)
        return data

    def _feed(self, data: bytes) -> None:
        self.bytes_in += len(data)
        while data and not self.corrupt:
            try:
                out = self._inflater.decompress(data, CHUNK)
            except zlib.error:
                self.corrupt = True
                return
            self.bytes_out += len(out)
            check_ratio(self.bytes_in, self.bytes_out, self._limits)
            self._pending = True
            # End of member first: when a member ends in a call fed a previous call's tail, zlib
            # leaves the next member's bytes in both unused_data and a stale unconsumed_tail, and
            # feeding the tail again to the finished member returned nothing, forever.
            if self._inflater.eof:
                data = self._inflater.unused_data
                self._inflater = zlib.decompressobj(wbits=31)
                self._pending = False
                continue
            if not self._inflater.unconsumed_tail:
                return
            data = self._inflater.unconsumed_tail

    @property
    def truncated(self) -> bool:
        """True when the stream so far ends inside a gzip member, or was not valid gzip."""
        return self.corrupt or self._pending


class Meter:
    """A pass-through reader that refuses to pass more than a budget of bytes while one is set.

    The WARC reader sets a budget while warcio parses a record's headers: warcio reads a header
    line whole, however long, so a junk header would otherwise fill memory.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._left: int | None = None
        self._what = ""

    def budget(self, limit: int | None, what: str = "") -> None:
        """Allow at most ``limit`` more bytes (None: no limit), naming ``what`` in the error."""
        self._left, self._what = limit, what

    def read(self, size: int = -1) -> bytes:
        """Read from the wrapped stream, within the budget."""
        return self._spend(self._stream.read(size))

    def readline(self, size: int = -1) -> bytes:
        """Read a line from the wrapped stream, within the budget."""
        return self._spend(self._stream.readline(size))

    def _spend(self, data: bytes) -> bytes:
        if self._left is not None:
            self._left -= len(data)
            if self._left < 0:
                raise LimitExceeded(f"{self._what} is over the limit for one item")
        return data
