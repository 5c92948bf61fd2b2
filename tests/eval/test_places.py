"""The geoparsing evaluation on a tiny fixture in the benchmark's two-file format."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import ConfigError
from newsweave.eval.places import evaluate, evaluate_pins, load_documents, table_rows


@pytest.fixture
def fixture_dir(data_dir: Path) -> Path:
    return data_dir / "eval" / "geoparsing"


def test_documents_load_with_their_gold_toponyms(fixture_dir: Path) -> None:
    documents = {d.id: d for d in load_documents(fixture_dir)}
    assert set(documents) == {"trnews-a1", "trnews-b2", "lgl-a1", "lgl-b2"}
    doc = documents["lgl-b2"]
    assert [doc.text[t.start : t.end] for t in doc.toponyms] == ["Springfield", "Ill.", "Sangamon County", "Chicago"]
    assert doc.toponyms[0].geonames_id == 4250542 and doc.toponyms[0].lat == pytest.approx(39.80172)
    assert {d.split for d in documents.values()} == {"dev", "test"}  # fixed by the id's hash


def test_scores_on_the_fixture(fixture_dir: Path) -> None:
    scores = evaluate(fixture_dir)
    assert {(s.corpus, s.split) for s in scores} == {("trnews", "test"), ("lgl", "test"), ("lgl", "dev")}
    assert sum(s.toponyms for s in scores) == 17 and sum(s.with_coordinates for s in scores) == 17
    trnews = next(s for s in scores if s.corpus == "trnews")
    assert trnews.acc161_gold_spans == 1.0 and trnews.coverage_gold_spans == 1.0
    assert trnews.tag_p == trnews.tag_r == 1.0
    for s in scores:
        assert 0.0 <= s.acc161_coords_gold_spans <= s.acc161_gold_spans <= s.coverage_gold_spans <= 1.0
        assert s.acc161_end_to_end <= s.coverage_end_to_end
    lgl_dev = next(s for s in scores if s.corpus == "lgl" and s.split == "dev")
    assert lgl_dev.acc161_gold_spans == 1.0  # Springfield, Ill. is pinned by its qualifier
    assert lgl_dev.tag_p == 1.0  # "May" opening a sentence is a month, not a place
    tagging, geocoding = table_rows(scores)
    assert tagging[0].split == "test (held out)" and geocoding[-1].split == "dev (in-sample)"


def test_missing_files_are_a_config_error(tmp_path: Path, fixture_dir: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_documents(tmp_path)
    shutil.copy(fixture_dir / "docs.jsonl", tmp_path / "docs.jsonl")
    (tmp_path / "toponyms.jsonl").write_text('{"doc": "x"}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks"):
        load_documents(tmp_path)


def test_the_cli_command_reports_json(fixture_dir: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "places", "--data", str(fixture_dir), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {row["corpus"] for row in report["scores"]} == {"trnews", "lgl"}
    assert all("acc161_gold_spans" in row for row in report["scores"])
    assert {row["reader"] for row in report["pins"]} == {"spotter", "ingest"}


def test_pins_are_judged_for_the_spotter_and_for_what_ingest_stores(fixture_dir: Path) -> None:
    pins = evaluate_pins(fixture_dir)
    assert [(p.corpus, p.reader) for p in pins if p.split == "test (held out)"] == [
        ("lgl", "spotter"), ("lgl", "ingest"), ("trnews", "spotter"), ("trnews", "ingest"),
    ]  # fmt: skip
    spotter = {(p.corpus, p.split): p for p in pins if p.reader == "spotter"}
    for score in evaluate(fixture_dir):  # the spotter's end-to-end figures, counted the same way
        pin = spotter[(score.corpus, f"{score.split} ({'held out' if score.split == 'test' else 'in-sample'})")]
        assert (pin.e2e_acc161, pin.e2e_coverage) == (score.acc161_end_to_end, score.coverage_end_to_end)
    for p in pins:
        assert p.right + p.wrong + p.no_gold <= p.pins and 0.0 <= p.pin_precision <= 1.0
    trnews = next(p for p in pins if p.corpus == "trnews" and p.reader == "ingest")
    assert trnews.right == trnews.pins and trnews.pin_precision == 1.0


def test_each_half_is_read_as_a_stream_with_outlet_homes(tmp_path: Path) -> None:
    """A local paper's later article is resolved with the home its earlier one showed, as at ingest."""
    url = "http://www.jordannews.example/{}"
    storm = "Crews cleared roads in Shakopee, Prior Lake and Savage after the storm hit Scott County."
    team = "The Jordan volleyball program starts again this spring."
    docs = [
        {"id": "jordan-1", "corpus": "lgl", "url": url.format(1), "text": storm},
        {"id": "jordan-2", "corpus": "lgl", "url": url.format(2), "text": team},
        {"id": "jordan-3", "corpus": "lgl", "url": "http://elsewhere.example/3", "text": team},
    ]
    minnesota = {"name": "Jordan", "start": 4, "end": 10, "lat": 44.667, "lon": -93.626}
    gold = [{"doc": f"jordan-{n}", **minnesota} for n in (2, 3)]
    (tmp_path / "docs.jsonl").write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    (tmp_path / "toponyms.jsonl").write_text("\n".join(json.dumps(t) for t in gold), encoding="utf-8")
    outlets = [d.outlet for d in load_documents(tmp_path)]
    assert outlets == ["jordannews.example", "jordannews.example", "elsewhere.example"]
    (score,) = evaluate(tmp_path, splits=("dev",))
    assert score.acc161_gold_spans == 0.5  # the paper's own "Jordan" is the Minnesota town; the other is the kingdom
    ingest = next(p for p in evaluate_pins(tmp_path, splits=("dev",)) if p.reader == "ingest")
    assert (ingest.right, ingest.wrong) == (1, 1)
