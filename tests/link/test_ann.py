"""The ANN graph is a function of the vectors alone: a reopened index grows as an uninterrupted one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np

from newsweave.link.ann import LanguageIndexes, VectorIndex

SMALL = {"exact_below": 100, "checkpoint_every": 300}  # the shipped sizes are 2,000 and 10,000


def vectors(n: int, dim: int = 16) -> np.ndarray:
    v = np.random.default_rng(7).normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def grown(data: np.ndarray, start: int, index: VectorIndex) -> list[list[int]]:
    """Add vectors ``start`` … one at a time, as linking does: search first, then add; return the searches."""
    found = []
    for key in range(start, len(data)):
        found.append([k for k, _ in index.search(data[key], 10)])
        index.add(key, data[key])
    return found


def test_an_index_reopened_after_a_kill_finds_what_an_uninterrupted_one_finds(tmp_path: Path) -> None:
    data = vectors(1000)
    uninterrupted = VectorIndex(16, checkpoint=tmp_path / "one.usearch", **SMALL)
    expected = grown(data, 0, uninterrupted)
    for killed_at in (250, 700):  # before the first checkpoint (a rebuild) and after one (a restore)
        path = tmp_path / f"killed{killed_at}.usearch"
        first = VectorIndex(16, checkpoint=path, **SMALL)
        before = grown(data[:killed_at], 0, first)  # then killed: nothing but the checkpoint file survives
        assert path.is_file() == (killed_at >= 300)
        reopened = VectorIndex.from_vectors(data[:killed_at], path, **SMALL)
        assert before + grown(data, killed_at, reopened) == expected
        assert reopened._ann.save() == uninterrupted._ann.save()  # the same graph, byte for byte


def test_a_checkpoint_that_does_not_match_the_store_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "i.usearch"
    VectorIndex.from_vectors(vectors(600), path, **SMALL)
    other = vectors(600)[::-1].copy()  # other vectors under the same keys
    rebuilt = VectorIndex.from_vectors(other, path, **SMALL)
    assert rebuilt.search(other[5], 1)[0][0] == 5
    assert not VectorIndex.from_vectors(vectors(450), **SMALL).save(tmp_path / "between.usearch")


def test_language_indexes_search_one_language_only() -> None:
    data = vectors(40)
    indexes = LanguageIndexes(16)
    for i, v in enumerate(data):
        indexes.add(f"{'cs' if i % 2 else 'en'}-{i}", "cs" if i % 2 else "en", v)
    assert indexes.languages() == ["en", "cs"]
    found = indexes.search("cs", data[2], 5)  # an English article's vector, searched among Czech ones
    assert len(found) == 5 and all(article_id.startswith("cs-") for article_id, _ in found)
    exact = sorted(((f"cs-{i}", float(data[i] @ data[2])) for i in range(1, 40, 2)), key=lambda x: -x[1])[:5]
    assert [a for a, _ in found] == [a for a, _ in exact]


def test_language_indexes_reopened_from_their_checkpoints_find_what_the_grown_ones_find(tmp_path: Path) -> None:
    data = vectors(10_600)
    articles = [(f"a{i}", "cs" if i % 20 else "en", data[i]) for i in range(len(data))]
    saved = tmp_path / "store.usearch"
    grown_indexes = LanguageIndexes(16, saved)
    for article_id, language, vector in articles:
        grown_indexes.add(article_id, language, vector)
    assert (tmp_path / "store.usearch.cs").is_file()  # Czech passed a checkpoint (10,000 vectors)
    reopened = LanguageIndexes.from_articles(16, articles, saved)
    for query in data[:50]:
        for language in ("cs", "en"):
            assert reopened.search(language, query, 10) == grown_indexes.search(language, query, 10)


def test_a_process_that_opens_an_index_before_it_embeds_survives_loading_onnx_runtime() -> None:
    """ONNX Runtime's extension crashed the process when loaded after usearch's (a test of
    linking alone died so); the index loads it first."""
    code = (
        "import numpy as np\n"
        "from newsweave.link.ann import VectorIndex\n"
        "index = VectorIndex(4, exact_below=1)\n"
        "for i in range(3):\n"
        "    index.add(i, np.eye(4)[i])\n"
        "import onnxruntime\n"
        "print(onnxruntime.get_device())\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-500:]
