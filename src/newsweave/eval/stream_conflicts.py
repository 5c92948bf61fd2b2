"""Flagged conflicts on a real stream, judged by hand: what a desk would see.

The labelled pairs of ``newsweave eval claims`` are short texts written for the rules. Here two
public sets of real news (SemEval-2022 Task 8's article texts, each once, and BSNLP 2021's 1,452
Slavic articles on two long-running stories) are ingested and linked as a desk would ingest them,
and every conflict newsweave flags is looked up in a file of hand labels
(``tests/data/claims/stream_labels.jsonl``: each flagged pair's two sentences and figures, and
whether the two figures really are one disputed figure). Precision is over the labelled flags;
a flag nobody labelled yet is listed, to be labelled, never counted either way.

The stream takes minutes (3,600 articles ingested on two processes, then linked).
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsweave.errors import ConfigError
from newsweave.eval.data import checkout_data, labelled_rows
from newsweave.eval.semeval import DOCUMENT_CHARS, load_pairs
from newsweave.linking import COMPARED_KINDS
from newsweave.records import ClaimRelation, Disagreement

if TYPE_CHECKING:
    from newsweave import Newsweave

_MIN_CHARS = 500  # a SemEval text shorter than this is a headline and a lead, not an article
_GOLD = ("conflict", "not")


@dataclass(frozen=True, slots=True)
class FlaggedConflict:
    """A conflict newsweave flagged, with its hand label (None: not labelled yet)."""

    a_claim: str
    a_sentence: str
    b_claim: str
    b_sentence: str
    note: str
    gold: str | None
    why: str = ""


@dataclass(slots=True)
class StreamReport:
    """The stream's size, what linking made of it, and the flagged conflicts with their labels."""

    articles: int = 0
    compared_pairs: int = 0  # copies, versions and same-story links: the pairs whose figures are compared
    relations: dict[str, int] = field(default_factory=dict)  # every disagreement found, by relation
    flagged: list[FlaggedConflict] = field(default_factory=list)

    @property
    def true_conflicts(self) -> int:
        return sum(f.gold == "conflict" for f in self.flagged)

    @property
    def false_conflicts(self) -> int:
        return sum(f.gold == "not" for f in self.flagged)

    @property
    def unlabelled(self) -> int:
        return sum(f.gold is None for f in self.flagged)

    @property
    def precision(self) -> float | None:
        """True flags among the labelled ones (None when none is labelled)."""
        labelled = self.true_conflicts + self.false_conflicts
        return self.true_conflicts / labelled if labelled else None


def default_labels_file() -> Path:
    """``tests/data/claims/stream_labels.jsonl`` in a source checkout.

    Raises:
        ConfigError: not a source checkout; pass the labels file.
    """
    return checkout_data(
        "claims/stream_labels.jsonl", what="the stream's conflict labels", hint="pass --labels FILE (JSON Lines)"
    )


def stream_items(semeval_csv: Path, bsnlp_docs: Path) -> Iterator[dict[str, str]]:
    """The stream, as JSON Lines items: each distinct SemEval text of 500 characters or more (its
    first ``DOCUMENT_CHARS``, as the pair scorer reads it; no date, which the file does not give),
    then the BSNLP articles as they are."""
    seen: set[str] = set()
    for pair in load_pairs(semeval_csv):
        for text, language in ((pair.text1, pair.lang1), (pair.text2, pair.lang2)):
            if len(text) >= _MIN_CHARS and text[:200] not in seen:
                seen.add(text[:200])
                yield {"title": text[:80], "text": text[:DOCUMENT_CHARS], "language": language}
    with bsnlp_docs.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            yield {k: doc[k] for k in ("title", "text", "language", "date", "url") if doc.get(k)}


def label_key(a_claim: str, a_sentence: str, b_claim: str, b_sentence: str) -> frozenset[tuple[str, str]]:
    """Which flag a label is about, whichever article is ``a``: both figures in their sentences."""
    return frozenset({(a_claim, " ".join(a_sentence.split())), (b_claim, " ".join(b_sentence.split()))})


def load_labels(path: Path) -> dict[frozenset[tuple[str, str]], tuple[str, str]]:
    """Hand labels by ``label_key``: (gold, why).

    Raises:
        InputError: a line is not JSON, lacks a field or has another gold than conflict / not.
    """
    rows = labelled_rows(path, _check_label, what="a labelled conflict")
    return {_key(row): (row["gold"], row.get("why", "")) for row in rows}


def _check_label(row: dict[str, Any]) -> None:
    if row["gold"] not in _GOLD:
        raise KeyError("gold")
    _key(row)


def _key(row: dict[str, Any]) -> frozenset[tuple[str, str]]:
    return label_key(row["a"]["claim"], row["a"]["sentence"], row["b"]["claim"], row["b"]["sentence"])


def evaluate_stream(
    labels_path: Path, semeval_csv: Path, bsnlp_docs: Path, *, workers: int = 2, store: Path | None = None
) -> StreamReport:
    """Ingest and link the stream into ``store`` (a temporary one if None), then judge its flags."""
    from newsweave import Newsweave, Settings

    for path in (semeval_csv, bsnlp_docs):
        if not path.exists():
            raise ConfigError(f"{path} was not found", hint="pass the SemEval CSV and the BSNLP docs.jsonl")
    labels = load_labels(labels_path)
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "stream.jsonl"
        with feed.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(item, ensure_ascii=False) + "\n" for item in stream_items(semeval_csv, bsnlp_docs))
        with Newsweave(Settings(db_path=store or Path(tmp) / "stream.sqlite")) as nw:
            nw.ingest([feed], workers=workers)
            nw.link(workers=workers)
            return _report(nw, labels)


def _report(nw: Newsweave, labels: dict[frozenset[tuple[str, str]], tuple[str, str]]) -> StreamReport:
    found: list[Disagreement] = nw.disagreements()
    report = StreamReport(articles=nw.store.count_articles())
    report.compared_pairs = sum(1 for link in nw.store.links() if link.kind in COMPARED_KINDS)
    for d in found:
        report.relations[d.relation.value] = report.relations.get(d.relation.value, 0) + 1
    for d in found:
        if d.relation is not ClaimRelation.CONFLICT:
            continue
        a, b = d.claim_a, d.claim_b
        gold, why = labels.get(label_key(a.text, a.sentence, b.text, b.sentence), (None, ""))
        report.flagged.append(FlaggedConflict(a.text, a.sentence, b.text, b.sentence, d.note or "", gold, why))
    return report
