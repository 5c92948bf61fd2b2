"""Names in Chinese, Japanese and Thai, scripts without spaces or capitals."""

from __future__ import annotations

import pytest

from newsweave.analyze.entities import EntityRecognizer
from newsweave.analyze.entities.segmented import segmented_spans


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def names(recognizer: EntityRecognizer, text: str, language: str) -> dict[str, tuple[str, str | None]]:
    mentions = recognizer.mentions(text, language)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return {m.text: (m.type.value, m.entity) for m in mentions}


def test_chinese_people_places_and_organisations(recognizer: EntityRecognizer) -> None:
    found = names(recognizer, "美国总统特朗普周二在柏林会见了德国总理默克尔，讨论北约和世界卫生组织的问题。", "zh")
    assert found["美国"] == ("LOC", "geonames:6252001")
    assert found["德国"] == ("LOC", "geonames:2921044")  # "德国总理" loses its title
    assert found["特朗普"][0] == "PER" and found["默克尔"][0] == "PER"
    assert found["北约"] == ("ORG", "alias:nato")
    assert found["世界卫生组织"] == ("ORG", "alias:world-health-organization")


def test_japanese_proper_nouns_and_a_katakana_name_before_a_title(recognizer: EntityRecognizer) -> None:
    found = names(recognizer, "アメリカのトランプ大統領は、ドイツのメルケル首相と東京で会談した。", "ja")
    assert found["アメリカ"] == ("LOC", "geonames:6252001")
    assert found["ドイツ"] == ("LOC", "geonames:2921044")
    assert found["トランプ"][0] == "PER" and found["メルケル"][0] == "PER"
    assert found["東京"][0] == "LOC"


def test_thai_people_after_a_title_and_places_in_the_gazetteer(recognizer: EntityRecognizer) -> None:
    text = "นายกรัฐมนตรีประยุทธ์ จันทร์โอชา เดินทางไปประเทศญี่ปุ่น พบกับประธานาธิบดีโจ ไบเดน ของสหรัฐอเมริกา"
    found = names(recognizer, text, "th")
    assert found["ประยุทธ์ จันทร์โอชา"][0] == "PER"
    assert found["โจ ไบเดน"][0] == "PER"
    assert found["ญี่ปุ่น"] == ("LOC", "geonames:1861060")
    assert found["สหรัฐอเมริกา"] == ("LOC", "geonames:6252001")


def test_text_without_names_gives_none() -> None:
    assert segmented_spans("今天天气很好。", "zh") == []
    assert segmented_spans("", "ja") == []
