#!/usr/bin/env python3
"""The figures behind ``relations.TRANSLATION_SHAPE``: how translations and reports of one event
differ in the shape of their sentences, on development data only.

For pairs of articles in two of USE's languages it prints, per pair: the whole-text cosine, the
sentence counts, Gale-Church's length cost (``cascade.translation_length_cost``), the share of
the shorter-covered text aligned and the mean similarity at the floors of 0.5 and 0.4, and the
relation linking gives. Positives are the translation pairs of the NTREX cases' development
articles (``eval.versions.DEVELOPMENT_DOCUMENTS``; the held-out ones are not read); negatives their pairs of
two articles at cosine >= 0.45, SemEval's development pairs rated "very similar" (different
outlets on one event), and Polish-Russian pairs of BSNLP articles of one topic at cosine >= 0.5.

    uv run python scripts/measure_translation_shape.py [--cases CASES.jsonl] [--bsnlp 120]
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsweave.analyze.embedding import USE_LANGUAGES, routed_embedder
from newsweave.config import DEFAULT_ROUTE
from newsweave.eval.data import find_benchmark
from newsweave.eval.semeval import default_pairs_csv
from newsweave.eval.versions import DEVELOPMENT_DOCUMENTS, default_cases, semeval_negatives
from newsweave.link.alignment import align, summarise
from newsweave.link.cascade import translation_length_cost
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer


def shape(linker: Linker, a: LinkArticle, b: LinkArticle) -> dict[str, Any]:
    """A pair's figures (see the module's docstring)."""
    linker.ensure_sentences(a)
    linker.ensure_sentences(b)
    sa, sb = a.sentences or [], b.sentences or []
    out: dict[str, Any] = {
        "cosine": float(a.document @ b.document), "sentences": (len(sa), len(sb)),
        "length_cost": translation_length_cost(sa, sb),
    }  # fmt: skip
    for floor in (0.5, 0.4):
        summary = summarise(align(sa, sb, a.sentence_vectors, b.sentence_vectors, min_similarity=floor), sa, sb, 0.0)
        out[f"coverage@{floor}"] = min(summary.coverage_a, summary.coverage_b)
        out[f"mean@{floor}"] = summary.mean_similarity
    link, _ = linker.relate(a, b)
    out["relation"] = link.kind.value if link else None
    return out


def ntrex(linker: Linker, path: Path) -> list[dict[str, Any]]:
    docs: dict[str, dict[str, LinkArticle]] = defaultdict(dict)
    for line in path.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        if r["language"] in USE_LANGUAGES and r["document"] in DEVELOPMENT_DOCUMENTS:
            docs[r["language"]][r["document"]] = linker.prepare(
                f"{r['language']}:{r['document']}", r.get("title"), r["text"], r["language"], None
            )
    rows = []
    for first, second in itertools.combinations(sorted(docs), 2):
        for x, y in itertools.product(docs[first], docs[second]):
            a, b = docs[first][x], docs[second][y]
            if x == y or float(a.document @ b.document) >= 0.45:
                rows.append({"source": "ntrex", "translation": x == y, "pair": f"{first}-{second}",
                             "id": x if x == y else f"{x}|{y}", **shape(linker, a, b)})  # fmt: skip
    return rows


def semeval(linker: Linker) -> list[dict[str, Any]]:
    rows = []
    for pair_id, _, a, b in semeval_negatives(linker, default_pairs_csv(), held_out_too=False):
        if a.language in USE_LANGUAGES and b.language in USE_LANGUAGES:
            rows.append({"source": "semeval", "translation": False, "pair": f"{a.language}-{b.language}",
                         "id": pair_id, **shape(linker, a, b)})  # fmt: skip
    return rows


def bsnlp(linker: Linker, per_topic: int) -> list[dict[str, Any]]:
    """Polish-Russian pairs of different articles on one topic (cosine >= 0.5); the alignment is
    read only for those whose length cost is under 1.6 (none, when this was measured)."""
    folder = find_benchmark(Path("benchmarks") / "bsnlp2021", what="BSNLP 2021", hint="run from the repository")
    path = folder / "docs.jsonl"
    docs: dict[tuple[str, str], list[LinkArticle]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        key = (d["language"], d.get("topic", ""))
        if d["language"] in ("pl", "ru") and len(docs[key]) < per_topic:
            docs[key].append(linker.prepare(f"{d['language']}:{d['id']}", d["title"], d["text"], d["language"], None))
    rows, compared = [], 0
    for topic in sorted({t for _, t in docs}):
        for a, b in itertools.product(docs[("pl", topic)], docs[("ru", topic)]):
            if float(a.document @ b.document) < 0.5:
                continue
            compared += 1
            if translation_length_cost(linker.split(a), linker.split(b)) < 1.6:
                rows.append({"source": "bsnlp", "translation": False, "pair": "pl-ru", "id": f"{a.id}|{b.id}",
                             **shape(linker, a, b)})  # fmt: skip
    print(f"BSNLP: {compared} Polish-Russian pairs of one topic at cosine >= 0.5, {len(rows)} of them under 1.6")
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=default_cases(), help="NTREX cases (scripts/ntrex_versions.py)")
    parser.add_argument("--bsnlp", type=int, default=120, help="BSNLP articles per language and topic (0: none)")
    args = parser.parse_args()
    linker = Linker(routed_embedder(DEFAULT_ROUTE), PairScorer.load())
    rows = ntrex(linker, args.cases) + semeval(linker) + (bsnlp(linker, args.bsnlp) if args.bsnlp else [])
    print("source   pair   translation relation   cosine sentences length_cost coverage@0.5 mean coverage@0.4 mean")
    for r in sorted(rows, key=lambda r: (not r["translation"], r["length_cost"])):
        if r["translation"] and r["relation"] == "version" and r["coverage@0.5"] >= 0.7:
            continue  # a translation the first line finds: not shown
        if not r["translation"] and r["coverage@0.4"] < 0.5:
            continue  # a pair of two texts that do not align: not shown
        print(f"{r['source']:8} {r['pair']:6} {r['translation']!s:11} {r['relation']!s:10} {r['cosine']:6.2f}"
              f" {r['sentences'][0]:3}/{r['sentences'][1]:<3}   {r['length_cost']:8.2f} {r['coverage@0.5']:12.2f}"
              f" {r['mean@0.5']:4.2f} {r['coverage@0.4']:12.2f} {r['mean@0.4']:4.2f}  {r['id']}")  # fmt: skip


if __name__ == "__main__":
    main()
