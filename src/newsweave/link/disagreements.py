"""Where two reports of one story disagree about a number, and how.

Claims about the same thing are found two ways: inside sentences the alignment paired (a copy,
translation or rewrite says the same sentence), and, across the whole texts of independent
reports, by the same counted thing and an event's action ("militant" + "killed") when each
article states that pair once and nothing (date, place) says they are about different events; a
conflict or update between those also needs the link to have found their sentences alike. Each
pair is then classified:

- ``agree``: the same figure, or figures that fit together ("more than 50" and "60", "nearly
  1,000" and "987");
- ``qualifier``: the same figure, hedged differently ("more than 50" vs "around 50");
- ``update``: the later report raises a running toll (killed, wounded, arrested...) or says it
  revises it ("the death toll rose to 80");
- ``conflict``: figures that cannot both be true: 50 vs 80 killed in reports of the same time.

A false conflict costs a reader more than a missed one, so a conflict needs both sides to say
what they count, both figures to be precise (a vague "dozens" never conflicts) and intervals
that do not meet even with the slack a round figure allows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from newsweave.analyze.claim_lexicon import COUNTED, CURRENCY, OUTCOME_NOUNS, TIME_UNITS, UPDATE_PHRASES, VAGUE
from newsweave.records import AlignedSentences, Claim, ClaimRelation, Disagreement, Qualifier

# Actions whose figures grow as a story goes on: a later, higher figure is news, not a contradiction.
RUNNING_TOLLS = frozenset({"killed", "wounded", "arrested", "evacuated", "displaced", "fled", "infected",
                           "missing", "rescued", "affected", "hospitalised", "released", "recovered"})  # fmt: skip
# What happened in an event, whose figure two reports of it state alike: the tolls. Other figures
# with an action ("750 soldiers deployed", "1.9 million doses received") are as often two facts
# of one story as one (an earlier deployment, another region's delivery), so independent reports'
# figures are compared only for these; versions' aligned sentences for every action.
# Infections are not among them: an epidemic's tallies are counted anew every day and for every
# town, region and country ("841 cases" in Prague, "6,220" in the country, on one Sunday), so two
# independent reports' infection figures are as often two facts as one (facts-14, on the stream);
# recoveries, the same tallies' third, likewise.
_EVENT_ACTIONS = (RUNNING_TOLLS - {"infected", "recovered"}) | {"destroyed", "damaged", "captured", "surrounded"}
# Counted things too generic to pair across two texts without an aligned sentence.
_GENERIC = frozenset({*TIME_UNITS, "kilometre", "percent", "tonne"})
_UNITS = frozenset({"percent", *CURRENCY.values()})  # a share or a sum, never a head count
# What the lexicon counts, in every language alike; any other counted key is a word of one language.
_LEXICON_KEYS = frozenset({*COUNTED, *(key for key, _ in OUTCOME_NOUNS.values()), *_UNITS})
_AROUND_SLACK = 0.2  # "around 50" allows 40-60
_ROUND_SLACK = 0.03  # "1,000" may be a rounded 987
_VAGUE_WIDTHS = {v for v in VAGUE.values()}
# What two figures of independent reports say only if they are one figure: that it differs, or rose.
_SAME_FIGURE_ONLY = frozenset({ClaimRelation.CONFLICT, ClaimRelation.UPDATE})
_NEAR = 2.0  # figures within this factor may be one figure changed
_SAME_THING_ALIGNED = 0.9
_SAME_THING_KEYED = 0.6


@dataclass(frozen=True, slots=True)
class ArticleClaims:
    """One article's claims, with what comparing them needs."""

    article_id: str
    published: datetime | None
    language: str | None
    claims: tuple[Claim, ...]


def compare(
    a: ArticleClaims,
    b: ArticleClaims,
    aligned: Sequence[AlignedSentences] = (),
    *,
    alike: Sequence[AlignedSentences] | None = None,
) -> list[Disagreement]:
    """How the two articles' claims about the same things compare (agreements included).

    Args:
        a, b: the two articles' claims; the earlier (when dates are known) becomes ``a``.
        aligned: sentence pairs aligned across the two texts (``a_index`` into ``a``'s sentences,
            numbered as ``split_sentences`` numbers them), when they are versions of one text.
        alike: for two independent reports, the sentence pairs found alike between them (the
            link's alignment), when known. Two figures then conflict, or one updates the other,
            only where their sentences are such a pair: on a real stream, figures that count the
            same thing with the same action in two reports of one story were, in four of five
            flags, two facts ("seven died since Monday", "13 died this season"; docs/claims.md).
            None: not asked (the rules alone).

    Example:
        >>> from newsweave.analyze.claims import numeric_claims
        >>> x = ArticleClaims("a", None, "en", tuple(numeric_claims("Troops killed more than 50 militants.", "en")))
        >>> y = ArticleClaims("b", None, "fr", tuple(numeric_claims("Environ 50 combattants ont été tués.", "fr")))
        >>> [(d.relation.value, d.claim_a.text, d.claim_b.text) for d in compare(x, y)]
        [('qualifier', 'more than 50 militants', 'Environ 50 combattants')]
    """
    swapped = a.published is not None and b.published is not None and _utc(b.published) < _utc(a.published)
    if swapped:
        a, b = b, a
        aligned = [AlignedSentences(p.b_index, p.a_index, p.b_text, p.a_text, p.similarity) for p in aligned]
    later = a.published is not None and b.published is not None and _utc(b.published) > _utc(a.published)
    out: list[Disagreement] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for pair in aligned:
        side_a = [i for i, c in enumerate(a.claims) if i not in used_a and _in_pair(c, pair.a_index, pair.a_text)]
        side_b = [i for i, c in enumerate(b.claims) if i not in used_b and _in_pair(c, pair.b_index, pair.b_text)]
        for i, j in pair_claims([a.claims[i] for i in side_a], [b.claims[j] for j in side_b]):
            used_a.add(side_a[i])
            used_b.add(side_b[j])
            x, y = a.claims[side_a[i]], b.claims[side_b[j]]
            relation, note = classify(x, y, later=later, aligned=True)
            out.append(Disagreement(a.article_id, b.article_id, x, y, relation, _SAME_THING_ALIGNED, note))
    if alike is not None and swapped:
        alike = [AlignedSentences(p.b_index, p.a_index, p.b_text, p.a_text, p.similarity) for p in alike]
    for i, j in _keyed_pairs(a.claims, b.claims, used_a, used_b, versions=bool(aligned)):
        x, y = a.claims[i], b.claims[j]
        relation, note = classify(x, y, later=later)
        if relation in _SAME_FIGURE_ONLY and alike is not None and not _said_alike(x, y, alike):
            continue  # no sign the two figures are one figure of one event
        out.append(Disagreement(a.article_id, b.article_id, x, y, relation, _SAME_THING_KEYED, note))
    return out


def _said_alike(x: Claim, y: Claim, alike: Sequence[AlignedSentences]) -> bool:
    """The two claims stand in a pair of sentences found alike."""
    return any(_in_pair(x, p.a_index, p.a_text) and _in_pair(y, p.b_index, p.b_text) for p in alike)


def _in_pair(claim: Claim, index: int, text: str) -> bool:
    """A claim stands in an aligned pair's sentence (or in either of two merged ones)."""
    return claim.sentence_index in (index, index + 1) and " ".join(claim.sentence.split()) in " ".join(text.split())


def pair_claims(xs: Sequence[Claim], ys: Sequence[Claim]) -> list[tuple[int, int]]:
    """Pair the claims of two aligned sentences: same counted thing and action, else nearest figure.

    Claims that say what they count pair only with claims counting the same thing; a claim that
    does not say pairs with the nearest figure within a factor of 1.5, or with the other
    sentence's only claim when each sentence has one. The same figure pairs first (a translation
    keeps "48 girls, 47 boys, 95 babies" in order, while its words for them differ), then figures
    within a factor of two counting the same thing, then the rest, nearest first.
    """
    shared = _figures(xs) & _figures(ys)
    candidates = []
    for i, x in enumerate(xs):
        for j, y in enumerate(ys):
            if _twinned(x, y, shared):
                continue
            if not _may_be_same(x, y, sole=len(xs) == len(ys) == 1):
                continue
            keyed = x.counted is not None and x.counted == y.counted
            ratio = _ratio(x, y)
            candidates.append((x.low != y.low or x.high != y.high, ratio > _NEAR, not keyed, ratio, i, j))
    pairs, seen_x, seen_y = [], set(), set()
    for *_, i, j in sorted(candidates):
        if i not in seen_x and j not in seen_y:
            pairs.append((i, j))
            seen_x.add(i)
            seen_y.add(j)
    return sorted(pairs)


def _figures(claims: Sequence[Claim]) -> set[tuple[float, float]]:
    return {(c.low, c.high) for c in claims}


def _twinned(x: Claim, y: Claim, shared: set[tuple[float, float]]) -> bool:
    """Whether two different figures are each stated by both sides (``shared``): such a figure
    pairs only with itself. Two versions of one Turkish report read "3 bin 434" (the toll) once
    with "killed" and once without: the 3,434 was set against the other's 738 deaths of the day,
    a false conflict on a real stream."""
    one, other = (x.low, x.high), (y.low, y.high)
    return one != other and (one in shared or other in shared)


def _may_be_same(x: Claim, y: Claim, *, sole: bool) -> bool:
    same_figure = (x.low, x.high) == (y.low, y.high)
    # Two things counted differ, unless one is a word of one language ("48 ragazze" beside "48 niñas").
    words_of_one_language = not (x.counted in _LEXICON_KEYS and y.counted in _LEXICON_KEYS)
    if x.counted is not None and y.counted is not None and x.counted != y.counted:
        return same_figure and words_of_one_language and not _other_actions(x, y)
    if (x.counted in TIME_UNITS or y.counted in TIME_UNITS) and not same_figure:
        return False  # an age, a duration or a time of day: "aged 77" and "for over 40 years" are two facts
    if _other_actions(x, y):
        return False
    if _is_unit(x.counted) != _is_unit(y.counted):
        return False
    if x.counted is not None and y.counted is not None:
        return True
    return sole or _ratio(x, y) <= 1.5


def _other_actions(x: Claim, y: Claim) -> bool:
    return x.action is not None and y.action is not None and x.action != y.action


def _is_unit(counted: str | None) -> bool:
    return counted in _UNITS


def _ratio(x: Claim, y: Claim) -> float:
    lo, hi = sorted([max(x.low, 1e-9), max(y.low, 1e-9)])
    return hi / lo


def _keyed_pairs(
    xs: Sequence[Claim], ys: Sequence[Claim], used_x: set[int], used_y: set[int], *, versions: bool = False
) -> list[tuple[int, int]]:
    """Unaligned claims about the same counted thing and action, each the only one of its kind;
    between two ``versions`` of one text, not a figure both state (``_twinned``). (Between
    independent reports a small number met on both sides is as often chance: "5 killed, 20
    wounded" against "7 killed, 5 wounded" is still a conflict over the killed.)"""

    def keys(claims: Sequence[Claim], used: set[int]) -> dict[tuple[str, str], int]:
        usable = {
            i: (c.counted, c.action)
            for i, c in enumerate(claims)
            if i not in used and c.counted and c.action in _EVENT_ACTIONS
        }
        counts = Counter(usable.values())
        return {k: i for i, k in usable.items() if counts[k] == 1 and k[0] not in _GENERIC}  # type: ignore[misc]

    kx, ky = keys(xs, used_x), keys(ys, used_y)
    shared = _figures(xs) & _figures(ys) if versions else set()
    pairs = []
    for key in sorted(kx.keys() & ky.keys()):
        x, y = xs[kx[key]], ys[ky[key]]
        if _different_events(x, y) or _twinned(x, y, shared):
            continue
        pairs.append((kx[key], ky[key]))
    return pairs


def _different_events(x: Claim, y: Claim) -> bool:
    if x.place is not None and y.place is not None and x.place != y.place:
        return True
    return x.time is not None and y.time is not None and abs((_utc(x.time) - _utc(y.time)).days) > 1


def _utc(value: datetime) -> datetime:
    """Naive UTC, so that dates with and without a time zone compare (naive ones are taken as UTC)."""
    return value.astimezone(UTC).replace(tzinfo=None) if value.tzinfo is not None else value


def classify(x: Claim, y: Claim, *, later: bool = False, aligned: bool = False) -> tuple[ClaimRelation, str]:
    """How claim ``y`` (from the later article, when ``later``) compares with claim ``x``.

    ``aligned`` says the two claims stand in sentences aligned as translations or rewrites of
    each other, which is evidence enough that they count the same thing when one does not say.

    Example:
        >>> from newsweave.analyze.claims import numeric_claims
        >>> x, y = numeric_claims("50 people were killed.", "en")[0], numeric_claims("80 people were killed.", "en")[0]
        >>> classify(x, y)[0].value, classify(x, y, later=True)[0].value
        ('conflict', 'update')
    """
    what = " ".join(k for k in (x.counted or y.counted, x.action or y.action) if k)
    note = f"{_figure(x)} vs {_figure(y)}" + (f" ({what})" if what else "")
    if (x.low, x.high) == (y.low, y.high):
        return (ClaimRelation.AGREE if x.qualifier == y.qualifier else ClaimRelation.QUALIFIER), note
    if _is_update(x, y, later=later):
        return ClaimRelation.UPDATE, note + ": a later figure"
    if _vague(x) or _vague(y):
        if _overlap(_interval(x), _interval(y)):
            return ClaimRelation.AGREE, note + ": compatible"
    elif _close(x, y) if aligned else _overlap(_interval(x), _interval(y)):
        return ClaimRelation.AGREE, note + ": compatible"
    if _vague(x) or _vague(y) or x.counted is None or y.counted is None:
        # Even in aligned sentences a figure that says not what it counts may be another one of
        # them ("tra i 25 e i 44 anni" read as 25 and 44 beside "between 25 and 44").
        return ClaimRelation.QUALIFIER, note + ": imprecise, not compared"
    return ClaimRelation.CONFLICT, note


def _is_update(x: Claim, y: Claim, *, later: bool) -> bool:
    """A later report raising a running toll, or a report that says it revises a figure.

    "At least 7 killed" then "the toll climbed to 19" is news, though 19 is also "at least 7".
    """
    rising = y.low > x.high * (1 + _ROUND_SLACK)
    cue = _has_update_cue(y.sentence)
    if later:
        return (rising and (x.action or y.action) in RUNNING_TOLLS) or (cue and y.low != x.low)
    return cue and rising


def _close(x: Claim, y: Claim) -> bool:
    """Two versions of one sentence state the same figure, allowing for a hedge or rounding.

    Versions quote one source, so "more than 50" against "more than 90" is a changed figure
    even though both could be true; independent reports are compared by ``_interval`` instead.
    """
    slack = max(_slack(x), _slack(y))
    return all(abs(u - v) <= slack * max(u, v) for u, v in ((x.low, y.low), (x.high, y.high)))


def _slack(c: Claim) -> float:
    if c.qualifier is Qualifier.AROUND:
        return _AROUND_SLACK
    return _ROUND_SLACK if _round(c.low) and _round(c.high) else 0.0


def _figure(c: Claim) -> str:
    number = f"{c.low:g}" if c.low == c.high else f"{c.low:g}-{c.high:g}"
    return number if c.qualifier in (Qualifier.EXACT, Qualifier.RANGE) else f"{c.qualifier.value} {number}"


def _vague(c: Claim) -> bool:
    return (c.low, c.high) in _VAGUE_WIDTHS and c.qualifier is Qualifier.AROUND


def _interval(c: Claim) -> tuple[float, float]:
    """The values a claim allows, with the slack its hedge or a round figure gives."""
    q = c.qualifier
    if q in (Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return c.low, float("inf")
    if q in (Qualifier.UP_TO, Qualifier.NO_MORE_THAN, Qualifier.LESS_THAN):
        return 0.0, c.high
    if q is Qualifier.AROUND:
        if c.low != c.high:
            return c.low, c.high
        return c.low * (1 - _AROUND_SLACK), c.high * (1 + _AROUND_SLACK)
    slack_low = c.low * _ROUND_SLACK if _round(c.low) else 0.0
    slack_high = c.high * _ROUND_SLACK if _round(c.high) else 0.0
    return c.low - slack_low, c.high + slack_high


def _round(value: float) -> bool:
    """A figure that may have been rounded: 1,000, 1,200, 4,500 (not 50 or 987)."""
    return value >= 100 and value.is_integer() and int(value) % (10 ** (len(str(int(value))) - 2)) == 0


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _has_update_cue(sentence: str) -> bool:
    folded = sentence.casefold()
    return any(phrase in folded for phrase in UPDATE_PHRASES)
