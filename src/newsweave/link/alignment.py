"""Monotonic sentence alignment between two versions of a text, in any pair of languages.

As vecalign and bertalign do, the alignment is a dynamic programme over the matrix of sentence
similarities (multilingual embeddings, computed by the caller): it keeps the order of both texts,
skips sentences a translator dropped or added, and lets one sentence match two (a sentence split
in translation, scored by the pair's merged vector).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from newsweave.analyze.embedding import normalise
from newsweave.records import AlignedSentences

MIN_SIMILARITY = 0.5  # below this two sentences are not translations or rewrites of each other
# What a merged move (one sentence against two) gains, per unit of similarity above the floor, as
# a one-one move gains 1. A merged pair's vector is the mean of two sentences, nearer the text's
# centre, so it resembles most of the other text a little more than either sentence does: with a
# bonus on top (1.5, before), merges displaced correct one-one pairs and left the displaced
# sentence uncovered (a Russian-Czech translation at 65 % coverage). Chosen on the development
# part of `newsweave eval versions` and BSNLP (scripts/measure_version_margin.py --merge-weights):
# 0.8-1.2 find 89-90 of 90 translations with 0-1 false versions, 1.5 found 88 with 2.
MERGE_WEIGHT = 1.0


@dataclass(frozen=True, slots=True)
class AlignmentSummary:
    """What a `version` decision needs from an alignment."""

    coverage_a: float  # share of A's characters in aligned sentences
    coverage_b: float
    mean_similarity: float
    pairs: int
    # How far the aligned sentences stand out from each one's other close matches (see `margin`);
    # 0 when not measured.
    margin: float = 0.0


def align(
    a_sentences: list[str],
    b_sentences: list[str],
    a_vectors: np.ndarray,
    b_vectors: np.ndarray,
    *,
    min_similarity: float = MIN_SIMILARITY,
    merge_weight: float = MERGE_WEIGHT,
) -> list[AlignedSentences]:
    """Align two sentence lists in order; vectors are L2-normalised rows."""
    n, m = len(a_sentences), len(b_sentences)
    if n == 0 or m == 0:
        return []
    a = np.asarray(a_vectors, dtype=np.float32)
    b = np.asarray(b_vectors, dtype=np.float32)
    # Every similarity the programme can read, computed in three matrix products up front: the
    # cell loop then only compares floats (it ran a norm per cell, the linker's costliest step).
    sim = a @ b.T
    two_one = _merged_pairs(a) @ b.T  # row i: a[i] + a[i + 1] against each b
    one_two = a @ _merged_pairs(b).T  # column j: each a against b[j] + b[j + 1]
    if max(sim.max(), two_one.max(initial=-1.0), one_two.max(initial=-1.0)) < min_similarity:
        return []  # nothing clears the floor: no alignment, whatever the order
    move = _programme(sim.tolist(), two_one.tolist(), one_two.tolist(), n, m, min_similarity, merge_weight)
    return _trace(move, sim, two_one, one_two, a_sentences, b_sentences)


def _programme(
    sim: list[list[float]],
    two_one: list[list[float]],
    one_two: list[list[float]],
    n: int,
    m: int,
    floor: float,
    merge_weight: float,
) -> list[list[int]]:
    """The dynamic programme: each move's gain is its similarity above the floor (a merged move's
    times ``merge_weight``), so weak matches never pay. Moves: 0 skip a, 1 skip b, 2 one-one,
    3 two-one, 4 one-two."""
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    move = [[0] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        score[0][j], move[0][j] = 0.0, 1
    for i in range(1, n + 1):
        row, up, sim_row = score[i], score[i - 1], sim[i - 1]
        up2 = score[i - 2] if i > 1 else None
        merged_a = two_one[i - 2] if i > 1 else None
        merged_b = one_two[i - 1]
        moves = move[i]
        row[0] = up[0]
        for j in range(1, m + 1):
            best, how = up[j], 0
            if row[j - 1] > best:
                best, how = row[j - 1], 1
            s = sim_row[j - 1]
            if s >= floor and up[j - 1] + s - floor > best:
                best, how = up[j - 1] + s - floor, 2
            if merged_a is not None and up2 is not None:
                s = merged_a[j - 1]
                if s >= floor and up2[j - 1] + merge_weight * (s - floor) > best:
                    best, how = up2[j - 1] + merge_weight * (s - floor), 3
            if j > 1:
                s = merged_b[j - 2]
                if s >= floor and up[j - 2] + merge_weight * (s - floor) > best:
                    best, how = up[j - 2] + merge_weight * (s - floor), 4
            row[j], moves[j] = best, how
    return move


def _merged_pairs(vectors: np.ndarray) -> np.ndarray:
    """Row k: the normalised sum of rows k and k + 1 (a sentence split in two, read as one)."""
    return normalise(vectors[:-1] + vectors[1:])  # no rows when there is one sentence


def _trace(move, sim, two_one, one_two, a_sents, b_sents) -> list[AlignedSentences]:  # type: ignore[no-untyped-def]
    out: list[AlignedSentences] = []
    i, j = len(a_sents), len(b_sents)
    while i > 0 or j > 0:
        how = move[i][j]
        if how == 0 and i > 0:
            i -= 1
        elif how == 1 and j > 0:
            j -= 1
        elif how == 2:
            out.append(AlignedSentences(i - 1, j - 1, a_sents[i - 1], b_sents[j - 1], _clip(sim[i - 1, j - 1])))
            i, j = i - 1, j - 1
        elif how == 3:
            s = _clip(two_one[i - 2, j - 1])
            out.append(AlignedSentences(i - 2, j - 1, f"{a_sents[i - 2]} {a_sents[i - 1]}", b_sents[j - 1], s))
            i, j = i - 2, j - 1
        else:
            s = _clip(one_two[i - 1, j - 2])
            out.append(AlignedSentences(i - 1, j - 2, a_sents[i - 1], f"{b_sents[j - 2]} {b_sents[j - 1]}", s))
            i, j = i - 1, j - 2
    return out[::-1]


def _clip(value: float) -> float:
    return float(min(1.0, max(-1.0, round(float(value), 4))))


MARGIN_NEIGHBOURS = 4


def margin(alignment: list[AlignedSentences], a_vectors: np.ndarray, b_vectors: np.ndarray) -> float:
    """The ratio margin of the aligned sentences, weighted by their characters.

    As in bitext mining (Artetxe and Schwenk 2019), a pair's similarity is divided by the mean of
    its two sentences' ``MARGIN_NEIGHBOURS`` best similarities in the other text: a translation
    stands out from the rest of the other text (above 1), while two articles on one topic whose
    sentences all resemble each other a little do not (about 1). Absolute lines cannot tell
    these apart where a bridge compresses similarities.
    """
    if not alignment:
        return 0.0
    sim = np.asarray(a_vectors, dtype=np.float32) @ np.asarray(b_vectors, dtype=np.float32).T
    k_rows, k_cols = min(MARGIN_NEIGHBOURS, sim.shape[1]), min(MARGIN_NEIGHBOURS, sim.shape[0])
    rows = -np.sort(-sim, axis=1)[:, :k_rows].mean(axis=1)
    cols = -np.sort(-sim, axis=0)[:k_cols].mean(axis=0)
    total = weighted = 0.0
    for p in alignment:
        i, j = p.a_index, p.b_index
        chars = len(p.a_text) + len(p.b_text)
        total += chars
        weighted += chars * float(sim[i, j]) / max(1e-6, float(rows[i] + cols[j]) / 2)
    return weighted / total if total else 0.0


def summarise(
    alignment: list[AlignedSentences], a_sentences: list[str], b_sentences: list[str], margin: float = 0.0
) -> AlignmentSummary:
    """Coverage of each text by characters (long sentences count more), mean similarity, and the
    alignment's ``margin`` when the caller measured it."""
    a_total = sum(map(len, a_sentences)) or 1
    b_total = sum(map(len, b_sentences)) or 1
    a_covered = sum(len(p.a_text) for p in alignment)
    b_covered = sum(len(p.b_text) for p in alignment)
    mean = float(np.mean([p.similarity for p in alignment])) if alignment else 0.0
    return AlignmentSummary(
        min(1.0, a_covered / a_total), min(1.0, b_covered / b_total), mean, len(alignment), round(margin, 4)
    )
