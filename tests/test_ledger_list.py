"""`luoshi ledger list --json` and `luoshi task show --json`, as scripts read them."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from luoshi.ledger import actions
from luoshi.testing import Cast


def listed(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    call_command("ledger", "list", "--json", "--today", "2024-04-01", *args)
    data: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return data


def test_list_filters_by_unit_health_and_due(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    cast.task("发改委逾期", unit=cast.ndrc, deadline=dt.date(2024, 3, 1))
    cast.task("农业局正常", unit=cast.agri, deadline=dt.date(2024, 12, 31))
    assert {t["title"] for t in listed(capsys)} == {"发改委逾期", "农业局正常"}
    assert [t["title"] for t in listed(capsys, "--health", "overdue")] == ["发改委逾期"]
    assert [t["title"] for t in listed(capsys, "--unit", "农业局")] == ["农业局正常"]
    assert [t["title"] for t in listed(capsys, "--due-before", "2024-06-30")] == ["发改委逾期"]
    assert [t["title"] for t in listed(capsys, "--as", "carol")] == ["农业局正常"]


def test_list_query_count_does_not_grow(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            listed(capsys)
        return len(ctx.captured_queries)

    cast.task("一")
    few = queries()
    for i in range(15):
        cast.task(f"任务{i}")
    assert queries() == few


def test_task_show_json_carries_events_and_respects_visibility(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    call_command("task", "show", str(task.pk), "--json")
    data = json.loads(capsys.readouterr().out)
    assert data["status"] == "accepted"
    assert [e["kind"] for e in data["events"]] == ["task.create", "task.sign_for"]
    with pytest.raises(CommandError, match="visible to you"):
        call_command("task", "show", str(task.pk), "--as", "carol")
