"""Rewrite tests/data/textdump/*.expected.json from the current extractor, for review as a diff.

uv run python scripts/regen_expected.py
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from extract.test_textdump import CASES, extract, summary  # noqa: E402


def main() -> None:
    """Write one expected file per capture; body ends are cut to their first/last 60 characters."""
    argparse.ArgumentParser(description=__doc__).parse_args()  # so that --help does not rewrite them
    for path in sorted(CASES.glob("*.txt")):
        data = summary(extract(path))
        data["body_first"] = data["body_first"][:60]
        data["body_last"] = data["body_last"][-60:]
        out = path.with_suffix(".expected.json")
        out.write_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
