"""Text helpers shared by recognition and normalisation: tokens, folding, stems and sound keys.

Everything here is language-light on purpose: the same few rules must serve Slavic inflection,
Bulgarian articles and the many ways one name is transliterated into Latin letters.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from anyascii import anyascii

from newsweave.analyze.word_frequencies import zipf

# The scripts whose vowel signs and viramas are combining marks, which are no ``\w``: Indic
# (Devanagari to Malayalam), Sinhala, Thai, Lao, Tibetan, Myanmar, Khmer. Without them a word falls
# into pieces ("नरेंद्र" as "नर", "द", "र"), each a name or a place somewhere to the recogniser and
# the places' spotter (a Hindi report's places were Rhede, Arrah, Belgium and Essen). Other marks
# split words as before: Latin, Greek and Cyrillic text arrives composed (NFC), and the shipped
# tagger was trained with Arabic's vowel signs splitting words (22 of its training texts hold one),
# so it is rebuilt byte for byte; reading those inside words waits for its next retraining.
_MARKED_SCRIPTS = ((0x0900, 0x0DFF), (0x0E00, 0x0FFF), (0x1000, 0x109F), (0x1780, 0x17FF))


def _mark_ranges() -> str:
    """The combining marks (Unicode categories Mn, Mc, Me) of those scripts as a regex class body."""
    marks = [
        code
        for lo, hi in _MARKED_SCRIPTS
        for code in range(lo, hi + 1)
        if unicodedata.category(chr(code)).startswith("M")
    ]
    ranges: list[list[int]] = []
    for code in marks:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(chr(a) if a == b else f"{chr(a)}-{chr(b)}" for a, b in ranges)


MARKS = _mark_ranges()
# Texts in those scripts, found by a four-range search: only they are read with the marked pattern,
# which is slower than the plain one.
HAS_MARK = re.compile("[" + "".join(f"{chr(lo)}-{chr(hi)}" for lo, hi in _MARKED_SCRIPTS) + "]")
# A token: a run of letters/digits (with their marks), joined across inner hyphens, apostrophes and
# dots of initials ("Абу-Кемаль", "COVID-19", "O'Brien", "U.S."), or one other visible character.
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*\.?|[^\w\s]", re.UNICODE)
_MARKED_TOKEN = re.compile(rf"\w[\w{MARKS}]*(?:[-'’.]\w[\w{MARKS}]*)*\.?|[^\w\s{MARKS}]", re.UNICODE)
# A lowercase Latin ending of up to six letters after a word's last apostrophe (Ukrainian writes
# an apostrophe inside words: "Олів'є", "здоров'я"), and the English contractions that look like one.
_APOSTROPHE_SUFFIX = re.compile(r"['’]([a-zß-öø-ÿ\u0100-\u017f]{1,6})$")
_CONTRACTIONS = frozenset({"t", "re", "ve", "ll", "d", "m"})
# One-letter conjunctions and prepositions written onto the next word: Arabic wa-, fa-, bi-, li-,
# ka-; Hebrew ve-, be-, le-, ke-, mi-, ha-, she-. The tokenizer splits Arabic's off words longer
# than this many letters (the recogniser's dictionary looks past both).
ARABIC_PROCLITICS = frozenset("وفبلك")
HEBREW_PROCLITICS = frozenset("ובלכמהש")
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_PROCLITIC_MIN_CHARS = 3
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_NOT_WORD = re.compile(r"[^a-z0-9 ]+")
_SPACES = re.compile(r"\s+")


class Token(NamedTuple):
    """A token and its character span (a named tuple: an article makes hundreds of them)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Tokens with offsets; a trailing dot stays on a token only when it marks an initial or "Jr.",
    and a possessive "'s" is a token of its own (so that "Russia's" holds the name "Russia": the
    English annotations leave the possessive out, and a name must start and end on tokens).

    Example:
        >>> [t.text for t in tokenize("Abu-Kemal, near U.S. bases, Russia’s.")]
        ['Abu-Kemal', ',', 'near', 'U.S.', 'bases', ',', 'Russia', '’s', '.']
    """
    # Built with tuple.__new__: a named tuple's own constructor is a Python-level function, and
    # an article makes thousands of tokens (half of tokenizing's time went to it).
    tokens: list[Token] = []
    append, make = tokens.append, tuple.__new__
    for m in (_MARKED_TOKEN if HAS_MARK.search(text) else _TOKEN).finditer(text):
        word = m.group()
        start, end = m.span()
        dot = word[-1] == "." and len(word) > 1 and not _keeps_dot(word)
        if dot:
            word, end = word[:-1], end - 1
        if len(word) > 2 and word[-1] == "s" and word[-2] in "'’":
            append(make(Token, (word[:-2], start, end - 2)))
            append(make(Token, (word[-2:], end - 2, end)))
        elif (cut := _name_suffix_at(word)) > 0:
            append(make(Token, (word[:cut], start, start + cut)))
            append(make(Token, (word[cut:], start + cut, end)))
        else:
            append(make(Token, (word, start, end)))
        if dot:
            append(make(Token, (".", end, end + 1)))
    return _without_proclitics(tokens) if _ARABIC_LETTER.search(text) else tokens


def _without_proclitics(tokens: list[Token]) -> list[Token]:
    """Arabic words with a one-letter conjunction or preposition written onto them split in two
    ("وسوريا", and Syria: "و" + "سوريا"), so that a name can start on a token. Only where the text
    shows the split: the rest opens with the article ("والرياض", "للأمم" of li- + al-), or the text
    also writes the rest alone; "لبنان" (Lebanon), whose first letter is no proclitic, stays whole.
    A word more common whole than its rest is a word of its own, though its rest opens like the
    article: "كاليفورنيا" (California) is no "ك" + "اليفورنيا", nor "بالدوين" (Baldwin) "ب" + "الدوين"."""
    alone = {t.text for t in tokens}
    out: list[Token] = []
    for token in tokens:
        word = token.text
        rest = word[1:]
        if (
            len(word) > _PROCLITIC_MIN_CHARS
            and word[0] in ARABIC_PROCLITICS
            and (
                word.startswith("لل")
                or rest in alone
                or (rest.startswith("ال") and zipf(word, "ar") <= zipf(rest, "ar"))
            )
        ):
            out += [Token(word[0], token.start, token.start + 1), Token(rest, token.start + 1, token.end)]
        else:
            out.append(token)
    return out


def _name_suffix_at(word: str) -> int:
    """Where a case ending written after an apostrophe starts in a capitalised word ("Türkiye'de",
    "Erdoğan'ın", Polish "George'a"), or 0: Turkish (and Polish, for foreign names) set a proper
    name's suffixes off so, and the name is the part before. English contractions ("Don't",
    "We're") and names with a capital after the apostrophe ("O'Brien", "Sant'Anna") stay whole."""
    if not word[:1].isupper() or ("'" not in word and "’" not in word):
        return 0
    match = _APOSTROPHE_SUFFIX.search(word)
    if match is None or match.start() < 2 or match.group(1) in _CONTRACTIONS:
        return 0
    return match.start()


@lru_cache(maxsize=4)
def document_tokens(text: str) -> list[Token]:
    """``tokenize(text)`` kept for the few texts read last: recognition goes over an article's
    tokens several times (tagging, propagation, fused names). Callers must not change the list."""
    return tokenize(text)


def _keeps_dot(word: str) -> bool:
    """A dot belongs to the word for single-letter initials and dotted abbreviations (J., U.S.)."""
    core = word[:-1]
    return (len(core) == 1 and core.isupper()) or "." in core


# Scripts whose names fold to Latin with too little left to tell them apart: those that write no
# short vowels (Arabic, Persian, Urdu, Hebrew), and ideographs, kana and Hangul, whose readings
# many characters share (机场 "airport" and a town's 吉昌 both fold to "jichang"; Japanese コロナ,
# "corona", to "korona" as Polish "korona", a crown, does). And the abugidas of India (Devanagari
# to Sinhala) and Ethiopia, whose words fold to Latin syllables that meet names and acronyms of
# other scripts: Hindi "उस" (that) folds to "us", "खाना" (food) to "khana"; Amharic "ጊዜ" (time) to
# "gize", as Giza's names do.
OWN_LETTERS = re.compile(
    r"[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u0dff\u1200-\u139f\ufb1d-\ufdff\ufe70-\ufeff"
    r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
)


def in_own_letters(text: str) -> bool:
    """Whether ``text`` writes letters of those scripts (``OWN_LETTERS``): its folding reaches
    names of other scripts it does not mean."""
    return OWN_LETTERS.search(text) is not None


# Longer words in capitals are names written so ("ВАШИНГТОН" opening a report), not acronyms.
ACRONYM_MAX_CHARS = 5


def is_acronym(surface: str) -> bool:
    """A short word all in capitals ("CNN", "БТА", "ИГ"): spelt letter by letter, so never a place's
    inflected or transliterated name, and a city's only as its airport code."""
    return 2 <= len(surface) <= ACRONYM_MAX_CHARS and surface.isalpha() and surface.isupper()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Latin, lowercase, no diacritics, words separated by single spaces.

    Any script is transliterated (anyascii); hyphens and apostrophes become spaces or vanish so
    that "Абу-Кемаль", "Abu Kemal" and "Abū-Kemāl" fold alike.

    Example:
        >>> fold("Абу-Кемаль"), fold("Německo"), fold("État islamique")
        ('abu kemal', 'nemecko', 'etat islamique')
    """
    text = unicodedata.normalize("NFKC", text.translate(_INVISIBLE))
    latin = anyascii(text).lower().replace("'", "").replace("`", "")
    return _SPACES.sub(" ", _NOT_WORD.sub(" ", latin)).strip()


# Case endings of the Slavic languages (and Bulgarian articles), in folded Latin, longest first.
# Stripping the same endings from a gazetteer name and from a text form leaves the same stem:
# "Niemcy"/"Niemiec" do not meet this way, but "Германии"/"Германия", "Stanach"/"Stany",
# "Trumpem"/"Trump" do, which is what cross-lingual keys need.
_ENDINGS = tuple(
    sorted(
        [
            "ovymi",
            "ykh",
            "ikh",
            "akh",
            "ech",
            "iv",
            "yy",
            "ovych",
            "ovyh",
            "ovych",
            "ovih",
            "ovim",
            "ovega",
            "ovemu",
            "ovom",
            "ovoy",
            "ovoj",
            "ovou",
            "ovem",
            "ovy",
            "ova",
            "ove",
            "ovi",
            "ovo",
            "ovu",
            "ami",
            "ach",
            "ich",
            "ych",
            "ymi",
            "imi",
            "ego",
            "ogo",
            "emu",
            "omu",
            "iyu",
            "iya",
            "iye",
            "iyi",
            "iji",
            "ija",
            "ije",
            "ijo",
            "ii",
            "ie",
            "ia",
            "iu",
            "ij",
            "iy",
            "yat",
            "ata",
            "eto",
            "ite",
            "ite",
            "ta",
            "to",
            "te",
            "om",
            "em",
            "ou",
            "ej",
            "oj",
            "ah",
            "ih",
            "yh",
            "am",
            "im",
            "ym",
            "ov",
            "ow",
            "ev",
            "a",
            "e",
            "i",
            "o",
            "u",
            "y",
        ],
        key=len,
        reverse=True,
    )
)
_MIN_STEM = 3
# Looked up by suffix length rather than tried one by one: stems are most of the features' cost.
_ENDING_SET = frozenset(_ENDINGS)
_LONGEST_ENDING = max(map(len, _ENDINGS))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A folded word without its inflectional ending (at least three letters are kept).

    Example:
        >>> stem("trumpem"), stem("germanii"), stem("germaniya"), stem("amerikata")
        ('trump', 'german', 'german', 'amerik')
        >>> stem("niemiec"), stem("niemcy")
        ('niemc', 'niemc')
    """
    for size in range(min(_LONGEST_ENDING, len(word) - _MIN_STEM), 0, -1):
        if word[-size:] in _ENDING_SET:  # the longest ending first, as _ENDINGS is ordered
            return _finish(word[:-size])
    return _finish(word)


def _finish(word: str) -> str:
    """A stem after its ending went: the fleeting vowel and a vowel left at the end removed."""
    # The Slavic fleeting vowel: "Niemiec"/"Niemcy", "Němec"/"Němci", "igilovec"/"igilovcy".
    if len(word) > _MIN_STEM + 2 and word.endswith("ec"):
        word = word[:-3] + "c" if word.endswith("iec") else word[:-2] + "c"
    # A vowel left at the end (Bulgarian article + ending, "amerika-ta") goes too.
    if len(word) > _MIN_STEM + 1 and word[-1] in "aeiouy":
        word = word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem_variants(word: str) -> tuple[str, ...]:
    """``stem(word)`` first, then the stems its other possible endings leave.

    Endings are ambiguous: Bulgarian "сената" is "сенат" + article "-а", not "сена" + "-та", and
    the longest ending is not always the right one. A dictionary lookup that misses with the
    first stem tries these.

    Example:
        >>> stem_variants("senata")
        ('sen', 'sena', 'senat')
    """
    out = [stem(word)]
    out += [
        _finish(word[:-size])
        for size in range(min(_LONGEST_ENDING, len(word) - _MIN_STEM), 0, -1)
        if word[-size:] in _ENDING_SET
    ]
    out.append(_finish(word))
    out += [hard for variant in out for hard in _hardened(variant)]
    return tuple(dict.fromkeys(out))


# West Slavic locatives and datives soften a stem's last consonant before -e/-ie/-ě: Polish
# "Nevadzie" (Nevada), "Ameryce" (Ameryka), "Polsce" (Polska), "Kalkucie" (Kalkuta), "Ameryce",
# "Teksasie"; Czech "Americe", "Praze" (Praha), "Pradze" (Praga).
_SOFTENED = (("dz", ("d", "g")), ("rz", ("r",)), ("c", ("k", "t")), ("z", ("h", "g")))


def _hardened(stem_: str) -> list[str]:
    """The stems a softened last consonant may stand for ("nevadz" -> "nevad", "nevag")."""
    for soft, hards in _SOFTENED:
        if stem_.endswith(soft) and len(stem_) > _MIN_STEM + len(soft):
            return [stem_[: -len(soft)] + hard for hard in hards]
    return []


# At most this many stemmed readings of a phrase are tried (each word's variants multiply).
_MAX_PHRASE_VARIANTS = 16


def stem_phrase_variants(folded: str) -> list[str]:
    """``stem_phrase(folded)`` first, then other readings from each word's ``stem_variants``."""
    words = [stem_variants(w) for w in folded.split()]
    out = []
    for combination in itertools.product(*words):
        out.append(" ".join(combination))
        if len(out) >= _MAX_PHRASE_VARIANTS:
            break
    return out


def stem_phrase(folded: str) -> str:
    """Every word of a folded phrase stemmed: "stanach zjednoczonych" -> "stan zjednoczon"."""
    return " ".join(stem(w) for w in folded.split())


# Spelling variants of one sound across transliteration systems, applied before vowels are dropped.
_SOUNDS = (
    ("shch", "s"),
    ("sch", "s"),
    ("dzh", "g"),
    ("dj", "g"),
    ("zh", "z"),
    ("sh", "s"),
    ("sz", "s"),
    ("cz", "c"),
    ("ch", "c"),
    ("kh", "h"),
    ("ts", "c"),
    ("tz", "c"),
    ("rz", "z"),
    ("ph", "f"),
    ("th", "t"),
    ("ck", "k"),
    ("q", "k"),
    ("w", "v"),
    ("x", "ks"),
    ("c", "k"),
)
_VOWELS = re.compile(r"[aeiouyj]+")
_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def sound_key(word: str) -> str:
    """A transliteration-blind skeleton of a folded word: first letter, then its consonants.

    "Biden", "Байден", "Байдън" and "Bidenem" (after ``stem``) all give "bdn"; "Trump" and "Трамп"
    give "trmp".

    Example:
        >>> sound_key("biden"), sound_key("baidun"), sound_key("tramp"), sound_key("trump")
        ('bdn', 'bdn', 'trmp', 'trmp')
    """
    if not word:
        return word
    for spelling, sound in _SOUNDS:
        word = word.replace(spelling, sound)
    head, rest = word[0], word[1:]
    return _REPEATS.sub(r"\1", head + _VOWELS.sub("", rest))
