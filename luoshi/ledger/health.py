"""Task health (健康度), computed from facts and never typed in.

Pure: imports nothing from Django (only `luoshi.lib` and the standard library) and takes `today`
and the working-day calendar as arguments, so the same function serves the ledger, the
supervision sweep, reports and tests.

Health values:

- ``on_track`` — running and none of the below.
- ``at_risk`` — running, not past the deadline, and a milestone is past due and not done, or a
  progress report is late, or progress trails the share of plan time spent by more than the margin.
- ``overdue`` — running and today is after the deadline.
- ``done_on_time`` / ``done_late`` — done or closed, completed on/before or after the deadline
  (no deadline counts as on time).
- ``inactive`` — the task is not running, so there is nothing to judge: draft (not yet assigned),
  returned (the unit disputes the assignment; the next move is the office's), suspended,
  cancelled. A neutral value rather than None so that templates, filters and counts treat it like
  the others.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Literal, NamedTuple

from luoshi.lib.workdays import Unit, WorkCalendar

__all__ = [
    "BEHIND_PLAN",
    "COMPLETED_LATE",
    "MILESTONE_LATE",
    "PAST_DEADLINE",
    "REPORT_MISSING",
    "Assessment",
    "Health",
    "Milestone",
    "TaskFacts",
    "assess",
    "expected_progress",
    "next_report_due",
]


class Health(StrEnum):
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OVERDUE = "overdue"
    DONE_ON_TIME = "done_on_time"
    DONE_LATE = "done_late"
    INACTIVE = "inactive"


# Machine codes in `Assessment.reasons`, stable for translation and filtering.
PAST_DEADLINE = "past_deadline"
MILESTONE_LATE = "milestone_late"
REPORT_MISSING = "report_missing"
BEHIND_PLAN = "behind_plan"
COMPLETED_LATE = "completed_late"

RUNNING = frozenset({"assigned", "accepted", "in_progress"})
FINISHED = frozenset({"done", "closed"})
INACTIVE = frozenset({"draft", "returned", "suspended", "cancelled"})
STATUSES = RUNNING | FINISHED | INACTIVE

CadenceName = Literal["daily", "weekly", "monthly", "quarterly", "yearly"]
# Periods up to a week count working days, so a holiday week pauses them as it pauses the work;
# longer ones are calendar months, the way offices set them (每月、每季度报送).
_DAYS_PER_PERIOD: dict[str, dict[str, int]] = {
    "daily": {"workdays": 1, "days": 1},
    "weekly": {"workdays": 5, "days": 7},
}
_MONTHS_PER_PERIOD = {"monthly": 1, "quarterly": 3, "yearly": 12}
_CADENCE_NAMES = frozenset(_DAYS_PER_PERIOD) | frozenset(_MONTHS_PER_PERIOD)


class Milestone(NamedTuple):
    """节点: a dated step of the plan (倒排工期). A plain ``(due, done_on, weight)`` tuple works too."""

    due: date
    done_on: date | None = None
    weight: float = 1


@dataclass(frozen=True)
class TaskFacts:
    """What health needs to know about one task, gathered by the ORM layer.

    `status` is a lifecycle state (draft, assigned, accepted, in_progress, done, closed, returned,
    suspended, cancelled). `start` is the day it was assigned; `deadline` the current one (after
    any approved extension); `completed_on` the day the unit claimed completion (required for done
    and closed). `progress` is the rolled-up percentage (see `rollup`). `cadence` is None/"" for no
    regular reports, a period name, or a number of days counted in the assessment's unit
    (working days by default); `last_report_on` the date of the latest progress report.
    """

    status: str
    start: date | None = None
    deadline: date | None = None
    completed_on: date | None = None
    progress: int = 0
    milestones: tuple[tuple[date, date | None, float], ...] = ()
    cadence: CadenceName | int | Literal[""] | None = None
    last_report_on: date | None = None

    def __post_init__(self) -> None:
        # Bad facts are a bug in the layer that gathered them; fail where it is visible.
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")
        if not 0 <= self.progress <= 100:
            raise ValueError(f"progress must be between 0 and 100, not {self.progress}")
        if self.status in FINISHED and self.completed_on is None:
            raise ValueError(f"a {self.status} task needs completed_on")
        cadence = self.cadence
        if isinstance(cadence, bool) or (isinstance(cadence, int) and cadence < 1):
            raise ValueError(f"a cadence in days must be a whole number of at least 1, not {cadence!r}")
        if isinstance(cadence, str) and cadence and cadence not in _CADENCE_NAMES:
            raise ValueError(f"unknown cadence {cadence!r}")
        for _, _, weight in self.milestones:
            if weight < 0:
                raise ValueError(f"a milestone weight must not be negative, not {weight}")


@dataclass(frozen=True)
class Assessment:
    """The verdict: `health`, the `reasons` behind it (machine codes, in a fixed order), the plan
    share `expected` (percent, exact; None without a start or deadline) and the date the next
    report is due (None without a cadence)."""

    health: Health
    reasons: tuple[str, ...] = ()
    expected: Fraction | None = None
    report_due: date | None = None


def _add_months(day: date, months: int) -> date:
    """`day` moved by whole months, kept on the last day when the month is shorter (31 Jan → 28 Feb)."""
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return date(year, month0 + 1, min(day.day, monthrange(year, month0 + 1)[1]))


def next_report_due(facts: TaskFacts, calendar: WorkCalendar, unit: Unit = "workdays") -> date | None:
    """The day by which the next progress report is due, or None when no cadence applies.

    Counted from the last report, or from the start when none came yet: ``daily`` is 1 and
    ``weekly`` 5 working days (1 and 7 calendar days with ``unit="days"``), a number is that many
    days in `unit`; ``monthly``, ``quarterly`` and ``yearly`` are calendar months. A due date that
    falls on a day off moves to the next working day. The report is late from the day after.

    >>> from luoshi.lib.workdays import WorkCalendar
    >>> facts = TaskFacts("in_progress", start=date(2024, 9, 2), cadence="weekly",
    ...                   last_report_on=date(2024, 9, 27))
    >>> next_report_due(facts, WorkCalendar())  # 29 Sep (调休), 30 Sep, then 8–10 Oct
    datetime.date(2024, 10, 10)
    """
    cadence = facts.cadence
    base = facts.last_report_on or facts.start
    if cadence is None or cadence == "" or base is None:
        return None
    if isinstance(cadence, int):
        due = calendar.add_days(base, cadence, unit)
    elif cadence in _DAYS_PER_PERIOD:
        due = calendar.add_days(base, _DAYS_PER_PERIOD[cadence][unit], unit)
    else:
        due = _add_months(base, _MONTHS_PER_PERIOD[cadence])
    return calendar.next_workday(due)


def expected_progress(
    facts: TaskFacts, today: date, calendar: WorkCalendar, unit: Unit = "workdays"
) -> Fraction | None:
    """The share of plan time spent by the end of `today`, in percent (exact), or None.

    Plan time runs from the day after `start` through the deadline; with ``unit="workdays"`` only
    working days on the official calendar count, so a holiday week does not move the share and an
    adjusted working Sunday does. None without a start or a deadline. Clamped to 0–100; a deadline
    on or before the start gives 0 before the deadline and 100 from it.

    >>> from luoshi.lib.workdays import WorkCalendar
    >>> facts = TaskFacts("in_progress", start=date(2024, 9, 20), deadline=date(2024, 10, 21))
    >>> expected_progress(facts, date(2024, 10, 9), WorkCalendar())  # 9 of 18 working days
    Fraction(50, 1)
    """
    if facts.start is None or facts.deadline is None:
        return None
    total = calendar.days_between(facts.start, facts.deadline, unit)
    if total <= 0:
        return Fraction(100 if today >= facts.deadline else 0)
    spent = calendar.days_between(facts.start, today, unit)
    spent = min(max(spent, 0), total)
    return Fraction(100 * spent, total)


def assess(
    facts: TaskFacts,
    today: date,
    calendar: WorkCalendar,
    margin: int = 10,
    unit: Unit = "workdays",
) -> Assessment:
    """Judge one task on `today`; see the module docstring for the values.

    For a running task every reason that applies is listed, in the order past_deadline,
    milestone_late, report_missing, behind_plan; health is ``overdue`` when past_deadline is
    among them, else ``at_risk`` when any is, else ``on_track``. Behind plan means progress is
    more than `margin` percentage points below `expected_progress` (exactly `margin` behind is
    still on track). Without a deadline only milestones and reports can put a task at risk.

    >>> from luoshi.lib.workdays import WorkCalendar
    >>> facts = TaskFacts("in_progress", start=date(2024, 9, 20), deadline=date(2024, 10, 21), progress=39)
    >>> assess(facts, date(2024, 10, 9), WorkCalendar()).reasons
    ('behind_plan',)
    """
    if facts.status in INACTIVE:
        return Assessment(Health.INACTIVE)
    expected = expected_progress(facts, today, calendar, unit)
    report_due = next_report_due(facts, calendar, unit)
    if facts.status in FINISHED:
        # __post_init__ guarantees completed_on for finished tasks.
        assert facts.completed_on is not None
        if facts.deadline is not None and facts.completed_on > facts.deadline:
            return Assessment(Health.DONE_LATE, (COMPLETED_LATE,), expected)
        return Assessment(Health.DONE_ON_TIME, (), expected)

    reasons: list[str] = []
    overdue = facts.deadline is not None and today > facts.deadline
    if overdue:
        reasons.append(PAST_DEADLINE)
    if any(done_on is None and due < today for due, done_on, _ in facts.milestones):
        reasons.append(MILESTONE_LATE)
    if report_due is not None and today > report_due:
        reasons.append(REPORT_MISSING)
    if expected is not None and facts.progress < expected - margin:
        reasons.append(BEHIND_PLAN)

    if overdue:
        health = Health.OVERDUE
    elif reasons:
        health = Health.AT_RISK
    else:
        health = Health.ON_TRACK
    return Assessment(health, tuple(reasons), expected, report_due)
