"""Sentence splitting for many languages, with no model.

A sentence ends at ., !, ?, … (with closing quotes or brackets) before whitespace and a capital,
digit or opening quote, or at the CJK and Arabic stops, which need no space. Initials ("A.") and
a short list of abbreviations do not end sentences. Good enough to align versions of a text,
where a missed split only merges two sentences that the alignment can still match.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "jr", "sr",
    "no", "vs", "etc", "e.g", "i.e", "approx", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "m", "mme", "mlle", "hr", "fr", "nr", "bzw", "z.b",
    "u.a", "г", "гг", "т.е", "т.д", "т.п", "им", "ул", "д", "тыс", "млн", "млрд", "св", "ген", "sra", "pág",
}  # fmt: skip
# After the stop: anything but a lower-case letter or continuing punctuation (scripts without
# case, such as CJK, Arabic or Thai, then split at every stop followed by a space).
_BOUNDARY = re.compile(r"""(?<=[.!?…])["'»”’)\]]*\s+(?=[^\sa-zß-ÿа-яёα-ω,;:)\]-])|(?<=[。！？؟])""")
_MAX_SENTENCE_CHARS = 600


def split_sentences(text: str) -> list[str]:
    """Split ``text`` (paragraphs separated by newlines) into sentences.

    Example:
        >>> split_sentences("Dr. Smith arrived. He met Gen. Lee at 5 p.m. in Rome! Then? 会议结束。大家离开。")
        ['Dr. Smith arrived.', 'He met Gen. Lee at 5 p.m. in Rome!', 'Then?', '会议结束。', '大家离开。']
    """
    sentences: list[str] = []
    for paragraph in text.splitlines():
        sentences.extend(_split_paragraph(paragraph.strip()))
    return sentences


def _split_paragraph(paragraph: str) -> list[str]:
    if not paragraph:
        return []
    pieces: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        candidate = paragraph[start : match.start()].strip()
        last_word = candidate.rsplit(None, 1)[-1].rstrip(".").lower() if candidate else ""
        if (len(last_word) == 1 and last_word.isalpha()) or last_word in _ABBREVIATIONS:
            continue  # "A. Smith", "Gen. Lee": not the end of a sentence
        if candidate:
            pieces.append(candidate)
        start = match.end()
    tail = paragraph[start:].strip()
    if tail:
        pieces.append(tail)
    return [chunk for piece in pieces for chunk in _cap(piece)]


def _cap(sentence: str) -> list[str]:
    """Cut run-on "sentences" (lists, tables) into pieces an encoder can take whole."""
    if len(sentence) <= _MAX_SENTENCE_CHARS:
        return [sentence]
    words, pieces, current = sentence.split(), [], ""
    for word in words:
        if current and len(current) + len(word) + 1 > _MAX_SENTENCE_CHARS:
            pieces.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    return [*pieces, current] if current else pieces
