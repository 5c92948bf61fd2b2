import numpy as np
import pytest

from newsweave.analyze.onnx_graph import BY_ROW_UNSAFE_FUSIONS, FLOAT, GraphBuilder, session

pytest.importorskip("onnxruntime")


def _run_dense(method: str, x: np.ndarray, weight: np.ndarray, bias: np.ndarray, **options: object) -> np.ndarray:
    builder = GraphBuilder(int8=True)
    builder.op_named("Identity", "y", getattr(builder, method)("x", weight, bias))
    shape: list[int | None] = [None] * (x.ndim - 1)
    graph = builder.serialise("dense", [("x", FLOAT, [*shape, x.shape[-1]])], [("y", FLOAT, [*shape, len(bias)])])
    return session(graph, 1, **options).run(["y"], {"x": x})[0]  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def layer() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(0)
    # A bias as large as the product, so that one left out cannot pass for quantisation error.
    return rng.normal(size=(10, 64)).astype(np.float32), rng.normal(size=(96, 64)).astype(np.float32), \
        (3 * rng.normal(size=96)).astype(np.float32)  # fmt: skip


def test_a_dense_layer_by_row_is_its_quantised_product_plus_its_bias(layer: tuple[np.ndarray, ...]) -> None:
    x, weight, bias = layer
    y = _run_dense("linear_by_row", x, weight, bias, disabled_optimizers=BY_ROW_UNSAFE_FUSIONS)
    # What the graph says, in numpy: each row of x and each row of the weight on its own scale.
    x_scale = np.abs(x).max(axis=1, keepdims=True) / 127
    w_scale = np.abs(weight).max(axis=1) / 127
    product = np.rint(x / x_scale) @ np.rint(weight / w_scale[:, None]).T
    assert np.allclose(y, product * x_scale * w_scale + bias, atol=1e-4)
    assert np.abs(y - (x @ weight.T + bias)).max() < 0.5  # 8-bit error, against a bias of up to ~9


def test_a_dense_layer_by_batch_keeps_its_bias(layer: tuple[np.ndarray, ...]) -> None:
    x, weight, bias = layer
    y = _run_dense("linear", x[None], weight, bias)[0]  # every optimiser on: e5's int8 layers
    assert np.abs(y - (x @ weight.T + bias)).max() < 0.5


def test_onnx_runtimes_gelu_node_is_the_exact_gelu_written_out() -> None:
    """e5's graph uses ONNX Runtime's one ``Gelu`` node (``e5_onnx._GraphBuilder.gelu``) because it
    is the same arithmetic as x · (1 + erf(x / √2)) / 2 written in ONNX's own operators, bit for
    bit, in fewer passes; a runtime whose node approximated it would change every e5 vector."""
    from newsweave.analyze.onnx_graph import MICROSOFT

    x = np.random.default_rng(1).normal(scale=3, size=(7, 128, 96)).astype(np.float32)
    builder = GraphBuilder()
    erf = builder.op("Erf", builder.op("Mul", "x", builder.const(np.float32(1 / np.sqrt(2)))))
    written = builder.op("Mul", builder.op("Mul", "x", builder.const(np.float32(0.5))), builder.add(erf, np.float32(1)))
    builder.op_named("Identity", "written", written)
    builder.op_named("Identity", "node", builder.op("Gelu", "x", domain=MICROSOFT))
    shape: list[int | None] = [None, None, 96]
    graph = builder.serialise("gelu", [("x", FLOAT, shape)], [("written", FLOAT, shape), ("node", FLOAT, shape)])
    # (ONNX Runtime's own fusion kept off, so that the written-out pattern runs as written)
    written_out, node_out = session(graph, 1, disabled_optimizers=("GeluFusion",)).run(["written", "node"], {"x": x})
    assert np.array_equal(written_out, node_out)
    assert not np.array_equal(node_out, np.maximum(x, 0))  # (it is a GELU, not a pass-through)


def _by_row_written_out(builder: GraphBuilder, x: str, weight: np.ndarray, bias: np.ndarray) -> str:
    """``linear_by_row`` as it was written before QuantizeLinear: Div, Round, Add and Cast."""
    from newsweave.analyze.onnx_graph import UINT8

    quantised, scale = builder._int8_weights(weight)
    peak = builder.op("ReduceMax", builder.op("Abs", x), axes=[-1], keepdims=1)
    row_scale = builder.op(
        "Max", builder.op("Div", peak, builder.const(np.float32(127.0))), builder.const(np.float32(1e-12))
    )
    rounded = builder.op("Round", builder.op("Div", x, row_scale))
    xq = builder.op("Cast", builder.add(rounded, np.float32(128.0)), to=UINT8)
    zero = builder.const(np.zeros(len(scale), np.int8))
    product = builder.op("MatMulInteger", xq, quantised, builder.const(np.uint8(128)), zero)
    scales = builder.op("Mul", row_scale, builder.const(scale.astype(np.float32)[None, :]))
    return builder.add(builder.op("Mul", builder.op("Cast", product, to=FLOAT), scales), bias)


@pytest.mark.parametrize("shape", [(300, 64), (3, 50, 64)])
def test_a_dense_layer_by_row_quantises_each_row_as_written_out(
    layer: tuple[np.ndarray, ...], shape: tuple[int, ...]
) -> None:
    """One QuantizeLinear node with a scale per row is the Div, Round, Add and Cast it replaced,
    bit for bit (USE's sentences and the cascade's e5 read these layers), on matrices and batches."""
    _, weight, bias = layer
    rng = np.random.default_rng(2)
    x = (rng.normal(size=shape) * rng.uniform(0.01, 8, size=(*shape[:-1], 1))).astype(np.float32)
    x[..., 0, :] = 0.0  # a row of zeros: its scale is the floor, 1e-12
    builder = GraphBuilder(int8=True)
    builder.op_named("Identity", "node", builder.linear_by_row("x", weight, bias))
    builder.op_named("Identity", "written", _by_row_written_out(builder, "x", weight, bias))
    free: list[int | None] = [None] * (x.ndim - 1)
    graph = builder.serialise(
        "by-row", [("x", FLOAT, [*free, x.shape[-1]])], [("node", FLOAT, [*free, 96]), ("written", FLOAT, [*free, 96])]
    )
    node, written = session(graph, 1, disabled_optimizers=BY_ROW_UNSAFE_FUSIONS).run(["node", "written"], {"x": x})
    assert node.shape == written.shape == (*shape[:-1], 96)
    assert np.array_equal(node, written)
