"""Time per article of the facts readers: dates in the text, and numeric claims (with their dates).

Articles are ~3,000 characters, built as in ``link_bench.py`` from the SemEval-2022 Task 8 texts
(real news in ten languages). Every language's lexicons and lemma dictionaries are loaded before
timing (simplemma loads a dictionary per language on first use: a one-off cost, printed apart).
One core, one process; CPU time (process_time), so that other work on a shared machine does not count.

    uv run python bench/facts_bench.py [--articles 400]
    uv run python bench/facts_bench.py --startup     # what a new process pays before its first article
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_bench import articles

from newsweave.analyze.claims import _parse, numeric_claims
from newsweave.analyze.times import time_expressions


def startup() -> None:
    """CPU seconds a new process spends loading the facts readers' data, and what a cache saves.

    The entity recogniser's name index is timed built, and loaded from the shared build cache
    (analyze.build_cache) as the place gazetteer is; the word frequencies and the lemma
    dictionaries open as the tries built once per machine.
    """
    import tempfile

    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES

    from newsweave.analyze.build_cache import cached_build
    from newsweave.analyze.entities import gazetteer as entity_gazetteer
    from newsweave.analyze.entities.lemmas import lemmatizer
    from newsweave.analyze.places.gazetteer import load_gazetteer
    from newsweave.analyze.word_frequencies import frequency_trie

    start = time.process_time()
    load_gazetteer()
    print(f"place gazetteer, from its cache:            {time.process_time() - start:5.2f} s")
    build = entity_gazetteer._build
    start = time.process_time()
    build()
    print(f"entity name index, built (once per machine):  {time.process_time() - start:5.2f} s")
    with tempfile.TemporaryDirectory() as tmp:
        sources = entity_gazetteer._SOURCES
        cached_build("entity-gazetteer", 1, sources, build, entity_gazetteer.Gazetteer, Path(tmp))
        start = time.process_time()
        cached_build("entity-gazetteer", 1, sources, build, entity_gazetteer.Gazetteer, Path(tmp))
        print(f"entity name index, from the build cache:    {time.process_time() - start:5.2f} s")
    languages = sorted({d["language"] for d in articles(20)})
    start = time.process_time()
    for language in languages:
        frequency_trie(language)
    print(f"word frequencies (places), {len(languages)} languages, tries: {time.process_time() - start:5.2f} s")
    lemmatized = [lang for lang in languages if lang in SUPPORTED_LANGUAGES]
    start = time.process_time()
    for language in lemmatized:
        lemmatizer().lemmatize("word", lang=language)
    print(f"lemma dictionaries (simplemma, tries), {len(lemmatized)} languages: {time.process_time() - start:5.2f} s")


def main() -> None:
    """Print ms/article for dates alone and for claims (which read dates too)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--startup", action="store_true", help="time loading the readers' data instead")
    args = parser.parse_args()
    if args.startup:
        startup()
        return
    n = args.articles
    docs = [(d["text"], d["language"], datetime.fromisoformat(d["date"])) for d in articles(n)]
    start = time.process_time()
    for text, language, anchor in docs:  # loads lexicons and lemma dictionaries
        numeric_claims(text, language, anchor)
    print(f"first pass (loads every language's dictionaries): {time.process_time() - start:.1f} s, "
          f"peak memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")  # fmt: skip
    _parse.cache_clear()
    start = time.process_time()
    times = sum(len(time_expressions(text, language, anchor)) for text, language, anchor in docs)
    t_times = (time.process_time() - start) / n
    start = time.process_time()
    claims = sum(len(numeric_claims(text, language, anchor)) for text, language, anchor in docs)
    t_claims = (time.process_time() - start) / n
    chars = sum(len(text) for text, _, _ in docs) / n
    print(f"{n} articles, {chars:.0f} characters on average, languages: {sorted({d[1] for d in docs})}")
    print(f"dates:               {1000 * t_times:.2f} ms/article ({times / n:.1f} dates/article)")
    print(f"claims (with dates): {1000 * t_claims:.2f} ms/article ({claims / n:.1f} claims/article)")


if __name__ == "__main__":
    main()
