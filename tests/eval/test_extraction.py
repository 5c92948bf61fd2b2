from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.eval.extraction import default_bench_dir, evaluate, page_counts, score_pages


def test_identical_texts_score_one() -> None:
    assert score_pages([("a b c d e f", "a b c d e f")]) == (1.0, 1.0, 1.0, 1.0)


def test_disjoint_texts_score_zero() -> None:
    p, r, f1, acc = score_pages([("a b c d e", "v w x y z")])
    assert (p, r, f1, acc) == (0.0, 0.0, 0.0, 0.0)


def test_counts_are_normalised_per_page() -> None:
    tp, fp, fn = page_counts("one two three four five", "one two three four six")
    assert tp == pytest.approx(1 / 3) and fp == pytest.approx(1 / 3) and fn == pytest.approx(1 / 3)


def test_a_page_with_nothing_predicted_counts_in_recall_not_precision() -> None:
    p, r, _, _ = score_pages([("a b c d e", "a b c d e"), ("f g h i j", "")])
    assert p == 1.0 and r == 0.5


def test_unknown_system_and_wrong_folder(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown system"):
        evaluate(tmp_path, systems=["nope"])
    with pytest.raises(ConfigError, match=r"no ground-truth\.json"):
        evaluate(tmp_path)


def test_the_benchmark_runs_and_scores_both_systems() -> None:
    try:
        bench = default_bench_dir()
    except ConfigError:
        pytest.skip("the article-extraction benchmark is not beside the repository")
    scores = {s.system: s for s in evaluate(bench)}
    assert scores["newsweave"].pages == 181
    assert 0.9 < scores["trafilatura"].f1 < 1.0
    assert scores["newsweave"].f1 >= scores["trafilatura"].f1
