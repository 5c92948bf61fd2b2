"""simplemma's dictionaries as tries kept in the cache: the same answers, built once per machine."""

from __future__ import annotations

from pathlib import Path

import pytest
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

from newsweave.analyze.entities import lemmas

# Slovene: the smallest of the dictionaries newsweave reads most, so the build stays quick.
WORDS = ("predsednik", "predsednika", "Ljubljani", "vlada", "volitve", "ZDA", "nobenabeseda")


@pytest.fixture
def factory(tmp_path: Path) -> object:
    return lemmas._trie_factory()(disk_cache_dir=str(tmp_path))


def test_tries_answer_as_simplemmas_own_dictionaries(factory: object) -> None:
    tries = factory.get_dictionary("sl")  # type: ignore[attr-defined]
    plain = DefaultDictionaryFactory().get_dictionary("sl")
    assert [tries.get(w) for w in WORDS] == [plain.get(w) for w in WORDS]
    assert tries.get("predsednika") == "predsednik" and tries.get("nobenabeseda") is None


def test_a_trie_is_built_once_then_read_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = lemmas._trie_factory()(disk_cache_dir=str(tmp_path))
    first.get_dictionary("sl")
    assert [p.name for p in tmp_path.iterdir()] == ["sl.dic"]  # written whole: no part file left

    def no_build(self: object, lang: str) -> None:
        raise AssertionError(f"rebuilt {lang}")

    later = lemmas._trie_factory()
    monkeypatch.setattr(later, "_build_trie", no_build)
    assert later(disk_cache_dir=str(tmp_path)).get_dictionary("sl").get("predsednika") == "predsednik"


def test_the_shared_dictionaries_live_in_newsweaves_cache() -> None:
    folder = lemmas._tries_folder()
    assert folder.parent.name == "simplemma-tries" and folder.parent.parent.name == "newsweave"
