"""Dates and times written in page text, in many formats and languages.

Candidate substrings are found with a few shape patterns (day-month-year with a month name,
month-day-year, ISO, numeric), then parsed by dateparser, which knows month names in some 200
locales; a candidate dateparser cannot read is not a date.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime

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
            return value, match.group("time") is not None, match
    return None


def parse_date(date: str, time: str | None = None) -> datetime | None:
    """Parse a date string (and an optional time string) in any common language."""
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
