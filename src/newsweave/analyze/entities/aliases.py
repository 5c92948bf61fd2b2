"""Curated entity aliases: a TOML file shipped with newsweave, extended by a file of the user's.

The format is documented at the top of ``newsweave/analyze/data/entity_aliases.toml``: one table
per canonical entity, with its ``name``, ``type``, ``aliases`` and optionally a ``geonames`` id.
"""

from __future__ import annotations

import logging
import os
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from newsweave.analyze.entities.text import fold, in_own_letters, is_acronym, stem_phrase, stem_phrase_variants
from newsweave.errors import ConfigError
from newsweave.records import EntityType

log = logging.getLogger(__name__)

CURATED_ALIASES = Path(__file__).resolve().parents[1] / "data" / "entity_aliases.toml"
ALIASES_ENV = "NEWSWEAVE_ENTITY_ALIASES"
# Acronyms and other very short names are matched exactly, never by their stem.
_MIN_STEMMED = 5
# Nor an alias written in Hangul, an abjad or ideographs (``in_own_letters``): its Latin folding is
# a reading no Slavic stemmer should cut, and cut, "시리아" (Syria, "silia") stems as "sil" like
# Russian "сила" (force), "силы".
_UNSTEMMED_SCRIPTS = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
# Scripts written without spaces between words: ideographs, kana, Thai.
_UNSPACED = re.compile("[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """One curated entity: its key, the name to show, its type and every spelling listed."""

    key: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    # Spellings met only in texts of one language, as (ISO 639-1 code, spelling): German news
    # writes the pandemic "Corona", English news a city in California.
    local_aliases: tuple[tuple[str, str], ...] = ()
    # The country an institution is of (ISO 3166-1 alpha-2, "US" for Congress): its name qualified
    # by another country ("Demokratische Partei Albaniens") is another institution.
    country: str | None = None
    # Its bare names are other countries' institutions' too ("Congress" is also India's party,
    # "Senat" Poland's senate, "Democratic Party" Italy's): such a name is this entry only in
    # an article that names ``country`` (``facts.with_country_scoped_aliases``).
    needs_country: bool = False


@dataclass
class AliasTable:
    """Aliases by folded form and by stemmed form, each pointing to its entry.

    A folded form that only spellings in an abjad, an Indic or Ethiopic script, ideographs, kana
    or Hangul bear (``own_letters_only``) is an alias only for a name written in those letters:
    Japanese "コロナ" (the pandemic) folds to "korona", as Polish "Korona" (the Crown, a football
    club) and Russian "Корона" do, and Arabic "كورونا" to "kwrwn". And a name written in those
    letters meets only the spellings written in them (``key_of``).
    """

    entries: dict[str, AliasEntry] = field(default_factory=dict)
    exact: dict[str, str] = field(default_factory=dict)
    stemmed: dict[str, str] = field(default_factory=dict)
    spelled: set[str] = field(default_factory=set)  # folded forms a spelling in another script bears
    own_spelled: set[str] = field(default_factory=set)  # folded forms a spelling in those scripts bears
    # Folded forms borne only by acronyms -> the scripts they are written in: "id" only by "ИД"
    # (the Islamic State in Bulgarian and Russian), which an English "ID" is not.
    acronyms: dict[str, set[str]] = field(default_factory=dict)
    worded: set[str] = field(default_factory=set)  # folded forms some spelling not an acronym bears
    local: dict[tuple[str, str], str] = field(default_factory=dict)  # (language, folded form) -> key
    _local_patterns: dict[str, re.Pattern[str] | None] = field(default_factory=dict, repr=False)

    @property
    def own_letters_only(self) -> set[str]:
        """The folded forms only spellings in the scripts of ``in_own_letters`` bear."""
        return self.exact.keys() - self.spelled

    def unspaced(self) -> list[tuple[str, AliasEntry]]:
        """The spellings written wholly in a script without spaces ("イスラム国", "伊斯兰国"), longest
        first, with their entries: such a text is searched for them, as no word boundary says
        where a name ends."""
        spellings = ((a, e) for e in self.entries.values() for a in (e.name, *e.aliases))
        found = {a: e for a, e in spellings if len(a) >= 2 and _UNSPACED.fullmatch(a)}
        return sorted(found.items(), key=lambda item: -len(item[0]))

    def add(self, entry: AliasEntry) -> None:
        """Index an entry under its name and aliases; a later entry wins a shared spelling."""
        self.entries[entry.key] = entry
        for language, alias in entry.local_aliases:
            self.local[(language, fold(alias))] = entry.key
        self._local_patterns.clear()
        for alias in (entry.name, *entry.aliases):
            folded = fold(alias)
            if not folded:
                continue
            held = self.exact.get(folded)
            if held is not None and held != entry.key:
                log.warning("alias %r of %s was %s's; the later entry keeps it", alias, entry.key, held)
            self.exact[folded] = entry.key
            if _spelt(alias):
                self.acronyms.setdefault(folded, set()).add(_script(alias))
            else:
                self.worded.add(folded)
            if in_own_letters(alias):
                self.own_spelled.add(folded)
                continue
            if _UNSTEMMED_SCRIPTS.search(alias):
                continue
            self.spelled.add(folded)
            if len(folded) >= _MIN_STEMMED:
                self.stemmed[stem_phrase(folded)] = entry.key

    def key_of(self, folded: str, written: str | None = None, *, derived: bool = False) -> str | None:
        """The key a folded name is exactly an alias of, given the name as ``written`` (None: a
        name in none of the scripts of ``own_letters_only``). A name in those scripts meets only
        spellings in them: Hindi "उस" (that) folds to "us", and was the United States. A form
        only acronyms bear is met by a name in capitals in an acronym's script, or by a word
        ``derived`` from it in that script ("игиловцы", IS fighters, of "ИГИЛ")."""
        own = bool(written and in_own_letters(written))
        if folded not in (self.own_spelled if own else self.spelled):
            return None
        if written is not None and folded in self.acronyms and folded not in self.worded:
            # "Is" opening a question is no IS, and an English "ID" no "ИД".
            capitals = derived or _spelt(written)
            if not capitals or _script(written) not in self.acronyms[folded]:
                return None
        return self.exact.get(folded)

    def local_spellings(self, language: str | None) -> re.Pattern[str] | None:
        """The spellings met only in ``language``'s texts, as written, as one pattern of whole
        words or of a hyphenated compound's first part ("Corona" of German "Corona-Krise", as
        the name a crisis is named after), or None."""
        if not language or not self.local:
            return None
        if language not in self._local_patterns:
            written = sorted({a for e in self.entries.values() for lang, a in e.local_aliases if lang == language})
            alternatives = "|".join(re.escape(a) for a in sorted(written, key=len, reverse=True))
            self._local_patterns[language] = re.compile(rf"(?<![\w-])(?:{alternatives})(?!\w)") if written else None
        return self._local_patterns[language]

    def in_language(self, written: str, language: str | None) -> AliasEntry | None:
        """The entry a name is a spelling of in texts of ``language`` only (exactly, folded)."""
        key = self.local.get((language, fold(written))) if language and self.local else None
        return self.entries.get(key) if key else None

    def find(self, folded: str, written: str | None = None, *, derived: bool = False) -> AliasEntry | None:
        """The entry a folded name is an alias of: exactly (``key_of``), else by its stemmed words."""
        key = self.key_of(folded, written, derived=derived)
        if key is None and len(folded) >= _MIN_STEMMED:
            key = next((k for s in stem_phrase_variants(folded) if (k := self.stemmed.get(s))), None)
        return self.entries.get(key) if key else None


def _spelt(name: str) -> bool:
    """An acronym by its letters alone ("США…" at a quotation's end, "U.S.")."""
    return is_acronym("".join(filter(str.isalpha, name)))


def _script(name: str) -> str:
    """The script of a name's first letter, by its Unicode name's first word ("LATIN", "CYRILLIC")."""
    letter = next((c for c in name if c.isalpha()), "")
    return unicodedata.name(letter, "").split(" ")[0]


def load_aliases(path: Path | None = None) -> AliasTable:
    """The curated aliases, then the user's (``path``, else ``$NEWSWEAVE_ENTITY_ALIASES``) on top.

    Raises:
        ConfigError: a file that cannot be read or does not follow the format.
    """
    table = AliasTable()
    _read_into(table, CURATED_ALIASES)
    user = path or (Path(os.environ[ALIASES_ENV]) if os.environ.get(ALIASES_ENV) else None)
    if user is not None:
        _read_into(table, user)
    return table


def _read_into(table: AliasTable, path: Path) -> None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read the alias file {path}: {e.strerror}", hint=f"check {ALIASES_ENV}") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path} is not valid TOML: {e}", hint="see entity_aliases.toml for the format") from e
    for table_name, spec in data.items():
        table.add(_entry(path, table_name, spec))


def _entry(path: Path, table_name: str, spec: object) -> AliasEntry:
    where = f"{path} [{table_name}]"
    if not isinstance(spec, dict):
        raise ConfigError(f"{where} is not a table", hint="write [name] then name, type and aliases lines")
    name, type_name, aliases = spec.get("name"), spec.get("type"), spec.get("aliases", [])
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where} has no name", hint='add name = "…"')
    try:
        entity_type = EntityType(str(type_name))
    except ValueError as e:
        raise ConfigError(f"{where} has type {type_name!r}", hint="use one of PER, ORG, LOC, PRO, EVT") from e
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise ConfigError(f"{where}: aliases must be a list of strings", hint='aliases = ["…", "…"]')
    geonames = spec.get("geonames")
    if geonames is not None and not isinstance(geonames, int):
        raise ConfigError(f"{where}: geonames must be an integer id", hint="geonames = 2921044")
    local = spec.get("aliases_in", {})
    if not isinstance(local, dict) or not all(
        isinstance(spellings, list) and all(isinstance(a, str) for a in spellings) for spellings in local.values()
    ):
        hint = 'aliases_in = { de = ["…"] }'
        raise ConfigError(f"{where}: aliases_in must map languages to lists of strings", hint=hint)
    country = spec.get("country")
    if country is not None and not (isinstance(country, str) and len(country) == 2 and country.isupper()):
        raise ConfigError(f"{where}: country must be a two-letter ISO code", hint='country = "US"')
    needs_country = spec.get("needs_country", False)
    if not isinstance(needs_country, bool) or (needs_country and country is None):
        raise ConfigError(f"{where}: needs_country must be true or false, with a country", hint="needs_country = true")
    key = f"geonames:{geonames}" if geonames is not None else f"alias:{table_name}"
    pairs = tuple((str(language), a) for language, spellings in local.items() for a in spellings)
    return AliasEntry(key, name.strip(), entity_type, tuple(aliases), pairs, country, needs_country)
