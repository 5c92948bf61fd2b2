from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.errors import InputError
from newsweave.extract.html import HtmlExtractor
from newsweave.records import DateSource, MediaType, Provenance, RawItem

extractor = HtmlExtractor()


def page(data: bytes, **fields: str) -> RawItem:
    return RawItem(data, MediaType.HTML, Provenance("page.html"), fields)


def test_a_news_page_comes_apart_into_metadata_body_and_comments(data_dir: Path) -> None:
    a = extractor.extract(page((data_dir / "html" / "en_news.html").read_bytes()))
    assert a.title == "Army encircles militants near Abu Kamal"
    assert a.outlet == "Desert Daily"
    assert a.author == "Jane Doe"
    assert a.published is not None and a.published.value.date().isoformat() == "2017-11-24"
    assert a.published.source is DateSource.META
    assert a.body[0].startswith("Government troops have encircled")
    assert any("desertions had become common" in p for p in a.body)
    body = " ".join(a.body)
    assert "Share on Facebook" not in body and "All rights reserved" not in body
    expected = [("Reader One", None), ("Reader Three", 0), ("Reader Two", None)]
    assert [(c.author, c.reply_to) for c in a.comments] == expected
    assert a.comments[0].text == "This war will not end soon, whatever the army says about it."
    assert a.comments[1].time is not None and a.comments[1].time.hour == 11
    assert not any(c.text in body for c in a.comments)


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        (
            "windows-1251",
            "Правительственные войска окружили боевиков в пустыне к западу от Абу-Кемаля, сообщили в штабе.",
        ),
        (
            "iso-8859-1",
            "Les troupes gouvernementales ont encerclé les combattants près de la frontière, a déclaré l'armée.",
        ),
    ],
)
def test_legacy_encodings_come_out_right(encoding: str, text: str) -> None:
    paragraphs = "".join(f"<p>{text} {i}</p>" for i in range(4))
    head = f"<head><meta charset='{encoding}'><title>T</title></head>"
    html = f"<html>{head}<body><article>{paragraphs}</article></body></html>"
    a = extractor.extract(page(html.encode(encoding)))
    assert text in a.body[0]


def test_container_fields_win_over_the_page() -> None:
    html = (
        b"<html><head><title>Page title</title></head><body><article><p>"
        + b"Some article text. " * 20
        + b"</p></article></body></html>"
    )
    a = extractor.extract(page(html, title="Feed title", url="https://x.org/a"))
    assert a.title == "Feed title" and a.url == "https://x.org/a"


def test_a_page_without_an_article_is_rejected() -> None:
    with pytest.raises(InputError, match="no article text found"):
        extractor.extract(page(b"<html><body><nav><a href='/'>Home</a></nav></body></html>"))


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=2000) | st.text(max_size=1500).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode())
)
def test_any_bytes_give_an_article_or_an_input_error(data: bytes) -> None:
    try:
        article = extractor.extract(page(data))
    except InputError:
        return
    assert article.body
