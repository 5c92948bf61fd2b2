"""The static route's cascade: a cheap pre-gate, then the version check in e5's bridged space.

On the static route (``Settings.other_languages = "static"``) a language outside USE's is embedded
by ``StaticEmbedder``: a mean of token vectors, cheap but weak across languages (3 of 117 NTREX
translations involving Czech or Bulgarian were versions). The lead route (the default) embeds such
an article's sentences the same way, so the same cascade checks its translations. A translation is told apart by its
*structure* as much as by its words: the two texts have about as many sentences, their sentences'
lengths follow each other (Gale and Church 1993: a translation's sentence is about as long as
its source, scaled by the two languages' ratio), their numbers come in the same order, and the
static vectors of their sentences, weak as they are, are higher along the diagonal than off it.
These are read from what the linker already has (texts, static sentence vectors) in a few
milliseconds per pair, cheapest first. A cross-language pair with a side on the static route that
passes them has e5 embed the two leads (first sentences) and, when those meet, every sentence:
the version check then runs on e5's sentence vectors mapped into USE's space
(``analyze.embedding.RoutedEmbedder`` with e5 on whole sentences), against the bridged version lines
unchanged. The lines are chosen by ``scripts/measure_cascade_gate.py`` on the development part
only; docs/languages.md has the figures.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from newsweave.analyze.embedding import Embedder

_DIGITS = re.compile(r"\d+")

# A translation's shape: the largest mean length cost (``translation_length_cost``) of two texts
# whose sentences follow each other as a translation's do (relations.TRANSLATION_SHAPE says why).
SHAPE_COST = 1.2
# Fewer sentences than this say little by their lengths: of the NTREX development pairs of two
# articles (comparable sentence counts), 2-5 % with 3-7 sentences have a translation's shape and
# 0-0.4 % with 8 or more (a hand-made short report of one event passed as a Czech translation's version).
SHAPE_MIN_SENTENCES = 8
# Nor do counts this far apart: every development translation of that shape has 0.73 or more
# as many sentences on one side as on the other (a third of other-article pairs have fewer).
_SHAPE_MIN_RATIO = 0.7


@dataclass(frozen=True, slots=True)
class GateFeatures:
    """What the pre-gate reads of a pair (see the module docstring)."""

    cosine: float  # static whole-text cosine
    sentence_ratio: float  # fewer sentences / more sentences
    length_cost: float  # mean Gale-Church cost per aligned sentence of the length-only alignment
    numbers: int  # digit groups in the text with fewer of them
    number_order: float  # longest common subsequence of the digit groups / the fewer of them
    diagonal: float  # static sentence similarity on the alignment's diagonal band minus off it, in sd
    sentences: int = 0  # sentences of the text with fewer (0: not read)


@dataclass(frozen=True, slots=True)
class CascadeGate:
    """Lines a pair must pass to have its version checked with e5.

    Chosen by ``scripts/measure_cascade_gate.py`` on the development part alone (NTREX's six
    development articles, BSNLP's first 12 per language and topic): the loosest lines that pass
    at most 0.5 % of the BSNLP pairs of different articles (they pass 0.42 %) and lose at most one
    development translation that e5 finds (they lose one). Linking the whole BSNLP file, e5 then
    read the leads of 4.5 % of the articles and every sentence of 0.9 %.
    """

    cosine_mixed: float = 0.35  # one side through the static route (translations: 0.39 and up)
    cosine_bridged: float = 0.5  # both sides
    sentence_ratio: float = 0.5
    length_cost: float = 4.0
    number_order: float = 0.3
    few_numbers: int = 3  # with fewer digit groups than this the number line is not asked
    diagonal: float = 0.25
    shape_cost: float = SHAPE_COST  # a translation's shape (relations.TRANSLATION_SHAPE)
    # The second stage, e5 on the leads only (``lead_similarity``): translations' leads met at
    # 0.335 and up with one side through the static route, 0.635 and up with both; the
    # development pairs of different articles the lines above let through at 0.26-0.46 and
    # 0.37-0.59 (scripts/measure_cascade_gate.py). Lines just under the translations.
    lead: int = 4
    lead_mixed: float = 0.33
    lead_bridged: float = 0.6

    def leads_agree(self, similarity: float, bridged_sides: int) -> bool:
        """True when the leads' e5 similarity is worth e5 on every sentence."""
        return similarity >= (self.lead_bridged if bridged_sides >= 2 else self.lead_mixed)

    def cosine(self, bridged_sides: int) -> float:
        """The whole-text cosine line for a pair with this many sides through the static route."""
        return self.cosine_bridged if bridged_sides >= 2 else self.cosine_mixed

    def passes(self, f: GateFeatures, bridged_sides: int) -> bool:
        """True when the pair is worth e5's sentence vectors."""
        if f.cosine < self.cosine(bridged_sides) or f.sentence_ratio < self.sentence_ratio:
            return False
        shaped = _countable_shape(f.sentences, f.sentence_ratio) and f.length_cost <= self.shape_cost
        return shaped or (  # a translation's shape: the other lines are not asked
            f.length_cost <= self.length_cost
            and (f.numbers < self.few_numbers or f.number_order >= self.number_order)
            and f.diagonal >= self.diagonal
        )

    def admits(
        self, a_text: str, b_text: str, a_sentences: list[str], b_sentences: list[str], cosine: float,
        bridged_sides: int, vectors: Callable[[], tuple[np.ndarray, np.ndarray]],
    ) -> bool:  # fmt: skip
        """``passes``, reading the cheapest features first: the sentence vectors (``vectors()``,
        which may embed) only for the few pairs every other line admits."""
        if not self.texts_admit(a_text, b_text, a_sentences, b_sentences, cosine, bridged_sides):
            return False
        return self.translation_shaped(a_sentences, b_sentences) or self.vectors_admit(*vectors())

    def translation_shaped(self, a_sentences: list[str], b_sentences: list[str]) -> bool:
        """Sentence lengths that agree as a translation's do (``relations.TRANSLATION_SHAPE``): such
        a pair passes the number line and the diagonal's. A translation may convert its figures
        (85 mph and 385 miles are 137 km/h and 620 km in NTREX's Czech), and static sentence
        vectors see little of a short text's diagonal; its shape is harder to fake."""
        return has_translation_shape(a_sentences, b_sentences, self.shape_cost)

    def vectors_admit(self, a_vectors: np.ndarray, b_vectors: np.ndarray) -> bool:
        """The pre-gate's last line, on the two texts' sentence vectors: ``diagonal_contrast``."""
        return diagonal_contrast(a_vectors, b_vectors) >= self.diagonal

    def texts_admit(
        self, a_text: str, b_text: str, a_sentences: list[str], b_sentences: list[str], cosine: float,
        bridged_sides: int,
    ) -> bool:  # fmt: skip
        """Every line of ``passes`` but the diagonal's, read from the texts alone: what a pooled
        link checks ahead, to have the pairs that pass it embedded on a worker."""
        n, m = len(a_sentences), len(b_sentences)
        if cosine < self.cosine(bridged_sides) or min(n, m) < self.sentence_ratio * max(n, m, 1):
            return False
        fewer, in_order = _number_order(a_text, b_text)
        if fewer >= self.few_numbers and in_order < self.number_order * fewer:
            return self.translation_shaped(a_sentences, b_sentences)  # figures converted, perhaps
        return translation_length_cost(a_sentences, b_sentences) <= self.length_cost  # (<= shape_cost)


@dataclass
class Cascade:
    """The static route's second stage: which pairs go to e5, and what embeds them.

    ``exact`` embeds a bridged article's sentences into USE's space (the e5 bridge, by default);
    ``cross_neighbours`` is how many nearest articles of each other language an article is
    compared with beyond its ordinary candidates, since static vectors keep an article near its
    own language: among 1,530 articles (all of BSNLP 2021, then the NTREX cases) a Czech or
    Bulgarian article's translation ranked a median 126th by whole-text cosine, but first among
    the articles of its own language in 105 of 130 cases and in the first three in 121
    (``scripts/measure_cascade_gate.py --candidates``).
    """

    gate: CascadeGate = field(default_factory=CascadeGate)
    exact: Embedder | None = None
    cross_neighbours: int = 3

    def embedder(self) -> Embedder:
        """The embedder of the version check (loaded on first use): e5 with each token quantised
        on its own scale (``E5Embedder(rows=True)``), bridged into USE's space."""
        if self.exact is None:
            from newsweave.analyze.embedding import E5Embedder, RoutedEmbedder

            self.exact = RoutedEmbedder(fallback=E5Embedder(rows=True))
        return self.exact


def digit_groups(text: str) -> list[str]:
    """The runs of digits in ``text``, in order (script-independent; "1,5" and "1.5" read alike)."""
    return _DIGITS.findall(text)


def common_order(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two sequences."""
    if not a or not b:
        return 0
    previous = [0] * (len(b) + 1)
    for x in a:
        row = [0]
        for j, y in enumerate(b):
            row.append(previous[j] + 1 if x == y else max(previous[j + 1], row[j]))
        previous = row
    return previous[-1]


# Gale and Church's variance of a translated sentence's length, per character of source.
_VARIANCE = 6.8
# Their prior probabilities of a bead, as costs (-log), by the sentences it takes from A and B: 1-1,
# 1-0 or 0-1, 2-1 or 1-2.
_PRIOR = {(1, 1): -math.log(0.89), (1, 0): -math.log(0.0099), (0, 1): -math.log(0.0099),
          (2, 1): -math.log(0.089), (1, 2): -math.log(0.089)}  # fmt: skip


def length_cost(a_lengths: list[int], b_lengths: list[int], band: float = 0.15) -> float:
    """Mean cost per bead of the best length-only alignment of two sentence lists (Gale-Church).

    The ratio of the two texts' total lengths scales A's sentences to B's language; each bead
    costs -log of how likely its lengths are under that ratio, plus -log of its prior. A
    translation pays about 1-2 per sentence; two articles on one topic much more. Only cells
    within ``band`` of the diagonal (as a share of the longer list, at least three sentences)
    are searched, since a translation keeps its source's order: the cost of a pair that needs
    more is infinite.
    """
    n, m = len(a_lengths), len(b_lengths)
    if n == 0 or m == 0:
        return math.inf
    ratio = sum(b_lengths) / max(1, sum(a_lengths))
    a_cum = [0.0, *itertools.accumulate(x * ratio for x in a_lengths)]
    b_cum = [0.0, *itertools.accumulate(float(x) for x in b_lengths)]
    width = max(3, math.ceil(band * max(n, m)))
    # The dynamic programme below is the gate's whole cost, in pure Python (numpy's per-row calls
    # cost more than they save on rows this short): each bead's lengths come from tables, a bead
    # of one sentence alone is costed once per sentence, and three rows are kept (a bead spans
    # at most two), so a cell computes three likelihoods instead of five. Same sums, same order.
    a1 = [0.0] + [a_cum[i] - a_cum[i - 1] for i in range(1, n + 1)]
    a2 = [0.0, 0.0] + [a_cum[i] - a_cum[i - 2] for i in range(2, n + 1)]
    b1 = [0.0] + [b_cum[j] - b_cum[j - 1] for j in range(1, m + 1)]
    b2 = [0.0, 0.0] + [b_cum[j] - b_cum[j - 2] for j in range(2, m + 1)]
    a_alone = [0.0] + [_bead_cost(a1[i], 0.0) for i in range(1, n + 1)]
    b_alone = [0.0] + [_bead_cost(0.0, b1[j]) for j in range(1, m + 1)]
    inf = math.inf
    p11, p10, p01, p21, p12 = (_PRIOR[bead] for bead in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2)))
    cost_2, cost_1 = [inf] * (m + 1), [inf] * (m + 1)  # rows i-2 and i-1
    beads_2, beads_1 = [0] * (m + 1), [0] * (m + 1)
    for i in range(n + 1):
        cost, beads = [inf] * (m + 1), [0] * (m + 1)
        centre = round(i * m / n)
        for j in range(max(0, centre - width), min(m, centre + width) + 1):
            if i == 0 and j == 0:
                cost[0] = 0.0
                continue
            best, count = inf, 0
            if i and j and (before := cost_1[j - 1]) != inf:  # 1-1
                best, count = before + p11 + _bead_cost(a1[i], b1[j]), beads_1[j - 1] + 1
            if i and (before := cost_1[j]) != inf and (c := before + p10 + a_alone[i]) < best:  # 1-0
                best, count = c, beads_1[j] + 1
            if j and (before := cost[j - 1]) != inf and (c := before + p01 + b_alone[j]) < best:  # 0-1
                best, count = c, beads[j - 1] + 1
            if (
                i > 1 and j and (before := cost_2[j - 1]) != inf
                and (c := before + p21 + _bead_cost(a2[i], b1[j])) < best
            ):  # 2-1  # fmt: skip
                best, count = c, beads_2[j - 1] + 1
            if (
                i and j > 1 and (before := cost_1[j - 2]) != inf
                and (c := before + p12 + _bead_cost(a1[i], b2[j])) < best
            ):  # 1-2  # fmt: skip
                best, count = c, beads_1[j - 2] + 1
            cost[j], beads[j] = best, count
        cost_2, cost_1, beads_2, beads_1 = cost_1, cost, beads_1, beads
    return cost_1[m] / max(1, beads_1[m])


def _bead_cost(la: float, lb: float) -> float:
    """-log of how likely a bead's two lengths are, given the ratio (``length_cost``)."""
    mean = (la + lb) / 2
    delta = abs(lb - la) / math.sqrt(_VARIANCE * (mean if mean > 1.0 else 1.0))
    # ``_normal_cost``'s common branch written out: a call less for each of millions of beads.
    return -math.log(math.erfc(delta / _ROOT2)) if delta <= 7.0 else _normal_cost(delta)


_ROOT2 = math.sqrt(2)


@lru_cache(maxsize=4096)  # a pooled link reads a pair's lines ahead and again as it relates it
def _number_order(a_text: str, b_text: str) -> tuple[int, int]:
    """(digit groups in the text with fewer, the longest run of them both texts have in order)."""
    a_digits, b_digits = digit_groups(a_text), digit_groups(b_text)
    return min(len(a_digits), len(b_digits)), common_order(a_digits, b_digits)


def has_translation_shape(a_sentences: list[str], b_sentences: list[str], cost: float) -> bool:
    """Enough sentences, of lengths that agree as a translation's do (``translation_length_cost``
    at most ``cost``)."""
    fewer, more = sorted((len(a_sentences), len(b_sentences)))
    if not _countable_shape(fewer, fewer / more):
        return False  # (without running the length alignment, the costly part)
    return translation_length_cost(a_sentences, b_sentences) <= cost


def _countable_shape(fewer: int, ratio: float) -> bool:
    """Whether two texts of ``fewer`` sentences (on the shorter side) and that ratio of counts
    can show a translation's shape at all (``GateFeatures`` and ``has_translation_shape`` alike)."""
    return fewer >= SHAPE_MIN_SENTENCES and ratio >= _SHAPE_MIN_RATIO


def translation_length_cost(a_sentences: list[str], b_sentences: list[str]) -> float:
    """``length_cost`` of two texts' sentences by their lengths in characters (cached by lengths)."""
    return _length_cost(tuple(map(len, a_sentences)), tuple(map(len, b_sentences)))


@lru_cache(maxsize=4096)
def _length_cost(a_lengths: tuple[int, ...], b_lengths: tuple[int, ...]) -> float:
    return length_cost(list(a_lengths), list(b_lengths))


def _normal_cost(delta: float) -> float:
    """-log of the two-sided tail probability of a standard normal beyond ``delta`` (>= 0)."""
    if delta > 7.0:  # the tail's log, asymptotically: erfc underflows out here
        return delta * delta / 2 + math.log(delta * math.sqrt(math.pi / 2))
    return -math.log(math.erfc(delta / math.sqrt(2)))


def diagonal_contrast(a_vectors: np.ndarray, b_vectors: np.ndarray, band: float = 0.1) -> float:
    """How much higher sentence similarities are near the diagonal than off it, in standard deviations.

    A translation keeps the order of its source, so sentence i of n meets sentence j of m with
    i/n close to j/m; two articles on one topic resemble each other anywhere. ``band`` is the
    share of the text (by position) counted as near.
    """
    n, m = len(a_vectors), len(b_vectors)
    if n < 2 or m < 2:
        return 0.0
    sim = np.asarray(a_vectors, np.float32) @ np.asarray(b_vectors, np.float32).T
    rows = (np.arange(n) + 0.5) / n
    cols = (np.arange(m) + 0.5) / m
    near = np.abs(rows[:, None] - cols[None, :]) <= max(band, 1.0 / min(n, m))
    if near.all() or not near.any():
        return 0.0
    spread = float(sim.std())
    return float((sim[near].mean() - sim[~near].mean()) / max(spread, 1e-6))


def lead_similarity(a_vectors: np.ndarray, b_vectors: np.ndarray, lead: int = 4) -> float:
    """Mean best similarity of A's first ``lead`` sentences among B's first ``lead + 2``.

    A translation's opening sentences are its source's, so e5 on just the leads of the two texts
    (a fraction of the whole cost) tells most pairs the pre-gate let through from translations.
    """
    a, b = np.asarray(a_vectors[:lead], np.float32), np.asarray(b_vectors[: lead + 2], np.float32)
    if len(a) == 0 or len(b) == 0:
        return 0.0
    return float((a @ b.T).max(axis=1).mean())


def gate_features(
    a_text: str, b_text: str, a_sentences: list[str], b_sentences: list[str],
    a_vectors: np.ndarray, b_vectors: np.ndarray, cosine: float,
) -> GateFeatures:  # fmt: skip
    """The pre-gate's features of a pair, from its texts and static sentence vectors."""
    n, m = len(a_sentences), len(b_sentences)
    a_digits, b_digits = digit_groups(a_text), digit_groups(b_text)
    fewer = min(len(a_digits), len(b_digits))
    return GateFeatures(
        cosine=cosine,
        sentence_ratio=min(n, m) / max(n, m, 1),
        length_cost=length_cost([len(s) for s in a_sentences], [len(s) for s in b_sentences]),
        numbers=fewer,
        number_order=common_order(a_digits, b_digits) / fewer if fewer else 0.0,
        diagonal=diagonal_contrast(a_vectors, b_vectors),
        sentences=min(n, m),
    )
