"""What the pages show, computed from records: version comparisons, comment threads, the provenance graph.

No HTML from a source is ever passed through: every piece of text is escaped here (``markupsafe``)
or by the templates' autoescaping; only markup written in this module is marked safe.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markupsafe import Markup, escape

from newsweave.records import Article, Claim, Comment, Link, RelationKind, Story

KIND_WORDS = {
    RelationKind.DUPLICATE: "copy",
    RelationKind.VERSION: "version",
    RelationKind.SAME_STORY: "same story",
    RelationKind.RELATED: "related",
}


@dataclass(slots=True)
class Row:
    """One row of a side-by-side comparison: a sentence on either side, or both when aligned."""

    a: Markup | None
    b: Markup | None
    similarity: float | None = None
    differs: bool = False


@dataclass(slots=True)
class Comparison:
    """Two versions of one text side by side."""

    link: Link
    a: Article
    b: Article
    rows: list[Row] = field(default_factory=list)

    @property
    def aligned(self) -> int:
        """How many sentence pairs are aligned."""
        return sum(1 for r in self.rows if r.similarity is not None)


def mark(text: str, phrases: list[str]) -> tuple[Markup, bool]:
    """``text`` escaped, with each occurrence of the phrases wrapped in ``<mark>``; True when any was found."""
    spans: list[tuple[int, int]] = []
    for phrase in sorted({p for p in phrases if p}, key=len, reverse=True):
        start = text.find(phrase)
        while start >= 0:
            end = start + len(phrase)
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
            start = text.find(phrase, end)
    out, last = Markup(""), 0
    for start, end in sorted(spans):
        out += escape(text[last:start]) + Markup('<mark class="differs">') + escape(text[start:end]) + Markup("</mark>")
        last = end
    return out + escape(text[last:]), bool(spans)


def compare(link: Link, a: Article, b: Article, sentences_a: list[str], sentences_b: list[str]) -> Comparison:
    """Both texts sentence by sentence: aligned pairs on one row, unaligned sentences alone on their side.

    The numbers a link flags as differing ("more than 50" vs "around 50") are marked in the pairs
    that carry them.
    """
    result = Comparison(link, a, b)
    i = j = 0
    for pair in sorted(link.evidence.aligned, key=lambda p: (p.a_index, p.b_index)):
        if pair.a_index < i or pair.b_index < j:
            continue  # a many-to-one alignment already shown
        result.rows.extend(Row(escape(s), None) for s in sentences_a[i : pair.a_index])
        result.rows.extend(Row(None, escape(s)) for s in sentences_b[j : pair.b_index])
        left = [x for x, y in link.evidence.differing_numbers if x in pair.a_text and y in pair.b_text]
        right = [y for x, y in link.evidence.differing_numbers if x in pair.a_text and y in pair.b_text]
        a_text, a_marked = mark(pair.a_text, left)
        b_text, b_marked = mark(pair.b_text, right)
        result.rows.append(Row(a_text, b_text, pair.similarity, a_marked or b_marked))
        i, j = pair.a_index + 1, pair.b_index + 1
    if link.evidence.aligned:  # without an alignment (a copy found by shingles) the texts are shown whole
        result.rows.extend(Row(escape(s), None) for s in sentences_a[i:])
        result.rows.extend(Row(None, escape(s)) for s in sentences_b[j:])
    return result


def quote(claim: Claim) -> Markup:
    """A claim's sentence with the claim itself marked."""
    return mark(claim.sentence or claim.text, [claim.text])[0]


@dataclass(frozen=True, slots=True)
class ThreadedComment:
    """A comment with its depth in its thread."""

    comment: Comment
    depth: int


def threads(comments: tuple[Comment, ...]) -> list[ThreadedComment]:
    """Comments in page order with their reply depth (capped, so deep threads stay readable)."""
    depths: list[int] = []
    for c in comments:
        depths.append(min(depths[c.reply_to] + 1, 4) if c.reply_to is not None else 0)
    return [ThreadedComment(c, d) for c, d in zip(comments, depths, strict=True)]


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s); anything else (``javascript:``, ``data:``) is never made a link."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def short_date(article: Article) -> str:
    """A publication date for a byline."""
    if article.published is None:
        return "undated"
    text = article.published.value.strftime("%Y-%m-%d %H:%M" if article.published.precision == "minute" else "%Y-%m-%d")
    return f"≤ {text}" if article.published.upper_bound else text


def provenance_svg(story: Story, articles: dict[str, Article], links: list[Link], max_nodes: int = 24) -> Markup:
    """The story's articles as a small graph: time runs left to right, one row per independent text.

    Arrows run from a text to its later copies and versions (who republished or translated whom);
    dashed lines join independent reports of the same story.
    """
    rows = {a: n for n, origin in enumerate(story.origins) for a in (origin.article_id, *origin.copies)}
    shown = [i for i in story.article_ids if i in rows][:max_nodes]
    if not shown:
        return Markup("")
    column = {article_id: n for n, article_id in enumerate(shown)}
    used_rows = sorted({rows[i] for i in shown})
    row_y = {r: 40 + 70 * n for n, r in enumerate(used_rows)}
    width, height = max(360, 40 + 200 * len(shown)), 30 + 70 * len(used_rows)
    xy = {i: (100 + 200 * column[i], row_y[rows[i]]) for i in shown}
    parts = [
        f'<svg class="provenance" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        'aria-label="Provenance of the story">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#4b5563"/></marker></defs>',
    ]
    for link in links:
        if link.a not in xy or link.b not in xy:
            continue
        (x1, y1), (x2, y2) = xy[link.a], xy[link.b]
        copy = link.kind in (RelationKind.DUPLICATE, RelationKind.VERSION)
        style = 'class="edge copy" marker-end="url(#arrow)"' if copy else 'class="edge report"'
        dx = 82 if x2 > x1 else (-82 if x2 < x1 else 0)
        dy = 0 if dx else (22 if y2 > y1 else -22)
        parts.append(f'<line x1="{x1 + dx}" y1="{y1 + dy}" x2="{x2 - dx}" y2="{y2 - dy}" {style}>'
                     f"<title>{escape(KIND_WORDS[link.kind])} · {link.score:.2f}</title></line>")  # fmt: skip
    for article_id in shown:
        article, (x, y) = articles[article_id], xy[article_id]
        first = article_id in {o.article_id for o in story.origins}
        label = escape((article.outlet or article_id[:8])[:24])
        sub = escape(f"{article.language or '?'} · {short_date(article)[:12]}")
        parts.append(
            f'<a href="/articles/{article_id}"><g class="node{" origin" if first else ""}">'
            f'<rect x="{x - 80}" y="{y - 20}" width="160" height="40" rx="6"/>'
            f'<text x="{x}" y="{y - 2}" text-anchor="middle">{label}</text>'
            f'<text x="{x}" y="{y + 13}" text-anchor="middle" class="sub">{sub}</text>'
            f"<title>{escape(article.title or article_id)}</title></g></a>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
