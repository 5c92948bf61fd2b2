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


def test_drupal_comments_are_read() -> None:
    # The markup Drupal 7's Bartik theme prints for a comment thread.
    item = (
        "<a id='comment-{n}'></a><div class='comment comment-by-anonymous clearfix'>"
        "<div class='attribution'><div class='comment-submitted'><p class='commenter-name'>"
        "<span class='username'>{who}</span></p><p class='comment-time'>Tue, 03/06/2012 - 10:2{n}</p></div></div>"
        "<div class='comment-text'><div class='content'><div class='field field-name-comment-body'>"
        "<p>{text}</p></div></div><ul class='links inline'><li class='comment-reply first'><a>reply</a></li>"
        "</ul></div></div>"
    )
    page = (
        "<div id='comments' class='comment-wrapper'><h2 class='title'>Comments</h2>"
        + item.format(n=1, who="Anna", text="The minutes of that meeting were never published.")
        + "<div class='indented'>"
        + item.format(n=2, who="Tomas", text="They were, on the council site, a week later.")
        + "</div></div>"
    )
    found = [(c.author, c.text, c.time is not None) for c in parse_comments(page)]
    assert found == [
        ("Anna", "The minutes of that meeting were never published.", True),
        ("Tomas", "They were, on the council site, a week later.", True),
    ]


def test_disqus_threads_rendered_in_the_page_are_read() -> None:
    # The markup of the Disqus WordPress plugin's server-rendered thread (2012).
    page = (
        "<div id='disqus_thread'><ul id='dsq-comments'>"
        "<li class='comment' id='dsq-comment-501'><div id='dsq-comment-header-501' class='dsq-comment-header'>"
        "<cite id='dsq-cite-501'><span id='dsq-author-user-501'>mike_r</span></cite></div>"
        "<div id='dsq-comment-body-501' class='dsq-comment-body'><div id='dsq-comment-message-501'"
        " class='dsq-comment-message'><p>Source for the budget figure?</p></div></div></li></ul>"
        "<script type='text/javascript'>/*<![CDATA[*/ var disqus_url = 'x'; /*]]>*/</script></div>"
    )
    assert [(c.author, c.text) for c in parse_comments(page)] == [("mike_r", "Source for the budget figure?")]


def test_a_page_wrapped_in_one_form_keeps_its_comments() -> None:
    # ASP.NET WebForms pages put everything inside <form id="aspnetForm">.
    article = "<p>" + "The port authority published its accounts on Monday. " * 100 + "</p>"
    page = (
        "<form id='aspnetForm' method='post'>" + article + "<div id='comments'>"
        "<div class='comment' id='comment-7'><span class='author'>Lea</span><span class='date'>6 March 2012</span>"
        "<p>Finally some transparency from them.</p></div>"
        "<form id='reply'><textarea></textarea><label>Leave a comment</label></form></div></form>"
    )
    assert [(c.author, c.text) for c in parse_comments(page)] == [("Lea", "Finally some transparency from them.")]
