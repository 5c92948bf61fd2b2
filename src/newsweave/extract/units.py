"""How much text a page holds, measured the same way in every script.

Counting space-separated words, as for Latin text, makes a 400-character Japanese news brief
"three words long": Chinese, Japanese and Thai do not put spaces between words. A word unit is
therefore a run of letters in spaced scripts (Latin, Cyrillic, Greek, Arabic, Hebrew, Korean,
whose spaces separate eojeol), and in unspaced ones a share of characters close to their average
word length: 2 Han or kana characters (Chinese words average about 1.6 characters and Japanese
morphemes about 1.7 to 2 in segmented corpora), 4 Thai, Lao, Khmer, Myanmar or Tibetan letters
(Thai words average about 4 characters). Digits and punctuation are not words: "123 !!!" holds
none. The factors are averages, so a count is good to about a quarter either way:
enough to tell a news brief (a few hundred characters, 150+ units) from an error page, a menu or
a stray byte (a handful of units).

The extractors' length floor and the pipeline's junk floor both count with this one function.
"""

from __future__ import annotations

import re

# (first, last code point, words per character) for scripts written without spaces.
_UNSPACED_SCRIPTS = (
    (0x0E00, 0x0EFF, 1 / 4),  # Thai, Lao
    (0x0F00, 0x0FFF, 1 / 4),  # Tibetan
    (0x1000, 0x109F, 1 / 4),  # Myanmar
    (0x1780, 0x17FF, 1 / 4),  # Khmer
    (0x3040, 0x30FF, 1 / 2),  # Hiragana, Katakana
    (0x31F0, 0x31FF, 1 / 2),  # Katakana extensions
    (0x3400, 0x9FFF, 1 / 2),  # CJK ideographs and extension A
    (0xF900, 0xFAFF, 1 / 2),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F, 1 / 2),  # half-width Katakana
    (0x20000, 0x3134F, 1 / 2),  # CJK extensions B-G
)
_LETTERS = re.compile(r"[^\W\d_]+")
_FIRST_UNSPACED = chr(_UNSPACED_SCRIPTS[0][0])
_ANY_UNSPACED = re.compile("[" + "".join(f"{chr(low)}-{chr(high)}" for low, high, _ in _UNSPACED_SCRIPTS) + "]")


def word_units(text: str) -> float:
    """Words in spaced scripts plus letters times words-per-letter in unspaced ones.

    Example:
        >>> word_units("The mayor resigned on Monday.")
        5.0
        >>> word_units("東京都は10日、新しい防災計画を発表した。")  # 17 Han/kana characters and a number
        8.5
        >>> word_units("!!! 123 --")
        0.0
    """
    if not _ANY_UNSPACED.search(text):  # most texts: every run of letters is one word
        return float(len(_LETTERS.findall(text)))
    return sum(_run_units(run) for run in _LETTERS.findall(text))


def has_word_units(text: str, floor: float) -> bool:
    """True when ``text`` holds at least ``floor`` word units (``word_units(text) >= floor``).

    The length floors of extraction and the pipeline ask only this, on every item: counting
    stops as soon as the floor is reached instead of running through a long article.

    Example:
        >>> has_word_units("The mayor resigned on Monday.", 5), has_word_units("!!! 123 --", 1)
        (True, False)
    """
    units = 0.0
    for match in _LETTERS.finditer(text):
        units += _run_units(match.group())
        if units >= floor:
            return True
    return units >= floor


def _run_units(run: str) -> float:
    if max(run) < _FIRST_UNSPACED:  # most runs: no character can be of an unspaced script
        return 1.0
    unspaced = sum(_unspaced_weight(ch) for ch in run)
    return unspaced if unspaced else 1.0


def _unspaced_weight(ch: str) -> float:
    code = ord(ch)
    if code < 0x0E00:
        return 0.0
    return next((weight for low, high, weight in _UNSPACED_SCRIPTS if low <= code <= high), 0.0)
