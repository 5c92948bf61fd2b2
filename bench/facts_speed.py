"""CPU ms per article of each facts reader (names, places, dates, claims), and a dump of their output.

Two mixes: the SemEval-built articles of ``link_bench.articles`` (ten of USE's languages, ~3,000
characters each) and the BSNLP 2021 documents (six Slavic languages). Each article is read by
``FactAnalyzer.read`` as ingest reads it, with each reader timed in CPU time (process_time), so that
other work on a shared machine does not count. Every language's models are loaded before timing.

``--dump FILE`` writes every article's facts (mentions, places, dates, claims, entities) and the
figures linking reads of it (with no language, every language's date words: a worker's share of
linking, timed apart) as JSON, so that a change meant only to make the readers faster can be
checked to leave their output byte-identical (``cmp`` two dumps). ``--profile`` prints a
cProfile of the timed pass instead.

    uv run python bench/facts_speed.py [--semeval 300] [--bsnlp-per-language 50] [--dump facts.json]

``--long`` instead times the claims reader on texts of about 90,000 characters with no full stop
(a dump, a table pasted as one line), where a reader that tries every figure for every word goes
quadratic: seconds each, not minutes.

To compare with an older commit in one sitting (CPU time on a shared machine drifts by 10 % from
run to run: alternate the two, several times), run the same script over that commit's sources:

    git archive <commit> src | tar -x -C /tmp/old
    PYTHONPATH=/tmp/old/src uv run python bench/facts_speed.py --dump old.json && cmp old.json new.json
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import pstats
import sys
import time
from collections.abc import Callable
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from link_bench import _warm_up_articles, articles, bsnlp_articles

from newsweave.analyze.facts import FactAnalyzer
from newsweave.records import Article, DatePrecision, DateSource, Provenance, PublicationDate

COMPONENTS = ("mentions", "places", "times", "claims")


def _as_article(i: int, doc: dict[str, str]) -> Article:
    day = datetime.fromisoformat(doc["date"]) if doc.get("date") else None
    published = PublicationDate(day, DatePrecision.DAY, DateSource.META) if day else None
    return Article(f"{i:064x}", doc["title"], (doc["text"],), Provenance("bench"), "bench",
                   language=doc["language"], published=published)  # fmt: skip


def _timed(clock: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            clock[name] += time.process_time() - start

    return wrapper


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def run(docs: list[dict[str, str]], profile: bool) -> tuple[dict[str, float], float, list[Any]]:
    """Read ``docs``; return CPU seconds per reader (and linking's own read of their figures,
    ``link_claims``), total CPU seconds of the facts, and the read facts."""
    from newsweave.analyze import times
    from newsweave.analyze.claims import _parse

    analyzer = FactAnalyzer()
    for warm in _warm_up_articles(docs):  # models load once per process: not timed
        analyzer.read(warm)
    _parse.cache_clear()  # the warm-up articles are among the timed ones: no cached reads
    if hasattr(times, "_time_expressions"):
        times._time_expressions.cache_clear()
    clock = dict.fromkeys(COMPONENTS, 0.0)
    mentions, places = analyzer.mention_finder(), analyzer.place_finder()
    analyzer._mentions = type("M", (), {"mentions": staticmethod(_timed(clock, "mentions", mentions.mentions)),
                                        "entity": staticmethod(mentions.entity),
                                        "languages": getattr(mentions, "languages", frozenset())})()  # fmt: skip
    analyzer._places = type("P", (), {"places": staticmethod(_timed(clock, "places", places.places))})()
    times, claims = analyzer.time_finder(), analyzer.claim_finder()
    analyzer._times = _timed(clock, "times", times)
    analyzer._claims = _timed(clock, "claims", claims)
    batch = [_as_article(i, d) for i, d in enumerate(docs)]
    profiler = cProfile.Profile() if profile else None
    start = time.process_time()
    if profiler:
        profiler.enable()
    read = [analyzer.read(a) for a in batch]
    if profiler:
        profiler.disable()
        pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(45)
    total = time.process_time() - start
    linked = _linking_claims(batch, clock)
    return clock, total, [(facts, figures) for facts, figures in zip(read, linked, strict=True)]


def _linking_claims(batch: list[Article], clock: dict[str, float]) -> list[Any]:
    """What linking reads of each text's figures (``link.evidence.claims``: no language, so every
    language's date words), timed into ``clock["link_claims"]``: a worker's share of linking."""
    from newsweave.link.evidence import _claims

    start = time.process_time()
    read = [_claims.__wrapped__(a.text, None) for a in batch]
    clock["link_claims"] = time.process_time() - start
    return read


# One long "sentence" each, of the shapes whose reading once went quadratic (docs/claims.md, facts-31).
LONG_TEXTS = {
    "figures and actions": "5 people died and 3 people were injured and ",
    "respectively": "Infections and deaths rose to 9 and 3, respectively, ",
    "ranges": "from 300 to 500 and from 6 to 8 ",
}


def long_texts(characters: int = 90_000) -> None:
    """Print the claims reader's CPU seconds on each of ``LONG_TEXTS`` repeated to ``characters``."""
    from newsweave.analyze.claims import numeric_claims

    numeric_claims("Warm up: 5 people died.", "en")
    for name, unit in LONG_TEXTS.items():
        text = (unit * (characters // len(unit) + 1))[:characters]
        start = time.process_time()
        found = numeric_claims(text, "en")
        print(f"{name:20} {len(text)} characters, {len(found)} claims: {time.process_time() - start:6.2f} s CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--semeval", type=int, default=300, help="SemEval-built articles (0: none)")
    parser.add_argument("--bsnlp-per-language", type=int, default=50, help="BSNLP docs per language (0: none)")
    parser.add_argument("--dump", type=Path, help="write every article's facts here as JSON")
    parser.add_argument("--profile", action="store_true", help="print a cProfile of each timed pass")
    parser.add_argument("--long", action="store_true", help="instead: the claims reader on 90,000-character texts")
    args = parser.parse_args()
    if args.long:
        long_texts()
        return
    mixes = []
    if args.semeval:
        mixes.append(("semeval", articles(args.semeval)))
    if args.bsnlp_per_language:
        mixes.append(("bsnlp", bsnlp_articles(args.bsnlp_per_language)))
    dump: dict[str, Any] = {}
    for name, docs in mixes:
        clock, total, read = run(docs, args.profile)
        n = len(docs)
        parts = "  ".join(f"{k} {1000 * v / n:6.2f}" for k, v in clock.items() if k != "link_claims")
        print(f"{name:8} {n} articles, CPU ms/article: total {1000 * total / n:6.2f}  {parts}"
              f"  (linking's claims, no language: {1000 * clock['link_claims'] / n:6.2f})", flush=True)  # fmt: skip
        dump[name] = [_jsonable(r) for r in read]
    if args.dump:
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=0, sort_keys=True), encoding="utf-8")


if __name__ == "__main__":
    main()
