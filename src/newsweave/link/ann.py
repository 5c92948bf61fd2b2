"""Approximate nearest neighbours over unit vectors (usearch), exact below a small size.

The rest of newsweave never imports usearch: it asks this index for the k most similar keys.
The graph can be saved next to the store and reused, so opening a store of a million articles
does not mean inserting a million vectors again (inserting costs about 0.5 ms a vector at 100k).

The graph is the same whatever the history of the process that grew it, so linking decides the
same after a restart: vectors are inserted on one thread, in key order, and every
``CHECKPOINT_EVERY`` keys the graph is saved and reloaded (usearch draws each node's level from
a generator that a reload resets; resetting it at fixed key counts makes the graph a function
of the vectors alone). A reopened index starts from the last such checkpoint, never from a graph
saved in between, and inserts the rest as an uninterrupted run did.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

# Below this many vectors a matrix product is faster than walking a graph.
EXACT_BELOW = 2000
# Keys between two checkpoints of the graph: the most a reopened index inserts again (~5 s at
# 0.5 ms a vector), and a save and reload of the graph every this many links (~0.1 ms a link).
CHECKPOINT_EVERY = 10_000


class VectorIndex:
    """Cosine k-nearest-neighbour search over integer keys.

    Example:
        >>> index = VectorIndex(2)
        >>> index.add(7, np.array([1.0, 0.0]))
        >>> index.add(9, np.array([0.0, 1.0]))
        >>> [key for key, _ in index.search(np.array([0.9, 0.1]), 1)]
        [7]
    """

    def __init__(
        self,
        dim: int,
        *,
        checkpoint: Path | None = None,
        exact_below: int = EXACT_BELOW,
        checkpoint_every: int = CHECKPOINT_EVERY,
    ) -> None:
        if dim < 1:
            raise ValueError(f"dim must be positive, got {dim}")
        if not 0 < exact_below <= checkpoint_every:
            raise ValueError(f"need 0 < exact_below <= checkpoint_every, got {exact_below} and {checkpoint_every}")
        self.dim = dim
        self.checkpoint = checkpoint  # where each checkpoint of the graph is written, if anywhere
        self.exact_below = exact_below
        self.checkpoint_every = checkpoint_every
        self._keys: list[int] = []
        # Below ``exact_below``: the vectors in the first rows of a buffer that doubles as it
        # fills, so a search right after an add reads them without stacking them all again (as
        # it did at every link of a store that small).
        self._rows = np.empty((0, dim), dtype=np.float32)
        self._ann: Any = None

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: int, vector: np.ndarray) -> None:
        """Index one unit vector under ``key``."""
        vector = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        self._keys.append(key)
        if self._ann is not None:
            self._ann.add(key, vector, threads=1)
        else:
            self._append(vector)
            if len(self._keys) >= self.exact_below:
                self._to_graph()
        if self._ann is not None and len(self._keys) % self.checkpoint_every == 0:
            self._checkpoint()

    @classmethod
    def from_vectors(
        cls,
        vectors: np.ndarray,
        saved: Path | None = None,
        *,
        exact_below: int = EXACT_BELOW,
        checkpoint_every: int = CHECKPOINT_EVERY,
    ) -> VectorIndex:
        """An index over ``vectors`` (keys 0, 1, …), the same as one grown by ``add`` one by one:
        it starts from the checkpoint saved at ``saved`` when that holds the first of them, and
        inserts the rest (writing new checkpoints there as it passes them).

        Example:
            >>> vectors = np.eye(3, dtype=np.float32)
            >>> VectorIndex.from_vectors(vectors).search(np.array([0.0, 1.0, 0.0]), 1)
            [(1, 1.0)]
        """
        index = cls(vectors.shape[1], checkpoint=saved, exact_below=exact_below, checkpoint_every=checkpoint_every)
        if len(vectors) < exact_below:
            for key, vector in enumerate(vectors):
                index.add(key, vector)
            return index
        restored = _restore(saved, vectors, checkpoint_every) if saved else None
        if restored is None:
            index._keys = list(range(exact_below))
            index._rows = np.array(vectors[:exact_below], dtype=np.float32)
            index._to_graph()
            if exact_below % checkpoint_every == 0:
                index._checkpoint()
        else:
            index._ann = restored
            index._keys = list(range(len(restored)))
        while len(index._keys) < len(vectors):
            start = len(index._keys)
            stop = min(len(vectors), (start // checkpoint_every + 1) * checkpoint_every)
            # One thread, in key order: the same graph as inserting them one at a time.
            index._ann.add(np.arange(start, stop, dtype=np.uint64), vectors[start:stop], threads=1)
            index._keys.extend(range(start, stop))
            if stop % checkpoint_every == 0:
                index._checkpoint()
        return index

    def save(self, path: Path) -> bool:
        """Write the graph to ``path`` (atomically) if it stands at a checkpoint; False otherwise
        (a graph between checkpoints could not be continued as an uninterrupted run would)."""
        if self._ann is None or len(self._keys) % self.checkpoint_every:
            return False
        _write(path, self._ann.save())
        return True

    def search(self, vector: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` most similar keys with their cosine similarity, best first."""
        if not self._keys or k < 1:
            return []
        vector = np.asarray(vector, dtype=np.float32).reshape(self.dim)
        if self._ann is not None:
            matches = self._ann.search(vector, min(k, len(self._keys)))
            return [(int(key), float(1.0 - dist)) for key, dist in zip(matches.keys, matches.distances, strict=True)]
        sims = self._rows[: len(self._keys)] @ vector
        top = np.argsort(-sims)[:k]
        return [(self._keys[i], float(sims[i])) for i in top]

    def _checkpoint(self) -> None:
        """Save and reload the graph (resetting usearch's level generator), writing it out if asked."""
        data = self._ann.save()
        if self.checkpoint is not None:
            try:
                _write(self.checkpoint, data)
            except OSError as e:  # a read-only folder: the next opening rebuilds the graph instead
                log.warning("cannot save the vector index to %s: %s", self.checkpoint, e)
        self._ann = _new_graph(self.dim)
        self._ann.load(data)

    def _to_graph(self) -> None:
        self._ann = _new_graph(self.dim)
        # One thread: inserted in key order, the graph (and so every later search) is the same on
        # every run; several threads insert in a racing order and the neighbours found can differ.
        self._ann.add(np.array(self._keys, dtype=np.uint64), self._rows[: len(self._keys)], threads=1)
        self._rows = np.empty((0, self.dim), dtype=np.float32)

    def _append(self, vector: np.ndarray) -> None:
        count = len(self._keys)  # the new key is counted already
        if count > len(self._rows):
            grown = np.empty((max(16, 2 * len(self._rows)), self.dim), dtype=np.float32)
            grown[: len(self._rows)] = self._rows
            self._rows = grown
        self._rows[count - 1] = vector


class LanguageIndexes:
    """One ``VectorIndex`` per language, over article ids: the nearest articles of a given language
    (the static route's cascade looks for a translation among its own language's articles, where
    whole-text static vectors keep it; docs/languages.md).

    ``checkpoint`` is the main index's checkpoint path: each language's graph is checkpointed
    beside it (``<path>.<language>``), so reopening a store restores them instead of inserting
    every vector again (0.3 ms a vector: 9 s for 30k articles).
    """

    def __init__(self, dim: int, checkpoint: Path | None = None) -> None:
        self.dim = dim
        self.checkpoint = checkpoint
        self._indexes: dict[str | None, tuple[VectorIndex, list[str]]] = {}

    @classmethod
    def from_articles(
        cls, dim: int, articles: Iterable[tuple[str, str | None, np.ndarray]], checkpoint: Path | None = None
    ) -> LanguageIndexes:
        """Indexes over (article id, language, vector) in link order, each the same as one grown
        by ``add`` one by one (``VectorIndex.from_vectors``)."""
        grouped: dict[str | None, list[tuple[str, np.ndarray]]] = {}
        for article_id, language, vector in articles:
            grouped.setdefault(language, []).append((article_id, vector))
        out = cls(dim, checkpoint)
        for language, rows in grouped.items():
            index = VectorIndex.from_vectors(np.stack([v for _, v in rows]), out._path(language))
            out._indexes[language] = (index, [article_id for article_id, _ in rows])
        return out

    def add(self, article_id: str, language: str | None, vector: np.ndarray) -> None:
        """Index an article's vector under its language."""
        if language not in self._indexes:
            self._indexes[language] = (VectorIndex(self.dim, checkpoint=self._path(language)), [])
        index, ids = self._indexes[language]
        index.add(len(ids), vector)
        ids.append(article_id)

    def languages(self) -> list[str | None]:
        """The languages indexed so far, in the order first seen."""
        return list(self._indexes)

    def search(self, language: str | None, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        """The ``k`` articles of ``language`` nearest to ``vector``, with their cosine."""
        index, ids = self._indexes[language]
        return [(ids[key], similarity) for key, similarity in index.search(vector, k)]

    def _path(self, language: str | None) -> Path | None:
        if self.checkpoint is None:
            return None
        return self.checkpoint.with_name(f"{self.checkpoint.name}.{_SAFE.sub('_', language or 'und')}")


_SAFE = re.compile(r"[^A-Za-z0-9_-]")


def _new_graph(dim: int) -> Any:
    # ONNX Runtime's extension crashes the process (SIGSEGV) when it is loaded after usearch's
    # (onnxruntime 1.32, usearch 2.26 on Linux); the other way round both work. A process that
    # opens an index before it embeds (a test of linking alone did) loads ONNX Runtime first.
    import onnxruntime  # noqa: F401
    from usearch.index import Index

    # Half-precision vectors and a narrower construction search: measured here on 100k clustered
    # 512-d vectors, recall@10 0.994 (exact search as truth), a third of f32's insert time and
    # half its memory, so the cost per linked article grows less with the store.
    return Index(ndim=dim, metric="cos", dtype="f16", expansion_add=64)


def _write(path: Path, data: bytes | bytearray) -> None:
    partial = path.with_name(path.name + ".partial")
    partial.write_bytes(data)
    partial.replace(path)


def _restore(path: Path, vectors: np.ndarray, checkpoint_every: int) -> Any:
    """A checkpoint if it holds exactly keys 0 … m-1 with these vectors (m <= len, m a multiple of
    ``checkpoint_every``), else None."""
    if not path.is_file():
        return None
    try:
        graph = _new_graph(vectors.shape[1])
        graph.load(str(path))
    except (OSError, RuntimeError, ValueError) as e:
        log.warning("ignoring the saved vector index %s: %s", path, e)
        return None
    count = len(graph)
    if count > len(vectors) or count == 0 or count % checkpoint_every:
        return None
    probes = np.unique(np.linspace(0, count - 1, num=min(count, 32)).astype(np.uint64))
    try:
        stored = np.asarray(graph.get(probes), dtype=np.float32)
    except (TypeError, ValueError):  # a key it does not hold
        stored = np.zeros(0, dtype=np.float32)
    if stored.shape != (len(probes), vectors.shape[1]) or not np.allclose(stored, vectors[probes], atol=2e-3):
        log.warning("the saved vector index %s does not match the store; rebuilding it", path)
        return None
    return graph
