"""How far the learned pair ranking is ahead of the bare cosine at each precision (issue 12).

    nice -n 19 uv run python scripts/measure_margin_curve.py [--pairs PATH]

Issue 12 asks for same-story recall above the bare USE cosine's by 0.05 or more at equal
precision. The held-out fifth (``held_out``) has 96 same-story pairs, so one pair moves its
recall by 0.010 and its comparison swings with the step of the cosine's precision curve it lands
on. This script reads only dev.csv's training part (the held-out fifth is not scored): the pair
scorer's out-of-fold predictions of 3x5 repeated grouped cross-validation (its own learner and
features, ``repeated_cross_validated``), ranked against the whole-text cosine, and for each
precision from 0.80 to 0.92 prints the learned ranking's recall at the lowest line that is that
precise (``choose_line``) and the cosine's at the precision reached (``recall_against_cosine``:
the cosine gets the best step of its curve, as in ``eval clustering``).
About 1.5 minutes (features are cached by ``featurise``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np

from newsweave.eval.semeval import (
    choose_line,
    default_pairs_csv,
    featurise,
    fit_scorer,
    groups,
    held_out,
    load_pairs,
    recall_against_cosine,
    repeated_cross_validated,
)
from newsweave.link.pair_features import ROW_FEATURES

PRECISIONS = (0.80, 0.82, 0.84, 0.86, 0.88, 0.90, 0.92)
SAME_STORY = 2.0  # Overall <= 2, as eval clustering's gold


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=Path, default=None, help="dev.csv (default: the shared benchmark)")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs or default_pairs_csv())
    training = [p for p, held in zip(pairs, held_out(pairs), strict=True) if not held]
    x, _ = featurise(training)
    overall = np.array([p.overall for p in training])
    gold = overall <= SAME_STORY
    predicted, _ = repeated_cross_validated(x, -overall, groups(training), fit_scorer)
    cosine = x[:, ROW_FEATURES.index("cosine")]
    print(f"{len(training)} pairs of the training part, {int(gold.sum())} same-story")
    for precision in PRECISIONS:
        line = choose_line(predicted, gold, precision)
        learned_p, learned_r, cosine_r = recall_against_cosine(predicted, cosine, gold, line)
        print(f"precision >= {precision:.2f}: learned R {learned_r:.3f} (P {learned_p:.3f}), "
              f"cosine R {cosine_r:.3f} at that precision, margin {learned_r - cosine_r:+.3f}")  # fmt: skip


if __name__ == "__main__":
    main()
