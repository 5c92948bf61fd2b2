"""Dates in an article's text, absolute and relative, resolved against its publication date.

Absolute dates ("24 November 2017", "le 23 novembre", "23.11.2017", "November 24", "in March",
"in 2015") are read with shape patterns; month and weekday names in fifteen languages come from
dateparser's locale data (full names only: "mar" or "вт" alone are too ambiguous). Relative
expressions ("yesterday", "on the eve", "mardi", "вчера", "накануне", "last week", "two days
ago", "this morning") come from a lexicon per language, because dateparser's ``search_dates``
costs tens of milliseconds an article and finds dates in ordinary words ("may", "second").

Resolution follows news conventions: a weekday is the most recent such day on or before the
publication date (the anchor); "on the eve" is the day before the anchor, or before the date it
names ("on the eve of 24 November"); a day and month without a year take the year that puts
them nearest the anchor. Without an anchor, relative expressions and yearless dates are skipped
(their value cannot be known), and absolute dates are still returned.

Languages: en, fr, de, es, it, pt, nl, ru, uk, pl, cs, ar, bg, sl, tr; ``language=None`` tries them all. In
any other language CLDR names months in, a day beside a month's name ("19 Kasım 2019") and the
CJK dates ("2019年7月19日") are read too (``analyze.date_shapes``).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo
from functools import lru_cache
from typing import Any

from newsweave.analyze.date_shapes import DayMonth, day_month_dates, day_month_spans
from newsweave.analyze.entities.morphology import VERB_LANGUAGES, is_future_verb, may_be_genitive
from newsweave.analyze.holidays import holiday_expressions
from newsweave.analyze.ordinal_days import ORDINAL_DAY_NUMBERS, ORDINAL_DAYS
from newsweave.analyze.sentences import sentence_spans
from newsweave.records import TimeExpression, TimePrecision


def _words(text: str) -> list[str]:
    """The words of a space-separated list (easier to read and extend than a list literal)."""
    return text.split()


LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sk", "ar", "bg", "sl", "hr", "sr", "tr", "id",
    "ms", "vi",
)  # fmt: skip
# Read by ``cjk_times`` besides: relative dates glued into text without spaces.
CJK_TIME_LANGUAGES = frozenset({"zh", "ja", "ko", "th"})  # Thai writes no spaces between its words either
# Languages whose months the lexicon knows only as dateparser names them (Slovene "15. marca",
# Turkish "19 Kasım'da"): a day beside a month's name is also read from CLDR's forms for them.
_CLDR_MONTHS_TOO = frozenset({"bg", "sl", "hr", "sk", "sr", "tr", "vi"})
_MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")  # fmt: skip
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT_MONTHS = {"may", "mai", "май", "мая", "maj", "mei", "mag", "юни", "юли"}  # full names of three letters
# Month forms dateparser lacks: after "in" Slavic languages put the month in the locative case.
_EXTRA_MONTHS = {
    "ru": "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре",
    "uk": "січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні",
    "pl": "styczniu lutym marcu kwietniu maju czerwcu lipcu sierpniu wrześniu październiku listopadzie grudniu",
    "cs": "lednu únoru březnu dubnu květnu červnu červenci srpnu září říjnu listopadu prosinci",
    # Slovene writes a date's month in the genitive ("15. marca 2020"), which dateparser lacks, and
    # "in September" in the locative ("v septembru"); after "pred"/"s" the instrumental ("pred 29. oktobrom").
    "sl": "januarja februarja marca aprila maja junija julija avgusta septembra oktobra novembra decembra "
    "januarju februarju marcu aprilu maju juniju juliju avgustu septembru oktobru novembru decembru "
    "januarjem februarjem marcem aprilom majem junijem julijem avgustom septembrom oktobrom novembrom decembrom",
    "sk": "januári februári marci apríli máji júni júli auguste septembri októbri novembri decembri",
    # Serbian in both scripts: dateparser's "sr" is Cyrillic nominatives; the locative after "у"/"u"
    # ("у јануару"), the Latin script's names, and the genitive of a date ("5. јануара 2020.").
    "sr": "јануару фебруару марту априлу мају јуну јулу августу септембру октобру новембру децембру "
    "januar februar mart april maj jun jul avgust septembar oktobar novembar decembar "
    "januaru februaru martu aprilu maju junu julu avgustu septembru oktobru novembru decembru "
    "јануара фебруара марта априла маја јуна јула августа септембра октобра новембра децембра "
    "januara februara marta aprila maja juna jula avgusta septembra oktobra novembra decembra",
}
# Months a language writes alone for "in <month>": Slovene's genitive ("To se je zgodilo septembra",
# it happened in September), lowercase only (a capital "Maja" is a name).
_MONTHS_ALONE = {"sl": " ".join(_EXTRA_MONTHS["sl"].split()[:12])}  # the genitives
# Month abbreviations written without their period, as Russian agencies date their reports
# ("МОСКВА, 14 янв - РИА Новости"); none is a word of the language.
# English ones with their period, as American news style dates everything ("on Feb. 11", "Sept. 5"):
# with the period, none is a word.
_ABBREVIATED_MONTHS = {
    "ru": {"янв": 1, "фев": 2, "мар": 3, "апр": 4, "июн": 6, "июл": 7, "авг": 8, "сен": 9, "сент": 9, "окт": 10,
           "ноя": 11, "нояб": 11, "дек": 12},
    "en": {"jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8, "sep.": 9, "sept.": 9,
           "oct.": 10, "nov.": 11, "dec.": 12},
}  # fmt: skip
# Weekday forms dateparser lacks: Slovene's accusative after "v" ("v soboto") and genitive
# after "od"/"do" ("od četrtka").
_EXTRA_WEEKDAYS = {
    "sl": {"sredo": 2, "soboto": 5, "nedeljo": 6, "ponedeljka": 0, "torka": 1, "srede": 2, "četrtka": 3,
           "petka": 4, "sobote": 5, "nedelje": 6},
    "hr": {"srijedu": 2, "subotu": 5, "nedjelju": 6},  # accusative after "u": "u srijedu"
    "sr": {"среду": 2, "суботу": 5, "недељу": 6, "ponedeljak": 0, "utorak": 1, "sredu": 2, "četvrtak": 3,
           "petak": 4, "subotu": 5, "nedelju": 6},
    "sk": {"stredu": 2, "sobotu": 5, "nedeľu": 6},  # after "v": "v stredu"
    # The genitive after "from", "since" and "until": "z wtorku na środę", "со вторника", "до пятницы".
    "pl": {"poniedziałku": 0, "wtorku": 1, "środy": 2, "czwartku": 3, "piątku": 4, "soboty": 5, "niedzieli": 6},
    "ru": {"понедельника": 0, "вторника": 1, "среды": 2, "четверга": 3, "пятницы": 4, "субботы": 5,
           "воскресенья": 6},
    "uk": {"понеділка": 0, "вівторка": 1, "середи": 2, "четверга": 3, "п'ятниці": 4, "п’ятниці": 4, "суботи": 5,
           "неділі": 6, "п’ятницю": 4, "п’ятниця": 4},  # and the typographic apostrophe's
    "cs": {"čtvrtka": 3},
    "tr": {"salı": 1, "cuma": 4},  # four letters, below CLDR names' length floor; led as the others are
    "id": {"rabu": 2, "ahad": 6},
    "ms": {"rabu": 2, "ahad": 6},
}  # fmt: skip
# Slavic weekday names double as nouns ("среда": environment), Arabic ones as numerals
# ("الاثنين": the two), Portuguese short ones as ordinals ("quarta", "sexta"): they count
# only after the preposition or word that makes them a day.
# "From", "since" and "until" lead a day too, and the night before one ("в ночь на пятницу", "v noci
# na středu"), and "на"/"na", the day something is set for or as of ("перенесли на пятницу",
# "станом на п'ятницю", "przełożone na środę"); Russian "на среду" only after a word that sets a
# date (``_SET_FOR_WEDNESDAY``): it is also "on the environment" ("влияние на среду", "на среду обитания").
_WEEKDAY_LEAD = {
    "ru": r"(?:в|во|с|со|до|в\s+ночь\s+на|на)\s+", "uk": r"(?:в|у|во|з|із|від|до|на|(?:в|у)\s+ніч\s+на)\s+",
    "pl": r"(?:w|we|z|ze|od|do|na)\s+", "cs": r"(?:v|ve|od|do|z|ze|v\s+noci\s+na)\s+",
    "ar": r"(?:يوم|ليلة)\s+", "bg": r"(?:в|във)\s+", "sl": r"(?:v|ob|od|do|v\s+noči\s+na)\s+", "hr": r"(?:u|od|do)\s+",
    "sr": r"(?:у|u|од|od|до|do)\s+",
    "sk": r"(?:v|vo|od|do)\s+",
    # "Pazar" is also a market, "Cuma" Friday's prayer: a day after "geçen"/"bu" or before "günü"
    "tr": r"(?:(?:geçen|bu)\s+|(?=\w+\s+gün[üu](?!\w)))",
    # Indonesian "Minggu" is Sunday and "week": a day after "pada", "hari", "sejak"…
    "id": r"(?:pada|hari|pada\s+hari|sejak|hingga|sampai)\s+",
    "ms": r"(?:pada|hari|pada\s+hari|sejak|hingga|sehingga)\s+",
    # Vietnamese "thứ hai" is Monday and "second": a day after "vào", "hôm", "sáng"…
    "vi": r"(?:vào|hôm|ngày|sáng|chiều|tối|đêm|từ|đến)\s+",
}  # fmt: skip
# A bare month name ("March", "mars", "мае") is a date only after one of these words. A part of the
# month before its genitive ("во второй половине января", "w drugim tygodniu stycznia", "на початок
# грудня") is read as the month, the precision the part's words leave.
_MONTH_LEAD = {
    "en": "in|since|until|till|by|from|during|early|late|mid|last|next|this|of|end of|beginning of",
    "fr": "en|depuis|début|fin|mi|courant|jusqu'en|d'ici|dès",
    "de": "im|seit|bis|ab|anfang|ende|mitte|seit dem",
    "es": "en|desde|hasta|principios de|finales de|mediados de|el pasado|el próximo",
    "it": "a|in|da|fino a|inizio|fine|metà|lo scorso|il prossimo",
    "pt": "em|desde|até|início de|final de|meados de",
    "nl": "in|sinds|tot|begin|eind|half",
    "ru": "в|с|до|к|начале|конце|середине|прошлом|этом|конца|начала|середины|начало|конец|середина|половине|"
    "половины|декаде|декады|неделе",
    "uk": "в|у|з|до|на початку|наприкінці|в середині|кінця|початку|середини|початок|кінець|середина|половині|"
    "половини|декаді|тижні",
    "pl": "w|we|od|do|na początku|pod koniec|w połowie|końca|początku|połowy|połowie|tygodniu|tygodnia|dekadzie|"
    "przełomie",
    "cs": "v|od|do|začátkem|koncem|v polovině|počátkem|začátku|počátku|konce|poloviny|polovině|týdnu|přelomu",
    "ar": "في|منذ|حتى|خلال|مطلع|أواخر|منتصف",
    "bg": "в|от|до|през|началото на|края на|средата на",
    "sl": "v|od|do|konec|začetek|sredi|konca|začetka|sredine|polovici|polovice|tednu",
    "hr": "u|od|do|početkom|krajem|sredinom|početka|kraja|sredine|polovici|polovine|tjednu",
    "sr": "у|u|од|od|до|do|почетком|početkom|крајем|krajem|средином|sredinom",
    "sk": "v|od|do|začiatkom|koncom|v polovici|začiatku|konca|polovice|polovici|týždni|prelome",
    "tr": "geçen|bu|gelecek",
    "id": "pada|sejak|hingga|sampai|awal|akhir|pertengahan|bulan|pada bulan",
    "ms": "pada|sejak|hingga|sehingga|awal|akhir|pertengahan|bulan|pada bulan",
    "vi": "vào|từ|đến|cuối|đầu|giữa|trong",
}
_YEAR_LEAD = {
    "en": "in|since|until|by|from|during|of|early|late", "fr": "en|depuis|jusqu'en|dès|d'ici",
    "de": "im jahr|seit|bis|ab", "es": "en|desde|hasta", "it": "nel|dal|fino al|entro il",
    "pt": "em|desde|até", "nl": "in|sinds|tot", "ru": "в|с|до|к", "uk": "в|у|з|до", "pl": "w|od|do",
    "cs": "v|od|do|roku|roce", "ar": "في|منذ|عام|حتى", "bg": "в|от|до|през", "sl": "v|od|do|leta|letu",
    "hr": "u|od|do|godine|godini", "sk": "v|od|do|roku|roka", "sr": "у|u|од|od|до|do|године|godine",
    "tr": "",  # Turkish puts its year word after the year ("2019 yılında"): no bare year is read
    "id": "pada tahun|sejak tahun|hingga tahun|tahun", "ms": "pada tahun|sejak tahun|hingga tahun|tahun",
    "vi": "năm|vào năm|từ năm|đến năm",
}  # fmt: skip

# Words for "year" that follow a year's number, in any of the languages ("2020 года", "do końca
# 2020 roku", "1960 r.", "2019 yılında"): the number is then a year, whatever precedes it.
_YEAR_WORDS = r"г\.|года|году|год|року|рік|р\.|roku|rok|r\.|година|години|yıl\w*"

# Relative expressions: phrase -> (unit, amount). Units: day, week, month, year, and part of
# day names (morning, afternoon, evening, night), which set an hour on a day offset. "eve" is
# the day before the anchor or before the date the phrase names.
_D, _W, _M, _Y = "day", "week", "month", "year"
_RELATIVE: dict[str, dict[str, tuple[str, int]]] = {
    "en": {"today": (_D, 0), "yesterday": (_D, -1), "the day before yesterday": (_D, -2), "tomorrow": (_D, 1),
           "on the eve": ("eve", -1), "the eve": ("eve", -1), "the day before": ("eve", -1),
           "the previous day": ("eve", -1),
           "this morning": ("morning", 0), "this afternoon": ("afternoon", 0), "this evening": ("evening", 0),
           "tonight": ("evening", 0), "last night": ("night", -1), "yesterday morning": ("morning", -1),
           "yesterday afternoon": ("afternoon", -1), "yesterday evening": ("evening", -1),
           "last week": (_W, -1), "this week": (_W, 0), "next week": (_W, 1), "last month": (_M, -1),
           "this month": (_M, 0), "next month": (_M, 1), "last year": (_Y, -1), "this year": (_Y, 0),
           "next year": (_Y, 1), "the week ahead": (_W, 1), "the coming week": (_W, 1), "the month ahead": (_M, 1),
           "the coming month": (_M, 1), "the year ahead": (_Y, 1), "the coming year": (_Y, 1)},
    "fr": {"aujourd'hui": (_D, 0), "aujourd’hui": (_D, 0), "hier": (_D, -1), "avant-hier": (_D, -2),
           "demain": (_D, 1), "la veille": ("eve", -1), "à la veille": ("eve", -1), "ce matin": ("morning", 0),
           "cet après-midi": ("afternoon", 0), "ce soir": ("evening", 0), "cette nuit": ("night", 0),
           "hier matin": ("morning", -1), "hier après-midi": ("afternoon", -1), "hier soir": ("evening", -1),
           "la semaine dernière": (_W, -1), "cette semaine": (_W, 0), "la semaine prochaine": (_W, 1),
           "le mois dernier": (_M, -1), "ce mois-ci": (_M, 0), "l'année dernière": (_Y, -1),
           "l’année dernière": (_Y, -1), "l'an dernier": (_Y, -1), "l’an dernier": (_Y, -1),
           "l'an passé": (_Y, -1), "cette année": (_Y, 0)},
    "de": {"heute": (_D, 0), "gestern": (_D, -1), "vorgestern": (_D, -2), "morgen": (_D, 1),
           "am vortag": ("eve", -1), "am vorabend": ("eve", -1), "tags zuvor": ("eve", -1),
           "heute morgen": ("morning", 0), "heute früh": ("morning", 0), "heute nachmittag": ("afternoon", 0),
           "heute abend": ("evening", 0), "gestern morgen": ("morning", -1), "gestern abend": ("evening", -1),
           "letzte nacht": ("night", -1), "in der nacht": ("night", 0), "vergangene woche": (_W, -1),
           "letzte woche": (_W, -1), "letzten woche": (_W, -1), "vergangenen woche": (_W, -1),
           "diese woche": (_W, 0), "nächste woche": (_W, 1), "letzten monat": (_M, -1),
           "vergangenen monat": (_M, -1), "letztes jahr": (_Y, -1), "vergangenes jahr": (_Y, -1),
           "vergangenen jahr": (_Y, -1), "dieses jahr": (_Y, 0), "in diesem jahr": (_Y, 0)},
    "es": {"hoy": (_D, 0), "ayer": (_D, -1), "anteayer": (_D, -2), "antes de ayer": (_D, -2),
           "la víspera": ("eve", -1), "el día anterior": ("eve", -1), "esta mañana": ("morning", 0),
           "esta tarde": ("afternoon", 0), "esta noche": ("evening", 0), "ayer por la mañana": ("morning", -1),
           "ayer por la tarde": ("afternoon", -1), "anoche": ("night", -1), "la semana pasada": (_W, -1),
           "esta semana": (_W, 0), "la próxima semana": (_W, 1), "el mes pasado": (_M, -1),
           "este mes": (_M, 0), "el año pasado": (_Y, -1), "este año": (_Y, 0)},
    "it": {"oggi": (_D, 0), "ieri": (_D, -1), "l'altro ieri": (_D, -2), "domani": (_D, 1),
           "alla vigilia": ("eve", -1), "il giorno prima": ("eve", -1), "il giorno precedente": ("eve", -1),
           "stamattina": ("morning", 0), "stamani": ("morning", 0), "questa mattina": ("morning", 0),
           "oggi pomeriggio": ("afternoon", 0), "stasera": ("evening", 0), "stanotte": ("night", 0),
           "ieri mattina": ("morning", -1), "ieri sera": ("evening", -1), "la settimana scorsa": (_W, -1),
           "la scorsa settimana": (_W, -1), "questa settimana": (_W, 0), "il mese scorso": (_M, -1),
           "lo scorso anno": (_Y, -1), "l'anno scorso": (_Y, -1), "quest'anno": (_Y, 0)},
    "pt": {"hoje": (_D, 0), "ontem": (_D, -1), "anteontem": (_D, -2), "amanhã": (_D, 1),
           "na véspera": ("eve", -1), "no dia anterior": ("eve", -1), "esta manhã": ("morning", 0),
           "hoje de manhã": ("morning", 0), "esta tarde": ("afternoon", 0), "esta noite": ("evening", 0),
           "ontem à noite": ("evening", -1), "na semana passada": (_W, -1), "semana passada": (_W, -1),
           "esta semana": (_W, 0), "no mês passado": (_M, -1), "mês passado": (_M, -1),
           "no ano passado": (_Y, -1), "ano passado": (_Y, -1), "este ano": (_Y, 0)},
    "nl": {"vandaag": (_D, 0), "gisteren": (_D, -1), "eergisteren": (_D, -2), "morgen": (_D, 1),
           "de dag ervoor": ("eve", -1), "vanochtend": ("morning", 0), "vanmorgen": ("morning", 0),
           "vanmiddag": ("afternoon", 0), "vanavond": ("evening", 0), "vannacht": ("night", 0),
           "gisteravond": ("evening", -1), "vorige week": (_W, -1), "deze week": (_W, 0),
           "vorige maand": (_M, -1), "vorig jaar": (_Y, -1), "dit jaar": (_Y, 0)},
    "ru": {"сегодня": (_D, 0), "вчера": (_D, -1), "позавчера": (_D, -2), "завтра": (_D, 1),
           "накануне": ("eve", -1), "днём ранее": ("eve", -1), "днем ранее": ("eve", -1),
           "сегодня утром": ("morning", 0), "этим утром": ("morning", 0), "сегодня днём": ("afternoon", 0),
           "сегодня вечером": ("evening", 0), "сегодня ночью": ("night", 0), "вчера утром": ("morning", -1),
           "вчера днём": ("afternoon", -1), "вчера вечером": ("evening", -1), "вчера ночью": ("night", -1),
           "прошлой ночью": ("night", -1), "на прошлой неделе": (_W, -1), "на этой неделе": (_W, 0),
           "на следующей неделе": (_W, 1), "в прошлом месяце": (_M, -1), "в этом месяце": (_M, 0),
           "в прошлом году": (_Y, -1), "в этом году": (_Y, 0), "в следующем году": (_Y, 1),
           # the same in the cases other prepositions take ("за прошлый год", "до конца этого года")
           "прошлый год": (_Y, -1), "прошлого года": (_Y, -1), "этого года": (_Y, 0), "текущего года": (_Y, 0),
           "в текущем году": (_Y, 0), "следующий год": (_Y, 1), "следующего года": (_Y, 1),
           "прошлой недели": (_W, -1), "этой недели": (_W, 0), "следующей недели": (_W, 1),
           "прошлого месяца": (_M, -1), "этого месяца": (_M, 0), "следующего месяца": (_M, 1)},
    "uk": {"сьогодні": (_D, 0), "вчора": (_D, -1), "учора": (_D, -1), "позавчора": (_D, -2), "завтра": (_D, 1),
           "напередодні": ("eve", -1), "сьогодні вранці": ("morning", 0), "сьогодні ввечері": ("evening", 0),
           "вчора ввечері": ("evening", -1), "минулої ночі": ("night", -1), "минулого тижня": (_W, -1),
           "цього тижня": (_W, 0), "минулого місяця": (_M, -1), "минулого року": (_Y, -1),
           "цього року": (_Y, 0), "наступного тижня": (_W, 1), "цього місяця": (_M, 0),
           "наступного місяця": (_M, 1), "минулий рік": (_Y, -1), "торік": (_Y, -1), "цьогоріч": (_Y, 0),
           "поточного року": (_Y, 0), "наступного року": (_Y, 1), "наступний рік": (_Y, 1)},
    "pl": {"dziś": (_D, 0), "dzisiaj": (_D, 0), "wczoraj": (_D, -1), "przedwczoraj": (_D, -2), "jutro": (_D, 1),
           "w przeddzień": ("eve", -1), "poprzedniego dnia": ("eve", -1), "dzień wcześniej": ("eve", -1),
           "dziś rano": ("morning", 0), "dzisiaj rano": ("morning", 0), "wczoraj wieczorem": ("evening", -1),
           "zeszłej nocy": ("night", -1), "w zeszłym tygodniu": (_W, -1), "w ubiegłym tygodniu": (_W, -1),
           "w tym tygodniu": (_W, 0), "w zeszłym miesiącu": (_M, -1), "w ubiegłym miesiącu": (_M, -1),
           "w zeszłym roku": (_Y, -1), "w ubiegłym roku": (_Y, -1), "w tym roku": (_Y, 0),
           "zeszłego roku": (_Y, -1), "ubiegłego roku": (_Y, -1), "zeszły rok": (_Y, -1), "ubiegły rok": (_Y, -1),
           "tego roku": (_Y, 0), "bieżącego roku": (_Y, 0), "w bieżącym roku": (_Y, 0),
           "w przyszłym roku": (_Y, 1), "przyszłego roku": (_Y, 1), "przyszły rok": (_Y, 1),
           "w przyszłym tygodniu": (_W, 1), "przyszłego tygodnia": (_W, 1), "zeszłego tygodnia": (_W, -1),
           "ubiegłego tygodnia": (_W, -1), "w tym miesiącu": (_M, 0), "tego miesiąca": (_M, 0),
           "w przyszłym miesiącu": (_M, 1)},
    "cs": {"dnes": (_D, 0), "včera": (_D, -1), "předevčírem": (_D, -2), "zítra": (_D, 1),
           "předchozího dne": ("eve", -1), "den předtím": ("eve", -1), "v předvečer": ("eve", -1),
           "dnes ráno": ("morning", 0), "dnes večer": ("evening", 0), "včera večer": ("evening", -1),
           "minulý týden": (_W, -1), "tento týden": (_W, 0), "minulý měsíc": (_M, -1), "loni": (_Y, -1),
           "minulý rok": (_Y, -1), "letos": (_Y, 0), "minulého roku": (_Y, -1), "tohoto roku": (_Y, 0),
           "letošního roku": (_Y, 0), "příští rok": (_Y, 1), "příštího roku": (_Y, 1), "příští týden": (_W, 1),
           "příští měsíc": (_M, 1), "tento měsíc": (_M, 0), "minulého týdne": (_W, -1)},
    "ar": {"اليوم": (_D, 0), "أمس": (_D, -1), "الأمس": (_D, -1), "امس": (_D, -1), "غدا": (_D, 1),
           "أول أمس": (_D, -2), "قبل يومين": (_D, -2), "عشية": ("eve", -1),
           "صباح اليوم": ("morning", 0), "مساء اليوم": ("evening", 0),
           "مساء أمس": ("evening", -1), "الأسبوع الماضي": (_W, -1), "هذا الأسبوع": (_W, 0),
           "الشهر الماضي": (_M, -1), "العام الماضي": (_Y, -1), "هذا العام": (_Y, 0)},
    "bg": {"днес": (_D, 0), "вчера": (_D, -1), "завчера": (_D, -2), "онзи ден": (_D, -2), "утре": (_D, 1),
           "в навечерието": ("eve", -1), "предния ден": ("eve", -1), "ден по-рано": ("eve", -1),
           "тази сутрин": ("morning", 0), "днес сутринта": ("morning", 0), "тази вечер": ("evening", 0),
           "снощи": ("evening", -1), "вчера вечерта": ("evening", -1), "миналата седмица": (_W, -1),
           "тази седмица": (_W, 0), "следващата седмица": (_W, 1), "миналия месец": (_M, -1),
           "този месец": (_M, 0), "миналата година": (_Y, -1), "тази година": (_Y, 0),
           "лани": (_Y, -1), "следващата година": (_Y, 1), "догодина": (_Y, 1), "следващия месец": (_M, 1)},
    "hr": {"danas": (_D, 0), "jučer": (_D, -1), "jučerašnji dan": (_D, -1), "prekjučer": (_D, -2),
           "sutra": (_D, 1), "dan ranije": ("eve", -1), "dan prije": ("eve", -1), "jutros": ("morning", 0),
           "večeras": ("evening", 0), "sinoć": ("evening", -1), "jučer navečer": ("evening", -1),
           "prošli tjedan": (_W, -1), "prošlog tjedna": (_W, -1), "proteklog tjedna": (_W, -1),
           "ovaj tjedan": (_W, 0), "ovog tjedna": (_W, 0), "ovoga tjedna": (_W, 0), "sljedeći tjedan": (_W, 1),
           "sljedećeg tjedna": (_W, 1), "idući tjedan": (_W, 1), "idućeg tjedna": (_W, 1),
           "prošli mjesec": (_M, -1), "prošlog mjeseca": (_M, -1), "ovaj mjesec": (_M, 0), "ovog mjeseca": (_M, 0),
           "sljedeći mjesec": (_M, 1), "sljedećeg mjeseca": (_M, 1), "idućeg mjeseca": (_M, 1),
           "prošle godine": (_Y, -1), "protekle godine": (_Y, -1), "lani": (_Y, -1), "ove godine": (_Y, 0),
           "sljedeće godine": (_Y, 1), "iduće godine": (_Y, 1), "dogodine": (_Y, 1)},
    "sr": {"данас": (_D, 0), "danas": (_D, 0), "јуче": (_D, -1), "juče": (_D, -1), "прекјуче": (_D, -2),
           "prekjuče": (_D, -2), "сутра": (_D, 1), "sutra": (_D, 1), "дан раније": ("eve", -1),
           "dan ranije": ("eve", -1), "јутрос": ("morning", 0), "jutros": ("morning", 0), "вечерас": ("evening", 0),
           "večeras": ("evening", 0), "синоћ": ("evening", -1), "sinoć": ("evening", -1),
           "прошле недеље": (_W, -1), "prošle nedelje": (_W, -1), "ове недеље": (_W, 0), "ove nedelje": (_W, 0),
           "следеће недеље": (_W, 1), "sledeće nedelje": (_W, 1), "прошлог месеца": (_M, -1),
           "prošlog meseca": (_M, -1), "овог месеца": (_M, 0), "ovog meseca": (_M, 0), "следећег месеца": (_M, 1),
           "sledećeg meseca": (_M, 1), "прошле године": (_Y, -1), "prošle godine": (_Y, -1), "лане": (_Y, -1),
           "ове године": (_Y, 0), "ove godine": (_Y, 0), "следеће године": (_Y, 1), "sledeće godine": (_Y, 1)},
    "sk": {"dnes": (_D, 0), "včera": (_D, -1), "predvčerom": (_D, -2), "zajtra": (_D, 1),
           "deň predtým": ("eve", -1), "v predvečer": ("eve", -1), "dnes ráno": ("morning", 0),
           "dnes večer": ("evening", 0), "včera večer": ("evening", -1), "minulý týždeň": (_W, -1),
           "minulého týždňa": (_W, -1), "tento týždeň": (_W, 0), "tohto týždňa": (_W, 0),
           "budúci týždeň": (_W, 1), "budúceho týždňa": (_W, 1), "minulý mesiac": (_M, -1),
           "minulého mesiaca": (_M, -1), "tento mesiac": (_M, 0), "budúci mesiac": (_M, 1), "vlani": (_Y, -1),
           "minulý rok": (_Y, -1), "minulého roka": (_Y, -1), "minulého roku": (_Y, -1), "tento rok": (_Y, 0),
           "tohto roku": (_Y, 0), "tohto roka": (_Y, 0), "budúci rok": (_Y, 1), "budúceho roka": (_Y, 1),
           "budúceho roku": (_Y, 1)},
    "sl": {"danes": (_D, 0), "včeraj": (_D, -1), "predvčerajšnjim": (_D, -2), "jutri": (_D, 1),
           "dan prej": ("eve", -1), "dan poprej": ("eve", -1), "na predvečer": ("eve", -1),
           "danes zjutraj": ("morning", 0), "davi": ("morning", 0), "nocoj": ("evening", 0),
           "sinoči": ("evening", -1), "včeraj zvečer": ("evening", -1), "prejšnji teden": (_W, -1),
           "minuli teden": (_W, -1), "ta teden": (_W, 0), "prihodnji teden": (_W, 1),
           "prejšnji mesec": (_M, -1), "lani": (_Y, -1), "letos": (_Y, 0),
           # Slovene's cases after its prepositions ("v minulem letu", "do konca tega meseca")
           "prihodnje leto": (_Y, 1), "prihodnjega leta": (_Y, 1), "prihodnjem letu": (_Y, 1),
           "naslednje leto": (_Y, 1), "naslednjega leta": (_Y, 1), "minulo leto": (_Y, -1),
           "minulega leta": (_Y, -1), "minulem letu": (_Y, -1), "lansko leto": (_Y, -1), "lanskega leta": (_Y, -1),
           "lanskem letu": (_Y, -1), "prejšnje leto": (_Y, -1), "prejšnjega leta": (_Y, -1),
           "letošnje leto": (_Y, 0), "letošnjega leta": (_Y, 0), "letošnjem letu": (_Y, 0),
           "ta mesec": (_M, 0), "tega meseca": (_M, 0), "tem mesecu": (_M, 0), "prejšnjega meseca": (_M, -1),
           "minuli mesec": (_M, -1), "minulega meseca": (_M, -1), "prihodnji mesec": (_M, 1),
           "prihodnjega meseca": (_M, 1), "naslednji teden": (_W, 1), "prihodnjega tedna": (_W, 1),
           "prejšnjega tedna": (_W, -1), "minulega tedna": (_W, -1), "tega tedna": (_W, 0)},
    "tr": {"bugün": (_D, 0), "dün": (_D, -1), "evvelsi gün": (_D, -2), "önceki gün": (_D, -2), "yarın": (_D, 1),
           "bir gün önce": ("eve", -1), "bu sabah": ("morning", 0), "bu akşam": ("evening", 0),
           "dün akşam": ("evening", -1), "dün gece": ("night", -1), "geçen hafta": (_W, -1),
           "bu hafta": (_W, 0), "gelecek hafta": (_W, 1), "geçen ay": (_M, -1), "bu ay": (_M, 0),
           "geçen yıl": (_Y, -1), "geçen sene": (_Y, -1), "bu yıl": (_Y, 0), "bu sene": (_Y, 0)},
    "id": {"hari ini": (_D, 0), "kemarin": (_D, -1), "kemarin lusa": (_D, -2), "besok": (_D, 1),
           "sehari sebelumnya": ("eve", -1), "pagi ini": ("morning", 0), "sore ini": ("afternoon", 0),
           "malam ini": ("evening", 0), "tadi malam": ("night", -1), "semalam": ("night", -1),
           "kemarin pagi": ("morning", -1), "kemarin sore": ("afternoon", -1), "kemarin malam": ("evening", -1),
           "minggu lalu": (_W, -1), "pekan lalu": (_W, -1), "minggu ini": (_W, 0), "pekan ini": (_W, 0),
           "minggu depan": (_W, 1), "pekan depan": (_W, 1), "bulan lalu": (_M, -1), "bulan ini": (_M, 0),
           "tahun lalu": (_Y, -1), "tahun ini": (_Y, 0), "tahun depan": (_Y, 1)},
    # Malay's "semalam" is yesterday (Indonesian's last night).
    "ms": {"hari ini": (_D, 0), "semalam": (_D, -1), "kelmarin": (_D, -1), "esok": (_D, 1), "pagi ini": ("morning", 0),
           "malam ini": ("evening", 0), "minggu lepas": (_W, -1), "minggu lalu": (_W, -1), "minggu ini": (_W, 0),
           "minggu depan": (_W, 1), "bulan lepas": (_M, -1), "bulan lalu": (_M, -1), "bulan ini": (_M, 0),
           "tahun lepas": (_Y, -1), "tahun lalu": (_Y, -1), "tahun ini": (_Y, 0), "tahun depan": (_Y, 1)},
    "vi": {"hôm nay": (_D, 0), "hôm qua": (_D, -1), "hôm kia": (_D, -2), "ngày mai": (_D, 1),
           "hôm trước": ("eve", -1), "sáng nay": ("morning", 0), "chiều nay": ("afternoon", 0),
           "tối nay": ("evening", 0), "đêm qua": ("night", -1), "tối qua": ("evening", -1),
           "sáng qua": ("morning", -1), "tuần trước": (_W, -1), "tuần này": (_W, 0), "tuần tới": (_W, 1),
           "tuần sau": (_W, 1), "tháng trước": (_M, -1), "tháng này": (_M, 0), "tháng tới": (_M, 1),
           "năm ngoái": (_Y, -1), "năm trước": (_Y, -1), "năm nay": (_Y, 0), "năm tới": (_Y, 1),
           "năm sau": (_Y, 1)},
}  # fmt: skip
_PART_OF_DAY_HOUR = {"morning": 9, "afternoon": 15, "evening": 20, "night": 23}

# A day told from the date before it in the text, not from the publication date: "On 12 May … A day
# later", "в тот же день" (the same day). Days after (or before, negative) that date; without one,
# no date.
_SEQUELS: dict[str, dict[str, int]] = {
    "en": {"a day later": 1, "the next day": 1, "the following day": 1, "a day earlier": -1, "the same day": 0,
           "that same day": 0, "two days later": 2, "two days earlier": -2},
    "fr": {"le lendemain": 1, "le même jour": 0, "le jour même": 0, "deux jours plus tard": 2},
    "de": {"am nächsten tag": 1, "am folgenden tag": 1, "einen tag später": 1, "am selben tag": 0,
           "am gleichen tag": 0},
    "es": {"al día siguiente": 1, "el mismo día": 0, "un día después": 1, "un día antes": -1},
    "it": {"il giorno dopo": 1, "il giorno seguente": 1, "lo stesso giorno": 0, "il giorno stesso": 0},
    "pt": {"no dia seguinte": 1, "no mesmo dia": 0},
    "nl": {"de volgende dag": 1, "een dag later": 1, "dezelfde dag": 0},
    "ru": {"на следующий день": 1, "в тот же день": 0, "днем позже": 1, "днём позже": 1, "на другой день": 1},
    "uk": {"наступного дня": 1, "того ж дня": 0, "того самого дня": 0},
    "pl": {"następnego dnia": 1, "dzień później": 1, "tego samego dnia": 0},
    "cs": {"následující den": 1, "o den později": 1, "druhý den": 1, "tentýž den": 0, "týž den": 0},
    "sl": {"dan kasneje": 1, "dan pozneje": 1, "naslednji dan": 1, "isti dan": 0, "istega dne": 0},
    "sr": {"сутрадан": 1, "sutradan": 1, "дан касније": 1, "dan kasnije": 1, "истог дана": 0, "istog dana": 0},
    "hr": {"dan kasnije": 1, "sljedeći dan": 1, "sutradan": 1, "isti dan": 0, "istog dana": 0, "istoga dana": 0},
    "sk": {"o deň neskôr": 1, "nasledujúci deň": 1, "na druhý deň": 1, "v ten istý deň": 0, "v ten deň": 0},
    "bg": {"на следващия ден": 1, "същия ден": 0, "ден по-късно": 1},
    "tr": {"ertesi gün": 1, "aynı gün": 0, "bir gün sonra": 1},
    "ar": {"في اليوم التالي": 1, "في اليوم نفسه": 0, "في نفس اليوم": 0},
}  # fmt: skip
_SEQUEL = "sequel"
# The weekend: the last one (-1), the one a bare phrase names (0: the last, or the coming one in a
# future clause), the coming one (1). Read as the week it ends ("o víkendu" written on Monday 4
# January 2021 is 2020-W53).
_WEEKEND = "weekend"
_WEEKENDS: dict[str, dict[str, int]] = {
    "en": {"the weekend": 0, "this weekend": 1, "last weekend": -1, "next weekend": 1, "the past weekend": -1},
    "fr": {"le week-end": 0, "ce week-end": 1, "le week-end dernier": -1, "le week-end prochain": 1},
    "de": {"am wochenende": 0, "am vergangenen wochenende": -1, "am letzten wochenende": -1,
           "am kommenden wochenende": 1, "dieses wochenende": 1},
    "es": {"el fin de semana": 0, "este fin de semana": 1, "el pasado fin de semana": -1,
           "el fin de semana pasado": -1},
    "it": {"nel fine settimana": 0, "nel weekend": 0, "questo fine settimana": 1, "lo scorso fine settimana": -1},
    "pt": {"no fim de semana": 0, "neste fim de semana": 1, "no último fim de semana": -1},
    "nl": {"het weekend": 0, "dit weekend": 1, "afgelopen weekend": -1, "vorig weekend": -1},
    "ru": {"в выходные": 0, "на выходных": 0, "в эти выходные": 1, "в минувшие выходные": -1,
           "в прошлые выходные": -1, "на прошлых выходных": -1},
    "uk": {"у вихідні": 0, "на вихідних": 0, "минулих вихідних": -1, "цими вихідними": 1},
    "pl": {"w weekend": 0, "w ten weekend": 1, "w miniony weekend": -1, "w ostatni weekend": -1,
           "w ubiegły weekend": -1, "w przyszły weekend": 1},
    "cs": {"o víkendu": 0, "o uplynulém víkendu": -1, "o minulém víkendu": -1, "tento víkend": 1,
           "o tomto víkendu": 1, "příští víkend": 1},
    "sl": {"konec tedna": 0, "ob koncu tedna": 0, "čez vikend": 0, "minuli konec tedna": -1,
           "prejšnji konec tedna": -1, "ta konec tedna": 1, "ta vikend": 1},
    "bg": {"през уикенда": 0, "миналия уикенд": -1, "този уикенд": 1},
    "sr": {"викендом": 0, "vikendom": 0, "прошлог викенда": -1, "prošlog vikenda": -1, "овог викенда": 1,
           "ovog vikenda": 1, "следећег викенда": 1, "sledećeg vikenda": 1},
    "hr": {"vikendom": 0, "preko vikenda": 0, "prošlog vikenda": -1, "proteklog vikenda": -1, "ovog vikenda": 1,
           "idućeg vikenda": 1, "sljedećeg vikenda": 1},
    "sk": {"cez víkend": 0, "minulý víkend": -1, "cez uplynulý víkend": -1, "tento víkend": 1, "budúci víkend": 1},
    "tr": {"hafta sonu": 0, "geçen hafta sonu": -1, "bu hafta sonu": 1},
}  # fmt: skip

# Adjectives of days, weekdays and years, by their stem: Slavic says "at today's press conference"
# ("na današnji novinarski konferenci"), "at Friday's session" ("na petkovi seji"), "in Tuesday's
# elections" ("we wtorkowych wyborach"), "this year's" ("letošnjo"), in every case and gender.
# A stem maps to (unit, amount) as ``_RELATIVE``'s phrases do, or to ("weekday", Monday = 0).
_WD = "weekday"
_ADJECTIVES: dict[str, dict[str, tuple[str, int]]] = {
    "ru": {"сегодняшн": (_D, 0), "вчерашн": (_D, -1), "завтрашн": (_D, 1), "прошлогодн": (_Y, -1),
           "понедельничн": (_WD, 0), "вторничн": (_WD, 1), "субботн": (_WD, 5), "воскресн": (_WD, 6)},
    "uk": {"сьогоднішн": (_D, 0), "вчорашн": (_D, -1), "завтрашн": (_D, 1), "торішн": (_Y, -1),
           "минулорічн": (_Y, -1), "суботн": (_WD, 5), "недільн": (_WD, 6)},
    "pl": {"dzisiejsz": (_D, 0), "wczorajsz": (_D, -1), "jutrzejsz": (_D, 1), "tegoroczn": (_Y, 0),
           "ubiegłoroczn": (_Y, -1), "zeszłoroczn": (_Y, -1), "poniedziałkow": (_WD, 0), "wtorkow": (_WD, 1),
           "środow": (_WD, 2), "czwartkow": (_WD, 3), "piątkow": (_WD, 4), "sobotni": (_WD, 5),
           "niedzieln": (_WD, 6)},
    "cs": {"dnešní": (_D, 0), "včerejší": (_D, -1), "zítřejší": (_D, 1), "letošní": (_Y, 0), "loňsk": (_Y, -1),
           "pondělní": (_WD, 0), "úterní": (_WD, 1), "středeční": (_WD, 2), "čtvrteční": (_WD, 3),
           "páteční": (_WD, 4), "sobotní": (_WD, 5), "nedělní": (_WD, 6)},
    "sl": {"današnj": (_D, 0), "včerajšnj": (_D, -1), "jutrišnj": (_D, 1), "letošnj": (_Y, 0), "lansk": (_Y, -1),
           "ponedeljkov": (_WD, 0), "torkov": (_WD, 1), "četrtkov": (_WD, 3), "petkov": (_WD, 4),
           "sobotn": (_WD, 5), "nedeljsk": (_WD, 6)},
    "bg": {"днешн": (_D, 0), "вчерашн": (_D, -1), "утрешн": (_D, 1), "миналогодишн": (_Y, -1),
           "тазгодишн": (_Y, 0), "понеделнишн": (_WD, 0), "вторнишн": (_WD, 1), "съботн": (_WD, 5),
           "неделн": (_WD, 6)},
}  # fmt: skip
# The endings an adjective of ``_ADJECTIVES`` takes after its stem, so that a longer word is none:
# Polish "środowiska" (environment) is no "środowy" (Wednesday's), Slovene "Petkovšek" a surname.
_ADJECTIVE_ENDINGS = {
    "sl": "a e i o ega emu em im ih imi ima",
    "pl": "y a e i ego ej emu ym ych ymi ą m ch mi",
    "cs": "ý á é í ého ém ému ým ých ými ou ho mu m ch mi",
    "ru": "ий ый ая яя ое ее ие ые его ого ему ому ем ом им ым их ых ими ыми юю ую ей ой",
    "uk": "ій ий я є ї і ього ого ьому ому ім ом іх их іми ими ю ую ої ою ьої",
    "bg": "ия ият ата ото ите и а о",
}

# "two days ago": (pattern with a NUM slot, unit) per language; units written as regex stems.
_AGO: dict[str, list[tuple[str, str]]] = {
    "en": [(r"NUM\s+days?\s+ago", _D), (r"NUM\s+weeks?\s+ago", _W), (r"NUM\s+months?\s+ago", _M),
           (r"NUM\s+years?\s+ago", _Y)],
    "fr": [(r"il\s+y\s+a\s+NUM\s+jours?", _D), (r"il\s+y\s+a\s+NUM\s+semaines?", _W),
           (r"il\s+y\s+a\s+NUM\s+mois", _M), (r"il\s+y\s+a\s+NUM\s+ans?", _Y)],
    "de": [(r"vor\s+NUM\s+tag(?:en)?", _D), (r"vor\s+NUM\s+wochen?", _W), (r"vor\s+NUM\s+monat(?:en)?", _M),
           (r"vor\s+NUM\s+jahr(?:en)?", _Y)],
    "es": [(r"hace\s+NUM\s+días?", _D), (r"hace\s+NUM\s+semanas?", _W), (r"hace\s+NUM\s+mes(?:es)?", _M),
           (r"hace\s+NUM\s+años?", _Y)],
    "it": [(r"NUM\s+giorn[oi]\s+fa", _D), (r"NUM\s+settiman[ae]\s+fa", _W), (r"NUM\s+mes[ei]\s+fa", _M),
           (r"NUM\s+ann[oi]\s+fa", _Y)],
    "pt": [(r"há\s+NUM\s+dias?", _D), (r"NUM\s+dias?\s+atrás", _D), (r"há\s+NUM\s+semanas?", _W),
           (r"há\s+NUM\s+mes(?:es)?", _M), (r"há\s+NUM\s+anos?", _Y)],
    "nl": [(r"NUM\s+dag(?:en)?\s+geleden", _D), (r"NUM\s+weken?\s+geleden", _W),
           (r"NUM\s+maand(?:en)?\s+geleden", _M), (r"NUM\s+jaar\s+geleden", _Y)],
    "ru": [(r"NUM\s+(?:день|дня|дней|суток)\s+назад", _D), (r"NUM\s+(?:неделю|недели|недель)\s+назад", _W),
           (r"NUM\s+(?:месяц|месяца|месяцев)\s+назад", _M), (r"NUM\s+(?:год|года|лет)\s+назад", _Y)],
    "uk": [(r"NUM\s+(?:день|дні|днів|доби)\s+(?:тому|назад)", _D),
           (r"NUM\s+(?:тиждень|тижні|тижнів)\s+(?:тому|назад)", _W),
           (r"NUM\s+(?:місяць|місяці|місяців)\s+(?:тому|назад)", _M),
           (r"NUM\s+(?:рік|роки|років)\s+(?:тому|назад)", _Y)],
    "pl": [(r"NUM\s+dni\s+temu", _D), (r"NUM\s+dzień\s+temu", _D), (r"NUM\s+tygodni(?:e)?\s+temu", _W),
           (r"NUM\s+miesiąc(?:e|y)?\s+temu", _M), (r"NUM\s+lat(?:a)?\s+temu", _Y),
           (r"przed\s+NUM\s+dniami", _D), (r"przed\s+NUM\s+tygodniami", _W), (r"przed\s+NUM\s+miesiącami", _M),
           (r"przed\s+NUM\s+laty", _Y)],
    "cs": [(r"před\s+NUM\s+dn(?:em|y)", _D), (r"před\s+NUM\s+týdn(?:em|y)", _W),
           (r"před\s+NUM\s+měsíc(?:em|i)", _M), (r"před\s+NUM\s+(?:rokem|lety)", _Y)],
    "ar": [(r"قبل\s+NUM\s+(?:يوم|أيام)", _D), (r"قبل\s+NUM\s+(?:أسبوع|أسابيع)", _W)],
    "bg": [(r"преди\s+NUM\s+(?:ден|дни|дена)", _D), (r"преди\s+NUM\s+(?:седмица|седмици)", _W),
           (r"преди\s+NUM\s+(?:месец|месеца)", _M), (r"преди\s+NUM\s+(?:година|години)", _Y)],
    "sr": [(r"(?:пре|pre)\s+NUM\s+(?:дан|дана|dan|dana)", _D),
           (r"(?:пре|pre)\s+NUM\s+(?:недељу|недеље|недеља|nedelju|nedelje|nedelja)", _W),
           (r"(?:пре|pre)\s+NUM\s+(?:месец|месеца|месеци|mesec|meseca|meseci)", _M),
           (r"(?:пре|pre)\s+NUM\s+(?:годину|године|година|godinu|godine|godina)", _Y)],
    "hr": [(r"prije\s+NUM\s+(?:dan|dana)", _D), (r"prije\s+NUM\s+(?:tjedan|tjedna|tjedana)", _W),
           (r"prije\s+NUM\s+(?:mjesec|mjeseca|mjeseci)", _M), (r"prije\s+NUM\s+(?:godinu|godine|godina)", _Y)],
    "sk": [(r"pred\s+NUM\s+dň(?:om|ami)", _D), (r"pred\s+NUM\s+týždň(?:om|ami)", _W),
           (r"pred\s+NUM\s+mesiac(?:om|mi)", _M), (r"pred\s+NUM\s+(?:rokom|rokmi)", _Y)],
    "sl": [(r"pred\s+NUM\s+(?:dnem|dnevi|dnevoma)", _D), (r"pred\s+NUM\s+(?:tednom|tedni|tednoma)", _W),
           (r"pred\s+NUM\s+(?:mesecem|meseci|mesecema)", _M), (r"pred\s+NUM\s+(?:letom|leti|letoma)", _Y)],
    "tr": [(r"NUM\s+gün\s+önce", _D), (r"NUM\s+hafta\s+önce", _W), (r"NUM\s+ay\s+önce", _M),
           (r"NUM\s+yıl\s+önce", _Y)],
    "id": [(r"NUM\s+hari\s+(?:yang\s+)?lalu", _D), (r"NUM\s+(?:minggu|pekan)\s+(?:yang\s+)?lalu", _W),
           (r"NUM\s+bulan\s+(?:yang\s+)?lalu", _M), (r"NUM\s+tahun\s+(?:yang\s+)?lalu", _Y)],
    "vi": [(r"NUM\s+ngày\s+trước", _D), (r"NUM\s+tuần\s+trước", _W), (r"NUM\s+tháng\s+trước", _M),
           (r"NUM\s+năm\s+trước", _Y)],
    "ms": [(r"NUM\s+hari\s+(?:yang\s+)?(?:lalu|lepas)", _D), (r"NUM\s+minggu\s+(?:yang\s+)?(?:lalu|lepas)", _W),
           (r"NUM\s+bulan\s+(?:yang\s+)?(?:lalu|lepas)", _M), (r"NUM\s+tahun\s+(?:yang\s+)?(?:lalu|lepas)", _Y)],
}  # fmt: skip

# "in two weeks", "через неделю", "za tydzień": a stretch ahead of the publication date, with the
# same NUM slot. Led by a preposition, it counts only in a clause that says the future: "in two
# years" also measures a stretch past ("the highest in two years"), "za den" is per day, and "через
# 21 день" mostly counts from another event (a first dose, "через два дня после выборов"), not from
# the article's date. "Two days from now", "3 hari lagi" say the article's date themselves.
_AHEAD: dict[str, list[tuple[str, str]]] = {
    "en": [(r"in\s+NUM\s+days?(?:'\s+time)?", _D), (r"in\s+NUM\s+weeks?(?:'\s+time)?", _W),
           (r"in\s+NUM\s+months?(?:'\s+time)?", _M), (r"in\s+NUM\s+years?(?:'\s+time)?", _Y),
           (r"NUM\s+days?\s+from\s+(?:now|today)", _D), (r"NUM\s+weeks?\s+from\s+(?:now|today)", _W)],
    "de": [(r"in\s+NUM\s+tag(?:en)?", _D), (r"in\s+NUM\s+wochen?", _W), (r"in\s+NUM\s+monat(?:en)?", _M),
           (r"in\s+NUM\s+jahr(?:en)?", _Y)],
    "nl": [(r"over\s+NUM\s+dag(?:en)?", _D), (r"over\s+NUM\s+weken?", _W), (r"over\s+NUM\s+maand(?:en)?", _M),
           (r"over\s+NUM\s+jaar", _Y)],
    "fr": [(r"dans\s+NUM\s+jours?", _D), (r"dans\s+NUM\s+semaines?", _W), (r"dans\s+NUM\s+mois", _M),
           (r"dans\s+NUM\s+ans?", _Y)],
    "es": [(r"dentro\s+de\s+NUM\s+días?", _D), (r"dentro\s+de\s+NUM\s+semanas?", _W),
           (r"dentro\s+de\s+NUM\s+mes(?:es)?", _M), (r"dentro\s+de\s+NUM\s+años?", _Y)],
    "it": [(r"(?:tra|fra)\s+NUM\s+giorn[oi]", _D), (r"(?:tra|fra)\s+NUM\s+settiman[ae]", _W),
           (r"(?:tra|fra)\s+NUM\s+mes[ei]", _M), (r"(?:tra|fra)\s+NUM\s+ann[oi]", _Y)],
    "pt": [(r"(?:daqui\s+a|dentro\s+de)\s+NUM\s+dias?", _D), (r"(?:daqui\s+a|dentro\s+de)\s+NUM\s+semanas?", _W),
           (r"(?:daqui\s+a|dentro\s+de)\s+NUM\s+mes(?:es)?", _M), (r"(?:daqui\s+a|dentro\s+de)\s+NUM\s+anos?", _Y)],
    "ru": [(r"через\s+NUM\s+(?:день|дня|дней|сутки|суток)(?!\s+после)", _D),
           (r"через\s+NUM\s+(?:неделю|недели|недель)(?!\s+после)", _W),
           (r"через\s+NUM\s+(?:месяц|месяца|месяцев)(?!\s+после)", _M),
           (r"через\s+NUM\s+(?:год|года|лет)(?!\s+после)", _Y)],
    "uk": [(r"через\s+NUM\s+(?:день|дні|днів|добу)(?!\s+після)", _D),
           (r"через\s+NUM\s+(?:тиждень|тижні|тижнів)(?!\s+після)", _W),
           (r"через\s+NUM\s+(?:місяць|місяці|місяців)(?!\s+після)", _M),
           (r"через\s+NUM\s+(?:рік|роки|років)(?!\s+після)", _Y)],
    "pl": [(r"za\s+NUM\s+(?:dzień|dni)", _D), (r"za\s+NUM\s+(?:tydzień|tygodnie|tygodni)", _W),
           (r"za\s+NUM\s+(?:miesiąc|miesiące|miesięcy)", _M), (r"za\s+NUM\s+(?:rok|lata|lat)", _Y)],
    "cs": [(r"za\s+NUM\s+(?:den|dny|dní|dnů)", _D), (r"za\s+NUM\s+(?:týden|týdny|týdnů)", _W),
           (r"za\s+NUM\s+(?:měsíc|měsíce|měsíců)", _M), (r"za\s+NUM\s+(?:rok|roky|let)", _Y)],
    "sr": [(r"(?:за|za)\s+NUM\s+(?:дан|дана|dan|dana)", _D),
           (r"(?:за|za)\s+NUM\s+(?:недељу|недеље|недеља|nedelju|nedelje|nedelja)", _W),
           (r"(?:за|za)\s+NUM\s+(?:месец|месеца|месеци|mesec|meseca|meseci)", _M)],
    "hr": [(r"za\s+NUM\s+(?:dan|dana)", _D), (r"za\s+NUM\s+(?:tjedan|tjedna|tjedana)", _W),
           (r"za\s+NUM\s+(?:mjesec|mjeseca|mjeseci)", _M), (r"za\s+NUM\s+(?:godinu|godine|godina)", _Y)],
    "sk": [(r"o\s+NUM\s+(?:deň|dni|dní)", _D), (r"o\s+NUM\s+(?:týždeň|týždne|týždňov)", _W),
           (r"o\s+NUM\s+(?:mesiac|mesiace|mesiacov)", _M), (r"o\s+NUM\s+(?:rok|roky|rokov)", _Y)],
    "sl": [(r"čez\s+NUM\s+(?:dan|dni|dneve|dneva)", _D), (r"čez\s+NUM\s+(?:teden|tedne|tednov|tedna)", _W),
           (r"čez\s+NUM\s+(?:mesec|mesece|mesecev|meseca)", _M), (r"čez\s+NUM\s+(?:leto|leti|leta|let)", _Y)],
    "bg": [(r"след\s+NUM\s+(?:ден|дни|дена)", _D), (r"след\s+NUM\s+(?:седмица|седмици)", _W),
           (r"след\s+NUM\s+(?:месец|месеца)", _M), (r"след\s+NUM\s+(?:година|години)", _Y)],
    "id": [(r"NUM\s+hari\s+lagi", _D), (r"NUM\s+(?:minggu|pekan)\s+lagi", _W), (r"NUM\s+bulan\s+lagi", _M),
           (r"NUM\s+tahun\s+lagi", _Y)],
    "ms": [(r"NUM\s+hari\s+lagi", _D), (r"NUM\s+minggu\s+lagi", _W), (r"NUM\s+bulan\s+lagi", _M),
           (r"NUM\s+tahun\s+lagi", _Y)],
    "vi": [(r"NUM\s+ngày\s+tới", _D), (r"NUM\s+tuần\s+tới", _W), (r"NUM\s+tháng\s+tới", _M)],
}  # fmt: skip
# A template's leading words ("il" of "il\s+y\s+a", "tra" and "fra" of "(?:tra|fra)"): where to try it.
_TEMPLATE_LEAD = re.compile(r"(?<![\\?])\b[^\W\d_]{2,}\b(?=[\\s|)]|$)")
_SMALL_NUMBERS: dict[str, dict[str, int]] = {
    "vi": {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "mười": 10, "vài": 3},
    "id": {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "sepuluh": 10,
           "beberapa": 3},
    "ms": {"satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7, "sepuluh": 10,
           "beberapa": 3},
    "en": {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
           "a few": 3, "several": 3},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "dix": 10, "quelques": 3},
    "de": {"einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "zehn": 10, "wenigen": 3},
    "es": {"un": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "diez": 10, "unos": 3, "unas": 3},
    "it": {"un": 1, "una": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "dieci": 10, "pochi": 3},
    "pt": {"um": 1, "uma": 1, "dois": 2, "duas": 2, "três": 3, "quatro": 4, "cinco": 5, "dez": 10},
    "nl": {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "tien": 10},
    "ru": {"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "десять": 10, "несколько": 3},
    "uk": {"два": 2, "дві": 2, "три": 3, "чотири": 4, "п'ять": 5, "десять": 10, "кілька": 3},
    "pl": {"dwa": 2, "dwie": 2, "trzy": 3, "cztery": 4, "pięć": 5, "dziesięć": 10, "kilka": 3,
           "dwoma": 2, "trzema": 3, "czterema": 4, "pięcioma": 5, "dziesięcioma": 10, "kilkoma": 3},
    "cs": {"dvěma": 2, "třemi": 3, "čtyřmi": 4, "pěti": 5, "deseti": 10, "několika": 3, "dva": 2, "dvě": 2,
           "tři": 3, "čtyři": 4, "pět": 5, "deset": 10, "několik": 3},
    "ar": {"يومين": 2, "ثلاثة": 3, "أربعة": 4, "خمسة": 5},
    "bg": {"един": 1, "една": 1, "два": 2, "две": 2, "три": 3, "четири": 4, "пет": 5, "десет": 10, "няколко": 3},
    "sr": {"два": 2, "две": 2, "три": 3, "четири": 4, "пет": 5, "десет": 10, "неколико": 3, "dva": 2, "dve": 2,
           "tri": 3, "četiri": 4, "pet": 5, "deset": 10, "nekoliko": 3},
    "hr": {"dva": 2, "dvije": 2, "tri": 3, "četiri": 4, "pet": 5, "deset": 10, "nekoliko": 3, "jedan": 1},
    "sk": {"dvoma": 2, "troma": 3, "štyrmi": 4, "piatimi": 5, "desiatimi": 10, "niekoľkými": 3, "dva": 2, "dve": 2,
           "tri": 3, "štyri": 4, "päť": 5, "desať": 10, "niekoľko": 3},
    "sl": {"enim": 1, "eno": 1, "dvema": 2, "tremi": 3, "štirimi": 4, "petimi": 5, "desetimi": 10, "nekaj": 3,
           "dva": 2, "dve": 2, "tri": 3, "štiri": 4, "pet": 5, "deset": 10},
    "tr": {"bir": 1, "iki": 2, "üç": 3, "dört": 4, "beş": 5, "on": 10, "birkaç": 3},
}  # fmt: skip
_NUM_SLOT = r"NUM\s+"
_STRETCH_DIGITS = r"\d{1,2}"  # a stretch's number in digits


# "one week ago" with the number left out ("a week ago", "неделю назад") is read as one.
def _yearless_numeric_shapes(languages: tuple[str, ...]) -> list[str]:
    """A day and month in digits without a year, where nothing else reads them ("3.05" is as often
    a figure): before a time of day, as news tickers date their lines ("31.01, 20:56", outside
    English, which writes no day before its month in digits), and German's "am 31.01." (German writes
    figures with a decimal comma; the dot after the month is a date's)."""
    month = r"(?:0[1-9]|1[0-2])"  # two digits, as these dates write it
    shapes = []
    if any(language != "en" for language in languages):
        clock = r",?\s*(?:в|o|v|um|à|alle|às|om)?\s*(?P<chh>[01]?\d|2[0-3]):(?P<cmm>[0-5]\d)\b"
        # A two-digit day too, as tickers write it: "1.05, 12:30" is a rate.
        shapes.append(rf"(?P<dmc>(?<![\d.,])(?P<cd>[0-3]\d)\.(?P<cm>{month})\.?{clock})")
    if "de" in languages:
        shapes.append(rf"(?P<dma>(?:am|vom|bis|ab|zum|seit)\s+(?P<ad>[0-3]?\d)\.(?P<am>{month})\.(?![\d.]))")
    return shapes


def _clock_pattern(prefix: str) -> str:
    """An optional time of day after a date ("24 November 2017 05:56", "à 10h30")."""
    hours, minutes = rf"(?P<{prefix}hh>[01]?\d|2[0-3])", rf"(?P<{prefix}mm>[0-5]\d)"
    return rf"(?:,?\s*(?:at|à|um|a\s+las|alle|às|в|o|v|om|،)?\s*{hours}\s?[:h]\s?{minutes}\b)?"


@dataclass(frozen=True, slots=True)
class _Lexicon:
    pattern: re.Pattern[str]
    months: dict[str, int]
    weekdays: dict[str, int]
    relative: dict[str, tuple[str, int]]
    numbers: dict[str, int]
    # group name -> unit, direction (-1 ago, +1 ahead), and whether only a future clause makes it one
    stretch_units: dict[str, tuple[str, int, bool]]
    triggers: frozenset[str]  # first words of every shape: the pattern is tried only where one stands
    adjectives: dict[str, tuple[str, int]]  # stem -> (unit, amount) or ("weekday", n)
    adjective_stems: tuple[str, ...]  # the stems, for words that start with one (inflected)
    future_cues: frozenset[str]  # words that put a clause in the future (``_future_clause``)
    future_suffixes: tuple[str, ...]  # endings that do (Turkish)
    # The language whose dictionary tells a verb's future (``morphology.is_future_verb``), or None.
    verb_language: str | None = None


def _locale(language: str) -> dict[str, object]:
    module = importlib.import_module(f"dateparser.data.date_translation_data.{language}")
    return module.info  # type: ignore[no-any-return]


def _full_names(forms: Iterable[str], *, min_length: int) -> list[str]:
    """Full names of a month or weekday: abbreviations (prefixes of another form) left out."""
    folded = {f.casefold().rstrip(".") for f in forms}
    return [f for f in folded if (len(f) >= min_length or f in _SHORT_MONTHS)
            and not any(o != f and o.startswith(f) for o in folded)]  # fmt: skip


def _alternation(words: Iterable[str], *, ignore_case: bool = True) -> str:
    """A pattern matching what ``words`` joined by ``|``, longest first, match, in the same order
    of trial, written as a trie of their letters (lowered where the pattern ignores case).

    Python's ``re`` skips an alternative that opens with a letter other than the text's, but not
    under IGNORECASE, where it enters each in turn: the flat list of every language's month names,
    tried at every number of a text, was most of what reading figures with no language cost.
    Longest first is kept: the words a text matches at one place are prefixes of one another, and
    at each letter of the trie the longer words are tried before the word that ends there."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(_trie_key(char, ignore_case), {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_key(char: str, ignore_case: bool) -> str:
    lowered = char.lower()
    return lowered if ignore_case and len(lowered) == 1 else char


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if "" in node:
        return f"(?:{'|'.join(branches)})?"
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


def _gated(shape: str, after_number: str | None = None) -> str:
    """``shape`` behind a look at the character it can open with (``_first_characters``) and, if
    it opens with a number (``after_number``: what follows the number and its space), at the
    character after that number.

    Every language's stretches ("NUM days ago", "il y a NUM jours", 164 of them) are tried at every
    word a date may open with, and under IGNORECASE ``re`` enters each, and the number words of
    its optional number, before failing: most of the time reading figures with no language cost.
    A character class fails in one step; as a necessary condition it changes no match."""
    first = _first_characters(shape)
    if not first:
        return shape
    then = _first_characters(after_number) if after_number is not None else None
    if then and r"\d" in first and r"\d" not in then:
        words = [x for x in first if x != r"\d"]
        number = rf"{_STRETCH_DIGITS}\s+[{''.join(then)}]"
        return f"(?=[{''.join(words)}]|{number}){shape}" if words else f"(?={number}){shape}"
    return f"(?=[{''.join(first)}]){shape}"


def _first_characters(pattern: str) -> list[str] | None:
    """The items of a character class of the characters a match of ``pattern`` can open with, or
    None when that is not known (constructs not read here, or an empty match possible)."""
    # ``re``'s own parser (private, untyped): the standard library's one reader of a pattern's
    # structure. A Python without it gets no gates: slower, the same matches.
    try:
        c: Any = importlib.import_module("re._constants")
        parser: Any = importlib.import_module("re._parser")
    except ImportError:
        return None

    def of_sequence(items: Any) -> tuple[list[str], bool] | None:
        found: list[str] = []
        for op, arg in items:
            part = of_item(op, arg)
            if part is None:
                return None
            found += part[0]
            if not part[1]:
                return found, False
        return found, True

    def of_item(op: Any, arg: Any) -> tuple[list[str], bool] | None:
        if op is c.LITERAL:
            return [re.escape(chr(arg))], False
        if op is c.IN and all(o in (c.LITERAL, c.RANGE, c.CATEGORY) for o, _ in arg):
            return [_class_item(o, a) for o, a in arg], False
        if op is c.BRANCH:
            branches = [of_sequence(b) for b in arg[1]]
            if any(b is None for b in branches):
                return None
            return [x for b in branches if b for x in b[0]], any(b[1] for b in branches if b)
        if op is c.SUBPATTERN and not arg[1] and not arg[2]:  # a group without flags of its own
            return of_sequence(arg[3])
        if op in (c.MAX_REPEAT, c.MIN_REPEAT):
            inner = of_sequence(arg[2])
            return None if inner is None else (inner[0], arg[0] == 0 or inner[1])
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):  # zero width: what follows opens the match
            return [], True
        return None

    found = of_sequence(parser.parse(pattern, re.I))
    return None if found is None or found[1] or not found[0] else sorted(set(found[0]))


def _class_item(op: Any, arg: Any) -> str:
    c: Any = importlib.import_module("re._constants")  # imported by ``_first_characters`` already
    if op is c.LITERAL:
        return re.escape(chr(arg))
    if op is c.RANGE:
        return f"{re.escape(chr(arg[0]))}-{re.escape(chr(arg[1]))}"
    return {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_WORD: r"\w", c.CATEGORY_SPACE: r"\s"}.get(arg, r"\s\S")


@lru_cache(maxsize=32)
def _lexicon(languages: tuple[str, ...]) -> _Lexicon:
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    relative: dict[str, tuple[str, int]] = {}
    numbers: dict[str, int] = {}
    bare_month_parts, weekday_parts, year_leads, stretch_parts = [], [], [], []
    stretch_units: dict[str, tuple[str, int, bool]] = {}
    adjectives: dict[str, tuple[str, int]] = {}
    adjective_parts = []
    for language in languages:
        if language_stems := _ADJECTIVES.get(language):
            adjectives.update(language_stems)
            endings = _alternation(_ADJECTIVE_ENDINGS[language].split())
            adjective_parts.append(rf"(?:{_alternation(language_stems)})(?:{endings})?")
        info = _locale(language)
        lang_months = {}
        for number, key in enumerate(_MONTH_KEYS, start=1):
            for name in _full_names(info.get(key, ()), min_length=4):  # type: ignore[arg-type]
                lang_months[name] = number
        for i, name in enumerate(_EXTRA_MONTHS.get(language, "").split()):
            lang_months[name] = i % 12 + 1  # twelve names a form (Serbian lists three forms)
        months.update(lang_months)
        months.update(_ABBREVIATED_MONTHS.get(language, {}))  # not after a lead: only beside a day
        lead = _MONTH_LEAD.get(language)
        if lead:
            bare_month_parts.append(rf"(?:{lead})[\s-]+(?:of\s+|de\s+)?(?:{_alternation(lang_months)})")
        if alone := _MONTHS_ALONE.get(language):
            bare_month_parts.append(rf"(?-i:{_alternation(alone.split(), ignore_case=False)})")
        lang_days = {}
        for number, key in enumerate(_WEEKDAY_KEYS):
            names = _full_names(info.get(key, ()), min_length=5)  # type: ignore[arg-type]
            if language == "pt":
                names = [n for n in names if "feira" in n or n in ("sábado", "domingo")]
            for name in names:
                lang_days[name] = number
        lang_days.update(_EXTRA_WEEKDAYS.get(language, {}))
        weekdays.update(lang_days)
        weekday_parts.append(_WEEKDAY_LEAD.get(language, "") + f"(?:{_alternation(lang_days)})")
        relative.update(_RELATIVE.get(language, {}))
        relative.update({phrase: (_SEQUEL, days) for phrase, days in _SEQUELS.get(language, {}).items()})
        relative.update({phrase: (_WEEKEND, which) for phrase, which in _WEEKENDS.get(language, {}).items()})
        numbers.update(_SMALL_NUMBERS.get(language, {}))
        if year_lead := _YEAR_LEAD.get(language, "in"):  # an empty lead would make any four digits a year
            year_leads.append(year_lead)
        stretches = [("ago", template, unit, -1) for template, unit in _AGO.get(language, ())]
        stretches += [("ahead", template, unit, 1) for template, unit in _AHEAD.get(language, ())]
        for k, (kind, template, unit, sign) in enumerate(stretches):
            group = f"{kind}_{language}_{k}"
            led = not template.startswith("NUM")  # "in two days", not "two days from now"
            stretch_units[group] = (unit, sign, sign > 0 and led)
            num = rf"(?:(?P<n_{group}>{_STRETCH_DIGITS}|{_alternation(_SMALL_NUMBERS.get(language, {}))})\s+)?"
            body = template.replace(_NUM_SLOT, num)
            rest = template.removeprefix(_NUM_SLOT) if template.startswith(_NUM_SLOT) else None
            stretch_parts.append(_gated(f"(?P<{group}>{body})", rest))
    month = _alternation(months)
    ordinals = {w: d for language in languages for w, d in ORDINAL_DAYS.get(language, {}).items()}
    # One alternation, most specific shapes first: a leftmost match takes the first that fits.
    shapes = [
        r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))(?:[T ](?P<ihh>\d{2}):(?P<imm>\d{2}))?",
        # "22.7.2020", "22/7/2020", and Czech and Slovene "22. 7. 2020"
        rf"(?P<num>(?P<nd>\d{{1,2}})(?:/|\.\s?)(?P<nm>\d{{1,2}})(?:/|\.\s?)(?P<ny>\d{{4}})){_clock_pattern('n')}",
        *_yearless_numeric_shapes(languages),
        rf"(?P<dmy>(?P<dd>\d{{1,2}})(?:\.|er|st|nd|rd|th|-?го|-?е)?\s+(?:de\s+|of\s+)?(?P<dm>{month})"
        rf"(?:,?\s+(?:de\s+|del\s+)?(?P<dy>\d{{4}})(?:\s*(?:г\.|года|року|roku))?)?){_clock_pattern('d')}",
        rf"(?P<od>(?P<odw>{_alternation(ordinals)})\s+(?:of\s+)?(?P<odm>{month})"
        rf"(?:,?\s+(?P<ody>\d{{4}})(?:\s*(?:г\.|года|року|roku))?)?)",
        rf"(?P<mdy>(?P<mm_>{month})\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<my>\d{{4}}))?){_clock_pattern('m')}",
        rf"(?P<my_>(?P<mym>{month})\s+(?:de\s+|of\s+|năm\s+)?(?P<myy>\d{{4}}))",  # "tháng 3 năm 2019"
        *stretch_parts,
        rf"(?P<rel>{_alternation(relative)})",
        *([rf"(?P<adj>{'|'.join(adjective_parts)})"] if adjective_parts else []),
        rf"(?P<wd>(?:(?P<wdmod>last|next|dernier|prochain|letzten|pasado|scorso|прошл\w+|минул\w+)\s+)?"
        rf"(?:on\s+|le\s+|am\s+|el\s+|il\s+|na\s+|no\s+|op\s+)?(?P<wdn>{'|'.join(weekday_parts)}))"
        rf"(?:\s+(?P<wdpost>dernier|prochain|passado|pasado|scorso))?",
        # A year right after the led month is its year: "in March 2019", "W marcu 2019", "vào tháng 3 năm
        # 2019" (the month alone was read in the year the anchor suggests, and the year apart).
        # Not a month its day and year follow ("the Council of March 16, 2020"): the month's token reads all of it.
        rf"(?P<bm>(?:{'|'.join(bare_month_parts)})(?!\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"
        rf"(?:,?\s+(?:de\s+|of\s+|năm\s+)?(?P<bmy>(?:19|20)\d{{2}})(?![\d.,]\d))?)",
        rf"(?P<yw>(?P<ywv>(?:19|20)\d{{2}})\s*(?:{_YEAR_WORDS}))",
        rf"(?P<yr>(?:{'|'.join(year_leads or ['(?!)'])})\s+(?P<yv>(?:19|20)\d{{2}}))(?!\d|[.,]\d|\s*%)",
    ]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(shapes)})(?![\w])", re.I)
    triggers = {*months, *weekdays, *numbers, *(p.split()[0] for p in relative), *(w.split()[0] for w in ordinals)}
    for language in languages:
        leads = [_MONTH_LEAD.get(language, ""), _YEAR_LEAD.get(language, ""), _WEEKDAY_LEAD.get(language, "")]
        triggers.update(_first_token(w) for lead in leads for w in lead.split("|") if _first_token(w))
        templates = (*_AGO.get(language, ()), *_AHEAD.get(language, ()))
        triggers.update(w for t, _ in templates if not t.startswith("NUM") for w in _TEMPLATE_LEAD.findall(t)[:2])
    triggers.update(
        [
            "on",
            "le",
            "am",
            "el",
            "il",
            "na",
            "no",
            "op",
            "last",
            "next",
            "dernier",
            "prochain",
            "letzten",
            "pasado",
            "scorso",
        ]
    )
    triggers.update(w for w in weekdays)
    folded = frozenset(_first_token(t) for t in triggers if t)
    stems = tuple(sorted(adjectives, key=len, reverse=True))
    cues = frozenset(w for language in languages for w in _FUTURE_CUES.get(language, "").split())
    suffixes = tuple(x for language in languages for x in _FUTURE_SUFFIXES.get(language, ()))
    verbs = languages[0] if len(languages) == 1 and languages[0] in VERB_LANGUAGES else None
    return _Lexicon(
        pattern, months, weekdays, relative, numbers, stretch_units, folded, adjectives, stems, cues, suffixes, verbs
    )


_WORD = re.compile(r"\w+")


def _first_token(phrase: str) -> str:
    """The first word-character run of a phrase, as the tokenizer finds it ("aujourd'hui" -> "aujourd")."""
    m = _WORD.search(phrase.casefold())
    return m.group(0) if m else phrase


def time_expressions(text: str, language: str | None, anchor: datetime | None) -> list[TimeExpression]:
    """Dates the text states, in order, resolved against ``anchor`` (the publication date).

    Args:
        text: the article's text (offsets in the result are into it).
        language: ISO 639-1 code; None or an unsupported code tries every supported language.
        anchor: the publication date; without it relative expressions and dates without a year
            are skipped (a yearless date placed by the anchor is marked ``relative``).

    Returns:
        TimeExpression records; ``relative`` ones carry their ``anchor``.

    Example:
        >>> anchor = datetime(2017, 11, 24, 5, 56)
        >>> [(t.text, t.value.date().isoformat(), t.precision.value, t.relative)
        ...  for t in time_expressions("On the eve, on 23 November, troops attacked.", "en", anchor)]
        [('On the eve', '2017-11-23', 'day', True), ('23 November', '2017-11-23', 'day', True)]
        >>> [t.value.date().isoformat() for t in time_expressions("Mardi, l'armée...", "fr", anchor)]
        ['2017-11-21']
    """
    wall, zone = (anchor.replace(tzinfo=None), anchor.tzinfo) if anchor is not None else (None, None)
    return list(_time_expressions(text, language, wall, zone))


# An article's dates are read by the facts stage and again by the claims reader (to date each
# claim): the second read is a lookup. The anchor is keyed by wall time and zone, since two
# aware datetimes at one instant compare equal but resolve to different zones.
@lru_cache(maxsize=256)
def _time_expressions(text: str, language: str | None, wall: datetime | None,
                      zone: tzinfo | None) -> tuple[TimeExpression, ...]:  # fmt: skip
    anchor = wall.replace(tzinfo=zone) if wall is not None else None
    lexicon = _lexicon(_languages(language))
    found: list[TimeExpression] = []
    for match in _lexicon_matches(text, language):
        resolved = _resolve(match, lexicon, anchor)
        if resolved is None:
            continue
        value, precision, relative = resolved
        start, end = match.span()
        found.append(TimeExpression(start, end, match.group(0), value, precision, relative,
                                    anchor if relative else None))  # fmt: skip
    if language not in (None, "en"):
        dates = day_month_dates(text, language)
        if language in LANGUAGES and language not in _CLDR_MONTHS_TOO:
            dates = tuple(date for date in dates if date.english)  # the lexicon reads its own months, not a tweet's
        found = sorted(_merged(found, _cldr_dates(dates, text, anchor)), key=lambda t: t.start)
    holidays = holiday_expressions(text, language, anchor)
    found = _with_holidays(found, holidays)
    if language in CJK_TIME_LANGUAGES:
        from newsweave.analyze.cjk_times import cjk_time_expressions  # it builds on this module's shift

        found = sorted(_merged(found, cjk_time_expressions(text, language, anchor)), key=lambda t: t.start)
    found = _days_after_a_date(found, text, language)
    found = _eves(found, text, language, holidays)
    found = _weekday_after_a_weekday(_days_beside_their_dates(found, text, lexicon), text, lexicon)
    return tuple(_sequels(found, lexicon))


def _with_holidays(found: list[TimeExpression], holidays: list[TimeExpression]) -> list[TimeExpression]:
    """A holiday's name says more than any reading it overlaps: "Easter Sunday" is no last Sunday,
    "la víspera de Año Nuevo" no eve of the publication date."""
    if not holidays:
        return found
    kept = [t for t in found if not any(h.start < t.end and t.start < h.end for h in holidays)]
    return sorted(kept + holidays, key=lambda t: t.start)


def _merged(found: list[TimeExpression], more: list[TimeExpression]) -> list[TimeExpression]:
    """``found`` with the dates of ``more`` that overlap none of it, or that contain what they
    overlap ("4-5 Şubat 2020" over "Şubat 2020"), in its place."""
    out = list(found)
    for date in more:
        overlapping = [t for t in out if t.start < date.end and date.start < t.end]
        if all(date.start <= t.start and t.end <= date.end for t in overlapping):
            out = [t for t in out if t not in overlapping] + [date]
    return out


def _cldr_dates(dates: Iterable[DayMonth], text: str, anchor: datetime | None) -> list[TimeExpression]:
    """Days beside a month's name that ``date_shapes`` found ("19 Kasım 2019", "2019年7月19日"),
    placed like "19 November"; a month with its year ("2019年7月") too."""
    out = []
    for date in dates:
        if date.month is None:
            continue  # a CJK "19日" alone: the month is the reader's guess
        try:
            if date.day is not None:
                resolved = _day_month(date.day, date.month, str(date.year) if date.year else None, None, anchor)
            elif date.year is not None:
                resolved = _tz(datetime(date.year, date.month, 1), anchor), TimePrecision.MONTH, False
            else:
                continue
        except ValueError:  # 31 February
            continue
        if resolved is not None:
            value, precision, relative = resolved
            surface = text[date.start : date.end]
            out.append(TimeExpression(date.start, date.end, surface, value, precision, relative,
                                      anchor if relative else None))  # fmt: skip
    return out


def date_spans(text: str, language: str | None) -> list[tuple[int, int]]:
    """Where ``text`` writes a date or a time, whether or not it can be resolved.

    Every shape ``time_expressions`` reads, even where it cannot place it (a yearless
    "3 stycznia" in an undated article), and a day beside a month's name in any language CLDR
    names months in ("19 Kasım'da", "7月19日": ``analyze.date_shapes``). For readers of counts,
    which must not take the 19th for nineteen of something.

    Example:
        >>> text = "Le 3 janvier, 5 soldats ont été tués."
        >>> [text[s:e] for s, e in date_spans(text, "fr")]
        ['3 janvier']
    """
    lexicon = _lexicon(_languages(language))
    # Any anchor tells a date from a non-date ("89. March" is none): only the values depend on it.
    spans = [m.span() for m in _lexicon_matches(text, language) if _resolve(m, lexicon, _ANY_ANCHOR) is not None]
    return sorted({*spans, *day_month_spans(text, language)})


_ANY_ANCHOR = datetime(2000, 6, 15)


def _languages(language: str | None) -> tuple[str, ...]:
    return (language,) if language in LANGUAGES else LANGUAGES  # type: ignore[return-value]


@lru_cache(maxsize=256)  # read by the facts stage, then by the claims reader twice (dates, blocking)
def _lexicon_matches(text: str, language: str | None) -> tuple[re.Match[str], ...]:
    return tuple(_matches(text, _lexicon(_languages(language))))


def _matches(text: str, lexicon: _Lexicon) -> Iterable[re.Match[str]]:
    """The pattern's matches, tried only at words that can start one: one big alternation tried at
    every character costs ten times more."""
    done = 0
    for token in _WORD.finditer(text):
        if token.start() < done:
            continue
        word = token.group(0)
        folded = word.casefold()
        if not (word[0].isdigit() or folded in lexicon.triggers or folded.startswith(lexicon.adjective_stems)):
            continue
        match = lexicon.pattern.match(text, token.start())
        if match is not None:
            done = match.end()
            yield match


def _days_after_a_date(found: list[TimeExpression], text: str, language: str | None) -> list[TimeExpression]:
    """A day written alone shortly after a date with its month is a later day of that month:
    "schválili čtvrtého prosince Britové. Devátého následoval Izrael a jedenáctého Spojené státy"
    (the 9th and the 11th of December), "on March 3 … and on the 9th". Only a later day, within
    ``_BARE_DAY_REACH`` characters of the date, and only an ordinal in the genitive, the case a
    Slavic day of the month takes ("Devátého", "девятого"), or English "on the 9th": a nominative
    "девятое" or "the 9th" alone is as often a ninth of anything."""
    pattern = _bare_day_pattern(language)
    if pattern is None or not found:
        return found
    added = []
    for m in pattern.finditer(text):
        if any(t.start < m.end() and m.start() < t.end for t in found):
            continue  # read already, beside its month
        before = [t for t in found if t.end <= m.start() and t.precision is TimePrecision.DAY]
        if not before or m.start() - before[-1].end > _BARE_DAY_REACH or not _names_its_day(before[-1]):
            continue
        date_before = before[-1]
        day = int(m.group("digits")) if m.group("digits") else _BARE_DAYS[m.group("word").casefold()]
        if day <= date_before.value.day:
            continue
        try:
            value = _midnight(date_before.value).replace(day=day)
        except ValueError:  # the 31st of a month of 30
            continue
        start = m.start("digits") if m.group("digits") else m.start("word")
        added.append(TimeExpression(start, m.end(), text[start : m.end()], value, TimePrecision.DAY,
                                    date_before.relative, date_before.anchor))  # fmt: skip
    return sorted(found + added, key=lambda t: t.start) if added else found


def _names_its_day(expr: TimeExpression) -> bool:
    """A date written with its day, in digits or as an ordinal word ("čtvrtého prosince"), not
    "yesterday" or "Monday", whose day says no month."""
    return _is_calendar_date(expr) or any(w in _ORDINAL_WORDS for w in expr.text.casefold().split())


_ORDINAL_WORDS = frozenset(w for forms in ORDINAL_DAYS.values() for w in forms) | frozenset(ORDINAL_DAY_NUMBERS)
_BARE_DAY_REACH = 200  # characters from the date with its month to the day alone
_GENITIVE_ENDINGS = ("ého", "ego", "го", "ega")
_BARE_DAYS = {w: d for forms in ORDINAL_DAYS.values() for w, d in forms.items() if w.endswith(_GENITIVE_ENDINGS)}


@lru_cache(maxsize=32)
def _bare_day_pattern(language: str | None) -> re.Pattern[str] | None:
    """Days alone after a date: the language's genitive ordinal words, or English "on the 9th"."""
    if language == "en":
        return re.compile(r"\bon the (?P<digits>[1-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?[A-Z])(?P<word>)")
    words = [w for w in ORDINAL_DAYS.get(language or "", {}) if w.endswith(_GENITIVE_ENDINGS)]
    if not words:
        return None
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?P<word>{alternation})(?!\w)(?P<digits>)", re.I)


def _eves(
    found: list[TimeExpression], text: str, language: str | None, holidays: Sequence[TimeExpression] = ()
) -> list[TimeExpression]:
    """ "On the eve of 24 November" is the 23rd, and "on the eve of New Year's Eve" the 30th,
    whatever the anchor says; "on the eve of the election", "накануне выборов", "w przeddzień
    wyborów" is the day before an event the text does not date, no day before the publication: it
    is dropped. A bare "on the eve", "накануне вечером", "накануне в Москве" stays the day before.
    A holiday that is an eve ("Christmas Eve") is its own day."""
    out: list[TimeExpression] = []
    for i, expr in enumerate(found):
        if not _is_eve(expr) or expr in holidays:
            out.append(expr)
            continue
        nxt = found[i + 1] if i + 1 < len(found) else None
        gap = text[expr.end : nxt.start].strip().casefold() if nxt is not None else None
        if nxt is not None and gap in _EVE_OF and nxt.precision in _DAYS_AND_TIMES:
            out.append(TimeExpression(expr.start, expr.end, expr.text, _midnight(nxt.value) - timedelta(days=1),
                                      TimePrecision.DAY, relative=True, anchor=expr.anchor))  # fmt: skip
        elif not _eve_of_an_event(text, expr.end, language):
            out.append(expr)
    return out


def _midnight(value: datetime) -> datetime:
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


_DAYS_AND_TIMES = (TimePrecision.DAY, TimePrecision.HOUR, TimePrecision.MINUTE)
_EVE_OF = frozenset({"of", "de", "du", "des", "del", "di", "von", "der", "van", "da", "do", ""})
_OF_AN_EVENT = re.compile(r"\s+(?:(?:of|de|du|des|del|della|dello|di|der|vom|von|van|da|do)\s+|d['’])\w", re.I)
_NEXT_WORD = re.compile(r"\s+(\w+)")


def _eve_of_an_event(text: str, end: int, language: str | None) -> bool:
    """Whether an eve names what it is the eve of and that is no date: "of" and a word after it, or,
    in Russian and Polish, a lowercase word right after it that may be in the genitive, by their
    dictionaries ("накануне выборов", "накануне президентских выборов"; not "накануне сообщалось",
    "Накануне сторонники Трампа ворвались", whose word opens the clause)."""
    if _OF_AN_EVENT.match(text, end):
        return True
    if language not in VERB_LANGUAGES or not (m := _NEXT_WORD.match(text, end)) or not m.group(1).islower():
        return False
    return may_be_genitive(m.group(1), language)


def _sequels(found: list[TimeExpression], lexicon: _Lexicon) -> list[TimeExpression]:
    """ "A day later", "в тот же день": days from the last day the text named before them; dropped
    where it named none (the publication date is no day the story told)."""
    out: list[TimeExpression] = []
    for expr in found:
        unit, days = lexicon.relative.get(" ".join(expr.text.casefold().split()), ("", 0))
        if unit != _SEQUEL:
            out.append(expr)
            continue
        before = [t for t in out if t.precision in (TimePrecision.DAY, TimePrecision.HOUR, TimePrecision.MINUTE)]
        if before:
            day = _midnight(before[-1].value)
            out.append(replace(expr, value=day + timedelta(days=days), precision=TimePrecision.DAY))
    return out


def _days_beside_their_dates(found: list[TimeExpression], text: str, lexicon: _Lexicon) -> list[TimeExpression]:
    """A day set beside the date it names is that date. A weekday ("Saturday, April 22",
    "Thursday (July 13)", "в среду, 5 мая") of that weekday: a future one, or one of a week
    before the publication date. A day named from the publication date ("вчера (6 января)",
    "yesterday, January 6", "hier 6 janvier"), when the date lies within ``_DATED_DAY_SLACK`` days
    of it: an article published a day or two after it was written keeps the day the text states."""
    out = list(found)
    for i, expr in enumerate(found[:-1]):
        nxt = found[i + 1]
        if not _is_calendar_date(nxt) or text[expr.end : nxt.start].strip() not in ("", ",", "(", "–", "-"):
            continue
        name = expr.text.casefold().split()[-1] if expr.text.strip() else ""
        day = lexicon.weekdays.get(name)
        if day is not None:
            beside = nxt.value.weekday() == day
        else:
            beside = (
                _named_from_the_anchor(expr, lexicon)
                and str(nxt.value.day) in nxt.text  # a date, not another stretch ("3일 전", three days ago)
                and abs((nxt.value - expr.value).days) <= _DATED_DAY_SLACK
            )
        if beside:
            out[i] = replace(expr, value=_midnight(nxt.value), precision=TimePrecision.DAY)
    return out


_DATED_DAY_SLACK = 3


def _named_from_the_anchor(expr: TimeExpression, lexicon: _Lexicon) -> bool:
    """ "Yesterday", "сегодня", "hier": a day the anchor places by the lexicon's words for days
    (not a weekday, nor the eve of something)."""
    unit, _ = lexicon.relative.get(" ".join(expr.text.casefold().split()), ("", 0))
    return expr.relative and expr.precision is TimePrecision.DAY and unit == _D


def _weekday_after_a_weekday(found: list[TimeExpression], text: str, lexicon: _Lexicon) -> list[TimeExpression]:
    """The second day of "z wtorku na środę", "od ponedeljka do petka", "со вторника на среду": a
    weekday led by "to" right after one led by "from" is the first such day after it, not one
    read alone (a future clause's Tuesday had been followed by the Wednesday a week before)."""
    out = list(found)
    for i in range(1, len(out)):
        before, expr = out[i - 1], out[i]
        first, second = _weekday_named(before, lexicon), _weekday_named(expr, lexicon)
        if first is None or second is None or text[before.end : expr.start] != " ":
            continue
        if before.text.split()[0].casefold() not in _FROM_WORDS or expr.text.split()[0].casefold() not in _TO_WORDS:
            continue
        out[i] = replace(expr, value=_midnight(before.value) + timedelta(days=(second - first) % 7 or 7))
    return out


_FROM_WORDS = frozenset(_words("z ze zo od s со с от з із від from von du de del da dal"))
_TO_WORDS = frozenset(_words("na do на до to bis au a al"))


def _weekday_named(expr: TimeExpression, lexicon: _Lexicon) -> int | None:
    """The weekday a day's expression ends with ("z wtorku": 1), None for any other."""
    words = expr.text.casefold().split()
    if expr.precision is not TimePrecision.DAY or not words:
        return None
    return lexicon.weekdays.get(words[-1])


def _is_calendar_date(expr: TimeExpression) -> bool:
    return expr.precision in (TimePrecision.DAY, TimePrecision.MINUTE) and any(c.isdigit() for c in expr.text)


def _is_eve(expr: TimeExpression) -> bool:
    words = set(_WORD.findall(expr.text.casefold()))  # whole words: Spanish "jueves" holds no "eve"
    return any(w in words for w in ("eve", "veille", "vortag", "vorabend", "víspera", "vigilia", "véspera",
                                    "накануне", "напередодні", "przeddzień", "předvečer", "عشية"))  # fmt: skip


_Resolved = tuple[datetime, TimePrecision, bool]


def _resolve(m: re.Match[str], lex: _Lexicon, anchor: datetime | None) -> _Resolved | None:
    g = m.groupdict()
    try:
        if g["iso"]:
            return _absolute(int(g["iy"]), int(g["im"]), int(g["id"]), g["ihh"], g["imm"], anchor)
        if g["num"]:
            return _absolute(int(g["ny"]), int(g["nm"]), int(g["nd"]), g["nhh"], g["nmm"], anchor)
        if g.get("dmc"):
            return _day_month(int(g["cd"]), int(g["cm"]), None, (int(g["chh"]), int(g["cmm"])), anchor)
        if g.get("dma"):
            return _day_month(int(g["ad"]), int(g["am"]), None, None, anchor)
        if g["dmy"]:
            month = lex.months[g["dm"].casefold()]
            return _day_month(int(g["dd"]), month, g["dy"], _clock(m, "d"), anchor)
        if g["od"]:
            ordinal = " ".join(g["odw"].casefold().split())
            if ordinal in ORDINAL_DAYS["en"] and not re.search(r"\sof\s", g["od"], re.I):
                return None  # "the fourth of December", but "the first December storm" is no date
            day = ORDINAL_DAY_NUMBERS[ordinal]
            return _day_month(day, lex.months[g["odm"].casefold()], g["ody"], None, anchor)
        if g["mdy"]:
            month = lex.months[g["mm_"].casefold()]
            return _day_month(int(g["md"]), month, g["my"], _clock(m, "m"), anchor)
        if g["my_"]:
            return _tz(datetime(int(g["myy"]), lex.months[g["mym"].casefold()], 1), anchor), TimePrecision.MONTH, False
        if g["yr"] or g["yw"]:
            return _tz(datetime(int(g["yv"] or g["ywv"]), 1, 1), anchor), TimePrecision.YEAR, False
    except ValueError:  # 31 February and the like: not a date
        return None
    if anchor is None:
        return None  # everything below depends on the publication date
    for group, (unit, sign, needs_cue) in lex.stretch_units.items():
        if g.get(group):
            if needs_cue and not _future_clause(m.string, m.start(), m.end(), lex):
                return None  # "the highest in two years": a stretch past, no date
            if _vague_stretch(g.get(f"n_{group}"), g[group]):
                return None  # "a few years ago", "vor Jahren": no day, month or year to give
            raw = (g.get(f"n_{group}") or "1").casefold()
            amount = int(raw) if raw.isdigit() else lex.numbers.get(raw, 1)
            if sign > 0 and unit == _W:  # "in a week", "за тиждень": that many days on, as a reader counts
                return _shift(anchor, _D, 7 * amount)
            return _shift(anchor, unit, sign * amount)
    if g["rel"]:
        if _the_morning(m.string, m.start("rel"), m.group("rel")):
            return None  # "Am Morgen war es ruhig", "de morgen": the morning, not tomorrow
        unit, amount = lex.relative[" ".join(g["rel"].casefold().split())]
        if unit == _WEEKEND:
            return _weekend(anchor, amount or (1 if _future_clause(m.string, m.start(), m.end(), lex) else -1))
        return _shift(anchor, unit, amount)
    if g["wd"]:
        return _weekday(m, lex, anchor)
    if g.get("adj"):
        return _adjective(m, lex, anchor)
    if g["bm"]:
        led = _YEAR_JOINER.sub("", g["bm"][: m.start("bmy") - m.start("bm")]) if g["bmy"] else g["bm"]
        named = _tail_name(led.replace("-", " "), lex.months)
        if named is None:
            return None
        month = named
        if g["bmy"]:
            return _tz(datetime(int(g["bmy"]), month, 1), anchor), TimePrecision.MONTH, False
        # The last such month, as news mostly reports the past ("began in March" written in
        # November), but one or two months ahead the coming one ("from the start of February"
        # written in January, "in January" in December); "since July" is past.
        ahead = 0 if _SINCE.match(g["bm"]) else (month - anchor.month) % 12
        # Further ahead in a clause of the future too ("the vaccine will arrive in September"), unless
        # the month is a past one ("last October", "seit Anfang März").
        coming = 0 < ahead <= _MONTHS_AHEAD or (
            ahead > 0
            and not _PAST_MONTH.search(m.string, max(0, m.start() - 8), m.end())
            and _future_clause(m.string, m.start(), m.end(), lex, strict=True)
        )
        year = anchor.year + (anchor.month + ahead > 12) if coming else anchor.year - (month > anchor.month)
        if re.search(r"\b(?:next|prochain|nächsten|próximo|prossimo)\b", g["bm"], re.I):
            year = anchor.year if month > anchor.month else anchor.year + 1
        return _tz(datetime(year, month, 1), anchor), TimePrecision.MONTH, True
    return None


def _the_morning(text: str, start: int, word: str) -> bool:
    """Whether German or Dutch "morgen" at ``start`` is the noun, the morning, not tomorrow: German
    writes the noun with a capital, so a capital "Morgen" inside a sentence ("Am Morgen", "am
    frühen Morgen"); Dutch after an article or "elke" ("de morgen", "deze morgen")."""
    if word.casefold() != "morgen":
        return False
    before = text[max(0, start - 24) : start].rstrip()
    previous = _WORD.findall(before)[-1:]
    inside = bool(before) and before[-1] not in '.!?:;"“”«»\n'
    return (word[0] == "M" and inside) or (bool(previous) and previous[0].casefold() in _DUTCH_MORNING)


_DUTCH_MORNING = frozenset({"de", "deze", "die", "elke", "iedere", "s"})  # "'s morgens" is another word


def _vague_stretch(amount: str | None, stretch: str) -> bool:
    """Whether a stretch of time says no number: a vague one ("a few years ago", "несколько лет
    назад", "pred nekaj meseci") or none before a plural ("vor Jahren", "hace años", "pred leti",
    years ago). Three years back would be a precise year the text never gave."""
    if amount is not None:
        return " ".join(amount.casefold().split()) in _VAGUE_AMOUNTS
    return any(w in _PLURAL_UNITS for w in _WORD.findall(stretch.casefold()))


_VAGUE_AMOUNTS = frozenset(
    {
        "a few",
        *_words("""several quelques wenigen unos unas pochi несколько кілька kilka
    kilkoma několika několik няколко неколико nekoliko niekoľkými niekoľko nekaj birkaç beberapa vài"""),
    }
)
# Plural units, which a stretch without its number leaves vague ("il y a des jours" aside).
_PLURAL_UNITS = frozenset(
    _words("""days weeks months years jours semaines ans tagen wochen monaten jahren
    días semanas meses años dias anos giorni settimane mesi anni dagen weken maanden dniami tygodniami
    miesiącami laty dni tygodnie tygodni miesiące miesięcy lata lat dny dní dnů týdny týdnů měsíci měsíce
    měsíců lety roky dňami týždňami mesiacmi rokmi týždne týždňov mesiace mesiacov rokov dnevi tedni
    meseci leti dneve tedne tednov mesece mesecev leta дней недель месяцев лет днів тижнів місяців років
    дні тижні місяці роки дни седмици години أيام أسابيع""")
)


_MONTHS_AHEAD = 2  # a bare month this near ahead is the coming one
_PAST_MONTH = re.compile(
    r"\b(?:last|past|since|dernier|passé|seit|letzten|vergangenen|pasado|scorso|прошлом|прошлого|минулого|"
    r"zeszłym|ubiegłym|minulém|lani)\b",
    re.I,
)
_YEAR_JOINER = re.compile(r"[\s,]*(?:\b(?:de|of|năm))?\s*$", re.I)  # what stands between a month and its year
_SINCE = re.compile(r"(?:since|seit|depuis|desde|sinds)\b", re.I)


def _clock(m: re.Match[str], prefix: str) -> tuple[int, int] | None:
    return (int(m[f"{prefix}hh"]), int(m[f"{prefix}mm"])) if m[f"{prefix}hh"] else None


def _tz(value: datetime, anchor: datetime | None) -> datetime:
    return value.replace(tzinfo=anchor.tzinfo) if anchor is not None else value


def _absolute(year: int, month: int, day: int, hh: str | None, mm: str | None, anchor: datetime | None) -> _Resolved:
    if hh is not None and mm is not None:
        return _tz(datetime(year, month, day, int(hh), int(mm)), anchor), TimePrecision.MINUTE, False
    return _tz(datetime(year, month, day), anchor), TimePrecision.DAY, False


def _day_month(day: int, month: int, year: str | None, clock: tuple[int, int] | None,
               anchor: datetime | None) -> _Resolved | None:  # fmt: skip
    if year is not None:
        value = datetime(int(year), month, day)
        relative = False
    elif anchor is None:
        return None  # a yearless date cannot be placed without the publication date
    else:
        # The year that puts the date nearest the anchor: "28 December" in a 2 January article is last year's.
        options = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                options.append(datetime(y, month, day))
            except ValueError:
                continue
        value = min(options, key=lambda d: abs((d - anchor.replace(tzinfo=None)).days))
        relative = True
    if clock is not None:
        return _tz(value.replace(hour=clock[0], minute=clock[1]), anchor), TimePrecision.MINUTE, relative
    return _tz(value, anchor), TimePrecision.DAY, relative


def _shift(anchor: datetime, unit: str, amount: int) -> _Resolved:
    return (*shift(anchor, unit, amount), True)


def shift(anchor: datetime, unit: str, amount: int) -> tuple[datetime, TimePrecision]:
    """The day, part of a day, week (its Monday), month or year ``amount`` units from ``anchor``'s,
    with its precision: ``unit`` is "day", "eve", "morning"… "night", "week", "month" or "year"."""
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    if unit in (_D, "eve", _SEQUEL):  # a sequel is placed from the date before it (``_sequels``)
        return day + timedelta(days=amount), TimePrecision.DAY
    if unit in _PART_OF_DAY_HOUR:
        return (day + timedelta(days=amount)).replace(hour=_PART_OF_DAY_HOUR[unit]), TimePrecision.HOUR
    if unit == _W:  # the Monday of that week
        return day - timedelta(days=day.weekday()) + timedelta(weeks=amount), TimePrecision.WEEK
    if unit == _M:
        index = anchor.year * 12 + anchor.month - 1 + amount
        return day.replace(year=index // 12, month=index % 12 + 1, day=1), TimePrecision.MONTH
    return day.replace(year=anchor.year + amount, month=1, day=1), TimePrecision.YEAR


def _weekend(anchor: datetime, which: int) -> _Resolved:
    """The week of the last weekend (``which`` -1: the one now, on a Saturday or Sunday, or the one
    before) or of the coming one (1: this one, on a weekend day), as its Monday."""
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    saturday = day + timedelta(days=5 - day.weekday())  # this week's
    if which < 0 and day.weekday() < 5:
        saturday -= timedelta(weeks=1)
    return saturday - timedelta(days=5), TimePrecision.WEEK, True


def _adjective(m: re.Match[str], lex: _Lexicon, anchor: datetime) -> _Resolved | None:
    """ "današnji" (today's), "petkovi" (Friday's), "letošnjo" (this year's): as the day, weekday or
    year they are of; not the idiom "на сегодняшний день" (as of now, to date)."""
    if _TO_DATE.search(m.string, max(0, m.start() - 4), min(len(m.string), m.end() + 6)):
        return None
    word = m["adj"].casefold()
    unit, amount = lex.adjectives[next(stem for stem in lex.adjective_stems if word.startswith(stem))]
    if unit != _WD:
        return _shift(anchor, unit, amount)
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    if _future_clause(m.string, m.start(), m.end(), lex):
        return day + timedelta(days=(amount - day.weekday()) % 7), TimePrecision.DAY, True
    return day - timedelta(days=(day.weekday() - amount) % 7), TimePrecision.DAY, True


_TO_DATE = re.compile(r"\bна\s+\w+\s+(?:день|дату|момент)", re.I)


def _tail_name(phrase: str, names: dict[str, int]) -> int | None:
    """The number of the longest name that ends ``phrase`` (after its lead): "vào thứ hai" is
    Vietnamese Monday ("thứ hai"), "vào tháng 3" March."""
    words = phrase.casefold().split()
    return next((names[tail] for k in range(len(words)) if (tail := " ".join(words[k:])) in names), None)


# A Russian or Ukrainian day "на" something is set for ("перенесли на пятницу", "запланована на
# неділю") is the coming one, whatever the tense of the setting; "as of" one ("станом на
# п'ятницю", "по состоянию на вторник") looks back. Not Polish "na": as often "as of" with no
# other word ("sondaże dają na sobotę przewagę", the polls as of Saturday).
_AS_OF = re.compile(r"(?:станом|состоянию|стану|состоянием)\s+$", re.I)


def _set_for(m: re.Match[str]) -> bool:
    start = m.start("wdn")
    return (
        m["wdn"].split(maxsplit=1)[0].casefold() == "на" and _AS_OF.search(m.string, max(0, start - 20), start) is None
    )


# Words that set a day ("назначено", "перенесли", "запланирован", "отложили", "намечено"), whose
# "на среду" is Wednesday, not the environment.
_SET_FOR_WEDNESDAY = re.compile(r"(?:назнач|перен[её]с|перенос|заплан|отлож|намеч|передвин)\w*\s+$", re.I)


def _weekday(m: re.Match[str], lex: _Lexicon, anchor: datetime) -> _Resolved | None:
    target = _tail_name(m["wdn"], lex.weekdays)
    if target is None:
        return None
    if m["wdn"].casefold().startswith("на сред"):
        start = m.start("wdn")
        if _SET_FOR_WEDNESDAY.search(m.string, max(0, start - 30), start) is None:
            return None
    day = anchor.replace(hour=0, minute=0, second=0, microsecond=0)
    back = (day.weekday() - target) % 7  # the most recent such day on or before the anchor
    modifier = (m["wdmod"] or m["wdpost"] or "").casefold()
    if modifier in ("next", "prochain", "próximo", "prossimo"):
        return day + timedelta(days=(target - day.weekday()) % 7 or 7), TimePrecision.DAY, True
    if not modifier and (_set_for(m) or _future_clause(m.string, m.start(), m.end(), lex)):
        return day + timedelta(days=(target - day.weekday()) % 7), TimePrecision.DAY, True  # the coming one
    if modifier and back == 0:
        back = 7  # "last Tuesday" written on a Tuesday is a week ago
    return day - timedelta(days=back), TimePrecision.DAY, True


# Words that put a clause in the future: auxiliaries and verbs of intent ("will", "wird", "будет",
# "będzie", "bude", "bodo", "ще", "namerava"). A bare weekday in such a clause is the coming one:
# "se namerava testirati v sredo" (intends to be tested on Wednesday). Slavic perfective verbs
# ("zveřejní v úterý", will publish) say the same by their aspect: in Polish and Russian the
# dictionaries the entity tagger reads give it ("W poniedziałek trafi", will arrive on Monday;
# ``morphology.is_future_verb``); in the other Slavic languages no dictionary here does.
# Each language's own: Polish "bo" is "because", Slovene's "will". Of the perfective presents, the
# beginnings of what takes effect ("ukrep, ki začne veljati v četrtek", "набуде чинності").
_FUTURE_CUES = {
    "en": "will shall scheduled slated", "fr": "va vont sera seront prévu prévue", "de": "wird werden soll sollen",
    "es": "será serán", "it": "sarà saranno", "pt": "será vai vão", "nl": "zal zullen",
    "ru": "будет будут планирует намерен намерена", "uk": "буде будуть планує набуде набудуть почне почнуть",
    "pl": "będzie będą zamierza planuje zostanie zostaną",
    "cs": "bude budou plánuje hodlá začne začnou", "sk": "bude budú plánuje začne začnú",
    "hr": "će ću ćemo ćete planira",
    "sr": "ће ћу ћемо ћете планира će ću ćemo ćete planira",
    "sl": "bo bodo bom boš bomo bosta namerava nameravajo začne začnejo", "bg": "ще",
    "id": "akan", "ms": "akan", "vi": "sẽ",
}  # fmt: skip
_AMBIGUOUS_FUTURE_CUES = frozenset({"wird", "werden", "soll", "sollen"})
_FUTURE_SUFFIXES = {"tr": ("acak", "ecek", "acağı", "eceği", "acaklar", "ecekler", "acaktır", "ecektir")}
_FUTURE_REACH = 6  # words on either side of the weekday, within its clause
# A comma ends the clause too: "je v četrtek priznal, da bo zapustil" (admitted on Thursday that he
# will leave) is a past Thursday.
_CLAUSE_END = re.compile(r"[.,;:!?\n]")


def _without_abbreviation_dots(text: str) -> str:
    """``text`` with the dots of letter-by-letter abbreviations dropped ("1 p.m.", "U.S."), which end
    no clause: "A funeral is scheduled for 1 p.m. Saturday" is one."""
    return _ABBREVIATION.sub(lambda m: m.group(0).replace(".", ""), text)


_ABBREVIATION = re.compile(r"\b(?:[^\W\d_]\.){2,}")


def _future_clause(text: str, start: int, end: int, lex: _Lexicon, *, strict: bool = False) -> bool:
    """Whether a future cue of the text's language stands within a few words of a weekday, in its
    clause; ``strict``, not one that may be another tense's (German "wird", "soll": a passive, a report)."""
    before = _CLAUSE_END.split(_without_abbreviation_dots(text[max(0, start - 80) : start]))[-1]
    after = _CLAUSE_END.split(_without_abbreviation_dots(text[end : end + 80]))[0]
    words = [w.casefold() for w in (*_WORD.findall(before)[-_FUTURE_REACH:], *_WORD.findall(after)[:_FUTURE_REACH])]
    cues = lex.future_cues - _AMBIGUOUS_FUTURE_CUES if strict else lex.future_cues
    if any(w in cues or w.endswith(lex.future_suffixes) for w in words):
        return True
    verbs = lex.verb_language
    return verbs is not None and any(is_future_verb(w, verbs) for w in words)


# -- sentences and timelines --------------------------------------------------------------------


def sentence_index(spans: Sequence[tuple[int, int]], offset: int) -> int:
    """Index of the sentence (``sentence_spans`` numbering) holding character ``offset``.

    An offset between two sentences belongs to the earlier one.
    """
    lo, hi = 0, len(spans) - 1
    while lo < hi:  # the last sentence starting at or before the offset
        mid = (lo + hi + 1) // 2
        if spans[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return max(lo, 0)


def sentence_of(text: str, expression: TimeExpression) -> tuple[int, str]:
    """The sentence a time expression stands in: (index as ``split_sentences`` numbers it, text)."""
    spans = sentence_spans(text)
    if not spans:
        return 0, text
    index = sentence_index(spans, expression.start)
    start, end = spans[index]
    return index, text[start:end]


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """A dated event in a story: when, what the sentence says, and which article says it."""

    time: datetime
    precision: TimePrecision
    sentence: str
    article_id: str
    expression: TimeExpression


def timeline(items: Iterable[tuple[str, str, TimeExpression]]) -> list[TimelineEntry]:
    """A story's dated events, earliest first, one entry per (article, sentence, date).

    Args:
        items: (article id, article text, time expression found in that text).

    Example:
        >>> text = "Troops attacked on 23 November. Yesterday they withdrew."
        >>> found = time_expressions(text, "en", datetime(2017, 11, 25))
        >>> [(e.time.day, e.sentence) for e in timeline(("a1", text, t) for t in found)]
        [(23, 'Troops attacked on 23 November.'), (24, 'Yesterday they withdrew.')]
    """
    entries: dict[tuple[str, str, datetime], TimelineEntry] = {}
    spans_by_text: dict[str, list[tuple[int, int]]] = {}
    for article_id, text, expression in items:
        spans = spans_by_text.setdefault(text, sentence_spans(text))
        start, end = spans[sentence_index(spans, expression.start)] if spans else (0, len(text))
        sentence = text[start:end]
        entry = TimelineEntry(expression.value, expression.precision, sentence, article_id, expression)
        entries.setdefault((article_id, sentence, expression.value.replace(tzinfo=None)), entry)
    return sorted(entries.values(), key=lambda e: (e.time.replace(tzinfo=None), e.article_id))
