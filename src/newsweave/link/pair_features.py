"""The features of a pair of articles that the learned pair scorer reads.

Everything here is computed from stored embeddings and the texts: nothing is embedded again.
Document features, read for every scored pair:

0. cosine of the two whole-text vectors;
1. cosine of the two title vectors;
2. Jaccard overlap of folded, transliterated names (people, places, organisations);
3. Jaccard overlap of the stated numbers (not years);
4. 1 when the two languages differ (cross-lingual pairs have lower cosines for the same story);
5. absolute difference of log text lengths.

Sentence features, read only for pairs whose whole texts are close (cosine >= ``SENTENCE_FLOOR``),
because they need every sentence embedded, which costs as much as the whole text again:

6. mean over A's sentences of the best match in B (how much of A B covers), and
7. the same from B to A;
8. share of sentence pairs above 0.6 similarity (dense overlap, as in translations);
9. cosine of the two mean sentence vectors.

On SemEval-2022 Task 8 dev.csv the sentence features add 0.006 to the cross-validated Pearson r
(0.772 with them for every pair, 0.765 without); reading them only for close pairs (cosine >= the
floor, or a close same-story call: see ``PairScorer.needs_sentences``) keeps 0.768.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from newsweave.analyze.embedding import normalise
from newsweave.link.evidence import claims, names

DOCUMENT_FEATURES = ("cosine", "title_cosine", "names_jaccard", "numbers_jaccard", "cross_lingual", "length_gap")
SENTENCE_FEATURES = ("coverage_a", "coverage_b", "dense_overlap", "mean_sentence_cosine")
FEATURE_NAMES = DOCUMENT_FEATURES + SENTENCE_FEATURES
# Versions (translations, rewrites) share most sentences, so their whole texts are close: the
# translations measured here have cosines of 0.82-0.92. Below this, sentences are not compared.
SENTENCE_FLOOR = 0.7


@dataclass(frozen=True, slots=True)
class PairSide:
    """One article as the pair features see it."""

    text: str
    language: str | None
    document: np.ndarray  # whole-text vector
    title: np.ndarray  # title (or first sentence) vector
    sentences: np.ndarray | None  # sentence vectors, rows (None: not embedded)


def pair_features(a: PairSide, b: PairSide, *, with_sentences: bool = True) -> np.ndarray:
    """The feature vector of a pair: document features, then sentence features when asked for.

    Returns float64[len(FEATURE_NAMES)], or float64[len(DOCUMENT_FEATURES)] without sentences.
    """
    document = [
        float(a.document @ b.document),
        float(a.title @ b.title),
        _jaccard(names(a.text), names(b.text)),
        _jaccard({c.low for c in claims(a.text)}, {c.low for c in claims(b.text)}),
        float((a.language or "") != (b.language or "")),
        abs(float(np.log1p(len(a.text)) - np.log1p(len(b.text)))),
    ]
    if not with_sentences:
        return np.array(document, dtype=np.float64)
    return np.concatenate([np.array(document, dtype=np.float64), sentence_features(a, b)])


def sentence_features(a: PairSide, b: PairSide) -> np.ndarray:
    """The sentence features alone (float64[len(SENTENCE_FEATURES)]), to extend document features."""
    if a.sentences is None or b.sentences is None:
        raise ValueError("sentence features need both sides' sentence vectors")
    x, y = a.sentences, b.sentences
    sim = x @ y.T if len(x) and len(y) else np.zeros((1, 1))
    mean_cos = float(normalise(x.mean(0)) @ normalise(y.mean(0))) if sim.size > 1 else 0.0
    coverage = [float(sim.max(axis=1).mean()), float(sim.max(axis=0).mean())]
    return np.array([*coverage, float((sim > 0.6).mean()), mean_cos], dtype=np.float64)


def _jaccard(x: AbstractSet[object], y: AbstractSet[object]) -> float:
    return len(x & y) / len(x | y) if x | y else 0.0
