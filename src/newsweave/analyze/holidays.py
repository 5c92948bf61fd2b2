"""Holidays a text names as its dates: "on New Year's Eve", "в канун Нового года", "an Silvester",
"Easter Sunday", "на Великден".

A holiday is placed as a yearless date is: in the year that puts it nearest the publication date
(a report of 3 January 2020 on "New Year's Eve" means 31 December 2019), or in the year written
right after it ("Christmas 2019", "Weihnachten 2020"). Fixed days (New Year's Eve and Day,
Christmas Eve and Day, Boxing Day, Halloween, Valentine's Day), days set by Easter (Good Friday,
Easter Sunday and Monday), Western or Orthodox as the language's church keeps them (Russian
"Пасха", Bulgarian "Великден", Serbian "Божић" are the Orthodox ones; Croatian "Božić" the
Western), and US Thanksgiving (the fourth Thursday of November).

Only names that say one day are read: "Christmas" alone is a season ("before Christmas"), so only
"on Christmas", "Christmas Day" or "Christmas Eve" are; "réveillon" alone is either eve, so only
"réveillon de Noël" and "réveillon de la Saint-Sylvestre" are. A name that is also a common word
or a first name is matched with its capital only (Polish "Wigilia", Christmas Eve, against
"wigilia wyborów", the eve of an election). Islamic and Jewish holidays, which follow their own
calendars, are not read.

Example:
    >>> from datetime import datetime
    >>> [(t.text, t.value.date().isoformat())
    ...  for t in holiday_expressions("Fires broke out on New Year's Eve.", "en", datetime(2020, 1, 3))]
    [("New Year's Eve", '2019-12-31')]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from newsweave.records import TimeExpression, TimePrecision


def _fourth_thursday_of_november(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _from_easter(days: int, method: int = EASTER_WESTERN) -> Callable[[int], date]:
    return lambda year: easter(year, method) + timedelta(days=days)


# Each holiday's day in a given year.
DAYS: dict[str, Callable[[int], date]] = {
    "new_years_eve": lambda year: date(year, 12, 31),
    "new_years_day": lambda year: date(year, 1, 1),
    "christmas_eve": lambda year: date(year, 12, 24),
    "christmas": lambda year: date(year, 12, 25),
    "boxing_day": lambda year: date(year, 12, 26),
    "orthodox_christmas_eve": lambda year: date(year, 1, 6),
    "orthodox_christmas": lambda year: date(year, 1, 7),
    "halloween": lambda year: date(year, 10, 31),
    "valentines_day": lambda year: date(year, 2, 14),
    "good_friday": _from_easter(-2),
    "easter": _from_easter(0),
    "easter_monday": _from_easter(1),
    "orthodox_good_friday": _from_easter(-2, EASTER_ORTHODOX),
    "orthodox_easter": _from_easter(0, EASTER_ORTHODOX),
    "thanksgiving": _fourth_thursday_of_november,
}

_NOT_PLACED = "not_placed"

# language -> holiday -> its names, "|"-separated; a name starting with "=" is matched with its
# case as written. Longer names are tried first ("notte di Capodanno" before "Capodanno").
NAMES: dict[str, dict[str, str]] = {
    "en": {
        "new_years_eve": "New Year's Eve|New Year’s Eve",
        "new_years_day": "New Year's Day|New Year’s Day",
        "christmas_eve": "Christmas Eve",
        "christmas": "Christmas Day|<on >Christmas",
        "boxing_day": "Boxing Day",
        "orthodox_christmas": "Orthodox Christmas",
        "halloween": "<on >Halloween",
        "valentines_day": "Valentine's Day|Valentine’s Day",
        "good_friday": "Good Friday",
        "easter": "Easter Sunday|Easter Day",
        "easter_monday": "Easter Monday",
        "orthodox_easter": "Orthodox Easter",
        "thanksgiving": "Thanksgiving Day|<on >Thanksgiving",
    },
    "de": {
        "new_years_eve": "Silvester|Silvesternacht|Silvesterabend|Silvestertag",
        "new_years_day": "Neujahr|Neujahrstag",
        "christmas_eve": "Heiligabend|Heiligen Abend|Heiligem Abend|Weihnachtsabend",
        "christmas": "ersten Weihnachtsfeiertag|erster Weihnachtsfeiertag|<an >Weihnachten",
        "boxing_day": "zweiten Weihnachtsfeiertag|zweiter Weihnachtsfeiertag|Stephanstag",
        "valentines_day": "Valentinstag",
        "good_friday": "Karfreitag",
        "easter": "Ostersonntag|<an >Ostern",
        "easter_monday": "Ostermontag",
    },
    "fr": {
        "new_years_eve": "Saint-Sylvestre|réveillon du Nouvel An|réveillon du jour de l'An",
        "new_years_day": "jour de l'An|jour de l’An|Jour de l'an|Jour de l’an",
        "christmas_eve": "veille de Noël|réveillon de Noël",
        "christmas": "jour de Noël",
        "valentines_day": "Saint-Valentin",
        "good_friday": "Vendredi saint",
        "easter": "dimanche de Pâques|jour de Pâques",
        "easter_monday": "lundi de Pâques",
    },
    "es": {
        "new_years_eve": "Nochevieja|Noche Vieja|víspera de Año Nuevo",
        "new_years_day": "día de Año Nuevo",
        "christmas_eve": "Nochebuena|Noche Buena",
        "christmas": "día de Navidad",
        "valentines_day": "San Valentín",
        "good_friday": "Viernes Santo",
        "easter": "Domingo de Resurrección|Domingo de Pascua",
        "thanksgiving": "Día de Acción de Gracias",
    },
    "it": {
        "new_years_eve": "notte di Capodanno|San Silvestro|vigilia di Capodanno|notte di San Silvestro",
        "new_years_day": "giorno di Capodanno|<a >Capodanno",
        "christmas_eve": "vigilia di Natale",
        "christmas": "giorno di Natale",
        "valentines_day": "San Valentino",
        "good_friday": "Venerdì Santo",
        "easter": "domenica di Pasqua|giorno di Pasqua",
        "easter_monday": "Pasquetta|lunedì dell'Angelo|lunedì di Pasqua",
    },
    "pt": {
        "new_years_eve": "véspera de Ano Novo|passagem de ano",
        "new_years_day": "dia de Ano Novo",
        "christmas_eve": "véspera de Natal|noite de Natal",
        "christmas": "dia de Natal",
        "good_friday": "Sexta-feira Santa",
        "easter": "domingo de Páscoa",
    },
    "nl": {
        "new_years_eve": "oudejaarsavond|oudejaarsdag|oudejaarsnacht",
        "new_years_day": "nieuwjaarsdag",
        "christmas_eve": "kerstavond",
        "christmas": "eerste kerstdag",
        "boxing_day": "tweede kerstdag",
        "good_friday": "Goede Vrijdag",
        "easter": "eerste paasdag|paaszondag",
        "easter_monday": "tweede paasdag|paasmaandag",
    },
    "ru": {
        "new_years_eve": "канун Нового года|новогоднюю ночь|новогодней ночью|новогодней ночи",
        "christmas": "католическое Рождество|католического Рождества|католическому Рождеству",
        "orthodox_christmas": "православное Рождество|православного Рождества|православному Рождеству",
        "easter": "католическая Пасха|католическую Пасху|католической Пасхи",
        "orthodox_easter": "=<на >Пасху|православная Пасха|православную Пасху",
        _NOT_PLACED: "еврейская Пасха|еврейскую Пасху|еврейской Пасхи|еврейский Песах",
    },
    "uk": {
        "new_years_eve": "напередодні Нового року|новорічну ніч|новорічної ночі",
        "orthodox_christmas": "православне Різдво|православного Різдва",
        "christmas": "католицьке Різдво|католицького Різдва",
        "orthodox_easter": "=<на >Великдень",
    },
    "bg": {
        "new_years_eve": "новогодишната нощ|новогодишна нощ",
        "christmas_eve": "Бъдни вечер",
        "christmas": "=<на >Коледа",
        "orthodox_good_friday": "Разпети петък",
        "orthodox_easter": "=<на >Великден|=<за >Великден",
    },
    "pl": {
        "new_years_eve": "<w >sylwestra|noc sylwestrową|sylwestrową noc|sylwestrowej nocy|"
        "sylwestrowa noc|noc sylwestrowa",
        "new_years_day": "=<w >Nowy Rok",
        "christmas_eve": "=Wigilia|=Wigilię|=Wigilii|wieczór wigilijny",
        "christmas": "<w >Boże Narodzenie|pierwszy dzień świąt Bożego Narodzenia",
        "good_friday": "Wielki Piątek",
        "easter": "<w >Wielkanoc|Niedziela Wielkanocna|Niedzielę Wielkanocną",
        "easter_monday": "Poniedziałek Wielkanocny|lany poniedziałek|Lany Poniedziałek",
    },
    "cs": {
        "new_years_eve": "<na >Silvestra|silvestrovské noci|silvestrovskou noc",
        "new_years_day": "<na >Nový rok",
        "christmas_eve": "Štědrý den|Štědrý večer|Štědrého dne|Štědrého večera",
        "christmas": "Boží hod",
        "good_friday": "Velký pátek|Velkého pátku",
        "easter": "Velikonoční neděle|Velikonoční neděli",
        "easter_monday": "Velikonoční pondělí",
    },
    "sk": {
        "new_years_eve": "<na >Silvestra|silvestrovskej noci",
        "christmas_eve": "Štedrý deň|Štedrý večer|Štedrého dňa",
        "good_friday": "Veľký piatok|Veľkého piatku",
        "easter": "Veľkonočná nedeľa|Veľkonočnú nedeľu",
        "easter_monday": "Veľkonočný pondelok",
    },
    "sl": {
        "new_years_eve": "silvestrovo|silvestrovem|silvestrski večer",
        "christmas_eve": "božični večer|sveti večer",
        "christmas": "<za >božič|<na >božič",
        "easter": "velikonočna nedelja|velikonočno nedeljo",
    },
    "hr": {
        "new_years_eve": "Stara godina|doček Nove godine|Silvestrovo",
        "christmas_eve": "Badnjak|Badnja večer",
        "christmas": "=<za >Božić|=<na >Božić",
        "good_friday": "Veliki petak",
        "easter": "=<za >Uskrs|=<na >Uskrs",
    },
    "sr": {
        "new_years_eve": "дочек Нове године|doček Nove godine",
        "orthodox_christmas_eve": "Бадњи дан|Badnji dan",
        "orthodox_christmas": "=<за >Божић|=<на >Божић|=<za >Božić|=<na >Božić",
        "orthodox_easter": "=<за >Васкрс|=<за >Ускрс|=<на >Ускрс|=<za >Vaskrs|=<za >Uskrs|=<na >Uskrs",
    },
    "tr": {"new_years_eve": "yılbaşı gecesi|yılbaşı gecesinde"},
}
# Bosnian news, in the Latin script, is read with Croatian's names and days.
NAMES["bs"] = NAMES["hr"]

_PLACE_AFTER = re.compile(r"\s+(?:Island|Islands|Isle)\b")  # "on Christmas Island": a place
# "on Christmas break", "la parata di Capodanno": a season or a feast's event, not its day.
_SEASON_AFTER = re.compile(
    r"\s+(?:break|holidays?|vacation|season|shopping|party|parties|markets?|trees?|lights|cards?|gifts?|period"
    r"|weekend|Ferien|vacances|vacaciones)\b"
)
# "found on his doorstep one Christmas Day", "every Christmas Eve": some year's, or any.
_ANY_ONE_BEFORE = re.compile(r"(?<!\w)(?:one|a|an|every|each|any|some|chaque|jeden|jeder|jedes|cada|ogni)\s+$", re.I)
_YEAR_AFTER = re.compile(r"[\s,]*((?:19|20)\d\d)(?!\d)")
_NEAR = 1  # years on either side of the anchor's tried


def holiday_expressions(text: str, language: str | None, anchor: datetime | None) -> list[TimeExpression]:
    """The holidays ``text`` names, each as the day it fell or falls on nearest ``anchor`` (or in
    the year written after it); without an anchor, only those with their year."""
    out = []
    for m, key in _longest(_named(text, language)):
        year = _YEAR_AFTER.match(text, m.end())
        value = _placed(key, int(year.group(1)) if year else None, anchor)
        if value is None:
            continue
        moment = datetime(value.year, value.month, value.day, tzinfo=anchor.tzinfo if anchor else None)
        end = year.end(1) if year else m.end()  # "Christmas Day 2019" whole
        out.append(TimeExpression(m.start(), end, text[m.start() : end], moment, TimePrecision.DAY, year is None,
                                  anchor if year is None else None))  # fmt: skip
    return out


def _named(text: str, language: str | None) -> list[tuple[re.Match[str], str]]:
    """Every holiday name in ``text`` and its holiday, places named after one left out."""
    found = []
    for pattern, keys in _patterns(language):
        for m in pattern.finditer(text):
            if _PLACE_AFTER.match(text, m.end()) or _SEASON_AFTER.match(text, m.end()):
                continue
            if _ANY_ONE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                continue
            found.append((m, keys.get(m.group(0).casefold()) or keys[m.group(0)]))
    return found


def _placed(key: str, year: int | None, anchor: datetime | None) -> date | None:
    day_of = DAYS.get(key)
    if day_of is None:
        return None  # a feast of another calendar, named to keep a shorter name from being read in it
    if year is not None:
        return day_of(year)
    if anchor is None:
        return None
    near = anchor.date()
    options = [day_of(y) for y in range(near.year - _NEAR, near.year + _NEAR + 1)]
    return min(options, key=lambda d: (abs((d - near).days), d > near))  # a tie: the past one


def _longest(found: list[tuple[re.Match[str], str]]) -> list[tuple[re.Match[str], str]]:
    """Of overlapping names, the longest ("Еврейская Пасха" over its "Пасха"), in text order."""
    kept: list[tuple[re.Match[str], str]] = []
    for m, key in sorted(found, key=lambda f: (f[0].start() - f[0].end(), f[0].start())):
        if all(m.end() <= k.start() or k.end() <= m.start() for k, _ in kept):
            kept.append((m, key))
    return sorted(kept, key=lambda f: f[0].start())


@lru_cache(maxsize=64)
def _patterns(language: str | None) -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """For ``language`` (every language's names when unknown): a case-blind pattern and a
    case-kept one, each with its names (casefolded for the first) to their holidays."""
    tables = [NAMES[language]] if language in NAMES else list(NAMES.values())
    blind: dict[str, str] = {}
    kept: dict[str, str] = {}
    for table in tables:
        for key, names in table.items():
            for name in names.split("|"):
                if name.startswith("="):
                    kept.setdefault(name[1:], key)
                else:
                    blind.setdefault(name.casefold(), key)
    out = []
    for table_of_names, flags in ((blind, re.I), (kept, 0)):
        if table_of_names:
            longest_first = sorted(table_of_names, key=lambda n: len(_AFTER_WORD.sub("", n)), reverse=True)
            alternation = "|".join(_regex(n) for n in longest_first)
            lookup = {_AFTER_WORD.sub("", n): key for n, key in table_of_names.items()}
            out.append((re.compile(rf"(?<!\w)(?:{alternation})(?!\w)", flags), lookup))
    return tuple(out)


def _regex(name: str) -> str:
    """A name's pattern; a leading "<on >" is a word it must follow, not part of it ("on Christmas")."""
    m = _AFTER_WORD.match(name)
    if m is None:
        return re.escape(name)
    return rf"(?<=(?<!\w)(?i:{re.escape(m.group(1))})){re.escape(name[m.end() :])}"  # "На Пасху" too


_AFTER_WORD = re.compile(r"<([^>]+)>")
