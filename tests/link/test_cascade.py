"""The static route's cascade: the pre-gate's features, and translations found through e5 in linking.

News samples are NTREX articles (tests/data/link/ntrex_versions.SOURCE.md) in English, Russian,
Czech and Bulgarian.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsweave.analyze.embedding import routed_embedder
from newsweave.link.cascade import CascadeGate, common_order, diagonal_contrast, gate_features, length_cost
from newsweave.link.linker import LinkArticle, Linker
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import RelationKind

DOCUMENTS = ("rt.com.91337", "upi.176266", "bbc.381790")


def test_length_cost_is_low_for_lengths_that_follow_each_other() -> None:
    source = [120, 45, 200, 80, 150, 60, 95]
    translated = [int(x * 1.15) + 3 for x in source]
    translated_merged = [translated[0] + translated[1], *translated[2:]]  # two sentences made one
    other = [60, 210, 40, 160, 90, 130, 70]
    assert length_cost(source, translated) < 1.0
    assert length_cost(source, translated_merged) < 1.5
    assert length_cost(source, other) > 3.0
    assert length_cost([], other) == float("inf")


def test_common_order_counts_numbers_in_the_same_order() -> None:
    assert common_order(["2020", "15", "3", "40"], ["15", "2020", "3", "40"]) == 3
    assert common_order([], ["1"]) == 0


def test_diagonal_contrast_is_high_when_sentences_match_in_order() -> None:
    rng = np.random.default_rng(1)
    a = rng.normal(size=(8, 16))
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    shuffled = a[rng.permutation(8)]
    noisy = a + 0.5 * rng.normal(size=a.shape)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    assert diagonal_contrast(a, noisy) > 0.5
    assert diagonal_contrast(a, shuffled) < diagonal_contrast(a, noisy)
    assert diagonal_contrast(a[:1], noisy) == 0.0


def test_admits_reads_features_lazily_and_agrees_with_passes() -> None:
    gate = CascadeGate()
    a_sentences = ["In 2019 the council spent 45 million on 12 roads.", "It plans 3 more.", "Work starts in May."]
    b_sentences = ["V roce 2019 rada utratila 45 milionů za 12 silnic.", "Plánuje další 3.", "Práce začnou v květnu."]
    vectors = np.eye(3, dtype=np.float32)
    asked = []

    def read() -> tuple[np.ndarray, np.ndarray]:
        asked.append(True)
        return vectors, vectors

    a_text, b_text = " ".join(a_sentences), " ".join(b_sentences)
    features = gate_features(a_text, b_text, a_sentences, b_sentences, vectors, vectors, 0.5)
    assert gate.passes(features, 1) is gate.admits(a_text, b_text, a_sentences, b_sentences, 0.5, 1, read) is True
    assert asked == [True]
    asked.clear()
    assert not gate.admits(a_text, b_text, a_sentences, b_sentences, 0.2, 1, read)  # under the cosine line
    assert not gate.admits(a_text, b_text, a_sentences, ["Jiný text.", *b_sentences[:0]], 0.5, 1, read)
    assert asked == []  # the sentence vectors were never needed


@pytest.fixture(scope="module")
def rows(data_dir: Path) -> list[dict[str, str]]:
    lines = (data_dir / "link" / "ntrex_versions.jsonl").read_text("utf-8").splitlines()
    wanted = ("en", "ru", "cs", "bg")
    return [r for r in map(json.loads, lines) if r["document"] in DOCUMENTS and r["language"] in wanted]


def prepare(linker: Linker, r: dict[str, str]) -> LinkArticle:
    return linker.prepare(f"{r['language']}:{r['document']}", r["title"], r["text"], r["language"], None)


def test_static_route_finds_translations_only_through_the_cascade(rows: list[dict[str, str]]) -> None:
    cascade = Linker(routed_embedder("static"), PairScorer.load())
    bare = Linker(routed_embedder("static"), PairScorer.load(), cascade=False)
    assert cascade.cascade is not None and bare.cascade is None
    assert Linker(routed_embedder("e5"), PairScorer.load()).cascade is None  # the e5 route needs none
    docs = {(r["language"], r["document"]): prepare(cascade, r) for r in rows}
    found = {"cascade": 0, "bare": 0}
    for linker, name in ((cascade, "cascade"), (bare, "bare")):
        for document in DOCUMENTS:
            for first, second in (("en", "cs"), ("ru", "bg"), ("cs", "bg")):
                link, _ = linker.relate(docs[(first, document)], docs[(second, document)])
                found[name] += link is not None and link.kind is RelationKind.VERSION
        for first, second in (("en", "cs"), ("cs", "bg")):  # other articles are never versions
            link, _ = linker.relate(docs[(first, DOCUMENTS[0])], docs[(second, DOCUMENTS[1])])
            assert link is None or link.kind is not RelationKind.VERSION
    assert found["cascade"] >= 8 > 2 >= found["bare"], found
    assert docs[("cs", DOCUMENTS[0])].exact_sentence_vectors is not None  # kept in memory for the next pair


def test_a_translation_among_many_articles_of_its_language_is_still_found(rows: list[dict[str, str]]) -> None:
    """Static vectors keep a Czech article near Czech ones and far from its translation: the
    translation is found by the cascade's per-language search and its e5 check."""
    linker = Linker(routed_embedder("static"), PairScorer.load(), neighbours=3)
    english = next(r for r in rows if r["language"] == "en" and r["document"] == DOCUMENTS[1])
    czech = next(r for r in rows if r["language"] == "cs" and r["document"] == DOCUMENTS[1])
    others = [r for r in rows if r["language"] == "cs" and r["document"] != DOCUMENTS[1]]
    fillers = [dict(r, text=f"{p}", document=f"{r['document']}-{i}") for r in others for i, p in
               enumerate(r["text"].split("\n")) if len(p) > 200]  # fmt: skip
    store: dict[str, LinkArticle] = {}
    for r in [english, *others, *fillers]:
        view = prepare(linker, r)
        store[view.id] = view
        linker.link(view, store.__getitem__)
    view = prepare(linker, czech)
    # Under the candidate floor and the bridged gate: without the cascade this pair is never related.
    assert float(view.document @ store[f"en:{DOCUMENTS[1]}"].document) < min(linker.candidate_floor, 0.45)
    result = linker.link(view, store.__getitem__)
    kinds = {(link.a, link.b): link.kind for link in result.links}
    assert kinds.get((f"en:{DOCUMENTS[1]}", f"cs:{DOCUMENTS[1]}")) is RelationKind.VERSION, kinds
    # The same pair alone, as the evaluations relate one pair: found through the cascade too.
    alone = linker.relate_as_candidate(store[f"en:{DOCUMENTS[1]}"], view)
    assert alone is not None and alone.kind is RelationKind.VERSION


def test_e5_vectors_of_the_leads_then_the_rest_equal_those_embedded_at_once(rows: list[dict[str, str]]) -> None:
    """A resumed link embeds an article's sentences in other batches than an uninterrupted one did:
    the cascade's vectors must not depend on that."""
    linker = Linker(routed_embedder("static"), PairScorer.load())
    czech = next(r for r in rows if r["language"] == "cs")
    in_steps, at_once = prepare(linker, czech), prepare(linker, czech)
    leads = linker._exact_vectors(in_steps, 6)
    assert len(leads) == 6 and in_steps.exact_sentence_vectors is not None
    whole = linker._exact_vectors(in_steps)
    assert len(whole) == len(in_steps.sentences or []) > 6
    assert np.array_equal(whole, linker._exact_vectors(at_once))
    assert np.array_equal(leads, whole[:6])


def test_a_long_pair_of_a_translations_shape_passes_whatever_its_numbers_and_diagonal() -> None:
    # A translation may convert its figures (miles to kilometres), and static vectors may see no
    # diagonal; eight or more sentences of lengths that agree are a translation's shape.
    gate = CascadeGate()
    a_sentences = [f"The report says something about the storm{' and more' * i}." for i in range(9)]
    b_sentences = [f"Zpráva říká něco o bouři{' a další' * i}." for i in range(9)]
    a_text, b_text = " ".join(a_sentences) + " 85 385 10", " ".join(b_sentences) + " 137 620 16"
    noise = np.random.default_rng(0).normal(size=(9, 8)).astype(np.float32)
    features = gate_features(a_text, b_text, a_sentences, b_sentences, noise, noise[::-1], 0.5)
    assert features.number_order < gate.number_order and features.diagonal < gate.diagonal
    assert gate.translation_shaped(a_sentences, b_sentences)
    assert gate.passes(features, 1) is gate.admits(a_text, b_text, a_sentences, b_sentences, 0.5, 1, lambda: 1 / 0)
    assert gate.passes(features, 1) is True
    assert not gate.translation_shaped(a_sentences[:7], b_sentences[:7])  # seven sentences say too little
    assert not gate.translation_shaped(a_sentences, b_sentences[::-1])  # lengths out of step
