"""The entity evaluation on a tiny fixture in the BSNLP two-file format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave.cli import app
from newsweave.errors import ConfigError
from newsweave.eval.entities import (
    SEMEVAL_NAMES,
    Document,
    GoldMention,
    PredictedMention,
    evaluate,
    load,
    ntrex_names,
    pairwise,
    score,
    semeval_names,
    training_docs,
)
from newsweave.eval.semeval import default_pairs_csv

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "eval" / "bsnlp"


def test_pairwise_counts_only_pairs_in_different_languages() -> None:
    items = [("pl", "E1", "k1"), ("cs", "E1", "k1"), ("ru", "E1", "k2"), ("pl", "E2", "k2"), ("pl", "E1", "k1")]
    # gold E1: pl×2, cs, ru -> pairs across languages: 2·1 + 2·1 + 1·1 = 5; keys: k1 {pl×2, cs} -> 2, k2 {ru, pl} -> 1
    # true: (E1, k1) {pl×2, cs} -> 2
    assert pairwise(items) == (2, 3, 5)
    assert pairwise(items, "ru") == (0, 1, 3)


def test_a_predicted_mention_without_gold_counts_against_precision_only() -> None:
    assert pairwise([("pl", "", "k"), ("cs", "E", "k"), ("ru", "E", "")]) == (0, 1, 1)


def test_score_relaxed_recognition_with_and_without_type() -> None:
    docs = [Document("d1", "t", "pl", "Jan Kowalski w Warszawie.")]
    gold = [GoldMention("d1", "pl", "Jan Kowalski", "Jan Kowalski", "PER", "P1"),
            GoldMention("d1", "pl", "Warszawie", "Warszawa", "LOC", "L1")]  # fmt: skip
    predicted = [PredictedMention("d1", "pl", "Jan Kowalski", "PER", "per:k"),
                 PredictedMention("d1", "pl", "Warszawie", "ORG", "geonames:1"),
                 PredictedMention("d1", "pl", "Jan", "PER", "per:j")]  # fmt: skip
    overall = score(docs, gold, predicted, lambda m: m.entity)[-1]
    assert (overall.rec_p, overall.rec_r) == (round(2 / 3, 4), 1.0)
    assert overall.rec_typed_f1 == pytest.approx(0.4, abs=1e-4)  # one of three typed right, of two gold


def test_load_reads_the_two_files_and_joins_title_and_text() -> None:
    docs, gold = load(FIXTURE)
    assert len(docs) == 6 and len(gold) == 43
    assert docs[0].text.startswith("Koronawirus w Niemczech\n\n")


def test_load_names_a_missing_field(tmp_path: Path) -> None:
    (tmp_path / "docs.jsonl").write_text(json.dumps({"id": "x", "language": "pl"}) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="lacks text"):
        load(tmp_path)


def test_cross_topic_evaluation_trains_on_one_topic_and_tests_on_the_other() -> None:
    report = evaluate(FIXTURE, with_semeval_names=False)
    assert "cross-topic" in report.setting
    assert set(report.by_topic) == {"covid-19", "us_election_2020"}
    overall = report.rows[-1]
    assert overall.language == "all" and overall.gold == 43
    # The normaliser alone links most of the fixture's names across languages.
    assert overall.link_gold_f1 > 0.6 and overall.link_gold_p > 0.6


def test_the_cli_prints_json_rows_per_language() -> None:
    result = CliRunner().invoke(app, ["eval", "entities", "--data", str(FIXTURE), "--shipped", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [r["language"] for r in data["rows"]] == ["cs", "pl", "ru", "uk", "all"]
    assert data["rows"][-1]["rec_f1"] > 0.5


def _semeval_found() -> bool:
    try:
        default_pairs_csv()
    except ConfigError:
        return False
    return True


@pytest.mark.skipif(not _semeval_found(), reason="SemEval-2022 Task 8 dev.csv not found")
def test_the_semeval_names_join_their_texts_and_keep_a_test_part_apart() -> None:
    names = semeval_names()
    assert len(names.train) + len(names.test) == 934
    trained = {"en", "de", "es", "fr", "it", "tr", "ar", "pl", "ru"}
    # Chinese's training part is a development part: choices were made on it, no tagger learns it
    assert {d.language for d in names.train} == {d.language for d in names.test} == trained | {"zh"}
    assert all(sum(d.language == lang for d in names.test) == 30 for lang in ("de", "tr", "ar", "zh"))
    slavic_test = [d for d in names.test if d.language in ("pl", "ru")]
    assert len(slavic_test) == 75 and all(int(d.doc_id, 16) % 3 == 0 for d in slavic_test)
    english_test = [d for d in names.test if d.language == "en"]
    assert 40 <= len(english_test) <= 56  # two English ids in five, by their digits
    assert all(int(d.doc_id, 16) % 5 < 2 for d in english_test)
    assert not {d.doc_id for d in names.train} & {d.doc_id for d in names.test}
    texts = {d.doc_id: d.text for d in names.train + names.test}
    # Every listed name is written in its text, as the annotations' format promises.
    assert all(m.surface in texts[m.doc] for m in names.gold)
    assert {m.type for m in names.gold} == {"PER", "LOC", "ORG", "PRO", "EVT"}
    assert {d.language for d in training_docs([], [])} == trained


def test_the_ntrex_names_keep_their_texts_and_a_held_out_part() -> None:
    names = ntrex_names()
    languages = {"ja", "ko", "nl", "pt", "th", "cs", "bg", "ar"}
    assert (len(names.train), len(names.test)) == (23 * len(languages), 22 * len(languages))
    assert {d.language for d in names.train} == {d.language for d in names.test} == languages
    # one article is in one part in every language (the translations are of the same articles)
    assert not {d.doc_id for d in names.train} & {d.doc_id for d in names.test}
    texts = {d.doc_id: d.text for d in names.train + names.test}
    assert all(m.surface in texts[m.doc] for m in names.gold)
    assert {m.type for m in names.gold} == {"PER", "LOC", "ORG", "PRO", "EVT"}
    # The tagger learns the Arabic training part, as it learns SemEval's texts; never a test part.
    learnt = {d.doc_id for d in training_docs([], []) if d.language == "ar"}
    assert {d.doc_id for d in names.train if d.language == "ar"} <= learnt
    assert not {d.doc_id for d in names.test} & learnt


def test_a_korean_name_not_written_in_its_text_is_named(tmp_path: Path) -> None:
    path = tmp_path / "names.jsonl"
    row = {"doc": "a", "language": "ko", "part": "test", "text": "서울에서 만났다.", "names": [["부산", "LOC"]]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="'부산' is not written in text ko/a"):
        ntrex_names(path)


def test_an_ntrex_line_whose_part_is_neither_train_nor_test_is_named(tmp_path: Path) -> None:
    path = tmp_path / "names.jsonl"
    row = {"doc": "a", "language": "ja", "part": "dev", "text": "東京で会った。", "names": [["東京", "LOC"]]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="part is neither train nor test"):
        ntrex_names(path)


def test_a_text_missing_from_the_csv_is_named(tmp_path: Path) -> None:
    csv = tmp_path / "pairs.csv"
    rows = "".join(f"{i}_{i + 1},en,en,Text {i}.,Text {i + 1}.,1\n" for i in range(3))
    csv.write_text("pair_id,lang1,lang2,text1,text2,Overall\n" + rows, encoding="utf-8")
    with pytest.raises(ConfigError, match="not in the SemEval CSV"):
        semeval_names(csv)
    assert SEMEVAL_NAMES.exists()


@pytest.mark.skipif(not _semeval_found(), reason="SemEval-2022 Task 8 dev.csv not found")
def test_the_cli_scores_the_shipped_model_on_the_semeval_names() -> None:
    result = CliRunner().invoke(app, ["eval", "entities", "--semeval", "--json"])
    assert result.exit_code == 0, result.output
    rows = {r["language"]: r for r in json.loads(result.output)["rows"]}
    languages = ("ar", "bg", "cs", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh")
    # NTREX's Arabic translations are another kind of text than SemEval's Arabic outlets: a row apart.
    languages += ("ar (NTREX)",)
    assert set(rows) == {*languages, "all", "outside BSNLP's languages", "training part (in-sample)"}
    assert rows["all"]["gold"] == sum(rows[lang]["gold"] for lang in languages)
    outside = [lang for lang in languages if lang not in ("pl", "ru", "cs", "bg", "ar (NTREX)")]
    assert rows["outside BSNLP's languages"]["gold"] == sum(rows[lang]["gold"] for lang in outside)
    # The shipped model was trained on the training part, never on the held-out one.
    assert rows["training part (in-sample)"]["rec_f1"] > rows["all"]["rec_f1"] > 0.6


def test_a_names_line_whose_part_is_neither_train_nor_test_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hashlib

    from newsweave.eval import entities

    csv = tmp_path / "pairs.csv"
    rows = "".join(f"{i}_{i + 1},en,en,Text {i}.,Text {i + 1}.,1\n" for i in range(3))
    csv.write_text("pair_id,lang1,lang2,text1,text2,Overall\n" + rows, encoding="utf-8")
    doc = hashlib.sha1(b"Text 0.").hexdigest()[:12]
    names = tmp_path / "names.jsonl"
    names.write_text(json.dumps({"doc": doc, "language": "en", "part": "dev", "names": []}) + "\n", encoding="utf-8")
    monkeypatch.setattr(entities, "SEMEVAL_NAMES", names)
    with pytest.raises(ConfigError, match=f"text {doc}'s part is neither train nor test"):
        semeval_names(csv)


def test_semeval_with_options_it_would_ignore_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["eval", "entities", "--semeval", "--shipped"])
    assert result.exit_code == 2
    said = " ".join(result.output.replace("│", " ").split())  # the error box may wrap the line
    assert "--semeval: it takes no --data, --shipped or --toponyms" in said
