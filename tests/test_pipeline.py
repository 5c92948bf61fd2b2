from __future__ import annotations

import contextlib

from fakes import LineExtractor, text_item
from newsweave.pipeline import Pipeline
from newsweave.records import Outcome, Provenance, Rejection
from newsweave.store.sqlite import SqliteStore


def items() -> list:
    return [
        text_item("One\nthe first body of a story", "a.txt"),
        text_item("BAD\nno body", "bad.txt"),
        Rejection("junk.bin", "binary data (PNG image), not a news document", Provenance("junk.bin")),
        text_item("BOOM\ncrash", "boom.txt"),
        text_item("Two\nthe second body of a story", "b.txt"),
        text_item("One\nthe first body of a story", "copy-of-a.txt"),
        text_item("Junk\n!!! 42 x", "few-words.txt"),
    ]


def test_one_bad_item_never_stops_the_batch() -> None:
    store = SqliteStore(":memory:")
    report = Pipeline([LineExtractor()], store, batch_size=2).run(items())
    assert (report.read, report.stored, report.duplicates, report.rejected) == (7, 2, 1, 4)
    reasons = {r.item: r.reason for r in store.rejections()}
    assert reasons["few-words.txt"] == "no article: its body has 1 word (a news article has at least 5)"
    assert reasons["bad.txt"] == "no article text found"
    assert reasons["boom.txt"].startswith("internal error: RuntimeError")
    assert "junk.bin" in reasons


def test_a_duplicate_is_recorded_as_a_sighting() -> None:
    store = SqliteStore(":memory:")
    Pipeline([LineExtractor()], store).run(items())
    first = next(store.iter_articles())
    assert [p.path for p in store.sightings(first.id)] == ["a.txt", "copy-of-a.txt"]


def test_rerunning_adds_nothing() -> None:
    store = SqliteStore(":memory:")
    pipeline = Pipeline([LineExtractor()], store)
    pipeline.run(items())
    before = store.dump()
    report = pipeline.run(items())
    assert report.stored == 0 and store.dump() == before


def test_a_killed_run_resumed_ends_with_the_same_store() -> None:
    complete = SqliteStore(":memory:")
    Pipeline([LineExtractor()], complete).run(items())

    resumed = SqliteStore(":memory:")
    pipeline = Pipeline([LineExtractor()], resumed, batch_size=2)

    def kill_after_three(result) -> None:
        if kill_after_three.seen == 3:
            raise KeyboardInterrupt
        kill_after_three.seen += 1

    kill_after_three.seen = 0
    with contextlib.suppress(KeyboardInterrupt):
        pipeline.run(items(), on_result=kill_after_three)
    assert resumed.dump() != complete.dump()
    pipeline.run(items())
    assert resumed.dump() == complete.dump()


def test_language_is_detected_when_the_extractor_leaves_it_unset() -> None:
    class NoLanguage(LineExtractor):
        def extract(self, item):  # type: ignore[no-untyped-def]
            from dataclasses import replace

            return replace(super().extract(item), language=None)

    store = SqliteStore(":memory:")
    text = "Titre\nLe responsable du recrutement de Daech a été tué près de Deir ez-Zor par l'armée."
    result = Pipeline([NoLanguage()], store).run([text_item(text)])
    assert result.stored == 1
    assert next(store.iter_articles()).language == "fr"
    assert Outcome.STORED.value == "stored"
