"""A map without a tile server: country outlines (world-atlas TopoJSON, vendored) drawn as inline SVG, with pins.

The projection is equirectangular, with longitudes scaled by the cosine of the map's middle latitude
so that a region keeps its shape; the view is framed on the pins, never less than a few degrees wide.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from markupsafe import Markup, escape

_MIN_SPAN = 8.0  # degrees: a single pin still shows its region
_PAD = 0.35  # of the pins' extent, on each side


@dataclass(frozen=True, slots=True)
class Pin:
    """A point to mark: where, what to call it, how many articles name it."""

    lat: float
    lon: float
    label: str
    weight: int = 1


@lru_cache(maxsize=1)
def countries() -> tuple[tuple[str, tuple[tuple[tuple[float, float], ...], ...]], ...]:
    """Every country's name and rings (lists of (lon, lat)), decoded once from the TopoJSON."""
    topo = json.loads((resources.files("newsweave.web") / "data" / "countries-110m.json").read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # delta-encoded, quantized positions
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)

    def ring(indices: list[int]) -> tuple[tuple[float, float], ...]:
        out: list[tuple[float, float]] = []
        for i in indices:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points[1:] if out else points)  # consecutive arcs share their end point
        return tuple(out)

    result = []
    for geometry in topo["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        rings = tuple(ring(r) for polygon in polygons for r in polygon)
        result.append((str(geometry.get("properties", {}).get("name", "")), rings))
    return tuple(result)


def map_svg(pins: list[Pin], width: int = 640, height: int = 380, shade: set[str] | None = None) -> Markup:
    """An SVG map framed on the pins, the countries named in ``shade`` filled; empty when there is nothing to pin."""
    shaded = {name.casefold() for name in shade or ()}
    if not pins:
        return Markup("")
    lats, lons = [p.lat for p in pins], [p.lon for p in pins]
    mid_lat = (max(lats) + min(lats)) / 2
    k = max(math.cos(math.radians(mid_lat)), 0.2)
    # Frame in projected units (lon * k, -lat), padded, at the output's aspect ratio.
    x0, x1 = min(lons) * k, max(lons) * k
    y0, y1 = -max(lats), -min(lats)
    span_x = max(x1 - x0, _MIN_SPAN) * (1 + 2 * _PAD)
    span_y = max(y1 - y0, _MIN_SPAN) * (1 + 2 * _PAD)
    if span_x / span_y < width / height:
        span_x = span_y * width / height
    else:
        span_y = span_x * height / width
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left, top = cx - span_x / 2, cy - span_y / 2
    scale = width / span_x

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return (lon * k - left) * scale, (-lat - top) * scale

    paths = []
    for name, rings in countries():
        d = []
        for r in rings:
            if not _near(r, left / k, (left + span_x) / k, -(top + span_y), -top):
                continue
            d.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in (xy(lon, lat) for lon, lat in r)) + "Z")
        if d:
            kind = "land named" if name.casefold() in shaded else "land"
            paths.append(f'<path class="{kind}" d="{"".join(d)}"><title>{escape(name)}</title></path>')
    top_weight = max(p.weight for p in pins)
    dots = []
    for pin in sorted(pins, key=lambda p: -p.weight):
        x, y = xy(pin.lon, pin.lat)
        radius = 4 + 6 * math.sqrt(pin.weight / top_weight)
        dots.append(
            f'<g class="pin"><circle cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>'
            f'<text x="{x + radius + 3:.1f}" y="{y + 4:.1f}">{escape(pin.label)}</text>'
            f"<title>{escape(pin.label)}: {pin.weight} article{'s' if pin.weight != 1 else ''}</title></g>"
        )
    return Markup(
        f'<svg class="map" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
        f'aria-label="Map of the places named">'
        f'<rect class="sea" width="{width}" height="{height}"/>{"".join(paths)}{"".join(dots)}</svg>'
    )


def _near(ring: tuple[tuple[float, float], ...], lon0: float, lon1: float, lat0: float, lat1: float) -> bool:
    """Whether a ring's bounding box meets the view (rings far away are left out of the SVG)."""
    lons = [p[0] for p in ring]
    lats = [p[1] for p in ring]
    return max(lons) >= lon0 and min(lons) <= lon1 and max(lats) >= lat0 and min(lats) <= lat1
