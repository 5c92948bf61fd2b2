"""Canonical entity keys: one key for every spelling, script, inflection and transliteration.

A name is tried, in order, as written, as its given lemma and as simplemma's lemma against
1. the curated aliases (``alias:islamic-state``; exact, then by stemmed words, then without a
   derivational suffix: "игиловцы" -> "ИГИЛ"),
2. the gazetteer (``geonames:2921044`` for Niemcy, Německo, Германии, Germany), for places,
3. and otherwise falls back to a key built from the name itself: its words folded to Latin,
   stripped of their case endings and reduced to a sound key (``per:trmp`` for Trump, Трампом,
   Trumpem, Тръмп). People are keyed by their surname, as news refers to them after the first
   mention ("Biden" and "Joe Biden" are one person).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from newsweave.analyze.entities.aliases import AliasTable, load_aliases
from newsweave.analyze.entities.gazetteer import COUNTRY_RANK, STATE_RANK, Gazetteer, gazetteer
from newsweave.analyze.entities.lemmas import lemma_phrase
from newsweave.analyze.entities.nationalities import nationality
from newsweave.analyze.entities.peoples import demonym_of
from newsweave.analyze.entities.text import fold, is_acronym, sound_key, stem, stem_phrase_variants
from newsweave.records import Entity, EntityType

# Inflection or a clitic glued to an acronym with a hyphen: "NATO-ju", "COVID-19-a", "ЕС-а".
_HYPHEN_ENDING = re.compile(r"(?<=[A-ZА-ЯЁІЇЄҐ0-9])-[a-zа-яёіїєґ]{1,4}$")
_EDGE_JUNK = " \t\n\"'«»“”„‘’‹›()[]{}#@*.,;:!?|/\\"
# Agent and follower nouns made from an organisation's name: "игиловцы", "talibowie", "ISIS-ovci".
DERIVATION = re.compile(
    r"(?:ovts[yia]?|ovtsev|ovtsam[i]?|ovtsakh|evts[yi]?|ovets|ovec|ovci|ovcev|owcy|owiec|owcami|owcow)$"
)
# Words after a surname that do not name the person ("Trump Jr.", "Трамп-младший").
_PERSON_SUFFIXES = frozenset(
    ["jr", "sr", "ml", "st", "mladshii", "mladshiy", "mladshi", "starshii", "junior", "senior"]
)
# An English or Romance article opening a title ("The New York Times", "La Stampa"): no part of its key.
_ARTICLES = frozenset(["the", "la", "le", "les", "il", "el", "los", "las", "der", "die", "das"])
_MAX_SEEN_KEYS = 200_000
_MIN_PLACE_HEAD = 2  # words: a one-word head ("Nowy" of "Nowy Jork") is too often a common word
_BIG = 100_000  # population (or rank) of a place a name of another type may still denote


def clean_surface(surface: str) -> str:
    """A mention without quotes, hashes, edge punctuation and a hyphenated case ending."""
    text = surface.strip(_EDGE_JUNK)
    return _HYPHEN_ENDING.sub("", text) or surface.strip()


class Normalizer:
    """Maps a mention to its canonical entity key, and a key back to the entity's names.

    Example:
        >>> n = Normalizer()
        >>> org = EntityType.ORGANIZATION
        >>> n.canonical_key("Daech", org, "fr") == n.canonical_key("ИГИЛ", org, "ru")
        True
    """

    def __init__(self, aliases: AliasTable | None = None, places: Gazetteer | None = None) -> None:
        self.aliases = aliases if aliases is not None else load_aliases()
        self._places = places
        self._seen: dict[str, Counter[str]] = {}
        self._countries: dict[str, int] | None = None

    @property
    def places(self) -> Gazetteer:
        """The gazetteer, built on first use."""
        if self._places is None:
            self._places = gazetteer()
        return self._places

    def canonical_key(
        self, surface: str, type: EntityType, language: str | None, lemma: str | None = None, *, places: bool = True
    ) -> str:
        """The key shared by every form of the entity ``surface`` names.

        Args:
            surface: the mention as written ("Абу-Кемаля").
            type: its entity type; people are never looked up in the gazetteer.
            language: ISO 639-1 code of the text, for lemmas; None when unknown.
            lemma: a base form if one is already known (a gold lemma, a tagger's).
            places: False when the text says the name is no place ("l'agence Sana"): not looked
                up in the gazetteer.
        """
        cleaned = clean_surface(surface)
        # "Russian" (or "Russians") tagged a place is the country it names, before any stem
        # ("American" stems like the town of Americana). Keys only: known_key, which the tagger's
        # second pass asks, still takes a demonym for no place.
        local = self.aliases.in_language(cleaned, language)
        country = self._country_of_people(cleaned, language) if type is EntityType.LOCATION and not local else None
        if local is not None:
            key = local.key
        elif country is not None:
            key = f"geonames:{country}"
        else:
            key = self._key(cleaned, type, language, lemma, places)
        if not key.startswith(("alias:", "geonames:")):
            self._remember(key, surface)
        return key

    def _remember(self, key: str, surface: str) -> None:
        """Count a spelling of a key built from names, for ``entity`` to show (a bounded number of keys)."""
        if key in self._seen or len(self._seen) < _MAX_SEEN_KEYS:
            self._seen.setdefault(key, Counter())[surface.strip(_EDGE_JUNK)] += 1

    def _country_of_people(self, surface: str, language: str | None) -> int | None:
        """The GeoNames id of the country an English demonym ("Iraqi", "Germans") or a
        nationality's noun of ``language`` ("Saoudien", "Américaines") names, or None."""
        gaz = self.places
        country = demonym_of(surface, gaz.demonyms, gaz.exact)
        if country is not None or (code := nationality(surface, language)) is None:
            return country
        if self._countries is None:
            countries = (e for e in gaz.entries.values() if e.rank == COUNTRY_RANK and e.country)
            self._countries = {e.country: e.geonames_id for e in countries if e.country}
        return self._countries.get(code)

    def known_key(self, surface: str, type: EntityType, language: str | None) -> str | None:
        """The alias or gazetteer key of a name, or None when only its own form would key it
        (nothing is recorded for ``entity``)."""
        key = self._key(clean_surface(surface), type, language, None)
        return key if key.startswith(("alias:", "geonames:")) else None

    def named_so(self, surface: str, language: str | None, lemma: str | None, key: str) -> bool:
        """Whether ``key`` is what the curated aliases or a place's own name make of the name: as
        written, as its lemma ("Калифорнии", "Schweiz"), or by a stem of ``_MIN_NAMED_STEM``
        letters or more ("Мичигана"), not a short stem's or a sound's guess ("Maria" stemmed is
        Bahrain, "Hain" China, "Kashmir" sounds like Mogadishu)."""
        forms = _forms(clean_surface(surface), language, lemma)
        if any((found := self.aliases.find(form, surface)) is not None and found.key == key for form in forms):
            return True
        if not key.startswith("geonames:"):
            return False
        place = key.removeprefix("geonames:")
        if any(str(self.places.exact.get(form)) == place for form in forms):
            return True
        stems = (v for form in forms for v in stem_phrase_variants(form) if len(v.replace(" ", "")) >= _MIN_NAMED_STEM)
        return any(str(self.places.stemmed.get(v)) == place for v in stems)

    def aliased_so(self, surface: str, key: str) -> bool:
        """Whether a curated alias, as written, gives ``surface`` the key ``key`` ("САЩ")."""
        found = self.aliases.find(fold(clean_surface(surface)), surface)
        return found is not None and found.key == key

    def _key(self, surface: str, type: EntityType, language: str | None, lemma: str | None, places: bool = True) -> str:
        forms = _forms(surface, language, lemma)
        for form in forms:
            found = self.aliases.find(form, surface)
            if found is not None:
                return found.key
        for form in forms:
            root = DERIVATION.sub("", form)
            if root != form and len(root) >= 2 and (found := self.aliases.find(root, surface, derived=True)):
                return found.key
        if places and type is not EntityType.PERSON and (place := self._place(surface, forms, type)) is not None:
            return f"geonames:{place}"
        if places and type is EntityType.LOCATION and (place := self._place_head(forms)) is not None:
            return f"geonames:{place}"
        if type is not EntityType.PERSON and (qualified := self._qualified_alias(forms)) is not None:
            return qualified
        if type is not EntityType.PERSON and is_acronym(surface):
            return acronym_key(surface, type)
        return fallback_key(forms[-1] if len(forms) > 1 else forms[0], type)

    def _place(self, surface: str, forms: list[str], type: EntityType) -> int | None:
        """The place a name of another type than a person denotes: a place's name by any index, a
        name of another type only by its exact name and only if the place is big (an
        organisation named like a small town abroad is not that town)."""
        acronym = is_acronym(surface)
        if type is EntityType.LOCATION:
            entry = self.places.find_first(forms, acronym=acronym)
            return entry.geonames_id if entry else None
        for form in forms:
            place = self.places.exact.get(form)
            big = place is not None and self.places.entries[place].rank >= (STATE_RANK if acronym else _BIG)
            if big and place is not None and self.places.bears(place, form, surface):
                return place
        return None

    def _qualified_alias(self, forms: list[str]) -> str | None:
        """The alias a name is once the country after it goes: "Конгресс США", "Сенат США" and
        "Kongres USA" are the alias "Congress"'s names qualified by their country. Only for an
        alias: "Министерство здравоохранения России" keeps its country, or every country's
        ministry of health would be one; and only by the alias's own country where it has one
        ("Demokratische Partei Albaniens" is not the US Democratic Party)."""
        for form in forms:
            head, _, last = form.rpartition(" ")
            if not head or (country := self._country(last)) is None:
                continue
            found = self.aliases.find(head)
            if found is not None and found.country in (None, country):
                return found.key
        return None

    def scope_country(self, key: str, surface: str) -> str | None:
        """The country an article must name for ``surface`` to be ``key``'s entry: the entry's
        country when other countries' institutions bear its bare names too (``needs_country``:
        "Congress", "Senat") and ``surface`` does not name the country itself ("Senat USA",
        "US Congress"); else None."""
        entry = self.aliases.entries.get(key)
        if entry is None or not entry.needs_country:
            return None
        words = re.findall(r"\w+", surface)
        if any(self._country(fold(word)) == entry.country for word in words):
            return None
        return entry.country

    def country_of(self, key: str) -> str | None:
        """The ISO code of the country a key's place or institution is in, or None."""
        kind, _, rest = key.partition(":")
        if kind == "geonames" and rest.isdigit():
            place = self.places.entries.get(int(rest))
            return place.country if place is not None else None
        entry = self.aliases.entries.get(key)
        return entry.country if entry is not None else None

    def own_key(self, surface: str, type: EntityType) -> str:
        """``own_key`` of a name, remembered so that ``entity`` can show it."""
        key = own_key(clean_surface(surface), type)
        self._remember(key, surface)
        return key

    def _country(self, word: str) -> str | None:
        """The ISO code of the country a word names (in any case form), or None."""
        alias = self.aliases.find(word)
        key = alias.key if alias is not None else ""
        place = int(key[9:]) if key.startswith("geonames:") else self.places.exact.get(word)
        if place is None:
            place = next((p for v in stem_phrase_variants(word) if (p := self.places.stemmed.get(v)) is not None), None)
        entry = self.places.entries.get(place) if place is not None else None
        return entry.country if entry is not None and entry.rank >= COUNTRY_RANK else None

    def _place_head(self, forms: list[str]) -> int | None:
        """The place a longer name opens with, of two words or more: "Spojených států amerických"
        and "Соединенных Штатов Америки" are the country CLDR calls "Spojené státy" and
        "Соединенные Штаты" (by exact or stemmed words; a sound key is too loose for a part)."""
        for form in forms:
            words = form.split()
            for size in range(len(words) - 1, _MIN_PLACE_HEAD - 1, -1):
                head = " ".join(words[:size])
                place = self.places.exact.get(head)
                for variant in stem_phrase_variants(head) if place is None else ():
                    place = self.places.stemmed.get(variant)
                    if place is not None:
                        break
                if place is not None and self.places.entries[place].rank >= _BIG:
                    return place
        return None

    def entity(self, key: str) -> Entity | None:
        """The canonical entity behind a key: its name to show, its type and known aliases."""
        kind, _, rest = key.partition(":")
        alias = self.aliases.entries.get(key)
        if kind == "geonames" and rest.isdigit():
            place = self.places.entries.get(int(rest))
            if place is not None:
                extra = alias.aliases if alias else ()
                return Entity(key, place.name, EntityType.LOCATION, _some(place.names + extra))
        if alias is not None:
            return Entity(key, alias.name, alias.type, alias.aliases)
        seen = self._seen.get(key)
        if not seen:
            return None
        try:
            entity_type = EntityType(kind.upper())
        except ValueError:
            return None
        names = [name for name, _ in seen.most_common()]
        latin = [n for n in names if n.isascii()]
        return Entity(key, (latin or names)[0], entity_type, tuple(names[:20]))


_MIN_PERSON_SOUND = 3  # letters of a surname's sound key below which its stem keys it
# Letters of a stem that is a place's name, not a word's ("michigan", "kaliforn"; not "mar",
# "hain", "sud"). On BSNLP's place keys (eval places --bsnlp) exact names alone read F1 0.9092,
# with these stems 0.9103 (the figure without the rule: every key stood); over 600 SemEval
# articles they let back one wrong key ("Justice", Justicia, twice).
_MIN_NAMED_STEM = 6


def acronym_key(surface: str, type: EntityType) -> str:
    """An acronym's key: spelt letter by letter, its letters are the name. A sound key drops the
    vowels and merged PAP with PO, PA and PPP, STA with "Бето", AP with APA and API."""
    return f"{type.value.lower()}:{fold(surface).upper()}"


def own_key(surface: str, type: EntityType) -> str:
    """The key of a name from its own letters alone, as neither an alias nor a place."""
    cleaned = clean_surface(surface)
    if type is not EntityType.PERSON and is_acronym(cleaned):
        return acronym_key(cleaned, type)
    return fallback_key(fold(cleaned), type)


def _some(names: tuple[str, ...], limit: int = 40) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))[:limit]


def _forms(surface: str, language: str | None, lemma: str | None) -> list[str]:
    """Folded forms to look up: as written, the given lemma, simplemma's lemma (distinct, in order)."""
    forms = [fold(surface)]
    if lemma:
        forms.append(fold(lemma))
    if language:
        forms.append(fold(lemma_phrase(surface, language)))
    return [f for f in dict.fromkeys(forms) if f] or [surface.casefold()]


def fallback_key(folded: str, type: EntityType) -> str:
    """A key from the name itself: ``per:`` + the surname's sound key, else every word's.

    Example:
        >>> fallback_key("donalda trumpa", EntityType.PERSON), fallback_key("trump", EntityType.PERSON)
        ('per:trmp', 'per:trmp')
        >>> fallback_key("andrzeja dudy", EntityType.PERSON), fallback_key("paola rojas", EntityType.PERSON)
        ('per:dud', 'per:rojas')
    """
    words = folded.split()
    if type is EntityType.PERSON:
        while len(words) > 1 and words[-1] in _PERSON_SUFFIXES:
            words.pop()
        surname = _without_possessive(stem(words[-1]))
        sound = sound_key(surname)
        # A skeleton of one or two letters is many people's ("Duda" d, "Rojas" and "Rey" r, "Kim",
        # "Cuomo" and "Chioma" km): such a surname keys by its stem, vowels and all. Chosen on
        # BSNLP's US election gold mentions: linking F1 0.6691 -> 0.6693 (three letters; four,
        # which split "bdn" from Байден, 0.6655); its COVID-19 ones 0.6948 -> 0.6954, people alone
        # 0.646 -> 0.660.
        return "per:" + (sound if len(sound) >= _MIN_PERSON_SOUND else surname)
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]  # "The New York Times" is "New York Times" in every other language
    return f"{type.value.lower()}:" + " ".join(sound_key(stem(w)) for w in words)


# What a surname's possessive adjective or a Polish dative leaves after ``stem`` strips the case
# ending: "Trumpovimi" (Slovene, Trump's) -> "trumpov", "Bidenowi" (Polish) -> "bidenow", and
# Czech "Bidenův" -> "bidenuv", whose ending ``stem`` does not know.
_POSSESSIVE = ("ov", "ev", "ow", "uv")


def _without_possessive(stem_: str) -> str:
    """A surname's stem without a possessive suffix left on it ("trumpov" -> "trump"); a Russian
    surname in -ov has already lost it to ``stem`` in every form ("lavrov", "lavrova" -> "lavr")."""
    for suffix in _POSSESSIVE:
        if stem_.endswith(suffix) and len(stem_) - len(suffix) >= 3:
            return stem_[: -len(suffix)]
    return stem_


@lru_cache(maxsize=1)
def default_normalizer() -> Normalizer:
    """The normaliser with the curated aliases and the user's (``$NEWSWEAVE_ENTITY_ALIASES``)."""
    return Normalizer()


def canonical_key(surface: str, type: EntityType, language: str | None, lemma: str | None = None) -> str:
    """The canonical entity key of a name, with the default normaliser.

    Example:
        >>> canonical_key("Niemiec", EntityType.LOCATION, "pl") == canonical_key("Германии", EntityType.LOCATION, "ru")
        True
    """
    return default_normalizer().canonical_key(surface, type, language, lemma)


def entity(key: str) -> Entity | None:
    """The canonical entity behind a key (name, type, aliases), with the default normaliser."""
    return default_normalizer().entity(key)


def user_normalizer(aliases_path: Path | None) -> Normalizer:
    """A normaliser with a user's alias file on top of the curated one (the gazetteer is shared)."""
    return default_normalizer() if aliases_path is None else Normalizer(load_aliases(aliases_path))
