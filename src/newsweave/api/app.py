"""The server's one ASGI app: the REST API under ``/api`` and the web UI, over one ``Hub``."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import version
from typing import Any

from fastapi import Depends, FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.api import articles, errors, exports, facts, jobs, search, stories
from newsweave.api.auth import SizeLimit, hub_of, limits, require_read
from newsweave.api.models import ErrorOut, StatusOut
from newsweave.api.state import ApiConfig, Hub
from newsweave.config import Settings

# No source text can run: scripts only from this server, no inline script, no plugins, no framing.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
_SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorOut, "description": text}
    for code, text in [(400, "Bad request"), (401, "Token missing or wrong"), (404, "Not found"),
                       (409, "Conflict"), (413, "Body too large"), (422, "Invalid input"), (500, "Server error"),
                       (503, "Model unavailable")]
}  # fmt: skip


class SecurityHeaders:
    """Add the CSP and related headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *_SECURITY_HEADERS]
            await send(message)

        await self.app(scope, receive, with_headers)


# Times are ISO 8601 as ``datetime.isoformat()`` writes them; a stored time may carry no UTC offset,
# which RFC 3339's "date-time" format requires, so the document says exactly what is sent.
_ISO_TIME = {
    "type": "string",
    "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?$",
    "description": "ISO 8601 date and time; the UTC offset is absent when the source gave none",
}


def _describe_times(app: FastAPI) -> None:
    """Replace ``format: date-time`` in the generated document with the ISO 8601 form actually sent."""
    generate = app.openapi

    def walk(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("type") == "string" and node.get("format") == "date-time":
                return {**{k: v for k, v in node.items() if k != "format"}, **_ISO_TIME}
            return {k: walk(v) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = walk(generate())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def create_app(settings: Settings, config: ApiConfig, *, web: bool = True, warm: bool = False) -> FastAPI:
    """Build the app over a store.

    Example:
        >>> from pathlib import Path
        >>> app = create_app(Settings(db_path=Path("/tmp/doctest.sqlite")), ApiConfig(token="x" * 32))
        >>> sorted(r for r in app.openapi()["paths"] if r.startswith("/api/stories"))[:2]
        ['/api/stories', '/api/stories/edits']
    """
    hub = Hub(settings, config)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if warm:  # load the search models while the first pages are served
            threading.Thread(target=hub.warm, name="newsweave-warm", daemon=True).start()
        yield
        hub.close()

    app = FastAPI(
        title="newsweave",
        version=version("newsweave"),
        description="Articles, stories, relations with evidence, provenance and search over a newsweave store.",
        lifespan=lifespan,
        responses=_ERRORS,
        # FastAPI's own /docs and /redoc load their scripts from a CDN: the UI serves its own reference.
        docs_url=None,
        redoc_url=None,
    )
    app.state.hub = hub
    errors.install(app)
    for module in (articles, stories, facts, search, jobs, exports):
        app.include_router(module.router)

    @app.get("/api/status", response_model=StatusOut, tags=["status"], dependencies=[Depends(require_read)])
    def status(request: Request) -> dict[str, Any]:
        """The store at a glance."""
        h = hub_of(request)
        return {"ok": True, "articles": h.reader().count_articles(), "open_reads": h.config.open_reads,
                "version": version("newsweave")}  # fmt: skip

    _describe_times(app)
    if web:
        from newsweave.web import install as install_web

        install_web(app)
    app.add_middleware(SizeLimit, **limits(hub))
    app.add_middleware(SecurityHeaders)
    return app
