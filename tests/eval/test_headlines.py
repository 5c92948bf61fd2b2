"""The headline evaluation: annotated title-case headlines, their bodies, three readings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import ConfigError, InputError
from newsweave.eval.extraction import default_bench_dir
from newsweave.eval.headlines import HEADLINE_NAMES, load_headlines
from newsweave.eval.semeval import default_pairs_csv


def _benchmarks_found() -> bool:
    try:
        default_pairs_csv()
        default_bench_dir()
    except ConfigError:
        return False
    return True


needs_benchmarks = pytest.mark.skipif(not _benchmarks_found(), reason="SemEval dev.csv or extraction pages not found")


@needs_benchmarks
def test_every_headline_finds_its_body_and_the_parts_were_fixed_by_id() -> None:
    headlines = load_headlines()
    assert len(headlines) == 119 and sum(len(h.names) for h in headlines) == 181
    assert sum(h.part == "development" for h in headlines) == 64
    assert all(h.body.strip() for h in headlines)


@needs_benchmarks
def test_the_cli_scores_the_three_readings_on_both_parts() -> None:
    result = CliRunner().invoke(app, ["eval", "entities", "--headlines", "--json"])
    assert result.exit_code == 0, result.output
    rows = {(r["reading"], r["part"]): r for r in json.loads(result.output)["rows"]}
    assert {part for _, part in rows} == {"development", "test", "all"}
    # Each step of ingest's reading finds the names better than the readings without it.
    readings = ("as written", "body", "body and dictionary", "body, dictionary and the body's names")
    f1 = [rows[(reading, "all")]["f1"] for reading in readings]
    assert f1 == sorted(f1) and f1[0] < f1[-1]


def test_a_headline_of_an_unknown_part_is_refused_naming_its_line(tmp_path: Path) -> None:
    row = json.loads(HEADLINE_NAMES.read_text(encoding="utf-8").splitlines()[0])
    path = tmp_path / "headlines.jsonl"
    path.write_text(json.dumps({**row, "part": "train"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 1 is not an annotated headline"):
        load_headlines(path)


def test_headlines_with_another_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["eval", "entities", "--headlines", "--semeval"])
    assert result.exit_code == 2
