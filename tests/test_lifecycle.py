"""The task lifecycle: who may move a task, which moves are legal, and that each lands in the log."""

from __future__ import annotations

import datetime as dt

import pytest

from luoshi.audit.models import Event
from luoshi.ledger import actions
from luoshi.ledger.models import Status
from luoshi.org.errors import IllegalTransition, InvalidInput, NotAllowed
from luoshi.testing import Cast

D = dt.date(2024, 3, 1)


@pytest.fixture(autouse=True)
def _messages_in_english(english: object) -> None:
    """These tests check what refusals say; the wording is asserted in English."""


def events_for(task_id: int) -> list[str]:
    return list(
        Event.objects.filter(subject_type="task", subject_id=str(task_id)).values_list("kind", flat=True)
    )


def test_full_lifecycle_lands_in_event_log(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    actions.report_progress(actor=cast.alice, task=task, on=D, text="完成可研", percent=40)
    actions.complete(actor=cast.bob, task=task, on=dt.date(2024, 6, 1), text="已完工")
    actions.close(actor=cast.olga, task=task, on=dt.date(2024, 6, 5))
    task.refresh_from_db()
    assert task.status == Status.CLOSED
    assert task.progress == 100
    assert events_for(task.pk) == [
        "task.create",
        "task.sign_for",
        "task.report",
        "task.complete",
        "task.close",
    ]
    close = Event.objects.filter(kind="task.close").get()
    assert close.actor_name == "欧阳督查"
    assert close.before == {"status": "done"} and close.after == {"status": "closed"}


def test_closing_a_task_never_reported_done_is_refused(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    with pytest.raises(IllegalTransition, match="cannot close a task that is"):
        actions.close(actor=cast.olga, task=task, on=D)
    assert events_for(task.pk) == ["task.create", "task.sign_for"]


def test_unit_cannot_sign_for_another_units_task(cast: Cast) -> None:
    task = cast.task()
    with pytest.raises(NotAllowed, match="only the lead unit"):
        actions.sign_for(actor=cast.carol, task=task)
    task.refresh_from_db()
    assert task.status == Status.ASSIGNED


def test_liaison_cannot_extend_deadline(cast: Cast) -> None:
    task = cast.task()
    with pytest.raises(NotAllowed, match="only the supervision office or the task's lead leader"):
        actions.extend(actor=cast.alice, task=task, new_deadline=dt.date(2024, 9, 30), reason="工期紧")


def test_extension_keeps_original_deadline(cast: Cast) -> None:
    task = cast.task(leader=cast.leo)
    actions.extend(actor=cast.leo, task=task, new_deadline=dt.date(2024, 9, 30), reason="征地延迟")
    task.refresh_from_db()
    assert task.deadline == dt.date(2024, 9, 30)
    assert task.original_deadline == dt.date(2024, 6, 30)
    assert task.extensions.get().old_deadline == dt.date(2024, 6, 30)
    with pytest.raises(InvalidInput):
        actions.extend(actor=cast.olga, task=task, new_deadline=dt.date(2024, 8, 1), reason="再改")


def test_send_back_needs_reason_and_office_can_reassign(cast: Cast) -> None:
    task = cast.task()
    with pytest.raises(InvalidInput):
        actions.send_back(actor=cast.alice, task=task, reason=" ")
    actions.send_back(actor=cast.alice, task=task, reason="不属于本单位职责")
    actions.assign(actor=cast.olga, task=task, lead_unit=cast.agri, on=D)
    task.refresh_from_db()
    assert (task.status, task.lead_unit) == (Status.ASSIGNED, cast.agri)
    actions.sign_for(actor=cast.carol, task=task)


def test_liaison_cannot_assign_close_suspend_or_cancel(cast: Cast) -> None:
    task = cast.task(assigned_on=None)
    with pytest.raises(NotAllowed):
        actions.assign(actor=cast.alice, task=task, on=D)
    with pytest.raises(NotAllowed):
        actions.cancel(actor=cast.alice, task=task, reason="x")
    actions.assign(actor=cast.olga, task=task, on=D)
    with pytest.raises(NotAllowed):
        actions.suspend(actor=cast.alice, task=task, reason="x")


def test_suspend_and_resume_return_to_previous_state(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    actions.suspend(actor=cast.olga, task=task, reason="上级政策调整")
    with pytest.raises(IllegalTransition):
        actions.report_progress(actor=cast.alice, task=task, on=D, text="x")
    actions.resume(actor=cast.olga, task=task)
    task.refresh_from_db()
    assert task.status == Status.ACCEPTED


def test_reopen_sends_a_claimed_completion_back_to_work(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    actions.complete(actor=cast.alice, task=task, on=D, text="完成")
    actions.reopen(actor=cast.olga, task=task, reason="佐证材料不全")
    task.refresh_from_db()
    assert (task.status, task.completed_on) == (Status.IN_PROGRESS, None)


def test_co_unit_may_report_but_not_complete(cast: Cast) -> None:
    task = cast.task()
    task.co_units.add(cast.agri)
    actions.sign_for(actor=cast.alice, task=task)
    actions.report_progress(actor=cast.carol, task=task, on=D, text="配合完成调研")
    with pytest.raises(NotAllowed):
        actions.complete(actor=cast.carol, task=task, on=D, text="x")


def test_evidence_must_be_a_document_or_picture(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    bad = actions.Attachment("run.exe", b"MZ\x90\x00 binary")
    with pytest.raises(InvalidInput, match="not a PDF"):
        actions.report_progress(actor=cast.alice, task=task, on=D, text="x", evidence=[bad])
    assert not task.reports.exists()
    good = actions.Attachment("照片.png", b"\x89PNG\r\n\x1a\n....")
    report = actions.report_progress(actor=cast.alice, task=task, on=D, text="现场照片", evidence=[good])
    assert report.evidence.get().content_type == "image/png"


def test_progress_rolls_up_from_milestones_and_subtasks(cast: Cast) -> None:
    task = cast.task()
    actions.sign_for(actor=cast.alice, task=task)
    m1 = actions.add_milestone(actor=cast.alice, task=task, title="完成立项", due=dt.date(2024, 3, 1))
    actions.add_milestone(actor=cast.alice, task=task, title="开工", due=dt.date(2024, 5, 1), weight=3)
    actions.finish_milestone(actor=cast.alice, milestone=m1, on=dt.date(2024, 2, 28))
    task.refresh_from_db()
    assert task.progress == 25
