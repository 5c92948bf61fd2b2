"""What both backends must do alike, and what only the PostgreSQL one has: moves between them,
per-language full-text search, several writers at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import new_database
from fakes import LineExtractor, text_item
from newsweave.errors import ConfigError, Conflict
from newsweave.records import Article
from newsweave.store import Store, move_store, open_store
from newsweave.store.transfer import checksums


def test_one_linker_at_a_time_on_either_backend(store_target: str | Path) -> None:
    first, second = open_store(store_target), open_store(store_target)
    with (
        first.link_lock(),
        pytest.raises(Conflict, match="another newsweave process is linking"),
        second.link_lock(),
    ):
        pass
    with second.link_lock():  # released by the first
        pass
    first.close()
    second.close()


def test_a_move_refuses_a_target_that_holds_data(store_target: str | Path, tmp_path: Path) -> None:
    store = open_store(store_target)
    store.add_article(LineExtractor().extract(text_item("Title\nsome words of a body here")))
    store.close()
    other = tmp_path / "other.sqlite"
    open_store(other).close()
    with pytest.raises(ConfigError, match="not empty"):
        move_store(other, store_target)


def test_seeds_store_round_trips_sqlite_postgres_sqlite_with_identical_checksums(
    seeded_store: Path, pg_server: str | None, tmp_path: Path
) -> None:
    url = new_database(pg_server)
    there = move_store(seeded_store, url)
    back = move_store(url, tmp_path / "back.sqlite")
    assert there.identical and back.identical
    assert there.source == back.target  # SQLite → PostgreSQL → SQLite: every table's sum unchanged
    assert there.source["articles"].rows == 3 and there.source["relations"].rows >= 2
    moved = open_store(url)
    assert [s.article_ids for s in moved.stories()] == [s.article_ids for s in open_store(seeded_store).stories()]
    assert moved.search_text("Deir ez-Zor")  # the target built its own full-text index


def test_postgres_stems_each_article_in_its_language_and_simple_elsewhere(pg_server: str | None) -> None:
    store = open_store(new_database(pg_server))
    german = _article("Die Häuser am Fluss wurden überflutet\nViele Häuser stehen unter Wasser.", "de")
    thai = _article("น้ำท่วม กรุงเทพ\nน้ำท่วม หนัก ใน กรุงเทพ วันนี้", "th")  # no Thai configuration: simple
    for article in (german, thai):
        store.add_article(article)
    assert [aid for aid, _ in store.search_text("Haus")] == [german.id]  # German stemming: Häuser → haus
    assert [aid for aid, _ in store.search_text("กรุงเทพ")] == [thai.id]
    assert store.search_text("\x00") == [] and store.search_text("zzzz") == []


def _article(text: str, language: str) -> Article:
    from dataclasses import replace

    return replace(LineExtractor().extract(text_item(text)), language=language)


def _run(*args: str, db: str) -> subprocess.Popen[str]:
    env = {**os.environ, "NEWSWEAVE_DB": db}
    return subprocess.Popen([sys.executable, "-m", "newsweave", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def _finish(*processes: subprocess.Popen[str]) -> None:
    for process in processes:
        _, err = process.communicate(timeout=900)
        assert process.returncode == 0, err


def _content(store: Store) -> tuple[object, ...]:
    ids = {a.id for a in store.iter_articles()}
    sightings = sorted((i, str(p)) for i in ids for p in store.sightings(i))
    relations = sorted((x.a, x.b, x.kind.value) for x in store.links())
    stories = sorted(sorted(s.article_ids) for s in store.stories())
    return store.count_articles(), ids, sightings, relations, stories


def test_two_ingests_and_a_linker_at_once_end_as_a_sequential_run(
    pg_server: str | None, seeds_dir: Path, data_dir: Path
) -> None:
    inputs = [str(seeds_dir), str(data_dir / "link" / "cases.jsonl")]
    sequential = new_database(pg_server)
    _finish(_run("ingest", "--link", *inputs, db=sequential))
    shared = new_database(pg_server)
    open_store(shared).close()  # the schema first, so the three processes meet a ready store
    # The same inputs in opposite orders: both ingests meet every article, and can wait on each other.
    writers = (_run("ingest", *inputs, db=shared), _run("ingest", *reversed(inputs), db=shared))
    linker = _run("link", db=shared)
    _finish(*writers, linker)
    _finish(_run("link", db=shared))  # what was stored after the linker started
    concurrent, alone = open_store(shared), open_store(sequential)
    count, ids, sightings, relations, stories = _content(concurrent)
    assert count == len(ids) == alone.count_articles()  # no duplicates, none lost
    assert (ids, sightings) == _content(alone)[1:3]
    assert stories == _content(alone)[4]
    assert relations == _content(alone)[3]
    assert checksums(concurrent)["facts_done"] == checksums(alone)["facts_done"]


def test_a_url_selects_postgresql_and_an_explicit_path_always_wins(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from newsweave.cli.state import settings_from
    from newsweave.config import Settings

    url = "postgresql://newsweave@db.example.org:5432/news"
    monkeypatch.setenv("NEWSWEAVE_DB", url)
    assert Settings().store_target == url  # $NEWSWEAVE_DB, no --db
    assert Settings(db_path=tmp_path / "a.sqlite").store_target == tmp_path / "a.sqlite"
    assert settings_from(str(tmp_path / "b.sqlite")).store_target == tmp_path / "b.sqlite"  # --db PATH
    other = "postgres://u@h/other"
    assert settings_from(other).store_target == other  # --db URL, kept whole (no Path folding of "//")
    monkeypatch.setenv("NEWSWEAVE_DB", str(tmp_path / "c.sqlite"))
    assert Settings().store_target == tmp_path / "c.sqlite"
