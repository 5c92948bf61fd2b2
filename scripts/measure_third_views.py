"""Measure candidate views added to the shipped v7 pair scorer's rows (issue 12), without shipping them.

    nice -n 19 uv run python scripts/measure_third_views.py [--pairs PATH]

v7 is at its features' ceiling (bagging and other fits of its learner move its CV r by 0.001), so
a higher r needs a new signal. Each candidate here is one more cosine, beside e5's lead, on the
second-view model's row: USE over each text's first and last 600 characters (what the whole-text
vector averages away), e5 over the title and over the last 600 characters (what e5's first 128
tokens do not reach); and, label-free from the whole-text vectors, how the pair's cosine stands
out from each side's neighbourhood among all the file's texts: CSLS (twice the cosine less each
side's mean cosine to its 10 nearest texts, as cross-lingual retrieval corrects for hubs) and the
pair's rank among each other's neighbours. The second view is read for every pair, as v7 ships, with the sentence
features blanked where the first models would not read them (``PairScorer.as_read``); monotone
increasing in the candidate; 3x5 repeated grouped CV on the training part only (``held_out``
excluded and not scored). Prints CV r, the folds' spread, and precision and recall at the line
the folds find 85 % precise with the bare cosine's recall there. About 5 minutes: USE featurises
every text, then e5 reads ~2,000 titles and tails.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.analyze.embedding import E5Embedder, UseEmbedder
from newsweave.eval.semeval import (
    DOCUMENT_CHARS,
    LEARNER,
    LEFT_OUT,
    MONOTONE,
    RatedPair,
    choose_line,
    default_pairs_csv,
    featurise,
    fit_scorer,
    groups,
    held_out,
    load_pairs,
    recall_against_cosine,
    repeated_cross_validated,
)
from newsweave.link.pair_features import ROW_FEATURES, PairSide
from newsweave.link.pair_scorer import to_unit

SPAN = 600  # characters of a lead or a tail: about what e5's 128 tokens cover


def tail(text: str) -> str:
    """The last ``SPAN`` characters of what linking reads of a text, from a word start."""
    text = text[:DOCUMENT_CHARS]
    if len(text) <= SPAN:
        return text
    cut = text.find(" ", len(text) - SPAN)
    return text[cut + 1 :] if cut >= 0 else text[-SPAN:]


def title(text: str) -> str:
    """A rated text's first line: its title."""
    return text.split("\n", 1)[0][:300]


class WithViews:
    """v7's three models, and a second-view model that also reads the extra columns after its row."""

    def __init__(self, x: np.ndarray, y: np.ndarray) -> None:
        from sklearn.ensemble import HistGradientBoostingRegressor

        n = len(ROW_FEATURES)
        self.first = fit_scorer(x[:, :n], y)
        read = self.first.as_read(x[:, :n])
        used = [i for i in range(n) if np.isfinite(read[:, i]).any() and ROW_FEATURES[i] not in LEFT_OUT]
        self.columns = used + list(range(n, x.shape[1]))
        directions = [MONOTONE[ROW_FEATURES[i]] for i in used] + [1] * (x.shape[1] - n)
        self.model = HistGradientBoostingRegressor(**LEARNER, monotonic_cst=directions).fit(self._rows(x), y)

    def _rows(self, x: np.ndarray) -> np.ndarray:
        n = len(ROW_FEATURES)
        return np.concatenate([self.first.as_read(x[:, :n]), x[:, n:]], axis=1)[:, self.columns]

    def predict(self, x: np.ndarray) -> np.ndarray:
        return np.asarray(self.model.predict(self._rows(x)))


def neighbourhood(pairs: list[RatedPair], sides: dict[str, PairSide], k: int = 10) -> dict[str, np.ndarray]:
    """CSLS and the log rank of each side among the other's nearest texts (all the file's texts)."""
    texts = list(sides)
    row = {t: i for i, t in enumerate(texts)}
    vectors = np.stack([sides[t].document for t in texts])
    similarity = vectors @ vectors.T
    np.fill_diagonal(similarity, -np.inf)
    hubness = -np.sort(-similarity, axis=1)[:, :k].mean(axis=1)
    a, b = np.array([row[p.text1] for p in pairs]), np.array([row[p.text2] for p in pairs])
    cosine = similarity[a, b]
    above = [min((similarity[i] > similarity[i, j]).sum(), (similarity[j] > similarity[j, i]).sum())
             for i, j in zip(a, b, strict=True)]  # fmt: skip
    return {
        "CSLS (k = 10)": 2 * cosine - hubness[a] - hubness[b],
        "-log rank among neighbours": -np.log(np.array(above) + 1.0),
    }


def main() -> None:
    """Print CV figures for v7's rows alone and with each candidate view (and two pairs of them)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    args = parser.parse_args()
    pairs = load_pairs(args.pairs or default_pairs_csv())
    x_all, sides = featurise(pairs)
    rest = ~held_out(pairs)
    kept = [p for p, keep in zip(pairs, rest, strict=True) if keep]
    x, y, group = x_all[rest], -np.array([p.overall for p in kept]), groups(pairs)[rest]
    texts = list(dict.fromkeys(t for p in kept for t in (p.text1, p.text2)))
    use, e5 = UseEmbedder(), E5Embedder(max_tokens=128, int8=True)
    views: dict[str, tuple[Callable[[str], str], Any]] = {
        "USE, first 600 characters": (lambda t: t[:SPAN], use),
        "USE, last 600 characters": (tail, use),
        "e5, title": (title, e5),
        "e5, last 600 characters": (tail, e5),
    }
    columns = {}
    for name, (cut, embedder) in views.items():
        vectors = dict(zip(texts, np.concatenate([embedder.embed([cut(t)]) for t in texts]), strict=True))
        columns[name] = np.array([float(vectors[p.text1] @ vectors[p.text2]) for p in kept])
    columns.update(neighbourhood(kept, sides))
    sets = [[], *([name] for name in columns), list(views)[:2], list(views)[2:4]]
    for names in sets:
        rows = np.column_stack([x, *(columns[n] for n in names)])
        predictions, folds = repeated_cross_validated(rows, y, group, WithViews)
        line = choose_line(to_unit(predictions), y >= -2, 0.85)
        precision, recall, cosine_recall = recall_against_cosine(to_unit(predictions), x[:, 0], y >= -2, line)
        print(
            f"v7 + {' + '.join(names) or '(nothing)'}: CV r {np.corrcoef(predictions, y)[0, 1]:.4f} "
            f"(folds {np.mean(folds):.4f} ± {np.std(folds):.4f}); at the 85 % line P {precision:.3f} "
            f"R {recall:.3f} (cosine R {cosine_recall:.3f})",
            flush=True,
        )


if __name__ == "__main__":
    main()
