"""The queries both backends share (store/common.py), run on each: order, replacing and keeping rows.

The SQL is written once, with a hook per dialect for what each spells its own way (the write
transaction, insertion order, insert-or-ignore, insert-or-replace, a counter's new id); these
tests pin what those hooks must agree on.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from fakes import LineExtractor, text_item
from newsweave.errors import StoreError
from newsweave.records import (
    Article,
    DatePrecision,
    DateSource,
    Evidence,
    IngestReport,
    Link,
    Provenance,
    PublicationDate,
    RelationKind,
)
from newsweave.store import open_store, schema
from newsweave.store.base import StoredEmbedding


def article(n: int, published: datetime | None = None) -> Article:
    """A distinct article, dated or not."""
    made = LineExtractor().extract(text_item(f"Title {n}\nBody of text number {n}"))
    if published is None:
        return made
    return replace(made, published=PublicationDate(published, DatePrecision.DAY, DateSource.META, False))


def test_stories_are_listed_largest_then_latest_and_undated_last(store_target: str | Path) -> None:
    store = open_store(store_target)
    dates = {1: datetime(2020, 1, 1), 2: datetime(2021, 1, 1), 3: None, 4: datetime(2022, 1, 1)}
    sizes = {1: 2, 2: 2, 3: 2, 4: 1}
    n = 0
    for story_id, size in sizes.items():
        for _ in range(size):
            n += 1
            stored = article(n, dates[story_id])
            store.add_article(stored)
            store.set_story(stored.id, story_id)

    def order(limit: int | None = None, offset: int = 0, *, newest: bool = False) -> list[int]:
        return [s.id for s in store.stories(limit=limit, offset=offset, newest=newest)]

    assert order() == [2, 1, 3, 4]  # two of two articles, the later first, the undated after them
    assert order(newest=True) == [4, 2, 1, 3]
    assert order(limit=2, offset=1) == [1, 3]
    assert order(offset=3) == [4]
    assert store.count_stories() == 4
    assert store.next_story_id() == 5


def test_unlinked_articles_come_in_publication_order_and_linking_twice_counts_once(
    store_target: str | Path,
) -> None:
    store = open_store(store_target)
    undated, later, earlier = article(1), article(2, datetime(2021, 5, 1)), article(3, datetime(2020, 5, 1))
    for stored in (undated, later, earlier):
        store.add_article(stored)
    assert [a.id for a in store.unlinked_articles()] == [earlier.id, later.id, undated.id]
    store.mark_linked(earlier.id)
    store.mark_linked(earlier.id)
    store.mark_linked(undated.id)
    assert [a.id for a in store.unlinked_articles()] == [later.id]
    assert store.linking_stamp() == (2, 0)
    for stored in (undated, earlier):
        store.set_story(stored.id, 7)
    assert [(a, s) for a, s, _ in store.story_memberships()] == [(earlier.id, 7), (undated.id, 7)]


def test_a_second_write_of_a_link_story_signature_or_embedding_replaces_the_first(store_target: str | Path) -> None:
    store = open_store(store_target)
    a, b, c = article(1), article(2), article(3)
    for stored in (a, b, c):
        store.add_article(stored)
    store.add_link(Link(a.id, b.id, RelationKind.SAME_STORY, 0.5, Evidence()))
    store.add_link(Link(b.id, c.id, RelationKind.VERSION, 0.8, Evidence()))
    store.add_link(Link(a.id, b.id, RelationKind.DUPLICATE, 0.9, Evidence()))
    assert {(x.a, x.b, x.kind, x.score) for x in store.links()} == {
        (a.id, b.id, RelationKind.DUPLICATE, 0.9),
        (b.id, c.id, RelationKind.VERSION, 0.8),
    }
    assert [(x.a, x.b) for x in store.links(c.id)] == [(b.id, c.id)]

    store.set_story(a.id, 1)
    store.set_story(a.id, 2)
    assert store.story_of(a.id) == 2
    assert store.story_of(b.id) is None
    assert store.story_article_ids(2) == [a.id]

    store.put_signature(a.id, np.arange(4, dtype=np.uint64))
    store.put_signature(a.id, np.arange(4, 8, dtype=np.uint64))
    assert store.get_signature(a.id).tolist() == [4, 5, 6, 7]  # type: ignore[union-attr]
    assert store.get_signature(b.id) is None
    assert list(store.signatures()) == []  # the duplicate index holds linked articles only
    store.mark_linked(a.id)
    assert [(aid, sig.tolist()) for aid, sig in store.signatures()] == [(a.id, [4, 5, 6, 7])]

    first = StoredEmbedding("m1", np.ones(3, dtype=np.float32), np.zeros(3, dtype=np.float32))
    sentences = np.array([[1, 0, 0], [0, 0.5, 0]], dtype=np.float32)
    second = StoredEmbedding("m2", np.full(3, 2, np.float32), np.ones(3, np.float32), ("One.", "Two."), sentences)
    store.put_embedding(a.id, first)
    store.put_embedding(a.id, second)
    got = store.get_embedding(a.id)
    assert got is not None and got.model == "m2" and got.sentences == ("One.", "Two.")
    assert got.document.tolist() == [2, 2, 2] and got.title.tolist() == [1, 1, 1]
    assert got.sentence_vectors is not None and got.sentence_vectors.tolist() == sentences.tolist()
    assert got.lead_vector is None and got.lead_model is None
    lead = np.array([0.25, -0.5, 0.75], dtype=np.float32)
    store.put_embedding(a.id, second._replace(lead_model="e5-lead", lead_vector=lead))
    got = store.get_embedding(a.id)
    assert got is not None and got.lead_model == "e5-lead" and got.lead_vector is not None
    assert got.lead_vector.tolist() == lead.tolist() and got.sentences == ("One.", "Two.")
    assert store.get_embedding(b.id) is None
    store.mark_linked(a.id)
    assert [(aid, v.tolist()) for aid, v in store.linked_vectors("m2")] == [(a.id, [2, 2, 2])]
    assert list(store.linked_vectors("m1")) == []
    assert store.linked_languages() == {a.id: a.language}  # only linked articles
    assert store.linked_models() == {"m2": 1}
    store.put_embedding(b.id, first)  # embedded, not linked: not counted
    assert store.linked_models() == {"m2": 1}


def test_runs_get_rising_ids_and_edits_and_splits_are_kept_in_order_once(store_target: str | Path) -> None:
    store = open_store(store_target)
    assert store.record_run(["a"], IngestReport(read=2, stored=1)) == 1
    assert store.record_run(["b"], IngestReport()) == 2
    split = article(1)
    store.add_article(split)
    store.add_cannot_join(split.id, 3)
    store.add_cannot_join(split.id, 3)
    assert store.cannot_join() == [(split.id, 3)]
    store.record_edit("split", {"article": split.id})
    store.record_edit("merge", {"stories": [1, 2]})
    assert [(e["action"], e.get("stories")) for e in store.edits()] == [("split", None), ("merge", [1, 2])]
    assert store.linking_stamp() == (0, 2)


def test_sightings_keep_the_order_they_were_read_in(store_target: str | Path) -> None:
    store = open_store(store_target)
    stored = article(1)
    store.add_article(stored)
    for path in ("z.warc", "a.warc", "m.warc", "a.warc"):
        store.add_sighting(stored.id, Provenance(path, None, None))
    assert [p.path for p in store.sightings(stored.id)] == [stored.provenance.path, "z.warc", "a.warc", "m.warc"]
    assert store.is_empty() is False


def test_a_store_of_a_newer_schema_is_refused_on_either_backend(store_target: str | Path) -> None:
    store = open_store(store_target)
    latest = schema.migrations("sqlite")[-1][0]
    store._db.execute("INSERT INTO schema_version VALUES (?)", (latest + 1,))  # type: ignore[attr-defined]
    store.close()
    with pytest.raises(StoreError, match=f"schema version {latest + 1}, newer than this newsweave's {latest}"):
        open_store(store_target)
