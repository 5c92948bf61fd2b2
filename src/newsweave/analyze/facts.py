"""What an article says: its names, places, dates and numeric claims, read in one pass.

``FactAnalyzer`` runs the four readers of the analyze stage over an article's body and ties them
together: a place the geocoder pins gives its name mention the place's key (``geonames:<id>``), so
"Abu Kemal", "Abu Kamal" and "Абу-Кемаль" are one entity wherever the gazetteer knows them, and a
place the recogniser missed still becomes a mention.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol

from newsweave.analyze.entities.lemmas import is_only_common_word
from newsweave.analyze.places.gazetteer import Gazetteer, distance_km
from newsweave.analyze.places.names import fold
from newsweave.analyze.places.outlets import OutletHomes, StoredPin, outlet_key
from newsweave.analyze.places.toponyms import INSTITUTIONS, read_as_a_word, toponym_of
from newsweave.analyze.sentences import sentence_spans
from newsweave.records import (
    Article,
    Claim,
    Entity,
    EntityType,
    Facts,
    Mention,
    Place,
    TimeExpression,
)

# Bump when a reader's output changes: stored facts of an older version are re-read by `analyze`.
# facts-2: dates no longer read as claims in any language; numbers glued to CJK counters read.
# facts-3: the entity tagger reads word classes (other names and types, in every cased language).
# facts-4: it also reads what Russian and Polish dictionaries say a word is (a surname, a place…).
# facts-5: a name right after a news agency's word is the agency ("l'agence Sana"), not a place;
#          a demonym the recogniser read as a place is its country ("American": not Americana).
# facts-6: the spotter's reading of a name wins where the recogniser's span cuts it or runs past it;
#          a spelling like a name, or a place only an untrained recogniser read, needs a witness;
#          a curated organisation is no place; neighbours of the article's countries back a
#          reading ("Gaza" beside "Israel"); Arabic and Chinese names are checked in their own letters.
# facts-7: a Chinese town's name inside a longer word (民主 in 民主党) or beside a middle dot
#          (安德森·库珀) is no place; a state's name GeoNames gave a town is no town's; an Arabic
#          word is weighed against the places written so ("رأس", head, is not Arras); a common
#          word that is a country's name only in other languages is a word (German "Mann"), and
#          so is one only the recogniser read that is commoner than its places ("Новый" год).
# facts-8: a common word of the article's language names a place only by the place's own name,
#          a big city's, or a spelling of it in a country speaking the language ("Gerät" is not
#          Herat, "Türen" not Tours, "Google" not Topeka; "Rom" is Rome, "Vegas" Las Vegas); a
#          curated place without a GeoNames id stays whole and named ("Белия дом", White House).
# facts-9: nor does it name a first-level division abroad by an alternate name that is none of
#          the division's there (German "Region" is not Calabarzon, in the Philippines).
# facts-10: an outlet's home division, learnt from its earlier articles' places, backs its next
#          articles' ("Jordan" in a Minnesota weekly is the town there; places.outlets); an
#          initialism is no town spelt with its letters ("EU" is not Eu); "England" is England;
#          a town before a local-government word is the town ("Henderson County Jail"); a
#          newspaper's place is no place ("Washington Post"); nor a surname of a person named in full.
# facts-11: Turkish and Arabic read by the tagger's own weights, a case ending after an
#          apostrophe cut from the name ("Türkiye'de"), an Arabic proclitic split off; Arabic and
#          Hebrew places matched as GeoNames writes them; a place read as a person where the
#          article reads it as a place is that place (a headline too); a small town no other
#          place backs is not pinned.
# facts-12: Chinese names read by Baidu's LAC (not jieba's tags), Latin-script names inside a
#          Chinese, Japanese, Thai or Korean text by the tagger, a Chinese place written after its
#          state or country two places; Korean names read by mecab-ko word by word; Japanese
#          suffixes and dotted katakana names, Thai words looked up as written; a word keeps its
#          vowel signs (Devanagari, Thai…) for the recogniser and the places' spotter.
# facts-13: claims: a name's number ("Covid-19"), a year with its year word ("2020 год", "в 1800"),
#          a clock time, a fraction and a number with a leading zero are no counts; "the number of
#          infections" is no death toll; "die" is no action in German; "1 mln 426 094" is one figure.
#          A country or state the curated aliases name ("США", "ZDA", "РФ"), or the recogniser names
#          in Cyrillic, Greek, Polish, Czech or Slovene ("Техасе", "Pensylwanii"), that the
#          gazetteer reads as no such area is that area
#          (США was left unpinned and keyed apart, РФ pinned in Bahrain, Техас in Japan). An
#          organisation's acronym is keyed by its letters, not their sound (PAP was PO's key).
# facts-14: claims and dates in Bulgarian, Slovene and Turkish; a number word only in its own
#          languages (Czech "ten" is no ten); a figure's action not beyond another figure, none
#          for a duration, a share or an age; cases count infections; protesters are counted.
# facts-15: the name tagger retrained with 144 Polish and Russian news texts of SemEval-2022 beside
#          BSNLP's documents.
# facts-16: a title-case headline's word the body does not settle is a common word when the
#          language's dictionary holds it only in lower case ("Escaped").
# facts-17: a name the body reads (the tagger at least half sure) is a name where the headline
#          writes it.
# facts-18: a name keeps a GeoNames key the article's places do not pin only when the curated
#          aliases or the place's own name give it (not a stem's or a sound's guess: "Maria" was
#          Bahrain, "Kashmir" Mogadishu); a headline's places are read with the body's as context;
#          a name in Latin or Cyrillic letters reaches no place through the consonants an abjad
#          spelling folds to ("NFL" was Nepal, Hebrew "נפאל"); a surname whose sound key is
#          shorter than three letters keys by its stem ("Duda" was per:d, "Kim" and "Cuomo" per:km);
#          curated names written without spaces are found whole (イスラム国, 新型コロナ), and a curated
#          name of another thing vetoes the places inside it.
# facts-19: a curated spelling in an abjad, ideographs, kana or Hangul is an alias only of a name
#          written in those letters (Japanese コロナ folds to "korona": Polish "Korona" and Russian
#          "Корона" were COVID-19, and the tagger read them as aliases, which it was not trained with);
#          nor does a name reach a place only such a spelling folds to by the gazetteer's exact
#          names ("NFL" was typed a place, Nepal, through Hebrew "נפאל").
# facts-20: a country's name followed by a country's is a list, not its namesake town placed in
#          the other ("China, Japan" was a Japanese town); a person named in full vetoes the places
#          spotted in its words ("Dominik Simon" was Dominica); world regions are curated names,
#          not their namesake towns (Middle East, Pennsylvania), "Korea" South Korea; a person of
#          three words or more loses a leading demonym; countries' names joined ("China-Iran")
#          are no misspelling of one place; a German noun is no town abroad that bears it as its
#          own name ("Länder" was Lander, Venezuela), nor a word it writes in lower case but at a
#          sentence's start ("Dabei" was Dubai); a bare capital's name is the capital, not its
#          namesake state ("Washington").
# facts-21: the Indic and Ethiopic scripts are read in their own letters, as abjads and ideographs
#          are: Hindi "उस" (that) folded to "us", the United States, "खाना" (food) to Ghana, and
#          Amharic "ጊዜ" (time) was Giza; Hindi claims keep their words' vowel signs and have a
#          lexicon ("50 से अधिक लोग मारे गए", more than 50 people killed), as Greek, Romanian,
#          Hungarian, Persian and Urdu claims do.
# facts-22: English words for faiths and peoples are no names ("several Islamic radicals", "Arab
#          news agencies", "Muslims"), a nationality alone is its country under any type
#          ("Nigerians", "Palestinian detainees"), and an organisation's head noun types its name
#          ("Armed Forces of Iraq", "Robert Koch Institute"); a name after a personal title is a
#          person's ("Judge Manning" was the Isle of Man, "Sen. Fairfield" the town), and a title
#          that also opens names is kept in them ("King County", "Prince Edward Island"); an
#          English first name and surname (US Census lists) type a person ("Elizabeth Fairfield"
#          was a place, and the town was pinned at each "Fairfield" of the text), and the tagger,
#          retrained, reads what the census makes of each capitalised word; a name never ends
#          in punctuation ("Madrid…"). Hebrew claims keep a number glued to a one-letter
#          proclitic ("יותר מ-50", more than 50) and have a lexicon. A curated acronym is one
#          only in capitals and in its own script ("ID" was the Islamic State's "ИД", "Us" the US),
#          and a title before a name is no name of its own ("Senator" of "Senator Warren"), nor
#          an English generic noun alone ("the City", "the Government"), nor a month left of
#          "Capricorn January 10"; a census first name read as a place joins the person after
#          it ("Bill" + "de Blasio").
# facts-23: a French nationality's noun is its country ("le Saoudien Mohsen Al Najdi": Saudi
#          Arabia and the man apart); an alias may hold in one language's texts only (German's
#          "Corona", the pandemic, English's a city in California) and is read where the tagger
#          read nothing; a headline is title case only by words its body does not write as
#          names; dates in the cases Slavic prepositions take, a year before its word ("2020
#          года"), a weekday beside its date, a bare month one or two months ahead the coming one.
# facts-24: in a script without capitals a common word is a place only if the world's news
#          names that place or it is large for the word's frequency (联合 "joint", العاصمة "the
#          capital", الجديد "the new" were towns and a governorate); Turkish "Korona" is COVID-19.
#          Chinese, Japanese and Korean claims: big units glued on ("3万人"), "多"/"以上"/"左右"
#          hedges, units and money ("公里", "美元"), the noun after the counter ("50名武装分子"),
#          numerals in characters ("五十多名"), more verbs; scores ("106-101") are no ranges.
# facts-25: a sure one-word person whose word is a first name ("Camilla", "Diana", "Kara") is no
#          town or region unless other places of the article back it; where nouns are capitalised
#          an everyday noun ("Namen") names a town only as a word of the town's own name.
#          Claims: Hebrew "וכ-30" (and about 30) keeps its hedge; "and" in twelve more languages.
#          The tagger learns NTREX's Arabic and reads Arabic words' frequency; "كاليفورنيا" is whole.
#          Places: Arabic kinds of places ("مدينة") are none; vowel signs stay on Arabic words; a big
#          place's name in its own letters is that place ("巴黎" Paris, not Bali); Japanese and Korean
#          common words weighed; the nations of the UK in every script ("Англия" was Angola).
# facts-26: a bare "Congress", "Senat", "Democratic Party" is the US one only in an article that
#          names the United States (India's Congress, Poland's Senate were keyed to it); countries
#          by their languages' initials ("ABD", "EEUU", "RFN", "ЮАР"); a dictionary's "lemma" that is
#          a cut of the word is none ("Koronavirüs" was "koro", Coro); a Polish or Russian
#          perfective future puts a bare weekday in the coming week ("W poniedziałek trafi"); a name
#          cut in two by the tagger is joined by its lemma ("Новой Англии"); Turkish towns as written
#          ("Kumluca", not "Kumlu"). Claims: "new" is not what is counted ("nově nakažených"); an
#          action in a clause or after a figure of its own is not this figure's; distances have no
#          action; hedges of Czech, Polish "ok.", Slovak, Serbo-Croatian, Nordic languages, Finnish;
#          denied actions; claims and dates in Indonesian, Malay, Vietnamese and Thai (its Buddhist
#          era years); "In March 2019" is March 2019; a world city beats a far small namesake.
# facts-27: claims: who does an action to another figure is not its object ("Twelve gunmen killed
#          30 people": the gunmen were not killed), nor is a verb before a clause of its own ("were
#          wounded when 20 militants attacked"); a life lost is a death and a life saved a rescue
#          ("lost their lives", "ums Leben", "унесли жизни"); a big unit alone is a figure ("more than
#          a million", "более миллиона", "millions of"), after a number only its scale; results won
#          elect no one; "95 proc.", "yüzde 50", "evrov"; a time after "per" is a rate; hours after
#          "godz." and compound adjectives ("six-year-old") are no counts; recoveries are a key of
#          their own ("recovered"); "the number of" in more languages, rates per capita, ordinals
#          with a period ("70. rocznicy") are no counts. Dates: stretches ahead in
#          a future clause ("in two weeks", "через пять дней"), ordinal days ("čtvrtého prosince").
#          Places: world cities named together beat small namesakes their state backs. Aliases: the
#          institutions of world news (US House, Supreme Court, European Parliament, Duma…).
# facts-28: claims: figures listed "respectively" take the actions listed before them ("infections
#          and deaths rose to 9.4 million and 230,000, respectively": 9.4 million infected, not
#          killed), and "respectively", "bzw.", "oziroma" are no counted nouns; a toll risen "do"/"до"
#          a figure in Polish, Ukrainian, Bulgarian and more Russian forms states it exactly; a bare
#          figure listed beside a counted one counts the same ("Italy 6,820 deaths, China 3,285"); an
#          action word opening the next figure's clause (", а възстановилите … 102 хил.") is its; a
#          place's population befalls nothing; an action past a semicolon is another clause's; "306
#          against 232" counts votes twice. Dates:
#          an embedded tweet's English date with its year, in any language ("January 2, 2021").
# facts-29: claims: a figure changed from or by one number to another ("rose from 300 to 500",
#          "vzrostl o 312 na 34.272", "stieg um 56 auf 500", "rose to 500 from 300") states only
#          the new one, exactly: the earlier total or the step took the toll's action, or the two
#          became a range; "до"/"do" after any verb of change is "to"; Bulgarian "на сто" is percent;
#          a place's population stands between no action and its figure, and lends it no noun;
#          what befell the infected or wounded a figure counts, said next to it, is its action
#          ("Zemřelo 1122 nakažených": died, not infected); a citation's mark ("задержаны[86]") is
#          no figure; Czech and Slovak "až" joins a range ("10.000 až 15.000").
# facts-30: claims: a stretch of years is no figure ("between 2010 and 2015, 300 people died", "w
#          latach 2010-2015", "1967 až 1977"); words of when between a change's figures and a hedge
#          on the new one ("rose from 300 in September to more than 500", "с 5000 в сентябре до более
#          28000") still make a change, whose new figure takes what changed; an IP address is no figure;
#          Slovak and Serbo-Croatian people and what befell them ("zahynulo 50 ľudí", "80 je ranjeno");
#          an action word opening the next figure's clause after a bare comma is that figure's;
#          English "passed away", "gunned down", "into custody"; "died at 94" is an age; "more",
#          "new", "other" after a number leave it its noun ("two additional senators"); published
#          photos and reports are not released. Dates: holidays named as a day ("New Year's Eve",
#          "на Великден", "am Heiligabend"), Western or Orthodox as the language's church keeps them;
#          the Islamic and Hebrew years' feasts by their calendars ("عيد الأضحى", "Yom Kippur"); a
#          day alone after a date with its month ("čtvrtého prosince … Devátého") is that month's;
#          the eve of an undated event ("on the eve of the election", "накануне выборов") is no date;
#          Croatian, Serbian and Slovak relative dates ("jučer", "јуче", "pred dvoma dňami").
# facts-31: claims: a verb before "and" is not the next figure's when that figure opens a clause of
#          its own ("Five people died in Khulna and over 1,000 employees fell sick"); a clause's verb
#          between two figures ends their list; "do"/"до" after a change and a phrase of when is
#          "to" ("wzrosła w ciągu tygodnia do 300"); how many times is one key ("times": "в 6 раз",
#          "four times", "459 Mal"), befalling nothing; function words ("but", "jih", "срещу",
#          "niż") are no counted noun; numbered names are no counts ("Interstate 64", "Exit 6",
#          "COVID 19"); road "tolls" are no death toll; temperatures and speeds befall nothing;
#          an English noun phrase after a number counts its head ("three loving grandchildren").
#          Dates: Slovene months in the locative and instrumental ("v septembru", "pred 29.
#          oktobrom") and its lowercase genitive alone ("septembra"); Polish "we wrześniu"; a part
#          of a month is that month ("во второй половине января"); a stretch of time with no number
#          ("a few years ago", "vor Jahren") is no date; "next month", "the year ahead"; German
#          "Am Morgen" is the morning, not tomorrow; a bare month in a clause of the future is the
#          coming one ("will arrive in March").
# facts-32: claims: a number after a parent ("a father of two", "père de trois", "отец двоих")
#          counts their children, and what befell the parent is not theirs; dates: a weekday after
#          "from", "since", "until" ("od wtorku", "со вторника", "до п’ятниці") and the night before
#          one ("в ночь на пятницу"); the second of two weekdays in a row follows the first.
# facts-33: claims: "cases" are infections only in a text that names a disease or as a tally
#          ("new cases", "cas confirmés"), not court, electors' or whisky cases; another
#          language's counted noun is this one's word ("this fall", "casi", Italian "case");
#          Turkish "yakalandı" is an arrest unless a disease is caught; a life lost befalls the sick;
#          two words joined before a noun count it ("new and confirmed cases"); dates: Russian and
#          Ukrainian "на" + day, set for (the coming one) or as of (the last); only forces and their
#          equipment are deployed (not "an email sent to 40,000 students"); no country is infected;
#          bare numbers listed with nothing after them are names (lottery numbers, routes); seconds
#          are a time unit; Czech "podlehl" (succumbed) a death; "from 1 to 2:30 p.m." no count.
# facts-34: claims: Russian "более тысячи" and Ukrainian "близько тисячі" are one thousand, not
#          thousands; English "miles" no Spanish thousands; an age before "when" or a semicolon;
#          a time told by someone's death ("after her death", "po njeni smrti") befalls no figure;
#          the crime of a charge ("accused of killing") is not the charged's fate; "free lunches",
#          "positive feedback" free and infect no one; decades and centuries befall nothing;
#          American addresses ("35 Graham Street", "the 500 block of") are no counts; a place after
#          the noun read ("2 Bilder im Haus") ends it; another language's words of actions
#          ("toting", Slovene "zabil") are this one's; arrests and wounds never befall things;
#          "dos mil 214" is 2,214; a model year ("a 2006 Dodge") no count; a figure in or taken to
#          a hospital in its own clause is hospitalised; warrants are executed, not killed; dates:
#          English months abbreviated with their period ("Feb. 11").
# facts-35: the model-year rule reads English (and text of no known language) only: Spanish and
#          Italian "a" is "to" ("ascendió a 2000 personas" is a toll again, as before facts-34).
# facts-36: dates: a day named from the publication date beside the date it names is that date
#          ("вчера (6 января)"); Russian "на среду" after a word that sets the day; a day and month in
#          digits before a time of day ("31.01, 20:56") and German "am 31.01.".
# facts-37: claims: things "free" are to be had, not set free ("30 beds were free"); an Arabic verbal
#          noun right before a figure says what befell those it counts ("شفاء 11 مصابا", recovered); a
#          figure taken to hospital in its own clause is hospitalised though another clause before it
#          has the only other action word; Slovene and Serbo-Croatian residents ("stanovalki").
ANALYZER_VERSION = "facts-37"


class MentionFinder(Protocol):
    """Finds names in a text and says which canonical entity each refers to."""

    languages: frozenset[str]  # the languages it was trained on: elsewhere a place only it reads needs a witness

    def mentions(self, text: str, language: str | None, *, places_read: Collection[str] = ()) -> list[Mention]:
        """``places_read``: keys of the places the rest of the article reads (a headline's body's)."""
        ...

    def entity(self, key: str) -> Entity | None: ...


class PlaceFinder(Protocol):
    """Finds place mentions and pins them to gazetteer entries."""

    def places(
        self,
        text: str,
        language: str | None,
        mentions: Sequence[Mention] = (),
        context: Sequence[Place] = (),
        *,
        trusted: bool = True,
    ) -> list[Place]: ...


TimeFinder = Callable[[str, str | None, datetime | None], list[TimeExpression]]
ClaimFinder = Callable[[str, str | None, datetime | None], list[Claim]]


@dataclass(frozen=True, slots=True)
class ReadFacts:
    """One article's facts with what the store keeps beside them."""

    facts: Facts
    entities: tuple[Entity, ...]  # the canonical entities its mentions refer to
    time_sentences: tuple[str, ...]  # the sentence of each time expression, in order


class FactAnalyzer:
    """Reads an article's facts; each reader is loaded once, on first use.

    Args:
        mentions, places, times, claims: the readers; the defaults are newsweave's own.
        aliases_path: a user alias file for the entity recogniser (see docs/facts.md).

    It remembers where each outlet's places lie (``places.outlets.OutletHomes``): an article's
    places are resolved with its outlet's home division as context once the outlet's earlier
    articles have shown one, so one analyzer should read an outlet's articles in order.
    """

    version = ANALYZER_VERSION

    def __init__(
        self,
        *,
        mentions: MentionFinder | None = None,
        places: PlaceFinder | None = None,
        times: TimeFinder | None = None,
        claims: ClaimFinder | None = None,
        aliases_path: Path | None = None,
    ) -> None:
        self._mentions = mentions
        self._places = places
        self._times = times
        self._claims = claims
        self._aliases_path = aliases_path
        self._homes: OutletHomes | None = None
        self._remembered: list[StoredPin] = []  # stored pins to learn outlet homes from, on first need

    def read(self, article: Article) -> ReadFacts:
        """Every fact of ``article``'s body, offsets into ``article.text``."""
        text, language = article.text, article.language
        anchor = article.published.value if article.published else None
        mentions, places = self.read_places(text, language, outlet_key(article.outlet, article.url))
        mentions = with_place_keys(mentions, places, named_so=self.named_so(language))
        if article.title:  # a headline's names are the story's own: read them too (offsets into the title)
            headline = self.headline_mentions(article.title, text, language, mentions)
            mentions = self.headline_place_keys(article.title, text, language, headline, places) + mentions
        normalizer = getattr(self.mention_finder(), "normalizer", None)
        if normalizer is not None:
            mentions = with_country_scoped_aliases(mentions, places, normalizer)
        times = sorted(self.time_finder()(text, language, anchor), key=lambda t: t.start)
        claims = with_places(sorted(self.claim_finder()(text, language, anchor), key=lambda c: c.start), places, text)
        finder = self.mention_finder()
        entities = {}
        for mention in mentions:
            if mention.entity and mention.entity not in entities:
                entity = finder.entity(mention.entity) or _place_entity(mention, places)
                if entity is not None:
                    entities[mention.entity] = entity
        facts = Facts(article.id, tuple(mentions), tuple(places), tuple(times), tuple(claims))
        return ReadFacts(facts, tuple(entities.values()), tuple(sentences_at(text, [t.start for t in times])))

    def headline_mentions(
        self,
        title: str,
        text: str,
        language: str | None,
        body_mentions: Sequence[Mention],
        *,
        dictionary: bool = True,
        body_names: bool = True,
    ) -> list[Mention]:
        """The names of ``title`` (offsets into it): read in sentence case (``sentence_case``), and
        where it writes a name the body reads (``body_names_in_title``). `eval entities
        --headlines` compares the readings without the dictionary step and the body's names."""
        headline = sentence_case(title, text, language, dictionary=dictionary)
        # The body's places, so that a headline's "Who Escaped Abu Kamal" reads Abu Kamal as the body does.
        read = {m.entity for m in body_mentions if m.type is EntityType.LOCATION and m.entity}
        found = [
            replace(m, text=title[m.start : m.end], in_title=True)
            for m in self.mention_finder().mentions(headline, language, places_read=read)
        ]
        return body_names_in_title(title, found, body_mentions) if body_names else found

    def headline_place_keys(
        self, title: str, text: str, language: str | None, mentions: list[Mention], body_places: list[Place]
    ) -> list[Mention]:
        """The headline's mentions keyed as the body's are (``with_place_keys``): a GeoNames key
        the body pins stands; where another place is keyed, the headline is read by the places
        (in sentence case, as its names were read), with the body's places as context, and its
        mentions take what they pin."""
        pinned = {key for p in body_places if (key := place_key(p)) is not None}
        if all(not (m.entity or "").startswith("geonames:") or m.entity in pinned for m in mentions):
            return mentions
        located = [m for m in mentions if m.type is EntityType.LOCATION]
        trusted = language in getattr(self.mention_finder(), "languages", frozenset())
        headline = sentence_case(title, text, language)
        places = self.place_finder().places(headline, language, located, body_places, trusted=trusted)
        return with_place_keys(
            mentions, places, pinned_elsewhere=pinned, named_so=self.named_so(language), add_places=False
        )

    def named_so(self, language: str | None) -> Callable[[Mention], bool]:
        """Whether a mention's key is what the aliases or a place's own name make of it
        (``Normalizer.named_so``; never, with a recogniser that has no normaliser). In a script
        without capitals a place's name that the places' own test reads as a common word of the
        language (``read_as_a_word``) is not: Arabic "الجديد" (the new) is a name of Al Jadid,
        which the places read as the word it is, and the entities kept as that place. A curated
        alias stands, and a cased name is not asked: there the test is made for names only the
        recogniser read, and it took Bulgarian "Калифорния" for a word."""
        normalizer = getattr(self.mention_finder(), "normalizer", None)
        if normalizer is None:
            return lambda _: False
        gazetteer = getattr(self.place_finder(), "gazetteer", None)

        def so(m: Mention) -> bool:
            if m.entity is None or not normalizer.named_so(m.text, language, m.lemma, m.entity):
                return False
            if gazetteer is None or m.text.lower() != m.text.upper() or normalizer.aliased_so(m.text, m.entity):
                return True
            return not read_as_a_word(gazetteer, toponym_of(m, gazetteer, language), language)

        return so

    def read_places(
        self, text: str, language: str | None, outlet: str | None = None
    ) -> tuple[list[Mention], list[Place]]:
        """The names in ``text`` and the places ingest keeps, as ``read`` finds them (``eval places``).

        ``outlet`` (``outlet_key``): its home division backs the places, and they teach it."""
        mentions = self.mention_finder().mentions(text, language)
        located = [m for m in mentions if m.type is EntityType.LOCATION]
        # A finder written before ``languages`` joined the protocol is trusted in none.
        trusted = language in getattr(self.mention_finder(), "languages", frozenset())
        # A mention given to the place finder vetoes a spotted place inside it: the agencies', and
        # a curated name of another thing ("新型コロナ", the novel corona, holds コロナ, which GeoNames
        # writes for Corona, California).
        homes = self.outlet_homes()
        context = homes.context(outlet) if homes is not None else []
        curated = curated_non_places(mentions)
        gazetteer = getattr(self.place_finder(), "gazetteer", None)
        people = people_named_in_full(mentions, gazetteer) if gazetteer is not None else []
        vetoes = [*agency_mentions(mentions, text), *people_by_surname(mentions, text), *people, *curated]
        spotted = self.place_finder().places(text, language, [*located, *vetoes], context, trusted=trusted)
        named = {(m.start, m.end) for m in curated}
        places = coherent([p for p in spotted if (p.start, p.end) not in named], located)
        if gazetteer is not None:
            places = outside_unspaced_names(places, mentions, gazetteer)
            places = unbacked_first_names(places, people_by_first_name(mentions, gazetteer))
        if homes is not None:
            homes.learn(outlet, places)
        return mentions, places

    def remember_outlets(self, pins: Iterable[StoredPin]) -> None:
        """Start from the outlet homes that pins read before show (``Store.outlet_pins``), so a new
        run goes on where the last left off; learnt when the first place is read."""
        self._remembered.extend(pins)
        if self._homes is not None:
            self._homes.remember(self._remembered)
            self._remembered = []

    def outlet_homes(self) -> OutletHomes | None:
        """Where each outlet's places lie, as read so far (None with a place finder that has no gazetteer)."""
        if self._homes is None:
            gazetteer = getattr(self.place_finder(), "gazetteer", None)
            if gazetteer is None:
                return None
            self._homes = OutletHomes(gazetteer)
            self._homes.remember(self._remembered)
            self._remembered = []
        return self._homes

    def mention_finder(self) -> MentionFinder:
        if self._mentions is None:
            from newsweave.analyze.entities import EntityRecognizer

            self._mentions = EntityRecognizer(aliases_path=self._aliases_path)
        return self._mentions

    def place_finder(self) -> PlaceFinder:
        if self._places is None:
            from newsweave.analyze.places import Geocoder

            self._places = Geocoder()
        return self._places

    def time_finder(self) -> TimeFinder:
        if self._times is None:
            from newsweave.analyze.times import time_expressions

            self._times = time_expressions
        return self._times

    def claim_finder(self) -> ClaimFinder:
        if self._claims is None:
            from newsweave.analyze.claims import numeric_claims

            self._claims = numeric_claims
        return self._claims


def coherent(places: list[Place], located: Sequence[Mention]) -> list[Place]:
    """Drop a place only the gazetteer saw, in a country no other place of the article is in.

    A capitalised word that happens to be a place name somewhere ("l'agence Sana", a sentence
    opening "Capital du gouvernorat…", an Argentine department's alias) is pinned by the spotter
    to a far-away region; when the recogniser did not read it as a place and the article's other
    places all lie in other countries, the pin is more likely wrong than right, and a wrong pin
    is worse than none. Nothing then says it is a place at all: it is not kept as an unpinned
    name either, as the spotter keeps no word the article gives no reason to read as a place.

    Example:
        >>> syria = [Place(0, 5, "Homs", 1, "Homs", "SY", 34.7, 36.7, "P.PPL", 1, 0.9),
        ...          Place(9, 14, "Raqqa", 2, "Raqqa", "SY", 35.9, 39.0, "P.PPL", 1, 0.9),
        ...          Place(20, 24, "Sana", 3, "Sanaa", "YE", 15.4, 44.1, "A.ADM1", 1, 0.5)]
        >>> [p.text for p in coherent(syria, [])]
        ['Homs', 'Raqqa']
    """
    spans = {(m.start, m.end) for m in located}
    countries = [p.country for p in places if p.resolved and p.country]
    out = []
    for place in places:
        others = countries.copy()
        if place.country in others:
            others.remove(place.country)
        alone = place.country not in others and len(others) >= 2
        if place.resolved and alone and (place.start, place.end) not in spans and place.feature != "A.PCLI":
            continue
        out.append(place)
    return out


def agency_mentions(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """The mentions the recogniser read as a news agency named like a place ("l'agence Sana" is
    the Syrian agency, not the Yemeni capital; ``after_agency_word``): given to the place
    finder, they veto the place the gazetteer spots there.

    Only these: elsewhere in English, which the tagger was not trained on, its organisations
    cover many right places ("Jordanian", "Manitoba"); on the 706 geoparsing articles dropping
    every place read as an organisation removed 135 pins the gold confirms against 23 wrong.

    Example:
        >>> text = "Aujourd'hui, l'agence Sana rapporte"
        >>> agency = Mention(22, 26, "Sana", EntityType.ORGANIZATION, "org:sn", None, 0.9)
        >>> [m.text for m in agency_mentions([agency], text)], agency_mentions([agency], "Sana rapporte")
        (['Sana'], [])
    """
    from newsweave.analyze.entities.recognizer import after_agency_word

    return [
        m for m in mentions
        if m.type is EntityType.ORGANIZATION and not (m.entity or "").startswith("geonames:")
        and after_agency_word(text, m.start)
    ]  # fmt: skip


def people_by_surname(mentions: Sequence[Mention], text: str) -> list[Mention]:
    """The recogniser's one-word people whose word is the last of a person it named in full in
    the same text: given to the place finder, they veto the place spotted there.

    A person is named in full first and by surname after: "Matthew D. Flores" and then "Flores
    was shot" is no department of Uruguay, nor "Trapani's first feature" the Sicilian town. The
    spotter already reads a lone surname so when the largest place of that name is small; a name
    that a province or a city of 100,000 bears needs the recogniser's word.

    Example:
        >>> full = Mention(0, 13, "Andrew Trapani", EntityType.PERSON, "per:trpn", None, 0.9)
        >>> alone = Mention(20, 27, "Trapani", EntityType.PERSON, "per:trpn", None, 0.8)
        >>> city = Mention(40, 47, "Palermo", EntityType.PERSON, "per:plrm", None, 0.5)
        >>> text = "Andrew Trapani. Trapani's film, shot in Palermo."
        >>> [m.text for m in people_by_surname([full, alone, city], text)]
        ['Trapani']

    A person counts as named in full when the recogniser is sure of the name (``SURE_OF_A_NAME``:
    "Distinctly Dublin", a festival, read as a person at 0.22, is none) or the census lists give
    it a first name and a surname ("Elizabeth Fairfield" at 0.65). A name after a personal title
    counts too ("Judge Manning", then "Manning reported"), unless the text also reads it as a
    place ("known as 'Mr. Arlington'" beside "the Arlington Chamber of Commerce"). A word the text
    also writes in lower case is a word ("Kane County" read as a person does not make "County" one).
    The full names themselves are ``people_named_in_full``.
    """
    from newsweave.analyze.entities.person_names import looks_like_full_name
    from newsweave.analyze.entities.recognizer import after_title

    people = [m for m in mentions if m.type is EntityType.PERSON]
    surnames = {
        m.text.split()[-1]
        for m in people
        if (m.score >= SURE_OF_A_NAME or looks_like_full_name(m.text))
        and len(m.text.split()) > 1
        and _NAMED_IN_FULL.fullmatch(m.text)
    }
    places = {m.text for m in mentions if m.type is EntityType.LOCATION}
    surnames |= {m.text for m in people if _NAME_WORD.fullmatch(m.text) and after_title(text, m.start)} - places
    words = {w for w in surnames if not re.search(rf"\b{re.escape(w.lower())}\b", text)}
    return [m for m in people if m.text in words and _NAME_WORD.fullmatch(m.text)]


def people_named_in_full(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The recogniser's people named in full, and sure (``SURE_OF_A_NAME``): given to the place
    finder, they veto a place spotted inside, mostly a first name ("Chad Walker", "Dominik
    Simon", "Geneva Morgan", "Amina Zia" were Chad, Dominica, Geneva, Armenia).

    Not a "person" whose whole name a place bears ("Mount Gilead", "Walker County") nor one with
    a place's feature or institution after its first word ("Kanawha River", "Steveston Harbour"):
    the recogniser misreads those. On the development halves (ingest's pins): LGL 25 junk pins
    fewer for one right one lost, TR-News 4 junk fewer, none lost; vetoing every full name also
    cost LGL 9 right pins and added 6 wrong ones (docs/places.md, facts-20).

    Example:
        >>> from newsweave.analyze.places.gazetteer import load_gazetteer
        >>> chad = Mention(0, 11, "Chad Walker", EntityType.PERSON, "per:wlkr", None, 0.9)
        >>> river = Mention(20, 33, "Kanawha River", EntityType.PERSON, "per:kanawha", None, 0.9)
        >>> [m.text for m in people_named_in_full([chad, river], load_gazetteer())]
        ['Chad Walker']
    """
    out = []
    for m in mentions:
        words = m.text.split()
        if m.type is not EntityType.PERSON or m.score < SURE_OF_A_NAME or len(words) < 2:
            continue
        if not _NAMED_IN_FULL.fullmatch(m.text) or gazetteer.lookup(fold(m.text)):
            continue
        if not any(w.casefold() in INSTITUTIONS for w in words[1:]):
            out.append(m)
    return out


def people_by_first_name(mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """The recogniser's one-word people, sure (``SURE_OF_A_NAME``), whose word is a first name of
    the census lists: the places read on them are dropped unless nearby places back them
    (``unbacked_first_names``).

    News names people it has introduced by their first name ("Charles et Camilla", "Princesse
    Diana", "Warren said", "Kara'nın"), and the gazetteer holds a town or a region for most first
    names: Camilla, Georgia; Diana, Madagascar; Kara, Togo. A name the article also reads as a
    place stays a place (the recogniser's LOC elsewhere), and so does a country's name ("Jordan",
    "Chad"), which a sure person rarely is, and a town other places of the article back
    (``unbacked_first_names``). On SemEval's development texts 26 pins went, every one wrong
    (Diana 7, Camilla 4, Kara 4, Warren 4…); LGL's and TR-News's development halves lost no right
    pin (docs/places.md, facts-25).

    Example:
        >>> from newsweave.analyze.places.gazetteer import load_gazetteer
        >>> camilla = Mention(12, 19, "Camilla", EntityType.PERSON, "per:kml", None, 0.9)
        >>> jordan = Mention(30, 36, "Jordan", EntityType.PERSON, "per:jrdn", None, 0.9)
        >>> unsure = Mention(40, 45, "Aiken", EntityType.PERSON, "per:akn", None, 0.4)
        >>> [m.text for m in people_by_first_name([camilla, jordan, unsure], load_gazetteer())]
        ['Camilla']
    """
    from newsweave.analyze.entities.person_names import first_names

    places = {m.text for m in mentions if m.type is EntityType.LOCATION}
    return [
        m for m in mentions
        if m.type is EntityType.PERSON and m.score >= SURE_OF_A_NAME and m.text not in places
        and (_ABJAD.search(m.text) or (
            m.text[:1].isupper() and _FIRST_NAME_WORD.fullmatch(m.text) and fold(m.text) in first_names()
        ))
        and not any(e.feature == "A.PCLI" for e in gazetteer.lookup(fold(m.text)))
    ]  # fmt: skip


def unbacked_first_names(places: Sequence[Place], people: Sequence[Mention]) -> list[Place]:
    """``places`` but those read on a person's first name (``people_by_first_name``) that no
    other place of the article backs: another place, not a country and not the same word, within
    ``NEIGHBOURING_KM`` of a town, or in the same country as a first-level division.

    "Winona" or "Lincoln" in a local paper that names other towns of Minnesota or Nebraska are
    the towns however the recogniser types them; "Diana" in a story on the British royals is no
    region of Madagascar.

    Example:
        >>> diana = Place(0, 5, "Diana", 1, "Diana", "MG", -13.0, 49.0, "A.ADM1", 1, 0.8)
        >>> winona = Place(10, 16, "Winona", 2, "Winona", "US", 44.0, -91.6, "P.PPL", 1, 0.8)
        >>> rochester = Place(20, 29, "Rochester", 3, "Rochester", "US", 44.0, -92.5, "P.PPL", 1, 0.9)
        >>> people = [Mention(0, 5, "Diana", EntityType.PERSON, "per:dn", None, 0.9),
        ...           Mention(10, 16, "Winona", EntityType.PERSON, "per:wnn", None, 0.9)]
        >>> [p.text for p in unbacked_first_names([diana, winona, rochester], people)]
        ['Winona', 'Rochester']
    """
    spans = [(m.start, m.end) for m in people]

    def on_a_person(place: Place) -> bool:
        return any(start <= place.start and place.end <= end for start, end in spans)

    def near(place: Place, other: Place) -> bool:
        if place.feature == "A.ADM1":
            return other.country == place.country
        return distance_km(place.lat, place.lon, other.lat, other.lon) <= NEIGHBOURING_KM  # type: ignore[arg-type]

    def backed(place: Place) -> bool:
        return place.resolved and any(
            other.resolved and other.feature != "A.PCLI" and other.text != place.text
            and not on_a_person(other) and near(place, other)
            for other in places
        )  # fmt: skip

    return [p for p in places if not on_a_person(p) or backed(p)]


# How far another place may lie to back a town read on a first name (a region's towns).
NEIGHBOURING_KM = 300.0

# One word of letters, in any script ("Adrián", "Zoë"; "Диана" folds to the census's "diana").
# Arabic's and Hebrew's letters: there any person the tagger is sure of counts, names and
# surnames alike ("هولي ويلوبي", Holly Willoughby, was Willoughby, Ohio), the census lists being
# of no use in those letters.
_ABJAD = re.compile("[\u0590-\u06ff]")
_FIRST_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_]+")


def outside_unspaced_names(places: Sequence[Place], mentions: Sequence[Mention], gazetteer: Gazetteer) -> list[Place]:
    """``places`` but those inside a longer name of a person written without spaces.

    Chinese and Japanese write a foreign name without spaces or with a middle dot the tagger may
    lose: "南希佩洛西" (Nancy Pelosi) held 南希, a name GeoNames gives Nancy; "弗拉基米尔普京"
    Vladimir; "角卫理查德谢尔曼" Chad and Sherman. A person the gazetteer writes as a place is none
    ("华盛顿"); their tagger gives every name one score, so no confidence is asked.
    """
    people = [
        (m.start, m.end)
        for m in mentions
        if m.type is EntityType.PERSON and _UNSPACED_NAME.fullmatch(m.text) and gazetteer.native.get(m.text) is None
    ]
    return [p for p in places if not any(a <= p.start and p.end <= b and b - a > p.end - p.start for a, b in people)]


# The recogniser's confidence in a full name for its surname to veto a place (chosen on the
# development half of LGL; people named in full score 0.8-0.99 there, its misreadings 0.2-0.7).
SURE_OF_A_NAME = 0.7


_UNSPACED_NAME = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff·・]+")
# A person's name as news writes it: capitalised words ("Matthew D. Flores", "Mary O'Neill"); a
# surname of lowercase letters after its capital ("D.C." or "FALLS" read as a person is none).
_NAME_WORD = re.compile(r"(?:[A-Z][a-z]+|[A-Z]['’][A-Z][a-z]+)(?:-[A-Z][a-z]+)*")
_NAMED_IN_FULL = re.compile(rf"(?:[A-Z][a-z]*\.?\s+)+{_NAME_WORD.pattern}")


def curated_non_places(mentions: Sequence[Mention]) -> list[Mention]:
    """The mentions the curated alias file names as something other than a place.

    GeoNames lists many foreign and former names of towns that are names of other things in
    news: "Hamas" is Hamm in Lithuanian. A name the alias file (general knowledge, extendable by
    the user) gives as an organisation or a person is no place when a place is found on exactly
    its span (not inside it: "EU-Israel" is read as the EU, and Israel is still a place).

    Example:
        >>> hamas = Mention(0, 5, "Hamas", EntityType.ORGANIZATION, "alias:hamas", None, 1.0)
        >>> guess = Mention(9, 17, "Manitoba", EntityType.ORGANIZATION, "org:mntb", None, 0.6)
        >>> [m.text for m in curated_non_places([hamas, guess])]
        ['Hamas']
    """
    return [m for m in mentions if m.type is not EntityType.LOCATION and (m.entity or "").startswith("alias:")]


def with_places(claims: list[Claim], places: list[Place], text: str) -> list[Claim]:
    """Give each claim the pinned place nearest to it in its sentence, so that "14 killed in Homs"
    and "30 killed in Aleppo" read as two events, not one disputed toll."""
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    # A country in the sentence is as often who acts ("Russian aircraft") as where: towns and regions only.
    pinned = [p for p in places if p.resolved and p.feature not in ("A.PCLI", "L.CONT")]
    out = []
    for claim in claims:
        if claim.place is None and pinned and spans:
            start, end = spans[max(0, bisect.bisect_right(starts, claim.start) - 1)]
            near = [p for p in pinned if start <= p.start < end]
            if near:
                nearest = min(near, key=lambda p: abs(p.start - claim.start))
                claim = replace(claim, place=place_key(nearest))
        out.append(claim)
    return out


def place_key(place: Place) -> str | None:
    """The canonical entity key of a pinned place: its GeoNames id."""
    return f"geonames:{place.geonames_id}" if place.geonames_id is not None else None


def with_place_keys(
    mentions: list[Mention],
    places: list[Place],
    *,
    pinned_elsewhere: Collection[str] = (),
    named_so: Callable[[Mention], bool] | None = None,
    add_places: bool = True,
) -> list[Mention]:
    """Give each place's mention the place's key; add the places no mention covers.

    A mention the places did not read keeps a GeoNames key only if a place of the article is
    pinned there (``places`` or ``pinned_elsewhere``) or ``named_so`` says the curated aliases
    or the place's own name give it ("САЩ", "Калифорнии", and "Schweiz", which the places of
    a long German sentence left unread): the recogniser also keys a name by short stems and
    its sound, without the context the places weigh, and so keyed "Maria" to Bahrain, "Nike"
    to Nikkō and "Kashmir" to Mogadishu.
    ``add_places`` False leaves out the places no mention covers (a headline's).
    """
    by_span = {(p.start, p.end): p for p in places}
    pinned = {key for p in places if (key := place_key(p)) is not None} | set(pinned_elsewhere)
    stands = named_so or (lambda _: False)
    out = []
    covered = set()
    for mention in mentions:
        place = by_span.get((mention.start, mention.end))
        if place is not None:
            covered.add((place.start, place.end))
            key = place_key(place) or _unpinned_key(mention)
            mention = replace(mention, type=EntityType.LOCATION, entity=key)
        elif (mention.entity or "").startswith("geonames:") and mention.entity not in pinned and not stands(mention):
            mention = replace(mention, entity=_unpinned_key(mention, mention.type))
        out.append(mention)
    if not add_places:
        return out
    taken = sorted((m.start, m.end) for m in mentions)
    for place in places:
        if (place.start, place.end) in covered or _overlaps(taken, place.start, place.end):
            continue
        out.append(Mention(place.start, place.end, place.text, EntityType.LOCATION, place_key(place), None,
                           max(place.score, 0.5)))  # fmt: skip
    return sorted(out, key=lambda m: (m.start, m.end))


class CountryScopes(Protocol):
    """What ``with_country_scoped_aliases`` asks of a normaliser (``Normalizer``)."""

    def scope_country(self, key: str, surface: str) -> str | None: ...
    def country_of(self, key: str) -> str | None: ...
    def own_key(self, surface: str, type: EntityType) -> str: ...


def with_country_scoped_aliases(
    mentions: list[Mention], places: Sequence[Place], normalizer: CountryScopes
) -> list[Mention]:
    """Mentions whose bare name other countries' institutions bear too ("Congress", "Senat",
    "Democratic Party": ``needs_country`` in the alias file) keep the curated entry only where the
    article names its country: a place pinned in it, or a name keyed to a place or an institution
    there ("White House"). Elsewhere such a name is keyed by its own letters: "Congress" in an
    Indian report is the Congress party, "Senat" in a Polish one Poland's senate, "Congreso" in a
    Spanish one the Cortes' lower house, none of them the United States Congress.
    """
    scoped = {i: c for i, m in enumerate(mentions) if m.entity and (c := normalizer.scope_country(m.entity, m.text))}
    if not scoped:
        return mentions
    named = {p.country for p in places if p.geonames_id is not None and p.country}
    named |= {
        c for i, m in enumerate(mentions) if i not in scoped and m.entity and (c := normalizer.country_of(m.entity))
    }
    unnamed = {i for i, country in scoped.items() if country not in named}
    own = normalizer.own_key
    return [replace(m, entity=own(m.text, m.type)) if i in unnamed else m for i, m in enumerate(mentions)]


def _unpinned_key(mention: Mention, etype: EntityType = EntityType.LOCATION) -> str | None:
    """The key of a place the geocoder left unpinned (or of a name of ``etype`` it did not read as
    a place): the recogniser's, unless that names a GeoNames place ("Arab" keyed to Ārabī,
    Ethiopia, in a report on Syria): then the name's own, so that the entities never pin what
    the places would not."""
    if not (mention.entity or "").startswith("geonames:"):
        return mention.entity
    from newsweave.analyze.entities.normalizer import own_key

    return own_key(mention.text, etype)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (start, start))
    return any(s < end and start < e for s, e in spans[max(0, i - 1) : i + 2])


def _place_entity(mention: Mention, places: list[Place]) -> Entity | None:
    for place in places:
        key = place_key(place)
        if key is not None and key == mention.entity and place.name:
            return Entity(key, place.name, EntityType.LOCATION)
    return None


def sentences_at(text: str, offsets: Sequence[int]) -> list[str]:
    """The sentence of ``text`` each character offset falls in.

    Example:
        >>> sentences_at("It rained. On Monday it stopped.", [15])
        ['On Monday it stopped.']
    """
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    out = []
    for offset in offsets:
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        out.append(text[spans[i][0] : spans[i][1]] if spans else "")
    return out


_WORD = re.compile(r"[^\W\d_]+")


def sentence_case(title: str, body: str, language: str | None = None, *, dictionary: bool = True) -> str:
    """A Title-Case Headline in sentence case, its names kept, so that a recogniser reading
    capitals sees names and not every word. The body tells which is which: a word it writes in
    lower case mid-sentence is a common word, one it writes with its capital mid-sentence a name.
    A word the body does not settle is a common word when the language's dictionary holds it
    only in lower case ("Escaped"; not "Iran" or "Trump", which it keeps capitalised, nor a
    word it lacks). Same length as ``title``, so offsets carry over.

    On 119 title-case English headlines annotated for their names (``eval entities
    --headlines``), the dictionary's step took the names read from F1 0.589 to 0.706 on the
    half it was chosen on, and from 0.516 to 0.623 on the other half (0.735 and 0.653 with the
    body's names, ``body_names_in_title``).

    Example:
        >>> sentence_case("IG Terrorists Who Escaped Abu Kamal Got Into a Trap",
        ...               "The terrorists who fled from Abu Kamal got into a trap.", "en")
        'IG terrorists who escaped Abu Kamal got into a trap'
    """
    named = _capitalised_mid_sentence(body)
    # Words the body writes as names say nothing of the headline's case: a sentence-case
    # headline full of names ("le Saoudien Mohsen Al Najdi, a été tué près de Deir ez-Zor")
    # is no title case, and its "Al" is no common word.
    long_words = [w for w in _WORD.findall(title) if len(w) >= 4 and w not in named]
    if not long_words or sum(w[0].isupper() for w in long_words) < 0.6 * len(long_words):
        return title  # already sentence case (or caseless)
    common = {w for w in _WORD.findall(body) if w.islower()}

    def fold(match: re.Match[str]) -> str:
        word = match.group(0)
        lowered = word.lower()
        if word.isupper() or len(lowered) != len(word):
            return word  # an acronym
        if lowered in common:
            return lowered
        if word in named or not (dictionary and is_only_common_word(word, language)):
            return word
        return lowered

    return _WORD.sub(fold, title)


# A body's name at least this sure (the tagger's marginal) is a name where its headline writes it.
# Chosen on the development half of `eval entities --headlines` among 0, 0.5, 0.8 and 0.95 (F1
# 0.717, 0.738, 0.727, 0.715; 0.706 without the body's names): below it the body's own false
# names ("Price", "Revenue" on a market-report page) came along.
BODY_NAME_MIN_SCORE = 0.5


def body_names_in_title(title: str, found: Sequence[Mention], body_mentions: Sequence[Mention]) -> list[Mention]:
    """``found`` (a headline's names) and the body's names the headline writes where none was
    found: a name read once is read wherever it is written, as the recogniser's own second pass
    does within a text, and a headline is short, often opening on a name with no context before
    it ("Renault chooses Volkswagen executive as new C.E.O.").

    Example:
        >>> from newsweave.records import EntityType, Mention
        >>> body = [Mention(40, 47, "Renault", EntityType.ORGANIZATION, "org:rnlt", score=0.93)]
        >>> [m.text for m in body_names_in_title("Renault Chooses a New Chief", [], body)]
        ['Renault']
    """
    surest: dict[str, Mention] = {}
    for m in body_mentions:
        sure = m.score >= BODY_NAME_MIN_SCORE and not m.text.islower()
        if sure and (m.text not in surest or m.score > surest[m.text].score):
            surest[m.text] = m
    taken = [(m.start, m.end) for m in found]
    added = []
    written = [surface for surface in surest if surface in title]  # most of a body's names are not
    for surface in sorted(written, key=len, reverse=True):  # "New York Times" before "New York"
        for match in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", title):
            if all(match.end() <= start or end <= match.start() for start, end in taken):
                taken.append((match.start(), match.end()))
                added.append(replace(surest[surface], start=match.start(), end=match.end(), in_title=True))
    return sorted([*found, *added], key=lambda m: m.start) if added else list(found)


_SENTENCE_OPENERS = frozenset('.!?:;"“”«»„\n')


def _capitalised_mid_sentence(text: str) -> set[str]:
    """Words ``text`` writes with a capital where no sentence starts (after a word or a comma)."""
    out = set()
    for match in _WORD.finditer(text):
        word = match.group(0)
        if word[0].isupper() and word not in out:
            i = match.start() - 1
            while i >= 0 and text[i].isspace():
                i -= 1
            if i >= 0 and text[i] not in _SENTENCE_OPENERS:
                out.add(word)
    return out
