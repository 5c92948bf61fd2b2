"""Deciding how two articles relate, and saying why in plain words.

The thresholds are few:

- ``duplicate``: estimated word-shingle Jaccard >= 0.8 — the same text with small edits;
- ``version``: at least 60 % of each text aligns, in order (every aligned sentence pair >= 0.5),
  at mean similarity >= 0.6 — one source rewritten or translated (independent reports of one
  event share facts, not sentences). Coverage is what tells a translation from a text on the same
  topic (UDHR documents in `newsweave eval versions`: translations 0.90-1.00, other documents
  0.03-0.29); similarity alone does not, since translations between two languages other than
  English, or across scripts, align at 0.62-0.74, under the 0.7 this rule used to require;
- ``same_story``: the learned score >= the scorer's line (``PairScorer.same_story``), chosen on
  held-back folds of the training pairs as the lowest at which same-story decisions are 85 %
  precise (2/3, a predicted rating of "somewhat similar", for a model without one);
- ``related``: the learned score >= 1/3 (predicted Overall <= 3, "somewhat dissimilar" at worst).
"""

from __future__ import annotations

from dataclasses import dataclass

from newsweave.link.alignment import AlignmentSummary
from newsweave.link.pair_scorer import SAME_STORY_SCORE
from newsweave.records import Evidence, Link, RelationKind


@dataclass(frozen=True, slots=True)
class RelationThresholds:
    """The decision's thresholds (see the module's docstring for why these values)."""

    duplicate_jaccard: float = 0.8
    version_coverage: float = 0.6
    version_similarity: float = 0.6
    same_story: float = SAME_STORY_SCORE
    related: float = 1 / 3


def decide(
    *, jaccard: float, pair_score: float, alignment: AlignmentSummary | None, thresholds: RelationThresholds
) -> tuple[RelationKind | None, float]:
    """The strongest relation the evidence supports, with its score in [0, 1]."""
    t = thresholds
    if jaccard >= t.duplicate_jaccard:
        return RelationKind.DUPLICATE, jaccard
    if (
        alignment is not None
        and min(alignment.coverage_a, alignment.coverage_b) >= t.version_coverage
        and alignment.mean_similarity >= t.version_similarity
    ):
        return RelationKind.VERSION, min(1.0, (alignment.coverage_a + alignment.coverage_b) / 2)
    if pair_score >= t.same_story:
        return RelationKind.SAME_STORY, pair_score
    if pair_score >= t.related:
        return RelationKind.RELATED, pair_score
    return None, pair_score


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
