"""Where the places ingest stores land in languages without geoparsing gold: pins per language.

There is no gold for places outside English here. This script reads SemEval 2022 articles (the
first 3,000 characters, ``--per-language`` of each language, after skipping ``--offset``) as
ingest does (``FactAnalyzer.read``) and counts, per language, the places pinned and the ones
kept as names only; ``--dump`` writes every place, and ``--compare`` lists the pins that differ
from another dump, to be read one by one. To compare with an older commit:

    git archive <commit> src | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src uv run python scripts/measure_place_pins.py --dump old.json
    uv run python scripts/measure_place_pins.py --compare old.json

The 40 articles per language at offset 0 are the ones facts-6's Arabic and Chinese rules were
looked at on (in-sample for them); offset 40 was held back from those choices.

``--bsnlp`` reads the 1,452 BSNLP 2021 articles instead (six Slavic languages, first 3,000
characters each), keyed by language and line number.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import Counter
from pathlib import Path

from newsweave.analyze.facts import FactAnalyzer
from newsweave.records import Article, Provenance

PAIRS = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "semeval2022-task8" / "dev.csv"
Places = dict[str, list[list[object]]]


def sample(per_language: int, offset: int, skip: set[str]) -> dict[str, str]:
    """``per_language`` texts of each language, by a fixed shuffle of the rated pairs."""
    csv.field_size_limit(sys.maxsize)
    with PAIRS.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    random.Random(5).shuffle(rows)
    seen: dict[str, list[str]] = {}
    for row in rows:
        for text, language in ((row["text1"], row["lang1"]), (row["text2"], row["lang2"])):
            if language not in skip:
                seen.setdefault(language, []).append(text[:3000])
    return {f"{lang}-{i}": text for lang, texts in seen.items() for i, text in enumerate(texts[offset:], offset)
            if i < offset + per_language}  # fmt: skip


def bsnlp() -> dict[str, str]:
    """Every BSNLP 2021 article's first 3,000 characters, keyed "language-line"."""
    path = PAIRS.parents[1] / "bsnlp2021" / "docs.jsonl"
    with path.open(encoding="utf-8") as f:
        docs = [json.loads(line) for line in f]
    return {f"{d['language']}-{i}": d["text"][:3000] for i, d in enumerate(docs)}


def read(texts: dict[str, str]) -> Places:
    analyzer = FactAnalyzer()
    out: Places = {}
    for key, text in texts.items():
        article = Article("0" * 64, "", (text,), Provenance("-"), "measure", language=key.split("-")[0])
        out[key] = [[p.start, p.end, p.text, p.name, p.country] for p in analyzer.read(article).facts.places]
    return out


def counts(places: Places) -> Counter[tuple[str, str]]:
    total: Counter[tuple[str, str]] = Counter()
    for key, found in places.items():
        for place in found:
            total[key.split("-")[0], "pinned" if place[3] else "named"] += 1
    return total


def compare(old: Places, new: Places) -> None:
    before, after = counts(old), counts(new)
    for language in sorted({lang for lang, _ in before | after}):
        print(f"{language}: pins {before[language, 'pinned']} -> {after[language, 'pinned']}, "
              f"names only {before[language, 'named']} -> {after[language, 'named']}")  # fmt: skip
    for key in sorted(old.keys() & new.keys()):
        was = {(p[0], p[1]): p for p in old[key] if p[3]}
        now = {(p[0], p[1]): p for p in new[key] if p[3]}
        for span in sorted(was.keys() | now.keys()):
            a, b = was.get(span), now.get(span)
            if a is None or b is None or a[3] != b[3]:
                print(f"  {key} {a[2:] if a else '-'} -> {b[2:] if b else '-'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-language", type=int, default=40)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--english", action="store_true", help="include English (scored by eval places instead)")
    parser.add_argument("--dump", type=Path, help="write every place found as JSON")
    parser.add_argument("--compare", type=Path, help="a dump to compare the pins with")
    parser.add_argument("--bsnlp", action="store_true", help="read the BSNLP 2021 articles instead")
    args = parser.parse_args()
    texts = bsnlp() if args.bsnlp else sample(args.per_language, args.offset, set() if args.english else {"en"})
    places = read(texts)
    if args.dump:
        args.dump.write_text(json.dumps(places, ensure_ascii=False), encoding="utf-8")
    if args.compare:
        compare(json.loads(args.compare.read_text(encoding="utf-8")), places)
    else:
        for (language, kind), n in sorted(counts(places).items()):
            print(f"{language} {kind}: {n}")


if __name__ == "__main__":
    main()
