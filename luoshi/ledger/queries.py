"""Reading the ledger: rows with their health, in a fixed number of queries whatever the size.

Related rows (co-units, milestones, tags, targets) are fetched with the task query as a subquery
rather than a list of ids, so 100,000 tasks cost the same five queries as ten.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.db.models import F, Q, QuerySet, Window
from django.db.models.functions import RowNumber

from luoshi.ledger.calendars import office_calendar
from luoshi.ledger.health import Assessment, TaskFacts, assess
from luoshi.ledger.models import Milestone, ProgressReport, Status, Target, Task
from luoshi.lib.workdays import WorkCalendar
from luoshi.org.models import Person, Unit

ROW_FIELDS = (
    "id",
    "seq",
    "section",
    "title",
    "text",
    "kind",
    "status",
    "priority",
    "progress",
    "deadline",
    "original_deadline",
    "deadline_text",
    "cadence",
    "assigned_on",
    "completed_on",
    "lead_unit__name",
    "lead_leader__display_name",
    "lead_leader_name",
    "responsible_name",
    "unresolved",
    "note",
)


@dataclass
class LedgerRow:
    """One task as the ledger shows it."""

    values: dict[str, Any]
    co_units: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    milestones: list[tuple[dt.date, dt.date | None, int]] = field(default_factory=list)
    targets: list[dict[str, Any]] = field(default_factory=list)
    assessment: Assessment | None = None

    @property
    def id(self) -> int:
        return int(self.values["id"])

    def as_json(self) -> dict[str, Any]:
        v = self.values
        assessment = self.assessment
        return {
            "id": v["id"],
            "seq": v["seq"],
            "section": v["section"],
            "title": v["title"],
            "text": v["text"],
            "kind": v["kind"],
            "status": v["status"],
            "priority": v["priority"],
            "lead_unit": v["lead_unit__name"],
            "co_units": self.co_units,
            "lead_leader": v["lead_leader__display_name"] or v["lead_leader_name"] or None,
            "responsible": v["responsible_name"] or None,
            "deadline": _iso(v["deadline"]),
            "original_deadline": _iso(v["original_deadline"]),
            "deadline_text": v["deadline_text"],
            "cadence": v["cadence"] or None,
            "assigned_on": _iso(v["assigned_on"]),
            "completed_on": _iso(v["completed_on"]),
            "progress": v["progress"],
            "health": str(assessment.health) if assessment else None,
            "health_reasons": list(assessment.reasons) if assessment else [],
            "latest_progress": v["latest_progress"],
            "last_report_on": _iso(v["last_report_on"]),
            "targets": self.targets,
            "tags": self.tags,
            "unresolved": v["unresolved"] or {},
            "note": v["note"],
        }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def facts_of(values: dict[str, Any], milestones: Iterable[tuple[dt.date, dt.date | None, int]]) -> TaskFacts:
    """The health facts of one task row."""
    status = values["status"]
    completed = values["completed_on"]
    if status in {"done", "closed"} and completed is None:
        # Imported or legacy rows may lack the claim date; the deadline is the kindest reading.
        completed = values["deadline"] or values["assigned_on"] or dt.date.min
    return TaskFacts(
        status=status,
        start=values["assigned_on"],
        deadline=values["deadline"],
        completed_on=completed,
        progress=values["progress"],
        milestones=tuple(milestones),
        cadence=values["cadence"] if values["cadence"] not in ("", "periodic") else None,
        last_report_on=values["last_report_on"],
    )


def ledger_rows(
    tasks: QuerySet[Task], *, today: dt.date, calendar: WorkCalendar | None = None
) -> list[LedgerRow]:
    """Rows for `tasks` (already narrowed by `visible_to`) with health as of `today`."""
    calendar = calendar or office_calendar()
    rows = [
        LedgerRow({**values, "last_report_on": None, "latest_progress": None})
        for values in tasks.values(*ROW_FIELDS).order_by("id")
    ]
    by_id = {row.id: row for row in rows}
    ids = tasks.values("pk")
    # The latest report of each task in one pass (a window, not a correlated subquery per row,
    # whose plan degrades badly before PostgreSQL has statistics on a freshly loaded table).
    latest = (
        ProgressReport.objects.filter(task__in=ids)
        .annotate(
            rank=Window(
                RowNumber(), partition_by=F("task_id"), order_by=[F("reported_on").desc(), F("id").desc()]
            )
        )
        .filter(rank=1)
        .values_list("task_id", "reported_on", "text")
    )
    for task_id, reported_on, text in latest:
        if task_id in by_id:
            by_id[task_id].values.update(last_report_on=reported_on, latest_progress=text)
    for task_id, name in Task.co_units.through.objects.filter(task__in=ids).values_list(
        "task_id", "unit__name"
    ):
        if task_id in by_id:
            by_id[task_id].co_units.append(name)
    for task_id, name in Task.tags.through.objects.filter(task__in=ids).values_list("task_id", "tag__name"):
        if task_id in by_id:
            by_id[task_id].tags.append(name)
    milestones: dict[int, list[tuple[dt.date, dt.date | None, int]]] = defaultdict(list)
    for task_id, due, done_on, weight in Milestone.objects.filter(task__in=ids).values_list(
        "task_id", "due", "done_on", "weight"
    ):
        milestones[task_id].append((due, done_on, weight))
    for t in Target.objects.filter(task__in=ids).values("task_id", "indicator", "op", "value", "unit"):
        if t["task_id"] in by_id:
            by_id[t["task_id"]].targets.append(
                {"indicator": t["indicator"], "op": t["op"], "value": float(t["value"]), "unit": t["unit"]}
            )
    margin = settings.LUOSHI_AT_RISK_MARGIN
    for row in rows:
        row.milestones = milestones.get(row.id, [])
        row.assessment = assess(facts_of(row.values, row.milestones), today, calendar, margin=margin)
    return rows


def tasks_for(person: Person | None, unit: Unit | None = None) -> QuerySet[Task]:
    """The tasks a ledger listing or export shows: all of them for the operator at the console
    (person None: whoever runs the command holds the database), else what `visible_to` allows;
    narrowed to the tasks `unit` (or a unit under it) leads or helps with. Cancelled tasks are left out."""
    tasks = Task.objects.all() if person is None else Task.objects.visible_to(person)
    tasks = tasks.exclude(status=Status.CANCELLED)
    if unit is not None:
        co = Task.co_units.through.objects.filter(unit__path__startswith=unit.path).values("task_id")
        tasks = tasks.filter(Q(lead_unit__path__startswith=unit.path) | Q(pk__in=co))
    return tasks
