"""`newsweave serve`: the REST API and the web UI in one process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from newsweave.cli import render
from newsweave.cli.state import open_newsweave
from newsweave.errors import ConfigError


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8020,
    token: Annotated[
        str | None,
        typer.Option(
            envvar="NEWSWEAVE_TOKEN", help="Bearer token for writes. Default: made once, kept beside the store."
        ),
    ] = None,
    closed_reads: Annotated[bool, typer.Option("--closed-reads", help="Reads need the token too.")] = False,
    max_upload_mb: Annotated[int, typer.Option(min=1, help="Largest upload accepted, in MB.")] = 512,
) -> None:
    """Serve the REST API (under /api, OpenAPI at /docs) and the web UI over the store.

    Writes (ingest, link, merge, split) need the bearer token; it is printed once, when it is made.

    Example: newsweave serve --port 8020
    """
    import uvicorn

    from newsweave.api import ApiConfig, create_app
    from newsweave.api.auth import load_or_create_token, token_file
    from newsweave.store.postgres import postgres_token_base

    with open_newsweave(ctx) as nw:  # open (and migrate) the store before the first request
        settings = nw.settings
    target = settings.store_target
    if str(target) == ":memory:":
        raise ConfigError("the server needs a store file, not :memory:", hint="pass --db PATH")
    # A PostgreSQL store's token is kept in the data folder, under a name derived from its URL.
    token_base = target if isinstance(target, Path) else postgres_token_base(target)
    if token is None:
        token, created = load_or_create_token(token_base)
        if created:
            render.err.print(f"API token (shown once; kept in {token_file(token_base)}): {token}", markup=False)
    config = ApiConfig(token=token, open_reads=not closed_reads, max_upload_bytes=max_upload_mb * 1024 * 1024)
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("CI"):
        render.err.print(f"Listening on {host}: anyone who can reach it can read the store.", markup=False)
    render.err.print(f"newsweave serving {nw.store.location} on http://{host}:{port}/", markup=False)
    uvicorn.run(create_app(settings, config, warm=True), host=host, port=port, log_level="warning")
