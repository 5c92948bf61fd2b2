"""Near-duplicate texts: MinHash signatures of word shingles, and an LSH index over them (datasketch)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from datasketch import LeanMinHash

NUM_PERM = 128
_SEED = 1
_SCHEME = "affine32"  # stated, so stored signatures stay comparable across datasketch releases
_WORD = re.compile(r"\w+", re.UNICODE)
_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")  # ja, zh, ko, th


def _tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKC", text).casefold()
    if len(_NO_SPACES.findall(folded[:2000])) > 200:
        letters = [ch for ch in folded if ch.isalnum()]
        return ["".join(letters[i : i + 3]) for i in range(max(1, len(letters) - 2))]
    return _WORD.findall(folded)


def shingles(text: str, k: int = 5) -> set[bytes]:
    """Word ``k``-shingles of normalised text (character trigrams for scripts without spaces).

    Example:
        >>> len(shingles("The army, said “the” minister, took the town", k=3))
        6
    """
    tokens = _tokens(text)
    if len(tokens) < k:
        return {" ".join(tokens).encode()} if tokens else set()
    return {" ".join(tokens[i : i + k]).encode() for i in range(len(tokens) - k + 1)}


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64[NUM_PERM]) of a text; stable across processes."""
    from datasketch import MinHash  # here: datasketch imports scipy (0.25 s), which reading commands never need

    minhash = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    minhash.update_batch(list(shingles(text)))
    return np.asarray(minhash.hashvalues, dtype=np.uint64)


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if a.shape != b.shape:
        raise ValueError(
            f"signatures differ in length ({a.shape[0]} vs {b.shape[0]}); were they made with one num_perm?"
        )
    return float(np.mean(a == b))


class DuplicateIndex:
    """Finds stored texts whose estimated Jaccard similarity to a query passes ``threshold``."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        from datasketch import MinHashLSH

        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._size = 0

    @classmethod
    def build(cls, entries: Iterable[tuple[str, np.ndarray]], threshold: float = 0.8) -> DuplicateIndex:
        """An index over stored (article id, signature) pairs."""
        index = cls(threshold)
        for key, sig in entries:
            index.add(key, sig)
        return index

    def add(self, key: str, sig: np.ndarray) -> None:
        """Index one signature (a key already present is ignored)."""
        if key in self._lsh:
            return
        self._lsh.insert(key, _lean(sig))
        self._size += 1

    def query(self, sig: np.ndarray) -> list[str]:
        """Keys of indexed texts that are probably near-duplicates of ``sig``'s text."""
        return sorted(self._lsh.query(_lean(sig)))

    def __len__(self) -> int:
        return self._size


def _lean(sig: np.ndarray) -> LeanMinHash:
    from datasketch import LeanMinHash

    return LeanMinHash(seed=_SEED, hashvalues=np.asarray(sig, dtype=np.uint64), scheme=_SCHEME)
