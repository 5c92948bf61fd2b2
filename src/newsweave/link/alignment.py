"""Monotonic sentence alignment between two versions of a text, in any pair of languages.

As vecalign and bertalign do, the alignment is a dynamic programme over the matrix of sentence
similarities (multilingual embeddings, computed by the caller): it keeps the order of both texts,
skips sentences a translator dropped or added, and lets one sentence match two (a sentence split
in translation, scored by the pair's merged vector).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsweave.records import AlignedSentences

MIN_SIMILARITY = 0.5  # below this two sentences are not translations or rewrites of each other


@dataclass(frozen=True, slots=True)
class AlignmentSummary:
    """What a `version` decision needs from an alignment."""

    coverage_a: float  # share of A's characters in aligned sentences
    coverage_b: float
    mean_similarity: float
    pairs: int


def align(
    a_sentences: list[str],
    b_sentences: list[str],
    a_vectors: np.ndarray,
    b_vectors: np.ndarray,
    *,
    min_similarity: float = MIN_SIMILARITY,
) -> list[AlignedSentences]:
    """Align two sentence lists in order; vectors are L2-normalised rows."""
    n, m = len(a_sentences), len(b_sentences)
    if n == 0 or m == 0:
        return []
    sim = np.asarray(a_vectors, dtype=np.float32) @ np.asarray(b_vectors, dtype=np.float32).T
    # Each move's gain is its similarity above the floor, so weak matches never pay.
    score = np.zeros((n + 1, m + 1), dtype=np.float32)
    move = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0 skip a, 1 skip b, 2 one-one, 3 two-one, 4 one-two
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, how = -1.0, 0
            if i > 0 and score[i - 1, j] > best:
                best, how = score[i - 1, j], 0
            if j > 0 and score[i, j - 1] > best:
                best, how = score[i, j - 1], 1
            if i > 0 and j > 0 and sim[i - 1, j - 1] >= min_similarity:
                gain = score[i - 1, j - 1] + sim[i - 1, j - 1] - min_similarity
                if gain > best:
                    best, how = gain, 2
            if i > 1 and j > 0:
                merged = _merged(a_vectors[i - 2 : i]) @ b_vectors[j - 1]
                gain = score[i - 2, j - 1] + 1.5 * (merged - min_similarity)
                if merged >= min_similarity and gain > best:
                    best, how = gain, 3
            if i > 0 and j > 1:
                merged = a_vectors[i - 1] @ _merged(b_vectors[j - 2 : j])
                gain = score[i - 1, j - 2] + 1.5 * (merged - min_similarity)
                if merged >= min_similarity and gain > best:
                    best, how = gain, 4
            score[i, j], move[i, j] = best, how
    return _trace(move, sim, a_sentences, b_sentences, a_vectors, b_vectors)


def _merged(vectors: np.ndarray) -> np.ndarray:
    v = vectors.sum(axis=0)
    return v / (np.linalg.norm(v) or 1.0)


def _trace(move, sim, a_sents, b_sents, a_vecs, b_vecs) -> list[AlignedSentences]:  # type: ignore[no-untyped-def]
    out: list[AlignedSentences] = []
    i, j = len(a_sents), len(b_sents)
    while i > 0 or j > 0:
        how = move[i, j]
        if how == 0 and i > 0:
            i -= 1
        elif how == 1 and j > 0:
            j -= 1
        elif how == 2:
            out.append(AlignedSentences(i - 1, j - 1, a_sents[i - 1], b_sents[j - 1], _clip(sim[i - 1, j - 1])))
            i, j = i - 1, j - 1
        elif how == 3:
            s = _clip(_merged(a_vecs[i - 2 : i]) @ b_vecs[j - 1])
            out.append(AlignedSentences(i - 2, j - 1, f"{a_sents[i - 2]} {a_sents[i - 1]}", b_sents[j - 1], s))
            i, j = i - 2, j - 1
        else:
            s = _clip(a_vecs[i - 1] @ _merged(b_vecs[j - 2 : j]))
            out.append(AlignedSentences(i - 1, j - 2, a_sents[i - 1], f"{b_sents[j - 2]} {b_sents[j - 1]}", s))
            i, j = i - 1, j - 2
    return out[::-1]


def _clip(value: float) -> float:
    return float(min(1.0, max(-1.0, round(float(value), 4))))


def summarise(alignment: list[AlignedSentences], a_sentences: list[str], b_sentences: list[str]) -> AlignmentSummary:
    """Coverage of each text by characters (long sentences count more) and mean similarity."""
    a_total = sum(map(len, a_sentences)) or 1
    b_total = sum(map(len, b_sentences)) or 1
    a_covered = sum(len(p.a_text) for p in alignment)
    b_covered = sum(len(p.b_text) for p in alignment)
    mean = float(np.mean([p.similarity for p in alignment])) if alignment else 0.0
    return AlignmentSummary(min(1.0, a_covered / a_total), min(1.0, b_covered / b_total), mean, len(alignment))
