"""The tagger's sequences and features: windows around candidates, and the endings of a
capitalised word and the lowercase word after it."""

from __future__ import annotations

from newsweave.analyze.entities.features import WINDOW_RIGHT, FeatureMaker, feature_maker, windows
from newsweave.analyze.entities.text import tokenize


def test_a_window_reaches_three_words_past_a_capitalised_word() -> None:
    words = tokenize("вчера его видели и Световната здравна организация обяви там пандемия сегодня вечером")
    ranges = windows(words, FeatureMaker(places=frozenset(), aliases={}))  # capitals alone
    assert WINDOW_RIGHT == 3
    assert [[t.text for t in words[a:b]] for a, b in ranges] == [["и", "Световната", "здравна", "организация", "обяви"]]


def test_a_lowercase_word_after_a_capitalised_one_gets_both_endings() -> None:
    feats = feature_maker().sentence(["Иск", "отклонил", "Верховный", "суд"], "ru")
    assert {"cl|p2=ый", "cl|s2=уд", "cl|ый|уд"} <= set(feats[3])
    # The sentence's first word is capitalised by its place, not as a name.
    assert not any(f.startswith("cl|") for f in feats[1])


def test_the_ending_features_are_left_out_for_languages_never_seen() -> None:
    feats = feature_maker().sentence(["Иск", "отклонил", "Верховный", "суд"], None, lexical=False)
    assert not any(f.startswith(("cl|", "-1:kw", "1:kw", "w=")) for word in feats for f in word)
