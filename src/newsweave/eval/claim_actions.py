"""Whether a claim's action is the one its sentence says happened to that figure, on labelled news.

The labels file (JSON Lines) holds one figure of a real news sentence a line: ``sentence`` with
the figure marked by ``⟦`` and ``⟧``, ``language``, ``action`` (what the sentence says happened to
what the marked figure counts: ``killed``, ``wounded``, ``infected``, … or ``none``) and ``split``
(``dev`` labels may be used to choose rules; ``test`` labels must not be). A sentence names the
actions of all its figures, and a figure takes only its own: "680 хил. нови случаи, а общо
15 599 човека са починали" is 680,000 cases and 15,599 deaths, not 680,000 deaths.

Scored: the share of figures whose action is right (``none`` right when no action is read), per
split and language.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsweave.analyze.claims import numeric_claims
from newsweave.eval.data import checkout_data, labelled_rows

MARK_OPEN, MARK_CLOSE = "⟦", "⟧"
# The labels' "fled" covers people displaced, which the claims reader keys apart.
_SAME_LABEL = {"displaced": "fled"}


@dataclass(frozen=True, slots=True)
class ActionRow:
    """Accuracy of the actions read on one split (or one language of it)."""

    name: str
    figures: int
    right: int
    accuracy: float
    not_read: int  # marked figures the claims reader reads no claim at


@dataclass(frozen=True, slots=True)
class ActionOutcome:
    """What was read for one labelled figure."""

    id: str
    split: str
    language: str
    gold: str
    read: str  # the action read, "none", or "not read"
    sentence: str


@dataclass(slots=True)
class ActionsReport:
    """Scores per split and per language, and the figures read wrong."""

    rows: list[ActionRow] = field(default_factory=list)
    languages: list[ActionRow] = field(default_factory=list)
    errors: list[ActionOutcome] = field(default_factory=list)


def default_labels_file() -> Path:
    """``tests/data/claims/action_labels.jsonl`` in a source checkout.

    Raises:
        ConfigError: not a source checkout; pass ``--data``.
    """
    return checkout_data(
        "claims/action_labels.jsonl", what="the labelled claim actions", hint="pass --data FILE (JSON Lines)"
    )


def load_labels(path: Path) -> list[dict[str, str]]:
    """The labelled figures of a JSON Lines file, checked.

    Raises:
        InputError: a line is not JSON, lacks a field, or marks no figure.
    """
    return labelled_rows(path, _check_label, what="a labelled claim action")


def _check_label(row: dict[str, Any]) -> None:
    missing = [key for key in ("id", "language", "sentence", "action") if not row.get(key)]
    if missing:
        raise KeyError(", ".join(missing))
    if row["sentence"].count(MARK_OPEN) != 1 or row["sentence"].count(MARK_CLOSE) != 1:
        raise KeyError("one figure marked with ⟦ ⟧")


def _right(outcome: ActionOutcome) -> bool:
    """The action read is the label's, or nothing is read where nothing happened: a date or an age
    the claims reader reads no claim at has no action either."""
    return outcome.read == outcome.gold or (outcome.gold == "none" and outcome.read == "not read")


def read_action(sentence: str, language: str) -> str:
    """The action the claims reader gives the marked figure of ``sentence``: a key, "none", or
    "not read" when it reads no claim there."""
    at = sentence.index(MARK_OPEN)
    plain = sentence.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
    claim = next((c for c in numeric_claims(plain, language) if c.start <= at < max(c.end, c.start + 1)), None)
    if claim is None:
        return "not read"
    return _SAME_LABEL.get(claim.action or "none", claim.action or "none")


def evaluate_actions(path: Path) -> ActionsReport:
    """Score the actions read per split (``dev``, ``test``), over all, and per language."""
    outcomes = [
        ActionOutcome(row["id"], row.get("split", "test"), row["language"], row["action"],
                      read_action(row["sentence"], row["language"]), row["sentence"])
        for row in load_labels(path)
    ]  # fmt: skip
    report = ActionsReport()
    for split in sorted({o.split for o in outcomes}):
        report.rows.append(_row(split, [o for o in outcomes if o.split == split]))
    report.rows.append(_row("all", outcomes))
    by_language: dict[str, list[ActionOutcome]] = defaultdict(list)
    for o in outcomes:
        by_language[o.language].append(o)
    report.languages = [_row(language, group) for language, group in sorted(by_language.items())]
    report.errors = [o for o in outcomes if not _right(o)]
    return report


def _row(name: str, outcomes: list[ActionOutcome]) -> ActionRow:
    right = sum(_right(o) for o in outcomes)
    accuracy = round(right / len(outcomes), 3) if outcomes else 0.0
    return ActionRow(name, len(outcomes), right, accuracy, sum(o.read == "not read" for o in outcomes))
