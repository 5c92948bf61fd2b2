"""`newsweave eval times`: dates found in labelled news and resolved against the publication date."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import ConfigError, InputError
from newsweave.eval.times import as_written, evaluate_times, load_articles, read_bodies
from newsweave.records import TimePrecision

BODY = "Police said on Monday that 12 people were hurt. The trial opens on 8 March 2021. It took three days."


def labels(tmp_path: Path, *, anchored: bool = True, dates: list[dict[str, str]] | None = None) -> Path:
    row: dict[str, Any] = {
        "doc": "a1", "corpus": "bsnlp", "language": "en", "published": "2020-11-12", "anchored": anchored,
        "split": "dev", "dates": dates if dates is not None else [
            {"text": "Monday", "value": "2020-11-09", "precision": "day"},
            {"text": "8 March 2021", "value": "2021-03-08", "precision": "day"},
        ],
    }  # fmt: skip
    path = tmp_path / "labels.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    return path


def bodies(tmp_path: Path, text: str = BODY) -> dict[str, str]:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "a1", "language": "en", "date": "2020-11-12", "text": text}) + "\n")
    return read_bodies([docs])


def test_values_are_written_at_their_precision() -> None:
    day = datetime(2021, 1, 3)
    assert [as_written(day, p) for p in TimePrecision if p in {"day", "week", "month", "year"}] == [
        "2021", "2021-01", "2020-W53", "2021-01-03"  # 3 January 2021 is in ISO week 53 of 2020
    ]  # fmt: skip


def test_dates_found_and_resolved_are_counted_per_split(tmp_path: Path) -> None:
    articles = load_articles(labels(tmp_path), bodies(tmp_path))
    report = evaluate_times(articles, ["newsweave"])
    dev = next(r for r in report.rows if r.name == "dev")
    assert (dev.labelled, dev.read, dev.found_r, dev.resolved, dev.right_r) == (2, 2, 1.0, 1.0, 1.0)
    assert report.errors == []


def test_a_wrong_value_a_miss_and_a_false_date_are_errors(tmp_path: Path) -> None:
    dates = [{"text": "Monday", "value": "2020-11-16", "precision": "day"},  # the labeller reads next Monday
             {"text": "three days", "value": "2020-11-09", "precision": "day"}]  # fmt: skip
    articles = load_articles(labels(tmp_path, dates=dates), bodies(tmp_path))
    report = evaluate_times(articles, ["newsweave"])
    kinds = {(e.kind, e.text) for e in report.errors}
    assert kinds == {("wrong value", "Monday"), ("missed", "three days"), ("not a date", "8 March 2021")}
    row = next(r for r in report.rows if r.name == "all")
    assert (row.found_r, row.resolved, row.right_p, row.found_p) == (0.5, 0.0, 0.0, 0.5)


def test_an_article_without_its_publication_date_counts_for_finding_only(tmp_path: Path) -> None:
    dates = [{"text": "Monday", "value": "2020-11-16", "precision": "day"}]
    articles = load_articles(labels(tmp_path, anchored=False, dates=dates), bodies(tmp_path))
    row = next(r for r in evaluate_times(articles, ["newsweave"]).rows if r.name == "all")
    assert (row.anchored, row.found_r, row.right_r) == (0, 1.0, 0.0)


def test_a_reading_resolves_a_date_at_its_precision_or_finer_only(tmp_path: Path) -> None:
    def resolved(text: str, label: dict[str, str]) -> float:
        articles = load_articles(labels(tmp_path, dates=[label]), bodies(tmp_path, text))
        return next(r for r in evaluate_times(articles, ["newsweave"]).rows if r.name == "all").resolved

    # A day read for a month the label names: right at the month; a month read for a day: wrong.
    assert resolved("It opens on 8 March 2021.", {"text": "March 2021", "value": "2021-03", "precision": "month"}) == 1
    assert resolved("It opens in March 2021.", {"text": "March 2021", "value": "2021-03-08", "precision": "day"}) == 0


def test_a_date_not_in_its_body_or_a_bad_line_is_an_error_naming_it(tmp_path: Path) -> None:
    wrong = [{"text": "Tuesday", "value": "2020-11-10", "precision": "day"}]
    with pytest.raises(ConfigError, match="'Tuesday' is not in the body of a1"):
        load_articles(labels(tmp_path, dates=wrong), bodies(tmp_path))
    with pytest.raises(ConfigError, match="article a1 is not in the benchmarks"):
        load_articles(labels(tmp_path), {})
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "a1", "language": "en", "published": "2020-11-12", "dates": [{"text": "x"}]}\n')
    with pytest.raises(InputError, match="line 1 is not a labelled article"):
        load_articles(bad, bodies(tmp_path))


def test_the_command_scores_the_shipped_labels_beside_dateparser() -> None:
    result = CliRunner().invoke(app, ["eval", "times", "--json"])
    assert result.exit_code == 0, result.output
    rows = {(r["reader"], r["name"]): r for r in json.loads(result.output)["rows"]}
    assert rows[("newsweave", "all")]["labelled"] == rows[("dateparser", "all")]["labelled"] > 300
    assert rows[("newsweave", "all")]["right_f1"] > rows[("dateparser", "all")]["right_f1"]
