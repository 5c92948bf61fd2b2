"""The facts tables: an article's facts read back as written, and the views over a story."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from fakes import LineExtractor, text_item
from newsweave.records import (
    Claim,
    ClaimRelation,
    Disagreement,
    Entity,
    EntityType,
    Facts,
    Mention,
    Place,
    Qualifier,
    TimeExpression,
    TimePrecision,
)
from newsweave.store import Store, open_store

SENTENCE = "More than 50 militants were killed near Abu Kamal on the eve."


def stored(store: Store, text: str, outlet: str) -> str:
    article = LineExtractor().extract(text_item(text))
    store.add_article(article)
    return article.id


def facts_of(article_id: str, qualifier: Qualifier, place_text: str) -> Facts:
    return Facts(
        article_id,
        mentions=(
            Mention(0, 2, "IS", EntityType.ORGANIZATION, "alias:islamic-state", "IS", 0.9),
            Mention(40, 49, place_text, EntityType.LOCATION, "geonames:170017"),
        ),
        places=(Place(40, 49, place_text, 170017, "Abu Kamal", "SY", 34.45, 40.92, "P.PPL", 50_000, 0.9),),
        times=(
            TimeExpression(
                50, 60, "on the eve", datetime(2017, 11, 23), TimePrecision.DAY, True, datetime(2017, 11, 24)
            ),
        ),
        claims=(Claim(0, 12, "More than 50", 51, 10**9, qualifier, SENTENCE, 0, "militant", "killed"),),
    )


def test_facts_round_trip_and_views(store_target: str | Path) -> None:
    store = open_store(store_target)
    a = stored(store, "A\nbody a", "x")
    b = stored(store, "B\nbody b", "y")
    with store.transaction():
        store.put_facts(facts_of(a, Qualifier.MORE_THAN, "Abu Kamal"), "v1",
                        entities=[Entity("alias:islamic-state", "Islamic State", EntityType.ORGANIZATION, ("ИГИЛ",))],
                        sentences=[SENTENCE])  # fmt: skip
        store.put_facts(facts_of(b, Qualifier.AROUND, "Abu Kemal"), "v1")
        store.set_story(a, 1)
        store.set_story(b, 1)
    assert store.facts(a) == facts_of(a, Qualifier.MORE_THAN, "Abu Kamal")
    assert store.has_facts(a, "v1") and not store.has_facts(a, "v2")
    assert store.unanalyzed_article_ids("v2") == [a, b]

    by_key = {s.entity.key: s for s in store.entity_summaries(story_id=1)}
    organisation, place = by_key["alias:islamic-state"], by_key["geonames:170017"]
    assert (organisation.entity.name, organisation.articles, organisation.entity.aliases) == (
        "Islamic State", 2, ("ИГИЛ",))  # fmt: skip
    assert place.entity.key == "geonames:170017" and set(place.surfaces) == {"Abu Kamal", "Abu Kemal"}
    (summary,) = store.place_summaries(story_id=1)
    assert (summary.name, summary.articles, summary.lat) == ("Abu Kamal", 2, 34.45)
    assert [e.sentence for e in store.timeline(1)] == [SENTENCE, ""]
    assert [c.article_id for c in store.sourced_claims(story_id=1)] == [a, b]


def test_a_gazetteer_place_is_shown_by_the_spelling_the_texts_write(store_target: str | Path) -> None:
    store = open_store(store_target)
    ids = [stored(store, f"T{n}\nbody {n}", "x") for n in range(3)]
    spellings = ["Abu Kemal", "Abu-Kemal", "Abu Kamal"]
    with store.transaction():
        for article_id, text in zip(ids, spellings, strict=True):
            facts = facts_of(article_id, Qualifier.AROUND, text)
            place = replace(facts.places[0], name="Ālbū Kamāl")
            store.put_facts(replace(facts, places=(place,)), "v1",
                            entities=[Entity("geonames:170017", "Ālbū Kamāl", EntityType.LOCATION,
                                             ("Abu Kamal", "Abu Kemal", "Ālbū Kamāl"))])  # fmt: skip
    # "Abu-Kemal" is "Abu Kemal" spelt with a hyphen: two of three, over GeoNames' own name.
    (summary,) = store.place_summaries()
    assert summary.name == "Abu Kemal" and summary.mentions == 3
    (entity,) = [s.entity for s in store.entity_summaries() if s.entity.key == "geonames:170017"]
    assert entity.name == "Abu Kemal"
    with store.transaction():  # once a text writes GeoNames' own name, it is the name
        facts = facts_of(ids[0], Qualifier.AROUND, "Ālbū Kamāl")
        store.put_facts(replace(facts, places=(replace(facts.places[0], name="Ālbū Kamāl"),)), "v1")
    assert store.place_summaries()[0].name == "Ālbū Kamāl"
    store.close()


def test_a_form_that_is_no_alias_never_names_a_place(store_target: str | Path) -> None:
    store = open_store(store_target)
    article_id = stored(store, "T\nbody", "x")
    facts = facts_of(article_id, Qualifier.AROUND, "Russian")
    with store.transaction():
        store.put_facts(replace(facts, places=(replace(facts.places[0], name="Russia"),)), "v1",
                        entities=[Entity("geonames:170017", "Russia", EntityType.LOCATION, ("Rossiya",))])  # fmt: skip
    assert [p.name for p in store.place_summaries()] == ["Russia"]
    assert [s.entity.name for s in store.entity_summaries(type=EntityType.LOCATION)] == ["Russia"]
    store.close()


def test_disagreements_are_read_back_with_both_claims(store_target: str | Path) -> None:
    store = open_store(store_target)
    a = stored(store, "A\nbody a", "x")
    b = stored(store, "B\nbody b", "y")
    fa, fb = facts_of(a, Qualifier.MORE_THAN, "Abu Kamal"), facts_of(b, Qualifier.AROUND, "Abu Kemal")
    with store.transaction():
        store.put_facts(fa, "v1")
        store.put_facts(fb, "v1")
        store.set_story(a, 1)
        store.set_story(b, 1)
        store.put_disagreements(a, b, [Disagreement(a, b, fa.claims[0], fb.claims[0], ClaimRelation.QUALIFIER, 0.9)])
    (d,) = store.disagreements(story_id=1)
    assert (d.claim_a.qualifier, d.claim_b.qualifier, d.relation) == (
        Qualifier.MORE_THAN, Qualifier.AROUND, ClaimRelation.QUALIFIER)  # fmt: skip
    assert store.disagreements(story_id=1, relations=(ClaimRelation.CONFLICT,)) == []
    with store.transaction():  # a pair compared again replaces what was stored for it
        store.put_disagreements(b, a, [Disagreement(a, b, fa.claims[0], fb.claims[0], ClaimRelation.CONFLICT, 0.9)])
    assert [x.relation for x in store.disagreements()] == [ClaimRelation.CONFLICT]
    with store.transaction():
        store.put_disagreements(a, b, [])
    assert store.disagreements() == []


def test_outlet_pins_are_the_last_articles_pins_oldest_first(store_target: str | Path) -> None:
    store = open_store(store_target)
    ids = []
    for n, (outlet, url) in enumerate([("Echo Press", None), (None, "http://b.example/2"), (None, None), ("A", None)]):
        article = replace(LineExtractor().extract(text_item(f"T{n}\nbody {n}")), outlet=outlet, url=url)
        store.add_article(article)
        ids.append(article.id)
    with store.transaction():
        for article_id in ids:
            store.put_facts(facts_of(article_id, Qualifier.AROUND, "Abu Kamal"), "v1")
    pin = ("Abu Kamal", 170017, "P.PPL")
    # The last three articles' pins; the one with neither outlet nor URL is left out.
    assert store.outlet_pins(3) == [(None, "http://b.example/2", *pin), ("A", None, *pin)]
    assert store.outlet_pins(10)[0] == ("Echo Press", None, *pin)
    store.close()
