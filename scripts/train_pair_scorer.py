"""Train the shipped pair scorer on SemEval-2022 Task 8 dev.csv and print its cross-validated figures.

    uv run python scripts/train_pair_scorer.py [--pairs PATH]

Writes src/newsweave/link/models/pair_scorer_v2.json (deterministic: fixed seeds, sorted input).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from newsweave.eval.semeval import cross_validated, default_pairs_csv, featurise, fit_scorer, groups, load_pairs
from newsweave.link.pair_scorer import MODEL_FILE

OUT = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "link" / "models" / MODEL_FILE


def main() -> None:
    """Fit on every pair, report the grouped 5-fold figures, write the model file."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs or default_pairs_csv())
    x, _ = featurise(pairs)
    y = -np.array([p.overall for p in pairs])
    predictions, folds = cross_validated(x, y, groups(pairs), fit_scorer)
    cross = np.array([p.cross_lingual for p in pairs])
    figures = {
        "overall": float(np.corrcoef(predictions, y)[0, 1]),
        "monolingual": float(np.corrcoef(predictions[~cross], y[~cross])[0, 1]),
        "cross_lingual": float(np.corrcoef(predictions[cross], y[cross])[0, 1]),
        "fold_std": float(np.std(folds)),
        "baseline_cosine": float(np.corrcoef(x[:, 0], y)[0, 1]),
    }
    source = "SemEval-2022 Task 8 dev.csv (1,283 rows), target -Overall"
    scorer = fit_scorer(x, y, version="v2", trained_on=source, cross_validated=figures)
    OUT.write_text(json.dumps(scorer.data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
