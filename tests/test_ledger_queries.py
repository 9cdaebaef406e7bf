"""The ledger read side: health on rows, and a query count that does not grow with the rows."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.ledger import actions
from luoshi.ledger.models import Task
from luoshi.ledger.queries import ledger_rows
from luoshi.testing import Cast


def make_tasks(cast: Cast, n: int) -> None:
    for i in range(n):
        task = cast.task(f"任务{i}", deadline=dt.date(2024, 6, 30))
        task.co_units.add(cast.agri)
        actions.add_milestone(actor=cast.olga, task=task, title="节点", due=dt.date(2024, 3, 1))
        actions.sign_for(actor=cast.alice, task=task)
        actions.report_progress(
            actor=cast.alice, task=task, on=dt.date(2024, 2, 1), text=f"进展{i}", percent=30
        )


def count_queries(cast: Cast) -> int:
    with CaptureQueriesContext(connection) as ctx:
        ledger_rows(Task.objects.visible_to(cast.alice), today=dt.date(2024, 4, 1))
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_rows(cast: Cast) -> None:
    make_tasks(cast, 2)
    small = count_queries(cast)
    make_tasks(cast, 10)
    assert count_queries(cast) == small <= 8


def test_rows_carry_health_progress_and_co_units(cast: Cast) -> None:
    make_tasks(cast, 1)
    late = cast.task("逾期任务", deadline=dt.date(2024, 3, 1))
    rows = {
        r.values["title"]: r.as_json() for r in ledger_rows(Task.objects.all(), today=dt.date(2024, 4, 1))
    }
    first = rows["任务0"]
    assert first["co_units"] == ["示范市农业农村局"]
    assert first["latest_progress"] == "进展0"
    assert first["health"] == "at_risk" and "milestone_late" in first["health_reasons"]
    assert rows["逾期任务"]["health"] == "overdue"
    assert late.pk in {r["id"] for r in rows.values()}
