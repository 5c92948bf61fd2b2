"""WARC and WARC.gz web archives (Common Crawl's CC-NEWS is the reference), read with warcio."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from newsweave.ingest.streams import CHUNK, DamagedInput, LimitExceeded, Meter, megabytes
from newsweave.records import MediaType, Provenance, RawItem, Rejection

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_HTML_TYPES = ("text/html", "application/xhtml")


def _incomplete(record: object) -> bool:
    """True when the record's block ended before its declared length (a truncated archive).

    Reads what is left of the block in chunks, as warcio would, so a huge record costs no memory.
    """
    raw = getattr(record, "raw_stream", None)
    if raw is None:
        return False
    while raw.read(CHUNK):
        pass
    return bool(getattr(raw, "limit", 0))


class WarcReader:
    """One HTML item per ``response`` (or ``resource``) record; other records are skipped.

    A record whose page is over the item limit is rejected alone; an archive that holds no
    readable record, or no HTML page, is rejected as a whole, saying which.
    """

    name = "warc"

    def sniff(self, head: bytes, path: str) -> bool:
        """Claim inputs that start with a WARC record header (the caller gunzips to look)."""
        return head.lstrip(b"\r\n").startswith(b"WARC/")

    def read(self, stream: BinaryIO, path: str, *, max_item_bytes: int) -> Iterator[RawItem | Rejection]:
        """Yield the HTML pages; a truncated archive ends with one rejection saying how far it got."""
        from warcio.archiveiterator import ArchiveIterator

        meter = Meter(stream)
        records = ArchiveIterator(meter, arc2warc=True)
        iterator = iter(records)
        count = pages = 0
        try:
            while True:
                # warcio reads a header line whole: a budget keeps a junk header from filling memory.
                meter.budget(max_item_bytes, f"the header of WARC record {count + 1}")
                record = next(iterator, None)
                meter.budget(None)
                if record is None:
                    break
                page = self._page(record, path, max_item_bytes) if record.rec_type in ("response", "resource") else None
                # warcio ends quietly at a truncated record; its unread remainder tells.
                if _incomplete(record):
                    break
                count += 1
                if page is not None:
                    # Asked only now: warcio reads the record to its end to answer.
                    locator = f"offset {records.get_record_offset()}"
                    pages += 1
                    yield _located(page, path, locator)
            else:
                return
        except LimitExceeded:
            raise
        except Exception as e:
            if count == 0:
                raise DamagedInput("not a readable WARC: cut inside the first record, or a bad record header") from e
        else:
            if count == 0:
                raise DamagedInput("no WARC record could be read (cut inside the first record, or not a WARC)")
            if pages == 0:
                yield Rejection(path, f"no HTML page among its {count} WARC records", Provenance(path))
            return
        reason = f"truncated or corrupt after record {count}; the first {count} records were read"
        yield Rejection(path, reason, Provenance(path, f"record {count + 1}"))

    @staticmethod
    def _page(record: object, path: str, limit: int) -> RawItem | str | None:
        """The record's HTML page, a reason it cannot be used (too big), or None (not an HTML page)."""
        headers = record.http_headers  # type: ignore[attr-defined]
        content_type = (headers.get_header("Content-Type") if headers else None) or (
            record.rec_headers.get_header("Content-Type") or ""  # type: ignore[attr-defined]
        )
        if headers is not None and not content_type.lower().startswith(_HTML_TYPES):
            return None
        if headers is not None and headers.get_statuscode() not in ("200", None):
            return None
        url = record.rec_headers.get_header("WARC-Target-URI")  # type: ignore[attr-defined]
        data = record.content_stream().read(limit + 1)  # type: ignore[attr-defined]
        if len(data) > limit:
            return f"the page is over the {megabytes(limit)} limit for one item"
        charset = _CHARSET.search(content_type)
        fields = {"url": url} if url else {}
        provenance = Provenance(path, None, url)
        return RawItem(data, MediaType.HTML, provenance, fields, charset.group(1) if charset else None)


def _located(page: RawItem | str, path: str, locator: str) -> RawItem | Rejection:
    if isinstance(page, str):
        provenance = Provenance(path, locator)
        return Rejection(str(provenance), page, provenance)
    return replace(page, provenance=Provenance(path, locator, page.provenance.url))
