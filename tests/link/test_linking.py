"""End to end: ingest, link, and check relation kinds, evidence and stories."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path

import numpy as np
import pytest

from conftest import BACKENDS, new_database
from newsweave import Newsweave, Settings
from newsweave.analyze.embedding import routed_embedder
from newsweave.errors import ConfigError
from newsweave.link.linker import Linker
from newsweave.link.pair_scorer import PairScorer
from newsweave.records import RelationKind


@pytest.fixture(scope="module", params=BACKENDS)
def seeds_linked(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path
) -> Newsweave:
    if request.param == "sqlite":
        target: str | Path = tmp_path_factory.mktemp("seeds") / "s.sqlite"
    else:
        target = new_database(request.getfixturevalue("pg_server"))
    nw = Newsweave(Settings().with_store(target))
    nw.ingest([str(seeds_dir)])
    nw.link()
    return nw


def by_outlet(nw: Newsweave) -> dict[str | None, str]:
    return {a.outlet: a.id for a in nw.articles()}


def test_seeds_000_and_001_are_versions_with_aligned_sentences(seeds_linked: Newsweave) -> None:
    ids = by_outlet(seeds_linked)
    a, b = ids["Military Review"], ids["Русская весна"]
    (link,) = [x for x in seeds_linked.relations(a) if {x.a, x.b} == {a, b}]
    assert link.kind is RelationKind.VERSION
    e = link.evidence
    assert e.coverage_a is not None and e.coverage_a > 0.8 and e.coverage_b is not None and e.coverage_b > 0.8
    assert len(e.aligned) >= 15 and all(p.similarity >= 0.5 for p in e.aligned)
    assert ("more than 50", "around 50") in e.differing_numbers
    assert "abu kemal" in e.shared_names


def test_seed_002_is_related_and_in_another_story(seeds_linked: Newsweave) -> None:
    ids = by_outlet(seeds_linked)
    french = ids[None]
    kinds = {x.kind for x in seeds_linked.relations(french)}
    assert kinds == {RelationKind.RELATED}
    # Held out by what the texts say, not by where the line sits: the first models put 002 at
    # 0.59-0.67 (v4 at 2/3: 0.66, a hair under), close enough for the second view (e5 on the
    # leads), which reads two events and scores them well under v5's lower line.
    line = PairScorer.load().same_story
    assert line < 0.62 and all((x.evidence.pair_score or 1.0) < line - 0.03 for x in seeds_linked.relations(french))
    stored = seeds_linked.store.get_embedding(french)  # its lead is kept: not embedded again when met again
    assert stored is not None and stored.lead_vector is not None
    assert stored.lead_model == "multilingual-e5-small-first128-int8-content2"
    stories = {aid: s.id for s in seeds_linked.stories() for aid in s.article_ids}
    assert stories[ids["Military Review"]] == stories[ids["Русская весна"]] != stories[french]


def test_without_the_second_view_linking_reads_the_first_models_at_two_thirds(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSWEAVE_SECOND_VIEW", "off")
    settings = Settings(db_path=tmp_path / "s.sqlite")
    assert settings.second_view is False
    with Newsweave(settings) as nw:
        nw.ingest([str(seeds_dir)])
        nw.link()
        french = by_outlet(nw)[None]
        links = nw.relations(french)
        # The first models alone, deciding at 2/3: seed 002 lands right at the line (0.66 with
        # v4, 0.671 with v5's first models on some hosts), which is what the second view settles.
        assert all(0.55 < (x.evidence.pair_score or 0.0) < 0.7 for x in links)
        assert all((x.kind is RelationKind.SAME_STORY) == ((x.evidence.pair_score or 0.0) >= 2 / 3) for x in links)
    monkeypatch.setenv("NEWSWEAVE_SECOND_VIEW", "maybe")
    with pytest.raises(ConfigError, match="on or off"):
        Settings()


def test_why_explains_in_plain_words(seeds_linked: Newsweave) -> None:
    ids = by_outlet(seeds_linked)
    text = seeds_linked.why(ids["Military Review"][:10], ids["Русская весна"][:10])
    assert "is a version of" in text and "'more than 50' vs 'around 50'" in text and "align" in text


def test_an_english_query_finds_the_french_article(seeds_linked: Newsweave) -> None:
    hits = [a.language for a, _ in seeds_linked.search("Saudi recruitment official killed near Deir ez-Zor")]
    assert hits[0] == "fr"


def test_merge_and_split_are_audited_and_validated(seeds_linked: Newsweave) -> None:
    ids = by_outlet(seeds_linked)
    stories = {aid: s.id for s in seeds_linked.stories() for aid in s.article_ids}
    versions, french = stories[ids["Military Review"]], stories[ids[None]]
    merged = seeds_linked.merge_stories(versions, french)
    assert merged.size == 3
    new = seeds_linked.split_story(versions, [ids[None]])
    assert new.article_ids == (ids[None],)
    assert [e["action"] for e in seeds_linked.story_edits()][-2:] == ["merge", "split"]
    with pytest.raises(ConfigError):
        seeds_linked.split_story(versions, [ids["Military Review"], ids["Русская весна"]])


def test_relation_kinds_on_hand_made_cases(store_target: str | Path, data_dir: Path) -> None:
    with Newsweave(Settings().with_store(store_target)) as nw:
        nw.ingest([str(data_dir / "link" / "cases.jsonl")])
        report = nw.link()
        assert report.linked == 6
        title = {a.id: a.title for a in nw.articles()}
        kind = {frozenset((title[x.a][:5], title[x.b][:5])): x.kind for x in nw.relations()}
        assert kind[frozenset(("Dam b", "Staud"))] is RelationKind.VERSION  # a German translation
        # A Czech translation: Czech is outside USE v3's languages, so it links through the bridge.
        # This short one is a version through e5 on whole texts, and only one story on the lead
        # route, whose cascade reads static sentence vectors (docs/languages.md, the lead route).
        czech = kind[frozenset(("Dam b", "V obl"))]
        assert czech in (RelationKind.SAME_STORY, RelationKind.VERSION)
        assert kind[frozenset(("Dam b", "Flood"))] is RelationKind.SAME_STORY  # an independent report
        assert kind[frozenset(("Dam b", "Khers"))] is RelationKind.RELATED  # same place, earlier event
        assert not any("Tokyo" in title[x.a] + title[x.b] for x in nw.relations())
        stories = [sorted(title[i][:5] for i in s.article_ids) for s in nw.stories()]
        assert sorted(["Dam b", "Flood", "Staud", "V obl"]) in stories
        dam = next(s for s in nw.stories() if s.size == 4)
        assert title[dam.origins[0].article_id][:5] == "Dam b"  # the first text, with its German version
        # Its translations found as versions are copies of it, not independent origins.
        copies = ["Staud", "V obl"] if czech is RelationKind.VERSION else ["Staud"]
        assert [title[c][:5] for c in dam.origins[0].copies] == copies
        assert nw.link().linked == 0  # re-running links nothing twice


def test_a_query_in_a_language_outside_use_finds_the_story(store_target: str | Path, data_dir: Path) -> None:
    with Newsweave(Settings().with_store(store_target)) as nw:
        nw.ingest([str(data_dir / "link" / "cases.jsonl")])
        nw.link()
        hits = nw.search("Protržení přehrady na Dněpru zaplavilo vesnice", limit=3)  # Czech, through the bridge
        assert hits[0][0].title.startswith(("Dam bursts", "Staudamm", "V oblasti", "Floodwaters"))
        assert all("Tokyo" not in article.title for article, _ in hits[:2])


def original_and_reprint(tmp_path: Path, data_dir: Path) -> tuple[Path, Path]:
    """A hand-made case's original, and its reprint by another outlet (one JSON line each)."""
    cases = [json.loads(line) for line in (data_dir / "link" / "cases.jsonl").read_text(encoding="utf-8").splitlines()]
    original = next(c for c in cases if c["id"] == "orig")
    reprint = dict(original, outlet="Reprint Daily", text=original["text"] + "\n\nReporting by staff.")
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text(json.dumps(original), encoding="utf-8")
    second.write_text(json.dumps(reprint), encoding="utf-8")
    return first, second


def test_a_reprint_linked_in_a_later_run_is_a_duplicate_of_the_earlier_article(
    tmp_path: Path, data_dir: Path, store_target: str | Path
) -> None:
    first, second = original_and_reprint(tmp_path, data_dir)
    with Newsweave(Settings().with_store(store_target)) as nw:
        nw.ingest([str(first)])
        nw.link()
    with Newsweave(
        Settings().with_store(store_target)
    ) as nw:  # a new process: the duplicate index comes from the store
        nw.ingest([str(second)])
        assert nw.link().links == 1
        (link,) = nw.relations()
        assert link.kind is RelationKind.DUPLICATE and link.evidence.jaccard >= 0.8
        assert len(nw.stories()[0].origins) == 1  # a reprint is no new origin


def test_a_store_keeps_the_route_it_was_linked_with(tmp_path: Path, data_dir: Path, store_target: str | Path) -> None:
    """Vectors of another route are not candidates: a later run through another route would never
    meet the articles linked before it, so the store's route is kept, and another one refused."""
    first, second = original_and_reprint(tmp_path, data_dir)
    with Newsweave(Settings(other_languages="static").with_store(store_target)) as nw:
        nw.ingest([str(first)])
        nw.link()
    with Newsweave(Settings(other_languages="e5").with_store(store_target)) as nw:
        nw.ingest([str(second)])
        with pytest.raises(ConfigError, match="static route") as refused:
            nw.link()
        assert refused.value.item == nw.store.location and "NEWSWEAVE_OTHER_LANGUAGES" in (refused.value.hint or "")
    with Newsweave(Settings(other_languages=None).with_store(store_target)) as nw:  # unset: the store's route
        assert nw.link().links == 1
        (link,) = nw.relations()
        assert link.kind is RelationKind.DUPLICATE
        assert nw.store.linked_models() == {routed_embedder("static").name: 2}


def test_reembed_moves_a_store_to_another_route(tmp_path: Path, data_dir: Path, store_target: str | Path) -> None:
    first, second = original_and_reprint(tmp_path, data_dir)
    with Newsweave(Settings(other_languages="static").with_store(store_target)) as nw:
        nw.ingest([str(first)])
        nw.link()
        with pytest.raises(ConfigError, match="no route"):
            nw.reembed("fast")
        assert nw.reembed("e5") == 1
        assert nw.reembed("e5") == 0  # done: a re-run has nothing left
    with Newsweave(Settings(other_languages="e5").with_store(store_target)) as nw:
        nw.ingest([str(second)])
        assert nw.link().links == 1
        assert nw.store.linked_models() == {routed_embedder("e5").name: 2}
        assert len(nw.stories()) == 1


def test_reembed_relabels_uses_languages_and_embeds_the_others_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every route embeds USE's languages with USE alike: moving routes embeds only the others."""
    from newsweave.link.linker import Linker

    cases = Path(__file__).parents[1] / "data" / "link" / "cases.jsonl"
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite", other_languages="static")) as nw:
        nw.ingest([str(cases)])
        nw.link()
        before = {a.id: (a.language, nw.store.get_embedding(a.id)) for a in nw.articles()}
        assert {language for language, _ in before.values()} >= {"en", "de", "cs"}
        embedded: list[str | None] = []
        prepare = Linker.prepare
        monkeypatch.setattr(Linker, "prepare", lambda self, *a: embedded.append(a[3]) or prepare(self, *a))
        assert nw.reembed("lead") == len(before)
        assert embedded == ["cs"]  # the one routed article; the others relabelled
        for article_id, (language, old) in before.items():
            new = nw.store.get_embedding(article_id)
            assert old is not None and new is not None and new.model == routed_embedder("lead").name
            assert np.array_equal(new.document, old.document) == (language != "cs")  # Czech is routed


def test_why_on_a_pair_never_linked_says_so_and_stores_what_it_embedded(
    store_target: str | Path, data_dir: Path
) -> None:
    with Newsweave(Settings().with_store(store_target)) as nw:
        nw.ingest([str(data_dir / "link" / "cases.jsonl")])  # ingested, not linked
        ids = {a.title[:5]: a.id for a in nw.articles()}
        unrelated = nw.why(ids["Tokyo"], ids["Khers"])  # their score against the line, not just "low"
        score = re.search(
            r"are not related: their learned same-story score is (-?\d\.\d\d), under the related line of (\d\.\d\d)",
            unrelated,
        )
        assert score is not None and float(score.group(1)) < float(score.group(2)) and "whole-text cosine" in unrelated
        assert float(score.group(2)) == round(PairScorer.load().related, 2)
        explained = nw.why(ids["Dam b"], ids["Staud"])  # computed now, from vectors embedded now
        assert "is a version of" in explained
        stored = nw.store.get_embedding(ids["Staud"])
        assert stored is not None and stored.sentence_vectors is not None  # embedded once, kept


def test_a_store_linked_by_an_embedder_this_release_lacks_is_refused_with_the_way_out(tmp_path: Path) -> None:
    from fakes import LineExtractor, text_item
    from newsweave.linking import store_route
    from newsweave.store import open_store
    from newsweave.store.base import StoredEmbedding

    store = open_store(tmp_path / "s.sqlite")
    assert store_route(store, None) == "lead" and store_route(store, "static") == "static"  # not linked yet
    article = LineExtractor().extract(text_item("Title\nBody of the one article."))
    store.add_article(article)
    vector = np.ones(3, dtype=np.float32)
    store.put_embedding(article.id, StoredEmbedding("an-older-bridge-v0", vector, vector))
    store.mark_linked(article.id)
    with pytest.raises(ConfigError, match="an-older-bridge-v0") as refused:
        store_route(store, None)
    assert "newsweave reembed lead" in (refused.value.hint or "")


def _lead_route_linker() -> Linker:
    """A linker on the lead route's shape (stand-in embedders: USE for English only, a bridged
    lead embedder, static sentences), so its cascade checks bridged pairs."""
    from fakes import WordsEmbedder
    from newsweave.analyze.embedding import RoutedEmbedder

    routes = (WordsEmbedder("use", 512, frozenset({"en"})), WordsEmbedder("lead", 384), WordsEmbedder("st", 512))
    return Linker(RoutedEmbedder(*routes), PairScorer.load())


def _recorder(asked: list[tuple[list[str], str | None]]) -> Callable[[list[str], str | None], Future[np.ndarray]]:
    """A stand-in for the workers' e5 (``WorkerPool.exact_sentences``): what it was asked, futures never done."""

    def embed_exact(sentences: list[str], language: str | None) -> Future[np.ndarray]:
        asked.append((sentences, language))
        return Future()

    return embed_exact


def test_the_cascades_leads_are_asked_ahead_once_a_gated_pairs_sentence_vectors_pass() -> None:
    """``ask_exact``: pairs whose sentence vectors are still coming wait; a pair whose vectors
    came and pass the diagonal gets its bridged side's lead asked once; a cancelled set drops it."""
    from newsweave.linking import ask_exact

    linker = _lead_route_linker()
    text = "The dam burst on Tuesday. Water flooded twelve villages. Rescue teams came by boat."
    source, translation, other = (
        linker.prepare(i, None, text, lang, None) for i, lang in (("a", "en"), ("b", "cs"), ("c", "sk"))
    )
    coming: dict[str, Future[np.ndarray]] = {v.id: Future() for v in (source, translation, other)}
    asked: list[tuple[list[str], str | None]] = []
    embed_exact = _recorder(asked)
    exact: dict[str, Future[np.ndarray]] = {}
    gated = [(source, translation), (other, translation)]
    assert ask_exact(linker, gated, coming, exact, embed_exact) == (gated, []) and not asked  # still coming
    coming["c"].cancel()
    for view in (source, translation):
        coming[view.id].set_result(linker.sentence_vectors(linker.split(view), view.language))
    assert ask_exact(linker, gated, coming, exact, embed_exact) == ([], [(source, translation)])  # one dropped
    assert asked == [(linker.exact_lead(translation), "cs")] and list(exact) == ["b"]
    assert ask_exact(linker, [(source, translation)], coming, exact, embed_exact) == ([], [(source, translation)])
    assert len(asked) == 1  # its lead asked once


def test_the_cascades_other_sentences_are_asked_ahead_once_a_pairs_leads_came_and_agree() -> None:
    """``ask_exact_rests``: a pair whose e5 lead is still coming waits; once it came and agrees
    with the other side's, the rest of the bridged side's sentences are asked once; a lead that
    disagrees asks nothing, a cancelled one drops the pair."""
    from fakes import WordsEmbedder
    from newsweave.linking import ask_exact_rests

    linker = _lead_route_linker()
    assert linker.cascade is not None
    linker.cascade.exact = WordsEmbedder("exact", 512)  # the same word vectors as "use": leads agree
    text = " ".join(f"Rescue boat {n} reached the flooded village of {place} on Tuesday." for n, place in enumerate(
        ["Orle", "Brod", "Lipa", "Hora", "Mlyn", "Dvur", "Most", "Luka", "Vrch"]
    ))  # fmt: skip
    source, translation, other = (
        linker.prepare(i, None, t, lang, None)
        for i, t, lang in (("a", text, "en"), ("b", text, "cs"), ("c", "Stock markets fell. " * 9, "sk"))
    )
    coming = {v.id: Future() for v in (source, translation, other)}
    for view in (source, translation, other):
        coming[view.id].set_result(linker.sentence_vectors(linker.split(view), view.language))
    leads: dict[str, Future[np.ndarray]] = {"b": Future(), "c": Future()}
    asked: list[tuple[list[str], str | None]] = []
    embed_exact = _recorder(asked)
    rests: dict[str, Future[np.ndarray]] = {}
    pairs = [(source, translation), (source, other)]
    assert ask_exact_rests(linker, pairs, coming, leads, rests, embed_exact) == pairs and not asked  # coming
    for view in (translation, other):
        leads[view.id].set_result(linker.exact_sentence_vectors(linker.exact_lead(view), view.language))
    assert ask_exact_rests(linker, pairs, coming, leads, rests, embed_exact) == []
    assert asked == [(linker.exact_rest(translation), "cs")] and list(rests) == ["b"]  # the other's lead disagrees
    assert linker.exact_rest(translation) == linker.split(translation)[len(linker.exact_lead(translation)) :]
    leads["b"] = Future()
    leads["b"].cancel()
    assert ask_exact_rests(linker, pairs[:1], coming, leads, {}, embed_exact) == [] and len(asked) == 1  # dropped
