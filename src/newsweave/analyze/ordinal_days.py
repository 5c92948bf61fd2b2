"""Days of a month written as ordinal words, in the forms news writes them beside a month.

"čtvrtého prosince" (the fourth of December, Czech), "третьего декабря", "pierwszego stycznia",
"enaindvajsetega decembra", "двадесет и първи декември", "am vierten Dezember", "the fourth of
December": Slavic languages put the day in the genitive (Russian and Ukrainian also in the neuter
nominative, "первое декабря"), Bulgarian in the masculine nominative, German in the dative.
``analyze.times`` reads them beside a month's name. The tables are built from each language's
stems for 1-19 and the tens, its endings, and the way it joins twenty or thirty to a unit (no
library lists these inflected forms: num2words gives nominatives).

>>> ORDINAL_DAYS["cs"]["čtvrtého"], ORDINAL_DAYS["pl"]["dwudziestego pierwszego"], ORDINAL_DAYS["ru"]["третьего"]
(4, 21, 3)
>>> ORDINAL_DAY_NUMBERS["twenty-first"], ORDINAL_DAY_NUMBERS["enaintridesetega"]
(21, 31)
"""

from __future__ import annotations

# Stems of 1-9 and of 10-19, as the ordinal endings attach to them.
_UNITS = {
    "ru": "перв втор трет четвёрт пят шест седьм восьм девят",
    "uk": "перш друг трет четверт п'ят шост сьом восьм дев'ят",
    "pl": "pierwsz drugi trzeci czwart piąt szóst siódm ósm dziewiąt",
    "cs": "prvn druh třet čtvrt pát šest sedm osm devát",
    "sl": "prv drug tretj četrt pet šest sedm osm devet",
    "bg": "първ втор трет четвърт пет шест седм осм девет",
}
_TEENS = {
    "ru": "десят одиннадцат двенадцат тринадцат четырнадцат пятнадцат шестнадцат семнадцат восемнадцат девятнадцат",
    "uk": "десят одинадцят дванадцят тринадцят чотирнадцят п'ятнадцят шістнадцят сімнадцят вісімнадцят дев'ятнадцят",
    "pl": "dziesiąt jedenast dwunast trzynast czternast piętnast szesnast siedemnast osiemnast dziewiętnast",
    "cs": "desát jedenáct dvanáct třináct čtrnáct patnáct šestnáct sedmnáct osmnáct devatenáct",
    "sl": "deset enajst dvanajst trinajst štirinajst petnajst šestnajst sedemnajst osemnajst devetnajst",
    "bg": "десет единадесет дванадесет тринадесет четиринадесет петнадесет шестнадесет седемнадесет осемнадесет "
    "деветнадесет",
}
_TWENTY_THIRTY = {
    "ru": ("двадцат", "тридцат"),
    "uk": ("двадцят", "тридцят"),
    "pl": ("dwudziest", "trzydziest"),
    "cs": ("dvacát", "třicát"),
    "sl": ("dvajset", "trideset"),
    "bg": ("двадесет", "тридесет"),
}
_ENDINGS = {"ru": ("ого", "ое"), "uk": ("ого", "е"), "pl": ("ego",), "cs": ("ého",), "sl": ("ega",), "bg": ("и",)}
_IRREGULAR: dict[str, dict[str, tuple[str, ...]]] = {
    "ru": {"трет": ("третьего", "третье"), "четвёрт": ("четвёртого", "четвёртое", "четвертого", "четвертое")},
    "uk": {"трет": ("третього", "третє")},
    "pl": {"drugi": ("drugiego",), "trzeci": ("trzeciego",)},
    "cs": {"prvn": ("prvního",), "třet": ("třetího",)},
}
# How twenty-one is said: a cardinal ten and an ordinal unit ("двадцать первого"), both ordinal
# ("dwudziestego pierwszego", "dvacátého prvního"), or a unit glued before "in" and the ten
# (Slovene "enaindvajsetega").
_CARDINAL_TENS = {"ru": ("двадцать", "тридцать"), "uk": ("двадцять", "тридцять"), "bg": ("двадесет и", "тридесет и")}
_SLOVENE_UNITS = "ena dva tri štiri pet šest sedem osem devet"
_ENGLISH = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"""
_GERMAN = """ersten zweiten dritten vierten fünften sechsten siebten achten neunten zehnten elften zwölften
    dreizehnten vierzehnten fünfzehnten sechzehnten siebzehnten achtzehnten neunzehnten zwanzigsten"""
_GERMAN_UNITS = "ein zwei drei vier fünf sechs sieben acht neun"


def _forms(language: str, stem: str) -> tuple[str, ...]:
    return _IRREGULAR.get(language, {}).get(stem) or tuple(stem + ending for ending in _ENDINGS[language])


def _slavic(language: str) -> dict[str, int]:
    units = _UNITS[language].split()
    days = {form: day for day, stem in enumerate([*units, *_TEENS[language].split()], start=1)
            for form in _forms(language, stem)}  # fmt: skip
    for ten, stem in zip((20, 30), _TWENTY_THIRTY[language], strict=True):
        days.update(dict.fromkeys(_forms(language, stem), ten))
        for unit, unit_stem in enumerate(units[: 9 if ten == 20 else 1], start=1):
            for form in _forms(language, unit_stem):
                if language in _CARDINAL_TENS:
                    days[f"{_CARDINAL_TENS[language][ten == 30]} {form}"] = ten + unit
                elif language != "sl":
                    days.update({f"{ten_form} {form}": ten + unit for ten_form in _forms(language, stem)})
    if language == "sl":
        for unit, cardinal in enumerate(_SLOVENE_UNITS.split(), start=1):
            days[f"{cardinal}indvajsetega"] = 20 + unit
        days["enaintridesetega"] = 31
    return days


def _english() -> dict[str, int]:
    words = _ENGLISH.split()
    days = {word: day for day, word in enumerate(words, start=1)}
    days |= {f"twenty-{word}": 20 + day for day, word in enumerate(words[:9], start=1)}
    return days | {"thirtieth": 30, "thirty-first": 31}


def _german() -> dict[str, int]:
    days = {word: day for day, word in enumerate(_GERMAN.split(), start=1)}
    days |= {f"{unit}undzwanzigsten": 20 + day for day, unit in enumerate(_GERMAN_UNITS.split(), start=1)}
    return days | {"dreißigsten": 30, "einunddreißigsten": 31}


ORDINAL_DAYS: dict[str, dict[str, int]] = {language: _slavic(language) for language in _UNITS} | {
    "en": _english(),
    "de": _german(),
}
ORDINAL_DAY_NUMBERS: dict[str, int] = {word: day for days in ORDINAL_DAYS.values() for word, day in days.items()}
