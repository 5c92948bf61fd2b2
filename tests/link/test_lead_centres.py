"""The second view's leads are compared with their languages' centres taken off."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsweave.errors import ModelUnavailable
from newsweave.link.lead_centres import LeadCentres, read_centres
from newsweave.link.linker import LinkArticle, Linker, LinkResult, second_view_embedder
from newsweave.link.pair_scorer import PairScorer


def unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v)


@pytest.fixture
def centres() -> LeadCentres:
    rng = np.random.default_rng(1)
    english, german = rng.normal(size=16), rng.normal(size=16)
    return LeadCentres({"en": english, "de": german}, (english + german) / 2, "e5")


def test_two_leads_alike_but_for_their_languages_are_alike(centres: LeadCentres) -> None:
    story = np.random.default_rng(2).normal(size=16) * 0.3
    english, german = centres.centre("en") + story, centres.centre("de") + story
    assert centres.cosine(english, "en", german, "de") == pytest.approx(1.0)
    assert float(unit(english) @ unit(german)) < 0.9  # raw, the languages' offset shows
    other = np.random.default_rng(3).normal(size=16) * 0.3
    assert abs(centres.cosine(english, "en", centres.centre("de") + other, "de")) < 0.6


def test_a_region_tag_is_its_language_and_an_unknown_language_gets_the_mean(centres: LeadCentres) -> None:
    assert np.array_equal(centres.centre("de-AT"), centres.centre("de"))
    assert np.array_equal(centres.centre("EN"), centres.centre("en"))
    assert np.array_equal(centres.centre("xx"), centres.fallback)
    assert np.array_equal(centres.centre(None), centres.fallback)


def test_another_embedders_leads_are_compared_raw(centres: LeadCentres) -> None:
    a, b = unit(np.arange(1.0, 17.0)), unit(np.arange(16.0, 0.0, -1.0))
    assert centres.lead_cosine("another model", a, "en", b, "de") == pytest.approx(float(a @ b))
    assert centres.lead_cosine("e5", a, "en", b, "de") == pytest.approx(centres.cosine(a, "en", b, "de"))
    assert centres.lead_cosine("e5", a[:8], "en", b[:8], "de") == pytest.approx(float(a[:8] @ b[:8]))


def test_the_shipped_centres_are_the_second_views_and_hold_news_and_declared_languages() -> None:
    shipped = LeadCentres.load()
    assert shipped.model == second_view_embedder().name
    assert {"en", "de", "ar", "zh", "bg", "cs", "uk", "el", "he", "hi", "mk", "be", "sq", "ms"} <= set(shipped.centres)
    assert shipped.fallback.shape == (384,)
    # Unrelated leads meet at about 0.8 raw: the centres are most of a lead vector.
    assert 0.8 < float(np.linalg.norm(shipped.centre("en"))) < 1.0


def test_the_linker_feeds_the_scorer_the_centred_cosine(monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = LeadCentres.load()
    linker = Linker(_Named(), PairScorer.load())
    rng = np.random.default_rng(4)
    english = (shipped.centre("en") + rng.normal(size=384) * 0.02).astype(np.float32)
    german = (shipped.centre("de") + rng.normal(size=384) * 0.02).astype(np.float32)
    a, b = _article("a", "en", english), _article("b", "de", german)
    read: list[np.ndarray] = []
    monkeypatch.setattr(linker.scorer, "needs_second_view", lambda f: np.array([True]))
    monkeypatch.setattr(linker.scorer, "score", lambda row: read.append(row) or 0.5)
    linker._score(a, b, np.zeros(3), LinkResult(story_id=0))
    assert read[0][-1] == pytest.approx(shipped.cosine(english, "en", german, "de"), abs=1e-6)
    assert read[0][-1] < 0.5 < float(english @ german) / float(np.linalg.norm(english) * np.linalg.norm(german))


class _Named:
    name = "words"
    dim = 8

    def embed(self, texts: list[str], language: str | None = None) -> np.ndarray:
        return np.zeros((len(texts), 8), dtype=np.float32)


def _article(article_id: str, language: str, lead: np.ndarray) -> LinkArticle:
    empty = np.zeros(8, dtype=np.float32)
    return LinkArticle(article_id, "", "", language, None, empty, empty, np.zeros(4), lead_vector=lead)


def test_a_missing_centres_file_is_named_with_the_way_out(tmp_path: Path) -> None:
    with pytest.raises(ModelUnavailable, match=r"missing\.npz are missing"):
        read_centres(tmp_path / "missing.npz")
