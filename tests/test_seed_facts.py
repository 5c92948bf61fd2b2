"""The facts issue's seed cases, end to end: ingest and link the seeds, then read what they say."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsweave import Newsweave, Settings
from newsweave.cli import app
from newsweave.records import ClaimRelation, EntityType


@pytest.fixture(scope="module")
def seeds(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Newsweave:
    nw = Newsweave(Settings(db_path=tmp_path_factory.mktemp("facts") / "s.sqlite"))
    nw.ingest([str(seeds_dir)])
    nw.link()
    return nw


runner = CliRunner()


def ids(nw: Newsweave) -> dict[str | None, str]:
    return {a.outlet: a.id for a in nw.articles()}


def test_is_ig_igilovtsy_and_daech_are_one_organisation(seeds: Newsweave) -> None:
    forms = {"IS", "IG", "Daech"}
    keys = {}
    for summary in seeds.entities(type=EntityType.ORGANIZATION, limit=None):
        for surface in summary.surfaces:
            if surface in forms or surface.lower().startswith("igilovts"):
                keys[surface] = summary.entity.key
    assert {"IS", "IG", "Daech"} <= set(keys), keys
    assert any(s.lower().startswith("igilovts") for s in keys), keys
    assert len(set(keys.values())) == 1, keys
    (organisation,) = [s for s in seeds.entities(limit=None) if s.entity.key == next(iter(keys.values()))]
    assert organisation.articles == 3 and set(organisation.languages) == {"en", "fr"}


def test_abu_kemal_and_abu_kamal_are_one_place_on_the_map(seeds: Newsweave) -> None:
    story_places = seeds.places(article=ids(seeds)["Military Review"], resolved_only=True, limit=None)
    (town,) = [p for p in story_places if {"Abu Kemal", "Abu Kamal"} & set(p.surfaces)]
    assert {"Abu Kemal", "Abu Kamal"} <= set(town.surfaces) or town.mentions >= 2
    assert town.country == "SY" and town.lat is not None and town.lon is not None
    assert abs(town.lat - 34.45) < 0.1 and abs(town.lon - 40.92) < 0.1


def test_deir_ez_zor_in_the_french_report_is_the_syrian_city(seeds: Newsweave) -> None:
    french = ids(seeds)[None]
    (city,) = [p for p in seeds.places(article=french, limit=None) if "Deir ez-Zor" in p.surfaces]
    assert city.country == "SY" and city.feature is not None and city.feature.startswith("P.")
    assert city.lat is not None and abs(city.lat - 35.33) < 0.1
    # "l'agence Sana" is the Syrian news agency, not the Yemeni capital it is spelt like.
    assert not [p for p in seeds.places(article=french, resolved_only=True, limit=None) if "Sana" in p.surfaces]
    agencies = seeds.entities(type=EntityType.ORGANIZATION, limit=None)
    assert any("Sana" in summary.surfaces for summary in agencies)


def test_the_french_reports_saudi_is_his_country_and_the_man_is_named_in_full(seeds: Newsweave) -> None:
    french = ids(seeds)[None]
    (saudi,) = [p for p in seeds.places(article=french, limit=None) if "Saoudien" in p.surfaces]
    assert saudi.country == "SA" and saudi.feature == "A.PCLI"
    people = {s for summary in seeds.entities(type=EntityType.PERSON, limit=None) for s in summary.surfaces}
    assert "Mohsen Al Najdi" in people and not any(s.startswith("Saoudien") for s in people)


def test_the_two_translations_differ_in_a_qualifier_and_never_conflict(seeds: Newsweave) -> None:
    story = next(s for s in seeds.stories() if ids(seeds)["Military Review"] in s.article_ids)
    found = seeds.disagreements(story.id)
    pairs = {(d.claim_a.text, d.claim_b.text, d.relation) for d in found}
    assert any(
        {a.split()[0], b.split()[0]} == {"more", "around"} and rel is ClaimRelation.QUALIFIER for a, b, rel in pairs
    ), pairs
    assert all(d.relation is not ClaimRelation.CONFLICT for d in found), pairs
    assert all(d.outlets[0] and d.outlets[1] for d in found)


def test_on_the_eve_is_resolved_against_the_publication_date(seeds: Newsweave) -> None:
    story = next(s for s in seeds.stories() if ids(seeds)["Military Review"] in s.article_ids)
    events = {(e.text.lower(), e.value.date().isoformat()) for e in seeds.timeline(story.id)}
    assert ("on the eve", "2017-11-23") in events, events


def test_show_and_story_carry_the_facts(seeds: Newsweave) -> None:
    facts = seeds.facts(ids(seeds)["Русская весна"])
    assert facts.mentions and facts.places and facts.claims
    body = [m for m in facts.mentions if not m.in_title]
    assert body and all(x.start <= y.start for x, y in itertools.pairwise(body))
    assert any(m.in_title and m.text == "IG" for m in facts.mentions)  # headline names are read too

    db = seeds.settings.db_path
    shown = json.loads(runner.invoke(app, ["--db", str(db), "show", ids(seeds)["Русская весна"][:10], "--json"]).output)
    assert {m["text"] for m in shown["facts"]["mentions"]} >= {"IG", "Abu Kamal"}
    story = next(s for s in seeds.stories() if ids(seeds)["Military Review"] in s.article_ids)
    result = runner.invoke(app, ["--db", str(db), "story", str(story.id), "--json"])
    data = json.loads(result.output)
    assert data["disagreements"] and data["entities"] and data["places"] and data["timeline"]
    result = runner.invoke(app, ["--db", str(db), "disagreements", str(story.id)])
    assert result.exit_code == 0 and "qualifier" in result.output and "Military Review" in result.output


def test_why_says_what_sets_the_french_report_apart(seeds: Newsweave) -> None:
    outlets = ids(seeds)
    apart = seeds.why(outlets["Military Review"], outlets[None])
    assert "Both name: Islamic State" in apart
    # GeoNames calls the town "Ālbū Kamāl"; it is shown as A writes it.
    assert "A is mostly about Abu Kemal (SY), B about Deir ez-Zor (SY)" in apart and "km apart" in apart
    versions = seeds.why(outlets["Military Review"], outlets["Русская весна"])
    assert "Both are mostly about Abu Kemal (SY)." in versions
