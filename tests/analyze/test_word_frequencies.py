import math

import pytest
from wordfreq import get_frequency_dict

from newsweave.analyze import word_frequencies
from newsweave.analyze.word_frequencies import zipf


@pytest.mark.parametrize("language", ["en", "ru", "zh"])
def test_zipf_is_wordfreqs_own_figure(language: str) -> None:
    table = get_frequency_dict(language)
    words = list(table)[::997][:300]  # from the commonest to the rarest bands
    assert words
    for word in words:
        assert zipf(word, language) == math.log10(table[word]) + 9.0, word


def test_unlisted_words_and_languages() -> None:
    assert zipf("qqqzzzxv", "en") == 0.0
    assert zipf("и", "ru-RU") == zipf("и", "ru") > 7  # wordfreq's own match of a language code
    assert zipf("the", "xx") == zipf("the", "en")  # a language wordfreq lacks is read as English


def test_a_trie_is_built_once_per_machine(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsweave.analyze import build_cache

    monkeypatch.setattr(build_cache, "default_cache_dir", lambda: tmp_path)
    word_frequencies.frequency_trie.cache_clear()
    built = []
    real = word_frequencies._build
    monkeypatch.setattr(word_frequencies, "_build", lambda language: built.append(language) or real(language))
    try:
        first = word_frequencies.frequency_trie("sl")
        word_frequencies.frequency_trie.cache_clear()
        again = word_frequencies.frequency_trie("sl")
    finally:
        word_frequencies.frequency_trie.cache_clear()
    assert built == ["sl"]
    assert list(tmp_path.glob("word-frequencies-sl-*.pickle"))
    assert again.get("in") == first.get("in") and first.get("in")


def test_the_languages_read_from_wordfreqs_data_folder_are_its_own() -> None:
    from wordfreq import available_languages

    assert word_frequencies._available() == set(available_languages())


@pytest.mark.parametrize(
    ("text", "language", "read"),
    [
        ("The army took the town of Abu Kemal, officials said.", "en", "army took town Abu Kemal officials ."),
        (
            "Армия заняла город Абу-Кемаль, сообщили в министерстве.",
            "ru",
            "Армия заняла город Абу Кемаль сообщили министерстве .",
        ),
        ("L'armée a pris la ville d'Abou Kamal.", "fr", "armée pris ville Abou Kamal ."),
    ],
)
def test_content_words_leave_the_commonest_words_and_marks_out(text: str, language: str, read: str) -> None:
    assert word_frequencies.content_words(text, language) == read


def test_content_words_keep_a_text_whose_language_is_not_listed() -> None:
    text = "The army took the town."
    assert word_frequencies.content_words(text, None) == text
    assert word_frequencies.content_words(text, "xx") == text  # unlike zipf, no English stand-in


def test_content_words_stop_at_the_limit_and_a_reader_of_that_many_tokens_reads_the_same() -> None:
    from newsweave.analyze.embedding_static import first_tokens

    text = "The army took the town of Abu Kemal. Officials said the militants fled east. " * 40
    whole, limited = word_frequencies.content_words(text, "en"), word_frequencies.content_words(text, "en", limit=16)
    assert limited.split() == whole.split()[:16]
    assert first_tokens([limited], 16) == first_tokens([whole], 16)


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("सभी मनुष्यों को गौरव और अधिकारों के मामले में जन्मजात स्वतन्त्रता प्राप्त है।", "hi", "मनुष्यों"),
        ("ทุกคนมีสิทธิในการดำรงชีวิต เสรีภาพ และความมั่นคงแห่งบุคคล", "th", "เสรีภาพ"),
        ("قال مُحَمَّد إن الجيش دخل المدينة.", "ar", "مُحَمَّد"),
    ],
)
def test_content_words_keep_a_words_combining_marks(text: str, language: str, kept: str) -> None:
    """Vowel signs, viramas and harakat belong to their word: none is cut off as punctuation."""
    read = word_frequencies.content_words(text, language)
    assert kept in read.split()
    assert all(word in text for word in read.split())
