"""A bulk run interrupted and resumed, as the bulk engines' tests run it (``tests/scale``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from newsweave import Newsweave, Settings
from newsweave.records import ItemResult
from newsweave.scale.compare import Outcome, outcome


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
