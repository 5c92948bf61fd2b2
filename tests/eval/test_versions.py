"""The BSNLP split the version lines were chosen on: first articles per language and topic, then held out."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.eval.versions import bsnlp_topic_split


def test_bsnlp_topic_split_takes_the_first_of_each_language_and_topic_in_file_order(tmp_path: Path) -> None:
    rows = [{"id": f"{lang}-{topic}-{i}", "language": lang, "topic": topic, "title": "", "text": "x"}
            for i in range(5) for lang in ("cs", "pl") for topic in ("covid", "election")]  # fmt: skip
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    docs = bsnlp_topic_split(path, development=2, held_out=1)
    assert len(docs) == 12  # 3 of each of the 4 language-topic groups
    parts = {d["id"]: d["part"] for d in docs}
    assert parts["cs-covid-0"] == parts["cs-covid-1"] == "development"
    assert parts["cs-covid-2"] == "held-out" and "cs-covid-3" not in parts
