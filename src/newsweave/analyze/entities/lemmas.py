"""Lemmas of names with simplemma (54 languages, dictionary-based and fast)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.analyze.entities.text import tokenize

_UNSUPPORTED: set[str] = set()
# simplemma keeps 8 languages' dictionaries by default: a multilingual stream would reload them
# over and over.
_DICTIONARIES_KEPT = 64


@lru_cache(maxsize=1)
def _dictionaries() -> Any:
    """simplemma's dictionaries as MARISA tries (its ``TrieDictionaryFactory``), kept built in the
    user cache directory.

    Its default dictionaries are Python dicts decoded from the package's compressed files in every
    process that reads a language: 3 s and some hundreds of MB for Polish (3.7 million forms), 1 s
    for Russian, paid again by each ingest worker. A trie built once per machine opens in a
    millisecond and takes a fraction of the memory; a lookup costs about 1.7 µs instead of 0.9
    (``lemma_word`` and the lookups are memoised besides)."""
    return _trie_factory()(cache_max_size=_DICTIONARIES_KEPT, disk_cache_dir=str(_tries_folder()))


def _tries_folder() -> Path:
    from importlib import metadata

    from newsweave.analyze.build_cache import default_cache_dir

    return default_cache_dir() / "simplemma-tries" / metadata.version("simplemma")


def _trie_factory() -> type:
    from simplemma.strategies.dictionaries import TrieDictionaryFactory

    from newsweave.analyze.build_cache import write_atomically

    class AtomicTries(TrieDictionaryFactory):  # type: ignore[misc]
        """simplemma writes a built trie in place; ingest's workers may build one language at
        once, so each writes its own file and renames it (a rename replaces atomically)."""

        def _write_trie_to_disk(self, lang: str, trie: Any) -> None:
            write_atomically(Path(self._cache_dir) / f"{lang}.dic", lambda part: trie.save(str(part)))

    return AtomicTries


@lru_cache(maxsize=1)
def lemmatizer() -> Any:
    """One simplemma lemmatizer for the analyze stage, keeping every language's dictionary."""
    return _lemmatizer()


@lru_cache(maxsize=1)
def _lemmatizer() -> Any:
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy

    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=_dictionaries()))


@lru_cache(maxsize=1)
def _lookup() -> Any:
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(dictionary_factory=_dictionaries())


@lru_cache(maxsize=131072)
def lemma_word(word: str, language: str) -> str:
    """simplemma's lemma of one word, with the word's capitalisation kept ("Трампом" -> "Трамп")."""
    if language in _UNSUPPORTED or not any(ch.isalpha() for ch in word):
        return word
    try:
        lemma = str(_lemmatizer().lemmatize(word, lang=language))
    except ValueError:  # a language simplemma does not cover: names are kept as written
        _UNSUPPORTED.add(language)
        return word
    if _a_guessed_cut(word, lemma, language):
        return word
    if word[:1].isupper() and lemma[:1].islower():
        lemma = lemma[:1].upper() + lemma[1:]
    return lemma


def _a_guessed_cut(word: str, lemma: str, language: str) -> bool:
    """Whether simplemma's lemma of a word its dictionary does not hold is a cut of it to under
    half its length, a guess rather than a lemma: Turkish "Koronavirüs" is no "koro" (a name of
    Coro, Venezuela), "Karaloğlu" no "kara". A word the dictionary holds keeps its lemma
    ("Suçlarıyla", with crimes: "suç"; Dutch "Belgische": "Belg"), as do an inflected acronym
    ("DZ-ju", "ABD'de") and words without capitals (Arabic's article and broken plurals:
    "الأوقاف", endowments, is "وقف")."""
    if 2 * len(lemma) >= len(word) or word.lower() == word.upper():
        return False
    return word[len(lemma) : len(lemma) + 1] not in ("-", "'", "’") and not is_known_word(word, language)


@lru_cache(maxsize=131072)
def is_known_word(word: str, language: str) -> bool:
    """True when simplemma's dictionary for ``language`` holds the word (False for languages it lacks)."""
    if language in _UNSUPPORTED:
        return False
    try:
        return _lookup().get_lemma(word, language) is not None
    except ValueError:
        _UNSUPPORTED.add(language)
        return False


# Languages that capitalise every noun: their dictionaries hold common nouns capitalised.
CAPITALISED_NOUNS = frozenset({"de", "lb"})


@lru_cache(maxsize=131072)
def is_common_word(word: str, language: str) -> bool | None:
    """Whether simplemma's dictionary holds ``word`` as a common word of ``language``: written in
    lower case ("лига", "tours"), or as written where every noun is capitalised ("Gerät"); None
    for a language it lacks. A weak test: the dictionaries hold many names in lower case too
    (English "london", Bulgarian "лондон"); it clears a name only where the dictionary keeps it
    capitalised or lacks it (Russian "Вашингтон").

    Example:
        >>> is_common_word("Лига", "ru"), is_common_word("Вашингтон", "ru"), is_common_word("Gerät", "de")
        (True, False, True)
    """
    holds = _dictionary_lookup(language)
    if holds is None:
        return None
    return holds(word if language in CAPITALISED_NOUNS else word.lower())


@lru_cache(maxsize=65536)
def is_only_common_word(word: str, language: str | None) -> bool:
    """Whether simplemma's dictionary holds ``word`` in lower case and not as written with its
    capital: "Escaped" and "Chooses" are only common words, "Iran", "Trump" and "Hell" are names
    too (the dictionaries keep proper nouns capitalised), "Renault" no word at all. False where
    every noun is capitalised, and for a language simplemma lacks.

    Example:
        >>> [is_only_common_word(w, "en") for w in ("Escaped", "Chooses", "Iran", "Trump", "Renault")]
        [True, True, False, False, False]
    """
    if not language or language in CAPITALISED_NOUNS or not word[:1].isupper():
        return False
    return _held_in_lower_case_only(word, language)


@lru_cache(maxsize=65536)
def is_no_noun(word: str, language: str | None) -> bool:
    """Where every noun is capitalised, whether simplemma's dictionary holds ``word`` in lower
    case only: a word capitalised only to open a sentence, no name ("Dabei", thereby, was Dubai,
    which GeoNames also names so). False elsewhere and for a language simplemma lacks.

    Example:
        >>> [is_no_noun(w, "de") for w in ("Dabei", "Länder", "München")]
        [True, False, False]
    """
    if language not in CAPITALISED_NOUNS or not word[:1].isupper():
        return False
    return _held_in_lower_case_only(word, language)


def _held_in_lower_case_only(word: str, language: str) -> bool:
    """Whether simplemma's dictionary for ``language`` holds ``word`` in lower case and not as written."""
    holds = _dictionary_lookup(language)
    return holds is not None and holds(word.lower()) and not holds(word)


def _dictionary_lookup(language: str) -> Callable[[str], bool] | None:
    """Whether simplemma's dictionary for ``language`` holds a form as written; None for a language it lacks."""
    if language in _UNSUPPORTED:
        return None
    try:
        dictionary = _dictionaries().get_dictionary(language)
    except ValueError:
        _UNSUPPORTED.add(language)
        return None
    from simplemma.utils import canonicalize_token

    return lambda form: dictionary.get(canonicalize_token(form, language)) is not None


@lru_cache(maxsize=65536)
def lemma_phrase(phrase: str, language: str | None) -> str:
    """Each word of a name lemmatised, separators kept: "Stanach Zjednoczonych" -> "Stany Zjednoczone".

    Example:
        >>> lemma_phrase("Германии", "ru")
        'Германия'
    """
    if not language:
        return phrase
    parts, last = [], 0
    for token in tokenize(phrase):
        parts.append(phrase[last : token.start])
        parts.append(lemma_word(token.text, language) if token.text[:1].isalpha() else token.text)
        last = token.end
    parts.append(phrase[last:])
    return "".join(parts)
