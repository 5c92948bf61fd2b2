"""Named-entity recognition in any cased script: a small CRF tagger, then normalisation.

The CRF (python-crfsuite, weights shipped in ``models/entities.crfsuite``, rebuilt by
``scripts/train_entity_crf.py``) reads word shape, affixes, context and gazetteer hits; every
name it finds is given its lemma (simplemma) and its canonical entity key (``normalizer``).
"""

from __future__ import annotations

import itertools
import logging
import re
import threading
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from newsweave.analyze.build_cache import cached_build, source_digest
from newsweave.analyze.entities import nationalities
from newsweave.analyze.entities.aliases import AliasEntry
from newsweave.analyze.entities.consistency import (
    CONJUNCTIONS,
    add_known_runs,
    attach_qualifiers,
    extend_tails,
    join_known,
    propagate,
    split_coordinated,
    split_fused,
    trim_edges,
)
from newsweave.analyze.entities.features import (
    BSNLP_LANGUAGES,
    TRAINED_LANGUAGES,
    UNCASED_TRAINED,
    feature_maker,
    lowercase_words,
    sequences,
    windows,
)
from newsweave.analyze.entities.gazetteer import COUNTRY_RANK, STATE_RANK, gazetteer, phrase_sound_key
from newsweave.analyze.entities.lemmas import CAPITALISED_NOUNS, is_known_word, lemma_phrase
from newsweave.analyze.entities.normalizer import (
    DERIVATION,
    Normalizer,
    clean_surface,
    fallback_key,
    is_acronym,
    user_normalizer,
)
from newsweave.analyze.entities.peoples import read_english
from newsweave.analyze.entities.person_names import first_names
from newsweave.analyze.entities.segmented import SEGMENTED_LANGUAGES, segmented_spans
from newsweave.analyze.entities.text import (
    ARABIC_PROCLITICS,
    HEBREW_PROCLITICS,
    Token,
    document_tokens,
    fold,
    stem_phrase,
    stem_phrase_variants,
    stem_variants,
)
from newsweave.analyze.word_frequencies import zipf
from newsweave.errors import ModelUnavailable
from newsweave.records import Entity, EntityType, Mention

log = logging.getLogger(__name__)

MODEL_PATH = Path(__file__).resolve().parent / "models" / "entities.crfsuite"
# Names longer than this are tagging run-ons, not names.
_MAX_NAME_TOKENS = 8
# Words long enough to be a name plus a derivational suffix ("igilovtsy" = IG + -ovtsy).
_DERIVED_CANDIDATE = re.compile(r"\b\w{2,}(?:овц|овец|евц|ovts|ovc|owc|owiec|ovets|ovec|evts)\w{0,4}\b", re.IGNORECASE)
_DERIVED_SCORE = 0.5
# The confidence of a curated alias found in a text without spaces: the segmenters' own names
# are read at 0.6, and an alias written whole is at least as sure.
_SEGMENTED_ALIAS_SCORE = 0.6
# Below this tagger confidence (and in languages it was not trained on), a curated alias or the
# gazetteer decides a name's type.
_UNSURE = 0.5
# Capitalised titles and articles that open a span in languages the tagger never saw.
_ARTICLES = """
    the a an le la les l der die das el los las il lo gli un une ein eine
"""
# Titles that open a person's name without being part of it; a name right after one is a
# person's ("Judge Manning", "Sen. Fairfield": places to the gazetteer).
_HONORIFICS = """
    president presidente president prasident prezident prezydent prezident minister ministre
    minister chancellor kanzler kanzlerin chancelier pope mr mrs ms dr sir senator senateur governor
    mayor secretary judge sheriff coach sen rep gov sgt lt capt col det rev reverend pastor prof
    magistrate commander lieutenant lieut detective inspector sergeant corporal constable
"""
# Titles that also open the names of places, firms and leagues ("King County", "Prince Edward
# Island", "General Motors", "Premier League"): dropped from a person's name only.
_NOBLE_TITLES = frozenset({"king", "queen", "prince", "princess", "general", "premier"})
# An age before a name ("Nine-year-old Georgia Stevens") is no part of it.
_AGE = re.compile(r"[\w.]+-(?:year|month|week|day)s?-old", re.IGNORECASE)
# The capital opening the next word, past a title's full stop ("Gov. Mike DeWine").
_NAME_AFTER = re.compile(r"\.? (\w)")
# A day's number after a month's name that ends a span: the month opens a date.
_DAY_AFTER = re.compile(r" \d{1,2}\b")
# Never a name's last character (a full stop is: "U.S.", "Inc.").
_TRAILING_PUNCTUATION = frozenset('…,;:!?—–"“”«»')
_CONNECTOR_CHARS = 3
_ACRONYM_MAX_CHARS = 5
# Roman numerals up to 39 (centuries, monarchs, congresses), also written with the Cyrillic
# letters that look like them ("ХХ век"); larger ones spell acronyms too ("DC", "CD", "MI").
_ROMAN_NUMERAL = re.compile(r"(?=.)[XХ]{0,3}(?:[IІ][XХ]|[IІ]V|V?[IІ]{0,3})\.?")
# Uncased scripts are matched against the dictionaries only, and only against places this big.
_DICTIONARY_MIN_RANK = 100_000
_DICTIONARY_SCORE = 0.6
_DICTIONARY_MIN_CHARS = 4
# A one-letter proclitic (``text``) is looked past when a name of at least this many letters follows.
_PROCLITICS = ARABIC_PROCLITICS | HEBREW_PROCLITICS
_PROCLITIC_MIN_REST = 3
# A capitalised word the tagger left out is a name when it gives it at least this chance
# (chosen on the covid-19 -> us_election_2020 direction: 0.2-0.3 best, 0.1 costs precision).
_NAME_CHANCE = 0.3
# A name the tagger reads as a person is a place when it names a place this big (GeoNames
# population; US states and countries rank above any city).
_PLACE_OVER_PERSON = 100_000  # short words transliterate to too many short place names
# Other places of a text in one country that turn a shared name ("Georgia") to that country's place.
_CONTEXT_PLACES = 2
# A news agency, in the languages newsweave reads (inflected forms listed: words are matched as
# written). The name right after one is the agency's ("l'agence Sana", "агентство Рейтер",
# "agentura ČTK"), not a place, though agencies often share a place's name (Sana, Anadolu,
# Petra); a country's name there is the country's ("разведывательные агентства США"). In the
# BSNLP gold, the names right after these words (past the fillers) are 122 organisations, 12
# people and 2 places, both countries; no toponym of the English geoparsing gold follows one.
_AGENCY_WORDS_TEXT = """
    agency agence agencia agenzia agentur nachrichtenagentur presseagentur agência agentschap
    agencja agencji agencją agentura agentury agentuře agenturou agencija agencije agenciji agencijo
    агентство агентства агентству агентством агентстве агенция агенцията агенція агенції агенцією
"""
_AGENCY_FILLERS_TEXT = """
    de d' d’ presse press news officielle officiel state новостей печати
"""
_AGENCY_WORDS, _AGENCY_FILLERS = (frozenset(words.split()) for words in (_AGENCY_WORDS_TEXT, _AGENCY_FILLERS_TEXT))
_AGENCY_LOOKBACK = 3  # the agency's word and up to two fillers


class EntityRecognizer:
    """Finds named entities in a text and gives each its canonical entity key.

    Models load on first use, once per recognizer (the gazetteer once per process).

    Example:
        >>> r = EntityRecognizer()
        >>> found = r.mentions("Канцлер Германии Ангела Меркель прилетела в Вашингтон.", "ru")
        >>> [(m.text, m.type.value) for m in found]
        [('Германии', 'LOC'), ('Ангела Меркель', 'PER'), ('Вашингтон', 'LOC')]
        >>> found[0].lemma, found[0].entity, found[1].entity
        ('Германия', 'geonames:2921044', 'per:mrkl')
    """

    def __init__(
        self,
        aliases_path: Path | None = None,
        model_path: Path | None = None,
        languages: frozenset[str] = TRAINED_LANGUAGES,
    ) -> None:
        """Args:
        aliases_path: a user alias file on top of the curated one (see ``entity_aliases.toml``).
        model_path: another CRF model (``scripts/train_entity_crf.py`` writes one).
        languages: the languages the model was trained on; others are tagged without word features.
        """
        self.languages = languages
        self._aliases_path = aliases_path
        self._model_path = model_path or MODEL_PATH
        self._tagger: Any = None
        self._normalizer: Normalizer | None = None
        self._lock = threading.Lock()
        self._unspaced: list[tuple[str, AliasEntry]] | None = None  # curated spellings without spaces
        self._tagging = threading.Lock()
        self._openers: frozenset[str] | None = None

    @property
    def normalizer(self) -> Normalizer:
        """The normaliser that keys this recognizer's mentions (curated + user aliases)."""
        if self._normalizer is None:
            self._normalizer = user_normalizer(self._aliases_path)
        return self._normalizer

    def entity(self, key: str) -> Entity | None:
        """The canonical entity behind a mention's key: its name to show, type and aliases."""
        return self.normalizer.entity(key)

    def _load(self) -> Any:
        with self._lock:
            if self._tagger is None:
                try:
                    import pycrfsuite
                except ImportError as e:  # pragma: no cover - a broken install
                    raise ModelUnavailable("python-crfsuite is not installed", hint="run scripts/setup") from e
                if not self._model_path.exists():
                    raise ModelUnavailable(
                        f"the entity model {self._model_path} is missing", hint="run scripts/train_entity_crf.py"
                    )
                tagger = pycrfsuite.Tagger()
                tagger.open(str(self._model_path))
                self._tagger = tagger
        return self._tagger

    def spans(self, text: str, language: str | None) -> list[tuple[int, int, EntityType, float]]:
        """Character spans of the names in ``text`` with their type and the tagger's confidence."""
        if language in SEGMENTED_LANGUAGES:  # no spaces, no capitals: a segmenter's name tags
            found = segmented_spans(text, language, self._segmented_lookup(language))
            if language == "zh":
                found = self._address_parts(text, found)
            curated = self._unspaced_alias_spans(text)
            found = sorted([f for f in found if not _overlaps(f, curated)] + curated)
            latin = self._latin_spans(text)  # the tagger reads Latin script better than a segmenter
            found = [f for f in found if not (_LATIN_LETTER.search(text[f[0] : f[1]]) and _overlaps(f, latin))]
            latin = [s for s in latin if not _overlaps(s, found)]
            return self._with_derived(text, sorted(found + latin))
        tagger = self._load()
        features = feature_maker()
        seen = language in self.languages
        found = []
        tokens = document_tokens(text)
        lowercase = lowercase_words(tokens)
        cased, uncased = [], []
        tag_all = seen and language in UNCASED_TRAINED  # trained on its words, it needs no capitals
        for sentence in sequences(text, tokens):
            has_case = any(ch.isupper() or ch.islower() for t in sentence for ch in t.text)
            if tag_all or has_case:
                cased.append((sentence, windows(sentence, features)))
            if tag_all or not has_case:
                uncased.append(sentence)
        # No case to go on (Arabic, Hebrew…): the dictionary's names.
        dictionary = [span for sentence in uncased for span in self._dictionary_spans(text, sentence, language)]
        features.prepare(t.text for sentence, ranges in cased for start, end in ranges for t in sentence[start:end])
        for sentence, ranges in cased:
            for start, end in ranges:
                window = sentence[start:end]
                words = [t.text for t in window]
                feats = features.sentence(
                    words, language if seen else None, at_start=start == 0, lexical=seen, lowercase=lowercase
                )
                with self._tagging:  # a tagger holds the sequence it tagged, for the marginals
                    tags = tagger.tag(feats)
                    if seen:  # elsewhere (German nouns…) capitals say less; keep the best sequence
                        tags = _recall_tags(tagger, tags, window)
                    chunks = [
                        (first, last, type_name, min(tagger.marginal(tags[i], i) for i in range(first, last + 1)))
                        for first, last, type_name in _chunks(tags)
                        if last - first < _MAX_NAME_TOKENS and _has_letter(window[first : last + 1])
                    ]
                for first, last, type_name, score in chunks:
                    found.append((window[first].start, window[last].end, EntityType(type_name), score))
        if tag_all:  # the dictionary's names where the tagger found none
            found = _split_at_known_names(text, found, dictionary)
            dictionary = [d for d in dictionary if all(d[1] <= f[0] or f[1] <= d[0] for f in found)]
        return self._with_derived(text, self._with_local_aliases(text, sorted(found + dictionary), language))

    def _with_local_aliases(
        self, text: str, found: list[tuple[int, int, EntityType, float]], language: str | None
    ) -> list[tuple[int, int, EntityType, float]]:
        """Add the spellings the alias file gives ``language``'s texts alone ("Corona" in German)
        where the tagger read none: a common noun to a tagger, yet the entity the text is about."""
        pattern = self.normalizer.aliases.local_spellings(language)
        if pattern is None:
            return found
        extra = []
        for match in pattern.finditer(text):
            entry = self.normalizer.aliases.in_language(match.group(0), language)
            if entry is None:
                continue
            span = (match.start(), match.end(), entry.type, _DICTIONARY_SCORE)
            if not _overlaps(span, found):
                extra.append(span)
        return sorted(found + extra) if extra else found

    def _address_parts(
        self, text: str, spans: list[tuple[int, int, EntityType, float]]
    ) -> list[tuple[int, int, EntityType, float]]:
        """Chinese writes a place after its country or state without a break ("加拿大温哥华",
        "北卡罗来纳州布拉格堡", "爱荷华州阿尔戈纳"), and the segmenter reads one place: it is two."""
        out = []
        for start, end, etype, score in spans:
            cut = self._address_cut(text[start:end]) if etype is EntityType.LOCATION else 0
            if cut:
                out += [(start, start + cut, etype, score), (start + cut, end, etype, score)]
            else:
                out.append((start, end, etype, score))
        return out

    def _address_cut(self, name: str) -> int:
        """Where a Chinese place name falls into a country or state and a place (0: nowhere)."""
        if name.endswith(_ZH_INSTITUTIONS):  # "澳大利亚战争纪念馆": a country's memorial is one name
            return 0
        for cut in range(len(name) - _ZH_NAME_MIN, _ZH_NAME_MIN - 1, -1):
            head, tail = name[:cut], name[cut:]
            if self._written_rank(head) >= STATE_RANK or (head.endswith("州") and cut > _ZH_NAME_MIN):
                return cut
            if self._written_rank(tail) >= COUNTRY_RANK:
                return cut
        return 0

    def _segmented_lookup(self, language: str) -> Callable[[str], EntityType | None]:
        """What a segmenter's words are looked up in: names as GeoNames writes them, since folded
        to Latin a Thai word is a place somewhere ("ที่มี", "which has", folds as Thimi, Nepal)."""
        if language == "ko":
            return self._korean_type
        return lambda name: self._dictionary_type(name, as_written=True)

    def _korean_type(self, name: str) -> EntityType | None:
        """A curated alias's type, or a place's for a city of a million or more (or a state or a
        country) GeoNames writes so: Korean is matched at the start of every word, and smaller
        towns' Korean names are common words ("코로나", corona, is Corona, California)."""
        alias = self.normalizer.aliases.key_of(fold(name), name)
        if alias is not None:
            return self.normalizer.aliases.entries[alias].type
        return EntityType.LOCATION if self._written_rank(name) >= _KO_PLACE_MIN_RANK else None

    def _written_rank(self, name: str) -> int:
        """The gazetteer's rank of the place GeoNames writes exactly so (-1: none); folded to
        Latin, parts of a Chinese name sound like other places ("佛蒙" of 佛蒙特州)."""
        place = gazetteer().exact.get(fold(name))
        if place is None or name not in gazetteer().entries[place].names:
            return -1
        return gazetteer().entries[place].rank

    def _unspaced_alias_spans(self, text: str) -> list[tuple[int, int, EntityType, float]]:
        """The curated aliases a text without spaces writes in its own letters, longest first and
        not overlapping: a segmenter cuts "イスラム国" (the Islamic State) into "イスラム" and
        "国", and never reads "コロナ" (the pandemic) as a name, which GeoNames writes for Corona,
        California."""
        if self._unspaced is None:
            self._unspaced = self.normalizer.aliases.unspaced()
        found: list[tuple[int, int, EntityType, float]] = []
        for name, entry in self._unspaced:
            at = text.find(name)
            while at >= 0:
                span = (at, at + len(name), entry.type, _SEGMENTED_ALIAS_SCORE)
                people = entry.type is EntityType.LOCATION and text[span[1] : span[1] + 1] in _PEOPLE_SUFFIXES
                if not people and not _overlaps(span, found):  # "ウェールズ人", the Welsh, is a people
                    found.append(span)
                at = text.find(name, at + len(name))
        return sorted(found)

    def _latin_spans(self, text: str) -> list[tuple[int, int, EntityType, float]]:
        """Names in the Latin-script runs of a text in another script ("Yogi Adityanath" in a
        Chinese report), read by the tagger as English: every other character masked, a run of
        them a comma, so offsets stay the text's."""
        if not _LATIN_LETTER.search(text):
            return []
        return self.spans(_NOT_LATIN.sub(_mask, text), "en")

    def _plausible(
        self, text: str, spans: list[tuple[int, int, EntityType, float]], language: str | None
    ) -> list[tuple[int, int, EntityType, float]]:
        """Spans that are a known name, or not made of the language's common words; a lone
        common word survives as the surname of a full name kept in the same text."""
        named = [s for s in spans if self._known_type(text[s[0] : s[1]], min_rank=_DICTIONARY_MIN_RANK) is not None]
        kept = [s for s in spans if s not in named and not _common_words(text[s[0] : s[1]], language)]
        full_names = {
            _surname(text[s[0] : s[1]]) for s in kept if s[2] is EntityType.PERSON and " " in text[s[0] : s[1]]
        }
        lone = [
            s
            for s in spans
            if s not in named
            and s not in kept
            and " " not in text[s[0] : s[1]]
            and _surname(text[s[0] : s[1]]) in full_names
        ]
        return sorted(named + kept + lone)

    def _places_read_as_people(
        self, text: str, spans: list[tuple[int, int, EntityType, float]]
    ) -> list[tuple[int, int, EntityType, float]]:
        """ "Техас", "Georgia", "Северная Каролина" read as people are places: a big place's name
        (or a curated alias's) is that, unless it is the surname of a person named in full in
        the same text ("Вашингтон" after "Джордж Вашингтон")."""
        full_names = {
            _surname(text[start:end])
            for start, end, etype, _ in spans
            if etype is EntityType.PERSON and " " in text[start:end].strip()
        }
        out = []
        for start, end, etype, score in spans:
            surface = text[start:end]
            if etype is EntityType.PERSON and (" " in surface.strip() or _surname(surface) not in full_names):
                etype = self._known_type(surface, min_rank=_PLACE_OVER_PERSON) or etype
            out.append((start, end, etype, score))
        return out

    def _function_word(self, text: str, start: int, end: int, language: str | None) -> bool:
        """A lone capitalised word opening a sentence that is one of the language's stop words
        ("Poleg", "Zanim", "Водночас"), and no alias or place ("Polska" and "NATO" are on the
        lists too): there its capital says nothing."""
        surface = text[start:end]
        if " " in surface or surface.isupper() or surface.lower() not in stop_words(language):
            return False
        before = text[:start].rstrip(" \t\"'«„“(")
        if before and before[-1] not in _SENTENCE_ENDS:
            return False
        return self.normalizer.known_key(surface, EntityType.LOCATION, language) is None

    def _country(self, surface: str) -> bool:
        """A country's name, as written or inflected ("США", "Ливана")."""
        return self._place_rank(surface) >= COUNTRY_RANK

    def _region(self, surface: str) -> bool:
        """A country's or a state's name, as written or inflected ("США", "России", "Висконсина")."""
        return self._place_rank(surface) >= STATE_RANK

    def _place_rank(self, surface: str) -> int:
        """The gazetteer's rank of the place a name is keyed to (-1: no place)."""
        key = self.normalizer.known_key(surface, EntityType.LOCATION, None)
        if key is None or not key.startswith("geonames:"):
            return -1
        place = self.normalizer.places.entries.get(int(key[9:]))
        return -1 if place is None else place.rank

    def _phrase_openers(self) -> frozenset[str]:
        """First words (as written and stemmed) of the aliases and of the countries' and states'
        names of more than one word."""
        if self._openers is None:
            places = self.normalizer.places
            aliases = self.normalizer.aliases
            keys = [k for k in (*aliases.exact, *aliases.stemmed) if " " in k]
            keys += [
                k
                for index in (places.exact, places.stemmed)
                for k, place in index.items()
                if " " in k and places.entries[place].rank >= STATE_RANK
            ]
            self._openers = frozenset(k.split(" ", 1)[0] for k in keys)
        return self._openers

    def _known_phrase(self, surface: str) -> EntityType | None:
        """The type of a phrase that is a curated alias or a country's or a state's name, exactly
        or by stemmed words (each reading of their endings): "Соединенных Штатов"."""
        first = fold(surface.split(" ", 1)[0])  # one word's folding is cached, a phrase's rarely
        openers = self._phrase_openers()
        if first not in openers and not any(v in openers for v in stem_variants(first)):
            return None  # most capitalised words open no alias and no country's or state's name
        folded = fold(surface)
        alias = self.normalizer.aliases.find(folded, surface)
        if alias is not None:
            return alias.type
        places = self.normalizer.places
        found = places.exact.get(folded)
        if found is None:
            found = next((p for v in stem_phrase_variants(folded) if (p := places.stemmed.get(v)) is not None), None)
        return EntityType.LOCATION if found is not None and places.entries[found].rank >= STATE_RANK else None

    def _named(self, surface: str, language: str | None) -> EntityType | None:
        """The type of a curated alias or a big place that a name (as written or as its lemma) is
        exactly: "Россией" is Russia, while "Палате" only stems like a town's name."""
        forms = {fold(clean_surface(surface)), fold(lemma_phrase(surface, language))}
        for form in forms:
            alias = self.normalizer.aliases.find(form, surface)
            if alias is not None:
                return alias.type
        places = self.normalizer.places
        for form in forms:
            place = places.exact.get(form)
            if place is not None and places.entries[place].rank >= _PLACE_OVER_PERSON:
                return EntityType.LOCATION
        return None

    def _big_known_type(self, surface: str) -> EntityType | None:
        """The type of a curated alias or a big place's name (small towns' names include people's)."""
        return self._known_type(surface, min_rank=_PLACE_OVER_PERSON)

    def _big_known_type_or_lemma(self, surface: str, language: str | None) -> EntityType | None:
        """``_big_known_type`` of a name as written, else of its lemma: "Новой Англии" (of New
        England) stems apart from the alias "Новая Англия", its lemma does not."""
        found = self._big_known_type(surface)
        if found is None and language is not None and (lemma := lemma_phrase(surface, language)) != surface:
            found = self._big_known_type(lemma)
        return found

    def _known_type(self, surface: str, min_rank: int = 0) -> EntityType | None:
        """The type a curated alias or the gazetteer (places of at least ``min_rank``) gives a name."""
        folded = fold(clean_surface(surface))
        alias = self.normalizer.aliases.find(folded, surface)
        if alias is not None:
            return alias.type
        places = self.normalizer.places
        found = places.exact.get(folded)
        if found is not None and not places.bears(found, folded, surface):
            found = None  # "NFL" is no Nepal, which Hebrew writes "נפאל"
        if is_acronym(clean_surface(surface)):  # "CNN" is an airport's code, not Kannur
            min_rank = max(min_rank, STATE_RANK)
        elif found is None:
            found = places.stemmed.get(stem_phrase(folded))
        if found is None and " " in folded:  # "Abou Kamal"; a single word's sound key is too loose
            found = places.sounds.get(phrase_sound_key(folded))
        if found is not None and places.entries[found].rank >= min_rank:
            return EntityType.LOCATION
        return None

    def _first_names_joined(
        self, text: str, spans: list[tuple[int, int, EntityType, float]], language: str | None
    ) -> list[tuple[int, int, EntityType, float]]:
        """A first name read as a place right before the person it opens is that person's: the
        tagger cut "Bill de Blasio", "José González", "Cathy Dos Santos" into a place and a person.
        Not a curated name or a big place's ("Washington Donald Trump": the National Guard of
        Washington, then Trump), not a stop word of the language (German "Von" opening a byline is
        "by"), and not a word the census lists as no first name ("Medellín Daniel Quintero",
        "Thuringe Thomas Kemmerich")."""
        out: list[tuple[int, int, EntityType, float]] = []
        stops = stop_words(language)
        for span in spans:
            if out and self._first_name_of(text, out[-1], span) and text[out[-1][0] : out[-1][1]].lower() not in stops:
                start, _, _, score = out.pop()
                span = (start, span[1], EntityType.PERSON, max(score, span[3]))
            out.append(span)
        return out

    def _first_name_of(
        self, text: str, first: tuple[int, int, EntityType, float], person: tuple[int, int, EntityType, float]
    ) -> bool:
        word = text[first[0] : first[1]]
        return (
            first[2] is EntityType.LOCATION
            and person[2] is EntityType.PERSON
            and person[0] == first[1] + 1
            and text[first[1]] == " "
            and " " not in word
            and fold(word) in first_names()
            and not self._curated(word)
            and not self._big_place_so_named(word)
        )

    def _read_english(
        self, text: str, spans: list[tuple[int, int, EntityType, float]]
    ) -> list[tuple[int, int, EntityType, float]]:
        """English spans read as ``peoples.read_english`` reads them, and a name after a personal
        title a person's (only in English: elsewhere a title precedes places too, "президент
        Франции")."""
        places = self.normalizer.places
        spans = read_english(text, spans, places.demonyms, places.exact, self._curated)
        return [self._titled(text, span) for span in spans]

    def _titled(self, text: str, span: tuple[int, int, EntityType, float]) -> tuple[int, int, EntityType, float]:
        """A name right after a personal title is a person ("Sen. Fairfield", not the town), unless
        it is a curated name or a dateline in capitals ("press secretary SPRINGFIELD, Ill.")."""
        start, end, etype, score = span
        surface = text[start:end]
        if etype is EntityType.PERSON or surface.isupper() or not after_title(text, start) or self._curated(surface):
            return span
        return start, end, EntityType.PERSON, score

    def _titled_place(self, text: str, start: int, end: int, language: str | None) -> bool:
        """Whether a one-word name after a personal title is also a big place's: a person there,
        but no surname that makes the text's other mentions of the place people ("known as
        'Mr. Arlington'" in a story about Arlington, Texas)."""
        surface = text[start:end]
        if language != "en" or " " in surface or not after_title(text, start):
            return False
        return self._big_place_so_named(surface)

    def _big_place_so_named(self, name: str) -> bool:
        """Whether a big place (``_PLACE_OVER_PERSON``) bears ``name`` as its own name, not as an
        alternate: "Manning" and "Bill" are alternates of cities in China and elsewhere."""
        places = self.normalizer.places
        found = places.exact.get(folded := fold(name))
        if found is None:
            return False
        entry = places.entries[found]
        return entry.rank >= _PLACE_OVER_PERSON and fold(entry.name) == folded

    @staticmethod
    def _title_alone(text: str, surface: str, end: int) -> bool:
        """A personal title read as a name of its own before the name it heads ("Senator" of
        "Senator Elizabeth Warren", "Gov" of "Gov. Mike DeWine"); not a surname that is also a
        title ("Pastor refused to leave")."""
        if " " in surface or fold(surface) not in honorifics():
            return False
        after = _NAME_AFTER.match(text, end)
        if after is not None and after.group(1).isupper():
            return True
        # Opening a sentence before a lowercase word ("Judge declines to set bond"), a title is the
        # common noun, unless the text names someone by it ("Tony Pastor … Pastor refused").
        start = end - len(surface)
        opening = not text[:start].strip() or text[:start].rstrip().endswith((".", "!", "?", "\n", ":"))
        return opening and re.search(rf"[A-Z][\w'’-]+ {re.escape(surface)}\b", text) is None

    def _curated(self, surface: str) -> bool:
        """Whether a name is one of the curated aliases (of any type)."""
        return self.normalizer.aliases.find(fold(clean_surface(surface)), surface) is not None

    def _trimmed(
        self, text: str, span: tuple[int, int, EntityType, float], *, unseen: bool = True
    ) -> tuple[int, int, EntityType, float] | None:
        """A span without leading personal titles ("President", "Judge"; "King" and "General" only
        from a person: "King County", "General Motors") and, in a language the tagger was not
        trained on (``unseen``), without articles ("The") and a weekday or month after a place
        ("Toronto Saturday"); None for a span that is only a weekday or month name in some
        language ("Monday", "понедельник"). In a Slavic text an English article opens a title
        ("The New York Times"). A person of three words or more loses a leading nationality
        ("Latvian Mariss Jansons", "Russian President Vladimir Putin"): the guidelines' names
        hold none, and the recogniser runs an adjective into the name after it."""
        start, end, etype, score = span
        words = text[start:end].split(" ")
        leading = leading_words(articles=unseen)
        while len(words) > 1:
            first = fold(words[0])
            noble = first in _NOBLE_TITLES and etype is EntityType.PERSON
            age = _AGE.fullmatch(words[0])  # "Nine-year-old Georgia Stevens"
            if not noble and not age and first not in leading and not self._nationality_before(words, etype):
                break
            start += len(words[0]) + 1
            words = words[1:]
        while end > start and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1  # "Madrid…": a tagger that read the ellipsis as the name's next token
        end = start + len(text[start:end].rstrip())
        surface = text[start:end]
        if not surface or self._title_alone(text, surface, end):
            return None
        words = surface.split(" ")
        if _ROMAN_NUMERAL.fullmatch(surface):
            return None  # a century or a number ("XXI век", "XIX"), never a name on its own
        if self._calendar_word(surface):
            return None
        if unseen and len(words) > 1 and self._calendar_word(words[-1]):
            dated = _DAY_AFTER.match(text, end) is not None  # "Venus January 22": a name, then a date
            if dated or self._big_known_type(" ".join(words[:-1])):
                end -= len(words[-1]) + 1  # "Toronto Saturday" (unseen languages): a place, then when
        return start, end, etype, score

    def _nationality_before(self, words: list[str], etype: EntityType) -> bool:
        """Whether a person's name of three words or more opens with an English demonym; a
        first name like one ("German Gref") leaves two words, which keep it."""
        return etype is EntityType.PERSON and len(words) > 2 and fold(words[0]) in self.normalizer.places.demonyms

    def _calendar_word(self, surface: str) -> bool:
        """A weekday or month name in some language, and no acronym or alias it also spells."""
        folded = fold(surface)
        if folded not in calendar_words() or _acronym(surface):
            return False
        return self.normalizer.aliases.find(folded, surface) is None

    def _dictionary_type(self, name: str, *, as_written: bool = False) -> EntityType | None:
        """The type of a name that is a curated alias or a big place's name, else None.

        ``as_written``: a place only when GeoNames knows it by this very spelling. Folded to Latin,
        an Arabic word keeps its consonants only, and common words meet other places' names
        ("سيتم", "it will be", folds as Saitama; "بسرعة", "quickly", as Basrah); a known spelling
        may then be short ("مصر", Egypt)."""
        folded = fold(name)
        alias = self.normalizer.aliases.key_of(folded, name)
        if alias is not None:
            return self.normalizer.aliases.entries[alias].type
        if len(folded) < _DICTIONARY_MIN_CHARS and not as_written:
            return None
        place = gazetteer().exact.get(folded)
        if place is None or gazetteer().entries[place].rank < _DICTIONARY_MIN_RANK:
            return None
        return EntityType.LOCATION if not as_written or name in gazetteer().entries[place].names else None

    def _dictionary_spans(
        self, text: str, sentence: list[Token], language: str | None = None
    ) -> list[tuple[int, int, EntityType, float]]:
        """Names in an uncased script: the longest runs of up to three words that are a curated
        alias or a big place's name as GeoNames writes it (the tagger has no capitals to go on). A run
        whose first word carries a one-letter Arabic or Hebrew proclitic ("وسوريا": and Syria,
        "בישראל": in Israel) is looked up without it when it is not a name as written, nor a word
        of the language more common than the rest ("وكيل", agent, is no "و" + Kiel)."""
        found = []
        i = 0
        while i < len(sentence):
            for size in (3, 2, 1):
                if i + size > len(sentence) or not (
                    sentence[i].text[0].isalnum() and sentence[i + size - 1].text[0].isalnum()
                ):
                    continue  # a run starts and ends on a word ("لبنان." is the name and a full stop)
                start, end = sentence[i].start, sentence[i + size - 1].end
                etype = self._dictionary_type(text[start:end], as_written=True)
                if (
                    etype is None
                    and text[start] in _PROCLITICS
                    and sentence[i].end - start > _PROCLITIC_MIN_REST
                    and not _a_word_whole(sentence[i].text, language)
                ):
                    start += 1
                    etype = self._dictionary_type(text[start:end], as_written=True)
                if etype is None:
                    continue
                found.append((start, end, etype, _DICTIONARY_SCORE))
                i += size - 1
                break
            i += 1
        return found

    def _with_derived(
        self, text: str, found: list[tuple[int, int, EntityType, float]]
    ) -> list[tuple[int, int, EntityType, float]]:
        """Add words derived from a curated name ("igilovtsy", "игиловцы": IS fighters) the tagger
        left alone: they are common nouns to a tagger, yet say which organisation the text is about."""
        covered = {i for start, end, _, _ in found for i in range(start, end)}
        extra = []
        for match in _DERIVED_CANDIDATE.finditer(text):
            if match.start() in covered:
                continue
            folded = fold(match.group(0))
            root = DERIVATION.sub("", folded)
            derived = root != folded and len(root) >= 3
            entry = self.normalizer.aliases.find(root, match.group(0), derived=True) if derived else None
            if entry is not None:
                extra.append((match.start(), match.end(), entry.type, _DERIVED_SCORE))
        return sorted(found + extra) if extra else found

    def mentions(self, text: str, language: str | None, *, places_read: Collection[str] = ()) -> list[Mention]:
        """Every name in ``text`` as a ``Mention`` with its type, lemma and canonical entity key.

        Args:
            text: the article's text (offsets in the mentions index into it).
            language: ISO 639-1 code, for lemmas and the tagger's language feature; None if unknown.
            places_read: keys of the places the rest of the article reads (its body, for a headline).
        """
        seen = language in self.languages and language in BSNLP_LANGUAGES
        trimmed = (self._trimmed(text, span, unseen=not seen) for span in self.spans(text, language))
        spans = [span for span in trimmed if span is not None]
        if seen:
            spans = [span for span in spans if not self._function_word(text, span[0], span[1], language)]
        if language not in SEGMENTED_LANGUAGES:  # spans there do not fall on this tokenizer's words
            spans = split_fused(text, trim_edges(text, spans, trailing=not seen), self._big_known_type)
            if not seen:  # a weekday whose lowercase tail was trimmed ("Sunday morning") is a weekday
                spans = [span for span in spans if not self._calendar_word(text[span[0] : span[1]])]
                conjunction = CONJUNCTIONS.get(language or "en")
                spans = split_coordinated(text, spans, conjunction, self._big_known_type) if conjunction else spans
            spans = add_known_runs(text, spans, self._known_phrase)
            if seen:
                spans = extend_tails(text, spans, lambda w: self._named(w, language))
            spans = propagate(text, spans)  # a name tagged once is tagged everywhere
            spans = join_known(text, spans, lambda words: self._big_known_type_or_lemma(words, language))
            # A month's name propagated from a span cut down to it ("Capricorn January 10") is no name.
            spans = [span for span in spans if not self._calendar_word(text[span[0] : span[1]])]
            if seen:
                spans = attach_qualifiers(text, spans, self._region)
        if language not in self.languages and language in CAPITALISED_NOUNS:
            # Every noun looks like a name to a tagger that never read the language's words: its
            # spans are checked against the language's dictionary (elsewhere that check cost more
            # names than it saved: English toponym recall fell from 60 % to 46 %). A tagger trained
            # on German does better without it (two-fold CV on the SemEval names' German training
            # part: recognition F1 0.542 -> 0.577 and 0.606 -> 0.628).
            spans = self._plausible(text, spans, language)
        if seen:
            spans = self._places_read_as_people(text, spans)
        if language not in SEGMENTED_LANGUAGES:
            spans = self._first_names_joined(text, spans, language)
        if language == "en":
            spans = self._read_english(text, spans)
        if language in nationalities.LANGUAGES:
            spans = nationalities.read_nationals(text, spans, language, self._named)
        people = [
            text[start:end]
            for start, end, etype, _ in spans
            if etype is EntityType.PERSON and not self._titled_place(text, start, end, language)
        ]
        surnames = {_surname(name) for name in people if " " in name.strip()}
        # A person named by one word is met again by that word, not by a word sounding alike:
        # "Irakijczycy" (Iraqis, a person to the tagger) made a person of "Iraku" (in Iraq).
        lone_words = {fold(lemma_phrase(name, language)) for name in people if " " not in name.strip()}
        out = []
        for start, end, etype, score in spans:
            surface = text[start:end]
            titled = language == "en" and etype is EntityType.PERSON and after_title(text, start)
            if (not seen or score < _UNSURE) and not titled:
                etype = self._known_type(surface) or etype
            lemma = lemma_phrase(surface, language)
            if (
                etype is not EntityType.PERSON
                and " " not in surface
                and language not in SEGMENTED_LANGUAGES  # a whole unspaced name folds to one "word"
                and (_surname(surface) in surnames or fold(lemma) in lone_words)
            ):
                etype = EntityType.PERSON  # "Trump" after "Donald Trump": one person, one type in a text
            agency = etype is not EntityType.PERSON and after_agency_word(text, start) and not self._country(surface)
            etype = EntityType.ORGANIZATION if agency else etype
            if (local := self.normalizer.aliases.in_language(clean_surface(surface), language)) is not None:
                etype = local.type  # German's "Corona" is the pandemic, whatever the tagger or a surname read
            key = self.normalizer.canonical_key(surface, etype, language, lemma, places=not agency)
            out.append(Mention(start, end, surface, etype, key, lemma, round(max(0.0, min(1.0, score)), 4)))
        return self._places_by_context(self._one_place_one_reading(out, language, places_read))

    def _one_place_one_reading(
        self, mentions: list[Mention], language: str | None, places_read: Collection[str] = ()
    ) -> list[Mention]:
        """A name read as a person that names a place the same text reads as a place elsewhere is
        that place ("Abu-Kemal" beside "Abu Kemal"): a text means one thing by one name. A
        surname of a person the text names in full stays a person ("Washington" after "George
        Washington"). A person of three words or more that ends in such a place is the place and,
        if two words or more, the name before it ("Escaped Abu Kamal" of a title-case headline)."""
        read = [m.entity for m in mentions if m.type is EntityType.LOCATION and m.entity]
        places = {key for key in [*read, *places_read] if key.startswith("geonames:")}
        if not places:
            return mentions
        split: list[Mention] = []
        for m in mentions:
            split += self._person_ending_in_place(m, language, places) if m.type is EntityType.PERSON else [m]
        full_names = {_surname(m.text) for m in split if m.type is EntityType.PERSON and " " in m.text.strip()}
        out = []
        for m in split:
            if m.type is EntityType.PERSON and (" " in m.text or _surname(m.text) not in full_names):
                key = self.normalizer.known_key(m.text, EntityType.LOCATION, language)
                m = replace(m, type=EntityType.LOCATION, entity=key) if key in places else m
            out.append(m)
        return out

    def _person_ending_in_place(self, mention: Mention, language: str | None, places: set[str]) -> list[Mention]:
        words = mention.text.split(" ")
        for cut in range(1, len(words) - 1):  # a person of three words or more, a place of two or more
            tail = " ".join(words[cut:])
            key = self.normalizer.known_key(tail, EntityType.LOCATION, language)
            if key in places:
                at = mention.start + len(mention.text) - len(tail)
                place = replace(mention, start=at, text=tail, type=EntityType.LOCATION, entity=key, lemma=tail)
                if cut == 1:
                    return [place]
                head = mention.text[: at - mention.start].rstrip()
                person = replace(mention, end=mention.start + len(head), text=head, lemma=lemma_phrase(head, language),
                                 entity=self.normalizer.canonical_key(head, EntityType.PERSON, language))  # fmt: skip
                return [person, place]
        return [mention]

    def _places_by_context(self, mentions: list[Mention]) -> list[Mention]:
        """A place name that big places in several countries share ("Georgia": the country or
        the US state; "London": England or Ontario) is read in the country the text's other
        places are in: the gazetteer's first reading would otherwise depend on the script
        ("Georgia" the country, "Джорджия" the state). The first reading is kept unless at least
        ``_CONTEXT_PLACES`` other places of the text lie in the other country and none in its own."""
        places = self.normalizer.places
        keyed = {int(m.entity[9:]) for m in mentions if m.entity and m.entity.startswith("geonames:")}
        if len(keyed) <= _CONTEXT_PLACES:
            return mentions
        countries = Counter(places.entries[i].country for i in keyed if i in places.entries)
        chosen: dict[tuple[str, str], str] = {}
        out = list(mentions)
        for index, m in enumerate(mentions):
            if not m.entity or not m.entity.startswith("geonames:"):
                continue
            if (m.text, m.entity) not in chosen:
                chosen[(m.text, m.entity)] = self._reading(m, int(m.entity[9:]), keyed, countries)
            if chosen[(m.text, m.entity)] != m.entity:
                out[index] = replace(m, entity=chosen[(m.text, m.entity)])
        return out

    def _reading(self, mention: Mention, current: int, keyed: set[int], countries: Counter[str | None]) -> str:
        places = self.normalizer.places
        readings = places.other_readings(fold(clean_surface(mention.text)))
        if not readings and mention.lemma:
            readings = places.other_readings(fold(mention.lemma))
        if current not in readings:
            return f"geonames:{current}"
        own = places.entries[current].country
        if countries[own] - 1 > 0:  # another place of the text is in the first reading's country
            return f"geonames:{current}"

        def support(place: int) -> int:
            country = places.entries[place].country
            return 0 if country == own else countries[country] - (place in keyed)

        best = max(readings, key=support)
        return f"geonames:{best}" if support(best) >= _CONTEXT_PLACES else f"geonames:{current}"


_KO_PLACE_MIN_RANK = 1_000_000
_ZH_NAME_MIN = 2  # characters in the shortest Chinese place name ("东京")
# Endings of buildings and institutions named after their place ("…纪念馆", "…大学", "…医院").
_ZH_INSTITUTIONS = ("馆", "院", "局", "部", "会", "中心", "公司", "大学", "学校", "银行", "机场", "车站")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
_NOT_LATIN = re.compile(r"[^\x00-\x7f\u00c0-\u024f\u1e00-\u1eff]+")


# A place's name with one of these after it names its people in Chinese, Japanese and Korean.
_PEOPLE_SUFFIXES = frozenset("人인")


def _split_at_known_names(
    text: str,
    found: list[tuple[int, int, EntityType, float]],
    known: list[tuple[int, int, EntityType, float]],
) -> list[tuple[int, int, EntityType, float]]:
    """The tagger's spans, but one that is two or more of the dictionary's names joined by "and"
    or a comma and nothing else ("سوريا ولبنان", Syria and Lebanon) split into them: without
    capitals the tagger runs a list of places together ("ماركس وسبنسر", Marks and Spencer, whose
    parts no dictionary knows, stays one name)."""
    out = []
    for span in found:
        inside = [k for k in known if span[0] <= k[0] and k[1] <= span[1]]
        rest = list(text[span[0] : span[1]])
        for start, end, _, _ in inside:
            rest[start - span[0] : end - span[0]] = [" "] * (end - start)
        gaps = [text[a[1] : b[0]] for a, b in itertools.pairwise(inside)]
        listed = all(any(ch in gap for ch in _LIST_JOINS) for gap in gaps)  # not "فيروس كورونا" + "الجديد"
        if len(inside) >= 2 and listed and "".join(rest).strip(_LIST_GLUE) == "":
            out += [(start, end, etype, span[3]) for start, end, etype, _ in inside]
        else:
            out.append(span)
    return out


# What may join names in a list: spaces, commas, and a conjunction written onto the next name.
_LIST_GLUE = " \t\u060c,\u0648"
_LIST_JOINS = "\u060c,\u0648"


def _overlaps(span: tuple[int, int, EntityType, float], others: list[tuple[int, int, EntityType, float]]) -> bool:
    return any(span[0] < other[1] and other[0] < span[1] for other in others)


def _mask(match: re.Match[str]) -> str:
    """A run of another script as a comma and spaces: a Latin name there is inside a sentence
    (after a full stop, the tagger took a Chinese sentence's first Latin name for an English
    sentence's capitalised first word; development part 0.758 -> 0.774)."""
    return "," + " " * (len(match.group(0)) - 1)


def _recall_tags(tagger: Any, tags: list[str], window: list[Token]) -> list[str]:
    """The tagger's best sequence, with a capitalised word it left out taken as a name when the
    tagger gives it a fair chance of being one (``_NAME_CHANCE``), under its likeliest label.

    The best sequence drops a name the tagger is unsure of: trained on one topic, it meets
    another topic's names with less certainty than its own, and misses far more than it invents.
    """
    labels = [label for label in tagger.labels() if label != "O"]
    out = list(tags)
    for i, tag in enumerate(tags):
        if tag != "O" or not window[i].text[:1].isupper() or tagger.marginal("O", i) > 1 - _NAME_CHANCE:
            continue
        best = max(labels, key=lambda label: tagger.marginal(label, i))
        prefix, _, type_name = best.partition("-")
        if prefix == "I" and not (i > 0 and out[i - 1] in ("B-" + type_name, "I-" + type_name)):
            best = "B-" + type_name  # an I with nothing to continue opens the name
        out[i] = best
    return out


def _chunks(tags: list[str]) -> list[tuple[int, int, str]]:
    """(first, last, type) of each B/I run; an I without its B opens a chunk of its own."""
    chunks: list[tuple[int, int, str]] = []
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        prefix, _, type_name = tag.partition("-")
        if prefix == "I" and chunks and chunks[-1][1] == i - 1 and chunks[-1][2] == type_name:
            chunks[-1] = (chunks[-1][0], i, type_name)
        else:
            chunks.append((i, i, type_name))
    return chunks


_SENTENCE_ENDS = frozenset(".!?…:\n")
_JUSTEXT_NAMES = {
    "bg": "Bulgarian",
    "cs": "Czech",
    "pl": "Polish",
    "ru": "Russian",
    "sl": "Slovenian",
    "uk": "Ukrainian",
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}


@lru_cache(maxsize=16)
def stop_words(language: str | None) -> frozenset[str]:
    """The language's stop words from jusText's lists (frequent words of its Wikipedia, shipped
    with jusText, which trafilatura already needs); empty for a language it lacks."""
    name = _JUSTEXT_NAMES.get(language or "")
    if name is None:
        return frozenset()
    import justext

    return frozenset(justext.get_stoplist(name))


@lru_cache(maxsize=1)
def calendar_words() -> frozenset[str]:
    """Weekday and month names in every CLDR language (babel), folded: capitalised in many
    languages, and some are also towns' alternate names, yet never a name in news.

    Reading them means loading all of babel's 300-odd locale files (about a second, in every
    process and every worker at start-up), so the set is built once per machine and kept in the
    user cache, keyed by babel's version and the folding's source (``build_cache``)."""
    from newsweave.analyze.entities import text

    folding = source_digest(text.__file__)
    return cached_build("calendar-words", 1, ("babel", "anyascii"), _calendar_words_from_babel, frozenset, code=folding)


def _calendar_words_from_babel() -> frozenset[str]:
    from babel import Locale, localedata

    words: set[str] = set()
    for locale_id in localedata.locale_identifiers():
        if "_" in locale_id:
            continue
        locale = Locale.parse(locale_id)
        for table in (locale.days, locale.months):
            for context in table.values():
                for names in context.values():
                    words.update(fold(str(name)) for name in names.values())
    words.discard("")
    return frozenset(words)


@lru_cache(maxsize=2)
def leading_words(*, articles: bool = True) -> frozenset[str]:
    """Folded words that open a tagged span without being part of the name: personal titles and,
    with ``articles``, articles."""
    return honorifics() | frozenset(fold(w) for w in _ARTICLES.split()) if articles else honorifics()


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Folded personal titles: a name after one is a person's."""
    return frozenset(fold(w) for w in _HONORIFICS.split())


def after_title(text: str, start: int) -> bool:
    """True when the name at ``start`` follows a personal title ("Judge Manning", "Sen. Fairfield").

    Example:
        >>> text = "Board chairman Judge Manning said Sen. Fairfield. Court Judge. Columbus"
        >>> [after_title(text, text.index(name)) for name in ("Manning", "Judge", "Fairfield", "Columbus")]
        [True, False, True, False]
    """
    match = _TITLE_BEFORE.search(text[max(0, start - 20) : start])
    if match is None or fold(match.group(1)) not in honorifics():
        return False
    return not match.group(2) or len(match.group(1)) <= _ABBREVIATED_TITLE  # "Sen." but not "...Court Judge."


_TITLE_BEFORE = re.compile(r"(\w+)(\.?) $")
_ABBREVIATED_TITLE = 4  # letters: "Sen.", "Gov.", "Capt."; a longer word before a full stop ends a sentence


def _acronym(surface: str) -> bool:
    """A short word all in capitals ("AP", "STA", "МИД"): an abbreviation, whatever some
    language's abbreviated month or weekday it also spells ("ap", "sta" and "ig" are ones)."""
    return len(surface) <= _ACRONYM_MAX_CHARS and surface.isupper() and surface.isalpha()


def _common_words(surface: str, language: str | None) -> bool:
    """True for a span that is no name in a language the tagger never saw: one word the language's
    dictionary knows (German capitalises every noun), or words with a lowercase one longer than
    a connector ("von", "de", "al") among them."""
    words = surface.split()
    if words[-1][:1].islower() or any(w[:1].islower() and len(w) > _CONNECTOR_CHARS for w in words):
        return True
    return len(words) == 1 and bool(language) and is_known_word(words[0], language)


def _surname(surface: str) -> str:
    """The sound key of a name's last word, as person keys use it."""
    return fallback_key(fold(surface), EntityType.PERSON)


def _has_letter(tokens: list[Token]) -> bool:
    return any(ch.isalpha() for t in tokens for ch in t.text)


_WORD_BEFORE = re.compile(r"[\w'’-]+|[^\w\s]")


def after_agency_word(text: str, start: int) -> bool:
    """True when the name at ``start`` follows a news agency's word, past at most two fillers
    ("l'agence de presse Sana", "news agency SANA", "агентство Рейтер").

    Example:
        >>> text = "Aujourd'hui, l'agence Sana rapporte"
        >>> after_agency_word(text, text.index("Sana")), after_agency_word(text, 0)
        (True, False)
    """
    words = _WORD_BEFORE.findall(text[max(0, start - 80) : start])
    for word in reversed(words[-_AGENCY_LOOKBACK:]):
        low = word.lower()
        if low.startswith(("l'", "l’")):  # French elision: "l'agence"
            low = low[2:]
        if low in _AGENCY_WORDS:
            return True
        if low not in _AGENCY_FILLERS:
            return False
    return False


def _a_word_whole(word: str, language: str | None) -> bool:
    """Whether a word whose first letter could be a proclitic is more common whole than without it
    ("وكيل", agent, against "كيل"; not "وسوريا", and Syria, against "سوريا")."""
    return language is not None and zipf(word, language) > zipf(word[1:], language)
