from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsweave.errors import ConfigError
from newsweave.eval.semeval import groups, load_pairs
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


def test_similarity_on_a_small_csv_ranks_same_story_pairs_higher(data_dir: Path) -> None:
    report = evaluate_similarity(data_dir / "eval" / "pairs.csv", cross_validate=False)
    baseline, shipped = report.rows
    assert baseline.pairs == shipped.pairs == 6
    assert np.isfinite(shipped.overall) and shipped.overall > 0.8
