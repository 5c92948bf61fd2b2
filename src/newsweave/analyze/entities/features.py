"""Token features for the CRF name tagger: shape, affixes, context and gazetteer hits.

Shape, case, position and the gazetteer carry over to languages the model never saw, so the
tagger still finds names in English, French or German text; word identity and affixes add what
the training languages teach. A word's own features are computed once and cached: an article's
words repeat, and building feature strings is most of the tagger's cost.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from functools import lru_cache

from newsweave.analyze.entities.gazetteer import gazetteer
from newsweave.analyze.entities.lemmas import is_known_word
from newsweave.analyze.entities.morphology import LANGUAGES as DICTIONARY_LANGUAGES
from newsweave.analyze.entities.morphology import name_kinds
from newsweave.analyze.entities.normalizer import default_normalizer
from newsweave.analyze.entities.person_names import census_kind
from newsweave.analyze.entities.text import Token, fold, in_own_letters, stem
from newsweave.analyze.entities.word_clusters import word_clusters
from newsweave.analyze.word_frequencies import zipf

# A word's class (``word_clusters``), for every word asked about at once.
WordClasses = Callable[[Iterable[str]], Mapping[str, int]]

_SENTENCE_END = frozenset(".!?…")
_LEXICAL = (
    *("w=", "s3=", "s2=", "p3=", "s4=", "p4=", "st=", "-1:w=", "1:w=", "-1:s3=", "1:s3="),
    *("kw", "-1:kw", "1:kw", "cl|"),
)
# BSNLP 2021's six Slavic languages: trained on its documents, and the languages whose names the
# second pass reads as it was tuned on their errors (the tagger's type trusted, lowercase tails
# kept, ...: ``EntityRecognizer.mentions``).
BSNLP_LANGUAGES = frozenset({"bg", "cs", "pl", "ru", "sl", "uk"})
# Trained on the few SemEval news texts annotated for them (``eval.entities.semeval_names``; its
# Chinese texts are only scored: a segmenter reads Chinese). They
# keep the second pass of the languages the tagger never saw, which was chosen on English text: in
# English the two passes score alike (recognition F1 0.735 against 0.739, typed 0.577 against
# 0.572, ad hoc), but the Slavic one trusts the tagger's type over a curated alias's ("Islamic
# State" read as a place).
SEMEVAL_LANGUAGES = frozenset({"ar", "de", "en", "es", "fr", "it", "tr"})
# Of those, the ones written without capitals: every word is tagged, and they are never learnt
# without their words (their delexicalised copies would teach the unseen languages' weights that
# a word in lowercase may be a name).
UNCASED_TRAINED = frozenset({"ar"})
# The languages the shipped model was trained on, whose words the tagger reads; any other is
# tagged as an unseen language.
TRAINED_LANGUAGES = BSNLP_LANGUAGES | SEMEVAL_LANGUAGES
_OPENING = frozenset("\"'«“„‘(")


def sequences(text: str, tokens: list[Token]) -> list[list[Token]]:
    """Tokens cut into sentences (at end punctuation and line breaks): the CRF's sequences."""
    out: list[list[Token]] = []
    current: list[Token] = []
    previous_end = 0
    for token in tokens:
        if current and "\n" in text[previous_end : token.start]:
            out.append(current)
            current = []
        current.append(token)
        previous_end = token.end
        if token.text in _SENTENCE_END:
            out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def lowercase_words(tokens: list[Token]) -> frozenset[str]:
    """The words a text writes in lowercase somewhere: a capitalised word that also appears in
    lowercase ("Палата" at a sentence start, "палата" elsewhere) is likely a common word."""
    return frozenset(t.text for t in tokens if t.text[:1].islower())


def _unlexical(features: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f for f in features if not f.startswith(_LEXICAL))


def shape(word: str) -> str:
    """Letter classes with runs collapsed: "Trump" -> "Xx", "COVID-19" -> "X-d", "iPhone" -> "xXx";
    a letter of a script without case is "a" ("سوريا" -> "a"), so that a tagger trained on Arabic
    names does not learn that a lowercase word may be one."""
    out: list[str] = []
    for ch in word[:12]:
        cls = "X" if ch.isupper() else "x" if ch.islower() else "a" if ch.isalpha() else "d" if ch.isdigit() else ch
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


# Tokens this far from a candidate (a word with a capital, a digit or a gazetteer hit) are never
# part of a name in practice; skipping them halves the tagger's work. To the right a name can run
# on in lowercase words ("Световната здравна организация", "Nacionalni inštitut za javno
# zdravje"): three words there (trained on covid-19, tested on the US election, recognition F1
# 0.845 with one, 0.851-0.852 with two or three either side).
WINDOW = 1
WINDOW_RIGHT = 3


def windows(sentence: list[Token], maker: FeatureMaker) -> list[tuple[int, int]]:
    """[start, end) ranges of a sentence's tokens within ``WINDOW`` of a candidate token."""
    ranges: list[tuple[int, int]] = []
    for i, token in enumerate(sentence):
        if maker.candidate(token.text):
            start, end = max(0, i - WINDOW), min(len(sentence), i + WINDOW_RIGHT + 1)
            if ranges and start <= ranges[-1][1]:
                ranges[-1] = (ranges[-1][0], end)
            else:
                ranges.append((start, end))
    return ranges


# (own features, as the left neighbour, as the right neighbour, shape, gazetteer hit)
_WordFeatures = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], str, bool]


class FeatureMaker:
    """Builds the feature strings of a sentence, with each word's own strings cached."""

    def __init__(
        self,
        places: Collection[str],
        aliases: Mapping[str, str],
        classes: WordClasses,
        own_letters_only: Collection[str] = frozenset(),
    ) -> None:
        self._places = places
        self._aliases = aliases
        self._own_letters_only = own_letters_only  # aliases only as written in those letters
        self._classes = classes
        self.word = lru_cache(maxsize=200_000)(self._word)
        self.gazetteer_hit = lru_cache(maxsize=200_000)(self._gazetteer_hit)

    def prepare(self, words: Iterable[str]) -> None:
        """Compute the classes of a text's words in one batch (one matrix product, not one per word)."""
        self._classes(words)

    def candidate(self, word: str) -> bool:
        """True for a word that may start or be part of a name (capital, digit, gazetteer hit)."""
        # Most words are lowercase and outside every window: their hit alone, not all their features.
        return (not word.islower() and any(ch.isalpha() for ch in word)) or bool(self.gazetteer_hit(word))

    def _gazetteer_hit(self, word: str) -> str:
        """The hit's kind: "alias", "place" (a big place's one-word name, as written or stemmed), or "" for none."""
        folded = fold(word)
        if folded in self._aliases and (folded not in self._own_letters_only or in_own_letters(word)):
            return "alias"
        if folded in self._places or (len(folded) > 3 and stem(folded) in self._places):
            return "place"
        return ""

    def _word(self, word: str, lexical: bool = True) -> _WordFeatures:
        """(own features, as the left neighbour, as the right neighbour, shape, gazetteer hit);
        without ``lexical``, the feature tuples leave out word identity and affixes."""
        if not lexical:
            full = self.word(word)
            return _unlexical(full[0]), _unlexical(full[1]), _unlexical(full[2]), full[3], full[4]
        low = word.lower()
        shp = shape(word)
        folded = fold(word)
        gaz = self.gazetteer_hit(word)
        own = ["w=" + low, "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3], "sh=" + shp]
        if len(low) > 4:  # longer affixes: Slavic case endings and name suffixes (-ski, -ović)
            own += ["s4=" + low[-4:], "p4=" + low[:4]]
        # The stem ties a name's inflected forms together; the length separates initials and
        # acronyms from words.
        own += ["st=" + stem(folded), "len=" + str(min(len(word), 8))]
        # A neighbour's ending: a capitalised adjective agrees with the lowercase noun after it
        # ("Республиканской партии", "Белого дома"), whatever the words.
        left = ["-1:w=" + low, "-1:sh=" + shp, "-1:s3=" + low[-3:]]
        right = ["1:w=" + low, "1:sh=" + shp, "1:s3=" + low[-3:]]
        if gaz:
            own.append("gaz=" + gaz)
            left.append("-1:gaz=" + gaz)
            right.append("1:gaz=" + gaz)
        if word[:1].isupper() and (kind := census_kind(folded)):
            own.append("cn=" + kind)
            left.append("-1:cn=" + kind)
            right.append("1:cn=" + kind)
        return tuple(own), tuple(left), tuple(right), shp, bool(gaz)

    def sentence(
        self,
        words: list[str],
        language: str | None,
        *,
        at_start: bool = True,
        lexical: bool = True,
        lowercase: Collection[str] = frozenset(),
    ) -> list[list[str]]:
        """Feature strings for each word of a sentence (or of a window of one, not ``at_start``).

        ``lexical=False`` leaves out word identity and affixes: what the tagger has to go on in a
        language it was not trained on. Training adds such copies so that shape, case, position
        and the gazetteer carry weight of their own. ``lowercase`` holds the words the whole text
        writes in lowercase somewhere (``lowercase_words``).
        """
        if not lexical:
            # The same features as dropping every lexical one from the full set, built without them
            # (filtering them out took about 7 % of the facts stage, profiled on the benchmark articles).
            return self._sentence(words, language, at_start, lowercase, lexical=False)
        features = self._sentence(words, language, at_start, lowercase)
        if language in DICTIONARY_LANGUAGES:
            add_name_kinds(words, features)
        return features

    def _sentence(
        self, words: list[str], language: str | None, at_start: bool, lowercase: Collection[str], lexical: bool = True
    ) -> list[list[str]]:
        info = [self.word(w, lexical) for w in words]
        # Word classes stand in for words never seen, in any language: kept when the words are
        # left out. Only the coarse class, for the word and its neighbours (trained on covid-19,
        # scored on the election: recognition F1 0.864 -> 0.868 with 64 classes; 0.864 with 32
        # or 128; 0.863 with the 1,024 fine classes added as well).
        classes = self._classes(words)
        lang = f"lang={language or '?'}"
        last = len(words) - 1
        out = []
        known = [False] * len(words)  # capitalised inside the sentence, yet a dictionary word
        for i, (own, _, _, shp, _) in enumerate(info):
            first = at_start and (i == 0 or (i == 1 and words[0] in _OPENING))
            position = "first" if first else "inner"
            feats = ["bias", lang, f"{position}|sh={shp}", lang + "|sh=" + shp, *own]
            word = words[i]
            if word[:1].isupper():
                # Capitalised, yet a word of the language: a common word at a sentence start, or
                # an adjective or noun inside an organisation's name ("Палата представителей").
                low = word.lower()
                if low in lowercase:
                    feats.append(f"lc_seen|{position}")
                if lexical and language and is_known_word(low, language):
                    feats.append(f"kw|{position}")
                    known[i] = not first
            feats.extend(info[i - 1][1] if i > 0 else ("-1:none",))
            feats.extend(info[i + 1][2] if i < last else ("1:none",))
            feats.append(f"c0={classes[word]}")
            if i > 0:
                feats.append(f"-1:c0={classes[words[i - 1]]}")
            if i < last:
                feats.append(f"1:c0={classes[words[i + 1]]}")
            feats.append("-2:sh=" + info[i - 2][3] if i > 1 else "-2:none")
            feats.append("2:sh=" + info[i + 2][3] if i < last - 1 else "2:none")
            out.append(feats)
        if language in UNCASED_TRAINED:
            add_frequency_bands(words, language, out)
        # A lowercase word after a capitalised dictionary word inside a sentence continues a
        # name more often than one after a surname ("Палата представителей", "Bílý dům").
        for i in range(1, len(words)):
            if known[i - 1]:
                out[i].append("-1:kw|" + ("lc" if words[i][:1].islower() else "uc"))
            if i < last and known[i + 1]:
                out[i].append("1:kw")
            if lexical and words[i][:1].islower() and words[i - 1][:1].isupper() and (i > 1 or not at_start):
                # The endings of a capitalised word and the lowercase word after it: an adjective
                # agreeing with its noun, or a noun with a genitive ("Верховный суд", "Палата
                # представителей"), continue a name whatever the words are.
                before, after = words[i - 1].lower()[-2:], words[i].lower()[-2:]
                out[i] += ["cl|p2=" + before, "cl|s2=" + after, f"cl|{before}|{after}"]
        return out


def add_frequency_bands(words: list[str], language: str, features: list[list[str]]) -> None:
    """How common each word and its neighbours are in the language (``frequency_band``), for a
    script without capitals: there a rare word is the likeliest name, as a capital is elsewhere
    ("سينسبري", Sainsbury's, and "ويلوبي", Willoughby, are no words of Arabic). Two-fold CV on
    Arabic development texts, with NTREX's Arabic learnt: SemEval's 0.4605 -> 0.4664, NTREX's
    0.3399 -> 0.3766 (docs/entities.md, facts-25)."""
    bands = [frequency_band(w, language) for w in words]
    last = len(words) - 1
    for i, feats in enumerate(features):
        feats += ["zf=" + bands[i], "-1:zf=" + (bands[i - 1] if i > 0 else "none")]
        feats.append("1:zf=" + (bands[i + 1] if i < last else "none"))


@lru_cache(maxsize=200_000)
def frequency_band(word: str, language: str) -> str:
    """A word's Zipf frequency in the language, in five bands ("0" unlisted, then below 2.5, 3.5,
    4.5, and above), or "x" for a word without letters.

    Example:
        >>> [frequency_band(w, "ar") for w in ("قال", "سينسبري", "2018")]
        ['4', '1', 'x']
    """
    if not any(ch.isalpha() for ch in word):
        return "x"
    value = zipf(word.casefold(), language)
    return "0" if value == 0 else "1" if value < 2.5 else "2" if value < 3.5 else "3" if value < 4.5 else "4"


def add_name_kinds(words: list[str], features: list[list[str]]) -> None:
    """What a morphological dictionary of the script makes of each word and its neighbours (a
    surname, a place, a common adjective, unknown): names no training text held, in every form.
    Lexical, so only in the trained languages (which share the dictionaries' scripts); trained
    on covid-19, scored on the election: recognition F1 0.868 -> 0.870, typed 0.774 -> 0.782)."""
    kinds = [_name_kind_features(word) for word in words]
    last = len(words) - 1
    for i, feats in enumerate(features):
        feats += kinds[i][0]
        if i > 0:
            feats += kinds[i - 1][1]
        if i < last:
            feats += kinds[i + 1][2]


@lru_cache(maxsize=200_000)
def _name_kind_features(word: str) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """A word's name kinds as its own features, as the left neighbour's and as the right's."""
    kinds = name_kinds(word)
    return tuple("m=" + k for k in kinds), tuple("-1:m=" + k for k in kinds), tuple("1:m=" + k for k in kinds)


# Only places this big feed the tagger's gazetteer feature: small towns' alternate names include
# too many common words ("Monday", "Mira").
_FEATURE_MIN_RANK = 100_000


@lru_cache(maxsize=1)
def feature_maker() -> FeatureMaker:
    """Features with one-word names (folded and stemmed) of big places and the curated aliases."""
    places = gazetteer()
    words = frozenset(
        key
        for index in (places.exact, places.stemmed)
        for key, place in index.items()
        if " " not in key and places.entries[place].rank >= _FEATURE_MIN_RANK
    )
    aliases = default_normalizer().aliases
    return FeatureMaker(words, aliases.exact, word_clusters().classes, aliases.own_letters_only)
