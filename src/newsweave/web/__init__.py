"""The web UI: server-rendered pages over the same facade as the REST API (filled in by web/routes.py)."""

from __future__ import annotations

from fastapi import FastAPI


def install(app: FastAPI) -> None:
    """Mount the UI's routes and static files on the app."""
