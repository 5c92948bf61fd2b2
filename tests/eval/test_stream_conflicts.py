"""`newsweave eval claims --stream`: conflicts flagged on a real stream, judged against hand labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.errors import InputError
from newsweave.eval.stream_conflicts import evaluate_stream, label_key, load_labels, stream_items
from newsweave.extract.textdump import TextCaptureExtractor
from newsweave.records import MediaType, Provenance, RawItem

_HEADER = "pair_id,lang1,lang2,text1,text2,Overall\n"
# Three rated pairs of short texts: a SemEval file the stream reads no article from.
_SHORT = [("en", "en", "A short lead.", "Another short lead.")] * 3


def semeval_csv(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    lines = [_HEADER] + [",".join([f"p{i}", *(json.dumps(v) for v in row), "2.0"]) + "\n" for i, row in enumerate(rows)]
    path.write_text("".join(lines), encoding="utf-8")
    return path


def test_the_stream_reads_each_long_semeval_text_once_then_the_articles(tmp_path: Path) -> None:
    long_en, long_de = "A" * 600, "B" * 4000
    rows = [("en", "de", long_en, long_de), ("en", "en", long_en, "short"), *_SHORT]
    csv_path = semeval_csv(tmp_path / "dev.csv", rows)
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"title": "T", "text": "Body.", "language": "pl", "date": "2020-11-05"}) + "\n")
    items = list(stream_items(csv_path, docs))
    assert [(i["language"], len(i["text"])) for i in items] == [("en", 600), ("de", 3000), ("pl", 5)]
    assert items[-1]["date"] == "2020-11-05" and "date" not in items[0]


def test_a_label_names_its_flag_whichever_article_comes_first(tmp_path: Path) -> None:
    assert label_key("50", "50  killed.", "80", "80 killed.") == label_key("80", "80 killed.", "50", "50 killed.")
    labels = tmp_path / "labels.jsonl"
    good = {"a": {"claim": "50", "sentence": "50 killed."}, "b": {"claim": "80", "sentence": "80 killed."}}
    labels.write_text(json.dumps({**good, "gold": "conflict"}) + "\n" + json.dumps({**good, "gold": "maybe"}) + "\n")
    with pytest.raises(InputError, match="line 2"):
        load_labels(labels)


def test_a_rewrite_with_changed_figures_is_flagged_and_judged(tmp_path: Path, seeds_dir: Path, data_dir: Path) -> None:
    """Seed 000 and a rewrite of it with two figures changed, as a stream: both changes are
    flagged; one labelled a conflict, one not (for the test's sake), precision 1/2."""
    path = next(seeds_dir.glob("000_*.txt"))
    original = TextCaptureExtractor().extract(RawItem(path.read_bytes(), MediaType.TEXT, Provenance(str(path)))).text
    rewrite = (data_dir / "claims" / "000_rewrite.txt").read_text(encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text("".join(json.dumps({"title": f"Report {i}", "text": t, "language": "en"}) + "\n"
                            for i, t in enumerate((original, rewrite))))  # fmt: skip
    labels = tmp_path / "labels.jsonl"
    labels.write_text("")
    first = evaluate_stream(labels, semeval_csv(tmp_path / "dev.csv", _SHORT), docs, workers=1)
    assert sorted((f.a_claim, f.b_claim) for f in first.flagged) == [
        ("more than 50 terrorists", "more than 90 terrorists"),
        ("no more than 150-200 militants", "no more than 250-300 militants"),
    ]
    assert (first.unlabelled, first.precision, first.compared_pairs) == (2, None, 1)
    judged = [
        {"a": {"claim": f.a_claim, "sentence": f.a_sentence}, "b": {"claim": f.b_claim, "sentence": f.b_sentence},
         "gold": gold, "why": "test"}
        for f, gold in zip(sorted(first.flagged, key=lambda f: f.a_claim), ("conflict", "not"), strict=True)
    ]  # fmt: skip
    labels.write_text("".join(json.dumps(j) + "\n" for j in judged))
    second = evaluate_stream(labels, semeval_csv(tmp_path / "dev.csv", _SHORT), docs, workers=1)
    assert (second.true_conflicts, second.false_conflicts, second.unlabelled, second.precision) == (1, 1, 0, 0.5)


def test_the_command_prints_each_flag_with_its_label(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    import newsweave.eval.entities as entities
    import newsweave.eval.semeval as semeval
    import newsweave.eval.stream_conflicts as stream
    from newsweave.cli import app

    flagged = [
        stream.FlaggedConflict("12 killed", "12 killed.", "20 killed", "20 killed.", "12 vs 20", "conflict", "a toll"),
        stream.FlaggedConflict("5 doses", "5 doses.", "9 doses", "9 doses.", "5 vs 9", None),
    ]
    canned = stream.StreamReport(articles=3, compared_pairs=2, relations={"conflict": 2}, flagged=flagged)
    monkeypatch.setattr(stream, "evaluate_stream", lambda *args, **kwargs: canned)
    monkeypatch.setattr(semeval, "default_pairs_csv", lambda: tmp_path)
    monkeypatch.setattr(entities, "default_data_dir", lambda: tmp_path)
    result = CliRunner().invoke(app, ["eval", "claims", "--stream", "--labels", str(tmp_path)])
    assert result.exit_code == 0, result.output
    printed = " ".join(result.output.split())  # the console wraps long lines
    assert "conflicts flagged: 2 (1 true, 0 false, 1 not labelled yet)" in printed
    assert "[conflict] 12 vs 20" in printed and "[not labelled] 5 vs 9" in printed
    as_json = CliRunner().invoke(app, ["eval", "claims", "--stream", "--labels", str(tmp_path), "--json"])
    assert json.loads(as_json.output)["precision"] == 1.0
