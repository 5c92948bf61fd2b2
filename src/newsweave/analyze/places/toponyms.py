"""Finding place names in a text: capitalised spans the gazetteer knows, demonyms, NER mentions.

A span is a run of up to six words joined by a space or a hyphen, opening and closing with a
capitalised word (or a word of a script without case, such as Arabic); short lowercase words may
sit inside ("Deir ez-Zor", "Stratford upon Avon"). The longest span the gazetteer knows wins.
Common words that are also place names ("May", "Reading", "Bath") are kept only where their
context says place: not at the start of a sentence unless the place is a country or a
first-level division, never when the text also uses the word in lowercase, never after a
personal title ("Mr.", "Gov."). A name inside a longer capitalised name ("George Washington")
is not a place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from anyascii import anyascii

from newsweave.analyze.entities.features import BSNLP_LANGUAGES
from newsweave.analyze.entities.lemmas import CAPITALISED_NOUNS, is_common_word, is_no_noun
from newsweave.analyze.entities.nationalities import nationality
from newsweave.analyze.entities.normalizer import default_normalizer
from newsweave.analyze.entities.segmented import chinese_word_tag, chinese_words
from newsweave.analyze.entities.text import ARABIC_PROCLITICS, HAS_MARK, MARKS
from newsweave.analyze.places.abbreviations import admin1_code, unambiguous
from newsweave.analyze.places.gazetteer import ADMIN1, CONTINENT, COUNTRY, Entry, Gazetteer, short_names
from newsweave.analyze.places.names import fold, native, simplified
from newsweave.analyze.word_frequencies import zipf
from newsweave.records import EntityType, Mention

MAX_WORDS = 6
_UNCASED_VARIANT_WORDS = 3
# How alike a spelling variant must be to a known name to be spotted ("Abou Kamal" ~ "Abu Kamal").
FUZZY_RATIO = 0.85
# A word this frequent in the language (Zipf scale: 5 = once per 100,000 words) is a common word first.
COMMON_ZIPF = 4.0
# A one-word name is read as a word when its Zipf frequency reaches log10(population of its
# largest place) plus this margin: "March" (Zipf 5.3, a town of 22,000) is a month, "London"
# (5.3, 8.9 million) a city. Mid-sentence capitals are more often names, hence two margins.
WORD_MARGIN = 0.5
WORD_MARGIN_AT_SENTENCE_START = -0.5
# In a script without capitals a common word (``COMMON_ZIPF``) names a place only if that is a
# well-known one (``Gazetteer.famous_native``), or a town (not only a division's other name:
# العاصمة, "the capital", is no governorate of Sanaa) for which the word is rarer than
# log10(population) plus this margin: 联合 ("joint", Zipf 5.2) is no town of 121,000, 民主
# ("democracy") none of 123,000; but Hebrew "אשקלון" (4.4) is Ashkelon (144,000), a city its country's
# news names often (-1.1 loses it and Ashdod): chosen on Arabic and Chinese news, where it held on the
# held-out texts too (-0.75 let "السلمية", peacefulness, be Salamiyah again), and since facts-25
# in Japanese and Korean, checked against the English originals of NTREX-128's translations
# ("위해", for the sake of, was Weihai 17 times; "津波", tsunami, Tsuha); Hebrew, Persian and the
# other scripts without capitals keep the plain test until news of theirs is read.
COMMON_WORD_MARGIN = -1.1
_COMMON_WORD_LANGUAGES = frozenset({"ar", "zh", "ja", "ko"})
# Languages whose names take case endings (or, in Bulgarian, an article): a place's name there is
# looked up by its lemma ("Iraku", in Iraq, is also Iraku in Tanzania as written); elsewhere a
# name as written goes first (``toponym_of``). German's genitive "-s" is in this class too. So is
# English, for another reason: the lemma of a capitalised "-ing" word is a word ("Shaping" of
# "Shaping the Future", a committee, is "shape"), and it kept the recogniser's false places there
# from towns ("Shaping", China; "Browning", a dog, Montana) as often as it lost one ("Manning",
# South Carolina, read as the Isle of Man): LGL's development half, 3 pins against 4.
_NAMES_INFLECT = frozenset({"be", "bg", "bs", "cs", "de", "el", "en", "et", "fi", "hr", "hu", "lt", "lv", "mk",
                            "pl", "ru", "sk", "sl", "sr", "uk"})  # fmt: skip
# Arabic's nouns for kinds of places, which news writes before a place's name ("مدينة تعز", the
# city of Taiz; "محافظة إدلب", Idlib governorate) and alone for "the city" or "the region": no
# place by themselves, though GeoNames gives some of them to a place (Medina is "المدينة" in full,
# "المدينة المنورة", a name of two words that stays a place).
_GENERIC_PLACE_NOUNS = {
    "ar": frozenset(native(w) or w for w in (
        "مدينة", "المدينة", "محافظة", "المحافظة", "ولاية", "الولاية", "منطقة", "المنطقة", "قرية",
        "القرية", "بلدة", "البلدة", "إقليم", "الإقليم", "جزيرة", "الجزيرة", "مقاطعة", "المقاطعة",
        "مخيم", "المخيم", "العاصمة", "عاصمة", "حي", "الحي", "ناحية", "الناحية", "قضاء", "القضاء",
    )),
}  # fmt: skip
# A word this frequent in its language (Zipf) is a function word ("para" 6.9, "sin" 6.2, "will" 6.5).
FUNCTION_WORD_ZIPF = 6.0
# A city this large is read as the city even where the text also has it as a surname.
SURNAME_MAX_POPULATION = 100_000
# Words that, after a place name, make a longer name still naming the place's institution.
INSTITUTIONS = {
    "police", "fire", "city", "county", "state", "department", "mayor", "high", "community", "school", "schools",
    "university", "college", "council", "board", "sheriff", "sheriff's", "hospital", "airport", "public",
    "regional", "area", "chamber", "library", "township", "district", "road", "street", "avenue", "river",
    "valley", "metro", "municipal", "international", "national", "province", "provincial", "region",
    "government", "parish", "borough", "village", "town", "harbor", "harbour", "port", "station", "bay", "lake",
    "mountains", "mountain", "beach", "park", "island", "islands", "memorial", "medical", "health", "water",
    # local government and its services ("Henderson County Jail", "Litchfield Superior Court",
    # "Harwinton Democratic Town Committee", "New Concord Reservoir")
    "jail", "court", "courthouse", "superior", "circuit", "commission", "commissioners", "coroner", "selectman",
    "selectmen", "reservoir", "democratic", "republican", "emergency", "senior", "transit", "housing", "planning",
    "zoning", "utilities", "sanitation", "recreation", "fairgrounds", "cemetery", "historical",
}  # fmt: skip

# Words that, after a place name, make a newspaper's name.
_PUBLICATIONS = {
    "times", "post", "herald", "tribune", "journal", "gazette", "chronicle", "examiner", "inquirer", "courier",
    "dispatch", "observer", "sentinel", "daily",
}  # fmt: skip

# Scripts written without spaces between words (Han, kana) and Hangul, whose particles attach.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_CJK_MAX = 6
_HIRAGANA = re.compile(r"[\u3040-\u309f]+")  # particles and endings; place names take kanji or katakana
_TOKEN = re.compile(r"(?:[A-Z][a-z]{0,2}\.){2,}|[^\W_]+")
# Arabic's and Hebrew's vowel signs (harakat, tanwin, shadda; niqqud), which \w leaves out: "يوميًا"
# (daily) is one word, not "يومي" and "ا", whose "ا من" (…ly from) read as Oman eleven times in
# 22 articles of NTREX-128's Arabic.
_ABJAD_MARKS = "\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_ABJAD_MARK = re.compile(f"[{_ABJAD_MARKS}]")
# A word keeps its marks.
_MARKED_TOKEN = re.compile(rf"(?:[A-Z][a-z]{{0,2}}\.){{2,}}|[^\W_](?:[^\W_]|[{MARKS}{_ABJAD_MARKS}])*")
_JOIN = re.compile(r"[ \u00a0]?[-‐‑][ \u00a0]?|[ \u00a0]")
_ABBREVIATED = {"st", "ste", "ft", "mt", "pt"}  # "St. Louis", "Ft. Worth"
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "lady", "gov", "governor", "sen", "senator", "rep",
    "president", "judge", "justice", "sheriff", "officer", "sgt", "sergeant", "capt", "captain", "lt", "det",
    "coach", "rev", "reverend", "father", "pastor", "bishop", "mayor", "king", "queen", "prince", "princess",
    "gen", "general", "col", "colonel", "maj", "major", "minister", "chancellor", "secretary", "saint",
    "г", "господин", "президент", "mme", "monsieur", "madame", "herr", "frau", "señor", "sr",
}  # fmt: skip
_AREA_FEATURES = {CONTINENT, COUNTRY, ADMIN1}
# English compass words: a part of the place they open ("North Texas"), never a place alone.
_COMPASS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "northeastern", "northwestern", "southeastern", "southwestern",
}  # fmt: skip
# The least population of a first-level division whose name is read as the place even where it is
# also a word or a surname (US states, provinces): smaller ones bear such names by chance.
AREA_MIN_POPULATION = 250_000
# A city this large has its own name in most languages (Rom, Mailand, Pékin): an exonym that is
# also a common word of the language is read as the city.
EXONYM_MIN_POPULATION = 1_000_000
# Where every noun is capitalised, a word this frequent (Zipf; "Namen" 5.4, "Essen" 5.3) names a
# town below EXONYM_MIN_POPULATION only as a word of the town's own name: "Essen" is Essen,
# "Frankfurt" Frankfurt am Main, but "Namen" (names), Namur's German name, is no Namur.
EVERYDAY_NOUN_ZIPF = 5.0
# The one-letter party before a legislator's home town in US news: "Sen. Robert Ford, D-Charleston".
_PARTIES = {"D", "R", "I"}
# Russian and Ukrainian case endings and the nominative endings they replace ("Сирии" -> "Сирия").
_CYRILLIC_ENDINGS = (
    ("ией", "ия"), ("ии", "ия"), ("ию", "ия"), ("ой", "а"), ("ом", ""), ("ем", "ь"), ("е", "ь"), ("я", "ь"),
    ("ю", "ь"), ("и", "ь"), ("е", "а"), ("у", "а"), ("ы", "а"), ("и", "а"), ("а", ""), ("у", ""), ("е", ""),
    ("е", "я"), ("у", "я"),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Toponym:
    """A span naming a place, with the folded name to look up."""

    start: int
    end: int
    text: str
    key: str  # folded name, or the demonym's country name
    demonym: bool = False
    from_ner: bool = False
    code: str | None = None  # a country ("TR") or admin1 key ("US.IL") the span can only mean
    # Read by a recogniser alone in a language it was not trained on: pinned only with a witness.
    needs_witness: bool = False
    # A place the curated alias file names without a GeoNames id (the White House, the Kremlin):
    # kept whole, named, and not looked up ("White House" is also a town in Tennessee).
    curated: bool = False


@dataclass(slots=True)  # not frozen: a frozen dataclass is built several times slower, and there is one per word
class _Token:
    start: int
    end: int
    text: str
    cased: bool  # written in a script with case
    capital: bool  # capitalised, or of a script without case (Arabic, Chinese): could open a name


def tokens(text: str) -> list[_Token]:
    """Words of ``text`` (abbreviations such as "U.S." kept whole)."""
    found = []
    marked = HAS_MARK.search(text) or _ABJAD_MARK.search(text)
    for m in (_MARKED_TOKEN if marked else _TOKEN).finditer(text):
        word = m.group(0)
        first = word[0]
        upper = first.isupper()
        cased = upper or first.islower()
        found.append(_Token(m.start(), m.end(), word, cased, upper or (not cased and first.isalpha())))
    return found


def spot(gazetteer: Gazetteer, text: str, language: str | None = None) -> list[Toponym]:
    """Place names in ``text`` that the gazetteer knows, longest first, not overlapping."""
    words = tokens(text)
    lowercase = {w.text for w in words if w.text.islower()}
    surnames = _surnames(gazetteer, text, words, lowercase)
    found: list[Toponym] = []
    i = 0
    while i < len(words):
        abbreviation = _abbreviation(gazetteer, text, words, i) if words[i].capital else None
        if abbreviation is not None:
            found.append(abbreviation)
            i += 1
            continue
        if not words[i].cased and _CJK.match(words[i].text):
            found += _spot_unspaced(gazetteer, text, words[i], language)
            i += 1
            continue
        hit = _match_at(gazetteer, text, words, i) if words[i].capital else None
        if hit is not None and hit[1] == 1 and words[i].text.casefold() in _COMPASS:
            hit = _with_compass_prefix(gazetteer, text, words, i, language, lowercase)
        if hit is None:
            i += 1
            continue
        toponym, length = hit
        if _plausible(gazetteer, text, words, i, length, toponym, language, lowercase) and not (
            length == 1 and fold(words[i].text) in surnames and not _area(gazetteer, toponym.key, words[i].text)
        ):
            found.append(toponym)
            i += length
        else:  # a name may start inside a rejected one: "El Reino" (El Reno, spelt alike), then "Reino Unido"
            i += 1
    return found


def _with_compass_prefix(
    gazetteer: Gazetteer, text: str, words: list[_Token], i: int, language: str | None, lowercase: set[str]
) -> tuple[Toponym, int] | None:
    """ "North Texas", "South Arlington": the part of a place, spotted whole and read as the place.

    A compass word alone ("West said", "the South") is a surname or a broad region, not a place:
    None then, though some country has a division called "West" or "Central".
    """
    if i + 1 >= len(words) or not words[i + 1].capital or not _joined(text, words[i], words[i + 1]):
        return None
    hit = _match_at(gazetteer, text, words, i + 1)
    if hit is None or hit[0].demonym:  # "South Korean" is matched whole above, "North African" is no place
        return None
    inner, length = hit
    if length == 1 and not _plausible(gazetteer, text, words, i + 1, 1, inner, language, lowercase, after_compass=True):
        return None
    start = words[i].start
    return Toponym(start, inner.end, text[start : inner.end], inner.key, code=inner.code), length + 1


def _spot_unspaced(gazetteer: Gazetteer, full_text: str, word: _Token, language: str | None) -> list[Toponym]:
    """Names inside a run of Chinese, Japanese or Korean, written without spaces: longest first."""
    found = []
    text, at = word.text, 0
    letters = [_unspaced_fold(ch) for ch in text]
    while at < len(text) - 1:
        for length in range(min(_CJK_MAX, len(text) - at), 1, -1):
            piece = text[at : at + length]
            parts = letters[at : at + length]
            key = fold(piece) if None in parts else "".join(parts)  # type: ignore[arg-type]
            population = gazetteer.native.get(piece)
            if population is None or key not in gazetteer.names or _HIRAGANA.fullmatch(piece):
                continue
            zipf = _zipf(piece, language)
            if length == 2 and zipf == 0.0:
                continue  # two characters that are no word of the language straddle two words
            big = population >= BIG_PLACE
            if (not big and _in_personal_name(full_text, word.start + at, word.start + at + length)) or (
                language == "zh" and _cuts_a_word(text, at, at + length, big)
            ):
                continue
            if _inside_katakana_word(text, at, at + length) or (language == "ko" and at > 0):
                continue  # Korean spaces its words and writes particles after a name, not before it
            # Against the places written so, not those whose name folds alike: 共和 ("republic")
            # folds like a town's name, but no place bears it.
            if _rarer_than_its_place(gazetteer, piece, language, population, zipf):
                found.append(Toponym(word.start + at, word.start + at + length, piece, key))
                at += length
                break
        else:
            at += 1
    return found


# A country or a city this large stands inside a longer word that is no place's name: 中国政府
# (the Chinese government), 英国广播公司 (the BBC) name the place as "Kentucky State Police"
# does, 美国纽约 two places. Not inside another place's name: 马里 (Mali) in 马里兰州 (Maryland).
BIG_PLACE = 1_000_000
# Chinese and Japanese write a foreign person's names apart with a middle dot: 安德森·库珀.
_NAME_DOTS = "·・•‧"


def _inside_katakana_word(run: str, start: int, end: int) -> bool:
    """Whether a piece written in katakana is part of a longer katakana word: "タイ" (Thailand) in
    "スタイル" (style), "ボー" (Bo) in "ボール" (ball), "トラン" in "トランプ" (Trump). Japanese
    writes a foreign word in one unbroken run of katakana (a middle dot between names)."""
    piece = run[start:end]
    if not _KATAKANA.fullmatch(piece):
        return False
    return bool(_KATAKANA.fullmatch(run[start - 1 : start] if start else "") or _KATAKANA.fullmatch(run[end : end + 1]))


_KATAKANA = re.compile("[\u30a1-\u30fa\u30fc]+")


def _in_personal_name(text: str, start: int, end: int) -> bool:
    """Whether the piece touches a middle dot joining a foreign person's given name and surname."""
    return (start > 0 and text[start - 1] in _NAME_DOTS) or (end < len(text) and text[end] in _NAME_DOTS)


def _cuts_a_word(run: str, start: int, end: int, big: bool) -> bool:
    """Whether the piece cuts a longer word of jieba's dictionary.

    Chinese has no spaces, so a town's name turns up inside words: 民主 (Minzhu, and "democracy")
    in 民主党 (the Democratic Party), 联合 in 联合国 (the United Nations), 伯特 (Burt) in 罗伯特
    (Robert), 加利 (Gary) in 加利福尼亚州 (California, a longer place the gazetteer lacks).
    A place followed by its kind (市 city, 州 state…) in one word is not cut, nor a ``big`` place
    inside a word that names no place.
    """
    for a, b in chinese_words(run):
        if b <= start:
            continue
        if a >= end:
            return False
        if (a == start and run[end:b] in _PLACE_SUFFIXES) or (big and chinese_word_tag(run[a:b]) != "ns"):
            continue
        if a < start or b > end:
            return True
    return False


# A place's name with its kind after it is one word to jieba: 卡森市 (Carson City), 怀俄明州,
# 悉尼港, 土耳其共和国 (but not 刚果民主共和国, the other Congo).
_PLACE_SUFFIXES = frozenset([*"市州县縣省郡城镇鎮村区區港", "共和国", "共和國"])


# Ideographs, kana and Hangul syllables: NFKC leaves them as they are and joins none of them to
# its neighbour, and anyascii spells each alone, so a run of them folds letter by letter.
_UNSPACED_RANGES = ((0x3041, 0x3096), (0x30A1, 0x30FA), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7A3))
_PLAIN_FOLD = re.compile(r"[a-z0-9]*")


@lru_cache(maxsize=32768)
def _unspaced_fold(ch: str) -> str | None:
    """``fold`` of one letter of a run without spaces, such that ``fold`` of the run is these
    joined; None for a letter that needs ``fold`` of the whole piece.

    Folding every piece of a Chinese or Japanese run whole (each a new string) cost most of the
    spotting time of such an article, and flushed ``fold``'s cache of the words of every other text.
    """
    code = ord(ch)
    if not any(lo <= code <= hi for lo, hi in _UNSPACED_RANGES):
        return None
    spelled = anyascii(ch).casefold()
    if unicodedata.normalize("NFKC", ch) != ch or not _PLAIN_FOLD.fullmatch(spelled):
        return None
    return spelled


def from_mentions(
    text: str, mentions: Sequence[Mention], gazetteer: Gazetteer | None = None, language: str | None = None
) -> list[Toponym]:
    """Toponyms from an entity recogniser's LOC mentions (their lemma looked up when given, but for
    a name in its own letters: simplemma's Arabic lemma of "تعز", Taiz, is "عز", and GeoNames writes
    Arabic names with their article, "القاهرة"); with the ``gazetteer``, a country or state the
    recogniser names where the gazetteer reads no such area is fixed to it (``recognised_area``)."""
    return [
        toponym_of(m, gazetteer, language) for m in mentions if m.type is EntityType.LOCATION and m.end <= len(text)
    ]


def toponym_of(mention: Mention, gazetteer: Gazetteer | None = None, language: str | None = None) -> Toponym:
    """The toponym a recogniser's mention names (``from_mentions``): looked up by its lemma
    ("Warszawie": "Warszawa"), but where names do not inflect, as written when both name places:
    Turkish "Kumluca" has the lemma "Kumlu", another town, "Saruhanlı" the lemma "Saruhan"."""
    written = fold(mention.text)
    lemma = fold(mention.lemma) if mention.lemma else written
    both_places = gazetteer is not None and written in gazetteer.names and lemma in gazetteer.names
    as_written = native(mention.text) is not None or (both_places and language not in _NAMES_INFLECT)
    key = written if as_written else lemma
    code = recognised_area(gazetteer, mention, key, language) if gazetteer else None
    return Toponym(mention.start, mention.end, mention.text, key, from_ner=True, code=code)


# The last word of an English street's name (US and UK abbreviations too): a recognised place
# ending in one is a street, which GeoNames does not hold, and no town named in it.
# ("Highway" is left out: "Kansas Highway Patrol" is read with a "Kansas Highway".)
_STREET_WORDS = frozenset({
    "street", "st", "avenue", "ave", "road", "rd", "drive", "dr", "boulevard", "blvd", "lane", "ln",
    "parkway", "pkwy", "terrace", "circle", "trail", "pike", "alley", "expressway", "turnpike",
})  # fmt: skip
_ABBREVIATIONS = frozenset({"st", "dr"})  # also Saint and Doctor: "Fort St. John"
_NAME_AFTER = re.compile(r"\s*[A-Z]")


def is_street(name: str, after: str = "") -> bool:
    """Whether a place's name of two words or more ends in a street word ("Washington Drive",
    "Lincoln Ave."), given the text ``after`` it."""
    words = name.rstrip(".").split()
    last = words[-1].casefold() if len(words) >= 2 else ""
    return last in _STREET_WORDS and not (last in _ABBREVIATIONS and _NAME_AFTER.match(after))


def recognised_area(gazetteer: Gazetteer, mention: Mention, key: str, language: str | None = None) -> str | None:
    """The code of the country or state (GeoNames admin1) a curated alias names ("США", "ZDA",
    "РФ" in ``entity_aliases.toml``), where the gazetteer reads the name as no country or state:
    it holds no "США" at all, and "РФ" only as Ar Rifā', Bahrain. The recogniser's own index is
    trusted so where it reads endings the gazetteer does not: in Cyrillic and Greek, where the
    gazetteer folds the letters to Latin and meets other places ("Техас" read as Toyohashi,
    "Техасе" nothing), and in the Latin-script languages the recogniser was trained to inflect
    (Polish, Czech, Slovene: "Pensylwanii", "Florydzie", "Stanach Zjednoczonych"). Elsewhere in
    Latin script it keys names by stem and sound ("Messi" is Mexico's, "Main" Maine's), which the
    gazetteer's reading rightly overrules. Where the gazetteer reads an area too ("Georgia"),
    resolution weighs the readings as for any name."""
    entity = mention.entity or ""
    if not entity.startswith("geonames:") or not entity[9:].isdigit():
        return None
    code = _area_codes(gazetteer).get(int(entity[9:]))
    if code is None or any(e.feature in (COUNTRY, ADMIN1) for e in gazetteer.lookup(key)):
        return None
    if _CYRILLIC_OR_GREEK.search(mention.text) or language in BSNLP_LANGUAGES:
        return code  # its index holds the areas' names in these scripts, their endings stemmed
    aliases = default_normalizer().aliases
    named = {alias.key for form in {mention.text, mention.lemma} if form and (alias := aliases.find(fold(form), form))}
    return code if entity in named else None


_CYRILLIC_OR_GREEK = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


# id(gazetteer) -> (that gazetteer, GeoNames id -> country or admin1 code). The gazetteer is held
# with its codes, so that its id is never reused for another while cached (one per process).
_AREA_CODES: dict[int, tuple[Gazetteer, dict[int, str]]] = {}


def _area_codes(gazetteer: Gazetteer) -> dict[int, str]:
    """Countries' and states' codes by GeoNames id (built once per loaded gazetteer)."""
    cached = _AREA_CODES.get(id(gazetteer))
    if cached is None or cached[0] is not gazetteer:
        codes = {gazetteer.rows[i][0]: code for code, i in gazetteer.admin1.items()}
        codes.update({gazetteer.rows[i][0]: code for code, i in gazetteer.countries.items()})
        cached = _AREA_CODES[id(gazetteer)] = (gazetteer, codes)
    return cached[1]


def merge(
    gazetteer: Gazetteer,
    spotted: Sequence[Toponym],
    mentions: Sequence[Mention],
    text: str,
    *,
    trusted: bool = True,
    language: str | None = None,
) -> list[Toponym]:
    """The recogniser's LOC spans and the spotter's, reconciled.

    Where a LOC span overlaps spotted names, the spotter's reading wins unless the recogniser's
    span is itself a name the gazetteer knows and covers them: outside the languages it was
    trained on the recogniser cuts a name short ("New" of "New York", "Santa" of "Santa Clara")
    or runs past it ("Toronto's Ontario", "Canada-wide", "Athens City Council"), and its raw
    span is then looked up as a name no gazetteer holds. On the dev half of the English
    geoparsing set, reading those spans as written unpinned 114 right places against 22 wrong.
    A spotted span inside any other recognised entity ("Paris Hilton", "Washington Post") is
    vetoed. A place the curated alias file names keeps its whole span. Where the recogniser is not
    ``trusted`` (a language it was not trained on), a place only it read needs another place of the
    article in its country to be pinned, and one word only it read is held to the spotter's
    frequency test (``read_as_a_word``).
    """
    merged: dict[tuple[int, int], Toponym] = {}
    claimed: set[tuple[int, int]] = set()
    curated = {(m.start, m.end) for m in mentions if (m.entity or "").startswith("alias:")}
    for toponym in from_mentions(text, mentions, gazetteer, language):
        inside = [t for t in spotted if t.start < toponym.end and toponym.start < t.end]
        claimed.update((t.start, t.end) for t in inside)
        if (toponym.start, toponym.end) in curated:
            # Known whole: "Белия дом" is the White House, not "Белия" (white), a GeoNames name of Bury.
            merged[(toponym.start, toponym.end)] = replace(toponym, curated=True)
            continue
        if not inside and read_as_a_word(gazetteer, toponym, language):
            continue
        if not inside or _covers(gazetteer, toponym, inside) or is_street(toponym.text, text[toponym.end :]):
            # A street is a place of its own: "Washington Drive" pins no Washington.
            merged[(toponym.start, toponym.end)] = replace(toponym, needs_witness=not (trusted or inside))
            continue
        for t in inside:  # the recogniser confirms a place at its own span: keep it even unpinned
            same = (t.start, t.end) == (toponym.start, toponym.end)
            merged.setdefault((t.start, t.end), replace(t, from_ner=same))
    taken = [(m.start, m.end) for m in mentions if m.type is not EntityType.LOCATION]
    for t in spotted:
        if (t.start, t.end) not in claimed and not any(t.start < end and start < t.end for start, end in taken):
            merged[(t.start, t.end)] = t
    return sorted(merged.values(), key=lambda t: t.start)


def read_as_a_word(gazetteer: Gazetteer, toponym: Toponym, language: str | None) -> bool:
    """Whether one capitalised word the recogniser alone took for a place is, by the spotter's
    test, a common word of the language rather than the place its key names.

    The recogniser tags "Новый" of "Новый год" (New Year), "Nähe" (vicinity) and "Duda" (the
    Polish president) as places, and their keys name Novi, Michigan, the Nahe and a Romanian
    village. Inflected names of countries and big cities ("Polsce", "Warszawie") pass, as the
    spotter's own names do; a demonym is its country.
    """
    word = toponym.text
    if language is None or not word.isalpha() or national(gazetteer, word, language):
        return False
    if _generic_place_noun(word, language):
        return True
    if word.lower() == word.upper():  # a script without capitals: "عالية" (high) is no Lae
        population = _uncased_population(gazetteer, toponym.key, word)
        return _a_common_word_first(gazetteer, word, language, population, _zipf(word, language))
    if not word[:1].isupper():
        return False
    if _foreign_division_name(gazetteer, toponym.key, word, language):
        return True
    rival = _rival(gazetteer, toponym.key, word, language)
    if rival is None or (rival == 0 and (toponym.key not in gazetteer.names or _area(gazetteer, toponym.key, word))):
        # A country's or state's name, or one the gazetteer does not hold ("США", "Mazowszu"):
        # no reading to weigh. A common word naming only places it cannot name here is a word.
        return False
    return _zipf(word, language) >= math.log10(rival + 1) + WORD_MARGIN


def _rival(gazetteer: Gazetteer, key: str, word: str, language: str | None) -> int | None:
    """The population a capitalised word spelt like ``key`` is weighed against, or None when it
    is trusted as a country's or state's name without weighing.

    "Turkey", "Chad", "Georgia" are the country, not the word. But German "Mann" is the Isle of
    Man and "Ende" India only in other languages: such a word is weighed against the key's other
    places ("Columbia", the towns; "England", the division), its countries left out.
    """
    if not _area(gazetteer, key, word):
        return _owned_population(gazetteer, key, word, language)
    if not _foreign_country_name(gazetteer, key, word, language):
        return None
    return max((e.population for e in gazetteer.lookup(key) if e.feature != COUNTRY), default=0)


def _owned_population(gazetteer: Gazetteer, key: str, word: str, language: str | None) -> int:
    """The population a word spelt like ``key`` is weighed against: that of every place named so,
    but for a common word of the article's language, only of the places that word can name there.

    GeoNames gives towns alternate names from every language and era, so common words of one
    language name small places abroad: German "Gerät" is Herat, "Küche" a Xincheng, "Rest" Rasht,
    Italian "Amen" Amiens, Turkish "Sarı" Surrey. A common word names a place here when it is
    the place's own name, or a city of a million, whose name every language has ("Rom",
    "Mailand"), or a spelling of the name in a country that speaks the language (German
    "Nürnberg", English "Vegas"; not "Google", a joke name of Topeka, Kansas, for a month in 2010).
    """
    if language is None or key not in gazetteer.names or not _common_word(word, language):
        return _population(gazetteer, key)
    acronym = word.isupper()  # "US" is the country's, whatever "us" is
    return max((e.population for e in gazetteer.lookup(key) if _named_so_in(e, key, language, acronym)), default=0)


def _common_word(word: str, language: str) -> bool:
    """A frequent word of the language, unless its dictionary holds it only as a name (Russian
    "Вашингтон" is frequent as the city's name). Without a dictionary, frequency alone."""
    return _common(word, language) and is_common_word(word, language) is not False


def _named_so_in(entry: Entry, key: str, language: str, acronym: bool = False) -> bool:
    """Whether a place found under ``key`` can bear that name in an article in ``language``.

    Where every noun is capitalised, a common noun is a town's own name only in a country that
    speaks the language: German "Länder" (states) was Lander, Venezuela, "Sänger" (singer) Sanger,
    California, "Gouverneur" and "Ware" towns of New York and Massachusetts.
    """
    if entry.feature == COUNTRY and not acronym:  # by its name here or in English: Spanish "Sin" is no China
        return _called_so(entry.country, key, language)
    if entry.population >= EXONYM_MIN_POPULATION:
        return True
    if language in CAPITALISED_NOUNS and entry.feature not in (COUNTRY, ADMIN1):
        if key not in fold(entry.name).split() and _zipf(key, language) >= EVERYDAY_NOUN_ZIPF:
            return False  # German "Namen" (names) is Namur's German name, but news means names
        return language in _official_languages(entry.country) and _own_name(entry, key, language)
    return _own_name(entry, key, language)


def _own_name(entry: Entry, key: str, language: str) -> bool:
    """Whether ``key`` is the place's own name, or begins or is a word of it in a country that
    speaks ``language``."""
    own = fold(entry.name)
    return own == key or ((own[:1] == key[:1] or key in own.split()) and language in _official_languages(entry.country))


def _foreign_division_name(gazetteer: Gazetteer, key: str, word: str, language: str | None) -> bool:
    """Whether a common word of the article's language names only first-level divisions abroad,
    by an alternate name that is none of theirs in that language.

    GeoNames gives divisions generic alternate names: German "Region" is Calabarzon's and
    Mimaropa's (the Philippines) and Maritime's (Togo). A division's name is trusted even where it
    is a common word ("Texas", "Georgia", ``_area``), but such a word is not the division's name.
    """
    if language is None or not _common_word(word, language):
        return False
    entries = gazetteer.lookup(key)
    return bool(entries) and all(e.feature == ADMIN1 and not _own_name(e, key, language) for e in entries)


@lru_cache(maxsize=512)
def _official_languages(country: str) -> frozenset[str]:
    """The languages a country speaks officially or in fact (CLDR, through babel)."""
    from babel.languages import get_official_languages

    return frozenset(get_official_languages(country, de_facto=True)) if country else frozenset()


def _covers(gazetteer: Gazetteer, toponym: Toponym, spotted: Sequence[Toponym]) -> bool:
    """Whether the recogniser's ``toponym`` is a known name spanning all ``spotted`` toponyms."""
    known = toponym.key in gazetteer.names or demonym(gazetteer, toponym.key) is not None
    return known and all(toponym.start <= t.start and t.end <= toponym.end for t in spotted)


def abbreviated(gazetteer: Gazetteer, start: int, written: str) -> Toponym | None:
    """A toponym for a state or province abbreviation ("Ill.", "W.Va."), or None."""
    code = admin1_code(written)
    division = gazetteer.division(code) if code else None
    if division is None:
        return None
    return Toponym(start, start + len(written), written, fold(division.name), code=code)


def _abbreviation(gazetteer: Gazetteer, text: str, words: list[_Token], i: int) -> Toponym | None:
    word = words[i]
    if not word.text[0].isupper() or (not word.text.endswith(".") and text[word.end : word.end + 1] != "."):
        return None
    written = word.text if word.text.endswith(".") else word.text + "."
    if not written.endswith(".") or admin1_code(written) is None:
        return None
    if not unambiguous(written) and text[max(0, word.start - 2) : word.start] != ", ":
        return None  # "Ill." or "Mass." alone is a word; after a comma it qualifies a place
    return abbreviated(gazetteer, word.start, written)


def _match_at(gazetteer: Gazetteer, text: str, words: list[_Token], i: int) -> tuple[Toponym, int] | None:
    """The longest known name (or demonym) starting at word ``i``, and its length in words."""
    last = i
    while last + 1 < len(words) and last + 1 - i < MAX_WORDS and _joined(text, words[last], words[last + 1]):
        last += 1
    # Read once for every span tried below (longest first): each word's folded form, and the
    # first word after ``i`` that may not stand inside a name, or is not capitalised.
    folds = [fold(w.text) for w in words[i : last + 1]]
    not_inner = next((k for k in range(i + 1, last + 1) if not _inner(words[k])), last + 1)
    not_capital = next((k for k in range(i, last + 1) if not words[k].capital), last + 1)
    for j in range(last, i - 1, -1):
        if not words[j].capital or not_inner < j:  # the span's closing word, and the words inside it
            continue
        span = words[i : j + 1]
        start, end = span[0].start, span[-1].end
        # Checked only once a key matched: most spans match none, and the check reads the letters.
        own_letters: bool | None = True if all(w.cased for w in span) else None
        for key in _keys(span, folds):
            if j == i and (country := demonym(gazetteer, key)) is not None:  # "Canadian": Canada, not a county
                return Toponym(start, end, text[start:end], fold(country.name), demonym=True, code=country.country), 1
            if gazetteer.knows(key, text[start:end]):
                own_letters = own_letters or known_in_its_letters(gazetteer, text[start:end])
                if own_letters:
                    return Toponym(start, end, text[start:end], key), len(span)
        # A spelling variant of a known name: "Deir Ezzor", "Abou Kamal", "البوكمال" for "البو كمال".
        # In a script without case every word could open a name: variants of up to three words only.
        multiword = j > i and not_capital > j and (span[0].cased or j - i < _UNCASED_VARIANT_WORDS)
        variant = multiword or (j == i and not span[0].cased and len(key) >= 5)
        if variant and own_letters is not False:  # (False: these letters are known to be no name)
            own_letters = own_letters or known_in_its_letters(gazetteer, text[start:end])
            if own_letters and gazetteer.lookup_spelling(key, FUZZY_RATIO):
                return Toponym(start, end, text[start:end], key), len(span)
    return None


def known_in_its_letters(gazetteer: Gazetteer, written: str) -> bool:
    """Whether a span in an abjad, ideographs, kana or Hangul is a name the gazetteer holds in
    those letters (an Arabic conjunction or preposition written onto it aside); True for a
    span in a cased script.

    Folded to Latin, "الوطن" (the homeland) is Luton and "عون" (aid) is Van, the vowels these
    scripts do not write being what told them apart; 机场 (airport) reads like the town 吉昌.
    """
    letters = native(written)
    return letters is None or _written_so(gazetteer, letters) is not None


def _written_so(gazetteer: Gazetteer, letters: str) -> int | None:
    """The largest population bearing a name in its own letters (an Arabic conjunction or
    preposition written onto it aside), or None when no place is written so."""
    population = gazetteer.native.get(letters)
    if population is None and len(letters) > 4 and letters[0] in "وبل":
        population = gazetteer.native.get(letters[1:])
    return population


def _joined(text: str, left: _Token, right: _Token) -> bool:
    gap = text[left.end : right.start]
    if gap == " " or _JOIN.fullmatch(gap):  # one space, by far the most common join, without the regex
        return True
    return gap in (". ", ".") and left.text.casefold() in _ABBREVIATED


def _inner(word: _Token) -> bool:
    return word.capital or (len(word.text) <= 4 and word.text.islower())


def _keys(span: list[_Token], folds: list[str]) -> Iterator[str]:
    """The folded keys of ``span`` (``folds``: its words' folded forms, or more after them)."""
    head = " ".join(folds[: len(span) - 1])
    last = span[-1].text
    yield f"{head} {folds[len(span) - 1]}".strip()
    if _is_cyrillic(last):
        for ending, nominative in _CYRILLIC_ENDINGS:
            if last.endswith(ending) and len(last) - len(ending) >= 3:
                yield f"{head} {fold(last[: -len(ending)] + nominative)}".strip()
    elif len(span) == 1 and len(last) > 4 and last[0] in "وبل" and not last[0].isupper():
        yield fold(last[1:])  # Arabic conjunction or preposition written onto the name


def _is_cyrillic(word: str) -> bool:
    return "\u0400" <= word[-1] <= "\u04ff"


def demonym(gazetteer: Gazetteer, key: str) -> Entry | None:
    """The country a folded demonym names, singular or plural ("syrian", "syrians"), or None."""
    found = gazetteer.demonym(key)
    if found is None and key.endswith("s"):  # "Syrians", "Americans"
        found = gazetteer.demonym(key[:-1])
    return found


def national(gazetteer: Gazetteer, word: str, language: str | None) -> Entry | None:
    """The country an English demonym ("Syrians") or a nationality's noun of ``language``
    ("Saoudiennes", ``entities.nationalities``) names, or None."""
    found = demonym(gazetteer, fold(word))
    if found is None and (code := nationality(word, language)) is not None:
        found = gazetteer.country(code)
    return found


def _surnames(gazetteer: Gazetteer, text: str, words: list[_Token], lowercase: set[str]) -> set[str]:
    """Words closing a capitalised run that is no place ("Gordon Brown"): the text's surnames.

    A person is named in full first and by surname after, so "Brown" alone later in the text
    is the same person, not Brown County.
    """
    found: set[str] = set()
    for i in range(1, len(words)):
        word, before = words[i], words[i - 1]
        if i >= 2 and _initial(text, before, word):  # "Derek D. Moore": the first name is before the initial
            before = words[i - 2]
            if not _joined(text, before, words[i - 1]):
                continue
        elif not _joined(text, before, word):
            continue
        if not (word.capital and word.cased and before.capital and before.cased):
            continue
        if before.text.casefold() in lowercase or before.text.casefold().rstrip(".") in _TITLES:
            continue  # "Generation Charleston", "The Smiths": a word, not a first name
        key = f"{fold(before.text)} {fold(word.text)}"
        if key in gazetteer.names or fold(word.text) in found:
            continue
        if gazetteer.max_population(fold(word.text)) < SURNAME_MAX_POPULATION:
            found.add(fold(word.text))
    return found


def _initial(text: str, initial: _Token, word: _Token) -> bool:
    return len(initial.text) == 1 and initial.text.isupper() and text[initial.end : word.start] == ". "


def _newspaper(text: str, last: _Token, after: _Token | None) -> bool:
    """Whether the word after a name makes it a newspaper's ("Washington Post")."""
    return after is not None and after.capital and after.text.casefold() in _PUBLICATIONS and _joined(text, last, after)


def _area(gazetteer: Gazetteer, key: str, word: str) -> bool:
    """A country or continent, or a populous first-level division, of four letters or more ("Chad",
    "Texas"): read as the place even where the word is common. A small division named like a
    name ("Michael" on the Isle of Man, "Nelson" in New Zealand) earns no such trust.
    """
    if len(word) < 4:
        return False
    return gazetteer.has_feature(key, (COUNTRY, CONTINENT)) or gazetteer.has_feature(
        key, (ADMIN1,), AREA_MIN_POPULATION
    )


def _foreign_country_name(gazetteer: Gazetteer, key: str, word: str, language: str | None) -> bool:
    """Whether a common word of the article's language is a country's name only in other ones.

    The gazetteer holds every country's name in every CLDR language, so "Mann" (German: man)
    is the Isle of Man, "Ende" (end) India, "Taki" (Polish: such) Turkey and "Saat" (Turkish:
    hour) Chad. A word is the country here when it begins as the country's name in the
    article's language or in English does (four letters, so "Polsce" is Polska's).
    """
    if language is None or not _common(word, language):
        return False
    codes = {e.country for e in gazetteer.lookup(key) if e.feature == COUNTRY}
    return bool(codes) and not any(_called_so(code, fold(word), language) for code in codes)


def _called_so(code: str, key: str, language: str) -> bool:
    """Whether a folded name begins as the country's name in ``language`` or in English does (four
    letters: "Polsce" is Polska's), or is the start of one (Turkish "Rus" of "Rusya")."""
    return any(name[:4] == key[:4] or name.startswith(key) for name in country_names(code, language))


@lru_cache(maxsize=4096)
def country_names(code: str, language: str) -> tuple[str, ...]:
    """A country's name in the language and in English (CLDR, through babel; and "America"), folded."""
    from babel import Locale, UnknownLocaleError

    names = [fold(name) for name in short_names(code)]
    for tag in {"en", language}:
        try:
            name = Locale.parse(tag).territories.get(code)
        except (ValueError, UnknownLocaleError):
            continue
        if name:
            names.append(fold(name))
    return tuple(names)


def _plausible(
    gazetteer: Gazetteer,
    text: str,
    words: list[_Token],
    i: int,
    length: int,
    toponym: Toponym,
    language: str | None,
    lowercase: set[str],
    *,
    after_compass: bool = False,
) -> bool:
    """Whether a known name is a place here, not a common word or part of a person's name."""
    if toponym.demonym:
        return True
    if words[i].text.casefold() in _TITLES and length == 1:
        return False
    if length == 1 and _calendar_word(words[i].text, language):
        return False  # "March", "June", "Mai": dates first
    before = words[i - 1] if i > 0 else None
    if before is not None and _joined(text, before, words[i]) and not after_compass and not _party(text, before):
        if before.text.casefold().rstrip(".") in _TITLES:
            return False
        if before.capital and before.cased and not _sentence_start(text, before.start) and not _word(before, lowercase):
            return False  # the end of a longer name: "George Washington", "Port Said Road"
    if before is not None and text[before.end : words[i].start] == ". " and before.text.casefold() in _TITLES:
        return False  # "Mr. Jackson"
    after = words[i + length] if i + length < len(words) else None
    # A newspaper named after a place says who reported, not where: "The Washington Post", "The
    # New York Times" (even a state's or a country's name, trusted before any other word).
    if _newspaper(text, words[i + length - 1], after):
        return False
    # The head of a longer name is a place only before words that make a place's institution
    # ("Gainesville Police", "Texas State"), not before a surname ("Michael Jordan").
    if (
        after is not None
        and after.capital
        and after.cased
        and _joined(text, words[i + length - 1], after)
        and after.text.casefold() not in INSTITUTIONS
        and not _area(gazetteer, toponym.key, toponym.text)
    ):
        return False
    if length > 1:
        return True
    word = words[i].text
    if _generic_place_noun(word, language):
        return False
    if not words[i].cased:  # Arabic, Chinese…: every word could open a name, so frequent ones are words
        return _rarer_than_its_place(gazetteer, word, language, _uncased_population(gazetteer, toponym.key, word))
    if word.isupper() and len(word) <= 3:
        return gazetteer.has_feature(toponym.key, {COUNTRY})  # "US", "UK"; not "IG", "ICE"
    if _foreign_division_name(gazetteer, toponym.key, word, language):
        return False
    if _function_word_opening(text, words[i], lowercase, language):
        return False
    rival = _rival(gazetteer, toponym.key, word, language)
    if rival is None:
        return True  # a country's or state's name here
    if word.casefold() in lowercase or is_no_noun(word, language):
        return False  # the text, or the language where nouns are capitalised, uses it as a word
    margin = WORD_MARGIN_AT_SENTENCE_START if _sentence_start(text, words[i].start) else WORD_MARGIN
    return _zipf(word, language) < math.log10(rival + 1) + margin


def _party(text: str, before: _Token) -> bool:
    return before.text in _PARTIES and text[before.end : before.end + 1] == "-"


def _word(token: _Token, lowercase: set[str]) -> bool:
    """A capitalised word the text also writes in lower case ("A Charleston man"): no first name."""
    return token.text.casefold() in lowercase


def _native_population(gazetteer: Gazetteer, written: str) -> int | None:
    """The largest place written so in an abjad (a conjunction or preposition written onto it
    aside); None for a word in another script.

    Weighed against the places written in these letters, not those whose folded consonants
    meet: "رأس" (head) folds like Arras, but the places written رأس are too small to outweigh
    the word, as the spotter weighs Chinese words (``_spot_unspaced``).
    """
    letters = native(written)
    return None if letters is None else (_written_so(gazetteer, letters) or 0)


def _uncased_population(gazetteer: Gazetteer, key: str, written: str) -> int:
    """The population a word of a script without capitals is weighed against: its key's, but no
    more than that of the places written so (``_native_population``)."""
    population = _population(gazetteer, key)
    if (written_so := _native_population(gazetteer, written)) is not None:
        population = min(population, written_so)
    return population


def _rarer_than_its_place(
    gazetteer: Gazetteer, written: str, language: str | None, population: int, zipf: float | None = None
) -> bool:
    """Whether a word of a script without capitals is rare enough to be the place of this
    population: rarer than a place as often named as its size (``WORD_MARGIN``), and no common
    word against a place that news seldom names (``_a_common_word_first``)."""
    zipf = _zipf(written, language) if zipf is None else zipf
    return zipf < math.log10(population + 1) + WORD_MARGIN and not _a_common_word_first(
        gazetteer, written, language, population, zipf
    )


def _a_common_word_first(
    gazetteer: Gazetteer, written: str, language: str | None, population: int, zipf: float
) -> bool:
    """A common word of a script without capitals (``COMMON_ZIPF``) naming a place neither large
    enough for its frequency (``COMMON_WORD_MARGIN``) nor well known (``Gazetteer.famous_native``).

    An Arabic conjunction or preposition written onto the word is read off, as ``_written_so``
    reads it: "وحصار" (and a siege) is as common a word as "حصار"."""
    letters = native(written)
    if letters is None or language not in _COMMON_WORD_LANGUAGES:
        return False
    bare = letters[1:] if len(letters) > 4 and letters[0] in "وبل" else None
    if bare is not None:
        zipf = max(zipf, _zipf(written[1:], language))
    if zipf < COMMON_ZIPF:
        return False
    if letters in gazetteer.famous_native or bare in gazetteer.famous_native:
        return False
    divisions_only = letters in gazetteer.divisions_only_native and bare not in gazetteer.native
    return divisions_only or zipf >= math.log10(population + 1) + COMMON_WORD_MARGIN


def _generic_place_noun(word: str, language: str | None) -> bool:
    """Whether a word is a noun for a kind of place in the language (``_GENERIC_PLACE_NOUNS``),
    a one-letter Arabic conjunction or preposition written onto it aside ("ومدينة", and the city)."""
    nouns = _GENERIC_PLACE_NOUNS.get(language or "", frozenset())
    letters = native(word) if nouns else None
    return letters is not None and (letters in nouns or (letters[:1] in ARABIC_PROCLITICS and letters[1:] in nouns))


def _population(gazetteer: Gazetteer, key: str) -> int:
    """The population of the largest place the name (or, failing it, a spelling variant) names."""
    if key in gazetteer.names:
        return gazetteer.max_population(key)
    return max((e.population for e in gazetteer.lookup_spelling(key, FUZZY_RATIO)), default=0)


def _zipf(word: str, language: str | None) -> float:
    """The word's Zipf frequency in the language (English where wordfreq lacks the language)."""
    if language == "zh":  # wordfreq keeps Chinese in simplified characters: 臺北 is counted as 台北
        word = simplified(word)
    # Turkish "İ" casefolds to "i" and a combining dot, which no frequency table spells; nor do
    # the tables spell Arabic's vowel signs ("ألفاً", a thousand, is counted as "ألفا").
    return zipf(_ABJAD_MARK.sub("", word.casefold().replace("\u0307", "")), language or "en")


def _common(word: str, language: str | None) -> bool:
    return _zipf(word, language) >= COMMON_ZIPF


@lru_cache(maxsize=64)
def _calendar(language: str | None) -> frozenset[str]:
    """Month and weekday names of a language (and English), folded, from CLDR."""
    from babel import Locale, UnknownLocaleError

    names = set()
    for code in {"en", language or "en"}:
        try:
            locale = Locale.parse(code)
        except (ValueError, UnknownLocaleError):
            continue
        for table in (locale.months, locale.days):
            for context in table.values():
                for width in context.values():
                    names |= {fold(str(n)) for n in width.values() if len(str(n)) > 2}
    return frozenset(names)


def _calendar_word(word: str, language: str | None) -> bool:
    return fold(word) in _calendar(language)


def _function_word_opening(text: str, word: _Token, lowercase: set[str], language: str | None) -> bool:
    """A function word opening a sentence that the text also writes in lower case: Spanish "Para
    lograr…" and "Sin embargo" were Pará (a Brazilian state) and China (an alternate name), which
    as divisions and countries are trusted at a sentence's start. A country's or a city's name is
    rarer than ``FUNCTION_WORD_ZIPF`` ("France" 5.98 in French), or never written in lower case
    ("России" 6.06)."""
    folded = word.text.casefold()
    return folded in lowercase and _sentence_start(text, word.start) and _zipf(folded, language) >= FUNCTION_WORD_ZIPF


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4) : start].rstrip(" \u00a0\"'“‘«(")
    return not before or before[-1] in ".!?\n:;—•"
