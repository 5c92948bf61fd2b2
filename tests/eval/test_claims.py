"""`newsweave eval claims`: conflict precision and recall on labelled claim pairs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import InputError
from newsweave.eval.claims import evaluate_claims, load_pairs, predict


def pair(a: str, b: str, gold: str, *, aligned: bool = False, split: str = "test") -> dict[str, object]:
    when = "2023-03-01T10:00"
    return {"id": f"{gold}-{len(a)}", "split": split, "gold": gold, "aligned": aligned,
            "a": {"text": a, "language": "en", "published": when},
            "b": {"text": b, "language": "en", "published": when}}  # fmt: skip


def write(path: Path, pairs: list[dict[str, object]]) -> Path:
    path.write_text("\n".join(json.dumps(p) for p in pairs) + "\n", encoding="utf-8")
    return path


def test_scores_count_flagged_conflicts_against_gold(tmp_path: Path) -> None:
    data = write(tmp_path / "pairs.jsonl", [
        pair("Police said 12 people were killed.", "Police said 20 people were killed.", "conflict"),
        pair("More than 50 militants were killed.", "62 militants were killed.", "agree"),
        pair("Turnout was 45 percent.", "Turnout was 52 percent.", "conflict"),  # no action word: missed
        pair("The storm destroyed 200 houses.", "The storm killed 12 people.", "none", split="dev"),
    ])  # fmt: skip
    report = evaluate_claims(data)
    rows = {r.name: r for r in report.rows}
    assert (rows["test"].conflicts, rows["test"].flagged, rows["test"].precision, rows["test"].recall) == (2, 1, 1, 0.5)
    assert rows["dev"].pairs == 1 and rows["all"].pairs == 4
    assert [e.gold for e in report.errors] == ["conflict"]


def test_the_strongest_relation_is_predicted() -> None:
    assert predict(pair("Around 50 people were killed.", "More than 50 people were killed.", "qualifier"))[0] == (
        "qualifier"
    )


def test_a_malformed_line_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"gold": "maybe", "a": {"text": "x"}, "b": {"text": "y"}}\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 1"):
        load_pairs(bad)


def test_the_shipped_pairs_load_and_the_command_prints_json(data_dir: Path, tmp_path: Path) -> None:
    pairs = load_pairs(data_dir / "claims" / "pairs.jsonl")
    assert len(pairs) >= 60 and {p["split"] for p in pairs} == {"dev", "test"}
    assert len({p["a"]["language"] for p in pairs} | {p["b"]["language"] for p in pairs}) >= 8
    english = [p for p in pairs if p["a"]["language"] == p["b"]["language"] == "en"][:3]
    data = write(tmp_path / "few.jsonl", english)
    result = CliRunner().invoke(app, ["eval", "claims", "--data", str(data), "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["name"]: r for r in json.loads(result.output)["rows"]}
    assert "all" in rows and rows["all"]["pairs"] == 3
