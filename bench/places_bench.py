"""Place geocoding speed: gazetteer load time, and milliseconds per article after loading.

Articles are the geoparsing benchmark's news texts (TR-News, LGL) cut or joined to about 3,000
characters, plus the three seeds; each is geocoded once to warm the caches, then timed.

    uv run python bench/places_bench.py                 # all articles
    uv run python bench/places_bench.py --limit 100
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from pathlib import Path

from newsweave.analyze.places import Geocoder

ROOT = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE_CHARS = 3000


def _articles(limit: int | None) -> list[tuple[str, str]]:
    texts: list[tuple[str, str]] = []
    docs = ROOT / "benchmarks" / "geoparsing" / "docs.jsonl"
    pool = ""
    for line in docs.read_text(encoding="utf-8").split("\n"):
        if line.strip():
            pool += json.loads(line)["text"] + "\n"
            if len(pool) >= ARTICLE_CHARS:
                texts.append((pool[:ARTICLE_CHARS], "en"))
                pool = ""
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        language = "fr" if seed.name.startswith("002") else "ru" if seed.name.startswith("001") else "en"
        texts.append((seed.read_text(encoding="utf-8", errors="replace")[:ARTICLE_CHARS], language))
    return texts[:limit] if limit else texts


def main() -> None:
    """Print the load time and per-article milliseconds (mean, median, 95th percentile)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    articles = _articles(args.limit)
    geocoder = Geocoder()
    start = time.perf_counter()
    _ = geocoder.gazetteer
    load = time.perf_counter() - start
    for text, language in articles:  # warm: wordfreq lists, CLDR calendars, fold cache
        geocoder.places(text, language)
    times, places = [], 0
    cpu_start = time.process_time()
    for text, language in articles:
        start = time.perf_counter()
        places += len(geocoder.places(text, language))
        times.append((time.perf_counter() - start) * 1000)
    cpu_ms = (time.process_time() - cpu_start) * 1000 / len(articles)
    times.sort()
    print(f"gazetteer load: {load:.2f} s")
    print(
        f"{len(articles)} articles of ~{ARTICLE_CHARS} chars · {places / len(articles):.1f} places each · "
        f"mean {statistics.fmean(times):.2f} ms · median {statistics.median(times):.2f} ms · "
        f"p95 {times[int(0.95 * (len(times) - 1))]:.2f} ms per article (wall) · {cpu_ms:.2f} ms CPU per article"
    )
    print(
        f"(the machine's load average was {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores: wall times grow with it)"
    )


if __name__ == "__main__":
    main()
