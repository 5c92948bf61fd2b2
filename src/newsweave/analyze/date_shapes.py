"""Where a text writes a day of a month, in any language CLDR names the months of.

``analyze.times`` reads and resolves dates in twelve languages; a reader of counts needs less
and everywhere: to know that "19" in "19 Kasım'da", "3 stycznia" in an undated article or "7"
and "19" in "7月19日" are a date, not nineteen or seven of something. Month names come from
CLDR through babel (installed for the gazetteer): the article's language's full names in both
grammatical contexts (so Slavic genitives, "stycznia", "listopadu", are in) and its abbreviations
when written with their period ("Dec.", "janv."; without it they are words: Czech "pro", Italian
"set"), or, for an unknown language, the full names of the languages listed in ``_GUESSED``. Chinese,
Japanese and Korean dates are read by their markers (年, 月, 日, 号; 년, 월, 일). ``day_month_dates``
also says which day, month and year each is, which ``analyze.times`` places in the languages its
own lexicon lacks.

>>> text = "19 Kasım'da 5 kişi öldü."
>>> [text[s:e] for s, e in day_month_spans(text, "tr")]
["19 Kasım'da"]
>>> text = "2019 年 7 月 19 日，3 人死亡。"
>>> [text[s:e] for s, e in day_month_spans(text, "zh")]
['2019 年 7 月 19 日']
>>> day_month_spans("In March 20 people died.", "en")
[]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# An unknown language (a sentence compared without its article) is read with the full month
# names of these: the languages of ``analyze.times`` and others common in news. Abbreviations
# are left out there, since across languages they collide with words ("ago", "des", "few").
_GUESSED = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "ar", "tr", "ro", "hu", "sv", "da", "nb",
    "fi", "el", "bg", "hr", "sr", "sl", "sk", "lt", "lv", "et", "id", "ms", "vi", "ca", "sq", "mk", "be", "az",
)  # fmt: skip
_MIN_ABBREVIATION = 3  # "ma" or "di" alone is no month
_DAY = r"(?<![\w.,])(?:[12]?\d|3[01])(?!\d)"  # 1-31, not part of a longer number
_DAY_RANGE = rf"(?P<day>{_DAY})(?:\s*[-–]\s*(?:[12]?\d|3[01])(?!\d))?"
# A Turkish case ending follows an apostrophe ("Kasım'da"); a day may carry an ordinal mark.
_ORDINAL_MARK = r"(?:\.|st|nd|rd|th|er|e|º|-?го|-?е)?"
# A year after the month: 1800-2199, or 2400-2699 of the Buddhist era Thai dates by ("3 มกราคม 2563"
# is 3 January 2020: ``_common_era``).
_YEAR_AFTER = r"(?:,?[ \u00a0]+(?P<year>(?:1[89]|2[01]|2[4-6])\d\d)(?!\d))?"
_BUDDHIST_ERA_OFFSET = 543
_WORD_AFTER_DAY = re.compile(
    rf"{_DAY_RANGE}{_ORDINAL_MARK}[ \u00a0]+(?:(?:de|of)[ \u00a0]+)?(?P<month>[^\W\d_]+\.?)(?:['’][^\W\d_]+)?"
    rf"{_YEAR_AFTER}"
)
# "June 14," "June 14th", "Juni 14 2020": a month's name before a day only when a comma, an
# ordinal, a year or the sentence's end follows ("In March 20 people died" is a count). Tried at
# word starts only: from inside a word it can match only where the whole word did, and trying
# every letter took half the reader's time.
_WORD_BEFORE_DAY = re.compile(
    rf"(?<![^\W\d_])(?P<month>[^\W\d_]+\.?)[ \u00a0]+(?P<day>{_DAY})(?:st|nd|rd|th)?"
    rf"(?=\s*(?:[,.;:!?]|$|\d{{4}}\b)){_YEAR_AFTER}"
)
_CJK_DATE = re.compile(
    r"(?:(?<!\d)(?P<year>\d{4})\s*[年년]\s*)?(?<!\d)(?P<month>1[0-2]|0?[1-9])\s*[月월]"
    r"(?:份|\s*(?P<day>[12]?\d|3[01])\s*[日号일])?"
    r"|(?<![\d月월])(?:[12]?\d|3[01])\s*[日号](?![元])"
)
_CJK_LANGUAGES = frozenset({"zh", "ja", "ko"})
# Vietnamese numbers its months: "ngày 3 tháng 1 năm 2020" (the 3rd day of month 1 of year 2020).
_VIETNAMESE_DATE = re.compile(
    r"(?<![^\W\d_])ngày\s+(?P<day>[12]?\d|3[01])\s+tháng\s+(?P<month>1[0-2]|0?[1-9])(?!\d)"
    r"(?:,?\s+năm\s+(?P<year>(?:1[89]|20)\d\d))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class DayMonth:
    """A date the text writes: where, and what it says (a CJK "19日" alone has no month)."""

    start: int
    end: int
    day: int | None
    month: int | None
    year: int | None
    english: bool = False  # an English month in another language's text, with its year (a tweet's date)


def day_month_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """Spans of a day beside a month's name (either order), and of CJK dates, in ``text``."""
    return [(d.start, d.end) for d in day_month_dates(text, language)]


@lru_cache(maxsize=256)  # read by times (to place them) and by the claims reader (to block them)
def day_month_dates(text: str, language: str | None) -> tuple[DayMonth, ...]:
    """Days beside a month's name (either order), and CJK dates, in ``text``, in order."""
    found = []
    for pattern in (_WORD_AFTER_DAY, _WORD_BEFORE_DAY):
        for m in pattern.finditer(text):
            month = _month_number(m.group("month"), language)
            year = _common_era(_int(m.group("year")), language)
            english = month is None and year is not None and language not in (None, "en")
            if english:
                # A tweet embedded in any language's article is dated in English ("— CBS News
                # (@CBSNews) December 31, 2019"); with its year such a date is no other word.
                month = month_names("en").get(m.group("month").casefold())
            if month is not None:
                found.append(DayMonth(m.start(), m.end(), int(m.group("day")), month, year, english))
    if language in (None, "vi"):
        for m in _VIETNAMESE_DATE.finditer(text):
            found.append(DayMonth(m.start(), m.end(), int(m["day"]), int(m["month"]), _int(m["year"])))
    if language is None or language in _CJK_LANGUAGES:
        for m in _CJK_DATE.finditer(text):
            month = _int(m.group("month"))
            day = _int(m.group("day")) if month is not None else None
            found.append(DayMonth(m.start(), m.end(), day, month, _int(m.group("year"))))
    return tuple(sorted(found, key=lambda d: (d.start, d.end)))


def _int(digits: str | None) -> int | None:
    return int(digits) if digits else None


def _common_era(year: int | None, language: str | None) -> int | None:
    """A year of the common era: Thai news dates by the Buddhist era (2563 is 2020); elsewhere a
    year past 2400 is no year of the date."""
    if year is None or year < 2400:
        return year
    return year - _BUDDHIST_ERA_OFFSET if language == "th" else None


def _month_number(word: str, language: str | None) -> int | None:
    name = word.casefold().rstrip(".")
    if (number := month_names(language).get(name)) is not None:
        return number
    return _cldr_months(language, "abbreviated").get(name) if word.endswith(".") and language else None


@lru_cache(maxsize=64)
def month_names(language: str | None) -> dict[str, int]:
    """Casefolded full month names of ``language`` (or of every guessed language) and their numbers."""
    if language is None:
        return {name: n for code in _GUESSED for name, n in _cldr_months(code, "wide").items()}
    return _cldr_months(language, "wide")


@lru_cache(maxsize=128)
def _cldr_months(language: str, width: str) -> dict[str, int]:
    from babel import Locale, UnknownLocaleError

    try:
        months = Locale.parse(language).months
    except (UnknownLocaleError, ValueError):
        return {}
    names = {
        name.casefold().rstrip("."): number
        for context in ("format", "stand-alone")
        for number, name in months[context][width].items()
    }
    return {n: k for n, k in names.items() if len(n) >= _MIN_ABBREVIATION and not any(ch.isdigit() for ch in n)}
