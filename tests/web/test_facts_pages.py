"""The story page's facts sections: disagreements with both quotes, the timeline, the map with its pins."""

from __future__ import annotations

from typing import Any

from web.test_pages import _version_story


def test_disagreements_timeline_and_map_render(page: Any, server: str) -> None:
    page.goto(server + _version_story(page, server))
    disagreement = page.locator(".disagreement").first
    quotes = disagreement.locator("blockquote")
    assert quotes.count() == 2
    assert quotes.nth(0).locator("mark.differs").inner_text() == "more than 50"
    assert quotes.nth(1).locator("mark.differs").inner_text() == "around 50"
    assert "Military Review" in quotes.nth(0).inner_text() and "Русская весна" in quotes.nth(1).inner_text()
    assert "qualifier" in disagreement.locator(".relation").inner_text().lower()
    event = page.locator(".timeline li").first
    assert event.locator("time").get_attribute("datetime") == "2017-11-23T00:00:00"
    assert "on the eve" in event.locator("mark").inner_text()
    pins = [t.text_content() for t in page.locator("svg.map .pin text").all()]
    assert {"Abu Kamal", "Deir ez-Zor"} <= set(pins)
    assert page.locator("svg.map path.land").count() > 3  # Syria and its neighbours drawn around the pins
    box = page.locator("svg.map").bounding_box()
    for circle in page.locator("svg.map .pin circle").all():
        c = circle.bounding_box()
        assert box["x"] <= c["x"] and c["x"] + c["width"] <= box["x"] + box["width"]  # every pin inside the frame


def test_a_story_without_facts_shows_no_empty_sections(page: Any, server: str) -> None:
    page.goto(server + "/")
    page.locator("#story-rows tr", has_text="Flood hits the valley").locator("a").first.click()
    page.wait_for_load_state()
    assert page.locator(".disagreements, .timeline, svg.map").count() == 0
