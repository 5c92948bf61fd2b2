from datetime import datetime

import pytest

from newsweave.analyze.holidays import holiday_expressions
from newsweave.analyze.times import time_expressions

ANCHOR = datetime(2020, 1, 3)


def _read(text: str, language: str | None, anchor: datetime | None = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value.date().isoformat()) for t in holiday_expressions(text, language, anchor)]


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        # The year that puts the day nearest the publication date: last year's New Year's Eve.
        ("Fires broke out on New Year's Eve.", "en", [("New Year's Eve", "2019-12-31")]),
        ("Пожары охватили юго-восток в канун Нового года.", "ru", [("канун Нового года", "2019-12-31")]),
        ("W Sylwestra strażacy wyjeżdżali 2092 razy.", "pl", [("Sylwestra", "2019-12-31")]),
        ("Am Heiligabend brannte es.", "de", [("Heiligabend", "2019-12-24")]),
        ("La collisione è avvenuta il giorno di Capodanno.", "it", [("giorno di Capodanno", "2020-01-01")]),
        # Easter, Western and Orthodox, and the Serbian and Croatian Christmas.
        ("The attack happened on Easter Sunday.", "en", [("Easter Sunday", "2020-04-12")]),
        ("На Пасху храмы закрыты.", "ru", [("Пасху", "2020-04-19")]),
        ("Porodica se okuplja za Božić.", "hr", [("Božić", "2019-12-25")]),
        ("Породица се окупља за Божић.", "sr", [("Божић", "2020-01-07")]),
        ("He was arrested on Thanksgiving.", "en", [("Thanksgiving", "2019-11-28")]),
        # The year written after it wins, and is part of the date.
        ("He was arrested on Christmas Day 2017.", "en", [("Christmas Day 2017", "2017-12-25")]),
        # Longest name first; an unknown language tries every language's names.
        ("nella notte di Capodanno", "it", [("notte di Capodanno", "2019-12-31")]),
        ("Am Heiligabend brannte es.", None, [("Heiligabend", "2019-12-24")]),
    ],
)
def test_a_holiday_is_the_day_nearest_the_publication_date(text: str, language: str | None, read: list) -> None:
    assert _read(text, language) == read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Shoppers crowded the malls before Christmas.", "en"),  # a season
        ("The kids are just about on Christmas break.", "en"),
        ("Migrants were held on Christmas Island.", "en"),  # a place
        ("He found the dog on his doorstep one Christmas Day.", "en"),  # some year's
        ("w wigilię wyborów", "pl"),  # the eve of an election: the feast only with its capital
        ("w nowy rok Polska wchodzi z 47,6 tys. zakażonych", "pl"),  # the new year, not its first day
        ("Рождество во время пандемии", "ru"),  # whose Christmas? the churches' days differ
    ],
)
def test_names_that_say_no_one_day_are_not_read(text: str, language: str) -> None:
    assert _read(text, language) == []


def test_without_a_publication_date_only_a_holiday_with_its_year_is_read() -> None:
    assert _read("on Christmas Eve 2019 and on Boxing Day", "en", None) == [("Christmas Eve 2019", "2019-12-24")]


def test_the_times_reader_takes_a_holiday_over_the_weekday_inside_it() -> None:
    found = time_expressions("The attack happened on Easter Sunday.", "en", ANCHOR)
    assert [(t.text, t.value.date().isoformat(), t.relative) for t in found] == [("Easter Sunday", "2020-04-12", True)]


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        # The Islamic year's feasts by the Umm al-Qura calendar, the Hebrew year's by its own.
        ("Prayers were held on Eid al-Fitr.", "en", [("Eid al-Fitr", "2020-05-24")]),
        ("صلاة عيد الأضحى في المساجد", "ar", [("عيد الأضحى", "2020-07-31")]),
        ("Ramazan bayramı arifesinde sokağa çıkma kısıtlaması", "tr", [("Ramazan bayramı arifesinde", "2020-05-23")]),
        ("Shops closed on Yom Kippur 2019.", "en", [("Yom Kippur 2019", "2019-10-09")]),
        ("еврейская Пасха", "ru", [("еврейская Пасха", "2020-04-09")]),  # not the Orthodox one
    ],
)
def test_the_islamic_and_hebrew_years_feasts(text: str, language: str, read: list) -> None:
    assert _read(text, language, datetime(2020, 6, 15)) == read
