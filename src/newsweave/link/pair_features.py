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

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from newsweave.analyze.claim_lexicon import QUALIFIERS
from newsweave.analyze.embedding import normalise
from newsweave.link.evidence import names

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
        _jaccard(stated_numbers(a.text), stated_numbers(b.text)),
        float((a.language or "") != (b.language or "")),
        abs(float(np.log1p(len(a.text)) - np.log1p(len(b.text)))),
    ]
    if not with_sentences:
        return np.array(document, dtype=np.float64)
    return np.concatenate([np.array(document, dtype=np.float64), sentence_features(a, b)])


# Feature 3 reads numbers exactly as the shipped scorer's training data did: every number (a
# dozen as 12), with years left out unless hedged or part of a range. The claim parser
# (``analyze.claims``) reads numbers more strictly (no dates, times or identifiers), and the
# scorer would need retraining on it (``scripts/train_pair_scorer.py``) before it could switch.
_QUALIFIED = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True))
_NUMBER_WORDS = {"dozen": 12, "a dozen": 12, "douzaine": 12, "dutzend": 12, "docena": 12, "десяток": 10}
_NUMBER = re.compile(
    rf"(?:(?<!\w)(?P<qual>{_QUALIFIED})\s+(?:a\s+|une\s+)?)?"
    rf"(?P<low>\d[\d,. ]*\d|\d|{'|'.join(_NUMBER_WORDS)})(?:\s*[-–—]\s*(?P<high>\d[\d,. ]*\d|\d))?",
    re.I,
)


@lru_cache(maxsize=2048)
def stated_numbers(text: str) -> frozenset[float]:
    """The values of the numbers a text states, as feature 3 counts them."""
    found = set()
    for m in _NUMBER.finditer(text):
        low = _number(m.group("low"))
        if low is None or (m.group("high") and _number(m.group("high")) is None):
            continue
        if not m.group("qual") and not m.group("high") and 1900 <= low <= 2100 and low.is_integer():
            continue
        found.add(low)
    return frozenset(found)


def _number(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    digits = raw.replace(" ", "").replace(",", "")
    if digits.count(".") > 1:  # 1.000.000 written with dots for thousands
        digits = digits.replace(".", "")
    try:
        return float(digits)
    except ValueError:
        return None


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
