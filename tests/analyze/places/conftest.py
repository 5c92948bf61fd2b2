"""One geocoder for the place tests: its gazetteer is built once into the user cache, then loaded."""

from __future__ import annotations

import pytest

from newsweave.analyze.places import Geocoder


@pytest.fixture(scope="session")
def geocoder() -> Geocoder:
    """A geocoder with its gazetteer loaded."""
    geocoder = Geocoder()
    _ = geocoder.gazetteer
    return geocoder
