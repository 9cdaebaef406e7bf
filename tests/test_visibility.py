"""One visibility rule: who sees which tasks."""

from __future__ import annotations

import pytest

from luoshi.ledger.models import Task
from luoshi.org.models import Person
from luoshi.testing import Cast


def titles(person: Person) -> set[str]:
    return set(Task.objects.visible_to(person).values_list("title", flat=True))


@pytest.fixture
def tasks(cast: Cast) -> Cast:
    cast.task("发改委任务", unit=cast.ndrc)
    cast.task("中心任务", unit=cast.ndrc_sub)
    shared = cast.task("农业局任务配合发改委", unit=cast.agri)
    shared.co_units.add(cast.ndrc)
    cast.task("农业局独立任务", unit=cast.agri)
    cast.task("黎副市长牵头", unit=cast.agri, leader=cast.leo)
    return cast


ALL = {"发改委任务", "中心任务", "农业局任务配合发改委", "农业局独立任务", "黎副市长牵头"}


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("olga", ALL),
        ("alice", {"发改委任务", "中心任务", "农业局任务配合发改委"}),
        ("bob", {"发改委任务", "中心任务", "农业局任务配合发改委"}),
        ("carol", {"农业局任务配合发改委", "农业局独立任务", "黎副市长牵头"}),
        ("leo", {"发改委任务", "中心任务", "农业局任务配合发改委", "黎副市长牵头"}),
        ("oscar", set()),
    ],
)
def test_each_role_sees_its_own_tasks(tasks: Cast, who: str, expected: set[str]) -> None:
    assert titles(getattr(tasks, who)) == expected


def test_anonymous_sees_nothing(tasks: Cast) -> None:
    from django.contrib.auth.models import AnonymousUser

    assert titles(AnonymousUser()) == set()  # type: ignore[arg-type]


def test_visible_to_uses_constant_queries(tasks: Cast, django_assert_max_num_queries: object) -> None:
    alice = Person.objects.get(username="alice")
    with django_assert_max_num_queries(4):  # type: ignore[operator]
        list(Task.objects.visible_to(alice))
