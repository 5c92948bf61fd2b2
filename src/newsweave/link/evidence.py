"""Cheap, language-robust evidence about a pair of texts: shared names, shared and differing numbers.

Names are capitalised words, folded (case, diacritics) and transliterated to Latin so that
"Абу-Кемаль", "Abu-Kemal" and "Abu Kemal" meet; spellings a letter or two apart ("Kemal",
"Kamal") match by similarity. Numbers are read as claims by ``analyze.claims`` — a value with
its qualifier ("more than 50", "around 50", "no more than 150-200", "plus de 40", "около 50"),
what it counts and what happened — and compared by ``link.disagreements``, so two aligned
sentences disagree when their figures or hedges differ, not when one writes "150-200" and the
other "150–200".
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from newsweave.analyze.claims import parse_claims
from newsweave.link.disagreements import classify, pair_claims
from newsweave.records import ClaimRelation, Qualifier

_CYRILLIC = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
         "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
        strict=True,
    )
)  # fmt: skip
_GREEK_LATIN = "a b g d e z i th i k l m n x o p r s t y f ch ps o".split()  # noqa: SIM905
_GREEK = dict(zip("αβγδεζηθικλμνξοπρστυφχψω", _GREEK_LATIN, strict=True))
_NAME = re.compile(r"\b[A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω][\w'’-]*(?:[ -][A-ZÀ-ÖØ-ÞА-ЯЁΑ-Ω][\w'’-]*)*")
_STOP_NAMES = {
    "the", "a", "an", "it", "this", "that", "these", "those", "he", "she", "they", "we", "i", "in", "on", "at", "as",
    "but", "and", "or", "if", "when", "while", "after", "before", "there", "here", "now", "then", "however",
    "le", "la", "les", "un", "une", "des", "il", "elle", "ils", "en", "au", "aux", "sur", "dans", "der", "die",
    "das", "ein", "eine", "el", "los", "las", "lo", "в", "на", "и", "но", "он", "она", "они", "это", "по",
}  # fmt: skip


def fold(text: str) -> str:
    """Casefold, strip diacritics and transliterate Cyrillic and Greek to Latin."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "".join(_CYRILLIC.get(ch, _GREEK.get(ch, ch)) for ch in text)


@lru_cache(maxsize=2048)  # an article is read for every pair it is in, and for its evidence
def names(text: str) -> frozenset[str]:
    """Folded names (capitalised words and runs of them) in ``text``, hyphens read as spaces."""
    found = set()
    for match in _NAME.finditer(text):
        before = text[: match.start()].rstrip(" \"'«“(")
        if (not before or before[-1] in ".!?:\n") and " " not in match.group(0):
            continue  # a capital that only opens a sentence
        name = fold(match.group(0)).replace("-", " ").replace("’", "'").strip(" '")
        words = [w for w in name.split() if w not in _STOP_NAMES]
        if words and len("".join(words)) >= 3:
            found.add(" ".join(words))
    return frozenset(found)


def shared_names(a: str, b: str, *, min_ratio: float = 0.8) -> list[str]:
    """Names of ``a`` that ``b`` also has, allowing spellings a letter or two apart."""
    return list(_shared_names(a, b, min_ratio))


@lru_cache(maxsize=1024)  # a pair's features and its evidence both ask (a text's hash is kept by Python)
def _shared_names(a: str, b: str, min_ratio: float) -> tuple[str, ...]:
    names_a, names_b = names(a), names(b)
    by_initial: dict[str, list[str]] = {}
    for other in names_b:
        by_initial.setdefault(other[:1], []).append(other)
    shared = []
    for name in sorted(names_a):
        if name in names_b or any(_alike(name, other, min_ratio) for other in by_initial.get(name[:1], ())):
            shared.append(name)
    return tuple(shared)


@lru_cache(maxsize=65536)  # the same two names meet again in many pairs of one topic's articles
def _alike(x: str, y: str, min_ratio: float) -> bool:
    """Spellings a letter or two apart (same initial, checked by the caller)."""
    if abs(len(x) - len(y)) > 3:
        return False
    # difflib's quick_ratio(), the letters two names share as multisets, bounds ratio() from
    # above; most pairs stop there. Counted here from each name's letters, counted once: a
    # SequenceMatcher indexes its second name first, which cost more than the whole test.
    shared = sum((_letters(x) & _letters(y)).values())
    if 2.0 * shared / (len(x) + len(y)) < min_ratio:
        return False
    return SequenceMatcher(None, x, y).ratio() >= min_ratio


@lru_cache(maxsize=8192)
def _letters(name: str) -> Counter[str]:
    return Counter(name)


# -- numeric claims -------------------------------------------------------------------------
#
# Claims are read by ``analyze.claims`` (the one claim parser) and compared by
# ``link.disagreements``; what follows is the compact form the link evidence stores.

_KINDS = {
    Qualifier.EXACT: "exact", Qualifier.RANGE: "range", Qualifier.MORE_THAN: "lower", Qualifier.AT_LEAST: "lower",
    Qualifier.AROUND: "approx", Qualifier.UP_TO: "upper", Qualifier.NO_MORE_THAN: "upper",
    Qualifier.LESS_THAN: "upper",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NumericClaim:
    """A number as a text states it: its words, interval and qualifier kind."""

    text: str
    low: float
    high: float
    kind: str  # exact, lower, upper, approx, range


def claims(sentence: str, language: str | None = None) -> tuple[NumericClaim, ...]:
    """Numeric claims in a text, as (figure words, interval, hedge kind); years and dates left out."""
    if language is None and (found := _read_ahead.get(sentence)) is not None:
        return found
    return _claims(sentence, language)


@lru_cache(maxsize=2048)  # an article's text is read again for every pair it is in
def _claims(sentence: str, language: str | None) -> tuple[NumericClaim, ...]:
    return tuple(NumericClaim(p.figure, p.claim.low, p.claim.high, _KINDS[p.claim.qualifier])
                 for p in parse_claims(sentence, language, dated=False))  # fmt: skip


def remember_claims(text: str, found: tuple[NumericClaim, ...]) -> None:
    """Keep ``claims(text)`` read elsewhere (a worker process, ``linking.StoreLinker``), for this
    process to take instead of reading the text again; the last ``_READ_AHEAD`` are kept."""
    _read_ahead[text] = found
    if len(_read_ahead) > _READ_AHEAD:
        del _read_ahead[next(iter(_read_ahead))]


_READ_AHEAD = 2048
_read_ahead: dict[str, tuple[NumericClaim, ...]] = {}  # text -> its claims, oldest first


def differing_claims(a_sentence: str, b_sentence: str) -> list[tuple[str, str]]:
    """Claims about the same thing that two aligned sentences state differently.

    Claims are paired as ``link.disagreements.pair_claims`` pairs them (same counted thing and
    action, else the nearest figure); a pair differs unless the two agree (same figure and hedge,
    or compatible figures such as "more than 50" and "60").

    Example:
        >>> differing_claims("destroyed more than 50 terrorists", "killed around 50 terrorists")
        [('more than 50', 'around 50')]
        >>> differing_claims("no more than 150-200 militants", "just 150–200 surrounded militants")
        [('no more than 150-200', '150–200')]
        >>> differing_claims("150-200 militants", "150–200 militants")
        []
    """
    # Undated: neither the pairing nor ``classify(aligned=True)`` reads a claim's date, and the
    # dates were a third of reading the sentences (linking reads every aligned pair's).
    xs, ys = parse_claims(a_sentence, None, dated=False), parse_claims(b_sentence, None, dated=False)
    out = []
    for i, j in pair_claims([x.claim for x in xs], [y.claim for y in ys]):
        relation, _ = classify(xs[i].claim, ys[j].claim, aligned=True)
        if relation is not ClaimRelation.AGREE:
            out.append((xs[i].figure, ys[j].figure))
    return out


def shared_numbers(a: str, b: str) -> list[str]:
    """Numbers (not years or dates) both texts state, written as in ``a``."""
    values_b = {(c.low, c.high) for c in claims(b)}
    return sorted({c.text.split()[-1] for c in claims(a) if (c.low, c.high) in values_b})
