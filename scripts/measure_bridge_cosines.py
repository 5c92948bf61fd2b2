"""Whole-text cosines through the e5 bridge against USE's own, on the same article pairs (label-free).

    nice -n 10 uv run python scripts/measure_bridge_cosines.py [--pairs PATH] [--sample 120] [--lead]

`newsweave eval routes` found the e5 route over-linking when both sides go through the bridge
(same-story precision 0.678 against USE's 0.866 with SemEval's languages forced out of USE).
This measures why: a random sample of the development part of SemEval dev.csv (``held_out``
excluded; every text is in one of USE's languages, so both embeddings exist), each pair's cosine
with USE on both sides, e5-bridged on both sides, and bridged on one side, by gold rating, and the
share of different-story pairs over linking's 0.5 candidate floor. About a second a pair (e5).
``--lead``: e5 as the lead route reads a text (the first 128 tokens of its content words, 8-bit),
for that route's lines (``analyze.embedding.LEAD_COSINE_LINE`` and ``LEAD_ONE_SIDE_LINE``; 0.2 s a pair).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import E5Embedder, UseEmbedder, _bridge, apply_bridge, lead_e5
from newsweave.eval.semeval import default_pairs_csv, held_out, load_pairs
from newsweave.link.linker import DOCUMENT_CHARS

FLOOR = 0.5  # Linker.candidate_floor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--sample", type=int, default=120)
    parser.add_argument("--lead", action="store_true", help="e5 as the lead route reads a text")
    args = parser.parse_args()
    every = load_pairs(args.pairs or default_pairs_csv())
    development = [p for p, held in zip(every, held_out(every), strict=True) if not held]
    rng = np.random.default_rng(0)
    sample = [development[i] for i in rng.choice(len(development), min(args.sample, len(development)), replace=False)]
    use, e5 = UseEmbedder(), lead_e5() if args.lead else E5Embedder()

    def use_vector(text: str) -> np.ndarray:
        return use.embed([text[:DOCUMENT_CHARS]])[0]

    def bridged_vector(text: str, language: str) -> np.ndarray:
        return apply_bridge(e5.embed([text[:DOCUMENT_CHARS]], language), _bridge())[0]

    rows = []
    for p in sample:
        u1, u2 = use_vector(p.text1), use_vector(p.text2)
        b1, b2 = bridged_vector(p.text1, p.lang1), bridged_vector(p.text2, p.lang2)
        rows.append((p.overall, float(u1 @ u2), float(b1 @ b2), float(b1 @ u2)))
    r = np.array(rows)
    print(f"{len(r)} pairs of the development part; mean cosine: USE both sides / bridged both / bridged one")
    subsets = (("all", r[:, 0] > 0), ("same story (Overall <= 2)", r[:, 0] <= 2), ("different (>= 3)", r[:, 0] >= 3))
    for name, mask in subsets:
        x = r[mask]
        print(f"  {name:26s} {len(x):4d} pairs  {x[:, 1].mean():.3f} / {x[:, 2].mean():.3f} / {x[:, 3].mean():.3f}")
    different = r[r[:, 0] >= 3]
    over = [(different[:, k] >= FLOOR).mean() for k in (1, 2, 3)]
    print(f"  different pairs over the {FLOOR} floor: {over[0]:.3f} / {over[1]:.3f} / {over[2]:.3f}")
    # Label-free: the least-squares line from the bridged cosine to USE's on the same pairs.
    for k, name in ((2, "bridged both"), (3, "bridged one")):
        slope, intercept = np.polyfit(r[:, k], r[:, 1], 1)
        print(f"  USE cosine ~ {slope:.3f} x {name} cosine {intercept:+.3f}")


if __name__ == "__main__":
    main()
