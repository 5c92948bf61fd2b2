"""The web UI: server-rendered pages (Jinja2) and a little vanilla JS, every asset served by the package.

Pages go through the ``Newsweave`` facade as the REST routes do; the same Content-Security-Policy
covers both, so no script from an article could run even if a piece of text escaped escaping.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles


def install(app: FastAPI) -> None:
    """Mount the UI's pages and static files on the app."""
    from newsweave.web.routes import router

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
