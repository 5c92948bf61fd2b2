"""Reader comments from HTML markup: author, time, text and nesting.

trafilatura returns a page's comments as flat text (no authors, no threads) and takes in
whatever sits in a block named "comments": counters, "Loading comments…", forms, widgets and the
inline JavaScript of 2012-era templates. Here the comment items are read from the markup itself:

- script, style, template, form, navigation and embedded-object elements are removed first, so
  their text can never reach a comment;
- an item is an element whose id is a comment id (``comment-123``, ``li-comment-123``), whose
  class names a comment item (``comment``, ``comment-item``, ``user-comment``…), or that schema.org
  marks as a comment; weaker names (``post``, ``reply``) count only inside a comment section;
  "recent comments" widgets, sidebars, pingbacks and trackbacks are left out;
- the text is the item's content element (``comment-content``, ``itemprop="text"``…) or else its
  own text, without the nested replies, the author line, dates, avatars and action links;
- an item is kept when it has prose (not chrome, not code) and an author or a time, which is what
  sets a reader's comment apart from a counter or a prompt.
"""

from __future__ import annotations

import copy
import re
from datetime import datetime

import lxml.etree
import lxml.html

from newsweave.extract.chrome import is_chrome
from newsweave.extract.code import looks_like_code
from newsweave.extract.dates import find_datetime
from newsweave.records import Comment

# Elements whose text is never a reader's words.
_NOISE_TAGS = (
    "script", "style", "noscript", "template", "form", "nav", "iframe", "object", "embed", "svg",
    "button", "select", "textarea", "input", "head",
)  # fmt: skip
_ITEM_CLASS = re.compile(
    r"^(comment|comment[-_]?item|single[-_]?comment|user[-_]?comment|c-comment|"
    r"commentitem|comment[-_]?thread[-_]?item|reader[-_]?comment)$",
    re.I,
)
# comment-12, li-comment-12 (WordPress), dsq-comment-12 (Disqus rendered by its WordPress plugin)
_ITEM_ID = re.compile(r"^([a-z]{1,4}-)?comment[-_]?\d+$|^c\d{3,}$", re.I)
_WEAK_CLASS = re.compile(r"^(post|reply|comment[-_]?reply|review|message)$", re.I)
_SECTION = re.compile(r"comment|disqus|discussion|\bresponses\b|reactions|replies|kommentar|коммент", re.I)
_SCHEMA = re.compile(r"schema\.org/(Comment|UserComments|Answer)\b", re.I)
# Pingbacks and trackbacks: another site's link notice, not a reader's words (WordPress writes
# "Pingback von/Pingback: <site>" and quotes "[…] excerpt […]", even where no class says so).
_LINK_NOTICE = re.compile(r"^(pingback|trackback|rétrolien)\b", re.I)
_EXCERPT = re.compile(r"^\[(…|\.\.\.)\].*\[(…|\.\.\.)\]$", re.S)
# Lists of other pages' comments (sidebars, "recent" or "most commented" widgets) and link notices.
_OUTSIDE = re.compile(r"recent|popular|most[-_]|related|teaser|\bwidget_|pingback|trackback", re.I)
_SIDEBAR = re.compile(r"^(sidebar|secondary|widget-area|sidebar-\w+)$", re.I)
_SECTION_DEPTH = 6  # a weakly named item ("post", "reply") must sit this close to a comment section
_CONTENT = re.compile(
    r"comment[-_]?(content|text|body|message)|commenttext|comment__text|(^|[-_\s])(content|text|body|message)([-_\s]|$)",
    re.I,
)
_COMMENT_BODY = re.compile(r"comment[-_]?(content|text|body|message)|commenttext|comment__text", re.I)
_META = re.compile(
    r"author|avatar|meta|date|time|reply|action|vote|like|share|footer|header|permalink|edit|report|flag|"
    r"rating|count|button|menu|nick|user|name|vcard|signature|badge|toolbar|link",
    re.I,
)
_AUTHOR = re.compile(r"(^|[-_\s])(comment[-_]?author|author|fn|user(name)?|nick(name)?|commenter|name)([-_\s]|$)", re.I)
_TEXT_PROPS = ("text", "commentText", "reviewBody")
_AUTHOR_PROP = re.compile(r"^(author|creator)$", re.I)
_TIME = re.compile(r"date|time|when|posted|published|meta", re.I)
_SAYS = re.compile(r"\s*(says|said|wrote|schreibt|a écrit|dice|написал\w*)\s*:?\s*$", re.I)
_BLOCK_TAGS = {"p", "div", "li", "blockquote", "pre", "br", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "dd", "dt"}
_MAX_COMMENTS = 5000
_MAX_PROMPT_WORDS = 8
_MAX_FORM_CHARS = 5000  # a comment form with its labels and notices is well under this
_MAX_AUTHOR_CHARS = 80


def parse_comments(html: str | lxml.html.HtmlElement) -> list[Comment]:
    """Structured comments of a page, or [] when its markup shows none.

    Example:
        >>> page = ('<div id="comments"><ol><li id="comment-1" class="comment"><cite class="fn">Ann</cite>'
        ...         '<time datetime="2019-11-19T06:34">Nov 19</time><div class="comment-content">'
        ...         '<p>A careful piece, thank you.</p></div><a class="comment-reply-link">Reply</a>'
        ...         '</li></ol><script>if(! window.com) {}</script></div>')
        >>> [(c.author, c.text, c.time.hour) for c in parse_comments(page)]
        [('Ann', 'A careful piece, thank you.', 6)]
    """
    tree = _tree(html) if isinstance(html, str) else copy.deepcopy(html)
    if tree is None:
        return []
    for el in list(tree.iter(*_NOISE_TAGS)):
        if el.getparent() is None:
            continue
        if el.tag == "form" and len(el.text_content()) > _MAX_FORM_CHARS:
            el.drop_tag()  # ASP.NET-era pages wrap the whole page, comments included, in one form
        else:
            el.drop_tree()
    lxml.etree.strip_elements(tree, lxml.etree.Comment, with_tail=False)
    items = [el for el in _MARKED(tree) if _is_item(el)][:_MAX_COMMENTS]
    item_set = set(items)
    position: dict[lxml.html.HtmlElement, int] = {}  # item element -> its index among the comments
    comments: list[Comment] = []
    for el in items:
        comment = _comment(el, item_set, _strong(el))
        if comment is None:
            continue
        parent = _parent_item(el, item_set)
        # A wrapper item with no text of its own (``li#comment-1 > article.comment-body``) is
        # stood for by its first kept inner item; later inner items reply to that one.
        wrappers = []
        while parent is not None and parent not in position:
            wrappers.append(parent)
            parent = _parent_item(parent, item_set)
        index = len(comments)
        position.update(dict.fromkeys([*wrappers, el], index))
        reply_to = position[parent] if parent is not None else None
        comments.append(Comment(comment.text, comment.author, comment.time, reply_to))
    return comments


def _parent_item(el: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement]) -> lxml.html.HtmlElement | None:
    return next((a for a in el.iterancestors() if a in items), None)


def _tree(html: str) -> lxml.html.HtmlElement | None:
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _names(el: lxml.html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _strong(el: lxml.html.HtmlElement) -> bool:
    """Marked as a comment by its id or by schema.org, not only by a class name."""
    return bool(_ITEM_ID.match(el.get("id", "")) or _SCHEMA.search(el.get("itemtype", "")))


# Only an element with one of these attributes can be an item (``_is_item``): selected in
# document order by lxml, so that the tests run on a few elements, not on every one of the page.
_MARKED = lxml.etree.XPath("//*[@class or @id or @itemprop or @itemtype]")


def _is_item(el: lxml.html.HtmlElement) -> bool:
    if el.tag in ("a", "span", "time", "p", "cite", "h2", "h3", "h4", "section", "ol", "ul", "img", "body", "html"):
        return False
    classes = el.get("class", "").split()
    if any(_OUTSIDE.search(c) for c in classes):
        return False
    strong = _strong(el) or el.get("itemprop", "") == "comment"
    named = any(_ITEM_CLASS.match(c) for c in classes)
    weak = any(_WEAK_CLASS.match(c) for c in classes)
    if not (strong or named or weak):
        return False
    ancestors = [a for a in el.iterancestors() if a.tag not in ("body", "html")]
    for ancestor in ancestors:
        if ancestor.tag == "aside" or _OUTSIDE.search(_names(ancestor)):
            return False
        if any(_SIDEBAR.match(n) for n in _names(ancestor).split()):
            return False
    if weak and not (strong or named):
        return any(_SECTION.search(_names(a)) for a in ancestors[:_SECTION_DEPTH])
    return True


def _comment(el: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement], strong: bool) -> Comment | None:
    if _LINK_NOTICE.match(" ".join(el.text_content().split())[:60]):
        return None
    own = _own_parts(el, items)
    author, when = _author(own), _time(own)
    text = _text(el, own, items)
    if _EXCERPT.match(text):
        return None  # a pingback's "[…] quoted excerpt […]", whatever its markup
    if not text or not (author or when or strong):
        return None
    return Comment(text, author, when)


def _own_parts(el: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement]) -> list[lxml.html.HtmlElement]:
    """Descendants of ``el`` in document order that belong to it, not to a nested reply."""
    parts: list[lxml.html.HtmlElement] = []
    stack = [c for c in reversed(el) if isinstance(c.tag, str)]
    while stack:
        d = stack.pop()
        if d in items:
            continue
        parts.append(d)
        stack.extend(c for c in reversed(d) if isinstance(c.tag, str))
    return parts


def _text(el: lxml.html.HtmlElement, own: list[lxml.html.HtmlElement], items: set[lxml.html.HtmlElement]) -> str:
    content = [d for d in own if _is_content(d)]
    # The innermost content elements: "comment-text" often wraps "comment-content" and the meta.
    inner = [c for c in content if not any(o is not c and o in content for o in c.iterdescendants())]
    roots = [c for c in inner if not any(a in inner for a in c.iterancestors())] or [el]
    lines: list[str] = []
    for root in roots:
        lines.extend(_lines(root, items))
    lines = [line for line in dict.fromkeys(lines) if not _furniture(line)]
    text = "\n".join(lines)
    return text if any(ch.isalpha() for ch in text) else ""


def _furniture(line: str) -> bool:
    """A prompt or action left in a comment ("Reply", "Log in to reply") or program text."""
    # Prompts are a few words long; checking only those keeps the phrase lexicon off long lines.
    return (len(line.split()) <= _MAX_PROMPT_WORDS and is_chrome(line)) or looks_like_code(line)


def _is_content(el: lxml.html.HtmlElement) -> bool:
    if el.get("itemprop", "") in _TEXT_PROPS:
        return True
    return bool(_CONTENT.search(el.get("class", ""))) and not _is_meta(el)


def _lines(root: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement]) -> list[str]:
    """The root's text as lines, without nested items and meta (author, dates, actions)."""
    parts: list[str] = []
    _collect(root, items, parts)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return [line for line in lines if any(ch.isalpha() for ch in line)]


def _collect(el: lxml.html.HtmlElement, items: set[lxml.html.HtmlElement], parts: list[str]) -> None:
    """Append the text of ``el`` and its descendants, a line break around each block."""
    block = el.tag in _BLOCK_TAGS
    if block:
        parts.append("\n")
    if el.text and el.tag != "br":
        parts.append(el.text)
    for child in el:
        if isinstance(child.tag, str) and child not in items and not _is_meta(child):
            _collect(child, items, parts)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append("\n")


def _is_meta(el: lxml.html.HtmlElement) -> bool:
    """Author line, dates, avatars, counters and action links: around a comment, not in it."""
    if el.tag in ("time", "img", "footer", "header", "cite") or _AUTHOR_PROP.match(el.get("itemprop", "")):
        return True
    if el.get("itemprop", "") in _TEXT_PROPS or _COMMENT_BODY.search(el.get("class", "")):
        return False
    if _AUTHOR.search(el.get("class", "")):
        return True
    return el.tag not in ("p", "blockquote", "pre", "br") and bool(_META.search(_names(el)))


# Where an author block writes the name itself (compiled once: an element's .xpath() compiles each call).
_NAME_PARTS = lxml.etree.XPath(
    ".//*[@itemprop='name' or contains(@class,'fn') or self::cite or self::strong or self::b]"
)


def _author(own: list[lxml.html.HtmlElement]) -> str | None:
    marked = [d for d in own if _AUTHOR.search(_names(d)) or _AUTHOR_PROP.match(d.get("itemprop", ""))]
    # Classic themes and rendered Disqus threads name the commenter in a bare <cite>.
    for d in [*marked, *(d for d in own if d.tag == "cite")]:
        names = f"{d.get('class', '')} {d.get('itemprop', '')}"
        if _CONTENT.search(names) and not _AUTHOR_PROP.match(d.get("itemprop", "")):
            continue
        # A name inside the author block ("<strong>Ann</strong> on May 2 said:") beats the whole line.
        named = _NAME_PARTS(d)
        for candidate in [*named, d]:
            text = _SAYS.sub("", " ".join(candidate.text_content().split()))
            if 0 < len(text) <= _MAX_AUTHOR_CHARS and not find_datetime(text):
                return text
    return None


def _time(own: list[lxml.html.HtmlElement]) -> datetime | None:
    for d in own:
        if not (d.tag == "time" or _TIME.search(f"{d.get('class', '')} {d.get('itemprop', '')}")):
            continue
        for raw in (d.get("datetime"), d.get("content"), d.get("title"), d.text_content()):
            if not raw or not raw.strip():
                continue
            try:
                return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).replace(tzinfo=None)
            except ValueError:
                found = find_datetime(raw)
                if found:
                    return found[0]
    return None
