"""Bulk runs as the bulk engines' tests run them (``tests/scale``): to the end, or interrupted and resumed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsweave import Newsweave, Settings
from newsweave.records import ItemResult
from newsweave.scale.compare import Outcome, differences, outcome


def interrupted_then_resumed(settings: Settings, run: Callable[..., Any]) -> tuple[int, Any, Outcome]:
    """A bulk ingest (``run(nw, on_result=...)``) interrupted inside its third transaction, as a
    user's ^C, then run again to the end and linked: (items the first run stored or rejected, the
    second run's report, what the store holds then). ``settings.batch_size`` should be 2."""
    seen: list[ItemResult] = []

    def crash_on_fifth(result: ItemResult) -> None:
        seen.append(result)
        if len(seen) == 5:
            raise KeyboardInterrupt

    with Newsweave(settings) as nw, pytest.raises(KeyboardInterrupt):
        run(nw, on_result=crash_on_fifth)
    with Newsweave(settings) as nw:
        done = nw.count_articles() + len({r.item_id for r in nw.rejections() if r.item_id})
        assert 0 < done < 12  # two transactions of two rows committed, the third rolled back
        resumed = run(nw)
        nw.link()
        return done, resumed, outcome(nw)


def run_equals_single_process(tmp_path: Any, run: Callable[..., Any], local: Outcome) -> Any:
    """Run a bulk ingest (``run(nw)``) into a new store, link, and check it holds what one process
    made of the shards (``local``); the run's report."""
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite")) as nw:
        bulk = run(nw)
        nw.link()
        result = outcome(nw)
        rejections = nw.rejections()
    assert differences(local, result) == []
    assert result == local
    # Every kind of input took part: 6 cases + 2 pages + 3 seeds, one item twice, one junk line.
    assert (bulk.ingest.stored, bulk.ingest.duplicates, bulk.ingest.rejected) == (11, 1, 1)
    assert len(local.relations) >= 5 and len(local.stories) < len(local.articles)
    assert [r.reason for r in rejections] and "no article" in rejections[0].reason
    return bulk
