"""Bytes to text: declared encoding first, then UTF-8, then charset detection.

Shared by every stage that reads bytes; it depends on nothing of newsweave but ``errors``.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import cache

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
    bom = bom_encoding(data)
    if bom is not None:
        # A byte-order mark outranks any declaration (as in the HTML standard's sniffing).
        marked = data.decode(bom, errors="replace").removeprefix("\ufeff")
        _refuse_junk(marked, item)
        return marked
    if b"\x00" in data[:8192]:
        raise InputError("binary data, not text (NUL bytes)", item=item)
    text = _decode_first(data, [declared_encoding(data), _known_codec(declared), "utf-8"])
    if text is None:
        text = _guess(data, item)
    _refuse_junk(text, item)
    return text


# Byte-order marks, longest first: UTF-32-LE's starts like UTF-16-LE's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def bom_encoding(data: bytes) -> str | None:
    """The UTF encoding a byte-order mark at the start of ``data`` names, if the rest bears it out.

    "яю" in cp1251 is the bytes of a UTF-16 BOM: a mark counts only when the text after it decodes
    and is not full of private-use or unassigned characters, as misread legacy text would be.

    Example:
        >>> bom_encoding("\ufeffNews".encode("utf-16")), bom_encoding("яют, что этот штат".encode("cp1251"))
        ('utf-16', None)
    """
    codec = next((codec for mark, codec in _BOMS if data.startswith(mark)), None)
    if codec is None or codec == "utf-8-sig":
        return codec
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % (4 if codec == "utf-32" else 2)]
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        text = sample.decode(codec, errors="replace")
        if text.count("\ufffd") > 1:  # one is a character cut at the sample's end
            return None
    odd = sum(1 for ch in text if unicodedata.category(ch) in ("Co", "Cn", "Cs"))
    return codec if odd * 50 <= len(text) else None


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
        scored.append((_wordlike(text, name), -rank, name))
    if not scored:
        raise InputError("not text in any known encoding", item=item)
    best = max(scored)[2]
    return data.decode(best, errors="replace")


def _wordlike(text: str, codec: str = "") -> float:
    words = _WORD.findall(text)
    if not words:
        return 0.0
    cjk = _cjk_score(text, words, codec)
    if cjk is not None:
        return cjk
    good = sum(len(w) for w in words if _natural_case(w) and _one_script(w) and _plain_latin(w))
    rare = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in _COMMON_MARKS)
    return (good - 5 * rare) / max(1, sum(len(w) for w in words))


_COMMON_MARKS = (
    set("«»„“”‘’–—…€°№•·\u00a0")
    | {chr(c) for c in range(0x3000, 0x3040)}
    | {chr(c) for c in range(0xFF01, 0xFF66) if not chr(c).isalpha()}
)  # CJK punctuation and full-width forms: 。、「」（）！？


def _code_points(codec: str, leads: range, trails: range) -> frozenset[str]:
    """The characters a double-byte codec encodes with these lead and trail bytes."""
    found = set()
    for lead in leads:
        for trail in trails:
            try:
                found.add(bytes((lead, trail)).decode(codec))
            except UnicodeDecodeError:
                continue
    return frozenset(found)


@cache
def _common_cjk() -> frozenset[str]:
    """The CJK characters everyday text is made of, taken from the legacy standards' frequency tiers.

    GB 2312 level 1 (3755 hanzi), JIS X 0208 level 1 (2965 kanji) and Big5's frequent tier (5401
    hanzi) were each chosen by frequency; with the kana and the 2350 Hangul syllables of KS X 1001
    they cover nearly all of news text. A mis-decoding lands in rarer tiers or other scripts.
    """
    return (
        _code_points("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF))
        | _code_points("euc-jp", range(0xB0, 0xD0), range(0xA1, 0xFF))
        | _code_points("big5", range(0xA4, 0xC7), range(0x40, 0xFF))
        | _code_points("euc-kr", range(0xB0, 0xC9), range(0xA1, 0xFF))
        | {chr(c) for c in range(0x3041, 0x30FF)}  # hiragana and katakana
    )


def _cjk_kind(ch: str) -> str | None:
    code = ord(ch)
    if 0x3041 <= code <= 0x30FF:
        return "kana"
    if 0xAC00 <= code <= 0xD7A3:
        return "hangul"
    if 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or code >= 0x20000:
        return "han"
    if 0xFF66 <= code <= 0xFF9F:
        return "half-width kana"
    return None


def _cjk_score(text: str, words: list[str], codec: str) -> float | None:
    """How much a reading looks like Chinese, Japanese or Korean; None when it is mostly not CJK.

    The share of common characters, less: kana read by a Chinese or Korean codec (neither language
    writes it: Japanese bytes misread), a long Japanese reading with no kana (Japanese prose always
    has some: Chinese bytes misread), spaces between ideographs (Korean bytes misread), half-width
    kana (out of use), and rare marks.
    """
    kinds = [k for ch in text if (k := _cjk_kind(ch))]
    if len(kinds) * 2 < sum(len(w) for w in words):
        return None
    common = _common_cjk()
    good = sum(1 for ch in text if ch in common)
    kana = kinds.count("kana")
    bad = kinds.count("half-width kana") + 2 * len(_SPACED_HAN.findall(text)) + len(_HAN_HANGUL.findall(text))
    japanese = codec in _JAPANESE_CODECS
    if kana and not japanese:
        bad += kana
    if japanese and not kana and len(kinds) >= 20:
        bad += len(kinds) // 2
    rare = sum(1 for ch in text if ord(ch) > 127 and not ch.isalpha() and ch not in _COMMON_MARKS)
    return (good - bad - 5 * rare) / max(1, len(kinds))


_JAPANESE_CODECS = frozenset({"shift_jis", "euc_jp", "cp932", "euc_jis_2004", "shift_jis_2004", "iso2022_jp"})
_SPACED_HAN = re.compile(r"(?=[\u3400-\u9fff] [\u3400-\u9fff])")
# Korean writes the odd hanja as a word of its own, never inside a Hangul word.
_HAN_HANGUL = re.compile(r"(?=[\u3400-\u9fff][\uac00-\ud7a3]|[\uac00-\ud7a3][\u3400-\u9fff])")


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
