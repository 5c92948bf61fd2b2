"""What two articles' facts say about whether they report one event, in plain words (``why``).

Two reports of one event name the same people and organisations, centre on the same place and
state the same days; a report of another event in the same province shares the province and its
actors, but centres on another town or another day (seed 002, on Palmyra and Deir ez-Zor, against
000/001, on Abu Kamal). The pair scorer does not read these (dev.csv rates topical likeness, see
``eval.semeval.LEFT_OUT``), so a user who asks ``why`` is shown them beside its score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from newsweave.link.pair_features import focus_place, nearest_km
from newsweave.records import Facts, Place, TimeExpression

MAX_NAMED = 8  # shared entities listed, most mentioned first


def which_event(a: Facts, b: Facts, names: Mapping[str, str] | None = None) -> list[str]:
    """Lines on the entities both articles name, the place each is mostly about and the dates
    each states; [] when neither has facts. ``names``: entity key to the name to show (the
    store's display names); else a pinned place's gazetteer name, else the commonest spelling.

    Example:
        >>> from newsweave.records import EntityType, Mention
        >>> def named(text, key):
        ...     return Mention(0, len(text), text, EntityType.ORGANIZATION, entity=key)
        >>> a = Facts("a", mentions=(named("IS", "alias:islamic-state"), named("IG", "alias:islamic-state")))
        >>> b = Facts("b", mentions=(named("Daech", "alias:islamic-state"),))
        >>> which_event(a, b)
        ['Both name: IS (3 mentions).', 'Neither names a place narrower than a country.', 'Neither states a date.']
    """
    if not (a.mentions or a.places or a.times or b.mentions or b.places or b.times):
        return []
    known = {**_display_names(a, b), **(names or {})}
    return [_shared_entities(a, b, known), _focus(a, b, known), _dates(a, b)]


def _shared_entities(a: Facts, b: Facts, known: Mapping[str, str]) -> str:
    counts_a, counts_b = _mentions(a), _mentions(b)
    shared = sorted(counts_a.keys() & counts_b.keys(), key=lambda k: (-(counts_a[k] + counts_b[k]), k))
    if not shared:
        return "They name no entity in common."
    listed = ", ".join(f"{known.get(k, k)} ({counts_a[k] + counts_b[k]} mentions)" for k in shared[:MAX_NAMED])
    more = f", and {len(shared) - MAX_NAMED} more" if len(shared) > MAX_NAMED else ""
    return f"Both name: {listed}{more}."


def _mentions(facts: Facts) -> Counter[str]:
    return Counter(m.entity for m in facts.mentions if m.entity)


def _display_names(a: Facts, b: Facts) -> dict[str, str]:
    """Each entity key's name: the gazetteer's for a pinned place, else its commonest spelling."""
    spellings: dict[str, Counter[str]] = {}
    for m in (*a.mentions, *b.mentions):
        if m.entity:
            spellings.setdefault(m.entity, Counter())[m.text] += 1
    names = {key: forms.most_common(1)[0][0] for key, forms in spellings.items()}
    for place in (*a.places, *b.places):
        if place.geonames_id is not None and place.name:
            names[f"geonames:{place.geonames_id}"] = place.name
    return names


def _focus(a: Facts, b: Facts, names: Mapping[str, str]) -> str:
    focus_a, focus_b = focus_place(a), focus_place(b)
    if focus_a is None and focus_b is None:
        return "Neither names a place narrower than a country."
    if focus_a is None or focus_b is None:
        side, place = ("A", focus_a) if focus_a else ("B", focus_b)
        other = "B" if side == "A" else "A"
        assert place is not None
        return f"{side} is mostly about {_place(place, names)}; {other} names no place narrower than a country."
    if focus_a.geonames_id == focus_b.geonames_id:
        return f"Both are mostly about {_place(focus_a, names)}."
    km = nearest_km([focus_a], [focus_b])
    return f"A is mostly about {_place(focus_a, names)}, B about {_place(focus_b, names)}: {km:,.0f} km apart."


def _place(place: Place, names: Mapping[str, str]) -> str:
    name = names.get(f"geonames:{place.geonames_id}") or place.name or place.text
    return f"{name} ({place.country})" if place.country else name


def _dates(a: Facts, b: Facts) -> str:
    if not a.times and not b.times:
        return "Neither states a date."
    if not a.times or not b.times:
        side, times = ("A", a.times) if a.times else ("B", b.times)
        other = "B" if side == "A" else "A"
        return f"{side} states {_date(times[0])}; {other} states no date."
    days, time_a, time_b = min(
        ((abs(x.value.timestamp() - y.value.timestamp()) / 86400, x, y) for x in a.times for y in b.times),
        key=lambda t: t[0],
    )
    gap = "the same day" if days < 1 else f"{days:.0f} day{'s' if round(days) != 1 else ''} apart"
    return f"Their nearest dates: A {_date(time_a)}, B {_date(time_b)}: {gap}."


def _date(time: TimeExpression) -> str:
    return f"{time.value.date().isoformat()} ('{time.text}')"
