"""Relative dates in Chinese, Japanese, Korean and Thai: 昨天, 上周二, 先月, 지난주 화요일, 3天前, เมื่อวานนี้.

``times`` reads dates word by word, and these scripts write no spaces between words (Korean
spaces its words but glues particles to them: "어제는"), so its patterns never start inside a
run of ideographs. Here each language's phrases are found as substrings, longest first, and
resolved against the publication date as ``times`` resolves "yesterday" or "last Tuesday";
absolute dates ("3月5日") stay with ``times``' CLDR reading.

Example:
    >>> from datetime import datetime
    >>> anchor = datetime(2020, 3, 11, 12, 0)  # a Wednesday
    >>> [(t.text, t.value.date().isoformat(), t.precision.value)
    ...  for t in cjk_time_expressions("警方昨天表示，上周二发生爆炸。", "zh", anchor)]
    [('昨天', '2020-03-10', 'day'), ('上周二', '2020-03-03', 'day')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache

from newsweave.analyze.times import CJK_TIME_LANGUAGES, shift
from newsweave.records import TimeExpression, TimePrecision

_DAY, _WEEK, _MONTH, _YEAR = "day", "week", "month", "year"

# Phrase -> (unit, amount): "eve" is the day before the anchor, as "on the eve" is.
_RELATIVE: dict[str, dict[str, tuple[str, int]]] = {
    "zh": {
        "今天": (_DAY, 0), "昨天": (_DAY, -1), "昨日": (_DAY, -1), "前天": (_DAY, -2), "明天": (_DAY, 1),
        "当天": (_DAY, 0), "前一天": ("eve", -1), "前一日": ("eve", -1),
        "今晨": ("morning", 0), "今早": ("morning", 0), "今天上午": ("morning", 0), "今天早上": ("morning", 0),
        "今晚": ("evening", 0), "昨晚": ("evening", -1), "昨天晚上": ("evening", -1), "昨夜": ("night", -1),
        "昨天上午": ("morning", -1), "昨天早上": ("morning", -1),
        "上周": (_WEEK, -1), "上星期": (_WEEK, -1), "上个星期": (_WEEK, -1), "上週": (_WEEK, -1),
        "本周": (_WEEK, 0), "这周": (_WEEK, 0), "这个星期": (_WEEK, 0), "本週": (_WEEK, 0),
        "下周": (_WEEK, 1), "下星期": (_WEEK, 1), "下个星期": (_WEEK, 1), "下週": (_WEEK, 1),
        "上个月": (_MONTH, -1), "上月": (_MONTH, -1), "上個月": (_MONTH, -1), "本月": (_MONTH, 0),
        "这个月": (_MONTH, 0), "下个月": (_MONTH, 1), "下個月": (_MONTH, 1),
        "去年": (_YEAR, -1), "前年": (_YEAR, -2), "今年": (_YEAR, 0), "明年": (_YEAR, 1),
    },
    "ja": {
        "今日": (_DAY, 0), "本日": (_DAY, 0), "昨日": (_DAY, -1), "一昨日": (_DAY, -2), "おととい": (_DAY, -2),
        "明日": (_DAY, 1), "前日": ("eve", -1), "今朝": ("morning", 0), "今夜": ("evening", 0),
        "今晩": ("evening", 0), "昨夜": ("night", -1), "昨晩": ("evening", -1),
        "先週": (_WEEK, -1), "今週": (_WEEK, 0), "来週": (_WEEK, 1),
        "先月": (_MONTH, -1), "今月": (_MONTH, 0), "来月": (_MONTH, 1),
        "昨年": (_YEAR, -1), "去年": (_YEAR, -1), "今年": (_YEAR, 0), "来年": (_YEAR, 1),
    },
    "ko": {
        "오늘": (_DAY, 0), "어제": (_DAY, -1), "그저께": (_DAY, -2), "엊그제": (_DAY, -2), "내일": (_DAY, 1),
        "전날": ("eve", -1), "오늘 아침": ("morning", 0), "어젯밤": ("night", -1), "어제 저녁": ("evening", -1),
        "지난주": (_WEEK, -1), "지난 주": (_WEEK, -1), "이번 주": (_WEEK, 0), "이번주": (_WEEK, 0),
        "다음 주": (_WEEK, 1), "다음주": (_WEEK, 1), "지난달": (_MONTH, -1), "지난 달": (_MONTH, -1),
        "이번 달": (_MONTH, 0), "이달": (_MONTH, 0), "다음 달": (_MONTH, 1), "다음달": (_MONTH, 1),
        "지난해": (_YEAR, -1), "작년": (_YEAR, -1), "올해": (_YEAR, 0), "내년": (_YEAR, 1),
    },
    "th": {
        "วันนี้": (_DAY, 0), "เมื่อวานนี้": (_DAY, -1), "เมื่อวาน": (_DAY, -1), "เมื่อวานซืน": (_DAY, -2),
        "พรุ่งนี้": (_DAY, 1), "เมื่อคืนนี้": ("night", -1), "เมื่อคืน": ("night", -1), "เช้านี้": ("morning", 0),
        "คืนนี้": ("evening", 0), "สัปดาห์ที่แล้ว": (_WEEK, -1), "สัปดาห์ก่อน": (_WEEK, -1),
        "อาทิตย์ที่แล้ว": (_WEEK, -1), "สัปดาห์นี้": (_WEEK, 0), "สัปดาห์หน้า": (_WEEK, 1),
        "เดือนที่แล้ว": (_MONTH, -1), "เดือนก่อน": (_MONTH, -1), "เดือนนี้": (_MONTH, 0), "เดือนหน้า": (_MONTH, 1),
        "ปีที่แล้ว": (_YEAR, -1), "ปีก่อน": (_YEAR, -1), "ปีกลาย": (_YEAR, -1), "ปีนี้": (_YEAR, 0),
        "ปีหน้า": (_YEAR, 1),
    },
}  # fmt: skip

# Weekdays (Monday = 0) after their marker, and the week a prefix puts them in (None: the most
# recent such day on or before the anchor, as a bare "Tuesday" is read in other languages).
_WEEKDAYS = {
    "zh": (r"(?:周|週|星期|礼拜|禮拜)(?P<d>[一二三四五六日天])", "一二三四五六日天"),
    "ja": (r"(?P<d>[月火水木金土日])曜(?:日)?", "月火水木金土日"),
    "ko": (r"(?P<d>[월화수목금토일])요일", "월화수목금토일"),
    "th": (
        r"วัน(?P<d>จันทร์|อังคาร|พุธ|พฤหัส(?:บดี)?|ศุกร์|เสาร์|อาทิตย์)",
        ("จันทร์", "อังคาร", "พุธ", "พฤหัส", "ศุกร์", "เสาร์", "อาทิตย์"),
    ),
}
_WEEK_PREFIXES = {  # longest first
    "zh": [("上", -1), ("本", 0), ("这", 0), ("這", 0), ("下", 1)],
    "ja": [("先週の", -1), ("今週の", 0), ("来週の", 1), ("先週", -1), ("今週", 0), ("来週", 1)],
    "ko": [("지난 주 ", -1), ("이번 주 ", 0), ("지난주 ", -1), ("다음 주 ", 1), ("다음주 ", 1)],
    "th": [],
}
# Thai says the coming one after the day: "วันจันทร์หน้า", "วันจันทร์ที่จะถึง" (next Monday), or by
# "จะ" (will) shortly before it: "จะเดินทางในวันจันทร์" (will travel on Monday).
_NEXT_AFTER = {"th": ("หน้า", "ที่จะถึง")}
_FUTURE_BEFORE = {"th": "จะ"}
_FUTURE_REACH = 20  # characters before the weekday
_LAST = {"ko": "지난 "}  # "지난 화요일": last Tuesday
# "3天前", "2年前", "5日前", "3일 전": a span of time before the anchor.
_AGO = {
    "zh": (r"(?P<n>\d{1,3}|[一二两三四五六七八九十])(?P<u>天|日|周|星期|个月|個月|年)前", {"天": _DAY, "日": _DAY,
           "周": _WEEK, "星期": _WEEK, "个月": _MONTH, "個月": _MONTH, "年": _YEAR}),
    "ja": (r"(?P<n>\d{1,3})(?P<u>日|週間|か月|ヶ月|カ月|年)前", {"日": _DAY, "週間": _WEEK, "か月": _MONTH,
           "ヶ月": _MONTH, "カ月": _MONTH, "年": _YEAR}),
    "ko": (r"(?P<n>\d{1,3})\s?(?P<u>일|주|개월|달|년)\s?전", {"일": _DAY, "주": _WEEK, "개월": _MONTH, "달": _MONTH,
           "년": _YEAR}),
    "th": (r"(?P<n>\d{1,3})\s?(?P<u>วัน|สัปดาห์|เดือน|ปี)\s?(?:ที่แล้ว|ก่อน)", {"วัน": _DAY, "สัปดาห์": _WEEK,
           "เดือน": _MONTH, "ปี": _YEAR}),
}  # fmt: skip
_SMALL = {c: i for i, c in enumerate("零一二三四五六七八九十")} | {"两": 2}
# Not a date: "每周一" (every Monday), "今日头条" and "今日美国" (a news app, USA Today).
_NOT_AFTER = {"zh": "每", "ja": "毎"}
_NOT_BEFORE = {"zh": ("头条", "美国", "俄罗斯"), "ja": ()}
_HANGUL = re.compile("[\uac00-\ud7a3]")


@dataclass(frozen=True, slots=True)
class _Phrase:
    start: int
    end: int
    value: datetime
    precision: TimePrecision


def cjk_time_expressions(text: str, language: str | None, anchor: datetime | None) -> list[TimeExpression]:
    """Relative dates of a Chinese, Japanese or Korean text, resolved against ``anchor`` (none
    without it, nor in another language)."""
    if language not in CJK_TIME_LANGUAGES or anchor is None:
        return []
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    found = [*_relatives(text, language, day), *_weekdays(text, language, day), *_agos(text, language, day)]
    kept: list[_Phrase] = []
    for phrase in sorted(found, key=lambda p: (p.start, -(p.end - p.start))):
        if not kept or phrase.start >= kept[-1].end:
            kept.append(phrase)
    return [TimeExpression(p.start, p.end, text[p.start : p.end], p.value, p.precision, True, anchor) for p in kept]


def _relatives(text: str, language: str, day: datetime) -> list[_Phrase]:
    out = []
    for m in _relative_pattern(language).finditer(text):
        if not _a_word_here(text, m.start(), m.end(), language):
            continue
        unit, amount = _RELATIVE[language][m.group(0)]
        if unit == _YEAR and (dated := _month_of_year(text, m.end(), day.year + amount)) is not None:
            out.append(_Phrase(m.start(), *dated))  # "去年12月": December of last year
            continue
        out.append(_Phrase(m.start(), m.end(), *shift(day, unit, amount)))
    return out


# A month (and day) right after a relative year: "去年12月", "去年12月5日", "지난해 12월 5일".
_MONTH_AFTER = re.compile(r"\s?(?P<m>\d{1,2})\s?(?:月|월)(?:\s?(?P<d>\d{1,2})\s?(?:日|号|號|일))?")


def _month_of_year(text: str, end: int, year: int) -> tuple[int, datetime, TimePrecision] | None:
    """The end, date and precision of a month (and day) written right after a relative year."""
    m = _MONTH_AFTER.match(text, end)
    if m is None:
        return None
    try:
        if m["d"]:
            return m.end(), datetime(year, int(m["m"]), int(m["d"])), TimePrecision.DAY
        return m.end(), datetime(year, int(m["m"]), 1), TimePrecision.MONTH
    except ValueError:  # no such month or day
        return None


def _weekdays(text: str, language: str, day: datetime) -> list[_Phrase]:
    pattern, names = _WEEKDAYS[language]
    out = []
    for m in re.finditer(pattern, text):
        target = min(names.index(_weekday_name(m["d"])), 6)  # 日 and 天 are both Sunday
        start, week = m.start(), None
        for prefix, amount in _WEEK_PREFIXES[language]:
            if text.endswith(prefix, 0, start):
                start, week = start - len(prefix), amount
                break
        if not _a_word_here(text, start, m.end(), language):
            continue
        end = m.end()
        if week is not None:  # that week's day: "上周二" is the Tuesday of last week
            value = day - timedelta(days=day.weekday()) + timedelta(weeks=week, days=target)
        elif (after := next((a for a in _NEXT_AFTER.get(language, ()) if text.startswith(a, end)), None)) is not None:
            end += len(after)
            value = day + timedelta(days=(target - day.weekday()) % 7 or 7)
        elif (will := _FUTURE_BEFORE.get(language)) and will in text[max(0, start - _FUTURE_REACH) : start]:
            value = day + timedelta(days=(target - day.weekday()) % 7 or 7)
        else:
            back = (day.weekday() - target) % 7
            last = _LAST.get(language)
            if last and text.endswith(last, 0, start):
                start, back = start - len(last), back or 7
            value = day - timedelta(days=back)
        out.append(_Phrase(start, end, value, TimePrecision.DAY))
    return out


def _weekday_name(word: str) -> str:
    """A weekday's name as ``_WEEKDAYS`` lists it: Thai writes Thursday short or long ("พฤหัสบดี")."""
    return "พฤหัส" if word.startswith("พฤหัส") else word


def _agos(text: str, language: str, day: datetime) -> list[_Phrase]:
    pattern, units = _AGO[language]
    out = []
    for m in re.finditer(pattern, text):
        amount = int(m["n"]) if m["n"].isdigit() else _SMALL[m["n"]]
        if amount and _a_word_here(text, m.start(), m.end(), language):
            out.append(_Phrase(m.start(), m.end(), *shift(day, units[m["u"]], -amount)))
    return out


def _a_word_here(text: str, start: int, end: int, language: str) -> bool:
    """Not inside a longer word: a Korean phrase starts a word, a Chinese one is no part of
    "每周一" or of a name ("今日头条")."""
    if language == "ko":
        return not _HANGUL.match(text, start - 1) if start else True
    if text[start - 1 : start] == _NOT_AFTER.get(language):
        return False
    return not any(text.startswith(name, end) for name in _NOT_BEFORE.get(language, ()))


@lru_cache(maxsize=4)
def _relative_pattern(language: str) -> re.Pattern[str]:
    phrases = sorted(_RELATIVE[language], key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in phrases))
