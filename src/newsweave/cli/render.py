"""All rich output of the CLI: tables, panels, progress. Data goes to stdout, chatter to stderr."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import fields
from typing import Any

from rich.console import Console, ConsoleOptions, ConsoleRenderable, RenderableType, RenderHook, RenderResult
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.segment import Segment
from rich.table import Table

from newsweave.records import (
    Article,
    Disagreement,
    EntitySummary,
    Facts,
    IngestReport,
    Link,
    PlaceSummary,
    Provenance,
    Rejection,
    RelationKind,
    SourcedClaim,
    Story,
    TimelineEvent,
)

# Terminal control sequences (CSI, OSC and other ESC sequences) and lone control characters:
# titles, file names and comments come from the outside, and printed raw they could move the
# cursor, retitle the window or hide text. Tabs and newlines are kept. (An OSC sequence whose
# terminator rich already dropped loses only its ESC: its text stays visible, and harmless.)
_CONTROL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[ -~]?|\x9b[0-?]*[ -/]*[@-~]?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"
)
_JSON_UNSAFE = re.compile(r"[\x7f-\x9f]")  # json.dumps escapes C0 controls, not DEL and the C1 ones


def clean(text: str) -> str:
    """``text`` without terminal control sequences or control characters (tabs and newlines kept).

    Example:
        >>> clean("evil\\x1b[2J\\x1b]0;pwned\\x07 title\\r")
        'evil title'
    """
    return _CONTROL.sub("", text)


class _Cleaned:
    """A renderable whose text is cleaned after layout (styles and rich's own control codes kept)."""

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for segment in console.render(self.inner, options):
            if segment.control or not _CONTROL.search(segment.text):
                yield segment
            else:
                yield Segment(clean(segment.text), segment.style)


class _CleanEverything(RenderHook):
    """Applied to everything the CLI's consoles print: one place, so no output can forget it."""

    def process_renderables(self, renderables: list[ConsoleRenderable]) -> list[ConsoleRenderable]:
        return [_Cleaned(r) for r in renderables]


out = Console(highlight=False)
err = Console(stderr=True, highlight=False)
for _console in (out, err):
    _console.push_render_hook(_CleanEverything())


class CleanFormatter(logging.Formatter):
    """Log lines with control characters removed, as everything else the CLI prints."""

    def format(self, record: logging.LogRecord) -> str:
        return clean(super().format(record))


def print_json(data: Any) -> None:
    """Print data as JSON on stdout (no colours, so scripts can parse it); control characters escaped."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    print(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def ingest_progress() -> Progress:
    """A progress display on stderr for an ingest run."""
    return Progress(
        SpinnerColumn(),
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[counts]}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,  # piped or logged: no spinner frames or blank line left behind
    )


def rejection_line(item: str, reason: str) -> None:
    """One line on stderr naming an unusable item and why."""
    err.print(f"[yellow]rejected[/] {escape(item)}: {escape(reason)}", soft_wrap=True)


def ingest_summary(report: IngestReport, articles: Iterable[Article]) -> None:
    """The closing summary of an ingest run, with the articles it stored."""
    table = articles_table(articles, title="Stored in this run")
    if table.row_count:
        out.print(table)
    out.print(
        f"[bold]{report.read}[/] read · [green]{report.stored} stored[/] · "
        f"{report.duplicates} duplicates · [yellow]{report.rejected} rejected[/]"
    )
    reasons: dict[str, int] = {}
    for r in report.rejections:
        reasons[r.reason] = reasons.get(r.reason, 0) + 1
    for reason, count in sorted(reasons.items(), key=lambda kv: -kv[1]):
        out.print(f"  [yellow]{count}[/] × {escape(reason)}")


def articles_table(articles: Iterable[Article], *, title: str | None = None) -> Table:
    """A table of articles: id, title, outlet, date, language, size, comments."""
    table = Table(title=title, title_justify="left", expand=False)
    table.add_column("id", style="cyan", no_wrap=True)
    table.add_column("title", overflow="fold", min_width=24, max_width=60, ratio=1)
    table.add_column("outlet", max_width=18, overflow="fold")
    table.add_column("published", no_wrap=True)
    table.add_column("lang")
    table.add_column("cmts", justify="right")
    for a in articles:
        table.add_row(
            a.id[:12],
            escape(a.title or "—"),
            escape(a.outlet or "—"),
            _date(a),
            a.language or "?",
            str(len(a.comments)),
        )
    return table


def _date(article: Article) -> str:
    p = article.published
    if p is None:
        return "—"
    return ("≤ " if p.upper_bound else "") + p.value.strftime("%Y-%m-%d")


def article_detail(article: Article, sightings: list[Provenance]) -> None:
    """Metadata, body, notes and comments of one article."""
    a = article
    out.rule(f"[bold]{escape(a.title or '(no title)')}")
    rows = [
        ("id", a.id),
        ("outlet", a.outlet),
        ("url", a.url),
        ("published", a.published.describe() if a.published else None),
        ("author", a.author),
        (
            "language",
            f"{a.language} ({a.language_score:.2f})" if a.language_score is not None else a.language,
        ),
        ("extractor", a.extractor),
        *[("source", str(p) + (f" <{p.url}>" if p.url else "")) for p in sightings],
    ]
    for name, value in rows:
        if value:
            out.print(f"[bold]{name:>10}[/] {escape(str(value))}")
    out.print()
    for paragraph in a.body:
        out.print(escape(paragraph), end="\n\n")
    for note in a.notes:
        out.print(f"[dim]{escape(note)}[/]")
    if a.comments:
        out.rule(f"{len(a.comments)} comments")
        for i, c in enumerate(a.comments):
            depth = _depth(a, i)
            indent = "    " * depth
            when = c.time.strftime("%Y-%m-%d %H:%M") if c.time else ""
            reply = f" ↳ #{c.reply_to + 1}" if c.reply_to is not None else ""
            out.print(f"{indent}[bold]#{i + 1} {escape(c.author or 'anonymous')}[/] [dim]{when}{reply}[/]")
            out.print(indent + escape(c.text).replace("\n", "\n" + indent))


def _depth(article: Article, index: int) -> int:
    depth, parent = 0, article.comments[index].reply_to
    while parent is not None and depth < 10:
        depth, parent = depth + 1, article.comments[parent].reply_to
    return depth


def rejections_table(rejections: list[Rejection]) -> Table:
    """A table of recorded rejections."""
    table = Table()
    table.add_column("item", overflow="fold")
    table.add_column("reason", overflow="fold")
    for r in rejections:
        table.add_row(escape(r.item), escape(r.reason))
    return table


def scores_table(rows: Iterable[Any], *, title: str) -> Table:
    """A table of score records (dataclasses): one column per field, floats to three places."""
    rows = list(rows)
    table = Table(title=title, title_justify="left")
    if not rows:
        return table
    names = [f.name for f in fields(rows[0])]
    for name in names:
        table.add_column(name, justify="left" if name in {"name", "system", "statistic", "reading"} else "right")
    for row in rows:
        table.add_row(*(_cell(getattr(row, n)) for n in names))
    return table


def _cell(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    return escape(str(value))


def links_table(links: Iterable[Link]) -> Table:
    """A table of relations."""
    table = Table()
    for name in ("a", "b", "kind", "score", "evidence"):
        table.add_column(name, overflow="fold")
    for x in links:
        e = x.evidence
        bits = [
            f"cos {e.cosine:.2f}" if e.cosine is not None else "",
            f"pair {e.pair_score:.2f}" if e.pair_score else "",
        ]
        if x.kind is RelationKind.VERSION and e.coverage_a is not None and e.coverage_b is not None:
            bits.append(f"aligned {e.coverage_a:.0%}/{e.coverage_b:.0%}")
        if e.differing_numbers:
            bits.append("differ: " + "; ".join(f"{p} vs {q}" for p, q in e.differing_numbers))
        table.add_row(x.a[:12], x.b[:12], x.kind.value, f"{x.score:.2f}", escape(" · ".join(b for b in bits if b)))
    return table


def hits_table(hits: Iterable[tuple[Article, float]], *, score_name: str) -> Table:
    """A table of articles with a score."""
    table = Table()
    for name in ("id", "title", "lang", score_name):
        table.add_column(name, overflow="fold")
    for article, score in hits:
        table.add_row(article.id[:12], escape(article.title or "—"), article.language or "?", f"{score:.3f}")
    return table


def story_dict(s: Story) -> dict[str, Any]:
    """Plain-JSON form of a story."""
    return s.as_dict()


def stories_table(stories: Iterable[Story]) -> Table:
    """A table of stories."""
    table = Table()
    for name in ("id", "title", "size", "origins", "langs", "outlets", "first seen", "last seen"):
        table.add_column(name, overflow="fold")
    for s in stories:
        table.add_row(
            str(s.id), escape(s.title or "—"), str(s.size), str(len(s.origins)), ",".join(s.languages),
            escape(", ".join(s.outlets)),
            s.first_seen.strftime("%Y-%m-%d") if s.first_seen else "—",
            s.last_seen.strftime("%Y-%m-%d") if s.last_seen else "—",
        )  # fmt: skip
    return table


def story_detail(s: Story, articles: list[Article], links: list[Link]) -> None:
    """A story's articles and the relations among them."""
    out.rule(f"[bold]story {s.id}: {escape(s.title or '')}")
    out.print(articles_table(articles, title=f"{s.size} articles, earliest first"))
    out.print(f"{len(s.origins)} independent text(s); the others are copies or versions of them:")
    for origin in s.origins:
        copies = ", ".join(c[:12] for c in origin.copies) or "no copies"
        out.print(f"  {origin.article_id[:12]} ← {copies}")
    if links:
        out.print(links_table(links))


# -- facts ---------------------------------------------------------------------------------------


def entities_table(rows: Iterable[EntitySummary]) -> Table:
    """Canonical entities with their counts and the forms they were written in."""
    table = Table()
    for name in ("entity", "type", "articles", "mentions", "langs", "written as", "key"):
        table.add_column(name, overflow="fold")
    for s in rows:
        table.add_row(
            escape(s.entity.name), s.entity.type.value, str(s.articles), str(s.mentions), ",".join(s.languages),
            escape(" · ".join(s.surfaces[:8])), escape(s.entity.key),
        )  # fmt: skip
    return table


def places_table(rows: Iterable[PlaceSummary]) -> Table:
    """Places with coordinates; unresolved names say so."""
    table = Table()
    for name in ("place", "country", "lat", "lon", "kind", "articles", "written as"):
        table.add_column(name, overflow="fold")
    for p in rows:
        where = ("—", "—") if p.lat is None or p.lon is None else (f"{p.lat:.2f}", f"{p.lon:.2f}")
        table.add_row(
            escape(p.name), p.country or "—", *where, p.feature or ("unresolved" if p.geonames_id is None else "—"),
            str(p.articles), escape(" · ".join(p.surfaces[:6])),
        )  # fmt: skip
    return table


def claims_table(rows: Iterable[SourcedClaim]) -> Table:
    """Numeric claims with their article and sentence."""
    table = Table()
    for name in ("article", "claim", "qualifier", "counted", "action", "sentence"):
        table.add_column(name, overflow="fold")
    for row in rows:
        c = row.claim
        table.add_row(
            f"{row.article_id[:12]}\n[dim]{escape(row.outlet or '')}[/]", escape(c.text), c.qualifier.value,
            escape(c.counted or "—"), escape(c.action or "—"), escape(c.sentence),
        )  # fmt: skip
    return table


def timeline_table(rows: Iterable[TimelineEvent]) -> Table:
    """A story's dated events in order."""
    table = Table()
    for name in ("when", "as written", "sentence", "article"):
        table.add_column(name, overflow="fold")
    fmt = {"year": "%Y", "month": "%Y-%m", "week": "week of %Y-%m-%d", "hour": "%Y-%m-%d %H:00",
           "minute": "%Y-%m-%d %H:%M"}  # fmt: skip
    for e in rows:
        when = e.value.strftime(fmt.get(e.precision.value, "%Y-%m-%d"))
        table.add_row(
            when, escape(e.text) + (" [dim](relative)[/]" if e.relative else ""), escape(e.sentence),
            f"{e.article_id[:12]}\n[dim]{escape(e.outlet or '')}[/]",
        )  # fmt: skip
    return table


def disagreements_list(rows: list[Disagreement]) -> None:
    """Each disagreement with both quotes, their outlets and dates."""
    if not rows:
        out.print("no disagreements found")
        return
    for d in rows:
        out.rule(f"[bold]{d.relation.value}[/]: {escape(d.claim_a.text)} vs {escape(d.claim_b.text)}")
        for aid, claim, outlet, published in (
            (d.a, d.claim_a, d.outlets[0], d.published[0]),
            (d.b, d.claim_b, d.outlets[1], d.published[1]),
        ):
            when = published.strftime("%Y-%m-%d") if published else "undated"
            out.print(f"[bold]{aid[:12]}[/] [dim]{escape(outlet or 'unknown outlet')} · {when}[/]")
            out.print(f"  “{escape(claim.sentence)}”")
        if d.note:
            out.print(f"[dim]{escape(d.note)}[/]")


def facts_summary(facts: Facts) -> None:
    """An article's facts in brief, under its text in `show`."""
    if not (facts.mentions or facts.places or facts.times or facts.claims):
        return
    out.rule("facts")
    names: dict[str, list[str]] = {}
    for m in facts.mentions:
        names.setdefault(m.type.value, [])
        if m.text not in names[m.type.value]:
            names[m.type.value].append(m.text)
    for kind, texts in names.items():
        out.print(f"[bold]{kind:>10}[/] {escape(', '.join(texts))}")
    for p in facts.places:
        pin = f"{p.name}, {p.country} ({p.lat:.2f}, {p.lon:.2f})" if p.lat is not None and p.lon is not None else "?"
        out.print(f"[bold]{'place':>10}[/] {escape(p.text)} → {escape(pin)}")
    for t in facts.times:
        out.print(f"[bold]{'date':>10}[/] {escape(t.text)} → {t.value.date().isoformat()} ({t.precision.value})")
    for c in facts.claims:
        what = " ".join(x for x in (c.counted, c.action) if x)
        out.print(f"[bold]{'claim':>10}[/] {escape(c.text)} [dim]{c.qualifier.value} {escape(what)}[/]")
