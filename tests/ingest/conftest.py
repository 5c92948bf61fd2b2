"""Builders for ingest inputs: WARC archives, feeds and JSON Lines made in code."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head><body><article>"
    "<h1>{title}</h1><p>{text} The army said the operation would continue for several more days.</p>"
    "<p>Residents reported heavy shelling overnight and dozens of families left the area.</p></article></body></html>"
)


def warc_bytes(pages: list[tuple[str, str]], *, extra: bool = True) -> bytes:
    """A gzipped WARC with one response per (url, title), plus a request and a non-HTML response."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, title in pages:
        body = PAGE.format(title=title, text=f"Report from {url}.").encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers)
        )
        if extra:
            req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b""), length=0, http_headers=req)
            )
    if extra:
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        record = writer.create_warc_record(
            "https://example.org/x.png", "response", payload=io.BytesIO(png), length=len(png), http_headers=image
        )
        writer.write_record(record)
    return buffer.getvalue()


@pytest.fixture
def make_warc(tmp_path: Path):
    def make(name: str = "crawl.warc.gz", n: int = 3, **kwargs: bool) -> Path:
        path = tmp_path / name
        pages = [(f"https://example.org/news/{i}", f"Headline number {i}") for i in range(n)]
        path.write_bytes(warc_bytes(pages, **kwargs))
        return path

    return make
