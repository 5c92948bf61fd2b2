"""The features of a pair of articles that the learned pair scorer reads.

Everything here is computed from stored embeddings and the texts: nothing is embedded again.
Each feature, in order:

0. cosine of the two whole-text vectors;
1. cosine of the two title vectors;
2. mean over A's sentences of the best match in B (how much of A B covers), and
3. the same from B to A;
4. share of sentence pairs above 0.6 similarity (dense overlap, as in translations);
5. cosine of the two mean sentence vectors;
6. Jaccard overlap of folded, transliterated names (people, places, organisations);
7. Jaccard overlap of the stated numbers (not years);
8. 1 when the two languages differ (cross-lingual pairs have lower cosines for the same story);
9. absolute difference of log text lengths.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsweave.analyze.embedding import normalise
from newsweave.link.evidence import claims, names

FEATURE_NAMES = (
    "cosine", "title_cosine", "coverage_a", "coverage_b", "dense_overlap", "mean_sentence_cosine",
    "names_jaccard", "numbers_jaccard", "cross_lingual", "length_gap",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PairSide:
    """One article as the pair features see it."""

    text: str
    language: str | None
    document: np.ndarray  # whole-text vector
    title: np.ndarray  # title (or first sentence) vector
    sentences: np.ndarray  # sentence vectors, rows


def pair_features(a: PairSide, b: PairSide) -> np.ndarray:
    """The feature vector (float64[len(FEATURE_NAMES)]) of a pair."""
    sim = a.sentences @ b.sentences.T if len(a.sentences) and len(b.sentences) else np.zeros((1, 1))
    mean_cos = float(normalise(a.sentences.mean(0)) @ normalise(b.sentences.mean(0))) if sim.size > 1 else 0.0
    return np.array(
        [
            float(a.document @ b.document),
            float(a.title @ b.title),
            float(sim.max(axis=1).mean()),
            float(sim.max(axis=0).mean()),
            float((sim > 0.6).mean()),
            mean_cos,
            _jaccard(names(a.text), names(b.text)),
            _jaccard({c.low for c in claims(a.text)}, {c.low for c in claims(b.text)}),
            float((a.language or "") != (b.language or "")),
            abs(float(np.log1p(len(a.text)) - np.log1p(len(b.text)))),
        ],
        dtype=np.float64,
    )


def _jaccard(x: set, y: set) -> float:  # type: ignore[type-arg]
    return len(x & y) / len(x | y) if x | y else 0.0
