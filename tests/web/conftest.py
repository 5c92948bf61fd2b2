"""A real server (uvicorn, loopback) over a copy of the seeded store plus hostile pages, and a headless Chromium.

The browser is Debian's `chromium`, driven by Playwright (no browser download); `.ci/run` installs it.
Screenshots go to `test-artifacts/` (ignored by git).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from conftest import REPO, add_seed_facts, copy_store
from newsweave import Newsweave, Settings
from newsweave.api import ApiConfig, create_app

TOKEN = "web-test-token-" + "y" * 24
CHROMIUM = Path(os.environ.get("NEWSWEAVE_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = REPO / "test-artifacts"
HOSTILE_TITLE = '<img src=x onerror="window.__xss=1">Evil title'
HOSTILE_RECORD = {
    "title": HOSTILE_TITLE,
    "text": "<script>window.__xss=2</script> A dam upstream of the town failed overnight, officials said. "
    "<a href='javascript:window.__xss=3'>click</a> Rescue teams reached the flooded villages by boat. " * 8,
    "url": "javascript:window.__xss=4",
    "outlet": '<b onmouseover="window.__xss=5">Evil Wire</b>',
    "language": "en",
    "date": "2024-03-01",
}
HOSTILE_HTML = """<!doctype html><html><head><title>Flood <script>window.__xss=6</script></title>
<meta property="og:site_name" content="Hostile Post"></head><body><article><h1>Flood hits the valley</h1>
<p>A dam upstream of the valley failed overnight and water reached the lower villages before dawn, officials said.</p>
<script>window.__xss=7</script><img src="x" onerror="window.__xss=8">
<p>Rescue teams <a href="javascript:window.__xss=9">reached</a> the flooded villages by boat and moved families
to the school on the hill, where the regional authorities opened a shelter for the night.</p>
<p onmouseover="window.__xss=10">The river is expected to fall within two days, the weather service said.</p>
</article></body></html>"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def web_store(seeded_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeded store plus two hostile pages (a JSON record and an HTML page), linked; facts on the seeds."""
    folder = tmp_path_factory.mktemp("web")
    store = copy_store(seeded_store, folder)
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    (inputs / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    with Newsweave(Settings(db_path=store)) as nw:
        report = nw.ingest([inputs])
        assert report.stored == 2, report.as_dict()
        nw.link()
    add_seed_facts(store)
    return store


@pytest.fixture(scope="session")
def server(web_store: Path) -> Iterator[str]:
    """The app served on a free loopback port; yields its base URL."""
    port = _free_port()
    app = create_app(Settings(db_path=web_store), ApiConfig(token=TOKEN))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=30)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium (Debian's), driven by Playwright."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install it with `apt-get install -y chromium` (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        args = ["--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            args.append("--no-sandbox")
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield b
        b.close()


@pytest.fixture
def page(browser: object, request: pytest.FixtureRequest) -> Iterator[object]:
    """A fresh page that records console errors and dialogs, and is screenshotted at the end."""
    context = browser.new_context(viewport={"width": 1360, "height": 900})  # type: ignore[attr-defined]
    pg = context.new_page()
    pg.dialogs = []
    pg.errors = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # A Content-Security-Policy violation (a blocked script, style or image) shows as a console error.
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    yield pg
    ARTIFACTS.mkdir(exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


def clean_artifacts() -> None:
    """Remove old screenshots (kept otherwise for looking at after a run)."""
    shutil.rmtree(ARTIFACTS, ignore_errors=True)
