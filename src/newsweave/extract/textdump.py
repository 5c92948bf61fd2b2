"""Plain-text captures (a web page saved as text): title, outlet, body, notes and comments apart.

A capture has no markup, so the page is read from the shape of its lines:

1. **Header.** The first lines give the title and the outlet: a short line above a heading-like
   line is the outlet ("Military Review"); a title repeated with a suffix ("T | Русская весна")
   gives both; a date, byline or URL line just below is metadata.
2. **Where the article ends.** Every later line gets a score — prose sentences count for the
   body; chrome phrases, comment headers (a name with a date and time), numbering and indentation
   count against it — and the cut that best separates a body-like head from a chrome-like tail
   wins (a maximum of prefix minus suffix sums). Once a thread of comment headers has begun, the
   prose under each header belongs to the thread, not the body.
3. **Comments.** In the tail, each comment header starts a comment; numbering lines that merely
   repeat the author are dropped; nesting follows the headers' indentation.
4. **Notes.** Footnote lines at the end of the body ("* …", "Note: …") are kept apart.

No rule names a site: the features are generic, and the lexicons are multilingual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from newsweave.decode import decode
from newsweave.errors import InputError
from newsweave.extract.chrome import is_chrome
from newsweave.extract.dates import find_datetime, parse_date
from newsweave.records import (
    Article,
    Comment,
    DatePrecision,
    DateSource,
    MediaType,
    PublicationDate,
    RawItem,
)

_SENTENCE_END = re.compile(r"[.!?…:;\"»”)\]]\s*$")
_NUMBERING = re.compile(r"^\s*\d{1,4}[.)]\s+(?P<rest>\S.{0,60})$")
_SUFFIX = re.compile(r"^\s*[|–—-]\s*(?P<outlet>\S.{0,60})$")
_BYLINE = re.compile(r"^(?:by|von|par|por|di|door|автор:?|av|przez)\s+(?P<name>[^\d\n]{3,60})$", re.I)
_URL = re.compile(r"^https?://\S+$")
_NOTE = re.compile(r"^(\*+|¹|²|\[\d+\]|note:|nb:|n\.b\.|примечание|прим\.|remarque|anmerkung)", re.I)
_SAYS = re.compile(r"\s*(says|said|wrote|пишет|написал|écrit|schreibt|dice|scrive|:|-|—|–)\s*:?\s*$", re.I)
_MAX_TITLE_WORDS = 40
_MAX_OUTLET_WORDS = 5
_MAX_HEADER_CHARS = 100


@dataclass(frozen=True, slots=True)
class _Line:
    text: str  # stripped
    indent: int


@dataclass(slots=True)
class _Header:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    date: datetime | None = None
    date_has_time: bool = False
    end: int = 0  # index of the first line after the header


class TextCaptureExtractor:
    """Extracts articles from plain-text captures of web pages.

    Example:
        >>> from newsweave.records import Provenance
        >>> text = "Daily Bugle\\n\\nMayor resigns\\n\\nThe mayor resigned on Monday, aides said.\\nShare"
        >>> item = RawItem(text.encode(), MediaType.TEXT, Provenance("x.txt"))
        >>> a = TextCaptureExtractor().extract(item)
        >>> a.outlet, a.title, a.body
        ('Daily Bugle', 'Mayor resigns', ('The mayor resigned on Monday, aides said.',))
    """

    name = "textdump"

    def accepts(self, item: RawItem) -> bool:
        """Plain-text items."""
        return item.media_type is MediaType.TEXT

    def extract(self, item: RawItem) -> Article:
        """Read title, outlet, date, author, body, notes and comments from a text capture."""
        name = str(item.provenance)
        text = decode(item.data, item=name, declared=item.encoding)
        lines = [_Line(raw.strip(), len(raw) - len(raw.lstrip())) for raw in text.splitlines() if raw.strip()]
        header = _read_header(lines)
        cut = _body_end(lines, header.end)
        body_lines = [line.text for line in lines[header.end : cut] if not is_chrome(line.text)]
        body_lines = [t for t in body_lines if t != header.title]
        body, notes = _split_notes(body_lines)
        if not body:
            raise InputError("no article text found", item=name)
        comments = _parse_comments(lines[cut:])
        return Article(
            id=item.id,
            title=item.fields.get("title") or header.title,
            body=tuple(body),
            provenance=item.provenance,
            extractor=self.name,
            outlet=item.fields.get("outlet") or header.outlet,
            url=item.fields.get("url") or header.url,
            published=_published(item, header, comments),
            author=item.fields.get("author") or header.author,
            notes=tuple(notes),
            comments=tuple(comments),
        )


# -- header ---------------------------------------------------------------------------------


def _read_header(lines: list[_Line]) -> _Header:
    header = _Header()
    if not lines:
        return header
    texts = [line.text for line in lines[:6]]
    if _suffixed_title(texts, header) or _outlet_then_title(texts, header):
        pass
    elif _heading_like(texts[0]):
        header.title, header.end = _split_suffix(texts[0], header)
    _metadata_lines(lines, header)
    return header


def _suffixed_title(texts: list[str], header: _Header) -> bool:
    """A title repeated below with the outlet as a suffix: "T" then "T | Outlet"."""
    for i, first in enumerate(texts[:3]):
        for j in range(i + 1, min(i + 3, len(texts))):
            if texts[j].startswith(first) and (m := _SUFFIX.match(texts[j][len(first) :])):
                outlet = m.group("outlet").strip()
                if len(outlet.split()) <= _MAX_OUTLET_WORDS:
                    header.title, header.outlet, header.end = first, outlet, j + 1
                    if i == 1 and _outlet_like(texts[0]):
                        header.outlet = header.outlet or texts[0]
                    return True
    return False


def _outlet_then_title(texts: list[str], header: _Header) -> bool:
    """A short site-name line above a heading-like line."""
    if len(texts) >= 2 and _outlet_like(texts[0]) and _heading_like(texts[1]) and len(texts[1]) > len(texts[0]):
        header.outlet = texts[0]
        header.title, _ = _split_suffix(texts[1], header)
        header.end = 2
        return True
    return False


def _split_suffix(title: str, header: _Header) -> tuple[str, int]:
    """Strip an outlet suffix from a title line, remembering the outlet.

    " | X" is a suffix whenever X is short; with a dash (" - X", " — X") X must also look like a
    name (every word capitalised), since dashes also join two halves of a headline.
    """
    for sep in (" | ", " - ", " — ", " – "):
        head, found, tail = title.rpartition(sep)
        words = tail.split()
        if not found or len(head.split()) < 3 or not 0 < len(words) <= _MAX_OUTLET_WORDS:
            continue
        if sep == " | " or all(w[:1].isupper() or w.isdigit() for w in words):
            header.outlet = header.outlet or tail.strip()
            return head.strip(), 1
    return title, 1


def _outlet_like(text: str) -> bool:
    words = text.split()
    return (
        0 < len(words) <= _MAX_OUTLET_WORDS
        and len(text) <= 40
        and not _SENTENCE_END.search(text)
        and find_datetime(text) is None
        and not is_chrome(text)
    )


def _heading_like(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= _MAX_TITLE_WORDS and not text.endswith((".", ";", ",")) and not is_chrome(text)


def _metadata_lines(lines: list[_Line], header: _Header) -> None:
    """Consume date, byline and URL lines right below the title."""
    while header.end < min(len(lines), header.end + 4):
        text = lines[header.end].text
        if len(text) > 80:
            return
        if _URL.match(text):
            header.url = text
        elif (m := _BYLINE.match(text)) and not _SENTENCE_END.search(text):
            header.author = m.group("name").strip()
        elif (found := find_datetime(text)) and len(text) - len(found[2].group(0)) < 25:
            header.date, header.date_has_time = found[0], found[1]
        else:
            return
        header.end += 1


# -- where the body ends --------------------------------------------------------------------


def _is_comment_header(line: _Line) -> bool:
    """A short line holding a date with a time and a name (or nothing else)."""
    if len(line.text) > _MAX_HEADER_CHARS:
        return False
    found = find_datetime(line.text)
    if found is None or not found[1]:
        return False
    rest = (line.text[: found[2].start()] + " " + line.text[found[2].end() :]).strip()
    return len(rest.split()) <= 5 and not _SENTENCE_END.search(rest)


def _line_scores(lines: list[_Line]) -> list[float]:
    """Body-likeness of each line: positive for article prose, negative for chrome and threads."""
    headers = [_is_comment_header(line) for line in lines]
    thread_from = _thread_start(lines, headers)
    scores = []
    for i, line in enumerate(lines):
        text = line.text
        if is_chrome(text) or headers[i]:
            score = -3.0
        elif _NUMBERING.match(text) and len(text) < 60:
            score = -2.0
        elif len(text) >= 60 and _SENTENCE_END.search(text):
            score = 2.0
        else:
            score = 0.0
        if line.indent >= 2:
            score -= 1.0
        if thread_from is not None and i > thread_from and score > 0:
            score = -0.5  # prose under a comment header is the comment's
        scores.append(score)
    return scores


def _thread_start(lines: list[_Line], headers: list[bool]) -> int | None:
    """Where a comment thread begins: a header followed by another, or one below chrome."""
    positions = [i for i, is_header in enumerate(headers) if is_header]
    if len(positions) >= 2:
        return positions[0]
    if positions and any(is_chrome(line.text) for line in lines[: positions[0]]):
        return positions[0]
    return None


def _body_end(lines: list[_Line], start: int) -> int:
    """The cut maximising body-likeness before it minus body-likeness after it."""
    scores = _line_scores(lines[start:])
    total = sum(scores)
    best_cut, best_value, prefix = len(scores), total, 0.0
    # Scan from the end so that, on a tie, neutral lines (a footnote) stay with the body.
    cuts = []
    for k in range(len(scores)):
        cuts.append((k, prefix - (total - prefix)))
        prefix += scores[k]
    for k, value in reversed(cuts):
        if value > best_value + 1e-9:
            best_cut, best_value = k, value
    return start + best_cut


# -- body and notes -------------------------------------------------------------------------


def _split_notes(body_lines: list[str]) -> tuple[list[str], list[str]]:
    """Footnote lines at the end of the body go to notes; hard-wrapped lines are re-joined."""
    notes: list[str] = []
    while body_lines and _NOTE.match(body_lines[-1]) and len(body_lines[-1]) < 300:
        notes.insert(0, body_lines.pop())
    paragraphs: list[str] = []
    for text in body_lines:
        if paragraphs and not _SENTENCE_END.search(paragraphs[-1]) and text[:1].islower():
            paragraphs[-1] += " " + text  # a sentence wrapped onto the next line
        else:
            paragraphs.append(text)
    return paragraphs, notes


# -- comments -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Draft:
    author: str | None
    time: datetime | None
    indent: int
    text: list[str]


def _parse_comments(tail: list[_Line]) -> list[Comment]:
    drafts: list[_Draft] = []
    for i, line in enumerate(tail):
        if _is_comment_header(line):
            found = find_datetime(line.text)
            assert found is not None
            author = _author(line.text, found[2])
            if author is None and i > 0 and _name_line(tail[i - 1].text):
                # "Mary K says:" above a bare timestamp: the author's line, not the last comment's.
                author = _SAYS.sub("", tail[i - 1].text).strip()
                if drafts and drafts[-1].text and drafts[-1].text[-1] == tail[i - 1].text:
                    drafts[-1].text.pop()
            drafts.append(_Draft(author, found[0], line.indent, []))
        elif drafts and not _numbering_of_next(tail, i) and not is_chrome(line.text):
            drafts[-1].text.append(line.text)
    return _nest(drafts)


def _author(text: str, match: re.Match[str]) -> str | None:
    before = _NUMBERING.sub(r"\g<rest>", text[: match.start()]).strip()
    before = _SAYS.sub("", before).strip()
    after = _SAYS.sub("", text[match.end() :]).strip()
    return before or after or None


def _name_line(text: str) -> bool:
    """A short line that can only be a commenter's name ("Mary K says:", "Dan:")."""
    words = _SAYS.sub("", text).split()
    return 0 < len(words) <= 4 and (bool(_SAYS.search(text)) or not _SENTENCE_END.search(text))


def _numbering_of_next(tail: list[_Line], i: int) -> bool:
    """A line such as "3. Uncle lee" that only numbers the comment header below it."""
    m = _NUMBERING.match(tail[i].text)
    if not m or i + 1 >= len(tail) or not _is_comment_header(tail[i + 1]):
        return False
    return tail[i + 1].text.startswith(m.group("rest").strip())


def _nest(drafts: list[_Draft]) -> list[Comment]:
    levels = sorted({d.indent for d in drafts})
    comments: list[Comment] = []
    open_at_level: dict[int, int] = {}  # level -> index of the latest comment at that level
    for index, draft in enumerate(drafts):
        level = levels.index(draft.indent)
        parent = open_at_level.get(level - 1) if level > 0 else None
        comments.append(Comment("\n".join(draft.text), draft.author, draft.time, parent))
        open_at_level[level] = index
        for deeper in [lv for lv in open_at_level if lv > level]:
            del open_at_level[deeper]
    return comments


# -- date -----------------------------------------------------------------------------------


def _published(item: RawItem, header: _Header, comments: list[Comment]) -> PublicationDate | None:
    if date := item.fields.get("date"):
        value = parse_date(date)
        if value is not None:
            precision = DatePrecision.MINUTE if value.time() != datetime.min.time() else DatePrecision.DAY
            return PublicationDate(value, precision, DateSource.META)
    if header.date is not None:
        precision = DatePrecision.MINUTE if header.date_has_time else DatePrecision.DAY
        return PublicationDate(header.date, precision, DateSource.TEXT)
    times = [c.time for c in comments if c.time is not None]
    if times:
        return PublicationDate(min(times), DatePrecision.MINUTE, DateSource.COMMENTS, upper_bound=True)
    return None
