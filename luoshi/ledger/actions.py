"""Every write to the ledger. Views, the API, CLI commands and the sweep call these and nothing else.

Each action authorises the actor, validates, writes, appends an audit event and schedules side
effects, in one transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from luoshi.audit.actions import record
from luoshi.ledger import lifecycle
from luoshi.ledger.models import (
    Evidence,
    Extension,
    Milestone,
    ProgressReport,
    Source,
    Status,
    Tag,
    Target,
    Task,
)
from luoshi.ledger.rollup import rollup
from luoshi.org.access import is_office, member_of
from luoshi.org.errors import IllegalTransition, InvalidInput, NotAllowed
from luoshi.org.models import Person, Unit

# Evidence files a unit may attach: office documents, PDFs and pictures, at most 20 MB.
EVIDENCE_TYPES: dict[bytes, str] = {
    b"%PDF": "application/pdf",
    b"PK\x03\x04": "application/zip",  # .docx / .xlsx are zip containers
    b"\x89PNG": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"\xd0\xcf\x11\xe0": "application/x-ole-storage",  # legacy .doc / .xls
}
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024


def task_state(task: Task) -> dict[str, Any]:
    """The fields an event records before and after a change."""
    return {
        "status": task.status,
        "title": task.title,
        "lead_unit": task.lead_unit.name if task.lead_unit_id and task.lead_unit else None,
        "deadline": task.deadline.isoformat() if task.deadline else None,
        "original_deadline": task.original_deadline.isoformat() if task.original_deadline else None,
        "progress": task.progress,
        "responsible": task.responsible_name,
    }


def _changed(before: dict[str, Any], after: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    keys = [k for k in after if before.get(k) != after.get(k)]
    return {k: before.get(k) for k in keys}, {k: after[k] for k in keys}


def _log(
    actor: Person | None, kind: str, task: Task, before: dict[str, Any], reason: str = "", **extra: Any
) -> None:
    old, new = _changed(before, task_state(task))
    new.update(extra)
    record(
        actor=actor,
        kind=f"task.{kind}",
        subject_type="task",
        subject_id=task.pk,
        before=old,
        after=new,
        reason=reason,
    )


def _lock(task: Task) -> Task:
    """Re-read the task under a row lock so two people cannot move it at once."""
    return Task.objects.select_for_update(of=("self",)).select_related("lead_unit").get(pk=task.pk)


def _check_move(move: str, task: Task) -> None:
    if not lifecycle.allowed(move, task.status):
        raise IllegalTransition(
            _("cannot %(move)s a task that is %(status)s")
            % {"move": _MOVE_NAMES.get(move, move), "status": Status(task.status).label}
        )


_MOVE_NAMES = {
    "assign": gettext_lazy("assign"),
    "sign_for": gettext_lazy("sign for"),
    "send_back": gettext_lazy("send back"),
    "report": gettext_lazy("report on"),
    "complete": gettext_lazy("complete"),
    "close": gettext_lazy("close"),
    "reopen": gettext_lazy("reopen"),
    "extend": gettext_lazy("extend"),
    "suspend": gettext_lazy("suspend"),
    "resume": gettext_lazy("resume"),
    "cancel": gettext_lazy("cancel"),
}


def _require_office(actor: Person, what: str) -> None:
    if not is_office(actor):
        raise NotAllowed(_("only the supervision office may %(what)s") % {"what": what})


def _require_lead_member(actor: Person, task: Task, what: str) -> None:
    if task.lead_unit is None or not member_of(actor, task.lead_unit.path):
        raise NotAllowed(_("only the lead unit of this task may %(what)s") % {"what": what})


def _require_leader_or_office(actor: Person, task: Task, what: str) -> None:
    if is_office(actor) or (task.lead_leader_id is not None and task.lead_leader_id == actor.pk):
        return
    raise NotAllowed(_("only the supervision office or the task's lead leader may %(what)s") % {"what": what})


@dataclass
class TaskInput:
    """What a new task is made of, from a form, an import or the extractor."""

    title: str
    text: str = ""
    kind: str = "other"
    seq: str = ""
    section: str = ""
    lead_unit: Unit | None = None
    co_units: Sequence[Unit] = ()
    lead_leader: Person | None = None
    lead_leader_name: str = ""
    responsible: Person | None = None
    responsible_name: str = ""
    deadline: dt.date | None = None
    deadline_text: str = ""
    cadence: str = ""
    priority: int = 2
    note: str = ""
    tags: Sequence[str] = ()
    targets: Sequence[tuple[str, str, Decimal, str]] = ()  # indicator, op, value, unit
    unresolved: dict[str, Any] = field(default_factory=dict)
    source: Source | None = None
    source_span: tuple[int, int] | None = None
    parent: Task | None = None
    progress_text: str = ""


@transaction.atomic
def create_task(*, actor: Person | None, data: TaskInput, assigned_on: dt.date | None = None) -> Task:
    """Record a task: `draft` by default, `assigned` when `assigned_on` is given (imports)."""
    if actor is not None:
        _require_office(actor, _("create tasks"))
    if not data.title.strip():
        raise InvalidInput(_("a task needs a title"))
    if assigned_on is not None and data.lead_unit is None:
        raise InvalidInput(_("an assigned task needs a lead unit"))
    task = Task(
        source=data.source,
        source_start=data.source_span[0] if data.source_span else None,
        source_end=data.source_span[1] if data.source_span else None,
        parent=data.parent,
        kind=data.kind,
        status=Status.ASSIGNED if assigned_on else Status.DRAFT,
        seq=data.seq,
        section=data.section,
        title=data.title.strip()[:500],
        text=data.text,
        lead_unit=data.lead_unit,
        lead_leader=data.lead_leader,
        lead_leader_name=data.lead_leader_name,
        responsible=data.responsible,
        responsible_name=data.responsible_name,
        unresolved=data.unresolved,
        deadline=data.deadline,
        original_deadline=data.deadline,
        deadline_text=data.deadline_text,
        cadence=data.cadence,
        priority=data.priority,
        note=data.note,
        assigned_on=assigned_on,
    )
    task.save()
    if data.co_units:
        task.co_units.set(data.co_units)
    if data.tags:
        task.tags.set([Tag.objects.get_or_create(name=name)[0] for name in data.tags])
    Target.objects.bulk_create(
        Target(task=task, indicator=ind, op=op, value=value, unit=unit)
        for ind, op, value, unit in data.targets
    )
    record(
        actor=actor,
        kind="task.create",
        subject_type="task",
        subject_id=task.pk,
        after={
            **task_state(task),
            "co_units": [u.name for u in data.co_units],
            "source": data.source.pk if data.source else None,
            "progress_text": data.progress_text,
        },
    )
    return task


@transaction.atomic
def assign(
    *, actor: Person, task: Task, lead_unit: Unit | None = None, on: dt.date, reason: str = ""
) -> Task:
    """交办: hand a draft (or returned) task to its lead unit."""
    _require_office(actor, _("assign tasks"))
    task = _lock(task)
    _check_move("assign", task)
    before = task_state(task)
    if lead_unit is not None:
        task.lead_unit = lead_unit
    if task.lead_unit is None:
        raise InvalidInput(_("choose a lead unit before assigning"))
    task.status, task.assigned_on = Status.ASSIGNED, on
    task.save()
    _log(actor, "assign", task, before, reason)
    return task


@transaction.atomic
def sign_for(*, actor: Person, task: Task) -> Task:
    """签收: the lead unit accepts the task."""
    task = _lock(task)
    _require_lead_member(actor, task, _("sign for it"))
    _check_move("sign_for", task)
    before = task_state(task)
    task.status = Status.ACCEPTED
    task.save()
    _log(actor, "sign_for", task, before)
    return task


@transaction.atomic
def send_back(*, actor: Person, task: Task, reason: str) -> Task:
    """退回: the lead unit disputes the assignment; a reason is required."""
    task = _lock(task)
    _require_lead_member(actor, task, _("send it back"))
    _check_move("send_back", task)
    if not reason.strip():
        raise InvalidInput(_("say why the task is sent back"))
    before = task_state(task)
    task.status = Status.RETURNED
    task.save()
    _log(actor, "send_back", task, before, reason)
    return task


@dataclass(frozen=True)
class Attachment:
    name: str
    content: bytes


def _check_evidence(files: Iterable[Attachment]) -> list[tuple[Attachment, str]]:
    checked = []
    for f in files:
        if len(f.content) > EVIDENCE_MAX_BYTES:
            raise InvalidInput(_("%(name)s is larger than 20 MB") % {"name": f.name})
        kind = next((t for magic, t in EVIDENCE_TYPES.items() if f.content.startswith(magic)), None)
        if kind is None:
            raise InvalidInput(_("%(name)s is not a PDF, office document or picture") % {"name": f.name})
        checked.append((f, kind))
    return checked


def _attach(report: ProgressReport, files: list[tuple[Attachment, str]]) -> None:
    """Store checked evidence files on a report, each with its hash."""
    for f, kind in files:
        Evidence.objects.create(
            report=report,
            file=ContentFile(f.content, name=f.name),
            name=f.name,
            sha256=hashlib.sha256(f.content).hexdigest(),
            size=len(f.content),
            content_type=kind,
        )


@transaction.atomic
def report_progress(
    *,
    actor: Person,
    task: Task,
    on: dt.date,
    text: str,
    percent: int | None = None,
    problems: str = "",
    next_steps: str = "",
    evidence: Sequence[Attachment] = (),
) -> ProgressReport:
    """报送进展: the lead unit (or a co-unit) reports what was done, with evidence."""
    task = _lock(task)
    co = task.co_units.filter(pk__in=[m.unit_id for m in actor.memberships.all()]).exists()
    if not co:
        _require_lead_member(actor, task, _("report on it"))
    _check_move("report", task)
    if not text.strip():
        raise InvalidInput(_("a progress report needs text"))
    if percent is not None and not 0 <= percent <= 100:
        raise InvalidInput(_("percent must be between 0 and 100"))
    files = _check_evidence(evidence)
    before = task_state(task)
    report = ProgressReport.objects.create(
        task=task,
        author=actor,
        reported_on=on,
        text=text,
        percent=percent,
        problems=problems,
        next_steps=next_steps,
    )
    _attach(report, files)
    task.status = Status.IN_PROGRESS
    task.save()
    refresh_progress(task)
    _log(actor, "report", task, before, report=report.pk, text=text, evidence=[f.name for f, _k in files])
    return report


@transaction.atomic
def complete(
    *, actor: Person, task: Task, on: dt.date, text: str, evidence: Sequence[Attachment] = ()
) -> Task:
    """办结: the lead unit claims completion, with what was done and its evidence."""
    task = _lock(task)
    _require_lead_member(actor, task, _("complete it"))
    _check_move("complete", task)
    if not text.strip():
        raise InvalidInput(_("say what was done"))
    files = _check_evidence(evidence)
    before = task_state(task)
    report = ProgressReport.objects.create(task=task, author=actor, reported_on=on, text=text, percent=100)
    _attach(report, files)
    task.status, task.completed_on = Status.DONE, on
    task.save()
    refresh_progress(task)
    _log(actor, "complete", task, before, text)
    return task


@transaction.atomic
def close(*, actor: Person, task: Task, on: dt.date, reason: str = "") -> Task:
    """销号: the office verifies a completed task and closes it."""
    _require_office(actor, _("close tasks"))
    task = _lock(task)
    _check_move("close", task)
    before = task_state(task)
    task.status, task.closed_on = Status.CLOSED, on
    task.save()
    _log(actor, "close", task, before, reason)
    return task


@transaction.atomic
def reopen(*, actor: Person, task: Task, reason: str) -> Task:
    """销号不通过: the office finds the claimed completion wanting and sends it back to work."""
    _require_office(actor, _("reopen tasks"))
    task = _lock(task)
    _check_move("reopen", task)
    if not reason.strip():
        raise InvalidInput(_("say why the completion is not accepted"))
    before = task_state(task)
    task.status, task.completed_on = Status.IN_PROGRESS, None
    task.save()
    refresh_progress(task)
    _log(actor, "reopen", task, before, reason)
    return task


@transaction.atomic
def extend(*, actor: Person, task: Task, new_deadline: dt.date, reason: str) -> Extension:
    """延期: approve a new deadline; the original deadline is kept on the task and the extension."""
    task = _lock(task)
    _require_leader_or_office(actor, task, _("extend a deadline"))
    _check_move("extend", task)
    if not reason.strip():
        raise InvalidInput(_("say why the deadline is extended"))
    if task.deadline and new_deadline <= task.deadline:
        raise InvalidInput(_("the new deadline must be later than %(d)s") % {"d": task.deadline.isoformat()})
    before = task_state(task)
    extension = Extension.objects.create(
        task=task, old_deadline=task.deadline, new_deadline=new_deadline, reason=reason, approved_by=actor
    )
    if task.original_deadline is None:
        task.original_deadline = task.deadline
    task.deadline = new_deadline
    task.save()
    _log(actor, "extend", task, before, reason)
    return extension


@transaction.atomic
def suspend(*, actor: Person, task: Task, reason: str) -> Task:
    """暂缓: stop the clock on a task for a stated reason."""
    _require_office(actor, _("suspend tasks"))
    task = _lock(task)
    _check_move("suspend", task)
    if not reason.strip():
        raise InvalidInput(_("say why the task is suspended"))
    before = task_state(task)
    task.suspended_from, task.status = task.status, Status.SUSPENDED
    task.save()
    _log(actor, "suspend", task, before, reason)
    return task


@transaction.atomic
def resume(*, actor: Person, task: Task, reason: str = "") -> Task:
    """恢复: a suspended task goes back to the state it was suspended from."""
    _require_office(actor, _("resume tasks"))
    task = _lock(task)
    _check_move("resume", task)
    before = task_state(task)
    task.status, task.suspended_from = task.suspended_from or Status.ASSIGNED, ""
    task.save()
    _log(actor, "resume", task, before, reason)
    return task


@transaction.atomic
def cancel(*, actor: Person, task: Task, reason: str) -> Task:
    """撤销: the matter no longer needs doing."""
    _require_office(actor, _("cancel tasks"))
    task = _lock(task)
    _check_move("cancel", task)
    if not reason.strip():
        raise InvalidInput(_("say why the task is cancelled"))
    before = task_state(task)
    task.status = Status.CANCELLED
    task.save()
    _log(actor, "cancel", task, before, reason)
    return task


@transaction.atomic
def add_milestone(*, actor: Person, task: Task, title: str, due: dt.date, weight: int = 1) -> Milestone:
    """节点: add a dated step (backward scheduling); office or the lead unit."""
    task = _lock(task)
    if not is_office(actor):
        _require_lead_member(actor, task, _("plan its milestones"))
    if weight < 1:
        raise InvalidInput(_("a milestone's weight is at least 1"))
    milestone = Milestone.objects.create(task=task, title=title, due=due, weight=weight)
    refresh_progress(task)
    record(
        actor=actor,
        kind="task.milestone.add",
        subject_type="task",
        subject_id=task.pk,
        after={"milestone": milestone.pk, "title": title, "due": due.isoformat(), "weight": weight},
    )
    return milestone


@transaction.atomic
def finish_milestone(*, actor: Person, milestone: Milestone, on: dt.date) -> Milestone:
    """A milestone reached: progress rolls up from it."""
    task = _lock(milestone.task)
    _require_lead_member(actor, task, _("mark its milestones done"))
    if milestone.done_on is not None:
        raise IllegalTransition(_("this milestone is already done"))
    milestone.done_on = on
    milestone.save(update_fields=["done_on"])
    before = task_state(task)
    refresh_progress(task)
    _log(actor, "milestone.done", task, before, milestone=milestone.pk, on=on.isoformat())
    return milestone


def refresh_progress(task: Task) -> None:
    """Recompute a task's progress from its milestones, sub-tasks and reports, then its parents'.

    Progress is derived, never typed in: see `luoshi.ledger.rollup`.
    """
    seen: set[int] = set()
    current: Task | None = task
    while current is not None and current.pk not in seen:
        seen.add(current.pk)
        latest = (
            current.reports.exclude(percent=None)
            .order_by("-reported_on", "-id")
            .values_list("percent", flat=True)
        )
        milestones = [(m.weight, m.done_on is not None) for m in current.milestones.all()]
        children = [
            (1, 100 if c.status in lifecycle.FINISHED else c.progress)
            for c in current.children.exclude(status=Status.CANCELLED).only("status", "progress")
        ]
        value = 100 if current.status in lifecycle.FINISHED else rollup(latest.first(), milestones, children)
        if value != current.progress:
            Task.objects.filter(pk=current.pk).update(progress=value)
            current.progress = value
        current = Task.objects.filter(pk=current.parent_id).first() if current.parent_id else None
