"""Named entities: recognised in any language, keyed to one canonical entity across languages.

``EntityRecognizer().mentions(text, language)`` finds the names in a text (a CRF tagger over
word shape, affixes, context and a multilingual gazetteer) and keys each to its canonical
entity: ``alias:islamic-state`` for "IS", "ИГИЛ", "Daech" and "igilovtsy";
``geonames:174448`` for "Abu Kemal", "Al-Bukamal" and "Абу-Кемаля"; ``per:trmp`` for "Trump",
"Трампом" and "Тръмп". ``canonical_key`` keys a name without recognising it, and ``entity`` turns
a key back into a name to show with its aliases.
"""

from newsweave.analyze.entities.aliases import ALIASES_ENV, CURATED_ALIASES, AliasTable, load_aliases
from newsweave.analyze.entities.normalizer import Normalizer, canonical_key, entity
from newsweave.analyze.entities.recognizer import MODEL_PATH, EntityRecognizer

__all__ = [
    "ALIASES_ENV",
    "CURATED_ALIASES",
    "MODEL_PATH",
    "AliasTable",
    "EntityRecognizer",
    "Normalizer",
    "canonical_key",
    "entity",
    "load_aliases",
]
