"""Sentence splitting for many languages, with no model.

A sentence ends at ., !, ?, … (with closing quotes or brackets) before whitespace and a capital,
digit or opening quote, or at the stops of scripts without case — CJK 。！？, Arabic ؟ and Urdu ۔,
the Devanagari danda । ॥, Burmese ။, Ethiopic ። — which need no space after them (and keep
their closing quotes: 。” ends the sentence after the quote, not before it). Initials ("A.") and
a short list of abbreviations do not end sentences. Good enough to align versions of a text,
where a missed split only merges two sentences that the alignment can still match.
"""

from __future__ import annotations

import re
from functools import lru_cache

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr",
    "no", "vs", "etc", "e.g", "i.e", "approx", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "m", "mme", "mlle", "hr", "fr", "nr", "bzw", "z.b",
    "u.a", "г", "гг", "т.е", "т.д", "т.п", "им", "ул", "д", "тыс", "млн", "млрд", "св", "ген", "sra", "pág",
}  # fmt: skip
# Abbreviations that end no sentence before a number: hedges ("ok. 50", Polish "about 50"; "ca.",
# "cca", "env.") and units of thousands ("tys. 200"). Before a capital they may end one ("It is ok.").
_BEFORE_A_NUMBER = {"ok", "ca", "cca", "env", "aprox", "approx", "tys", "tis", "mln", "mld", "mlrd", "godz"}
# After the stop: anything but a lower-case letter or continuing punctuation (scripts without
# case, such as CJK, Arabic or Thai, then split at every stop followed by a space).
_BOUNDARY = re.compile(
    r"""(?<=[.!?…])(?P<close>["'»”’)\]]*)\s+(?=[^\sa-zß-ÿа-яёα-ω,;:)\]-])"""
    r"""|(?<=[。！？؟۔।॥။።])(?P<uncased>[”’」』）)\]"'»]*)\s*"""
)
_MAX_SENTENCE_CHARS = 600


def split_sentences(text: str) -> list[str]:
    """Split ``text`` (paragraphs separated by newlines) into sentences.

    Example:
        >>> split_sentences("Dr. Smith arrived. He met Gen. Lee at 5 p.m. in Rome! Then? 会议结束。大家离开。")
        ['Dr. Smith arrived.', 'He met Gen. Lee at 5 p.m. in Rome!', 'Then?', '会议结束。', '大家离开。']
        >>> split_sentences('He said: "It is over." Then he left. 他说：“结束了。”大家离开。 बैठक समाप्त हुई। सब चले गए।')
        ['He said: "It is over."', 'Then he left.', '他说：“结束了。”', '大家离开。', 'बैठक समाप्त हुई।', 'सब चले गए।']
    """
    return [" ".join(text[s:e].split()) if capped else text[s:e] for s, e, capped in _spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of ``split_sentences(text)``, in the same order and numbering.

    ``text[start:end]`` is the sentence as written (a run-on sentence cut into pieces may keep
    runs of spaces that ``split_sentences`` writes as one), so facts found in ``text`` can be
    placed in the sentence, and the sentence index, that alignment uses.

    Example:
        >>> text = "It rained. Then   it stopped."
        >>> [text[s:e] for s, e in sentence_spans(text)]
        ['It rained.', 'Then   it stopped.']
    """
    return [(s, e) for s, e, _ in _spans(text)]


# An article's sentences are asked for by several readers (claims, places, the dates' sentences)
# and by linking: split once.
@lru_cache(maxsize=256)
def _spans(text: str) -> tuple[tuple[int, int, bool], ...]:
    return tuple(_split(text))


def _split(text: str) -> list[tuple[int, int, bool]]:
    spans: list[tuple[int, int, bool]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            spans.extend(_split_paragraph(stripped, offset + body.index(stripped)))
        offset += len(line)
    return spans


def _split_paragraph(paragraph: str, base: int) -> list[tuple[int, int, bool]]:
    pieces: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        end = match.end("close") if match.group("close") is not None else match.end("uncased")
        if end >= len(paragraph):
            break  # a stop at the paragraph's end: the tail below takes it
        raw = paragraph[start:end]
        candidate = raw.strip()
        last_word = candidate.rsplit(None, 1)[-1].rstrip(".").lower() if candidate else ""
        if (len(last_word) == 1 and last_word.isalpha()) or last_word in _ABBREVIATIONS:
            continue  # "A. Smith", "Gen. Lee": not the end of a sentence
        if last_word in _BEFORE_A_NUMBER and paragraph[match.end() : match.end() + 1].isdigit():
            continue  # "Zginęło ok. 50 osób"
        if candidate:
            lead = len(raw) - len(raw.lstrip())
            pieces.append((start + lead, start + lead + len(candidate)))
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        lead = len(paragraph[start:]) - len(paragraph[start:].lstrip())
        pieces.append((start + lead, start + lead + len(tail)))
    return [(base + s, base + e, capped) for ps, pe in pieces for s, e, capped in _cap(paragraph, ps, pe)]


def _cap(paragraph: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """Cut run-on "sentences" (lists, tables) into pieces an encoder can take whole."""
    if end - start <= _MAX_SENTENCE_CHARS:
        return [(start, end, False)]
    pieces: list[tuple[int, int, bool]] = []
    first, last, length = -1, -1, 0  # the current piece's span and its length with single spaces
    for word in re.finditer(r"\S+", paragraph[start:end]):
        w_start, w_end = start + word.start(), start + word.end()
        size = w_end - w_start
        if length and length + size + 1 > _MAX_SENTENCE_CHARS:
            pieces.append((first, last, True))
            first, length = w_start, size
        else:
            first = w_start if not length else first
            length = length + size + 1 if length else size
        last = w_end
    if length:
        pieces.append((first, last, True))
    return pieces
