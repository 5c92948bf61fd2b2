"""The words numeric claims are read with: hedges, number words, counted things and actions.

A lexicon, not a model: the news domain (violence, disasters, elections, health, the economy)
talks about a few hundred kinds of things, and a claim is only worth comparing across articles
when both sides map it to the same language-neutral key ("боевиков", "militants", "terroristes"
-> "militant"; "убиты", "killed", "tués" -> "killed"). Words are matched as written and by
their simplemma lemma, so inflected forms need only their lemma here.

Languages: en, fr, de, es, it, pt, nl, ru, uk, pl, cs, bg, sl, tr, and a little Arabic.
"""

from __future__ import annotations

from newsweave.records import Qualifier


def _words(text: str) -> list[str]:
    """The words of a space-separated list (easier to read and extend than a list literal)."""
    return text.split()


Q = Qualifier
# Hedges before a number. Order does not matter: the longest phrase wins.
QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(["more than", "over", "upwards of", "in excess of", "plus de", "mehr als", "über", "más de",
                     "più di", "oltre", "более", "больше", "свыше", "более чем", "больше чем", "mais de",
                     "meer dan", "ponad", "więcej niż", "ponad", "více než", "přes", "понад", "більше ніж",
                     "plus d'", "plus d’", "більш ніж", "більше", "أكثر من", "well over", "just over",
                     "well above", "più del", "più della", "più dei", "più delle", "oltre il", "oltre la",
                     "oltre i", "oltre le", "más del", "mais do que"], Q.MORE_THAN),
    **dict.fromkeys(["at least", "no fewer than", "no less than", "au moins", "pas moins de", "mindestens",
                     "wenigstens", "al menos", "por lo menos", "almeno", "non meno di", "не менее",
                     "не меньше", "как минимум", "по меньшей мере", "по крайней мере", "pelo menos",
                     "minstens", "ten minste", "co najmniej", "nie mniej niż", "nejméně", "alespoň",
                     "minimálně", "щонайменше", "не менше", "принаймні", "على الأقل"], Q.AT_LEAST),
    **dict.fromkeys(["around", "about", "approximately", "roughly", "some", "nearly", "almost", "close to",
                     "an estimated", "estimated", "environ", "près de", "quelque", "quelques", "presque",
                     "près d'", "près d’",
                     "approximativement", "etwa", "rund", "ungefähr", "fast", "knapp", "circa", "zirka",
                     "alrededor de", "cerca de", "unos", "unas", "casi", "aproximadamente", "quasi", "intorno a",
                     "около", "примерно", "почти", "порядка", "приблизительно", "почти что", "quase",
                     "por volta de", "ongeveer", "bijna", "około", "prawie", "blisko", "niemal", "asi",
                     "přibližně", "zhruba", "téměř", "skoro", "близько", "майже", "приблизно", "близько до",
                     "حوالي", "نحو", "قرابة"], Q.AROUND),
    **dict.fromkeys(["up to", "as many as", "jusqu'à", "jusqu’à", "bis zu", "hasta", "fino a", "até",
                     "tot", "do", "až", "до", "вплоть до"], Q.UP_TO),
    **dict.fromkeys(["no more than", "not more than", "at most", "at the most", "pas plus de", "au plus",
                     "tout au plus", "höchstens", "nicht mehr als", "no más de", "como máximo", "non più di",
                     "al massimo", "не более", "не больше", "не более чем", "максимум", "no máximo",
                     "não mais de", "hoogstens", "nie więcej niż", "najwyżej", "maksymalnie", "nejvýše",
                     "maximálně", "не більше", "не більше ніж", "щонайбільше"], Q.NO_MORE_THAN),
    **dict.fromkeys(["less than", "fewer than", "under", "below", "moins de", "weniger als", "unter",
                     "menos de", "meno di", "менее", "меньше", "меньше чем", "menos que", "minder dan",
                     "mniej niż", "méně než", "moins d'", "moins d’", "менше ніж", "менше", "أقل من", "meno del",
                     "meno della", "meno dei", "meno delle", "menos del", "menos do que"], Q.LESS_THAN),
}  # fmt: skip
# Hedges after a number: "50 or more", "50 et plus", "50 и более".
POST_QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(["or more", "and more", "plus", "et plus", "oder mehr", "y más", "o más", "e più",
                     "и более", "и больше", "или более", "ou mais", "i więcej", "a více", "і більше"], Q.AT_LEAST),
    **dict.fromkeys(["or so", "odd", "-odd", "environ", "или около того"], Q.AROUND),
}  # fmt: skip
# The word that ties a hedge to its number ("more than", "más de", "plus de", "более чем"): after a
# hedge that follows a number, it says the hedge opens the next figure ("50 personas y más de cien").
THAN_WORDS = ("than", "de", "d'", "d’", "que", "of", "als", "di", "dan", "чем", "ніж", "niż", "než", "od", "от",
              "kot")  # fmt: skip
RANGE_OPENERS = ("between", "from", "entre", "de", "zwischen", "von", "tra", "fra", "da", "от", "між", "від",
                 "od", "mezi", "tussen", "van")  # fmt: skip

# Number words. Values of 1 are left out: "one", "un", "a" are mostly not counts.
_UNITS = {
    "en": "_ _ two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen",
    "fr": "_ _ deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize",
    "de": "_ _ zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn "
          "siebzehn achtzehn neunzehn",
    "es": "_ _ dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis "
          "diecisiete dieciocho diecinueve",
    "it": "_ _ due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici "
          "diciassette diciotto diciannove",
    "pt": "_ _ dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis dezessete "
          "dezoito dezenove",
    "nl": "_ _ twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien "
          "zeventien achttien negentien",
    "ru": "_ _ два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать "
          "четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать",
    "uk": "_ _ два три чотири п'ять шість сім вісім дев'ять десять одинадцять дванадцять тринадцять "
          "чотирнадцять п'ятнадцять шістнадцять сімнадцять вісімнадцять дев'ятнадцять",
    "pl": "_ _ dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście "
          "czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście",
    "cs": "_ _ dva tři čtyři pět šest sedm osm devět deset jedenáct dvanáct třináct čtrnáct patnáct šestnáct "
          "sedmnáct osmnáct devatenáct",
    # Arabic writes 11-19 as two words ("ثلاثة عشر", three ten), summed as they come.
    "ar": "_ _ اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة _ _ _ _ _ _ _ _ _",
}  # fmt: skip
_TENS = {
    "en": "twenty thirty forty fifty sixty seventy eighty ninety",
    "fr": "vingt trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix",
    "de": "zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig",
    "es": "veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa",
    "it": "venti trenta quaranta cinquanta sessanta settanta ottanta novanta",
    "pt": "vinte trinta quarenta cinquenta sessenta setenta oitenta noventa",
    "nl": "twintig dertig veertig vijftig zestig zeventig tachtig negentig",
    "ru": "двадцать тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто",
    "uk": "двадцять тридцять сорок п'ятдесят шістдесят сімдесят вісімдесят дев'яносто",
    "pl": "dwadzieścia trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt "
          "dziewięćdziesiąt",
    "cs": "dvacet třicet čtyřicet padesát šedesát sedmdesát osmdesát devadesát",
    "ar": "عشرون ثلاثون أربعون خمسون ستون سبعون ثمانون تسعون",
}  # fmt: skip
_TENS_VALUES = {"fr": [20, 30, 40, 50, 60, 70, 80, 90]}
_BIG = {
    100: "hundred cent cents hundert cien ciento cientos cento cem cento centenas honderd сто сотня sto",
    1000: "thousand mille mil tausend mila duizend тысяча тысячу тысячи тысяч тисяча тисячу тисячі тисяч tysiąc "
          "tysiące tysięcy tisíc tisíce",
}  # fmt: skip
NUMBER_WORDS: dict[str, int] = {}
# The languages each word of the tables above is a number in: "due" is 2 in Italian only, not in
# "due to"; "Two" in a German text is no German number.
NUMBER_WORD_LANGUAGES: dict[str, set[str]] = {}
for _lang, _names in [*_UNITS.items(), *_TENS.items()]:
    for _w in _names.split():
        NUMBER_WORD_LANGUAGES.setdefault(_w, set()).add(_lang)
NUMBER_WORD_LANGUAGES.pop("_")
for _lang, _names in _UNITS.items():
    NUMBER_WORDS.update({w: i for i, w in enumerate(_names.split()) if w != "_"})
for _lang, _names in _TENS.items():
    values = _TENS_VALUES.get(_lang, list(range(20, 100, 10)))
    NUMBER_WORDS.update(zip(_names.split(), values, strict=True))
for _value, _names in _BIG.items():
    NUMBER_WORDS.update(dict.fromkeys(_names.split(), _value))
for _tens, _ten_value in zip(_TENS["it"].split(), range(20, 100, 10), strict=True):
    for _unit, _unit_value in zip(_UNITS["it"].split()[2:10], range(2, 10), strict=True):
        NUMBER_WORDS[_tens + _unit] = _ten_value + _unit_value  # "venticinque"
    NUMBER_WORDS[_tens[:-1] + "uno"] = _ten_value + 1  # "ventuno": the vowel elides
    NUMBER_WORDS[_tens[:-1] + "otto"] = _ten_value + 8
NUMBER_WORDS.update({
    # Forms the tables above miss: oblique cases, glued compounds, feminine forms.
    "dozen": 12, "a dozen": 12, "douzaine": 12, "une douzaine": 12, "dutzend": 12, "docena": 12, "dozzina": 12,
    "dúzia": 12, "quatre-vingts": 80, "veintiuno": 21, "veintidós": 22, "veintitrés": 23, "veinticuatro": 24,
    "veinticinco": 25, "veintiséis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "duas": 2,
    "двух": 2, "двое": 2, "двоих": 2, "две": 2, "трёх": 3, "трех": 3, "трое": 3, "троих": 3,
    "четырёх": 4, "четырех": 4, "четверо": 4, "пяти": 5, "пятеро": 5, "шести": 6, "семи": 7, "восьми": 8,
    "девяти": 9, "десяти": 10, "двадцати": 20, "тридцати": 30, "сорока": 40, "пятидесяти": 50,
    "шестидесяти": 60, "семидесяти": 70, "восьмидесяти": 80, "девяноста": 90, "ста": 100, "сотни": 100,
    "двести": 200, "двухсот": 200, "триста": 300, "трехсот": 300, "трёхсот": 300, "четыреста": 400,
    "пятьсот": 500, "пятисот": 500, "десяток": 10, "десятка": 10, "дві": 2, "двох": 2, "трьох": 3,
    "п’ять": 5, "п’ятдесят": 50, "dwóch": 2, "trzech": 3, "pięciu": 5, "dvou": 2, "tří": 3, "pěti": 5,
})  # fmt: skip
# Round counts said as nouns: "une cinquantaine" is about fifty.
APPROXIMATE_NUMBER_WORDS: dict[str, int] = {
    "dizaine": 10, "quinzaine": 15, "vingtaine": 20, "trentaine": 30, "quarantaine": 40, "cinquantaine": 50,
    "soixantaine": 60, "centaine": 100, "decina": 10, "ventina": 20, "trentina": 30, "quarantina": 40,
    "cinquantina": 50, "sessantina": 60, "centinaio": 100, "decena": 10, "veintena": 20, "treintena": 30,
    "centenar": 100, "dezena": 10, "vintena": 20, "centena": 100, "десяток": 10, "десятка": 10,
    "полсотни": 50, "sotnia": 100, "stovka": 100,
}  # fmt: skip
# Arabic's other forms: feminine units, the tens and hundreds in the oblique case that news
# mostly writes ("مقتل خمسين"), and with "و" (and) glued on as compounds join them ("خمسة
# وعشرون", 25; "مئة وخمسون", 150).
_ARABIC_UNITS = {"اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "أربع": 4, "خمس": 5, "ست": 6, "سبع": 7,
                 "ثمان": 8, "ثماني": 8, "تسع": 9, "عشر": 10}  # fmt: skip
_ARABIC_TENS = dict(zip(_TENS["ar"].split(), range(20, 100, 10), strict=True)) | dict(
    zip(_words("عشرين ثلاثين أربعين خمسين ستين سبعين ثمانين تسعين"), range(20, 100, 10), strict=True)
)
_ARABIC_HUNDREDS = {"مئة": 100, "مائة": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
                    **{f"{unit}{hundred}": value * 100 for unit, value in [("ثلاث", 3), ("أربع", 4), ("خمس", 5),
                       ("ست", 6), ("سبع", 7), ("ثمان", 8), ("تسع", 9)] for hundred in ("مائة", "مئة")},
                    "ألف": 1000, "ألفين": 2000, "ألفان": 2000}  # fmt: skip
_ARABIC_WORDS = {**_ARABIC_UNITS, **_ARABIC_TENS, **_ARABIC_HUNDREDS}
_ARABIC_WORDS |= {"و" + word: value for word, value in _ARABIC_WORDS.items() if value >= 3}
NUMBER_WORDS.update(_ARABIC_WORDS)
for _w in _ARABIC_WORDS:
    NUMBER_WORD_LANGUAGES.setdefault(_w, set()).add("ar")
NUMBER_WORDS.update(APPROXIMATE_NUMBER_WORDS)
# One of a big unit, said with an article or alone ("more than a million", "plus d'un million",
# "более миллиона", "preko milijona"): the tables above hold these units after a number only.
_BARE_MILLIONS = ["миллион", "миллиона", "мільйон", "мільйона", "milion", "miliona", "milionu", "milión", "milióna",
                  "milijon", "milijona", "милион", "милиона"]  # fmt: skip
_BARE_BILLIONS = ["миллиард", "миллиарда", "мільярд", "мільярда", "miliard", "miliarda", "milijarda", "милиард",
                  "милиарда"]  # fmt: skip
NUMBER_WORDS.update({
    **dict.fromkeys(_BARE_MILLIONS, 1_000_000),
    **dict.fromkeys(_BARE_BILLIONS, 1_000_000_000),
    **dict.fromkeys(["a million", "one million", "un million", "eine million", "einer million", "un millón",
                     "un millon", "un milione", "um milhão", "een miljoen", "bir milyon"], 1_000_000),
    **dict.fromkeys(["a billion", "one billion", "un milliard", "eine milliarde", "einer milliarde",
                     "un miliardo", "um bilhão", "een miljard"], 1_000_000_000),
    **dict.fromkeys(["half a million", "un demi-million", "полмиллиона", "півмільйона", "pół miliona", "pol milijona",
                     "půl milionu", "pol milióna", "пів мільйона", "половин милион"], 500_000),
    **dict.fromkeys(["a thousand", "one thousand"], 1000),
    **dict.fromkeys(["a hundred", "one hundred"], 100),
})  # fmt: skip
# Words that are a number only when a counted thing follows ("neuf": new, "sept" in dates).
AMBIGUOUS_NUMBER_WORDS = frozenset({"neuf", "sept", "sei", "elf", "acht", "sto", "dva", "cent", "mil", "otto",
                                    "pet", "tri", "dan", "quarantaine",
                                    "tres", "once", "dos", "cento", "mille", "tien", "sete", "nove",
                                    "seis", "ست", "سبع", "خمس", "عشر"})  # fmt: skip
_PLURAL_MILLIONS = ["millions", "millions of", "des millions", "des millions de", "millionen", "millones",
                    "millones de", "milioni", "milioni di", "milhões", "milhões de", "miljoenen", "миллионы",
                    "мільйони", "miliony", "milióny", "milijoni", "милиони"]  # fmt: skip
# Vague counts: (low, high) of what the words allow.
VAGUE: dict[str, tuple[float, float]] = {
    **dict.fromkeys(["dozens", "dozens of", "several dozen", "a few dozen", "des dizaines", "des dizaines de",
                     "plusieurs dizaines", "quelques dizaines", "dutzende", "mehrere dutzend", "decenas",
                     "decenas de", "decine", "decine di", "dezenas", "dezenas de", "десятки", "несколько десятков",
                     "десятков", "кілька десятків", "dziesiątki", "kilkadziesiąt", "desítky", "několik desítek",
                     "tientallen", "عشرات", "العشرات"], (24.0, 99.0)),
    **dict.fromkeys(["hundreds", "hundreds of", "several hundred", "a few hundred", "des centaines",
                     "plusieurs centaines", "hunderte", "mehrere hundert", "cientos", "centenares", "centinaia",
                     "centenas", "сотни", "несколько сотен", "сотні", "кілька сотень", "setki", "kilkaset",
                     "stovky", "honderden", "مئات", "المئات"], (200.0, 999.0)),
    **dict.fromkeys(["thousands", "thousands of", "several thousand", "a few thousand", "des milliers",
                     "plusieurs milliers", "tausende", "mehrere tausend", "miles", "migliaia", "milhares",
                     "тысячи", "несколько тысяч", "тисячі", "кілька тисяч", "tysiące", "kilka tysięcy",
                     "tisíce", "duizenden", "آلاف", "الآلاف"], (2000.0, 9999.0)),
    **dict.fromkeys(["hundreds of thousands", "des centaines de milliers", "hunderttausende", "cientos de miles",
                     "centinaia di migliaia", "centenas de milhares", "сотни тысяч", "сотні тисяч",
                     "setki tysięcy", "stovky tisíc"], (200_000.0, 999_999.0)),
    **dict.fromkeys(_PLURAL_MILLIONS, (2e6, 999e6)),
    **dict.fromkeys(["tens of millions", "des dizaines de millions", "decenas de millones", "decine di milioni",
                     "dezenas de milhões", "десятки миллионов", "десятки мільйонів", "dziesiątki milionów",
                     "desítky milionů"], (20e6, 99e6)),
    **dict.fromkeys(["hundreds of millions", "des centaines de millions", "cientos de millones",
                     "centinaia di milioni", "centenas de milhões", "сотни миллионов", "сотні мільйонів",
                     "setki milionów", "stovky milionů"], (200e6, 999e6)),
    **dict.fromkeys(["billions", "billions of", "des milliards", "des milliards de", "milliarden", "miles de millones",
                     "miliardi", "miliardi di", "bilhões", "миллиарды", "мільярди", "miliardy"], (2e9, 999e9)),
    **dict.fromkeys(["tens of thousands", "des dizaines de milliers", "zehntausende", "decenas de miles",
                     "decine di migliaia", "dezenas de milhares", "десятки тысяч", "десятки тисяч",
                     "dziesiątki tysięcy", "desítky tisíc", "عشرات الآلاف"], (20000.0, 99999.0)),
}  # fmt: skip
# Russian "тысячи" and Ukrainian "тисячі" are both "thousands" and "of a thousand": after a word
# that governs the genitive ("более тысячи человек", "близько тисячі") they are one thousand.
ONE_THOUSAND_IN_GENITIVE = frozenset({"тысячи", "тисячі"})
GENITIVE_GOVERNORS = frozenset(
    _words("более менее свыше около порядка больше меньше до от из ок. більше менше близько від з")
)
# Vague counts that are other words elsewhere: the languages in which they are counts.
VAGUE_LANGUAGES: dict[str, frozenset[str]] = {"miles": frozenset({"es"})}
SCALES: dict[str, float] = {
    **dict.fromkeys(["thousand", "thousands", "mille", "tausend", "mil", "mila", "тыс", "тыс.", "тысяч", "тысячи",
                     "тысяча", "тис", "тис.", "тисяч", "тисячі", "tys", "tys.", "tysięcy", "tysiące", "tis",
                     "tis.", "tisíc", "duizend", "k", "ألف", "آلاف", "tysiąca", "tysiąc", "tisíce", "tisoč", "tisuća",
                     "хиляди", "хиляда"], 1e3),
    **dict.fromkeys(["million", "millions", "mn", "m", "mio", "mio.", "millionen", "millón", "millones",
                     "milione", "milioni", "milhão", "milhões", "млн", "млн.", "миллион", "миллиона",
                     "миллионов", "мільйон", "мільйона", "мільйонів", "mln", "mln.", "milion", "miliony",
                     "milionów", "milionů", "miljoen", "مليون", "ملايين", "miliona", "milionu", "milión", "milióny",
                     "miliónov", "miliónů", "milijon", "milijona", "milijonov", "milijuna", "милион", "милиона",
                     "милиони", "миллионы", "мільйони", "milyon"], 1e6),
    **dict.fromkeys(["billion", "billions", "bn", "milliard", "milliards", "mrd", "mrd.", "milliarde",
                     "milliarden", "mil millones", "miliardo", "miliardi", "bilhão", "bilhões", "млрд",
                     "млрд.", "миллиард", "миллиарда", "миллиардов", "мільярд", "мільярдів", "mld", "mld.",
                     "miliard", "miliardy", "miliardów", "miljard", "مليار", "miliarda", "miliardu", "milijard",
                     "milijarda", "milijarde", "милиард", "милиарда", "мільярда", "milyar"], 1e9),
}  # fmt: skip
PERCENT = ("%", "percent", "per cent", "pour cent", "prozent", "por ciento", "per cento", "por cento",
           "procent", "procenta", "процент", "процента", "процентов", "відсоток", "відсотки", "відсотків",
           "في المائة", "بالمئة", "odstotek", "odstotka", "odstotkov", "odstotki", "процента", "процент",
           # the inflected and abbreviated forms news writes too: Polish "95 proc." (207 of SemEval's and
           # BSNLP's Polish claims were counted "procent", no percent), "w 20 odstotkih"
           "proc.", "proc", "procentów", "procentach", "procentu", "odstotkih", "odstotkom", "процентах",
           "відсотках", "pct", "pct.",
           # Bulgarian "30 на сто" (30 per hundred): "сто" was read as a figure of 100 of its own
           "на сто")  # fmt: skip
CURRENCY: dict[str, str] = {
    "$": "usd", "us$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₽": "rub", "₴": "uah", "dollar": "usd",
    "dollars": "usd", "dólares": "usd", "dollari": "usd", "долларов": "usd", "доллара": "usd",
    "доларів": "usd", "dolarów": "usd", "dolarů": "usd", "euro": "eur", "euros": "eur", "евро": "eur",
    "євро": "eur", "pound": "gbp", "pounds": "gbp", "rouble": "rub", "roubles": "rub", "ruble": "rub",
    "rubles": "rub", "рублей": "rub", "рубля": "rub", "рубль": "rub", "гривень": "uah", "гривні": "uah",
    "hryvnias": "uah", "złotych": "pln", "zł": "pln", "korun": "czk", "kč": "czk", "usd": "usd", "eur": "eur",
    "gbp": "gbp", "rub": "rub", "yuan": "cny", "renminbi": "cny", "yen": "jpy", "rupee": "inr", "rupees": "inr",
    "lira": "try", "liras": "try",
}  # fmt: skip
# A number after these words is an identifier, not a quantity: "route 7", "flight 17", "No. 5".
IDENTIFIER_WORDS = frozenset(_words(
    """route road highway flight line number no no. nr nr. n° № # article art art. paragraph section
    chapter page p. pp. vol resolution bus platform room gate terminal km-marker level grade class
    category size sizes code zip tel tel. phone fax ext channel channel- autoroute vol ligne numéro
    page chapitre straße linie nummer seite ruta vuelo línea página número strada volo linea pagina
    numero рейс трасса номер статья статьи страница маршрут линия автобус lot trasa numer strona
    artykuł linka číslo strana článek interstate boeing airbus apollo phase episode version covid covida
    ковид ковида"""
))  # fmt: skip
# These too, written with a capital as a name's part ("Bridge 136 over Big Creek", "Building 7",
# "Stage 4"); lowercase they may end a clause before a count ("in the building 300 were trapped").
NAMED_IDENTIFIER_WORDS = frozenset(
    _words("""bridge bridges exit exits pier ward precinct building floor track model type stage block""")
)

# Counted things: key -> words (lemmas and common forms) in every language.
COUNTED: dict[str, str] = {
    "person": """people person persons individual individuals personne personnes gens individu mensch menschen
        person personen leute persona personas gente pessoa pessoas persone individui человек люди людей
        людина людей особа осіб osoba osób ludzie człowiek ludzi člověk lidé lidí osob mensen personen
        شخص أشخاص شخصا men hommes männer hombres uomini homens mannen мужчин мужчины mężczyzn mężczyźni
        muži mužů lives vies vidas vite жизни жизней життів istnień životů življenj""",
    "medal": """medal medals medaille medaillen médaille médailles medalla medallas medaglia medaglie medalha
        medalhas медаль медали медалей medale medali medaile medailí madalya""",
    "militant": """militant militants terrorist terrorists fighter fighters insurgent insurgents jihadist
        jihadists rebel rebels gunman gunmen extremist extremists islamist islamists combatant combatants
        terroriste terroristes combattant combattants djihadiste djihadistes jihadiste jihadistes insurgé
        insurgés rebelle rebelles islamiste islamistes extrémiste extrémistes kämpfer terrorist terroristen
        extremist extremisten dschihadist dschihadisten rebell rebellen islamist islamisten aufständische
        militante militantes terrorista terroristas combatiente combatientes yihadista yihadistas
        insurgente insurgentes rebelde rebeldes miliziano miliziani terroristi combattente combattenti
        jihadisti ribelle ribelli insorto insorti combatente combatentes боевик боевики террорист
        террористы джихадист экстремист исламист повстанец игиловец бойовик бойовики терорист терористи
        bojownik bojownicy terrorysta terroryści dżihadysta rebeliant bojovník bojovníci terorista teroristé
        džihádista povstalec strijder strijders مسلح مسلحين إرهابي إرهابيين مقاتل مقاتلين""",
    "soldier": """soldier soldiers troop troops serviceman servicemen marine marines trooper soldat soldats
        militaire militaires soldaten soldado soldados militar militares soldato soldati militare militari
        солдат солдаты военный военные военнослужащий военнослужащих боец бойцы військовий військові
        солдат żołnierz żołnierze voják vojáci جندي جنود""",
    "civilian": """civilian civilians civil civils zivilist zivilisten civiles civile civili мирный
        мирных мирные цивільний цивільних cywil cywile cywilów civilista civilisté burger burgers مدني
        مدنيين""",
    "child": """child children kid kids minor minors enfant enfants mineur mineurs kind kinder niño niños
        menor menores bambino bambini criança crianças ребёнок ребенок дети детей дитина діти дітей dziecko
        dzieci dítě děti kinderen طفل أطفال""",
    "woman": "woman women femme femmes frau frauen mujer mujeres donna donne mulher mulheres женщина женщин "
    "жінка жінок kobieta kobiet žena žen vrouw vrouwen امرأة نساء",
    "police": """police policeman policemen police officer officers policier policiers gendarme gendarmes
        polizist polizisten policía policías policías poliziotto poliziotti agente agenti policial policiais
        полицейский полицейских полицейские поліцейський поліцейських policjant policjanci policista
        policisté agent agenten شرطي""",
    "resident": """resident residents inhabitant inhabitants habitant habitants einwohner bewohner habitante
        habitantes abitante abitanti morador moradores житель жителей жители мешканець мешканців
        mieszkaniec mieszkańców obyvatel obyvatelé obyvatel inwoner inwoners ساكن""",
    "protester": """protester protesters protestor protestors demonstrator demonstrators manifestant
        manifestants demonstrant demonstranten manifestante manifestantes manifestanti protestante
        protestantes протестующий протестующих протестующие демонстрант демонстрантов демонстранты
        протестувальник протестувальників протестувальники demonstrantów demonstranci protestujący
        protestujących demonstrantů demonstranti protestující протестиращ протестиращи протестиращите
        protestnik protestniki protestnikov gösterici göstericiler eylemci eylemciler""",
    "refugee": """refugee refugees migrant migrants asylum seeker réfugié réfugiés migrant migrants
        flüchtling flüchtlinge migrant refugiado refugiados migrante migrantes rifugiato rifugiati
        беженец беженцев беженцы мигрант біженець біженців uchodźca uchodźców migrant uprchlík uprchlíků
        vluchteling vluchtelingen لاجئ لاجئين""",
    "prisoner": """prisoner prisoners hostage hostages detainee detainees captive captives prisonnier
        prisonniers otage otages gefangene geisel geiseln preso presos rehén rehenes prigioniero prigionieri
        ostaggio ostaggi refém reféns пленный пленных заложник заложников полонений полонених заручник
        jeniec jeńców zakładnik zakładników zajatec rukojmí gijzelaar""",
    "patient": "patient patients malade malades patienten paciente pacientes paziente pazienti пациент "
    "пациентов пацієнт pacjent pacjentów pacient pacientů",
    "case": "case cases cas fall fälle caso casos casi случай случаев випадок випадків przypadek przypadków "
    "případ případů",
    "vehicle": """vehicle vehicles car cars truck trucks pickup pickups pick-up pick-ups tank tanks jeep jeeps
        ambulance ambulances krankenwagen rettungswagen ambulancia ambulancias ambulanza ambulanze
        ambulância ambulâncias karetka karetki karetek sanitka sanitky sanitek
        armoured vehicles véhicule véhicules voiture voitures camion camions pick-up char chars fahrzeug
        fahrzeuge auto autos lastwagen panzer vehículo vehículos coche coches camión camiones tanque tanques
        veicolo veicoli auto camion carri veículo veículos carro carros caminhão машина машин машины
        автомобиль автомобилей грузовик грузовиков пикап пикапов танк танков техника техники бронетехника
        автомобіль автомобілів танк pojazd pojazdów samochód samochodów czołg czołgów vozidlo vozidel auto
        tank tanků voertuig voertuigen سيارة سيارات دبابة""",
    "aircraft": """aircraft plane planes helicopter helicopters drone drones jet jets avion avions hélicoptère
        hélicoptères flugzeug flugzeuge hubschrauber drohne drohnen avión aviones helicóptero aereo aerei
        elicottero самолёт самолет самолетов вертолёт вертолет вертолетов беспилотник беспилотников дрон
        дронов літак літаків гелікоптер безпілотник samolot samolotów śmigłowiec dron drony letadlo letadel
        vrtulník dron طائرة""",
    "weapon": """weapon weapons gun guns mortar mortars rocket rockets missile missiles shell shells arme armes
        mortier mortiers roquette roquettes missile missiles obus waffe waffen mörser rakete raketen arma armas
        mortero cohete cohetes misil misiles arma armi mortaio razzo razzi missili оружие миномёт миномет
        минометов ракета ракет снаряд снарядов зброя міномет ракета ракет broń moździerz rakieta rakiet
        zbraň minomet raketa raket صاروخ صواريخ""",
    "house": """house houses home homes building buildings dwelling dwellings maison maisons bâtiment bâtiments
        logement logements habitation habitations haus häuser gebäude wohnung wohnungen casa casas edificio
        edificios vivienda viviendas case edifici abitazioni prédio prédios дом дома домов здание зданий
        жилой будинок будинків будівля будівель dom domy domów budynek budynków dům domy domů budova budov
        huis huizen gebouw gebouwen منزل منازل مبنى""",
    "settlement": """village villages town towns settlement settlements locality localities village
        localité localités dorf dörfer ortschaft ortschaften pueblo pueblos aldea localidad villaggio
        villaggi paese paesi aldeia aldeias село сел сёл населённый населенный пункт пунктов деревня
        деревень село сіл населений wieś wsi miejscowość miejscowości obec obcí vesnice dorp dorpen قرية قرى""",
    "vote": "vote votes voix stimme stimmen voto votos voti голос голосов голоси głos głosów hlas hlasů stem "
    "stemmen صوت أصوات",
    "seat": "seat seats siège sièges sitz sitze mandat mandate escaño escaños seggio seggi assento assentos "
    "место мест мандат мандатов місце місць mandat mandatów miejsce miejsc mandát mandátů křeslo "
    "zetel zetels مقعد مقاعد",
    "job": "job jobs emploi emplois poste postes arbeitsplatz arbeitsplätze stelle stellen empleo empleos "
    "posto posti emprego empregos рабочее мест робочих miejsc pracovních baan banen وظيفة وظائف",
    "worker": "worker workers employee employees staff travailleur travailleurs salarié salariés employé "
    "employés arbeiter mitarbeiter beschäftigte trabajador trabajadores empleado empleados "
    "lavoratore lavoratori dipendente dipendenti trabalhador trabalhadores funcionário "
    "funcionários рабочий рабочих сотрудник сотрудников работник работников працівник "
    "працівників pracownik pracowników zaměstnanec zaměstnanců werknemer werknemers عامل عمال",
    "student": "student students pupil pupils élève élèves étudiant étudiants schüler studenten estudiante "
    "estudiantes alumno alumnos studente studenti aluno alunos студент студентов школьник "
    "школьников учень учнів uczeń uczniów studentów žák žáků studentů leerling leerlingen طالب طلاب",
    "kilometre": "km kilometre kilometres kilometer kilometers kilomètre kilomètres kilómetro kilómetros "
    "chilometro chilometri quilómetro quilômetros километр километров км кілометр кілометрів "
    "kilometr kilometrów kilometrů كيلومتر",
    # Attacks and other events, counted: what happens in them happens to people, not to them
    # ("killed 87 and wounded 1,500 in 210 stabbings, 239 shootings": no shooting was wounded).
    "event": "attack attacks shooting shootings stabbing stabbings bombing bombings explosion explosions "
    "airstrike airstrikes raid raids incident incidents clash clashes demonstration demonstrations protest "
    "protests attaque attaques attentat attentats frappe frappes manifestation manifestations angriff angriffe "
    "anschlag anschläge explosion explosionen ataque ataques atentado atentados explosión explosiones "
    "attacco attacchi attentato attentati атака атак атаки нападение нападений теракт терактов взрыв взрывов "
    "atak ataki ataków zamach zamachów útok útoků saldırı saldırısı هجوم هجمات",
    # How often, or by how much ("fired four times", "в 6 раз выше"): one key in every language, so
    # that "six times" and "в 6 раз" compare; nothing befalls a multiple ("_NOTHING_HAPPENS_TO").
    "times": "time times fois mal vez veces volta volte vezes keer раз раза разів рази razy razów krát krat "
    "puta пута пъти kez kere مرة مرات",
    # Temperatures and speeds: measures, to which nothing befalls ("40 degrees … two men were arrested").
    "degree": "degree degrees grad grado grados gradi градус градуса градусов градуси градуса stopień stopnie "
    "stopni stupeň stupně stupňů stopinja stopinj stopinje derece",
    "speed": "mph kmh",
    "mile": "mile miles milla millas miglio miglia milha milhas meile meilen миля мили миль",
    "foot": "foot feet ft",
    "inch": "inch inches",
    "yard": "yard yards",
    "acre": "acre acres",
    "millimetre": "mm millimetre millimetres millimeter millimeters millimètre millimètres milímetro milímetros "
    "millimetro millimetri миллиметр миллиметров мм milimetr milimetrów",
    "centimetre": "cm centimetre centimetres centimeter centimeters centimètre centimètres centímetro centímetros "
    "centimetro centimetri сантиметр сантиметров см centymetr centymetrów",
    "metre": "metre metres meter meters mètre mètres metros metri метр метра метров метрів metrów metrů",
    "tonne": "tonne tonnes ton tons t tonnen tonelada toneladas tonnellata tonnellate тонна тонн тонни тонн "
    "tona ton tun طن",
    "dose": "dose doses vaccine vaccines vaccin vaccins impfdosis impfdosen dosis vacuna vacunas dosi vaccino "
    "vaccini vacina vacinas доза доз дозы вакцина вакцин szczepionka szczepionek očkování dawka dawek dawki "
    "dávka dávek dávky",
    "bed": "bed beds lit lits bett betten cama camas letto letti койка коек ліжко ліжок łóżko łóżek lůžko lůžek",
    "year": "year years an ans année années jahr jahre jahren año años anno anni ano anos год года лет рік "
    "yaşında yaşındaki yaşındaydı yaşındayken "
    "роки років rok lata lat rok roky let jaar سنة سنوات عاما",
    "month": "month months mois monat monate monaten mes meses mese mesi mês месяц месяца месяцев місяць "
    "місяців miesiąc miesięcy měsíc měsíců maand maanden شهر أشهر",
    "day": "day days jour jours tag tage tagen día días giorno giorni dia dias день дня дней суток день днів дні "
    "доби dzień dni den dnů dní dag dagen يوم أيام",
    "hour": "hour hours heure heures stunde stunden hora horas ora ore час часа часов година годин godzina "
    "godzin hodina hodin uur uren ساعة ساعات",
    "week": "week weeks semaine semaines woche wochen semana semanas settimana settimane неделя недели недель "
    "тиждень тижні тижнів tydzień tygodnie tygodni týden týdny týdnů weken",
    "minute": "minute minutes minuten minuto minutos minuti минута минуты минут хвилина хвилини хвилин minuta "
    "minuty minut",
    "decade": "decade decades décennie décennies jahrzehnt jahrzehnte jahrzehnten década décadas decennio decenni "
    "десятилетие десятилетия десятилетий десятиліття десятиліть dekada dekady dekad desetiletí desetiletích "
    "decennium decennia عقد عقود",
    "century": "century centuries siècle siècles jahrhundert jahrhunderte siglo siglos secolo secoli século séculos "
    "век века веков століття stulecie stulecia wiek wieki století eeuw eeuwen قرن قرون",
    # Plurals where the singular is also the ordinal ("his second trip", "la seconde fois") or "according
    # to" (Italian "20 secondo la polizia").
    "second": "seconds secondes sekunde sekunden segundos secondi секунда секунды секунд секунду секунди "
    "sekunda sekundy sekund sekundi saniye",
}
# Nouns that carry both the counted thing and what happened to it: "50 dead", "50 blessés".
OUTCOME_NOUNS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(_words(
        """dead death deaths fatality fatalities killed morts mort tués décès victimes tote toten
        todesopfer muertos muerto fallecidos fallecido fallecida fallecidas víctimas mortales defunciones
        morti morto vittime mortos óbitos
        погибших погибшие погибли погибло погиб погибших убитых убитые жертв жертвы загиблих загиблі
        загинули zabitych zabici ofiar zmarłych ofiary mrtvých mrtví obětí doden قتيلا قتلى قتيل
        وفاة وفيات"""
    ),
                    ("person", "killed")),
    **dict.fromkeys(_words(
        """wounded injured hurt casualties blessés blessé verletzte verletzten verwundete heridos
        herido feriti ferito feridos раненых раненые раненых пострадавших пострадавшие поранених
        поранені rannych ranni zraněných zranění gewonden جريحا جرحى مصابا مصابين"""
    ), ("person", "wounded")),
    **dict.fromkeys(_words(
        """displaced déplacés vertriebene desplazados sfollati deslocados переселенцев переселенців
        przesiedlonych vysídlených نازح نازحين"""
    ), ("person", "displaced")),
    **dict.fromkeys(_words(
        """missing disparus vermisste desaparecidos dispersi desaparecidos пропавших пропавшие зниклих
        zaginionych pohřešovaných vermisten مفقود مفقودين"""
    ), ("person", "missing")),
    **dict.fromkeys(_words(
        """arrested detained arrestations interpellés festgenommene detenidos arrestati presos
        задержанных задержаны арестованных затриманих zatrzymanych zadržených"""
    ), ("person", "arrested")),
    **dict.fromkeys(_words(
        """infected infections contaminations infizierte contagiados contagiati infectados заражённых
        зараженных инфицированных заражених zakażonych nakažených заражений заражения інфікувань
        zakażeń zakażenia nakažení infekcí contagios contagiadas infecciones infectadas contagi infezioni
        contágios infecções neuinfektionen infektionen okužb okužbe zaraženih infekcji infekcje infekcja
        заболевших заболевшие заразившихся заразившиеся"""
    ), ("person", "infected")),
}  # fmt: skip
# Nouns before the number that say it is a death toll: "the death toll rose to 50", "le bilan s'élève à 50".
TOLL_NOUNS: dict[str, tuple[str, str]] = {
    **dict.fromkeys(_words("toll bilan opferzahl balance bilancio balanço حصيلة"), ("person", "killed")),
}  # fmt: skip
# Nouns of measure and quantity after a number: what they count is the noun after them
# ("10 единиц техники", ten units of equipment; "десятков человек", tens of people).
MEASURE_NOUNS = frozenset(_words(
    """единица штука десяток сотня тысяча миллион миллиард триллион пара группа часть процент партия
    тонна литр jednostka sztuka dziesiątek dziesiątka setka tysiąc milion miliard bilion trylion para
    grupa część procent partia tona litr"""
))  # fmt: skip
# Two-word toll nouns whose words alone say less: Turkish "can kaybı" (loss of life; "kaybı" alone
# is any loss), Indonesian "korban tewas", Vietnamese "số người chết" is read by its verb.
TOLL_PHRASES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(["can kaybı", "can kaybının", "can kaybi", "yaşam kaybı", "hayat kaybı"], ("person", "killed")),
    **dict.fromkeys(["korban tewas", "korban jiwa", "korban meninggal"], ("person", "killed")),
}  # fmt: skip
# Nouns before the number that say only that it is a number of something, named next: "число
# погибших — 50" is a toll, "Liczba wszystkich zakażeń sięga 1 mln" (infections) is not.
NUMBER_NOUNS = frozenset(_words("""number число количество кількість liczba počet cifra bilans عدد مجموع إجمالي
    število broj броят брой zahl anzahl nombre número numero sayısı"""))  # fmt: skip

# What happened: key -> lemmas and forms in every language.
ACTIONS: dict[str, str] = {
    "killed": """kill killed killing kills die died dying perish perished slay slain eliminate eliminated
        liquidate liquidated neutralize neutralized neutralise neutralised murder murdered execute executed
        tuer tué tués tuée tuées mourir mort morts périr péri éliminer éliminé éliminés abattre abattu abattus
        neutraliser neutralisé neutralisés töten getötet sterben starben gestorben umkommen umgekommen
        eliminieren eliminiert erschießen erschossen matar matado matados morir murieron muertos fallecer
        fallecieron abatir abatido abatidos eliminar eliminados uccidere ucciso uccisi uccise
        morire morto morti morta morte
        perire eliminare eliminati abbattere abbattuti morrer morreram mataram matou mortos abatidos
        убить убиты убито убили погибнуть погибли погибло погиб уничтожить уничтожены уничтожено уничтожили
        ликвидировать ликвидированы ликвидировано ликвидировали скончаться скончались нейтрализовать
        вбити вбито вбили загинути загинули знищити знищено знищили ліквідувати ліквідовано zabić zabito
        zabici zginąć zginęło zginęli zlikwidować zlikwidowano zabít zabito zabiti zemřít zemřelo zahynout
        zahynulo zahynuli doden gedood omkomen قتل مقتل لقي حتفه
        умереть умер умерла умерло умерли умирают померти помер померла померло померли помирають вмирають
        zmarł zmarła zmarło zmarli umrzeć umarł umarło umarli zemřel zemřela zemřeli umřít umřel umřeli
        décéder décédé décédés décédée décédées decedere deceduto deceduti deceduta decedute falecer faleceu
        faleceram overlijden overleden stierf stierven sterven asesinar asesinado asesinados asesinada
        asesinadas""",
    "wounded": """wound wounded injure injured hurt blesser blessé blessés blessée verletzen verletzt verwunden
        verwundet herir herido heridos herida heridas ferire ferito feriti ferir ferido feridos ранить ранены
        ранено ранили пострадать пострадали поранити поранено поранені ranić ranny ranni raniono zranit
        zraněn zraněno zraněni verwonden gewond أصيب إصابة""",
    "destroyed": """destroy destroyed demolish demolished raze razed wreck collapse collapsed
        détruire détruit détruits détruites
        zerstören zerstört vernichten vernichtet destruir destruido destruidos distruggere distrutto distrutti
        destruir destruído уничтожить уничтожены уничтожено уничтожили разрушить разрушены разрушено знищити
        знищено зруйновано zniszczyć zniszczono zniszczone zničit zničeno zničeny vernietigen verwoest دمر
        تدمير""",
    "damaged": "damage damaged endommager endommagé endommagés beschädigen beschädigt dañar dañado dañados "
    "danneggiare danneggiato danneggiati danificar danificado повредить повреждены повреждено "
    "пошкодити пошкоджено uszkodzić uszkodzono poškodit poškozeno beschadigd تضرر",
    "surrounded": "surround surrounded encircle encircled trap trapped besiege besieged blockade blocked "
    "encercler encerclé encerclés cerner cerné umzingeln umzingelt einkesseln eingekesselt "
    "rodear rodeado rodeados cercar cercado circondare circondato accerchiare accerchiati "
    "окружить окружены окружено блокировать блокированы оточити оточено otoczyć otoczono "
    "obklíčit obklíčeno omsingeld محاصر",
    "fled": "flee fled escape escaped displace displaced fuir fui fuient fliehen geflohen flüchten geflüchtet "
    "huir huyeron escapar fuggire fuggiti fugir fugiram бежать бежали сбежать сбежали бежавшие "
    "втекти втекли uciec uciekli uprchnout uprchli vluchten gevlucht فر فروا",
    "arrested": "arrest arrested detain detained apprehend apprehended arrêter arrêté arrêtés interpeller "
    "interpellé interpellés festnehmen festgenommen verhaften verhaftet detener detenido detenidos "
    "arrestar arrestado arrestare arrestato arrestati fermare fermati prender presos deter detidos "
    "задержать задержаны задержано задержали арестовать арестованы затримати затримано затримали "
    "zatrzymać zatrzymano aresztować zadržet zadrženo zatknout zatčeno arresteren gearresteerd "
    "اعتقل اعتقال",
    "evacuated": "evacuate evacuated évacuer évacué évacués evakuieren evakuiert evacuar evacuado evacuados "
    "evacuare evacuato evacuati эвакуировать эвакуированы эвакуировано эвакуировали евакуювати "
    "евакуйовано ewakuować ewakuowano evakuovat evakuováno evacueren geëvacueerd إجلاء",
    # Not "take", "taken" or "взять": anything is taken ("take 100 million doses", "я возьму").
    "captured": "capture captured seize seized capturer capturé capturés saisir saisi "
    "gefangen erbeuten erbeutet capturar capturado catturare catturato catturati захватить "
    "захвачены захвачено захватили пленить полонити захопити захоплено pojmać schwytać "
    "zajmout zajato gevangen أسر",
    "rescued": "rescue rescued save saved secourir secouru sauver sauvé sauvés retten gerettet rescatar rescatado "
    "salvar salvado salvare salvato salvati resgatar resgatado спасти спасены спасено спасли "
    "врятувати врятовано uratować uratowano zachránit zachráněno gered redden أنقذ",
    "released": "release released free freed libérer libéré libérés freilassen freigelassen liberar liberado "
    "liberados liberare liberato liberati libertar освободить освобождены освобождено звільнити "
    "звільнено uwolnić uwolniono propustit propuštěno vrijgelaten أفرج",
    "missing": "missing disparaître disparu disparus vermisst desaparecer desaparecido dispersi пропасть пропали "
    "зникнути зникли zaginąć zaginęli pohřešovat pohřešováno vermist مفقود",
    "infected": "infect infected positive infecter infecté contaminé infizieren infiziert "
    "infectar infectado contagiare contagiato заразиться заразились заражены інфікувати "
    "заразилися zakazić zakażono nakazit nakaženo besmet",
    # Recoveries from a disease, an epidemic's third tally beside the infected and the dead.
    "recovered": "recover recovered recoveries guérir guéri guéris guérisons rétabli rétablis genesen genesene "
    "genesenen geheilt recuperar recuperado recuperados recuperadas curado curados guarire guarito guariti "
    "guarite guarigioni recuperati hersteld выздороветь выздоровели выздоровело выздоровевших выздоровевшие "
    "одужати одужали одужало одужавших wyzdrowieć wyzdrowiało wyzdrowiały wyzdrowieli ozdrowieńców "
    "wyleczonych vyléčit vyléčilo vyléčených vyléčení uzdravilo uzdravených متعافين المتعافين تعافى تعافي "
    "شفاء انتعاش",
    "deployed": "deploy deployed send sent déployer déployé envoyer envoyé entsenden entsandt stationieren "
    "desplegar desplegado enviar inviare inviato schierare развернуть направить направлены "
    "перебросить розгорнути направити wysłać rozmieścić vyslat nasadit ingezet نشر",
    "elected": "elect elected win won élire élu élus gagner remporter wählen gewählt gewinnen elegir elegido "
    "ganar eleggere eletto vincere eleger избрать избраны набрать обрати wybrać zdobyć zvolit gekozen انتخب",
    "affected": "affect affected toucher touché touchés betroffen afectar afectado colpire colpito colpiti "
    "afetar afetado пострадать затронуть постраждати dotknąć poszkodowanych zasáhnout getroffen",
    "hospitalised": "hospitalise hospitalised hospitalize hospitalized hospitaliser hospitalisé hospitalisés "
    "krankenhaus hospitalizar hospitalizado ricoverare ricoverato ricoverati госпитализировать "
    "госпитализированы госпіталізувати hospitalizować hospitalizovat opgenomen",
}
# Action words above that are common words of another language, never read as actions in it: the
# German and Dutch article "die", the Spanish and Portuguese "fui" (I was), German "Öl" (oil; Turkish
# "öl", die).
# Words that deny an action next to them: "no one was injured", "пострадавших нет", "nikt nie
# zginął", "keine Verletzten", "sans faire de victimes". An action word beside one is no action.
# Left out: French "personne" (also "a person"), Italian "ne" (also "of them": "ne sono morti 5").
NEGATIONS = frozenset(_words(
    """no not nobody none never without нет не никто без няма никой nie nikt bez brak nikdo není nihče
    kein keine keinen nicht niemand ohne nadie ningún ninguna sin aucun aucune pas sans non nessun
    nessuna nessuno senza não nenhum nenhuma ninguém sem geen niet zonder hiç yok không tidak tiada"""
))  # fmt: skip
# Negations written after the word they deny: "пострадавших нет", "ранени няма", "ölü yok".
NEGATIONS_AFTER = frozenset(_words("нет няма yok brak nema tiada"))
NOT_ACTIONS_IN: dict[str, frozenset[str]] = {
    # German "Maut" is a road toll, Malay "maut" killed; German "Stab" a staff, English "stab" a
    # wound; English "tote" (carry) and "deter" no German dead or Portuguese arrest; French "sent"
    # (smells) sends no one; Spanish "prender" lights, Portuguese arrests; Italian "fui" was, not fled;
    # Slovene "zabil" scored ("zabil že 141-krat"), Slovak killed.
    "de": frozenset({"die", "öl", "maut", "stab"}), "nl": frozenset({"die"}), "es": frozenset({"fui", "prender"}),
    "pt": frozenset({"fui"}), "en": frozenset({"tote", "deter", "mort"}), "fr": frozenset({"sent"}),
    "it": frozenset({"fui"}), "sl": frozenset({"zabil", "zabila", "zabili", "zabilo"}),
}  # fmt: skip
# Another language's counted noun that is a common word of this one: English "fall" (the season,
# "this fall") is no German case, Spanish "casi" ("almost") no Italian cases, Italian "case" are
# houses, not English cases.
NOT_COUNTED_IN: dict[str, frozenset[str]] = {
    "en": frozenset({"fall", "falls"}), "es": frozenset({"casi"}), "it": frozenset({"case"}),
}  # fmt: skip
# Words right after a number that make it a clock time ("17 Uhr", "5 o'clock", "17 h 30") or a
# fraction ("две трети", two thirds), not a count ("am" and "pm" unpunctuated are left out: German
# "30 am Montag" is 30 on Monday).
CLOCK_WORDS = frozenset(_words("uhr o'clock o’clock h a.m. p.m."))
# Words before a number that make it an hour of the clock: "po godz. 21", "v 15 hodin" is after it,
# "saat 21.00", "kl. 15".
CLOCK_BEFORE = frozenset(_words("godz. godz godzinie godzina hod. hodině saat kl. klokken"))
FRACTION_WORDS = frozenset(_words(
    """third thirds quarter quarters half halves fifth fifths tiers quart quarts cinquième cinquièmes
    drittel viertel fünftel tercio tercios cuarto cuartos quinto quintos terzo terzi quarto quarti
    quinto quinti terço terços треть трети третей четверть четверти пятая пятых третина третини
    четвертина чверть чверті trzecia trzecie trzecich ćwierć czwarta piąta třetina třetiny čtvrtina
    čtvrtiny pětina pětiny derde derden kwart vijfde tretjina tretjini tretjine četrtina četrtini
    četrtine petina trećina trećine četvrtina"""
))  # fmt: skip
# Words that make one figure part of another ("ten children were among the 45 killed", "45 killed,
# including 16 children"): what happened to the whole happened to the part.
PART_WORDS = frozenset(_words(
    """among including dont parmi darunter einschließlich incluidos incluidas cui incluindo среди числе серед
    числі wśród včetně включително сред vključno arasında dahil"""
))  # fmt: skip
# Counted keys that are durations: "in 24 hours", "aged 77", "for over 40 years".
TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
# Lengths: "50 km from Chennai" and a "9 mm" pistol are killed by nothing.
DISTANCE_UNITS = frozenset({"kilometre", "mile", "metre", "millimetre", "centimetre", "foot", "inch", "yard"})
# Words before a figure that make it a person's age: "aged 49", "âgé de 36 ans".
AGE_WORDS = frozenset(_words("aged age âgé âgée âgés âgées"))
# "a father of two", "mère de trois enfants", "отец двоих детей": the number after a parent counts
# their children, and the sentence's verb befalls the parent ("a father of two … drowned").
PARENTS_OF = frozenset({
    *(f"{parent} of" for parent in _words("father mother parent dad mom mum grandfather grandmother grandparent")),
    *(f"{parent} de" for parent in _words("père mère padre madre pai mãe")),
    *(f"{parent} di" for parent in _words("padre madre")),
    *(f"{parent} von" for parent in _words("vater mutter")),
    *(f"{parent} van" for parent in _words("vader moeder")),
    *_words("отец мать отца матери батько мати батька матір ojciec matka ojca matki otec otce matky otca"),
})  # fmt: skip
# What is released by being published, not set free ("Police released two photos of a suspect",
# "die Polizei veröffentlichte"…): the keys (lemmas) of what such figures count.
PUBLISHED_THINGS = frozenset(_words(
    """photo photograph picture image video footage report statement document figure data detail name
    record file album song single track film movie episode book version update study poll survey
    vidéo rapport communiqué chiffre donnée foto bild bericht zahl datum vídeo informe cifra dato
    immagine rapporto dato фото фотография видео доклад отчёт данные zdjęcie raport"""
))  # fmt: skip
# Actions that mean "killed" when what they count is people: "destroyed 50 terrorists".
KILLING_ACTIONS = frozenset({"destroyed"})
THINGS = frozenset({"vehicle", "aircraft", "weapon", "house", "settlement", "bed"})
PEOPLE = frozenset({"person", "militant", "soldier", "civilian", "child", "woman", "police", "resident",
                    "refugee", "prisoner", "patient", "worker", "student", "protester"})  # fmt: skip
# What is deployed: forces and their equipment. The verbs of deploying are mostly verbs of sending
# ("sent", "направили", "wysłano", Arabic "نشر" also "published"), which send emails to 40,000
# students, letters to nine residents, 20 lawsuits to courts and governors to prison.
DEPLOYED_THINGS = frozenset({"soldier", "police", "militant", "vehicle", "aircraft", "weapon"})
# Countries and regions, counted: what befalls people does not befall them ("26 países … infectados",
# "36 стран … погибших и инфицированных": the dead and infected are the countries' people). Lemmas
# and, for text read with no language, plurals.
PLACE_NOUNS = frozenset(_words("""
    country countries state states province provinces region regions county counties pays país países
    paese paesi land länder staat staaten estado estados provincia provincias región regiones regione
    regioni région régions страна стран страны государство государств область областей
    країна країн країни держава держав kraj kraje krajów krajach państwo państw województwo
    województw země zemí zemích stát států krajů država države držav državah regija regij
    държава държави държавите област области ülke ülkeler ülkede ülkesi eyalet eyaletler
"""))  # fmt: skip
# What befalls people only.
HUMAN_ACTIONS = frozenset({"killed", "wounded", "infected", "arrested", "missing", "recovered", "hospitalised",
                           "released", "rescued"})  # fmt: skip
# Cues that a figure is a running toll being raised: an update, not a contradiction.
UPDATE_PHRASES = (
    "rose to",
    "risen to",
    "rises to",
    "rising to",
    "climbed to",
    "climbs to",
    "increased to",
    "jumped to",
    "has reached",
    "now stands at",
    "has risen",
    "toll rises",
    "updated",
    "revised",
    "latest toll",
    "new toll",
    "s'élève désormais",
    "est passé à",
    "passe à",
    "s'alourdit",
    "s’alourdit",
    "grimpe à",
    "nouveau bilan",
    "stieg auf",
    "gestiegen",
    "steigt auf",
    "erhöhte sich auf",
    "aumentó a",
    "asciende a",
    "ascendió a",
    "subió a",
    "nuevo balance",
    "salito a",
    "è salito",
    "aumentato a",
    "nuovo bilancio",
    "subiu para",
    "aumentou para",
    "выросло до",
    "возросло до",
    "увеличилось до",
    "достигло",
    "выросло",
    "возросло",
    # Forms that end with their "до"/"do": read with it (claims._after_an_update).
    "выросла до",
    "вырос до",
    "выросли до",
    "возросла до",
    "возрос до",
    "увеличилась до",
    "увеличился до",
    "увеличились до",
    "зросла до",
    "зросло до",
    "зріс до",
    "зросли до",
    "збільшилася до",
    "збільшилося до",
    "збільшився до",
    "нарасна до",
    "нараснаха до",
    "се увеличи до",
    "wzrosła do",
    "wzrósł do",
    "wzrosło do",
    "wzrosły do",
    "zwiększyła się do",
    "zwiększył się do",
    "zwiększyło się do",
    "stoupl na",
    "stoupla na",
    "vzrostl na",
    "vzrostla na",
    "gestegen tot",
    "ارتفع",
)

# Chinese, Japanese and Korean glue hedges, numbers, counters and verbs together ("超过50人死亡"),
# so these are matched as substrings, not words. Hedges before the number:
CJK_QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(["超过", "超過", "逾", "多于", "多於", "超"], Q.MORE_THAN),
    **dict.fromkeys(["至少", "最少", "不少于", "不少於", "少なくとも", "최소"], Q.AT_LEAST),
    **dict.fromkeys(["约", "約", "大约", "大約", "近", "将近", "將近", "接近", "およそ", "약", "대략"], Q.AROUND),
    **dict.fromkeys(["最多", "多达", "多達", "最大", "최대"], Q.UP_TO),
    **dict.fromkeys(["不超过", "不超過", "至多"], Q.NO_MORE_THAN),
    **dict.fromkeys(["不到", "少于", "少於", "不足"], Q.LESS_THAN),
}  # fmt: skip
# The counter right after the number says what is counted: people (人, 名, 명), vehicles, aircraft,
# cases (例), votes, seats, doses. Not 台 (vehicles, but also computers and machines) nor 个
# (anything): the noun after them says it (``CJK_NOUNS``), or they keep their character.
CJK_COUNTERS: dict[str, str] = {"人": "person", "名": "person", "명": "person", "位": "person", "辆": "vehicle",
                                "輛": "vehicle", "架": "aircraft", "例": "case", "票": "vote", "席": "seat",
                                "剂": "dose", "劑": "dose"}  # fmt: skip
# Big units glued to the digits: "3万人" (30,000 people), "1.2亿" (120 million), "5천만" (50 million).
CJK_SCALES: dict[str, float] = {"百": 1e2, "千": 1e3, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "천": 1e3,
                                "만": 1e4, "억": 1e8}  # fmt: skip
# "100多人", "300余名": more than the figure ("-odd"); Korean "50여 명" likewise.
CJK_ODD: dict[str, Qualifier] = dict.fromkeys(["多", "余", "餘", "여"], Q.MORE_THAN)
# Hedges after the counted thing: "50人以上" (50 or more), "50人左右" (about 50), "50명 이상".
CJK_POST_QUALIFIERS: dict[str, Qualifier] = {
    **dict.fromkeys(["以上", "이상"], Q.AT_LEAST),
    **dict.fromkeys(["左右", "前后", "前後", "上下", "ほど", "程度", "가량", "정도", "안팎"], Q.AROUND),
    **dict.fromkeys(["余り", "あまり", "넘게", "넘는"], Q.MORE_THAN),
    **dict.fromkeys(["以下", "이하"], Q.NO_MORE_THAN),
    **dict.fromkeys(["未満", "미만"], Q.LESS_THAN),
}  # fmt: skip
# Units glued to a figure: money counts its currency, measures and spans of time their unit
# ("50 公里" was "公", the first character, "30美元" "美").
CJK_UNITS: dict[str, str] = {
    **dict.fromkeys(["美元", "美金", "ドル", "달러", "美圆"], "usd"),
    **dict.fromkeys(["欧元", "歐元", "ユーロ", "유로"], "eur"),
    **dict.fromkeys(["英镑", "英鎊", "ポンド", "파운드"], "gbp"),
    **dict.fromkeys(["日元", "日圓", "円", "엔"], "jpy"),
    **dict.fromkeys(["人民币", "人民幣", "元", "块钱", "위안"], "cny"),
    **dict.fromkeys(["卢布", "盧布", "ルーブル", "루블"], "rub"),
    **dict.fromkeys(["韩元", "韓元", "원"], "krw"),
    **dict.fromkeys(["港元", "港币", "港幣"], "hkd"),
    **dict.fromkeys(["卢比", "盧比", "ルピー", "루피"], "inr"),
    **dict.fromkeys(["兰特", "蘭特"], "zar"),
    **dict.fromkeys(["里拉"], "try"),
    **dict.fromkeys(["公里", "千米", "キロ", "킬로미터", "㎞"], "kilometre"),
    **dict.fromkeys(["吨", "噸", "トン", "톤"], "tonne"),
    **dict.fromkeys(["年", "년"], "year"),
    **dict.fromkeys(["个月", "個月", "か月", "ヶ月", "カ月", "개월"], "month"),
    **dict.fromkeys(["周", "週", "星期", "週間", "주일"], "week"),
    **dict.fromkeys(["天", "日間", "일간"], "day"),
    **dict.fromkeys(["小时", "小時", "時間", "시간"], "hour"),
    **dict.fromkeys(["分钟", "分鐘", "분간"], "minute"),
}  # fmt: skip
# What is counted, written after the counter ("50名武装分子", "12辆汽车", "5만 명의 난민").
CJK_NOUNS: dict[str, str] = {
    **dict.fromkeys(["武装分子", "武裝分子", "恐怖分子", "激进分子", "激進分子", "极端分子", "極端分子", "武装人员",
                     "武裝人員", "圣战分子", "聖戰分子", "叛军", "叛軍", "枪手", "槍手", "战斗人员", "戰鬥人員",
                     "恐怖主义分子", "戦闘員", "過激派", "武装勢力", "테러리스트", "무장대원", "반군", "전투원"],
                    "militant"),
    **dict.fromkeys(["士兵", "军人", "軍人", "官兵", "兵士", "军警", "自衛官", "군인", "병사", "장병"], "soldier"),
    **dict.fromkeys(["平民", "民间人士", "民間人", "민간인"], "civilian"),
    **dict.fromkeys(["儿童", "兒童", "孩子", "子供", "子ども", "어린이", "아동"], "child"),
    **dict.fromkeys(["妇女", "婦女", "女性", "여성"], "woman"),
    **dict.fromkeys(["警察", "警员", "警員", "警官", "경찰"], "police"),
    **dict.fromkeys(["居民", "住民", "村民", "市民", "주민"], "resident"),
    **dict.fromkeys(["抗议者", "抗議者", "示威者", "デモ参加者", "시위대", "시위자"], "protester"),
    **dict.fromkeys(["难民", "難民", "난민"], "refugee"),
    **dict.fromkeys(["囚犯", "战俘", "戰俘", "人质", "人質", "捕虜", "포로", "인질"], "prisoner"),
    **dict.fromkeys(["患者", "病人", "환자"], "patient"),
    **dict.fromkeys(["病例", "感染者", "确诊者", "確診者", "확진자"], "case"),
    **dict.fromkeys(["汽车", "汽車", "车辆", "車輛", "坦克", "装甲车", "裝甲車", "卡车", "卡車", "車両", "戦車", "차량",
                     "탱크"], "vehicle"),
    **dict.fromkeys(["飞机", "飛機", "战机", "戰機", "无人机", "無人機", "直升机", "直升機", "航空機", "戦闘機",
                     "ドローン", "항공기", "드론", "전투기"], "aircraft"),
    **dict.fromkeys(["导弹", "導彈", "火箭弹", "火箭彈", "炮弹", "砲彈", "ミサイル", "미사일"], "weapon"),
    **dict.fromkeys(["房屋", "住宅", "房子", "家屋", "주택", "가옥"], "house"),
    **dict.fromkeys(["工人", "员工", "員工", "労働者", "근로자", "노동자"], "worker"),
    **dict.fromkeys(["学生", "學生", "학생"], "student"),
}  # fmt: skip
CJK_ACTIONS: dict[str, str] = {
    **dict.fromkeys(["死亡", "遇难", "遇難", "丧生", "喪生", "身亡", "罹难", "罹難", "死者", "殺害", "杀害",
                     "打死", "击毙", "擊斃", "炸死", "杀死", "殺死", "消灭", "消滅", "击杀", "擊殺", "丧命", "喪命",
                     "亡くな", "사망", "숨졌", "숨져", "숨진"], "killed"),
    **dict.fromkeys(["受伤", "受傷", "负伤", "負傷", "重伤", "重傷", "轻伤", "輕傷", "伤势", "傷勢", "けが", "負傷",
                     "부상", "다쳤", "다친", "다쳐"], "wounded"),
    **dict.fromkeys(["摧毁", "摧毀", "击毁", "擊毀", "炸毁", "炸毀", "破壊", "파괴"], "destroyed"),
    **dict.fromkeys(["包围", "包圍", "围困", "圍困", "被困", "包囲", "포위"], "surrounded"),
    **dict.fromkeys(["逃离", "逃離", "逃往", "逃亡", "逃れ", "피란", "탈출"], "fled"),
    **dict.fromkeys(["被捕", "逮捕", "拘留", "체포"], "arrested"),
    **dict.fromkeys(["俘虏", "俘虜", "俘获", "俘獲", "生擒"], "captured"),
    **dict.fromkeys(["获救", "獲救", "救出", "구조"], "rescued"),
    **dict.fromkeys(["释放", "釋放", "获释", "獲釋", "석방"], "released"),
    **dict.fromkeys(["失踪", "下落不明", "行方不明", "실종"], "missing"),
    **dict.fromkeys(["撤离", "撤離", "疏散", "避難", "避难", "대피"], "evacuated"),
    **dict.fromkeys(["确诊", "確診", "感染", "감염", "확진"], "infected"),
    **dict.fromkeys(["住院", "入院", "입원"], "hospitalised"),
}  # fmt: skip
# Counters of anything: the noun after them says what ("20个案件", cases), else they stay themselves.
CJK_GENERIC_COUNTERS = frozenset("个個只座艘枚栋棟间間家所起次具头頭匹条條项項种種处處发發")
# After a number, a clock's hour or minute ("9 点举行", "21 分左右"), not a count; not "分钟" (minutes).
CJK_CLOCK = {"点": "", "點": "", "时": "间", "時": "間", "시": "간", "分": "钟鐘"}
# Chinese and Japanese numerals written in characters, before a counter ("五十多名平民", "两架飞机").
CJK_DIGITS: dict[str, int] = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
                              "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
CJK_NUMERAL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
# Vague counts in characters: "数十名" (dozens), "数百人", "上千人".
CJK_VAGUE: dict[str, tuple[float, float]] = {
    **dict.fromkeys(["数十", "數十", "几十", "幾十"], (20.0, 99.0)),
    **dict.fromkeys(["数百", "數百", "几百", "幾百", "上百"], (200.0, 999.0)),
    **dict.fromkeys(["数千", "數千", "几千", "幾千", "上千"], (2000.0, 9999.0)),
    **dict.fromkeys(["数万", "數萬", "几万", "幾萬", "上万", "上萬"], (20000.0, 99999.0)),
}  # fmt: skip

# Bulgarian and Slovene (BSNLP's languages) and Turkish, each language's words together: without
# them a claim in these languages named what it counted only by the word itself ("души") and no
# action at all, so no claim of theirs could be compared on what happened. Left out: forms that
# are common words of another language after a number (Slovene "dan", day, is Dutch "than";
# "vas", village, French "you go"; "glas", vote, German "glass").
_MORE_COUNTED = {
    "person": "човек души хора лице лица oseba oseb osebe osebi ljudje ljudi človek kişi insan",
    "militant": """боец бойци боевик боевици терорист терористи джихадист джихадисти бунтовник бунтовници
        екстремист екстремисти borec borci militant militanti terorist teroristi džihadist džihadisti upornik
        uporniki militan militanlar terörist teröristler cihatçı cihatçılar isyancı isyancılar""",
    "soldier": "войник войници военнослужещ военнослужещи vojak vojaki vojakov asker askerler",
    "civilian": "цивилен цивилни civilist civilisti civilistov sivil siviller",
    "child": "дете деца otrok otroci otrok çocuk çocuklar",
    "woman": "жена жени ženska ženske žensk kadın kadınlar",
    "police": "полицай полицаи policist policisti policistov polis polisler",
    # Slovene and Serbo-Croatian residents of a place or a care home ("dve stanovalki doma", two of
    # the home's residents; "oskrbovanci", those it cares for), each number's forms
    "resident": "жител жители prebivalec prebivalci prebivalcev stanovalec stanovalca stanovalci stanovalcev "
    "stanovalka stanovalki stanovalke stanovalk oskrbovanec oskrbovanca oskrbovanci oskrbovancev oskrbovanka "
    "oskrbovanki oskrbovanke oskrbovank stanar stanara stanari stanovnik stanovnika stanovnici",
    "refugee": "бежанец бежанци мигрант мигранти begunec begunci beguncev migranti mülteci mülteciler göçmen göçmenler",
    "prisoner": "затворник затворници заложник заложници пленник пленници zapornik zaporniki talec talci "
    "ujetnik ujetniki rehine rehineler esir esirler",
    "patient": "пациент пациенти pacient pacienti bolnik bolniki hastalar",
    "case": "случай случая случаи primer primeri primerov vaka vakalar",
    "vehicle": "автомобил автомобила автомобили камион камиона танк танка танкове vozilo vozila vozil avtomobil "
    "avtomobili tanki araç araçlar otomobil kamyon",
    "aircraft": "самолет самолета хеликоптер хеликоптера дрон дрона letalo letala helikopter uçak uçaklar "
    "helikopterler",
    "house": "къща къщи сграда сгради hiša hiše hiš stavba stavbe stavb bina binalar konut konutlar",
    "settlement": "село селища селище vasi naselje naselij köy köyler",
    "vote": "глас гласа гласове glasov glasovi oy oylar",
    "seat": "място места мандата sedež sedeži mandati sandalye",
    "worker": "работник работници служител служители delavec delavci zaposlenih işçi işçiler çalışan",
    "student": "ученик ученици студент студенти učenec učenci študent študenti öğrenci öğrenciler",
    "kilometre": "километър километра километри kilometer kilometrov kilometre",
    "tonne": "тон тона tona",
    "week": "седмица седмици седмица teden tedna tednov hafta",
    "minute": "минути minute minut dakika",
    "dose": "доза дози ваксина ваксини odmerek odmerki odmerkov cepivo cepiva doz aşı",
    "bed": "легло легла postelja postelje postelj yatak",
    "year": "година години leto leta yıl letih let godina godine godinu",
    "month": "месец месеца месеци mesec meseca mesecev mesecih ay mjesec mjeseca mjeseci",
    "day": "ден дни дена dni gün dan dneva dnevi dnevih dneh dnevoma dana danima",
    "hour": "час часа часове ura ure ur saat",
}
for _key, _names in _MORE_COUNTED.items():
    COUNTED[_key] += " " + _names
OUTCOME_NOUNS.update({
    **dict.fromkeys(_words("""загинали загиналите жертви жертвите убити убитите починали починалите
        mrtvi mrtvih žrtev žrtve umrlih umrli ölü ölüler zemřelých zemřelým zemřelí zemřelými умерших
        умершие скончавшихся померлих померлі"""), ("person", "killed")),
    # Deaths as a noun: "Počet úmrtí přesáhl 12 tisíc", "число смертей".
    **dict.fromkeys(_words("""úmrtí zgon zgonów zgony смерть смертей смерти смъртни смъртните smrti smrtnih todesfälle
        muertes decessi ölüm smrt śmierć śmierci"""), ("person", "killed")),
    **dict.fromkeys(_words("ранени ранените пострадали пострадалите ranjeni ranjenih yaralı yaralılar"),
                    ("person", "wounded")),
    **dict.fromkeys(_words("заразени заразените okuženi okuženih"), ("person", "infected")),
    **dict.fromkeys(_words("изчезнали изчезналите pogrešani pogrešanih"), ("person", "missing")),
    **dict.fromkeys(_words("задържани задържаните арестувани aretirani aretiranih"), ("person", "arrested")),
})  # fmt: skip
_MORE_ACTIONS = {
    "killed": """umiera umierają умирает умирают умират умира
        убит убити убиха убия загина загинаха загинали загинал почина починаха починали умря умряха
        умра ликвидирани ликвидира ubit ubiti ubili ubitih umrl umrli umrlo umrla umreti öl öldü öldür
        öldürüldü öldürdü öldürmek ölmek podlehl podlehla podlehlo podlehli podlehly podlehnout podľahol
        podľahla podľahlo podľahli""",
    "wounded": """ранен ранени раниха раня пострадаха ranjen ranjeni ranjenih raniti yarala yaralan yaralandı
        yaralandılar yaralanan yaraladı yaralanmak""",
    "destroyed": "унищожени унищожен унищожи унищожиха разрушени разрушен uničen uničeni uničili uničiti "
    "porušen porušeni imha tahrip",
    "damaged": "повредени повреден повреди hasar",
    "arrested": """задържан задържани задържаха задържа арестуван арестувани арестуваха арестува aretiran
        aretirani aretirali aretirati pridržan pridržani gözaltına gözalt tutuklandı tutuklanan tutukla
        yakaladı yakaladılar yakalandı yakalandılar yakalanan yakalananlar yakalayan""",
    "evacuated": "евакуирани евакуиран евакуираха евакуира evakuirani evakuiran evakuirali evakuirati tahliye",
    "rescued": "спасени спасен спасиха спаси rešeni rešen rešili rešiti kurtarıldı kurtar kurtarılan",
    "released": "освободени освободен освободиха освободи izpuščeni izpuščen izpustiti",
    "missing": "изчезнали изчезнал изчезна pogrešan pogrešani pogrešanih kayıp",
    "infected": "заразени заразен заразиха заразили зарази okužen okuženi okuženih okužili okužiti okužilo okužila "
    "okužil pozitif заболели заболелите разболели разболя разболяла разболяха oboleli obolelih obolelo заразяват "
    "инфектира инфектирал инфектирала инфектирали инфектирани "
    "заразява",
    "elected": "избран избрани избра изберат izvoljen izvoljeni izvoliti seçildi seç",
    "recovered": "излекувани излекуваните оздравели оздравелите възстановили възстановилите възстановени "
    "възстановените ozdraveli ozdravelo ozdravelih ozdravljenih "
    "iyileşti iyileşen iyileşenlerin taburcu yenen оздравяват оздравява okrevalo okrevali okrevalih okrevala "
    "gesund",
    "hospitalised": "хоспитализирани хоспитализиран хоспитализира hospitaliziran hospitalizirani "
    "hospitalizirane hospitalizirana hospitaliziranega hospitaliziranim hospitalizirali hospitalizirala "
    "hospitalizirati hastaneye",
}
for _key, _names in _MORE_ACTIONS.items():
    ACTIONS[_key] += " " + _names
QUALIFIERS.update({
    **dict.fromkeys(["повече от", "над", "več kot", "več od", "preko", "čez"], Q.MORE_THAN),
    **dict.fromkeys(["най-малко", "най малко", "поне", "не по-малко от", "najmanj", "vsaj", "ne manj kot",
                     "en az"], Q.AT_LEAST),
    **dict.fromkeys(["около", "близо", "близо до", "приблизително", "okoli", "približno", "skoraj", "blizu",
                     "yaklaşık", "neredeyse", "tahminen"], Q.AROUND),
    **dict.fromkeys(["не повече от", "най-много", "največ", "ne več kot", "en fazla"], Q.NO_MORE_THAN),
    **dict.fromkeys(["по-малко от", "manj kot", "manj od"], Q.LESS_THAN),
})  # fmt: skip
# Czech's "kolem", Slovak, Serbo-Croatian, the Scandinavian languages and Finnish (facts-26), and
# hedges abbreviated with a point ("ok. 50" is Polish news' usual "about 50"). Finnish "alle"
# (under) is left out: German and Italian "alle 50" is "all 50" or "at 50".
QUALIFIERS.update({
    **dict.fromkeys(["viac ako", "viac než", "više od", "више од", "mer än", "över", "drygt", "mere end",
                     "mer enn", "yli"], Q.MORE_THAN),
    **dict.fromkeys(["najmenej", "aspoň", "najmanje", "најмање", "minst", "mindst", "vähintään", "ainakin"],
                    Q.AT_LEAST),
    **dict.fromkeys(["kolem", "okolo", "cca", "cca.", "ok.", "ca.", "approx.", "env.", "mniej więcej",
                     "približne", "takmer", "oko", "око", "otprilike", "отприлике", "gotovo", "готово",
                     "omkring", "cirka", "nästan", "ungefär", "næsten", "omtrent", "rundt", "nesten", "noin",
                     "lähes", "melkein"], Q.AROUND),
    **dict.fromkeys(["najviac", "najviše", "највише", "högst", "højst", "høyst", "enintään"], Q.NO_MORE_THAN),
    **dict.fromkeys(["menej ako", "menej než", "manje od", "мање од", "färre än", "mindre än", "færre end",
                     "mindre end", "færre enn", "mindre enn"], Q.LESS_THAN),
})  # fmt: skip
# Turkish puts its hedges after the number, on a case suffix: "50'den fazla" (more than 50).
POST_QUALIFIERS.update({
    **dict.fromkeys([f"{mark}{suffix} fazla" for mark in ("'", "’") for suffix in ("den", "dan", "ten", "tan")],
                    Q.MORE_THAN),
    **dict.fromkeys(["civarında", "kadar"], Q.AROUND),
    **dict.fromkeys([f"{mark}{suffix} kadar" for mark in ("'", "’") for suffix in ("e", "a", "ye", "ya")], Q.UP_TO),
})  # fmt: skip
for _lang, _names in (
    (
        "bg",
        """_ _ два три четири пет шест седем осем девет десет единадесет дванадесет тринадесет
        четиринадесет петнадесет шестнадесет седемнадесет осемнадесет деветнадесет""",
    ),
    (
        "sl",
        """_ _ dva tri štiri pet šest sedem osem devet deset enajst dvanajst trinajst štirinajst
        petnajst šestnajst sedemnajst osemnajst devetnajst""",
    ),
):
    NUMBER_WORDS.update({w: i for i, w in enumerate(_words(_names)) if w != "_"})
    for _w in _words(_names)[2:]:
        NUMBER_WORD_LANGUAGES.setdefault(_w, set()).add(_lang)
for _lang, _names in (
    ("bg", "двадесет тридесет четиридесет петдесет шестдесет седемдесет осемдесет деветдесет"),
    ("sl", "dvajset trideset štirideset petdeset šestdeset sedemdeset osemdeset devetdeset"),
):
    NUMBER_WORDS.update(zip(_words(_names), range(20, 100, 10), strict=True))
    for _w in _words(_names):
        NUMBER_WORD_LANGUAGES.setdefault(_w, set()).add(_lang)
NUMBER_WORDS.update({
    # Bulgarian counts people with their own forms ("двама души", two people); feminine twos.
    "двама": 2, "трима": 3, "четирима": 4, "петима": 5, "шестима": 6, "седмина": 7, "две": 2, "dve": 2,
    "dwie": 2, "dvě": 2, "двеста": 200, "триста": 300, "dvesto": 200, "tristo": 300,
})  # fmt: skip
SCALES.update(dict.fromkeys(["хил.", "хил", "tisoč", "bin"], 1e3))
# Czech and Slovak count hundreds as nouns after a number: "tři stovky pacientů" is 300.
SCALES.update(dict.fromkeys(["stovky", "stovek"], 100.0))


def _extend(table: dict[str, str], more: dict[str, str]) -> None:
    """Add each key's words of another language to ``table``'s space-separated words."""
    for key, words in more.items():
        table[key] += " " + words


# Hindi (Devanagari): hedges after the number on the postposition "से" ("50 से अधिक", more than
# 50) or before it ("लगभग 50", about 50), people and what happened to them. A monitoring stream's
# Hindi claims had neither qualifier nor counted thing nor action.
QUALIFIERS.update({
    **dict.fromkeys(["कम से कम", "न्यूनतम"], Q.AT_LEAST),
    **dict.fromkeys(["लगभग", "करीब", "क़रीब", "तकरीबन", "तक़रीबन", "लगभग कुल"], Q.AROUND),
    **dict.fromkeys(["अधिकतम", "ज़्यादा से ज़्यादा", "ज्यादा से ज्यादा"], Q.NO_MORE_THAN),
})  # fmt: skip
POST_QUALIFIERS.update({
    **dict.fromkeys(["से अधिक", "से ज़्यादा", "से ज्यादा", "से ऊपर"], Q.MORE_THAN),
    **dict.fromkeys(["से कम"], Q.LESS_THAN),
    **dict.fromkeys(["या उससे अधिक", "या अधिक"], Q.AT_LEAST),
})  # fmt: skip
_extend(
    COUNTED,
    {
        "person": "लोग लोगों व्यक्ति व्यक्तियों",
        "militant": "आतंकवादी आतंकवादियों आतंकी आतंकियों उग्रवादी उग्रवादियों",
        "soldier": "सैनिक सैनिकों जवान जवानों",
        "civilian": "नागरिक नागरिकों",
        "child": "बच्चे बच्चों",
        "woman": "महिलाएं महिलाओं",
        "police": "पुलिसकर्मी पुलिसकर्मियों",
        "case": "मामले मामलों",
        "vehicle": "वाहन वाहनों",
        "house": "घर घरों मकान मकानों",
    },
)
_extend(
    ACTIONS,
    {
        "killed": "मारे मारा मारी मौत मृत्यु हत्या",
        "wounded": "घायल",
        "arrested": "गिरफ्तार गिरफ़्तार",
        "missing": "लापता",
        "destroyed": "नष्ट तबाह",
    },
)
OUTCOME_NOUNS.update({
    **dict.fromkeys(_words("मृतकों मृतक"), ("person", "killed")),
    **dict.fromkeys(_words("घायलों"), ("person", "wounded")),
})  # fmt: skip

# Greek, Romanian, Hungarian, Persian and Urdu, languages of a monitoring stream beyond USE's:
# their hedges, the people counted and what happened to them ("Περισσότεροι από 50 άνθρωποι
# σκοτώθηκαν", "Peste 50 de oameni au fost uciși", "Több mint 50 ember meghalt", "بیش از ۵۰ نفر
# کشته شدند", "50 سے زائد افراد ہلاک"). Before, each had its number alone.
QUALIFIERS.update({
    **dict.fromkeys(["περισσότεροι από", "περισσότερες από", "περισσότερα από", "πάνω από", "άνω των",
                     "peste", "mai mult de", "mai mulți de", "mai multe de", "több mint", "بیش از",
                     "بیشتر از"], Q.MORE_THAN),
    **dict.fromkeys(["τουλάχιστον", "cel puțin", "cel putin", "legalább", "دست کم", "حداقل", "کم از کم"],
                    Q.AT_LEAST),
    **dict.fromkeys(["περίπου", "σχεδόν", "aproximativ", "circa", "în jur de", "aproape", "mintegy",
                     "körülbelül", "nagyjából", "csaknem", "majdnem", "حدود", "تقریباً", "تقریبا",
                     "نزدیک به", "لگ بھگ"], Q.AROUND),
    **dict.fromkeys(["cel mult", "legfeljebb", "حداکثر", "زیادہ سے زیادہ"], Q.NO_MORE_THAN),
    **dict.fromkeys(["λιγότεροι από", "λιγότερες από", "λιγότερα από", "mai puțin de", "kevesebb mint",
                     "کمتر از"], Q.LESS_THAN),
})  # fmt: skip
POST_QUALIFIERS.update({
    **dict.fromkeys(["سے زائد", "سے زیادہ"], Q.MORE_THAN),
    **dict.fromkeys(["سے کم"], Q.LESS_THAN),
})  # fmt: skip
_extend(
    COUNTED,
    {
        "person": "άνθρωποι ανθρώπους ανθρώπων άτομα ατόμων oameni persoane ember embert személy نفر افراد لوگ",
        "soldier": "στρατιώτες στρατιωτών soldați militari katona katonát سرباز سربازان فوجی فوجیوں",
        "civilian": "άμαχοι αμάχων civili civilt civilek غیرنظامی شہری",
        "child": "παιδιά παιδιών copii gyerek gyermek کودک کودکان بچے بچوں",
        "militant": "μαχητές μαχητών τρομοκράτες militanți luptători teroriști fegyveres terrorista عسکریت",
        "police": "αστυνομικοί polițiști rendőr پلیس پولیس",
        "woman": "γυναίκες femei nő خواتین زن زنان",
    },
)
_extend(
    ACTIONS,
    {
        "killed": """σκοτώθηκαν σκοτώθηκε σκότωσαν πέθαναν uciși ucis murit decedat decedați meghalt
        meghaltak megölt megöltek életét کشته ہلاک جاں""",
        "wounded": "τραυματίστηκαν τραυματίστηκε răniți rănit megsebesült megsebesültek megsérült زخمی مجروح",
        "arrested": "συνελήφθησαν συνελήφθη arestați arestat reținuți letartóztattak őrizetbe بازداشت دستگیر گرفتار",
        "missing": "αγνοούνται dispăruți eltűnt مفقود لاپتہ",
        "evacuated": "απομακρύνθηκαν evacuați kitelepítettek",
    },
)
OUTCOME_NOUNS.update({
    **dict.fromkeys(_words("νεκροί νεκρούς morți decese halott halottak"), ("person", "killed")),
    **dict.fromkeys(_words("τραυματίες sebesült sebesültek"), ("person", "wounded")),
})  # fmt: skip

# Indonesian and Malay, one of the largest news languages outside USE's: "Lebih dari 50 orang
# tewas", "sedikitnya 12 tentara terluka", "kira-kira 30 orang cedera". Before, their claims had
# their number alone. (Vietnamese writes its verbs in two syllables, "thiệt mạng", "bị thương",
# whose single words mean other things alone: not read.)
QUALIFIERS.update({
    **dict.fromkeys(["lebih dari", "lebih daripada"], Q.MORE_THAN),
    **dict.fromkeys(["sedikitnya", "setidaknya", "paling sedikit", "sekurang-kurangnya", "sekurangnya"],
                    Q.AT_LEAST),
    **dict.fromkeys(["sekitar", "hampir", "kurang lebih", "kira-kira", "lebih kurang", "hampir-hampir"],
                    Q.AROUND),
    **dict.fromkeys(["paling banyak", "sebanyak-banyaknya", "maksimal"], Q.NO_MORE_THAN),
    **dict.fromkeys(["kurang dari", "kurang daripada"], Q.LESS_THAN),
})  # fmt: skip
_extend(
    COUNTED,
    {
        "person": "orang warga korban jiwa penduduk",
        "soldier": "tentara prajurit askar",
        "civilian": "sipil",
        "child": "anak anak-anak kanak-kanak",
        "militant": "militan pemberontak teroris",
        "police": "polisi",
        "woman": "perempuan wanita",
        "refugee": "pengungsi pelarian",
        "house": "rumah",
    },
)
_extend(
    ACTIONS,
    {
        "killed": "tewas meninggal terbunuh maut wafat menewaskan membunuh",
        "wounded": "terluka luka-luka cedera mencederakan",
        "arrested": "ditangkap ditahan menangkap diamankan",
        "missing": "hilang",
        "evacuated": "dievakuasi mengungsi",
        "infected": "terinfeksi terjangkit",
    },
)
# Vietnamese writes a word as syllables apart, and its verbs of what happened are two of them,
# each alone another word ("thiệt mạng", killed: "mạng" is also a network): read as phrases
# (``ACTION_PHRASES``). Its hedges and the people it counts are single words.
QUALIFIERS.update({
    **dict.fromkeys(["hơn", "trên", "hơn là"], Q.MORE_THAN),
    **dict.fromkeys(["ít nhất", "tối thiểu"], Q.AT_LEAST),
    **dict.fromkeys(["khoảng", "gần", "chừng", "xấp xỉ", "ước tính"], Q.AROUND),
    **dict.fromkeys(["tối đa", "không quá"], Q.NO_MORE_THAN),
    **dict.fromkeys(["dưới", "chưa đến", "ít hơn"], Q.LESS_THAN),
})  # fmt: skip
_extend(COUNTED, {"person": "người", "soldier": "binh", "child": "trẻ", "militant": "phiến", "case": "ca"})
ACTION_PHRASES: dict[str, dict[str, str]] = {
    # English phrasal verbs, each word alone no action ("passed", "gunned"). Not "shot down", "blew
    # up" nor "rounded up": a bill is shot down 52 to 48, a lead blown, a figure rounded up to 300.
    "en": {
        "passed away": "killed", "pass away": "killed", "passes away": "killed", "gunned down": "killed",
        "gun down": "killed", "into custody": "arrested",
    },
    "vi": {
        "thiệt mạng": "killed", "tử vong": "killed", "bị giết": "killed", "sát hại": "killed",
        "bị thương": "wounded", "bị bắt": "arrested", "bắt giữ": "arrested", "mất tích": "missing",
        "sơ tán": "evacuated", "di tản": "evacuated", "nhiễm bệnh": "infected", "mắc bệnh": "infected",
        "phá hủy": "destroyed",
    },
}  # fmt: skip
_extend(ACTIONS, {"killed": "chết"})

# Thai, read as Chinese is (``cjk_counts``): hedges before the number ("มากกว่า 50 คน", more than
# 50 people), its counters after it (คน, ราย, นาย for people; หลัง houses; คัน vehicles) and its
# verbs and nouns of what happened, found in the unspaced text ("ผู้เสียชีวิต", the dead).
CJK_QUALIFIERS.update({
    **dict.fromkeys(["มากกว่า", "กว่า", "เกินกว่า", "เกิน"], Q.MORE_THAN),
    **dict.fromkeys(["อย่างน้อย", "ไม่ต่ำกว่า", "ไม่น้อยกว่า"], Q.AT_LEAST),
    **dict.fromkeys(["ประมาณ", "ราว", "ราวๆ", "เกือบ"], Q.AROUND),
    **dict.fromkeys(["ไม่เกิน", "สูงสุด"], Q.NO_MORE_THAN),
    **dict.fromkeys(["น้อยกว่า", "ต่ำกว่า"], Q.LESS_THAN),
})  # fmt: skip
CJK_UNITS.update({
    **dict.fromkeys(["คน", "ราย", "นาย", "ศพ"], "person"), "หลัง": "house", "คัน": "vehicle",
    "กิโลเมตร": "kilometre", "กม.": "kilometre",
})  # fmt: skip
CJK_ACTIONS.update({
    **dict.fromkeys(["เสียชีวิต", "ถูกสังหาร", "สังหาร", "ศพ"], "killed"),  # not "ดับ": also a power cut
    **dict.fromkeys(["บาดเจ็บ"], "wounded"),
    **dict.fromkeys(["จับกุม", "ถูกจับ"], "arrested"),
    **dict.fromkeys(["สูญหาย"], "missing"),
    **dict.fromkeys(["อพยพ"], "evacuated"),
    **dict.fromkeys(["ติดเชื้อ"], "infected"),
})  # fmt: skip

# Hebrew glues a one-letter proclitic to the number with a hyphen or maqaf: "יותר מ-50" (more
# than 50), "כ-50" (about 50), "פחות מ-50" (fewer than 50); the hedge's last word is the letter.
# Before, such a number was read as a name's ("Covid-19") and Hebrew claims had no hedge.
QUALIFIERS.update({
    **dict.fromkeys(["יותר מ", "מעל", "מעל ל", "למעלה מ"], Q.MORE_THAN),
    **dict.fromkeys(["לפחות", "לא פחות מ"], Q.AT_LEAST),
    **dict.fromkeys(["כ", "בערך", "כמעט", "קרוב ל", "סביב"], Q.AROUND),
    **dict.fromkeys(["לא יותר מ", "לכל היותר"], Q.NO_MORE_THAN),
    **dict.fromkeys(["פחות מ"], Q.LESS_THAN),
})  # fmt: skip
_extend(
    COUNTED,
    {
        "person": "אנשים בני",
        "militant": "מחבלים חמושים מחבל פעילי",
        "soldier": "חיילים לוחמים",
        "civilian": "אזרחים",
        "child": "ילדים",
        "woman": "נשים",
        "police": "שוטרים",
    },
)
_extend(
    ACTIONS,
    {
        "killed": "נהרגו נהרג נרצחו נרצח מתו חוסלו",
        "wounded": "נפצעו נפצע",
        "arrested": "נעצרו נעצר",
        "missing": "נעדרים",
    },
)
OUTCOME_NOUNS.update({
    **dict.fromkeys(_words("הרוגים"), ("person", "killed")),
    **dict.fromkeys(_words("פצועים"), ("person", "wounded")),
})  # fmt: skip

# Arabic beyond the base forms above (`claims._arabic_forms` reads off "و", "ال", "ب" and the
# accusative "ا" of "50 مسلحا", so these are the plurals and other stems a count takes).
for _key, _names in {
    "person": "أفراد",
    "civilian": "مدنيين مواطن مواطنين",
    "protester": "متظاهر متظاهرين متظاهرون محتج محتجين",
    "resident": "سكان مقيم",
    "prisoner": "أسير أسرى سجين سجناء معتقل معتقلين رهينة رهائن",
    "patient": "مريض مرضى",
    "vehicle": "دبابات مدرعة مدرعات آلية آليات شاحنة شاحنات",
    "aircraft": "طائرات مسيرة مسيرات",
    "house": "منزلا بيت بيوت",
    "case": "حالة حالات",
    "minute": "دقيقة دقائق",
    "week": "أسبوع أسابيع",
    "year": "عام أعوام",
}.items():
    COUNTED[_key] += " " + _names
CURRENCY.update({
    # Slovene, Croatian and Serbian, Turkish: "80 milijard evrov", "11 milijard dolarjev", "5 milyon avro"
    **dict.fromkeys(_words("evrov evra evre evro eura avro"), "eur"),
    **dict.fromkeys(_words("dolarjev dolarja dolarje dolara dolari dolar"), "usd"),
    **dict.fromkeys(_words("يورو"), "eur"), **dict.fromkeys(_words("دولار دولارا دولارات"), "usd"),
    **dict.fromkeys(_words("جنيه جنيها جنيهات"), "egp"), **dict.fromkeys(_words("ريال ريالا ريالات"), "sar"),
    **dict.fromkeys(_words("درهم دراهم"), "aed"),
})  # fmt: skip
# "عشر" is the second word of 11-19 ("ثلاثة عشر"); alone it is mostly "the tenth" of a date.
NOT_ALONE_NUMBER_WORDS = frozenset({"عشر"})
for _key, _names in {
    "killed": "استشهد استشهاد لقوا حتفهم",
    "wounded": "أصيبوا جرح",
    "arrested": "توقيف",
    "fled": "نزح نزوح",
    "captured": "أسرت",
}.items():
    ACTIONS[_key] += " " + _names
OUTCOME_NOUNS.update({
    **dict.fromkeys(_words("شهيد شهداء"), ("person", "killed")),
    **dict.fromkeys(_words("مصاب إصابات إصابة"), ("person", "wounded")),  # "4 إصابات": 4 wounded or infected
    # The recovered as a noun: "1,000 recoveries", "500 Genesene", "200 ozdrowieńców", "المتعافين".
    **dict.fromkeys(_words("""recoveries genesene genesenen guérisons guéris recuperados curados guariti
        guarigioni выздоровевших выздоровевшие одужалих одужавших ozdrowieńców wyleczonych vyléčených
        uzdravených излекувани излекуваните оздравели оздравелите ozdravelih متعافين المتعافين متعاف"""),
        ("person", "recovered")),
})  # fmt: skip
# What tells that a text is about a disease, so that its "cases" are infections (not court cases,
# corruption cases, "in 1003 cases"), and that an Arabic "أصيب"/"إصابة" (a wound and an infection
# alike) in a text naming one is an infection ("أصيب بفيروس كورونا"): stems matched at a word's
# start, any ending ("koronavirusom", "Coronavirus-Pandemie", "заражения"), and in scripts that
# glue or prefix words (Arabic, Chinese, Japanese, Korean) anywhere; ``DISEASE_WORDS_WHOLE`` only as
# whole words ("flu" is not "fluid", "grippe" not "gripped"). Not "zaraz" (Polish "at once",
# Ukrainian "now"), "nakaz" (Polish "order"), "viral" (what a video goes) or "outbreak" (of violence).
DISEASE_STEMS = tuple(_words("""
    covid coronavirus corona virus infect epidemic pandemic disease influenza ebola cholera measles malaria
    dengue tuberculosis polio zika monkeypox mpox omicron vaccin quarantin salmonell listeri legionell
    norovirus hepatitis meningitis botulism rabies anthrax typhoid
    maladie épidémi pandémi contamin rougeole paludisme
    krankheit erkrank epidemie pandemie infiz masern seuche
    enfermedad epidemia pandemia gripa infecci contagi sarampión
    malattia infezion morbillo doença infecç vírus
    вирус коронавирус ковид инфекц инфицир зараж заразил заразе заразат заразя заболе заболя болезн эпидеми
    пандеми грипп вірус коронавірус ковід інфекц інфіков захвор хвороб епідемі пандемі грип болест епидеми
    wirus koronawirus zakaż zaraż infekc chorob zachorow epidemi pandemi gryp
    koronavir nákaz nakaž nakazil onemocn nemoc chřip ochoren epidémi
    okuž bolezen bolezn epidemij pandemij zaraza zaraze zarazom zaraž
    virüs koronavirüs kovid salgın hastalı enfeksiyon
    ziekte besmet griep
    فيروس كورونا كوفيد وباء مرض عدوى الإنفلونزا
    病毒 疫情 肺炎 感染 新冠 流感 疾病 ウイルス コロナ 코로나 감염 바이러스 확진
    कोरोना वायरस संक्रमण बीमारी महामारी κορονοϊ κορωνοϊ πανδημ επιδημ"""))  # fmt: skip
DISEASE_WORDS_WHOLE = frozenset(_words("flu hiv aids sars mers grip gripe grippe grippal grippale"))
# Words that make a count of cases an epidemic's tally wherever it stands, even in a text that
# names no disease ("3 bin 621 yeni vaka tespit edildi", "25 нови случая", "36 new cases").
TALLY_MODIFIERS = frozenset(_words("""
    new confirmed active positive suspected imported nouveaux nouveau nouvelles confirmés actifs positifs
    suspects importés neue neuen bestätigte bestätigten aktive aktiven nuevos confirmados activos positivos
    sospechosos importados nuovi confermati attivi positivi sospetti novos ativos новых новые
    подтверждённых подтвержденных активных нових підтверджених активних нови новите потвърдени потвърдените
    активните активни положителни nowych nowe potwierdzonych aktywnych nových nové potvrzených aktivních
    potvrdených novih potrjenih aktivnih potvrđenih nieuwe bevestigde yeni aktif pozitif"""))  # fmt: skip

# Words that open a clause of its own inside a sentence: a verb before one has its subject before it
# too ("3 soldiers were wounded when 20 militants attacked").
SUBORDINATORS = frozenset(_words("""when while whereas after before because since as where whom who which
    quand lorsque lorsqu pendant tandis parce après avant alors als wenn nachdem während weil bevor
    cuando mientras porque después antes quando mentre perché dopo prima enquanto porque depois
    wanneer terwijl nadat omdat когда пока после потому поскольку тогда gdy kiedy podczas ponieważ
    zanim když zatímco protože poté коли поки після тому коли когато докато защото след ko medtem
    ker preden kada dok jer nakon när medan eftersom innan når mens fordi kun koska"""))  # fmt: skip

# A life lost is a death: "lost their lives", "claimed the lives of 13", "ums Leben", "costó la vida a
# 13", "унесли жизни 13", "życie straciło 13", "přišlo o život"; a life saved, a rescue. The noun
# alone says neither ("sentenced to life"): a verb of losing or saving within two words of it does.
LIFE_NOUNS = frozenset(_words("""life lives leben vie vies vida vidas vita vite leven levens жизни жизнь
    жизней життя життів живота животи życie życia żyć život životy životů življenje življenja
    življenj život živote hayat hayatını hayatlarını yaşamını yaşamlarını canını"""))  # fmt: skip
LIFE_ACTIONS: dict[str, str] = {
    **dict.fromkeys(_words("""lost lose loses losing claimed claim claims claiming took take takes taking
        taken cost costs costing ums verloren verlor verloren kostete kosteten gekostet kostet perdu
        perdent perdre perdirent perdus coûté coûte coûter perdieron perdió perdido perder perdiendo costó
        costado cobró cobrado cobrándose perso persero perdere costato costata costò persa perderam perdeu
        perdido custou custado ceifou унесли унёс унес унесла унесло унесший унесших унесшего лишились
        лишился лишилась забрали забрав забрала забрало загинули pochłonął pochłonęła pochłonęło
        pochłonęły straciło stracili straciła stracił straciły kosztował kosztowała kosztowało vyžádal
        vyžádala vyžádalo vyžádaly připravil připravila přišlo přišli přišel přišla izgubilo izgubili
        izgubila izgubil terjal terjala terjalo zahteval zahtevala zahtevalo отне отнесе отнеха
        загубиха загубили kaybetti
        kaybettiler kaybeden kaybedenler kaybedenlerin kaybetmişti kaybettiği kaybettikleri kaybetmiş yitirdi
        yitirdiler yitiren yitirenler yitirenlerin yitirmişti yitirdiği yitirdikleri yitirmiş kostte eiste
        verloor"""), "killed"),
    **dict.fromkeys(_words("""saved save saves saving sauvé sauvés sauver salvó salvado salvar salvato
        salvati salvou salvaram спасли спас спасла спасти uratowali uratował uratowała zachránili
        zachránil rešili rešil спасиха gerettet rettete retteten kurtardı"""), "rescued"),
}  # fmt: skip

# Big units that are a figure alone ("более миллиона", "millions of"), but only the scale of a number
# right before them ("3 millones", "neuf millions", "P19 millones").
BARE_SCALE_WORDS = frozenset(
    " ".join(w.casefold().split())
    for w in [*_BARE_MILLIONS, *_BARE_BILLIONS, *_PLURAL_MILLIONS, "billions", "billions of", "milliarden",
              "miliardi", "bilhões", "миллиарды", "мільярди", "miliardy"]
)  # fmt: skip

# What a team or an athlete wins, counted: "won six games", "gewann drei Spiele", "three gold medals"
# are results, no one elected (the lemmas, and the forms a lemmatiser leaves).
# What is carried out or cut, never killed: "executed two search warrants", "eliminating 40 positions".
PROCEDURES = frozenset(_words("""warrant order plan contract operation search raid trade transaction project
    position job
    programme program strategy sentence mandat ordre contrat opération orden contrato operación ordine
    contratto operazione ордер приказ операция nakaz rozkaz operacja příkaz operace"""))  # fmt: skip
CONTESTS = frozenset(_words("""game match win victory goal point medal trophy title set round race
    assist rebound touchdown spiel spielen sieg tor punkt medaille titel partido partida gol punto
    victoria medalla título partita vittoria medaglia titolo matche victoire médaille titre матч гол
    очко победа медаль титул mecz bramka zwycięstwo medal tytuł zápas gól bod výhra medaile titul
    maç puan galibiyet madalya wedstrijd doelpunt punt overwinning"""))  # fmt: skip

# "Infections and deaths rose to 9.4 million and 230,000, respectively": a list of figures beside
# one of these takes, in order, the actions a list of as many words before it names.
RESPECTIVELY = frozenset(_words("""respectively respectivement respectivamente rispettivamente
    beziehungsweise bzw respectievelijk соответственно відповідно съответно odpowiednio respektive
    resp respektíve oziroma sırasıyla"""))  # fmt: skip

# Words that report who said a figure: after a comma they open another clause ("…, officials
# said 12"), so a figure past them is not the next item of a list (claims._listed_alike).
REPORTING = frozenset(_words("""said says told reported added stated announced according
    déclaré dit selon affirme annoncé sagte sagten erklärte erklärten teilte berichtete laut
    dijo afirmó según informó detto secondo affermato disse segundo заявил заявила сообщил сообщила
    сказал сказала согласно заявив powiedział powiedziała poinformował poinformowała według
    řekl řekla uvedl uvedla podle каза заяви според dejal dejala povedal povedala dedi açıkladı
    göre"""))  # fmt: skip

# Prepositions that open the phrase a listed figure may trail before the next one ("389 okuženih
# z novim koronavirusom, 279 iz savinjske", "2.450 muertes en Nueva York, 2.000 en Massachusetts").
LIST_PREPOSITIONS = frozenset(_words("""in at from of on en de dans à au aux aus im von vom bei
    z ze iz v ve w we na po u od do s so в във из от у с со на по з зі від di da del della dei
    nel nella para por em no na do da içinde"""))  # fmt: skip

# A place's population is no toll: "Slovaška, ki ima 5,4 milijona prebivalcev", "Spojené státy se
# zhruba 328 miliony obyvatel", "a city with 300,000 inhabitants" ("of" is left out: "the evacuation
# of 3,000 inhabitants" befell them). Stems of the nouns, and the words
# of having that put them (claims._populations).
POPULATION_STEMS = ("inhabitant", "einwohner", "habitant", "abitant", "жител", "mieszkańc", "obyvatel",
                    "prebival", "stanovnik", "жители", "nüfus", "population", "населени", "popolazion",
                    "poblaci", "populaç", "bevölkerung", "obyvateľ")  # fmt: skip
HAVING = frozenset(_words("""has have had with ima imajo má mají se ze hat haben mit tiene tienen con
    compte comptent avec ha hanno tem têm com имеет имеют с со ma mają liczy има имат s sahip"""))  # fmt: skip

# A figure set against the one before it counts the same for the other side ("306 votes against
# 232", "306 голосов против 232"): claims._a_versus_gap.
VERSUS = frozenset(_words("""against vs versus против срещу проти przeciw przeciwko wobec proti oproti
    contre gegen gegenüber contra frente karşı"""))  # fmt: skip

# A toll changed from or by one figure to another ("rose from 300 to 500", "vzrostl o 312 na
# 34.272", "stieg um 56 auf 500"): the first is an earlier total or the step, not a count of what
# the toll counts; the second is the toll (claims._change_step_end). The words before the first
# figure ("from", "by"), the word before the second ("to"), and stems of the words that say a
# figure changed (verbs and nouns: "rose", "wzrost", "snížení"), one of which must stand shortly
# before: "от 18 до 60 лет", "de 150 à 200 morts" are ranges.
CHANGE_FROM = frozenset(_words("""from von de d' d’ da dal desde с со від з із зі z ze od от s iz"""))  # fmt: skip
CHANGE_BY = frozenset(_words("""by um di en на o za с"""))  # fmt: skip
CHANGE_TO = frozenset(_words("""to auf à a al hasta para до do na на tot naar"""))  # fmt: skip
# Reflexive particles that may stand between a verb of change and its "do"/"до" ("zwiększyła się do").
REFLEXIVES = frozenset(_words("""się se si sich се ся"""))  # fmt: skip
# "risen to 500, up from 300": the words that may stand before "from" after the new figure.
CHANGE_DIRECTIONS = frozenset(_words("""up down"""))  # fmt: skip
# "um 56 auf 500", "von 6 auf 8": German's "auf" after these says a change with no verb before.
SELF_EVIDENT_CHANGES = frozenset({("um", "auf"), ("von", "auf")})
CHANGE_STEMS = tuple(_words("""rose rise risen rising increas climb jump grew grow fell falls fallen falling
    drop declin decreas surged surging surges soar raise raised raising reduc cuts cutting lower plung slump
    dipp doubl tripl hike upped revis shrank shrunk shrink stieg steig gestiegen erhöh gesunken sank sinkt
    senk gesenkt wuchs gewachsen wächst zugenommen nahm abgenommen verringer reduzier verdoppel korrigier
    anstieg rückgang zunahme abnahme kletter geklettert sprang gesprungen fiel gefallen fällt passé passe
    passant augment grimp baiss chute chuté dimin rédui hausse recul bondi monté montée tombé pasó pasa
    pasar aument subió subier sube bajó bajaron cayó cayeron caíd creci crec redu disminu descend elev
    duplic passat salit sces calat cresc ridott ridu lievit balzat raddopp passou caiu reduz вырос выросл
    возрос увелич сократ сниз уменьш упал подня подскоч опустил повыс рост зріс зрос вирос збільш зменш
    скорот знизи впа підня підвищ wzrósł wzrosł wzrost zwiększ spadł spadek zmniejsz obniż podwyższ podnies
    skoczył urosł zmalał vzrost vzrůst stoup klesl kles zvýš sníž nárůst pokles narost stúp zníž nárast
    narasl narast povzpel poveča zmanjša upadl padl нарасна нараст увеличи намал спадна спад покачи повиши
    пониж скочи ръст"""))  # fmt: skip
# Short ones, matched whole: as stems they would start other languages' words ("fallecido", "calor").
CHANGE_WORDS = frozenset(_words("""fall cut surge calo calò"""))  # fmt: skip

# Slovak and Serbo-Croatian (Croatian, Serbian in both scripts, Bosnian; facts-30): their hedges
# were read since facts-26, their people and verbs not ("Pri útoku zahynulo najmenej 50 ľudí a 80
# bolo zranených" gave 80 killed; "Najmanje 50 ljudi je poginulo" no action). Forms are listed, as
# no lemmatiser here reads these languages.
_extend(
    COUNTED,
    {
        "person": "ľudí ľudia človek človeka osôb osoba osobe osoby људи особа особе особа čovjek čovek",
        "soldier": "vojak vojakov vojaci vojnik vojnika vojnici војник војника војници",
        "civilian": "civilistov civilisti civil civila civili цивил цивила цивили",
        "child": "detí deti dieťa djece dijete deca dece деце",
        "police": "policajtov policajti policajac policajca policajci полицајац полицајца полицајци",
        "case": "prípad prípady prípadov slučaj slučaja slučajeva slučajevi случај случаја случајева случајеви",
        "vehicle": "vozidiel vozidlá vozidla vozila возила",
        "house": "domy kuća kuće кућа куће",
    },
)
OUTCOME_NOUNS.update({
    **dict.fromkeys(_words("""mŕtvych mŕtvi obetí obete poginulih poginulima žrtava погинулих мртвих мртви
        жртава жртве преминулих"""), ("person", "killed")),
    **dict.fromkeys(_words("zranených ranených povrijeđenih povređenih рањених повређених"), ("person", "wounded")),
    **dict.fromkeys(_words("nakazených infikovaných inficiranih заражених novozaraženih новозаражених"),
                    ("person", "infected")),
    **dict.fromkeys(_words("nezvestných nestalih несталих"), ("person", "missing")),
    **dict.fromkeys(_words("zadržaných zatknutých uhapšenih uhićenih ухапшених"), ("person", "arrested")),
})  # fmt: skip
_extend(
    ACTIONS,
    {
        "killed": """zomrelo zomreli zomrel zomrela zomrieť zahynul zahynula zabili zabil zabila zabitých zabitý zabití
            usmrtil usmrtili poginulo poginuli poginula poginuo poginule ubijeno ubijeni ubijena ubijen ubio
            ubila preminulo preminuli preminula preminuo umro stradalo stradali stradala stradao погинуло
            погинули погинула погинуо убијено убијени убијена убијен убио убили преминуло преминули
            преминула преминуо умрло умро умрли умрла страдало страдали""",
        "wounded": """zranených zranení zranili zranilo zranený zranená ranených ranení ranjeno ranjena
            povrijeđeno povrijeđeni povrijeđena povređeno povređeni povređena ozlijeđeno ozlijeđeni ozleđeno
            рањено рањени рањена рањен повређено повређени повређена""",
        "infected": """nakazilo nakazili nakazil nakazila nakazení zaraženo zaraženi zarazilo zarazio zarazila
            inficirano заражено заражени заразило""",
        "recovered": """vyliečených vyliečilo vyliečili uzdravených uzdravilo oporavilo oporavljenih oporavljeni
            izliječeno izliječenih izlečeno izlečenih оздравило опорављених излечено излечених""",
        "hospitalised": """hospitalizovaných hospitalizovaní hospitalizovali hospitalizirano hospitaliziranih
            hospitalizovano hospitalizovani hospitalizovanih хоспитализовано хоспитализовани
            хоспитализованих""",
        "arrested": """zadržaných zadržali zadržala zadržal zadržalo zadržaní zatkli zatkla zatkol zatknutých
            zatknutí uhapsila uhapsio uhitila uhitio ухапсила ухапсио uhapšeno uhapšeni uhapšen uhapsili
            uhićeno uhićeni uhićen uhitili privedeno privedeni ухапшено ухапшени ухапшен ухапсили
            приведено приведени""",
        "evacuated": "evakuovaných evakuovali evakuovaní evakuisano evakuirano evakuisani евакуисано евакуисани",
        "missing": "nezvestných nezvestní nestalo nestali nestala нестало нестали",
    },
)
NEGATIONS |= frozenset(_words("nikto žiadny žiadne žiaden nitko niko нико nijedan ниједан"))
# "489 летальных исходов", "12 летальных случаев": lethal outcomes are deaths.
OUTCOME_NOUNS.update(dict.fromkeys(_words("летальных летальные летальних летальні"), ("person", "killed")))

# Deaths and harms the main languages name with other verbs (facts-31): drowning, succumbing,
# stabbing ("Two people drowned", "succumbed to their injuries", "утонули", "ertrunken"). Not
# abduction: "a kidnapping charge" is as often a count's neighbour as a kidnapping is.
_extend(
    ACTIONS,
    {
        "killed": """drown drowned drowning succumb succumbed noyé noyés noyée ertrunken ertrinken ahogado
        ahogados ahogada ahogaron annegato annegati annegata afogado afogados utonął utonęła utonęło
        utonęli утонул утонула утонули утонуло потонули втопився втопилися utonul utonuli""",
        "wounded": "stab stabbed poignardé erstochen apuñalado accoltellato esfaqueado",
    },
)
