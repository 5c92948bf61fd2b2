"""A store with the seeds ingested and linked, made once per session; each test that writes gets a copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import copy_store
from newsweave import Settings
from newsweave.api import ApiConfig, create_app

TOKEN = "test-token-" + "x" * 24
AUTH = {"Authorization": f"Bearer {TOKEN}"}


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
