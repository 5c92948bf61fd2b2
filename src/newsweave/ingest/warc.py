"""WARC and WARC.gz web archives (Common Crawl's CC-NEWS is the reference), read with warcio."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from newsweave.records import MediaType, Provenance, RawItem, Rejection

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml")


def _incomplete(record: object) -> bool:
    """True when the record's block ended before its declared length (a truncated archive)."""
    raw = getattr(record, "raw_stream", None)
    if raw is None:
        return False
    raw.read()  # consume what is left, as the iterator would, to see whether the block is whole
    return bool(getattr(raw, "limit", 0))


class WarcReader:
    """One HTML item per ``response`` (or ``resource``) record; other records are skipped."""

    name = "warc"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim inputs that start with a WARC record header (the caller gunzips to look)."""
        return head.lstrip(b"\r\n").startswith(b"WARC/")

    def read(self, stream: BinaryIO, path: str) -> Iterator[RawItem | Rejection]:
        """Yield the HTML pages; a truncated archive ends with one rejection saying how far it got."""
        from warcio.archiveiterator import ArchiveIterator

        records = ArchiveIterator(stream, arc2warc=True)
        count = 0
        try:
            for record in records:
                item = None
                if record.rec_type in ("response", "resource"):
                    item = self._item(record, path)
                # warcio ends quietly at a truncated record; its unread remainder tells.
                if _incomplete(record):
                    break
                if item is not None:
                    # Asked only now: warcio reads the record to its end to answer.
                    located = Provenance(path, f"offset {records.get_record_offset()}", item.provenance.url)
                    item = replace(item, provenance=located)
                count += 1
                if item is not None:
                    yield item
            else:
                return
        except Exception:
            pass
        reason = f"truncated or corrupt after record {count}; the first {count} records were read"
        yield Rejection(path, reason, Provenance(path, f"record {count + 1}"))

    @staticmethod
    def _item(record: object, path: str) -> RawItem | None:
        headers = record.http_headers  # type: ignore[attr-defined]
        content_type = (headers.get_header("Content-Type") if headers else None) or (
            record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
        )
        if headers is not None and not content_type.lower().startswith(_HTML_TYPES):
            return None
        if headers is not None and headers.get_statuscode() not in ("200", None):
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
        data = record.content_stream().read()  # type: ignore[attr-defined]
        charset = _CHARSET.search(content_type)
        fields = {"url": url} if url else {}
        provenance = Provenance(path, None, url)
        return RawItem(data, MediaType.HTML, provenance, fields, charset.group(1) if charset else None)
