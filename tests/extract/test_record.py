from __future__ import annotations

import pytest

from newsweave.errors import InputError
from newsweave.extract.record import RecordExtractor
from newsweave.records import DatePrecision, MediaType, Provenance, RawItem

extractor = RecordExtractor()


def record(body: str, **fields: str) -> RawItem:
    return RawItem(body.encode(), MediaType.RECORD, Provenance("a.jsonl", "line 1"), fields)


def test_text_records_map_their_fields() -> None:
    a = extractor.extract(
        record("First.\n\nSecond.", body_format="text", title="T", outlet="Wire", date="2017-11-24T05:56:00Z",
               language="en-GB", author="A. B.")
    )  # fmt: skip
    assert (a.title, a.outlet, a.language, a.author) == ("T", "Wire", "en", "A. B.")
    assert a.body == ("First.", "Second.")
    assert a.published is not None and a.published.precision is DatePrecision.MINUTE


def test_html_records_go_through_the_html_extractor() -> None:
    html = "<html><body><article><p>" + "The council met on Monday. " * 15 + "</p></article></body></html>"
    a = extractor.extract(record(html, body_format="html", title="Council", date="Fri, 24 Nov 2017 05:56:00 GMT"))
    assert a.title == "Council" and a.body[0].startswith("The council met on Monday.")
    assert a.extractor == "record" and a.published is not None and a.published.value.day == 24


def test_an_empty_body_is_rejected() -> None:
    with pytest.raises(InputError):
        extractor.extract(record("  \n ", body_format="text"))
