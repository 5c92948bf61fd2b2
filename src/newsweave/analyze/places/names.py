"""Folding place names so that spellings, cases, diacritics and scripts meet.

"Abu-Kemal", "Абу-Кемаль" and "ABU KEMAL" all fold to ``"abu kemal"``; "Deir ez-Zor" to
``"deir ez zor"``; "U.S." to ``"us"``. Every script is transliterated to Latin, so a
gazetteer name and a mention meet whichever script either is written in, while names written
in a script (Arabic, Chinese) still match their own alternate names exactly. Transliteration is
anyascii's (ISC licence).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from anyascii import anyascii

from newsweave.analyze.entities.text import MARKS, in_own_letters

_APOSTROPHES = re.compile(r"['’‘`ʻʼ′.]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")
# Arabic letter variants that spellings use interchangeably (hamza seats, alef maqsura, taa marbuta).
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": ""})


_VOWEL_SIGNS = re.compile(r"[\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed]")


@lru_cache(maxsize=65536)  # the same tokens recur in every article
def fold(text: str) -> str:
    """Fold a name to lowercase Latin letters and digits separated by single spaces.

    Example:
        >>> fold("Абу-Кемаль"), fold("Deir ez-Zor"), fold("U.S."), fold("Saint-Étienne")
        ('abu kemal', 'deir ez zor', 'us', 'saint etienne')
    """
    if text.isascii():  # most names in most news: NFKC and transliteration leave ASCII as it is
        text = text.casefold()
    else:
        text = anyascii(unicodedata.normalize("NFKC", text).translate(_ARABIC)).casefold()
    text = _APOSTROPHES.sub("", text)
    text = _SEPARATORS.sub(" ", text)
    return " ".join(_NON_WORD.sub("", text).split())


@lru_cache(maxsize=65536)
def native(text: str) -> str | None:
    """A name in an abjad, an Indic script or in ideographs, kana or Hangul, in its own letters
    (an abjad's vowel signs, spaces and hyphens dropped, Arabic letter variants unified); None for
    any other script.

    Folding to Latin keeps only the consonants an abjad writes and one reading of each
    ideograph, so words and names of different letters fold alike: "الوطن" (the homeland) and
    "لوتن" (Luton) both to "lwtn". The spotter checks such a name in its own letters too.

    Example:
        >>> native("البو كمال") == native("البوكمال"), native("北京"), native("Abu Kamal")
        (True, '北京', None)
    """
    if not in_own_letters(text):  # entities.text: the scripts whose folding says too little
        return None
    letters = _VOWEL_SIGNS.sub("", unicodedata.normalize("NFKC", text).translate(_ARABIC))
    # An Indic script writes its vowels as signs on the consonants: they are part of the word.
    return "".join(ch for ch in letters if ch.isalpha() or _VOWEL_MARK.match(ch))


_VOWEL_MARK = re.compile(f"[{MARKS}]")


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


@lru_cache(maxsize=2)
def _opencc(config: str) -> Any:
    import opencc  # a C++ extension, loaded only for Chinese

    return opencc.OpenCC(config)


def simplified(text: str) -> str:
    """Chinese text in simplified characters (OpenCC's tables: ``opencc``, Apache-2.0).

    Example:
        >>> simplified("臺北與紐約")
        '台北与纽约'
    """
    return _opencc("t2s").convert(text) if _HAN.search(text) else text


def chinese_spellings(letters: str) -> set[str]:
    """A name in Chinese characters in both its simplified and traditional spelling.

    GeoNames often lists a city under one of the two only (New York as 紐約, not 纽约); news in
    mainland China writes the first, in Taiwan and Hong Kong the second. OpenCC's tables know
    names as well as words.
    """
    if not _HAN.search(letters):
        return {letters}
    return {letters, simplified(letters), _opencc("s2t").convert(letters)}
