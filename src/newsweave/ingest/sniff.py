"""Content sniffing shared by the readers: what kind of bytes an input starts with."""

from __future__ import annotations

import re

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
