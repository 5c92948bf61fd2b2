"""Fit the linear bridge from multilingual-e5-small's space into USE v3's space.

    uv run python scripts/train_bridge.py [--pairs PATH] [--cache PATH]

Articles in languages USE v3 was not trained on are embedded with e5 (about 100 languages) and
mapped into USE's space with this bridge, so they sit in the same index as every other article.
The map is fitted by ridge regression on texts in USE's own languages (the articles of SemEval
dev.csv, whole and sentence by sentence), where both models are good: e5's multilingual space
is language-agnostic, so a map fitted on ten languages carries over to the others
(`newsweave eval languages` measures how well, language by language).

Writes src/newsweave/analyze/models/e5_to_use_v1.npz (deterministic: sorted input, no sampling
randomness beyond a fixed seed).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import E5Embedder, UseEmbedder, fit_bridge
from newsweave.analyze.sentences import split_sentences
from newsweave.eval.semeval import default_pairs_csv, load_pairs

OUT = Path(__file__).resolve().parents[1] / "src" / "newsweave" / "analyze" / "models" / "e5_to_use_v1.npz"
SENTENCES = 6000


def training_texts(pairs_csv: Path) -> list[str]:
    """Every article of the file (first 2,000 characters) and a fixed sample of their sentences."""
    pairs = load_pairs(pairs_csv)
    articles = sorted({t for p in pairs for t in (p.text1, p.text2)})
    sentences = sorted({s for t in articles for s in split_sentences(t) if 30 <= len(s) <= 400})
    random.Random(0).shuffle(sentences)
    return [t[:2000] for t in articles] + sentences[:SENTENCES]


def main() -> None:
    """Embed the texts with both models (cached), fit, report held-out cosine, write the bridge."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=Path(".cache/bridge-vectors.npz"))
    args = parser.parse_args()
    if args.cache.exists():
        cached = np.load(args.cache)
        e5, use = cached["e5"], cached["use"]
    else:
        texts = training_texts(args.pairs or default_pairs_csv())
        print(f"embedding {len(texts)} texts with both models")
        use = UseEmbedder().embed(texts)
        e5 = np.concatenate([E5Embedder().embed(texts[i : i + 64]) for i in range(0, len(texts), 64)])
        args.cache.parent.mkdir(parents=True, exist_ok=True)
        np.savez(args.cache, e5=e5, use=use)
    order = np.random.default_rng(0).permutation(len(e5))
    held, train = order[: len(e5) // 10], order[len(e5) // 10 :]
    weights = fit_bridge(e5[train], use[train])
    mapped = _map(e5[held], weights)
    print(f"held-out cosine(mapped e5, USE): mean {np.mean(np.sum(mapped * use[held], 1)):.3f}")
    weights = fit_bridge(e5, use)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(OUT, weights=weights.astype(np.float16), trained_on=np.array(str(len(e5))))
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


def _map(x: np.ndarray, weights: np.ndarray) -> np.ndarray:
    y = np.hstack([x, np.ones((len(x), 1), x.dtype)]) @ weights
    return y / np.linalg.norm(y, axis=1, keepdims=True)


if __name__ == "__main__":
    main()
