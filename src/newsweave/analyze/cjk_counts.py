"""Counts in Chinese, Japanese and Korean: the pieces of ``claims`` that read figures glued to
their counters, big units and hedges ("超过50名武装分子被打死", "3万人", "100여 명이 부상했다").

These scripts write no spaces between a number, its counter, the counted noun and the verb, so
their pieces are matched as substrings (``claim_lexicon``'s CJK tables), and Chinese words are cut
by jieba's dictionary where a noun is sought.

Example:
    >>> scale("3万人", 1), numeral_value("五十"), post_qualifier("50人以上", 3)
    ((10000.0, 2, None), 50.0, (<Qualifier.AT_LEAST: 'at_least'>, 5))
"""

from __future__ import annotations

import re

from newsweave.analyze import claim_lexicon as lex
from newsweave.analyze.entities.segmented import chinese_word_tag, chinese_words
from newsweave.records import Qualifier

# Kana, ideographs and Hangul: scripts written without spaces between a number and its counter.
# Thai too, which writes words without spaces and spaces its numbers ("มากกว่า 50 คน").
UNSPACED_LETTERS = "\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
# Japanese and Korean put the verb after its subject's number.
VERB_FINAL = frozenset({"ja", "ko"})
# Marks that end a clause: another clause's verb is not a number's.
CLAUSE_MARKS = frozenset("，,、；;。")


def noun_before(text: str, start: int) -> str | None:
    """The key of a counted noun of Chinese, Japanese or Korean right before a number (one space
    between them at most)."""
    before = text[max(0, start - 12) : start]
    before = before[:-1] if before.endswith(" ") else before
    for noun in _NOUNS_LONGEST_FIRST:
        if before.endswith(noun):
            return lex.CJK_NOUNS[noun]
    return None


def post_qualifier(text: str, end: int) -> tuple[Qualifier, int] | None:
    """A hedge after a counted thing in Chinese, Japanese or Korean, and its end."""
    at = end + 1 if text[end : end + 1] == " " else end
    for phrase, qualifier in lex.CJK_POST_QUALIFIERS.items():
        if text.startswith(phrase, at):
            return qualifier, at + len(phrase)
    return None


def scale(text: str, end: int) -> tuple[float, int, Qualifier | None]:
    """Big units and "多" glued after a figure ("3万", "1.2亿", "300多万", "5천만"): the factor,
    the new end, and the hedge "多" gives (more than), if any."""
    factor, odd = 1.0, None
    if text[end : end + 1] == " " and text[end + 1 : end + 2] in _SCALE_OR_ODD:
        end += 1  # "90 多个", as machine translation spaces the digits
    while end < len(text):
        char = text[end]
        if char in lex.CJK_SCALES:
            factor *= lex.CJK_SCALES[char]
        elif char in lex.CJK_ODD and odd is None and (char != "여" or text[end + 1 : end + 2] in (" ", "명")):
            odd = lex.CJK_ODD[char]
        else:
            break
        end += 1
    return factor, end, odd


_SCALE_OR_ODD = frozenset({*lex.CJK_SCALES, *lex.CJK_ODD} - {"여"})

_GLUED_RANGE = re.compile(rf"[-–—~～至到](?P<n2>\d+(?:\.\d+)?)(?=[{UNSPACED_LETTERS}])")


def glued_range(text: str, end: int) -> tuple[float, int] | None:
    """ "50-60人", "50至60名": the second figure of a range glued to its counter, and its end."""
    m = _GLUED_RANGE.match(text, end)
    if m is None:
        return None
    factor, stop, _ = scale(text, m.end())
    return float(m.group("n2")) * factor, stop


def numeral_value(numeral: str) -> float | None:
    """A Chinese or Japanese numeral in characters: 五十 50, 一百二十 120, 两千 2,000, 十二 12."""
    total, digit = 0, None
    for char in numeral:
        if char in lex.CJK_DIGITS:
            if digit is not None:
                return None  # "一二": digits in a row are a code, not a count
            digit = lex.CJK_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * lex.CJK_NUMERAL_UNITS[char]
            digit = None
    total += digit or 0
    return float(total) if total else None


def qualifier_before(window: str, window_start: int) -> tuple[str, int] | None:
    """The hedge glued before a number in Chinese, Japanese or Korean ("超过50", "至少12"), longest first."""
    for length in range(min(_LONGEST_HEDGE, len(window)), 0, -1):
        if window[-length:] in lex.CJK_QUALIFIERS:
            return window[-length:], window_start + len(window) - length
    return None


_LONGEST_HEDGE = max(len(h) for h in lex.CJK_QUALIFIERS)


UNITS_LONGEST_FIRST = sorted(lex.CJK_UNITS, key=len, reverse=True)

_NOUNS_LONGEST_FIRST = sorted(lex.CJK_NOUNS, key=len, reverse=True)

_NOUN_REACH = 6  # characters after the counter within which its noun is sought ("50名美国士兵")


def chinese_noun(run: str) -> str | None:
    """The first word of a run of Chinese if jieba's dictionary calls it a noun ("弹壳"), not a
    verb or an adjective ("成立", "主要")."""
    a, b = chinese_words(run)[0]
    word = run[a:b]
    tag = chinese_word_tag(word) or ""
    return word if len(word) >= 2 and (tag.startswith("n") or tag == "vn") else None


def noun_after_counter(run: str) -> tuple[str, int] | None:
    """The counted noun a few characters after the counter at ``run[0]``, before any verb: its key
    and end in ``run``."""
    for at in range(1, min(len(run), _NOUN_REACH + 1)):
        if any(run.startswith(action, at) for action in lex.CJK_ACTIONS):
            return None  # "8人死亡": the verb follows the counter; nothing else was counted
        for noun in _NOUNS_LONGEST_FIRST:
            if run.startswith(noun, at):
                return lex.CJK_NOUNS[noun], at + len(noun)
    return None


def nearest_action(
    text: str, lo: int, hi: int, start: int, end: int, best: tuple[int, str] | None, *, verb_final: bool = False
) -> tuple[int, str] | None:
    """The nearest action glued into Chinese, Japanese or Korean text ("50人死亡"), or ``best``.
    ``verb_final`` (Japanese, Korean): a verb after the number is its own, before one nearer
    behind it ("최소 50명이 사망하고 100여 명이 부상했다": the hundred were wounded)."""
    window = text[lo:hi]
    if verb_final and (after := nearest_action(text, end, hi, start, end, None)) is not None:
        return after
    for word, key in lex.CJK_ACTIONS.items():
        for found in re.finditer(re.escape(word), window):
            at, stop = lo + found.start(), lo + found.end()
            distance = start - stop if stop <= start else at - end
            gap = text[stop:start] if stop <= start else text[end:at]
            if any(mark in gap for mark in CLAUSE_MARKS):
                continue  # "有1,500人参加，至少12人受伤": the other clause's verb
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, key)
    return best
