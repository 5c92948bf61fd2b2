"""Fixtures of the bulk engines' tests: shards of every kind, and what one process makes of them."""

from __future__ import annotations

import gzip
import io
import json
import shutil
from pathlib import Path

import pytest

from newsweave import Newsweave, Settings
from newsweave.scale.compare import Outcome, outcome


def _warc(pages: list[tuple[str, bytes]]) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers)
        )
    return buffer.getvalue()


@pytest.fixture(scope="module")
def shards(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, data_dir: Path) -> Path:
    """Shards of every kind a bulk run reads, in input order unlike publication order.

    JSON Lines (plain and gzipped, later reports first), WARC.gz of HTML pages, the seeds' text
    captures, one item that is in two shards (a sighting, not a second article) and one that is
    no article (a rejection).
    """
    folder = tmp_path_factory.mktemp("shards")
    cases = [json.loads(line) for line in (data_dir / "link" / "cases.jsonl").read_text().splitlines()]
    cases.sort(key=lambda c: c["date"], reverse=True)  # the latest first: arrival is not publication order
    lines = [json.dumps(c, ensure_ascii=False) for c in cases]
    (folder / "a-late.jsonl").write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    junk = json.dumps({"title": "x", "text": "x"})
    (folder / "b-early.jsonl.gz").write_bytes(gzip.compress("\n".join([*lines[3:], junk, lines[0]]).encode()))
    pages = [(f"https://example.org/{p.stem}", p.read_bytes()) for p in sorted((data_dir / "html").glob("*.html"))]
    (folder / "c-pages.warc.gz").write_bytes(_warc(pages))
    shutil.copytree(seeds_dir, folder / "d-seeds")
    return folder


def _local(path: Path, shards: Path, **settings: object) -> Outcome:
    with Newsweave(Settings(db_path=path, **settings)) as nw:  # type: ignore[arg-type]
        nw.ingest([shards], workers=1)  # the reference: this process alone
        nw.link()
        return outcome(nw)


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory, shards: Path) -> Outcome:
    """What one process makes of the shards."""
    return _local(tmp_path_factory.mktemp("local") / "news.sqlite", shards)


@pytest.fixture(scope="module")
def local_no_facts(tmp_path_factory: pytest.TempPathFactory, shards: Path) -> Outcome:
    return _local(tmp_path_factory.mktemp("local-nf") / "news.sqlite", shards, facts=False)
