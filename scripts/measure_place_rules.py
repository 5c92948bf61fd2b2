"""What a rule of the facts stage's places does on the product's path, against gold toponyms.

    uv run python scripts/measure_place_rules.py [--rule agencies|demonyms] [--data DIR]

``newsweave eval places`` scores the spotter and the resolver alone; at ingest the facts stage
also feeds them the recogniser's places and applies its own rules (``analyze.facts``). This
script reads every article of a geoparsing set (default: shared/benchmarks/geoparsing, English)
as ingest does, once with the rule and once without, and classifies every pin that changes
against the gold toponym on its span: right (within 161 km), wrong, no gold toponym there, or
unpinned. The rules:

- ``agencies``: a name right after a news agency's word is the agency, not a place
  (``entities.recognizer.after_agency_word`` and ``facts.not_agencies``);
- ``demonyms``: a demonym the recogniser reads as a place is its country
  (``places.geocoder.Geocoder._as_demonym``).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsweave.analyze import facts
from newsweave.analyze.entities import recognizer
from newsweave.analyze.places import geocoder
from newsweave.analyze.places.gazetteer import distance_km
from newsweave.records import EntityType, Place

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "geoparsing"
ACCURACY_KM = 161


@contextmanager
def without(rule: str) -> Iterator[None]:
    """The facts stage with ``rule`` switched off."""
    if rule == "agencies":
        saved_test, saved_drop = recognizer.after_agency_word, facts.not_agencies
        recognizer.after_agency_word = lambda text, start: False  # type: ignore[assignment]
        facts.not_agencies = lambda places, mentions, text: places  # type: ignore[assignment]
        try:
            yield
        finally:
            recognizer.after_agency_word, facts.not_agencies = saved_test, saved_drop  # type: ignore[assignment]
    else:
        saved = geocoder.Geocoder._as_demonym
        geocoder.Geocoder._as_demonym = lambda self, toponym: toponym  # type: ignore[method-assign]
        try:
            yield
        finally:
            geocoder.Geocoder._as_demonym = saved  # type: ignore[method-assign]


def places(analyzer: facts.FactAnalyzer, text: str) -> dict[tuple[int, int], Place]:
    """The places ingest keeps for an English text (as ``FactAnalyzer.read`` finds them)."""
    mentions = analyzer.mention_finder().mentions(text, "en")
    located = [m for m in mentions if m.type is EntityType.LOCATION]
    found = facts.coherent(analyzer.place_finder().places(text, "en", located), located)
    return {(p.start, p.end): p for p in facts.not_agencies(found, mentions, text)}


def verdict(place: Place | None, gold: dict[str, Any] | None) -> str:
    if place is None:
        return "absent"
    if not place.resolved or place.lat is None or place.lon is None:
        return "unpinned"
    if gold is None:
        return "no gold"
    near = distance_km(place.lat, place.lon, gold["lat"], gold["lon"]) <= ACCURACY_KM
    return "right" if near else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rule", choices=["agencies", "demonyms"], default="demonyms")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    docs = [json.loads(line) for line in (args.data / "docs.jsonl").open(encoding="utf-8")]
    gold: dict[str, list[dict[str, Any]]] = {}
    for line in (args.data / "toponyms.jsonl").open(encoding="utf-8"):
        toponym = json.loads(line)
        if toponym.get("lat") is not None:
            gold.setdefault(toponym["doc"], []).append(toponym)
    analyzer = facts.FactAnalyzer()
    moves: Counter[tuple[str, str]] = Counter()
    for doc in docs:
        with without(args.rule):
            before = places(analyzer, doc["text"])
        after = places(analyzer, doc["text"])
        for span in before.keys() | after.keys():
            old, new = before.get(span), after.get(span)
            if old is not None and new is not None and old.geonames_id == new.geonames_id:
                continue
            truth = next((t for t in gold.get(doc["id"], []) if t["start"] < span[1] and span[0] < t["end"]), None)
            moves[verdict(old, truth), verdict(new, truth)] += 1
    print(f"{args.rule}: {len(docs)} articles; pins that change (without the rule -> with it)")
    for (old, new), count in moves.most_common():
        print(f"  {old:>8} -> {new:<8} {count}")


if __name__ == "__main__":
    main()
