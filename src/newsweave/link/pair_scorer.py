"""The learned same-story scorer: gradient-boosted trees over pair features, shipped as JSON.

Trained by ``scripts/train_pair_scorer.py`` on SemEval-2022 Task 8 pairs (human "Overall"
similarity, 1-4). The trees are exported as plain arrays and evaluated here with numpy, so the
model file is small, versioned and safe to load (no pickle). Its score is the predicted
similarity mapped from the 1-4 scale to [0, 1] (1 = very similar).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import numpy as np

from newsweave.errors import ModelUnavailable
from newsweave.link.pair_features import FEATURE_NAMES

MODEL_FILE = "pair_scorer_v1.json"


@dataclass(frozen=True, slots=True)
class _Tree:
    feature: np.ndarray
    threshold: np.ndarray
    left: np.ndarray
    right: np.ndarray
    leaf: np.ndarray
    value: np.ndarray
    missing_left: np.ndarray


class PairScorer:
    """Scores pairs of articles for "same story" in [0, 1]."""

    def __init__(self, data: dict[str, Any]) -> None:
        if tuple(data["features"]) != FEATURE_NAMES:
            raise ModelUnavailable(
                f"pair scorer {data.get('version')} expects features {data['features']}",
                hint="retrain with scripts/train_pair_scorer.py",
            )
        self.version: str = data["version"]
        self.baseline = float(data["baseline"])
        self.trees = [_Tree(*(np.asarray(t[k]) for k in _KEYS)) for t in data["trees"]]
        self.cv: dict[str, float] = data.get("cross_validated", {})

    @classmethod
    def load(cls, name: str = MODEL_FILE) -> PairScorer:
        """The model shipped in the package."""
        try:
            text = (resources.files("newsweave.link") / "models" / name).read_text(encoding="utf-8")
        except FileNotFoundError as e:
            raise ModelUnavailable(
                f"pair scorer model {name} is missing", hint="run scripts/train_pair_scorer.py"
            ) from e
        return cls(json.loads(text))

    def predict_raw(self, features: np.ndarray) -> np.ndarray:
        """Predicted negated Overall rating (-4 … -1) for rows of features."""
        x = np.atleast_2d(np.asarray(features, dtype=np.float64))
        out = np.full(len(x), self.baseline)
        for tree in self.trees:
            out += np.array([_walk(tree, row) for row in x])
        return out

    def score(self, features: np.ndarray) -> float:
        """Same-story score in [0, 1] of one pair."""
        return float(to_unit(self.predict_raw(features))[0])


_KEYS = ("feature", "threshold", "left", "right", "leaf", "value", "missing_left")


def _walk(tree: _Tree, row: np.ndarray) -> float:
    node = 0
    while not tree.leaf[node]:
        x = row[tree.feature[node]]
        go_left = tree.missing_left[node] if np.isnan(x) else x <= tree.threshold[node]
        node = tree.left[node] if go_left else tree.right[node]
    return float(tree.value[node])


def to_unit(negated_overall: np.ndarray) -> np.ndarray:
    """Map -Overall (-4 very dissimilar … -1 very similar) to a score in [0, 1]."""
    return np.clip((np.asarray(negated_overall) + 4.0) / 3.0, 0.0, 1.0)


def export_trees(model: Any) -> list[dict[str, list[float | int | bool]]]:
    """Plain arrays of a fitted sklearn HistGradientBoostingRegressor's trees."""
    trees = []
    for (predictor,) in model._predictors:  # one tree per iteration for regression
        nodes = predictor.nodes
        trees.append(
            {
                "feature": nodes["feature_idx"].astype(int).tolist(),
                "threshold": nodes["num_threshold"].astype(float).tolist(),
                "left": nodes["left"].astype(int).tolist(),
                "right": nodes["right"].astype(int).tolist(),
                "leaf": nodes["is_leaf"].astype(bool).tolist(),
                "value": nodes["value"].astype(float).tolist(),
                "missing_left": nodes["missing_go_to_left"].astype(bool).tolist(),
            }
        )
    return trees
