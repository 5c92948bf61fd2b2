"""SemEval-2022 Task 8 pairs: loading, embedding and featurising them, and fitting the pair scorer.

Shared by ``newsweave eval similarity`` / ``eval clustering`` and ``scripts/train_pair_scorer.py``
so the figures in the README and the shipped model come from the same code.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.analyze.embedding import Embedder, UseEmbedder
from newsweave.analyze.sentences import split_sentences
from newsweave.errors import ConfigError
from newsweave.eval.data import find_benchmark
from newsweave.link.pair_features import DOCUMENT_FEATURES, FEATURE_NAMES, PairSide, pair_features
from newsweave.link.pair_scorer import PairScorer, model_data

_PAIRS = Path("benchmarks") / "semeval2022-task8" / "dev.csv"
_REQUIRED = ("pair_id", "lang1", "lang2", "text1", "text2", "Overall")
MAX_SENTENCES = 60
DOCUMENT_CHARS = 3000


@dataclass(frozen=True, slots=True)
class RatedPair:
    """One human-rated pair of news articles."""

    pair_id: str
    id1: str
    id2: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    overall: float  # 1 very similar … 4 very dissimilar

    @property
    def cross_lingual(self) -> bool:
        """True when the two articles are in different languages."""
        return self.lang1 != self.lang2


def default_pairs_csv() -> Path:
    """``shared/benchmarks/semeval2022-task8/dev.csv`` beside the repository or the working directory."""
    hint = "pass --pairs PATH (a CSV of rated pairs)"
    return find_benchmark(_PAIRS, what="the SemEval-2022 Task 8 pairs", hint=hint)


def load_pairs(path: Path) -> list[RatedPair]:
    """Rated pairs from a CSV in the SemEval format (columns pair_id, lang1, lang2, text1, text2, Overall)."""
    csv.field_size_limit(sys.maxsize)
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
            if missing:
                raise ConfigError(
                    f"{path} lacks the column(s) {', '.join(missing)}", hint="see SOURCE.md for the format"
                )
            rows = list(reader)
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror}") from e
    pairs = []
    for row in rows:
        if not row["text1"].strip() or not row["text2"].strip() or not row["Overall"].strip():
            continue
        id1, _, id2 = row["pair_id"].partition("_")
        pairs.append(
            RatedPair(row["pair_id"], id1 or row["pair_id"] + "a", id2 or row["pair_id"] + "b", row["lang1"],
                      row["lang2"], row["text1"], row["text2"], float(row["Overall"]))
        )  # fmt: skip
    if len(pairs) < 3:
        raise ConfigError(f"{path} holds {len(pairs)} usable rated pairs; at least 3 are needed")
    return pairs


def embed_texts(texts: Sequence[str], embedder: Embedder, languages: dict[str, str]) -> dict[str, PairSide]:
    """Whole-text, title (first sentence) and sentence vectors of each distinct text."""
    sides = {}
    for text in dict.fromkeys(texts):
        sentences = split_sentences(text)[:MAX_SENTENCES] or [text[:500]]
        vectors = embedder.embed([text[:DOCUMENT_CHARS], *sentences], languages.get(text))
        sides[text] = PairSide(text, languages.get(text), vectors[0], vectors[1], vectors[1:])
    return sides


def featurise(pairs: Sequence[RatedPair], embedder: Embedder | None = None) -> tuple[np.ndarray, dict[str, PairSide]]:
    """Feature matrix of the pairs (rows in order) and the embedded sides."""
    languages = {p.text1: p.lang1 for p in pairs} | {p.text2: p.lang2 for p in pairs}
    sides = embed_texts([t for p in pairs for t in (p.text1, p.text2)], embedder or UseEmbedder(), languages)
    return np.stack([pair_features(sides[p.text1], sides[p.text2]) for p in pairs]), sides


def groups(pairs: Sequence[RatedPair]) -> np.ndarray:
    """A group per connected set of articles, so no article is on both sides of a CV split."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for p in pairs:
        parent[find(p.id1)] = find(p.id2)
    roots = {root: i for i, root in enumerate(sorted({find(p.id1) for p in pairs}))}
    return np.array([roots[find(p.id1)] for p in pairs])


# One group of connected articles in five is held out of every choice made on dev.csv (features,
# model, settings, the story line) and scored once, at the end: the unseen-data figure.
HELD_OUT_SHARE = 5


def held_out(pairs: Sequence[RatedPair]) -> np.ndarray:
    """True for the pairs of the held-out part: fixed, documented, grouped by connected articles.

    A group is held out when the SHA-256 of its smallest article id is 0 modulo ``HELD_OUT_SHARE``,
    so the split needs no saved file, does not depend on row order, and keeps every article (and
    every article it is paired with) on one side.
    """
    group = groups(pairs)
    smallest: dict[int, str] = {}
    for g, p in zip(group.tolist(), pairs, strict=True):
        smallest[g] = min(smallest.get(g, p.id1), p.id1, p.id2)
    chosen = {g for g, key in smallest.items() if _digest(key) % HELD_OUT_SHARE == 0}
    return np.array([g in chosen for g in group.tolist()])


def _digest(key: str) -> int:
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16)


# The direction each feature must act in (1: more of it, more alike; 0: free). A bounded model:
# no region of feature space where more shared names or a higher cosine lowers the score, which a
# free model fitted on 1,000 pairs does learn from noise and then applies to unseen pairs.
MONOTONE = {
    "cosine": 1, "title_cosine": 1, "names_jaccard": 1, "numbers_jaccard": 1, "cross_lingual": 0, "length_gap": 0,
    "entities_jaccard": 1, "place_distance": -1, "date_gap": -1,
    "coverage_a": 1, "coverage_b": 1, "dense_overlap": 1, "mean_sentence_cosine": 1,
}  # fmt: skip


def fit_model(x: np.ndarray, y: np.ndarray) -> Any:
    """The pair scorer's learner: shallow gradient-boosted trees, monotone in each feature's direction."""
    from sklearn.ensemble import HistGradientBoostingRegressor

    # A feature no training pair has (the fact features, on pairs read without facts) is left out
    # of the fit; the exported trees then never read it (``export_trees`` maps the columns back).
    used = [i for i in range(x.shape[1]) if np.isfinite(x[:, i]).any()]
    constraints = [MONOTONE[FEATURE_NAMES[i]] for i in used]
    model = HistGradientBoostingRegressor(
        max_iter=150, learning_rate=0.05, max_depth=3, min_samples_leaf=30, monotonic_cst=constraints, random_state=0
    ).fit(x[:, used], y)
    model.newsweave_columns = used
    return model


def fit_scorer(x: np.ndarray, y: np.ndarray, **extra: Any) -> PairScorer:
    """Both models of a pair scorer (document features; all features) fitted on full feature rows."""
    document = fit_model(x[:, : len(DOCUMENT_FEATURES)], y)
    return PairScorer(model_data(document, fit_model(x, y), version=extra.pop("version", "fitted"), **extra))


def cross_validated(
    x: np.ndarray, y: np.ndarray, group: np.ndarray, fit: Callable[[np.ndarray, np.ndarray], Any], folds: int = 5
) -> tuple[np.ndarray, list[float]]:
    """Out-of-fold predictions (each row scored by a model that never saw its group) and per-fold r.

    ``fit(x, y)`` returns a fitted model with ``predict`` or a ``PairScorer``.
    """
    from sklearn.model_selection import GroupKFold

    predictions = np.zeros(len(y))
    per_fold = []
    for train, test in GroupKFold(n_splits=min(folds, len(set(group)))).split(x, y, group):
        model = fit(x[train], y[train])
        predict = model.predict_raw if isinstance(model, PairScorer) else model.predict
        predictions[test] = predict(x[test])
        per_fold.append(float(np.corrcoef(predictions[test], y[test])[0, 1]))
    return predictions, per_fold


def repeated_cross_validated(
    x: np.ndarray,
    y: np.ndarray,
    group: np.ndarray,
    fit: Callable[[np.ndarray, np.ndarray], Any],
    folds: int = 5,
    repeats: int = 3,
) -> tuple[np.ndarray, list[float]]:
    """Grouped k-fold repeated with ``repeats`` seeded shuffles: mean out-of-fold prediction per row
    and the Pearson r of every fold (the spread a figure from one split hides)."""
    from sklearn.model_selection import GroupKFold

    predictions = np.zeros((repeats, len(y)))
    per_fold = []
    for repeat in range(repeats):
        splitter = GroupKFold(n_splits=min(folds, len(set(group))), shuffle=True, random_state=repeat)
        for train, test in splitter.split(x, y, group):
            model = fit(x[train], y[train])
            predict = model.predict_raw if isinstance(model, PairScorer) else model.predict
            predictions[repeat, test] = predict(x[test])
            per_fold.append(float(np.corrcoef(predictions[repeat, test], y[test])[0, 1]))
    return predictions.mean(axis=0), per_fold


def choose_line(score: np.ndarray, gold: np.ndarray, precision: float) -> float:
    """The lowest line (most recall) at which ``score >= line`` is at least ``precision`` precise."""
    order = np.argsort(-score)
    hits = np.cumsum(gold[order]) / np.arange(1, len(score) + 1)
    precise = np.flatnonzero(hits >= precision)
    return float(score[order][precise[-1]]) if len(precise) else float(score.max())
