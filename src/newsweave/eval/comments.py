"""Reader-comment extraction quality on real pages with hand-checked gold comments.

The set (``tests/data/comments/``, see its SOURCE.md) holds real news and blog pages, each with a
``<case>.gold.json`` listing the comments the page shows (author, text) and an entry in
``meta.json`` (source, licence, capture, CMS, and whether the page was used to tune the rules or
held back). Pages whose comment section shows no comment (loaded later by script, closed, only
a form) are in the set on purpose: anything extracted there is a false positive.

The metric: ``\\w+`` tokens, lower-cased, of all comment texts of a page as one bag; true
positives are the shared tokens (min of counts); precision, recall and F1 are micro-averaged
over the pages of a split (sums of true positives over sums of predicted or gold tokens), so a
page with many comments weighs more than one with few, and a page with no gold comment adds only
to the predicted side.
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
_SPLITS = ("all", "tuning", "held-out")


@dataclass(frozen=True, slots=True)
class CommentCase:
    """One page of the set and its gold comments as (author, text) pairs."""

    name: str
    html: bytes
    url: str | None
    split: str
    gold: tuple[tuple[str | None, str], ...]


@dataclass(frozen=True, slots=True)
class CommentScore:
    """One system's figures on one split of the set."""

    system: str
    split: str
    precision: float
    recall: float
    f1: float
    pages: int
    gold_comments: int
    found_comments: int
    spurious_pages: int  # pages without gold comments where the system still found some
    authors: float | None  # share of gold comments found with their author (None: no authors given)
    seconds: float


def tokens(text: str) -> Counter[str]:
    """Bag of lower-cased ``\\w+`` tokens.

    Example:
        >>> sorted(tokens("Yes, yes: no!").items())
        [('no', 1), ('yes', 2)]
    """
    return Counter(t.lower() for t in _TOKEN.findall(text))


def page_counts(gold: Sequence[str], found: Sequence[str]) -> tuple[int, int, int]:
    """(true positives, predicted tokens, gold tokens) of one page.

    Example:
        >>> page_counts(["great piece"], ["great piece", "Share this"])
        (2, 4, 2)
    """
    gold_bag = tokens("\n".join(gold))
    found_bag = tokens("\n".join(found))
    return sum((gold_bag & found_bag).values()), sum(found_bag.values()), sum(gold_bag.values())


def default_data_dir() -> Path:
    """The gold set: ``tests/data/comments`` in the repository checkout."""
    hint = "pass --data DIR (the folder with meta.json and <case>.gold.json files)"
    repo = Path(__file__).resolve().parents[3]
    candidate = repo / "tests" / "data" / "comments"
    if (candidate / "meta.json").is_file():
        return candidate
    return find_benchmark(Path("comments") / "meta.json", what="the comment gold set", hint=hint).parent


def load_cases(data_dir: Path) -> list[CommentCase]:
    """Every case listed in ``meta.json``.

    Raises:
        ConfigError: the folder has no ``meta.json``, or a listed case lacks its page or gold file.
    """
    meta_file = data_dir / "meta.json"
    if not meta_file.is_file():
        raise ConfigError(f"{data_dir} holds no meta.json", hint="pass the folder of the comment gold set")
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    cases = []
    for name in sorted(meta):
        page, gold_file = data_dir / f"{name}.html.gz", data_dir / f"{name}.gold.json"
        if not page.is_file() or not gold_file.is_file():
            raise ConfigError(f"{data_dir}: case {name!r} lacks {page.name} or {gold_file.name}")
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pairs = tuple((c.get("author"), c["text"]) for c in gold["comments"])
        split = meta[name].get("split", "tuning")
        cases.append(CommentCase(name, gzip.decompress(page.read_bytes()), meta[name].get("url"), split, pairs))
    return cases


Found = list[tuple[str | None, str]]


def _newsweave(html: bytes, url: str | None) -> Found:
    from newsweave.extract.html import HtmlExtractor

    fields = {"url": url} if url else {}
    try:
        article = HtmlExtractor().extract(RawItem(html, MediaType.HTML, Provenance("eval"), fields))
    except InputError:
        return []
    return [(c.author, c.text) for c in article.comments]


def _trafilatura(html: bytes, url: str | None) -> Found:
    """trafilatura's own comment extraction with its default settings: flat text, no authors."""
    import trafilatura

    result = trafilatura.bare_extraction(html.decode("utf-8", errors="replace"), url=url, include_comments=True)
    text = getattr(result, "comments", None) or ""
    return [(None, line) for line in text.split("\n") if line.strip()]


SYSTEMS: dict[str, Callable[[bytes, str | None], Found]] = {"newsweave": _newsweave, "trafilatura": _trafilatura}


def _authors_found(gold: Sequence[tuple[str | None, str]], found: Found) -> tuple[int, int]:
    """(gold comments with an author that a found comment carries beside most of its text, those with one)."""
    hits = total = 0
    for author, text in gold:
        if not author:
            continue
        total += 1
        want = tokens(text)
        size = sum(want.values()) or 1
        hits += any(
            a and a.casefold() == author.casefold() and sum((want & tokens(t)).values()) / size >= 0.5 for a, t in found
        )
    return hits, total


def _score(system: str, split: str, rows: list[tuple[CommentCase, Found]], seconds: float) -> CommentScore:
    tp = pred = true = spurious = author_hits = author_total = 0
    for case, found in rows:
        t, p, g = page_counts([text for _, text in case.gold], [text for _, text in found])
        tp, pred, true = tp + t, pred + p, true + g
        spurious += not case.gold and p > 0
        hits, total = _authors_found(case.gold, found)
        author_hits, author_total = author_hits + hits, author_total + total
    precision = tp / pred if pred else 1.0
    recall = tp / true if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    gives_authors = any(a for _, found in rows for a, _ in found)
    authors = author_hits / author_total if author_total and gives_authors else None
    return CommentScore(
        system,
        split,
        precision,
        recall,
        f1,
        len(rows),
        sum(len(c.gold) for c, _ in rows),
        sum(len(f) for _, f in rows),
        spurious,
        authors,
        seconds,
    )


def evaluate(data_dir: Path, systems: Sequence[str] = ("newsweave", "trafilatura")) -> list[CommentScore]:
    """Score each named system on every page of the set, in the same run, overall and by split.

    Raises:
        ConfigError: the folder is not the gold set, or a system name is unknown.
    """
    unknown = [s for s in systems if s not in SYSTEMS]
    if unknown:
        raise ConfigError(f"unknown system {unknown[0]!r}", hint=f"choose from {', '.join(SYSTEMS)}")
    cases = load_cases(data_dir)
    scores = []
    for name in systems:
        start = time.perf_counter()
        rows = [(case, SYSTEMS[name](case.html, case.url)) for case in cases]
        seconds = time.perf_counter() - start
        for split in _SPLITS:
            chosen = [r for r in rows if split == "all" or r[0].split == split]
            if chosen:
                scores.append(_score(name, split, chosen, seconds))
    return scores
