"""Entity recognition speed: CPU ms per ~3,000-character article, per language, on one core.

CPU time (``time.process_time``), not wall time: the machine is shared, and wall time measures
the other work as much as this.

Articles are real news: the BSNLP 2021 documents (bg, cs, pl, ru, sl, uk) and the SemEval-2022
Task 8 texts (ar, de, en, es, fr, it, pl, ru, tr, zh), each cut or joined to about 3,000
characters. Models, the gazetteer and simplemma's dictionaries are loaded and the recognizer
warmed on other articles first; the timed articles are all different, so word caches are as cold
as in a stream of new articles (names repeat across articles, as they do in news).

    uv run python bench/entities_bench.py [--per-language 30]
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import time
from pathlib import Path

from newsweave.analyze.entities import EntityRecognizer

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks"
CHARS = 3000


def texts_by_language() -> dict[str, list[str]]:
    """Texts of about 3,000 characters, grouped by language."""
    raw: dict[str, list[str]] = {}
    for line in (SHARED / "bsnlp2021" / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        raw.setdefault(doc["language"], []).append(doc["title"] + "\n\n" + doc["text"])
    csv.field_size_limit(sys.maxsize)
    with (SHARED / "semeval2022-task8" / "dev.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            raw.setdefault(row["lang1"], []).append(row["text1"])
    out: dict[str, list[str]] = {}
    for language, texts in raw.items():
        joined, current = [], ""
        for text in texts:
            current += ("\n\n" if current else "") + text
            if len(current) >= CHARS:
                joined.append(current[:CHARS])
                current = ""
        out[language] = joined
    return out


def main() -> None:
    """Print CPU ms per article, per language, then overall."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-language", type=int, default=30)
    args = parser.parse_args()
    recognizer = EntityRecognizer()
    texts = texts_by_language()
    for language, items in texts.items():  # load every model and dictionary before timing
        for text in items[-5:]:
            recognizer.mentions(text, language)
    print(f"{'language':8} {'articles':>8} {'cpu ms/art':>10} {'p90':>6} {'mentions':>8}")
    every = []
    for language in sorted(texts):
        times, counts = [], []
        for text in texts[language][: args.per_language]:
            start = time.process_time()
            counts.append(len(recognizer.mentions(text, language)))
            times.append((time.process_time() - start) * 1000)
        every += times
        p90 = sorted(times)[int(0.9 * (len(times) - 1))]
        print(f"{language:8} {len(times):8d} {statistics.mean(times):10.1f} {p90:6.1f} {statistics.mean(counts):8.1f}")
    print(f"{'all':8} {len(every):8d} {statistics.mean(every):10.1f}")


if __name__ == "__main__":
    main()
