"""The route comparison: forced languages take the other-languages route, each text is embedded
once per model, and the figures are summed per subset and language pair (stand-in models)."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from fakes import WordsEmbedder
from newsweave.analyze.embedding import USE_LANGUAGES, RoutedEmbedder
from newsweave.errors import ConfigError
from newsweave.eval.languages import Remembered
from newsweave.eval.routes import (
    Judged,
    Models,
    candidate_ranks,
    evaluate_bsnlp,
    evaluate_semeval,
    parse_forced,
    route_linker,
    subset,
    topic_rows,
)
from newsweave.eval.semeval import RatedPair
from newsweave.link.linker import LinkArticle
from newsweave.link.pair_scorer import PairScorer


@pytest.fixture
def models() -> Models:
    use = Remembered(WordsEmbedder("use", 512, USE_LANGUAGES))
    e5, static, lead = Remembered(WordsEmbedder("e5", 384)), WordsEmbedder("static", 512), WordsEmbedder("lead", 384)
    return Models(use, e5, static, Remembered(lead))


def test_forced_languages_take_the_other_route_and_the_cascade_is_the_static_route_s(models: Models) -> None:
    scorer = PairScorer.load()
    today, e5, static = (route_linker(route, ["pl"], scorer, models) for route in ("use", "e5", "static"))
    routed = {}
    for name, linker in (("use", today), ("e5", e5), ("static", static)):
        assert isinstance(linker.embedder, RoutedEmbedder)
        routed[name] = linker.embedder.routes_to_fallback
    assert [routed["use"]("pl"), routed["use"]("cs")] == [False, True]  # nothing forced; cs still leaves USE
    assert [routed["e5"]("pl"), routed["e5"]("de"), routed["static"]("pl")] == [True, False, True]
    assert today.cascade is None and e5.cascade is None and static.cascade is not None
    exact = static.cascade.embedder()
    assert isinstance(exact, RoutedEmbedder) and exact.routes_to_fallback("pl") and exact.fallback is models.e5
    # The lead route: documents through e5 on leads and the bridge, sentences static, the static route's cascade.
    lead = route_linker("lead", ["pl"], scorer, models)
    assert isinstance(lead.embedder, RoutedEmbedder) and lead.embedder.routes_to_fallback("pl")
    assert lead.embedder.fallback is models.lead and lead.embedder.sentence_fallback is models.static
    assert lead.embedder.bridged and lead.cascade is not None and lead.cascade.embedder().fallback is models.e5
    with pytest.raises(ConfigError, match="unknown route 'fast'"):
        route_linker("fast", ["pl"], scorer, models)


def test_as_other_names_languages_use_knows() -> None:
    assert parse_forced("tr, pl,tr") == ("pl", "tr")
    with pytest.raises(ConfigError, match="'cs'"):
        parse_forced("pl,cs")
    with pytest.raises(ConfigError, match="no language"):
        parse_forced(" , ")


def _pair(pid: str, lang1: str, lang2: str, text1: str, text2: str, overall: float) -> RatedPair:
    return RatedPair(pid, pid + "a", pid + "b", lang1, lang2, text1, text2, overall)


STORY = "The dam on the river burst on Tuesday and flooded twelve villages near the old town."
RETOLD = "A river dam burst on Tuesday, flooding twelve villages close to the old town."
OTHER = "The central bank raised its interest rates again, citing inflation in the service sector."


def test_each_route_scores_the_same_pairs_and_e5_reads_only_forced_texts_once(models: Models) -> None:
    pairs = [
        _pair("1", "en", "en", STORY, RETOLD, 1.0),
        _pair("2", "pl", "pl", STORY + " Police.", OTHER, 4.0),
        _pair("3", "pl", "en", RETOLD + " Rain.", STORY + " Rain.", 1.5),
        _pair("4", "de", "fr", OTHER + " Paris.", OTHER + " Berlin.", 2.0),
    ]
    rows = evaluate_semeval(pairs, ("pl", "de", "fr"), models, refit=False)
    assert [r.route for r in rows] == ["use"] * 6 + ["e5"] * 6 + ["static"] * 6 + ["lead"] * 6
    assert {r.subset: r.pairs for r in rows if r.route == "e5"} == {
        "all": 4, "a side forced": 3, "one language, forced": 1, "two languages, one forced": 1,
        "two languages, both forced": 1, "no side forced": 1,
    }  # fmt: skip
    e5 = models.e5.embedder
    assert isinstance(e5, WordsEmbedder) and e5.seen and {lang for lang, _ in e5.seen} <= {"pl", "de", "fr"}
    texts = [t for _, t in e5.seen]
    assert len(texts) == len(set(texts))  # each text once, though three routes read e5
    lead = models.lead.embedder
    assert isinstance(lead, WordsEmbedder) and {lang for lang, _ in lead.seen} <= {"pl", "de", "fr"}
    use = {r.subset: r for r in rows if r.route == "use"}
    assert use["all"].precision == 1.0 and use["no side forced"].recall == 1.0


def test_subsets_say_how_many_sides_left_use() -> None:
    forced = {"pl", "de", "fr"}
    kinds = [subset(_pair("x", a, b, "x", "y", 1.0), forced) for a, b in
             (("en", "en"), ("pl", "pl"), ("en", "pl"), ("de", "fr"))]  # fmt: skip
    assert kinds == ["no side forced", "one language, forced", "two languages, one forced",
                     "two languages, both forced"]  # fmt: skip


def test_topic_rows_per_language_pair_and_by_sides_outside_use() -> None:
    yes, no = Judged(0.9, True), Judged(0.2, False)
    by_languages = {
        "cs-cs": [(True, yes), (True, no), (False, no), (False, Judged(0.1, False))],
        "cs-pl": [(True, Judged(0.5, False)), (False, Judged(0.6, True))],
        "pl-ru": [(True, yes), (False, no)],
    }
    rows = {r.languages: r for r in topic_rows("static", by_languages)}
    assert list(rows) == ["cs-cs", "cs-pl", "pl-ru", "all", "both in USE's", "one side outside USE's",
                          "both outside USE's"]  # fmt: skip
    cs = rows["cs-cs"]
    assert (cs.pairs, cs.auc, cs.precision, cs.same_topic_linked, cs.other_topic_linked) == (4, 0.875, 1.0, 0.5, 0.0)
    mixed = rows["cs-pl"]
    assert (mixed.auc, mixed.precision, mixed.other_topic_linked) == (0.0, 0.0, 1.0)
    assert rows["all"].pairs == 8 and rows["one side outside USE's"].pairs == 2


def test_bsnlp_pairs_are_summed_per_language_pair_on_both_routes(models: Models) -> None:
    docs = [
        {"id": "1", "language": "cs", "topic": "flood", "title": "Dam", "text": STORY},
        {"id": "2", "language": "cs", "topic": "flood", "title": "Dam", "text": RETOLD},
        {"id": "3", "language": "pl", "topic": "bank", "title": "Bank", "text": OTHER},
    ]
    rows = evaluate_bsnlp(docs, models)
    assert [(r.route, r.languages, r.pairs) for r in rows if r.languages in ("cs-cs", "cs-pl")] == [
        ("e5", "cs-cs", 1), ("e5", "cs-pl", 2), ("static", "cs-cs", 1), ("static", "cs-pl", 2),
        ("lead", "cs-cs", 1), ("lead", "cs-pl", 2),
    ]  # fmt: skip


def test_routes_can_be_chosen_and_an_unknown_one_is_refused(models: Models, tmp_path: Path) -> None:
    from newsweave.eval.routes import evaluate_routes

    csv = tmp_path / "pairs.csv"
    csv.write_text("pair_id,lang1,lang2,text1,text2,Overall\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown route 'fast'"):
        evaluate_routes(csv, None, part="held-out", routes=("use", "fast"), models=models)


def test_cli_refuses_a_language_use_does_not_know_before_any_work(tmp_path: Path) -> None:
    args = ["--db", str(tmp_path / "x.sqlite"), "eval", "routes", "--as-other", "cs"]
    proc = subprocess.run([sys.executable, "-m", "newsweave", *args], capture_output=True, text=True, check=False)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr.splitlines()[0] == "Error: cannot force 'cs' through the other-languages route"


def test_candidate_ranks_count_nearer_articles_streamed_before_the_later_side() -> None:
    def article(key: str, x: float, y: float) -> LinkArticle:
        v = np.array([x, y], np.float32) / np.hypot(x, y)
        return LinkArticle(key, "", "", "en", None, v, v, np.zeros(1))

    prepared = {k: article(k, x, y) for k, x, y in (("1", 1, 0), ("2", 1, 0.1), ("3", 0, 1), ("4", 1, 0.05))}
    pairs = [_pair("a", "en", "en", "", "", 1.0), _pair("b", "en", "en", "", "", 1.0)]
    pairs = [replace(pairs[0], id1="4", id2="1"), replace(pairs[1], id1="3", id2="1")]
    # Streamed 1, 2, 3, 4: for 4 and for 3, article 2 is nearer than 1.
    assert candidate_ranks(pairs, prepared).tolist() == [1, 1]
