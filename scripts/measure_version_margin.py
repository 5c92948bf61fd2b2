"""How the version line's margin, and the alignment's merge weight, were chosen.

Gathers every pair over its version gate among (1) the translation cases of ``newsweave eval
versions`` (NTREX-128: translations and other articles, development and held-out articles),
(2) BSNLP 2021 articles of one topic (distinct articles, so never versions, though a few are one
agency text republished — read them; the first 12 of each language and topic for development,
the next 6 held out) and, with ``--merge-weights``, (3) SemEval's "very similar" pairs as
`eval versions` splits them. For each margin line it prints, per number of bridged sides,
translations and different articles found as versions by part; with ``--merge-weights``, the
same per merge weight of the alignment (``alignment.MERGE_WEIGHT``) at the shipped margin. Lines
are chosen on the development rows alone; the held-out rows are for reporting.

    uv run python scripts/measure_version_margin.py [--merge-weights]    # ~15-25 minutes on 2 cores (e5)
"""

from __future__ import annotations

import collections
import itertools
import sys
from pathlib import Path
from typing import Any

from newsweave.analyze.embedding import RoutedEmbedder
from newsweave.eval.semeval import default_pairs_csv
from newsweave.eval.versions import (
    DEVELOPMENT_DOCUMENTS,
    bsnlp_topic_split,
    default_cases,
    load_cases,
    semeval_negatives,
)
from newsweave.link.alignment import MERGE_WEIGHT, align, margin, summarise
from newsweave.link.duplicates import jaccard
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer

BSNLP = Path(__file__).parents[1] / ".." / "shared" / "benchmarks" / "bsnlp2021" / "docs.jsonl"
LINES = (0.0, 1.0, 1.02, 1.04, 1.05, 1.06, 1.08, 1.1, 1.15)
MERGE_WEIGHTS = (0.8, 0.9, 1.0, 1.1, 1.2, 1.3, 1.5)


def pair_row(linker: Linker, a: LinkArticle, b: LinkArticle) -> dict[str, Any] | None:
    """The alignment summary of a pair over its gate (None below it), at every merge weight."""
    line = linker._line(a, b)
    if float(a.document @ b.document) < line.gate:
        return None
    for side in (a, b):
        linker.ensure_sentences(side)
    assert a.sentence_vectors is not None and b.sentence_vectors is not None
    bridged = sum(bool(linker.embedder.routes_to_fallback(x.language)) for x in (a, b))  # type: ignore[attr-defined]
    row: dict[str, Any] = {"bridged": bridged, "duplicate": jaccard(a.signature, b.signature) >= 0.8}
    for weight in MERGE_WEIGHTS:
        aligned = align(a.sentences or [], b.sentences or [], a.sentence_vectors, b.sentence_vectors,
                        min_similarity=line.floor, merge_weight=weight)  # fmt: skip
        summary = summarise(
            aligned, a.sentences or [], b.sentences or [], margin(aligned, a.sentence_vectors, b.sentence_vectors)
        )
        aligns = min(summary.coverage_a, summary.coverage_b) >= 0.7 and summary.mean_similarity >= line.similarity
        row[f"weight {weight}"] = {"versions": aligns and summary.margin >= line.margin}
        if weight == MERGE_WEIGHT:
            row |= {"aligns": aligns, "margin": summary.margin}
    return row


def ntrex_rows(linker: Linker) -> list[dict[str, Any]]:
    docs: dict[str, dict[str, LinkArticle]] = collections.defaultdict(dict)
    for r in load_cases(default_cases()):
        key = f"{r['language']}:{r['document']}"
        docs[r["language"]][r["document"]] = linker.prepare(key, r.get("title"), r["text"], r["language"], None)
    rows = []
    for first, second in itertools.combinations(list(docs), 2):
        for a_id, b_id in itertools.product(docs[first], docs[second]):
            row = pair_row(linker, docs[first][a_id], docs[second][b_id])
            if row:
                dev = a_id in DEVELOPMENT_DOCUMENTS and b_id in DEVELOPMENT_DOCUMENTS
                rows.append(row | {"part": "development" if dev else "held-out", "translation": a_id == b_id})
    return rows


def bsnlp_rows(linker: Linker, development: int = 12, held_out: int = 6) -> list[dict[str, Any]]:
    docs = bsnlp_topic_split(BSNLP, development, held_out)
    views = {d["id"]: linker.prepare(d["id"], d["title"], d["text"], d["language"], None) for d in docs}
    rows = []
    for i, a in enumerate(docs):
        for b in docs[i + 1 :]:
            if a["topic"] == b["topic"] and a["part"] == b["part"]:
                row = pair_row(linker, views[a["id"]], views[b["id"]])
                if row:
                    rows.append(row | {"part": a["part"], "translation": False, "ids": (a["id"], b["id"])})
    return rows


def semeval_rows(linker: Linker) -> list[dict[str, Any]]:
    """SemEval's "very similar" pairs (different outlets on one event), split as `eval versions` splits them."""
    rows = []
    for pair_id, out, a, b in semeval_negatives(linker, default_pairs_csv()):
        if row := pair_row(linker, a, b):
            rows.append(row | {"part": "held-out" if out else "development", "translation": False, "ids": pair_id})
    return rows


def print_merge_weights(rows: list[dict[str, Any]]) -> None:
    """Translations and different articles found as versions per merge weight, at the shipped margin."""
    for part in ("development", "held-out"):
        mine = [r for r in rows if r["part"] == part]
        positives = sum(r["translation"] for r in mine)
        print(f"== {part}: merge weight -> translations found / different articles called versions")
        for weight in MERGE_WEIGHTS:
            found = [r for r in mine if r["duplicate"] or r[f"weight {weight}"]["versions"]]
            false = [r for r in found if not r["translation"]]
            print(f"  {weight:.1f}{' (shipped)' if weight == MERGE_WEIGHT else ''}: "
                  f"{sum(r['translation'] for r in found)}/{positives} · {len(false)}/{len(mine) - positives}  "
                  + " ".join(str(r.get("ids", "")) for r in false))  # fmt: skip


def main() -> None:
    linker = Linker(RoutedEmbedder(), PairScorer.load())
    rows = ntrex_rows(linker) + bsnlp_rows(linker)
    if "--merge-weights" in sys.argv:
        print_merge_weights(rows + semeval_rows(linker))
    for part in ("development", "held-out"):
        print(f"== {part}: versions among translations / among different articles, by bridged sides")
        for line in LINES:
            cells = []
            for bridged in (0, 1, 2):
                mine = [r for r in rows if r["part"] == part and r["bridged"] == bridged]
                found = [r for r in mine if r["aligns"] and r["margin"] >= line]
                pos = sum(r["translation"] for r in mine)
                cells.append(f"{bridged}: {sum(r['translation'] for r in found)}/{pos} · "
                             f"{sum(not r['translation'] for r in found)}/{len(mine) - pos}")  # fmt: skip
            print(f"margin >= {line:.2f}   " + "   ".join(cells))
    print("different articles over the line (some are one text republished; read them):")
    for r in rows:
        if not r["translation"] and r["aligns"] and r.get("ids"):
            print(f"  {r['part']:11} margin {r['margin']:.3f} {r['ids'][0]} {r['ids'][1]}")


if __name__ == "__main__":
    main()
