"""The REST face's one exception handler: every error is ``{"ok": false, "error", "errors", "status"}``.

Statuses come from the error classes (``newsweave.errors``); validation errors list each bad field;
anything unexpected is logged with its traceback on the server and answered with a plain 500, never
a stack trace.
"""

from __future__ import annotations

import html
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from newsweave.errors import NewsweaveError

log = logging.getLogger(__name__)


class Unauthorized(NewsweaveError):
    """The request needs the bearer token and did not carry the right one."""

    status = 401


class TooLarge(NewsweaveError):
    """The request body is larger than the server accepts."""

    status = 413


def error_body(status: int, message: str, errors: list[str] | None = None, hint: str | None = None) -> dict[str, Any]:
    """The JSON body of every error response."""
    body: dict[str, Any] = {"ok": False, "error": message, "errors": errors or [message], "status": status}
    if hint:
        body["hint"] = hint
    return body


def error_response(status: int, message: str, errors: list[str] | None = None, hint: str | None = None) -> JSONResponse:
    """An error response in the one shape."""
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    return JSONResponse(error_body(status, message, errors, hint), status_code=status, headers=headers)


def _for(request: Request, status: int, message: str, hint: str | None = None) -> Response:
    """JSON for the API; a plain page (escaped) for a browser on the UI's pages."""
    if request.url.path.startswith(("/api", "/openapi", "/docs", "/redoc", "/static")):
        return error_response(status, message, hint=hint)
    page = _PAGE.format(status=status, message=html.escape(message), hint=html.escape(hint or ""))
    return HTMLResponse(page, status_code=status)


_PAGE = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{status} · newsweave</title>'
    '<link rel="stylesheet" href="/static/style.css"></head><body><header class="top"><a class="brand" href="/">'
    'news<span>weave</span></a></header><main><h1>{status}</h1><p>{message}</p><p class="muted">{hint}</p>'
    '<p><a href="/">Back to the stories</a></p></main></body></html>'
)


def _newsweave_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NewsweaveError)
    return _for(request, exc.status, str(exc), exc.hint)


def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
    return error_response(422, errors[0] if errors else "invalid request", errors)


def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _for(request, exc.status_code, str(exc.detail))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal error; the server log has the details")


def install(app: FastAPI) -> None:
    """Register the handlers on an app."""
    app.add_exception_handler(NewsweaveError, _newsweave_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
