"""The hash-chained event log catches edits made behind the application's back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from luoshi.audit.models import Event
from luoshi.audit.verify import verify_chain
from luoshi.ledger import actions
from luoshi.testing import Cast


def test_chain_verifies_after_real_work(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    verdict = verify_chain()
    assert verdict.broken is None
    assert verdict.checked == Event.objects.count() > 5


def test_editing_one_stored_event_is_caught_and_named(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    actions.report_progress(actor=cast.alice, task=task, on=dt.date(2024, 2, 1), text="已完成50%")
    target = Event.objects.get(kind="task.sign_for")
    # Tamper directly in SQL, as someone with database access would.
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_event SET actor_name = %s WHERE id = %s", ["鲍勃", target.pk])
    verdict = verify_chain()
    assert verdict.broken is not None and verdict.broken.ident == target.pk
    with pytest.raises(CommandError, match=f"event #{target.pk}: content does not match"):
        call_command("audit", "verify")


def test_deleting_an_event_breaks_the_next_link(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    actions.complete(actor=cast.alice, task=task, on=dt.date(2024, 3, 1), text="完成")
    victim = Event.objects.get(kind="task.sign_for")
    following = Event.objects.filter(id__gt=victim.pk).order_by("id").first()
    assert following is not None
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_event WHERE id = %s", [victim.pk])
    verdict = verify_chain()
    assert verdict.broken is not None and verdict.broken.ident == following.pk
    assert "previous-hash" in verdict.broken.reason


def test_intact_chain_command_says_ok(cast: Cast, capsys: pytest.CaptureFixture[str]) -> None:
    call_command("audit", "verify")
    assert "chain intact" in capsys.readouterr().out


def test_record_outside_a_transaction_is_a_programming_error(transactional_db: None) -> None:
    from luoshi.audit.actions import record

    with pytest.raises(RuntimeError):
        record(actor=None, kind="x", subject_type="t", subject_id=1)
