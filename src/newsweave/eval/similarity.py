"""Article similarity on rated pairs: Pearson r between the same-story score and human ratings.

The figure for the shipped scorer on the file it was trained on (SemEval dev.csv) is the
cross-validated one — every pair scored by a model refitted without its connected articles —
and the shipped model's in-sample figure is shown apart, labelled as such. On any other CSV the
shipped model is simply scored. The bare default embedder's cosine is scored in the same run.
On dev.csv it also scores the related line: how often "related or closer" decisions are right
(gold: Overall <= 3, "somewhat dissimilar" at worst) at the shipped model's line and at the
scale's 1/3, held out and on the rest's folds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import use_engines
from newsweave.eval.intervals import Interval, grouped_bootstrap
from newsweave.eval.semeval import (
    featurise,
    fit_scorer,
    fit_scorer_with_facts,
    groups,
    held_out,
    load_pairs,
    precision_recall_at,
    repeated_cross_validated,
)
from newsweave.link.pair_features import FEATURE_NAMES
from newsweave.link.pair_scorer import RELATED_SCORE, PairScorer, to_unit


@dataclass(frozen=True, slots=True)
class SimilarityRow:
    """One system's Pearson r overall, on monolingual and on cross-lingual pairs."""

    system: str
    overall: float
    monolingual: float
    cross_lingual: float
    pairs: int


@dataclass(frozen=True, slots=True)
class RelatedRow:
    """Decisions "related or closer" (score >= ``line``) against pairs rated Overall <= 3."""

    system: str
    line: float
    precision: float
    recall: float
    pairs: int


@dataclass(frozen=True, slots=True)
class SimilarityReport:
    """Every system scored in one run, plus the spread over CV folds."""

    rows: list[SimilarityRow]
    fold_r: list[float] = field(default_factory=list)
    intervals: list[Interval] = field(default_factory=list)
    related: list[RelatedRow] = field(default_factory=list)
    use_engines: tuple[str, str] = field(default_factory=use_engines)  # (documents, sentences): they move the figures


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
    """Score the default embedder's cosine and the pair scorer on rated pairs, in one run.

    With ``cross_validate`` (the file the shipped scorer was built from), the pairs are split as
    ``held_out`` says: the held-out part is scored once by the shipped model, which never saw it
    (the unseen-data figure), the rest by models refitted in repeated grouped folds (the figure
    every choice was made on, with its spread), and the shipped model's in-sample figure on the
    rest is shown apart, labelled as such. On any other file the shipped model is simply scored.
    """
    pairs = load_pairs(pairs_csv)
    x, _ = featurise(pairs)
    overall = np.array([p.overall for p in pairs])
    cross = np.array([p.cross_lingual for p in pairs])
    scorer = PairScorer.load()
    shipped = scorer.predict_raw(x)
    first = scorer.predict_raw(x[:, : len(FEATURE_NAMES)])  # rows without the lead cosine: no second view
    if not cross_validate:
        rows = [
            _row("USE cosine (baseline)", x[:, 0], overall, cross),
            _row(f"pair scorer {scorer.version} (shipped model)", shipped, overall, cross),
        ]
        return SimilarityReport(rows)
    held = held_out(pairs)
    rest = ~held
    predictions, folds = repeated_cross_validated(x[rest], -overall[rest], groups(pairs)[rest], fit_scorer)
    # The same folds with the fact features read too: what they would add (see ``semeval.LEFT_OUT``).
    with_facts, _ = repeated_cross_validated(x[rest], -overall[rest], groups(pairs)[rest], fit_scorer_with_facts)
    rows = [
        _row("held-out: USE cosine (baseline)", x[held, 0], overall[held], cross[held]),
        _row(f"held-out: pair scorer {scorer.version} (shipped, never saw these)", shipped[held], overall[held],
             cross[held]),
        _row("held-out: the same without its second view (e5 leads)", first[held], overall[held], cross[held]),
        _row("CV on the rest: USE cosine (baseline)", x[rest, 0], overall[rest], cross[rest]),
        _row("CV on the rest: pair scorer refitted per fold (3x5 grouped)", predictions, overall[rest], cross[rest]),
        _row("CV on the rest: the same, reading the fact features too", with_facts, overall[rest], cross[rest]),
        _row("in-sample on the rest: shipped model (not a quality figure)", shipped[rest], overall[rest], cross[rest]),
    ]  # fmt: skip
    intervals = _held_out_intervals(shipped[held], x[held, 0], overall[held], groups(pairs)[held])
    lines = {f"the model's line ({scorer.version})": scorer.related, "the scale's 1/3": RELATED_SCORE}
    parts = (("held-out", shipped[held], overall[held]), ("CV on the rest", predictions, overall[rest]))
    related = [
        _related_row(f"{part}: {name}", score, rated, line)
        for part, score, rated in parts
        for name, line in lines.items()
    ]
    return SimilarityReport(rows, folds, intervals, related)


def _related_row(system: str, negated_overall: np.ndarray, overall: np.ndarray, line: float) -> RelatedRow:
    score = to_unit(negated_overall)
    precision, recall = precision_recall_at(score, overall <= 3, line)
    return RelatedRow(system, line, precision if (score >= line).any() else float("nan"), recall, len(overall))


def _held_out_intervals(
    shipped: np.ndarray, cosine: np.ndarray, overall: np.ndarray, group: np.ndarray
) -> list[Interval]:
    """The held-out r of the scorer and of the cosine, and their gap, each with its interval."""

    def r(score: np.ndarray) -> Callable[[np.ndarray], float]:
        return lambda i: float(np.corrcoef(score[i], -overall[i])[0, 1])

    return [
        grouped_bootstrap("held-out r, shipped scorer", r(shipped), group),
        grouped_bootstrap("held-out r, USE cosine", r(cosine), group),
        grouped_bootstrap("held-out r, shipped minus cosine", lambda i: r(shipped)(i) - r(cosine)(i), group),
    ]
