"""How well disagreements between reports are classified, on labelled pairs of claims.

The pairs file (JSON Lines) holds one pair of short texts a line: ``a`` and ``b`` (each with
``text``, ``language``, ``published``), ``aligned`` (true when the two are versions of one
sentence, as a translation is), ``gold`` (``conflict``, ``update``, ``qualifier``, ``agree``,
``none`` when nothing in the two is about the same thing, or ``other`` when no single relation
fits) and ``split`` (``dev`` pairs may be used to tune rules; ``test`` pairs must not be).

Scored: precision and recall of flagged conflicts (the figure that matters: a false conflict is
worse than a missed one), and the accuracy of the strongest relation found against ``gold``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsweave.analyze.claims import numeric_claims
from newsweave.eval.data import checkout_data, labelled_rows
from newsweave.link.disagreements import ArticleClaims, compare
from newsweave.records import AlignedSentences, ClaimRelation

_ORDER = (ClaimRelation.CONFLICT, ClaimRelation.UPDATE, ClaimRelation.QUALIFIER, ClaimRelation.AGREE)
_GOLD = {"conflict", "update", "qualifier", "agree", "none", "other"}


@dataclass(frozen=True, slots=True)
class ClaimScores:
    """Conflict detection and relation accuracy on one split of the pairs."""

    name: str
    pairs: int
    conflicts: int  # gold conflicts
    flagged: int  # pairs flagged as conflicts
    precision: float
    recall: float
    f1: float
    relation_accuracy: float  # over pairs whose gold is one relation (not "other")


@dataclass(frozen=True, slots=True)
class PairOutcome:
    """What was predicted for one labelled pair."""

    id: str
    split: str
    gold: str
    predicted: str
    notes: tuple[str, ...] = ()


@dataclass(slots=True)
class ClaimsReport:
    """Scores per split, and the pairs the rules got wrong."""

    rows: list[ClaimScores] = field(default_factory=list)
    errors: list[PairOutcome] = field(default_factory=list)


def default_pairs_file() -> Path:
    """``tests/data/claims/pairs.jsonl`` in a source checkout.

    Raises:
        ConfigError: not a source checkout; pass ``--data``.
    """
    return checkout_data("claims/pairs.jsonl", what="the labelled claim pairs", hint="pass --data FILE (JSON Lines)")


def load_pairs(path: Path) -> list[dict[str, Any]]:
    """The labelled pairs of a JSON Lines file, checked.

    Raises:
        InputError: a line is not JSON or lacks a field.
    """
    return labelled_rows(path, _check_pair, what="a labelled claim pair")


def _check_pair(pair: dict[str, Any]) -> None:
    if pair["gold"] not in _GOLD or not pair["a"]["text"] or not pair["b"]["text"]:
        raise KeyError("gold")


def predict(pair: dict[str, Any]) -> tuple[str, tuple[str, ...]]:
    """The strongest relation ``compare`` finds between a pair's two texts, with its notes."""
    sides = []
    for key in ("a", "b"):
        side = pair[key]
        published = datetime.fromisoformat(side["published"]) if side.get("published") else None
        claims = tuple(numeric_claims(side["text"], side.get("language"), published))
        sides.append(ArticleClaims(key, published, side.get("language"), claims))
    aligned = [AlignedSentences(0, 0, pair["a"]["text"], pair["b"]["text"], 0.9)] if pair.get("aligned") else []
    found = compare(sides[0], sides[1], aligned)
    notes = tuple(f"{d.relation.value}: {d.note}" for d in found)
    for relation in _ORDER:
        if any(d.relation is relation for d in found):
            return relation.value, notes
    return "none", notes


def evaluate_claims(path: Path) -> ClaimsReport:
    """Score conflict detection per split (``dev``, ``test``) and over all pairs."""
    pairs = load_pairs(path)
    outcomes = []
    for pair in pairs:
        predicted, notes = predict(pair)
        outcomes.append(PairOutcome(pair["id"], pair.get("split", "test"), pair["gold"], predicted, notes))
    report = ClaimsReport()
    for split in sorted({o.split for o in outcomes}):
        report.rows.append(_scores(split, [o for o in outcomes if o.split == split]))
    report.rows.append(_scores("all", outcomes))
    report.errors = [o for o in outcomes if _wrong(o)]
    return report


def _wrong(o: PairOutcome) -> bool:
    if o.gold == "other":
        return o.predicted == "conflict"
    return o.predicted != o.gold


def _scores(name: str, outcomes: list[PairOutcome]) -> ClaimScores:
    gold = [o.gold == "conflict" for o in outcomes]
    flagged = [o.predicted == "conflict" for o in outcomes]
    tp = sum(g and f for g, f in zip(gold, flagged, strict=True))
    precision = tp / sum(flagged) if any(flagged) else 0.0
    recall = tp / sum(gold) if any(gold) else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    scored = [o for o in outcomes if o.gold != "other"]
    accuracy = sum(o.predicted == o.gold for o in scored) / len(scored) if scored else 0.0
    return ClaimScores(name, len(outcomes), sum(gold), sum(flagged), precision, recall, f1, accuracy)
