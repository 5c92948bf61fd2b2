"""Outlet homes: a local paper's earlier articles say where its bare town names lie."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from newsweave import Newsweave, Settings
from newsweave.analyze.facts import FactAnalyzer
from newsweave.analyze.places import Geocoder
from newsweave.analyze.places.outlets import OutletHomes, outlet_key
from newsweave.records import Article, DatePrecision, DateSource, Provenance, PublicationDate

MINNESOTA_NEWS = "Crews cleared roads in Shakopee, Prior Lake and Savage after the storm hit Scott County."
KENTUCKY_NEWS = "Officials in Lexington, Frankfort and Louisville met about the budget of Fayette County."
BARE_JORDAN = "The Jordan volleyball program starts again this spring."


def _homes(geocoder: Geocoder, outlet: str, *texts: str) -> OutletHomes:
    homes = OutletHomes(geocoder.gazetteer)
    for text in texts:
        homes.learn(outlet, geocoder.places(text, "en"))
    return homes


def test_a_bare_name_is_read_in_the_outlets_home(geocoder: Geocoder) -> None:
    assert geocoder.places(BARE_JORDAN, "en")[0].country == "JO"  # alone: the kingdom
    homes = _homes(geocoder, "jordan independent", MINNESOTA_NEWS)
    (jordan,) = geocoder.places(BARE_JORDAN, "en", context=homes.context("jordan independent"))
    assert (jordan.name, jordan.country) == ("Jordan", "US")
    assert jordan.lat == pytest.approx(44.67, abs=0.1) and jordan.lon == pytest.approx(-93.63, abs=0.1)


def test_homes_are_kept_apart_by_outlet(geocoder: Geocoder) -> None:
    homes = _homes(geocoder, "jordan independent", MINNESOTA_NEWS)
    homes.learn("richmond register", geocoder.places(KENTUCKY_NEWS, "en"))
    assert homes.home("jordan independent").name == "Minnesota"  # type: ignore[union-attr]
    assert homes.home("richmond register").name == "Kentucky"  # type: ignore[union-attr]
    assert homes.context("an outlet never read") == [] and homes.context(None) == []


def test_a_name_the_article_settles_is_not_moved(geocoder: Geocoder) -> None:
    homes = _homes(geocoder, "dublin villager", "Dublin Arts Council met in Columbus, Grove City and Hilliard, Ohio.")
    text = "The parade in Dublin drew crowds from Belfast, Cork and Galway."
    dublin = geocoder.places(text, "en", context=homes.context("dublin villager"))[0]
    assert (dublin.text, dublin.country) == ("Dublin", "IE")


def test_no_home_before_enough_places_or_when_two_divisions_tie(geocoder: Geocoder) -> None:
    homes = _homes(geocoder, "a weekly", "Rain fell on Shakopee.")
    assert homes.home("a weekly") is None  # one place is no home
    homes = _homes(geocoder, "a wire", "Roads closed in Shakopee, Prior Lake and Savage.", KENTUCKY_NEWS)
    assert homes.home("a wire") is None  # three places in Minnesota, three in Kentucky
    homes.learn("a wire", geocoder.places("Snow in Eden Prairie.", "en"))
    assert homes.home("a wire").name == "Minnesota"  # type: ignore[union-attr]
    assert OutletHomes(geocoder.gazetteer, min_places=1).home("a weekly") is None  # learnt nothing yet


def test_countries_say_nothing_of_a_home(geocoder: Geocoder) -> None:
    homes = _homes(geocoder, "a wire", "France, Germany, Italy and Spain agreed; Poland did not.")
    assert homes.home("a wire") is None


def test_the_least_recently_read_outlets_are_forgotten(geocoder: Geocoder) -> None:
    homes = OutletHomes(geocoder.gazetteer, max_outlets=1)
    homes.learn("first", geocoder.places(MINNESOTA_NEWS, "en"))
    homes.learn("second", geocoder.places(KENTUCKY_NEWS, "en"))
    assert homes.home("first") is None and homes.home("second") is not None


@pytest.mark.parametrize(
    ("outlet", "url", "key"),
    [
        ("The Town  Talk", "http://www.thetowntalk.com/a", "the town talk"),
        (None, "https://WWW.EchoPress.com/articles/?id=1", "echopress.com"),
        ("  ", "http://news.postbulletin.com/x", "news.postbulletin.com"),
        (None, None, None),
        (None, "not a url", None),
        (None, "http://[malformed/1", None),
    ],
)
def test_outlet_key(outlet: str | None, url: str | None, key: str | None) -> None:
    assert outlet_key(outlet, url) == key


def _article(n: int, text: str, url: str) -> Article:
    published = PublicationDate(datetime(2009, 3, n, tzinfo=UTC), DatePrecision.DAY, DateSource.META)
    return Article(f"{n:064x}", None, (text,), Provenance("feed.jsonl", f"line {n}"), "test", url=url,
                   published=published, language="en")  # fmt: skip


def test_ingest_reads_an_outlets_articles_with_its_home() -> None:
    analyzer = FactAnalyzer()
    url = "http://www.jordannews.com/articles/{}"
    analyzer.read(_article(1, MINNESOTA_NEWS, url.format(1)))
    read = analyzer.read(_article(2, BARE_JORDAN, url.format(2)))
    assert [(p.text, p.country) for p in read.facts.places] == [("Jordan", "US")]
    other = analyzer.read(_article(3, BARE_JORDAN, "http://www.amman-daily.example/3"))
    assert [(p.text, p.country) for p in other.facts.places] == [("Jordan", "JO")]


def _feed(path: Path, *rows: tuple[str, str, str]) -> Path:
    path.write_text("\n".join(json.dumps({"title": t, "text": x, "url": u}) for t, x, u in rows), encoding="utf-8")
    return path


def test_a_new_run_goes_on_from_the_outlet_homes_the_store_shows(tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "s.sqlite")
    with Newsweave(settings) as nw:
        nw.ingest([_feed(tmp_path / "monday.jsonl", ("Storm", MINNESOTA_NEWS, "http://www.jordannews.com/1"))])
    with Newsweave(settings) as nw:  # another run: its analyzer has read nothing yet
        nw.ingest([_feed(tmp_path / "tuesday.jsonl", ("Volleyball", BARE_JORDAN, "http://www.jordannews.com/2"))])
        (volleyball,) = [a for a in nw.articles() if a.title == "Volleyball"]
        assert [(p.text, p.country) for p in nw.facts(volleyball.id).places] == [("Jordan", "US")]
