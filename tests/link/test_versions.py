"""Translations are versions in every pair of languages, and other texts on the same topic are not.

The sample is three documents of the UDHR in five languages (see tests/data/link/udhr_versions.SOURCE.md).
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from newsweave.analyze.embedding import RoutedEmbedder
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer
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
