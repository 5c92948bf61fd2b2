"""Holidays a text names as its dates: "on New Year's Eve", "в канун Нового года", "an Silvester",
"Easter Sunday", "на Великден".

A holiday is placed as a yearless date is: in the year that puts it nearest the publication date
(a report of 3 January 2020 on "New Year's Eve" means 31 December 2019), or in the year written
right after it ("Christmas 2019", "Weihnachten 2020"). Fixed days (New Year's Eve and Day,
Christmas Eve and Day, Boxing Day, Halloween, Valentine's Day), days set by Easter (Good Friday,
Easter Sunday and Monday), Western or Orthodox as the language's church keeps them (Russian
"Пасха", Bulgarian "Великден", Serbian "Божић" are the Orthodox ones; Croatian "Božić" the
Western), US Thanksgiving (the fourth Thursday of November), the Islamic year's feasts (Eid al-Fitr
and al-Adha, its New Year, Ashura, the Prophet's birthday: by the Umm al-Qura calendar, through
``hijridate``) and the Hebrew year's (Passover, Rosh Hashanah, Yom Kippur: through ``convertdate``).

Only names that say one day are read: "Christmas" alone is a season ("before Christmas"), so only
"on Christmas", "Christmas Day" or "Christmas Eve" are; "réveillon" alone is either eve, so only
"réveillon de Noël" and "réveillon de la Saint-Sylvestre" are. A name that is also a common word
or a first name is matched with its capital only (Polish "Wigilia", Christmas Eve, against
"wigilia wyborów", the eve of an election). A feast of many days (Ramadan, Hanukkah) is none.

Example:
    >>> from datetime import datetime
    >>> [(t.text, t.value.date().isoformat())
    ...  for t in holiday_expressions("Fires broke out on New Year's Eve.", "en", datetime(2020, 1, 3))]
    [("New Year's Eve", '2019-12-31')]
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache

from convertdate import hebrew
from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter
from hijridate import Gregorian, Hijri

from newsweave.records import TimeExpression, TimePrecision


def _fourth_thursday_of_november(year: int) -> date:
    first = date(year, 11, 1)
    return first + timedelta(days=(3 - first.weekday()) % 7 + 21)


def _from_easter(days: int, method: int = EASTER_WESTERN) -> Callable[[int], date]:
    return lambda year: easter(year, method) + timedelta(days=days)


Occurrences = Callable[[date], list[date]]  # a holiday's days in the years around a given day


def _yearly(day_of: Callable[[int], date]) -> Occurrences:
    """A holiday of the Gregorian year: its day in the year before, of and after."""
    return lambda near: [day_of(year) for year in range(near.year - 1, near.year + 2)]


def _hijri(month: int, day: int, *, days: int = 0) -> Occurrences:
    """A holiday of the Islamic year, by the Umm al-Qura calendar (Saudi Arabia's; other countries
    may keep it a day apart, as they sight the new moon): its day in three Hijri years around."""

    def occurrences(near: date) -> list[date]:
        year = Gregorian(near.year, near.month, near.day).to_hijri().year
        return [Hijri(y, month, day).to_gregorian() + timedelta(days=days) for y in range(year - 1, year + 2)]

    return occurrences


def _hebrew(month: int, day: int) -> Occurrences:
    """A holiday of the Hebrew year (months numbered from Nisan): its day in three years around."""

    def occurrences(near: date) -> list[date]:
        with warnings.catch_warnings():  # convertdate 2.5 calls its own deprecated month_days
            warnings.simplefilter("ignore", DeprecationWarning)
            year = hebrew.from_gregorian(near.year, near.month, near.day)[0]
            return [date(*hebrew.to_gregorian(y, month, day)) for y in range(year - 1, year + 2)]

    return occurrences


# Each holiday's days around a given day.
DAYS: dict[str, Occurrences] = {
    "new_years_eve": _yearly(lambda year: date(year, 12, 31)),
    "new_years_day": _yearly(lambda year: date(year, 1, 1)),
    "christmas_eve": _yearly(lambda year: date(year, 12, 24)),
    "christmas": _yearly(lambda year: date(year, 12, 25)),
    "boxing_day": _yearly(lambda year: date(year, 12, 26)),
    "orthodox_christmas_eve": _yearly(lambda year: date(year, 1, 6)),
    "orthodox_christmas": _yearly(lambda year: date(year, 1, 7)),
    "halloween": _yearly(lambda year: date(year, 10, 31)),
    "valentines_day": _yearly(lambda year: date(year, 2, 14)),
    "good_friday": _yearly(_from_easter(-2)),
    "easter": _yearly(_from_easter(0)),
    "easter_monday": _yearly(_from_easter(1)),
    "orthodox_good_friday": _yearly(_from_easter(-2, EASTER_ORTHODOX)),
    "orthodox_easter": _yearly(_from_easter(0, EASTER_ORTHODOX)),
    "thanksgiving": _yearly(_fourth_thursday_of_november),
    "islamic_new_year": _hijri(1, 1),
    "ashura": _hijri(1, 10),
    "mawlid": _hijri(3, 12),
    "eid_al_fitr_eve": _hijri(10, 1, days=-1),  # Ramadan's last day, however long the month ran
    "eid_al_fitr": _hijri(10, 1),
    "day_of_arafah": _hijri(12, 9),
    "eid_al_adha": _hijri(12, 10),
    "passover_eve": _hebrew(1, 14),
    "passover": _hebrew(1, 15),
    "rosh_hashanah": _hebrew(7, 1),
    "yom_kippur": _hebrew(7, 10),
}

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
        "eid_al_fitr": "Eid al-Fitr|Eid ul-Fitr|Eid-ul-Fitr|Eid el-Fitr|Eid al Fitr|Eid-al-Fitr",
        "eid_al_adha": "Eid al-Adha|Eid ul-Adha|Eid-ul-Adha|Eid el-Adha|Eid al Adha|Eid-al-Adha",
        "islamic_new_year": "Islamic New Year|Hijri New Year",
        "ashura": "<on >Ashura|day of Ashura",
        "passover_eve": "eve of Passover|Passover eve",
        "passover": "first day of Passover|<on >Passover",
        "rosh_hashanah": "Rosh Hashanah|Rosh Hashana",
        "yom_kippur": "Yom Kippur",
    },
    "de": {
        "new_years_eve": "Silvester|Silvesternacht|Silvesterabend|Silvestertag",
        "new_years_day": "Neujahr|Neujahrstag",
        "christmas_eve": "Heiligabend|Heiligen Abend|Heiligem Abend|Weihnachtsabend",
        "christmas": "ersten Weihnachtsfeiertag|erster Weihnachtsfeiertag|<an >Weihnachten",
        "boxing_day": "zweiten Weihnachtsfeiertag|zweiter Weihnachtsfeiertag|Stephanstag",
        "valentines_day": "Valentinstag",
        "eid_al_fitr": "Zuckerfest|Fest des Fastenbrechens",
        "eid_al_adha": "Opferfest",
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
        "eid_al_fitr": "Aïd el-Fitr|Aïd al-Fitr|Aïd el-Séghir",
        "eid_al_adha": "Aïd el-Kébir|Aïd al-Adha|Aïd el-Adha",
        "rosh_hashanah": "Roch Hachana",
        "yom_kippur": "Yom Kippour",
        "good_friday": "Vendredi saint",
        "easter": "dimanche de Pâques|jour de Pâques",
        "easter_monday": "lundi de Pâques",
    },
    "es": {
        "new_years_eve": "Nochevieja|Noche Vieja|víspera de Año Nuevo|víspera del Año Nuevo",
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
        "passover": "еврейская Пасха|еврейскую Пасху|еврейской Пасхи|=Песах|=Песаха",
        "eid_al_fitr": "Ураза-байрам|Ураза-байрама",
        "eid_al_adha": "Курбан-байрам|Курбан-байрама",
        "rosh_hashanah": "Рош ха-Шана|Рош а-Шана",
        "yom_kippur": "Йом Кипур|Йом-Кипур",
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
    "tr": {
        "new_years_eve": "yılbaşı gecesi|yılbaşı gecesinde",
        "eid_al_fitr": "Ramazan Bayramı|Ramazan Bayramının ilk günü",
        "eid_al_adha": "Kurban Bayramı",
        "eid_al_fitr_eve": "Ramazan Bayramı arifesi|Ramazan Bayramı arifesinde",
        "day_of_arafah": "Kurban Bayramı arifesi|Kurban Bayramı arifesinde",
        "islamic_new_year": "Hicri Yılbaşı",
        "ashura": "Aşure Günü",
    },
    "ar": {
        "eid_al_fitr": "عيد الفطر|أول أيام عيد الفطر",
        "eid_al_adha": "عيد الأضحى|أول أيام عيد الأضحى",
        "day_of_arafah": "يوم عرفة|وقفة عرفات",
        "islamic_new_year": "رأس السنة الهجرية",
        "ashura": "يوم عاشوراء",
        "mawlid": "المولد النبوي",
        "christmas": "عيد الميلاد المجيد",
    },
    "fa": {"eid_al_fitr": "عید فطر", "eid_al_adha": "عید قربان", "ashura": "روز عاشورا"},
    "ur": {"eid_al_fitr": "عید الفطر", "eid_al_adha": "عید الاضحیٰ|عید الاضحی"},
    "id": {
        "eid_al_fitr": "Idul Fitri|Idulfitri|Hari Raya Idul Fitri|Hari Raya Aidilfitri",
        "eid_al_adha": "Idul Adha|Iduladha|Hari Raya Idul Adha|Hari Raya Haji",
        "christmas": "Hari Natal",
    },
    "he": {
        "passover_eve": "ערב פסח",
        "passover": "חג הפסח",
        "rosh_hashanah": "ראש השנה",
        "yom_kippur": "יום כיפור|יום הכיפורים|ביום כיפור",
    },
}
# Bosnian news, in the Latin script, is read with Croatian's names and days; Malay with Indonesian's.
NAMES["bs"] = NAMES["hr"]
NAMES["ms"] = NAMES["id"]

_PLACE_AFTER = re.compile(r"\s+(?:Island|Islands|Isle)\b")  # "on Christmas Island": a place
# "on Christmas break", "la parata di Capodanno": a season or a feast's event, not its day.
_SEASON_AFTER = re.compile(
    r"\s+(?:break|holidays?|vacation|season|shopping|party|parties|markets?|trees?|lights|cards?|gifts?|period"
    r"|weekend|Ferien|vacances|vacaciones)\b"
)
# "found on his doorstep one Christmas Day", "every Christmas Eve": some year's, or any.
_ANY_ONE_BEFORE = re.compile(r"(?<!\w)(?:one|a|an|every|each|any|some|chaque|jeden|jeder|jedes|cada|ogni)\s+$", re.I)
_YEAR_AFTER = re.compile(r"[\s,]*(?:(?:of|de|del|di|von)\s+)?((?:19|20)\d\d)(?!\d)")  # "Christmas Eve of 2019"


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
    occurrences = DAYS[key]
    try:
        if year is not None:
            return next((d for d in occurrences(date(year, 7, 1)) if d.year == year), None)
        if anchor is None:
            return None
        near = anchor.date()
        return min(occurrences(near), key=lambda d: (abs((d - near).days), d > near))  # a tie: the past one
    except (OverflowError, ValueError):  # a year beyond the Umm al-Qura tables (1924-2077)
        return None


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
