from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fakes import LineExtractor, text_item
from newsweave.errors import Conflict, NotFound, StoreError
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
from newsweave.store import open_store
from newsweave.store.sqlite import SqliteStore, _statements, migrations


def make_article(text: str = "Title\nBody one\nBody two") -> Article:
    return LineExtractor().extract(text_item(text))


def test_round_trip_keeps_every_field(store_target: str | Path) -> None:
    store = open_store(store_target)
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
    store.close()
    assert open_store(store_target).get_article(article.id) == article  # read back by a new connection


def test_adding_the_same_article_twice_adds_nothing(store_target: str | Path) -> None:
    store = open_store(store_target)
    article = make_article()
    assert store.add_article(article) is True
    assert store.add_article(article) is False
    assert store.count_articles() == 1


def test_get_by_prefix_and_errors(store_target: str | Path) -> None:
    store = open_store(store_target)
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


def test_rejections_and_sightings_are_idempotent(store_target: str | Path) -> None:
    store = open_store(store_target)
    rejection = Rejection("x.bin", "binary data", Provenance("x.bin"))
    store.add_rejection(rejection)
    store.add_rejection(rejection)
    assert store.rejections() == [rejection]
    article = make_article()
    store.add_article(article)
    store.add_sighting(article.id, Provenance("copy.txt", "line 3"))
    store.add_sighting(article.id, Provenance("copy.txt", "line 3"))
    assert store.sightings(article.id) == [article.provenance, Provenance("copy.txt", "line 3")]


def test_a_failed_transaction_leaves_the_store_as_it_was(store_target: str | Path) -> None:
    store = open_store(store_target)
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


def test_full_text_index_is_written_with_each_article_and_search_only_reads(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path / "s.sqlite")
    store.add_article(make_article("Syrian army near Abu Kamal\nThe army encircled the fighters."))
    assert [aid for aid, _ in store.search_text("abu kamal")] == [next(store.iter_articles()).id]
    store.add_article(make_article("Flood in Kazan\nRiver levels rose overnight."))
    changes = store._db._connection.total_changes
    assert len(store.search_text("kazan")) == 1
    assert store.search_text("nothing-like-this") == []
    assert store._db._connection.total_changes == changes  # searching wrote nothing
    store.close()


def test_articles_stored_before_the_index_moved_to_write_time_are_indexed_by_the_migration(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("CREATE TABLE schema_version (version INTEGER NOT NULL)")
    for version, sql in migrations():
        if version <= 3:
            for statement in _statements(sql):
                db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?)", (version,))
    db.execute(
        "INSERT INTO articles (id, title, body, notes, extractor, source_path) "
        "VALUES ('ab', 'Dam burst', '[\"Villages flooded\"]', '[]', 't', 'p')"
    )
    db.close()
    store = SqliteStore(path)
    assert [aid for aid, _ in store.search_text("flooded")] == ["ab"]
    store.close()


def test_a_store_from_a_newer_release_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    SqliteStore(path).close()
    latest = migrations()[-1][0]
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("INSERT INTO schema_version VALUES (?)", (latest + 5,))
    db.close()
    before = path.read_bytes()
    with pytest.raises(StoreError) as caught:
        SqliteStore(path)
    assert caught.value.message == (
        f"the store has schema version {latest + 5}, newer than this newsweave's {latest}; "
        "it was written by a newer release and is left untouched"
    )
    assert path.read_bytes() == before


def test_a_store_in_a_missing_folder_is_refused_not_created(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        SqliteStore(tmp_path / "no" / "such" / "s.sqlite")
    assert not (tmp_path / "no").exists()


def test_a_read_only_store_can_be_read_and_refuses_writes_with_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "ro.sqlite"
    store = SqliteStore(path)
    store.add_article(make_article("Flood in Kazan\nRiver levels rose overnight."))
    store.close()
    path.chmod(0o444)
    store = SqliteStore(path)
    assert store.read_only and store.count_articles() == 1 and len(store.search_text("kazan")) == 1
    with pytest.raises(StoreError) as caught:
        store.add_article(make_article("Another\nText"))
    assert (str(caught.value), caught.value.hint) == (
        f"{path}: the store is read-only",
        "make the file (and its folder) writable, or pass --db a writable store",
    )
    assert store.count_articles() == 1
    store.close()


def test_a_writer_waits_for_another_process_and_a_lock_it_cannot_get_is_one_error(tmp_path: Path) -> None:
    path = tmp_path / "busy.sqlite"
    SqliteStore(path).close()
    with hold_write_lock(path, seconds=1.0):  # another process writes for a second
        patient = SqliteStore(path, busy_timeout=30)
        patient.add_article(make_article("Waited\nfor the lock"))  # waits, then writes
    assert patient.count_articles() == 1
    patient.close()
    hasty = SqliteStore(path, busy_timeout=0.2)
    with hold_write_lock(path, seconds=30.0):
        assert hasty.count_articles() == 1  # readers are never blocked (WAL)
        with pytest.raises(StoreError) as caught:
            hasty.add_article(make_article("Gave\nup"))
        assert caught.value.message == "the store is busy: another process kept it locked for writing for over 0.2 s"
    hasty.add_article(make_article("Gave\nup"))  # the failed transaction was rolled back: this one starts
    assert hasty.count_articles() == 2
    hasty.close()


@contextmanager
def hold_write_lock(path: Path, *, seconds: float) -> Iterator[None]:
    """Another process holding the store's write lock for ``seconds`` (or until the block ends)."""
    with subprocess.Popen([sys.executable, "-c", _HOLD_LOCK, str(path), str(seconds)], stdout=subprocess.PIPE) as p:
        assert p.stdout is not None and p.stdout.readline().strip() == b"locked"
        try:
            yield
        finally:
            p.kill()


_HOLD_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("COMMIT")
"""


def test_a_story_counts_copies_and_versions_of_one_text_as_one_origin(store_target: str | Path) -> None:
    store = open_store(store_target)
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
