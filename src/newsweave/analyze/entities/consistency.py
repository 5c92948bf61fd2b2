"""Second pass over a document's names: edges trimmed, and a name tagged once tagged everywhere.

The tagger reads one sentence at a time, so it finds "Трампа" in one sentence and misses
"Трамп" in the next, or takes "на Америка" with its preposition. Within one text a name keeps
its identity: every other occurrence of a tagged name's stemmed words is a mention of the same
type (BSNLP counts mentions per document and surface form, so each new form found this way is
a name the tagger lost), and lowercase function words at the edges of a span are not part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from newsweave.analyze.entities.text import Token, document_tokens, fold, stem, stem_variants
from newsweave.records import EntityType

Span = tuple[int, int, EntityType, float]

# A propagated mention is as sure as the one it copies, a little less.
_PROPAGATED = 0.9
# Only names of at least this many letters are copied: "AP" or "Ja" match too much.
_MIN_COPIED_CHARS = 4
# Person spans this long may be two names run together.
_FUSED_MIN_TOKENS = 3


def trim_edges(text: str, spans: list[Span], *, trailing: bool = False) -> list[Span]:
    """Spans without lowercase words at the start when a capitalised word follows: a preposition
    ("на Америка" -> "Америка") or the noun that governs the name ("администрации Трампа",
    "победы Клинтон", "zvezne policije FBI"): in these languages a name in a sentence opens with
    a capital, and a lowercase-led name ("палаты представителей") holds no capitalised word.

    With ``trailing``, lowercase words at the end go too ("Vladimir Putin met"): for languages
    the tagger was not trained on, where it cannot tell a Slavic name's lowercase tail
    ("Верховный суд") from the verb after an English one.
    """
    out = []
    for start, end, etype, score in spans:
        words = text[start:end].split(" ")
        while len(words) > 1 and words[0][:1].islower() and any(w[:1].isupper() for w in words[1:]):
            start += len(words[0]) + 1
            words = words[1:]
        while trailing and len(words) > 1 and words[-1].islower():
            end -= len(words[-1]) + 1
            words = words[:-1]
        out.append((start, end, etype, score))
    return out


def _stems(tokens: list[Token]) -> tuple[str, ...]:
    return tuple(stem(fold(t.text)) for t in tokens)


def propagate(text: str, spans: list[Span]) -> list[Span]:
    """Spans plus every other occurrence, not yet covered, of a tagged name's stemmed words.

    A person's surname alone is copied too. An occurrence counts only if it is capitalised like
    the tagged name (a lowercase name such as
    "демократы" is copied only to lowercase forms) and sits on token boundaries.
    """
    if not spans:
        return spans
    tokens = document_tokens(text)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    names: dict[tuple[str, ...], tuple[EntityType, float, bool]] = {}
    covered = [False] * len(tokens)
    for start, end, etype, score in spans:
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None:
            continue
        for i in range(first, last + 1):
            covered[i] = True
        if end - start < _MIN_COPIED_CHARS:
            continue
        keys = [_stems(tokens[first : last + 1])]
        if etype is EntityType.PERSON and last > first and len(tokens[last].text) >= _MIN_COPIED_CHARS:
            keys.append(keys[0][-1:])  # "Трамп" and "Трампа" after "Дональд Трамп"
        for key in keys:
            if key not in names or names[key][1] < score:
                names[key] = (etype, score, text[start].isupper())
    lengths = sorted({len(k) for k in names}, reverse=True)
    heads = {k[0] for k in names}
    # Stems only of words that may open a name: capitalised ones, unless a lowercase name was tagged.
    lowercase = any(not capitalised for _, _, capitalised in names.values())
    stems = [stem(fold(t.text)) if t.text[:1].isupper() or (lowercase and t.text[:1].isalpha()) else "" for t in tokens]
    found = []
    i = 0
    while i < len(tokens):
        if covered[i] or stems[i] not in heads:
            i += 1
            continue
        for size in lengths:
            if i + size > len(tokens) or any(covered[i : i + size]):
                continue
            hit = names.get(tuple(stems[i : i + size]))
            if hit is not None and tokens[i].text[:1].isupper() == hit[2]:
                found.append((tokens[i].start, tokens[i + size - 1].end, hit[0], round(hit[1] * _PROPAGATED, 4)))
                i += size - 1
                break
        i += 1
    return sorted(spans + found) if found else spans


def _is_initial(word: str) -> bool:
    """A capital letter with its dot ("W.", "М."): an initial, never the start of another name."""
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def split_fused(text: str, spans: list[Span], known: Callable[[str], EntityType | None]) -> list[Span]:
    """Two adjacent names the tagger read as one person split apart: "Трампа Рудольф Джулиани",
    "Флорида Джеб Буш". A person span of three or more words whose first words are a name tagged
    on its own in the text (or end in a surname tagged on its own), or a place or alias ``known``
    knows, becomes that name and the rest, a full name of two words at least."""
    if not any(etype is EntityType.PERSON and text.count(" ", start, end) >= 2 for start, end, etype, _ in spans):
        return spans  # no person span long enough to hold two names
    tokens = document_tokens(text)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    located = [(s, starts.get(s[0]), ends.get(s[1])) for s in spans]
    names: dict[tuple[str, ...], EntityType] = {}
    for (_, _, etype, _), first, last in located:
        if first is not None and last is not None and last - first < _FUSED_MIN_TOKENS - 1:
            names[_stems(tokens[first : last + 1])] = etype
    out: list[Span] = []
    for span, first, last in located:
        start, end, etype, score = span
        if etype is not EntityType.PERSON or first is None or last is None or last - first < _FUSED_MIN_TOKENS - 1:
            out.append(span)
            continue
        for cut in range(first + 1, last):  # the rest keeps two words at least: a full name
            if _is_initial(tokens[cut].text):
                continue  # a middle initial belongs to the name before it ("Georga W. Busha")
            head = tokens[first:cut]
            head_type = names.get(_stems(head)) or known(text[start : head[-1].end])
            if head_type is None and len(head) > 1 and names.get(_stems(head[-1:])) is EntityType.PERSON:
                head_type = EntityType.PERSON  # "Дональда Трампа" when "Трампа" stands alone too
            if head_type is not None:
                out += [(start, head[-1].end, head_type, score), (tokens[cut].start, end, etype, score)]
                break
        else:
            out.append(span)
    return out


def _known_across(left: str, conjunction: str, right: str, known: Callable[[str], EntityType | None]) -> bool:
    """Whether the words on both sides of the conjunction are one known name ("President of
    Trinidad and Tobago", "Bosnia and Herzegovina's")."""
    before, after = left.split(" "), right.split(" ")
    return any(known(" ".join([*before[-i:], conjunction, *after[:j]])) is not None for i in (1, 2) for j in (1, 2))


# The word that joins two names in a language the tagger was not trained on, where it runs them
# together ("Saskatchewan and Newfoundland", "State Police and the ATF").
CONJUNCTIONS = {"en": "and", "fr": "et", "de": "und", "es": "y", "it": "e", "pt": "e", "nl": "en", "ro": "și",
                "sv": "och", "da": "og", "no": "og", "nb": "og", "tr": "ve", "hu": "és", "fi": "ja", "et": "ja",
                "id": "dan", "ms": "dan", "ca": "i", "lt": "ir", "lv": "un", "el": "και"}  # fmt: skip


def split_coordinated(
    text: str, spans: list[Span], conjunction: str, known: Callable[[str], EntityType | None]
) -> list[Span]:
    """A name run over a conjunction into the next split in two: when a lowercase word (an
    article, mostly) follows the conjunction ("State Police and the ATF") or both sides are
    known places or aliases ("Ohio and Texas"). A name known whole or across the conjunction ("Trinidad and Tobago"),
    or with a side unknown ("Department of Fish and Wildlife", "Law and Justice": "Law" is a
    country's name in some language), stays one. Each half takes its known type, else the
    span's."""
    marker = f" {conjunction} "
    out: list[Span] = []
    for span in spans:
        start, end, etype, score = span
        surface = text[start:end]
        at = surface.find(marker)
        if at < 0 or known(surface) is not None:
            out.append(span)
            continue
        left_end, right_start = start + at, start + at + len(marker)
        first, _, after = text[right_start:end].partition(" ")
        article = bool(after) and first.islower()
        if article:
            right_start += len(first) + 1
        left, right = text[start:left_end], text[right_start:end]
        left_type, right_type = known(left), known(right)
        if (
            not (left[:1].isupper() and right[:1].isupper())
            or not (article or (left_type and right_type))
            or _known_across(left, conjunction, right, known)
        ):
            out.append(span)
            continue
        out += [(start, left_end, left_type or etype, score), (right_start, end, right_type or etype, score)]
    return out


def join_known(text: str, spans: list[Span], known: Callable[[str], EntityType | None]) -> list[Span]:
    """A name and the capitalised word (or name) right beside it joined when together they are
    one known name: the tagger, reading a sentence's first word as a common word, leaves
    "Северная" out of "Северная Каролина" and "Wirginia" out of "Wirginia Zachodnia"; ``known``
    says whether the two words together are a curated alias or a big place."""
    if not spans:
        return spans
    tokens = document_tokens(text)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    in_span = {t.start for s in spans for t in tokens[starts.get(s[0], len(tokens)) : ends.get(s[1], -1) + 1]}
    out: list[Span] = []
    for span in sorted(spans):
        start, end, etype, score = span
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None:
            out.append(span)
            continue
        if out and out[-1][1] + 1 == start and text[out[-1][1]] == " ":  # two names side by side
            joined_type = known(text[out[-1][0] : end])
            if joined_type is not None:
                out[-1] = (out[-1][0], end, joined_type, max(out[-1][3], score))
                continue
        before = tokens[first - 1] if first > 0 else None
        if before is not None and _joinable(text, before, start, in_span):
            joined_type = known(text[before.start : end])
            if joined_type is not None:
                start, etype = before.start, joined_type
        after = tokens[last + 1] if last + 1 < len(tokens) else None
        if after is not None and _joinable(text, after, end, in_span, left=False):
            joined_type = known(text[start : after.end])
            if joined_type is not None:
                end, etype = after.end, joined_type
        out.append((start, end, etype, score))
    return out


def _joinable(text: str, token: Token, edge: int, in_span: set[int], *, left: bool = True) -> bool:
    """A capitalised word outside every span, one space from the name's edge."""
    gap = text[token.end : edge] if left else text[edge : token.start]
    return gap == " " and token.start not in in_span and token.text[:1].isupper() and token.text.isalpha()


# A name's lowercase tail: at most this many words ("Камарата на представителите"), the last
# one of at least this many letters ("суд", "dům"; no one-letter or two-letter preposition ends a
# name), the others prepositions.
_TAIL_WORDS = 2
_TAIL_MIN_CHARS = 3
_CONNECTOR_CHARS = 3  # a preposition inside a tail ("на", "za", "o")
# How often the same capitalised word and tail recur in the text for the tail to be the name's.
_TAIL_REPEATS = 2


def extend_tails(text: str, spans: list[Span], known: Callable[[str], EntityType | None]) -> list[Span]:
    """A name stretched over the lowercase words after it when the text repeats them after the
    same word: "Палате представителей", "Коллегии выборщиков", "Bílý dům" are tagged "Палате",
    "Коллегии", "Bílý" where the tagger, trained on another topic, reads the tail as common
    words. A fixed phrase recurs (in any case: "Палате" and "Палаты" share a stem, and the
    phrase written lowercase counts too); a name and a verb after it rarely twice alike.

    Not after a person's name or a known place or alias, whose next word is the sentence's:
    "Трампа были" and "Конгресс утвердил" recur too.
    """
    tokens = document_tokens(text)
    ends = {t.end: i for i, t in enumerate(tokens)}
    tail = [t.text.isalpha() and t.text.islower() for t in tokens] + [False]
    people = {stem(fold(w)) for s in spans if s[2] is EntityType.PERSON for w in text[s[0] : s[1]].split()}
    heads: dict[Span, int] = {}  # the last token of each span that may go on, by span
    for span in spans:
        last = ends.get(span[1])
        if last is not None and tail[last + 1] and span[2] is not EntityType.PERSON:
            word = tokens[last].text
            if word[:1].isupper() and not word.isupper() and _stem(word) not in people:
                heads[span] = last
    if not heads:
        return spans
    phrases = _phrases(tokens, tail, [tokens[last + 1].text for last in heads.values()])
    starts = {s[0] for s in spans}
    out = []
    for span in spans:
        start, end, etype, score = span
        if span in heads and (tail_end := _tail_end(text, tokens, heads[span], tail, phrases, starts)) is not None:
            end = tail_end if known(tokens[heads[span]].text) is None else end  # the costlier test last
        out.append((start, end, etype, score))
    return out


def _stem(word: str) -> str:
    return stem(fold(word))


def _phrases(tokens: list[Token], tail: list[bool], first_tails: list[str]) -> dict[tuple[str, ...], int]:
    """How often each word (by every stem its endings allow) precedes a lowercase tail of one or
    two words whose first word has the stem of one of ``first_tails``."""
    stems = {_stem(word) for word in first_tails}
    openings = {word[:2] for word in first_tails}  # words of one stem open alike: a cheap test first
    phrases: dict[tuple[str, ...], int] = {}
    for i in range(len(tokens) - 1):
        after = tokens[i + 1].text
        if not tail[i + 1] or after[:2] not in openings or not tokens[i].text[:1].isalpha():
            continue
        if _stem(after) not in stems:
            continue
        for size in range(1, _TAIL_WORDS + 1):
            if all(tail[i + 1 : i + size + 1]) and i + size < len(tokens):
                words = tuple(_stem(t.text) for t in tokens[i + 1 : i + size + 1])
                for variant in stem_variants(fold(tokens[i].text)):
                    phrases[(variant, *words)] = phrases.get((variant, *words), 0) + 1
    return phrases


def _tail_end(
    text: str,
    tokens: list[Token],
    last: int,
    tail: list[bool],
    phrases: dict[tuple[str, ...], int],
    starts: set[int],
) -> int | None:
    """The end of the longest recurring lowercase tail after token ``last``, or None."""
    head = stem_variants(fold(tokens[last].text))
    for size in range(_TAIL_WORDS, 0, -1):
        words = tokens[last + 1 : last + size + 1]
        if (
            len(words) == size
            and all(tail[last + 1 : last + size + 1])
            and len(words[-1].text) >= _TAIL_MIN_CHARS
            and all(len(w.text) <= _CONNECTOR_CHARS for w in words[:-1])
            and all(text[a.end : b.start] == " " for a, b in zip(tokens[last : last + size], words, strict=True))
            and not any(w.start in starts for w in words)
        ):
            stems = tuple(_stem(w.text) for w in words)
            if max(phrases.get((variant, *stems), 0) for variant in head) >= _TAIL_REPEATS:
                return words[-1].end
    return None


# Words in a known name the tagger may miss whole: "Соединенных Штатов", "Spojené státy".
_KNOWN_RUN_WORDS = (3, 2)
_KNOWN_RUN_SCORE = 0.6  # as sure as a dictionary hit in an uncased script


def add_known_runs(text: str, spans: list[Span], known: Callable[[str], EntityType | None]) -> list[Span]:
    """Spans plus runs of two or three words, the first capitalised, that are together a known
    name (``known``: a curated alias, a country or a state) and that the tagger left out whole:
    "Соединенных Штатов", "Spojené státy" and "Spojených států" are missed as often as the
    tagger, trained on another topic, reads every word of them as common ones."""
    tokens = document_tokens(text)
    taken = [False] * len(tokens)
    starts = {t.start: i for i, t in enumerate(tokens)}
    ends = {t.end: i for i, t in enumerate(tokens)}
    for start, end, _, _ in spans:
        first, last = starts.get(start), ends.get(end)
        if first is not None and last is not None:
            for i in range(first, last + 1):
                taken[i] = True
    found: list[Span] = []
    i = 0
    while i < len(tokens):
        if taken[i] or not tokens[i].text[:1].isupper():
            i += 1
            continue
        for size in _KNOWN_RUN_WORDS:
            words = tokens[i : i + size]
            if (
                len(words) == size
                and not any(taken[i : i + size])
                and all(w.text.isalpha() for w in words)
                and all(text[a.end : b.start] == " " for a, b in pairwise(words))
                and (etype := known(text[words[0].start : words[-1].end])) is not None
            ):
                found.append((words[0].start, words[-1].end, etype, _KNOWN_RUN_SCORE))
                i += size - 1
                break
        i += 1
    return sorted(spans + found) if found else spans


# Types of a name that a country or a state right after it belongs to ("Конституции США").
_QUALIFIED_TYPES = frozenset({EntityType.ORGANIZATION, EntityType.PRODUCT, EntityType.EVENT})


def attach_qualifiers(text: str, spans: list[Span], region: Callable[[str], bool]) -> list[Span]:
    """An institution's name and the country or state tagged right after it made one ("Конституции
    США", "Верховный суд Висконсина", "Vrhovno sodišče ZDA"), as an institution is named with the
    country it belongs to."""
    if not spans:
        return spans
    out: list[Span] = []
    for span in sorted(spans):
        start, end, etype, score = span
        if out and out[-1][2] in _QUALIFIED_TYPES and text[out[-1][1] : start] == " " and region(text[start:end]):
            out[-1] = (out[-1][0], end, out[-1][2], out[-1][3])
            continue
        out.append((start, end, etype, score))
    return out
