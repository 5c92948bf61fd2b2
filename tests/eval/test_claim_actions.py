"""`newsweave eval claims --actions`: the action each labelled figure of real news is read with."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import InputError
from newsweave.eval.claim_actions import evaluate_actions, load_labels, read_action


def label(sentence: str, action: str, language: str = "en", split: str = "test") -> dict[str, str]:
    return {"id": f"{action}-{len(sentence)}", "split": split, "language": language, "sentence": sentence,
            "action": action}  # fmt: skip


def write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_the_marked_figure_is_read_with_its_own_action() -> None:
    sentence = "Spain has ⟦more than 232,000 cases⟧ of coronavirus and close to 28,000 deaths."
    assert read_action(sentence, "en") == "infected"
    assert (
        read_action("Spain has more than 232,000 cases of coronavirus and ⟦close to 28,000 deaths⟧.", "en") == "killed"
    )
    assert read_action("The singer was found dead aged ⟦49⟧.", "en") == "none"
    assert read_action("Nothing ⟦here⟧ is a number.", "en") == "not read"


def test_accuracy_is_counted_per_split_and_language(tmp_path: Path) -> None:
    data = write(tmp_path / "actions.jsonl", [
        label("⟦50 people⟧ were killed.", "killed"),
        label("⟦12 people⟧ were hurt.", "wounded"),
        label("⟦Около 50 боевиков⟧ были убиты.", "killed", "ru", "dev"),
        label("It took ⟦24 hours⟧ to evacuate them.", "evacuated"),  # the labeller disagrees: counted wrong
        label("She was born on 12 May ⟦2001⟧ and hurt.", "none"),  # a date, read as no claim: nothing happened
    ])  # fmt: skip
    report = evaluate_actions(data)
    rows = {r.name: r for r in report.rows}
    assert (rows["test"].figures, rows["test"].right, rows["test"].not_read) == (4, 3, 1)
    assert (rows["dev"].right, rows["all"].accuracy) == (1, 0.8)
    assert {r.name for r in report.languages} == {"en", "ru"}
    assert [(e.gold, e.read) for e in report.errors] == [("evacuated", "none")]


def test_a_line_without_one_marked_figure_is_refused(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", [label("50 people were killed.", "killed")])
    with pytest.raises(InputError, match="line 1"):
        load_labels(bad)


def test_the_shipped_labels_load_and_the_command_prints_json(data_dir: Path, tmp_path: Path) -> None:
    rows = load_labels(data_dir / "claims" / "action_labels.jsonl")
    assert len(rows) >= 200 and {r["split"] for r in rows} == {"dev", "test"}
    assert len({r["language"] for r in rows}) >= 10
    few = write(tmp_path / "few.jsonl", rows[:4])
    result = CliRunner().invoke(app, ["eval", "claims", "--actions", "--data", str(few), "--json"])
    assert result.exit_code == 0, result.output
    assert {r["name"]: r for r in json.loads(result.output)["rows"]}["all"]["figures"] == 4
