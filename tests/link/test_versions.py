"""Translations are versions in every pair of languages, and other texts on the same topic are not.

The samples are three documents of the UDHR in four languages (tests/data/link/udhr_versions.SOURCE.md)
and two NTREX news articles in four (tests/data/link/ntrex_versions.SOURCE.md).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from newsweave.analyze.embedding import RoutedEmbedder
from newsweave.link.alignment import AlignmentSummary
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer
from newsweave.link.relations import RelationThresholds, decide
from newsweave.records import RelationKind

LANGUAGES = ("en", "de", "ru", "zh")


@pytest.fixture(scope="module")
def prepared(data_dir: Path) -> tuple[Linker, dict[tuple[str, int], LinkArticle]]:
    linker = Linker(RoutedEmbedder(), PairScorer.load())
    rows = [json.loads(line) for line in (data_dir / "link" / "udhr_versions.jsonl").read_text("utf-8").splitlines()]
    docs = {
        (r["language"], r["document"]): linker.prepare(f"{r['language']}{r['document']}", None, r["text"],
                                                       r["language"], None)
        for r in rows
    }  # fmt: skip
    return linker, docs


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(LANGUAGES, 2)))
def test_a_translation_is_a_version_and_another_document_is_not(
    prepared: tuple[Linker, dict[tuple[str, int], LinkArticle]], first: str, second: str
) -> None:
    linker, docs = prepared
    for i, j in itertools.product(range(3), repeat=2):
        link, _ = linker.relate(docs[(first, i)], docs[(second, j)])
        is_version = link is not None and link.kind is RelationKind.VERSION
        assert is_version == (i == j), (first, second, i, j, link and link.kind)


NEWS_LANGUAGES = ("en", "zh", "cs", "bg")  # USE, USE without spaces, and two through the e5 bridge
NEWS_DOCUMENTS = ("rt.com.91337", "upi.176266")


@pytest.fixture(scope="module")
def news(data_dir: Path) -> tuple[Linker, dict[tuple[str, str], LinkArticle]]:
    linker = Linker(RoutedEmbedder(), PairScorer.load())
    rows = [json.loads(line) for line in (data_dir / "link" / "ntrex_versions.jsonl").read_text("utf-8").splitlines()]
    docs = {
        (r["language"], r["document"]): linker.prepare(f"{r['language']}:{r['document']}", r["title"], r["text"],
                                                       r["language"], None)
        for r in rows if r["language"] in NEWS_LANGUAGES and r["document"] in NEWS_DOCUMENTS
    }  # fmt: skip
    return linker, docs


@pytest.mark.parametrize(("first", "second"), list(itertools.combinations(NEWS_LANGUAGES, 2)))
def test_a_translated_news_article_is_a_version_in_every_pair_of_languages(
    news: tuple[Linker, dict[tuple[str, str], LinkArticle]], first: str, second: str
) -> None:
    linker, docs = news
    for a, b in itertools.product(NEWS_DOCUMENTS, repeat=2):
        link, _ = linker.relate(docs[(first, a)], docs[(second, b)])
        is_version = link is not None and link.kind is RelationKind.VERSION
        assert is_version == (a == b), (first, second, a, b, link and link.kind, link and link.evidence.coverage_a)


def test_the_version_line_follows_the_vectors_of_the_pair() -> None:
    t = RelationThresholds()
    native = t.version_line(same_language=False, bridged_sides=0)
    mixed = t.version_line(same_language=False, bridged_sides=1)
    assert mixed.floor < native.floor and mixed.similarity < native.similarity and mixed.gate < native.gate
    # One language: versions share wording, so the line is higher than between two languages.
    assert t.version_line(same_language=True, bridged_sides=0).similarity > native.similarity
    assert t.version_line(same_language=True, bridged_sides=2).floor >= t.bridged.floor
    # The same alignment is a version through the bridge and not between two of USE's languages.
    summary = AlignmentSummary(coverage_a=0.9, coverage_b=0.85, mean_similarity=0.5, pairs=9, margin=1.3)
    kind = decide(jaccard=0.1, pair_score=0.7, alignment=summary, thresholds=t, line=mixed)[0]
    assert kind is RelationKind.VERSION
    assert decide(jaccard=0.1, pair_score=0.7, alignment=summary, thresholds=t, line=native)[0] is not kind
    # Through the bridge, an alignment whose sentences do not stand out from the rest (two articles
    # on one topic) is not a version, however much of each text it covers.
    flat = AlignmentSummary(coverage_a=0.9, coverage_b=0.85, mean_similarity=0.5, pairs=9, margin=0.98)
    assert decide(jaccard=0.1, pair_score=0.7, alignment=flat, thresholds=t, line=mixed)[0] is RelationKind.SAME_STORY
    # Independent reports sharing a lead and a quote cover too little of each other.
    partial = AlignmentSummary(coverage_a=0.65, coverage_b=0.62, mean_similarity=0.8, pairs=3)
    kind = decide(jaccard=0.1, pair_score=0.9, alignment=partial, thresholds=t, line=native)[0]
    assert kind is RelationKind.SAME_STORY
