"""The tagger's sequences and features: windows around candidates, and the endings of a
capitalised word and the lowercase word after it."""

from __future__ import annotations

from newsweave.analyze.entities.features import WINDOW_RIGHT, FeatureMaker, feature_maker, windows
from newsweave.analyze.entities.text import tokenize
from newsweave.analyze.entities.word_clusters import word_clusters


def test_a_window_reaches_three_words_past_a_capitalised_word() -> None:
    words = tokenize("вчера его видели и Световната здравна организация обяви там пандемия сегодня вечером")
    ranges = windows(
        words, FeatureMaker(places=frozenset(), aliases={}, classes=lambda words: dict.fromkeys(words, 0))
    )  # capitals alone
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


def test_word_classes_are_read_for_the_word_and_its_neighbours_in_unseen_languages_too() -> None:
    classes = word_clusters().classes(["Mayor", "of", "Boston"])
    feats = feature_maker().sentence(["Mayor", "of", "Boston"], None, lexical=False)
    assert f"c0={classes['Boston']}" in feats[2] and f"-1:c0={classes['of']}" in feats[2]
    assert f"1:c0={classes['Boston']}" in feats[1]
    assert not any(f.startswith("w=") for f in feats[2])


def test_dictionary_kinds_are_read_in_trained_languages_only() -> None:
    words = ["Заявил", "Собянин", "вчера"]
    feats = feature_maker().sentence(words, "ru")
    assert "m=ru:surname" in feats[1] and "-1:m=ru:surname" in feats[2] and "1:m=ru:surname" in feats[0]
    unseen = feature_maker().sentence(words, None, lexical=False)
    assert not any("m=" in f for word in unseen for f in word)


def test_unseen_language_features_are_the_full_set_without_the_lexical_ones() -> None:
    from newsweave.analyze.entities.features import _LEXICAL

    maker = feature_maker()
    words = ["Заявил", "Собянин", ",", "что", "Верховный", "суд", "Москвы", "отклонил", "иск", "Boston", "."]
    for language in ("ru", None):
        full = maker._sentence(words, language, True, frozenset({"суд"}))
        built = maker.sentence(words, language, lexical=False, lowercase=frozenset({"суд"}))
        assert built == [[f for f in feats if not f.startswith(_LEXICAL)] for feats in full]


def test_english_words_are_read_but_never_looked_up_in_a_slavic_dictionary() -> None:
    # English is a trained language (its words are features), but the Polish dictionary would
    # read its Latin-script words as Polish ones.
    words = ["Senator", "Kaczyński", "said"]
    english = feature_maker().sentence(words, "en")
    polish = feature_maker().sentence(words, "pl")
    assert any(f.startswith("w=") for f in english[1])
    assert not any("m=" in f for word in english for f in word)
    assert any("m=pl:" in f for word in polish for f in word)
