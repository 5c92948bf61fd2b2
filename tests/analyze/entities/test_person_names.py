"""English full names from the US Census lists."""

from __future__ import annotations

import pytest

from newsweave.analyze.entities import EntityRecognizer
from newsweave.analyze.entities.person_names import first_names, looks_like_full_name, surnames
from newsweave.records import EntityType


def test_the_census_lists_are_read_with_their_ranks() -> None:
    assert {"james", "mary", "elizabeth"} <= first_names()
    assert surnames()["smith"] == 1 and len(surnames()) > 80_000


@pytest.mark.parametrize(
    ("name", "person"),
    [("Elizabeth Fairfield", True), ("Sterling Brown", True), ("Judith Kerr", True), ("Rey Del Rio", True),
     ("Michael J. Fox", True), ("Rose Bowl", False), ("St. Louis Blues", False), ("Dallas Stars", False),
     ("Georgia House Bill", False), ("Fairfield", False), ("JOHN SMITH", False)],
)  # fmt: skip
def test_a_first_name_and_a_surname_look_like_a_full_name(name: str, person: bool) -> None:
    assert looks_like_full_name(name) is person


def test_a_full_name_read_as_a_place_is_a_person_and_places_stay_places() -> None:
    recognizer = EntityRecognizer()
    text = "A new plea deal is being discussed for Elizabeth Fairfield, a Lebanon woman. Protests spread in Hong Kong."
    found = {m.text: m.type for m in recognizer.mentions(text, "en")}
    assert found.get("Elizabeth Fairfield") is EntityType.PERSON
    assert found.get("Hong Kong") is EntityType.LOCATION
