"""Story clustering on rated pairs: stream every article of the file through linking, then compare.

Every distinct article text of the CSV is stored as an article (in a temporary store) and linked
in one pass, as ``newsweave link`` does. The file has no dates, so the stream runs in article-id
order. On the file the shipped scorer was built from (SemEval dev.csv), the held-out part
(``held_out``: one group of connected articles in five, left out of every choice) is streamed once
with the shipped scorer, which never saw it — the unseen-data figure — and the rest in five
grouped folds, each streamed with a scorer refitted on the other four (the figure choices were
made on). For each rated pair, "same story?" (both articles in one story) is compared with the
gold label: same story when ``Overall <= 2`` (somewhat similar or better). Pairwise precision,
recall and F1 are reported overall, monolingual and cross-lingual, with references scored in the
same run on the same embeddings: the learned pair score alone (no clustering), the score at the
line that was 85 % precise on the training folds (recorded in the model; v5 and later decide at it), and
the bare embedder's cosine at 0.5 and at the thresholds at which it is as precise as newsweave's
stories and as that line (so recall is compared at equal precision).

Those thresholds are chosen on the very pairs they are scored on, at the best step of the
cosine's curve; newsweave's line was fixed beforehand. So the held-out part also gets the cosine
at a line fixed the same way, on the development part (where it is as precise as the stories
there), and the recall gaps come with grouped-bootstrap intervals (``eval.intervals``): on 96
same-story pairs a recall moves by 0.010 a pair.
"""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import use_engines
from newsweave.eval.intervals import Interval, grouped_bootstrap
from newsweave.eval.semeval import (
    RatedPair,
    article_id,
    as_article,
    choose_line,
    featurise,
    fit_scorer,
    groups,
    held_out,
    load_pairs,
    read_facts,
)
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import Link, RelationKind
from newsweave.store.sqlite import SqliteStore

GOLD_SAME_STORY = 2.0  # Overall <= 2: "somewhat similar" or better
COSINE_BASELINE = 0.5


@dataclass(frozen=True, slots=True)
class ClusteringRow:
    """One system's pairwise figures on one subset of the rated pairs."""

    system: str
    subset: str
    precision: float
    recall: float
    f1: float
    pairs: int


@dataclass(frozen=True, slots=True)
class ClusteringReport:
    """Every system and subset, the threshold used, and the stories formed."""

    rows: list[ClusteringRow]
    threshold: float
    articles: int
    stories: int
    largest_story: int
    cross_validated: bool
    intervals: list[Interval] = field(default_factory=list)
    use_engines: tuple[str, str] = field(default_factory=use_engines)  # (documents, sentences): they move the figures


def evaluate_clustering(pairs_csv: Path, *, cross_validate: bool = True) -> ClusteringReport:
    """Link every article of the CSV in streams and score same-story decisions pairwise.

    With ``cross_validate`` (the file the shipped scorer was built from), the held-out part
    (``held_out``) is streamed once with the shipped scorer, which never saw it, and the rest in
    five grouped folds, each with a scorer refitted on the other four; rows say which part.
    """
    pairs = load_pairs(pairs_csv)
    line = PairScorer.load().same_story
    if not cross_validate:
        scored = _score_runs(pairs, [(pairs, None)])
        return ClusteringReport(scored.rows(""), line, *scored.stats, cross_validate)
    held = held_out(pairs)
    test = [p for p, h in zip(pairs, held, strict=True) if h]
    rest = [p for p, h in zip(pairs, held, strict=True) if not h]
    development = _score_runs(rest, _fold_runs(rest))
    # The cosine's line fixed before the held-out part is read, as newsweave's own line is: where
    # the cosine is as precise as the stories on the development part. A line chosen on the
    # held-out pairs themselves (the row at "newsweave's precision") sits at the best step of
    # their curve, which no deployed threshold could know in advance.
    fixed = choose_line(development.cosines, development.gold, development.stories_precision)
    unseen = _score_runs(test, [(test, None)], fixed_cosine_line=fixed)
    rows = unseen.rows("held-out ") + development.rows("CV on the rest ")
    intervals = _recall_gaps(unseen, fixed, groups(test))
    return ClusteringReport(rows, line, *unseen.stats, cross_validate, intervals)


@dataclass(frozen=True)
class _Scored:
    """Every system's same-story decision on each rated pair of one part, with what scoring needs."""

    systems: dict[str, np.ndarray]
    gold: np.ndarray
    cross: np.ndarray
    cosines: np.ndarray
    stats: tuple[int, int, int]  # articles, stories, largest story

    @property
    def ours(self) -> np.ndarray:
        return self.systems[STORIES]

    @property
    def stories_precision(self) -> float:
        return _row("", "", self.ours, self.gold).precision

    def rows(self, label: str) -> list[ClusteringRow]:
        """Each system overall, monolingual and cross-lingual; subsets start with ``label``."""
        masks = (("all", np.ones_like(self.cross)), ("monolingual", ~self.cross), ("cross-lingual", self.cross))
        return [
            _row(name, label + subset, predicted[mask], self.gold[mask])
            for name, predicted in self.systems.items()
            for subset, mask in masks
        ]


STORIES = "newsweave stories"


def _score_runs(
    pairs: list[RatedPair],
    runs: Sequence[tuple[list[RatedPair], PairScorer | None]],
    *,
    fixed_cosine_line: float | None = None,
) -> _Scored:
    """Stream each run's articles, then decide every system on ``pairs``."""
    story_of: dict[str, tuple[int, int]] = {}
    links: dict[tuple[str, str], Link] = {}
    cosine: dict[str, float] = {}
    for fold, (fold_pairs, scorer) in enumerate(runs):
        stories, fold_links, fold_cosine = _stream(fold_pairs, scorer)
        story_of |= {a: (fold, s) for a, s in stories.items()}
        links |= fold_links
        cosine |= fold_cosine
    gold = np.array([p.overall <= GOLD_SAME_STORY for p in pairs])
    cross = np.array([p.cross_lingual for p in pairs])
    ours = np.array([story_of[_id(p.text1)] == story_of[_id(p.text2)] for p in pairs])
    cosines = np.array([cosine[p.pair_id] for p in pairs])
    matched = choose_line(cosines, gold, _row("", "", ours, gold).precision)
    scorer = PairScorer.load()
    systems = {
        STORIES: ours,
        "learned pair score alone": np.array([_linked(links, p) for p in pairs]),
    }
    if scorer.line_at_precision is not None:
        # Pairs at the line chosen at 85 % precision on the training folds, without the stories'
        # chaining (the same-story line of v5 and later; v4's stories decided at 2/3: scripts/train_pair_scorer.py).
        line = scorer.line_at_precision
        systems[f"learned score >= {line:.3f} (line at P .85 on folds)"] = np.array(
            [_score(links, p) >= line for p in pairs]
        )
    systems |= {
        f"USE cosine >= {COSINE_BASELINE}": cosines >= COSINE_BASELINE,
        f"USE cosine >= {matched:.3f} (newsweave's precision, line chosen on these pairs)": cosines >= matched,
    }
    if fixed_cosine_line is not None:
        systems[f"USE cosine >= {fixed_cosine_line:.3f} (line fixed on the development part)"] = (
            cosines >= fixed_cosine_line
        )
    looser = systems[next(k for k in systems if "line at P" in k)] if scorer.line_at_precision else None
    if looser is not None:
        at = choose_line(cosines, gold, _row("", "", looser, gold).precision)
        systems[f"USE cosine >= {at:.3f} (the looser line's precision)"] = cosines >= at
    sizes = np.unique(list(story_of.values()), axis=0, return_counts=True)[1]
    return _Scored(systems, gold, cross, cosines, (len(story_of), len(sizes), int(sizes.max())))


def _recall_gaps(scored: _Scored, fixed_line: float, group: np.ndarray) -> list[Interval]:
    """The stories' recall minus the cosine's, at equal precision and at the fixed line, with intervals.

    At equal precision the cosine's line is chosen again in every resample, on that resample's
    pairs, as the row is; so the interval covers the step the line lands on too.
    """
    ours, gold, cosines = scored.ours, scored.gold, scored.cosines

    def recall(chosen: np.ndarray, i: np.ndarray) -> float:
        return float((chosen[i] & gold[i]).sum() / max(1, gold[i].sum()))

    def at_equal_precision(i: np.ndarray) -> float:
        line = choose_line(cosines[i], gold[i], _row("", "", ours[i], gold[i]).precision)
        return recall(ours, i) - recall(cosines >= line, i)

    def at_fixed_line(i: np.ndarray) -> float:
        return recall(ours, i) - recall(cosines >= fixed_line, i)

    def precision_at_fixed_line(i: np.ndarray) -> float:
        return _row("", "", ours[i], gold[i]).precision - _row("", "", cosines[i] >= fixed_line, gold[i]).precision

    return [
        grouped_bootstrap("held-out recall, stories minus cosine at equal precision", at_equal_precision, group),
        grouped_bootstrap("held-out recall, stories minus cosine at its fixed line", at_fixed_line, group),
        grouped_bootstrap("held-out precision, stories minus cosine at its fixed line", precision_at_fixed_line, group),
    ]


def _fold_runs(pairs: list[RatedPair]) -> list[tuple[list[RatedPair], PairScorer]]:
    """Five folds of connected articles, each with a scorer trained on the other four.

    Each fold's scorer decides at the shipped model's same-story line, which was chosen on
    out-of-fold scores of all five folds (a little in-sample here; the held-out part is not).
    """
    from sklearn.model_selection import GroupKFold

    x, _ = featurise(pairs)
    y = -np.array([p.overall for p in pairs])
    line = PairScorer.load().same_story
    runs = []
    for train, test in GroupKFold(n_splits=5).split(x, y, groups(pairs)):
        runs.append(([pairs[i] for i in test], fit_scorer(x[train], y[train], version="fold", same_story=line)))
    return runs


def _stream(
    pairs: list[RatedPair], scorer: PairScorer | None
) -> tuple[dict[str, int], dict[tuple[str, str], Link], dict[str, float]]:
    """Link the pairs' articles in one stream; return stories, links (both ways) and pair cosines."""
    from newsweave.linking import StoreLinker

    texts = _articles(pairs)
    facts = read_facts(pairs)  # as ingest reads them, so the fact features are there at link time
    with tempfile.TemporaryDirectory() as tmp:
        store = SqliteStore(Path(tmp) / "eval.sqlite")
        with store.transaction():
            for key in sorted(texts):
                text, language = texts[key]
                store.add_article(as_article(text, language))
                store.put_facts(facts[text], "eval")
        linker = StoreLinker(store, scorer=scorer)
        linker.run()
        stories = {a: s for a, s, _ in store.story_memberships()}
        links = {(x.a, x.b): x for x in store.links()} | {(x.b, x.a): x for x in store.links()}
        cosine = {}
        for p in pairs:
            a, b = linker.view_by_id(_id(p.text1)), linker.view_by_id(_id(p.text2))
            cosine[p.pair_id] = float(a.document @ b.document)
        store.close()
    return stories, links, cosine


def _articles(pairs: list[RatedPair]) -> dict[str, tuple[str, str]]:
    out = {}
    for p in pairs:
        out[_id(p.text1)] = (p.text1, p.lang1)
        out[_id(p.text2)] = (p.text2, p.lang2)
    return out


def _id(text: str) -> str:
    return article_id(text)


def _score(scored: Mapping[tuple[str, str], Link], p: RatedPair) -> float:
    """The pair's learned score, when it was scored and linked (a score >= 1/3); else 0."""
    link = scored.get((_id(p.text1), _id(p.text2)))
    return (link.evidence.pair_score or 0.0) if link is not None else 0.0


def _linked(scored: Mapping[tuple[str, str], Link], p: RatedPair) -> bool:
    link = scored.get((_id(p.text1), _id(p.text2)))
    return link is not None and link.kind is not RelationKind.RELATED


def _row(name: str, subset: str, predicted: np.ndarray, gold: np.ndarray) -> ClusteringRow:
    tp = int((predicted & gold).sum())
    precision = tp / max(1, int(predicted.sum()))
    recall = tp / max(1, int(gold.sum()))
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return ClusteringRow(name, subset, precision, recall, f1, len(gold))
