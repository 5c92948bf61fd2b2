"""What a rule of the facts stage's places does on the product's path, against gold toponyms.

    uv run python scripts/measure_place_rules.py [--rule agencies|demonyms] [--data DIR]
    uv run python scripts/measure_place_rules.py --agency-gold [--bsnlp DIR]

``newsweave eval places`` scores the spotter and the resolver alone; at ingest the facts stage
also feeds them the recogniser's places and applies its own rules (``analyze.facts``). This
script reads every article of a geoparsing set (default: shared/benchmarks/geoparsing, English)
as ingest does, once with the rule and once without, and classifies every pin that changes
against the gold toponym on its span: right (within 161 km), wrong, no gold toponym there, or
unpinned. The rules:

- ``agencies``: a name right after a news agency's word is the agency, not a place
  (``entities.recognizer.after_agency_word`` and ``facts.agency_mentions``);
- ``demonyms``: a demonym the recogniser reads as a place is its country
  (``places.geocoder.Geocoder._as_demonym``).

``--agency-gold`` counts, by gold type, the BSNLP 2021 gold mentions (every occurrence of their
surface form in their document) that ``after_agency_word`` puts right after an agency's word.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsweave.analyze import facts
from newsweave.analyze.entities import recognizer
from newsweave.analyze.places import geocoder
from newsweave.analyze.places.gazetteer import distance_km
from newsweave.records import Article, Place, Provenance

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "geoparsing"
ACCURACY_KM = 161


@contextmanager
def without(rule: str) -> Iterator[None]:
    """The facts stage with ``rule`` switched off."""
    if rule == "agencies":
        saved_test, saved_pick = recognizer.after_agency_word, facts.agency_mentions
        recognizer.after_agency_word = lambda text, start: False  # type: ignore[assignment]
        facts.agency_mentions = lambda mentions, text: []  # type: ignore[assignment]
        try:
            yield
        finally:
            recognizer.after_agency_word, facts.agency_mentions = saved_test, saved_pick  # type: ignore[assignment]
    else:
        saved = geocoder.Geocoder._as_demonym
        geocoder.Geocoder._as_demonym = lambda self, toponym: toponym  # type: ignore[method-assign]
        try:
            yield
        finally:
            geocoder.Geocoder._as_demonym = saved  # type: ignore[method-assign]


def places(analyzer: facts.FactAnalyzer, text: str) -> dict[tuple[int, int], Place]:
    """The places ingest keeps for an English text (``FactAnalyzer.read``'s)."""
    return {(p.start, p.end): p for p in analyzer.read(_article(text)).facts.places}


def _article(text: str) -> Article:
    return Article("0" * 64, "", (text,), Provenance("-"), "measure", language="en")


def agency_gold(folder: Path) -> None:
    """Gold types of the BSNLP mentions that follow an agency's word."""
    docs = {d["id"]: d["text"] for d in map(json.loads, (folder / "docs.jsonl").open(encoding="utf-8"))}
    types: Counter[str] = Counter()
    for mention in map(json.loads, (folder / "mentions.jsonl").open(encoding="utf-8")):
        text = docs[mention["doc"]]
        for found in re.finditer(re.escape(mention["surface"]), text):
            if recognizer.after_agency_word(text, found.start()):
                types[mention["type"], mention["surface"] if mention["type"] == "LOC" else ""] += 1
    print("BSNLP gold mentions right after an agency's word, by type (places by name):")
    for (kind, name), count in sorted(types.items()):
        print(f"  {kind} {name}".rstrip() + f": {count}")


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
    parser.add_argument("--agency-gold", action="store_true", help="count BSNLP gold types after agency words")
    parser.add_argument("--bsnlp", type=Path, default=DEFAULT_DATA.parent / "bsnlp2021")
    args = parser.parse_args()
    if args.agency_gold:
        agency_gold(args.bsnlp)
        return
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
