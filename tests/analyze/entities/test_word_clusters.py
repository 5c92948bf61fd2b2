"""Word classes from e5's token table: shared across languages and scripts, computed in batches."""

from __future__ import annotations

from newsweave.analyze.embedding_static import e5_tokenizer
from newsweave.analyze.entities.word_clusters import _token_ids, word_clusters


def test_a_word_and_its_translation_share_a_class() -> None:
    classes = word_clusters().classes(["Biden", "Байден", "police", "полиция", "Monday", "понедельник", "Boston"])
    assert classes["Biden"] == classes["Байден"] and classes["police"] == classes["полиция"]
    assert classes["Monday"] == classes["понедельник"] != classes["Boston"]


def test_a_class_does_not_depend_on_the_other_words_asked_about() -> None:
    alone = word_clusters().classes(["Raffensperger"])
    assert word_clusters().classes(["Raffensperger", "Georgia", "и"])["Raffensperger"] == alone["Raffensperger"]


def test_words_tokenised_together_get_the_pieces_they_get_alone() -> None:
    words = ["Raffensperger", "Світова", "організація", "охорони", "здоров'я", "COVID-19", "a\u00a0b", "x"]
    alone = [e5_tokenizer().encode(word, add_special_tokens=False).ids for word in words]
    assert _token_ids(words) == alone  # the no-break space splits a word: each is then tokenised alone
    assert _token_ids(words[:6]) == alone[:6]


def test_a_word_without_pieces_gets_the_unknown_words_class() -> None:
    classes = word_clusters().classes(["", " ", "\ufeff"])
    assert classes[""] == classes[" "] == classes["\ufeff"]  # no pieces, "▁" alone, "▁" + <unk>: all unknown
