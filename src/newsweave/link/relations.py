"""Deciding how two articles relate, and saying why in plain words.

The thresholds are few:

- ``duplicate``: estimated word-shingle Jaccard >= 0.8 — the same text with small edits;
- ``version``: at least 70 % of each text (by characters) aligns, in order, at a mean similarity
  over the version line — one source rewritten or translated. Independent reports of one event
  share facts, a lead sentence or a quote, not most of their text: of the 289 SemEval pairs rated
  "very similar" (mostly different outlets on one event), 60 % coverage at mean 0.6 called 31
  versions; this rule calls 2 of the 225 development pairs and none of the 58 held out (and still
  finds three of the five that are one text). The line depends on the pair's vectors (``VersionLine``): translations
  between two of USE's languages align at 0.55-0.85; two texts in one language are versions only
  when their sentences share wording (mean >= 0.75; independent reports in one language align at
  0.6-0.73); and a text embedded by e5 through the linear bridge (``RoutedEmbedder``) meets its
  translation in a USE language at only 0.3-0.6, its whole text at cosine 0.45-0.68, while
  unrelated sentences stay at 0.2 in both spaces: the bridge compresses the signal, so that pair
  gets a lower floor, line and gate. Two bridged texts (Czech and Bulgarian) meet at 0.65-0.8 but
  unrelated sentences at 0.3-0.5, so theirs are higher. Through the bridge the aligned sentences
  must also stand out from the rest of the other text (ratio margin >= 1.05), since different
  articles on one topic align there about as well as translations. The lines were chosen on the development
  part of `newsweave eval versions` (six NTREX articles, the UDHR, SemEval's development pairs);
  its held-out figures are quoted in the README;
- ``same_story``: the learned score >= the scorer's line (``PairScorer.same_story``), chosen on
  held-back folds of the training pairs as the lowest at which same-story decisions are 85 %
  precise (2/3, a predicted rating of "somewhat similar", for a model without one);
- ``related``: the learned score >= the scorer's related line (``PairScorer.related``), chosen as
  the same-story line is, on held-back folds, as the lowest at which "related or closer" decisions
  (pairs rated Overall <= 3, "somewhat dissimilar" at worst) are 85 % precise (1/3, a predicted
  rating of 3, for a model without one: until v8).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.link.alignment import AlignmentSummary
from newsweave.link.cascade import SHAPE_COST
from newsweave.link.pair_scorer import RELATED_SCORE, SAME_STORY_SCORE
from newsweave.records import Evidence, Link, RelationKind


@dataclass(frozen=True, slots=True)
class VersionLine:
    """How close the sentences of two versions must be, for one kind of pair (see the module docstring)."""

    floor: float  # the alignment's floor: two sentences less similar are not each other's version
    similarity: float  # the mean similarity of the aligned sentence pairs
    gate: float  # the whole-text cosine from which sentences are compared at all
    margin: float = 0.0  # the alignment's least ratio margin (`alignment.margin`); 0: not asked
    # A translation's shape (0: not read): sentence lengths that agree as a translation's do
    # (Gale-Church's mean cost per bead, ``cascade.translation_length_cost``, at most
    # ``shape_cost``) let the sentences align at the lower ``shape_floor`` and count at
    # ``shape_similarity`` (see ``TRANSLATION_SHAPE``).
    shape_cost: float = 0.0
    shape_floor: float = 0.0
    shape_similarity: float = 0.0
    # The whole-text cosine from which such a pair's sentences are compared (its shape is read
    # from the texts alone, before any sentence is embedded); 0: the gate's.
    shape_gate: float = 0.0

    def by_shape(self) -> VersionLine:
        """The line a pair of a translation's shape is held to."""
        return VersionLine(self.shape_floor, self.shape_similarity, self.gate, self.margin)


# Two independent translations of one English article into two other languages (German and
# Russian, Russian and Chinese) share less wording than a translation and its source: at the
# floor of 0.5 a sixth of the NTREX development translations covered 51-70 % of a text, and
# some met at whole-text cosines of 0.55-0.6, under the gate. What still marks them is their
# shape: sentence for sentence, in order, of lengths that agree (Gale-Church cost 0.42-1.09 for
# all twelve such misses), where two reports of one event do not (every SemEval "very similar"
# development pair and NTREX pair of two articles with 70 % coverage at a floor of 0.4 cost
# 1.59 or more; no pair of 6,868 Polish and Russian BSNLP articles of one topic at cosine >= 0.5
# costs under 1.6). Chosen on the development part of `newsweave eval versions` (lines 1-603 of
# NTREX: 40 articles), SemEval's development pairs and BSNLP (scripts/measure_translation_shape.py).
# Through the bridge (Czech, Bulgarian) the same shape lets a pair past the cascade's number and
# diagonal lines (``CascadeGate.translation_shaped``; NTREX's Czech converts 85 mph and 385 miles
# to 137 km/h and 620 km) and e5's alignment count at a floor 0.1 lower (MIXED, BRIDGED below):
# development misses with Czech or Bulgarian 22 -> 6 of 360, no new version on the whole BSNLP file.
# Some such translations met at whole-text cosines of 0.55-0.6, under the gate: a pair of that
# shape has its sentences compared from 0.5 (lowering the gate itself for every pair of two of
# USE's languages embedded the sentences of 55 % of the built articles of bench/link_bench.py
# instead of 16 %).
TRANSLATION_SHAPE = {"shape_cost": SHAPE_COST, "shape_floor": 0.4, "shape_similarity": 0.5, "shape_gate": 0.5}
NATIVE = VersionLine(floor=0.5, similarity=0.55, gate=0.6, **TRANSLATION_SHAPE)  # two of USE's languages
SAME_LANGUAGE = VersionLine(floor=0.5, similarity=0.75, gate=0.7)  # one language: shared wording
# Through the bridge, different articles on one topic align as well as translations do (BSNLP
# 2021 election articles in Polish and Ukrainian: 70-87 % coverage at 0.48-0.53); what tells them
# apart is whether the aligned sentences stand out from the rest (the ratio margin). 1.05 is the
# middle of the range (1.04-1.06) that kept every development translation of `eval versions`
# and no BSNLP development pair of different articles (12 per language and topic; scripts/
# measure_version_margin.py).
BRIDGED_MARGIN = 1.05
# Through the bridge (e5's sentence vectors, the cascade's), a translation's shape lowers the
# floor by 0.1 and, with both sides bridged, the similarity by 0.05; the margin still applies.
MIXED = VersionLine(
    floor=0.4, similarity=0.45, gate=0.45, margin=BRIDGED_MARGIN,
    shape_cost=SHAPE_COST, shape_floor=0.3, shape_similarity=0.45,
)  # fmt: skip  # one side through the e5 bridge
BRIDGED = VersionLine(
    floor=0.6, similarity=0.7, gate=0.6, margin=BRIDGED_MARGIN,
    shape_cost=SHAPE_COST, shape_floor=0.5, shape_similarity=0.65,
)  # fmt: skip  # both sides through the bridge


@dataclass(frozen=True, slots=True)
class RelationThresholds:
    """The decision's thresholds (see the module's docstring for why these values)."""

    duplicate_jaccard: float = 0.8
    version_coverage: float = 0.7
    native: VersionLine = NATIVE
    same_language: VersionLine = SAME_LANGUAGE
    mixed: VersionLine = MIXED
    bridged: VersionLine = BRIDGED
    same_story: float = SAME_STORY_SCORE
    related: float = RELATED_SCORE

    def version_line(self, *, same_language: bool, bridged_sides: int) -> VersionLine:
        """The line for a pair in one language or two, with 0, 1 or 2 sides embedded through the bridge."""
        line = (self.native, self.mixed, self.bridged)[max(0, min(2, bridged_sides))]
        if not same_language:
            return line
        one = self.same_language
        return VersionLine(
            max(line.floor, one.floor),
            max(line.similarity, one.similarity),
            max(line.gate, one.gate),
            max(line.margin, one.margin),
        )


def decide(
    *,
    jaccard: float,
    pair_score: float,
    alignment: AlignmentSummary | None,
    thresholds: RelationThresholds,
    line: VersionLine | None = None,
) -> tuple[RelationKind | None, float]:
    """The strongest relation the evidence supports, with its score in [0, 1].

    ``line`` is the version line of the pair's kind (``RelationThresholds.version_line``); two of
    USE's languages when not given.
    """
    t = thresholds
    line = line or t.native
    if jaccard >= t.duplicate_jaccard:
        return RelationKind.DUPLICATE, jaccard
    if alignment is not None and aligns_as_version(alignment, t, line):
        return RelationKind.VERSION, min(1.0, (alignment.coverage_a + alignment.coverage_b) / 2)
    if pair_score >= t.same_story:
        return RelationKind.SAME_STORY, pair_score
    if pair_score >= t.related:
        return RelationKind.RELATED, pair_score
    return None, pair_score


def aligns_as_version(alignment: AlignmentSummary, thresholds: RelationThresholds, line: VersionLine) -> bool:
    """Whether an alignment covers enough of both texts, closely enough, to make them versions."""
    return (
        min(alignment.coverage_a, alignment.coverage_b) >= thresholds.version_coverage
        and alignment.mean_similarity >= line.similarity
        and alignment.margin >= line.margin
    )


_KIND_WORDS = {
    RelationKind.DUPLICATE: "is a duplicate of",
    RelationKind.VERSION: "is a version of (a translation or rewrite)",
    RelationKind.SAME_STORY: "tells the same story as",
    RelationKind.RELATED: "is related to, but not the same story as,",
}


def explain(link: Link, title_a: str | None = None, title_b: str | None = None) -> str:
    """Why two articles are linked, in plain words, from what the link stores."""
    e = link.evidence
    a = f"{link.a[:12]} ({title_a})" if title_a else link.a[:12]
    b = f"{link.b[:12]} ({title_b})" if title_b else link.b[:12]
    lines = [f"{b} {_KIND_WORDS[link.kind]} {a}; score {link.score:.2f}."]
    lines.extend(_figures(e))
    if e.aligned:
        lines.append(f"Aligned sentences ({len(e.aligned)}, strongest first):")
        for pair in sorted(e.aligned, key=lambda p: -p.similarity)[:3]:
            lines.append(f"  {pair.similarity:.2f}  A: {pair.a_text[:90]}")
            lines.append(f"        B: {pair.b_text[:90]}")
    if e.shared_names:
        lines.append("Shared names: " + ", ".join(e.shared_names[:12]) + ".")
    if e.shared_numbers:
        lines.append("Shared numbers: " + ", ".join(e.shared_numbers[:12]) + ".")
    if e.differing_numbers:
        lines.append("Numbers that differ: " + "; ".join(f"'{x}' vs '{y}'" for x, y in e.differing_numbers) + ".")
    lines.extend(e.notes)
    return "\n".join(lines)


def _figures(e: Evidence) -> list[str]:
    parts = []
    if e.coverage_a is not None and e.coverage_b is not None:
        parts.append(f"{e.coverage_a:.0%} of A and {e.coverage_b:.0%} of B align sentence by sentence, in order")
    if e.pair_score is not None:
        parts.append(f"learned same-story score {e.pair_score:.2f}")
    if e.cosine is not None:
        parts.append(f"embedding cosine {e.cosine:.2f}")
    if e.jaccard is not None:
        parts.append(f"word-shingle overlap {e.jaccard:.2f}")
    return ["Evidence: " + "; ".join(parts) + "."] if parts else []
