"""Do the facts' which-event features help same-story decisions? Measured on dev.csv's own aspect ratings (issue 12).

    nice -n 19 uv run python scripts/measure_event_aspects.py [--pairs PATH]

SemEval-2022 Task 8 raters scored each pair on seven aspects besides Overall: Geography, Entities,
Time, Narrative, Style, Tone (1 very similar ... 4 very dissimilar). The fact features (shared
canonical entities, nearest-place and focus-place distance, date gap) should say where and when
two reports are, so they are measured against the aspects they stand for, not only against
Overall. Everything here is on the training part of dev.csv (``held_out`` excluded and not
scored): 3x5 repeated grouped CV with the pair scorer's own learner.

It prints (1) the correlation between the aspect ratings; (2) each feature's correlation with
Geography, Entities, Time, Narrative and Overall, raw and partial (after the whole-text cosine);
(3) for each aspect, the out-of-fold Pearson r of a model predicting it with and without the
fact features; (4) the best same-story recall (gold: Overall <= 2) at precision 0.80 / 0.85 /
0.90 of the v4 score alone and of the v4 score with a veto from each aspect model (a pair
is same-story only when the aspect model also rates it at least as alike as a quantile of its
scores), beside the bare cosine's.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.eval.semeval import (
    default_pairs_csv,
    featurise,
    fit_model,
    fit_scorer,
    groups,
    held_out,
    load_pairs,
    repeated_cross_validated,
)
from newsweave.link.pair_features import FEATURE_NAMES
from newsweave.link.pair_scorer import to_unit

ASPECTS = ("Geography", "Entities", "Time", "Narrative", "Overall")
VETO_QUANTILES = (0.02, 0.05, 0.1, 0.15, 0.2, 0.3)


def aspect_ratings(path: Path, pair_ids: list[str]) -> np.ndarray:
    """The aspect ratings of the pairs (rows in ``pair_ids`` order, columns ``ASPECTS``)."""
    csv.field_size_limit(sys.maxsize)
    with path.open(encoding="utf-8", newline="") as f:
        rows = {row["pair_id"]: row for row in csv.DictReader(f)}
    return np.array([[float(rows[p][a]) for a in ASPECTS] for p in pair_ids])


def partial(values: np.ndarray, target: np.ndarray, control: np.ndarray) -> tuple[float, float]:
    """Pearson r of ``values`` with ``target``, raw and after regressing both on ``control``."""
    ok = np.isfinite(values)
    v, t, c = values[ok], target[ok], control[ok]
    design = np.column_stack([np.ones(len(c)), c])

    def residual(y: np.ndarray) -> np.ndarray:
        return y - design @ np.linalg.lstsq(design, y, rcond=None)[0]

    return float(np.corrcoef(v, t)[0, 1]), float(np.corrcoef(residual(v), residual(t))[0, 1])


class _Columns:
    """A model fitted on some columns (``fit_model``), predicting from full rows."""

    def __init__(self, model: Any) -> None:
        self.model = model

    def predict(self, x: np.ndarray) -> np.ndarray:
        return self.model.predict(x[:, self.model.newsweave_columns])


def recall_at(score: np.ndarray, gold: np.ndarray, precision: float) -> float:
    """The most recall any line on ``score`` reaches at ``precision`` or better."""
    order = np.argsort(-score)
    hits = np.cumsum(gold[order])
    precise = hits / np.arange(1, len(score) + 1) >= precision
    return float(hits[precise].max() / gold.sum()) if precise.any() else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    args = parser.parse_args()
    path = args.pairs or default_pairs_csv()
    pairs = load_pairs(path)
    rest = ~held_out(pairs)
    x_all, _ = featurise(pairs)
    # v4's features only: this measures the facts against v4's decisions (v5's second view aside).
    x, group = x_all[rest][:, : len(FEATURE_NAMES)], groups(pairs)[rest]
    ratings = aspect_ratings(path, [p.pair_id for p, kept in zip(pairs, rest, strict=True) if kept])
    overall, cosine = ratings[:, -1], x[:, FEATURE_NAMES.index("cosine")]
    print(f"training part: {len(x)} pairs; aspect correlations ({', '.join(ASPECTS)}):")
    print(np.round(np.corrcoef(ratings.T), 2))
    print("\nfeature (share of pairs it exists for): r with each aspect, raw | partial after the cosine")
    for j, name in enumerate(FEATURE_NAMES):
        figures = [partial(x[:, j], ratings[:, k], cosine) for k in range(len(ASPECTS))]
        raw = " ".join(f"{r:+.2f}" for r, _ in figures)
        after = " ".join(f"{p:+.2f}" for _, p in figures) if name != "cosine" else "-"
        print(f"  {name:22} ({np.isfinite(x[:, j]).mean():.2f})  {raw} | {after}")
    gold = overall <= 2
    v4, _ = repeated_cross_validated(x, -overall, group, fit_scorer)
    v4_unit = to_unit(v4)
    levels = (0.80, 0.85, 0.90)
    line = "  ".join(f"P>={p:.2f}: v4 R {recall_at(v4_unit, gold, p):.3f}, cosine {recall_at(cosine, gold, p):.3f}"
                     for p in levels)  # fmt: skip
    print(f"\nsame-story recall (gold Overall <= 2, {gold.sum()} pairs): {line}")
    with_facts: Callable[[np.ndarray, np.ndarray], _Columns] = lambda a, b: _Columns(fit_model(a, b, left_out=()))  # noqa: E731
    without: Callable[[np.ndarray, np.ndarray], _Columns] = lambda a, b: _Columns(fit_model(a, b))  # noqa: E731
    for k, aspect in enumerate(ASPECTS[:-1]):
        target = -ratings[:, k]
        predicted, _ = repeated_cross_validated(x, target, group, with_facts)
        baseline, _ = repeated_cross_validated(x, target, group, without)
        vetoed = []
        for precision in levels:
            best = max(
                recall_at(np.where(predicted >= np.quantile(predicted, q), v4_unit, -1.0), gold, precision)
                for q in VETO_QUANTILES
            )
            vetoed.append(f"P>={precision:.2f}: R {best:.3f}")
        print(
            f"{aspect:10} out-of-fold r with the fact features {np.corrcoef(predicted, target)[0, 1]:.3f}, without "
            f"{np.corrcoef(baseline, target)[0, 1]:.3f}; v4 with its veto, best over quantiles: {'  '.join(vetoed)}"
        )


if __name__ == "__main__":
    main()
