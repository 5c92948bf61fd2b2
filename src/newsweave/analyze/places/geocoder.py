"""The place geocoder: place mentions of an article, each pinned to a GeoNames place when it can be."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from newsweave.analyze.places.gazetteer import Gazetteer, load_gazetteer
from newsweave.analyze.places.names import fold
from newsweave.analyze.places.resolution import Weights, resolve
from newsweave.analyze.places.toponyms import Toponym, abbreviated, merge, national, spot
from newsweave.records import Mention, Place


class Geocoder:
    """Finds the places an article names and resolves each against the others, offline.

    The gazetteer is loaded at the first call (built and cached the very first time).

    Example:
        >>> geocoder = Geocoder()
        >>> [(p.text, p.name, p.country) for p in geocoder.places("Clashes near Paris, Texas.", "en")]
        [('Paris', 'Paris', 'US'), ('Texas', 'Texas', 'US')]
    """

    def __init__(self, cache_dir: Path | None = None, weights: Weights | None = None) -> None:
        """Prepare a geocoder; ``cache_dir`` is where the built gazetteer is kept (user cache dir)."""
        self._cache_dir = cache_dir
        self._gazetteer: Gazetteer | None = None
        self._lock = threading.Lock()
        self.weights = weights or Weights()

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer, loaded on first use."""
        if self._gazetteer is None:
            with self._lock:
                if self._gazetteer is None:
                    self._gazetteer = load_gazetteer(self._cache_dir)
        return self._gazetteer

    def places(
        self,
        text: str,
        language: str | None = None,
        mentions: Sequence[Mention] = (),
        context: Sequence[Place] = (),
        *,
        trusted: bool = True,
    ) -> list[Place]:
        """The place mentions of ``text``, in order, resolved where the context allows.

        Args:
            text: The article text (offsets in the result index into it).
            language: Its ISO 639-1 code, used to tell common words from names; None for English rules.
            mentions: Entity mentions from a recogniser: LOC mentions are places (their lemma
                looked up when given), and any mention vetoes a spotted place inside it.
            context: Places already resolved for the story, as extra context.
            trusted: Whether the recogniser was trained on ``language``; if not, a place only it
                read is pinned only when another place of the article is in its country.

        Returns:
            One Place per mention; ``geonames_id`` is None where no reading was confident.
        """
        toponyms = spot(self.gazetteer, text, language)
        if mentions:
            merged = merge(self.gazetteer, toponyms, mentions, text, trusted=trusted, language=language)
            toponyms = [self._as_demonym(t, language) for t in merged]
        return resolve(self.gazetteer, text, toponyms, context, self.weights, language)

    def _as_demonym(self, toponym: Toponym, language: str | None = None) -> Toponym:
        """A given place (the recogniser's, or a span to resolve) that is a demonym or a
        nationality's noun of ``language`` is its country, as a spotted one is: read as a name,
        "American" was the Brazilian town of Americana."""
        if not toponym.from_ner or toponym.demonym:
            return toponym
        country = national(self.gazetteer, toponym.text, language)
        if country is None:
            return toponym
        return replace(toponym, key=fold(country.name), demonym=True, code=country.country)

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], context: Sequence[Place] = ()) -> list[Place]:
        """Resolve given place spans of ``text`` (resolution alone, as when the spans come from elsewhere)."""
        toponyms = [self._toponym(text, start, end) for start, end in spans if text[start:end].strip()]
        return resolve(self.gazetteer, text, toponyms, context, self.weights)

    def resolve(self, name: str, *, context: Sequence[Place] = (), language: str | None = None) -> Place | None:
        """The place one name stands for, alone or within ``context``; None when unsure or unknown.

        Example:
            >>> Geocoder().resolve("Абу-Кемаль").country
            'SY'
        """
        del language  # one name has no common-word context to judge; kept for a uniform signature
        if not name.strip():
            return None
        places = self.resolve_spans(name, [(0, len(name))], context)
        return places[0] if places and places[0].resolved else None

    def _toponym(self, text: str, start: int, end: int) -> Toponym:
        surface = text[start:end]
        abbreviation = abbreviated(self.gazetteer, start, surface)
        if abbreviation is not None:
            return replace(abbreviation, from_ner=True)
        return self._as_demonym(Toponym(start, end, surface, fold(surface), from_ner=True))
