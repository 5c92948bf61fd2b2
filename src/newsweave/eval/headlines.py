"""Names in title-case headlines: how ingest's headline reading finds them, reading by reading.

A headline in Title Case capitalises every word, so a recogniser that reads capitals sees a name
in each ("Renault Chooses Volkswagen", "Who Escaped Abu Kamal"). Ingest reads a headline in
sentence case (``analyze.facts.sentence_case``): the body says which words are common, and the
language's dictionary says so of the words the body does not settle. This scores four readings
of the same headlines on the names annotated in ``tests/data/entities/headline_names.jsonl``
(119 English headlines of SemEval-2022 Task 8 and of the article-extraction benchmark; its
SOURCE.md): as written, in sentence case by the body alone, by the body and the dictionary,
and, as ingest reads a headline, by the body and the dictionary with the names the body reads
where the headline writes them. Recognition is relaxed as BSNLP's is: per headline and surface
form, type not required. The bodies are read from the benchmarks, as ingest reads them.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsweave.analyze.facts import FactAnalyzer, with_place_keys
from newsweave.errors import ConfigError, InputError
from newsweave.eval.data import labelled_rows
from newsweave.eval.entities import prf, semeval_texts

HEADLINE_NAMES = Path(__file__).resolve().parents[3] / "tests" / "data" / "entities" / "headline_names.jsonl"
PARTS = ("development", "test")
# The readings in sentence case, each with (the dictionary's step, the body's names); the last is ingest's.
READINGS = {
    "body": (False, False),
    "body and dictionary": (True, False),
    "body, dictionary and the body's names": (True, True),
}
SOURCES = ("semeval", "article-extraction")


@dataclass(frozen=True, slots=True)
class Headline:
    """An annotated headline, the body it heads and the names written in it."""

    doc: str
    part: str
    language: str
    title: str
    body: str
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class HeadlineScores:
    """One reading's names found on one part: relaxed P/R/F1 over (headline, surface form)."""

    reading: str
    part: str
    headlines: int
    gold: int
    predicted: int
    precision: float
    recall: float
    f1: float


def load_headlines(path: Path = HEADLINE_NAMES) -> list[Headline]:
    """The annotated headlines with their bodies: SemEval's from its CSV (the text after its first
    line), the extraction benchmark's from its pages, extracted as ingest extracts them.

    Raises:
        ConfigError: the file, the CSV or the benchmark missing, or a text not in its benchmark.
        InputError: a line is not an annotated headline (its source or part unknown, a name not
            written in it).
    """
    if not path.is_file():
        raise ConfigError(f"{path} not found", hint="pass a file of annotated headlines (see its SOURCE.md)")
    rows = labelled_rows(path, _check, what="an annotated headline")
    bodies: dict[tuple[str, str], str] = {}  # (source, doc) -> body: the two sources' ids are alike
    if any(r["source"] == "semeval" for r in rows):
        bodies |= {("semeval", doc): text.partition("\n")[2].strip() for doc, text in semeval_texts().items()}
    pages = [r["doc"] for r in rows if r["source"] == "article-extraction"]
    if pages:
        bodies |= {("article-extraction", doc): body for doc, body in _page_bodies(pages).items()}
    out = []
    for row in rows:
        body = bodies.get((row["source"], row["doc"]))
        if body is None:
            raise ConfigError(f"{path}: the text of headline {row['doc']} is not in its benchmark")
        names = frozenset(surface for surface, _ in row["names"])
        out.append(Headline(row["doc"], row["part"], row["language"], row["headline"], body, names))
    return out


def evaluate_headlines(path: Path = HEADLINE_NAMES) -> list[HeadlineScores]:
    """Each reading's scores on each part, then on both."""
    headlines = load_headlines(path)
    analyzer = FactAnalyzer()
    found: dict[str, list[set[str]]] = {reading: [] for reading in ("as written", *READINGS)}
    for h in headlines:
        mentions, places = analyzer.read_places(h.body, h.language)
        body_mentions = with_place_keys(mentions, places, named_so=analyzer.named_so(h.language))  # as ``read``
        as_written = analyzer.mention_finder().mentions(h.title, h.language)
        found["as written"].append({m.text for m in as_written})
        for reading, (dictionary, body_names) in READINGS.items():
            read = analyzer.headline_mentions(
                h.title, h.body, h.language, body_mentions, dictionary=dictionary, body_names=body_names
            )
            found[reading].append({m.text for m in read})
    rows = []
    for reading, predicted in found.items():
        for part in (*PARTS, "all"):
            chosen = [i for i, h in enumerate(headlines) if part in (h.part, "all")]
            rows.append(_scores(reading, part, [headlines[i] for i in chosen], [predicted[i] for i in chosen]))
    return rows


def _scores(reading: str, part: str, headlines: list[Headline], predicted: list[set[str]]) -> HeadlineScores:
    tp = sum(len(p & h.names) for h, p in zip(headlines, predicted, strict=True))
    n_predicted, gold = sum(map(len, predicted)), sum(len(h.names) for h in headlines)
    p, r, f1 = prf(tp, n_predicted, gold)
    return HeadlineScores(reading, part, len(headlines), gold, n_predicted, p, r, f1)


def _check(row: dict[str, Any]) -> None:
    for key in ("doc", "language", "headline"):
        if not isinstance(row[key], str):
            raise TypeError(f"{key} is no string")
    if row["source"] not in SOURCES or row["part"] not in PARTS:
        raise KeyError(f"source {row['source']!r} or part {row['part']!r}")
    if any(surface not in row["headline"] for surface, _ in row["names"]):
        raise KeyError("a name not written in the headline")


def _page_bodies(prefixes: list[str]) -> dict[str, str]:
    """The bodies of the extraction benchmark's pages whose keys start with ``prefixes``."""
    from newsweave.eval.extraction import default_bench_dir
    from newsweave.extract.html import HtmlExtractor
    from newsweave.records import MediaType, Provenance, RawItem

    bench = default_bench_dir()
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    bodies = {}
    for prefix in prefixes:
        key = next((k for k in truth if k.startswith(prefix)), None)
        if key is None:
            continue
        html = gzip.decompress((bench / "html" / f"{key}.html.gz").read_bytes())
        fields = {"url": truth[key]["url"]} if truth[key].get("url") else {}
        try:
            article = HtmlExtractor().extract(RawItem(html, MediaType.HTML, Provenance("eval"), fields))
        except InputError:
            continue
        bodies[prefix] = "\n".join(article.body)
    return bodies
