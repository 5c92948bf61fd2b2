"""Should an article that ties two stories merge them? Measured, and not kept (issue 12).

    nice -n 19 uv run python scripts/measure_story_merges.py [--merge-lines 0.593 0.667 0.7 0.8]

Stories form online: a new article joins the story of its best same-story match
(``link.stories.StoryClusterer``). An article whose links put it in two stories joins one, and the
two stay apart, though every link between them is a same-story link; this costs recall (the
held-out stories find fewer same-story pairs than the learned score alone at the same line). The
alternative: also merge every other hot story the article matches at a merge line or above.

This script streams SemEval-2022 Task 8 dev.csv as ``newsweave eval clustering`` does (the five
grouped folds of the training part, each with a scorer refitted on the other four, and the
held-out part with the shipped scorer), keeps every stored link, and replays story assignment
with and without merges (the replay without merges must give the stored stories). For each rule
and part: pairwise same-story precision and recall (gold: Overall <= 2) and the bare USE
cosine's recall at the same precision. The merge line is chosen on the folds; the held-out part
only judges it (``--part development`` leaves it unread). Each part's rated pairs are also split
by how the stories decided them against the pair score alone at the line: pairs put together only
through other articles (chaining), and pairs the score joins that the stories keep apart.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from newsweave.eval.clustering import GOLD_SAME_STORY, _fold_runs, _id, _stream
from newsweave.eval.semeval import RatedPair, choose_line, default_pairs_csv, held_out, load_pairs
from newsweave.link.pair_scorer import PairScorer

_STRONG = {"duplicate", "version"}


class Stream:
    """One linked stream: its articles in link order, its links and stories, and its pairs' cosines."""

    def __init__(self, pairs: list[RatedPair], scorer: PairScorer | None) -> None:
        self.stories, links, self.cosine = _stream(pairs, scorer)  # stories in link order
        self.order = list(self.stories)
        both_ways = {tuple(sorted(key)): link for key, link in links.items()}
        self.links = [(x.a, x.b, x.kind.value, x.evidence.pair_score or 0.0) for x in both_ways.values()]
        self.line = (scorer or PairScorer.load()).same_story
        self.pairs = pairs

    def replay(self, merge_line: float | None) -> dict[str, int]:
        """Story of each article: joining the best match's story, and merging at ``merge_line`` (None: never)."""
        position = {a: i for i, a in enumerate(self.order)}
        matches: dict[str, list[tuple[str, float]]] = defaultdict(list)
        for a, b, kind, score in self.links:
            earlier, later = (a, b) if position[a] < position[b] else (b, a)
            matches[later].append((earlier, 1.0 if kind in _STRONG else score))
        story: dict[str, int] = {}
        members: dict[int, set[str]] = defaultdict(set)
        for number, article in enumerate(self.order, 1):
            ranked = sorted(matches[article], key=lambda m: -m[1])
            best = next((story[other] for other, score in ranked if score >= self.line), None)
            joined = best if best is not None else number
            story[article] = joined
            members[joined].add(article)
            if merge_line is None or best is None:
                continue
            for other, score in ranked:
                if score >= merge_line and story[other] != joined:
                    for moved in members.pop(story[other]):
                        story[moved] = joined
                        members[joined].add(moved)
        return story


def score(streams: Sequence[Stream], merge_line: float | None) -> tuple[float, float, float, float]:
    """(precision, recall, the cosine's threshold at that precision, the cosine's recall there)."""
    same, gold, cosine = [], [], []
    for stream in streams:
        story = stream.replay(merge_line)
        for p in stream.pairs:
            same.append(story[_id(p.text1)] == story[_id(p.text2)])
            gold.append(p.overall <= GOLD_SAME_STORY)
            cosine.append(stream.cosine[p.pair_id])
    ours, truth, cosines = np.array(same), np.array(gold), np.array(cosine)
    precision = float((ours & truth).sum() / max(1, ours.sum()))
    recall = float((ours & truth).sum() / truth.sum())
    at = choose_line(cosines, truth, precision)
    return precision, recall, at, float((truth & (cosines >= at)).sum() / truth.sum())


_HOW = {
    (True, True): "as the score",
    (False, False): "apart, as the score",
    (False, True): "together only through other articles",
    (True, False): "kept apart, the score joins them",
}


def decisions(streams: Sequence[Stream]) -> Counter[tuple[str, str]]:
    """Rated pairs counted by (gold, how the stories decided them against the pair score alone)."""
    counted: Counter[tuple[str, str]] = Counter()
    for stream in streams:
        score = {(a, b): s for a, b, kind, s in stream.links} | {(b, a): s for a, b, kind, s in stream.links}
        strong = {(a, b) for a, b, kind, _ in stream.links if kind in _STRONG}
        for p in stream.pairs:
            a, b = _id(p.text1), _id(p.text2)
            joined = (a, b) in strong or (b, a) in strong or score.get((a, b), 0.0) >= stream.line
            together = stream.stories[a] == stream.stories[b]
            gold = "same story" if p.overall <= GOLD_SAME_STORY else "different"
            counted[gold, _HOW[joined, together]] += 1
    return counted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--merge-lines", type=float, nargs="+", default=[0.593, 2 / 3, 0.7, 0.8])
    parser.add_argument("--part", choices=("both", "development"), default="both")
    args = parser.parse_args()
    pairs = load_pairs(default_pairs_csv())
    held = held_out(pairs)
    rest = [p for p, h in zip(pairs, held, strict=True) if not h]
    parts = {"CV on the rest (choices)": [Stream(fold, scorer) for fold, scorer in _fold_runs(rest)]}
    if args.part == "both":
        parts["held-out (judge)"] = [Stream([p for p, h in zip(pairs, held, strict=True) if h], None)]
    for name, streams in parts.items():
        replayed = all(_same_partition(s.replay(None), s.stories) for s in streams)
        assert replayed, "the replay without merges must give the stored stories"
        print(name)
        for (gold, how), n in sorted(decisions(streams).items()):
            print(f"  {gold:10} {how:40} {n:5}")
        for line in (None, *args.merge_lines):
            precision, recall, at, cosine_recall = score(streams, line)
            label = "no merges" if line is None else f"merge at {line:.3f}"
            f1 = 2 * precision * recall / (precision + recall)
            print(f"  {label:16} stories P {precision:.3f} R {recall:.3f} F1 {f1:.3f}"
                  f" | cosine >= {at:.3f}: R {cosine_recall:.3f} ({recall - cosine_recall:+.3f})")  # fmt: skip


def _same_partition(a: dict[str, int], b: dict[str, int]) -> bool:
    return len({(a[k], b[k]) for k in a}) == len(set(a.values())) == len(set(b.values()))


if __name__ == "__main__":
    main()
