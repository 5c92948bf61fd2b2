"""Train the shipped entity tagger on every BSNLP 2021 document (both topics) and on the training
part of the SemEval names (``newsweave.eval.entities.semeval_names``: English, German, Spanish,
French, Italian, Turkish, Arabic, and Polish and Russian news beside BSNLP's; the Chinese
development texts are only scored; read from SemEval-2022 Task 8's dev.csv, which must be found;
their test part is never trained on).

    uv run python scripts/train_entity_crf.py [--data DIR] [--out PATH]

Writes src/newsweave/analyze/entities/models/entities.crfsuite (deterministic: L-BFGS from zero
weights, documents in file order). The figures to quote for it are the cross-topic ones from
`newsweave eval entities`, which trains the same way on one topic and tests on the other; the
shipped model has seen both topics, so any figure it gets on BSNLP is in-sample. Its figures in
the SemEval names' languages: `newsweave eval entities --semeval` (held out).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from newsweave.analyze.entities.recognizer import MODEL_PATH
from newsweave.analyze.entities.training import train
from newsweave.eval.entities import default_data_dir, load, training_docs


def main() -> None:
    """Train on every document of the benchmark folder and write the model."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    docs, gold = load(args.data or default_data_dir())
    texts = training_docs(docs, gold, required=True)  # the shipped model is trained with the SemEval names
    sequences = train(texts, args.out)
    size = args.out.stat().st_size // 1024
    print(
        f"{len(texts)} texts learnt (those of the SemEval languages three times each), {sequences} sequences"
        f" -> {args.out} ({size} KiB)"
    )


if __name__ == "__main__":
    main()
