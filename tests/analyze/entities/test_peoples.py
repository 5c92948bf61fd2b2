"""English words for peoples and faiths, nationalities, and organisations' head nouns."""

from __future__ import annotations

import pytest

from newsweave.analyze.entities import EntityRecognizer
from newsweave.analyze.entities.peoples import demonym_of, is_group_word, organisation_head, read_english
from newsweave.records import EntityType

DEMONYMS = {"german": 2921044, "iraqi": 99237}
PLACES = {"germany", "wales"}


@pytest.mark.parametrize("word", ["Islamic", "Muslims", "Arab", "Jews", "Kurds", "Western", "Yiddish", "Christians"])
def test_faiths_peoples_and_languages_are_group_words(word: str) -> None:
    assert is_group_word(word)


@pytest.mark.parametrize("name", ["Christian", "Jordan", "Islamic State", "Arab League", "Germany"])
def test_names_are_no_group_words(name: str) -> None:
    assert not is_group_word(name)


def test_a_demonym_and_its_plural_name_their_country_and_a_place_stays_a_place() -> None:
    assert demonym_of("Germans", DEMONYMS, PLACES) == demonym_of("German", DEMONYMS, PLACES) == 2921044
    assert demonym_of("Iraqi", DEMONYMS, PLACES) == 99237
    assert demonym_of("Wales", {"wale": 1}, PLACES) is None
    assert demonym_of("Germany", DEMONYMS, PLACES) is None


@pytest.mark.parametrize(
    ("name", "head"),
    [("Armed Forces", True), ("Armed Forces of Iraq", True), ("Ministry of Defence", True), ("Emami Ltd", True),
     ("Forces", False), ("Bay of Bengal", False), ("Hamad Forces Street", False)],
)  # fmt: skip
def test_organisation_heads(name: str, head: bool) -> None:
    assert organisation_head(name) is head


def test_read_english_drops_generic_nouns() -> None:
    text = "the City will receive funds, the Government said, and the Senate agreed"
    spans = [
        (4, 8, EntityType.LOCATION, 0.5),
        (33, 43, EntityType.ORGANIZATION, 0.5),
        (58, 64, EntityType.ORGANIZATION, 0.5),
    ]
    assert [text[s:e] for s, e, _, _ in read_english(text, spans, DEMONYMS, PLACES, lambda _: False)] == ["Senate"]


def test_read_english_drops_group_words_and_retypes() -> None:
    text = "Arab news agencies and the Armed Forces said Germans met"
    spans = [(0, 4, EntityType.LOCATION, 0.5), (27, 39, EntityType.PERSON, 0.5), (45, 52, EntityType.ORGANIZATION, 0.5)]
    assert [(text[s:e], t) for s, e, t, _ in read_english(text, spans, DEMONYMS, PLACES, lambda _: False)] == [
        ("Armed Forces", EntityType.ORGANIZATION),
        ("Germans", EntityType.LOCATION),
    ]


@pytest.fixture(scope="module")
def recognizer() -> EntityRecognizer:
    return EntityRecognizer()


def test_english_news_names_no_faith_and_keys_nationalities_as_countries(recognizer: EntityRecognizer) -> None:
    text = (
        "Local people say that several Islamic radicals left the area. Arab information agencies referring "
        "to the command of the Iraqi Armed Forces' joint operations previously reported heavy losses. The "
        "statement noted that five Palestinian detainees died in Israeli prisons."
    )
    found = {m.text: (m.type, m.entity) for m in recognizer.mentions(text, "en")}
    assert "Islamic" not in found and "Arab" not in found
    forces = [etype for name, (etype, _) in found.items() if name.endswith("Armed Forces")]
    assert forces and set(forces) == {EntityType.ORGANIZATION}
    assert found["Israeli"] == (EntityType.LOCATION, "geonames:294640")
    palestine = (EntityType.LOCATION, "geonames:6254930")
    assert found.get("Palestinian", palestine) == palestine  # not a name to the guidelines, so may be left out
