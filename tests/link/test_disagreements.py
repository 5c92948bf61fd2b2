"""Disagreements between reports: qualifiers, conflicts and updates, on the seeds and hand-made variants."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from newsweave.analyze.claims import numeric_claims
from newsweave.analyze.sentences import split_sentences
from newsweave.extract.textdump import TextCaptureExtractor
from newsweave.link.disagreements import ArticleClaims, classify, compare
from newsweave.link.evidence import differing_claims
from newsweave.records import AlignedSentences, Article, ClaimRelation, MediaType, Provenance, RawItem

R = ClaimRelation


def seed(seeds_dir: Path, prefix: str) -> Article:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return TextCaptureExtractor().extract(RawItem(path.read_bytes(), MediaType.TEXT, Provenance(str(path))))


def side(article_id: str, text: str, language: str, published: datetime | None = None) -> ArticleClaims:
    return ArticleClaims(article_id, published, language, tuple(numeric_claims(text, language, published)))


def by_index(a: str, b: str) -> list[AlignedSentences]:
    """Sentence i with sentence i: the alignment of two versions written sentence by sentence."""
    xs, ys = split_sentences(a), split_sentences(b)
    assert len(xs) == len(ys)
    return [AlignedSentences(i, i, x, y, 0.9) for i, (x, y) in enumerate(zip(xs, ys, strict=True))]


def relations(found: list) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return [(d.relation.value, d.claim_a.text, d.claim_b.text) for d in found]


@pytest.fixture(scope="module")
def seed_000(seeds_dir: Path) -> ArticleClaims:
    article = seed(seeds_dir, "000")
    return side("000", article.text, "en", article.published.value if article.published else None)


def test_the_two_english_translations_differ_by_qualifier_and_never_conflict(
    seeds_dir: Path, seed_000: ArticleClaims
) -> None:
    other = seed(seeds_dir, "001")
    found = compare(seed_000, side("001", other.text, "en"))
    assert ("qualifier", "more than 50 terrorists", "around 50 terrorists") in relations(found)
    assert ("qualifier", "no more than 150-200 militants", "150–200 surrounded militants") in relations(found)
    assert not [d for d in found if d.relation is R.CONFLICT]


def test_a_report_of_another_event_raises_no_conflict(seeds_dir: Path, seed_000: ArticleClaims) -> None:
    french = seed(seeds_dir, "002")
    assert not [d for d in compare(seed_000, side("002", french.text, "fr")) if d.relation is R.CONFLICT]


def test_a_rewrite_with_two_changed_figures_gives_exactly_those_conflicts(seeds_dir: Path, data_dir: Path) -> None:
    original = seed(seeds_dir, "000").text
    rewrite = (data_dir / "claims" / "000_rewrite.txt").read_text(encoding="utf-8").strip()
    found = compare(side("000", original, "en"), side("rw", rewrite, "en"), by_index(original, rewrite))
    assert sorted(d[1:] for d in relations(found) if d[0] == "conflict") == [
        ("more than 50 terrorists", "more than 90 terrorists"),
        ("no more than 150-200 militants", "no more than 250-300 militants"),
    ]


def test_an_honest_translation_gives_no_conflict(seeds_dir: Path, data_dir: Path) -> None:
    original = seed(seeds_dir, "000").text
    french = (data_dir / "claims" / "000_fr_translation.txt").read_text(encoding="utf-8").strip()
    a, b = side("000", original, "en"), side("fr", french, "fr")
    for aligned, pairs in ((by_index(original, french), 4), ([], 3)):
        found = compare(a, b, aligned)
        assert {d.relation for d in found} == {R.AGREE}, relations(found)
        # the 150-200 surrounded, the 50 killed, the dozen pickups destroyed, and (aligned only,
        # as distances are too generic to pair otherwise) the few dozen kilometres
        assert len(found) == pairs


def test_a_rising_toll_across_dated_reports_is_an_update(data_dir: Path) -> None:
    reports = {}
    for line in (data_dir / "claims" / "toll_reports.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        reports[r["id"]] = side(r["id"], r["text"], r["language"], datetime.fromisoformat(r["published"]))
    found = compare(reports["quake-2"], reports["quake-1"])  # given out of order: the earlier becomes a
    assert {(d.a, d.b) for d in found} == {("quake-1", "quake-2")}
    assert sorted((d.relation.value, d.claim_a.text, d.claim_b.text) for d in found) == [
        ("qualifier", "2,800 collapsed buildings", "Some 2,800 buildings"),
        ("update", "At least 1,500 people", "5,100"),
        ("update", "more than 5,000", "more than 20,000 people"),
    ]
    assert [d.relation for d in compare(reports["seisme-1"], reports["seisme-2"])] == [R.UPDATE]
    # Undated, the figures would conflict, but "rose to" still says the second is a later figure.
    undated = [
        ArticleClaims(r.article_id, None, r.language, r.claims) for r in (reports["quake-1"], reports["quake-2"])
    ]
    assert sorted(d.relation.value for d in compare(*undated)) == ["qualifier", "update", "update"]


def test_compatible_figures_rounding_and_vague_counts_are_not_conflicts() -> None:
    def rel(a: str, b: str, aligned: bool = False) -> R:
        return classify(numeric_claims(a, "en")[0], numeric_claims(b, "en")[0], aligned=aligned)[0]

    assert rel("more than 50 militants were killed", "60 militants were killed") is R.AGREE
    assert rel("nearly 1,000 people were evacuated", "987 people were evacuated") is R.AGREE
    assert rel("1,000 people were evacuated", "987 people were evacuated") is R.AGREE
    assert rel("dozens of people were arrested", "400 people were arrested") is not R.CONFLICT
    assert rel("50 people were killed", "80 people were killed") is R.CONFLICT
    # Versions of one sentence quote one source: a changed bound is a changed figure.
    assert rel("more than 50 militants were killed", "more than 90 militants were killed") is R.AGREE
    assert rel("more than 50 militants were killed", "more than 90 militants were killed", True) is R.CONFLICT


def test_different_events_and_different_things_are_not_paired() -> None:
    monday = side("a", "On Monday, 5 soldiers were killed in an ambush.", "en", datetime(2023, 3, 2))
    wednesday = side("b", "On Wednesday, 9 soldiers were killed in a bombing.", "en", datetime(2023, 3, 2))
    assert compare(monday, wednesday) == []
    houses = side("a", "The storm destroyed 200 houses.", "en")
    people = side("b", "The storm killed 12 people.", "en")
    assert compare(houses, people) == []


def test_link_evidence_reads_claims_with_the_same_parser() -> None:
    assert differing_claims("destroyed more than 50 terrorists", "killed around 50 terrorists") == [
        ("more than 50", "around 50")
    ]
    assert differing_claims("150-200 militants", "150–200 militants") == []


def test_dates_with_and_without_a_time_zone_compare() -> None:
    from datetime import timedelta, timezone

    aware = datetime(2023, 3, 2, 9, tzinfo=timezone(timedelta(hours=3)))
    a = side("a", "At least 7 people were killed in the floods.", "en", datetime(2023, 3, 1, 10))
    b = side("b", "At least 19 people were killed in the floods.", "en", aware)
    assert [d.relation for d in compare(b, a)] == [R.UPDATE]


class _Disagreements:
    """A store's one method compare_claims writes through."""

    def __init__(self) -> None:
        self.found: list = []  # type: ignore[type-arg]

    def put_disagreements(self, a: str, b: str, found: list) -> None:  # type: ignore[type-arg]
        self.found = list(found)


def test_only_a_versions_aligned_sentences_pair_its_figures() -> None:
    """Two reports of one story align their likest sentences too, which say different things."""
    from newsweave.linking import compare_claims
    from newsweave.records import Evidence, Link, RelationKind

    russia = "В России на стадии испытаний находятся три вакцины."
    world = "Сейчас в мире ведутся испытания 9 вакцин."
    sides = {"a": side("a", russia, "ru"), "b": side("b", world, "ru")}
    aligned = (AlignedSentences(0, 0, russia, world, 0.8),)
    found = {}
    for kind in (RelationKind.SAME_STORY, RelationKind.VERSION):
        store = _Disagreements()
        compare_claims(store, Link("a", "b", kind, 0.9, Evidence(aligned=aligned)), sides.get)  # type: ignore[arg-type]
        found[kind] = [d.relation for d in store.found]
    assert found == {RelationKind.SAME_STORY: [], RelationKind.VERSION: [R.CONFLICT]}


def test_a_translation_pairs_its_same_figures_first_whatever_its_words_for_them() -> None:
    spanish = "Bebés de Año Nuevo: 48 niñas, 47 niños. Un total de 95 bebés nacieron el 1 de enero."
    italian = "Bambini di Capodanno: 48 ragazze, 47 ragazzi. Un totale di 95 bambini sono nati il 1 gennaio."
    found = compare(side("a", spanish, "es"), side("b", italian, "it"), by_index(spanish, italian))
    assert {d.relation for d in found} == {R.AGREE}


def test_ages_durations_and_figures_that_say_not_what_they_count_never_conflict() -> None:
    spanish = "Murió a la edad de 77 años. Tiene entre 25 y 44 seguidores."
    english = "He had led the league for over 40 years. He has between 25 and 44 followers."
    found = compare(side("a", spanish, "es"), side("b", english, "en"), by_index(spanish, english))
    assert R.CONFLICT not in {d.relation for d in found}
    changed = by_index("He was sentenced to 15 years.", "He was sentenced to 15 years.")
    same = side("a", "He was sentenced to 15 years.", "en"), side("b", "He was sentenced to 15 years.", "en")
    assert [d.relation for d in compare(*same, changed)] == [R.AGREE]


def test_independent_reports_compare_only_what_happened_in_the_event() -> None:
    """ "750 soldiers deployed" and "100 soldiers deployed" in two reports of a story are as often
    two deployments as one disputed figure; a death toll is one figure of one event."""
    deployed = side("a", "The US will deploy 750 soldiers.", "en"), side("b", "The US deployed 100 soldiers.", "en")
    assert compare(*deployed) == []
    killed = side("a", "12 people were killed in the attack.", "en"), side("b", "20 people were killed in it.", "en")
    assert [d.relation for d in compare(*killed)] == [R.CONFLICT]


def test_independent_reports_conflict_only_where_their_sentences_were_found_alike() -> None:
    """Two tolls of one story stated once each may count two things ("since Monday", "this
    season"): the link's alignment of their sentences says whether they are one figure."""
    monday, season = "Since Monday, seven people have died in the fires.", "This season the fires killed 13 people."
    a, b = side("a", monday, "en"), side("b", season, "en")
    assert [d.relation for d in compare(a, b)] == [R.CONFLICT]  # the rules alone, asked nothing else
    assert compare(a, b, alike=()) == []
    assert [d.relation for d in compare(a, b, alike=[AlignedSentences(0, 0, monday, season, 0.7)])] == [R.CONFLICT]
    early, late = "At least 7 people were killed in the floods.", "The death toll from the floods climbed to 19."
    x, y = side("x", early, "en", datetime(2023, 3, 1)), side("y", late, "en", datetime(2023, 3, 2))
    assert compare(x, y, alike=()) == []  # a rise is news only of one figure, as a conflict is
    assert [d.relation for d in compare(x, y, alike=[AlignedSentences(0, 0, early, late, 0.7)])] == [R.UPDATE]


def test_independent_reports_infection_tallies_are_not_compared_but_versions_are() -> None:
    """Two reports of one epidemic count infections anew every day and for every place: on a
    real stream "841 cases" in Prague and "6,220 new cases" in the country one Sunday were two
    facts. A rewrite that changes the figure still conflicts, sentence by sentence."""
    city = "On Sunday, 841 people tested positive for covid-19."
    country = "On Sunday, 6,220 people tested positive for covid-19."
    a, b = side("a", city, "en"), side("b", country, "en")
    assert compare(a, b, alike=[AlignedSentences(0, 0, city, country, 0.8)]) == []
    assert [d.relation for d in compare(a, b, [AlignedSentences(0, 0, city, country, 0.9)])] == [R.CONFLICT]


@pytest.mark.parametrize(
    ("language", "original", "hedged", "changed", "quotes"),
    [
        ("hi", "मुंबई में हमले में 50 से अधिक लोग मारे गए। 12 सैनिक घायल हुए।",
         "मुंबई में हमले में लगभग 50 लोग मारे गए। 12 सैनिक घायल हुए।",
         "मुंबई में हमले में 80 लोग मारे गए। 12 सैनिक घायल हुए।",
         [("50 से अधिक लोग", "लगभग 50 लोग"), ("12 सैनिक", "12 सैनिक")]),
        ("he", "בתקיפה נהרגו יותר מ-50 מחבלים. 12 חיילים נפצעו.",  # the hedge glued: "מ-50", than 50
         "בתקיפה נהרגו כ-50 מחבלים. 12 חיילים נפצעו.",
         "בתקיפה נהרגו 80 מחבלים. 12 חיילים נפצעו.",
         [("יותר מ-50 מחבלים", "כ-50 מחבלים"), ("12 חיילים", "12 חיילים")]),
    ],
)  # fmt: skip
def test_versions_differ_by_qualifier_or_conflict_on_a_changed_figure(
    language: str, original: str, hedged: str, changed: str, quotes: list[tuple[str, str]]
) -> None:
    a = side("a", original, language)
    found = relations(compare(a, side("b", hedged, language), by_index(original, hedged)))
    assert found == [("qualifier", *quotes[0]), ("agree", *quotes[1])]
    assert [d[0] for d in relations(compare(a, side("c", changed, language), by_index(original, changed)))] == [
        "conflict",
        "agree",
    ]


def test_a_figure_both_aligned_sentences_state_is_set_against_no_other() -> None:
    """One version reads 3,434 (the toll) with no action, the other with "killed": the 3,434 must
    not then be set against the other version's 738 deaths of the day."""
    a_text = "Son 24 saatte 738 kişinin hayatını kaybettiği ve toplam yaşam kaybı 3 bin 434'e yükseldi."
    b_text = "Son 24 saatte 738 kişi daha yaşamını yitirdi ve toplam can kaybı 3 bin 434'e yükseldi."
    a = ArticleClaims("a", None, "tr", tuple(numeric_claims(a_text, "tr")))
    b = ArticleClaims("b", None, "tr", tuple(numeric_claims(b_text, "tr")))
    aligned = [AlignedSentences(0, 0, a_text, b_text, 0.9)]
    found = compare(a, b, aligned)
    assert all(d.relation is not ClaimRelation.CONFLICT for d in found)
    assert {(d.claim_a.low, d.claim_b.low) for d in found} >= {(738, 738), (3434, 3434)}


def test_between_versions_a_figure_both_state_is_compared_with_itself_only() -> None:
    a_text = "The report on 738 people says 738 people were killed, and 3,434 are missing."
    b_text = "The report says 738 people were killed, and the toll rose to 3,434."
    a = ArticleClaims("a", None, "en", tuple(numeric_claims(a_text, "en")))
    b = ArticleClaims("b", None, "en", tuple(numeric_claims(b_text, "en")))
    found = compare(a, b, [AlignedSentences(0, 0, a_text, b_text, 0.9)])
    assert [(d.relation, d.claim_a.low, d.claim_b.low) for d in found] == [(ClaimRelation.AGREE, 738, 738)]
    # Between independent reports a figure met on both sides by chance stops nothing.
    x = ArticleClaims("x", None, "en", tuple(numeric_claims("The blast killed 5 people and wounded 20.", "en")))
    y = ArticleClaims("y", None, "en", tuple(numeric_claims("The blast killed 7 people and wounded 5.", "en")))
    assert (ClaimRelation.CONFLICT, 5, 7) in [(d.relation, d.claim_a.low, d.claim_b.low) for d in compare(x, y)]
