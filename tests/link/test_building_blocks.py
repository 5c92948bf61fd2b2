from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from newsweave.analyze.sentences import split_sentences
from newsweave.link.alignment import align, summarise
from newsweave.link.ann import VectorIndex
from newsweave.link.duplicates import DuplicateIndex, jaccard, signature
from newsweave.link.evidence import claims, differing_claims, shared_names
from newsweave.link.pair_scorer import SAME_STORY_SCORE, UNCERTAIN, PairScorer, model_data, to_unit
from newsweave.link.relations import RelationThresholds, decide
from newsweave.link.stories import StoryClusterer
from newsweave.records import RelationKind

TEXT = (
    "The army encircled the remaining fighters near the village of Mezile on Friday. "
    "According to preliminary data, no more than 150 to 200 fighters are trapped. "
    "Their attempts to break out at night have failed, officials said."
)


def test_a_reformatted_copy_is_a_duplicate_and_another_text_is_not() -> None:
    copy = TEXT.replace("Friday.", "Friday .").replace("officials", "“officials”").upper()
    index = DuplicateIndex.build([("orig", signature(TEXT))])
    assert jaccard(signature(TEXT), signature(copy)) > 0.8 and index.query(signature(copy)) == ["orig"]
    other = "Stock markets fell sharply in Tokyo on Monday as investors sold technology shares."
    assert index.query(signature(other)) == []
    with pytest.raises(ValueError, match="threshold"):
        DuplicateIndex(threshold=0)


def unit(rng: np.random.Generator, n: int, dim: int = 16) -> np.ndarray:
    v = rng.normal(size=(n, dim))
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_alignment_keeps_order_skips_a_dropped_sentence_and_merges_a_split_one() -> None:
    rng = np.random.default_rng(0)
    meaning = unit(rng, 5)
    a_vectors = meaning  # A: sentences 0..4
    halves = unit(rng, 2) * 0.2 + meaning[3]  # B splits A's sentence 3 in two
    b_vectors = np.vstack([meaning[0], meaning[1], halves / np.linalg.norm(halves, axis=1, keepdims=True), meaning[4]])
    a = [f"a{i}" for i in range(5)]
    b = ["b0", "b1", "b3a", "b3b", "b4"]  # A's sentence 2 was dropped
    pairs = align(a, b, a_vectors, b_vectors)
    assert [(p.a_index, p.b_index) for p in pairs] == [(0, 0), (1, 1), (3, 2), (4, 4)]
    assert pairs[2].b_text == "b3a b3b"
    summary = summarise(pairs, a, b)
    assert summary.coverage_b == 1.0 and summary.coverage_a == pytest.approx(0.8)


def test_a_merge_never_displaces_sentences_that_each_have_their_translation() -> None:
    # Four sentences on one topic, each with its own translation: a merged pair's vector lies
    # nearer the topic, so it resembles a neighbour's translation more than either sentence does.
    rng = np.random.default_rng(1)
    topic, own = unit(rng, 1, 32)[0], unit(rng, 4, 32)
    a_vectors = (topic + own) / np.linalg.norm(topic + own, axis=1, keepdims=True)
    b_raw = topic + 0.6 * own + 0.9 * unit(rng, 4, 32)
    b_vectors = b_raw / np.linalg.norm(b_raw, axis=1, keepdims=True)
    a, b = [f"a{i}" for i in range(4)], [f"b{i}" for i in range(4)]
    pairs = align(a, b, a_vectors, b_vectors, min_similarity=0.4)
    assert [(p.a_text, p.b_text) for p in pairs] == [("a0", "b0"), ("a1", "b1"), ("a2", "b2"), ("a3", "b3")]
    rewarded = align(a, b, a_vectors, b_vectors, min_similarity=0.4, merge_weight=1.5)  # the old bonus
    assert ("a2 a3", "b3") in [(p.a_text, p.b_text) for p in rewarded]


def test_names_meet_across_spellings_and_numbers_disagree_by_qualifier() -> None:
    assert "abu kemal" in shared_names("Fighters fled from Abu Kemal.", "The town of Abu-Kamal fell.")
    assert differing_claims("destroyed more than 50 terrorists", "killed around 50 terrorists") == [
        ("more than 50", "around 50")
    ]
    assert differing_claims("150-200 militants", "150–200 militants") == []
    assert [c.kind for c in claims("plus de 40 morts, около 50 раненых, in 2017")] == ["lower", "approx"]
    # A hedge in another language is the same claim, not a disagreement; a word ending in a hedge is no hedge.
    assert differing_claims("about 16,000 people", "asi 16 000 lidí") == []
    assert [c.kind for c in claims("ponad 50 osób, meer dan 50, mais de 50, понад 50")] == ["lower"] * 4
    assert claims("moreover 5 people")[0].kind == "exact"


def test_relation_kinds_follow_the_evidence() -> None:
    from newsweave.link.alignment import AlignmentSummary

    t = RelationThresholds()
    aligned = AlignmentSummary(0.9, 0.8, 0.85, 10)
    weak = AlignmentSummary(0.1, 0.1, 0.6, 1)
    assert decide(jaccard=0.9, pair_score=0.9, alignment=aligned, thresholds=t)[0] is RelationKind.DUPLICATE
    assert decide(jaccard=0.1, pair_score=0.9, alignment=aligned, thresholds=t)[0] is RelationKind.VERSION
    assert decide(jaccard=0.1, pair_score=0.8, alignment=weak, thresholds=t)[0] is RelationKind.SAME_STORY
    assert decide(jaccard=0.1, pair_score=0.5, alignment=weak, thresholds=t)[0] is RelationKind.RELATED
    assert decide(jaccard=0.1, pair_score=0.1, alignment=weak, thresholds=t)[0] is None


def test_stories_respect_time_windows_and_user_splits() -> None:
    day = datetime(2017, 11, 24)
    c = StoryClusterer(window=timedelta(days=7))
    first = c.assign("a", day, [])
    assert c.assign("b", day + timedelta(days=2), [("a", 0.9)]) == first
    assert c.assign("c", day + timedelta(days=30), [("b", 0.95)]) != first  # the story went cold
    new = c.split(first, ["b"])
    assert c.story_of["b"] == new and c.stories[first].members == ["a"]
    c.cannot_join["d"] = {first}
    assert c.assign("d", day, [("a", 0.99)]) != first


def test_the_ann_index_agrees_with_exact_search() -> None:
    rng = np.random.default_rng(1)
    vectors = unit(rng, 2500, dim=32)
    index = VectorIndex(32)
    for key, v in enumerate(vectors):
        index.add(key, v)
    query = vectors[17]
    exact = set(np.argsort(-(vectors @ query))[:5].tolist())
    assert len(exact & {key for key, _ in index.search(query, 5)}) >= 4 and index.search(query, 1)[0][0] == 17


def test_the_exported_trees_predict_as_sklearn_does_each_model_on_its_rows() -> None:
    from sklearn.ensemble import HistGradientBoostingRegressor

    from newsweave.link.pair_features import (
        CROSS_LINGUAL_SENTENCE_FLOOR,
        DOCUMENT_FEATURES,
        FEATURE_NAMES,
        SENTENCE_FLOOR,
    )

    rng = np.random.default_rng(2)
    x = rng.normal(size=(300, len(FEATURE_NAMES)))
    x[:, 0] = rng.uniform(0, 1, size=300)  # the cosine decides which model scores a row
    y = x[:, 0] * 2 - x[:, 3] + x[:, 8] + rng.normal(scale=0.1, size=300)
    short = len(DOCUMENT_FEATURES)
    document = HistGradientBoostingRegressor(max_iter=20, max_depth=3, random_state=0).fit(x[:, :short], y)
    full = HistGradientBoostingRegressor(max_iter=20, max_depth=3, random_state=1).fit(x, y)
    scorer = PairScorer(model_data(document, full, version="t"))
    by_document = document.predict(x[:, :short])
    close_call = np.abs(to_unit(by_document) - SAME_STORY_SCORE) < UNCERTAIN
    floor = np.where(x[:, DOCUMENT_FEATURES.index("cross_lingual")] > 0, CROSS_LINGUAL_SENTENCE_FLOOR, SENTENCE_FLOOR)
    close = (x[:, 0] >= floor) | close_call
    expected = np.where(close, full.predict(x), by_document)
    assert 0 < close.sum() < len(x)
    assert np.allclose(scorer.predict_raw(x), expected)
    assert np.allclose(scorer.predict_raw(x[:, :short]), document.predict(x[:, :short]))

    # The second view: a third model over every feature and the lead cosine, read only for rows
    # whose first score is within the band of the line, with the sentence features it would not
    # have read blanked.
    lead = rng.uniform(0, 1, size=300)
    rows = np.column_stack([x, lead])
    second = HistGradientBoostingRegressor(max_iter=20, max_depth=3, random_state=2).fit(rows, y + lead)
    viewed = PairScorer(model_data(document, full, version="t", second=second, second_view_band=0.2))
    near = np.abs(to_unit(expected) - SAME_STORY_SCORE) < 0.2
    blanked = rows.copy()
    blanked[~close, short : len(FEATURE_NAMES)] = np.nan
    assert 0 < near.sum() < len(x)
    assert np.allclose(viewed.predict_raw(rows), np.where(near, second.predict(blanked), expected))
    assert viewed.needs_second_view(x).tolist() == near.tolist()
    assert np.allclose(viewed.predict_raw(x), expected)  # rows without the lead cosine: the first score
    unread = rows.copy()
    unread[~close, short : len(FEATURE_NAMES)] = np.nan  # as linking leaves them: the same scores
    assert np.allclose(viewed.predict_raw(unread), viewed.predict_raw(rows))
    # One row at a time, as linking asks (a model remembers rows it walked): the same scores, twice.
    for _ in range(2):
        one_by_one = [viewed.predict_raw(row[None, :])[0] for row in rows[:50]]
        assert np.allclose(one_by_one, viewed.predict_raw(rows)[:50])


def test_the_shipped_scorer_loads_and_maps_ratings_to_unit_scores() -> None:
    scorer = PairScorer.load()
    assert scorer.version == "v9" and scorer.cv["overall"] > scorer.cv["baseline_cosine"]
    assert 0 < scorer.related < scorer.same_story < 1  # lines chosen on held-back folds
    assert (scorer.without_second_view().same_story, scorer.without_second_view().related) == (2 / 3, 1 / 3)
    assert to_unit(np.array([-1.0, -4.0, -2.0])).tolist() == [1.0, 0.0, pytest.approx(2 / 3)]


def test_sentences_split_in_many_scripts() -> None:
    expected = ["Он приехал утром.", "Потом ушёл к А. Петрову.", "Dr. Who?", "Yes."]
    assert split_sentences("Он приехал утром. Потом ушёл к А. Петрову. Dr. Who? Yes.") == expected


def test_a_saved_vector_graph_is_reused_and_a_stale_one_rebuilt(tmp_path: Path) -> None:
    from newsweave.link.ann import VectorIndex

    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(2300, 16)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    path = tmp_path / "vectors.usearch"
    sizes = {"exact_below": 1000, "checkpoint_every": 1000}
    assert VectorIndex.from_vectors(vectors[:2000], **sizes).save(path)
    grown = VectorIndex.from_vectors(vectors, path, **sizes)  # the saved checkpoint, then the 300 new ones
    assert len(grown) == len(vectors)
    assert grown.search(vectors[-1], 1)[0][0] == len(vectors) - 1
    assert grown.search(vectors[5], 1)[0][0] == 5
    other = VectorIndex.from_vectors(vectors[::-1].copy(), path, **sizes)  # not what was saved: rebuilt
    assert other.search(vectors[0], 1)[0][0] == len(vectors) - 1
    assert not VectorIndex.from_vectors(vectors[:10]).save(tmp_path / "small")  # exact: nothing to save


def test_fact_features_say_which_event_and_are_missing_without_facts() -> None:
    from newsweave.link.pair_features import fact_features
    from newsweave.records import EntityType, Facts, Mention, Place, TimeExpression, TimePrecision

    def facts(key: str, lat: float, lon: float, day: int) -> Facts:
        return Facts(
            "x",
            mentions=(Mention(0, 9, "Abu Kamal", EntityType.LOCATION, key),),
            places=(Place(0, 9, "Abu Kamal", 1, "Abu Kamal", "SY", lat, lon),),
            times=(TimeExpression(10, 15, "today", datetime(2017, 11, day), TimePrecision.DAY),),
        )

    same = fact_features(facts("geonames:1", 34.45, 40.92, 20), facts("geonames:1", 34.45, 40.92, 21))
    other = fact_features(facts("geonames:1", 34.45, 40.92, 20), facts("geonames:2", 34.55, 38.27, 2))
    assert same[0] == 1.0 and same[1] == 0.0 and same[2] == pytest.approx(np.log1p(1))
    assert other[0] == 0.0 and other[1] > np.log1p(200) and other[2] == pytest.approx(np.log1p(18))
    assert all(np.isnan(v) for v in fact_features(None, facts("geonames:1", 0, 0, 1)))


def test_the_focus_place_is_the_most_named_town_not_a_country_or_a_passing_mention() -> None:
    from newsweave.link.pair_features import FACT_FEATURES, fact_features, focus_place
    from newsweave.records import EntityType, Facts, Mention, Place

    towns = {"Abu Kamal": (1, 34.45, 40.92, "P.PPL"), "Deir ez-Zor": (2, 35.34, 40.14, "P.PPL"),
             "Palmyra": (3, 34.56, 38.28, "P.PPL"), "Syria": (4, 35.0, 38.0, "A.PCLI")}  # fmt: skip

    def facts(*names: str, title: str | None = None) -> Facts:
        mentions, places = [], []
        for i, name in enumerate(names):
            key, lat, lon, feature = towns[name]
            start = 20 * i
            mentions.append(Mention(start, start + len(name), name, EntityType.LOCATION, f"geonames:{key}"))
            places.append(Place(start, start + len(name), name, key, name, "SY", lat, lon, feature))
        if title:
            mentions.insert(0, Mention(0, len(title), title, EntityType.LOCATION, f"geonames:{towns[title][0]}",
                                       in_title=True))  # fmt: skip
        return Facts("x", tuple(mentions), tuple(places))

    def focus(f: Facts) -> str | None:
        place = focus_place(f)
        return place.name if place else None

    first = facts("Syria", "Syria", "Syria", "Abu Kamal", "Abu Kamal", "Deir ez-Zor")
    later = facts("Syria", "Palmyra", "Palmyra", "Palmyra", "Deir ez-Zor", "Deir ez-Zor")
    assert focus(first) == "Abu Kamal"  # the country is named most, but is no focus
    assert focus(later) == "Palmyra"
    headlined = facts("Palmyra", "Palmyra", "Deir ez-Zor", title="Deir ez-Zor")  # a headline counts twice
    assert focus(headlined) == "Deir ez-Zor"
    assert focus(facts("Syria")) is None
    row = dict(zip(FACT_FEATURES, fact_features(first, later), strict=True))
    assert row["place_distance"] == 0.0  # both name Deir ez-Zor: the nearest places coincide ...
    assert row["focus_distance"] > np.log1p(200)  # ... but they centre on towns 240 km apart
    # Counted by how often each is named, they share less than their sets of names do (5/14 vs 2/4).
    assert row["entities_cosine"] == pytest.approx(5 / 14) and row["entities_jaccard"] == 0.5
    same = dict(zip(FACT_FEATURES, fact_features(first, first), strict=True))
    assert same["focus_distance"] == 0.0 and same["entities_cosine"] == pytest.approx(1.0)


def test_margin_tells_a_translation_from_sentences_that_all_look_alike() -> None:
    from newsweave.link.alignment import margin

    rng = np.random.default_rng(1)
    topic = rng.normal(size=32)
    own = rng.normal(size=(6, 32))
    a = own + 0.3 * rng.normal(size=(6, 32))
    a /= np.linalg.norm(a, axis=1, keepdims=True)
    b = own + 0.3 * rng.normal(size=(6, 32))
    b /= np.linalg.norm(b, axis=1, keepdims=True)
    same = [topic + 0.2 * rng.normal(size=32) for _ in range(12)]
    c, d = np.array(same[:6]), np.array(same[6:])
    c /= np.linalg.norm(c, axis=1, keepdims=True)
    d /= np.linalg.norm(d, axis=1, keepdims=True)
    sentences = [f"sentence {i}" for i in range(6)]
    translation = align(sentences, sentences, a, b, min_similarity=0.3)
    look_alike = align(sentences, sentences, c, d, min_similarity=0.3)
    assert len(translation) == 6 and len(look_alike) >= 4
    assert margin(translation, a, b) > 1.5 > 1.1 > margin(look_alike, c, d)


def test_a_hedge_abbreviated_before_a_number_ends_no_sentence() -> None:
    assert split_sentences("Zginęło ok. 50 osób. Rannych jest ok. Trzy karetki przyjechały.") == [
        "Zginęło ok. 50 osób.",
        "Rannych jest ok.",
        "Trzy karetki przyjechały.",
    ]
