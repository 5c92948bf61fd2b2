"""Bearer-token checks, the token's origin (configured, or generated once beside the store) and size limits."""

from __future__ import annotations

import hmac
import os
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave.api.errors import TooLarge, Unauthorized, error_response
from newsweave.api.state import Hub

_bearer = HTTPBearer(auto_error=False, description="The server's token: `newsweave serve` prints it when it makes it.")


def token_file(db_path: Path) -> Path:
    """Where a generated token is kept: beside the store, readable by its owner only."""
    return db_path.with_name(db_path.name + ".token")


def load_or_create_token(db_path: Path) -> tuple[str, bool]:
    """The token kept beside the store, made on first use; True when it was made now (show it once)."""
    path = token_file(db_path)
    if path.is_file():
        return path.read_text(encoding="utf-8").strip(), False
    token = secrets.token_urlsafe(32)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(token + "\n")
    return token, True


def hub_of(request: Request) -> Hub:
    """The server state the app was built with."""
    hub: Hub = request.app.state.hub
    return hub


def _check(hub: Hub, credentials: HTTPAuthorizationCredentials | None) -> None:
    given = credentials.credentials if credentials else ""
    # Constant-time comparison, so the token cannot be guessed from response times.
    if not hmac.compare_digest(given.encode(), hub.config.token.encode()):
        raise Unauthorized(
            "this request needs the server's bearer token" if not given else "the bearer token is not this server's",
            hint="send 'Authorization: Bearer <token>'; `newsweave serve` printed it when it made it",
        )


def require_token(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Dependency of every write."""
    _check(hub_of(request), credentials)


def require_read(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> None:
    """Dependency of every read: open unless the server was started with closed reads."""
    hub = hub_of(request)
    if not hub.config.open_reads:
        _check(hub, credentials)


class SizeLimit:
    """Refuse bodies larger than the limits: uploads (multipart) and everything else have their own."""

    def __init__(self, app: ASGIApp, *, max_upload_bytes: int, max_body_bytes: int) -> None:
        self.app = app
        self.max_upload = max_upload_bytes
        self.max_body = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        upload = headers.get("content-type", "").startswith("multipart/")
        limit = self.max_upload if upload else self.max_body
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            response = error_response(413, f"the request body ({declared} bytes) is over the limit of {limit} bytes")
            await response(scope, receive, send)
            return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > limit:  # a chunked body that gave no length, or lied about it
                raise TooLarge(f"the request body is over the limit of {limit} bytes")
            return message

        await self.app(scope, counted, send)


def limits(hub: Hub) -> dict[str, Any]:
    """The SizeLimit options of a hub's configuration."""
    return {"max_upload_bytes": hub.config.max_upload_bytes, "max_body_bytes": hub.config.max_body_bytes}
