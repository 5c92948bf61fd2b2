"""Reader comments from HTML markup: author, time, text and nesting.

trafilatura finds a page's comment section but returns it as flat text, so the structure is
read here from the markup itself: the comment items are the elements whose class or id names a
comment, holding text of their own; author and time come from their descendants (``<time
datetime>``, classes naming an author or a date); an item nested in another replies to it.
"""

from __future__ import annotations

import re
from datetime import datetime

import lxml.html

from newsweave.extract.dates import find_datetime
from newsweave.records import Comment

_ITEM = re.compile(r"(^|[\s_-])(comment|reply|review|post)s?([\s_-]|$)|^c\d+$|^comment-\d+$", re.I)
_CONTAINER = re.compile(r"(comments|comment-list|commentlist|comment-section|replies)\b", re.I)
_AUTHOR = re.compile(r"author|user|name|nick|byline|fn\b", re.I)
_TIME = re.compile(r"date|time|when|posted", re.I)
_BODY = re.compile(r"text|content|body|message", re.I)
_MAX_COMMENTS = 5000


def parse_comments(html: str) -> list[Comment]:
    """Structured comments of a page, or [] when its markup shows none."""
    try:
        tree = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return []
    items = [el for el in tree.iter() if isinstance(el.tag, str) and _is_item(el)][:_MAX_COMMENTS]
    item_set = set(items)
    position: dict[lxml.html.HtmlElement, int] = {}  # item element -> its index among the comments
    comments: list[Comment] = []
    for el in items:
        text = _text(el, item_set)
        if not text:
            continue
        parent = next((a for a in el.iterancestors() if a in position), None)
        position[el] = len(comments)
        comments.append(Comment(text, _author(el), _time(el), position[parent] if parent is not None else None))
    return comments


def _is_item(el: lxml.html.HtmlElement) -> bool:
    names = f"{el.get('class', '')} {el.get('id', '')}".strip()
    if not names or _CONTAINER.search(names) or el.tag in ("a", "span", "time", "p", "h2", "h3", "section"):
        return False
    return bool(_ITEM.search(names)) and not _AUTHOR.search(names) and not _TIME.search(names)


def _own_parts(el: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """Descendants of ``el`` that belong to it, not to a nested reply."""
    nested = {d for d in el.iterdescendants() if d in items}
    inner = {x for n in nested for x in n.iter()}
    return [d for d in el.iterdescendants() if d not in inner and isinstance(d.tag, str)]


def _text(el: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement]) -> str:
    parts = _own_parts(el, items)
    bodies = [p for p in parts if _BODY.search(p.get("class", "")) or p.tag == "p"]
    bodies = [p for p in bodies if not _AUTHOR.search(p.get("class", "")) and not _TIME.search(p.get("class", ""))]
    texts = [" ".join(p.text_content().split()) for p in bodies if p.tag == "p" or not any(c.tag == "p" for c in p)]
    return "\n".join(dict.fromkeys(t for t in texts if t))


def _author(el: lxml.html.HtmlElement) -> str | None:
    for d in el.iterdescendants():
        if isinstance(d.tag, str) and _AUTHOR.search(f"{d.get('class', '')} {d.get('itemprop', '')}"):
            text = " ".join(d.text_content().split())
            if 0 < len(text) <= 80:
                return text
    return None


def _time(el: lxml.html.HtmlElement) -> datetime | None:
    for d in el.iterdescendants():
        if not isinstance(d.tag, str):
            continue
        if d.tag == "time" or _TIME.search(d.get("class", "")):
            raw = d.get("datetime") or d.text_content()
            try:
                return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).replace(tzinfo=None)
            except ValueError:
                found = find_datetime(raw)
                if found:
                    return found[0]
    return None
