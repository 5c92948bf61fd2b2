"""Every error class becomes the one JSON shape with its own status; nothing leaks a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.conftest import TOKEN
from newsweave import Settings
from newsweave.api import ApiConfig, create_app
from newsweave.api.errors import TooLarge, Unauthorized
from newsweave.errors import (
    ConfigError,
    Conflict,
    InputError,
    ModelUnavailable,
    NewsweaveError,
    NotFound,
    StoreError,
)

CLASSES = [NewsweaveError, InputError, ConfigError, NotFound, Conflict, StoreError, ModelUnavailable,
           Unauthorized, TooLarge]  # fmt: skip


@pytest.fixture
def app_client(tmp_path: Path) -> TestClient:
    app = create_app(Settings(db_path=tmp_path / "s.sqlite"), ApiConfig(token=TOKEN))

    @app.get("/api/boom/{name}")
    def boom(name: str) -> None:
        if name == "bug":
            raise RuntimeError("secret internals /etc/passwd")
        raise next(c for c in CLASSES if c.__name__ == name)(f"{name} happened", hint="do this")

    return TestClient(app, raise_server_exceptions=False)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_each_error_class_has_the_shape_and_its_status(app_client: TestClient, cls: type[NewsweaveError]) -> None:
    response = app_client.get(f"/api/boom/{cls.__name__}")
    assert response.status_code == cls.status
    assert response.json() == {"ok": False, "error": f"{cls.__name__} happened", "errors": [f"{cls.__name__} happened"],
                               "status": cls.status, "hint": "do this"}  # fmt: skip


def test_an_unexpected_error_says_nothing_of_its_internals(app_client: TestClient) -> None:
    response = app_client.get("/api/boom/bug")
    assert response.status_code == 500
    assert response.json()["error"] == "internal error; the server log has the details"
    assert "passwd" not in response.text and "Traceback" not in response.text


def test_validation_errors_and_unknown_routes_have_the_shape(app_client: TestClient) -> None:
    bad = app_client.get("/api/stories", params={"limit": 0})
    assert bad.status_code == 422 and bad.json()["ok"] is False and bad.json()["errors"][0].startswith("query.limit")
    missing = app_client.get("/api/nothing-here")
    assert missing.status_code == 404 and missing.json()["status"] == 404


def test_the_ui_answers_errors_with_an_escaped_page(app_client: TestClient) -> None:
    response = app_client.get("/articles/<img src=x onerror=alert(1)>")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert "<img" not in response.text and "&lt;img src=x onerror=alert(1)&gt;" in response.text
