"""Content sniffing shared by the readers: what kind of bytes an input starts with."""

from __future__ import annotations

import re
import zlib
from typing import BinaryIO

# Magic numbers of common binary files that are never news documents.
_BINARY_MAGIC = {
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"%PDF": "PDF document",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "ELF executable",
    b"RIFF": "RIFF media",
    b"\x00\x00\x00": "binary file",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
    b"7z\xbc\xaf": "7-zip archive",
    b"OggS": "Ogg media",
    b"ID3": "MP3 audio",
}
_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|div|article|p)\b", re.I | re.S
)
_HTML_ANYWHERE = re.compile(rb"<(html|body|article)\b[^>]*>", re.I)
GZIP_MAGIC = b"\x1f\x8b"


class GzipChecker:
    """A pass-through reader that tells whether a gzip stream ended inside a member.

    warcio stops quietly at a truncated gzip member, so the compressed bytes it reads are fed
    to a second decompressor whose only job is to see every member reach its end. This costs one
    more inflate pass (hundreds of MB/s), small next to extraction.
    """

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = False  # bytes of an unfinished member were seen
        self.corrupt = False

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
        while data and not self.corrupt:
            try:
                self._inflater.decompress(data)
            except zlib.error:
                self.corrupt = True
                return
            self._pending = True
            if not self._inflater.eof:
                return
            data = self._inflater.unused_data
            self._inflater = zlib.decompressobj(wbits=31)
            self._pending = False

    @property
    def truncated(self) -> bool:
        """True when the stream so far ends inside a gzip member, or was not valid gzip."""
        return self.corrupt or self._pending


def binary_kind(head: bytes) -> str | None:
    """Name the binary format ``head`` starts with, or None when it may be text."""
    for magic, name in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return name
    sample = head[:4096]
    if not sample:
        return None
    # Text in any 8-bit or UTF encoding has few C0 control bytes; binary data has many.
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data (NUL bytes)"
    return "binary data" if controls / len(sample) > 0.05 else None


def looks_like_html(head: bytes) -> bool:
    """True when the input is an HTML page rather than text that mentions a tag."""
    head = head.lstrip(b"\xef\xbb\xbf")
    return bool(_HTML_START.match(head[:2048]) or _HTML_ANYWHERE.search(head[:8192]))


def is_gzip(head: bytes) -> bool:
    """True for gzip-compressed input."""
    return head.startswith(GZIP_MAGIC)
