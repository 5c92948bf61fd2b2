"""Choosing among same-named places by their context.

Every distinct name in an article is resolved once (one sense per discourse), by a score that
adds up, for each candidate:

- its prominence: log population, and its kind (a country or first-level division before a
  town of the same name, a county after it);
- the support of the article's other places: the share of them in the candidate's country, in
  its first-level division and in its county, and how near the nearest of them is (names in one
  article tend to lie close together, so the spread is kept small). Each other name lends its
  weight to all its readings, in proportion to its belief in each, so two names that are each
  other's best company ("Huntsville" and "Walker County", both in Texas) find each other even
  when neither is its name's most prominent reading;
- the others' share in the countries bordering the candidate's ("Gaza" beside "Israel");
- an explicit qualifier: "Paris, Texas", "Springfield, Ill.", "Paris (France)";
- places passed as context (the story's, or the home division of the article's outlet,
  ``places.outlets``), counted as extra places of the article, with their divisions.

The beliefs of the names feed each other, so the score is recomputed a few times from
prominence alone towards agreement. A name whose best candidate does not beat a rival more than
100 km away by a clear margin stays unresolved: a named mention, never a wrong pin. A name
found only by its spelling, or only by a recogniser untrained in the language, is pinned only
beside another place of the article in its country when the article names others.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import numpy as np

from newsweave.analyze.places.abbreviations import admin1_code
from newsweave.analyze.places.gazetteer import (
    ADMIN1,
    ADMIN2,
    CAPITAL,
    CONTINENT,
    COUNTRY,
    Entry,
    Gazetteer,
    distance_km,
    neighbours,
)
from newsweave.analyze.places.names import fold
from newsweave.analyze.places.toponyms import FUZZY_RATIO, Toponym, country_names, known_in_its_letters
from newsweave.records import Place

MAX_CANDIDATES = 60
DOMINANT_TOWN_SHARE = 0.5
RIVAL_KM = 100.0
# A town under this many people is read as a namesake world city (a national capital, or a city of
# WORLD_CITY or more) when nothing but its country backs it (``_world_city``).
SMALL_TOWN = 100_000
WORLD_CITY = 1_000_000

# Two world cities within this of each other are read together ("Paris and Rome", "Moscow and Kyiv").
_WORLD_CITIES_NEAR_KM = 3000.0
_QUALIFIER = re.compile(r"\s*(?:,|\()\s*((?:[A-Z][a-z]?\.){2,}|[A-Z][a-z]{1,4}\.|[A-Z]{2}\b)")
_FEATURE_PRIOR = {CONTINENT: 1.0, COUNTRY: 1.0, ADMIN1: 0.6, CAPITAL: 0.3, ADMIN2: -0.1}


@dataclass(frozen=True, slots=True)
class Weights:
    """The score's weights and the confidence rule (chosen on held-out halves; see eval.places)."""

    population: float = 1.0
    feature: float = 1.0
    country: float = 1.0
    admin1: float = 1.0
    admin2: float = 2.0
    near: float = 0.6
    qualifier: float = 3.0
    # The other names' share in the countries bordering a candidate's: "Gaza" beside "Israel" is
    # Palestine's, not Mozambique's province.
    neighbour: float = 0.5
    near_km: float = 250.0
    min_margin: float = 0.05
    # A spotted name whose best candidate is a village this small, with no support from the
    # article, is more likely a word than a place: dropped rather than kept as a mention.
    min_unsupported_population: int = 5000
    # A town smaller than this, in a country none of the article's other places is in (nor
    # qualified), is left unpinned: "Arab" (Alabama, 8,000 people) in a report on Syria and Iraq.
    # Chosen on the dev halves (places ingest stores): LGL pins without a gold toponym 396 -> 365,
    # wrong 134 -> 133, right 1,972 -> 1,971; TR-News 64 -> 59, 17 -> 16, 408 kept (20,000: 381 and
    # 61, none right lost; 100,000 loses gold-span accuracy on TR-News, 0.901 -> 0.895).
    min_unwitnessed_population: int = 50_000
    rounds: int = 3
    # How sharply a name's score picks its reading when it lends support to the others: the
    # support of a name is spread over its readings by softmax(score / temperature), so an
    # ambiguous name backs each of its readings a little rather than only its first guess.
    temperature: float = 0.3


@dataclass(slots=True)
class _Group:
    """One distinct name of the article and its occurrences."""

    key: str
    toponyms: list[Toponym]
    candidates: list[Entry]
    fuzzy: bool = False
    qualifiers: set[str] = field(default_factory=set)  # country codes and admin1 keys
    pick: int = 0
    confidence: float = 0.0
    supported: bool = False
    witnessed: bool = False  # another place of the article (or a qualifier) backs the pick, or there is none
    qualifies: bool = False  # it places the name before it ("Spokane, Washington")
    prior: np.ndarray = field(default_factory=lambda: np.zeros(0))
    probs: np.ndarray = field(default_factory=lambda: np.ones(1))  # belief over the candidates
    points: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # candidates' radians and areas, for _nearness

    @property
    def mass(self) -> int:
        return len(self.toponyms)


def resolve(
    gazetteer: Gazetteer,
    text: str,
    toponyms: Sequence[Toponym],
    context: Sequence[Place] = (),
    weights: Weights | None = None,
    language: str | None = None,
) -> list[Place]:
    """Places for ``toponyms`` of ``text`` (in ``language``; None: English), resolved against each
    other and ``context``."""
    w = weights or Weights()
    groups = _groups(gazetteer, toponyms, language or "en")
    _find_qualifiers(gazetteer, text, groups)
    _iterate(groups, [(place, _divisions(gazetteer, place)) for place in context], w)
    return _places(groups, w)


def _groups(gazetteer: Gazetteer, toponyms: Sequence[Toponym], language: str) -> list[_Group]:
    by_key: dict[tuple[str, str | None], _Group] = {}
    for toponym in toponyms:
        key = (toponym.key, toponym.code)
        if key not in by_key:
            by_key[key] = _candidates(gazetteer, toponym, language)
        by_key[key].toponyms.append(toponym)
    return list(by_key.values())


def _candidates(gazetteer: Gazetteer, toponym: Toponym, language: str) -> _Group:
    if toponym.code:
        fixed = gazetteer.division(toponym.code) or gazetteer.country(toponym.code)
        return _Group(toponym.key, [], [fixed] if fixed else [])
    if toponym.curated or (toponym.from_ner and not known_in_its_letters(gazetteer, toponym.text)):
        # A curated place without a GeoNames id (the White House, not the town in Tennessee), or a
        # recogniser's name in Arabic or Chinese letters that no place bears ("الأمن", security,
        # was Oman; 白宫, the White House, a Japanese town read alike): named, not pinned.
        return _Group(toponym.key, [], [])
    found = _readings(gazetteer.lookup(toponym.key, toponym.text), toponym, language)
    fuzzy = False
    if not found and not _joined_places(gazetteer, toponym.key):
        found, fuzzy = gazetteer.lookup_spelling(toponym.key, FUZZY_RATIO), True
    found.sort(key=lambda e: -e.population)
    return _Group(toponym.key, [], found[:MAX_CANDIDATES], fuzzy=fuzzy)


_INITIALISM = re.compile(r"[A-Z]{2,3}")


def _joined_places(gazetteer: Gazetteer, key: str) -> bool:
    """Whether a name is countries' or states' names joined ("China-Iran" ties, "US-Iran"
    tensions): no misspelling of one place (it met Chenārān, Iran, by its letters)."""
    words = key.split(" ")
    return len(words) > 1 and all(gazetteer.has_feature(word, (COUNTRY, CONTINENT, ADMIN1)) for word in words)


def _readings(found: list[Entry], toponym: Toponym, language: str) -> list[Entry]:
    """The entries a name can mean, less three misreadings.

    - An initialism is not a town that happens to be spelt with its letters: "EU" is not Eu in
      Normandy, nor "IS" a village called Is; it can still be a place named so in capitals or by
      an alias ("UAE", "NYC").
    - A country's alternate name that is the very name of one of its own first-level divisions
      means the division: "England" is England, not the United Kingdom it is an alias of in
      some sources (as "Scotland" and "Wales" already were).
    - A country read by a name that is none of its names in the article's language or in
      English, where a place bears that name as its own, is that place: "Columbia" (an old
      name of Colombia) is Columbia, South Carolina or Missouri, in English; in Romanian, whose
      name for Colombia it is, the country.
    """
    if _INITIALISM.fullmatch(toponym.text):
        found = [e for e in found if fold(e.name) != toponym.key or e.name.isupper()]
    own = {e.country for e in found if e.feature == ADMIN1 and fold(e.name) == toponym.key}
    if own:
        found = [e for e in found if not (e.feature == COUNTRY and e.country in own and fold(e.name) != toponym.key)]
    spelt = "".join(c for c in toponym.text if c.isalpha()).isupper()  # "U.S.", "UK": the country's letters
    if not spelt and any(e.feature != COUNTRY and fold(e.name) == toponym.key for e in found):
        found = [e for e in found if e.feature != COUNTRY or _country_named_so(e, toponym.key, language)]
    return found


def _country_named_so(country: Entry, key: str, language: str) -> bool:
    """Whether ``key`` may be the country's name here: not a near-spelling of its name in
    ``language`` or in English ("Columbia" of Colombia, "Chili" of Chile). A name unlike those
    ("Palestine" beside "Palestinian Territories", "Burma") is an other name of the country."""
    names = (fold(country.name), *country_names(country.country, language))
    if any(name.startswith(key) for name in names):
        return True
    return all(SequenceMatcher(None, key, name).ratio() < NEAR_SPELLING for name in names)


# A country's name this alike to a written name, yet not it, is a misspelling or an old form of
# it ("Columbia" and "Colombia" 0.875, "Chili" and "Chile" 0.8).
NEAR_SPELLING = 0.75


def _find_qualifiers(gazetteer: Gazetteer, text: str, groups: list[_Group]) -> None:
    """Record "X, Texas" / "X, Ill." / "X (France)": the division or country right after a name."""
    starts = {t.start: g for g in groups for t in g.toponyms}
    for group in groups:
        for toponym in group.toponyms:
            after = text[toponym.end : toponym.end + 3]
            stripped = after.lstrip(" ,(")
            if after[:1] in ",(" or after[:2] in (", ", " ("):
                nxt = starts.get(toponym.end + len(after) - len(stripped))
                if nxt is not None and nxt is not group and (placed := _placed_in(group, nxt)):
                    group.qualifiers |= placed
                    nxt.qualifies = True
            match = _QUALIFIER.match(text, toponym.end)
            if match:
                code = admin1_code(match.group(1)) or f"US.{match.group(1)}"  # "Ill." or a postal "IL"
                if code in gazetteer.admin1:
                    group.qualifiers.add(code)


def _placed_in(group: _Group, after: _Group) -> set[str]:
    """The divisions and countries the name right after a name places it in ("X, Texas").

    A country's or a continent's name followed by a country's is a list, not the country's
    namesake town placed in the other: "Asia-Pacific (China, Japan, Korea, India…)" pinned
    China to a Japanese town of 6,000. A state still places such a name ("Mexico, Missouri"),
    and a country places a state named like a country ("Georgia, USA").
    """
    states = {e.admin1 for e in after.candidates if e.feature == ADMIN1}
    countries = {e.country for e in after.candidates if e.feature == COUNTRY}
    if any(e.feature in (COUNTRY, CONTINENT) for e in group.candidates):
        countries &= {e.country for e in group.candidates if e.feature == ADMIN1}
    return states | countries


def _divisions(gazetteer: Gazetteer, place: Place) -> tuple[str, str]:
    """The first- and second-level divisions of a place of context (a pin keeps only its
    GeoNames id): a division of context backs the candidates inside it, as the article's own do."""
    entry = gazetteer.pinned(place.name, place.geonames_id)
    return (entry.admin1, entry.admin2) if entry is not None else ("", "")


Context = Sequence[tuple[Place, tuple[str, str]]]  # places of context with their divisions


def _iterate(groups: list[_Group], context: Context, w: Weights) -> None:
    for group in groups:
        group.prior = _prior(group, w)
        group.probs = _softmax(group.prior, w.temperature) if group.candidates else np.zeros(0)
    rounds = [_RoundSupport.of(groups, context)]
    for round_ in range(w.rounds + 1):
        support = rounds[-1] if round_ else None
        for gi, group in enumerate(groups):
            if len(group.candidates) < 2:
                group.pick, group.confidence, group.probs = 0, 1.0, np.ones(len(group.candidates))
                continue
            scores = group.prior + (support.scores(gi, group, w) if support is not None else 0.0)
            order = np.argsort(-scores)
            group.pick = _prefer_city(group.candidates, int(order[0]), group.key)
            group.confidence = _confidence(group, scores, order)
            group.probs = _softmax(scores, w.temperature)
        if round_ < w.rounds:
            rounds.append(_RoundSupport.of(groups, context))
    final = rounds[-1]
    for gi, group in enumerate(groups):
        group.pick = _namesake_capital(group, final, gi)
        group.pick = _world_city(groups, final, gi, w)
    _world_cities_together(groups)
    for gi, group in enumerate(groups):
        others = final.total - final.own_mass[gi] > 0
        share = final.country_share(gi, group) if group.candidates else 0.0
        group.witnessed = bool(group.candidates) and (share > 0.0 or not others or _qualified(group))
        group.supported = bool(group.candidates) and _has_support(group, share, others, w)


def _softmax(scores: np.ndarray, temperature: float) -> np.ndarray:
    z = np.exp((scores - scores.max()) / max(temperature, 1e-6))
    return np.asarray(z / z.sum(), dtype=float)


def _prior(group: _Group, w: Weights) -> np.ndarray:
    """The part of the score that does not depend on the other names: prominence and qualifiers."""
    cands = group.candidates
    pop = np.array([min(math.log10(e.population + 1) / 7.0, 1.2) for e in cands])
    feat = np.array([_FEATURE_PRIOR.get(e.feature, 0.0) for e in cands])
    qual = np.array([1.0 if (e.admin1 in group.qualifiers or e.country in group.qualifiers) else 0.0 for e in cands])
    return np.asarray(w.population * pop + w.feature * feat + w.qualifier * qual, dtype=float)


@dataclass(slots=True)
class _RoundSupport:
    """What every name's current belief says: countries, divisions and points, by owner.

    A name lends its occurrences to its readings in proportion to its belief in each, so a
    reading is backed by the readings of the others that agree with it ("Huntsville" in Walker
    County, Texas backs the Texan Walker County even while Alabama's Huntsville leads). A name's
    own contribution is taken out when it is scored, so a name never supports itself.
    """

    countries: dict[str, float]
    admin1: dict[str, float]
    admin2: dict[str, float]
    total: float
    own_mass: list[float]
    lats: np.ndarray  # radians
    lons: np.ndarray
    owners: np.ndarray  # the group each point comes from; -1 for the story's context

    @classmethod
    def of(cls, groups: list[_Group], context: Context) -> _RoundSupport:
        countries: dict[str, float] = defaultdict(float)
        admin1: dict[str, float] = defaultdict(float)
        admin2: dict[str, float] = defaultdict(float)
        lats, lons, owners, own_mass = [], [], [], []
        total = 0.0
        for gi, group in enumerate(groups):
            if not group.candidates:
                own_mass.append(0.0)
                continue
            mass = float(group.mass)
            own_mass.append(mass)
            total += mass
            for entry, p in zip(group.candidates, group.probs.tolist(), strict=True):  # floats: numpy scalars cost more
                if p < 1e-3:
                    continue
                share = mass * float(p)
                countries[entry.country] += share
                if entry.admin1:
                    admin1[entry.admin1] += share
                if entry.admin2:
                    admin2[entry.admin2] += share
            pick = group.candidates[group.pick]
            if pick.feature not in (COUNTRY, CONTINENT) and group.confidence > 0.5:
                lats.append(pick.lat)
                lons.append(pick.lon)
                owners.append(gi)
        for place, (in_admin1, in_admin2) in context:
            total += 1.0
            if place.country:
                countries[place.country] += 1.0
            if in_admin1:
                admin1[in_admin1] += 1.0
            if in_admin2:
                admin2[in_admin2] += 1.0
            if place.lat is not None and place.lon is not None and place.feature not in (COUNTRY, CONTINENT):
                lats.append(place.lat)
                lons.append(place.lon)
                owners.append(-1)
        points = np.radians(np.array([lats, lons], dtype=float).reshape(2, -1))
        return cls(countries, admin1, admin2, total, own_mass, points[0], points[1], np.array(owners, dtype=int))

    def country_share(self, gi: int, group: _Group) -> float:
        """The share of the other names (by occurrences and belief) in the country of the pick."""
        country = group.candidates[group.pick].country
        rest = max(self.total - self.own_mass[gi], 1.0)
        own = self.own_mass[gi] * float(sum(p for e, p in zip(group.candidates, group.probs.tolist(), strict=True)
                                            if e.country == country))  # fmt: skip
        return max(0.0, min(1.0, (self.countries.get(country, 0.0) - own) / rest))

    def scores(self, gi: int, group: _Group, w: Weights) -> np.ndarray:
        """The context part of each candidate's score."""
        cands = group.candidates
        rest = max(self.total - self.own_mass[gi], 1.0)
        scores = (
            w.country * self._share(self.countries, [e.country for e in cands], gi, group, rest)
            + w.admin1 * self._share(self.admin1, [e.admin1 for e in cands], gi, group, rest)
            + w.admin2 * self._share(self.admin2, [e.admin2 for e in cands], gi, group, rest)
        )
        if w.neighbour:
            scores += w.neighbour * self._neighbour_share([e.country for e in cands], gi, group, rest)
        others = self.owners != gi
        if others.any():
            if group.points is None:  # the same every round: read once
                group.points = _points(cands)
            scores += w.near * _nearness(group.points, self.lats[others], self.lons[others], w.near_km)
        return np.asarray(scores, dtype=float)

    def others_in_division(self, gi: int, group: _Group, admin1: str) -> float:
        """The other names' mass (by occurrences and belief) in the first-level division ``admin1``."""
        own = self._own([e.admin1 for e in group.candidates], gi, group)[admin1]
        return self.admin1.get(admin1, 0.0) - own

    def _neighbour_share(self, countries: list[str], gi: int, group: _Group, rest: float) -> np.ndarray:
        """Per candidate: the others' mass in the countries bordering the candidate's, over theirs."""
        borders = neighbours()
        own = self._own(countries, gi, group)
        shares = []
        for country in countries:
            mass = sum(self.countries.get(n, 0.0) - own[n] for n in borders.get(country, ()))
            shares.append(min(max(mass / rest, 0.0), 1.0))
        return np.array(shares)

    def _own(self, keys: list[str], gi: int, group: _Group) -> defaultdict[str, float]:
        """The name's own mass on each of its candidates' keys (countries, divisions), by belief."""
        own: defaultdict[str, float] = defaultdict(float)
        for key, p in zip(keys, group.probs.tolist(), strict=True):
            own[key] += self.own_mass[gi] * float(p)
        return own

    def _share(self, totals: dict[str, float], keys: list[str], gi: int, group: _Group, rest: float) -> np.ndarray:
        """Per candidate: the others' mass on the candidate's key (its own name's taken out), over theirs."""
        own = self._own(keys, gi, group)
        # Clipped to [0, 1] as the values are made: np.clip on a few values costs more than the rest.
        return np.array([min(max((totals.get(k, 0.0) - own[k]) / rest, 0.0), 1.0) if k else 0.0 for k in keys])


def _points(cands: list[Entry]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The candidates' latitudes and longitudes (radians, as columns), and which are countries or continents."""
    lat = np.radians(np.array([e.lat for e in cands]))[:, None]
    lon = np.radians(np.array([e.lon for e in cands]))[:, None]
    return lat, lon, np.array([e.feature in (COUNTRY, CONTINENT) for e in cands])


def _nearness(
    points: tuple[np.ndarray, np.ndarray, np.ndarray], lats: np.ndarray, lons: np.ndarray, scale_km: float
) -> np.ndarray:
    """exp(-d / scale) for the distance d from each candidate (``_points``) to the nearest other place."""
    lat, lon, area = points
    a = np.sin((lats - lat) / 2) ** 2 + np.cos(lat) * np.cos(lats) * np.sin((lons - lon) / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    near = np.exp(-km.min(axis=1) / scale_km)
    return np.where(area, 0.0, near)  # a country is near everything in it; it gains by share instead


def _prefer_city(cands: list[Entry], pick: int, key: str = "") -> int:
    """The city a division is named after, rather than the division ("Deir ez-Zor", "Moscow", "Homs").

    GeoNames often has a governorate or federal city and its main town under one name; a
    mention means the town when the town dominates the division, holding at least half of the
    people of its towns. "New York" (the city holds under a third of the state's) stays the
    state, as news mostly means it; "Texas" has no such town at all. A town also wins where the
    name is its own and the division's is another ("Stuttgart" is the city, not the "Regierungsbezirk
    Stuttgart" of 4 million GeoNames also calls so; "Valencia" not the "Comunidad Valenciana").
    """
    division = cands[pick]
    if division.feature not in (ADMIN1, ADMIN2):
        return pick
    own = fold(division.name)
    # A generic word before the name ("Regierungsbezirk", "Bezirk", "Nomós"), or another word:
    # not "Veracruz de Ignacio de la Llave", whose head the name is, and which news means.
    short_form = bool(key) and own != key and not own.startswith(key + " ")
    for index, entry in enumerate(cands):
        inside = entry.admin1 == division.admin1 if division.feature == ADMIN1 else entry.admin2 == division.admin2
        dominant = entry.population >= DOMINANT_TOWN_SHARE * division.population
        if entry.feature.startswith("P.") and inside and (dominant or (short_form and fold(entry.name) == key)):
            return index
    return pick


def _namesake_capital(group: _Group, support: _RoundSupport, gi: int) -> int:
    """The pick, or the national capital that shares its name with the division picked when
    nothing else of the article lies in that division and the name places no other.

    A bare "Washington" in news is the capital (LGL's gold: 25 of 27), but the state has more
    people and a division's prior, and won wherever no other US place lent the capital its
    nearness; the state stays for "Spokane, Washington" and beside Seattle.
    """
    if not group.candidates or group.qualifies:
        return group.pick
    division = group.candidates[group.pick]
    if division.feature != ADMIN1:
        return group.pick
    cands = group.candidates
    capital = next((i for i, e in enumerate(cands) if e.feature == CAPITAL and e.country == division.country), None)
    if capital is None:
        return group.pick
    return capital if support.others_in_division(gi, group, division.admin1) <= 1e-9 else group.pick


def _believed(groups: list[_Group], gi: int, min_belief: float = 0.03) -> list[Entry]:
    """The readings of the other names than ``gi``'s that their belief gives at least ``min_belief``
    (0.03: "Enfield Town" at 0.04 beside "Edmonton" in a north London paper keeps Edmonton there;
    0.1 sent it to Alberta, TR-News' development half)."""
    return [
        entry
        for i, group in enumerate(groups)
        if i != gi and group.candidates
        for entry, p in zip(group.candidates, group.probs.tolist(), strict=True)
        if p >= min_belief
    ]


def _world_readings(group: _Group) -> list[int]:
    """The world cities (a national capital, or a city of ``WORLD_CITY`` people, ten times the
    town's size at least) abroad that share a name with the small town ``group`` picked."""
    if not group.candidates or group.qualifies or _qualified(group):
        return []
    town = group.candidates[group.pick]
    if not town.feature.startswith("P.") or town.population >= SMALL_TOWN:
        return []
    return [
        i
        for i, e in enumerate(group.candidates)
        if e.country != town.country
        and e.feature.startswith("P.")
        and (e.feature == CAPITAL or e.population >= WORLD_CITY)
        and e.population >= max(SMALL_TOWN, 10 * town.population)  # not Plymouth, Montserrat's empty capital
    ]


def _world_cities_together(groups: list[_Group]) -> None:
    """Small towns picked for two names or more that each share with a world city near the
    other's world city become those cities: "the governor of Illinois visited Paris and Rome" is
    no trip to Paris (8,000 people) and Rome (1,700), Illinois, though the state backs both. One
    name alone keeps its town (``_world_city`` decides it), and a qualifier keeps it ("Paris, Ill.").
    Rome and Athens, Georgia, stay: Athens there is no small town."""
    worlds = {gi: best for gi, group in enumerate(groups) if (best := _world_readings(group))}
    if len(worlds) < 2:
        return
    cities = {gi: max(found, key=lambda i: groups[gi].candidates[i].population) for gi, found in worlds.items()}
    entries = {gi: groups[gi].candidates[i] for gi, i in cities.items()}
    for gi, city in cities.items():
        mine = entries[gi]
        if any(e.geonames_id != mine.geonames_id and _km(mine, e) <= _WORLD_CITIES_NEAR_KM for e in entries.values()):
            groups[gi].pick = city


def _world_city(groups: list[_Group], support: _RoundSupport, gi: int, w: Weights) -> int:
    """The pick, or the world city (a national capital, or a city of ``WORLD_CITY`` people, ten
    times the town's size at least) that shares its name with the small town picked, when the
    article backs that town by its country alone: no other name of it lies in the town's state
    (``others_in_division``), none of the readings its other names believe even a little
    (``_believed``, gathered only for such a town) lies there or within ``near_km``, and no
    qualifier places it. A German report
    datelined "London." on the Rolling Stones and a rally in Tulsa is London's, not London, Ohio's
    (10,000 people, 1,300 km from Tulsa); "Amsterdam, in Montgomery County" stays in New York."""
    group = groups[gi]
    world = _world_readings(group)
    if not world:
        return group.pick
    town = group.candidates[group.pick]
    if support.others_in_division(gi, group, town.admin1) > 1e-9:
        return group.pick
    for other in _believed(groups, gi):
        if other.feature in (COUNTRY, CONTINENT):
            continue
        if (town.admin1 and other.admin1 == town.admin1) or _km(town, other) <= w.near_km:
            return group.pick
    return max(world, key=lambda i: group.candidates[i].population)


def _confidence(group: _Group, scores: np.ndarray, order: np.ndarray) -> float:
    """A squashed margin over the best rival more than ``RIVAL_KM`` away (1.0 without a rival)."""
    best = group.candidates[int(order[0])]
    for index in order[1:]:
        rival = group.candidates[int(index)]
        if _km(best, rival) > RIVAL_KM:
            margin = float(scores[int(order[0])] - scores[int(index)])
            return 1.0 - 0.5 * math.exp(-4.0 * margin)
    return 1.0


def _qualified(group: _Group) -> bool:
    return any(e.admin1 in group.qualifiers or e.country in group.qualifiers for e in group.candidates)


def _has_support(group: _Group, country_share: float, others: bool, w: Weights) -> bool:
    if _qualified(group) or country_share > 0.0:
        return True
    # Prominence alone carries a name, but not a spelling like one among places that lie
    # elsewhere: "Fire Department" is no misspelt "Fara Department" (Burkina Faso), nor
    # "Christian" an old "Christiania" (Oslo), in a report from Cairo. Alone, a name is all there is.
    best = group.candidates[group.pick]
    prominent = best.feature in (COUNTRY, CONTINENT, ADMIN1) or best.population >= w.min_unsupported_population
    return prominent and not (group.fuzzy and others)


def _km(a: Entry, b: Entry) -> float:
    return distance_km(a.lat, a.lon, b.lat, b.lon)


def _places(groups: list[_Group], w: Weights) -> list[Place]:
    places = []
    for group in groups:
        best = group.candidates[group.pick] if group.candidates else None
        keep_pin = best is not None and group.confidence >= 0.5 + w.min_margin and group.supported
        if group.fuzzy and best is not None and not (group.supported and group.confidence > 0.75):
            keep_pin = False
        for toponym in group.toponyms:
            # Nor does prominence carry a name only a recogniser untrained in the language read
            # ("Flores" beside Houston is no department of Uruguay), though the spotter's own
            # occurrences of the same name keep their pin.
            pinned = keep_pin and (group.witnessed or not (toponym.needs_witness or _small(best, w)))
            if not pinned and _no_place(toponym, best, group):
                continue
            places.append(_place(toponym, best if pinned else None, group.confidence))
    return sorted(places, key=lambda p: p.start)


def _small(place: Entry | None, w: Weights) -> bool:
    """A town too small to be pinned on no other evidence than its name among places elsewhere."""
    return (
        place is not None
        and place.feature not in (COUNTRY, CONTINENT, ADMIN1)
        and place.population < w.min_unwitnessed_population
    )


def _no_place(toponym: Toponym, best: Entry | None, group: _Group) -> bool:
    """Whether a name left unpinned is no place mention at all.

    A spotted word the article gives no reason to read as a place is none; a recogniser's place
    stays a named mention, unless only a recogniser untrained in the language read it
    ("Government Forces", "Capital du gouvernorat…", the surname "Flores"): a list of places
    is no place for its guesses, which stay among the entity mentions.
    """
    if toponym.needs_witness:
        return True
    return not toponym.from_ner and (best is None or not group.supported)


def _place(toponym: Toponym, entry: Entry | None, confidence: float) -> Place:
    if entry is None:
        return Place(toponym.start, toponym.end, toponym.text)
    return Place(
        start=toponym.start,
        end=toponym.end,
        text=toponym.text,
        geonames_id=entry.geonames_id,
        name=entry.name,
        country=entry.country or None,
        lat=entry.lat,
        lon=entry.lon,
        feature=entry.feature,
        population=entry.population,
        score=round(min(max(confidence, 0.0), 1.0), 3),
    )
