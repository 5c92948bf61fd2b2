"""The vendored country outlines decode to the right places, and a map frames its pins."""

from __future__ import annotations

import re

from newsweave.web.geo import Pin, countries, map_svg


def test_outlines_decode_to_their_countries() -> None:
    shapes = dict(countries())
    assert len(shapes) > 170
    lons = [lon for ring in shapes["Syria"] for lon, _ in ring]
    lats = [lat for ring in shapes["Syria"] for _, lat in ring]
    assert 35 < min(lons) < 36.5 and 42 < max(lons) < 42.5 and 32 < min(lats) < 33 and 37 < max(lats) < 37.5


def test_a_map_frames_its_pins_and_escapes_their_labels() -> None:
    svg = str(map_svg([Pin(34.45, 40.92, "Abu Kamal", 2), Pin(35.33, 40.14, "<b>Deir</b>", 1)]))
    for x, y in re.findall(r'<circle cx="([\d.-]+)" cy="([\d.-]+)"', svg):
        assert 0 < float(x) < 640 and 0 < float(y) < 380
    assert "&lt;b&gt;Deir&lt;/b&gt;" in svg and "<b>" not in svg
    assert "<title>Syria</title>" in svg and "<title>Brazil</title>" not in svg
    assert str(map_svg([])) == ""


def test_named_countries_are_shaded_not_pinned() -> None:
    svg = str(map_svg([Pin(34.45, 40.92, "Abu Kamal", 2)], shade={"Syria"}))
    assert '<path class="land named" d="' in svg and svg.count('class="land named"') == 1
    assert re.search(r'class="land named"[^>]*><title>Syria</title>', svg)
