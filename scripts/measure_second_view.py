"""The e5 second view for the pair scorer, where it would run: every pair, or only near the line (issue 12).

    nice -n 19 uv run python scripts/measure_second_view.py [--pairs PATH] [--bands 0.05 0.1 0.2 0.3]

The measurement made before the second view was wired into linking (pair scorer v5, fitted by
``scripts/train_pair_scorer.py``, which prints the shipped rule's figures per band). It measures,
on the training part of SemEval-2022 Task 8 dev.csv only (``held_out`` excluded and not scored: it stays for the shipped
model's one unseen-data figure). The second view is multilingual-e5-small's cosine over each
article's first 128 tokens, added to v4's features (monotone increasing). Linking already embeds
sentences only for close calls; the same could hold for e5, so each band is scored as it would
run: pairs whose v4 score is within the band of the same-story line take the second model's
score, the others keep v4's. 3x5 repeated grouped CV; Pearson r of the pooled out-of-fold scores,
and same-story precision and recall at the 2/3 line (gold: Overall <= 2) beside the bare
cosine's recall at that precision.

It then links the three seed captures as ``newsweave link`` does, records the feature row the
scorer reads for each pair (by wrapping ``PairScorer.score``; nothing else changes), and scores
each with v4's learner refitted here and with the second model: seed 002 against 000/001 sits a
hair under the line with v4 and must stay out of their story. Last, it links ``bench/link_bench.py``'s
stream (``--stream``, 200 articles) and counts the articles with a scored pair in each band: what
the second view would cost. The bands are compared on the same CV figures they are reported with,
so a band picked here is an in-sample choice until the held-out part scores it.

Slow: the dev.csv texts are embedded by USE (minutes) and by e5 (about 7 minutes on 2 cores).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from newsweave import Newsweave, Settings
from newsweave.analyze.embedding import E5Embedder
from newsweave.eval.data import find_benchmark
from newsweave.eval.semeval import (
    DOCUMENT_CHARS,
    LEFT_OUT,
    MONOTONE,
    default_pairs_csv,
    featurise,
    groups,
    held_out,
    load_pairs,
    recall_against_cosine,
    repeated_cross_validated,
)
from newsweave.link.pair_features import FEATURE_NAMES
from newsweave.link.pair_scorer import SAME_STORY_SCORE, PairScorer, to_unit

sys.path.insert(0, str(Path(__file__).resolve().parent))
# A sibling script's v4 learner and its figures at the 2/3 line, so both scripts measure alike.
from measure_pair_features import fit

USED = [i for i, name in enumerate(FEATURE_NAMES) if name not in LEFT_OUT]
E5_TOKENS = 128


def learner(second_view: bool) -> Callable[[np.ndarray, np.ndarray], Any]:
    """v4's learner on v4's features, plus the e5 cosine (increasing) if asked."""
    directions = [MONOTONE[FEATURE_NAMES[i]] for i in USED] + ([1] if second_view else [])
    return functools.partial(fit, directions=directions)


def linked_rows(inputs: list[Path]) -> list[tuple[str, str, np.ndarray, str, str]]:
    """(id a, id b, feature row, text a, text b) of every pair the linker scores when ``inputs``
    are ingested and linked as ``newsweave ingest`` and ``link`` do (the rows are recorded by
    wrapping ``PairScorer.score`` for the run; nothing else changes)."""
    from newsweave.link import linker as linking

    rows: list[np.ndarray] = []
    score = PairScorer.score

    def recording(self: PairScorer, features: np.ndarray) -> float:
        rows.append(np.asarray(features, dtype=float))
        return score(self, features)

    relate = linking.Linker._relate
    out = []

    def recorded(self: Any, a: Any, b: Any, *args: Any, **kwargs: Any) -> Any:
        before = len(rows)
        link = relate(self, a, b, *args, **kwargs)
        if len(rows) > before:
            out.append((a.id, b.id, rows[before], a.text, b.text))
        return link

    PairScorer.score = recording  # type: ignore[method-assign]
    linking.Linker._relate = recorded  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as tmp, Newsweave(Settings(db_path=Path(tmp) / "s.sqlite")) as nw:
            nw.ingest(inputs)
            nw.link()
    finally:
        PairScorer.score = score  # type: ignore[method-assign]
        linking.Linker._relate = relate  # type: ignore[method-assign]
    return out


def stream_share(count: int, bands: list[float]) -> None:
    """In ``bench/link_bench.py``'s stream of ``count`` articles, the share of articles that have
    a scored pair within each band of the line: those the second view would embed with e5."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from link_bench import articles

    scorer = PairScorer.load()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "stream.jsonl"
        path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in articles(count)), encoding="utf-8")
        scored = [(a, b, scorer.score(row)) for a, b, row, _, _ in linked_rows([path])]
    print(f"bench/link_bench.py's stream: {count} articles, {len(scored)} scored pairs")
    for band in bands:
        near = {x for a, b, score in scored if abs(score - SAME_STORY_SCORE) < band for x in (a, b)}
        print(f"  within ±{band:.2f}: {len(near)} articles ({len(near) / count:.0%}) would need an e5 pass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--bands", type=float, nargs="+", default=[0.05, 0.1, 0.15, 0.2, 0.3])
    parser.add_argument("--stream", type=int, default=200, help="bench/link_bench.py articles to link (0: none)")
    args = parser.parse_args()
    pairs = load_pairs(args.pairs or default_pairs_csv())
    rest = ~held_out(pairs)
    pairs = [p for p, kept in zip(pairs, rest, strict=True) if kept]
    x_all, _ = featurise(pairs)
    texts = list(dict.fromkeys(t for p in pairs for t in (p.text1, p.text2)))
    e5 = E5Embedder(max_tokens=E5_TOKENS)
    e5.embed(["warm up"])
    started = time.process_time()
    vectors = dict(zip(texts, e5.embed([t[:DOCUMENT_CHARS] for t in texts]), strict=True))
    e5_ms = 1000 * (time.process_time() - started) / len(texts)
    second = np.array([vectors[p.text1] @ vectors[p.text2] for p in pairs])
    x, y, group = x_all[:, USED], -np.array([p.overall for p in pairs]), groups(pairs)
    with_second = np.column_stack([x, second])
    gold, cosine = y >= -2, x_all[:, FEATURE_NAMES.index("cosine")]
    base, folds = repeated_cross_validated(x, y, group, learner(False))
    both, folds_second = repeated_cross_validated(with_second, y, group, learner(True))
    print(f"training part: {len(pairs)} pairs, {gold.sum()} same-story; e5 over the first {E5_TOKENS} tokens: "
          f"{e5_ms:.0f} ms of CPU a text")  # fmt: skip

    def report(name: str, score: np.ndarray, share: float, per_fold: list[float] | None = None) -> None:
        p, r, c = recall_against_cosine(to_unit(score), cosine, gold)
        spread = f" (per fold {np.mean(per_fold):.3f} ± {np.std(per_fold):.3f})" if per_fold else ""
        print(f"  {name:26} share with e5 {share:.2f}  r {np.corrcoef(score, y)[0, 1]:.3f}{spread}"
              f"  at 2/3: P {p:.3f} R {r:.3f}, cosine R {c:.3f}")  # fmt: skip

    report("v4", base, 0.0, folds)
    report("v4 + e5, every pair", both, 1.0, folds_second)
    for band in args.bands:
        near = np.abs(to_unit(base) - SAME_STORY_SCORE) < band
        report(f"v4 + e5 within ±{band:.2f}", np.where(near, both, base), float(near.mean()))
    plain, fuller = learner(False)(x, y), learner(True)(with_second, y)
    seeds = find_benchmark(Path("seeds"), what="the seed captures", hint="run from beside ../shared")
    print("seed pairs (the linker's feature rows; 2/3 is the same-story line):")
    for a, b, row, text_a, text_b in linked_rows([seeds]):
        cos = float(np.dot(*e5.embed([text_a[:DOCUMENT_CHARS], text_b[:DOCUMENT_CHARS]])))
        row_used = row[USED][None, :]
        alone = to_unit(plain.predict(row_used))[0]
        added = to_unit(fuller.predict(np.column_stack([row_used, [cos]])))[0]
        print(f"  {a[:12]} {b[:12]}  e5 cosine {cos:.3f}  v4 refit {alone:.3f}  v4 + e5 {added:.3f}")
    if args.stream:
        stream_share(args.stream, args.bands)


if __name__ == "__main__":
    main()
