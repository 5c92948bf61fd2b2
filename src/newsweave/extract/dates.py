"""Dates and times written in page text, in many formats and languages.

Candidate substrings are found with a few shape patterns (day-month-year with a month name,
month-day-year, ISO, numeric), then parsed by dateparser, which knows month names in some 200
locales; a candidate dateparser cannot read is not a date.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from functools import lru_cache

_TIME = r"(?:[\s,]*(?:at|à|um|в|o|alle|a las|às)?\s*(?P<time>\d{1,2}\s?[:h.]\s?\d{2}(?:\s?[ap]\.?\s?m\.?)?))?"
_WORD = r"[^\W\d_]{3,}\.?"
_SHAPES = [
    rf"\b\d{{1,2}}\.?\s+{_WORD}\s+\d{{4}}",  # 24 November 2017, 24. November 2017, 24 ноября 2017
    rf"\b{_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}",  # November 24, 2017
    r"\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?",  # 2017-11-24, 2017-11-24T05:56
    r"\b\d{1,2}[./]\d{1,2}[./]\d{4}",  # 24.11.2017, 24/11/2017
]
DATE_PATTERN = re.compile("(?P<date>" + "|".join(_SHAPES) + ")" + _TIME, re.I)
_SETTINGS = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}


@lru_cache(maxsize=65536)
def find_datetime(text: str) -> tuple[datetime, bool, re.Match[str]] | None:
    """The first date (with its time if written) in ``text``.

    Returns:
        (value, has_time, match) or None when the text holds no readable date.

    Example:
        >>> find_datetime("Mavrikiy 24 November 2017 05: 56")[:2]
        (datetime.datetime(2017, 11, 24, 5, 56), True)
    """
    for match in DATE_PATTERN.finditer(text):
        value = parse_date(match.group("date"), match.group("time"))
        if value is not None:
            has_time = match.group("time") is not None or ":" in match.group("date")
            return value, has_time, match
    return None


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            "january jan janvier janv januar jänner enero gennaio января январь",
            "february feb février févr februar febrero febbraio февраля февраль",
            "march mar mars märz marzo марта март",
            "april apr avril abril aprile апреля апрель",
            "may mai mayo maggio мая май",
            "june jun juin juni junio giugno июня июнь",
            "july jul juillet juli julio luglio июля июль",
            "august aug août agosto августа август",
            "september sep sept septembre septiembre settembre сентября сентябрь",
            "october oct octobre oktober octubre ottobre октября октябрь",
            "november nov novembre noviembre ноября ноябрь",
            "december dec décembre dezember diciembre dicembre декабря декабрь",
        ],
        start=1,
    )
    for name in names.split()
}
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?\s+(\d{4})$")
_MONTH_DAY_YEAR = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_CLOCK = re.compile(r"^(\d{1,2})\s*[:h.]\s*(\d{2})\s*(?:([ap])\.?\s?m\.?)?$", re.I)


def _fast_date(date: str) -> datetime | None:
    """The common shapes, parsed directly: dateparser costs a millisecond or more a call."""
    try:
        if m := _NUMERIC_DMY.match(date):
            return datetime(int(m[3]), int(m[2]), int(m[1]))
        if (m := _DAY_MONTH_YEAR.match(date)) and m[2].casefold() in _MONTHS:
            return datetime(int(m[3]), _MONTHS[m[2].casefold()], int(m[1]))
        if (m := _MONTH_DAY_YEAR.match(date)) and m[1].casefold() in _MONTHS:
            return datetime(int(m[3]), _MONTHS[m[1].casefold()], int(m[2]))
        return datetime.fromisoformat(date)
    except ValueError:
        return None


def _with_clock(day: datetime, time: str | None) -> datetime | None:
    if not time:
        return day
    m = _CLOCK.match(time.strip())
    if not m:
        return None
    hour = int(m[1]) % 12 + (12 if m[3] and m[3].lower() == "p" else 0) if m[3] else int(m[1])
    try:
        return day.replace(hour=hour, minute=int(m[2]))
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def parse_date(date: str, time: str | None = None) -> datetime | None:
    """Parse a date string (and an optional time string) in any common language."""
    day = _fast_date(date.strip())
    if day is not None:
        value = _with_clock(day, time)
        if value is not None and 1900 <= value.year <= 2100:
            return value.replace(tzinfo=None)
    import dateparser

    text = date.strip()
    if time:
        text += " " + re.sub(r"\s*[:h.]\s*", ":", time.strip(), count=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # dateparser emits deprecation warnings from its deps
        value = dateparser.parse(text, settings=_SETTINGS)  # type: ignore[arg-type]
    if value is None or not 1900 <= value.year <= 2100:
        return None
    return value.replace(tzinfo=None)
