"""The features of a pair of articles that the learned pair scorer reads.

Everything here is computed from stored embeddings and the texts: nothing is embedded again.
Document features, read for every scored pair:

0. cosine of the two whole-text vectors;
1. cosine of the two title vectors;
2. Jaccard overlap of folded, transliterated names (people, places, organisations), spellings a
   letter or two apart counted as one ("Abu Kemal", "Abu Kamal": recall at 85 % precision on
   held-back folds 0.685 against 0.656 with exact names);
3. Jaccard overlap of the stated numbers (not years);
4. 1 when the two languages differ (cross-lingual pairs have lower cosines for the same story);
5. absolute difference of log text lengths;
6. Jaccard overlap of canonical entity keys (the facts layer: every spelling and script of one
   entity shares a key), when both sides have facts;
7. log(1 + km) between the nearest two resolved places of the two articles, when both have one;
8. log(1 + days) between the nearest two dates the articles state, when both state one;
9. log(1 + km) between the two articles' focus places (``focus_place``: the most mentioned place
   narrower than a country), when both have one;
10. cosine of the two articles' entity mention counts (``entity_counts``): what each is mostly
    about, where the Jaccard of feature 6 counts a name said once in passing as much as the
    subject.

Features 6-10 say *which event*: two reports of one event name the same people, places and days;
a report of an earlier event in the same province shares the province but not the place or the
day. They are NaN (missing) when an article has no facts, which the trees route as learned; a
model trained without facts never splits on them, so facts plug in by retraining, not by code.

Sentence features (numbered after the document features), read only for pairs whose whole texts
are close (cosine >= ``SENTENCE_FLOOR``),
because they need every sentence embedded, which costs as much as the whole text again:

11. mean over A's sentences of the best match in B (how much of A B covers), and
12. the same from B to A;
13. share of sentence pairs above 0.6 similarity (dense overlap, as in translations);
14. cosine of the two mean sentence vectors.

On SemEval-2022 Task 8 dev.csv the sentence features add 0.006 to the cross-validated Pearson r
(0.772 with them for every pair, 0.765 without); reading them only for close pairs (cosine >= the
floor, or a close same-story call: see ``PairScorer.needs_sentences``) keeps 0.768.

The second view (after the sentence features), read only for pairs whose score is near the
same-story line (``PairScorer.needs_second_view``):

15. cosine of the two articles' leads (first ``LEAD_TOKENS`` tokens) embedded by
    multilingual-e5-small: a second model's reading of the text, which tells two events of one
    kind apart where USE's vectors of the whole texts do not (seed 002 against 000/001).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import numpy as np

from newsweave.analyze.embedding import normalise
from newsweave.link.evidence import claims, names, shared_names
from newsweave.records import Facts, Place, TimeExpression

FACT_FEATURES = ("entities_jaccard", "place_distance", "date_gap", "focus_distance", "entities_cosine")
DOCUMENT_FEATURES = (
    "cosine", "title_cosine", "names_jaccard", "numbers_jaccard", "cross_lingual", "length_gap", *FACT_FEATURES,
)  # fmt: skip
SENTENCE_FEATURES = ("coverage_a", "coverage_b", "dense_overlap", "mean_sentence_cosine")
FEATURE_NAMES = DOCUMENT_FEATURES + SENTENCE_FEATURES
SECOND_VIEW_FEATURES = ("lead_cosine",)
# A full row as the second-view model reads it: every feature above, then the lead cosine.
ROW_FEATURES = FEATURE_NAMES + SECOND_VIEW_FEATURES
# Versions (translations, rewrites) share most sentences, so their whole texts are close: the
# translations measured here have cosines of 0.82-0.92. Below this, sentences are not compared.
SENTENCE_FLOOR = 0.7
# Translations between two languages other than English, or across scripts, sit lower: 0.66-0.84
# for the UDHR documents of `newsweave eval versions` (German, Russian, Chinese against each other).
CROSS_LINGUAL_SENTENCE_FLOOR = 0.6


@dataclass(frozen=True, slots=True)
class PairSide:
    """One article as the pair features see it."""

    text: str
    language: str | None
    document: np.ndarray  # whole-text vector
    title: np.ndarray  # title (or first sentence) vector
    sentences: np.ndarray | None  # sentence vectors, rows (None: not embedded)
    facts: Facts | None = None  # names, places, dates read by the analyze stage (None: not read)


def pair_features(a: PairSide, b: PairSide, *, with_sentences: bool = True, numbers: bool = True) -> np.ndarray:
    """The feature vector of a pair: document features, then sentence features when asked for.

    Returns float64[len(FEATURE_NAMES)], or float64[len(DOCUMENT_FEATURES)] without sentences.
    ``numbers=False``: the numbers' Jaccard is left NaN, its texts' claims not read (a guess's features).
    """
    document = [
        float(a.document @ b.document),
        float(a.title @ b.title),
        names_jaccard(a.text, b.text),
        numbers_jaccard(a.text, b.text) if numbers else float("nan"),
        float((a.language or "") != (b.language or "")),
        abs(float(np.log1p(len(a.text)) - np.log1p(len(b.text)))),
        *fact_features(a.facts, b.facts),
    ]
    if not with_sentences:
        return np.array(document, dtype=np.float64)
    return np.concatenate([np.array(document, dtype=np.float64), sentence_features(a, b)])


# Where ``pair_features`` puts the numbers' Jaccard (NaN with ``numbers=False``).
NUMBERS_COLUMN = DOCUMENT_FEATURES.index("numbers_jaccard")


def numbers_jaccard(a: str, b: str) -> float:
    """Shared figures over all figures the two texts state (their claims' values)."""
    return _jaccard({c.low for c in claims(a)}, {c.low for c in claims(b)})


def names_jaccard(a: str, b: str) -> float:
    """Shared names over all names of the two texts, spellings a letter or two apart matching."""
    names_a, names_b = names(a), names(b)
    if not names_a or not names_b:
        return 0.0
    shared = (len(shared_names(a, b)) + len(shared_names(b, a))) / 2
    return shared / (len(names_a) + len(names_b) - shared)


def fact_features(a: Facts | None, b: Facts | None) -> list[float]:
    """Shared canonical entities, nearest place distance and nearest date gap (NaN where unknown)."""
    missing = float("nan")
    if a is None or b is None:
        return [missing] * len(FACT_FEATURES)
    counts_a, counts_b = entity_counts(a), entity_counts(b)
    if counts_a and counts_b:
        entities = _jaccard(set(counts_a), set(counts_b))
        shared = sum(counts_a[k] * counts_b[k] for k in counts_a.keys() & counts_b.keys())
        norms = np.sqrt(sum(v * v for v in counts_a.values()) * sum(v * v for v in counts_b.values()))
        weighted = shared / norms
    else:
        entities = weighted = missing
    focus_a, focus_b = focus_place(a), focus_place(b)
    focus = _nearest_place_km([focus_a], [focus_b]) if focus_a and focus_b else missing
    nearest = [_nearest_place_km(a.places, b.places), _nearest_date_days(a.times, b.times)]
    return [entities, *nearest, focus, weighted]


# A headline names what the story is about: its mentions count this many times a body mention.
TITLE_WEIGHT = 2


def entity_counts(facts: Facts) -> Counter[str]:
    """How often each canonical entity is mentioned, headline mentions counted ``TITLE_WEIGHT`` times."""
    counts: Counter[str] = Counter()
    for m in facts.mentions:
        if m.entity:
            counts[m.entity] += TITLE_WEIGHT if m.in_title else 1
    return counts


def _broad(place: Place) -> bool:
    """A country, continent or wider region: where many events happen at once, not where one did."""
    feature = place.feature or ""
    return feature.startswith(("A.PCL", "L.CONT", "L.RGN")) or feature == "A.ZN"


def focus_place(facts: Facts) -> Place | None:
    """The place an article is mostly about: its most mentioned pinned place narrower than a
    country (headline mentions weigh ``TITLE_WEIGHT``), the first named winning ties.

    Two reports of one event have one focus; a report of another event in the same province may
    name the first event's town in passing, but centres on its own (seed 002 names Deir ez-Zor
    twice and Palmyra five times; seeds 000/001 centre on Abu Kamal).
    """
    pinned = {p.geonames_id: p for p in facts.places if p.resolved and p.lat is not None and not _broad(p)}
    counts: Counter[int] = Counter()
    for m in facts.mentions:
        if m.entity and m.entity.startswith("geonames:"):
            key = int(m.entity.removeprefix("geonames:"))
            if key in pinned:
                counts[key] += TITLE_WEIGHT if m.in_title else 1
    if not counts:
        return None
    return pinned[counts.most_common(1)[0][0]]


def _nearest_place_km(a: Sequence[Place], b: Sequence[Place]) -> float:
    """log(1 + km) between the closest resolved places of the two sides, NaN without."""
    return float(np.log1p(nearest_km(a, b)))


def nearest_km(a: Sequence[Place], b: Sequence[Place]) -> float:
    """Kilometres (haversine) between the closest resolved places of the two sides, NaN without."""
    pa = np.radians([(p.lat, p.lon) for p in a if p.lat is not None and p.lon is not None])
    pb = np.radians([(p.lat, p.lon) for p in b if p.lat is not None and p.lon is not None])
    if not len(pa) or not len(pb):
        return float("nan")
    dlat = pa[:, None, 0] - pb[None, :, 0]
    dlon = pa[:, None, 1] - pb[None, :, 1]
    h = np.sin(dlat / 2) ** 2 + np.cos(pa[:, None, 0]) * np.cos(pb[None, :, 0]) * np.sin(dlon / 2) ** 2
    km = 2 * 6371.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))
    return float(km.min())


def _nearest_date_days(a: Sequence[TimeExpression], b: Sequence[TimeExpression]) -> float:
    """log(1 + days) between the closest stated dates of the two sides, NaN without."""
    if not a or not b:
        return float("nan")
    days_a = np.array([t.value.timestamp() for t in a]) / 86400.0
    days_b = np.array([t.value.timestamp() for t in b]) / 86400.0
    return float(np.log1p(np.abs(days_a[:, None] - days_b[None, :]).min()))


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
