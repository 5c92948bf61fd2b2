from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsweave.extract.html_comments import parse_comments


def _wp_item(n: int, author: str, text: str, children: str = "") -> str:
    """A comment as WordPress 5 themes print it: li#comment-N wrapping a schema.org article."""
    return (
        f"<li id='comment-{n}' class='comment depth-1'>"
        f"<article id='div-comment-{n}' class='comment-body' itemscope itemtype='https://schema.org/Comment'>"
        f"<footer class='comment-meta'><div class='comment-author vcard'><b class='fn'>{author}</b>"
        f" <span class='says'>says:</span></div><div class='comment-metadata'>"
        f"<time datetime='2019-11-19T06:3{n}:00+00:00'>November 19, 2019</time></div></footer>"
        f"<div class='comment-content'><p>{text}</p></div>"
        f"<div class='reply'><a class='comment-reply-link'>Reply</a></div></article>{children}</li>"
    )


def test_wrapped_items_keep_their_threads() -> None:
    reply = _wp_item(2, "Bo", "Thanks, that helps a lot.")
    page = (
        "<div id='comments'><ol class='comment-list'>"
        + _wp_item(1, "Ann", "Which shop was this?", f"<ol class='children'>{reply}</ol>")
        + _wp_item(3, "Cy", "Great article, well sourced.")
        + "</ol></div>"
    )
    found = [(c.author, c.text, c.reply_to) for c in parse_comments(page)]
    assert found == [
        ("Ann", "Which shop was this?", None),
        ("Bo", "Thanks, that helps a lot.", 0),
        ("Cy", "Great article, well sourced.", None),
    ]


def test_pingbacks_are_not_comments_even_without_a_class() -> None:
    page = (
        "<h3 id='comments'>2 Kommentare</h3><ol class='commentlist'>"
        "<li id='comment-1'><cite>Pingback von <a href='#'>Lesezeichen</a></cite> | <small>11.09.2011</small>"
        "<p>[&#8230;] Unlängst spazierte ich durch Eimsbüttel [&#8230;]</p></li>"
        "<li id='comment-2'><cite>Jana</cite> | <small>12.09.2011</small>"
        "<p>Wie schön, so etwas sieht man selten!</p></li>"
        "</ol>"
    )
    assert [c.text for c in parse_comments(page)] == ["Wie schön, so etwas sieht man selten!"]


def test_widgets_counters_and_loose_posts_are_not_comments() -> None:
    page = (
        "<aside><ul id='recentcomments'><li class='comment'><span class='comment-author'>Pat</span> on"
        " <a>Ferry fares rise again this spring</a></li></ul></aside>"
        "<div class='post'><p>An article teaser that is not in any comment section at all.</p></div>"
        "<div id='comments'><span class='comment-count'>0 Comments</span><p>Loading comments...</p></div>"
    )
    assert parse_comments(page) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=800))
def test_any_markup_gives_a_list_of_comments(text: str) -> None:
    html = f"<div id='comments'><div class='comment' id='comment-1'>{text}</div></div>"
    comments = parse_comments(html)
    assert all(c.text.strip() and (c.reply_to is None or c.reply_to < i) for i, c in enumerate(comments))
