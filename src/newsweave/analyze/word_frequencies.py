"""How common a word is in a language: wordfreq's tables, kept as MARISA tries built once per machine.

wordfreq decodes a language's whole table into Python lists and a dict in every process that
asks for it, and keeps both: Russian's 713,000 words take 0.3 s and about 160 MB, and the six
BSNLP languages with English 1 s and 440 MB in each ingest worker. A trie of the same words,
each with its frequency band, is 3 MB for Russian, unpickles in milliseconds and answers a
lookup in about 1.5 µs instead of 0.4 (the place reader asks a few dozen times an article).

Example:
    >>> zipf("the", "en"), zipf("ouagadougou", "en"), zipf("qqqzzzx", "en"), zipf("и", "ru-RU")
    (7.73, 2.33, 0.0, 7.47)
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex

from newsweave.analyze.build_cache import cached_build

_FORMAT = 1

# A word at this Zipf frequency or above is among its language's hundred or so commonest ("the",
# "of", "said"; "и", "в"; "de", "la"): what ``content_words`` leaves out.
COMMONEST_ZIPF = 6.0
# A word keeps its combining marks (\p{M}: Devanagari's vowel signs and virama, Thai's vowels, Arabic's
# harakat), which ``re``'s \w leaves out: there "सभी" would split into "सभ" and a stray sign.
_WORD_OR_MARK = regex.compile(r"[\w\p{M}]+|[^\w\p{M}\s]")
_SENTENCE_ENDS = frozenset(".!?")


def zipf(word: str, language: str) -> float:
    """The word's Zipf frequency in ``language`` as wordfreq gives it (its "best" list; English's
    where wordfreq lists no such language), 0 when it is not listed. Looked up as written: the
    caller folds case."""
    found = frequency_trie(_listed(language) or "en").get(word)
    return _zipf_of_band(found[0][0]) if found else 0.0


def content_words(text: str, language: str | None, line: float = COMMONEST_ZIPF, *, limit: int | None = None) -> str:
    """``text``'s words without its language's commonest (Zipf frequency ``line`` or more) and
    without punctuation but sentence ends, joined by spaces; unchanged in a language wordfreq does
    not list. What the pair scorer's second view reads of a lead: e5 reads a fixed number of
    tokens, and a mean over them weighs "the" and "of" as much as the names and the event, so the
    same 128 tokens say more of the story without them (docs/linking.md, v9). With ``limit``, only
    the first ``limit`` words and marks kept: each is at least one of e5's tokens, so a reader of
    its first ``limit`` tokens reads the same, and the rest of a long text is not looked up.

    Example:
        >>> content_words("The army took the town of Abu Kemal, officials said.", "en")
        'army took town Abu Kemal officials .'
    """
    listed = _listed(language) if language else None
    if listed is None:
        return text
    trie = frequency_trie(listed)
    kept: list[str] = []
    for match in _WORD_OR_MARK.finditer(text):
        token = match.group()
        if token[0].isalnum():
            found = trie.get(token.lower())
            if found and _zipf_of_band(found[0][0]) >= line:
                continue
        elif token not in _SENTENCE_ENDS:
            continue
        kept.append(token)
        if len(kept) == limit:
            break
    return " ".join(kept)


def _zipf_of_band(band: int) -> float:
    # The same arithmetic as wordfreq's dict of frequencies, so that figures compare exactly.
    return math.log10(_frequency(band)) + 9.0


@lru_cache(maxsize=1024)
def _frequency(band: int) -> float:
    return 10 ** (-band / 100)  # wordfreq's cB_to_freq(-band), without importing wordfreq


@lru_cache(maxsize=64)
def _listed(language: str) -> str | None:
    """The language of wordfreq's list that it reads for ``language`` (its own match: "pt-BR" is
    "pt", "zh-Hant" is "zh"), or None."""
    # Read from the data folder's file names: importing wordfreq (and langcodes, which it matches
    # codes with) costs a new process 0.2 s, and nearly every code asked is one of its own.
    available = _available()
    if language in available:
        return language
    import langcodes

    best, _distance = langcodes.closest_match(language, sorted(available), max_distance=60)
    return None if best == "und" else best


@lru_cache(maxsize=1)
def _available() -> frozenset[str]:
    """The languages of wordfreq's "small" and "large" lists (its "best" is the larger one)."""
    from importlib.util import find_spec

    spec = find_spec("wordfreq")
    folders = spec.submodule_search_locations if spec and spec.submodule_search_locations else []
    return frozenset(
        path.name.split(".")[0].split("_")[1]
        for folder in folders
        for path in (Path(folder) / "data").glob("*_*.msgpack.gz")
        if path.name.split("_")[0] in ("small", "large")
    )


@lru_cache(maxsize=64)
def frequency_trie(language: str) -> Any:
    """The words of wordfreq's list for ``language`` (a code it lists), each with its band (a
    word's frequency is 10^(−band/100)), as a ``marisa_trie.RecordTrie``."""
    import marisa_trie

    return cached_build(
        f"word-frequencies-{language}", _FORMAT, ("wordfreq", "marisa-trie"), lambda: _build(language),
        marisa_trie.RecordTrie,
    )  # fmt: skip


def _build(language: str) -> Any:
    import marisa_trie
    from wordfreq import get_frequency_list

    bands: dict[str, int] = {}
    for band, words in enumerate(get_frequency_list(language)):
        for word in words:
            bands[word] = band  # a word listed twice would keep its last band, as in wordfreq's dict
    get_frequency_list.cache_clear()  # its lists would stay in memory for nothing
    return marisa_trie.RecordTrie("<H", ((word, (band,)) for word, band in bands.items()))
