from __future__ import annotations

import pytest

from newsweave.extract.code import looks_like_code
from newsweave.extract.units import has_word_units, word_units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("The mayor resigned on Monday after a week of protests.", 10),
        ("Мэр подал в отставку в понедельник.", 6),
        ("서울시는 15일 새로운 계획을 발표했다.", 5),  # Korean is spaced: eojeol count
        ("東京都は十日、新しい防災計画を発表した。", 9),  # 18 Han/kana characters, 2 a unit
        ("国家统计局周一公布的数据显示", 7),
        ("กรุงเทพมหานครประกาศแผน", 5.25),  # Thai: 4 letters a unit (the mark ุ is not one)
        ("!!! 123 --", 0),  # digits and punctuation are not words
        ("", 0),
    ],
)
def test_word_units_count_every_script(text: str, units: float) -> None:
    assert word_units(text) == pytest.approx(units)


@pytest.mark.parametrize(
    "text",
    [
        "The mayor resigned on Monday.",
        "東京都は十日、新しい防災計画を発表した。",
        "กรุงเทพมหานครประกาศแผน",
        "Мэр 東京都 ok",
        "!!! 1",
        "",
    ],
)
def test_the_floor_check_agrees_with_the_count(text: str) -> None:
    units = word_units(text)
    for floor in (0, 1, units - 0.25, units, units + 0.25, units + 1):
        assert has_word_units(text, floor) == (units >= floor), floor


def test_a_japanese_brief_weighs_like_a_latin_one() -> None:
    brief = "東京都は十日、首都直下地震に備えた新しい防災計画を発表した。" * 10  # ~300 characters
    assert word_units(brief) >= 100


@pytest.mark.parametrize(
    "line",
    [
        "/*<![CDATA[*/ if(! window.com) { window.com = {}; } /*]]>*/",
        "var disqus_shortname = 'northside'; (function() { var dsq = document.createElement('script'); })();",
        "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
        ".comment { margin: 0; padding: 4px; }",
        # the statement markers that need a ";", found from a word's start in a long line
        "In the old template the widget ran " + "inline " * 60 + "jQuery.ready(init); config: 'dark';",
        "Nothing here but words and then settings.apply(x); theme: dark; width: 3;",
    ],
)
def test_program_text_is_recognised(line: str) -> None:
    assert looks_like_code(line)


@pytest.mark.parametrize(
    "line",
    [
        "The council (led by Anne Porter) delayed the audit; the opposition objected.",
        "| 21 | Austin Dillon | 700 | 0 | 3 | 0 | 6 |",
        "Prices rose 3.5% in May, according to the statistics office.",
        "東京都は十日、新しい防災計画を発表した。",
        # a French "point-virgule" and a colon in prose are no statement
        "Sur la route M20 l'armée n'a rencontré aucune résistance ; le travail : fait par l'aviation.",
    ],
)
def test_prose_and_tables_are_not_program_text(line: str) -> None:
    assert not looks_like_code(line)
