"""How much text a page holds, measured the same way in every script.

Counting space-separated words, as for Latin text, makes a 400-character Japanese news brief
"three words long": Chinese, Japanese and Thai do not put spaces between words. A word unit is
therefore a space-separated word in spaced scripts (Latin, Cyrillic, Arabic, Korean, whose
spaces separate eojeol), and in unspaced ones a share of characters close to their average word
length: 2 Han or kana characters (Chinese words average about 1.6 characters and Japanese
morphemes about 1.7 to 2 in segmented corpora), 4 Thai, Lao, Khmer or Myanmar characters
(Thai words average about 4 characters, vowel and tone marks included). The factors are
averages, so a count is good to about a quarter either way: enough to tell a news brief (a few
hundred characters, 150+ units) from an error page or a menu (a handful of units).
"""

from __future__ import annotations

import re

# Han (with extension A and compatibility ideographs), hiragana, katakana, halfwidth katakana.
_HAN_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f]")
# Thai, Lao, Myanmar, Khmer: written without spaces between words.
_SOUTHEAST = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_UNSPACED = re.compile(f"{_HAN_KANA.pattern}|{_SOUTHEAST.pattern}")
_HAN_KANA_PER_WORD = 2
_SOUTHEAST_PER_WORD = 4


def word_units(text: str) -> int:
    """Words in spaced scripts plus characters / average word length in unspaced ones.

    Example:
        >>> word_units("The mayor resigned on Monday.")
        5
        >>> word_units("東京都は10日、新しい防災計画を発表した。")  # 17 Han/kana characters and a number
        10
        >>> word_units("รัฐบาลประกาศมาตรการใหม่")  # 4 Thai words, 23 characters
        6
    """
    if not _UNSPACED.search(text):
        return len(text.split())
    units = 0.0
    for token in text.split():
        unspaced = len(_HAN_KANA.findall(token)) / _HAN_KANA_PER_WORD
        unspaced += len(_SOUTHEAST.findall(token)) / _SOUTHEAST_PER_WORD
        rest = _SOUTHEAST.sub(" ", _HAN_KANA.sub(" ", token))
        units += unspaced + len(re.findall(r"\w+", rest)) if unspaced else 1
    return round(units)
