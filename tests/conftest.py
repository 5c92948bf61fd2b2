"""Shared fixtures: where the seeds and public benchmarks live."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsweave import Newsweave, Settings

REPO = Path(__file__).resolve().parents[1]
# CI clones the repository with shared/ beside it; locally the checkout sits in the same place.
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = Path(__file__).resolve().parent / "data"


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
