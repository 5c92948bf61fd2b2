"""People's names from the US Census: who "Elizabeth Fairfield" is.

The ``names`` package (MIT) ships the 1990 US Census lists (public domain): 5,163 first names
and 88,799 surnames, each with its rank by frequency. A tagger reading a place's name in a
surname ("Elizabeth Fairfield", "Brandon Hyde") types the whole a place, and every later
"Fairfield" of the text is then pinned to the town. So the lists serve twice: as a feature of
the tagger in every language (``census_kind``: what a capitalised word is to the census), and
as a rule for English (``looks_like_full_name``): a name of two or three words that opens with
a listed first name and ends in a listed surname is a person's, unless the whole is a known
place or alias ("Hong Kong", "Virginia Beach") or its last word is a word of the English
dictionary that no frequent surname makes a name ("Rose Bowl", "Columbus Crew"; but "Sterling
Brown", "Chase Rice").
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from newsweave.analyze.entities.lemmas import is_known_word

# A surname this frequent is a surname even where it is also a word ("Brown", "King", "Day").
FREQUENT_SURNAME_RANK = 1_000


@lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-case first names of the census lists, male and female."""
    return frozenset(_read("dist.male.first")) | frozenset(_read("dist.female.first"))


@lru_cache(maxsize=1)
def surnames() -> dict[str, int]:
    """Lower-case surnames of the census list and their rank by frequency (1: Smith)."""
    return _read("dist.all.last")


def _read(name: str) -> dict[str, int]:
    ranks = {}
    for line in resources.files("names").joinpath(name).read_text(encoding="ascii").splitlines():
        fields = line.split()
        if len(fields) == 4:
            ranks[fields[0].lower()] = int(fields[3])
    return ranks


def census_kind(folded: str) -> str:
    """What the census lists make of a folded word, for the tagger: "first" (a first name),
    "sur" (a surname among the 10,000 most frequent), "rare" (a rarer one), or "" (neither)."""
    if folded in first_names():
        return "first"
    rank = surnames().get(folded)
    return "" if rank is None else "sur" if rank <= _COMMON_SURNAME_RANK else "rare"


_COMMON_SURNAME_RANK = 10_000


def looks_like_full_name(surface: str) -> bool:
    """Whether an English name of two or three capitalised words is a first name and a surname,
    with a first name, an initial or a particle between them.

    Example:
        >>> names = ("Elizabeth Fairfield", "Sterling Brown", "Rey Del Rio", "Rose Bowl", "Louis Blues",
        ...          "Georgia House Bill", "Fairfield")
        >>> [looks_like_full_name(n) for n in names]
        [True, True, True, False, False, False, False]
    """
    words = surface.split()
    if not 2 <= len(words) <= 3 or surface.isupper() or not all(w[:1].isupper() for w in words):
        return False
    last = _POSSESSIVE.sub("", words[-1])
    rank = surnames().get(last.lower())
    if words[0].lower() not in first_names() or rank is None:
        return False
    if len(words) == 3 and not _INITIAL.fullmatch(words[1]) and words[1].lower() not in first_names():
        return False  # "Georgia House Bill", "Lan Kwai Fong"
    return rank <= FREQUENT_SURNAME_RANK or not is_known_word(last.lower(), "en")


_POSSESSIVE = re.compile(r"['’]s?$")
_INITIAL = re.compile(r"[A-Z]\.?")
