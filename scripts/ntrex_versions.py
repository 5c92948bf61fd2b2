#!/usr/bin/env python3
"""Build tests/data/link/ntrex_versions.jsonl from a copy of the NTREX-128 repository.

NTREX-128 (Microsoft, CC BY-SA 4.0) is the English source of the WMT19 news test set with
professional translations into 128 languages, one sentence a line, all files line-aligned, and
``DOCUMENT_IDS.tsv`` naming each line's news article. This script cuts the first ``--lines`` lines
into their articles and writes one JSON row per (article, language): the article's first line as
its title and the rest as its text, in paragraphs of ``PARAGRAPH`` sentences (a translation keeps
its original's paragraphs; the sentences inside a paragraph are left for the splitter to find).

    python scripts/ntrex_versions.py NTREX_DIR --lines 256 > tests/data/link/ntrex_versions.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from itertools import groupby
from pathlib import Path

# language code -> NTREX file suffix
FILES = {"en": "src.eng", "de": "ref.deu", "ru": "ref.rus", "zh": "ref.zho-CN", "cs": "ref.ces", "bg": "ref.bul"}
PARAGRAPH = 3
_NO_SPACES = {"zh", "ja"}  # scripts written without spaces between sentences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ntrex", type=Path, help="a copy of the NTREX repository")
    parser.add_argument("--lines", type=int, default=256, help="how many of the first lines to use")
    args = parser.parse_args()
    ids = (args.ntrex / "DOCUMENT_IDS.tsv").read_text("utf-8").splitlines()[: args.lines]
    for language, suffix in FILES.items():
        lines = (args.ntrex / "NTREX-128" / f"newstest2019-{suffix}.txt").read_text("utf-8").splitlines()
        position = 0
        for document, run in groupby(ids):
            size = len(list(run))
            article = [line.strip() for line in lines[position : position + size]]
            position += size
            if position > len(ids):
                break
            sys.stdout.write(json.dumps(_row(document, language, article), ensure_ascii=False) + "\n")


def _row(document: str, language: str, article: list[str]) -> dict[str, str]:
    glue = "" if language in _NO_SPACES else " "
    body = article[1:]
    paragraphs = [glue.join(body[i : i + PARAGRAPH]) for i in range(0, len(body), PARAGRAPH)]
    return {"document": document, "language": language, "title": article[0], "text": "\n".join(paragraphs)}


if __name__ == "__main__":
    main()
