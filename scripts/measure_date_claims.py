"""How many numeric claims in real articles were dates, read as counts before ``date_spans``.

    uv run python scripts/measure_date_claims.py [--sample 40]

Reads every distinct text of SemEval-2022 Task 8 dev.csv (ten languages) twice, undated and
dated (anchor 2020-06-01): once with the claims reader blocking what ``analyze.times.date_spans``
finds (this release), once blocking only the dates ``time_expressions`` resolves (the release
before). Prints, per language, the claims this release no longer reads, and a random sample of
them with their context to check by hand.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from datetime import datetime

import newsweave.analyze.claims as claims_module
from newsweave.analyze.times import LANGUAGES, date_spans, time_expressions
from newsweave.eval.semeval import default_pairs_csv, load_pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=40)
    args = parser.parse_args()
    pairs = load_pairs(default_pairs_csv())
    texts = {p.text1: p.lang1 for p in pairs} | {p.text2: p.lang2 for p in pairs}
    removed: list[tuple[str, str, str, str]] = []
    for label, anchor in (("undated", None), ("dated", datetime(2020, 6, 1))):
        total: Counter[str] = Counter()
        gone: Counter[str] = Counter()
        for text, language in texts.items():
            before = read(text, language, anchor, lambda t, lang, a=anchor: resolved_dates(t, lang, a))
            after = read(text, language, anchor, date_spans)
            total[language] += len(before)
            for span in before.keys() - after.keys():
                gone[language] += 1
                context = text[max(0, span[0] - 30) : span[1] + 30].replace("\n", " ")
                removed.append((label, language, before[span], context))
        per_language = ", ".join(f"{lang} {gone[lang]}/{total[lang]}" for lang in sorted(total))
        print(f"{label}: {sum(gone.values())} of {sum(total.values())} claims no longer read ({per_language})")
    random.seed(7)
    for label, language, claim, context in random.sample(removed, min(args.sample, len(removed))):
        print(f"  {label:8} {language}  {claim!r:24} | {context}")


def read(text: str, language: str, anchor: datetime | None, blocker: object) -> dict[tuple[int, int], str]:
    """The claims of ``text`` by span, dates blocked by ``blocker``."""
    claims_module._parse.cache_clear()
    original = claims_module.date_spans
    claims_module.date_spans = blocker  # type: ignore[assignment]
    try:
        return {(c.start, c.end): c.text for c in claims_module.numeric_claims(text, language, anchor)}
    finally:
        claims_module.date_spans = original


def resolved_dates(text: str, language: str | None, anchor: datetime | None) -> list[tuple[int, int]]:
    """What the release before blocked: the dates its lexicon could resolve (a language outside
    the lexicon's was read with all of them, as ``None`` still is; CLDR's months came later)."""
    lexicon_language = language if language in LANGUAGES else None
    return [(t.start, t.end) for t in time_expressions(text, lexicon_language, anchor)]


if __name__ == "__main__":
    main()
