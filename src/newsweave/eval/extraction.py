"""Body extraction quality on the article-extraction benchmark (scrapinghub, 181 real pages).

The metric is the benchmark authors' own (see its SOURCE.md): ``\\w+`` tokens, bags of 4-token
shingles, per-page true/false positives and negatives normalised by their sum so each page
weighs the same, precision and recall averaged over pages, F1 of the two averages; accuracy is the
share of pages whose token lists are exactly equal.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsweave.errors import ConfigError, InputError
from newsweave.eval.data import find_benchmark
from newsweave.records import MediaType, Provenance, RawItem

_TOKEN = re.compile(r"\w+", re.UNICODE)
_BENCH = Path("benchmarks") / "article-extraction"


@dataclass(frozen=True, slots=True)
class SystemScore:
    """One extractor's figures on the benchmark."""

    system: str
    precision: float
    recall: float
    f1: float
    accuracy: float
    pages: int
    seconds: float


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Bag of ``n``-token shingles; a text shorter than ``n`` tokens gives one shorter shingle.

    Example:
        >>> sorted(shingles("a b c", 4))
        [('a', 'b', 'c')]
    """
    tokens = _TOKEN.findall(text)
    if len(tokens) < n:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def page_counts(truth: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) for one page.

    Example:
        >>> page_counts("one two three four five", "one two three four five")
        (1.0, 0.0, 0.0)
    """
    true_bag, pred_bag = shingles(truth), shingles(predicted)
    tp = sum((true_bag & pred_bag).values())
    fp = sum((pred_bag - true_bag).values())
    fn = sum((true_bag - pred_bag).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (1.0, 0.0, 0.0)


def score_pages(pairs: Sequence[tuple[str, str]]) -> tuple[float, float, float, float]:
    """(precision, recall, F1, accuracy) over (truth, predicted) pages."""
    precisions, recalls, exact = [], [], 0
    for truth, predicted in pairs:
        tp, fp, fn = page_counts(truth, predicted)
        perfect = fp == 0 and fn == 0
        # As the benchmark's evaluate.py: a page with nothing predicted does not count in
        # precision, and one with nothing true does not count in recall.
        if tp + fp > 0:
            precisions.append(1.0 if perfect else tp / (tp + fp))
        if tp + fn > 0:
            recalls.append(1.0 if perfect else tp / (tp + fn))
        exact += _TOKEN.findall(truth) == _TOKEN.findall(predicted)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1, exact / len(pairs)


def default_bench_dir() -> Path:
    """The benchmark folder: ``shared/benchmarks/article-extraction`` beside the repository or cwd."""
    hint = "pass --bench-dir PATH (the folder with ground-truth.json)"
    return find_benchmark(_BENCH / "ground-truth.json", what="the article-extraction benchmark", hint=hint).parent


def _newsweave(html: bytes, url: str | None) -> str:
    from newsweave.extract.html import HtmlExtractor

    fields = {"url": url} if url else {}
    try:
        article = HtmlExtractor().extract(RawItem(html, MediaType.HTML, Provenance("bench"), fields))
    except InputError:
        return ""
    return "\n".join(article.body)


def _trafilatura(html: bytes, url: str | None) -> str:
    """Bare trafilatura, called exactly as the benchmark's own runner calls it."""
    import trafilatura

    return trafilatura.extract(html.decode("utf-8", errors="replace"), include_comments=False) or ""


SYSTEMS: dict[str, Callable[[bytes, str | None], str]] = {"newsweave": _newsweave, "trafilatura": _trafilatura}


def evaluate(bench_dir: Path, systems: Sequence[str] = ("newsweave", "trafilatura")) -> list[SystemScore]:
    """Score each named system on every page of the benchmark, in the same run.

    Raises:
        ConfigError: the folder is not the benchmark, or a system name is unknown.
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system {unknown[0]!r}", hint=f"choose from {', '.join(SYSTEMS)}")
    truth_file = bench_dir / "ground-truth.json"
    if not truth_file.is_file():
        raise ConfigError(f"{bench_dir} holds no ground-truth.json", hint="pass the article-extraction folder")
    truth = json.loads(truth_file.read_text(encoding="utf-8"))
    pages = [(key, gzip.decompress((bench_dir / "html" / f"{key}.html.gz").read_bytes())) for key in sorted(truth)]
    scores = []
    for name in systems:
        extract = SYSTEMS[name]
        start = time.perf_counter()
        predicted = [extract(html, truth[key].get("url")) for key, html in pages]
        seconds = time.perf_counter() - start
        p, r, f1, acc = score_pages(
            [(truth[key]["articleBody"], pred) for (key, _), pred in zip(pages, predicted, strict=True)]
        )
        scores.append(SystemScore(name, p, r, f1, acc, len(pages), seconds))
    return scores
