"""`newsweave eval places --bsnlp`: gold place mentions linked across languages by the keys ingest stores."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.eval.place_keys import evaluate_stored_keys

DOCS = [
    ("ru1", "ru", "Выборы в США прошли, Техас голосовал."),
    ("pl1", "pl", "Wybory w USA się odbyły, w Teksasie głosowano."),
    ("en1", "en", "The election in the United States was held, and Texas voted."),
]
GOLD = [
    ("ru1", "ru", "США", "LOC_1"), ("ru1", "ru", "Техас", "LOC_2"), ("pl1", "pl", "USA", "LOC_1"),
    ("pl1", "pl", "Teksasie", "LOC_2"), ("en1", "en", "United States", "LOC_1"), ("en1", "en", "Texas", "LOC_2"),
]  # fmt: skip


def bsnlp_folder(path: Path) -> Path:
    path.mkdir()
    (path / "docs.jsonl").write_text("".join(
        json.dumps({"id": i, "topic": "t", "language": lang, "title": "", "text": text}, ensure_ascii=False) + "\n"
        for i, lang, text in DOCS
    ), encoding="utf-8")  # fmt: skip
    (path / "mentions.jsonl").write_text("".join(
        json.dumps({"doc": d, "language": lang, "surface": s, "type": "LOC", "entity": e}, ensure_ascii=False) + "\n"
        for d, lang, s, e in GOLD
    ), encoding="utf-8")  # fmt: skip
    return path


def test_one_place_in_three_scripts_is_one_stored_key(tmp_path: Path) -> None:
    """ "США" and "Техас" were keyed apart from USA and Texas once the places layer had read them."""
    scores = evaluate_stored_keys(bsnlp_folder(tmp_path / "bsnlp"))
    assert (scores.mentions, scores.keyed, scores.pinned) == (6, 6, 6)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 1.0, 1.0)


def test_the_command_prints_the_scores(tmp_path: Path) -> None:
    folder = bsnlp_folder(tmp_path / "bsnlp")
    result = CliRunner().invoke(app, ["eval", "places", "--bsnlp", "--data", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["f1"] == 1.0
