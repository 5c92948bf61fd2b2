"""Nationality nouns of languages that capitalise them: "le Saoudien Mohsen Al Najdi"."""

from __future__ import annotations

import pytest

from newsweave.analyze.entities import EntityRecognizer
from newsweave.analyze.entities.nationalities import nationality, read_nationals
from newsweave.analyze.entities.normalizer import Normalizer
from newsweave.records import EntityType

LOC, PER, ORG = EntityType.LOCATION, EntityType.PERSON, EntityType.ORGANIZATION


@pytest.mark.parametrize(
    ("word", "code"),
    [("Saoudien", "SA"), ("Saoudiennes", "SA"), ("Français", "FR"), ("Françaises", "FR"), ("Grecque", "GR"),
     ("Turcs", "TR"), ("Américains", "US"), ("Kényane", "KE"), ("Suisse", "CH")],
)  # fmt: skip
def test_each_gender_and_number_of_a_french_nationality_names_its_country(word: str, code: str) -> None:
    assert nationality(word, "fr") == code


@pytest.mark.parametrize(
    ("word", "language"),
    [("saoudien", "fr"), ("Saoudien", "it"), ("Saoudien", None), ("Russo", "it"), ("Malouin", "fr"), ("Sud", "fr")],
)
def test_no_nationality_in_lower_case_in_other_languages_or_for_a_towns_people(word: str, language: str | None) -> None:
    # The adjective is written in lower case ("le gouvernement saoudien"); Italian's capitalised
    # "Russo" is a surname; "Malouin" is listed for the Falklands but names Saint-Malo's people.
    assert nationality(word, language) is None


def test_a_nationality_opening_a_name_is_cut_from_it_and_read_as_its_country() -> None:
    text = "le Serbe Novak Djokovic, le Suédois Ikea, les Américains, la Suisse Romande et Paul Dupont"
    tagged = [("Serbe Novak Djokovic", LOC), ("Suédois Ikea", ORG), ("Américains", ORG), ("Suisse Romande", LOC),
              ("Paul Dupont", PER)]  # fmt: skip
    spans = [(text.index(name), text.index(name) + len(name), kind, 0.5) for name, kind in tagged]
    known = {"Suisse Romande": LOC}
    read = read_nationals(text, spans, "fr", lambda surface, language: known.get(surface))
    assert [(text[s:e], t) for s, e, t, _ in read] == [
        ("Serbe", LOC), ("Novak Djokovic", PER), ("Suédois", LOC), ("Ikea", ORG), ("Américains", LOC),
        ("Suisse Romande", LOC), ("Paul Dupont", PER),
    ]  # fmt: skip


def test_an_english_member_noun_is_its_country_and_leaves_the_name_it_opens() -> None:
    text = "American Coco Gauff and Briton Emma Raducanu advanced."
    found = {m.text: (m.type, m.entity) for m in EntityRecognizer().mentions(text, "en")}
    britain = Normalizer().canonical_key("British", LOC, "en")
    assert found["Briton"] == (LOC, britain) and found["Emma Raducanu"][0] is PER
    assert Normalizer().canonical_key("Poles", LOC, "en") == Normalizer().canonical_key("Polish", LOC, "en")
    assert nationality("Spaniards", "en") == "ES"
    assert nationality("Dane", "en") is nationality("Finn", "en") is None  # first names too ("Finn Wolfhard")


def test_a_french_nationality_keys_its_country_as_the_english_demonym_does() -> None:
    normalizer = Normalizer()
    assert normalizer.canonical_key("Saoudiennes", LOC, "fr") == normalizer.canonical_key("Saudi", LOC, "en")
    assert normalizer.canonical_key("Américains", LOC, "fr") == normalizer.canonical_key("Americans", LOC, "en")
    assert normalizer.canonical_key("Américains", LOC, "it") != normalizer.canonical_key("Americans", LOC, "en")


def test_the_recogniser_reads_the_seeds_saudi_apart_from_the_man() -> None:
    text = "Le Saoudien Mohsen Al Najdi, un dirigeant de Daech, a été éliminé. Le Français a été arrêté."
    mentions = {(m.text, m.type, m.entity) for m in EntityRecognizer().mentions(text, "fr")}
    saudi, france = Normalizer().canonical_key("Saudi", LOC, "en"), Normalizer().canonical_key("France", LOC, "en")
    assert ("Saoudien", LOC, saudi) in mentions
    assert any(surface == "Mohsen Al Najdi" and kind is PER for surface, kind, _ in mentions)
    assert not any(surface.startswith("Saoudien ") for surface, _, _ in mentions)
    assert all(key == france for surface, _, key in mentions if surface == "Français")


def test_a_surname_that_is_a_nationality_stays_the_persons() -> None:
    text = "Le maire Claude Allemand a parlé hier soir. Allemand a promis une enquête sur le chantier."
    types = {m.text: m.type for m in EntityRecognizer().mentions(text, "fr")}
    assert types["Allemand"] is PER
