"""What a morphological dictionary says a word is: a first name, a surname, a place, an organisation.

Two registry packages ship such dictionaries with their data, offline: pymorphy3 with
OpenCorpora's Russian dictionary (390,000 lexemes; proper nouns marked Name, Surn, Patr, Geox,
Orgn, Trad) and Morfeusz 2 with SGJP, the Polish grammatical dictionary (imię, nazwisko,
nazwa_geograficzna, nazwa_organizacji…). Both know thousands of names no tagger's training text
holds ("Собянин", "Мишустин", "Kaczyński", "Wuhan"), in every inflected form. A word is looked
up by its script: Cyrillic in the Russian dictionary, Latin in the Polish one. The other
Slavic languages of the script share most of their names and much of their inflection, so
Bulgarian and Ukrainian words read there too, Czech and Slovenian ones in the Polish one; the
tagger's weights for what they say are learnt from the six languages together. Ukrainian's own
dictionary for pymorphy (pymorphy3-dicts-uk) is GPL-3.0, so it is not used.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

# The languages whose words are looked up: the two dictionaries' own and the Slavic languages
# that share their scripts' names and inflection. An English word read in the Polish dictionary
# would only say "unknown" or, worse, a Polish common word's reading.
LANGUAGES = frozenset({"bg", "cs", "pl", "ru", "sl", "uk"})

# pymorphy3's grammemes and SGJP's qualifiers for the kinds of names: the feature's values.
_RUSSIAN_KINDS = {
    "Name": "first",
    "Surn": "surname",
    "Patr": "patronymic",
    "Geox": "place",
    "Orgn": "org",
    "Trad": "brand",
}
_POLISH_KINDS = {
    "imię": "first",
    "nazwisko": "surname",
    "pseudonim": "first",
    "nazwa_geograficzna": "place",
    "człon_nazwy_geograficznej": "place-part",  # "Nowy" of "Nowy Jork"
    "nazwa_organizacji": "org",
    "nazwa_instytucji": "org",
    "nazwa_firmy": "org",
    "człon_nazwy_organizacji": "org-part",
    "człon_nazwy_instytucji": "org-part",
    "marka": "brand",
    "nazwa_święta": "event",
    "nazwa_własna": "proper",
    "człon_nazwy_własnej": "proper",
}


@lru_cache(maxsize=1)
def _russian() -> Any:
    import pymorphy3
    from pymorphy3.units import DictionaryAnalyzer

    logging.getLogger("pymorphy3").setLevel(logging.WARNING)  # it logs the dictionary's path at INFO
    # The dictionary alone: pymorphy3's guessers would read any unknown word as some noun. Its
    # DAWG C extension (dawg2, used when installed) makes a lookup about four times cheaper.
    return pymorphy3.MorphAnalyzer(lang="ru", units=[DictionaryAnalyzer()])


@lru_cache(maxsize=1)
def _polish() -> Any:
    try:
        import morfeusz2
    except ImportError:  # no wheel for this platform (pyproject.toml): Polish words read as unknown
        log.warning("morfeusz2 is not installed: the entity tagger reads Latin-script words without SGJP")
        return None
    return morfeusz2.Morfeusz(generate=False, expand_tags=False)


def _is_cyrillic(word: str) -> bool:
    return any("\u0400" <= ch <= "\u04ff" for ch in word)


def _is_latin(word: str) -> bool:
    return all(ch < "\u0250" for ch in word if ch.isalpha())


def _russian_kinds(word: str) -> frozenset[str]:
    tags = _russian().tag(word.lower())  # tags alone: about half the cost of full parses
    if not tags:
        return frozenset({"unknown"})
    kinds: set[str] = set()
    for tag in tags:
        named = tag.grammemes & _RUSSIAN_KINDS.keys()
        kinds |= {_RUSSIAN_KINDS[g] for g in named} if named else {f"common:{tag.POS}"}
    return frozenset(kinds)


def _polish_kinds(word: str) -> frozenset[str]:
    analyser = _polish()
    if analyser is None:
        return frozenset()
    kinds: set[str] = set()
    for _, _, (_, _, tag, qualifiers, _) in analyser.analyse(word):
        if tag == "ign":
            return frozenset({"unknown"})
        named = {_POLISH_KINDS[q] for q in qualifiers if q in _POLISH_KINDS}
        kinds |= named or {"common:" + tag.split(":")[0]}
    return frozenset(kinds)


@lru_cache(maxsize=200_000)
def name_kinds(word: str) -> tuple[str, ...]:
    """The kinds of name a dictionary gives a word, with the part of speech of a common reading:
    "Трампа" -> ("ru:common:NOUN", "ru:surname"), "Kaczyński" -> ("pl:surname",); "…:unknown" for
    a word the dictionary does not hold; () for a word of neither script."""
    if not any(ch.isalpha() for ch in word):
        return ()
    if _is_cyrillic(word):
        prefix, kinds = "ru", _russian_kinds(word)
    elif _is_latin(word):
        prefix, kinds = "pl", _polish_kinds(word)
    else:
        return ()
    return tuple(f"{prefix}:{kind}" for kind in sorted(kinds))


# Languages whose verbs' tense and aspect the two dictionaries give (``is_future_verb``): their own.
VERB_LANGUAGES = frozenset({"pl", "ru"})


@lru_cache(maxsize=100_000)
def is_future_verb(word: str, language: str) -> bool:
    """Whether every reading the dictionary of ``language`` (Polish or Russian) gives ``word`` is a
    finite verb in the future: a perfective one's non-past form ("trafi", "проведёт", will bring,
    will hold), which no lexicon of auxiliaries catches ("будет", "będzie" are cues of their own).
    A word that may also be something else ("примет": will take, or of signs) is not."""
    if language == "ru" and _is_cyrillic(word):
        tags = _russian().tag(word.lower())
        return bool(tags) and all(tag.POS == "VERB" and "futr" in tag.grammemes for tag in tags)
    if language == "pl" and _is_latin(word) and (analyser := _polish()) is not None:
        tags = [tag for _, _, (_, _, tag, _, _) in analyser.analyse(word.lower())]
        return bool(tags) and all(tag.startswith("fin:") and tag.endswith(":perf") for tag in tags)
    return False


@lru_cache(maxsize=100_000)
def is_adjective_only(word: str, language: str) -> bool:
    """Whether every reading the Polish or Russian dictionary gives ``word`` is an adjective or an
    adjectival participle ("wykonanych", "российских", "проведенных"; not "miało", had, nor
    "znanych", which may be a noun): a word before the head noun of what a number counts."""
    if language == "ru" and _is_cyrillic(word):
        tags = _russian().tag(word.lower())
        return bool(tags) and all(tag.POS in ("ADJF", "PRTF") for tag in tags)
    if language == "pl" and _is_latin(word) and (analyser := _polish()) is not None:
        tags = [tag for _, _, (_, _, tag, _, _) in analyser.analyse(word.lower())]
        return bool(tags) and all(tag.startswith(("adj", "ppas", "pact")) for tag in tags)
    return False


@lru_cache(maxsize=100_000)
def is_noun_only(word: str, language: str) -> bool:
    """Whether every reading the Polish or Russian dictionary gives ``word`` is a noun ("проектов",
    "projektów"; not "военных", "polskich", which may be adjectives)."""
    if language == "ru" and _is_cyrillic(word):
        tags = _russian().tag(word.lower())
        return bool(tags) and all(tag.POS == "NOUN" for tag in tags)
    if language == "pl" and _is_latin(word) and (analyser := _polish()) is not None:
        tags = [tag for _, _, (_, _, tag, _, _) in analyser.analyse(word.lower())]
        return bool(tags) and all(tag.startswith(("subst", "depr")) for tag in tags)
    return False


@lru_cache(maxsize=100_000)
def may_be_genitive(word: str, language: str) -> bool:
    """Whether the Polish or Russian dictionary reads ``word`` as a noun, adjective or participle
    in the genitive in any of its readings ("выборов", "голосования", "wyborów"; not "сторонники",
    "действующий", "сообщалось"): the word after "накануне" that says what it is the eve of."""
    if language == "ru" and _is_cyrillic(word):
        return any(
            tag.POS in ("NOUN", "ADJF", "PRTF") and "gent" in tag.grammemes for tag in _russian().tag(word.lower())
        )
    if language == "pl" and _is_latin(word) and (analyser := _polish()) is not None:
        tags = [tag for _, _, (_, _, tag, _, _) in analyser.analyse(word.lower())]
        return any(tag.startswith(("subst", "depr", "adj", "ppas", "pact")) and ":gen" in tag for tag in tags)
    return False
