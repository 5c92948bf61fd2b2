"""An outlet's home: the first-level division its places lie in, learnt as its articles are read.

A local paper names its own towns without saying where they are: "Jordan" in a Minnesota
weekly is the town south of Minneapolis, not the kingdom, and "Berea" in a Kentucky daily is
the Kentucky town, not the district of Lesotho; an article that names no other place gives the
resolver nothing to go on. The paper's other articles do: most of the places they pin lie in one
state. This is the "local lexicon" of Lieberman, Samet and Sankaranarayanan (2010), the authors
of LGL, learnt here from the outlet's own articles as they stream in, without any gold.

``OutletHomes`` keeps, for each outlet, the distinct places its articles were pinned to, by
first-level division. Once one division holds at least ``MIN_PLACES`` of them and more than any
other, the outlet's next articles are resolved with that division as context: one more place of
the article, so a name the article itself settles ("Dublin, Ireland", or beside "Belfast") is
not moved. Counting distinct places, not articles, keeps one name the resolver keeps getting
wrong from making the home: a suburban weekly whose every article names "Dublin" (Ohio) still
has Columbus, Franklin County and Grove City to say where it is. An international outlet spreads
its places over many divisions and gets a home only where it leans on one.

The facts stage starts each run from the pins of the store's last ``REMEMBERED_ARTICLES``
articles (``Store.outlet_pins``), so a daily run goes on where the last left off.

On the development half of LGL (local US papers, file order, each article seeing only the
outlet's earlier ones): geocoding with gold spans 0.863 → 0.884, the spotter's pins end to end
0.768 → 0.785; TR-News (international news) unchanged. Held out: 0.810 → 0.838 and 0.732 →
0.758 (``newsweave eval places``; docs/places.md has the rest).
"""

from __future__ import annotations

import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from newsweave.analyze.places.gazetteer import CONTINENT, COUNTRY, Entry, Gazetteer
from newsweave.records import Place

# Distinct places an outlet's articles pinned in one division before it is the outlet's home. Two
# read 0.003 better on LGL's development half (7 of 2,465 toponyms); three asks for more evidence
# before a paper's next articles lean on it.
MIN_PLACES = 3
MAX_OUTLETS = 100_000  # outlets remembered (the least recently read are forgotten first)
# A new run remembers the pins of the store's last this many articles (``Store.outlet_pins``).
REMEMBERED_ARTICLES = 5_000

# A stored pin as ``Store.outlet_pins`` gives it: outlet, URL, place name, GeoNames id, feature.
StoredPin = tuple[str | None, str | None, str | None, int, str | None]


def outlet_key(outlet: str | None, url: str | None) -> str | None:
    """Who published an article: its outlet's name, else its web host without "www.", folded.

    Example:
        >>> outlet_key(None, "http://www.Echopress.com/articles/?id=63599")
        'echopress.com'
        >>> outlet_key("The Town Talk", "http://www.thetowntalk.com/article/1")
        'the town talk'
    """
    if outlet and outlet.strip():
        return " ".join(outlet.casefold().split())
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:  # "http://[bad": a malformed address names no outlet (its facts are read all the same)
        return None
    if not host:
        return None
    return host.removeprefix("www.")


class OutletHomes:
    """Each outlet's home division, learnt from the places its articles were pinned to.

    Example:
        >>> from newsweave.analyze.places import Geocoder
        >>> geocoder = Geocoder()
        >>> homes = OutletHomes(geocoder.gazetteer)
        >>> homes.learn("jordan independent", geocoder.places("Shakopee, Prior Lake and Savage in Scott County.", "en"))
        >>> home = homes.context("jordan independent")
        >>> [p.name for p in home]
        ['Minnesota']
        >>> geocoder.places("The Jordan volleyball team won.", "en")[0].country  # alone: the kingdom
        'JO'
        >>> geocoder.places("The Jordan volleyball team won.", "en", context=home)[0].country
        'US'
    """

    def __init__(self, gazetteer: Gazetteer, min_places: int = MIN_PLACES, max_outlets: int = MAX_OUTLETS) -> None:
        self._gazetteer = gazetteer
        self._min_places = min_places
        self._max_outlets = max_outlets
        self._places: OrderedDict[str, dict[str, set[int]]] = OrderedDict()  # outlet -> admin1 -> GeoNames ids
        self._lock = threading.Lock()  # an analyzer may read articles on several threads (the REST API's)

    def context(self, outlet: str | None) -> list[Place]:
        """The outlet's home division as a place of context for its next article ([] when none yet)."""
        home = self.home(outlet)
        if home is None:
            return []
        return [Place(0, len(home.name), home.name, home.geonames_id, home.name, home.country, home.lat, home.lon,
                      home.feature, home.population, 1.0)]  # fmt: skip

    def home(self, outlet: str | None) -> Entry | None:
        """The division holding the most distinct places of the outlet's articles, once it holds
        ``min_places``; None while no division does, or two do equally."""
        if not outlet:
            return None
        with self._lock:
            counts = {code: len(ids) for code, ids in self._places.get(outlet, {}).items()}
        ranked = sorted(counts, key=counts.__getitem__, reverse=True)
        if not ranked or counts[ranked[0]] < self._min_places:
            return None
        if len(ranked) > 1 and counts[ranked[1]] == counts[ranked[0]]:
            return None
        return self._gazetteer.division(ranked[0])

    def learn(self, outlet: str | None, places: Sequence[Place]) -> None:
        """Count the places an article of ``outlet`` was pinned to (countries and continents
        say nothing of a home)."""
        self._learn(outlet, [(p.name, p.geonames_id, p.feature) for p in places])

    def remember(self, pins: Iterable[StoredPin]) -> None:
        """Learn from pins stored before, oldest first (``Store.outlet_pins``): a new run goes on
        where the last left off."""
        by_outlet: dict[str, list[tuple[str | None, int | None, str | None]]] = defaultdict(list)
        for outlet, url, name, geonames_id, feature in pins:
            key = outlet_key(outlet, url)
            if key:
                by_outlet[key].append((name, geonames_id, feature))
        for key, outlet_pins in by_outlet.items():
            self._learn(key, outlet_pins)

    def _learn(self, outlet: str | None, pins: Sequence[tuple[str | None, int | None, str | None]]) -> None:
        if not outlet:
            return
        # Countries and continents lie in no division: skipped before their (frequent) lookups.
        kept = [(name, gid) for name, gid, feature in pins if feature not in (COUNTRY, CONTINENT)]
        entries = [self._gazetteer.pinned(name, gid) for name, gid in kept]
        with self._lock:
            by_division = self._places.get(outlet)
            if by_division is None:
                by_division = self._places[outlet] = defaultdict(set)
                if len(self._places) > self._max_outlets:
                    self._places.popitem(last=False)
            else:
                self._places.move_to_end(outlet)
            for entry in entries:
                if entry is not None and entry.admin1:
                    by_division[entry.admin1].add(entry.geonames_id)
