"""A link that is interrupted and resumed must end exactly as an uninterrupted one."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from fakes import WordsEmbedder
from newsweave import Newsweave, Settings
from newsweave.link.linker import SENTENCE_PRECISION
from newsweave.linking import StoreLinker
from newsweave.records import Article, DatePrecision, DateSource, Provenance, PublicationDate
from newsweave.store.sqlite import SqliteStore, StoredEmbedding


class _Interrupt(Exception):
    pass


def outcome(nw: Newsweave) -> dict[str, Any]:
    """What a link run decides: every relation with its full evidence, and every story's members."""
    relations = sorted(
        (x.a, x.b, x.kind.value, round(x.score, 4), json.dumps(x.evidence.as_dict(), sort_keys=True))
        for x in nw.relations()
    )
    return {"relations": relations, "stories": sorted(s.article_ids for s in nw.stories())}


def link_in_two_runs(db: Path, cases: Path, first: int, route: str = "e5") -> dict[str, Any]:
    """Link ``first`` articles, lose every in-memory state (a new instance), then link the rest."""
    seen = []

    def stop_after(article: Article) -> None:
        seen.append(article.id)
        if len(seen) == first:
            raise _Interrupt

    with Newsweave(Settings(db_path=db, other_languages=route)) as nw:
        nw.ingest([str(cases)])
        with pytest.raises(_Interrupt):
            nw.link(on_article=stop_after)
    with Newsweave(Settings(db_path=db, other_languages=route)) as nw:
        assert nw.link().linked == nw.count_articles() - first
        return outcome(nw)


@pytest.fixture(scope="module", params=["e5", "lead"])
def uninterrupted(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, data_dir: Path) -> Any:
    route = request.param
    with Newsweave(Settings(db_path=tmp_path_factory.mktemp("one") / "s.sqlite", other_languages=route)) as nw:
        nw.ingest([str(data_dir / "link" / "cases.jsonl")])
        nw.link()
        return route, outcome(nw)


@pytest.mark.parametrize("first", [4])
def test_a_resumed_link_equals_an_uninterrupted_one(
    tmp_path: Path, data_dir: Path, uninterrupted: tuple[str, dict[str, Any]], first: int
) -> None:
    # After 4 articles the original and its German translation are linked with their sentences
    # embedded; the Czech translation then compares against those sentences read back from the
    # store (on the lead route its document vector is e5's on its lead, embedded again, alone).
    route, whole = uninterrupted
    resumed = link_in_two_runs(tmp_path / "s.sqlite", data_dir / "link" / "cases.jsonl", first, route)
    assert resumed == whole
    assert any(kind == "version" for _, _, kind, _, _ in whole["relations"])


def test_a_resumed_link_on_the_static_route_equals_an_uninterrupted_one(tmp_path: Path, data_dir: Path) -> None:
    # Two NTREX articles in en, ru, cs and bg: the static route's cascade checks the translations
    # with e5 sentence vectors it keeps in memory only. After the restart they are embedded again,
    # in other batches, and must decide the same.
    rows = [json.loads(line) for line in (data_dir / "link" / "ntrex_versions.jsonl").read_text("utf-8").splitlines()]
    picked = [
        r for r in rows if r["document"] in ("rt.com.91337", "upi.176266") and r["language"] in ("en", "ru", "cs", "bg")
    ]
    cases = tmp_path / "ntrex.jsonl"
    cases.write_text("\n".join(json.dumps({"title": r["title"], "text": r["text"], "language": r["language"],
                                            "date": f"2020-05-0{1 + i % 5}"}, ensure_ascii=False)
                                for i, r in enumerate(picked)), encoding="utf-8")  # fmt: skip
    with Newsweave(Settings(db_path=tmp_path / "one.sqlite", other_languages="static")) as nw:
        nw.ingest([str(cases)])
        nw.link()
        uninterrupted = outcome(nw)
    versions = [r for r in uninterrupted["relations"] if r[2] == "version"]
    assert len(versions) >= 8  # most translations, across the bridged languages too, through the cascade
    assert link_in_two_runs(tmp_path / "two.sqlite", cases, 4, route="static") == uninterrupted


_SENTENCES = [
    "The river dam near the old town burst early on Tuesday morning.",
    "Water flooded twelve villages and forced thousands of people to leave.",
    "Officials said rescue teams reached the area by boat before noon.",
    "The regional governor called the breach a disaster for local farms.",
    "Engineers warned that the reservoir could drain within three days.",
]


def _rewrite(n: int) -> str:
    """The text with one word in each sentence changed: a version, with sentence similarities below 1."""
    return " ".join(s.replace(" the ", f" a{n} ", 1) for s in _SENTENCES)


def _store_with_rewrites(path: Path, count: int) -> SqliteStore:
    store = SqliteStore(path)
    for n in range(count):
        text = _rewrite(n)
        article_id = hashlib.sha256(text.encode()).hexdigest()
        date = PublicationDate(datetime(2024, 1, 1, n), DatePrecision.MINUTE, DateSource.META)
        store.add_article(Article(article_id, f"Dam {n}", (text,), Provenance("mem"), "test", published=date))
    return store


def _decisions(store: SqliteStore) -> list[tuple[Any, ...]]:
    links = [(x.a, x.b, x.kind.value, x.score, json.dumps(x.evidence.as_dict(), sort_keys=True)) for x in store.links()]
    return sorted(links) + sorted(store.story_memberships())


def test_a_linker_reading_sentence_vectors_back_decides_as_the_one_that_embedded_them(tmp_path: Path) -> None:
    one = _store_with_rewrites(tmp_path / "one.sqlite", 4)
    StoreLinker(one, embedder=WordsEmbedder()).run()
    two = _store_with_rewrites(tmp_path / "two.sqlite", 4)
    first = StoreLinker(two, embedder=WordsEmbedder())
    for article in two.unlinked_articles()[:2]:  # the first two, their sentences embedded and stored
        with two.transaction():
            first.link_one(article)
    StoreLinker(two, embedder=WordsEmbedder()).run()  # a new process: vectors read back from the store
    expected = _decisions(one)
    assert any('"aligned": [{' in row[4] for row in expected if len(row) == 5)  # sentences were compared
    assert _decisions(two) == expected


def test_sentence_vectors_read_back_equal_those_just_embedded(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    fresh = rng.normal(size=(3, 4)).astype(np.float32).astype(SENTENCE_PRECISION).astype(np.float32)
    store = SqliteStore(tmp_path / "s.sqlite")
    store.add_article(Article("ab" * 32, "t", ("x",), Provenance("mem"), "test"))
    vector = np.ones(4, dtype=np.float32) / 2
    store.put_embedding("ab" * 32, StoredEmbedding("m", vector, vector, ("a", "b", "c"), fresh))
    stored = store.get_embedding("ab" * 32)
    assert stored is not None and stored.sentence_vectors is not None
    assert np.array_equal(stored.sentence_vectors, fresh)  # bit for bit: the decisions cannot differ
    assert np.array_equal(stored.document, vector)
    store.close()


def test_a_link_killed_with_sigkill_and_re_run_equals_an_uninterrupted_one(
    tmp_path: Path, data_dir: Path, uninterrupted: tuple[str, dict[str, Any]]
) -> None:
    route, whole = uninterrupted
    db = tmp_path / "k.sqlite"
    with Newsweave(Settings(db_path=db, other_languages=route)) as nw:
        nw.ingest([str(data_dir / "link" / "cases.jsonl")])
        total = nw.count_articles()
    command = [sys.executable, "-m", "newsweave", "--db", str(db), "link"]
    env = {**os.environ, "NEWSWEAVE_OTHER_LANGUAGES": route}
    with subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env) as linker:
        linked = _linked_count(db)
        while linked == 0 and linker.poll() is None:  # killed right after its first commit
            time.sleep(0.005)
            linked = _linked_count(db)
        linker.send_signal(signal.SIGKILL)
    assert 0 < _linked_count(db) < total, "the linker finished before it could be killed"
    with Newsweave(Settings(db_path=db)) as nw:  # the store's route
        nw.link()
        assert outcome(nw) == whole


def _linked_count(db: Path) -> int:
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        return int(connection.execute("SELECT COUNT(*) FROM linked").fetchone()[0])
    except sqlite3.OperationalError:  # the linker is creating its tables
        return 0
    finally:
        connection.close()


def test_a_link_failing_inside_an_article_then_run_again_by_the_same_instance_equals_an_uninterrupted_one(
    tmp_path: Path, data_dir: Path, uninterrupted: tuple[str, dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    route, whole = uninterrupted
    with Newsweave(Settings(db_path=tmp_path / "s.sqlite", other_languages=route)) as nw:
        nw.ingest([str(data_dir / "link" / "cases.jsonl")])
        mark_linked, marked = nw.store.mark_linked, []

        def failing_on_the_third(article_id: str) -> None:
            marked.append(article_id)
            if len(marked) == 3:
                raise _Interrupt  # after the article was indexed: its transaction rolls back
            mark_linked(article_id)

        monkeypatch.setattr(nw.store, "mark_linked", failing_on_the_third)
        with pytest.raises(_Interrupt):
            nw.link()
        monkeypatch.setattr(nw.store, "mark_linked", mark_linked)
        nw.link()  # the indexes that held the third article are loaded anew
        assert outcome(nw) == whole
