"""Shared fixtures: where the seeds and public benchmarks live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsweave import Newsweave, Settings

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


@pytest.fixture(scope="session")
def seeded_store(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> Path:
    """The seeds, ingested and linked: story of 000 and 001 (versions) and story of 002."""
    path = tmp_path_factory.mktemp("seeded") / "news.sqlite"
    with Newsweave(Settings(db_path=path)) as nw:
        nw.ingest([seeds_dir])
        nw.link()
    return path


def copy_store(source: Path, folder: Path) -> Path:
    """A copy of a store with the index files beside it."""
    for f in source.parent.iterdir():
        if f.name.startswith(source.name):
            shutil.copy(f, folder / f.name)
    return folder / source.name
