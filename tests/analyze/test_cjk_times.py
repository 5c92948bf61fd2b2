"""Relative dates of Chinese, Japanese and Korean texts, as ``times.time_expressions`` returns them."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsweave.analyze.times import time_expressions
from newsweave.records import TimePrecision

ANCHOR = datetime(2020, 3, 11, 12, 0)  # a Wednesday


def _dates(text: str, language: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.value.date().isoformat(), t.precision.value) for t in time_expressions(text, language, ANCHOR)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # Yesterday, the Tuesday of last week (not the last Tuesday), an absolute date kept as it was.
        ("警方昨天表示，上周二发生爆炸，3月5日又有袭击。", "zh",
         [("昨天", "2020-03-10", "day"), ("上周二", "2020-03-03", "day"), ("3月5日", "2020-03-05", "day")]),
        # This week's Friday is ahead; a bare weekday is the last one; spans of time before the anchor.
        ("本周五开会，周日下雨，3天前。", "zh",
         [("本周五", "2020-03-13", "day"), ("周日", "2020-03-08", "day"), ("3天前", "2020-03-08", "day")]),
        # A month of a relative year.
        ("去年12月，去年12月5日。", "zh", [("去年12月", "2019-12-01", "month"), ("去年12月5日", "2019-12-05", "day")]),
        # "Every Monday" is no date, nor "Today" of a news app's name.
        ("每周一开会，今日头条报道。", "zh", []),
        ("昨日、先週の火曜日に爆発があった。", "ja",
         [("昨日", "2020-03-10", "day"), ("先週の火曜日", "2020-03-03", "day")]),
        # Korean glues particles on ("어제는"); "지난 금요일" is the last Friday.
        ("경찰은 어제는 지난 금요일, 3일 전이라고 밝혔다.", "ko",
         [("어제", "2020-03-10", "day"), ("지난 금요일", "2020-03-06", "day"), ("3일 전", "2020-03-08", "day")]),
    ],
)  # fmt: skip
def test_relative_dates(text: str, language: str, expected: list[tuple[str, str, str]]) -> None:
    assert _dates(text, language) == expected


def test_no_relative_date_without_a_publication_date() -> None:
    assert time_expressions("警方昨天表示", "zh", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("เมื่อวานนี้ ตำรวจจับกุม 3 คน", ("เมื่อวานนี้", "2020-01-07", TimePrecision.DAY)),
        ("เมื่อวันจันทร์ มีผู้เสียชีวิต 5 ราย", ("วันจันทร์", "2020-01-06", TimePrecision.DAY)),
        ("นายกฯ จะเดินทางในวันจันทร์หน้า", ("วันจันทร์หน้า", "2020-01-13", TimePrecision.DAY)),
        ("นายกฯ จะเดินทางในวันจันทร์", ("วันจันทร์", "2020-01-13", TimePrecision.DAY)),
        ("เมื่อ 3 วันก่อน เกิดเหตุระเบิด", ("3 วันก่อน", "2020-01-05", TimePrecision.DAY)),
        ("เมื่อวันพฤหัสบดีที่ผ่านมา", ("วันพฤหัสบดี", "2020-01-02", TimePrecision.DAY)),
    ],
)
def test_thai_relative_dates(text: str, expected: tuple[str, str, TimePrecision]) -> None:
    (found,) = time_expressions(text, "th", datetime(2020, 1, 8))  # a Wednesday
    assert (found.text, found.value.date().isoformat(), found.precision) == expected
