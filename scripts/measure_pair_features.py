"""Measure candidate pair features against the shipped v4 feature set (issue 12), without shipping them.

    nice -n 19 uv run python scripts/measure_pair_features.py [--pairs PATH] [--e5-tokens 128]

Every choice is made on the training part of SemEval-2022 Task 8 dev.csv (``held_out`` excluded)
with 3x5 repeated grouped CV (mean ± sd of the per-fold Pearson r); the held-out part is scored once
by a model fitted on the whole training part, for the report only. Candidates: lead-to-lead cosine
(mean of the first three sentence vectors), max and top-3 sentence similarity, mean sentence
similarity, IDF-weighted Jaccard and IDF sum of shared canonical entities (IDF over the file's
texts, label-free), length ratio, the cosine of multilingual-e5-small over each text's first
``--e5-tokens`` tokens (one candidate per count given), and cheap second views (about 1 ms a text
each): the static embedder's vector over the first 128 e5 tokens, mapped into USE's space and raw
(e5's input token space, language directions removed), and a character 3-5-gram TF-IDF cosine
(IDF over the file's texts, label-free). Slow: USE featurising takes minutes, e5 50-200 ms a text.
"""

from __future__ import annotations

import argparse
import functools
import math
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import E5Embedder, normalise
from newsweave.analyze.embedding_static import StaticEmbedder, _static_model
from newsweave.eval.semeval import (
    DOCUMENT_CHARS,
    LEARNER,
    MONOTONE,
    default_pairs_csv,
    featurise,
    groups,
    held_out,
    load_pairs,
    recall_against_cosine,
    repeated_cross_validated,
)
from newsweave.link.pair_features import FACT_FEATURES, FEATURE_NAMES, PairSide, entity_counts
from newsweave.link.pair_scorer import to_unit

V4 = [n for n in FEATURE_NAMES if n not in FACT_FEATURES]


def candidates(pairs: list, sides: dict[str, PairSide], e5_tokens: list[int]) -> dict[str, tuple[np.ndarray, int]]:
    """Each candidate feature's column and its monotone direction."""

    def lead(side: PairSide) -> np.ndarray:
        assert side.sentences is not None
        return normalise(side.sentences[:3].mean(0))

    def sims(p: object) -> np.ndarray:
        a, b = sides[p.text1].sentences, sides[p.text2].sentences  # type: ignore[attr-defined]
        assert a is not None and b is not None
        return a @ b.T

    matrices = [sims(p) for p in pairs]
    entities = {t: set(entity_counts(s.facts)) if s.facts else set() for t, s in sides.items()}
    df = Counter(e for es in entities.values() for e in es)
    idf: Callable[[str], float] = lambda e: math.log(len(entities) / df[e])  # noqa: E731

    def weighted(a: set[str], b: set[str]) -> float:
        return sum(map(idf, a & b)) / sum(map(idf, a | b)) if a and b else float("nan")

    texts = list(sides)
    documents = [t[:DOCUMENT_CHARS] for t in texts]
    views = {f"e5_first{n}": E5Embedder(max_tokens=n).embed(documents) for n in e5_tokens} | cheap_views(documents)

    def cosine(view: object) -> np.ndarray:
        rows = {t: i for i, t in enumerate(texts)}
        a, b = view[[rows[p.text1] for p in pairs]], view[[rows[p.text2] for p in pairs]]  # type: ignore[index]
        return np.asarray(a.multiply(b).sum(1)).ravel() if hasattr(a, "multiply") else (a * b).sum(1)

    lengths = np.array([[len(p.text1), len(p.text2)] for p in pairs])
    return {
        "lead_cosine": (np.array([lead(sides[p.text1]) @ lead(sides[p.text2]) for p in pairs]), 1),
        "max_sentence": (np.array([m.max() for m in matrices]), 1),
        "top3_sentence": (np.array([np.sort(m.ravel())[-3:].mean() for m in matrices]), 1),
        "mean_sentence_sim": (np.array([m.mean() for m in matrices]), 1),
        "idf_entities": (np.array([weighted(entities[p.text1], entities[p.text2]) for p in pairs]), 1),
        "idf_shared": (np.array([sum(map(idf, entities[p.text1] & entities[p.text2])) for p in pairs]), 1),
        "length_ratio": (lengths.min(1) / lengths.max(1), 0),
        **{name: (cosine(view), 1) for name, view in views.items()},
    }


def cheap_views(documents: list[str]) -> dict[str, object]:
    """Second views costing about 1 ms a text: static e5 vectors (mapped, raw) and char-gram TF-IDF."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    model = _static_model()
    assert model.calibration is not None
    raw = model.calibration.remove_languages(model.pooled(documents, 128))
    grams = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
    return {
        "static_first128": StaticEmbedder(max_tokens=128).embed(documents),
        "static_raw_first128": raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-12),
        "char_tfidf": grams.fit_transform(documents),
    }


def fit(x: np.ndarray, y: np.ndarray, directions: list[int]) -> object:
    """The v4 learner (shallow monotone gradient-boosted trees), on every pair's full features."""
    from sklearn.ensemble import HistGradientBoostingRegressor

    return HistGradientBoostingRegressor(**LEARNER, monotonic_cst=directions).fit(x, y)


def main() -> None:
    """Print CV and held-out figures for v4's features and v4's features plus each candidate."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--e5-tokens", type=int, nargs="+", default=[128], help="one e5 candidate per count")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs or default_pairs_csv())
    x_all, sides = featurise(pairs)
    columns = {n: (x_all[:, FEATURE_NAMES.index(n)], MONOTONE[n]) for n in V4} | candidates(
        pairs, sides, args.e5_tokens
    )
    y, group, held = -np.array([p.overall for p in pairs]), groups(pairs), held_out(pairs)
    rest, cosine, gold = ~held, columns["cosine"][0], y >= -2
    for extra in [None, *[n for n in columns if n not in V4]]:
        names = V4 + ([extra] if extra else [])
        x, directions = np.column_stack([columns[n][0] for n in names]), [columns[n][1] for n in names]
        learner = functools.partial(fit, directions=directions)
        oof, folds = repeated_cross_validated(x[rest], y[rest], group[rest], learner)
        unseen = fit(x[rest], y[rest], directions).predict(x[held])  # type: ignore[attr-defined]
        p, r, c = recall_against_cosine(to_unit(oof), cosine[rest], gold[rest])
        hp, hr, hc = recall_against_cosine(to_unit(unseen), cosine[held], gold[held])
        print(
            f"v4 + {extra or '(nothing)':18} CV r {np.mean(folds):.3f} ± {np.std(folds):.3f}  pairs at 2/3: P {p:.3f} "
            f"R {r:.3f} (cosine {c:.3f}) | held-out r {np.corrcoef(unseen, y[held])[0, 1]:.3f}  P {hp:.3f} "
            f"R {hr:.3f} (cosine {hc:.3f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
