"""Bytes to text: declared encoding first, then UTF-8, then charset detection.

Shared by every stage that reads bytes; it depends on nothing of newsweave but ``errors``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from newsweave.errors import InputError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
# Share of control or replacement characters above which a decoded text is judged binary junk.
_MAX_JUNK_SHARE = 0.02


def declared_encoding(data: bytes) -> str | None:
    """Return the encoding an HTML meta tag or XML prolog declares in the first 4 KB, if valid."""
    head = data[:4096]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not match:
        return None
    return _known_codec(match.group(1).decode("ascii", "ignore"))


def _known_codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data: bytes, *, item: str, declared: str | None = None) -> str:
    """Decode ``data`` to text, detecting its encoding.

    Args:
        data: the raw bytes.
        item: the item's name, used in error messages.
        declared: an encoding the container declared (HTTP header), tried after the content's own.

    Returns:
        The text, with a leading BOM removed.

    Raises:
        InputError: empty input, or bytes that are not text in any encoding.

    Example:
        >>> decode("Привет, мир".encode("cp1251"), item="x")
        'Привет, мир'
    """
    if not data.strip():
        raise InputError("empty input", item=item)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("binary data, not text (NUL bytes)", item=item)
    text = _decode_first(data, [declared_encoding(data), _known_codec(declared), "utf-8"])
    if text is None:
        text = _guess(data, item)
    _refuse_junk(text, item)
    return text


# Legacy encodings of the world's news, most common first; the order breaks ties.
_LEGACY = (
    "cp1252",
    "cp1251",
    "koi8-r",
    "cp1250",
    "iso8859-2",
    "cp1253",
    "cp1254",
    "cp1256",
    "cp1255",
    "iso8859-9",
    "gb18030",
    "big5",
    "shift_jis",
    "euc-jp",
    "euc-kr",
)
_WORD = re.compile(r"[^\W\d_]+")


def _guess(data: bytes, item: str) -> str:
    """Pick the legacy encoding whose decoding reads most like words.

    charset-normalizer alone misreads short pages (KOI8-R as Shift-JIS, cp1252 as cp1250), so
    its candidates join ours and each decoding is scored by how word-like it is: words in one
    script, in a natural letter case, made of common letters.
    """
    sample = data[:100_000]
    names = [m.encoding for m in list(from_bytes(sample))[:3]]
    candidates = list(dict.fromkeys([*map(_known_codec, _LEGACY), *(_known_codec(n) for n in names)]))
    scored: list[tuple[float, int, str]] = []
    for rank, name in enumerate(c for c in candidates if c):
        try:
            text = sample.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_wordlike(text), -rank, name))
    if not scored:
        raise InputError("not text in any known encoding", item=item)
    best = max(scored)[2]
    return data.decode(best, errors="replace")


def _wordlike(text: str) -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    good = sum(len(w) for w in words if _natural_case(w) and _one_script(w) and _plain_latin(w))
    rare = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in _COMMON_MARKS)
    return (good - 5 * rare) / max(1, sum(len(w) for w in words))


_COMMON_MARKS = set("«»„“”‘’–—…€°№•·\u00a0")


# Latin letters that real text seldom uses but mis-decoded Cyrillic, Turkish or Central European
# text is full of (cp1252 reads "ı ş" as "ý þ", cp1250 reads "è à" as "č ŕ").
_RARE_LATIN = set("ýþðÞÐÝŕĺľĽř")


def _plain_latin(word: str) -> bool:
    """False for a Latin word mostly of accented letters: Cyrillic read through a Latin codec."""
    accented = sum(1 for ch in word if ord(ch) > 127 and ch.isalpha() and ch < "\u0250")
    if any(ch in _RARE_LATIN for ch in word):
        return False
    return accented * 2 <= len(word)


def _natural_case(word: str) -> bool:
    return word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower())


def _one_script(word: str) -> bool:
    scripts = {unicodedata.name(ch, "X").split()[0] for ch in word}
    return len(scripts) == 1


def _decode_first(data: bytes, encodings: list[str | None]) -> str | None:
    for encoding in encodings:
        if encoding is None:
            continue
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        # A page declaring utf-8 that is really cp1251 fails strict decoding above; a page
        # declaring a single-byte codec always decodes, so only trust it when it was declared.
        return text
    return None


_JUNK = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\ufffd]")


def _refuse_junk(text: str, item: str) -> None:
    sample = text[:20_000]
    junk = len(_JUNK.findall(sample))
    if sample and junk / len(sample) > _MAX_JUNK_SHARE:
        raise InputError(f"binary data, not text ({junk / len(sample):.0%} control bytes)", item=item)
