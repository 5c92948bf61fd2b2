"""Train the shipped pair scorer on SemEval-2022 Task 8 dev.csv, without its held-out part.

    uv run python scripts/train_pair_scorer.py [--pairs PATH] [--curve]

The held-out part (one group of connected articles in five, fixed by ``held_out``) is left out of
everything here — features, settings, the same-story line — so that ``newsweave eval similarity``
and ``eval clustering`` can score it once as unseen data. On the rest: repeated grouped 5-fold
cross-validation (3 seeded shuffles) gives the figures and their spread, and the out-of-fold
scores give the line at which same-story decisions are ``LINE_PRECISION`` precise (the shipped
same-story line, see ``build``); ``--curve``
prints a learning curve (does more data help?). The second view (multilingual-e5's cosine of the
two leads, read for pairs whose first score is within ``SECOND_VIEW_BAND`` of the line) is scored
on the same folds at several bands, the band 0 being the scorer without it, each beside the bare
cosine's recall at the same precision. Writes src/newsweave/link/models/pair_scorer_v9.json
(deterministic: fixed seeds, input in file order). v9 is v8's recipe (the second view's leads
compared centred on their languages, ``link/lead_centres.py``) with the second view reading the
first 128 tokens of a lead's content words (``word_frequencies.content_words``) instead of its
first 128 tokens as written.

``--views`` compares what could read the second view, on the same folds (every pair read): e5
on 128 tokens in float32, in int8 with one scale a batch (v7's) and with one a token (the
cascade's engine), e5 on 64 and 32 tokens, and the static embedder
over the lead and over the whole text; for each, CV r and the folds' 85 %-precision line with
its precision and recall beside the bare cosine's recall there (about 5 minutes: e5 over the
training part's ~2,000 texts for each uncached view).
"""

from __future__ import annotations

import argparse
import json
import time
from functools import partial
from pathlib import Path

import numpy as np

from newsweave.eval.semeval import (
    SECOND_VIEW_BAND,
    RatedPair,
    choose_line,
    default_pairs_csv,
    featurise,
    fit_scorer,
    fit_scorer_with_facts,
    groups,
    held_out,
    lead_vectors,
    load_pairs,
    precision_recall_at,
    recall_against_cosine,
    repeated_cross_validated,
)
from newsweave.link.pair_scorer import MODEL_FILE, SAME_STORY_SCORE, PairScorer, to_unit

OUT = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "link" / "models" / MODEL_FILE
# Same-story decisions should be right at least this often on pairs the model never saw; stories
# chain pairs, which costs a little precision, so the pairwise line aims a little above 0.80.
LINE_PRECISION = 0.85
# The second view's bands compared on the folds (0: not read; 1: read for every pair).
BANDS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 1.0)


def main() -> None:
    """Cross-validate on the training part, choose the line, fit on the training part, write the model."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--curve", action="store_true", help="print a learning curve (CV r by training size)")
    parser.add_argument("--views", action="store_true", help="compare second views on the folds, write nothing")
    parser.add_argument("--view", action="append", default=None, help="with --views: only views whose name has this")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs or default_pairs_csv())
    x_all, _ = featurise(pairs)
    if args.views:
        compare_views(pairs, x_all, args.view)
        return
    scorer, figures = build(pairs, x_all, curve=args.curve)
    OUT.write_text(json.dumps(scorer.data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


def build(pairs: list[RatedPair], x_all: np.ndarray, *, curve: bool = False) -> tuple[PairScorer, dict[str, float]]:
    """The shipped scorer and its cross-validated figures, from the pairs' feature rows."""
    rest = ~held_out(pairs)
    x, group = x_all[rest], groups(pairs)[rest]
    y = -np.array([p.overall for p, keep in zip(pairs, rest, strict=True) if keep])
    cross = np.array([p.cross_lingual for p, keep in zip(pairs, rest, strict=True) if keep])
    predictions, folds = repeated_cross_validated(x, y, group, fit_scorer)
    chosen = choose_line(to_unit(predictions), y >= -2, LINE_PRECISION)
    bands = {band: _at_line(repeated_cross_validated(x, y, group, partial(fit_scorer, band=band))[0], y, x[:, 0])
             for band in BANDS}  # fmt: skip
    # The same folds reading the fact features too, the comparison that keeps them out (semeval.LEFT_OUT).
    with_facts, facts_folds = repeated_cross_validated(x, y, group, fit_scorer_with_facts)
    # The story line is the one at which the folds' decisions were LINE_PRECISION precise. v4 kept
    # the scale's 2/3 instead, as that lower line also joined seed 002 (another event in the same
    # province) to the story of 000 and 001; with the second view seed 002 scores 0.54 against
    # both, under either line, so the line no longer has to give up recall to hold it apart.
    line = chosen
    line_precision, line_recall, line_cosine_recall = recall_against_cosine(
        to_unit(predictions), x[:, 0], y >= -2, line
    )
    # The related line the same way, on what "related" means on the scale: rated "somewhat
    # dissimilar" (Overall 3) or closer. The scale's own 1/3 left out pairs the raters mostly call
    # related: on v8's and v9's folds about half of those scored 0.25-0.33 are (docs/linking.md, v9).
    related = choose_line(to_unit(predictions), y >= -3, LINE_PRECISION)
    related_precision, related_recall = precision_recall_at(to_unit(predictions), y >= -3, related)
    figures = {
        "overall": float(np.corrcoef(predictions, y)[0, 1]),
        "monolingual": float(np.corrcoef(predictions[~cross], y[~cross])[0, 1]),
        "cross_lingual": float(np.corrcoef(predictions[cross], y[cross])[0, 1]),
        "fold_mean": float(np.mean(folds)),
        "fold_std": float(np.std(folds)),
        "baseline_cosine": float(np.corrcoef(x[:, 0], y)[0, 1]),
        "with_fact_features": float(np.corrcoef(with_facts, y)[0, 1]),
        "with_fact_features_fold_std": float(np.std(facts_folds)),
        **{f"band_{band:g}_{name}": value for band, row in bands.items() for name, value in row.items()},
    }
    source = (
        f"SemEval-2022 Task 8 dev.csv without its held-out part ({rest.sum()} of {len(rest)} rows), target -Overall"
    )
    scorer = fit_scorer(
        x,
        y,
        version="v9",
        trained_on=source,
        cross_validated=figures,
        same_story=line,
        line_at_precision=chosen,
        related=related,
    )
    if curve:
        learning_curve(x, y, group)
    at_line = {"line_precision": line_precision, "line_recall": line_recall, "line_cosine_recall": line_cosine_recall}
    return scorer, {
        **figures,
        "same_story_line": line,
        "line_at_precision": chosen,
        **at_line,
        "related_line": related,
        "related_precision": related_precision,
        "related_recall": related_recall,
        "band": SECOND_VIEW_BAND,
    }


def compare_views(pairs: list[RatedPair], x_all: np.ndarray, only: list[str] | None = None) -> None:
    """CV r and the folds' 85 %-precision line for each candidate second view (``--views``;
    ``only``: the views whose name holds one of these)."""
    from newsweave.analyze.embedding import E5Embedder
    from newsweave.analyze.embedding_static import StaticEmbedder
    from newsweave.link.linker import lead_vector

    rest = ~held_out(pairs)
    kept = [p for p, keep in zip(pairs, rest, strict=True) if keep]
    languages = {p.text1: p.lang1 for p in kept} | {p.text2: p.lang2 for p in kept}
    texts = list(languages)
    views = {
        "e5 float32, 128 tokens": E5Embedder(max_tokens=128),
        "e5 int8, 128 tokens of content words (v9)": None,  # the shipped view: lead_vectors, cached
        "e5 int8, 128 tokens as written (v7, v8)": E5Embedder(max_tokens=128, int8=True, alone=True),
        "e5 int8 a scale a token, 128 tokens": E5Embedder(max_tokens=128, rows=True, alone=True),
        "e5 float32, 64 tokens": E5Embedder(max_tokens=64),
        "e5 float32, 32 tokens": E5Embedder(max_tokens=32),
        "static, 128 tokens": StaticEmbedder(max_tokens=128),
        "static, whole text": StaticEmbedder(),
    }
    y = -np.array([p.overall for p in kept])
    group = groups(pairs)[rest]
    for name, embedder in views.items():
        if only and not any(part in name for part in only):
            continue
        start = time.perf_counter()
        vectors = (
            lead_vectors(texts, languages)
            if embedder is None
            else {t: lead_vector(embedder, t, languages[t]) for t in texts}
        )
        seconds = time.perf_counter() - start
        x = x_all[rest].copy()
        if embedder is not None:  # the shipped view's column is featurise's, centred (lead_centres)
            x[:, -1] = [float(vectors[p.text1] @ vectors[p.text2]) for p in kept]
        predictions, folds = repeated_cross_validated(x, y, group, partial(fit_scorer, band=1.0))
        line = choose_line(to_unit(predictions), y >= -2, LINE_PRECISION)
        precision, recall, cosine_recall = recall_against_cosine(to_unit(predictions), x[:, 0], y >= -2, line)
        r = float(np.corrcoef(predictions, y)[0, 1])
        cost = "vectors cached" if embedder is None else f"{1000 * seconds / len(texts):.0f} ms a text"
        print(f"{name}: CV r {r:.3f} (folds ± {np.std(folds):.3f}); line {line:.3f}: P {precision:.3f}, "
              f"R {recall:.3f} (cosine R {cosine_recall:.3f}); {cost}")  # fmt: skip


def _at_line(predictions: np.ndarray, y: np.ndarray, cosine: np.ndarray) -> dict[str, float]:
    """Pearson r, same-story precision and recall at the 2/3 line, and the bare cosine's recall
    at that precision (gold: Overall <= 2)."""
    precision, recall, cosine_recall = recall_against_cosine(to_unit(predictions), cosine, y >= -2, SAME_STORY_SCORE)
    r = float(np.corrcoef(predictions, y)[0, 1])
    return {"r": r, "precision": precision, "recall": recall, "cosine_recall": cosine_recall}


def learning_curve(x: np.ndarray, y: np.ndarray, group: np.ndarray) -> None:
    """CV r when each fold's model sees only a share of its training groups."""
    rng = np.random.default_rng(0)
    keys = np.unique(group)
    for share in (0.25, 0.5, 0.75, 1.0):
        kept = set(rng.permutation(keys)[: round(share * len(keys))].tolist())

        def fit_on_share(xt: np.ndarray, yt: np.ndarray, kept: set[int] = kept) -> object:
            mask = np.array([g in kept for g in _train_groups(xt, x, group)])
            return fit_scorer(xt[mask], yt[mask])

        _, folds = repeated_cross_validated(x, y, group, fit_on_share)
        print(f"training share {share:.2f}: CV r {np.mean(folds):.3f} ± {np.std(folds):.3f}")


def _train_groups(rows: np.ndarray, x: np.ndarray, group: np.ndarray) -> np.ndarray:
    """The group of each training row, found by its features (folds pass rows, not indices)."""
    index = {row.tobytes(): g for row, g in zip(x, group, strict=True)}
    return np.array([index[row.tobytes()] for row in rows])


if __name__ == "__main__":
    main()
