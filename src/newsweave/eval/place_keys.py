"""Do the places ingest stores name one place across languages? BSNLP 2021's gold place mentions,
linked by the keys the facts store for them.

``newsweave eval entities`` scores the recogniser's own keys; what ingest stores is the facts' key,
which the places layer sets (a pinned place's GeoNames id; an unpinned one's own name). Every
BSNLP document is read as ingest reads it (``FactAnalyzer.read``, the shipped models: the tagger
was trained on BSNLP, so recognition is in-sample here; the keys are rules); each gold LOC mention
(per document and surface form) takes the key stored for that surface, and the gold's
cross-lingual ids are paired as ``eval entities`` pairs them: pairwise precision, recall and F1
over mention pairs in different languages.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsweave.eval.entities import load, pairwise, prf


@dataclass(frozen=True, slots=True)
class StoredKeyScores:
    """Cross-lingual linking of the gold place mentions by their stored keys."""

    mentions: int  # gold LOC mentions (per document and surface form)
    keyed: int  # of them, with a stored key (the others were not read as names)
    pinned: int  # of the keyed, pinned to a GeoNames place
    precision: float
    recall: float
    f1: float


def evaluate_stored_keys(data_dir: Path) -> StoredKeyScores:
    """Read every document of a BSNLP-format folder as ingest does and score its places' keys."""
    from newsweave.analyze.facts import FactAnalyzer
    from newsweave.records import Article, Provenance

    docs, gold = load(data_dir)
    analyzer = FactAnalyzer()
    stored: dict[tuple[str, str], str] = {}
    for i, doc in enumerate(docs):
        if not doc.text:
            continue
        article = Article(f"{i:064x}", "", (doc.text,), Provenance(doc.doc_id), "bsnlp", language=doc.language)
        for mention in analyzer.read(article).facts.mentions:
            stored.setdefault((doc.doc_id, mention.text), mention.entity or "")
    places = [m for m in gold if m.type == "LOC"]
    items = [(m.language, m.entity, stored.get((m.doc, m.surface), "")) for m in places]
    keyed = [key for *_, key in items if key]
    pinned = sum(key.startswith("geonames:") for key in keyed)
    return StoredKeyScores(len(places), len(keyed), pinned, *prf(*pairwise(items)))
