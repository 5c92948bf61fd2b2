"""Names in Chinese, Japanese, Thai and Korean, read by a segmenter: no spaces or no bare words, no capitals."""

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


def test_chinese_transliterated_name_is_one_across_its_middle_dot(recognizer: EntityRecognizer) -> None:
    # LAC reads "阿图罗·" and "比达尔" as two people here
    found = names(recognizer, "为什么阿图罗·比达尔必须跟随卡莱斯·阿莱纳走出巴萨的大门。", "zh")
    assert found["阿图罗·比达尔"][0] == "PER" and found["卡莱斯·阿莱纳"][0] == "PER"
    assert "比达尔" not in found and "阿图罗·" not in found and "阿图罗" not in found


def test_latin_names_inside_a_chinese_text_are_found(recognizer: EntityRecognizer) -> None:
    text = "北方邦首席部长Yogi Adityanath周二表示，Twitter上的视频已被删除。\n\n美联社报道。"
    found = names(recognizer, text, "zh")
    assert found["Yogi Adityanath"][0] == "PER"
    assert "Twitter" in found
    assert all(name.strip() for name in found)  # no blank line read as a name


def test_chinese_place_written_after_its_state_or_country_is_two_places(recognizer: EntityRecognizer) -> None:
    found = names(recognizer, "他从北卡罗来纳州布拉格堡飞往加拿大温哥华。", "zh")
    assert found["北卡罗来纳州"][0] == "LOC" and found["布拉格堡"][0] == "LOC"
    assert found["加拿大"] == ("LOC", "geonames:6251999") and found["温哥华"][0] == "LOC"
    # the segmenter's one place ("北卡罗来纳州布拉格堡" in some sentences) is cut where it falls apart
    cut = recognizer._address_cut
    assert cut("北卡罗来纳州布拉格堡") == len("北卡罗来纳州") and cut("加拿大温哥华") == len("加拿大")
    assert cut("爱荷华州阿尔戈纳") == len("爱荷华州") and cut("斯德哥尔摩瑞典") == len("斯德哥尔摩")
    assert cut("佛蒙特州") == 0 and cut("新墨西哥州") == 0  # no part of one place's name
    assert cut("澳大利亚战争纪念馆") == 0  # a country's memorial is one name


def test_korean_names_past_their_particles(recognizer: EntityRecognizer) -> None:
    text = (
        "도널드 트럼프 미국 대통령은 백악관에서 문재인 대통령과 만났다. 트럼프는 서울을 방문할 예정이며, "
        "세계보건기구(WHO)와 삼성전자도 언급했다. 우크라이나의 코로나19 상황."
    )
    found = names(recognizer, text, "ko")
    assert found["도널드 트럼프"][0] == "PER" and found["문재인"][0] == "PER"
    assert found["트럼프"][0] == "PER"  # a common noun to mecab once the full name has passed
    assert found["미국"] == ("LOC", "geonames:6252001") and found["서울"][0] == "LOC"
    assert found["백악관"][1] == "alias:white-house"
    assert found["세계보건기구"] == found["WHO"] == ("ORG", "alias:world-health-organization")
    assert found["우크라이나"][0] == "LOC"  # mecab cuts it ("우크라" + "이나"); the gazetteer knows it
    assert found["코로나19"][1] == "alias:covid-19"
    assert "삼성전자" in found


def test_japanese_proper_nouns_and_a_katakana_name_before_a_title(recognizer: EntityRecognizer) -> None:
    found = names(recognizer, "アメリカのトランプ大統領は、ドイツのメルケル首相と東京で会談した。", "ja")
    assert found["アメリカ"] == ("LOC", "geonames:6252001")
    assert found["ドイツ"] == ("LOC", "geonames:2921044")
    assert found["トランプ"][0] == "PER" and found["メルケル"][0] == "PER"
    assert found["東京"][0] == "LOC"


def test_japanese_names_with_their_suffixes_dots_and_latin_script(recognizer: EntityRecognizer) -> None:
    text = (
        "ブレット・カヴァノー判事はアイオワ州セントルイスと雲南省を訪れ、ミシガン大学で話した。"
        "ウェールズ人の記者は、Fox News Channelによると述べた。"
    )
    found = names(recognizer, text, "ja")
    assert found["ブレット・カヴァノー"][0] == "PER"  # katakana joined by a middle dot
    assert found["アイオワ州"][0] == found["セントルイス"][0] == found["雲南省"][0] == "LOC"
    assert found["ミシガン大学"][0] == "ORG"
    assert "Fox News Channel" in found  # the tagger's, not MeCab's three words
    assert not [name for name in found if "ウェールズ" in name]  # a people, no name


def test_thai_people_after_a_title_and_places_in_the_gazetteer(recognizer: EntityRecognizer) -> None:
    text = "นายกรัฐมนตรีประยุทธ์ จันทร์โอชา เดินทางไปประเทศญี่ปุ่น พบกับประธานาธิบดีโจ ไบเดน ของสหรัฐอเมริกา"
    found = names(recognizer, text, "th")
    assert found["ประยุทธ์ จันทร์โอชา"][0] == "PER"
    assert found["โจ ไบเดน"][0] == "PER"
    assert found["ญี่ปุ่น"] == ("LOC", "geonames:1861060")
    assert found["สหรัฐอเมริกา"] == ("LOC", "geonames:6252001")


def test_thai_words_are_no_places_and_a_quote_after_a_title_no_person(recognizer: EntityRecognizer) -> None:
    # folded to Latin, "ที่มี" (which has) and "กล่าว" (said) are places somewhere
    text = 'ไม่นานจากสมัยก่อน" เขากล่าว\nเพื่อนบ้านกรีก ที่มีมลรัฐ และ "ประธานาธิบดี\u201d และการมอง'
    found = names(recognizer, text, "th")
    assert not {"ที่มี", "กล่าว", "\u201d"} & set(found)


def test_text_without_names_gives_none() -> None:
    assert segmented_spans("今天天气很好。", "zh") == []
    assert segmented_spans("", "ja") == []
