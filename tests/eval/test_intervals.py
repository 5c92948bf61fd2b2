from __future__ import annotations

import numpy as np

from newsweave.eval.clustering import STORIES, _recall_gaps, _Scored
from newsweave.eval.intervals import grouped_bootstrap


def test_a_group_is_drawn_whole_so_its_repeated_pairs_do_not_narrow_the_interval() -> None:
    # Five groups of twenty identical values: five draws' worth of information, not a hundred.
    values = np.repeat([0.0, 1.0, 2.0, 3.0, 4.0], 20)
    mean = lambda i: float(values[i].mean())  # noqa: E731
    grouped = grouped_bootstrap("mean", mean, np.repeat(np.arange(5), 20), rounds=500)
    per_pair = grouped_bootstrap("mean", mean, np.arange(100), rounds=500)
    assert grouped.estimate == per_pair.estimate == 2.0
    assert grouped.groups == 5 and per_pair.groups == 100
    assert (grouped.high - grouped.low) > 3 * (per_pair.high - per_pair.low)
    assert grouped.low <= 2.0 <= grouped.high


def test_a_statistic_undefined_on_a_resample_is_skipped_not_averaged_in() -> None:
    values = np.array([1.0, 2.0, 3.0, 4.0])
    spread = lambda i: float(np.std(values[i])) if len(set(i.tolist())) > 1 else float("nan")  # noqa: E731
    interval = grouped_bootstrap("spread", spread, np.arange(4), rounds=300)
    assert np.isfinite(interval.low) and np.isfinite(interval.high)


def test_the_recall_gap_at_the_cosines_fixed_line_is_the_difference_of_the_two_recalls() -> None:
    gold = np.array([True, True, True, True, False, False])
    ours = np.array([True, True, True, False, False, False])  # recall 3/4, precision 1
    cosines = np.array([0.9, 0.4, 0.8, 0.7, 0.75, 0.1])  # at 0.7: 3 same-story of 4, and one false
    scored = _Scored({STORIES: ours}, gold, np.zeros(6, bool), cosines, (6, 3, 2))
    equal, fixed, precision = _recall_gaps(scored, 0.7, np.arange(6))
    assert fixed.estimate == 0.0  # both find three of the four
    assert precision.estimate == 1.0 - 3 / 4
    # At the stories' precision (1.0) the cosine's line moves up to 0.8: two of four.
    assert equal.estimate == 3 / 4 - 2 / 4
    assert equal.low <= equal.estimate <= equal.high
