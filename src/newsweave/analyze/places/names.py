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

from anyascii import anyascii

_APOSTROPHES = re.compile(r"['’‘`ʻʼ′.]")
_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_/,]+")
_NON_WORD = re.compile(r"[^a-z0-9 ]")
# Arabic letter variants that spellings use interchangeably (hamza seats, alef maqsura, taa marbuta).
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": ""})


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
