"""Article text is hostile input: a page carrying <script>, onerror= and javascript: links runs nothing."""

from __future__ import annotations

from typing import Any

from web.conftest import HOSTILE_TITLE

PROBE = """() => ({
  xss: window.__xss === undefined ? null : window.__xss,
  scripts: Array.from(document.scripts).map(s => s.getAttribute('src')),
  handlers: Array.from(document.querySelectorAll('*')).filter(
      el => Array.from(el.attributes).some(a => a.name.startsWith('on'))).length,
  jsLinks: Array.from(document.querySelectorAll('[href],[src]')).filter(
      el => /^\\s*javascript:/i.test(el.getAttribute('href') || el.getAttribute('src') || '')).length,
  images: document.images.length,
})"""


def _assert_inert(page: Any) -> None:
    probe = page.evaluate(PROBE)
    assert probe == {"xss": None, "scripts": ["/static/app.js"], "handlers": 0, "jsLinks": 0, "images": 0}, probe
    assert not page.dialogs and not page.errors


def test_hostile_pages_run_nothing_anywhere(page: Any, server: str) -> None:
    page.goto(server + "/")
    _assert_inert(page)
    assert HOSTILE_TITLE in page.locator("#story-rows").inner_text()  # shown as text, literally
    story = page.locator("#story-rows tr", has_text="Evil title").locator("a").first.get_attribute("href")
    page.goto(server + str(story))
    _assert_inert(page)
    page.locator("ol.articles a.title", has_text="Evil title").click()
    page.wait_for_load_state()
    _assert_inert(page)
    body = page.locator(".body").inner_text()
    assert "<script>window.__xss=2</script>" in body
    assert "javascript:window.__xss=4" in page.locator(".meta-box").inner_text()  # the URL as text, not a link
    for url in ["/search?q=flood+dam&mode=words", "/search?q=%3Cscript%3Ewindow.__xss%3D11%3C%2Fscript%3E"]:
        page.goto(server + url)
        _assert_inert(page)


def test_the_html_page_keeps_its_text_and_loses_its_code(page: Any, server: str) -> None:
    page.goto(server + "/search?q=Flood+hits+the+valley&mode=words")
    page.locator("table.hits a", has_text="Flood").first.click()
    page.wait_for_load_state()
    _assert_inert(page)
    assert "Rescue teams reached the flooded villages" in page.locator(".body").inner_text()


def test_every_page_carries_the_content_security_policy(page: Any, server: str) -> None:
    response = page.goto(server + "/")
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'none'" in csp and "unsafe-inline" not in csp
