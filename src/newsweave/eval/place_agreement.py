"""Places read in professional translations against those read in their English originals.

No gold places exist for most languages newsweave reads. NTREX-128's news articles are the same
texts in many languages, so the places pinned in a translation can be set against those pinned in
its English original (where the geocoder is measured against gold: ``newsweave eval places``):
a pin the English reading shares is likely right, one it lacks is a wrong pin or a place the
English reading missed, and an English pin the translation lacks is a place its language's
reading missed. It measures agreement, not accuracy: both sides can be wrong alike.

The translations: the NTREX names' articles (``tests/data/entities/ntrex_names.jsonl``: Arabic,
Korean, Japanese, Thai, Dutch, Portuguese, Czech, Bulgarian) and the translation cases of
``eval versions`` (``tests/data/link/ntrex_versions.jsonl``: German, Russian, Chinese, Czech,
Bulgarian, with the English originals of both). An article's pins are counted once per GeoNames id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.eval.data import checkout_data

Reader = Callable[[str, str], Iterable[int]]  # (text, language) -> GeoNames ids pinned


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """One language's pins against its English originals'."""

    language: str
    articles: int
    pins: int  # distinct GeoNames ids pinned per translated article, summed
    english_pins: int  # the same in the English originals
    shared: int  # pinned in both
    precision: float  # shared / pins: the translation's pins the English reading confirms
    recall: float  # shared / english_pins: the English reading's pins the translation finds


def default_sources() -> tuple[Path, Path]:
    """The NTREX names and the translation cases in the repository checkout."""
    from newsweave.eval.versions import default_cases

    names = checkout_data("entities/ntrex_names.jsonl", what="the NTREX names", hint="run it from a source checkout")
    return names, default_cases()


def load_translations(names: Path, cases: Path) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(English originals by article id, {language: {article id: translation}}); an article of a
    language both files hold (Czech, Bulgarian) is read as the NTREX names write it. Read by
    ``eval versions``' and ``eval entities``' own loaders (``load_cases``, ``ntrex_names``)."""
    from newsweave.eval.entities import ntrex_names
    from newsweave.eval.versions import load_cases

    english: dict[str, str] = {}
    translated: dict[str, dict[str, str]] = defaultdict(dict)
    for row in load_cases(cases):
        text = f"{row.get('title', '')}\n{row['text']}".strip()
        if row["language"] == "en":
            english[row["document"]] = text
        else:
            translated[row["language"]][row["document"]] = text
    loaded = ntrex_names(names)
    for doc in loaded.train + loaded.test:  # keyed "language/id"
        translated[doc.language][doc.doc_id.split("/", 1)[1]] = doc.text
    return english, {lang: docs for lang, docs in translated.items() if docs.keys() & english.keys()}


def evaluate_agreement(
    read: Reader | None = None, sources: tuple[Path, Path] | None = None, languages: Sequence[str] = ()
) -> list[AgreementRow]:
    """A row per language (alphabetically), then "all"; ``read`` defaults to the places ingest stores."""
    english, translated = load_translations(*(sources or default_sources()))
    read = read or _ingest_reader()
    english_ids = {doc: set(read(text, "en")) for doc, text in english.items()}
    rows = []
    totals = [0, 0, 0, 0]
    for language in sorted(languages or translated):
        docs = {doc: text for doc, text in translated.get(language, {}).items() if doc in english}
        pins = english_pins = shared = 0
        for doc, text in docs.items():
            found = set(read(text, language))
            pins += len(found)
            english_pins += len(english_ids[doc])
            shared += len(found & english_ids[doc])
        rows.append(_row(language, len(docs), pins, english_pins, shared))
        for i, value in enumerate((len(docs), pins, english_pins, shared)):
            totals[i] += value
    rows.append(_row("all", *totals))
    return rows


def _row(language: str, articles: int, pins: int, english_pins: int, shared: int) -> AgreementRow:
    return AgreementRow(
        language, articles, pins, english_pins, shared,
        round(shared / pins, 3) if pins else 0.0, round(shared / english_pins, 3) if english_pins else 0.0,
    )  # fmt: skip


def _ingest_reader() -> Reader:
    from newsweave.analyze.facts import FactAnalyzer

    analyzer = FactAnalyzer()

    def read(text: str, language: str) -> list[int]:
        _, places = analyzer.read_places(text, language)
        return [p.geonames_id for p in places if p.geonames_id is not None]

    return read
