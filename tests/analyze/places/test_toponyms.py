"""Spotting place names: spans, demonyms, abbreviations, common words and people kept out."""

from __future__ import annotations

import pytest

from newsweave.analyze.places import Geocoder
from newsweave.analyze.places.toponyms import is_street, merge, spot
from newsweave.records import EntityType, Mention


def _spotted(geocoder: Geocoder, text: str, language: str | None = "en") -> list[str]:
    return [t.text for t in spot(geocoder.gazetteer, text, language)]


def test_multiword_names_and_demonyms(geocoder: Geocoder) -> None:
    text = "Turkish forces entered Deir ez-Zor, while Syrians fled towards New York and Abu Kemal."
    assert _spotted(geocoder, text) == ["Turkish", "Deir ez-Zor", "Syrians", "New York", "Abu Kemal"]
    demonyms = [t for t in spot(geocoder.gazetteer, text, "en") if t.demonym]
    assert [t.code for t in demonyms] == ["TR", "SY"]


def test_common_words_and_dates_are_not_places(geocoder: Geocoder) -> None:
    text = "May was dry. Reading the report, officials said on March 3 that Police Chief Bob Smith would resign."
    assert _spotted(geocoder, text) == []


def test_people_named_like_places_are_not_places(geocoder: Geocoder) -> None:
    text = "Gov. Jackson met Sen. Sherrod Brown. Later Brown said George Washington would have agreed."
    assert _spotted(geocoder, text) == []


def test_surnames_after_an_initial_and_small_divisions_named_like_people(geocoder: Geocoder) -> None:
    # "Nelson" is a New Zealand region and "Michael" a parish of the Isle of Man: neither earns the
    # trust a country or a state does when the text uses the word as a name.
    text = "Capt. Roy A. Nelson said so. Later, Nelson said no, and Michael R. Pannell agreed."
    assert _spotted(geocoder, text) == []


def test_compass_words_open_a_place_and_are_none_alone(geocoder: Geocoder) -> None:
    toponyms = spot(geocoder.gazetteer, "They moved to North Texas in 1973, West said.", "en")
    assert [(t.text, t.key) for t in toponyms] == [("North Texas", "texas")]


def test_a_legislators_home_town_after_the_party(geocoder: Geocoder) -> None:
    assert _spotted(
        geocoder, "Sen. Robert Ford, D-Charleston, said so. A Charleston man agreed, a neighbour said."
    ) == [
        "Charleston",
        "Charleston",
    ]


def test_a_place_before_its_institution_is_kept(geocoder: Geocoder) -> None:
    assert _spotted(geocoder, "The Gainesville Police Department said so.") == ["Gainesville"]


def test_state_abbreviations_after_a_comma(geocoder: Geocoder) -> None:
    toponyms = spot(geocoder.gazetteer, "He lives in Springfield, Ill., not in Washington, D.C., he said.", "en")
    assert [(t.text, t.code) for t in toponyms] == [
        ("Springfield", None),
        ("Ill.", "US.IL"),
        ("Washington", None),
        ("D.C.", "US.DC"),
    ]


def test_russian_inflections_and_other_scripts(geocoder: Geocoder) -> None:
    assert _spotted(geocoder, "Бои идут у Абу-Кемаля и в Сирии.", "ru") == ["Абу-Кемаля", "Сирии"]
    assert _spotted(geocoder, "اشتباكات في دير الزور", "ar") == ["دير الزور"]


def test_recogniser_mentions_add_places_and_veto_others(geocoder: Geocoder) -> None:
    text = "Paris Hilton flew to Smallville from Lyon."
    mentions = [
        Mention(0, 12, "Paris Hilton", EntityType.PERSON),
        Mention(21, 31, "Smallville", EntityType.LOCATION),
    ]
    merged = merge(geocoder.gazetteer, spot(geocoder.gazetteer, text, "en"), mentions, text)
    assert [(t.text, t.from_ner) for t in merged] == [("Smallville", True), ("Lyon", False)]


def test_spelling_variants_are_spotted(geocoder: Geocoder) -> None:
    text = "Les forces syriennes ont repris Deir Ezzor et Abou Kamal, selon Damas et Moscou."
    assert _spotted(geocoder, text, "fr") == ["Deir Ezzor", "Abou Kamal", "Damas", "Moscou"]


def test_frequent_words_of_a_script_without_case_are_not_places(geocoder: Geocoder) -> None:
    text = "قالت مصادر في دمشق إن الجيش دخل البوكمال قرب الحدود مع العراق"
    assert _spotted(geocoder, text, "ar") == ["دمشق", "البوكمال", "العراق"]


def test_names_inside_unspaced_scripts(geocoder: Geocoder) -> None:
    assert _spotted(geocoder, "北京和上海的代表在叙利亚会面", "zh") == ["北京", "上海", "叙利亚"]
    assert _spotted(geocoder, "シリアのダマスカスで会議が開かれた", "ja") == ["シリア", "ダマスカス"]


def test_the_spotters_reading_wins_where_the_recogniser_cuts_a_name_or_runs_past_it(geocoder: Geocoder) -> None:
    text = "Flights from New York to Toronto's Pearson airport resumed across Santa Clara County, Canada-wide."
    mentions = [
        Mention(13, 16, "New", EntityType.LOCATION),  # cut short
        Mention(25, 42, "Toronto's Pearson", EntityType.LOCATION),  # run past the name
        Mention(66, 84, "Santa Clara County", EntityType.LOCATION),  # a known name covering "Santa Clara"
        Mention(86, 97, "Canada-wide", EntityType.LOCATION),
    ]
    merged = merge(geocoder.gazetteer, spot(geocoder.gazetteer, text, "en"), mentions, text)
    assert [(t.text, t.from_ner) for t in merged] == [
        ("New York", False),
        ("Toronto", False),
        ("Pearson", False),
        ("Santa Clara County", True),
        ("Canada", False),
    ]


def test_on_the_recognisers_own_span_the_spotters_key_is_looked_up(geocoder: Geocoder) -> None:
    text = "Protests spread across North London."
    mentions = [Mention(23, 35, "North London", EntityType.LOCATION)]
    (toponym,) = merge(geocoder.gazetteer, spot(geocoder.gazetteer, text, "en"), mentions, text)
    assert (toponym.text, toponym.key, toponym.from_ner) == ("North London", "london", True)


def test_a_name_inside_a_rejected_look_alike_is_still_found(geocoder: Geocoder) -> None:
    # "El Reino" is spelt like El Reno, Oklahoma, and rejected; the words after it are tried again.
    assert _spotted(geocoder, "El Reino Unido anunció la retirada.", "es") == ["Reino Unido"]
    assert _spotted(geocoder, "Later Brown said George Washington would have agreed.") == []


def test_arabic_words_that_fold_like_a_name_are_not_places(geocoder: Geocoder) -> None:
    # Folded to Latin consonants, "الوطن" (the homeland) was Luton and "عون" (aid) Van, Turkey.
    assert _spotted(geocoder, "قال المسؤول عبر الهاتف إن الوطن بحاجة إلى عون", "ar") == []
    assert _spotted(geocoder, "وصل الوفد إلى بدمشق والعراق", "ar") == ["بدمشق", "والعراق"]


def test_chinese_words_that_fold_like_a_name_are_not_places(geocoder: Geocoder) -> None:
    # 机场 (airport) folds to "jichang", 疫情 (epidemic) and 信息 (information) to names of
    # towns written in other characters; only names the gazetteer holds in these characters count.
    assert _spotted(geocoder, "机场和医院的疫情信息已经完成", "zh") == []
    # 共和 ("republic") folds like the name of a town, but no place is written so.
    assert _spotted(geocoder, "北京支持共和", "zh") == ["北京"]


def test_a_chinese_name_is_found_in_either_script(geocoder: Geocoder) -> None:
    # GeoNames has New York as 紐約 only; mainland news writes 纽约.
    assert _spotted(geocoder, "美国纽约的代表", "zh") == ["美国", "纽约"]


def test_traditional_chinese_names_are_weighed_as_the_simplified(geocoder: Geocoder) -> None:
    # wordfreq counts 台北; its traditional 臺北 had no frequency, and a two-character piece
    # without one is read as the end of one word and the start of the next.
    assert _spotted(geocoder, "美國紐約和臺北的代表", "zh") == ["美國", "紐約", "臺北"]


def test_a_chinese_town_name_inside_a_longer_word_is_not_a_place(geocoder: Geocoder) -> None:
    # 民主 is a town's name and "democracy": in 民主党 (the Democratic Party) it is the word;
    # 联合 (a town) inside 联合国 (the United Nations), 伯特 (Burt) inside 罗伯特 (Robert).
    assert _spotted(geocoder, "民主党人在联合国会见了罗伯特", "zh") == []
    # A country stays inside an organisation's name, as "Kentucky State Police" names Kentucky.
    assert _spotted(geocoder, "中国政府和英国广播公司", "zh") == ["中国", "英国"]


def test_a_chinese_place_with_its_kind_after_it_is_not_cut(geocoder: Geocoder) -> None:
    # 卡森市 (Carson City) is one word to jieba; 卡森 is the place it names.
    assert _spotted(geocoder, "他在卡森市被捕", "zh") == ["卡森"]
    # 土耳其共和国 is Turkey; 刚果民主共和国 is not the Congo named 刚果 (the Republic).
    assert _spotted(geocoder, "土耳其共和国成立", "zh") == ["土耳其"]
    assert _spotted(geocoder, "刚果民主共和国爆发", "zh") == []


def test_a_name_joined_by_a_middle_dot_is_a_persons(geocoder: Geocoder) -> None:
    # 安德森·库珀 (Anderson Cooper): Chinese joins a foreign person's names with a middle dot.
    assert _spotted(geocoder, "主持人安德森·库珀在纽约说", "zh") == ["纽约"]


def test_a_state_name_given_to_a_town_is_no_town(geocoder: Geocoder) -> None:
    # GeoNames gives Smithville, Missouri the name 密苏里州 (the state of Missouri).
    assert _spotted(geocoder, "密苏里州的企业", "zh") == []


def test_a_big_place_at_the_head_of_another_places_name_is_not_that_place(geocoder: Geocoder) -> None:
    # 马里兰州 (Maryland) opens with 马里 (Mali) and holds 兰州 (Lanzhou).
    assert _spotted(geocoder, "马里兰州的官员", "zh") == []


def test_an_arabic_word_is_weighed_against_the_places_written_so(geocoder: Geocoder) -> None:
    # "رأس" (head) folds like Arras, a town of 40,000; the places written so in Arabic are far
    # smaller, and far rarer than the word.
    assert _spotted(geocoder, "قال رأس الحزب إن الوفد وصل إلى القاهرة", "ar") == ["القاهرة"]


def test_a_common_word_without_capitals_names_only_a_well_known_or_large_place(geocoder: Geocoder) -> None:
    # 联合 ("joint", Lianhe in Yunnan, 121,000), 公平 ("fair"), 丛林 ("jungle") are towns' names that
    # weighed against the towns' size passed; common words need a place the world's news names.
    assert _spotted(geocoder, "他们联合发布公平的丛林报告，华盛顿和巴黎回应", "zh") == ["华盛顿", "巴黎"]
    # "the capital" is also a governorate of 1.9 million around Sanaa, "the new" a Libyan town of
    # 126,000, "statement" a Kuwaiti town; Gaza (410,000) is as common a word and is the place.
    text = "وقال المجلس في بيان إن العاصمة عدن والسوق الجديد ستغلق، وفي غزة أيضا"
    assert _spotted(geocoder, text, "ar") == ["عدن", "غزة"]
    # A conjunction written onto the word does not make it rarer: "وحصار" (and a siege) is "حصار".
    assert "وقف" not in _spotted(geocoder, "وقف إطلاق النار في حلب", "ar")
    # A katakana name inside a longer katakana word is none: "スタイル" (style) holds Thailand,
    # "ボール" (ball) Bo, "トランプ" (Trump) Trang; "タイの" is Thailand.
    assert _spotted(geocoder, "トランプはボールを投げ、ライフスタイルを語った。", "ja") == []
    assert _spotted(geocoder, "タイのバンコクとパリ・ミラノ", "ja") == ["タイ", "バンコク", "パリ", "ミラノ"]
    # Korean spaces its words and puts particles after a name: "테니스" (tennis) holds no Nice.
    assert _spotted(geocoder, "그는 테니스를 치고 파리에서 런던으로 갔다.", "ko") == ["파리", "런던"]
    # Korean and Japanese too: "위해" (for the sake of) is no Weihai, "津波" (tsunami) no Tsuha.
    assert _spotted(geocoder, "정부는 피해 복구를 위해 서울과 부산에 지원을 보냈다.", "ko") == ["서울", "부산"]
    assert _spotted(geocoder, "津波の後、政府は東京と大阪に支援を送った。", "ja") == ["東京", "大阪"]
    # Hebrew's own towns are frequent words there: the rule, chosen on Arabic and Chinese, holds
    # only in them, and Ashkelon stays.
    assert _spotted(geocoder, "רקטות נורו לעבר אשקלון", "he") == ["אשקלון"]


def test_a_word_that_is_a_countrys_name_only_in_other_languages_is_a_word(geocoder: Geocoder) -> None:
    # CLDR names the Isle of Man "Mann" and India "Ende" in some languages; in German they are
    # "man" and "end". A country named so in the article's language or in English stays.
    assert _spotted(geocoder, "Der Mann kam am Ende nach Deutschland.", "de") == ["Deutschland"]
    assert _spotted(geocoder, "Taki plan ma Polska.", "pl") == ["Polska"]
    # The key's other places still count: "Columbia" (the towns), "England" (the division).
    assert _spotted(geocoder, "He left England for Columbia.", "en") == ["England", "Columbia"]


def test_a_common_word_only_the_recogniser_took_for_a_place_is_a_word(geocoder: Geocoder) -> None:
    # The recogniser tags "Новый" of "Новый год" (New Year) as a place; the places its key names
    # (villages called Novyy) are far rarer than the word. An inflected country's name stays.
    text = "Новый год встретили в Польше."
    poland = Mention(22, 28, "Польше", EntityType.LOCATION, lemma="Польша")
    mentions = [Mention(0, 5, "Новый", EntityType.LOCATION), poland]
    merged = merge(geocoder.gazetteer, [], mentions, text, language="ru")
    assert [t.text for t in merged] == ["Польше"]
    # A name the gazetteer does not hold stays a named place: there is no reading to weigh it against.
    unknown = [Mention(0, 5, "Новый", EntityType.LOCATION, lemma="Zzyzxq")]
    assert [t.text for t in merge(geocoder.gazetteer, [], unknown, text, language="ru")] == ["Новый"]


def test_a_turkish_capital_dotted_i_does_not_hide_a_words_frequency() -> None:
    from newsweave.analyze.places.toponyms import _zipf

    # "İ".casefold() is "i" and a combining dot: "İyi" (good) read as a word no table holds.
    assert _zipf("İyi", "tr") == _zipf("iyi", "tr") > 5


def test_a_german_noun_is_no_town_abroad_that_bears_it_as_its_own_name(geocoder: Geocoder) -> None:
    # "Länder" (the states) was Lander, Venezuela; "Sänger" (singer) Sanger, California; a
    # German-speaking country's town and a country keep such a name ("Essen", "Island" for Iceland).
    text = "Die Länder und der Sänger trafen sich in Essen und flogen nach Island."
    assert _spotted(geocoder, text, "de") == ["Essen", "Island"]


def test_an_everyday_german_noun_names_a_town_only_as_its_own_name(geocoder: Geocoder) -> None:
    # "Namen" (names) is Namur's German name, in a country that speaks German, but one of the
    # language's commonest words; "Essen" is the town's own name and "Frankfurt" a word of its own.
    text = "Die Polizei nannte keine Namen. Die Namen der Opfer aus Essen und Frankfurt fehlen."
    assert _spotted(geocoder, text, "de") == ["Essen", "Frankfurt"]


def test_a_german_word_capitalised_only_to_open_a_sentence_is_no_place(geocoder: Geocoder) -> None:
    # "Dabei" (thereby) is an alternate name of Dubai in GeoNames; German writes it lower case
    # but at a sentence's start.
    assert _spotted(geocoder, "Die Frau ging nach Wien. Dabei traf sie Freunde aus Dubai.", "de") == ["Wien", "Dubai"]


def test_a_common_word_names_a_place_abroad_only_by_its_own_name_or_a_big_citys(geocoder: Geocoder) -> None:
    # GeoNames gives Herat the alternate name "Gerät" and Amiens "Amen": in German and Italian
    # they are "device" and "amen". Each language's own names stay: Austria's "Wien" and
    # Germany's "Nürnberg" in German, Rome's "Rom" (a city of millions) in German.
    assert _spotted(geocoder, "Das Gerät kam aus Wien nach Nürnberg und Rom.", "de") == ["Wien", "Nürnberg", "Rom"]
    assert _spotted(geocoder, "Disse amen e partì per Roma.", "it") == ["Roma"]
    # In its own country's language too, an alternate name must at least be a spelling of the
    # place's: "Google" named Topeka, Kansas, for a month in 2010; "Vegas" is Las Vegas.
    assert _spotted(geocoder, "Shares of Google rose in Chicago.", "en") == ["Chicago"]
    assert _spotted(geocoder, "He flew from Chicago to Vegas.", "en") == ["Chicago", "Vegas"]
    # A name is frequent too: Russian "Вашингтон" is no common word, and stays the city.
    assert _spotted(geocoder, "Президент прилетел в Вашингтон.", "ru") == ["Вашингтон"]
    # The recogniser's places face the same test: German "Türen" (doors, lemma "Tür") is Tours's
    # alternate name, not Tours.
    text = "Die Türen blieben in Berlin zu."
    doors = Mention(4, 9, "Türen", EntityType.LOCATION, lemma="Tür")
    mentions = [doors, Mention(21, 27, "Berlin", EntityType.LOCATION)]
    assert [t.text for t in merge(geocoder.gazetteer, [], mentions, text, language="de")] == ["Berlin"]
    # Polish "Pan" (Mr) is an alternate name of Hpa-An, Myanmar, and nothing it can name in Polish.
    text = "Pan Dyrektor przyjechał do Krakowa."
    mentions = [Mention(0, 3, "Pan", EntityType.LOCATION, lemma="Pan"), Mention(27, 34, "Krakowa", EntityType.LOCATION)]
    assert [t.text for t in merge(geocoder.gazetteer, [], mentions, text, language="pl")] == ["Krakowa"]


def test_a_curated_place_is_read_whole_and_not_looked_up(geocoder: Geocoder) -> None:
    # "Белия дом" is the White House (the curated alias file's, with no GeoNames id), not "Белия"
    # (white), a GeoNames name of Bury, England; nor is "White House" the town in Tennessee.
    for text, name, language in (("Говорителят на Белия дом заяви.", "Белия дом", "bg"),
                                  ("The White House said so in Ohio.", "White House", "en")):  # fmt: skip
        start = text.index(name)
        house = Mention(start, start + len(name), name, EntityType.LOCATION, "alias:white-house")
        places = geocoder.places(text, language, mentions=[house])
        assert [(p.text, p.geonames_id) for p in places if p.start == start] == [(name, None)]
        assert not any(p.start > start and p.end <= start + len(name) for p in places)


def test_a_common_word_is_no_division_abroad_by_an_alternate_name(geocoder: Geocoder) -> None:
    # German "Region" is an alternate name of Calabarzon and Mimaropa (the Philippines) and of
    # Togo's Maritime, none of them a region of a German-speaking country: a word, whether the
    # spotter or the recogniser took it. A division's own name stays trusted where it is a word.
    text = "Die Region meldet Hochwasser in Bayern und Texas."
    assert _spotted(geocoder, text, "de") == ["Bayern", "Texas"]
    region = Mention(4, 10, "Region", EntityType.LOCATION)
    assert [t.text for t in merge(geocoder.gazetteer, [], [region], text, language="de")] == []
    assert _spotted(geocoder, "Georgia and Texas voted early.", "en") == ["Georgia", "Texas"]


@pytest.mark.parametrize(
    ("name", "after", "street"),
    [("Washington Drive", " in Arlington", True), ("Main St.", ", police said", True), ("Lincoln Ave.", "", True),
     ("Fort St.", " John", False), ("Washington", "", False), ("Kansas Highway", " Patrol", False)],
)  # fmt: skip
def test_a_name_ending_in_a_street_word_is_a_street(name: str, after: str, street: bool) -> None:
    assert is_street(name, after) is street


def test_a_name_is_looked_up_as_written_where_names_do_not_inflect_and_both_forms_are_places() -> None:
    from newsweave.analyze.places.gazetteer import load_gazetteer
    from newsweave.analyze.places.toponyms import toponym_of
    from newsweave.records import EntityType, Mention

    gazetteer = load_gazetteer()
    # simplemma's Turkish lemma of "Kumluca" (a town) is "Kumlu", another town.
    kumluca = Mention(0, 7, "Kumluca", EntityType.LOCATION, None, "Kumlu")
    assert toponym_of(kumluca, gazetteer, "tr").key == "kumluca"
    # Where names inflect the lemma is the name: Polish "Iraku" is Iraq, not Iraku in Tanzania.
    iraq = Mention(0, 5, "Iraku", EntityType.LOCATION, None, "Irak")
    assert toponym_of(iraq, gazetteer, "pl").key == "irak"
