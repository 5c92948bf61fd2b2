from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.errors import ConfigError
from newsweave.eval.comments import default_data_dir, evaluate, load_cases, page_counts


def test_counts_are_tokens_shared_predicted_and_gold() -> None:
    assert page_counts(["A fine piece."], ["a fine piece", "Loading comments..."]) == (3, 5, 3)
    assert page_counts([], ["0 Comments"]) == (0, 2, 0)


def test_a_folder_without_meta_or_with_a_missing_case_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no meta\.json"):
        load_cases(tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps({"x": {"split": "tuning"}}))
    with pytest.raises(ConfigError, match=r"lacks x\.html\.gz"):
        load_cases(tmp_path)
    with pytest.raises(ConfigError, match="unknown system"):
        evaluate(tmp_path, systems=["nope"])


def test_every_gold_case_is_listed_with_its_source_and_split() -> None:
    data = default_data_dir()
    meta = json.loads((data / "meta.json").read_text(encoding="utf-8"))
    assert len(meta) >= 20
    for entry in meta.values():
        assert entry["source"] and entry["licence"] and entry["split"] in ("tuning", "held-out")
    cases = load_cases(data)
    assert sum(len(c.gold) for c in cases) >= 50
    assert {c.split for c in cases} == {"tuning", "held-out"}


def test_newsweave_comments_beat_the_bar_on_held_out_pages() -> None:
    scores = {(s.system, s.split): s for s in evaluate(default_data_dir())}
    held = scores[("newsweave", "held-out")]
    # The bar: precision >= 0.85 with recall no lower than before the rework (0.656 on all pages).
    assert held.precision >= 0.85 and scores[("newsweave", "all")].recall >= 0.656
    assert scores[("newsweave", "all")].spurious_pages == 0
    assert scores[("trafilatura", "all")].authors is None
