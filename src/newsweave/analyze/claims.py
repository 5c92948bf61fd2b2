"""Numeric claims: how many of what, doing or undergoing what, when — read out of an article's text.

"more than 50 terrorists were destroyed" becomes ``Claim(low=50, high=50, qualifier=MORE_THAN,
counted="militant", action="killed")``. Numbers are read as digits in any script's usual
groupings ("1,500", "1 500", "1.500", "3,5 млн"), as number words in eleven languages
("fifty", "cinquante", "пятидесяти", "a dozen") and as vague counts ("dozens of", "des
centaines", "тысячи", kept as the interval the words allow, hedged ``AROUND``). Each number gets
its hedge ("more than", "около", "pas moins de", "50 or more"), a range ("150-200", "between 15
and 20", "от 150 до 200"), what it counts (the nearest counted noun after it, by lexicon and
simplemma lemma; an unknown noun keeps its lemma as the key) and what happened (the nearest
action word in the sentence). Percentages count "percent"; money counts its currency code.

Left out as not claims: years standing alone, dates and times (``analyze.times.date_spans``:
also a yearless date in an undated article, and a day beside a month's name in any language
CLDR names months in, "19 Kasım'da", "7月19日"), clock times, scores ("2:1"), phone numbers,
identifiers ("route 7", "M20", "flight 17"), ordinals ("3rd", "1er", "3-й"), compound adjectives
("25-year-old"), and the bare word "one".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property, lru_cache
from itertools import pairwise

from newsweave.analyze import cjk_counts as cjk
from newsweave.analyze import claim_lexicon as lex
from newsweave.analyze.entities.lemmas import lemmatizer
from newsweave.analyze.entities.morphology import VERB_LANGUAGES, is_adjective_only, is_noun_only
from newsweave.analyze.entities.text import HEBREW_PROCLITICS, MARKS
from newsweave.analyze.sentences import sentence_spans
from newsweave.analyze.times import date_spans, sentence_index, time_expressions
from newsweave.records import Claim, Qualifier, TimeExpression, TimePrecision


def _words(text: str) -> list[str]:
    """The words of a space-separated list (easier to read and extend than a list literal)."""
    return text.split()


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (a leftmost match takes the first that fits)."""
    return "|".join(sorted({re.escape(w) for w in words}, key=len, reverse=True))


# Word characters with the vowel signs of the scripts that write them as marks (entities.text's
# ``MARKS``): \w stops at "ा" in "मारे".
_W = rf"\w{MARKS}\u064b-\u065f\u0670"  # and Arabic's short vowels: "قُتل" is one word
# Arabic texts group thousands with "٬" or their comma "،" ("400،000").
_DIGITS = r"\d{1,3}(?:(?:,|\.|[\u00a0\u202f\u2009 \u060c\u066c])\d{3})+(?![\d])(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_WORD_NUMBER = rf"(?:{_alternation(lex.NUMBER_WORDS)})"
_WORD_RUN = rf"{_WORD_NUMBER}(?:(?:[\s-]+(?:and\s+|et\s+|y\s+|e\s+|und\s+|i\s+|и\s+)?|-?und-?|in){_WORD_NUMBER})*"
# Scripts written without spaces between a number and its counter ("3人", "5명", "有8人受伤"):
# there a digit may follow a letter, and a letter after it is the counted thing, not an ordinal
# suffix as "rd" in "3rd".
_UNSPACED_LETTERS = cjk.UNSPACED_LETTERS
_UNSPACED = re.compile(f"[{_UNSPACED_LETTERS}]")
_DIGIT_IN_UNSPACED = re.compile(rf"(?<=[{_UNSPACED_LETTERS}])\d")
# Chinese and Japanese numerals in characters count only before a counter, a big unit or "多"
# ("五十多名", "两架"): 一 alone opens words everywhere (一些 some, 统一 unity), 三月 is March.
_CJK_NUMERAL_CHARS = "".join([*lex.CJK_DIGITS, *lex.CJK_NUMERAL_UNITS])
_CJK_NUMERAL_NEXT = "".join(
    {*lex.CJK_COUNTERS, *lex.CJK_SCALES, *lex.CJK_ODD, *lex.CJK_GENERIC_COUNTERS} - set(_CJK_NUMERAL_CHARS)
)
_CJK_NUMERAL = (
    rf"(?<![第{_CJK_NUMERAL_CHARS}数數几幾上])(?P<cjk>{_alternation(lex.CJK_VAGUE)}|[{_CJK_NUMERAL_CHARS}]+)"
    rf"(?=[{_CJK_NUMERAL_NEXT}])"
)
_ARABIC_PROCLITIC_DIGIT = re.compile(r"(?<!\w)[وبل]ـ?(?=\d)")  # "و35", "لـ107"
_CJK_NUMERAL_START = re.compile(rf"(?<![{_CJK_NUMERAL_CHARS}数數几幾上])[{_CJK_NUMERAL_CHARS}数數几幾上]")
_CORE = re.compile(
    rf"(?<![{_W}.,])(?P<vague>{_alternation(lex.VAGUE)})(?![{_W}])"
    rf"|(?:(?<![{_W}.,\d])|(?<=[{_UNSPACED_LETTERS}])|(?<=[وبل])(?<![{_W}][وبل])|(?<=[وبل]ـ)(?<![{_W}][وبل]ـ))(?P<digits>{_DIGITS})"
    rf"|(?<![{_W}-])(?P<words>{_WORD_RUN})(?![{_W}])"
    rf"|{_CJK_NUMERAL}",
    re.I,
)
_WORD = re.compile(rf"[{_W}]+")
_CORE_TRIGGERS = frozenset(
    {_WORD.findall(w.casefold())[0] for w in [*lex.NUMBER_WORDS, *lex.VAGUE] if _WORD.findall(w)}
)
_SCALE = re.compile(rf"\s?(?P<scale>{_alternation(lex.SCALES)})(?![{_W}])", re.I)
# A word joining two numbers stands apart from the second: "157 Toten" (157 dead) is no "157 to ten".
_RANGE = re.compile(rf"\s*(?:[-–—]\s*|(?:to|à|bis|a|až|до|do|y|and|et|und|i|e|і|та|tot|en)\s+)"
                    rf"(?P<n2>{_DIGITS}|{_WORD_RUN})(?![{_W}])", re.I)  # fmt: skip
_LOOSE_JOINERS = {"a", "до", "do", "y", "and", "et", "und", "i", "e", "і", "та", "tot", "en"}  # need an opener
_OPENER = re.compile(rf"(?:^|[^{_W}])(?P<opener>{_alternation(lex.RANGE_OPENERS)})\s+$", re.I)
# "y más de cien": a hedge followed by its "than" opens the next figure, it does not close this one.
_POST = re.compile(
    rf"\s*(?P<post>{_alternation(lex.POST_QUALIFIERS)})(?![{_W}])(?!\s+(?:{_alternation(lex.THAN_WORDS)})\b)", re.I
)
_PERCENT = re.compile(rf"\s?(?P<unit>{_alternation(lex.PERCENT)})(?![{_W}])", re.I)
_CURRENCY_AFTER = re.compile(rf"\s?(?P<cur>{_alternation(k for k in lex.CURRENCY if k[0].isalpha())})(?![{_W}])", re.I)
_CURRENCY_BEFORE = re.compile(r"(?P<cur>US\$|[$€£¥₽₴])\s?$")
_PERCENT_BEFORE = re.compile(r"(?:%|(?<![\w])yüzde\s)$", re.I)  # Turkish writes its percent before: "%50", "yüzde 50"
_TOKEN = re.compile(rf"[^\W\d_][{_W}’'-]*")
_STOP = frozenset(_words(
    """of the a an de d' d’ des du la le les l' l’ der die das den dem des von del della degli dei di
    los las el il lo gli entre them eux них них и в из на у of other more additional further new
    armed local foreign heavily autres plus nouveaux weitere andere otros más altri altre outros más
    других ещё еще других من إلى في على عن مع خلال بعد قبل حتى منذ عند لدى
    for with from into onto than that which who whom whose pour par avec sans sur dans vers chez für mit
    ohne auf aus bei nach gegen para por con sin sobre hasta desde hacia contra per senza nel nella nei
    negli sul sulla dal dalla dai com sem pelo pela pelos pelas voor met zonder naar bij uit
    nouvelles nouvelle nouveau neue neuen neuer neu nuevos nuevas nuevo nueva nuovi nuove nuovo nuova
    novos novas novo nova nieuwe nieuw новых новые новый новая новой новое нових нові новий нови новите
    nowych nowe nowy nowa nowo nově nové nových nový nova novih novi nove novo yeni új recent recently
    newly following davon dont против versus vs contre gegen contra przeciw proti proti
    kolejnych kolejne kolejni kolejnej kolejnego dalších další dalšími ďalších ďalšie ďalší очередных
    очередные дополнительных додаткових więcej повече больше більше
    but after before since until during over under about against most all out jih jich их їх
    для после чтобы після проти срещу след niż než чем ніж спрямо отколкото"""
))  # fmt: skip
# Words of "more", "new", "other" right after a number: what it counts is the noun after them.
_MODIFIERS = frozenset(_words(
    """additional more new other further following recent autres nouveaux nouvelles nouvelle nouveau
    weitere andere neue neuen neuer otros nuevos nuevas nuevo nueva altri altre nuovi nuove nuovo nuova
    outros novos novas novo nova других ещё еще новых новые дополнительных очередных очередные інших
    нових нові додаткових nowych nowe kolejnych kolejne kolejni innych dalších další nových nové ďalších
    ďalšie nieuwe yeni novih novi nove więcej повече больше більше"""
))  # fmt: skip
# A citation's mark, as texts copied from Wikipedia keep them: "52 были задержаны[86][87]".
_FOOTNOTE = re.compile(r"\[\d{1,4}\]")
_PHONE = re.compile(
    r"\+\d[\d\s().-]{6,}\d|(?<![\w-])\d{2,4}-\d{2,3}-\d{2,4}(?![\w-])"
    r"|(?<![\w.,-])0\d{2,5}[ /-]\d{2,}(?:[ -]\d{2,})*"  # an area code, then the number: 07231 186-1111
)
# Words that end a number's phrase ("300 hectares and 12 houses"); one-letter ones only in their
# language ("i" is "and" in Polish, "the" in Italian).
_CONJUNCTIONS = {
    "en": "and or", "fr": "et ou", "de": "und oder", "es": "y o e u", "it": "e ed o", "pt": "e ou", "nl": "en of",
    "ru": "и или а", "uk": "і та або а", "pl": "i lub oraz a", "cs": "a nebo", "bg": "и или а", "sl": "in ali",
    "tr": "ve veya", "hi": "और या तथा एवं", "el": "και ή", "ro": "și si sau iar", "hu": "és vagy", "fa": "و یا",
    "ur": "اور یا", "sk": "a alebo", "hr": "i ili a", "sr": "i ili a и или а", "bs": "i ili a",
    "sv": "och eller", "da": "og eller", "nb": "og eller", "fi": "ja tai", "id": "dan atau serta",
    "ms": "dan atau serta", "vi": "và hoặc",
}  # fmt: skip
_ANY_CONJUNCTION = frozenset(_words("and or et ou und oder и или або lub oraz nebo"))
# Words that open a clause of time, cause or condition: a number's phrase ends before them ("was
# 94 when he died"), as before a verb.
_SUBORDINATORS = frozenset(
    _words("""when while because although though unless until whereas quand lorsque
    lorsqu parce puisque tandis wenn als weil während obwohl cuando mientras porque aunque quando mentre perché
    enquanto toen wanneer terwijl omdat когда пока потому хотя если коли поки хоча якщо kiedy gdy ponieważ
    chociaż jeśli když zatímco protože ačkoli pokud когато докато защото ако""")
)
# "To have" as the perfect's auxiliary in the Romance languages, and the article of an object after it.
_ROMANCE_HAVE = {
    "fr": frozenset(_words("ont a avaient avait auront aura")),
    "es": frozenset(_words("han ha habían había habrán")),
    "it": frozenset(_words("hanno ha avevano aveva avranno")),
    "pt": frozenset(_words("têm tem tinham tinha")),
}
_ROMANCE_ARTICLE = re.compile(r"\s+(?:l['’]|(?:la|le|les|il|lo|gli|i|el|los|las|un|une|una|uno|des|o|a|os|as)\s)", re.I)
# Languages that capitalise their nouns: a capital there says nothing of a name.
_CAPITALISED_NOUNS = frozenset({"de", "lb"})
# English words of an action that are adjectives before a noun ("free lunches", "positive feedback"),
# and the words after which they are still the action ("tested positive for", "set free on bail").
_ATTRIBUTIVE = frozenset({"free", "positive"})
# The words before a predicative adjective: "were free", "remain free", "are now free".
_PREDICATIVE_LEADS = frozenset(_words("is are was were be been remain remains remained stay stays stayed still now"))
_NOT_QUALIFIED = frozenset(
    _words("""for on in at after and or to by as from since with of the a an this that last
    earlier again today yesterday monday tuesday wednesday thursday friday saturday sunday""")
)
# English verbs that end a number's phrase at once ("Five remain in hospital", "2 said").
_VERBS_ENDING = frozenset(_words("remain remains remained stay stays stayed said say says"))
# Prepositions of place: after a noun read, the phrase they open says where it is.
_LOCATIVES = frozenset(_words("in im at on auf dans nel nella nei в во w we v ve"))
# The verb "to be" in the past or present, whose bare number before such a clause is an age.
_COPULAS = frozenset(_words("was is war ist était est era es fue был была"))
_AUXILIARIES = frozenset(
    _words("""were was are is been be have has had will would could may might ont a été sont
    était étaient furent sera seraient serait auraient aurait soient seront auront wurden wurde sind waren
    haben hat fueron fue son han sido resultaron resultó quedaron
    quedó sono furono stati hanno rimasti rimaste ficaram ficou
    foram são foi были был была было будут є були було були zostało zostali zostały byli było są bylo byli jsou
    worden werden zijn waren oldu idi olmuş olmuştu olarak bolo boli bola bol sú bilo bili bila
    било били била био су""")
)
_UPDATE_BEFORE = re.compile(rf"(?:{_alternation(lex.UPDATE_PHRASES)})\s*$", re.I)
_RESPECTIVELY = re.compile(rf"(?<!\w)(?:{_alternation(lex.RESPECTIVELY)})(?!\w)", re.I)
_AMBIGUOUS_UP_TO = {"до", "do", "tot", "até", "hasta", "fino a", "až"}  # "rose to 50" in Slavic and Romance
_WORD_INDEX: dict[str, tuple[str, str | None]] = {}
for _key, _names in lex.COUNTED.items():
    for _w in _names.split():
        _WORD_INDEX.setdefault(_w.casefold(), (_key, None))
for _w, (_key, _action) in lex.OUTCOME_NOUNS.items():
    _WORD_INDEX[_w.casefold()] = (_key, _action)
for _w, _code in lex.CURRENCY.items():
    if _w[0].isalpha():
        _WORD_INDEX[_w.casefold()] = (_code, None)
_ACTION_INDEX: dict[str, str] = {w.casefold(): key for key, words in lex.ACTIONS.items() for w in words.split()}
for _w, (_key, _action) in lex.OUTCOME_NOUNS.items():
    _ACTION_INDEX.setdefault(_w.casefold(), _action)
_GLUED_SCRIPT = re.compile(rf"[{_UNSPACED_LETTERS}\u0600-\u06ff]")  # words glued or prefixed: no word start
_DISEASE = re.compile(
    rf"(?<![^\W\d_])(?:{_alternation(w for w in lex.DISEASE_STEMS if not _GLUED_SCRIPT.search(w))})"
    rf"|{_alternation(w for w in lex.DISEASE_STEMS if _GLUED_SCRIPT.search(w))}"
    rf"|(?<![^\W\d_])(?:{_alternation(lex.DISEASE_WORDS_WHOLE)})(?![^\W\d_])",
    re.I,
)
_LEMMA_LANGUAGES = frozenset({"en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "bg", "sl", "tr"})
# Languages whose texts write decimals with a point ("2.5 million"); the others use a comma.
_DECIMAL_POINT = frozenset({None, "en", "zh", "ja", "ko", "th", "he", "hi"})
_COUNTED_WINDOW = 4  # tokens after a number in which to look for what it counts
# Measures nothing happens to: "killed in 24 hours" kills no hours, "10,4% of the staff" is a share.
_NOTHING_HAPPENS_TO = frozenset(
    {*lex.TIME_UNITS, *lex.DISTANCE_UNITS, "decade", "century", "percent", "event", "times", "degree", "speed"}
)
_CURRENCY_CODES = frozenset({*lex.CURRENCY.values(), *lex.CJK_UNITS.values()} - set(lex.COUNTED))  # money
_WHAT_BEFALLS_PEOPLE = frozenset({"wounded", "infected", "arrested", "hospitalised"})  # never things
_WHAT_MONEY_COUNTS = frozenset({"damaged", "destroyed"})  # "the damage is estimated at $5 million"
# English words that end a number's noun phrase rather than go on it, beside ``_STOP``'s: pronouns,
# determiners, modals and common verbs a lexicon of actions lacks ("50 cars can", "six decades wrote").
_ENGLISH_PHRASE_ENDS = frozenset(_words(
    """this these those there their they its his her our your and can could may might must should
    would will shall are were was has have had did does do not each every across toward towards
    near including among while where when what also just only said says say saw see began begin
    wrote write told tell took take made make went go came come got get gave give found find left
    held hold meet led lead won win lost ran run set put kept brought became become stood fell grew
    knew rose spent paid sent built felt heard thought"""
))  # fmt: skip


def _an_english_plural(word: str) -> bool:
    """Whether an English word looks plural: the head of a noun phrase, which its modifiers
    ("business", "mountain") are not, and after which a verb follows ("three judges began")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


_LIST_GAP_WORDS = 4  # "soldiers and", "tanks and armoured": at most this many words between listed numbers
_ACTION_REACH = 120  # characters from a number within which an action word is its action
_VERBS = frozenset(w.casefold() for words in lex.ACTIONS.values() for w in words.split())
_LONGEST_SCALE = max(map(len, lex.SCALES)) + 1  # a scale word and the space before it
_JUST_BEFORE = re.compile(r"[\s\u00a0:–—-]*")  # between a noun and the number it heads ("умерших - 2,1 млн")
# Words between a verb and the figure that is its object: "killed the 12 hostages", "mataron a 12".
_OBJECT_MARKERS = {
    "en": frozenset({"the", "all"}), "es": frozenset({"a", "al", "los", "las", "todos"}),
    "fr": frozenset({"les", "tous"}), "de": frozenset({"die", "den", "alle"}), "it": frozenset({"tutti", "i", "gli"}),
    "pt": frozenset({"os", "as", "todos"}), "nl": frozenset({"de", "alle"}),
}  # fmt: skip
# An English verb before these and a noun has an object: "blocked the road", "killed their guard".
_ENGLISH_DETERMINERS = frozenset(_words("the a an their his her its our this that these those several"))
# ... unless the noun is a time: "killed the day before", "died the same night".
_ENGLISH_TIME_WORDS = frozenset(
    _words("day night week weekend month year morning afternoon evening time same previous following next last")
)
# A comma and a word that opens a clause said of something (how, that, whether), never of the noun
# before it as a relative pronoun would be: an action beyond it is that clause's.
_COMPLEMENTIZERS = {
    "en": "how whether", "de": "dass wie ob", "fr": "comment", "es": "cómo", "it": "come", "ru": "что как",
    "uk": "що як", "pl": "że jak", "cs": "že jak jestli", "bg": "че дали", "hr": "kako", "sr": "kako",
}  # fmt: skip
_COMPLEMENT = {
    language: re.compile(rf",\s*(?:{'|'.join(words.split())})\b", re.I) for language, words in _COMPLEMENTIZERS.items()
}
# A round figure after these is a rate's denominator: "на 100 хиляди жители", "per 100,000 people".
_DENOMINATOR_LEADS = frozenset(_words("per на na je pro pour por every each"))
_PER_CAPITA = frozenset({1e3, 1e4, 1e5, 1e6})
# What makes a time after a noun its rate: "attacks a day", "pro Tag", "na dan", "par jour", "в сутки".
_RATE_LEADS = frozenset(_words("a per pro par por al na w v в на за za daily"))
_LIFE_ARTICLES = frozenset({"das", "la", "the", "a"})  # "kostete 13 Menschen das Leben", "costó la vida a 13"
# Languages whose verbs end their clauses ("20 militan 3 askeri öldürdü"): a verb between two
# figures there is neither's object marker.
_VERB_FINAL = frozenset({"tr", "ja", "ko", "hi", "fa", "ur", "bn"})
_CLAUSE_OPENER = re.compile(r";|,\s*(\w+)")  # a semicolon, or a comma and the word after it


@dataclass(frozen=True, slots=True)
class ParsedClaim:
    """A claim with the words that state its figure ("more than 50"), for display beside the claim."""

    claim: Claim
    figure: str


def numeric_claims(text: str, language: str | None, anchor: datetime | None = None) -> list[Claim]:
    """Numeric claims in ``text``, in order.

    Args:
        text: the article's text (offsets and sentence indexes are into it, numbered as
            ``split_sentences`` numbers them).
        language: ISO 639-1 code, used to lemmatise; None reads words as written.
        anchor: the publication date, to date claims whose sentence says "yesterday".

    Example:
        >>> [(c.text, c.low, c.qualifier.value, c.counted, c.action)
        ...  for c in numeric_claims("Troops destroyed more than 50 terrorists and 12 pickups.", "en")]
        [('more than 50 terrorists', 50.0, 'more_than', 'militant', 'killed'),
         ('12 pickups', 12.0, 'exact', 'vehicle', 'destroyed')]
        >>> [(c.low, c.high, c.counted, c.action) for c in numeric_claims("Около 50 боевиков были убиты.", "ru")]
        [(50.0, 50.0, 'militant', 'killed')]
    """
    return [p.claim for p in parse_claims(text, language, anchor)]


def parse_claims(
    text: str, language: str | None, anchor: datetime | None = None, *, dated: bool = True
) -> tuple[ParsedClaim, ...]:
    """Like ``numeric_claims``, with each claim's figure words kept.

    ``dated=False`` leaves every claim's ``time`` None and skips reading the text's dates for
    it (dates are still kept out of the claims): for callers that compare figures alone, such
    as linking's pair features, to which the dates cost a third of the reading.
    """
    return _parse(text, language, anchor, dated)


@lru_cache(maxsize=4096)  # the same sentence is read for every pair it is in
def _parse(text: str, language: str | None, anchor: datetime | None, dated: bool = True) -> tuple[ParsedClaim, ...]:
    cores = _cores(text)
    if not cores:  # most of linking's aligned sentences: no figure, so their dates need no reading
        return ()
    times = time_expressions(text, language, anchor) if dated else []
    spans = sentence_spans(text) or [(0, len(text))]
    reader = _SentenceReader(text, language)
    blocked = date_spans(text, language) + [m.span() for m in (*_PHONE.finditer(text), *_FOOTNOTE.finditer(text))]
    steps = ((m.start(), _change_step_end(text, m.start(), m.end())) for m in cores)
    blocked += [(start, end) for start, end in steps if end is not None]
    blocked += _number_lists(text)
    reader.figures = [
        m.span()
        for m in cores
        if not _inside(m.start(), m.end(), blocked) and _a_figure(text, m, language) and not _a_population(text, m)
    ]
    found: list[ParsedClaim] = []
    position = 0
    for m in cores:
        if m.start() < position or _inside(m.start(), m.end(), blocked):
            continue
        position = m.end()
        parsed = _claim_at(text, m, spans, times, reader)
        position = max(position, reader.years_end)
        if parsed is not None:
            found.append(parsed)
            position = max(position, parsed.claim.end)
    found = _respectively(text, _versus(text, _elliptical(_populations(text, found))), spans, reader)
    return tuple(_only_forces_deployed(_listed_alike(text, found, reader)))


# Four or more bare numbers in a row, with nothing after the last: lottery numbers ("matching
# numbers 23, 24, 37, 25, 20 and 43."), routes ("U.S. 54, 56, 83, 160, 183, 283 and 400."), clinics
# ("поликлиниках № 1, 2, 3, 4, 28, а также"): names, not counts. A list whose last number has its
# unit or noun ("10, 11, 12, 13 percent") is left to be read.
_NUMBER_LIST = re.compile(
    r"(?<![\d.,])\d{1,4}(?:,\s+\d{1,4}){3,}(?:,?\s+(?:and|et|und|y|e|i|и|і|та|a|en)\s+\d{1,4})?(?![\d.,]?\d)"
)


def _number_lists(text: str) -> list[tuple[int, int]]:
    """The spans of lists of bare numbers that name rather than count (``_NUMBER_LIST``)."""
    return [m.span() for m in _NUMBER_LIST.finditer(text) if text[m.end() : m.end() + 2].strip()[:1] in _LIST_ENDS]


_LIST_ENDS = frozenset({"", ".", ",", ";", ")", ":", "!", "?"})


def _only_forces_deployed(found: list[ParsedClaim]) -> list[ParsedClaim]:
    """ "An email sent to 40,000 students", "направили около 20 исков": sent, not deployed. Read
    last, when an elliptical figure has its noun ("circa 750 soldati … schierati … con circa 3.000")."""
    return [
        ParsedClaim(replace(p.claim, action=None), p.figure)
        if p.claim.action == "deployed" and p.claim.counted not in lex.DEPLOYED_THINGS
        else p
        for p in found
    ]


def _cores(text: str) -> list[re.Match[str]]:
    """Numbers, number words and vague counts, tried only at words that can start one: the big
    alternation tried at every character costs ten times more."""
    starts = [t.start() for t in _WORD.finditer(text) if t.group(0)[0].isdigit() or _opens_number(t.group(0))]
    if _UNSPACED.search(text):
        glued = [m.start() for m in (*_DIGIT_IN_UNSPACED.finditer(text), *_CJK_NUMERAL_START.finditer(text))]
        starts = sorted({*starts, *glued})
    if _ARABIC_PROCLITIC_DIGIT.search(text):  # "و35 حالة": "and" glued to the number
        starts = sorted({*starts, *(m.end() for m in _ARABIC_PROCLITIC_DIGIT.finditer(text))})
    out = []
    done = 0
    for start in starts:
        m = _CORE.match(text, start) if start >= done else None
        if m is not None and not _scale_of_a_number(text, m):
            out.append(m)
            done = m.end()
    return out


_LISTED_AFTER_AN_IDENTIFIER = re.compile(r"(?P<word>[^\W\d_]+)\s+\d+\s*(?:,|and|or|&)\s*$")


def _an_identifier_word(word: str) -> bool:
    """Whether a number after ``word`` is an identifier ("route 7", "Bridge 136"), not a quantity."""
    folded = word.casefold().rstrip(":")
    return folded in lex.IDENTIFIER_WORDS or (word[:1].isupper() and folded in lex.NAMED_IDENTIFIER_WORDS)


def _scale_of_a_number(text: str, m: re.Match[str]) -> bool:
    """Whether a big unit said alone ("millions", "миллиона") follows a number, whose scale it is
    ("neuf millions", "P19 millones", "9-Millionen-Metropole"), not a figure of its own."""
    return " ".join(m.group(0).casefold().split()) in lex.BARE_SCALE_WORDS and bool(
        _NUMBER_JUST_BEFORE.search(text, max(0, m.start() - 24), m.start())
    )


_NUMBER_JUST_BEFORE = re.compile(rf"(?:\d|{_WORD_NUMBER})[\s-]*$", re.I)


def _another_languages_vague(m: re.Match[str], language: str | None) -> bool:
    """Whether a vague count is a word of the text's language ("several miles away": English
    miles, not Spanish thousands)."""
    vague = (m.group("vague") or "").casefold().split()[:1]
    return bool(language and vague) and language not in lex.VAGUE_LANGUAGES.get(vague[0], (language,))


def _a_figure(text: str, m: re.Match[str], language: str | None) -> bool:
    """Whether a number stands apart as a figure: not a name's ("Covid-19") nor a year, nor
    another language's number word ("due to": Italian's two)."""
    digits = m.group("digits")
    if digits is None:
        if _another_languages_vague(m, language):
            return False
        words = m.group("words")
        compound = text[m.end() : m.end() + 1] == "-" and text[m.end() + 1 : m.end() + 2].isalpha()  # "six-year-old"
        return not (words and (compound or _another_languages_words(words, language)))
    name_number = (
        text[m.start() - 1 : m.start()] == "-"
        and text[m.start() - 2 : m.start() - 1].isalpha()
        and not _hebrew_proclitic_before(text, m.start())
    )
    return not name_number and not (digits.isdigit() and len(digits) == 4 and 1900 <= int(digits) <= 2100)


def _hebrew_proclitic_before(text: str, start: int) -> bool:
    """Whether a Hebrew one-letter proclitic and a hyphen (or maqaf) stand glued before ``start``:
    "מ-50" (than 50), "כ-50" (about 50), "ל-50" (to 50), after "and" or "that" too ("וכ-50").
    Hebrew writes a number so, where a name's number ("Covid-19") has a word before its hyphen."""
    return _HEBREW_GLUED.search(text, max(0, start - 4), start) is not None


_HEBREW_GLUED = re.compile(rf"(?:^|(?<=[^{MARKS}\w]))[וש]?[{''.join(HEBREW_PROCLITICS)}][-\u05be]$")
# Hebrew's "and" and "that", written onto the first word of a hedge: "וכ-50" (and about 50),
# "ויותר מ-50" (and more than 50).
_HEBREW_CONJUNCTIONS = ("ו", "ש")


def _opens_number(word: str) -> bool:
    """A word a number phrase can start with: a number word, or one glued of two ("zweiundfünfzig")."""
    folded = word.casefold()
    return folded in _CORE_TRIGGERS or (any(joint in folded for joint in _GLUE) and len(_glued(folded)) == 2)


def _elliptical(found: list[ParsedClaim]) -> list[ParsedClaim]:
    """ "1,500 people were killed and more than 5,000 were injured": the second counts people too."""

    def takes(before: Claim, claim: Claim) -> Claim | None:
        if claim.action is None or before.counted not in lex.PEOPLE:
            return None
        if before.action is None and _counts_a_population(before):  # "5,4 milijona prebivalcev, … 567"
            return None
        return replace(claim, counted=before.counted)

    return _after_the_one_before(found, takes)


def _versus(text: str, found: list[ParsedClaim]) -> list[ParsedClaim]:
    """ "306 голосов выборщиков против 232", "306 electoral votes against 232": a bare figure
    set against the one before it counts the same thing, and the same befell it."""

    def takes(before: Claim, claim: Claim) -> Claim | None:
        if before.counted is None or not _VERSUS.fullmatch(text, before.end, claim.start):
            return None
        return replace(claim, counted=before.counted, action=claim.action or before.action)

    return _after_the_one_before(found, takes)


def _after_the_one_before(found: list[ParsedClaim], takes: Callable[[Claim, Claim], Claim | None]) -> list[ParsedClaim]:
    """Each figure that names nothing it counts, read after the one before it in its sentence:
    ``takes`` gives the claim it becomes (its counted thing, its action), or None."""
    out: list[ParsedClaim] = []
    for parsed in found:
        claim = parsed.claim
        before = out[-1].claim if out else None
        if before is None or before.sentence_index != claim.sentence_index or claim.counted is not None:
            out.append(parsed)
            continue
        taken = takes(before, claim)
        out.append(parsed if taken is None else ParsedClaim(taken, parsed.figure))
    return out


_VERSUS = re.compile(
    r"\s*(?:against|versus|vs\.?|contre|gegen|contra|contro|против|проти|przeciw|proti|срещу)\s*", re.I
)


def _respectively(
    text: str, found: list[ParsedClaim], spans: list[tuple[int, int]], reader: _SentenceReader
) -> list[ParsedClaim]:
    """ "Infections and deaths rose to 9.4 million and 230,000, respectively", "Число заражённых и
    умерших составило соответственно 1200 и 35": a list of figures beside "respectively" takes,
    in order, the actions of a list of as many action words before it in its sentence. Each
    figure alone would take the action nearest to it, the same for all ("killed" for 9.4 million
    infections), and so contradict another report's toll."""
    if len(found) < 2 or not _RESPECTIVELY.search(text):  # a regex scan, not a walk over every word
        return found
    markers = [m for m in _TOKEN.finditer(text) if m.group(0).casefold() in lex.RESPECTIVELY]
    out = list(found)
    runs = _figure_lists(text, found, reader)  # by position and sentence: giving actions changes neither
    bounds = [found[run[0]].claim.start for run in runs], [found[run[-1]].claim.end for run in runs]
    for marker in markers:
        run = _figure_list_at(text, runs, bounds, marker)
        if len(run) < 2:
            continue
        first = out[run[0]].claim
        sentence_start = spans[first.sentence_index][0] if first.sentence_index < len(spans) else 0
        actions = _listed_actions(text, sentence_start, first.start, reader)
        if len(actions) == len(run) and len(set(actions)) == len(actions):
            for index, action in zip(run, actions, strict=True):
                out[index] = ParsedClaim(replace(out[index].claim, action=action), out[index].figure)
    return out


def _figure_lists(text: str, found: list[ParsedClaim], reader: _SentenceReader) -> list[list[int]]:
    """The claims in runs that form one list each ("9.4 million and 230,000", "1200 bzw. 35"): as
    indexes into ``found``, in order."""
    joined = reader.conjunctions | lex.RESPECTIVELY
    runs: list[list[int]] = []
    for index, parsed in enumerate(found):
        last = found[runs[-1][-1]].claim if runs else None
        if (
            last is not None
            and last.sentence_index == parsed.claim.sentence_index
            and _only_words(text[last.end : parsed.claim.start], joined)
        ):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _figure_list_at(
    text: str, runs: list[list[int]], bounds: tuple[list[int], list[int]], marker: re.Match[str]
) -> list[int]:
    """The first run of ``runs`` with the marker inside it or beside it (nothing but commas and
    spaces between). Only three runs can be: the last to end before the marker, the one around
    it and the first to start after it (any other has one of those between, and its figures);
    they are found by position, as one text may hold thousands of runs and markers."""
    starts, ends = bounds  # each run's first start and last end
    ended = bisect.bisect_right(ends, marker.start()) - 1  # the last run ending at or before the marker
    nearest = (ended, ended + 1, bisect.bisect_left(starts, marker.end()))
    for i in dict.fromkeys(i for i in nearest if 0 <= i < len(runs)):
        start, end = starts[i], ends[i]
        inside = start <= marker.start() < end
        before = marker.end() <= start and _only_words(text[marker.end() : start], frozenset())
        after = end <= marker.start() and _only_words(text[end : marker.start()], frozenset())
        if inside or before or after:
            return runs[i]
    return []


def _only_words(gap: str, allowed: frozenset[str]) -> bool:
    """Whether ``gap`` holds nothing but ``allowed`` words, spaces, commas and the dots of
    abbreviations ("bzw.")."""
    if len(gap) > 40 or any(ch.isdigit() for ch in gap):
        return False
    if any(m.group(0).casefold() not in allowed for m in _TOKEN.finditer(gap)):
        return False
    return not _TOKEN.sub("", gap).strip(" ,.\n\t\u00a0")


def _listed_actions(text: str, start: int, end: int, reader: _SentenceReader) -> list[str]:
    """The actions of the last list of action words ("infections and deaths", "zakażonych i
    zmarłych") in ``text[start:end]``, in order: words joined by commas or conjunctions only."""
    named = [(m, key) for m in _TOKEN.finditer(text, start, end) if (key := reader.action_of(m.group(0)))]
    if not named:
        return []
    listed = [named[-1]]
    for m, key in reversed(named[:-1]):
        if not _only_words(text[m.end() : listed[0][0].start()], reader.conjunctions | _STOP):
            break
        listed.insert(0, (m, key))
    return [key for _, key in listed]


def _a_population(text: str, m: re.Match[str]) -> bool:
    """Whether the number at ``m`` is a place's population (``_populations``): it then stands between
    no action and the figure the action is of ("Število potrjenih okužb je na Slovaškem, ki ima 5,4
    milijona prebivalcev, naraslo za rekordnih 567": the infections are the 567's)."""
    after = _TOKEN.findall(text, m.end(), m.end() + 40)
    noun = next((w.casefold() for w in after if w.casefold() not in lex.SCALES), None)
    if noun is None or not noun.startswith(lex.POPULATION_STEMS):
        return False
    hedge = _qualifier_before(text, m.start())  # "with more than 300,000 inhabitants": having, then the hedge
    return _having_before(text, hedge[1] if hedge else m.start())


def _having_before(text: str, position: int) -> bool:
    """A word of having ("ima", "se", "with") among the two words before ``position``."""
    return any(w.casefold() in lex.HAVING for w in _TOKEN.findall(text, max(0, position - 30), position)[-2:])


def _counts_a_population(claim: Claim) -> bool:
    """Whether a claim's last word is a population's noun ("prebivalcev", "inhabitants")."""
    words = _TOKEN.findall(claim.text)
    return bool(words) and words[-1].casefold().startswith(lex.POPULATION_STEMS)


def _populations(text: str, found: list[ParsedClaim]) -> list[ParsedClaim]:
    """A place's population, said with a word of having before it ("ki ima 5,4 milijona
    prebivalcev", "se zhruba 328 miliony obyvatel", "a city with 300,000 inhabitants"), befalls
    nothing: the nearest action word of its sentence (the infections it is compared with) is not
    its, and a population read as infected would contradict every real count."""
    out = list(found)
    for index, parsed in enumerate(out):
        claim = parsed.claim
        if claim.action is not None and _counts_a_population(claim) and _having_before(text, claim.start):
            out[index] = ParsedClaim(replace(claim, action=None), parsed.figure)
    return out


def _listed_alike(text: str, found: list[ParsedClaim], reader: _SentenceReader) -> list[ParsedClaim]:
    """ "İtalya'da 6 bin 820, Çin'de ise 3 bin 285 kişi yaşamını yitirdi", "Italy reported 6,820
    deaths, China 3,285": a bare figure (nothing counted, no action) beside a figure that has
    both, with only a comma and a few words that name no action between them (``_a_list_gap``),
    counts the same thing (languages that put the verb last name it after the list; others once,
    before)."""
    out = list(found)
    for index, parsed in enumerate(out):
        claim = parsed.claim
        if claim.counted is not None or claim.action is not None:
            continue
        for other in (index + 1, index - 1):
            if not 0 <= other < len(out):
                continue
            near = out[other].claim
            if near.counted is None or near.sentence_index != claim.sentence_index:
                continue
            gap = text[claim.end : near.start] if other > index else text[near.end : claim.start]
            listed = near.action is not None and _a_list_gap(gap, reader)
            if listed or (other < index and _a_versus_gap(gap)):
                out[index] = ParsedClaim(replace(claim, counted=near.counted, action=near.action), parsed.figure)
                break
    return out


def _a_versus_gap(gap: str) -> bool:
    """Whether ``gap`` sets the next figure against the one before it, one word of its noun at most
    between ("306 голосов выборщиков против 232", "306 electoral votes against 232"): the same count
    for the other side."""
    words = _TOKEN.findall(gap)
    return (
        0 < len(words) <= 2
        and words[-1].casefold() in lex.VERSUS
        and not any(ch in gap for ch in ",;:()")
        and not any(ch.isdigit() for ch in gap)
    )


_COMMA_CONJUNCTION = re.compile(rf",\s*([^\W\d_][{_W}]*)\s")  # ", а ", ", and ": a clause of its own
_COMMA_JUST_BEFORE = re.compile(r"[^,;]*,\s*")
_NEXT_FIGURE_REACH = 40  # characters from an action word to the figure whose clause it opens
_ALIKE_GAP_WORDS = 3  # after the comma: "Çin'de ise", "China", "Северна Македония": a place and a particle


def _a_list_gap(gap: str, reader: _SentenceReader) -> bool:
    """Whether ``gap`` (between two figures) is one comma and at most four words, those before it
    a phrase opened by a preposition, none of them an action, a conjunction, a verb of saying or a
    digit: the next item of one list, not another clause."""
    if gap.count(",") != 1 or any(ch.isdigit() for ch in gap) or any(ch in gap for ch in ";:()"):
        return False
    before, after = gap.split(",")
    words = [m.group(0) for m in _TOKEN.finditer(gap)]
    # "389 okuženih z novim koronavirusom, 279 iz savinjske, 143 iz pomurske": an item may trail a
    # phrase of its own before the comma, opened by a preposition ("49 sind in Quarantäne, zwei
    # Patienten…" is a clause, not an item).
    trailing = _TOKEN.findall(before)
    if trailing and trailing[0].casefold() not in lex.LIST_PREPOSITIONS:
        return False
    return (
        len(_TOKEN.findall(after)) <= _ALIKE_GAP_WORDS
        and len(words) <= _ALIKE_GAP_WORDS + 1
        and not any(
            reader.action_of(word) or word.casefold() in reader.conjunctions or word.casefold() in lex.REPORTING
            for word in words
        )
    )


def _inside(start: int, end: int, blocked: list[tuple[int, int]]) -> bool:
    return any(b_start < end and start < b_end for b_start, b_end in blocked)


@dataclass(slots=True)
class _Figure:
    start: int
    end: int
    low: float
    high: float
    qualifier: Qualifier
    unit: str | None = None  # "percent" or a currency code
    vague: bool = False
    core_start: int = -1  # where the number itself starts, before any opener or currency sign

    def __post_init__(self) -> None:
        if self.core_start < 0:
            self.core_start = self.start


# What a figure's own noun may say its people are ("160 nakažených", "240 заразившихся", "3
# wounded"), and what may befall them after: the clause's verb of that says what happened to them.
_STATES = frozenset({"infected", "wounded"})
_WHAT_BEFALLS_THE_SICK = frozenset({"killed", "recovered", "hospitalised"})
_BEFALLING_REACH = 3  # words between the figure's phrase and the verb: "Zemřelo zatím přes | 160"


def _claim_at(text: str, m: re.Match[str], spans: list[tuple[int, int]],
              times: list[TimeExpression], reader: _SentenceReader) -> ParsedClaim | None:  # fmt: skip
    if _another_languages_vague(m, reader.code):
        return None
    if m.group("words") and (
        _another_languages_words(m.group("words"), reader.code)
        or m.group("words") in lex.NOT_ALONE_NUMBER_WORDS
        or _in_a_name(text, m.start("words"))
    ):
        return None
    figure = _figure(text, m, decimal_comma=reader.decimal_comma)
    if figure is None:
        return None
    index = sentence_index(spans, figure.start)
    s_start, s_end = spans[index]
    counted, action, counted_end, known = reader.counted(figure.end, s_end)
    if figure.unit is not None:
        # A unit is what is counted; a word after it the reader could only guess ends nothing of
        # the figure's ("95 proc. - pisze Reuters").
        counted_end = counted_end if known else None
        counted, known = figure.unit, True
    if _a_span_of_years(text, figure, known, counted):
        reader.years_end = figure.end  # "1967 až 1977": its second year is no figure either
        return None
    if not _is_quantity(text, m, figure, known, counted, reader.code):
        return None
    if counted == "person" and (noun := cjk.noun_before(text, figure.core_start)) is not None:
        counted = noun  # "戦闘員20人", "시위대 200명": the noun before the number, the counter after it
    if counted_end and figure.qualifier is Qualifier.EXACT and (post := _POST.match(text, counted_end)):
        figure.qualifier = lex.POST_QUALIFIERS[" ".join(post.group("post").casefold().split())]
        counted_end = post.end()  # "12 protesters or more"
    elif counted_end and figure.qualifier is Qualifier.EXACT and (cjk_post := cjk.post_qualifier(text, counted_end)):
        figure.qualifier, counted_end = cjk_post  # "50人以上", "50명 이상"
    if counted is None and (toll := reader.toll(_change_start(text, figure), s_start)) is not None:
        counted, action = toll  # "the death toll rose to 5,100"
    age = _after_age_word(text, figure.start) or (
        counted is None and (_age_after_name(text, figure.start, figure.end) or _age_before_a_clause(text, figure))
    )
    if counted != "year" and _age_at_death(text, figure, reader):
        age, counted, counted_end = True, None, None  # "died at 94 in his home": an age; no house counted
    if _after_a_parent(text, figure.start):
        counted, action = counted or "child", None  # "a father of two …, drowned": two children, no deaths
    elif counted in _NOTHING_HAPPENS_TO or age:
        action = None  # "62% от починалите": a share of the dead, not dead
    elif action is None:
        action, another_clauses = reader.nearest_action(figure.start, figure.end, s_start, s_end)
        if another_clauses and _in_hospital_after(text, figure.end, s_end, reader) and counted in _MAY_BE_PATIENTS:
            action = "hospitalised"  # "arrested three men, and 2 women were taken to hospital": their own clause's
    elif action in _STATES and reader.code == "ar" and (before := reader.verbal_noun_before(figure.start)):
        action = before  # "شفاء 11 مصابا": the recovery of 11 of the infected
    if action == "arrested" and reader.code == "tr" and _caught_a_disease(text[s_start:s_end]):
        action = "infected"  # "yakalandı": caught by the police, or by a virus ("Koronavirüse yakalanan 12 kişi")
    # Arabic glues its "and" to the next word ("4 إصابات جديدة ووفاة واحدة"): no clause's edge is seen there.
    if action in _STATES and reader.code != "ar":  # "Zemřelo 160 nakažených", "4,032 infected people who have died"
        action = reader.befalling(figure.start, max(figure.end, counted_end or 0), s_start, s_end) or action
    action = _a_diseases(text, figure, counted, counted_end, action, s_end, reader)
    action = _what_can_befall(text, figure, counted, action)
    if action in (None, "deployed") and _in_hospital(text, figure, counted, action, age, (s_start, s_end), reader):
        action = "hospitalised"  # "Twelve people are in hospital", "sent three people to the hospital"
    if action in lex.KILLING_ACTIONS and counted in lex.PEOPLE:
        action = "killed"  # "destroyed 50 terrorists"
    elif action == "killed" and counted in lex.THINGS:
        action = "destroyed"  # "éliminé plus d'une douzaine de pick-up"
    elif action in _WHAT_BEFALLS_PEOPLE and counted in lex.THINGS and _named_next(text, figure.end, counted_end):
        action = None  # "arrestaron a un prisionero … otras tres armas": the weapons were found
    end = max(figure.end, counted_end or 0)
    claim = Claim(
        start=figure.start, end=end, text=text[figure.start : end], low=figure.low, high=figure.high,
        qualifier=figure.qualifier, sentence=text[s_start:s_end], sentence_index=index, counted=counted,
        action=action, time=_sentence_time(times, s_start, s_end),
    )  # fmt: skip
    return ParsedClaim(claim, " ".join(text[figure.start : figure.end].split()))


def _a_diseases(
    text: str,
    figure: _Figure,
    counted: str | None,
    counted_end: int | None,
    action: str | None,
    s_end: int,
    reader: _SentenceReader,
) -> str | None:
    """The action where a disease decides it: an Arabic hit ("أصيب", by a bullet or by a virus)
    and cases, which are infections only where a disease is named or the tally says so."""
    if action == "wounded" and reader.code == "ar" and reader.about_a_disease:
        action = "infected"
    of_what = _what_cases_are_of(text, counted_end, s_end) if counted == "case" and counted_end else None
    if of_what == "killed":
        return "killed"  # "7 حالات وفيات", "5 cas de décès": cases of death
    if counted == "case" and action in (None, "killed", "wounded"):
        # "more than 232,000 cases of coronavirus", "36 new cases", "200 cas confirmés", "200 حالة
        # إصابة": a disease's cases are infections; "three separate corruption cases" in a text that
        # names no disease are no one's
        tally = of_what in ("wounded", "infected") or _a_tally(text, figure.end, counted_end or figure.end, s_end)
        return "infected" if tally or reader.about_a_disease else None
    return action


def _what_can_befall(text: str, figure: _Figure, counted: str | None, action: str | None) -> str | None:
    """``action``, unless what is counted cannot undergo it (money, a rate's denominator, bodies
    recovered, countries, photos, warrants, games)."""
    if counted in _CURRENCY_CODES and action not in _WHAT_MONEY_COUNTS:
        return None  # "$24.7 million haul … released": money is no one released, elected or infected
    if action is not None and figure.low in _PER_CAPITA and _word_before(text, figure.start) in _DENOMINATOR_LEADS:
        return None  # "smrtni primeri na 100 000 prebivalcev": a rate's denominator, nobody died
    if action == "recovered" and counted not in (*lex.PEOPLE, "case", None):
        return None  # "3 bodies were recovered", "recovered 5 rifles": found, not healed
    if action in lex.HUMAN_ACTIONS and counted in lex.PLACE_NOUNS:
        return None  # "26 países … infectados": the countries' people were, not the countries
    if action == "released" and counted in lex.PUBLISHED_THINGS:
        return None  # "Police released two photos": published, nobody set free
    if action == "killed" and counted in lex.PROCEDURES:
        return None  # "executed two search warrants": carried out, nobody killed
    if action == "elected" and counted in lex.CONTESTS:
        return None  # "won six games", "three gold medals": a result, no one elected
    return action


def _in_hospital(
    text: str,
    figure: _Figure,
    counted: str | None,
    action: str | None,
    age: bool,
    sentence: tuple[int, int],
    reader: _SentenceReader,
) -> bool:
    """Whether people the figure counts are said, in its clause, to be in or taken to a hospital."""
    if counted not in _MAY_BE_PATIENTS or figure.low < 1 or age:  # "grupy 0 w szpitalach", "aged 74"
        return False
    s_start, s_end = sentence
    if _in_hospital_after(text, figure.end, s_end, reader):
        return True
    return action is None and counted is not None and _in_hospital_before(text, figure.start, s_start, reader)


# "In" or "to" a hospital, by language: where the figure right before is, or is taken (the verbs of
# being hospitalised are in the lexicon; these are the phrases that say it without one).
_IN_HOSPITAL = {
    language: re.compile(pattern, re.I)
    for language, pattern in {
        "en": r"\b(?:in|into|to|at)\s+(?:the\s+|a\s+|local\s+|nearby\s+|area\s+)?hospitals?\b",
        "fr": r"(?:\bà\s+|\ba\s+)l['’]\s?hôpital\b",
        "es": r"\b(?:al|en\s+el|en\s+un|a\s+un)\s+hospital\b",
        "it": r"\b(?:in|all['’])\s?ospedale\b",
        "pt": r"\b(?:ao|no|num)\s+hospital\b",
        "nl": r"\b(?:naar|in)\s+het\s+ziekenhuis\b",
        "ru": r"(?<!\w)(?:в|во)\s+(?:больниц[уеы]|больницах|стационар[еы]?)(?!\w)",
        "uk": r"(?<!\w)(?:до|в|у)\s+(?:лікарн[іяю]|лікарнях|стаціонар[іу]?)(?!\w)",
        "pl": r"(?<!\w)(?:do\s+szpitala|w\s+szpitalu|w\s+szpitalach)(?!\w)",
        "cs": r"(?<!\w)(?:do\s+nemocnice|v\s+nemocnici|v\s+nemocnicích)(?!\w)",
        "sk": r"(?<!\w)(?:do\s+nemocnice|v\s+nemocnici|v\s+nemocniciach)(?!\w)",
        "sl": r"(?<!\w)(?:v\s+bolnišnic[io]|v\s+bolnišnicah)(?!\w)",
        "bg": r"(?<!\w)(?:в\s+болница(?:та)?|в\s+болници(?:те)?)(?!\w)",
    }.items()
}
# Whom a hospital's bed may hold: people counted as such (not its doctors, beds or wings).
_MAY_BE_PATIENTS = frozenset({None, "person", "patient", "child", "woman", "resident", "civilian", "victim"})
_HOSPITAL_REACH = 60  # characters from the figure to the phrase


def _in_hospital_after(text: str, end: int, s_end: int, reader: _SentenceReader) -> bool:
    """Whether the figure ending at ``end`` is said, in its own clause, to be in or taken to a
    hospital: the phrase within ``_HOSPITAL_REACH`` after it, no other figure or punctuation between
    ("grupa 0, okazało się, że w szpitalu": another clause's hospital)."""
    pattern = _IN_HOSPITAL.get(reader.code or "")
    found = pattern.search(text, end, min(s_end, end + _HOSPITAL_REACH)) if pattern else None
    return found is not None and _nothing_between(text, end, found.start(), reader)


def _in_hospital_before(text: str, start: int, s_start: int, reader: _SentenceReader) -> bool:
    """Whether the figure at ``start`` follows, in its clause, a phrase of being in a hospital, as
    Slavic word order puts it first ("W szpitalu przebywa 12 osób", "в больнице находятся 5
    человек", "в болници има двама")."""
    pattern = _IN_HOSPITAL.get(reader.code or "")
    if pattern is None:
        return False
    found = list(pattern.finditer(text, max(s_start, start - _HOSPITAL_REACH), start))
    return bool(found) and _nothing_between(text, found[-1].end(), start, reader)


def _nothing_between(text: str, start: int, end: int, reader: _SentenceReader) -> bool:
    """Whether no figure, digit, punctuation or conjunction stands between ``start`` and ``end``
    ("rushed to hospital and seven were treated by paramedics": another clause's seven)."""
    between = text[start:end]
    return not (
        _has_digit(between)
        or any(mark in between for mark in ",;:()")
        or any(start <= figure < end for figure, _ in reader.figures)
        or any(word.casefold() in reader.conjunctions for word in _TOKEN.findall(between))
    )


def _named_next(text: str, end: int, counted_end: int | None) -> bool:
    """Whether the noun counted, ending at ``counted_end``, comes right after the figure ending at
    ``end`` (but for articles and modifiers): read surely enough to overrule the sentence's verb,
    where one found past unknown words ("dve stanovalki doma": the home's residents) is a guess."""
    if counted_end is None:
        return False
    words = _TOKEN.findall(text, end, counted_end)[:-1]
    return all(w.casefold() in _STOP or w.casefold() in _MODIFIERS for w in words)


def _in_a_name(text: str, start: int) -> bool:
    """Whether a number word written with a capital follows a capitalised word in mid-sentence:
    a name's ("Page Six", "Formula One", "Chapter Two"), no count."""
    if not text[start : start + 1].isupper():
        return False
    before = text[max(0, start - 40) : start]
    m = re.search(r"([^\W\d_][\w'’-]*)\s+$", before)
    if m is None or not m.group(1)[:1].isupper() or "\n" in before[m.end(1) :]:
        return False  # a new paragraph opens with it ("СНВ-3 \n\nДва руководителя")
    return not re.search(r"[.!?:;\n\u2013\u2014-]\s*$", before[: m.start(1)])  # not a sentence's first word


def _what_cases_are_of(text: str, end: int, limit: int) -> str | None:
    """The outcome a noun right after the word "cases" (after "of" at most) names: "killed" for
    "7 حالات وفيات", "5 cas de décès", "12 случаев смерти"; "wounded" for "200 حالة إصابة"."""
    words = [w.casefold() for w in _TOKEN.findall(text, end, min(limit, end + 40))[:2]]
    if words and words[0] in _OF_WORDS:
        words = words[1:]
    return lex.OUTCOME_NOUNS.get(words[0], ("", None))[1] if words else None


def _caught_a_disease(sentence: str) -> bool:
    """Whether a Turkish sentence's "caught" (yakala-) is a disease's: the word before it names one
    ("koronavirüse yakalanan", "Kovid-19'a yakalandı"; not "Kovid-19 testlerini beklemeden gelen
    işçiler Bolu'da yakalandı", caught by the police)."""
    words = _TOKEN.findall(sentence)
    return any(
        word.casefold().startswith("yakala") and _DISEASE.match(before) is not None for before, word in pairwise(words)
    )


def _a_tally(text: str, start: int, end: int, limit: int) -> bool:
    """Whether a word of an epidemic's tally stands between a number and its "cases" or right
    after them: "36 new cases", "3 bin 621 yeni vaka", "200 cas confirmés"."""
    after = _TOKEN.search(text, end, min(limit, end + 30))
    words = [*_TOKEN.findall(text, start, end), *([after.group(0)] if after else [])]
    return any(word.casefold() in lex.TALLY_MODIFIERS for word in words)


_OF_WORDS = frozenset({"of", "de", "des", "di", "der", "von", "do", "da"})


def _after_age_word(text: str, start: int) -> bool:
    """ "aged 49", "âgé de 36 ans", "aged 15 and 17": a person's age, to which the sentence's verb
    does not happen."""
    words = text[max(0, start - 14) : start].casefold().split()
    if words and (words[-1] in lex.AGE_WORDS or (len(words) > 1 and words[-2] in lex.AGE_WORDS)):
        return True
    return _AGES_LISTED.search(text, max(0, start - 40), start) is not None


# The later ages of a list after an age word: "two teenagers aged 15 and 17".
_AGES_LISTED = re.compile(
    rf"(?<![{_W}])(?:{'|'.join(sorted(lex.AGE_WORDS))})\s+\d{{1,3}}(?:\s*,\s*\d{{1,3}})*\s*(?:,|and|et|y|und|e|i|и)\s*$",
    re.I,
)


def _after_a_parent(text: str, start: int) -> bool:
    """Whether the number at ``start`` follows a parent ("a father of two", "madre de tres",
    "отец двоих детей"): it counts their children (``lex.PARENTS_OF``)."""
    words = text[max(0, start - 24) : start].casefold().split()
    return bool(words) and (words[-1] in lex.PARENTS_OF or " ".join(words[-2:]) in lex.PARENTS_OF)


def _age_at_death(text: str, figure: _Figure, reader: _SentenceReader) -> bool:
    """ "Died at 94", "passed away at 94", "murió a los 94", "starb mit 94": a bare number after
    the preposition that follows a word of dying is the age of the one who died, no toll."""
    if figure.qualifier is not Qualifier.EXACT or not figure.low.is_integer() or not 0 < figure.low < 120:
        return False
    after = _word_after(text, figure.end)
    if after and after not in _STOP and after not in _AFTER_AN_AGE and after not in reader.conjunctions:
        return False  # "died at 3 sites": a noun of its own ("died at 68 and was": an age)
    before = _AGE_AT_DEATH.search(text, max(0, figure.start - 40), figure.start)
    if before is None:
        return False
    words = _TOKEN.findall(text, max(0, before.start() - 24), before.start())
    phrases = lex.ACTION_PHRASES.get(reader.code or "", {})
    if len(words) > 1 and phrases.get(f"{words[-2]} {words[-1]}".casefold()) == "killed":
        return True  # "passed away at 94"
    return bool(words) and reader.action_of(words[-1]) == "killed"


# "After her death", "po njeni smrti", "nach ihrem Tod", "for their release": a time or a purpose told
# by someone's fate, which does not befall a figure of the sentence. Prepositions, then (after an
# article) possessives.
_TIME_PREPOSITIONS = frozenset(
    _words("""after since before following until upon for pour para per für après depuis avant nach seit vor
    bis tras después desde antes hasta dopo prima fino após depois até sinds voor po od pred před przed после
    с до перед після з след от преди""")
)
_POSSESSIVES = frozenset(
    _words("""his her their its sa son ses leur leurs sein seinem seiner seines seinen ihr
    ihrem ihrer ihres ihren su sus suo sua suoi sue seu dele dela zijn haar hun его её ее их його її їх jego jej
    ich jeho její jejich njegovi njeni njihovi njegovo njeno njegove njene негова нейна тяхната неговата
    нейната""")
)
_POSSESSIVE_ARTICLES = frozenset(_words("the la il a o de het"))


def _someones_time(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a time preposition and a possessive ("after her
    death", "dopo la sua morte"): then it dates the sentence rather than befalling its figures."""
    words = [w.casefold() for w in _TOKEN.findall(text, max(0, start - 40), start)[-3:]]
    if not words or words[-1] not in _POSSESSIVES:
        return False
    rest = words[:-1]
    if rest and rest[-1] in _POSSESSIVE_ARTICLES:
        rest = rest[:-1]
    return bool(rest) and rest[-1] in _TIME_PREPOSITIONS


# What a charge is brought with: an accusing word's stem, then the preposition naming the crime.
_ACCUSING = re.compile(
    r"(?:accus|charg|suspect|convict|guilty|indict|inculp|soupçonn|acusad|sospech|sospett|suspeit|beschuldig"
    r"|verdächt|обвин|подозр|oskarż|podejrz|obvin|podezř)\w*(?:\s+\S+){0,4}?"
    r"(?:\s+(?:of|with|for|de|di|des|du|wegen|в|o|z)\s+(?:[^\s,.;]+\s+){0,2}|\s+d['’](?:avoir\s+)?)$",
    re.I,
)


def _accused_of(text: str, start: int) -> bool:
    """Whether the word at ``start`` names the crime of a charge ("accused of killing", "обвиняются
    в убийстве"): what the charged are said to have done, nothing that befell a figure."""
    return _ACCUSING.search(text, max(0, start - 60), start) is not None


def _age_before_a_clause(text: str, figure: _Figure) -> bool:
    """ "Donen was 94 when he died": a bare number between "to be" and a clause of time is an age."""
    if figure.qualifier is not Qualifier.EXACT or not figure.low.is_integer() or not 0 < figure.low < 120:
        return False
    return _word_before(text, figure.start) in _COPULAS and _word_after(text, figure.end) in _SUBORDINATORS


_AFTER_AN_AGE = frozenset(_words("in on at after following"))
_AGE_AT_DEATH = re.compile(r"(?<![\w])(?:at|a los|aos|mit)\s+$", re.I)


# A word, then the comma or the parenthesis that sets the number off: "Browning, 44," "uomo (19)".
_SET_OFF = re.compile(rf"(?P<word>[^\W\d_][{_W}.'’-]*)(?P<mark>,\s*|\s*\()$")


def _age_after_name(text: str, start: int, end: int) -> bool:
    """ "Michael Browning, 44, of Lily", "Kenneth Bonilla, 23; Edwin Luciano, 18", "L'uomo (19)": a
    bare number set off after a name (or, in parentheses, after any noun) is an age."""
    figure = text[start:end]
    if not figure.isdigit() or not 0 < int(figure) < 120 or text[end : end + 1] not in (",", ")", ";"):
        return False
    before = _SET_OFF.search(text, max(0, start - 40), start)
    if before is None or ("(" in before.group("mark")) != (text[end] == ")"):
        return False
    return text[end] == ")" or before.group("word")[0].isupper()


def _one_thousand(text: str, start: int, vague: str) -> bool:
    """Whether the vague "тысячи" at ``start`` is the genitive of one thousand ("более тысячи")."""
    if vague.casefold() not in lex.ONE_THOUSAND_IN_GENITIVE:
        return False
    before = text[max(0, start - 20) : start].split()
    return bool(before) and before[-1].casefold() in lex.GENITIVE_GOVERNORS


def _figure(text: str, m: re.Match[str], *, decimal_comma: bool = False) -> _Figure | None:
    """The number phrase at a core match: value or range, scale, unit and hedge. With
    ``decimal_comma`` (the text's language writes decimals with a comma), "2,083 млн." before a
    scale word is 2.083 million, not 2,083 million."""
    start, end = m.start(), m.end()
    vague = m.group("vague")
    numeral = m.group("cjk")
    if vague and _one_thousand(text, start, vague):
        vague = None  # "более тысячи": the number word of one thousand, read as any other
    if vague or numeral in lex.CJK_VAGUE:
        low, high = lex.VAGUE[" ".join(vague.casefold().split())] if vague else lex.CJK_VAGUE[numeral]
        factor, end, _ = cjk.scale(text, end)
        figure = _Figure(start, end, low * factor, high * factor, Qualifier.AROUND, vague=True)
    else:
        value = cjk.numeral_value(numeral) if numeral else _value(m.group(0))
        if value is None or (numeral and value == 1):
            return None  # 一个, 一名: "a", "one", as the bare word "one" is no claim elsewhere
        factor, end, odd = cjk.scale(text, end)
        low = high = value = value * factor
        if odd is not None:
            figure = _Figure(start, end, low, high, odd, core_start=m.start())
            _hedge(text, figure)  # "超过100多" says no more than "100多"
            figure.qualifier = odd
            return figure
        if factor == 1.0 and (cjk_range := cjk.glued_range(text, end)) is not None:
            high, end = cjk_range
            return _Figure(start, end, low, max(low, high), Qualifier.RANGE if high > low else Qualifier.EXACT)
        # "tři stovky" is 300; "400 stovky" is a garbled 400, not 40,000.
        if (scale := _SCALE.match(text, end)) and not (_scale(scale) == 100 and value >= 10):
            factor = _scale(scale)
            if decimal_comma and _COMMA_THOUSANDS.fullmatch(m.group(0)):
                value = low = high = float(m.group(0).replace(",", "."))
            low, high, end = low * factor, high * factor, scale.end()
            if value.is_integer() and (rest := _scaled_rest(text, end, factor)) is not None:
                low, high, end = low + rest[0], high + rest[0], rest[1]  # "1 mln 426 094": 1,426,094
        words = (m.group("words") or "").casefold().split()
        word_scale = lex.SCALES.get(words[-1], 0.0) if words else 0.0
        if word_scale > 1 and (rest := _scaled_rest(text, end, word_scale)):
            low, high, end = low + rest[0], high + rest[0], rest[1]  # "dos mil 214 personas": 2,214
        qualifier = Qualifier.AROUND if words and words[-1] in lex.APPROXIMATE_NUMBER_WORDS else Qualifier.EXACT
        if (rng := _RANGE.match(text, end)) and (second := _value(rng.group("n2"))) is not None:
            joiner = rng.group(0).strip().split()[0].casefold() if rng.group(0).strip()[0].isalpha() else "-"
            opener = _OPENER.search(text[max(0, start - 12) : start])
            if joiner not in _LOOSE_JOINERS or opener:
                after = text[rng.end() : rng.end() + 2]
                if after[:1] in ("-", "/") and after[1:2].isdigit():
                    return None  # "123-45-67": a phone number or a code
                factor2 = 1.0
                if scale2 := _SCALE.match(text, rng.end()):
                    factor2 = _scale(scale2)
                    if scale is None:  # "3 to 5 million": the scale applies to both
                        low *= factor2
                    end = scale2.end()
                else:
                    end = rng.end()
                    factor2 = _scale(scale) if scale else 1.0
                high = second * factor2
                if high > low:
                    qualifier = Qualifier.RANGE
                    start = start - len(opener.group(0).lstrip()) if opener else start
                elif joiner == "-" and high < low and not scale:
                    return None  # "106-101", "787-9": a score or a model, never a range downwards
                else:
                    high = low
        figure = _Figure(start, end, low, high, qualifier, core_start=m.start())
    _units(text, figure)
    _hedge(text, figure)
    return figure


_COMMA_THOUSANDS = re.compile(r"\d{1,3},\d{3}")
_SCALED_REST = re.compile(r"[\u00a0\u202f\u2009 ](?P<rest>\d{1,3}(?:[\u00a0\u202f\u2009 ]\d{3})*)(?![\d.,]?\d)")


def _scale(m: re.Match[str]) -> float:
    """The factor of a scale word matched case-blind (Turkish "BİN" folds to "bi̇n", dot and all)."""
    return lex.SCALES[m.group("scale").casefold().replace("\u0307", "")]


def _scaled_rest(text: str, at: int, factor: float) -> tuple[float, int] | None:
    """The rest of a figure written with its big unit in the middle ("1 mln 426 094", "3 mln 500
    tys."): its value and end, or None when the digits after the unit are another number."""
    m = _SCALED_REST.match(text, at)
    if m is None:
        return None
    digits = re.sub(r"\D", "", m.group("rest"))
    rest, end = float(digits), m.end()
    if (scale := _SCALE.match(text, end)) and (smaller := _scale(scale)) < factor:
        rest, end = rest * smaller, scale.end()
    elif len(digits) < len(str(int(factor))) - 1:
        return None  # "2 million 15 people": too few digits to fill the unit's places
    return (rest, end) if rest < factor else None


def _units(text: str, figure: _Figure) -> None:
    if p := _PERCENT.match(text, figure.end):
        figure.unit, figure.end = "percent", p.end()
    elif c := _CURRENCY_AFTER.match(text, figure.end):
        figure.unit, figure.end = lex.CURRENCY[c.group("cur").casefold()], c.end()
    if figure.unit is None and (p := _PERCENT_BEFORE.search(text, max(0, figure.start - 8), figure.start)):
        figure.unit, figure.start = "percent", p.start()  # Turkish "%50", "yüzde 50"
    if c := _CURRENCY_BEFORE.search(text[max(0, figure.start - 4) : figure.start]):
        figure.unit = lex.CURRENCY.get(c.group("cur").casefold(), lex.CURRENCY.get(c.group("cur"), "usd"))
        figure.start -= len(c.group(0))
        if (scale := _SCALE.match(text, figure.end)) and figure.unit:
            figure.low *= _scale(scale)
            figure.high *= _scale(scale)
            figure.end = scale.end()


def _hedge(text: str, figure: _Figure) -> None:
    # "pas plus de 150 à 200": the range's opener "de" may end the hedge, so look before the number first.
    found = None
    for start in dict.fromkeys((figure.core_start, figure.start)):
        if found := _qualifier_before(text, start):
            break
    if found is not None:
        phrase, phrase_start = found
        qualifier = lex.QUALIFIERS.get(phrase) or lex.CJK_QUALIFIERS[phrase]
        if phrase in _AMBIGUOUS_UP_TO and _after_a_change(text, phrase_start, start):
            qualifier = Qualifier.EXACT  # "выросло до 50": rose to 50; "выросло с 30 до 50"
        if figure.qualifier is Qualifier.RANGE and phrase in _AMBIGUOUS_UP_TO:
            return  # "от 150 до 200" already read as a range, "повысилась до 39-40 градусов" too
        if not figure.vague or qualifier is not Qualifier.AROUND:
            figure.qualifier = qualifier
        figure.start = phrase_start
    if figure.qualifier is Qualifier.EXACT and (post := _POST.match(text, figure.end)):
        figure.qualifier = lex.POST_QUALIFIERS[" ".join(post.group("post").casefold().split())]
        figure.end = post.end()


def _after_a_change(text: str, phrase_start: int, number_start: int) -> bool:
    """Whether the hedge word at ``phrase_start`` ("до", "do", "hasta") says what a figure changed
    to: after an update ("выросло | до 50"), a change's first figure ("с 30 | до 50") or a word of
    change ("нараства | до 14 243", "zwiększyła się | do 50")."""
    return (
        _after_an_update(text, phrase_start, number_start)
        or _after_a_change_step(text, phrase_start)
        or (_change_word_just_before(text, phrase_start) and text[phrase_start:number_start].split()[0] in _SLAVIC_TO)
    )


# Romance "hasta", "fino a" after a verb of change still say "as much as" ("aumenta hasta un 10%").
_SLAVIC_TO = frozenset({"до", "do"})


def _change_word_just_before(text: str, position: int) -> bool:
    """Whether a word of change ends shortly before ``position``, past a reflexive particle and up
    to ``_WORDS_TO_THE_NEW_FIGURE`` words of when or how ("wzrosła w ciągu tygodnia do 300", "выросло
    за сутки до 300"): the same clause, no punctuation or figure between."""
    window = text[max(0, position - 80) : position]
    cut = max((i + 1 for i, ch in enumerate(window) if ch in _PUNCTUATION_BEFORE or ch.isdigit()), default=0)
    if cut == len(window.rstrip()):
        return False
    words = [t.group(0).casefold() for t in _TOKEN.finditer(window[cut:])]
    while words and words[-1] in lex.REFLEXIVES:
        words.pop()  # "zwiększyła się do", "се увеличава до"
    for between in range(min(len(words), _WORDS_TO_THE_NEW_FIGURE + 1)):
        word = words[-1 - between]
        if word.startswith(lex.CHANGE_STEMS) or word in lex.CHANGE_WORDS:
            return between == 0 or words[-between] in _SLAVIC_PREPOSITIONS  # not "рост цен составит до 10%"
    return False


_WORDS_TO_THE_NEW_FIGURE = 3
# What may open the words between a change and its "до"/"do": a phrase of when ("за сутки",
# "w ciągu tygodnia", "през седмицата"), not the rest of a clause whose change is a noun.
_SLAVIC_PREPOSITIONS = frozenset(
    {"за", "в", "во", "на", "по", "с", "со", "у", "през", "від", "протягом", "w", "we", "za", "na", "po", "przez",
     "v", "ve", "během", "u"}
)  # fmt: skip


_PUNCTUATION_BEFORE = frozenset(",;:.!?()–—-")


def _after_an_update(text: str, phrase_start: int, number_start: int) -> bool:
    """An update verb just before the hedge word ("выросло | до 50") or ending with it ("wzrosła
    do | 50"): the word then says what the toll rose to, not a bound."""
    window = max(0, phrase_start - 40)
    # "wzrosła odpowiednio do 1200 i 35": "respectively" may stand between the verb and its "do".
    before = _TOKEN.sub(
        lambda m: "" if m.group(0).casefold() in lex.RESPECTIVELY else m.group(0), text[window:phrase_start]
    )
    return bool(
        _UPDATE_BEFORE.search(before) or _UPDATE_BEFORE.search(before.rstrip() + " " + text[phrase_start:number_start])
    )


# A change from or by one figure to another ("rose from 300 to 500", "vzrostl o 312 na 34.272").
_STEP_WORD = re.compile(rf"(?:^|(?<=[^{_W}'’]))(?P<word>{_alternation(lex.CHANGE_FROM | lex.CHANGE_BY)})\s*$", re.I)
_NUMBER_AHEAD = rf"(?P<number>{_DIGITS}|{_WORD_RUN})(?![{_W}])"
# Between a change's two figures a few words of when may stand ("from 300 in September to 500",
# "с 5000 с лишним в сентябре до 28000", "from 2 in 2019 to 5"), and a hedge on the second ("to
# more than 500", "до более 28000"): words and years only, no punctuation, so no clause between.
_STEP_FILLER = rf"(?:\s+(?:[^\W\d_][{_W}’'-]*|\d{{4}})){{0,4}}?"
_HEDGE_AHEAD = rf"(?:(?:{_alternation(p for p in lex.QUALIFIERS if not p[-1:].isdigit())})\s+)?"
_TO_NUMBER = re.compile(
    rf"(?P<filler>{_STEP_FILLER})\s*(?P<to>{_alternation(lex.CHANGE_TO)})\s+{_HEDGE_AHEAD}{_NUMBER_AHEAD}", re.I
)
# A change's first figure with its "from"/"by" word, scale, percent and the words after it.
_STEP = (
    rf"(?:^|(?<=[^{_W}]))(?:{_alternation(lex.CHANGE_FROM | lex.CHANGE_BY)})\s+(?P<number>{_DIGITS}|{_WORD_RUN})"
    rf"(?:\s?(?:{_alternation(lex.SCALES)}))?(?:\s?(?:{_alternation(lex.PERCENT)}))?{_STEP_FILLER}"
)
_STEP_BEFORE = re.compile(rf"{_STEP}\s*$", re.I)
_NEW_FIGURE_BEFORE = re.compile(
    rf"(?:^|(?<=[^{_W}]))(?:{_alternation(lex.CHANGE_TO)})\s+(?:{_DIGITS}|{_WORD_RUN})"
    rf"(?:\s?(?:{_alternation(lex.SCALES)}))?(?:\s?(?:{_alternation(lex.PERCENT)}))?(?:\s+[{_W}]+)?"
    rf"\s*,?\s*(?:(?:{_alternation(lex.CHANGE_DIRECTIONS)})\s+)?$",
    re.I,
)
_STEP_TO_BEFORE = re.compile(rf"{_STEP}\s*(?:{_alternation(lex.CHANGE_TO)})\s+{_HEDGE_AHEAD}$", re.I)  # and its "to"
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLAUSE_END = re.compile(r"[.;:!?]")
_CHANGE_CUE_REACH = 6  # words before "from"/"by" among which a change's verb or noun must stand


def _change_step_end(text: str, start: int, end: int) -> int | None:
    """Where the figure at ``start``-``end`` ends (its scale and percent sign with it) when it is what
    a figure changed from or by, with what it changed to after it: "rose from 300 to 500", "stieg um
    56 auf 500", "з 8 млн до 16 млн доз"; else None. The first is an earlier total or the step,
    no count of what the toll counts (it took the toll's action: 312 deaths against 34,272). A
    change's verb or noun must stand shortly before, as "от 18 до 60 лет" and "de 150 à 200
    morts" are ranges; "rose by 5 to 10 percent" is a range of steps."""
    word = _STEP_WORD.search(text, max(0, start - 8), start)
    if word is None:
        return None
    after = end
    for unit in (_SCALE, _PERCENT):
        if found := unit.match(text, after):
            after = found.end()
    to = _TO_NUMBER.match(text, after)
    if to is None:
        return after if _after_its_new_figure(text, word) else None
    step_word, to_word = word.group("word").casefold(), to.group("to").casefold()
    if step_word in lex.CHANGE_BY and after == end and _PERCENT.match(text, to.end()):
        return None  # "rose by 5 to 10 percent": between 5 and 10 percent
    if to.group("filler") and _YEAR.fullmatch(to.group("number")):
        return None  # "намалее с 6,7% през второто тримесечие на 2020 г.": "на" a year is no new figure
    # Past words between, "von … auf" needs its verb too ("innerhalb von 135 Tagen auf 8600 senken").
    evident = not to.group("filler") and (step_word, to_word) in lex.SELF_EVIDENT_CHANGES
    return after if evident or _change_cue_before(text, word.start()) else None


def _after_its_new_figure(text: str, word: re.Match[str]) -> bool:
    """ "Rose to 500 from 300", "risen to 500, up from 300": the figure it changed from after the new one."""
    if word.group("word").casefold() not in lex.CHANGE_FROM:
        return False
    new = _NEW_FIGURE_BEFORE.search(text, max(0, word.start() - 60), word.start())
    return new is not None and _change_cue_before(text, new.start())


def _change_cue_before(text: str, position: int) -> bool:
    """A word that says a figure changed ("rose", "wzrost", "snížení") among the few before
    ``position`` in its clause, with no figure it changed to between ("нараства до 36% за хората
    от 50 до 64 години": the rise went to 36 %, the ages are a range; "зросла на 42% - із 640 до
    908": a step by 42 % leaves the change open)."""
    window = text[max(0, position - 80) : position]
    cut = max((m.end() for m in _CLAUSE_END.finditer(window)), default=0)
    for figure in _TO_FIGURE.finditer(window):
        if figure.group("to").casefold() not in lex.CHANGE_BY:
            cut = max(cut, figure.end())
    words = [t.group(0).casefold() for t in _TOKEN.finditer(window[cut:])][-_CHANGE_CUE_REACH:]
    return any(w.startswith(lex.CHANGE_STEMS) or w in lex.CHANGE_WORDS for w in words)


_TO_FIGURE = re.compile(rf"(?:^|(?<=[^{_W}]))(?P<to>{_alternation(lex.CHANGE_TO)})\s+\d", re.I)


def _change_start(text: str, figure: _Figure) -> int:
    """Where the change a figure is the new value of begins ("с 5000 в сентябре до | более 28000"),
    so that what changed is looked for before all of it; else where the figure starts."""
    step = _STEP_TO_BEFORE.search(text, max(0, figure.core_start - 120), figure.core_start)
    if step is None or _change_step_end(text, step.start("number"), step.end("number")) is None:
        return figure.start
    return step.start()


def _after_a_change_step(text: str, phrase_start: int) -> bool:
    """Whether a change's first figure ends just before ``phrase_start`` ("выросло с 300 | до 500"):
    the word there says what it changed to, not a bound."""
    step = _STEP_BEFORE.search(text, max(0, phrase_start - 96), phrase_start)
    return step is not None and _change_step_end(text, step.start("number"), step.end("number")) is not None


_HEDGE_WORD = re.compile(rf"(?:[^\W\d_]|[{MARKS}])+['’]?")
_ABBREVIATED_HEDGE = re.compile(r"(?<![\w.])([^\W\d_]{2,6}\.)\s+$")
_ARTICLES = frozenset({"a", "an", "une", "un", "of", "il", "el"})  # "more than a dozen", "circa il 20%"
_LONGEST_HEDGE = max(len(p.split()) for p in lex.QUALIFIERS) + 1


def _qualifier_before(text: str, start: int) -> tuple[str, int] | None:
    """The hedge phrase ending just before ``start`` (longest first), and where it starts."""
    window_start = max(0, start - 48)
    window = text[window_start:start]
    if window and _UNSPACED.match(window[-1]):
        return cjk.qualifier_before(window, window_start)
    if window[-1:] == " " and _UNSPACED.match(window[-2:-1]):  # "约 50 公里", spaced as machine translation does
        return cjk.qualifier_before(window[:-1], window_start)
    glued = _hebrew_proclitic_before(text, start)  # "יותר מ-50": the hedge's last word is "מ"
    if window and not (window[-1].isspace() or window[-1] in "'’" or glued):
        return None
    if (abbreviated := _ABBREVIATED_HEDGE.search(window)) and abbreviated.group(1).casefold() in lex.QUALIFIERS:
        return abbreviated.group(1).casefold(), window_start + abbreviated.start(1)  # "ok. 50", "ca. 50"
    words = list(_HEDGE_WORD.finditer(window))[-_LONGEST_HEDGE:]
    if not words or window[words[-1].end() :].strip() not in ("", *(("-", "\u05be") if glued else ())):
        return None
    ends = [len(words)]
    if words[-1].group(0).casefold() in _ARTICLES:
        ends.append(len(words) - 1)
    for end in ends:
        if end < len(words) and window[words[end - 1].end() : words[end].start()].strip():
            continue  # punctuation between the hedge and the article
        for first in range(max(0, end - _LONGEST_HEDGE), end):
            phrase = " ".join(window[words[first].start() : words[end - 1].end()].casefold().split())
            skip = 1 if glued and phrase[:1] in _HEBREW_CONJUNCTIONS and phrase[1:] in lex.QUALIFIERS else 0
            phrase = phrase[skip:]
            known = phrase in lex.QUALIFIERS or phrase in lex.CJK_QUALIFIERS  # Korean spaces its: "약 5명"
            if known and (first == 0 or not window[words[first].start() - 1].isalnum()):
                return phrase, window_start + words[first].start() + skip
    return None


def _value(raw: str) -> float | None:
    """A number written in digits ("1,500", "1 500", "3,5") or in words ("twenty-five", "vingt-cinq")."""
    raw = raw.strip()
    if raw[:1].isdigit():
        compact = re.sub(r"[\u00a0\u202f\u2009 \u060c\u066c]", "", raw)
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", compact):  # grouped thousands, with either mark
            return float(re.sub(r"[.,]", "", compact))
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+[.,]\d+", compact):  # 1,234.5 or 1.234,5
            mark = max(compact.rfind(","), compact.rfind("."))
            return float(re.sub(r"[.,]", "", compact[:mark]) + "." + compact[mark + 1 :])
        return float(compact.replace(",", "."))
    return _words_value(raw.casefold())


def _words_value(words: str) -> float | None:
    parts = [p for p in re.split(r"[\s-]+", words) if p and p not in ("and", "et", "y", "e", "und", "i", "и")]
    parts = [piece for part in parts for piece in _glued(part)]
    if "-".join(parts) in lex.NUMBER_WORDS:  # "quatre-vingt-dix", "soixante-dix"
        return float(lex.NUMBER_WORDS["-".join(parts)])
    if words in lex.NUMBER_WORDS:
        return float(lex.NUMBER_WORDS[words])
    total, current = 0, 0
    for part in parts:
        value = lex.NUMBER_WORDS.get(part)
        if value is None:
            return None
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total, current = total + max(current, 1) * value, 0
        else:
            current += value
    result = total + current
    return float(result) if result > 1 else None


def _another_languages_words(words: str, language: str | None) -> bool:
    """True when a number phrase holds a word that is a number only in other languages than the
    text's ("due to" is no 2 in English; "Two Autos" no count in German). Only for languages with
    number words of their own: elsewhere (Croatian, Slovak…) a neighbour's words are all there is."""
    if language not in _NUMBER_WORD_TABLES:
        return False
    parts = [piece for part in re.split(r"[\s-]+", words.casefold()) for piece in _glued(part)]
    return any(language not in lex.NUMBER_WORD_LANGUAGES.get(part, {language}) for part in parts)


_NUMBER_WORD_TABLES = frozenset(lang for langs in lex.NUMBER_WORD_LANGUAGES.values() for lang in langs)


def _glued(word: str) -> list[str]:
    """German and Slovene compounds: "fünfundzwanzig" -> ["fünf", "zwanzig"], "dvainpetdeset" ->
    ["dva", "petdeset"]."""
    if word in lex.NUMBER_WORDS:
        return [word]
    for joint in _GLUE:
        head, _, tail = word.partition(joint)
        if tail and head in lex.NUMBER_WORDS and tail in lex.NUMBER_WORDS:
            return [head, tail]
    return [word]


_GLUE = ("und", "in")


_STREET_BLOCK = re.compile(r"\s+block\s+of\s+[A-Z0-9]")
_STREET_ADDRESS = re.compile(
    r"\s(?:[A-Z][\w'’-]*\s){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Boulevard|Blvd|Lane|Ln|Court|Ct|Place"
    r"|Terrace|Parkway|Pkwy|Highway|Hwy|Circle|Trail|Way)\b"
)


def _is_quantity(
    text: str, m: re.Match[str], figure: _Figure, known: bool, counted: str | None = None, language: str | None = None
) -> bool:
    """False for years, clock times, scores, identifiers, ordinals, codes and compound adjectives.

    ``known`` is true when what the number counts is in the lexicon (or is a unit); ``counted`` is
    what it counts ("весь 2020 год", the whole of 2020, counts no years).
    """
    before, after = text[max(0, m.start() - 2) : m.start()], text[m.end() : m.end() + 2]
    if m.group("words") and (m.group(0).casefold() in lex.AMBIGUOUS_NUMBER_WORDS and not known):
        return figure.end > m.end() and figure.high >= 1000  # "neuf millions de francs": scaled, a number
    if _word_after(text, figure.end) in _NO_COUNT_AFTER:
        return False  # 17 Uhr, 5 o'clock; две трети (two thirds)
    if not _a_cjk_count(text, m, figure, counted):
        return False
    if m.group("digits") is None:
        return not (after[:1] == "-" and after[1:2].isalpha())  # "a six-year-old girl", "two-way"
    if before[-1:] in (":", "+", "#", "№", "/", "°") or after[:1] in (":", "/") or after[:1] == "°":
        return False  # 10:30, 2:1, +7 495…, #5, 1/2
    if text[figure.end : figure.end + 1] == ":" and text[figure.end + 1 : figure.end + 2].isdigit():
        return False  # "from 1 to 2:30 p.m.": a range whose end is a clock time is one of hours
    if before[-1:] == "-" and before[:1].isalpha() and not _hebrew_proclitic_before(text, m.start()):
        return False  # a name's number: Covid-19, Су-27, MH-17, F-16 (not Hebrew "מ-50", than 50)
    if before[-1:] == "-" and before[:1].isdigit():
        return False  # the second of "106-101", "787-9": a score's or a model's (a range is read whole)
    if _STREET_BLOCK.match(text, figure.end) and figure.low % 100 == 0:
        return False  # "in the 500 block of Taylor Street": an address, as American police write one
    if m.group("digits").isdigit() and _STREET_ADDRESS.match(text, m.end()):
        return False  # "at 35 Graham Street", "of 227 Hot Springs Drive": a house number
    if re.match(r"0\d", m.group(0)):
        return False  # 07231: an area code, a postcode or an id; no count is written with a leading zero
    if (after[:1] == "-" and after[1:2].isalpha()) or (_suffix_letter(after[:1]) and figure.end == m.end()):
        return False  # 25-year-old, 3rd, 1er, 20x
    if after[:1] == "." and after[1:2].isdigit():
        return False  # a version number or a decimal cut off
    if language in _PERIOD_ORDINALS and (o := _ORDINAL_PERIOD.match(text, m.end())) and o.group(1).islower():
        return False  # "70. rocznicy", "6. sınıf": an ordinal, no count (a capital may open a sentence)
    if language in _PERIOD_ORDINALS and text[m.end() : m.end() + 2] in (".,", ".–", ".-"):
        return False  # "am 20., 27.6.": the first day of a list of dates
    word_before = text[max(0, m.start() - 16) : m.start()].split()[-1:]
    if word_before and figure.unit is None and _an_identifier_word(word_before[0]):
        return False
    listed = _LISTED_AFTER_AN_IDENTIFIER.search(text, max(0, m.start() - 40), m.start())
    if listed and figure.unit is None and _an_identifier_word(listed.group("word")):
        return False  # "between Exits 1 and 6", "Articles 5 and 6": the second is an exit too
    if word_before and word_before[0].casefold() in lex.CLOCK_BEFORE:
        return False  # "po godz. 21 jedna osoba zginęła": nine in the evening, no count
    digits = re.sub(r"\D", "", m.group("digits"))
    plain = m.group("digits").isdigit()
    if plain and len(digits) >= 7 and not known:
        return False  # an id or a phone number
    if _IP_ADDRESS.fullmatch(m.group("digits")):
        return False  # "Twój adres IP: 207.241.233.112", a page's chrome: four groups of at most 255
    is_year = plain and len(digits) == 4 and 1900 <= int(digits) <= 2100
    if (
        is_year
        and language in (None, "en")
        and word_before
        and _a_years_article(word_before[0], _word_after(text, figure.end))
    ):
        return False  # "a 2006 Dodge Dakota truck", "the 2016 election": a year before a noun, no count
    if plain and len(digits) == 4 and 1000 <= int(digits) <= 2100 and word_before:
        is_year |= word_before[0].casefold() in _IN_YEAR  # "в 1800", "in 1824": a year, of any century
    return not (is_year and figure.qualifier is Qualifier.EXACT and figure.unit is None
                and figure.high == figure.low and (not known or counted in _TIMES_OF_A_YEAR))  # fmt: skip


def _a_years_article(article: str, after: str) -> bool:
    """Whether an English article before a number in a year's range makes it a year: "a" or "an"
    count one thing, and "the" before a singular noun ("the 2016 election") names one."""
    article, after = article.casefold(), after.rstrip(".")
    singular = bool(after) and not after.endswith("s") and after not in _ENGLISH_IRREGULAR_PLURALS
    return article in ("a", "an") or (article == "the" and singular)


_ENGLISH_IRREGULAR_PLURALS = frozenset(_words("people children men women police personnel staff cattle"))


# What a year may be said to be or begin ("2020 in un decennio di azione"): no count of them.
_TIMES_OF_A_YEAR = frozenset({"year", "decade", "century"})


def _a_span_of_years(text: str, figure: _Figure, known: bool, counted: str | None) -> bool:
    """Whether a range is a stretch of years ("between 2010 and 2015", "w latach 2010-2015", "1967 až
    1977", "the 2014-2015 season"), not a count: both ends years, the later one second, and no noun
    of its own right after it but a time's ("2010–2015 годах") or one read past a comma ("Entre 1990
    et 1995, 300 personnes"). "Between 1900 and 2000 people" is a count: its noun follows it."""
    if figure.qualifier is not Qualifier.RANGE or figure.unit is not None or not figure.low < figure.high:
        return False
    ends = _YEAR_RANGE_END.findall(text, figure.core_start, figure.end)
    if len(ends) != 2 or any(len(end) != 4 for end in ends):
        return False
    if figure.low < 1900 or figure.high > 2100:
        return False
    return not known or counted in lex.TIME_UNITS or text[figure.end : figure.end + 1] in _CLAUSE_MARKS


# A range's ends as written: digits with no separator inside ("2,000" is no year).
_YEAR_RANGE_END = re.compile(r"(?<![\d.,])\d+(?![\d]|[.,]\d)")
_CLAUSE_MARKS = frozenset(",;:)")


def _a_cjk_count(text: str, m: re.Match[str], figure: _Figure, counted: str | None) -> bool:
    """False for a figure of Chinese, Japanese or Korean that is an ordinal, an age, a clock time
    or a year ("第3届", "30岁", "9点", "2013-2016年"), also as machine translation spaces them."""
    before, after = text[max(0, m.start() - 2) : m.start()].rstrip(" "), text[figure.end :].lstrip(" ")[:2]
    if before[-1:] in _CJK_ORDINAL or after[:1] in _CJK_AGE:
        return False
    if after[:1] in lex.CJK_CLOCK and after[1:2] not in (lex.CJK_CLOCK[after[0]] or "\0"):
        return False  # 9 点 (nine o'clock), 21 分 (21 minutes past); not 3 分钟 (three minutes)
    digits = re.sub(r"\D", "", m.group("digits") or "")
    return not (counted == "year" and len(digits) == 4 and 1000 <= figure.low <= 2100)


def _word_before(text: str, start: int) -> str:
    """The word right before ``start``, casefolded ("" at the start of the text)."""
    before = text[max(0, start - 24) : start]
    words = _TOKEN.findall(before)
    return words[-1].casefold() if words and not before.rstrip().endswith((".", ",", ";", ":")) else ""


def _word_after(text: str, end: int) -> str:
    """The word right after a figure, folded, with a trailing full stop kept ("a.m.")."""
    m = _NEXT_WORD.match(text, end)
    return m.group(1).casefold() if m else ""


_NEXT_WORD = re.compile(rf"\s?([^\W\d_][{_W}.’']*)")
_NO_COUNT_AFTER = lex.CLOCK_WORDS | lex.FRACTION_WORDS
# Languages that write an ordinal as its digits and a period ("70. rocznicy", "am 3. Oktober"): there a
# number, a period and a lowercase word is an ordinal (a month's name after it is a date, read apart).
_PERIOD_ORDINALS = frozenset({"de", "pl", "cs", "sk", "sl", "hr", "sr", "hu", "tr", "da", "nb", "fi", "et", "lv"})
_ORDINAL_PERIOD = re.compile(r"\.[ \u00a0]+([^\W\d_])")
_IP_ADDRESS = re.compile(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)")
_IN_YEAR = _words("in en im em nel nello dal del dell' в во у w we v ve u")
_CJK_ORDINAL = frozenset("第")
_CJK_AGE = frozenset("岁歲歳살세")  # Korean "39세": aged 39


def _suffix_letter(char: str) -> bool:
    """A letter glued to a number that makes it no count ("3rd", "20x"); not a CJK or Hangul counter."""
    return bool(re.match(r"[^\W\d_]", char)) and not _UNSPACED.match(char)


# Marks that end a number's phrase, the full-width ones of Chinese and Japanese among them.
_PHRASE_ENDS = frozenset(',.;:!?()[]«»"“”，。；：！？（）、「」『』《》،؛؟')


def _has_digit(text: str) -> bool:
    return any(ch.isdigit() for ch in text)


def _elide(word: str) -> str:
    """ "d’entre" -> "entre", "l'armée" -> "armée": a clitic article is not the word."""
    for mark in ("’", "'"):
        head, _, tail = word.rpartition(mark)
        if head and len(head) <= 2 and tail:
            return tail
    return word


def _sentence_time(times: list[TimeExpression], start: int, end: int) -> datetime | None:
    inside = [t for t in times if start <= t.start < end]
    precise = [t for t in inside if t.precision in (TimePrecision.DAY, TimePrecision.HOUR, TimePrecision.MINUTE)]
    chosen = precise or inside
    return chosen[0].value if chosen else None


# Arabic glues conjunctions, prepositions and the article onto a word and marks the accusative of
# "50 مسلحا" with an alif; simplemma has no Arabic, and Snowball's stemmer cuts too deep for a
# lexicon ("مدنيين", civilians, and "مدن", cities, meet), so the lexicon's words are found by
# taking these off one at a time.
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")  # short vowels, dagger alif, tatweel
_ARABIC_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_ARABIC_LETTERS = str.maketrans("أإآىة", "ااايه")


def _arabic_forms(word: str) -> list[str]:
    """The word, without its short vowels, then with a prefix and then an ending read off."""
    bare = _ARABIC_MARKS.sub("", word)
    forms = [bare, *(bare[len(p) :] for p in _ARABIC_PREFIXES if bare.startswith(p) and len(bare) - len(p) >= 3)]
    # The accusative alif ("مسلحا"), a verb's feminine "ت" ("دمرت", "اعتقلت").
    return forms + [form[:-1] for form in forms if len(form) >= 4 and form[-1] in "ات"]


@lru_cache(maxsize=1)
def _arabic_lexicon() -> dict[str, str]:
    """Every Arabic word of the lexicons, by its letters unified (أ إ آ as ا, ى as ي, ة as ه)."""
    words = [*_WORD_INDEX, *_ACTION_INDEX, *lex.TOLL_NOUNS, *lex.NUMBER_NOUNS]
    return {w.translate(_ARABIC_LETTERS): w for w in words if "\u0600" <= w[:1] <= "\u06ff"}


@lru_cache(maxsize=4096)
def _arabic_lemma(word: str) -> str:
    """The lexicon's word an Arabic word is a form of ("والمسلحين" -> "مسلحين"), or the word bare.
    A unit of time with the article is no unit: "28 اليوم" is 28 today, "14 يوما" fourteen days."""
    lexicon = _arabic_lexicon()
    bare = _ARABIC_MARKS.sub("", word)
    for form in _arabic_forms(word):
        if (known := lexicon.get(form.translate(_ARABIC_LETTERS))) is None:
            continue
        definite = "ال" in bare[: len(bare) - len(form) + 1]
        if definite and _WORD_INDEX.get(known, ("", None))[0] in lex.TIME_UNITS:
            return bare
        return known
    return bare


class _SentenceReader:
    """Words around a number, with their lemmas, read once per text."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.language = language if language in _LEMMA_LANGUAGES else None
        self.code = language
        self.decimal_comma = language not in _DECIMAL_POINT
        conjunctions = _CONJUNCTIONS.get(language or "")
        self.conjunctions = frozenset(conjunctions.split()) if conjunctions else _ANY_CONJUNCTION
        self._lemmas: dict[str, str] = {}
        self._actions: dict[str, str | None] = {}  # word as written -> its action key: numbers cluster
        self.years_end = 0  # where the last stretch of years read ends ("2010–2015"): no figure starts in it
        # ``figures`` as it was indexed, its starts and its ends (``_figures_that_may_name``)
        self._figure_bounds: tuple[list[tuple[int, int]] | None, list[int], list[int]] = (None, [], [])
        self.figures: list[tuple[int, int]] = []  # every number's span: an action beyond another is its
        self.not_actions = lex.NOT_ACTIONS_IN.get(language or "", frozenset())
        self.not_counted = lex.NOT_COUNTED_IN.get(language or "", frozenset())

    @cached_property
    def about_a_disease(self) -> bool:
        """Whether the text names a disease anywhere (``lex.DISEASE_STEMS``): its "cases" are infections."""
        return _DISEASE.search(self.text) is not None

    def lemma(self, word: str) -> str:
        folded = word.casefold()
        if self.code == "ar":
            return _arabic_lemma(word)
        if self.language is None:
            return folded
        if folded not in self._lemmas:
            # The shared lemmatizer keeps every language's dictionary loaded: simplemma's default
            # keeps 8 and reloads one in seconds, over and over in a stream of more languages.
            self._lemmas[folded] = lemmatizer().lemmatize(folded, lang=self.language).casefold()
        return self._lemmas[folded]

    def lookup(self, word: str, index: dict[str, str]) -> str | None:
        folded = word.casefold()
        return index.get(folded) or index.get(self.lemma(word))

    def action_of(self, word: str) -> str | None:
        """The action a word names in this text's language ("die" is no death in German)."""
        folded = word.casefold()
        if folded in self.not_actions:
            return None
        if (key := _ACTION_INDEX.get(folded)) is not None:
            return key
        lemma = self.lemma(word)  # "toting": English "tote", no German "Tote"
        return None if lemma in self.not_actions else _ACTION_INDEX.get(lemma)

    def counted(self, position: int, limit: int) -> tuple[str | None, str | None, int | None, bool]:
        """What the number counts: (key, action an outcome noun implies, end of the noun, in the lexicon)."""
        seen = 0
        previous = ""
        fallback: tuple[str | None, str | None, int | None, bool] = (None, None, None, False)
        for token in _TOKEN.finditer(self.text, position, limit):
            gap = self.text[position : token.start()]
            if any(ch in gap for ch in _PHRASE_ENDS) or _has_digit(gap):
                break  # the number's phrase has ended: "300 hectares and 12 houses"
            if (
                token.group(0).casefold() in self.conjunctions
                and previous
                and not seen  # only modifiers read: "69 nowych i …", not "88 выборщиков и второе место"
                and self._coordinated_noun(token.end(), limit)
            ):
                position = token.end()  # "69 nowych i potwierdzonych przypadków": two words before one noun
                continue
            if token.group(0).casefold() in self.conjunctions or token.group(0).casefold() in lex.RESPECTIVELY:
                break
            if _UNSPACED.match(token.group(0)) and not seen:  # "8人受伤", "5명이": the counter glued on
                return self._cjk_counted(token.start(), limit)
            word = _elide(token.group(0).strip("’'-"))
            folded = word.casefold()
            if folded in _AUXILIARIES or folded in _SUBORDINATORS or (self.code == "en" and folded in _VERBS_ENDING):
                break  # "30 were wounded", "94 when he died": the verb or a clause begins; nothing counted named
            if fallback[0] is not None and folded in _LOCATIVES:
                break  # "2 Bilder in diesem Haus": where the noun read is, not what is counted
            hit = _WORD_INDEX.get(folded) or _WORD_INDEX.get(self.lemma(word))
            if hit is None and "-" in folded:  # "Corona-Todesopfer": the compound's head says it
                hit = _WORD_INDEX.get(folded.rsplit("-", 1)[1])
            if hit is not None and folded in self.not_counted:  # "this fall", "casi 100 millones", "cinque case"
                lemma = self.lemma(word)  # this language's own word: what its lemma counts, if anything
                hit = None if lemma in self.not_counted or lemma == folded else _WORD_INDEX.get(lemma)
            if hit is not None and hit[0] in lex.TIME_UNITS and fallback[0] is not None and previous in _RATE_LEADS:
                break  # "750.000 napadov na dan", "5000 Besucher pro Tag": a rate of the noun, not days
            if hit is not None and hit[0] == "times" and seen:
                hit = None  # "2020. Una vez más", "10 full time staff": "times" only right after a number
            if hit is not None and seen and folded in _STOP:
                hit = None  # "88 Länder in den letzten Monaten": German's article, not Czech's day
            if hit is not None and (hit[1] is None or fallback[0] is None):
                return hit[0], hit[1], token.end(), True
            if hit is not None:
                break  # "12 journalists were detained": "detained" says what happened to them
            if folded in _MODIFIERS and not seen:
                position, previous = token.end(), folded
                continue  # "two additional senators", "siedem kolejnych zgonów": the noun is next
            if folded not in _STOP and fallback[0] is None and 3 <= len(folded) <= 24 and not seen:
                fallback = (self.lemma(word), None, token.end(), False)
                if self._head_noun(word, fallback[0]):
                    return fallback  # "227 проектов вакцины": projects (of a vaccine), not doses
            elif fallback[0] is not None and seen == 1 and self._after_an_adjective(word, previous):
                return self.lemma(word), None, token.end(), False  # "10 000 wykonanych testów": tests, done
            elif fallback[2] == position and not _an_english_plural(previous) and self._english_head(word, folded):
                fallback = (self.lemma(word), None, token.end(), False)  # "three loving grandchildren"
            seen += 1  # counts only the tokens read before a break (a modifier right after the number is not)
            position = token.end()
            previous = folded
            if seen >= _COUNTED_WINDOW:
                break
        if fallback[0] is not None and self.action_of(fallback[0]):
            return None, None, None, False  # "50 killed": the word after is what happened, not what is counted
        return fallback

    def _coordinated_noun(self, position: int, limit: int) -> bool:
        """Whether the word right after a conjunction is not a noun of the lexicon but the one after
        it is, within the phrase: "new and confirmed cases"."""
        words: list[str] = []
        for token in _TOKEN.finditer(self.text, position, limit):
            gap = self.text[position : token.start()]
            if any(ch in gap for ch in _PHRASE_ENDS) or _has_digit(gap) or len(words) == 2:
                break
            words.append(token.group(0))
            position = token.end()
        known = [_WORD_INDEX.get(w.casefold()) or _WORD_INDEX.get(self.lemma(w)) for w in words]
        return len(known) == 2 and known[0] is None and known[1] is not None and not self.action_of(words[0])

    def _english_head(self, word: str, folded: str) -> bool:
        """Whether, in English, ``word`` goes on the noun phrase an unknown word after a number
        opened, whose last word is its head ("three loving grandchildren", "four Madison County
        teams", "300 marijuana business permits"): a word of letters, no function word, verb or
        adverb (capitals or not: a title's run on)."""
        return (
            self.code == "en"
            and word.isalpha()
            and len(folded) >= 3
            and folded not in _STOP
            and folded not in _ENGLISH_PHRASE_ENDS
            and not folded.endswith(("ly", "ed"))
            and self.action_of(word) is None
        )

    def _after_an_adjective(self, word: str, adjective: str) -> bool:
        """Whether, in Polish or Russian, ``word`` is a noun's only and the word before it an
        adjective's only: the noun heads what is counted ("10 000 wykonanych testów"), where a verb
        before it would have made it the verb's object ("278 miało choroby")."""
        return (
            self.code in VERB_LANGUAGES
            and is_adjective_only(adjective, self.code)
            and self._head_noun(word, self.lemma(word))
        )

    def _head_noun(self, word: str, lemma: str | None) -> bool:
        """Whether a word right after a number is, by the Polish or Russian dictionary, only ever a
        noun, and not a measure ("единиц", "sztuk", "десятков"): the head of what is counted, which
        a noun in the genitive after it only qualifies. Elsewhere, and for a word that may be an
        adjective ("российских", "nowych"), the later noun is the head."""
        if self.code not in VERB_LANGUAGES or lemma in lex.MEASURE_NOUNS:
            return False
        return is_noun_only(word, self.code)

    def _cjk_counted(self, at: int, limit: int) -> tuple[str | None, str | None, int | None, bool]:
        """What a number glued to Chinese, Japanese or Korean counts: a unit ("公里", "美元"), the
        noun after its counter ("50名武装分子": militants), the counter's own sense ("8人": people),
        or, in Chinese, the first word after the counter ("90多个弹壳": 弹壳)."""
        stop = at
        while stop < limit and _UNSPACED.match(self.text[stop]):
            stop += 1
        run = self.text[at:stop]
        for unit in cjk.UNITS_LONGEST_FIRST:
            if run.startswith(unit):
                return lex.CJK_UNITS[unit], None, at + len(unit), True
        if (noun := cjk.noun_after_counter(run)) is not None:
            key, noun_end = noun
            return key, None, at + noun_end, True
        counter = run[0]
        if counter in lex.CJK_COUNTERS:
            return lex.CJK_COUNTERS[counter], None, at + 1, True
        # Chinese: the noun after a generic counter ("90多个弹壳"), or right after the number
        # where none stands ("百万观众"), by jieba's dictionary.
        after = 1 if counter in lex.CJK_GENERIC_COUNTERS else 0
        if self.code == "zh" and len(run) > after + 1 and (word := cjk.chinese_noun(run[after:])) is not None:
            return word, None, at + after + len(word), False
        return counter, None, at + 1, False

    def befalling(self, start: int, end: int, s_start: int, s_end: int) -> str | None:
        """What befell the sick or wounded a figure counts, said by a word next to its phrase, in
        its clause (no punctuation, conjunction or other number between): "Zemřelo zatím přes 160
        lidí nakažených", "4,032 infected people who have died", "Трое пострадавших погибли". A
        word of the next clause is another figure's ("25 killed, and 55 wounded")."""
        before = list(_TOKEN.finditer(self.text, max(s_start, start - 40), start))[-_BEFALLING_REACH:]
        after = list(_TOKEN.finditer(self.text, end, min(s_end, end + 50)))[: _BEFALLING_REACH + 1]
        for tokens, ahead in ((reversed(before), False), (after, True)):
            edge = end if ahead else start
            for token in tokens:
                gap = self.text[edge : token.start()] if ahead else self.text[token.end() : edge]
                if any(ch in gap for ch in _PHRASE_ENDS) or _has_digit(gap):
                    break
                word = token.group(0).casefold()
                if word in self.conjunctions or (not ahead and word in lex.LIST_PREPOSITIONS):
                    break  # "194 хил. починали от | почти 7,620 млн. заразени": the dead of the infected
                key = self.action_of(token.group(0))
                if key is None and word in lex.LIFE_NOUNS:  # "yakalanan 12 kişi hayatını kaybetti"
                    key = self._life_lost_or_saved(token.start(), token.end())
                if key in _WHAT_BEFALLS_THE_SICK:
                    return key
                if key is not None:
                    break  # another action between: "قتل وجرح 15": the wounded's own verb
                edge = token.end() if ahead else token.start()
        return None

    def verbal_noun_before(self, start: int) -> str | None:
        """What befell the sick or wounded a figure counts, said by the Arabic verbal noun right
        before it, whose complement the figure is ("شفاء 11 مصابا", the recovery of 11 of the
        infected; "ووفاة 3 مصابين", and the death of 3): Arabic reads no later word for it
        (``befalling``), as its "and" is glued to the next clause's first word."""
        before = list(_TOKEN.finditer(self.text, max(0, start - 30), start))
        if not before or self.text[before[-1].end() : start].strip():
            return None
        word = before[-1].group(0)
        key = self.action_of(word)
        if key is None and len(word) > 3 and word[0] in "وف":
            key = self.action_of(word[1:])
        return key if key in _WHAT_BEFALLS_THE_SICK else None

    def action(self, start: int, end: int, s_start: int, s_end: int) -> str | None:
        """The action word nearest the number within its sentence, not beyond another number
        ("680 хил. нови случаи, а общо 15 599 човека са починали": the deaths are the second
        number's) unless the two are joined as one list ("5 soldiers and 3 civilians were killed")."""
        return self.nearest_action(start, end, s_start, s_end)[0]

    def nearest_action(self, start: int, end: int, s_start: int, s_end: int) -> tuple[str | None, bool]:
        """``action``, and whether its word stands in another clause before the figure's (after a
        comma or a conjunction: "Police arrested three men, and 2 women were taken to hospital"),
        the only action word near, read for want of one in the figure's own clause."""
        reach = max(s_start, start - _ACTION_REACH)
        lo, hi = self._between_other_figures(start, end, reach, min(s_end, end + _ACTION_REACH))
        # An earlier figure, not listed with this one, bounds the reach, and something can befall what
        # it counts: a verb after it, with a clause of its own opening before this figure, is the
        # earlier figure's ("3 soldiers were wounded when 20 militants attacked").
        subject_before = (
            lo > reach and self.code not in _VERB_FINAL and self.counted(lo, s_end)[0] not in _NOTHING_HAPPENS_TO
        )
        best: tuple[int, str] | None = None
        actions = self._actions
        for token in _TOKEN.finditer(self.text, lo, hi):
            word = token.group(0)
            if word in actions:
                key = actions[word]
            else:
                key = actions[word] = self.action_of(word.strip("’'-"))
            if key is None and self.code in lex.ACTION_PHRASES:
                key = self._action_phrase(token.start(), token.end())
            if key is None and word.casefold() in lex.LIFE_NOUNS:
                key = self._life_lost_or_saved(token.start(), token.end())
            if key is None:
                continue
            if self._named_by_another_figure(token.start(), token.end(), (start, end)):
                continue  # "12.759 enfermos y 363 muertos": the dead are the 363
            if self._negated(token.start(), token.end()):
                continue  # "три члена экипажа и 22 вахтовика, пострадавших нет": nobody was hurt
            if self._a_word_of_a_name(token.start(), s_start, s_end):
                continue  # "the Martin Dies Jr. State Park": a capitalised word of a name, no verb
            if self.code == "en" and word.casefold() in _ATTRIBUTIVE and self._before_a_noun(token.end()):
                continue  # "free lunches", "positive feedback": adjectives, no one freed or infected
            if self.code == "en" and word.casefold() == "free" and self._free_to_use(token.start(), end, s_end):
                continue  # "30 beds were free": to be had, not set free
            if token.start() >= end and _accused_of(self.text, token.start()):
                continue  # "The three are accused of killing …", "charged with murder": a charge, not a toll
            if _someones_time(self.text, token.start()):
                continue  # "Po njeni smrti je … osem sodnikov": a time (after her death), no one's fate
            if ";" in self.text[min(token.end(), end) : max(token.start(), start)]:
                continue  # "u 2,1 miliona mieszkańców; ozdrowieńców jest 1,4 miliona": another clause's
            if token.end() <= start:
                if subject_before and self._a_verb(word) and self._new_clause_between(token.end(), start, end):
                    continue  # "3 soldiers were wounded when 20 militants attacked": the three were
                distance = start - token.end()
                gap = self.text[token.end() : start].casefold().split()
                if any(w.strip(",") in self.conjunctions for w in gap) or "," in self.text[token.end() : start]:
                    distance += _ACTION_REACH  # "killed, and 5,000 were injured": another clause's verb
            else:
                distance = token.start() - end
                if self._another_figures_clause(self.text[end : token.start()]):
                    continue  # "до более 28000 в декабре, и число погибших": the next clause's
                if self._subject_of_next_figure(end, token):
                    continue  # "над 16 хил., а възстановилите се са почти 102 хил.": the 102,000's
                if (clause := _COMPLEMENT.get(self.code or "")) and clause.search(self.text, end, token.start()):
                    continue  # "5,29 Millionen Zuschauer verfolgten, wie … zu retten": another clause's
                if self._agent_of(end, token, s_end):
                    continue  # "Twelve gunmen killed 30 people": the 30 were killed, not the gunmen
                if self.code == "en" and key != "fled" and self._english_active(token):
                    continue  # "200 residents have blocked the road": they blocked, nobody surrounded them
                if key != "fled" and self._romance_active(token):
                    continue  # "due missili hanno colpito l'aereo": the missiles hit, nothing hit them
            if distance >= 0 and (best is None or distance < best[0]):
                best = (distance, key)
        if _UNSPACED.search(self.text, lo, hi):
            best = cjk.nearest_action(self.text, lo, hi, start, end, best, verb_final=self.code in cjk.VERB_FINAL)
        return (best[1], best[0] >= _ACTION_REACH) if best else (None, False)

    def _a_word_of_a_name(self, start: int, s_start: int, s_end: int) -> bool:
        """Whether the capitalised word at ``start`` stands in a name: after a capitalised word,
        in a sentence not written in title case ("Car Bomb Kills 20"), in a language whose verbs
        and common nouns are written in lowercase (not German's "Tote")."""
        if self.code in _CAPITALISED_NOUNS or not self.text[start].isupper():
            return False
        before = _TOKEN.findall(self.text, max(s_start, start - 30), start)
        if not before or not before[-1][:1].isupper() or self.text[start - 1 : start] != " ":
            return False
        # Title case capitalises every word of four letters or more; a sentence full of names
        # still writes a few in lowercase ("the popular Martin Dies Jr. State Park, … private land").
        words = [w for w in _TOKEN.findall(self.text, s_start, s_end) if len(w) >= 4 and w.isalpha()]
        lowercase = sum(w[0].islower() for w in words)
        return lowercase >= 3 or lowercase >= len(words) / 2

    def _free_to_use(self, start: int, figure_end: int, s_end: int) -> bool:
        """Whether "free" at ``start`` says that what the figure counts is to be had ("30 beds were
        free", "four seats remain free"): after a copula, of things, not people ("all 20 hostages
        are now free" were set free)."""
        before = [w.casefold() for w in _WORD.findall(self.text, max(0, start - 30), start)][-2:]
        if not any(w in _PREDICATIVE_LEADS for w in before):
            return False
        counted = self.counted(figure_end, s_end)[0]
        return counted is not None and counted not in lex.PEOPLE

    def _before_a_noun(self, end: int) -> bool:
        """Whether the word after ``end`` (a space apart) may be a noun the word before qualifies."""
        after = _TOKEN.match(self.text, end + 1) if self.text[end : end + 1] == " " else None
        return after is not None and after.group(0).isalpha() and after.group(0).casefold() not in _NOT_QUALIFIED

    def _action_phrase(self, start: int, end: int) -> str | None:
        """The action a word and the next one name together, in a language that writes its verbs
        in two words ("thiệt mạng", lose life: killed; "bị thương", wounded), or None."""
        after = _TOKEN.match(self.text, end + 1) if self.text[end : end + 1] == " " else None
        if after is None:
            return None
        phrase = f"{self.text[start:end]} {after.group(0)}".casefold()
        return lex.ACTION_PHRASES[self.code or ""].get(phrase)

    def _life_lost_or_saved(self, start: int, end: int) -> str | None:
        """What the life noun at ``start``-``end`` says happened, by a verb of losing or saving
        among the two words on either side of it ("lost their lives", "Życie straciło"), or among
        the five before it after an article ("kostete 13 Menschen das Leben"), or None."""
        before = _TOKEN.findall(self.text, max(0, start - 60), start)[-5:]
        # Past an article ("kostete 13 Menschen das Leben") or the figure itself ("je zahteval že
        # preko pol milijona življenj") the verb stands further back.
        figure_between = any(start - 40 <= s and e <= start for s, e in self.figures)
        far = figure_between or (before[-1:] and before[-1].casefold() in _LIFE_ARTICLES)
        before = before if far else before[-2:]
        after = _TOKEN.findall(self.text, end, min(len(self.text), end + 30))[:2]
        for word in (*reversed(before), *after):
            if (key := lex.LIFE_ACTIONS.get(word.casefold())) is not None:
                return key
        return None

    def _negated(self, start: int, end: int) -> bool:
        """Whether the action word at ``start``-``end`` is denied: a negation among the three words
        before it ("no one was injured", "не пострадал", "nikt nie zginął") or right after it
        ("пострадавших нет", "ранени няма")."""
        before = _TOKEN.findall(self.text, max(0, start - 40), start)[-3:]
        # After the word only a negation written there counts: in "задержаны не менее 13" the
        # "не" opens the figure's hedge (at least 13), and denies nothing.
        after = _TOKEN.search(self.text, end, min(len(self.text), end + 20))
        if after is not None and after.group(0).casefold() in lex.NEGATIONS_AFTER:
            return True
        return any(w.casefold() in lex.NEGATIONS for w in before)

    def _named_by_another_figure(self, at: int, stop: int, own: tuple[int, int]) -> bool:
        """Whether the word at ``at``-``stop`` directly follows a number other than the figure
        spanning ``own``, before or after it: that number's noun ("149 хил. починали от почти
        10,267 млн. души заразени": the dead are the 149,000); or is a noun of what happened
        directly before another number ("заболевших … 100 млн человек, умерших - 2,1 млн": the
        dead are the 2.1 million)."""
        word = self.text[at:stop].casefold()
        outcome = word in lex.OUTCOME_NOUNS and word not in _VERBS  # "умерших", not "killed"
        for other_start, other_end in self._figures_that_may_name(at, stop):
            if own[0] <= other_start and other_end <= own[1]:
                continue  # a part of this figure ("1 млн 250 тыс.")
            if outcome and stop <= other_start and _JUST_BEFORE.fullmatch(self.text, stop, other_start):
                return True
            if other_end > at:
                continue
            if (scale := _SCALE.match(self.text, other_end)) is not None:
                other_end = scale.end()
                capital = self.text[at : at + 1].isupper()
                if capital and self.text[other_end - 1] == ".":
                    continue  # "3,2 mln. Zmarło": a sentence opens
                if not capital and self.text[other_end : other_end + 1] == ".":
                    other_end += 1  # "149 хил. починали"
            if other_end <= at and not self.text[other_end:at].strip(" \u00a0"):
                return True
        return False

    def _figure_starts(self) -> list[int]:
        """Where each of ``figures`` starts (their ends beside, in ``_figure_bounds``), for lookups
        by position; indexed again whenever ``figures`` is replaced."""
        if self._figure_bounds[0] is not self.figures:
            self._figure_bounds = (self.figures, [s for s, _ in self.figures], [e for _, e in self.figures])
        return self._figure_bounds[1]

    def _figures_that_may_name(self, at: int, stop: int) -> list[tuple[int, int]]:
        """The figures ``_named_by_another_figure`` can find at ``at``-``stop``: those ending just
        before it, past spaces and a scale word, or starting just after it, past spaces, colons and
        dashes. Looked up by position: trying every figure of a long sentence for every action word
        was quadratic (a minute for one 90,000-character sentence of figures)."""
        starts, ends = self._figure_starts(), self._figure_bounds[2]
        nearest = len(self.text[:at].rstrip(" \u00a0"))  # a figure before must end within a scale word of it
        before = slice(bisect.bisect_left(ends, nearest - _LONGEST_SCALE - 2), bisect.bisect_right(ends, at))
        gap = _JUST_BEFORE.match(self.text, stop)  # a figure after must start within the gap (it matches empty)
        reach = gap.end() if gap else stop
        after = slice(bisect.bisect_left(starts, stop), bisect.bisect_right(starts, reach))
        return self.figures[before] + self.figures[after]

    def _a_verb(self, word: str) -> bool:
        """Whether an action word is a verb, not a noun of what happened ("Infizierten", "deaths")."""
        folded = word.casefold()
        return folded in _VERBS or (folded not in lex.OUTCOME_NOUNS and self.lemma(word) in _VERBS)

    def _agent_of(self, end: int, token: re.Match[str], limit: int) -> bool:
        """Whether the figure ending at ``end``, what it counts named before the action ``token``,
        does that action to another figure right after it ("Twelve gunmen killed 30 people")."""
        return (
            self.code not in _VERB_FINAL
            and _TOKEN.search(self.text, end, token.start()) is not None
            and self._a_verb(token.group(0))
            and self._object_figure_after(token.end(), limit)
        )

    def _english_active(self, token: re.Match[str]) -> bool:
        """Whether an English action verb after a figure is said in the active voice, its object
        after it: before an article and a noun that is no time ("have blocked the road", "killed the
        guard"; not "were killed the day before", nor "have died in the fire"). Who flees a place
        still fled ("two men fled the scene"): the caller keeps that action."""
        after = _TOKEN.findall(self.text, token.end(), min(len(self.text), token.end() + 40))[:2]
        gap = self.text[token.end() : token.end() + 2]
        return (
            len(after) == 2
            and gap[:1] == " "
            and after[0].casefold() in _ENGLISH_DETERMINERS
            and after[1].casefold() not in _ENGLISH_TIME_WORDS
            and self._a_verb(token.group(0))
        )

    def _romance_active(self, token: re.Match[str]) -> bool:
        """Whether a French, Spanish, Italian or Portuguese action verb after a figure is said in
        the active perfect, "to have" right before it and an article after it ("hanno colpito
        l'aereo", "ont détruit la maison"): its subject did it. The passive takes "to be" ("sono
        stati colpiti", "han sido heridos") and is left alone."""
        aux = _ROMANCE_HAVE.get(self.code or "")
        if aux is None:
            return False
        before = _TOKEN.findall(self.text, max(0, token.start() - 20), token.start())
        return (
            bool(before)
            and before[-1].casefold() in aux
            and _ROMANCE_ARTICLE.match(self.text, token.end()) is not None
            and self._a_verb(token.group(0))
        )

    def _object_figure_after(self, at: int, limit: int) -> bool:
        """Whether the next figure directly follows the action word ending at ``at``, as its object
        ("killed at least 40 worshippers", "убили 12 мирных жителей"), counting something an action
        can befall (not "killed 3 days ago"), and no action word right after it ("12 killed 30
        injured" lists two tolls)."""
        other = next(((s, e) for s, e in self.figures if s >= at), None)
        if other is None or other[0] >= limit or not self._directly_before(at, other[0]):
            return False
        after = _TOKEN.match(self.text, other[1] + 1) if self.text[other[1] : other[1] + 1] == " " else None
        if after is not None and self.action_of(after.group(0)):
            return False
        counted = self.counted(other[1], limit)[0]
        return counted not in _NOTHING_HAPPENS_TO and counted not in _CURRENCY_CODES

    def _new_clause_between(self, at: int, start: int, end: int) -> bool:
        """Whether the figure at ``start``-``end`` opens a clause of its own after a verb ending at
        ``at``: a subordinate one ("when 20 militants attacked"), or one that "and" right before the
        figure opens, with words of its own after what the figure counts ("Five people died in
        Khulna and over 1,000 employees fell sick"), where "and 3 civilians." would share the verb."""
        if self._subordinate_between(at, start):
            return True
        words = _TOKEN.findall(self.text, at, start)
        if not words or words[-1].casefold() not in self.conjunctions:
            return False  # "will release and replace more than eight players": the figure is an object
        noun_end = self.counted(end, min(len(self.text), end + 80))[2] or end
        after = _TOKEN.search(self.text, noun_end, min(len(self.text), noun_end + 40))
        return after is not None and not any(ch in _PHRASE_ENDS for ch in self.text[noun_end : after.start()])

    def _subordinate_between(self, at: int, start: int) -> bool:
        """Whether a clause of its own opens between a verb ending at ``at`` and the figure at
        ``start`` ("when", "nachdem", "когда"): the verb has its subject before it. Slavic and
        Romance put a verb before its subject ("umrlo pa jih je 105"), so no other word tells."""
        return any(w.casefold() in lex.SUBORDINATORS for w in _TOKEN.findall(self.text, at, start))

    def _directly_before(self, at: int, figure_start: int) -> bool:
        """Whether a word ending at ``at`` stands right before the figure starting at ``figure_start``
        (its hedge, an article or Spanish's "a" of a person between them at most): its verb, the
        figure its object."""
        hedge = _qualifier_before(self.text, figure_start)
        gap = self.text[at : hedge[1] if hedge else figure_start]
        words = gap.split()
        if any(not (ch.isspace() or ch.isalpha() or ch in "'’") for ch in gap):
            return False
        return not words or (len(words) == 1 and words[0].casefold() in _OBJECT_MARKERS.get(self.code or "", ()))

    def _another_figures_clause(self, gap: str) -> bool:
        """Whether, between a number and a word after it, another clause opens (at a semicolon, or
        at a comma and a conjunction) that names a figure of its own ("…, и число погибших
        возросло": and the number of dead rose), or at a comma right before the words of its
        figure ("…, skupno število umrlih pa ostaja pri 111"). "…, und beide wurden zerstört" (and
        both were destroyed) goes on about the same things; a comma alone opens no clause ("50
        people, among them 20 children, were killed")."""
        match = _CLAUSE_OPENER.search(gap)
        if match is None:
            return False
        words = _TOKEN.findall(gap[match.start() :])
        if match.group(1) is not None and match.group(1).casefold() not in self.conjunctions:
            # Without a conjunction, the clause's own figure must be named at once: "…, skupno
            # število umrlih pa ostaja pri 111" (the total number of dead stays at 111).
            words = words[:2]
        return any(
            w.casefold() in lex.NUMBER_NOUNS or w.casefold() in lex.TOLL_NOUNS or self.lemma(w) in lex.NUMBER_NOUNS
            for w in words
        )

    def _subject_of_next_figure(self, end: int, token: re.Match[str]) -> bool:
        """Whether the action word ``token`` opens, after a comma and a conjunction or right after a
        comma, a clause whose own figure follows it with no comma between ("…, а възстановилите се
        са почти 102 хил.", "…, and the recovered number 102,000", "120.000 lidí, hospitalizovaných
        bylo 5777"): that figure's, not the one ending at ``end``."""
        opener = _COMMA_CONJUNCTION.search(self.text, end, token.start())
        joined = opener is not None and opener.group(1).casefold() in self.conjunctions
        if not joined and not _COMMA_JUST_BEFORE.fullmatch(self.text, end, token.start()):
            return False  # nor the clause's first word after a comma ("120.000 lidí, hospitalizovaných bylo 5777")
        return any(
            token.end() <= start <= token.end() + _NEXT_FIGURE_REACH and "," not in self.text[token.end() : start]
            for start, _ in self.figures
        )

    def _between_other_figures(self, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
        """``lo``, ``hi`` narrowed to the nearest other numbers on either side that are not listed
        with this one (``_listed``). Only the figures that start between ``lo`` and ``hi`` can."""
        starts = self._figure_starts()
        nearby = self.figures[bisect.bisect_left(starts, lo) : bisect.bisect_right(starts, hi)]
        for other_start, other_end in nearby:
            if lo <= other_start and other_end <= start and not self._listed(other_end, start, after_verb=True):
                lo = other_end
            elif end <= other_start and other_end <= hi and not self._listed(end, other_start):
                hi = other_start
                break
        return lo, hi

    def _listed(self, left: int, right: int, *, after_verb: bool = False) -> bool:
        """Two numbers with only "soldiers and" between them count two parts of one list; one is
        part of the other ("ten children were among the 45 people killed"). After their verb, a
        comma lists too ("destroyed 50 terrorists, over a dozen pickups"); before it, a comma
        mostly opens another clause ("680 хил. нови случаи, а общо 15 599 … починали")."""
        gap = self.text[left:right]
        words = [w.casefold() for w in _TOKEN.findall(gap)]
        if any(w in lex.PART_WORDS for w in words):
            return True
        if any(self._a_verb(w) and self.action_of(w) for w in words):
            return False  # "274 000 души са починали, а 100 000 пациенти": a clause ends between
        joined = any(w in self.conjunctions for w in words) or (after_verb and "," in gap)
        return (
            len(words) <= _LIST_GAP_WORDS
            and joined
            and not any(ch in gap for ch in ".;:!?()[]" + ("" if after_verb else ","))
        )

    def toll(self, start: int, s_start: int) -> tuple[str, str | None] | None:
        """ "The death toll rose to 50": a toll noun shortly before the number; or "the number of
        dead" ("число погибших"), what a number noun is followed by."""
        previous = ""
        for token in _TOKEN.finditer(self.text, max(s_start, start - 60), start):
            if token.group(0).casefold() == "tolls":
                continue  # "restoring tolls between Exits 1 and 6": fees; a death toll is one
            hit = lex.TOLL_NOUNS.get(token.group(0).casefold()) or lex.TOLL_NOUNS.get(self.lemma(token.group(0)))
            hit = hit or lex.TOLL_PHRASES.get(f"{previous} {token.group(0)}".casefold())
            if hit is not None:
                return hit
            previous = token.group(0)
            word = token.group(0)
            if word.casefold() in lex.NUMBER_NOUNS or self.lemma(word) in lex.NUMBER_NOUNS:
                return self._number_of(token.end(), start)
        return None

    def _number_of(self, position: int, start: int) -> tuple[str, str | None] | None:
        """What "the number of …" names in the few words after it, before the figure at ``start``."""
        for seen, token in enumerate(_TOKEN.finditer(self.text, position, start)):
            if seen >= _COUNTED_WINDOW:
                break
            word = token.group(0)
            hit = _WORD_INDEX.get(word.casefold()) or _WORD_INDEX.get(self.lemma(word))
            if hit is not None:
                return hit
        return None
