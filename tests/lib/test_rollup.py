"""Progress roll-up from milestones and sub-tasks."""

from __future__ import annotations

import doctest

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.ledger import rollup as rollup_module
from luoshi.ledger.rollup import rollup


def test_a_done_task_is_at_100_whatever_else_says() -> None:
    assert rollup(20, [(1, False)], [(1, 0)], done=True) == 100
    assert rollup(None, done=True) == 100


def test_a_task_without_structure_uses_its_latest_report() -> None:
    assert rollup(35) == 35
    assert rollup(None) == 0


def test_milestones_count_by_weight() -> None:
    assert rollup(None, [(1, True), (1, False)]) == 50
    assert rollup(None, [(3, True), (1, False)]) == 75
    assert rollup(None, [(1, True), (1, True)]) == 100


def test_sub_tasks_count_by_weight_and_their_own_progress() -> None:
    assert rollup(None, children=[(1, 100), (1, 20)]) == 60
    assert rollup(None, children=[(1, 100), (3, 20)]) == 40


def test_milestones_and_sub_tasks_share_one_pool_and_the_report_is_ignored() -> None:
    assert rollup(90, [(1, True), (1, False)], [(2, 50)]) == 50  # (100 + 0 + 2*50) / 4
    assert rollup(0, [(1, True)]) == 100


def test_rounding_is_down_so_100_means_everything_is_complete() -> None:
    assert rollup(None, [(1, True), (1, False), (1, False)]) == 33
    assert rollup(None, [(1, True), (1, True), (1, False)]) == 66
    assert rollup(None, children=[(1, 100)] * 199 + [(1, 99)]) == 99
    assert rollup(None, [(1 / 3, True)] * 3) == 100  # float weights summed exactly


def test_all_zero_weights_count_equally() -> None:
    assert rollup(None, [(0, True), (0, False)]) == 50


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((101,), "own_reported"),
        ((None, [(-1, True)]), "milestone weight"),
        ((None, [], [(-1, 50)]), "sub-task weight"),
        ((None, [], [(1, 150)]), "sub-task's progress"),
    ],
)
def test_bad_numbers_are_refused(args: tuple[object, ...], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        rollup(*args)  # type: ignore[arg-type]


weights = st.integers(min_value=0, max_value=10)
milestone_lists = st.lists(st.tuples(weights, st.booleans()), max_size=6)
child_lists = st.lists(st.tuples(weights, st.integers(min_value=0, max_value=100)), max_size=6)


@given(st.none() | st.integers(min_value=0, max_value=100), milestone_lists, child_lists)
def test_progress_stays_within_its_parts(
    own: int | None, milestones: list[tuple[int, bool]], children: list[tuple[int, int]]
) -> None:
    value = rollup(own, milestones, children)
    assert 0 <= value <= 100
    parts = [100 if ok else 0 for _, ok in milestones] + [p for _, p in children]
    if parts:
        assert min(parts) <= value <= max(parts)


@given(milestone_lists.filter(lambda ms: any(not ok for _, ok in ms)), child_lists, st.data())
def test_reaching_a_milestone_never_lowers_progress(
    milestones: list[tuple[int, bool]], children: list[tuple[int, int]], data: st.DataObject
) -> None:
    open_ones = [i for i, (_, ok) in enumerate(milestones) if not ok]
    i = data.draw(st.sampled_from(open_ones))
    reached = [*milestones]
    reached[i] = (milestones[i][0], True)
    assert rollup(None, reached, children) >= rollup(None, milestones, children)


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(rollup_module).failed == 0
