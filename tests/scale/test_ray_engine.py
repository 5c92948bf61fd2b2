"""The Ray engine on a local cluster: the same result as one process, resumable, linked by publication time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bulk_runs import interrupted_then_resumed, run_equals_single_process
from newsweave import Newsweave, Settings
from newsweave.scale import ray_ingest
from newsweave.scale.compare import Outcome, differences, outcome

# Read when Ray is imported: workers use this environment, not one Ray's uv hook would build for them.
os.environ.setdefault("RAY_ENABLE_UV_RUN_RUNTIME_ENV", "0")
ray = pytest.importorskip("ray")
# Ray warns about its own deprecated options from inside Ray; newsweave's warnings still fail a test.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:ray")


@pytest.fixture(scope="module")
def cluster() -> object:
    """One local cluster of two CPUs for the module (it takes seconds to start)."""
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


def test_ray_run_equals_a_single_process_run(cluster: object, shards: Path, local: Outcome, tmp_path: Path) -> None:
    run_equals_single_process(tmp_path, lambda nw: ray_ingest(nw, [shards], workers=2), local)


def test_a_killed_run_resumed_does_no_item_twice_and_loses_nothing(
    cluster: object, shards: Path, local_no_facts: Outcome, tmp_path: Path
) -> None:
    settings = Settings(db_path=tmp_path / "news.sqlite", facts=False, batch_size=2)
    done, resumed, result = interrupted_then_resumed(
        settings, lambda nw, **kw: ray_ingest(nw, [shards], workers=2, **kw)
    )
    assert resumed.skipped == done + 1  # passed on unread (and the second copy of a stored item)
    assert resumed.understood == 12 - done  # 11 articles and a junk line, each understood once in all
    assert differences(local_no_facts, result) == []


def test_out_of_order_arrival_links_in_publication_order(
    cluster: object, shards: Path, local_no_facts: Outcome, tmp_path: Path
) -> None:
    with Newsweave(Settings(db_path=tmp_path / "news.sqlite", facts=False)) as nw:
        ray_ingest(nw, [shards], workers=2, ordered=False)
        nw.link()
        result = outcome(nw)
        published = {a.id: a.published.value for a in nw.articles() if a.published}
    assert result.stories == local_no_facts.stories
    assert result.relations == local_no_facts.relations
    dated = [published[i] for i in result.link_order if i in published]
    assert dated == sorted(dated) and len(dated) >= 6  # the shards hold the latest reports first
