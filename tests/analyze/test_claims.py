"""Numeric claims: figure, hedge, what is counted and what happened, in many languages."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.analyze.claims import numeric_claims
from newsweave.analyze.sentences import split_sentences
from newsweave.records import Qualifier

Q = Qualifier


def first(text: str, language: str | None) -> tuple[float, float, Qualifier, str | None, str | None]:
    c = numeric_claims(text, language)[0]
    return c.low, c.high, c.qualifier, c.counted, c.action


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "Troops destroyed more than 50 terrorists.", (50, 50, Q.MORE_THAN, "militant", "killed")),
        ("en", "No more than 150-200 militants are surrounded.", (150, 200, Q.NO_MORE_THAN, "militant", "surrounded")),
        ("en", "They destroyed over a dozen pickups.", (12, 12, Q.MORE_THAN, "vehicle", "destroyed")),
        ("en", "Nearly 1,000 people were evacuated.", (1000, 1000, Q.AROUND, "person", "evacuated")),
        ("en", "Between 15 and 20 civilians were wounded.", (15, 20, Q.RANGE, "civilian", "wounded")),
        ("en", "The death toll rose to 120.", (120, 120, Q.EXACT, "person", "killed")),
        ("en", "Fifty soldiers were captured.", (50, 50, Q.EXACT, "soldier", "captured")),
        ("en", "Two hundred fifty people fled.", (250, 250, Q.EXACT, "person", "fled")),
        ("en", "Dozens of houses were destroyed.", (24, 99, Q.AROUND, "house", "destroyed")),
        ("en", "Police arrested 12 protesters or more.", (12, 12, Q.AT_LEAST, "protester", "arrested")),
        ("fr", "Pas moins de 40 terroristes ont été éliminés.", (40, 40, Q.AT_LEAST, "militant", "killed")),
        ("fr", "Le bilan s'alourdit à 87 morts.", (87, 87, Q.EXACT, "person", "killed")),
        ("fr", "Une cinquantaine de personnes ont été arrêtées.", (50, 50, Q.AROUND, "person", "arrested")),
        (
            "fr",
            "Pas plus de 150 à 200 combattants sont encerclés.",
            (150, 200, Q.NO_MORE_THAN, "militant", "surrounded"),
        ),
        ("de", "Mindestens 30 Menschen wurden getötet.", (30, 30, Q.AT_LEAST, "person", "killed")),
        ("de", "Rund 1.500 Soldaten wurden verletzt.", (1500, 1500, Q.AROUND, "soldier", "wounded")),
        ("es", "Al menos 23 personas murieron.", (23, 23, Q.AT_LEAST, "person", "killed")),
        ("it", "Almeno venticinque persone sono morte.", (25, 25, Q.AT_LEAST, "person", "killed")),
        ("pt", "Pelo menos 9 pessoas morreram.", (9, 9, Q.AT_LEAST, "person", "killed")),
        ("ru", "Около 50 боевиков были убиты.", (50, 50, Q.AROUND, "militant", "killed")),
        ("ru", "Уничтожены более пятидесяти боевиков.", (50, 50, Q.MORE_THAN, "militant", "killed")),
        ("ru", "Число погибших возросло до 80 человек.", (80, 80, Q.EXACT, "person", "killed")),
        ("ru", "Окружены от 150 до 200 боевиков.", (150, 200, Q.RANGE, "militant", "surrounded")),
        ("uk", "Понад 100 людей евакуювали.", (100, 100, Q.MORE_THAN, "person", "evacuated")),
        ("pl", "Co najmniej 12 osób zginęło.", (12, 12, Q.AT_LEAST, "person", "killed")),
        ("cs", "Při požáru zemřelo nejméně 5 lidí.", (5, 5, Q.AT_LEAST, "person", "killed")),
        ("ar", "قتل 25 شخصا في الهجوم", (25, 25, Q.EXACT, "person", "killed")),
        ("en", "Turnout was 45 percent.", (45, 45, Q.EXACT, "percent", None)),
        ("en", "The budget is about $5 million.", (5e6, 5e6, Q.AROUND, "usd", None)),
        ("fr", "Un budget de 3,5 millions d'euros.", (3.5e6, 3.5e6, Q.EXACT, "eur", None)),
        ("pl", "Przetestowano ponad 3,5 miliona osób.", (3.5e6, 3.5e6, Q.MORE_THAN, "person", None)),
        ("pl", "Liczba zakażeń sięga 1 mln 426 094 przypadków.", (1426094, 1426094, Q.EXACT, "case", "infected")),
        ("pl", "Budżet wynosi 3 mln 500 tys. zł.", (3.5e6, 3.5e6, Q.EXACT, "pln", None)),
        ("bg", "Заразени са 2,5 милиона души.", (2.5e6, 2.5e6, Q.EXACT, "person", "infected")),
        ("bg", "Най-малко петдесет и двама души загинаха.", (52, 52, Q.AT_LEAST, "person", "killed")),
        ("bg", "Около 50 терористи бяха убити.", (50, 50, Q.AROUND, "militant", "killed")),
        ("bg", "Заразени са почти 10,267 млн. души.", (10.267e6, 10.267e6, Q.AROUND, "person", "infected")),
        ("sl", "Umrlo je več kot 52 ljudi.", (52, 52, Q.MORE_THAN, "person", "killed")),
        ("sl", "V napadu je bilo ubitih dvainpetdeset vojakov.", (52, 52, Q.EXACT, "soldier", "killed")),
        ("sl", "Najmanj 80 odstotkov okuženih je brez simptomov.", (80, 80, Q.AT_LEAST, "percent", None)),
        ("tr", "Saldırıda en az 12 asker hayatını kaybetti.", (12, 12, Q.AT_LEAST, "soldier", "killed")),
        ("tr", "100'den fazla kişi yaralandı.", (100, 100, Q.MORE_THAN, "person", "wounded")),
        ("tr", "Polis yaklaşık 15 kişiyi gözaltına aldı.", (15, 15, Q.AROUND, "person", "arrested")),
        ("tr", "Ülkede 3 bin 621 yeni vaka tespit edildi.", (3621, 3621, Q.EXACT, "case", "infected")),
        ("tr", "Depremde 3 BİN kişi öldü.", (3000, 3000, Q.EXACT, "person", "killed")),
        ("de", "Zweiundfünfzig Menschen wurden getötet.", (52, 52, Q.EXACT, "person", "killed")),
        ("pl", "Zginęły pięćdziesiąt dwie osoby.", (52, 52, Q.EXACT, "person", "killed")),
        (
            "es",
            "Murieron cincuenta y dos personas y más de cien resultaron heridas.",
            (52, 52, Q.EXACT, "person", "killed"),
        ),
        ("ru", "Заражены 7,620 млн человек.", (7.62e6, 7.62e6, Q.EXACT, "person", "infected")),
        ("ru", "За сутки умерли 512 человек.", (512, 512, Q.EXACT, "person", "killed")),
        ("sl", "Policija je aretirala 35 protestnikov.", (35, 35, Q.EXACT, "protester", "arrested")),
        ("ru", "Задержаны 50 протестующих.", (50, 50, Q.EXACT, "protester", "arrested")),
        ("uk", "Померли 3 260 пацієнтів з діагнозом COVID-19.", (3260, 3260, Q.EXACT, "patient", "killed")),
        ("pl", "W szpitalach zmarło 45 pacjentów.", (45, 45, Q.EXACT, "patient", "killed")),
        ("fr", "Au total, 87 patients sont décédés.", (87, 87, Q.EXACT, "patient", "killed")),
        ("en", "The budget is $1,200 million.", (1.2e9, 1.2e9, Q.EXACT, "usd", None)),
        ("en", "The number of dead rose to 80.", (80, 80, Q.EXACT, "person", "killed")),
        ("ru", "Число заражённых превысило 3000.", (3000, 3000, Q.EXACT, "person", "infected")),
        ("de", "Die Polizei nahm 30 Menschen fest, die Quote betrug 5 Prozent.", (30, 30, Q.EXACT, "person", None)),
        ("en", "The mine will only die if 30 workers leave.", (30, 30, Q.EXACT, "worker", "killed")),
        ("it", "Circa il 20% delle persone ha votato.", (20, 20, Q.AROUND, "percent", None)),
        ("it", "Meno del 10% dei giovani ha votato.", (10, 10, Q.LESS_THAN, "percent", None)),
        ("es", "Obtuvo más del 50% de los votos.", (50, 50, Q.MORE_THAN, "percent", None)),
    ],
)
def test_claims_are_read_with_their_hedge_counted_thing_and_action(
    language: str, text: str, expected: tuple[float, float, Qualifier, str | None, str | None]
) -> None:
    assert first(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In 2017 the town was quiet.",  # a year
        "On 24 November 2017 at 10:30 nothing happened.",  # a date and a time
        "The match ended 2:1.",  # a score
        "Call +7 495 123-45-67 now.",  # a phone number
        "Take route 7 or flight 17 to the M20.",  # identifiers
        "A 25-year-old man came 3rd.",  # a compound adjective and an ordinal
        "Article 4567891 was updated.",  # an identifier
        "No one was hurt.",  # "one" is not a count
        "Those who had Covid-19 and the Su-27 and MH-17 crews.",  # a name's number
        "The talks resume at 5 o'clock, or 7 a.m. at the latest.",  # clock times
        "Two thirds of voters and a quarter of the rest.",  # fractions
        "Call 07231 186-1111 for details.",  # an area code and its number
        "It took days, due to limited resources and travel obstacles.",  # Italian's 2, not English
        "A crash closed Interstate 64 between Exit 1 and Exit 6.",  # numbered roads and exits
        "The Bridge 136 over Big Creek and a Boeing 747 of Phase 3.",  # numbered names
        "He is one of the patients with COVID 19.",  # a name's number, spaced
        "He would support restoring tolls between Exits 1 and 6.",  # road tolls, no death toll
    ],
)
def test_dates_times_identifiers_and_ordinals_are_not_claims(text: str) -> None:
    assert numeric_claims(text, "en") == []


def test_a_lowercase_word_that_numbers_names_may_end_a_clause_before_a_count() -> None:
    claim = numeric_claims("In the burning building 300 people were trapped.", "en")[0]
    assert (claim.low, claim.counted) == (300, "person")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Вакцину ждали весь 2020 год.", "ru"),  # the whole of 2020: a year, not 2,020 of them
        ("Так был избран Джефферсон в 1800 году, набравший столько же голосов в 1800.", "ru"),  # another century's year
        ("Am Mittwochnachmittag (17 Uhr) trafen sie sich.", "de"),  # a clock time
        ("За импичмент нужны две трети голосов.", "ru"),  # two thirds
        ("Il est actuellement en quarantaine et n'a pas été hospitalisé.", "fr"),  # quarantine, not forty
        ("In einem der Autos saß Two Autos, die Mädchen waren unverletzt.", "de"),  # English words in German
    ],
)
def test_years_clock_times_and_fractions_are_not_claims_in_other_languages(text: str, language: str) -> None:
    assert numeric_claims(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "actions"),
    [
        # An action beyond another figure is that figure's: the cases did not die.
        ("bg", "Регистрирани са 680 хил. нови случаи, а общо 15 599 човека са починали.", ["infected", "killed"]),
        ("tr", "Çin'de 8.098 kişiden 774'ü ölmüştü.", [None, "killed"]),
        ("en", "Of the 120 passengers, 12 died.", [None, "killed"]),
        # ... unless the two are listed together, or one is part of the other.
        ("en", "5 soldiers and 3 civilians were killed.", ["killed", "killed"]),
        ("en", "The attack killed 5 soldiers and 3 civilians.", ["killed", "killed"]),
        ("en", "Ten children were among the 45 people killed.", ["killed", "killed"]),
        # A name's number stands between nothing: the dead of Covid-19 are 24.
        ("bg", "Починалите от Covid-19 в страната са 24.", ["killed"]),
        # Nothing happens to a duration, a share or an age.
        ("de", "Italien: 65 Corona-Todesopfer in 24 Stunden.", ["killed", None]),
        ("en", "The singer was found dead aged 49.", [None]),
        ("en", "Deputies arrested Michael Browning, 44, of Lily.", [None]),
        ("it", "L'uomo (19) muore dopo l'incidente.", [None]),
        ("bg", "Процентът на заразен медицински персонал е 10,4%.", [None]),
        ("bg", "62% от починалите от Covid-19 са в Ломбардия.", [None]),  # a share of the dead
        ("en", "We decided to take an additional 100 million doses.", [None]),  # "take" captures nothing
        # A count of a disease's cases is a count of infections.
        ("en", "Spain has more than 232,000 cases of coronavirus and close to 28,000 deaths.", ["infected", "killed"]),
    ],
)
def test_an_action_belongs_to_the_figure_it_is_said_of(language: str, text: str, actions: list[str | None]) -> None:
    assert [c.action for c in numeric_claims(text, language)] == actions


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Preliminary autopsy results show Verduin, a father of two from West Allis, Wis., drowned."),
        ("en", "A missing California mother of two has been found three weeks after she was abducted."),
        ("fr", "Un père de trois enfants a été tué dans l'accident."),
        ("ru", "В аварии погиб отец двоих детей."),
    ],
)
def test_a_parents_number_counts_their_children_not_what_befell_the_parent(language: str, text: str) -> None:
    first = numeric_claims(text, language)[0]
    assert (first.counted, first.action) == ("child", None)
    assert numeric_claims("Two children drowned.", "en")[0].action == "killed"


def test_a_number_noun_says_a_toll_only_when_the_dead_follow_it() -> None:
    infections = numeric_claims("Liczba wszystkich zakażeń sięga 426 094.", "pl")
    deaths = numeric_claims("Liczba ofiar śmiertelnych sięga już 345 182.", "pl")
    assert [(c.counted, c.action) for c in infections] == [("person", "infected")]
    assert [(c.counted, c.action) for c in deaths] == [("person", "killed")]


def test_a_word_that_is_an_action_in_one_language_is_none_in_another() -> None:
    """ "die" is the German article: a German report's figures are not deaths because of it."""
    german = numeric_claims("Am Donnerstag sank die Gemeinschaftswährung bis auf 1,1170 US-Dollar.", "de")
    assert [c.action for c in german] == [None]
    assert numeric_claims("Dozens could die, and 30 people died.", "en")[-1].action == "killed"
    oil = numeric_claims("Der Konzern förderte 5 Millionen Barrel Öl.", "de")  # Öl: oil, not Turkish "öl" (die)
    assert [c.action for c in oil] == [None]


@pytest.mark.parametrize(
    ("text", "language", "counts"),
    [
        ("19 Kasım'da 5 kişi öldü.", "tr", [5.0]),  # outside the date lexicon's languages: CLDR's months
        ("3 stycznia zginęło 5 osób.", "pl", [5.0]),  # yearless, and the article undated: still a date
        ("On Dec. 31, 2019, 12 people were hurt.", "en", [12.0]),  # an abbreviated month with its period
        ("2019年7月19日，3人死亡。", "zh", [3.0]),
        ("7月19日に5人が死亡した。", "ja", [5.0]),
        ("当地时间19日，有8人受伤。", "zh", [8.0]),  # the 19th, its month left to the reader
        ("In March 20 people died.", "en", [20.0]),  # a month's name before a count is no date
        ("Pro návrh hlasovalo 25 pro a 3 proti.", "cs", [25.0, 3.0]),  # "pro" is "for", not an abbreviation
    ],
)
def test_a_day_of_a_month_is_not_counted_in_any_language(text: str, language: str, counts: list[float]) -> None:
    assert [c.low for c in numeric_claims(text, language)] == counts


def test_numbers_glued_to_their_counter_are_read_in_scripts_without_spaces() -> None:
    claims = numeric_claims("第3届会议上，30岁男子被捕，有1,500人参加，至少12人受伤。", "zh")
    assert [(c.low, c.qualifier, c.counted, c.action) for c in claims] == [
        (1500.0, Qualifier.EXACT, "person", None),  # not the 3rd, nor aged 30; 被捕 is another clause's
        (12.0, Qualifier.AT_LEAST, "person", "wounded"),
    ]
    assert [(c.low, c.qualifier, c.counted, c.action) for c in numeric_claims("사고로 약 5명이 숨졌다.", "ko")] == [
        (5.0, Qualifier.AROUND, "person", "killed")
    ]
    assert [(c.low, c.qualifier, c.action) for c in numeric_claims("少なくとも12人が死亡した。", "ja")] == [
        (12.0, Qualifier.AT_LEAST, "killed")
    ]
    assert [c.low for c in numeric_claims("He came 3rd and won 20x.", "en")] == []


def _read(text: str, language: str) -> list[tuple[float, float, Qualifier, str | None, str | None]]:
    return [(c.low, c.high, c.qualifier, c.counted, c.action) for c in numeric_claims(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Big units glued to the digits, and "多" (-odd, more than): 30,000 dead, over 100 wounded.
        ("地震造成3万人死亡，另有100多人受伤。", "zh",
         [(3e4, 3e4, Qualifier.EXACT, "person", "killed"), (100.0, 100.0, Qualifier.MORE_THAN, "person", "wounded")]),
        # The noun after the counter says what is counted; a passive verb after it what happened.
        ("约50名武装分子被打死，俄军摧毁了12辆汽车。", "zh",
         [(50.0, 50.0, Qualifier.AROUND, "militant", "killed"), (12.0, 12.0, Qualifier.EXACT, "vehicle", "destroyed")]),
        # Numerals in characters before a counter, vague counts, a range glued to its counter.
        ("五十多名平民丧生，数百名抗议者被捕，50-60人受伤。", "zh",
         [(50.0, 50.0, Qualifier.MORE_THAN, "civilian", "killed"),
          (200.0, 999.0, Qualifier.AROUND, "protester", "arrested"),
          (50.0, 60.0, Qualifier.RANGE, "person", "wounded")]),
        # Units and money, as machine translation spaces them; "1.47 亿" is 147 million.
        ("约 50 公里外，门票 30 美元，距离 1.47 亿公里。", "zh",
         [(50.0, 50.0, Qualifier.AROUND, "kilometre", None), (30.0, 30.0, Qualifier.EXACT, "usd", None),
          (1.47e8, 1.47e8, Qualifier.EXACT, "kilometre", None)]),
        # A hedge after the counted thing; "一个" (a) and clock times are no counts.
        ("50人左右被困，一个人说9 点开会。", "zh", [(50.0, 50.0, Qualifier.AROUND, "person", "surrounded")]),
        ("武装勢力の戦闘員20人以上が殺害された。", "ja", [(20.0, 20.0, Qualifier.AT_LEAST, "militant", "killed")]),
        # Korean puts the verb last: the hundred were wounded, not killed.
        ("최소 50명이 사망하고 100여 명이 부상했다.", "ko",
         [(50.0, 50.0, Qualifier.AT_LEAST, "person", "killed"),
          (100.0, 100.0, Qualifier.MORE_THAN, "person", "wounded")]),
        ("540명의 사람들이 다쳤고 39세 남성이 체포됐다.", "ko", [(540.0, 540.0, Qualifier.EXACT, "person", "wounded")]),
        ("Arabic grouping: 400،000 مشترك", "ar", [(4e5, 4e5, Qualifier.EXACT, "مشترك", None)]),
        # A score or a model number is no range: "106-101", "787-9".
        ("They won 106-101 on a 787-9.", "en", []),
    ],
)  # fmt: skip
def test_counts_in_chinese_japanese_and_korean(
    text: str, language: str, expected: list[tuple[float, float, Qualifier, str | None, str | None]]
) -> None:
    assert _read(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The accusative alif, the article, "و" glued on: still militants, civilians, protesters.
        ("قتل أكثر من 50 مسلحا في غارات جوية.", [(50.0, 50.0, Qualifier.MORE_THAN, "militant", "killed")]),
        ("فر آلاف المدنيين من المدينة، واعتقلت الشرطة 15 متظاهرا.",
         [(2000.0, 9999.0, Qualifier.AROUND, "civilian", "fled"),
          (15.0, 15.0, Qualifier.EXACT, "protester", "arrested")]),
        # Number words, a compound joined by "و", short vowels written in ("قُتل").
        ("قُتل نحو خمسين إرهابيا.", [(50.0, 50.0, Qualifier.AROUND, "militant", "killed")]),
        ("قتل خمسة وعشرون شخصا.", [(25.0, 25.0, Qualifier.EXACT, "person", "killed")]),
        # A number with "و" glued to it; "أصيب" is an infection where a disease is named.
        ("تسجيل 1200 إصابة جديدة بفيروس كورونا و35 حالة.",
         [(1200.0, 1200.0, Qualifier.EXACT, "person", "infected"), (35.0, 35.0, Qualifier.EXACT, "case", "infected")]),
        ("دمرت القوات 20 سيارة.", [(20.0, 20.0, Qualifier.EXACT, "vehicle", "destroyed")]),
        # "The number of deaths" before the figures; a unit of time with the article is "today".
        ("عدد الوفيات من 255 إلى 256.", [(255.0, 255.0, Qualifier.EXACT, "person", "killed"),
                                         (256.0, 256.0, Qualifier.EXACT, "person", "killed")]),
        ("بعد تأكيد وفاة 28 اليوم.", [(28.0, 28.0, Qualifier.EXACT, "اليوم", "killed")]),
    ],
)  # fmt: skip
def test_arabic_counts(text: str, expected: list[tuple[float, float, Qualifier, str | None, str | None]]) -> None:
    assert _read(text, "ar") == expected


def test_money_is_counted_with_its_damage_only() -> None:
    assert _read("The film was released and made $24.7 million.", "en") == [
        (24.7e6, 24.7e6, Qualifier.EXACT, "usd", None)
    ]
    assert _read("The damage is estimated at $5 million.", "en") == [(5e6, 5e6, Qualifier.EXACT, "usd", "damaged")]


def test_a_chinese_translation_states_what_the_english_does() -> None:
    from newsweave.link.evidence import differing_claims

    english = "More than 50 people were killed and about 80 were injured."
    assert differing_claims(english, "超过50人死亡，约80人受伤。") == []  # an honest translation
    assert differing_claims(english, "约50人死亡，约80人受伤。") == [("More than 50", "约50")]
    assert differing_claims("地震造成50人死亡。", "地震造成80人受伤。") == []  # the dead and the wounded


def test_two_reports_dated_a_day_apart_do_not_disagree() -> None:
    from newsweave.link.evidence import differing_claims  # compares sentences without their language

    assert differing_claims("19 Kasım'da 5 kişi öldü.", "20 Kasım'da 5 kişi öldü.") == []
    assert differing_claims("2019年7月19日，3人死亡。", "2019年7月20日，3人死亡。") == []
    assert differing_claims("19 Kasım'da 5 kişi öldü.", "19 Kasım'da 9 kişi öldü.") == [("5", "9")]


def test_claims_quote_the_text_and_number_sentences_as_alignment_does() -> None:
    text = "Fighting resumed.\n\nAt least 12 soldiers were killed on Tuesday. Officials said 30 were wounded."
    claims = numeric_claims(text, "en", datetime(2017, 11, 24))
    sentences = split_sentences(text)
    assert [(c.text, c.sentence_index) for c in claims] == [("At least 12 soldiers", 1), ("30", 2)]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert sentences[c.sentence_index] == c.sentence
    assert claims[0].time == datetime(2017, 11, 21)  # the sentence's date, resolved against the anchor
    assert claims[1].time is None


def test_claims_read_without_their_dates_are_the_same_claims_undated() -> None:
    from dataclasses import replace

    from newsweave.analyze.claims import parse_claims

    anchor = datetime(2017, 11, 24)
    for text, language in [
        ("Fighting resumed.\n\nAt least 12 soldiers were killed on Tuesday. On 3 May 2019, 30 were wounded.", "en"),
        ("Накануне уничтожено более 50 боевиков. 21 ноября погибли 3 человека.", "ru"),
        ("19 Kasım'da 5 kişi öldü.", "tr"),
        ("On 3 May 2019, 30 people were killed and about 80 were injured.", None),
    ]:
        dated, undated = parse_claims(text, language, anchor), parse_claims(text, language, anchor, dated=False)
        assert any(p.claim.time is not None for p in dated)  # the case is worth checking
        assert [replace(p.claim, time=None) for p in dated] == [p.claim for p in undated]
        assert [p.figure for p in dated] == [p.figure for p in undated]


def test_unknown_nouns_keep_their_lemma_and_inflected_forms_meet() -> None:
    assert numeric_claims("12 journalists were detained.", "en")[0].counted == "journalist"
    assert {c.counted for c in numeric_claims("50 боевиков. 40 боевики.", "ru")} == {"militant"}


def test_the_seed_translations_state_the_same_things() -> None:
    a = "It is reported that on the eve, government troops destroyed more than 50 terrorists."
    b = "Reportedly the Government Forces have earlier killed around 50 terrorists."
    (x,), (y,) = numeric_claims(a, "en"), numeric_claims(b, "en")
    assert (x.counted, x.action, x.qualifier) == ("militant", "killed", Q.MORE_THAN)
    assert (y.counted, y.action, y.qualifier) == ("militant", "killed", Q.AROUND)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .,-–%$€:+aeiontlmsdozenfiftyболеевхдо\n")), max_size=80))
def test_any_text_gives_claims_that_quote_it(text: str) -> None:
    for c in numeric_claims(text, None):
        assert text[c.start : c.end] == c.text
        assert c.low <= c.high


def test_hindi_claims_have_their_hedges_counted_things_and_actions() -> None:
    # "\w" stops at a Devanagari vowel sign ("मारे" read as "म", "र"): words keep their signs.
    found = [
        (c.qualifier.value, c.low, c.counted, c.action)
        for text in ("मुंबई में 50 से अधिक लोग मारे गए।", "हमले में लगभग 50 आतंकवादी मारे गए और 12 सैनिक घायल हुए।",
                     "कम से कम 30 लोगों की मौत हो गई।", "पुलिस ने 7 लोगों को गिरफ्तार किया।")
        for c in numeric_claims(text, "hi")
    ]  # fmt: skip
    assert found == [
        ("more_than", 50.0, "person", "killed"),
        ("around", 50.0, "militant", "killed"),
        ("exact", 12.0, "soldier", "wounded"),
        ("at_least", 30.0, "person", "killed"),
        ("exact", 7.0, "person", "arrested"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Περισσότεροι από 50 άνθρωποι σκοτώθηκαν και τουλάχιστον 30 τραυματίστηκαν.", "el"),
        ("Peste 50 de oameni au fost uciși, iar cel puțin 30 au fost răniți.", "ro"),
        ("Több mint 50 ember meghalt, legalább 30 megsebesült.", "hu"),
        ("بیش از ۵۰ نفر کشته شدند و دست کم ۳۰ نفر زخمی شدند.", "fa"),
    ],
)
def test_a_streams_other_languages_have_their_hedges_counted_people_and_actions(text: str, language: str) -> None:
    found = [(c.qualifier.value, c.low, c.counted, c.action) for c in numeric_claims(text, language)]
    assert found == [("more_than", 50.0, "person", "killed"), ("at_least", 30.0, "person", "wounded")]


def test_a_verb_before_and_belongs_to_the_clause_before_in_every_language_of_the_stream() -> None:
    # "σκοτώθηκαν και περίπου 30 άμαχοι τραυματίστηκαν": Greek "και" (and) was no conjunction to
    # the claims, so the 30 civilians took the verb before it, "were killed".
    text = "Περισσότεροι από 50 τρομοκράτες σκοτώθηκαν και περίπου 30 άμαχοι τραυματίστηκαν."
    found = [(c.qualifier.value, c.low, c.counted, c.action) for c in numeric_claims(text, "el")]
    assert found == [("more_than", 50.0, "militant", "killed"), ("around", 30.0, "civilian", "wounded")]


def test_an_urdu_hedge_follows_its_number() -> None:
    claim = numeric_claims("50 سے زائد افراد ہلاک ہو گئے۔", "ur")[0]
    assert (claim.qualifier.value, claim.low, claim.counted, claim.action) == ("more_than", 50.0, "person", "killed")


def test_hebrew_numbers_after_a_glued_proclitic_have_their_hedges() -> None:
    # "מ-50" (than 50) was read as a name's number ("Covid-19"), so Hebrew claims lost their hedges.
    found = [
        (c.text, c.qualifier.value, c.low, c.counted, c.action)
        for text in ("יותר מ-50 מחבלים נהרגו בתקיפה.", "כ-50 מחבלים נהרגו בתקיפה.", "לפחות 30 אנשים נפצעו.",
                     "פחות מ-20 חיילים נעצרו.", "Covid-19 and MH-17 are names.")
        for c in numeric_claims(text, "he")
    ]  # fmt: skip
    assert found == [
        ("יותר מ-50 מחבלים", "more_than", 50.0, "militant", "killed"),
        ("כ-50 מחבלים", "around", 50.0, "militant", "killed"),
        ("לפחות 30 אנשים", "at_least", 30.0, "person", "wounded"),
        ("פחות מ-20 חיילים", "less_than", 20.0, "soldier", "arrested"),
    ]


def test_hebrew_and_before_a_glued_hedge_keeps_it() -> None:
    # "וכ-30" is "and about 30": the conjunction is written onto the proclitic, and onto a hedge's
    # first word ("ויותר מ-40", and more than 40).
    text = "בתקיפה נהרגו 12 חיילים ויותר מ-40 נפצעו, וכ-30 אזרחים נעצרו."
    found = [(c.text, c.qualifier.value, c.low, c.counted, c.action) for c in numeric_claims(text, "he")]
    assert found == [
        ("12 חיילים", "exact", 12.0, "soldier", "killed"),
        ("יותר מ-40", "more_than", 40.0, "soldier", "wounded"),
        ("כ-30 אזרחים", "around", 30.0, "civilian", "arrested"),
    ]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Úřady oznámily 33 777 nově nakažených.", "cs"),
        ("Выявлено 28 000 новых заражённых.", "ru"),
        ("Odnotowano 12 000 nowych zakażeń.", "pl"),
        ("Potrdili so 1200 novih okužb.", "sl"),
        ("Se registraron 300 nuevos contagios.", "es"),
        ("Das RKI meldete 22.000 Neuinfektionen.", "de"),
    ],
)
def test_new_infections_are_counted_people_infected_not_the_word_new(text: str, language: str) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.counted, claim.action) == ("person", "infected")


def test_an_action_in_a_later_clause_that_names_its_own_figure_is_not_the_numbers() -> None:
    # "and the number of dead rose sharply": the deaths are another figure, not the 28,000 cases.
    text = "Число случаев подскочило до более 28000 в декабре, и число погибших резко возросло."
    (claim,) = [c for c in numeric_claims(text, "ru") if c.low == 28000]
    assert claim.action != "killed"
    # A clause that goes on about the same things keeps its verb.
    (both,) = numeric_claims("Es gab zwei Staaten, und beide wurden von Invasoren zerstört.", "de")
    assert both.action == "destroyed"


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("Z onemocnění se zatím vyléčilo kolem 1,07 milionu lidí.", "cs", Qualifier.AROUND),
        ("W wypadku zginęło ok. 50 osób.", "pl", Qualifier.AROUND),  # abbreviated, and no sentence end
        ("Zahynulo cca 50 lidí.", "cs", Qualifier.AROUND),
        ("Poginulo je oko 50 ljudi.", "hr", Qualifier.AROUND),
        ("Minst 30 personer dödades.", "sv", Qualifier.AT_LEAST),
        ("Yli 50 ihmistä kuoli.", "fi", Qualifier.MORE_THAN),
        ("Zomrelo viac ako 40 ľudí.", "sk", Qualifier.MORE_THAN),
        ("Alle 50 Mitarbeiter wurden entlassen.", "de", Qualifier.EXACT),  # "all 50", not Finnish "under"
    ],
)
def test_hedges_of_more_languages(text: str, language: str, qualifier: Qualifier) -> None:
    (claim,) = numeric_claims(text, language)
    assert claim.qualifier is qualifier


def test_a_distance_is_killed_by_nothing_and_a_preposition_is_not_what_is_counted() -> None:
    (distance,) = numeric_claims("A 50 km de Chennai murió un héroe local.", "es")
    assert (distance.counted, distance.action) == ("kilometre", None)
    (money,) = numeric_claims("They raised 5,000 for charity.", "en")
    assert money.counted is None


def test_the_noun_of_another_figure_is_not_this_figures_action() -> None:
    ill, dead = numeric_claims("Honduras registra 12.759 enfermos y 363 muertos.", "es")
    assert ill.action is None and dead.action == "killed"
    # A verb after a list of figures is still every figure's.
    soldiers, civilians = numeric_claims("5 soldiers and 3 civilians were killed.", "en")
    assert soldiers.action == civilians.action == "killed"


def test_a_word_right_after_another_number_before_this_one_is_that_numbers() -> None:
    # "149 thousand died out of almost 10.267 million infected": the deaths are the first figure's.
    dead, infected = numeric_claims("Индия (близо 149 хил. починали от почти 10,267 млн. души заразени)", "bg")
    assert (dead.action, infected.action) == ("killed", "infected")
    killed, wounded = numeric_claims("5 killed and 3 wounded in the blast.", "en")
    assert (killed.action, wounded.action) == ("killed", "wounded")
    (czech,) = numeric_claims("Což je zvýšení proti pátečním 447 zemřelým.", "cs")
    assert (czech.counted, czech.action) == ("person", "killed")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("На борту находились три члена экипажа и 22 вахтовика, пострадавших нет.", "ru"),
        ("The bus carried 40 passengers and no one was injured.", "en"),
        ("Im Bus saßen 40 Fahrgäste, keine Verletzten.", "de"),
    ],
)
def test_a_denied_action_is_no_action(text: str, language: str) -> None:
    assert all(claim.action is None for claim in numeric_claims(text, language))


def test_an_italian_ne_is_no_negation() -> None:
    (claim,) = numeric_claims("Ne sono morti 5 nell'incidente.", "it")
    assert claim.action == "killed"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Lebih dari 50 orang tewas dalam serangan itu.", "id", (Qualifier.MORE_THAN, "person", "killed")),
        ("Sedikitnya 12 tentara terluka.", "id", (Qualifier.AT_LEAST, "soldier", "wounded")),
        ("Kira-kira 30 orang cedera, kata polis.", "ms", (Qualifier.AROUND, "person", "wounded")),
    ],
)
def test_indonesian_and_malay_claims(text: str, language: str, expected: tuple[Qualifier, str, str]) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.qualifier, claim.counted, claim.action) == expected


def test_a_german_maut_is_a_road_toll_not_a_death() -> None:
    (claim,) = numeric_claims("Die Maut kostet künftig 50 Euro im Jahr.", "de")
    assert claim.action is None


@pytest.mark.parametrize(
    ("text", "language"),
    [("Er waren 50 mensen die gisteren protesteerden.", "nl"), ("Es gab 50 Leute, die protestierten.", "de")],
)
def test_die_is_a_pronoun_not_a_death_in_dutch_and_german(text: str, language: str) -> None:
    (claim,) = numeric_claims(text, language)
    assert claim.action != "killed"


def test_vietnamese_actions_are_read_as_two_syllable_phrases() -> None:
    dead, wounded = numeric_claims("Hơn 50 người thiệt mạng và 20 người bị thương.", "vi")
    assert (dead.qualifier, dead.counted, dead.action) == (Qualifier.MORE_THAN, "person", "killed")
    assert wounded.action == "wounded"
    (nobody,) = numeric_claims("Xe chở 40 hành khách, không có người bị thương.", "vi")
    assert nobody.action is None  # "không": nobody was hurt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("มีผู้เสียชีวิตมากกว่า 50 คน", [(Qualifier.MORE_THAN, "person", "killed")]),
        (
            "เหตุระเบิดทำให้มีผู้เสียชีวิต 5 ราย และบาดเจ็บอีก 20 ราย",
            [(Qualifier.EXACT, "person", "killed"), (Qualifier.EXACT, "person", "wounded")],
        ),
        ("ประมาณ 300 คนต้องอพยพ", [(Qualifier.AROUND, "person", "evacuated")]),
    ],
)
def test_thai_claims_are_read_as_chinese_ones_are(text: str, expected: list[tuple[Qualifier, str, str]]) -> None:
    assert [(c.qualifier, c.counted, c.action) for c in numeric_claims(text, "th")] == expected


def test_a_two_word_toll_before_the_number_says_what_it_counts() -> None:
    text = "Son 24 saat içinde 738 kişi daha yaşamını yitirdi ve toplam can kaybı 3 bin 434'e yükseldi."
    toll = [c for c in numeric_claims(text, "tr") if c.low == 3434]
    assert [(c.counted, c.action) for c in toll] == [("person", "killed")]
    (money,) = numeric_claims("Şirketin toplam kaybı 3 milyar liraya ulaştı.", "tr")  # a loss, no toll
    assert money.action is None


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("По крайней мере, 227 проектов вакцины против SARS-CoV-2 известны.", "ru", "проект"),  # not doses
        ("Powstało 12 projektów szczepionki.", "pl", "projekt"),
        ("Погибли 50 российских военных.", "ru", "soldier"),  # an adjective before the head noun
        ("Уничтожено 10 единиц техники.", "ru", "vehicle"),  # a measure before it
        ("Do Polski trafi 300 tys. dawek szczepionki.", "pl", "dose"),
    ],
)
def test_a_slavic_head_noun_is_what_is_counted(text: str, language: str, counted: str) -> None:
    (claim,) = numeric_claims(text, language)
    assert claim.counted == counted


def test_a_hedge_after_the_verb_denies_nothing_and_a_sentence_after_a_scale_is_its_own() -> None:
    (arrested,) = numeric_claims("В Вашингтоне задержаны не менее 13 человек.", "ru")
    assert (arrested.qualifier, arrested.action) == (Qualifier.AT_LEAST, "arrested")
    text = "Liczba zakażeń przekracza w tym kraju 3,2 mln. Zmarło z powodu Covid-19 ponad 58 tys. chorych."
    dead = [c for c in numeric_claims(text, "pl") if c.low == 58000]
    assert [c.action for c in dead] == ["killed"]


@pytest.mark.parametrize(
    ("text", "language", "actions"),
    [
        ("وسجلت 7 حالات وفاة و 200 حالة إصابة.", "ar", ["killed", "infected"]),
        ("On a recensé 5 cas de décès et 200 cas confirmés.", "fr", ["killed", "infected"]),
        ("Зарегистрировано 12 случаев смерти и 500 случаев заражения.", "ru", ["killed", "infected"]),
    ],
)
def test_cases_of_death_are_deaths_not_infections(text: str, language: str, actions: list[str]) -> None:
    assert [c.action for c in numeric_claims(text, language)] == actions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This article originally appeared on Page Six and was reproduced.", "en"),  # a name's number
        ("Suriye uyruklu hamile kadın ve 5 yaşındaki oğlu evde ölü bulundu.", "tr"),  # an age
        ("Tabancayı doğrultarak 9 mm çapında mermiyle öldürdü.", "tr"),  # a calibre
    ],
)
def test_a_name_an_age_or_a_size_is_killed_by_nothing(text: str, language: str) -> None:
    assert all(claim.action is None for claim in numeric_claims(text, language))


def test_a_capital_number_word_opening_a_sentence_is_a_count() -> None:
    assert [c.action for c in numeric_claims("Five people were killed. Seven more were hurt.", "en")][:1] == ["killed"]


def test_men_are_people_and_armed_men_no_tanks() -> None:
    (men,) = numeric_claims("Sono stati arrestati due uomini armati.", "it")
    assert men.counted == "person"
    (tanks,) = numeric_claims("Distrutti 12 carri armati.", "it")
    assert tanks.counted == "vehicle"


def test_a_word_glued_to_a_joiner_makes_no_range() -> None:
    # "Toten" (the dead) is no "to ten": 157 to 10.
    (claim,) = numeric_claims("Der Absturz mit 157 Toten ereignete sich im März.", "de")
    assert (claim.text, claim.counted, claim.action) == ("157 Toten", "person", "killed")
    (rng,) = numeric_claims("Between 150 and 200 people died.", "en")
    assert (rng.low, rng.high, rng.qualifier) == (150, 200, Qualifier.RANGE)


def test_attacks_and_other_events_are_counted_but_suffer_nothing() -> None:
    text = "Militants have killed 87 Israelis and wounded more than 1500 in 210 stabbings, 239 shootings."
    found = {c.low: (c.counted, c.action) for c in numeric_claims(text, "en")}
    assert found[210] == ("event", None) and found[239] == ("event", None)
    assert found[87][1] == "killed" and found[1500][1] == "wounded"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Twelve gunmen killed 30 people in the village.", "en"),
        ("Двое боевиков убили 12 мирных жителей.", "ru"),
        ("Dos hombres armados mataron a 12 personas.", "es"),
        ("Deux kamikazes ont tué au moins 40 fidèles.", "fr"),
        ("Zwei Attentäter töteten mindestens 40 Menschen.", "de"),
    ],
)
def test_who_does_the_killing_is_not_killed(text: str, language: str) -> None:
    agents, victims = numeric_claims(text, language)
    assert (agents.action, victims.action) == (None, "killed")


def test_a_verb_before_a_clause_of_its_own_is_the_earlier_figures() -> None:
    text = "Three soldiers were wounded when 20 militants attacked the checkpoint."
    assert [c.action for c in numeric_claims(text, "en")] == ["wounded", None]
    # Slavic puts the verb before its subject: "umrlo pa jih je" (and there died) is the second figure's.
    text = "Z novim koronavirusom se je okužilo več kot 376.000 oseb, umrlo pa jih je več kot 30.200."
    assert [c.action for c in numeric_claims(text, "sl")] == ["infected", "killed"]


@pytest.mark.parametrize(
    ("text", "language", "actions"),
    [
        ("Five people died in Khulna and over 1,000 employees fell sick.", "en", ["killed", None]),
        ("Вече 274 000 души са починали, а 100 000 пациенти се намират по болници.", "bg", ["killed", None]),
        # Nothing after what the second figure counts: it shares the verb ("and 3 civilians" too).
        ("Five soldiers were killed and 3 civilians.", "en", ["killed", "killed"]),
        # "and" before a verb, not before the figure: the figure is both verbs' object.
        ("The club will release and replace more than eight players this summer.", "en", ["released"]),
    ],
)
def test_a_verb_before_and_is_not_the_figure_after_its(text: str, language: str, actions: list[str | None]) -> None:
    assert [c.action for c in numeric_claims(text, language)] == actions


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("82 people have died due to the coronavirus.", "en"),  # "due" is Italian's two, not a figure here
        ("12 killed, 30 injured in the blast.", "en"),
        ("Road crashes claim 9 lives.", "en"),
    ],
)
def test_a_toll_keeps_its_verb(text: str, language: str) -> None:
    assert numeric_claims(text, language)[0].action == "killed"


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        ("The fires claimed the lives of 13 people.", "en", "killed"),
        ("13 people lost their lives in the fire.", "en", "killed"),
        ("Пожары унесли жизни 13 человек.", "ru", "killed"),
        ("Życie straciło 13 osób.", "pl", "killed"),
        ("Der Brand kostete 13 Menschen das Leben.", "de", "killed"),
        ("13 Menschen kamen ums Leben.", "de", "killed"),
        ("El incendio costó la vida a 13 personas.", "es", "killed"),
        ("13 personnes ont perdu la vie.", "fr", "killed"),
        ("Požár si vyžádal životy 13 lidí.", "cs", "killed"),
        ("The vaccine saved the lives of 13 people.", "en", "rescued"),
        ("The court sentenced 13 people to life in prison.", "en", None),
    ],
)
def test_a_life_lost_is_a_death_and_a_life_saved_a_rescue(text: str, language: str, action: str | None) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.low, claim.counted, claim.action) == (13, "person", action)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("More than a million people died.", "en", (1e6, 1e6, Qualifier.MORE_THAN)),
        ("Более миллиона человек заразились.", "ru", (1e6, 1e6, Qualifier.MORE_THAN)),
        ("Plus d'un million de personnes ont fui.", "fr", (1e6, 1e6, Qualifier.MORE_THAN)),
        ("Half a million people marched.", "en", (5e5, 5e5, Qualifier.EXACT)),
        ("Millions of people fled.", "en", (2e6, 999e6, Qualifier.AROUND)),
        ("Hundreds of thousands of people marched.", "en", (2e5, 999_999, Qualifier.AROUND)),
        ("Заразились 2 миллиона человек.", "ru", (2e6, 2e6, Qualifier.EXACT)),
        ("Con 3 millones de usuarios activos.", "es", (3e6, 3e6, Qualifier.EXACT)),
        ("Le canton a reçu neuf millions de francs.", "fr", (9e6, 9e6, Qualifier.EXACT)),
    ],
)
def test_a_big_unit_alone_is_one_of_it_and_after_a_number_its_scale(
    text: str, language: str, expected: tuple[float, float, Qualifier]
) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.low, claim.high, claim.qualifier) == expected


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("The team won six games in a row.", "en", "game"),
        ("She won three gold medals in Tokyo.", "en", "medal"),
        ("L'équipe a remporté six matchs d'affilée.", "fr", "match"),
    ],
)
def test_a_result_won_is_no_one_elected(text: str, language: str, counted: str) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.counted, claim.action) == (counted, None)
    (seats,) = numeric_claims("The party won 120 seats in parliament.", "en")
    assert seats.action == "elected"


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("About 200 residents have blocked the main road.", None),  # they blocked; nobody surrounded them
        ("300 protesters surrounded the parliament building.", None),
        ("Five people have died in the fire.", "killed"),
        ("Three soldiers were killed the day before.", "killed"),  # a time after the verb is no object
        ("Two men fled the scene.", "fled"),  # who flees a place still fled
    ],
)
def test_an_english_verb_with_an_object_is_what_the_figure_did(text: str, action: str | None) -> None:
    (claim,) = numeric_claims(text, "en")
    assert claim.action == action


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Szczepionka ma skuteczność 95 proc. - pisze Reuters.", "pl", ("95 proc.", 95, "percent")),
        ("Fiyatlar yüzde 50 arttı.", "tr", ("yüzde 50", 50, "percent")),
        ("Fiyatlar %50 arttı.", "tr", ("%50", 50, "percent")),
        ("Unija bo namenila 80 milijard evrov.", "sl", ("80 milijard evrov", 80e9, "eur")),
        ("Kupili so za 11 milijard dolarjev opreme.", "sl", ("11 milijard dolarjev", 11e9, "usd")),
    ],
)
def test_percentages_and_money_in_the_forms_their_languages_write(
    text: str, language: str, expected: tuple[str, float, str]
) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.text, claim.low, claim.counted) == expected


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("Zaznali smo 750.000 napadov na dan.", "sl", "napad"),  # attacks a day, not days
        ("Each member can produce about 20 masks per day.", "en", "mask"),
        ("Zostanie rozdysponowana w ciągu trzech najbliższych dni.", "pl", "day"),  # an adjective before the days
        ("V zadnjih 18 dnevih se je število podvojilo.", "sl", "day"),
    ],
)
def test_a_time_after_a_noun_and_per_is_its_rate(text: str, language: str, counted: str) -> None:
    assert numeric_claims(text, language)[0].counted == counted


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Kolejna osoba zginęła po godz. 23 w pożarze.", "pl"),  # eleven at night
        ("Fiyatlar saat 15 itibarıyla açıklandı.", "tr"),
        ("The board adopted a three-year plan and a six-year-old girl was found.", "en"),  # compounds
    ],
)
def test_an_hour_or_a_compound_adjective_is_no_count(text: str, language: str) -> None:
    assert numeric_claims(text, language) == []


def test_arabic_casualties_and_a_score_against_another() -> None:
    # "إصابات" are the wounded, or the infected where a disease is named.
    assert [(c.counted, c.action) for c in numeric_claims("تسجيل 4 إصابات جديدة بفيروس كورونا", "ar")] == [
        ("person", "infected")
    ]
    assert [(c.counted, c.action) for c in numeric_claims("وقعت 3 إصابات في حادث سير", "ar")] == [("person", "wounded")]
    # "53 против 47 мест" (53 against 47 seats): "против" is no counted thing.
    assert all(c.counted != "против" for c in numeric_claims("у неё преимущество: 53 против 47 мест.", "ru"))


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("Sumarycznie mamy już ok 10 000 wykonanych testów.", "pl", "test"),  # tests, done
        ("Провели 500 проведенных тестов.", "ru", "тест"),
    ],
)
def test_an_adjective_after_a_number_gives_way_to_its_noun(text: str, language: str, counted: str) -> None:
    assert numeric_claims(text, language)[0].counted == counted
    # A verb's object is not what is counted: 278 (people) had diseases.
    assert numeric_claims("Z tego 278 miało choroby współistniejące.", "pl")[0].counted != "choroba"


def test_an_action_past_a_clause_said_of_something_else_is_that_clauses() -> None:
    text = "5,29 Millionen Zuschauer verfolgten, wie Uwe versucht, eine Kneipe zu retten."
    assert numeric_claims(text, "de")[0].action is None  # the viewers watched; nobody rescued them
    # A relative clause speaks of the figure's noun: its action is the figure's.
    assert numeric_claims("50 people, who were killed in the attack, were buried.", "en")[0].action == "killed"


@pytest.mark.parametrize(
    ("text", "language", "actions"),
    [
        ("При цьому 37 871 375 осіб одужали, 1 318 286 пацієнтів померли.", "uk", ["recovered", "killed"]),
        ("About 93,800 people have recovered, mostly in China.", "en", ["recovered"]),
        ("Излекувани са общо 944 души.", "bg", ["recovered"]),
        ("Police recovered 3 bodies from the river.", "en", [None]),  # found, not healed
        ("There were 1,000 recoveries and 500 Genesene.", "en", ["recovered", "recovered"]),
    ],
)
def test_recoveries_are_a_tally_of_their_own(text: str, language: str, actions: list[str | None]) -> None:
    assert [c.action for c in numeric_claims(text, language)] == actions


def test_falling_ill_is_an_infection_in_bulgarian_and_slovene() -> None:
    text = "Пандемията е разболяла повече от 37 милиона души и над един милион души са починали в света."
    assert [c.action for c in numeric_claims(text, "bg")] == ["infected", "killed"]
    assert numeric_claims("Deset obolelih je tujih državljanov.", "sl")[0].action == "infected"


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("covid-19 pa je zahteval že preko pol milijona življenj.", "sl", (5e5, "killed")),
        ("всеки ден в страната умират по около 1000 души.", "bg", (1000, "killed")),
        ("Epidemie způsobila smrt nejméně 230 tisíc obyvatel.", "cs", (230_000, "killed")),
    ],
)
def test_deaths_said_past_their_figure_or_as_a_noun(text: str, language: str, expected: tuple[float, str]) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.low, claim.action) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Briefing z okazji 70. rocznicy podpisania konwencji.", "pl"),  # the 70th anniversary
        ("Ortaokul 6. sınıf öğrencisi hastaneye kaldırıldı.", "tr"),  # a sixth-grade pupil
        ("Česko se od neděle řídí 5. stupněm PES.", "cs"),
    ],
)
def test_a_number_written_as_an_ordinal_with_its_period_is_no_count(text: str, language: str) -> None:
    assert [c.low for c in numeric_claims(text, language) if c.low in (70, 6, 5)] == []


def test_a_turkish_life_lost_is_a_death_and_a_life_lived_is_not() -> None:
    text = "hayatını kaybedenlerin sayısı ise 25 bin 239'a çıktı."
    assert numeric_claims(text, "tr")[0].action == "killed"
    lived = "Anneler Günü'nde 81 ilde hayatlarını sürdüren 5 bin 529 anneyi unutmadı."
    assert [(c.low, c.action) for c in numeric_claims(lived, "tr") if c.low == 5529] == [(5529, None)]


def test_a_number_of_and_a_rate_per_capita() -> None:
    # "the total number of dead" opens its own figure's clause after a comma, without a conjunction.
    text = "Skupno število pozitivnih oseb je naraslo na 1581, skupno število umrlih pa ostaja pri 111."
    assert [c.action for c in numeric_claims(text, "sl")] == [None, "killed"]
    # "per 100,000 inhabitants" is a rate's denominator: nobody died or was infected.
    rate = "Pojavnost okuženih na 100.000 prebivalcev v zadnjih 14 dneh znaša 300."
    assert [c.action for c in numeric_claims(rate, "sl") if c.low == 100_000] == [None]
    assert numeric_claims("Число умерших увеличилось на 100 человек.", "ru")[0].action == "killed"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Infections and deaths rose to 9.4 million and 230,000, respectively.", "en"),
        ("Заразените и починалите са съответно 9,4 милиона и 230 хиляди.", "bg"),
        ("Число заболевших и умерших составило соответственно 9,4 млн и 230 тысяч.", "ru"),
        ("Die Zahl der Infizierten und der Toten stieg auf 9,4 Millionen bzw. 230.000.", "de"),
        ("Liczba zakażonych i zmarłych wzrosła odpowiednio do 9,4 mln i 230 tys.", "pl"),
    ],
)
def test_figures_listed_respectively_take_the_actions_listed_before_them(text: str, language: str) -> None:
    # Each figure alone took the action nearest to it: 9.4 million "killed", beside a toll of 230,000.
    claims = numeric_claims(text, language)
    assert [(c.low, c.action, c.qualifier) for c in claims] == [
        (9.4e6, "infected", Q.EXACT), (230_000, "killed", Q.EXACT)
    ]  # fmt: skip
    assert not any(c.counted and c.counted in {"respectively", "bzw", "соответственно"} for c in claims)


def test_respectively_over_places_leaves_the_one_action_alone() -> None:
    text = "Police arrested 12 and 15 people in Paris and Lyon respectively."
    assert [(c.low, c.action) for c in numeric_claims(text, "en")] == [(12, "arrested"), (15, "arrested")]
    interleaved = "The virus has infected 9.4 million people and killed 230,000, respectively."
    assert [c.action for c in numeric_claims(interleaved, "en")] == ["infected", "killed"]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Liczba zakażonych wzrosła do 1200.", "pl"),
        ("Кількість загиблих зросла до 1200 осіб.", "uk"),
        ("Броят на загиналите нарасна до 1200 души.", "bg"),
        ("Потери выросли до 1200 человек.", "ru"),
    ],
)
def test_a_toll_risen_to_a_figure_states_it_exactly(text: str, language: str) -> None:
    # "do"/"до" after a verb of rising is "to", not "up to" ("do 12 osób": up to 12 people).
    assert numeric_claims(text, language)[0].qualifier is Q.EXACT
    assert numeric_claims("Rannych zostało do 12 osób.", "pl")[0].qualifier is Q.UP_TO


def test_respectively_reads_the_list_beside_it_not_an_earlier_figure() -> None:
    text = "Officials counted 7 cases last week. This week infections and deaths rose to 1,200 and 35, respectively."
    claims = numeric_claims(text, "en")
    assert [(c.low, c.action) for c in claims if c.low in (1200, 35)] == [(1200, "infected"), (35, "killed")]


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("İtalya'da 6 bin 820, Çin'de ise 3 bin 285 kişi salgın nedeniyle yaşamını yitirdi.", "tr", 6820),
        ("Italy reported 6,820 deaths, China 3,285.", "en", 3285),
        ("Гърция наближава 500 потвърдени случая, Северна Македония – 40, Сърбия – 103.", "bg", 103),
        ("Iz regije prihaja 389 okuženih z novim koronavirusom, 279 iz savinjske, 143 iz pomurske.", "sl", 143),
    ],
)
def test_a_bare_figure_listed_beside_a_counted_one_counts_the_same(text: str, language: str, low: float) -> None:
    claims = numeric_claims(text, language)
    (listed,) = [c for c in claims if c.low == low]
    full = next(c for c in claims if c is not listed and c.counted is not None)
    assert (listed.counted, listed.action) == (full.counted, full.action) and listed.action is not None


def test_a_figure_of_another_clause_after_a_comma_stays_bare() -> None:
    # Who said it opens another clause: not the next item of one list ("…, China 3,285" is).
    text = "Italy reported 6,820 deaths, officials said 3,285."
    assert [(c.counted, c.action) for c in numeric_claims(text, "en") if c.low == 3285] == [(None, None)]
    # A figure's own clause before the comma: 49 are in quarantine, not among the two hospitalised.
    quarantined = "49 sind in häuslicher Quarantäne, zwei Patienten müssen ins Krankenhaus gebracht werden."
    assert [c.action for c in numeric_claims(quarantined, "de") if c.low == 49] == [None]


def test_an_action_word_that_opens_the_next_figures_clause_is_that_figures() -> None:
    # "…, and the recovered are almost 102,000": the recovered are the 102,000, not the 16,000 dead.
    text = (
        "Броят на заразените надхвърли 380 хиляди, като смъртните случаи са над 16 хил., "
        "а възстановилите се са почти 102 хил."
    )
    assert [(c.low, c.action) for c in numeric_claims(text, "bg") if c.low in (16_000, 102_000)] == [
        (16_000, "killed"), (102_000, "recovered")
    ]  # fmt: skip
    infected = "Коронавирусът е инфектирал повече от 42 000 души в САЩ, а починалите са най-малко 559."
    assert [c.action for c in numeric_claims(infected, "bg")] == ["infected", "killed"]


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("Število okužb na Slovaškem, ki ima 5,4 milijona prebivalcev, je naraslo za 567.", "sl", 5.4e6),
        ("Nejvíce nakažených mají Spojené státy se zhruba 328 miliony obyvatel.", "cs", 328e6),
        ("In a city with 300,000 inhabitants, 120 people died.", "en", 300_000),
    ],
)
def test_a_places_population_befalls_nothing(text: str, language: str, low: float) -> None:
    assert [c.action for c in numeric_claims(text, language) if c.low == low] == [None]
    assert numeric_claims("The virus killed 230,000 inhabitants.", "en")[0].action == "killed"


def test_an_action_past_a_semicolon_is_another_clauses() -> None:
    text = "Koronawirusa potwierdzono dotąd u 2,1 miliona mieszkańców Włoch; ozdrowieńców jest już ponad 1,4 miliona."
    assert [(c.low, c.action) for c in numeric_claims(text, "pl")] == [(2.1e6, None), (1.4e6, "recovered")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Байден набирает 306 выборщиков против 232 у действующего президента.", "ru"),
        ("У Колегії виборників він отримує 306 голосів проти 232 у Трампа.", "uk"),
        ("Biden won 306 electoral votes against 232 for Trump.", "en"),
    ],
)
def test_a_figure_set_against_another_counts_the_same_for_the_other_side(text: str, language: str) -> None:
    first, second = numeric_claims(text, language)
    assert second.low == 232 and second.counted == first.counted is not None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The death toll rose from 300 to 500 on Monday.", "en"),
        ("The death toll rose by 56 to 500 on Monday.", "en"),
        ("Die Zahl der Toten stieg um 56 auf 500.", "de"),
        ("Die Zahl der Toten ist von 300 auf 500 gestiegen.", "de"),
        ("Le bilan des morts est passé de 300 à 500.", "fr"),
        ("El número de muertos aumentó de 300 a 500.", "es"),
        ("Il numero dei morti è salito da 300 a 500.", "it"),
        ("Число погибших выросло с 300 до 500 человек.", "ru"),
        ("Число погибших выросло на 56 до 500 человек.", "ru"),
        ("Кількість загиблих зросла з 300 до 500 осіб.", "uk"),
        ("Liczba ofiar śmiertelnych wzrosła o 56 do 500 osób.", "pl"),
        ("Počet úmrtí vzrostl o 56 na 500.", "cs"),
        ("Število umrlih je naraslo za 56 na 500.", "sl"),
        ("Броят на загиналите нарасна от 300 на 500 души.", "bg"),
    ],
)
def test_a_toll_changed_from_or_by_a_figure_states_only_the_new_toll(text: str, language: str) -> None:
    # The earlier total or the step took the toll's action (56 deaths against another report's
    # 500), or the pair became a range, or "до 500" an "up to".
    assert [(c.low, c.high, c.qualifier, c.action) for c in numeric_claims(text, language)] == [
        (500, 500, Q.EXACT, "killed")
    ]


@pytest.mark.parametrize(
    ("text", "language", "low", "high"),
    [
        ("Погибли от 300 до 500 человек.", "ru", 300, 500),
        ("Le bilan est de 150 à 200 morts.", "fr", 150, 200),
        ("Prices rose by 5 to 10 percent.", "en", 5, 10),  # a range of steps
        # The rise went to 36 %; the ages after it are a range.
        ("Съотношението нараства до 36% за хората от 50 до 64 години.", "bg", 50, 64),
    ],
)
def test_a_range_is_no_change(text: str, language: str, low: float, high: float) -> None:
    assert (low, high, Q.RANGE) in [(c.low, c.high, c.qualifier) for c in numeric_claims(text, language)]


def test_bulgarian_per_hundred_is_a_percent() -> None:
    claims = numeric_claims("Броят им е нараснал с 30 на сто само за седмица.", "bg")
    assert [(c.low, c.counted) for c in claims] == [(30, "percent")]


def test_the_figure_a_toll_changed_from_after_the_new_one_is_no_count() -> None:
    for text in ("The death toll rose to 500 from 300 on Sunday.", "The death toll has risen to 500, up from 300."):
        assert [(c.low, c.action) for c in numeric_claims(text, "en")] == [(500, "killed")]
    places = "The number of refugees rose to 500 from Syria and 300 from Iraq."
    assert [c.low for c in numeric_claims(places, "en")] == [500, 300]


@pytest.mark.parametrize(
    ("text", "language", "qualifier"),
    [
        ("Броят на заразените нараства до 14 243 души.", "bg", Q.EXACT),
        ("Dzienna liczba przypadków spadła do 9877.", "pl", Q.EXACT),
        ("Liczba zakażeń zwiększyła się do 500.", "pl", Q.EXACT),  # past the reflexive "się"
        ("Количество кабинетов увеличили до 85.", "ru", Q.EXACT),
        ("Температура повысилась до 39-40 градусов.", "ru", Q.RANGE),
        # Romance "hasta" after a verb of change still says "as much as".
        ("En este periodo aumenta hasta un 10% las consultas.", "es", Q.UP_TO),
        ("Ranny został do 12 osób.", "pl", Q.UP_TO),
        # A phrase of when may stand between the change and its "do"; the rest of a clause may not.
        ("Liczba zakażeń wzrosła w ciągu tygodnia do 300.", "pl", Q.EXACT),
        ("Число погибших выросло за сутки до 300 человек.", "ru", Q.EXACT),
        ("Рост цен составит до 10 процентов.", "ru", Q.UP_TO),
    ],
)
def test_do_after_any_verb_of_change_is_to(text: str, language: str, qualifier: Q) -> None:
    assert numeric_claims(text, language)[0].qualifier is qualifier


def test_a_population_stands_between_no_action_and_its_figure() -> None:
    text = "Število potrjenih okužb je na Slovaškem, ki ima 5,4 milijona prebivalcev, naraslo za rekordnih 567."
    claims = numeric_claims(text, "sl")
    # The infections are the 567's; the population's noun is not what they count.
    assert [(c.low, c.counted, c.action) for c in claims] == [(5.4e6, "resident", None), (567, None, "infected")]
    hedged = "Infections rose in a city with more than 300,000 inhabitants to 120."  # having, then the hedge
    assert [(c.low, c.action) for c in numeric_claims(hedged, "en")] == [(300_000, None), (120, "infected")]


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        ("Celkem od začátku pandemie v zemi zemřelo 1122 nakažených.", "cs", "killed"),
        ("W regionie zmarło 48 zakażonych osób.", "pl", "killed"),
        ("Трое пострадавших погибли в результате одного инцидента.", "ru", "killed"),
        ("The balance so far is 4,032 infected people who have died.", "en", "killed"),
        ("166.584 Corona-Infizierte gelten als genesen.", "de", "recovered"),
        ("V četrtek je bilo hospitaliziranih 27 okuženih.", "sl", "hospitalised"),
        # The verb is another clause's or another figure's: the figure's own word stands.
        ("Zginęło co najmniej 25 osób, a 55 zostało rannych.", "pl", "wounded"),
        ("Бразилия: 194 хил. починали от почти 7,620 млн. заразени.", "bg", "infected"),
        ("There are 160 infected and nobody died.", "en", "infected"),
    ],
)
def test_what_befell_the_infected_or_wounded_a_figure_counts(text: str, language: str, action: str) -> None:
    assert numeric_claims(text, language)[-1].action == action


def test_a_citation_mark_is_no_figure() -> None:
    text = "В столкновении с полицией погибло 3 человека, 52 были задержаны[86][87]."
    assert [(c.low, c.action) for c in numeric_claims(text, "ru")] == [(3, "killed"), (52, "arrested")]


def test_czech_and_slovak_az_joins_a_range() -> None:
    claims = numeric_claims("Denně hlásila 10.000 až 15.000 nových případů.", "cs")
    assert [(c.low, c.high, c.qualifier) for c in claims] == [(10_000, 15_000, Q.RANGE)]
    assert numeric_claims("Celostátně pak až 20 milionů.", "cs")[0].qualifier is Q.UP_TO


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Between 2010 and 2015, 300 people died in the region.", "en"),
        ("V letech 1967 až 1977 zemřelo 300 lidí.", "cs"),
        ("W latach 2010-2015 zginęło 300 osób.", "pl"),
        ("Entre 1990 et 1995, 300 personnes sont mortes.", "fr"),
        ("Von 1967 bis 1977 starben 300 Menschen.", "de"),
        ("Новият вирус е убил повече хора, отколкото СПИН за периода 1981-1989 г. — 300 души.", "bg"),
    ],
)
def test_a_stretch_of_years_is_no_figure(text: str, language: str) -> None:
    assert [(c.low, c.high) for c in numeric_claims(text, language)] == [(300, 300)]


def test_a_range_of_year_like_numbers_with_its_own_noun_is_a_count() -> None:
    claims = numeric_claims("Between 1900 and 2000 protesters marched.", "en")
    assert [(c.low, c.high, c.counted) for c in claims] == [(1900, 2000, "protester")]


@pytest.mark.parametrize(
    ("text", "language", "new", "action"),
    [
        ("The number of infections rose from 300 in September to more than 500 in October.", "en", 500, "infected"),
        ("Liczba zakażonych wzrosła z 300 w marcu do ponad 500 w kwietniu.", "pl", 500, "infected"),
        ("Количество случаев заболевания подскочило с 5000 в сентябре до более 28000.", "ru", 28000, "infected"),
        ("Le nombre de morts est passé de 300 en mars à plus de 500.", "fr", 500, "killed"),
    ],
)
def test_words_of_when_between_a_changes_figures(text: str, language: str, new: float, action: str) -> None:
    assert [(c.low, c.qualifier, c.action) for c in numeric_claims(text, language)] == [(new, Q.MORE_THAN, action)]


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        # "на 2020" is a year, no new figure; "von … auf" past words between needs its verb.
        ("Работното време ще намалее с 6,7% през второто тримесечие на 2020 г.", "bg", 6.7),
        ("Die Truppen sollen innerhalb von 135 Tagen auf 8600 verringert werden.", "de", 135),
    ],
)
def test_words_between_make_no_change_of_a_year_or_a_duration(text: str, language: str, low: float) -> None:
    assert numeric_claims(text, language)[0].low == low


def test_an_ip_address_is_no_figure() -> None:
    assert not numeric_claims("Twój adres IP: 207.241.233.112 szliśmy odnotować ilość połączeń.", "pl")
    assert numeric_claims("Es kostete 1.234.567.890 Euro.", "de")[0].low == 1_234_567_890


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        (
            "Pri útoku zahynulo najmenej 50 ľudí a 80 bolo zranených.",
            "sk",
            [(50, Q.AT_LEAST, "killed"), (80, Q.EXACT, "wounded")],
        ),
        ("Polícia zadržala 12 osôb.", "sk", [(12, Q.EXACT, "arrested")]),
        (
            "Najmanje 50 ljudi je poginulo, a 80 je ranjeno.",
            "hr",
            [(50, Q.AT_LEAST, "killed"), (80, Q.EXACT, "wounded")],
        ),
        ("Најмање 50 људи је погинуло, а 80 је рањено.", "sr", [(50, Q.AT_LEAST, "killed"), (80, Q.EXACT, "wounded")]),
        (
            "U napadu je ubijeno 12 osoba, a 30 je povrijeđeno.",
            "bs",
            [(12, Q.EXACT, "killed"), (30, Q.EXACT, "wounded")],
        ),
        ("У несрећи нико није погинуо, а 5 особа је повређено.", "sr", [(5, Q.EXACT, "wounded")]),
    ],
)
def test_slovak_and_serbo_croatian_people_and_what_befell_them(
    text: str, language: str, read: list[tuple[float, Q, str]]
) -> None:
    claims = numeric_claims(text, language)
    assert [(c.low, c.qualifier, c.action) for c in claims] == read
    assert all(c.counted == "person" for c in claims)


def test_an_action_opening_the_next_figures_clause_after_a_comma_is_its() -> None:
    text = "S nákazou se potýká téměř 120.000 lidí, hospitalizovaných bylo v neděli 5777."
    assert [(c.low, c.action) for c in numeric_claims(text, "cs")] == [(120_000, None), (5777, "hospitalised")]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Three patients passed away overnight.", "killed"),
        ("Gunmen gunned down 5 villagers.", "killed"),
        ("12 people were taken into custody.", "arrested"),
        ("The figure was rounded up to 300.", None),  # rounding, no arrest
    ],
)
def test_english_phrasal_verbs(text: str, action: str | None) -> None:
    assert numeric_claims(text, "en")[0].action == action


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Former premier Li Peng died at 90.", "en"),
        ("The actor passed away at 94 in his home.", "en"),
        ("El actor murió a los 94.", "es"),
        ("Er starb mit 94.", "de"),
    ],
)
def test_a_number_after_dying_at_is_an_age(text: str, language: str) -> None:
    (claim,) = numeric_claims(text, language)
    assert (claim.action, claim.counted) == (None, None)


def test_a_number_with_its_own_noun_after_dying_at_is_a_count() -> None:
    claims = numeric_claims("Officials said 94 died at 3 sites.", "en")
    assert [(c.low, c.action, c.counted) for c in claims] == [(94, "killed", None), (3, None, "site")]


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("They gained two additional senators.", "en", "senator"),
        ("Zarejestrowano też siedem kolejnych zgonów.", "pl", "person"),
        ("Le gouvernement a restreint les mouvements dans trois autres villes.", "fr", "ville"),
        ("Am Dienstag wurden drei weitere Leichen geborgen.", "de", "leiche"),
        ("W niedzielę odnotowano aż o 9 tys. więcej infekcji.", "pl", "person"),
    ],
)
def test_a_word_of_more_or_other_after_a_number_leaves_it_its_noun(text: str, language: str, counted: str) -> None:
    assert numeric_claims(text, language)[0].counted == counted


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Байдън спечели с 306 срещу 232 гласа.", "bg"),  # "against": a score, nothing counted
        ("Байден випереджає Трампа - 50,5 проти 48,1%.", "uk"),
        ("The crew now stood at 10 but the rescue went on.", "en"),
        ("Okoli 61.000 jih je bolezen že prebolelo.", "sl"),  # "jih", them: a pronoun
    ],
)
def test_a_function_word_after_a_number_is_not_what_it_counts(text: str, language: str) -> None:
    assert numeric_claims(text, language)[0].counted is None


@pytest.mark.parametrize(
    ("text", "language", "low"),
    [
        ("Police fired at the animal four times.", "en", 4),
        ("Риск заражения в девять раз выше.", "ru", 9),
        ("Strażacy wyjeżdżali do zdarzeń 2092 razy.", "pl", 2092),
        ("Die Polizei rückte 459 Mal aus.", "de", 459),
        ("Lo ha dirigido más de 500 veces.", "es", 500),
    ],
)
def test_how_many_times_is_one_key_in_every_language_and_befalls_nothing(text: str, language: str, low: float) -> None:
    claim = numeric_claims(text, language)[0]
    assert (claim.low, claim.counted, claim.action) == (low, "times", None)


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("Nach Angaben des BGA haben 88 Länder in den letzten Monaten Beschränkungen eingeführt.", "de", "land"),
        ("He admitted to drinking about 15 beers during an interview.", "en", "beer"),
    ],
)
def test_a_function_word_is_no_other_languages_noun_past_the_number(text: str, language: str, counted: str) -> None:
    # German "den" is Czech's day, English "an" Romanian's year: neither past the word after the number.
    assert numeric_claims(text, language)[0].counted == counted


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Speeding 25 mph over the limit and resisting arrest.", "speed"),
        ("Temperatures reached 40 degrees and two men were arrested.", "degree"),
    ],
)
def test_a_temperature_or_a_speed_befalls_nothing(text: str, counted: str) -> None:
    claim = numeric_claims(text, "en")[0]
    assert (claim.counted, claim.action) == (counted, None)


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("Survived by three loving grandchildren, Stephanie and Mark.", "grandchild"),
        ("Central was one of four Madison County teams in the tournament.", "team"),
        ("Two other major airlines cancelled flights.", "airline"),
        ("He suspended more than 400 marijuana business permits.", "permit"),
        ("A panel of three judges began looking into the matter.", "judge"),  # a plural ends it
        ("She is described as 6 feet tall.", "foot"),  # a measure ends it
    ],
)
def test_an_english_noun_phrase_counts_its_head(text: str, counted: str) -> None:
    assert numeric_claims(text, "en")[0].counted == counted


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        ("At least two crew members drowned and 14 others remained missing.", "en", "killed"),
        ("Three patients succumbed to the virus.", "en", "killed"),
        ("Пять человек утонули.", "ru", "killed"),
        ("Nine people were stabbed.", "en", "wounded"),
    ],
)
def test_drowning_and_stabbing_are_deaths_and_wounds(text: str, language: str, action: str) -> None:
    assert numeric_claims(text, language)[0].action == action


def test_times_counts_only_right_after_its_number() -> None:
    claim = numeric_claims("They employ no more than 10 full time staff.", "en")[0]
    assert claim.counted == "worker"


@pytest.mark.parametrize(
    ("text", "action"),
    [("Police released two photos of a suspect.", None), ("Police released two hostages.", "released")],
)
def test_what_is_published_is_not_released(text: str, action: str | None) -> None:
    assert numeric_claims(text, "en")[0].action == action


def test_lethal_outcomes_are_deaths() -> None:
    text = "В пятницу было зарегистрировано 28 507 новых случаев заражения и 489 летальных исходов."
    assert [(c.low, c.action) for c in numeric_claims(text, "ru")] == [(28_507, "infected"), (489, "killed")]


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        # A disease's cases are infections: named anywhere in the text, or the tally's own words.
        ("The virus keeps spreading. Officials counted 120 cases on Monday.", "en", "infected"),
        ("Health officials confirmed 45 more cases of salmonella linked to sprouts.", "en", "infected"),
        ("Ülkede 3 bin 621 yeni vaka tespit edildi.", "tr", "infected"),
        ("Il y a eu 200 cas confirmés dans la région.", "fr", "infected"),
        ("Die Zahl der Corona-Fälle stieg auf 12 Fälle.", "de", "infected"),
        # Other cases are no one's: courts', electors', whisky's.
        ("Netanyahu was charged with bribery and fraud in three separate corruption cases.", "en", None),
        ("По состоянию на 2017 год было 164 случая недобросовестности выборщиков.", "ru", None),
        ("There were 1,064 cases of whiskey inside the trailer.", "en", None),
        ("En los cuatro casos se trata de grupos de individuos de diversas nacionalidades.", "es", None),
    ],
)
def test_cases_are_infections_only_where_a_disease_is_named(text: str, language: str, action: str | None) -> None:
    (claim,) = [c for c in numeric_claims(text, language) if c.counted == "case"]
    assert claim.action == action


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        ("Regulators expect just 122,000 spawners this fall.", "en", "spawners"),  # the season, no German case
        ("Queste cinque case prefabbricate sono di alto livello.", "it", "house"),  # houses, no English cases
    ],
)
def test_another_languages_counted_noun_is_read_as_this_ones_word(text: str, language: str, counted: str) -> None:
    assert [c.counted for c in numeric_claims(text, language)] == [counted]


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("Operasyonda 27 şüpheli yakalandı.", "arrested"),  # caught by the police
        ("Kovid-19 testlerini beklemeden gelen 12 işçi Bolu'da yakalandı.", "arrested"),  # a disease named, not caught
        ("Kovid-19'a yakalanan 40 kişi hastanede.", "infected"),  # caught the disease
        ("Koronavirüse yakalanan 12 kişi hayatını kaybetti.", "killed"),  # ... and lost their lives
        ("Şüpheli 12 kişi yakalanmadan kaçtı.", None),  # escaped without being caught
    ],
)
def test_turkish_caught_is_an_arrest_unless_a_disease_is_caught(text: str, action: str | None) -> None:
    assert [c.action for c in numeric_claims(text, "tr")] == [action]


@pytest.mark.parametrize(
    ("text", "language", "counted"),
    [
        # Two words before one noun, joined: the noun is what the number counts.
        ("Mamy 69 nowych i potwierdzonych przypadków zakażenia koronawirusem.", "pl", ["case"]),
        ("Officials reported 20 new and suspected cases of the virus.", "en", ["case"]),
        # ... not a noun and another count after it (read with no language, as linking reads
        # aligned sentences, where no dictionary says what a word is).
        ("Mezi novými pacienty je 25 dospělých a dvě děti.", None, ["dospělých", "child"]),
        ("Он получил 88 выборщиков и второе место.", None, ["выборщиков"]),
    ],
)
def test_words_joined_before_a_noun_count_that_noun(text: str, language: str | None, counted: list[str]) -> None:
    assert [c.counted for c in numeric_claims(text, language)] == counted


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        ("The US will deploy an infantry battalion of about 750 soldiers to the region.", "en", "deployed"),
        # ... and an elliptical figure, which takes its noun from the one before.
        (
            "Trump ha ordinato a circa 750 soldati di essere schierati in Medio Oriente con circa 3.000 "
            "in più che si preparano per un possibile dispiegamento.",
            "it",
            "deployed",
        ),
        # Sent, not deployed: what is sent is no force.
        ("An email sent to 40,000 students stated the new rules.", "en", None),
        ("Республиканцы направили около 20 исков в суды разных регионов.", "ru", None),
        ("The shooting sent three people to the hospital.", "en", "hospitalised"),  # sent to hospital
    ],
)
def test_only_forces_and_their_equipment_are_deployed(text: str, language: str, action: str | None) -> None:
    assert {c.action for c in numeric_claims(text, language)} == {action}


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        ("Son 26 países los que tienen algún caso de infectados.", "es", None),
        ("Изучили статистику погибших и инфицированных из 36 стран.", "ru", None),
        ("Doslej so okužbe potrdili v še okoli 25 državah.", "sl", None),
        ("Trump won 30 states.", "en", "elected"),  # what is done to a country, not its people, stays
    ],
)
def test_what_befalls_people_does_not_befall_countries(text: str, language: str, action: str | None) -> None:
    assert [c.action for c in numeric_claims(text, language)] == [action]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bare numbers listed with nothing after them name things: lottery numbers, routes.
        ("The ticket matched numbers 23, 24, 37, 25, 20 and 43. It was worth $1 million.", [1_000_000]),
        ("Snow closed U.S. 54, 56, 83, 160, 183, 283 and 400.", []),
        # ... a list whose last number has its unit is read.
        ("The rate was 10, 11, 12, 13 percent before.", [10, 11, 12, 13]),
    ],
)
def test_bare_number_lists_name_rather_than_count(text: str, expected: list[float]) -> None:
    assert [c.low for c in numeric_claims(text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Seconds are a time unit, to which nothing befalls.
        ("Trailing 4-3 with just seven seconds left, Dvorak won the match.", "en", [("second", None)]),
        ("Paying $35 million for his second trip.", "en", [("usd", None)]),  # the ordinal is no unit
        # Czech and Slovak "succumbed" is died.
        ("Zraněním podlehli 3 lidé.", "cs", [("person", "killed")]),
        # A range whose end is a clock time is one of hours.
        ("Safe Solar Observing runs on Saturday from 1 to 2:30 p.m. at the Common.", "en", []),
        ("From 3 to 5 people were hurt.", "en", [("person", "wounded")]),
    ],
)
def test_seconds_succumbing_and_hours(text: str, language: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(c.counted, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Russian "тысячи", Ukrainian "тисячі" after a word governing the genitive: one thousand.
        ("Китай развернет более тысячи новых единиц ядерного оружия.", "ru", [(1000, 1000, Q.MORE_THAN)]),
        ("Вакцину получили около тысячи человек.", "ru", [(1000, 1000, Q.AROUND)]),
        ("Госпіталізація плаває від тисячі до двох тисяч людей.", "uk", [(1000, 2000, Q.RANGE)]),
        ("Загинули понад тисячу людей.", "uk", [(1000, 1000, Q.MORE_THAN)]),
        # ... and thousands elsewhere.
        ("На улицы вышли тысячи человек.", "ru", [(2000, 9999, Q.AROUND)]),
        # Spanish "miles" are thousands; English miles are a distance, no count.
        ("Murieron miles de personas.", "es", [(2000, 9999, Q.AROUND)]),
        ("She awoke several miles away at a park.", "en", []),
    ],
)
def test_one_thousand_in_the_genitive_and_another_languages_thousands(
    text: str, language: str, expected: list[tuple[float, float, Qualifier]]
) -> None:
    assert [(c.low, c.high, c.qualifier) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # An age before a clause of time, set off by a semicolon, is no one's fate.
        ("Stanley Donen was 94 when he died.", "en", [(None, None)]),
        ("The toll was 12 when police arrived.", "en", [("person", "killed")]),
        (
            "Four were arrested: Kenneth Bonilla, 23; Edwin Luciano, 18.",
            "en",
            [(None, "arrested"), (None, None), (None, None)],
        ),
        # A time told by someone's death dates the sentence.
        ("Po njeni smrti je v ZDA osem vrhovnih sodnikov.", "sl", [("vrhoven", None)]),
        ("After her death, there are eight justices on the court.", "en", [("justice", None)]),
        ("After the deaths of 12 people, police closed the road.", "en", [("person", "killed")]),
        # The crime of a charge is not what befell the charged.
        ("The three are accused of killing a shopkeeper.", "en", [(None, None)]),
        ("Police charged two men with the murder of 12 people.", "en", [("person", None), ("person", "killed")]),
        ("Trois hommes accusés d'avoir tué un policier.", "fr", [("person", None)]),
        # English adjectives of an action before a noun: nobody freed or infected.
        ("The program provides free lunches to 29.7 million children.", "en", [("child", None)]),
        ("12 people tested positive for the virus.", "en", [("person", "infected")]),
        ("Five hostages were set free on Monday.", "en", [("prisoner", "released")]),
        # A decade befalls nothing; a year is not a count of them.
        ("He was elected unopposed two decades ago.", "en", [("decade", None)]),
        ("Trasformiamo il 2020 in un decennio di azione.", "it", []),
    ],
)
def test_ages_times_charges_and_adjectives_are_no_fate(
    text: str, language: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert [(c.counted, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # American addresses: a house number, a block.
        ("The court set a time to demolish the building at 35 Graham Street.", "en", []),
        ("The suspect fled toward a residence in the 500 block of Taylor Street.", "en", []),
        ("They cut 300 blocks of ice.", "en", [("block", None)]),
        # A place after the noun read says where it is ("in this house"), not what is counted.
        ("In dieser Galerie: 2 Bilder im Haus.", "de", [("bild", None)]),
        ("He stressed the work of two custodians in the building.", "en", [("custodian", None)]),
        # Another language's word of an action: English "toting", Slovene "zabil" (scored).
        ("Toting signs, about 55 residents marched Friday.", "en", [("resident", None)]),
        ("Na 88 tekmah je zabil že 141-krat.", "sl", [("tekma", None)]),
        # What befalls people does not befall things named right after the figure.
        ("Arrestaron a un prisionero y se encontraron otras tres armas cortas.", "es", [("weapon", None)]),
        ("Dont cinq seraient totalement détruits.", "fr", [(None, "destroyed")]),
    ],
)
def test_addresses_places_after_the_noun_and_other_languages_verbs(
    text: str, language: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert [(c.counted, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Mexican style: a number word's thousand, then the rest in digits.
        (
            "Hasta el jueves dos mil 214 personas recuperadas y 696 defunciones.",
            "es",
            [(2214, "recovered"), (696, "killed")],
        ),
        ("Hubo tres mil 500 casos.", "es", [(3500, None)]),
        # A year after "a", or after "the" before a singular noun, is a model year or an event's.
        ("A 2006 Dodge Dakota truck parked in the garage was damaged.", "en", []),
        ("In the 2016 election, Trump won.", "en", []),
        ("Police arrested the 1990 protesters.", "en", [(1990, "arrested")]),
        # Only English: Spanish and Italian "a" is "to", before a toll in a year's range.
        ("La cifra de muertos ascendió a 2000 personas.", "es", [(2000, "killed")]),
        ("Il bilancio è salito a 2000 morti.", "it", [(2000, "killed")]),
        # Died at an age, then another clause.
        ("Cummings died at 68 and was the first lawmaker to lie in state.", "en", [(68, None)]),
    ],
)
def test_thousands_in_words_model_years_and_ages(
    text: str, language: str, expected: list[tuple[float, str | None]]
) -> None:
    assert [(c.low, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        # In or taken to a hospital, in the figure's own clause: hospitalised.
        ("Twelve people are in hospital.", "en", "hospitalised"),
        ("Five remain in hospital in a serious condition.", "en", "hospitalised"),
        ("The shooting sent three people to the hospital.", "en", "hospitalised"),
        ("Trois personnes ont été transportées à l'hôpital.", "fr", "hospitalised"),
        ("Пять человек находятся в больнице.", "ru", "hospitalised"),
        ("Celkem je infikováno téměř 120 tisíc lidí, z nich 5777 je v nemocnici.", "cs", "hospitalised"),
        # ... also when another clause before it has the only other action word.
        ("Police arrested three men, and 2 women were taken to hospital.", "en", "hospitalised"),
        # ... not its doctors, nor a figure whose clause ends before the hospital is named.
        ("12 doctors at the hospital went on strike.", "en", None),
        ("Police arrested three men at the hospital.", "en", "arrested"),
        ("Vaccinated were the so-called group 0, but it turned out that in hospital others were too.", "en", None),
    ],
)
def test_a_figure_in_or_taken_to_hospital_is_hospitalised(text: str, language: str, action: str | None) -> None:
    assert [c.action for c in numeric_claims(text, language)][-1:] == [action]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Things "free" are to be had; people "free" were set free.
        ("Only 30 beds were free in the intensive care unit.", "en", [("bed", None)]),
        ("Four seats remained free.", "en", [("seat", None)]),
        ("All 20 hostages are now free.", "en", [("prisoner", "released")]),
        # An Arabic verbal noun right before the figure says what befell those its noun counts.
        ("أعلنت الوزارة شفاء 11 مصابا بفيروس كورونا.", "ar", [("person", "recovered")]),
        ("أعلنت الوزارة وفاة 5 مصابين بفيروس كورونا.", "ar", [("person", "killed")]),
        ("وأصيب 20 شخصا بجروح.", "ar", [("person", "wounded")]),
        # A Slovene care home's residents are counted, not its houses.
        ("Okužili sta se dve stanovalki doma.", "sl", [("resident", "infected")]),
    ],
)
def test_what_a_figure_is_and_what_befell_it(
    text: str, language: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert [(c.counted, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Warrants and orders are carried out, not killed; ambulances are vehicles, not patients.
        ("The police executed two search warrants and cordoned off the properties.", "en", [("warrant", None)]),
        ("The regime executed 12 prisoners.", "en", [("prisoner", "killed")]),
        ("Die Verletzten kamen mit zwei Krankenwagen ins Krankenhaus.", "de", [("vehicle", None)]),
    ],
)
def test_procedures_are_carried_out_and_ambulances_carry(
    text: str, language: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert [(c.counted, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The later ages of a list after an age word.
        ("Police arrested two teenagers aged 15 and 17, accused of plotting an attack.", [("arrested"), None, None]),
        # A capitalised word inside a name is no verb, unless the sentence is in title case.
        ("The popular Martin Dies Jr. State Park and thousands of acres of private land.", [None]),
        ("Car Bomb Kills 20 in Baghdad", ["killed"]),
        ("Taliban Attack Kills 12 in Kabul province", ["killed"]),
    ],
)
def test_listed_ages_and_names_capitalised_words(text: str, expected: list[str | None]) -> None:
    assert [c.action for c in numeric_claims(text, "en")] == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # A figure set against the one before counts the same.
        ("Biden won 306 electoral votes against 232 for Trump.", "en", [(306, "vote"), (232, "vote")]),
        # Czech hundreds counted as nouns after a small number.
        ("Ve skladu třídí dvě stovky pracovníků obálky.", "cs", [(200, "pracovník")]),
        ("Byly více než 400 stovky těch radikálních.", "cs", [(400, "stovka")]),
    ],
)
def test_figures_set_against_and_czech_hundreds(text: str, language: str, expected: list[tuple[float, str]]) -> None:
    assert [(c.low, c.counted) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        # Slavic word order puts the hospital first.
        ("W szpitalu przebywa 12 osób.", "pl", "hospitalised"),
        ("V bolnišnicah je trenutno 187 bolnikov s covidom-19.", "sl", "hospitalised"),
        ("Iz UKC so sporočili, da so imeli hospitalizirane štiri otroke.", "sl", "hospitalised"),
        # ... not an age, nor another clause's figure.
        ("Jessye Norman died in hospital aged 74.", "en", None),
        ("One person was rushed to hospital and seven were treated by paramedics.", "en", None),
    ],
)
def test_a_hospital_before_the_figure_in_its_clause(text: str, language: str, action: str | None) -> None:
    assert [c.action for c in numeric_claims(text, language)][-1:] == [action]


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        # The Romance active perfect with an object: the figure did it.
        ("Due missili hanno colpito l'aereo di linea ucraino.", "it", None),
        ("Trois hommes ont tué un policier.", "fr", None),
        # ... the passive, an intransitive, a life lost: it befell the figure.
        ("Trois personnes ont été tuées.", "fr", "killed"),
        ("Doce personas han muerto en el incendio.", "es", "killed"),
        ("Tre persone hanno perso la vita.", "it", "killed"),
    ],
)
def test_the_romance_active_perfect_is_what_the_figure_did(text: str, language: str, action: str | None) -> None:
    assert [c.action for c in numeric_claims(text, language)] == [action]


def test_an_arabic_hit_is_an_infection_in_a_text_that_names_a_disease() -> None:
    text = "ارتفع عدد حالات كورونا. وذكر أن مجموع الاصابات من مختلف الجنسيات وصل 441."
    assert [c.action for c in numeric_claims(text, "ar")] == ["infected"]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Ukrainian "дні" are days; a bed is a thing; a purpose told by someone's fate befalls no figure.
        ("Він помер від застуди, пробувши на посаді лише 32 дні.", "uk", [("day", None)]),
        ("Zehntausende Betten fehlen in den Krankenhäusern.", "de", [("bed", None)]),
        ("Hacker had four warrants out for her arrest.", "en", [("warrant", None)]),
        # A day before a comma, in a language that writes its ordinals with a period, opens a list of dates.
        ("Die Reise findet von Freitag, dem 10., bis Sonntag, dem 12. statt.", "de", []),
    ],
)
def test_days_beds_purposes_and_listed_ordinal_days(
    text: str, language: str, expected: list[tuple[str | None, str | None]]
) -> None:
    assert [(c.counted, c.action) for c in numeric_claims(text, language)] == expected


@pytest.mark.parametrize(
    ("text", "language", "action"),
    [
        # Positions and jobs are cut, never killed; Arabic "انتعاش", "شفاء" are recoveries.
        ("It could be shrunk by eliminating 40 positions.", "en", None),
        ("أعلنت المستشفى عن انتعاش 11 حالة مصابة بفيروس كورونا.", "ar", "recovered"),
    ],
)
def test_jobs_are_cut_and_arabic_recoveries(text: str, language: str, action: str | None) -> None:
    assert [c.action for c in numeric_claims(text, language)][-1:] == [action]
