"""A store with the seeds ingested and linked, made once per session; each test that writes gets a copy."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsweave import Newsweave, Settings
from newsweave.api import ApiConfig, create_app

TOKEN = "test-token-" + "x" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}


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


@pytest.fixture
def store_copy(seeded_store: Path, tmp_path: Path) -> Path:
    """A private copy of the seeded store, for tests that write."""
    return copy_store(seeded_store, tmp_path)


@pytest.fixture
def client(store_copy: Path) -> Iterator[TestClient]:
    """A client of the app over a copy of the seeded store (reads open)."""
    app = create_app(Settings(db_path=store_copy), ApiConfig(token=TOKEN))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
