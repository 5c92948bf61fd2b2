from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fakes import LineExtractor, text_item
from newsweave.errors import Conflict, NotFound
from newsweave.records import (
    Article,
    Comment,
    DatePrecision,
    DateSource,
    Evidence,
    Link,
    Origin,
    Provenance,
    PublicationDate,
    Rejection,
    RelationKind,
)
from newsweave.store.sqlite import SqliteStore, migrations


def make_article(text: str = "Title\nBody one\nBody two") -> Article:
    return LineExtractor().extract(text_item(text))


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite")
    article = Article(
        id="a" * 64,
        title="Заголовок",
        body=("Один.", "Два."),
        provenance=Provenance("feeds/x.warc.gz", "offset 4096", "https://example.org/a"),
        extractor="html",
        outlet="Русская весна",
        url="https://example.org/a",
        published=PublicationDate(datetime(2017, 11, 24, 5, 56), DatePrecision.MINUTE, DateSource.COMMENTS, True),
        author="A. Author",
        language="ru",
        language_score=0.97,
        notes=("* note",),
        comments=(Comment("hi", "x", datetime(2017, 11, 24, 5, 56)), Comment("re", "y", None, 0)),
    )
    assert store.add_article(article) is True
    store.close()
    assert SqliteStore(tmp_path / "s.sqlite").get_article(article.id) == article


def test_adding_the_same_article_twice_adds_nothing() -> None:
    store = SqliteStore(":memory:")
    article = make_article()
    assert store.add_article(article) is True
    assert store.add_article(article) is False
    assert store.count_articles() == 1


def test_get_by_prefix_and_errors() -> None:
    store = SqliteStore(":memory:")
    a, b = make_article("A\nx"), make_article("B\ny")
    store.add_article(a)
    store.add_article(b)
    assert store.get_article(a.id[:10]).id == a.id
    with pytest.raises(NotFound):
        store.get_article("zz")
    with pytest.raises(NotFound):
        store.get_article("0" * 64)
    common = next(i for i in range(64) if a.id[i] != b.id[i])
    if common:  # only when the two hashes share a prefix is an ambiguous prefix possible
        with pytest.raises(Conflict):
            store.get_article(a.id[:common])


def test_rejections_and_sightings_are_idempotent() -> None:
    store = SqliteStore(":memory:")
    rejection = Rejection("x.bin", "binary data", Provenance("x.bin"))
    store.add_rejection(rejection)
    store.add_rejection(rejection)
    assert store.rejections() == [rejection]
    article = make_article()
    store.add_article(article)
    store.add_sighting(article.id, Provenance("copy.txt", "line 3"))
    store.add_sighting(article.id, Provenance("copy.txt", "line 3"))
    assert store.sightings(article.id) == [article.provenance, Provenance("copy.txt", "line 3")]


def test_a_failed_transaction_leaves_the_store_as_it_was() -> None:
    store = SqliteStore(":memory:")
    store.add_article(make_article("A\nx"))
    before = store.dump()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(make_article("B\ny"))
        raise RuntimeError("killed")
    assert store.dump() == before


def test_migrations_are_numbered_and_applied_once(tmp_path: Path) -> None:
    versions = [v for v, _ in migrations()]
    assert versions == sorted(set(versions)) and versions[0] == 1
    SqliteStore(tmp_path / "m.sqlite").close()
    SqliteStore(tmp_path / "m.sqlite").close()
    db = sqlite3.connect(tmp_path / "m.sqlite")
    assert [r[0] for r in db.execute("SELECT version FROM schema_version")] == versions


@given(title=st.text(max_size=50), paragraphs=st.lists(st.text(min_size=1, max_size=80), max_size=5))
def test_what_is_read_back_equals_what_was_written(title: str, paragraphs: list[str]) -> None:
    store = SqliteStore(":memory:")
    article = Article(id="b" * 64, title=title, body=tuple(paragraphs), provenance=Provenance("p"), extractor="t")
    store.add_article(article)
    assert store.get_article(article.id) == article


def test_full_text_search_catches_up_with_what_was_stored() -> None:
    store = SqliteStore(":memory:")
    store.add_article(make_article("Syrian army near Abu Kamal\nThe army encircled the fighters."))
    assert [aid for aid, _ in store.search_text("abu kamal")] == [next(store.iter_articles()).id]
    store.add_article(make_article("Flood in Kazan\nRiver levels rose overnight."))
    assert len(store.search_text("kazan")) == 1 and store.update_text_index() == 0
    assert store.search_text("nothing-like-this") == []


def test_a_story_counts_copies_and_versions_of_one_text_as_one_origin() -> None:
    store = SqliteStore(":memory:")
    articles = [make_article(f"Title {n}\nBody of text {n}") for n in range(5)]
    for article in articles:
        store.add_article(article)
        store.set_story(article.id, 1)
    ids = [a.id for a in articles]  # stored in this order, undated: earliest first

    def link(a: int, b: int, kind: RelationKind) -> None:
        store.add_link(Link(ids[a], ids[b], kind, 0.9, Evidence()))

    link(0, 2, RelationKind.DUPLICATE)
    link(2, 3, RelationKind.VERSION)  # a version of a copy is still the same text
    link(1, 4, RelationKind.VERSION)
    link(0, 1, RelationKind.SAME_STORY)  # an independent report: another origin
    origins = store.story(1).origins
    assert origins == (Origin(ids[0], (ids[2], ids[3])), Origin(ids[1], (ids[4],)))
