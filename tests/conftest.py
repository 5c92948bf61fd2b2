"""Shared fixtures: where the seeds and public benchmarks live."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# CI clones the repository with shared/ beside it; locally the checkout sits in the same place.
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The three seed captures."""
    if not SEEDS.is_dir():
        pytest.fail(f"seed captures not found at {SEEDS}; clone shared/ beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """Small test inputs kept in the repository."""
    return DATA
