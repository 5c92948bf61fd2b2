"""The learned same-story scorer: gradient-boosted trees over pair features, shipped as JSON.

Trained by ``scripts/train_pair_scorer.py`` on SemEval-2022 Task 8 pairs (human "Overall"
similarity, 1-4). The file holds up to three models: one over the document features, for every
scored pair; one over document and sentence features, for pairs close enough to have their
sentences compared (see ``pair_features``); and the second view, which adds multilingual-e5's
cosine of the two leads, for pairs the first two score near the same-story line. The trees are
exported as plain arrays and evaluated here with numpy, so the model file is small, versioned and
safe to load (no pickle). The score is the predicted similarity mapped from the 1-4 scale to [0, 1] (1 = very similar).
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import numpy as np

from newsweave.errors import ModelUnavailable
from newsweave.link.pair_features import (
    CROSS_LINGUAL_SENTENCE_FLOOR,
    DOCUMENT_FEATURES,
    FEATURE_NAMES,
    ROW_FEATURES,
    SENTENCE_FLOOR,
)

MODEL_FILE = "pair_scorer_v9.json"
# A predicted rating of "somewhat similar" (2 on the 1-4 scale) or better: the scale's same-story
# line. The close calls that read sentences and the second view's band are centred on it, in
# training and in linking alike, whatever line the shipped model decides at (``same_story``).
SAME_STORY_SCORE = 2 / 3
# A predicted rating of "somewhat dissimilar" (3) or better: the scale's related line, for a model
# that records none of its own (``related``).
RELATED_SCORE = 1 / 3
# Document-model scores this close to the line (0.15 rating points) are close calls.
UNCERTAIN = 0.05


_RECENT_ROWS = 4096  # rows whose prediction a model keeps (``_Trees.predict``)


class _Trees:
    """One exported gradient-boosted model."""

    def __init__(self, data: dict[str, Any], features: tuple[str, ...], version: str) -> None:
        if tuple(data["features"]) != features:
            raise ModelUnavailable(
                f"pair scorer {version} expects features {data['features']}",
                hint="retrain with scripts/train_pair_scorer.py",
            )
        self.baseline = float(data["baseline"])
        # Every tree's nodes in one padded (trees × nodes) array per field, so all trees are
        # walked at once, one numpy step per level: scoring costs microseconds, not a Python loop.
        trees = data["trees"]
        width = max(len(t["leaf"]) for t in trees)
        padded = {key: np.array([_pad(t[key], width, key == "leaf") for t in trees]) for key in _KEYS}
        self.feature, self.left, self.right = padded["feature"], padded["left"], padded["right"]
        self.threshold, self.value = padded["threshold"].astype(float), padded["value"].astype(float)
        self.leaf, self.missing_left = padded["leaf"].astype(bool), padded["missing_left"].astype(bool)
        self.depth = max(_depth(t["left"], t["right"], t["leaf"]) for t in trees)
        self._tree_index = np.arange(len(trees))
        # Linking asks for one pair's row several times while it decides (does it need sentences,
        # the second view, then its score): a walk of the trees is ~0.1 ms, a lookup far less.
        self._recent: dict[bytes, np.ndarray] = {}

    def predict(self, x: np.ndarray) -> np.ndarray:
        """Sum of the trees' leaf values (plus the baseline) for each row of ``x``."""
        if len(x) != 1:
            return self._walk(x)
        key = np.ascontiguousarray(x, dtype=np.float64).tobytes()
        if (known := self._recent.get(key)) is None:
            if len(self._recent) >= _RECENT_ROWS:
                self._recent.clear()
            known = self._recent[key] = self._walk(x)
        return known.copy()

    def _walk(self, x: np.ndarray) -> np.ndarray:
        n, trees = len(x), self._tree_index[None, :]
        node = np.zeros((n, len(self._tree_index)), dtype=np.int64)
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            value = x[rows, self.feature[trees, node]]
            go_left = np.where(np.isnan(value), self.missing_left[trees, node], value <= self.threshold[trees, node])
            step = np.where(go_left, self.left[trees, node], self.right[trees, node])
            node = np.where(self.leaf[trees, node], node, step)
        return self.baseline + self.value[trees, node].sum(axis=1)


class PairScorer:
    """Scores pairs of articles for "same story" in [0, 1].

    Rows of document features alone are scored by the document model. A full row (document and
    sentence features) is scored by the full model when ``needs_sentences`` holds for it — its
    cosine is at or above ``SENTENCE_FLOOR``, or the document model's score is within
    ``UNCERTAIN`` of the scale's same-story line (2/3), where the decision is a close call and
    the better model should make it — and by the document model otherwise. A row with the second
    view's lead cosine appended (``ROW_FEATURES``; sentence features NaN where they were not read)
    is scored by the second-view model when the first score is within ``second_view_band`` of
    2/3 (``needs_second_view``). Linking follows the same rules, so evaluation scores what runs.
    """

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data  # the JSON-ready form, as shipped
        self.version: str = data["version"]
        self.document = _Trees(data["document"], DOCUMENT_FEATURES, self.version)
        self.full = _Trees(data["full"], FEATURE_NAMES, self.version)
        self.second = _Trees(data["second"], ROW_FEATURES, self.version) if "second" in data else None
        # How close to the line a first score must be for the second view to be read (0: never).
        self.second_view_band: float = float(data.get("second_view_band", 0.0)) if self.second else 0.0
        self.cv: dict[str, float] = data.get("cross_validated", {})
        # The same-story line on this model's score, as shipped (the training script says why);
        # models without one use the meaning of the scale (2/3).
        self.same_story: float = float(data.get("same_story", SAME_STORY_SCORE))
        # The line at which decisions were 85 % precise on held-back folds (v5 and later decide at it).
        self.line_at_precision: float | None = data.get("line_at_precision")
        # The related line, chosen as the same-story line is, on pairs rated "somewhat dissimilar"
        # or closer (v9 and later); the scale's 1/3 for a model without one.
        self.related: float = float(data.get("related", RELATED_SCORE))

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

    def without_second_view(self) -> PairScorer:
        """This scorer deciding as one without a second view does: its first two models, at the
        scale's lines (2/3 and 1/3), since the shipped lines were chosen on scores the second view made."""
        lines = {"same_story": SAME_STORY_SCORE, "related": RELATED_SCORE}
        return PairScorer({**self.data, "second_view_band": 0.0, **lines})

    def needs_sentences(self, features: np.ndarray) -> np.ndarray:
        """For rows of (at least) document features: True where the full model should score."""
        x = np.atleast_2d(np.asarray(features, dtype=np.float64))
        return _needs_sentences(x, self.document.predict(x[:, : len(DOCUMENT_FEATURES)]))

    def needs_second_view(self, features: np.ndarray) -> np.ndarray:
        """For rows of document (and sentence) features: True where the second view should be read."""
        x = np.atleast_2d(np.asarray(features, dtype=np.float64))
        return self._near_line(self._first(x[:, : len(FEATURE_NAMES)]))

    def predict_raw(self, features: np.ndarray) -> np.ndarray:
        """Predicted negated Overall rating (-4 … -1) for rows of features."""
        x = np.atleast_2d(np.asarray(features, dtype=np.float64))
        out = self._first(x[:, : len(FEATURE_NAMES)])
        if self.second is not None and x.shape[1] == len(ROW_FEATURES):
            second = self._near_line(out) & np.isfinite(x[:, -1])
            if second.any():
                out[second] = self.second.predict(self.as_read(x[second]))
        return out

    def as_read(self, features: np.ndarray) -> np.ndarray:
        """Full rows with their sentence features blanked (NaN) where the first models do not read
        them, as the second-view model is fitted: whether linking embedded a pair's sentences for
        another reason (a possible version) then does not change its score."""
        x = np.array(np.atleast_2d(features), dtype=np.float64)
        unread = ~_needs_sentences(x, self.document.predict(x[:, : len(DOCUMENT_FEATURES)]))
        x[unread, len(DOCUMENT_FEATURES) : len(FEATURE_NAMES)] = np.nan
        return x

    def _first(self, x: np.ndarray) -> np.ndarray:
        """The first two models' prediction: the document model's, the full model's where it asks."""
        out = self.document.predict(x[:, : len(DOCUMENT_FEATURES)])
        if x.shape[1] == len(FEATURE_NAMES):
            # Sentence features NaN: not read for this row (a second-view row of a far pair).
            full = _needs_sentences(x, out) & np.isfinite(x[:, len(DOCUMENT_FEATURES)])
            if full.any():
                out[full] = self.full.predict(x[full])
        return out

    def _near_line(self, prediction: np.ndarray) -> np.ndarray:
        return np.abs(to_unit(prediction) - SAME_STORY_SCORE) < self.second_view_band

    def score(self, features: np.ndarray) -> float:
        """Same-story score in [0, 1] of one pair."""
        return float(to_unit(self.predict_raw(features))[0])


def model_data(document: Any, full: Any, *, version: str, second: Any = None, **extra: Any) -> dict[str, Any]:
    """The JSON-ready form of two or three fitted sklearn HistGradientBoostingRegressors."""

    def one(model: Any, features: tuple[str, ...]) -> dict[str, Any]:
        baseline = float(np.ravel(model._baseline_prediction)[0])
        return {"features": list(features), "baseline": baseline, "trees": export_trees(model)}

    return {
        "version": version,
        "sentence_floor": SENTENCE_FLOOR,
        "uncertain": UNCERTAIN,
        **extra,
        "document": one(document, DOCUMENT_FEATURES),
        "full": one(full, FEATURE_NAMES),
        **({"second": one(second, ROW_FEATURES)} if second is not None else {}),
    }


_KEYS = ("feature", "threshold", "left", "right", "leaf", "value", "missing_left")


def _needs_sentences(x: np.ndarray, document_prediction: np.ndarray) -> np.ndarray:
    """Rows close enough to be versions, or whose document-model score is a close call."""
    close_call = np.abs(to_unit(document_prediction) - SAME_STORY_SCORE) < UNCERTAIN
    floor = np.where(x[:, DOCUMENT_FEATURES.index("cross_lingual")] > 0, CROSS_LINGUAL_SENTENCE_FLOOR, SENTENCE_FLOOR)
    return (x[:, 0] >= floor) | close_call


def _pad(values: list[Any], width: int, fill: bool) -> list[Any]:
    """A tree's node field padded to ``width`` (padding nodes are leaves and never reached)."""
    return list(values) + [fill] * (width - len(values))


def _depth(left: list[int], right: list[int], leaf: list[bool]) -> int:
    """Number of splits on the longest path from the root of one tree."""
    deepest, stack = 0, [(0, 0)]
    while stack:
        node, depth = stack.pop()
        if leaf[node]:
            deepest = max(deepest, depth)
        else:
            stack += [(left[node], depth + 1), (right[node], depth + 1)]
    return deepest


def to_unit(negated_overall: np.ndarray) -> np.ndarray:
    """Map -Overall (-4 very dissimilar … -1 very similar) to a score in [0, 1]."""
    return np.clip((np.asarray(negated_overall) + 4.0) / 3.0, 0.0, 1.0)


def export_trees(model: Any) -> list[dict[str, list[float | int | bool]]]:
    """Plain arrays of a fitted sklearn HistGradientBoostingRegressor's trees.

    A model fitted on a subset of the feature columns names them in ``newsweave_columns``; its
    trees' feature indices are mapped back to the full row.
    """
    columns = np.asarray(getattr(model, "newsweave_columns", range(model.n_features_in_)))
    trees = []
    for (predictor,) in model._predictors:  # one tree per iteration for regression
        nodes = predictor.nodes
        trees.append(
            {
                "feature": columns[nodes["feature_idx"].astype(int)].tolist(),
                "threshold": nodes["num_threshold"].astype(float).tolist(),
                "left": nodes["left"].astype(int).tolist(),
                "right": nodes["right"].astype(int).tolist(),
                "leaf": nodes["is_leaf"].astype(bool).tolist(),
                "value": nodes["value"].astype(float).tolist(),
                "missing_left": nodes["missing_go_to_left"].astype(bool).tolist(),
            }
        )
    return trees
