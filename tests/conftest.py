"""Shared fixtures: where the seeds and public benchmarks live."""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsweave import Newsweave, Settings

REPO = Path(__file__).resolve().parents[1]
# CI clones the repository with shared/ beside it; locally the checkout sits in the same place.
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = Path(__file__).resolve().parent / "data"


# The test suite runs the store, link, facts and core tests on both backends. PostgreSQL is the
# server $NEWSWEAVE_TEST_PG_URL points at (a database of it where each test creates its own), or
# else a throwaway one started here on loopback (store/pg_local.py). When none can start, those
# tests skip saying why; with $NEWSWEAVE_REQUIRE_PG=1 (set by .ci/run) they fail instead.
BACKENDS = ("sqlite", "postgres")
_why_no_postgres: list[str] = []


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str | None]:
    """The URL of a PostgreSQL server's maintenance database, or None when none can be had."""
    given = os.environ.get("NEWSWEAVE_TEST_PG_URL")
    if given:
        yield given
        return
    from newsweave.errors import StoreError
    from newsweave.store import pg_local

    # Its own folder in the temp dir, not pytest's: the server runs as another user, and pytest
    # re-closes its base folder to others while a session runs.
    data = Path(tempfile.mkdtemp(prefix="newsweave-pg-")) / "data"
    try:
        server = pg_local.start(data)
    except StoreError as e:
        _why_no_postgres.append(f"PostgreSQL cannot start locally: {e.message}")
        _no_postgres(_why_no_postgres[-1])
        yield None
        return
    try:
        yield server.url()
    finally:
        pg_local.stop(data)
        shutil.rmtree(data.parent, ignore_errors=True)


def _no_postgres(reason: str) -> None:
    if os.environ.get("NEWSWEAVE_REQUIRE_PG") == "1":
        pytest.fail(f"{reason} (NEWSWEAVE_REQUIRE_PG=1: a missing PostgreSQL is a failure)")


def new_database(pg_server: str | None) -> str:
    """A new empty database on the test server (the test skips when there is no server)."""
    if pg_server is None:
        reason = (_why_no_postgres or ["PostgreSQL cannot start locally"])[-1]
        _no_postgres(reason)
        pytest.skip(f"{reason} (set NEWSWEAVE_TEST_PG_URL to use a server)")
    from newsweave.store.pg_local import create_database

    # A random name: this module may be imported twice (by pytest, and by tests importing it).
    return create_database(pg_server, f"newsweave_test_{uuid.uuid4().hex[:16]}")


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """Where a store of each backend goes: a SQLite file, or a new PostgreSQL database's URL."""
    if request.param == "sqlite":
        return tmp_path / "store.sqlite"
    return new_database(request.getfixturevalue("pg_server"))


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The three seed captures."""
    if not SEEDS.is_dir():
        pytest.fail(f"seed captures not found at {SEEDS}; clone shared/ beside the repository")
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """Small test inputs kept in the repository."""
    return DATA


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


# Facts as the analyze stage will write them, put by hand into a store of the seeds, so the faces'
# facts views are tested whatever the readers find (their own tests check what they find).
SEED_PLACES = {
    "Abu Kemal": (170017, "Abu Kamal", "SY", 34.4506, 40.9171, "P.PPL"),
    "Abu Kamal": (170017, "Abu Kamal", "SY", 34.4506, 40.9171, "P.PPL"),
    "Deir ez-Zor": (170794, "Deir ez-Zor", "SY", 35.3359, 40.1408, "P.PPLA"),
    "Iraq": (99237, "Iraq", "IQ", 33.0, 44.0, "A.PCLI"),
}


def add_seed_facts(path: Path) -> None:
    """Places, a date and the "more than 50" / "around 50" disagreement on the seeds' version story."""
    from datetime import datetime

    from newsweave.records import (
        Claim,
        ClaimRelation,
        Disagreement,
        Facts,
        Place,
        Qualifier,
        TimeExpression,
        TimePrecision,
    )

    def span(text: str, phrase: str) -> tuple[int, int]:
        start = text.index(phrase)
        return start, start + len(phrase)

    def sentence(text: str, start: int) -> str:
        return text[text.rfind(".", 0, start) + 1 : text.find(".", start) + 1].strip()

    with Newsweave(Settings(db_path=path)) as nw:
        store = nw.store
        articles = {a.outlet or a.language: a for a in nw.articles()}
        a, b, fr = articles["Military Review"], articles["Русская весна"], articles["fr"]
        claims = {}
        for article, phrase, qualifier in [
            (a, "more than 50", Qualifier.MORE_THAN),
            (b, "around 50", Qualifier.AROUND),
        ]:
            start, end = span(article.text, phrase)
            claims[article.id] = Claim(start, end, phrase, 50, 50, qualifier, sentence(article.text, start), 0,
                                       "militant", "killed")  # fmt: skip
        with store.transaction():
            for article in (a, b, fr):
                places = tuple(
                    Place(*span(article.text, name), name, *SEED_PLACES[name][:4], SEED_PLACES[name][4],
                          SEED_PLACES[name][5], None, 0.9)
                    for name in SEED_PLACES if name in article.text
                )  # fmt: skip
                times: tuple[TimeExpression, ...] = ()
                said: list[str] = []
                if "on the eve" in article.text:
                    start, end = span(article.text, "on the eve")
                    times = (TimeExpression(start, end, "on the eve", datetime(2017, 11, 23), TimePrecision.DAY, True,
                                            datetime(2017, 11, 24)),)  # fmt: skip
                    said = [sentence(article.text, start)]
                claim = (claims[article.id],) if article.id in claims else ()
                facts = Facts(article.id, places=places, times=times, claims=claim)
                store.put_facts(facts, "test", sentences=said)  # type: ignore[attr-defined]
            store.put_disagreements(  # type: ignore[attr-defined]
                a.id, b.id, [Disagreement(a.id, b.id, claims[a.id], claims[b.id], ClaimRelation.QUALIFIER, 0.9)]
            )
