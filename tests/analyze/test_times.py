"""Dates in the text: absolute and relative, in many languages, resolved against the publication date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsweave.analyze.sentences import sentence_spans, split_sentences
from newsweave.analyze.times import sentence_of, time_expressions, timeline
from newsweave.records import TimePrecision

FRIDAY = datetime(2017, 11, 24, 5, 56)  # seed 000's publication time, a Friday


def found(text: str, language: str | None, anchor: datetime | None = FRIDAY) -> list[tuple[str, str, str]]:
    return [(t.text, t.value.strftime("%Y-%m-%d %H:%M"), t.precision.value)
            for t in time_expressions(text, language, anchor)]  # fmt: skip


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "On the eve, troops attacked.", ("On the eve", "2017-11-23 00:00", "day")),
        ("en", "They withdrew two days ago.", ("two days ago", "2017-11-22 00:00", "day")),
        ("en", "It happened last week.", ("last week", "2017-11-13 00:00", "week")),
        ("en", "Shelling resumed this morning.", ("this morning", "2017-11-24 09:00", "hour")),
        ("en", "The offensive began in March.", ("in March", "2017-03-01 00:00", "month")),
        ("en", "Talks were held on Tuesday.", ("on Tuesday", "2017-11-21 00:00", "day")),
        ("fr", "Le 23 novembre, l'armée a avancé.", ("23 novembre", "2017-11-23 00:00", "day")),
        ("fr", "Mardi, l'armée a avancé.", ("Mardi", "2017-11-21 00:00", "day")),
        ("fr", "Il est arrivé la veille.", ("la veille", "2017-11-23 00:00", "day")),
        ("de", "Die Angriffe vom 23.11.2017 dauerten an.", ("23.11.2017", "2017-11-23 00:00", "day")),
        ("de", "Vor zwei Tagen kam es zu Kämpfen.", ("Vor zwei Tagen", "2017-11-22 00:00", "day")),
        ("es", "El martes hubo combates.", ("El martes", "2017-11-21 00:00", "day")),
        ("es", "Ocurrió el 23 de noviembre de 2017.", ("23 de noviembre de 2017", "2017-11-23 00:00", "day")),
        ("it", "Ieri sono arrivati i soccorsi.", ("Ieri", "2017-11-23 00:00", "day")),
        ("pt", "Há dois dias houve combates.", ("Há dois dias", "2017-11-22 00:00", "day")),
        ("ru", "Вчера боевики отступили.", ("Вчера", "2017-11-23 00:00", "day")),
        ("ru", "Накануне боевики отступили.", ("Накануне", "2017-11-23 00:00", "day")),
        ("ru", "Во вторник боевики отступили.", ("Во вторник", "2017-11-21 00:00", "day")),
        ("ru", "Это было на прошлой неделе.", ("на прошлой неделе", "2017-11-13 00:00", "week")),
        ("uk", "Напередодні бойовики відступили.", ("Напередодні", "2017-11-23 00:00", "day")),
        ("pl", "We wtorek doszło do walk.", ("We wtorek", "2017-11-21 00:00", "day")),
        ("cs", "Před dvěma dny došlo k bojům.", ("Před dvěma dny", "2017-11-22 00:00", "day")),
        ("ar", "وقع الهجوم يوم الثلاثاء", ("يوم الثلاثاء", "2017-11-21 00:00", "day")),
        ("en", "Mavrikiy 24 November 2017 05: 56", ("24 November 2017 05: 56", "2017-11-24 05:56", "minute")),
        ("bg", "Вчера бойците се оттеглиха.", ("Вчера", "2017-11-23 00:00", "day")),
        ("bg", "Преди два дни имаше сражения.", ("Преди два дни", "2017-11-22 00:00", "day")),
        ("bg", "Това стана миналата седмица.", ("миналата седмица", "2017-11-13 00:00", "week")),
        ("sl", "Včeraj so se borci umaknili.", ("Včeraj", "2017-11-23 00:00", "day")),
        ("sl", "Pred dvema dnevoma so bili spopadi.", ("Pred dvema dnevoma", "2017-11-22 00:00", "day")),
        ("sl", "V torek so bili spopadi.", ("V torek", "2017-11-21 00:00", "day")),
        ("sl", "Umrl je 15. novembra 2017.", ("15. novembra 2017", "2017-11-15 00:00", "day")),
        ("tr", "Dün militanlar geri çekildi.", ("Dün", "2017-11-23 00:00", "day")),
        ("tr", "Çatışmalar iki gün önce başladı.", ("iki gün önce", "2017-11-22 00:00", "day")),
        ("tr", "Bu geçen hafta oldu.", ("geçen hafta", "2017-11-13 00:00", "week")),
        # The cases Slavic prepositions take, and a year's number before its word (eval times)
        ("sl", "Vlada se je sestala v soboto.", ("v soboto", "2017-11-18 00:00", "day")),
        ("sl", "V minulem letu so porabili več.", ("minulem letu", "2016-01-01 00:00", "year")),
        ("sl", "Veljal bo do sredine decembra.", ("sredine decembra", "2017-12-01 00:00", "month")),
        ("cs", "Vakcína by mohla být příští rok.", ("příští rok", "2018-01-01 00:00", "year")),
        ("cs", "Očkovat se bude od pondělí.", ("od pondělí", "2017-11-27 00:00", "day")),  # "will": the coming one
        ("cs", "Očkovalo se od pondělí.", ("od pondělí", "2017-11-20 00:00", "day")),
        ("ru", "Вакцинировали за прошлый год.", ("прошлый год", "2016-01-01 00:00", "year")),
        ("ru", "Победитель гонки 2016 года.", ("2016 года", "2016-01-01 00:00", "year")),
        ("uk", "На виборах 2016 року.", ("2016 року", "2016-01-01 00:00", "year")),
        ("pl", "Tradycja sięga 1960 r. i trwa.", ("1960 r.", "1960-01-01 00:00", "year")),
        ("pl", "Przed czterema laty wygrał.", ("Przed czterema laty", "2013-01-01 00:00", "year")),
        ("bg", "Изборите са през юни.", ("през юни", "2017-06-01 00:00", "month")),
        # A bare month one or two months ahead is the coming one; since, the last one.
        ("en", "Talks resume in January.", ("in January", "2018-01-01 00:00", "month")),
        ("en", "Prices have risen since December.", ("since December", "2016-12-01 00:00", "month")),
        # A weekday beside its date is that date.
        ("en", "It opens on Saturday, December 2.", ("on Saturday", "2017-12-02 00:00", "day")),
    ],
)
def test_dates_resolve_against_the_publication_date(language: str, text: str, expected: tuple[str, ...]) -> None:
    assert found(text, language)[0] == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        # A weekday after "from", "since" or "until", in the genitive those take.
        ("pl", "Od wtorku obowiązują nowe zasady.", [("Od wtorku", "2017-11-21 00:00", "day")]),
        ("ru", "Предупреждение действовало до четверга.", [("до четверга", "2017-11-23 00:00", "day")]),
        ("uk", "З понеділка школи зачинені.", [("З понеділка", "2017-11-20 00:00", "day")]),
        # The night before a day.
        ("ru", "В ночь на среду начался пожар.", [("В ночь на среду", "2017-11-22 00:00", "day")]),
        ("uk", "У ніч на п’ятницю Байден вийшов уперед.", [("У ніч на п’ятницю", "2017-11-24 00:00", "day")]),
        # From one weekday to the next: the second is the day after the first, whatever the clause.
        (
            "pl",
            "Wyniki poznamy w nocy z wtorku na środę.",
            [("z wtorku", "2017-11-28 00:00", "day"), ("na środę", "2017-11-29 00:00", "day")],
        ),
        (
            "pl",
            "Pożar wybuchł w nocy z czwartku na piątek.",
            [("z czwartku", "2017-11-23 00:00", "day"), ("na piątek", "2017-11-24 00:00", "day")],
        ),
        # A day something is set for ("на") is the coming one, whatever the tense; "as of" one looks back.
        ("ru", "Заседание перенесли на понедельник.", [("на понедельник", "2017-11-27 00:00", "day")]),
        ("uk", "Репетицію заплановано на неділю.", [("на неділю", "2017-11-26 00:00", "day")]),
        ("uk", "Станом на вівторок захворіли 300 осіб.", [("на вівторок", "2017-11-21 00:00", "day")]),
        ("ru", "По состоянию на вторник заболели 300 человек.", [("на вторник", "2017-11-21 00:00", "day")]),
        # ... but not Russian "на среду", also the environment, unless a word sets the day.
        ("ru", "Влияние на среду обитания велико.", []),
        ("ru", "Влияние на среду велико.", []),
        ("ru", "Заседание назначено на среду.", [("на среду", "2017-11-29 00:00", "day")]),
        ("ru", "Голосование перенесли на среду.", [("на среду", "2017-11-29 00:00", "day")]),
        # A day named from the publication date, beside the date it names, is that date: a text
        # written the day before it was published says so.
        (
            "ru",
            "Вчера (22 ноября) в городе прошёл митинг.",
            [("Вчера", "2017-11-22 00:00", "day"), ("22 ноября", "2017-11-22 00:00", "day")],
        ),
        (
            "en",
            "Yesterday, November 22, protesters marched.",
            [("Yesterday", "2017-11-22 00:00", "day"), ("November 22", "2017-11-22 00:00", "day")],
        ),
        # A day and month in digits: before a time of day (a ticker's line), or German "am 30.11.".
        ("ru", "23.11, 20:56 В Минздраве заявили", [("23.11, 20:56", "2017-11-23 20:56", "minute")]),
        ("de", "Die Frist endet am 30.11. um Mitternacht.", [("am 30.11.", "2017-11-30 00:00", "day")]),
        # ... not a figure: a rate before a time, a share, office hours.
        ("de", "Der Kurs lag bei 1.05, 12:30 Uhr.", []),
        ("de", "Der Wert stieg auf 3.05 Prozent.", []),
        ("ru", "Приём с 10.00 до 12.00.", []),
        # ... not a date far from it.
        (
            "en",
            "Yesterday, November 2, 2015 seemed far away.",
            [("Yesterday", "2017-11-23 00:00", "day"), ("November 2, 2015", "2015-11-02 00:00", "day")],
        ),
    ],
)
def test_weekdays_after_from_until_and_the_night_before(
    language: str, text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text, language) == expected


def test_the_second_of_two_weekdays_follows_the_first_where_its_clause_says_nothing() -> None:
    text = "Pierwsze rezultaty zaczną spływać po północy czasu polskiego w nocy z wtorku na środę, a zwycięzca"
    election_day = datetime(2020, 11, 3, 9, 0)  # a Tuesday
    assert [value for _, value, _ in found(text, "pl", election_day)] == ["2020-11-03 00:00", "2020-11-04 00:00"]


def test_weekdays_are_the_most_recent_such_day_on_or_before_the_anchor() -> None:
    assert found("on Friday", "en") == [("on Friday", "2017-11-24 00:00", "day")]  # the anchor's own day
    assert found("last Friday", "en") == [("last Friday", "2017-11-17 00:00", "day")]
    assert found("next Monday", "en") == [("next Monday", "2017-11-27 00:00", "day")]


def test_a_day_told_from_the_date_before_it_is_placed_from_that_date() -> None:
    assert found("On 12 June a landslide hit. A day earlier, two villagers died.", "en")[1][:2] == (
        "A day earlier",
        "2017-06-11 00:00",
    )
    assert found("12. junija se je začel turnir. Dan kasneje je zbolel.", "sl")[1][1] == "2017-06-13 00:00"
    assert found("5 ноября он пришел, и в тот же день ушел.", "ru")[1][1] == "2017-11-05 00:00"
    assert found("A day later, he left.", "en") == []  # no day named before it: no date


def test_a_weekend_is_the_week_it_ends() -> None:
    # The anchor is Friday 24 November 2017: the past weekend's week began on the 13th, the coming one's on the 20th.
    assert found("Over the weekend, protesters gathered.", "en")[0][1:] == ("2017-11-13 00:00", "week")
    assert found("This weekend the team will play.", "en")[0][1] == "2017-11-20 00:00"
    assert found("o víkendu prozradil", "cs")[0][1] == "2017-11-13 00:00"
    assert found("O víkendu bude hrát.", "cs")[0][1] == "2017-11-20 00:00"  # a future clause


def test_a_russian_agencys_dateline_month_without_its_period_is_read() -> None:
    assert found("С.-ПЕТЕРБУРГ, 14 ноя - РИА Новости.", "ru")[0][:2] == ("14 ноя", "2017-11-14 00:00")


def test_a_numeric_date_spaced_after_its_dots_is_read() -> None:
    assert found("Stanje na dan 22. 7. 2017 (00:00-24:00)", "sl")[0][:2] == ("22. 7. 2017", "2017-07-22 00:00")


def test_adjectives_of_days_weekdays_and_years_are_those_dates() -> None:
    # The anchor is Friday 24 November 2017: today's, yesterday's, Friday's, this year's, in their cases.
    assert found("na današnji novinarski konferenci", "sl")[0][1:] == ("2017-11-24 00:00", "day")
    assert found("na petkovi seji vlade", "sl")[0][1] == "2017-11-24 00:00"
    assert found("We wtorkowych wyborach", "pl")[0][1] == "2017-11-21 00:00"
    assert found("Днешният краен срок", "bg")[0][1] == "2017-11-24 00:00"
    assert found("letošnjo sezono", "sl")[0][1:] == ("2017-01-01 00:00", "year")
    # "As of today" is no date, and a Bulgarian surname is no Friday.
    assert found("На сегодняшний день привито 5 тысяч.", "ru") == []
    assert found("Петков каза", "bg") == []


def test_a_weekday_in_a_future_clause_is_the_coming_one() -> None:
    # The anchor is a Friday: "will" (and "bodo", "namerava", Turkish "-ecek") put Monday ahead.
    assert found("The court will rule on Monday.", "en")[0][1] == "2017-11-27 00:00"
    assert found("Poročilo bodo pripravile do četrtka.", "sl")[0][1] == "2017-11-30 00:00"
    assert found("Pazartesi günü açıklanacak.", "tr")[0][1] == "2017-11-27 00:00"
    # A cue in another clause is not the weekday's: "admitted on Thursday that he will leave".
    assert found("The court ruled on Monday. It will appeal.", "en")[0][1] == "2017-11-20 00:00"
    assert found("Trump je v četrtek priznal, da bo zapustil Belo hišo.", "sl")[0][1] == "2017-11-23 00:00"
    # A cue is its language's: Slovene "bo" is "will", Polish "bo" "because".
    assert found("Zamknięto w poniedziałek bo padało.", "pl")[0][1] == "2017-11-20 00:00"


def test_an_adjective_is_read_only_with_an_adjectives_ending() -> None:
    assert found("spoza środowiska medycznego", "pl") == []  # environment, not Wednesday's
    assert found("Janez Petkovšek je rekel", "sl") == []  # a surname, not Friday's


def test_the_eve_of_a_named_date_is_the_day_before_it() -> None:
    assert found("on the eve of 20 November", "en")[0][1] == "2017-11-19 00:00"


def test_a_day_without_a_year_takes_the_year_nearest_the_anchor() -> None:
    assert found("On 28 December, fighting resumed.", "en", datetime(2018, 1, 2))[0][1] == "2017-12-28 00:00"


def test_without_an_anchor_relative_expressions_are_skipped_and_absolute_dates_kept() -> None:
    assert found("Yesterday, on 23 November 2017, and on 23 November.", "en", None) == [
        ("23 November 2017", "2017-11-23 00:00", "day")
    ]


def test_relative_expressions_keep_their_anchor_and_its_time_zone() -> None:
    anchor = datetime(2017, 11, 24, 5, 56, tzinfo=timezone(timedelta(hours=3)))
    expressions = time_expressions("Вчера, 23 ноября 2017 года.", "ru", anchor)
    assert [(t.relative, t.anchor) for t in expressions] == [(True, anchor), (False, None)]
    assert all(t.value.tzinfo == anchor.tzinfo for t in expressions)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "May I ask? The troops march on, and the environment matters."),
        ("ru", "Окружающая среда важна."),  # "среда" is Wednesday only after "в"
        ("pt", "A segunda tentativa falhou."),  # "segunda" alone is "second"
        ("en", "They counted 2017 votes."),  # a bare four-digit number is not a year here
        ("sl", "Rast in 2016 novih delovnih mest, jutro je bilo mirno."),  # "in" is "and"; "jutro" morning
        ("tr", "Pazar yerinde Cuma namazı sonrası kalabalık vardı."),  # a market, Friday's prayer
        ("tr", "Depremde 2019 kişi öldü."),  # Turkish has no word before a year: 2019 people, not a year
    ],
)
def test_ordinary_words_are_not_dates(language: str, text: str) -> None:
    assert found(text, language) == []


def test_an_unknown_language_tries_every_lexicon() -> None:
    assert found("вчера и hier", None)[0][1] == "2017-11-23 00:00"
    assert len(found("вчера и hier", "xx")) == 2


def test_each_expression_gives_its_sentence_in_split_sentences_numbering() -> None:
    text = "Troops advanced. On Tuesday they stopped.\n\nYesterday they withdrew."
    expressions = time_expressions(text, "en", FRIDAY)
    assert [sentence_of(text, t) for t in expressions] == [(1, "On Tuesday they stopped."),
                                                           (2, "Yesterday they withdrew.")]  # fmt: skip
    assert split_sentences(text)[2] == "Yesterday they withdrew."


def test_a_timeline_orders_dated_events_across_articles() -> None:
    a = "Troops attacked on 23 November. Yesterday they withdrew."
    b = "On Tuesday the first convoy left."
    items = [("a", a, t) for t in time_expressions(a, "en", datetime(2017, 11, 25))]
    items += [("b", b, t) for t in time_expressions(b, "en", datetime(2017, 11, 25))]
    entries = timeline(items)
    assert [(e.time.day, e.article_id, e.sentence) for e in entries] == [
        (21, "b", "On Tuesday the first convoy left."),
        (23, "a", "Troops attacked on 23 November."),
        (24, "a", "Yesterday they withdrew."),
    ]
    assert entries[0].precision is TimePrecision.DAY


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 .-/:,abcdeyonvmrt\nвчераМмарта")), max_size=80))
def test_any_text_gives_spans_that_quote_the_text(text: str) -> None:
    for t in time_expressions(text, None, FRIDAY):
        assert text[t.start : t.end] == t.text


def test_sentence_spans_number_sentences_as_split_sentences_does() -> None:
    text = "Dr. Smith arrived.  He left!\n\n" + "word " * 200 + "end. Last   one."
    spans = sentence_spans(text)
    assert [" ".join(text[s:e].split()) for s, e in spans] == [" ".join(x.split()) for x in split_sentences(text)]
    assert text[spans[-1][0] : spans[-1][1]] == "Last   one." == split_sentences(text)[-1]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("13 Mart 2020'de AFAD ekipleri geldi.", "tr", [("13 Mart 2020", "2020-03-13", False)]),
        ("19 Kasım'da 5 kişi öldü.", "tr", [("19 Kasım'da", "2019-11-19", True)]),  # nearest the anchor
        ("На 5 март 2020 г. загинаха 5 души.", "bg", [("5 март 2020 г.", "2020-03-05", False)]),
        ("2019年7月19日，3人死亡。当地时间19日", "zh", [("2019年7月19日", "2019-07-19", False)]),  # "19日": no month
        ("2020년 3월 5일 사고", "ko", [("2020년 3월 5일", "2020-03-05", False)]),
        ("2019年7月，3人死亡", "zh", [("2019年7月", "2019-07-01", False)]),
    ],
)
def test_dates_outside_the_lexicon_languages_are_read_by_cldr_month_names(
    text: str, language: str, expected: list[tuple[str, str, bool]]
) -> None:
    found = time_expressions(text, language, datetime(2020, 1, 10))
    assert [(t.text, t.value.date().isoformat(), t.relative) for t in found] == expected


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        ("W poniedziałek do szpitali trafi 200 tys. dawek.", "pl", 4),  # perfective: will arrive
        ("W poniedziałek do szpitali trafiło 200 tys. dawek.", "pl", 28),  # arrived
        ("В понедельник президент проведёт совещание.", "ru", 4),  # will hold
        ("В понедельник президент провёл совещание.", "ru", 28),  # held
    ],
)
def test_a_perfective_verb_in_the_future_puts_a_bare_weekday_in_the_coming_week(
    text: str, language: str, day: int
) -> None:
    # Friday 1 January 2021: the coming Monday is the 4th, the last one 28 December.
    (found,) = time_expressions(text, language, datetime(2021, 1, 1))
    assert found.value.day == day


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Pada hari Senin, 50 orang tewas.", "id", ("Pada hari Senin", 6, TimePrecision.DAY)),
        ("Kemarin polisi menangkap 3 orang.", "id", ("Kemarin", 7, TimePrecision.DAY)),
        ("Presiden akan berkunjung pada Jumat.", "id", ("pada Jumat", 10, TimePrecision.DAY)),  # "akan": will
        ("Semalam, 30 orang cedera.", "ms", ("Semalam", 7, TimePrecision.DAY)),  # Malay's yesterday
    ],
)
def test_indonesian_and_malay_dates(text: str, language: str, expected: tuple[str, int, TimePrecision]) -> None:
    # Wednesday 8 January 2020.
    (found,) = time_expressions(text, language, datetime(2020, 1, 8))
    assert (found.text, found.value.day, found.precision) == expected


def test_a_thai_date_by_the_buddhist_era_is_its_common_era_year() -> None:
    (found,) = time_expressions("เมื่อวันที่ 3 มกราคม 2562 มีผู้เสียชีวิต 5 ราย", "th", datetime(2020, 1, 8))
    assert found.value == datetime(2019, 1, 3) and found.precision is TimePrecision.DAY


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("In March 2019 the outbreak began.", "en", "2019-03-01"),  # was March 2020, the year read apart
        ("W marcu 2019 roku zachorował.", "pl", "2019-03-01"),
        ("Vào tháng 3 năm 2019, dịch bùng phát.", "vi", "2019-03-01"),
    ],
)
def test_a_year_right_after_a_led_month_is_its_year(text: str, language: str, expected: str) -> None:
    (found,) = time_expressions(text, language, datetime(2020, 1, 8))
    assert found.value.date().isoformat() == expected and found.precision is TimePrecision.MONTH


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hôm qua, cảnh sát bắt giữ 3 người.", ("Hôm qua", "2020-01-07")),
        ("Ngày 3 tháng 1 năm 2020, 50 người thiệt mạng.", ("Ngày 3 tháng 1 năm 2020", "2020-01-03")),
        ("Vào thứ Hai, bão đổ bộ.", ("Vào thứ Hai", "2020-01-06")),
        ("Thủ tướng sẽ thăm Hà Nội vào thứ Sáu.", ("vào thứ Sáu", "2020-01-10")),  # "sẽ": will
        ("Ba ngày trước, lũ lụt xảy ra.", ("Ba ngày trước", "2020-01-05")),
    ],
)
def test_vietnamese_dates(text: str, expected: tuple[str, str]) -> None:
    (found,) = time_expressions(text, "vi", datetime(2020, 1, 8))
    assert (found.text, found.value.date().isoformat()) == expected


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("en", "We will know in two weeks.", ("in two weeks", "2017-12-08 00:00", "day")),
        ("en", "The vote comes three days from now.", ("three days from now", "2017-11-27 00:00", "day")),
        ("ru", "Через пять дней пройдут выборы.", ("Через пять дней", "2017-11-29 00:00", "day")),
        ("pl", "Szczepionka zostanie dostarczona za tydzień.", ("za tydzień", "2017-12-01 00:00", "day")),
        ("fr", "Le verdict sera rendu dans trois mois.", ("dans trois mois", "2018-02-01 00:00", "month")),
        ("bg", "Тя ще е готова след година.", ("след година", "2018-01-01 00:00", "year")),
    ],
)
def test_a_stretch_ahead_in_a_future_clause_is_a_date(language: str, text: str, expected: tuple[str, ...]) -> None:
    assert found(text, language) == [expected]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "Prices were the highest in two years."),  # a stretch past
        ("cs", "Přibylo 5000 nakažených za den."),  # per day
        ("ru", "Второй компонент вводят через 21 день после первого."),  # from another event
    ],
)
def test_a_stretch_without_a_future_is_no_date(language: str, text: str) -> None:
    assert found(text, language) == []


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("cs", "Stalo se to čtvrtého prosince.", ("čtvrtého prosince", "2017-12-04 00:00", "day")),
        ("ru", "Это случилось третьего ноября.", ("третьего ноября", "2017-11-03 00:00", "day")),
        ("pl", "Było to dwudziestego pierwszego listopada.",
         ("dwudziestego pierwszego listopada", "2017-11-21 00:00", "day")),
        ("sl", "Zgodilo se je enaindvajsetega novembra.", ("enaindvajsetega novembra", "2017-11-21 00:00", "day")),
        ("bg", "Това стана на двадесет и първи ноември.", ("двадесет и първи ноември", "2017-11-21 00:00", "day")),
        ("de", "Am vierten November kam es zum Unfall.", ("vierten November", "2017-11-04 00:00", "day")),
        ("en", "It happened on the fourth of November.", ("fourth of November", "2017-11-04 00:00", "day")),
    ],
)  # fmt: skip
def test_a_day_written_as_an_ordinal_word_is_read(language: str, text: str, expected: tuple[str, ...]) -> None:
    assert found(text, language) == [expected]


def test_an_english_ordinal_before_a_month_without_of_is_no_date() -> None:
    assert found("The first December storm hit the coast.", "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("— Mateusz Morawiecki (@MorawieckiM) January 2, 2021 Rektor poinformował w sobotę.", "pl"),
        ("— Sledilnik COVID-19 (@sledilnik) 2 January 2021. Minister je dejal.", "sl"),
        ("— Polizei Berlin (@polizeiberlin) January 2, 2021 Polizei sucht Zeugen.", "de"),
    ],
)
def test_an_embedded_tweets_english_date_is_read_in_any_language(text: str, language: str) -> None:
    from newsweave.analyze.claims import numeric_claims

    found = time_expressions(text, language, datetime(2021, 1, 3))
    assert [(t.value.date().isoformat(), t.relative) for t in found if "2021" in t.text] == [("2021-01-02", False)]
    assert [c.low for c in numeric_claims(text, language) if c.low == 2] == []  # its day is no count


def test_an_english_month_without_a_year_stays_a_word_in_another_language() -> None:
    # Without its year an English month name outside English may be a name: Theresa May, five times.
    assert time_expressions("Theresa May 5 razy odwiedziła Brukselę.", "pl", datetime(2021, 1, 3)) == []


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        (
            "Vakcínu schválili čtvrtého prosince Britové. Devátého následoval Izrael a jedenáctého Spojené státy.",
            "cs",
            [("čtvrtého prosince", "2020-12-04"), ("Devátého", "2020-12-09"), ("jedenáctého", "2020-12-11")],
        ),
        (
            "Первую вакцину одобрили 4 декабря. Девятого последовал Израиль.",
            "ru",
            [("4 декабря", "2020-12-04"), ("Девятого", "2020-12-09")],
        ),
        (
            "The first dose was given on December 3, and the second on the 9th.",
            "en",
            [("December 3", "2020-12-03"), ("9th", "2020-12-09")],
        ),
    ],
)
def test_a_day_alone_after_a_date_with_its_month_is_a_later_day_of_that_month(
    text: str, language: str, read: list[tuple[str, str]]
) -> None:
    found = time_expressions(text, language, datetime(2020, 12, 30))
    assert [(t.text, t.value.date().isoformat()) for t in found] == read


@pytest.mark.parametrize(
    "text",
    [
        "Včera zemřelo pět lidí. Devátého následoval Izrael.",  # "yesterday" names no month
        "První vakcínu schválili dvanáctého prosince. Devátého následoval Izrael.",  # no later day
    ],
)
def test_a_day_alone_needs_an_earlier_day_of_a_named_month(text: str) -> None:
    assert "Devátého" not in [t.text for t in time_expressions(text, "cs", datetime(2020, 12, 30))]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("On the eve of the election, police arrested 5 people.", "en"),
        ("À la veille de l'élection, 5 morts.", "fr"),
        ("Am Vorabend der Wahl wurden 5 Menschen festgenommen.", "de"),
        ("Накануне выборов полиция задержала 5 человек.", "ru"),
        ("Накануне президентских выборов задержали 5 человек.", "ru"),
        ("W przeddzień wyborów zatrzymano 5 osób.", "pl"),
    ],
)
def test_the_eve_of_an_undated_event_is_no_date(text: str, language: str) -> None:
    assert time_expressions(text, language, datetime(2020, 11, 5)) == []


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("On the eve, 50 militants were killed.", "en", [("On the eve", "2020-11-04")]),
        ("Накануне вечером погибли 5 человек.", "ru", [("Накануне", "2020-11-04")]),
        ("Накануне сторонники Трампа ворвались в Капитолий.", "ru", [("Накануне", "2020-11-04")]),  # the subject
        ("Накануне сообщалось о 5 погибших.", "ru", [("Накануне", "2020-11-04")]),
        ("On the eve of New Year's Eve", "en", [("On the eve", "2020-12-30"), ("New Year's Eve", "2020-12-31")]),
        ("la víspera de Año Nuevo", "es", [("víspera de Año Nuevo", "2020-12-31")]),  # a holiday, no eve of one
        ("el jueves del alcalde", "es", [("el jueves", "2020-11-05")]),  # "jueves" holds no eve
    ],
)
def test_an_eve_alone_or_of_a_date_is_dated(text: str, language: str, read: list[tuple[str, str]]) -> None:
    found = time_expressions(text, language, datetime(2020, 11, 5))
    assert [(t.text, t.value.date().isoformat()) for t in found] == read


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("Jučer je u Zagrebu poginulo 5 ljudi.", "hr", [("Jučer", "2020-11-04")]),
        ("U ponedjeljak je policija uhitila 15 osoba.", "hr", [("U ponedjeljak", "2020-11-02")]),
        ("Sastanak će se održati u srijedu.", "hr", [("u srijedu", "2020-11-11")]),  # a future clause
        ("Prije dva dana stiglo je 300 migranata.", "hr", [("Prije dva dana", "2020-11-03")]),
        ("Včera zomrelo 35 ľudí.", "sk", [("Včera", "2020-11-04")]),
        ("V pondelok polícia zadržala 12 osôb.", "sk", [("V pondelok", "2020-11-02")]),
        ("Pred dvoma dňami prišlo 300 migrantov.", "sk", [("Pred dvoma dňami", "2020-11-03")]),
        ("5. januára 2020 sa stala nehoda.", "sk", [("5. januára 2020", "2020-01-05")]),
        ("Јуче је у Београду погинуло 5 људи.", "sr", [("Јуче", "2020-11-04")]),
        ("Juče je u Beogradu poginulo 5 ljudi.", "sr", [("Juče", "2020-11-04")]),
        ("Пре два дана стигло је 300 миграната.", "sr", [("Пре два дана", "2020-11-03")]),
        ("5. јануара 2020. догодила се несрећа.", "sr", [("5. јануара 2020", "2020-01-05")]),
        ("U januaru je umrlo 50 ljudi.", "sr", [("U januaru", "2021-01-01")]),
    ],
)
def test_croatian_serbian_and_slovak_relative_dates(text: str, language: str, read: list[tuple[str, str]]) -> None:
    found = time_expressions(text, language, datetime(2020, 11, 5))  # a Thursday
    assert [(t.text, t.value.date().isoformat()) for t in found] == read


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("Volitve so bile v septembru.", "sl", 9),  # Slovene's locative after "v"
        ("To se je zgodilo septembra.", "sl", 9),  # and its genitive alone
        ("Stało się to we wrześniu.", "pl", 9),  # Polish "we" before a cluster
    ],
)
def test_a_month_in_the_case_its_language_says_in_with(text: str, language: str, month: int) -> None:
    [expression] = time_expressions(text, language, datetime(2020, 11, 24))
    assert (expression.value.month, expression.precision) == (month, TimePrecision.MONTH)


def test_a_capitalised_month_genitive_alone_is_a_name_not_a_date() -> None:
    assert time_expressions("Maja Novak je prišla.", "sl", datetime(2020, 11, 24)) == []


def test_a_day_with_its_month_in_the_instrumental() -> None:
    [expression] = time_expressions("Pred 29. oktobrom so glasovali.", "sl", datetime(2020, 11, 24))
    assert expression.value.date().isoformat() == "2020-10-29"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("It happened a few years ago.", "en"),
        ("Это было несколько лет назад.", "ru"),
        ("To je bilo pred nekaj meseci.", "sl"),
        ("Das war vor Jahren.", "de"),  # a plural with no number
        ("Eso fue hace años.", "es"),
        ("Lerstein je že pred leti izdal knjigo.", "sl"),
    ],
)
def test_a_stretch_of_time_with_no_number_gives_no_date(text: str, language: str) -> None:
    assert time_expressions(text, language, datetime(2020, 11, 24)) == []


@pytest.mark.parametrize(
    ("text", "language", "year"),
    [("Das war vor einem Jahr.", "de", 2019), ("To je bilo pred letom.", "sl", 2019), ("Two years ago.", "en", 2018)],
)
def test_a_stretch_of_one_or_a_number_keeps_its_date(text: str, language: str, year: int) -> None:
    [expression] = time_expressions(text, language, datetime(2020, 11, 24))
    assert expression.value.year == year


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("Podawanie rozpocznie się w drugiej połowie stycznia.", "pl", 1),
        ("Szczepionki dotrą w drugim tygodniu stycznia.", "pl", 1),
        ("Это случится во второй половине января.", "ru", 1),
        ("Якщо на початок грудня показник був вищим.", "uk", 12),
    ],
)
def test_a_part_of_a_month_is_that_month(text: str, language: str, month: int) -> None:
    [expression] = time_expressions(text, language, datetime(2020, 11, 24))
    assert (expression.value.month, expression.precision) == (month, TimePrecision.MONTH)


def test_the_year_ahead_and_next_month_are_next() -> None:
    found = time_expressions("What to expect in the year ahead and next month.", "en", datetime(2020, 11, 24))
    assert [(e.text, e.value.date().isoformat()) for e in found] == [
        ("the year ahead", "2021-01-01"),
        ("next month", "2020-12-01"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("Am Morgen war es ruhig. Morgen wird es regnen.", "de", ["Morgen"]),  # only the second: tomorrow
        ("Die Entscheidung fällt morgen, im Mannheimer Morgen.", "de", ["morgen"]),
        ("In de morgen was het rustig, morgen niet.", "nl", ["morgen"]),
    ],
)
def test_the_morning_is_not_tomorrow(text: str, language: str, read: list[str]) -> None:
    found = time_expressions(text, language, datetime(2020, 11, 24))
    assert [e.text for e in found] == read
    assert all(e.value.date().isoformat() == "2020-11-25" for e in found)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("They don't have to pay the loan back until July 1, 2010, he said.", "2010-07-01"),
        ("Under the ordinance of the Federal Council of March 16, 2020, nobody may attend.", "2020-03-16"),
    ],
)
def test_a_month_after_its_lead_with_its_day_and_year_after_is_that_day(text: str, day: str) -> None:
    [expression] = time_expressions(text, "en", datetime(2020, 11, 24))
    assert (expression.value.date().isoformat(), expression.precision) == (day, TimePrecision.DAY)


@pytest.mark.parametrize(
    ("text", "language", "month"),
    [
        ("The vaccine will arrive in March.", "en", "2021-03"),  # the coming March, said in the future
        ("The vaccine arrived in March.", "en", "2020-03"),
        ("Szczepionka trafi do Polski we wrześniu.", "pl", "2021-09"),  # a perfective future
        ("The reports published last October will include the rates.", "en", "2020-10"),  # "last": past
        ("Seit Anfang März werden viele Blaumeisen gefunden.", "de", "2020-03"),  # a passive, since
    ],
)
def test_a_bare_month_in_a_clause_of_the_future_is_the_coming_one(text: str, language: str, month: str) -> None:
    [expression] = time_expressions(text, language, datetime(2020, 11, 24))
    assert expression.value.strftime("%Y-%m") == month


_LETTERS = st.sampled_from(list("aAbBmMäÄsSß."))


@given(
    words=st.lists(st.text(_LETTERS, min_size=1, max_size=5), min_size=1, max_size=12),
    text=st.text(_LETTERS, max_size=8),
    ignore_case=st.booleans(),
)
@example(words=["Ma", "mab"], text="mab", ignore_case=True)
@example(words=["ab", "a", "ABB"], text="abbs", ignore_case=True)
@example(words=["Ma", "mab"], text="mab", ignore_case=False)
@settings(max_examples=300, deadline=None)
def test_the_trie_of_words_matches_what_their_flat_alternation_matches(
    words: list[str], text: str, ignore_case: bool
) -> None:
    # Longest first, as the flat list was written: what the lexicon's shapes rely on when a
    # shorter word would also fit ("Mai" in "mais").
    import re

    from newsweave.analyze.times import _alternation

    flat = "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))
    flags = re.I if ignore_case else 0
    for tail in ("", r"(?!\w)", "s"):
        want = re.compile(f"(?:{flat}){tail}", flags).match(text)
        got = re.compile(f"(?:{_alternation(words, ignore_case=ignore_case)}){tail}", flags).match(text)
        assert (got and got.group(0)) == (want and want.group(0))


_STRETCH_WORDS = ["3", "12", "123", "two", "Two", "days", "day", "ago", "il", "y", "a", "jours", "pre", "дана", "hari",
                  "yang", "lalu", "x"]  # fmt: skip


@given(
    tokens=st.lists(st.sampled_from(_STRETCH_WORDS), min_size=1, max_size=6), spaces=st.sampled_from([" ", "  ", "\n"])
)
@example(tokens=["12", "days", "ago"], spaces=" ")
@example(tokens=["Two", "days", "ago"], spaces="\n")
@example(tokens=["il", "y", "a", "12", "jours"], spaces=" ")
@example(tokens=["pre", "3", "дана"], spaces=" ")
@settings(max_examples=300, deadline=None)
def test_a_gated_stretch_matches_what_it_matches_ungated(tokens: list[str], spaces: str) -> None:
    # The look at a stretch's first character (and the one after its number) is only a
    # necessary condition: it may skip a stretch sooner, never change what one matches.
    import re

    from newsweave.analyze.times import _gated

    number = r"(?:(?P<n>\d{1,2}|one|two)\s+)?"
    text = spaces.join(tokens)
    for template in (r"NUM\s+days?\s+ago", r"il\s+y\s+a\s+NUM\s+jours?", r"(?:пре|pre)\s+NUM\s+(?:дан|дана)",
                     r"NUM\s+hari\s+(?:yang\s+)?lalu"):  # fmt: skip
        shape = f"(?P<s>{template.replace('NUM' + chr(92) + 's+', number)})"
        rest = template.removeprefix("NUM\\s+") if template.startswith("NUM") else None
        gated = _gated(shape, rest)
        assert gated != shape  # a gate was found
        want, got = re.compile(shape, re.I).match(text), re.compile(gated, re.I).match(text)
        assert (got and got.group(0)) == (want and want.group(0))


def test_no_gate_is_put_where_a_shape_may_match_nothing_or_is_not_read() -> None:
    from newsweave.analyze.times import _first_characters, _gated

    assert _first_characters(r"(?:days)?") is None
    assert _first_characters(r"(?P<a>x)(?P=a)") == ["x"]
    assert _first_characters(r"(?i:d)ays") is None  # a group with flags of its own
    assert _gated(r"(?:days)?") == r"(?:days)?"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # American news style abbreviates months with a period: "Feb. 11", "Sept. 8, 2019".
        ("Bouwmeester had a cardiac episode during a game on Feb. 11 and was placed on reserve.", "2020-02-11"),
        ("Daniels was hurt during the first half Sunday, Sept. 8, 2019, in Glendale.", "2019-09-08"),
        ("The three men were arrested on Dec. 31, 2005, three days after the robbery.", "2005-12-31"),
    ],
)
def test_an_english_month_abbreviated_with_its_period_beside_a_day_is_that_day(text: str, day: str) -> None:
    anchor = datetime(2020, 6, 15)
    assert [
        e.value.date().isoformat() for e in time_expressions(text, "en", anchor) if e.precision is TimePrecision.DAY
    ][:1] == [day]


def test_a_month_abbreviated_without_its_period_is_no_date_in_english() -> None:
    assert time_expressions("Police said Mar 5 people were hurt.", "en", datetime(2020, 6, 15)) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # The dots of "p.m." end no clause: the future cue before them still reaches the weekday.
        ("A funeral is scheduled for 1 p.m. Saturday at the Cathedral.", "2009-04-04"),
        ("The meeting will be at 6 p.m. Monday at First Presbyterian Church.", "2009-04-06"),
        ("He died at 3 p.m. Sunday.", "2009-03-29"),
    ],
)
def test_a_future_cue_reaches_a_weekday_past_a_clock_times_dots(text: str, day: str) -> None:
    [expression] = time_expressions(text, "en", datetime(2009, 3, 31))
    assert expression.value.date().isoformat() == day


@pytest.mark.parametrize(
    ("text", "language", "day"),
    [
        # A perfective present of beginning says the future: the coming weekday.
        ("Za tak ukrep, ki začne veljati v četrtek, so se odločili.", "sl", "2020-07-02"),
        ("Zákon začne platit v pondělí.", "cs", "2020-06-29"),
        ("Закон набуде чинності в понеділок.", "uk", "2020-06-29"),
    ],
)
def test_what_takes_effect_on_a_weekday_takes_it_on_the_coming_one(text: str, language: str, day: str) -> None:
    [expression] = time_expressions(text, language, datetime(2020, 6, 26))
    assert expression.value.date().isoformat() == day
