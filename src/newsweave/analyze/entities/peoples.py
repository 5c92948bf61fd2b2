"""English words for peoples, faiths and languages, and the head nouns of organisations.

English capitalises what other languages write in lower case: the adjectives and member nouns
of faiths, peoples and regions ("several Islamic radicals", "Arab news agencies", "Muslims"),
languages ("Yiddish") and nationalities ("Palestinian detainees", "Nigerians"). The guidelines
name none of them (docs/entities.md, "The guidelines the annotators followed"), but a tagger
reading a capital after a lowercase word takes them for names, under any type ("Islamic" a
person, "Nigerians" an organisation). Alone, a faith's or people's word is dropped; a
nationality is read as its country (``Normalizer.canonical_key`` keys a demonym typed a place
as the country, as "Syrian" was already). Inside a longer name they stay ("Islamic State",
"Arab League", "Muslim Brotherhood").

Curated here rather than taken from a package: REST Countries' demonyms (the gazetteer's) hold
nationalities only, and no registry package lists the words for faiths and peoples.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Mapping

from newsweave.analyze.entities.person_names import looks_like_full_name
from newsweave.analyze.entities.text import fold
from newsweave.records import EntityType

# Folded, singular; a plural in "-s" is read the same. "Christian", "Jordan" or "Roma", which
# are also people's first names or places, are left out; a plural with no such reading stays in.
GROUP_WORDS = frozenset({
    # faiths and their currents
    "muslim", "moslem", "islamic", "islamist", "jihadist", "jihadi", "salafist", "salafi", "wahhabi",
    "jew", "jewish", "judaic", "zionist", "haredi", "hasidic", "chasidic", "hasid", "chasid",
    "christians", "catholic", "protestant", "evangelical", "lutheran", "anglican", "methodist", "mormon",
    "hindu", "sikh", "buddhist", "sunni", "shia", "shiite", "alawite", "druze", "yazidi", "copt", "coptic",
    # peoples without a country of their name
    "arab", "kurd", "kurdish", "pashtun", "baloch", "uyghur", "uighur", "rohingya", "berber", "bedouin",
    "latino", "latina", "hispanic", "slav", "slavic", "caucasian", "aboriginal",
    # continents and world regions as adjectives
    "western", "westerner", "european", "african", "asian", "scandinavian", "nordic", "balkan",
    "arabic",
    # languages that name no country's people
    "english", "yiddish", "hebrew", "afrikaans", "swahili", "urdu", "hindi", "mandarin", "cantonese",
})  # fmt: skip

# Common nouns English capitalises for the body it means ("the City will receive", "the
# Government said", "the Council"): alone, generic, no name (the guidelines' "generic phrases").
# "House", "Senate", "Congress" and "Parliament" alone name one body, and stay.
GENERIC_NOUNS = frozenset({
    "city", "county", "state", "court", "department", "government", "council", "board", "committee",
    "commission", "agency", "ministry", "police", "army", "navy", "university", "college", "school",
    "church", "party", "union", "federation", "district", "township", "village", "town", "bureau",
    "office", "cabinet", "administration", "company", "corporation", "authority", "institute",
    "foundation", "association",
})  # fmt: skip

# The head nouns of English organisations' names: a name of two words or more ending in one
# (or in one before "of": "Armed Forces of Iraq", "Ministry of Defence") is an organisation.
ORGANISATION_HEADS = frozenset({
    "forces", "army", "navy", "ministry", "department", "committee", "council", "commission", "agency",
    "police", "court", "party", "corporation", "company", "association", "institute", "authority",
    "bureau", "federation", "foundation", "organization", "organisation", "coalition", "tribunal",
    "parliament", "assembly", "cabinet", "administration", "university", "inc", "ltd", "llc", "bank",
})  # fmt: skip


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def is_group_word(surface: str) -> bool:
    """Whether an English name of one word is a faith's, a people's, a region's or a language's
    word ("Islamic", "Muslims", "Arab", "Western", "Yiddish")."""
    word = fold(surface)
    return " " not in word and (word in GROUP_WORDS or _singular(word) in GROUP_WORDS)


def demonym_of(surface: str, demonyms: Mapping[str, int], place_names: Container[str]) -> int | None:
    """The country (its GeoNames id) of an English nationality's adjective or member noun of one
    word ("Iraqi", "Germans"), or None; the plural of a demonym that a place bears is the place."""
    word = fold(surface)
    if word in demonyms:
        return demonyms[word]
    if word.endswith("s") and word not in place_names:
        return demonyms.get(word[:-1])
    return None


def organisation_head(surface: str) -> bool:
    """Whether an English name of two words or more ends in an organisation's head noun, or has
    one right before "of"."""
    words = fold(surface).split(" ")
    if len(words) < 2:
        return False
    head = words[words.index("of", 1) - 1] if "of" in words[1:] else words[-1]
    return head in ORGANISATION_HEADS


Span = tuple[int, int, EntityType, float]


def read_english(
    text: str,
    spans: list[Span],
    demonyms: Mapping[str, int],
    place_names: Container[str],
    curated: Callable[[str], bool],
) -> list[Span]:
    """English spans without faiths' and peoples' words or generic nouns ("the City"), a
    nationality typed a place (its country's key follows), an organisation's head noun typing
    its name, and a first name and a surname typing a person's ("Elizabeth Fairfield"; not a
    place's or a ``curated`` alias's whole name: "Hong Kong", "Virginia Beach")."""
    out = []
    for start, end, etype, score in spans:
        surface = text[start:end]
        if is_group_word(surface) or surface.casefold() in GENERIC_NOUNS:
            continue
        if demonym_of(surface, demonyms, place_names) is not None:
            etype = EntityType.LOCATION
        elif etype is not EntityType.ORGANIZATION and organisation_head(surface):
            etype = EntityType.ORGANIZATION
        elif (
            etype is not EntityType.PERSON
            and looks_like_full_name(surface)
            and fold(surface) not in place_names
            and not curated(surface)
        ):
            etype = EntityType.PERSON
        out.append((start, end, etype, score))
    return out
