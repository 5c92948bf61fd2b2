from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.ingest import read_inputs
from newsweave.records import MediaType, RawItem, Rejection


def read(*paths: Path | str, **kwargs: int) -> list[RawItem | Rejection]:
    return list(read_inputs([str(p) for p in paths], **kwargs))


def items(entries: list) -> list[RawItem]:
    return [e for e in entries if isinstance(e, RawItem)]


def rejections(entries: list) -> list[Rejection]:
    return [e for e in entries if isinstance(e, Rejection)]


def test_seeds_are_text_captures(seeds_dir: Path) -> None:
    entries = read(seeds_dir)
    assert [e.media_type for e in items(entries)] == [MediaType.TEXT] * 3
    assert read(seeds_dir)[0].id == entries[0].id  # content hash: the same input, the same id


def test_warc_gz_yields_the_html_responses_with_offsets_and_urls(make_warc) -> None:
    entries = read(make_warc())
    pages = items(entries)
    assert not rejections(entries)
    assert [p.provenance.url for p in pages] == [f"https://example.org/news/{i}" for i in range(3)]
    assert all(p.media_type is MediaType.HTML and p.encoding == "utf-8" for p in pages)
    offsets = [int(p.provenance.locator.removeprefix("offset ")) for p in pages]
    assert offsets == sorted(offsets) and offsets[0] == 0


def test_truncated_warc_keeps_what_was_read_and_says_where_it_stopped(make_warc, tmp_path: Path) -> None:
    whole = make_warc(n=6, extra=False).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3 + 37])  # inside a member: a cut between members is a valid WARC
    entries = read(cut)
    assert 2 <= len(items(entries)) < 6
    (last,) = rejections(entries)
    assert last.item == str(cut) and "truncated or corrupt" in last.reason and "read" in last.reason


@pytest.mark.parametrize("share", [0.3, 0.5, 0.8, 0.95, 0.999])
def test_a_warc_cut_anywhere_is_reported_once(make_warc, tmp_path: Path, share: float) -> None:
    whole = make_warc(n=6).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: int(len(whole) * share)])
    entries = read(cut)
    assert len(rejections(entries)) == 1 and isinstance(entries[-1], Rejection)
    assert all(b"</html>" in page.data for page in items(entries))  # no half page slips through


def test_uncompressed_warc(make_warc, tmp_path: Path) -> None:
    plain = tmp_path / "plain.warc"
    data = gzip.decompress(make_warc().read_bytes())
    plain.write_bytes(data)
    assert len(items(read(plain))) == 3


def test_jsonl_maps_fields_and_rejects_a_malformed_line_alone(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    lines = [
        json.dumps({"headline": "One", "text": "Body one.", "url": "https://x.org/1", "published": "2017-11-24"}),
        "{not json",
        json.dumps({"title": "No body"}),
        json.dumps({"title": "Two", "html": "<html><body><p>Body two.</p></body></html>", "authors": ["A", "B"]}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    entries = read(path)
    one, two = items(entries)
    assert one.fields["title"] == "One" and one.fields["date"] == "2017-11-24" and one.fields["body_format"] == "text"
    assert one.provenance.locator == "line 1" and one.provenance.url == "https://x.org/1"
    assert two.fields["body_format"] == "html" and two.fields["author"] == "A, B"
    bad, no_body = rejections(entries)
    assert bad.item.endswith("a.jsonl:line 2") and bad.reason.startswith("malformed JSON")
    assert no_body.reason.startswith("no article body")


def test_a_json_array_of_articles(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"title": "A", "text": "x y z."}, {"title": "B", "content": "p q r."}]))
    assert [i.fields["title"] for i in items(read(path))] == ["A", "B"]


RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>
<item><title>First</title><link>https://w.org/1</link><pubDate>Fri, 24 Nov 2017 05:56:00 GMT</pubDate>
<description>&lt;p&gt;The first story text, long enough to count as an article body here.&lt;/p&gt;</description></item>
<item><title>Second</title><link>https://w.org/2</link><description>Second story text.</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<entry><title>Only</title><link href="https://a.org/1"/><updated>2017-11-24T05:56:00Z</updated>
<content type="html">&lt;p&gt;Atom story text.&lt;/p&gt;</content></entry></feed>"""


@pytest.mark.parametrize(
    ("text", "titles", "outlet"), [(RSS, ["First", "Second"], "Wire"), (ATOM, ["Only"], "Atom wire")]
)
def test_feeds_give_one_record_per_entry(tmp_path: Path, text: str, titles: list[str], outlet: str) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(text, encoding="utf-8")
    entries = items(read(path))
    assert [e.fields["title"] for e in entries] == titles
    assert all(e.media_type is MediaType.RECORD and e.fields["outlet"] == outlet for e in entries)
    assert entries[0].provenance.locator == "entry 1" and entries[0].fields.get("date")


@pytest.mark.parametrize("encoding", ["windows-1251", "koi8-r", "iso-8859-1"])
def test_html_bytes_reach_the_item_untouched(tmp_path: Path, encoding: str) -> None:
    text = "Губернатор открыл мост" if encoding != "iso-8859-1" else "Le préfet a été reçu à Noël"
    html = f"<html><head><meta charset='{encoding}'></head><body><p>{text}</p></body></html>".encode(encoding)
    path = tmp_path / "page.html"
    path.write_bytes(html)
    (item,) = read(path)
    assert item.media_type is MediaType.HTML and item.data == html


def test_gzipped_html_and_truncated_gzip(tmp_path: Path) -> None:
    html = b"<!doctype html><html><body><p>Hello world, this is a page.</p></body></html>" * 50
    good, bad = tmp_path / "p.html.gz", tmp_path / "q.html.gz"
    good.write_bytes(gzip.compress(html))
    bad.write_bytes(gzip.compress(html)[:40])
    (item,) = read(good)
    assert item.media_type is MediaType.HTML and item.data == html
    (rejection,) = read(bad)
    assert (isinstance(rejection, Rejection) and "gzip" in rejection.reason) or "truncated" in rejection.reason


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"%PDF-1.7\n" + bytes(range(256)) * 4, "PDF document"),
        (bytes(range(256)) * 8, "binary data"),
    ],
)
def test_junk_and_empty_files_are_rejected_by_name(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "junk.dat"
    path.write_bytes(data)
    (rejection,) = read(path)
    assert isinstance(rejection, Rejection) and reason in rejection.reason and rejection.item == str(path)


def test_a_100_mb_page_is_rejected_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as f:
        f.write(b"<html><body>")
        f.truncate(100_000_000)  # sparse: costs nothing on disk
    (rejection,) = read(path)
    assert rejection.reason == "file is 100 MB, over the 20 MB limit for one page"


def test_invalid_utf8_text_still_becomes_an_item(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Élève à Noël, le préfet a été reçu.".encode("latin-1"))
    (item,) = read(path)
    assert isinstance(item, RawItem) and item.media_type is MediaType.TEXT


def test_directories_globs_hidden_files_and_missing_paths(tmp_path: Path) -> None:
    (tmp_path / "d" / "sub").mkdir(parents=True)
    (tmp_path / "d" / ".hidden").mkdir()
    for name in ("d/a.txt", "d/sub/b.txt", "d/.hidden/c.txt", "d/.dot.txt"):
        (tmp_path / name).write_text(f"{name}\n\nSome article text here.")
    found = [Path(i.provenance.path).name for i in items(read(tmp_path / "d"))]
    assert found == ["a.txt", "b.txt"]
    assert [Path(i.provenance.path).name for i in items(read(f"{tmp_path}/d/**/*.txt"))] == ["a.txt", "b.txt"]
    (missing,) = read(tmp_path / "nope.txt")
    assert missing.reason == "no such file or directory"


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Title\n\nBody text of the article.")))
    (item,) = read("-")
    assert item.provenance.path == "<stdin>" and item.media_type is MediaType.TEXT


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(st.binary(max_size=3000), st.text(max_size=2000).map(str.encode)))
def test_any_bytes_give_items_or_rejections_and_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "random.bin"
    path.write_bytes(data)
    for entry in read(path):
        assert isinstance(entry, RawItem | Rejection)
    gz = tmp_path / "random.gz"
    gz.write_bytes(gzip.compress(data)[: max(1, len(data) // 2)])
    for entry in read(gz):
        assert isinstance(entry, RawItem | Rejection)
