"""The UI in a real headless browser over the seeds: versions side by side, aligned sentences, the numbers that
differ, provenance, related stories, comments, search, merge and split."""

from __future__ import annotations

from typing import Any

from web.conftest import TOKEN


def _version_story(page: Any, server: str) -> str:
    page.goto(server + "/")
    link = page.locator("#story-rows tr", has_text="From hell to hell").locator("a").first
    return str(link.get_attribute("href"))


def test_the_story_list_shows_stories_and_refreshes_in_place(page: Any, server: str) -> None:
    page.goto(server + "/")
    rows = page.locator("#story-rows tr")
    assert rows.count() >= 3
    assert page.locator("#story-rows", has_text="From hell to hell").count() == 1
    page.evaluate("document.getElementById('story-rows').setAttribute('data-marker', 'kept')")
    with page.expect_response(lambda r: "/fragments/stories" in r.url):
        page.click("#refresh")
    page.wait_for_timeout(200)
    assert page.locator("#story-rows").get_attribute("data-marker") == "kept"  # same page, rows replaced
    assert page.locator("#story-rows tr").count() == rows.count()
    page.goto(server + "/?language=fr")
    assert page.locator("#story-rows tr").count() == 1
    assert "Saoudien" in page.locator("#story-rows").inner_text()
    assert page.locator(".glance").inner_text().count("FR") >= 1


def test_the_story_page_shows_the_versions_side_by_side(page: Any, server: str) -> None:
    story_url = _version_story(page, server)
    detail = page.request.get(server + "/api" + story_url).json()
    (version,) = [x for x in detail["relations"] if x["kind"] == "version"]
    page.goto(server + story_url)
    compare = page.locator("section.compare").first
    head = compare.locator(".sbs-head").inner_text()
    assert "Military Review" in head and "Русская весна" in head
    aligned = compare.locator(".sbs-row.aligned .cell").all_inner_texts()
    pairs = [[p["a_text"], p["b_text"]] for p in version["evidence"]["aligned"]]
    assert [aligned[i : i + 2] for i in range(0, len(aligned), 2)] == pairs  # every pair, in order, side by side
    marked = compare.locator(".sbs-row mark.differs").all_inner_texts()
    assert "more than 50" in marked and "around 50" in marked
    row = compare.locator(".sbs-row.differs", has_text="more than 50")
    assert "around 50" in row.inner_text()  # the two figures sit on one aligned row
    assert page.locator("svg.provenance .node").count() == 2
    assert page.locator("svg.provenance line.copy").count() == 1
    related = page.locator("ul.related").inner_text()
    assert "Saoudien" in related and "related" in related
    assert not page.errors  # no script error, nothing blocked by the CSP


def test_comments_are_collapsed_under_each_article(page: Any, server: str) -> None:
    page.goto(server + _version_story(page, server))
    details = page.locator("details.comments").first
    assert details.locator("summary").inner_text() == "14 reader comments"
    assert not details.locator("li").first.is_visible()
    details.locator("summary").click()
    assert details.locator("li").first.is_visible()
    assert details.locator("li.depth-1").count() == 3


def test_search_finds_the_french_report_from_english(page: Any, server: str) -> None:
    page.goto(server + "/search")
    page.fill("form.search input[name=q]", "Saudi recruitment official killed near Deir ez-Zor")
    page.click("form.search button")
    page.wait_for_selector("table.hits")
    first = page.locator("table.hits tr").nth(1)
    assert "FR" in first.inner_text().upper() and "Saoudien" in first.inner_text()


def test_split_then_merge_from_the_story_page(page: Any, server: str) -> None:
    story_url = _version_story(page, server)
    page.goto(server + story_url)
    page.fill("#token", TOKEN)
    page.locator("#split-form input[name=article]").nth(1).check()
    with page.expect_navigation():
        page.click("#split-button")
    new_story = page.url.rsplit("/", 1)[-1]
    assert page.url != server + story_url and page.locator("ol.articles > li").count() == 1
    page.goto(server + story_url)
    page.fill("#absorb", new_story)
    with page.expect_navigation():
        page.click("#merge-button")
    assert page.locator("ol.articles > li").count() == 2
    page.fill("#token", "wrong-token")
    page.fill("#absorb", "424242")
    page.click("#merge-button")
    page.wait_for_selector("#edit-status.error")
    assert "token" in page.locator("#edit-status").inner_text()


def test_the_api_reference_is_served_offline(page: Any, server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(server + "/docs")
    assert page.locator("table.api tr", has_text="/api/stories/{story_id}").count() >= 1
    assert page.locator("table.api code", has_text="/api/export/articles").count() == 1
    assert all(url.startswith(server) for url in requested), requested  # nothing from a CDN
