"""Article similarity on rated pairs: Pearson r between the same-story score and human ratings.

The figure for the shipped scorer on the file it was trained on (SemEval dev.csv) is the
cross-validated one — every pair scored by a model refitted without its connected articles —
and the shipped model's in-sample figure is shown apart, labelled as such. On any other CSV the
shipped model is simply scored. The bare default embedder's cosine is scored in the same run.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsweave.eval.semeval import cross_validated, featurise, fit_scorer, groups, load_pairs
from newsweave.link.pair_scorer import PairScorer


@dataclass(frozen=True, slots=True)
class SimilarityRow:
    """One system's Pearson r overall, on monolingual and on cross-lingual pairs."""

    system: str
    overall: float
    monolingual: float
    cross_lingual: float
    pairs: int


@dataclass(frozen=True, slots=True)
class SimilarityReport:
    """Every system scored in one run, plus the spread over CV folds."""

    rows: list[SimilarityRow]
    fold_r: list[float] = field(default_factory=list)


def _pearson(score: np.ndarray, overall: np.ndarray, mask: np.ndarray) -> float:
    if mask.sum() < 3:
        return float("nan")
    return float(np.corrcoef(score[mask], -overall[mask])[0, 1])


def _row(name: str, score: np.ndarray, overall: np.ndarray, cross: np.ndarray) -> SimilarityRow:
    every = np.ones_like(cross)
    return SimilarityRow(
        name,
        _pearson(score, overall, every),
        _pearson(score, overall, ~cross),
        _pearson(score, overall, cross),
        len(score),
    )


def evaluate_similarity(pairs_csv: Path, *, cross_validate: bool = True) -> SimilarityReport:
    """Score the default embedder's cosine and the pair scorer on rated pairs, in one run."""
    pairs = load_pairs(pairs_csv)
    x, _ = featurise(pairs)
    overall = np.array([p.overall for p in pairs])
    cross = np.array([p.cross_lingual for p in pairs])
    scorer = PairScorer.load()
    rows = [
        _row("USE cosine (baseline)", x[:, 0], overall, cross),
        _row(f"pair scorer {scorer.version} (shipped model)", scorer.predict_raw(x), overall, cross),
    ]
    folds: list[float] = []
    if cross_validate:
        predictions, folds = cross_validated(x, -overall, groups(pairs), fit_scorer)
        rows.append(_row("pair scorer, refitted per fold (cross-validated)", predictions, overall, cross))
    return SimilarityReport(rows, folds)
