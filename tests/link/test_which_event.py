"""What two articles' facts say about whether they report one event (``why``'s last lines)."""

from __future__ import annotations

from datetime import datetime

from newsweave.link.which_event import which_event
from newsweave.records import EntityType, Facts, Mention, Place, TimeExpression, TimePrecision

ABU_KAMAL = Place(0, 9, "Abu Kamal", 174448, "Abu Kamal", "SY", 34.45, 40.92, "P.PPLA2")
DEIR_EZ_ZOR = Place(0, 11, "Deir ez-Zor", 170794, "Deir ez-Zor", "SY", 35.34, 40.14, "P.PPLA")


def _report(article_id: str, places: list[Place], day: int | None, text: str = "on the eve") -> Facts:
    mentions = [Mention(0, 2, "IS", EntityType.ORGANIZATION, entity="alias:islamic-state")]
    mentions += [
        Mention(p.start, p.end, p.text, EntityType.LOCATION, entity=f"geonames:{p.geonames_id}") for p in places
    ]
    times = [TimeExpression(0, len(text), text, datetime(2017, 11, day), TimePrecision.DAY)] if day else []
    return Facts(article_id, mentions=tuple(mentions), places=tuple(places), times=tuple(times))


def test_two_reports_of_one_event_share_their_place_and_day() -> None:
    a = _report("a", [ABU_KAMAL, ABU_KAMAL], 23)
    b = _report("b", [ABU_KAMAL], 23, "yesterday")
    entities, focus, dates = which_event(a, b, {"alias:islamic-state": "Islamic State"})
    assert entities == "Both name: Abu Kamal (3 mentions), Islamic State (2 mentions)."
    assert focus == "Both are mostly about Abu Kamal (SY)."
    assert dates == "Their nearest dates: A 2017-11-23 ('on the eve'), B 2017-11-23 ('yesterday'): the same day."


def test_another_event_in_the_province_is_told_by_its_place_and_day() -> None:
    a = _report("a", [ABU_KAMAL], 23)
    b = _report("b", [DEIR_EZ_ZOR, DEIR_EZ_ZOR], 20, "mardi")
    _, focus, dates = which_event(a, b)
    assert focus.startswith("A is mostly about Abu Kamal (SY), B about Deir ez-Zor (SY): ")
    assert 100 < float(focus.split(": ")[1].split(" km")[0]) < 130  # ~120 km along the Euphrates
    assert dates.endswith(": 3 days apart.")


def test_what_one_side_lacks_is_said() -> None:
    a = _report("a", [ABU_KAMAL], 23)
    b = Facts("b", mentions=(Mention(0, 5, "Daech", EntityType.ORGANIZATION, entity="alias:islamic-state"),))
    entities, focus, dates = which_event(a, b)
    assert entities == "Both name: IS (2 mentions)."
    assert focus == "A is mostly about Abu Kamal (SY); B names no place narrower than a country."
    assert dates == "A states 2017-11-23 ('on the eve'); B states no date."
    assert which_event(Facts("a"), Facts("b")) == []
