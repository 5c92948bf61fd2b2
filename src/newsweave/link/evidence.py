"""Cheap, language-robust evidence about a pair of texts: shared names, shared and differing numbers.

Names are capitalised words, folded (case, diacritics) and transliterated to Latin so that
"Абу-Кемаль", "Abu-Kemal" and "Abu Kemal" meet; spellings a letter or two apart ("Kemal",
"Kamal") match by similarity. Numbers are read as claims — a value with its qualifier ("more
than 50", "around 50", "no more than 150-200", "plus de 40", "около 50") turned into an interval
— so two aligned sentences disagree when their intervals or qualifiers differ, not when one
writes "150-200" and the other "150–200".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

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
    names_a, names_b = names(a), names(b)
    by_initial: dict[str, list[str]] = {}
    for other in names_b:
        by_initial.setdefault(other[:1], []).append(other)
    shared = []
    for name in sorted(names_a):
        if name in names_b or any(_alike(name, other, min_ratio) for other in by_initial.get(name[:1], ())):
            shared.append(name)
    return shared


def _alike(x: str, y: str, min_ratio: float) -> bool:
    """Spellings a letter or two apart (same initial, checked by the caller)."""
    return abs(len(x) - len(y)) <= 3 and SequenceMatcher(None, x, y).ratio() >= min_ratio


# -- numeric claims -------------------------------------------------------------------------

_QUALIFIERS: dict[str, tuple[str, ...]] = {
    # en, fr, de, es, it, ru, then pt, nl, pl, cs, uk: a lexicon, so that a hedge ("about 40") is
    # not mistaken for a disagreement with a bare "40" in a language whose hedges are unknown.
    "lower": ("more than", "over", "at least", "upwards of", "plus de", "au moins", "pas moins de", "mehr als",
              "über", "mindestens", "más de", "al menos", "più di", "oltre", "almeno", "более", "больше",
              "свыше", "не менее", "более чем", "как минимум", "mais de", "pelo menos", "meer dan", "minstens",
              "ten minste", "ponad", "więcej niż", "co najmniej", "více než", "přes", "nejméně", "alespoň",
              "понад", "більше ніж", "щонайменше"),
    "upper": ("no more than", "less than", "fewer than", "up to", "at most", "under", "moins de", "jusqu'à",
              "pas plus de", "weniger als", "bis zu", "höchstens", "menos de", "hasta", "meno di", "fino a",
              "не более", "менее", "до", "até", "minder dan", "tot", "mniej niż", "do", "méně než", "až",
              "менше ніж"),
    "approx": ("around", "about", "approximately", "roughly", "some", "nearly", "almost", "environ", "près de",
               "quelque", "etwa", "rund", "ungefähr", "fast", "alrededor de", "cerca de", "unos", "casi",
               "circa", "quasi", "около", "примерно", "почти", "порядка", "aproximadamente", "quase",
               "ongeveer", "bijna", "około", "prawie", "blisko", "asi", "přibližně", "zhruba", "téměř", "skoro",
               "близько", "майже", "приблизно"),
}  # fmt: skip
_NUMBER_WORDS = {"dozen": 12, "a dozen": 12, "douzaine": 12, "dutzend": 12, "docena": 12, "десяток": 10}
_QUALIFIER_BY_PHRASE = {p: kind for kind, phrases in _QUALIFIERS.items() for p in phrases}
_QUAL_RE = "|".join(sorted(map(re.escape, _QUALIFIER_BY_PHRASE), key=len, reverse=True))
_CLAIM = re.compile(
    rf"(?:(?<!\w)(?P<qual>{_QUAL_RE})\s+(?:a\s+|une\s+)?)?"
    rf"(?P<low>\d[\d,. ]*\d|\d|{'|'.join(_NUMBER_WORDS)})(?:\s*[-–—]\s*(?P<high>\d[\d,. ]*\d|\d))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class NumericClaim:
    """A number as a text states it: its words, interval and qualifier kind."""

    text: str
    low: float
    high: float
    kind: str  # exact, lower, upper, approx, range


@lru_cache(maxsize=2048)
def claims(sentence: str) -> tuple[NumericClaim, ...]:
    """Numeric claims in a sentence; years (1900-2100 standing alone) are left out."""
    found = []
    for m in _CLAIM.finditer(sentence):
        low = _value(m.group("low"))
        if low is None:
            continue
        high = _value(m.group("high")) if m.group("high") else low
        if high is None:
            continue
        kind = _QUALIFIER_BY_PHRASE.get((m.group("qual") or "").lower(), "range" if high != low else "exact")
        if kind == "exact" and 1900 <= low <= 2100 and float(low).is_integer():
            continue
        found.append(NumericClaim(" ".join(m.group(0).split()), low, high, kind))
    return tuple(found)


def _value(raw: str) -> float | None:
    raw = raw.strip().lower()
    if raw in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[raw])
    digits = raw.replace(" ", "").replace(",", "")
    if digits.count(".") > 1:  # 1.000.000 written with dots for thousands
        digits = digits.replace(".", "")
    try:
        return float(digits)
    except ValueError:
        return None


def differing_claims(a_sentence: str, b_sentence: str) -> list[tuple[str, str]]:
    """Claims about the same quantity that two aligned sentences state differently.

    Two claims are about the same quantity when their values are close (within a factor of 1.5)
    or when each sentence has exactly one claim; they differ when the qualifier or the interval
    differs.

    Example:
        >>> differing_claims("destroyed more than 50 terrorists", "killed around 50 terrorists")
        [('more than 50', 'around 50')]
        >>> differing_claims("no more than 150-200 militants", "just 150–200 surrounded militants")
        [('no more than 150-200', '150–200')]
    """
    ca, cb = claims(a_sentence), claims(b_sentence)
    out = []
    for x in ca:
        partners = [y for y in cb if _same_quantity(x, y)] or (cb if len(ca) == len(cb) == 1 else [])
        for y in partners[:1]:
            if (x.kind, x.low, x.high) != (y.kind, y.low, y.high):
                out.append((x.text, y.text))
    return out


def _same_quantity(x: NumericClaim, y: NumericClaim) -> bool:
    lo, hi = sorted([max(x.low, 1e-9), max(y.low, 1e-9)])
    return hi / lo <= 1.5


def shared_numbers(a: str, b: str) -> list[str]:
    """Numbers (not years) both texts state, written as in ``a``."""
    values_b = {(c.low, c.high) for c in claims(b)}
    return sorted({c.text.split()[-1] for c in claims(a) if (c.low, c.high) in values_b})
