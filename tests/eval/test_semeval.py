from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fakes import WordsEmbedder
from newsweave.errors import ConfigError
from newsweave.eval.semeval import embed_texts, groups, load_pairs
from newsweave.eval.similarity import evaluate_similarity


def test_pairs_load_and_group_connected_articles(data_dir: Path) -> None:
    pairs = load_pairs(data_dir / "eval" / "pairs.csv")
    assert len(pairs) == 6 and pairs[1].cross_lingual and not pairs[0].cross_lingual
    g = groups(pairs)
    assert g[0] == g[1]  # both pairs share article 1
    assert len(set(g.tolist())) == 5


def test_a_csv_without_the_columns_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks the column"):
        load_pairs(bad)


def test_the_tasks_own_language_columns_are_read_and_a_rating_that_is_no_number_skips_its_row(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    rows = ["pair_id,url1_lang,url2_lang,text1,text2,Overall"]
    rows += [f"{i}_{i + 10},en,de,Text {i}.,Text {i + 10}.,{i}" for i in range(1, 4)]
    rows += ["9_19,en,en,A.,B.,n/a", "8_18,en,en,C.,D.,nan"]
    path = tmp_path / "task.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    pairs = load_pairs(path)
    first = pairs[0]
    assert (first.pair_id, first.lang1, first.lang2, first.overall) == ("1_11", "en", "de", 1.0)
    assert len(pairs) == 3 and "pair 9_19" in caplog.text and "no number" in caplog.text
    assert "pair 8_18" in caplog.text  # "nan" parses as a float, and is no rating


def test_similarity_on_a_small_csv_ranks_same_story_pairs_higher(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSWEAVE_USE_ENGINE", "numpy")
    report = evaluate_similarity(data_dir / "eval" / "pairs.csv", cross_validate=False)
    baseline, shipped = report.rows
    assert baseline.pairs == shipped.pairs == 6
    assert np.isfinite(shipped.overall) and shipped.overall > 0.8
    assert report.use_engines == ("numpy", "numpy")  # the report says what embedded its texts


def test_recall_against_the_cosine_is_read_at_the_scores_precision() -> None:
    from newsweave.eval.semeval import recall_against_cosine

    gold = np.array([True, True, True, False, False, True])
    score = np.array([0.9, 0.8, 0.7, 0.68, 0.1, 0.2])  # at 2/3: 3 of 4 right, 3 of 4 same-story found
    cosine = np.array([0.9, 0.3, 0.8, 0.85, 0.2, 0.7])  # the lowest line at P >= 0.75 is 0.3: 4 of 5 right
    assert recall_against_cosine(score, cosine, gold) == (0.75, 0.75, 1.0)
    assert recall_against_cosine(score, cosine, gold, line=0.75) == (1.0, 0.5, 0.25)  # at P 1 only 0.9


def test_sides_take_their_sentences_from_the_sentence_engine_as_linking_does() -> None:
    class TwoEngines(WordsEmbedder):
        def embed_sentences(self, texts: list[str], language: str | None = None) -> np.ndarray:
            return -self.embed(texts, language)

    text = "Floods hit Paris on Monday. More than 50 people were evacuated."
    side = embed_texts([text], TwoEngines(), {text: "en"})[text]
    plain = WordsEmbedder()
    first, second = "Floods hit Paris on Monday.", "More than 50 people were evacuated."
    assert np.allclose(side.document, plain.embed([text])[0])
    assert np.allclose(side.title, plain.embed([first])[0])  # the title: the first sentence, as a document
    assert np.allclose(side.sentences, -plain.embed([first, second]))


class _ColumnModel:
    """A "fitted" model that scores a row by one of its columns, on the -Overall scale."""

    def __init__(self, column: int) -> None:
        self.column = column

    def predict(self, x: np.ndarray) -> np.ndarray:
        return 3 * x[:, self.column] - 4  # [0, 1] -> -4 … -1, as to_unit reads it back


def _rated_rows(seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """200 pairs in 50 groups: a noisy cosine (column 0) and the truth in [0, 1] (column 1)."""
    rng = np.random.default_rng(seed)
    y = -rng.choice([1.0, 1.5, 3.0, 4.0], size=200)
    truth = (y + 4) / 3 - rng.uniform(0, 0.01, size=200)  # no ties: a line falls between two pairs
    cosine = np.clip(truth + rng.normal(0, 0.35, size=200), 0, 1)
    return np.column_stack([cosine, truth]), y, np.repeat(np.arange(50), 4)


def test_nested_margins_read_every_outer_fold_as_a_held_out_part() -> None:
    from newsweave.eval.semeval import nested_margins

    x, y, group = _rated_rows()
    reads = nested_margins(x, y, group, lambda xt, yt: _ColumnModel(1), precision=1.0, repeats=2)
    assert len(reads) == 10 and sum(r.pairs for r in reads) == 2 * len(y)
    # A scorer that knows the truth finds (nearly) every same-story pair without a wrong one, at
    # a line its inner folds chose; the noisy cosine, even at its best step on each fold, does not.
    assert all(r.precision == 1.0 and r.recall >= 0.9 for r in reads)
    assert all(r.margin > 0 for r in reads)


def test_the_cosine_as_its_own_scorer_never_beats_itself_on_a_held_out_read() -> None:
    from newsweave.eval.semeval import nested_margins

    x, y, group = _rated_rows(1)
    reads = nested_margins(x, y, group, lambda xt, yt: _ColumnModel(0), precision=0.85, repeats=2)
    # Its line comes from the inner folds, the cosine's from the fold itself (its best step).
    assert all(r.margin <= 0 for r in reads) and any(r.margin < 0 for r in reads)
