"""One pair as linking decides it: ``Linker.score`` and ``Linker.relate_as_candidate`` agree with ``link``."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from fakes import WordsEmbedder
from newsweave.analyze.embedding import E5_COSINE_LINE, RoutedEmbedder
from newsweave.link.linker import Candidate, Foreseen, LinkArticle, Linker
from newsweave.link.pair_features import PairSide, pair_features
from newsweave.link.pair_scorer import PairScorer

STORY = (
    "The river dam near the old town burst early on Tuesday morning. Water flooded twelve villages "
    "and forced thousands of people to leave. Officials said rescue teams reached the area by boat."
)
RETOLD = (
    "Early on Tuesday morning the river dam near the old town burst. Twelve villages were flooded and "
    "thousands of people were forced to leave. Rescue teams reached the area by boat, officials said."
)
OTHER = "The central bank raised its interest rates again, citing inflation in the service sector."


def test_one_pair_is_scored_and_related_as_link_relates_a_candidate() -> None:
    linker = Linker(WordsEmbedder(), PairScorer.load())
    views = {i: linker.prepare(i, None, text, "en", None) for i, text in (("a", STORY), ("b", RETOLD), ("c", OTHER))}
    fresh = Linker(WordsEmbedder(), PairScorer.load())
    alone = {i: fresh.prepare(i, None, v.text, "en", None) for i, v in views.items()}
    linker.link(views["a"], views.__getitem__)
    (stored,) = linker.link(views["b"], views.__getitem__).links
    pair = fresh.relate_as_candidate(alone["a"], alone["b"])
    assert pair is not None and (pair.kind, pair.score, pair.evidence) == (stored.kind, stored.score, stored.evidence)
    assert round(fresh.score(alone["a"], alone["b"]), 4) == stored.evidence.pair_score


def test_a_pair_under_the_candidate_floor_is_not_related_though_relate_would() -> None:
    linker = Linker(WordsEmbedder(), PairScorer.load(), candidate_floor=0.99)
    a, b = (linker.prepare(i, None, text, "en", None) for i, text in (("a", STORY), ("b", RETOLD)))
    assert isinstance(a, LinkArticle) and float(a.document @ b.document) < 0.99
    assert linker.relate_as_candidate(a, b) is None
    assert linker.relate(a, b)[0] is not None  # relate scores any pair it is given


def test_cosines_of_a_pair_bridged_on_both_sides_are_read_on_uses_scale() -> None:
    """Bridged texts meet at higher cosines than USE's: the scorer reads them through the route's cosine line."""
    use, other = WordsEmbedder("use", 512, frozenset({"en"})), WordsEmbedder("e5", 384)
    linker = Linker(RoutedEmbedder(use, other), PairScorer.load(), cascade=False)
    views = {
        (i, language): linker.prepare(i, None, text, language, None)
        for i, text in (("a", STORY), ("b", RETOLD))
        for language in ("en", "cs")
    }

    def read(x: LinkArticle, y: LinkArticle) -> tuple[np.ndarray, np.ndarray]:
        sides = (PairSide(v.text, v.language, v.document, v.title_vector, None) for v in (x, y))
        raw = pair_features(*sides, with_sentences=False)
        return raw[:2], linker._document_features(x, y)[:2]

    raw, read_as = read(views["a", "cs"], views["b", "cs"])
    slope, intercept = E5_COSINE_LINE
    assert np.allclose(read_as, slope * raw + intercept) and (read_as < raw).all()
    for pair in ((views["a", "en"], views["b", "cs"]), (views["a", "en"], views["b", "en"])):
        raw, read_as = read(*pair)
        assert np.array_equal(read_as, raw)  # one side or none through the bridge: as they are


def test_the_sentences_relating_will_embed_are_foreseen_from_the_candidates() -> None:
    linker = Linker(WordsEmbedder(), PairScorer.load())
    views = {i: linker.prepare(i, None, text, "en", None) for i, text in (("a", STORY), ("b", RETOLD), ("c", OTHER))}
    found = [Candidate(views[i], float(views[i].document @ views["b"].document), False) for i in ("a", "c")]
    foreseen = linker.foresee(views["b"], found)
    result = linker.relations(views["b"], found)
    sentences = {v.id for v in foreseen.sentences}
    assert sentences == {v.id for v in result.embedded_sentences} == {"a", "b"}  # the retelling's pair, not OTHER's
    assert {v.id for v in foreseen.leads} == {v.id for v in result.embedded_leads} == {"a", "b"}  # near the line
    assert linker.foresee(views["b"], found) == Foreseen([], [])  # embedded now: nothing left to foresee
    assert linker.sentence_needs(views["b"], found) == []
    first_two = Linker(WordsEmbedder(), PairScorer.load().without_second_view())
    views = {i: first_two.prepare(i, None, text, "en", None) for i, text in (("a", STORY), ("b", RETOLD))}
    pair = [Candidate(views["a"], float(views["a"].document @ views["b"].document), False)]
    assert first_two.foresee(views["b"], pair).leads == []  # no second view: no lead is ever read


def test_a_route_with_static_sentences_reads_its_own_cosine_line_and_checks_versions_by_cascade() -> None:
    """The lead route: documents through a bridge, sentences static (so the cascade checks
    versions across languages), cosines read through the route's own line."""
    use, lead, static = (
        WordsEmbedder("use", 512, frozenset({"en"})),
        WordsEmbedder("lead", 384),
        WordsEmbedder("st", 512),
    )
    embedder = RoutedEmbedder(use, lead, static, cosine_line=(0.9, -0.1), one_side_line=(1.2, -0.05))
    linker = Linker(embedder, PairScorer.load())
    assert linker.cascade is not None
    a, b = (linker.prepare(i, None, text, "cs", None) for i, text in (("a", STORY), ("b", RETOLD)))
    english = linker.prepare("c", None, RETOLD, "en", None)
    for x, y, (slope, intercept) in ((a, b, (0.9, -0.1)), (a, english, (1.2, -0.05)), (english, english, (1, 0))):
        sides = (PairSide(v.text, v.language, v.document, v.title_vector, None) for v in (x, y))
        raw = pair_features(*sides, with_sentences=False)[:2]
        assert np.allclose(linker._document_features(x, y)[:2], slope * raw + intercept)
    linker.ensure_sentences(a)
    assert a.sentence_vectors is not None
    assert np.allclose(a.sentence_vectors, static.embed(linker.split(a), "cs"), atol=1e-3)


def _lead_route_linker() -> Linker:
    """A linker on a route like the lead route (Czech bridged, sentences static: the cascade
    checks its translations), every model a stand-in, the cascade's e5 too."""
    use, lead, static = (
        WordsEmbedder("use", 512, frozenset({"en"})),
        WordsEmbedder("lead", 384),
        WordsEmbedder("st", 512),
    )
    linker = Linker(RoutedEmbedder(use, lead, static), PairScorer.load())
    assert linker.cascade is not None
    linker.cascade.exact = WordsEmbedder("exact", 512)
    return linker


def test_the_pairs_the_cascade_will_check_are_foreseen_and_their_leads_asked_once_their_vectors_pass() -> None:
    linker = _lead_route_linker()
    source, translation = linker.prepare("a", None, STORY, "en", None), linker.prepare("b", None, STORY, "cs", None)
    other = linker.prepare("c", None, OTHER, "cs", None)
    # Stand-in vectors through a stand-in bridge meet anywhere: the cosines are given.
    found = [Candidate(source, 0.6, False), Candidate(other, 0.6, False)]
    foreseen = linker.foresee(translation, found)
    assert foreseen.gated == [(source, translation)]  # the texts pass the pre-gate; OTHER's do not
    assert {v.id for v in foreseen.sentences} >= {"a", "b"}  # the last line reads their sentence vectors
    vectors = [linker.sentence_vectors(linker.split(v), v.language) for v in (source, translation)]
    assert linker.vectors_admit(source, translation, *vectors) == [translation]  # the side through the bridge
    assert linker.vectors_admit(source, translation, vectors[0], vectors[0][::-1]) == []  # out of order: no
    asked: list[str] = []

    def ahead(view: LinkArticle) -> np.ndarray:
        asked.append(view.id)
        return linker.exact_sentence_vectors(linker.exact_lead(view), view.language)

    linker.exact_leads_ahead = ahead
    alone = _lead_route_linker()
    same = [alone.prepare(v.id, None, v.text, v.language, None) for v in (source, translation)]
    expected = alone.relations(same[1], [Candidate(same[0], found[0].cosine, False)]).links
    assert linker.relations(translation, found[:1]).links == expected  # the same decision, lead read ahead
    assert asked == ["b"] and translation.exact_sentence_vectors is not None
    assert linker.vectors_admit(source, translation, *vectors) == []  # read now: nothing left to ask


def test_the_cascades_sentences_no_one_asked_for_ahead_are_embedded_elsewhere_when_told() -> None:
    """A pooled link hands the e5-bridged sentences it meets unforeseen to its workers
    (``exact_elsewhere``): the same decision, and this process never loads its own e5."""
    linker = _lead_route_linker()
    source, translation = linker.prepare("a", None, STORY, "en", None), linker.prepare("b", None, STORY, "cs", None)
    assert linker.cascade is not None
    elsewhere, linker.cascade.exact = linker.cascade.exact, None  # what a worker holds; here: none
    embedded: list[tuple[int, str | None]] = []

    def on_a_worker(sentences: list[str], language: str | None) -> np.ndarray:
        embedded.append((len(sentences), language))
        assert elsewhere is not None
        return elsewhere.embed(sentences, language).astype(np.float16).astype(np.float32)

    linker.exact_elsewhere = on_a_worker
    alone = _lead_route_linker()
    same = [alone.prepare(v.id, None, v.text, v.language, None) for v in (source, translation)]
    expected = alone.relations(same[1], [Candidate(same[0], 0.6, False)]).links
    assert linker.relations(translation, [Candidate(source, 0.6, False)]).links == expected
    assert embedded and {language for _, language in embedded} == {"cs"}  # the bridged side only
    assert linker.cascade.exact is None


def test_the_cascades_other_sentences_read_ahead_give_the_same_decision() -> None:
    """The e5 vectors of a bridged article's sentences beyond its lead, embedded elsewhere
    (``exact_rests_ahead``), are taken as the second of the two batches, whatever asked first."""
    long_story = " ".join([STORY, RETOLD, STORY.replace("Tuesday", "Monday")])
    linker = _lead_route_linker()
    source, translation = (linker.prepare(i, None, long_story, lang, None) for i, lang in (("a", "en"), ("b", "cs")))
    lead = linker.exact_lead(translation)
    assert len(lead) < len(linker.split(translation)) == len(lead) + len(linker.exact_rest(translation))
    asked: list[str] = []

    def ahead(batch: str) -> Callable[[LinkArticle], np.ndarray]:
        def read(view: LinkArticle) -> np.ndarray:
            asked.append(f"{batch} {view.id}")
            sentences = linker.exact_lead(view) if batch == "lead" else linker.exact_rest(view)
            return linker.exact_sentence_vectors(sentences, view.language)

        return read

    linker.exact_leads_ahead, linker.exact_rests_ahead = ahead("lead"), ahead("rest")
    alone = _lead_route_linker()
    same = [alone.prepare(v.id, None, v.text, v.language, None) for v in (source, translation)]
    expected = alone.relations(same[1], [Candidate(same[0], 0.6, False)]).links
    assert linker.relations(translation, [Candidate(source, 0.6, False)]).links == expected
    assert asked == ["lead b", "rest b"]
    assert np.array_equal(translation.exact_sentence_vectors, same[1].exact_sentence_vectors)
