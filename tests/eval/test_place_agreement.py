"""eval places --translations: a translation's pins against its English original's."""

from __future__ import annotations

import json
from pathlib import Path

from newsweave.eval.place_agreement import evaluate_agreement, load_translations


def _write(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def test_pins_shared_with_the_english_original_are_counted_per_language(tmp_path: Path) -> None:
    cases = _write(tmp_path / "cases.jsonl", [
        {"document": "a", "language": "en", "title": "T", "text": "Paris and Lyon"},
        {"document": "a", "language": "de", "title": "T", "text": "Paris und Lion"},
        {"document": "b", "language": "en", "title": "T", "text": "Rome"},
        {"document": "z", "language": "de", "title": "T", "text": "no English original"},
    ])  # fmt: skip
    row = {"doc": "b", "language": "ar", "part": "test", "text": "روما ومصر", "names": []}
    names = _write(tmp_path / "names.jsonl", [row])
    english, translated = load_translations(names, cases)
    assert set(english) == {"a", "b"} and set(translated) == {"de", "ar"}
    ids = {"Paris": 1, "Lyon": 2, "Lion": 3, "Rome": 4, "روما": 4, "مصر": 5}

    def read(text: str, language: str) -> list[int]:
        return [i for word, i in ids.items() if word in text]

    rows = {r.language: r for r in evaluate_agreement(read, (names, cases))}
    de, ar, total = rows["de"], rows["ar"], rows["all"]
    assert (de.articles, de.pins, de.english_pins, de.shared) == (1, 2, 2, 1)  # Paris shared, "Lion" not Lyon
    assert (ar.pins, ar.shared, ar.precision, ar.recall) == (2, 1, 0.5, 1.0)
    assert (total.articles, total.pins, total.english_pins, total.shared) == (2, 4, 3, 2)
