"""What the Russian and Polish dictionaries say a word is: the kinds of name, in every inflected form."""

from __future__ import annotations

import pytest

from newsweave.analyze.entities.morphology import name_kinds


def test_inflected_names_read_as_their_kind() -> None:
    assert "ru:surname" in name_kinds("Собянина")  # genitive
    assert "ru:place" in name_kinds("Пенсильвании")
    assert "ru:org" in name_kinds("Роспотребнадзор")
    assert "pl:surname" in name_kinds("Kaczyńskiego")
    assert "pl:place" in name_kinds("Wuhanu")


def test_a_common_word_reads_with_its_part_of_speech() -> None:
    assert name_kinds("Белого") == ("ru:common:ADJF",)
    assert name_kinds("Sprawiedliwość") == ("pl:common:subst",)


def test_a_word_the_dictionary_lacks_and_other_scripts() -> None:
    assert name_kinds("Raffensperger") == ("pl:unknown",)
    assert name_kinds("Раффенспергер") == ("ru:unknown",)
    assert name_kinds("Ελλάδα") == name_kinds("北京") == name_kinds("2020") == ()


def test_without_morfeusz_latin_words_read_as_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    import newsweave.analyze.entities.morphology as morphology

    monkeypatch.setattr(morphology, "_polish", lambda: None)  # a platform without its wheel
    morphology.name_kinds.cache_clear()
    try:
        assert morphology.name_kinds("Kaczyńskiego") == ()
        assert "ru:surname" in morphology.name_kinds("Собянина")
    finally:
        morphology.name_kinds.cache_clear()
