"""Dates an article states, found and resolved against its publication date, on labelled news.

The labels file (JSON Lines) holds one article a line: ``doc`` (an id of BSNLP 2021's
``docs.jsonl`` or of the geoparsing corpora's), ``corpus`` (``bsnlp`` or ``geoparsing``),
``language``, ``published`` (YYYY-MM-DD, the anchor), ``anchored`` (false where the benchmark's
date is no publication date: BSNLP gives every Russian article 2021-02-01 and most Ukrainian
ones one of two days, a crawl's dates, and some Bulgarian ones 1970-01-01), ``split`` (``dev``
labels may be used to choose rules, ``test`` labels must not be) and ``dates``: every date its body states, each with
``text`` (as written), ``value`` (``YYYY-MM-DD``, ``YYYY-Www``, ``YYYY-MM`` or ``YYYY``) and
``precision`` (day, week, month, year). The bodies are read from the benchmarks, so the file
holds no text of theirs.

Scored per split and language, per article and written form as the entities are: a labelled
date is *found* when an expression read overlaps one of its occurrences, and an expression read
is a false one when it overlaps none; it is *resolved* when such an expression has the label's
value at the label's precision (a coarser reading, "2020" for "8 March 2020", is wrong); *right*
is found and resolved, with precision over the expressions read. An article whose date is no
publication date counts for *found* only: the labels resolve its relative dates by what the text
means, which no reader can know from the crawl's date. Beside newsweave's reader, in
the same run: dateparser's ``search_dates`` (the library newsweave's reader does not run at
ingest: it costs tens of milliseconds an article and reads dates into common words), anchored
at the same date, preferring the past, and told the language.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from newsweave.analyze.times import time_expressions
from newsweave.errors import ConfigError
from newsweave.eval.data import checkout_data, labelled_rows
from newsweave.records import TimePrecision

_RANK = {TimePrecision.YEAR: 0, TimePrecision.MONTH: 1, TimePrecision.WEEK: 2, TimePrecision.DAY: 3,
         TimePrecision.HOUR: 4, TimePrecision.MINUTE: 5}  # fmt: skip

READERS = ("newsweave", "dateparser")
_LABELLED_PRECISIONS = frozenset({"day", "week", "month", "year"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One date expression a reader found: where, and the calendar value at its precision."""

    start: int
    end: int
    value: datetime
    precision: TimePrecision


@dataclass(frozen=True, slots=True)
class LabelledDate:
    """One labelled date: its occurrences in the body, its value and precision."""

    text: str
    value: str
    precision: TimePrecision
    spans: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Article:
    """A labelled article: its body, anchor and labelled dates."""

    doc: str
    language: str
    split: str
    published: datetime
    text: str
    dates: tuple[LabelledDate, ...]
    anchored: bool = True  # the date is the article's publication date


@dataclass(frozen=True, slots=True)
class TimesRow:
    """One reader's figures on one split or language."""

    reader: str
    name: str
    articles: int
    anchored: int  # articles whose date is their publication date: the resolution figures' articles
    labelled: int
    read: int
    found_p: float
    found_r: float
    found_f1: float
    resolved: float  # of the labelled dates found, the share read with the label's value
    right_p: float
    right_r: float
    right_f1: float


@dataclass(frozen=True, slots=True)
class TimesError:
    """A labelled date missed or resolved wrong, or an expression read where none is labelled."""

    reader: str
    doc: str
    split: str  # dev or test: a test half's error is read only after every choice
    kind: str  # "missed", "wrong value", "not a date"
    text: str
    gold: str
    read: str


@dataclass(slots=True)
class TimesReport:
    """Rows per split (and all), rows per language, and newsweave's errors."""

    rows: list[TimesRow] = field(default_factory=list)
    languages: list[TimesRow] = field(default_factory=list)
    errors: list[TimesError] = field(default_factory=list)


def default_labels_file() -> Path:
    """``tests/data/times/date_labels.jsonl`` in a source checkout.

    Raises:
        ConfigError: not a source checkout; pass ``--data``.
    """
    return checkout_data("times/date_labels.jsonl", what="the labelled dates", hint="pass --data FILE (JSON Lines)")


def load_articles(labels: Path, bodies: dict[str, str]) -> list[Article]:
    """The labelled articles with their bodies (``bodies``: doc id -> body).

    Raises:
        InputError: a line is not a labelled article.
        ConfigError: an article is not in the benchmarks, or a labelled date is not in its body.
    """
    articles = []
    for row in labelled_rows(labels, _check_row, what="a labelled article"):
        if row["doc"] not in bodies:
            raise ConfigError(f"{labels}: article {row['doc']} is not in the benchmarks' docs.jsonl")
        text = bodies[row["doc"]]
        dates = tuple(_labelled(labels, row["doc"], text, d) for d in row["dates"])
        published = datetime.fromisoformat(row["published"])
        split, anchored = row.get("split", "test"), bool(row.get("anchored", True))
        articles.append(Article(row["doc"], row["language"], split, published, text, dates, anchored))
    return articles


def read_bodies(paths: Sequence[Path]) -> dict[str, str]:
    """Each article's body from benchmark ``docs.jsonl`` files, by id (its date is the label's)."""
    bodies = {}
    for path in paths:
        with path.open(encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    doc = json.loads(line)
                    bodies[doc["id"]] = doc["text"]
    return bodies


def evaluate_times(articles: Sequence[Article], readers: Sequence[str] = READERS) -> TimesReport:
    """Score each reader per split, over all, and per language."""
    report = TimesReport()
    for reader in readers:
        read = _reader(reader)
        outcomes = [(a, _score(a, read(a), reader)) for a in articles]
        for split in sorted({a.split for a in articles}):
            report.rows.append(_row(reader, split, [o for a, o in outcomes if a.split == split]))
        report.rows.append(_row(reader, "all", [o for _, o in outcomes]))
        by_language: dict[str, list[_Outcome]] = defaultdict(list)
        for a, o in outcomes:
            by_language[a.language].append(o)
        report.languages += [_row(reader, language, group) for language, group in sorted(by_language.items())]
        if reader == "newsweave":
            report.errors = [e for _, o in outcomes for e in o.errors]
    return report


def as_written(value: datetime, precision: TimePrecision) -> str:
    """A value as the labels write it at ``precision``: "2020-03-08", "2020-W10", "2020-03", "2020"."""
    if precision is TimePrecision.YEAR:
        return f"{value.year:04d}"
    if precision is TimePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    if precision is TimePrecision.WEEK:
        year, week, _ = value.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return value.date().isoformat()


@dataclass(slots=True)
class _Outcome:
    anchored: bool = True
    labelled: int = 0
    read: int = 0
    found: int = 0
    resolved: int = 0
    read_found: int = 0  # expressions read that overlap a labelled date
    read_right: int = 0  # ... and have its value
    errors: list[TimesError] = field(default_factory=list)


def _score(article: Article, readings: Sequence[Reading], reader: str) -> _Outcome:
    out = _Outcome(anchored=article.anchored, labelled=len(article.dates), read=len(readings))
    error = partial(TimesError, reader, article.doc, article.split)
    for date in article.dates:
        hits = [r for r in readings if _overlaps(r, date.spans)]
        right = [r for r in hits if _resolves(r, date)]
        out.found += bool(hits)
        out.resolved += bool(right)
        if not hits:
            out.errors.append(error("missed", date.text, date.value, ""))
        elif not right and article.anchored:
            shown = ", ".join(f"{article.text[r.start : r.end]!r} {as_written(r.value, r.precision)}" for r in hits)
            out.errors.append(error("wrong value", date.text, date.value, shown))
    for r in readings:
        dates = [d for d in article.dates if _overlaps(r, d.spans)]
        out.read_found += bool(dates)
        out.read_right += any(_resolves(r, d) for d in dates)
        if not dates:
            read = f"{as_written(r.value, r.precision)} ({r.precision.value})"
            out.errors.append(error("not a date", article.text[r.start : r.end], "", read))
    return out


def _row(reader: str, name: str, outcomes: Sequence[_Outcome]) -> TimesRow:
    labelled, read = sum(o.labelled for o in outcomes), sum(o.read for o in outcomes)
    found_p = _ratio(sum(o.read_found for o in outcomes), read)
    found_r = _ratio(sum(o.found for o in outcomes), labelled)
    anchored = [o for o in outcomes if o.anchored]
    found, resolved = sum(o.found for o in anchored), sum(o.resolved for o in anchored)
    right_p = _ratio(sum(o.read_right for o in anchored), sum(o.read for o in anchored))
    right_r = _ratio(resolved, sum(o.labelled for o in anchored))
    return TimesRow(reader, name, len(outcomes), len(anchored), labelled, read, found_p, found_r,
                    _f1(found_p, found_r), _ratio(resolved, found), right_p, right_r,
                    _f1(right_p, right_r))  # fmt: skip


def _reader(name: str) -> Callable[[Article], list[Reading]]:
    if name == "newsweave":
        return _newsweave
    if name == "dateparser":
        return _dateparser
    raise ConfigError(f"no date reader {name!r}", hint=f"use one of {', '.join(READERS)}")


def _newsweave(article: Article) -> list[Reading]:
    found = time_expressions(article.text, article.language, article.published)
    return [Reading(t.start, t.end, t.value, t.precision) for t in found]


def _dateparser(article: Article) -> list[Reading]:
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": article.published, "PREFER_DATES_FROM": "past"}
    found = search_dates(article.text, languages=[article.language], settings=settings) or []  # type: ignore[arg-type]
    readings, at = [], 0
    for text, value in found:  # in order of the text: each is looked for after the one before
        start = article.text.find(text, at)
        if start < 0:
            start = article.text.find(text)
        if start >= 0:
            readings.append(Reading(start, start + len(text), value, TimePrecision.DAY))
            at = start + len(text)
    return readings


def _labelled(labels: Path, doc: str, text: str, date: dict[str, Any]) -> LabelledDate:
    spans, at = [], text.find(date["text"])
    while at >= 0:
        spans.append((at, at + len(date["text"])))
        at = text.find(date["text"], at + 1)
    if not spans:
        raise ConfigError(f"{labels}: {date['text']!r} is not in the body of {doc}")
    return LabelledDate(date["text"], date["value"], TimePrecision(date["precision"]), tuple(spans))


def _check_row(row: dict[str, Any]) -> None:
    missing = [key for key in ("doc", "language", "published", "dates") if key not in row]
    if missing:
        raise KeyError(", ".join(missing))
    for date in row["dates"]:
        if not {"text", "value", "precision"} <= date.keys() or date["precision"] not in _LABELLED_PRECISIONS:
            raise KeyError(f"a date needs text, value and precision (day, week, month, year): {date}")


def _overlaps(reading: Reading, spans: Sequence[tuple[int, int]]) -> bool:
    return any(reading.start < end and start < reading.end for start, end in spans)


def _resolves(reading: Reading, date: LabelledDate) -> bool:
    fine_enough = _RANK[reading.precision] >= _RANK[date.precision]
    return fine_enough and as_written(reading.value, date.precision) == date.value


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _f1(p: float, r: float) -> float:
    return round(2 * p * r / (p + r), 3) if p + r else 0.0
