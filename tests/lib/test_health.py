"""Task health on the official calendar: every value, the margin, holidays, report cadence."""

from __future__ import annotations

import doctest
from dataclasses import replace
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.ledger import health
from luoshi.ledger.health import (
    BEHIND_PLAN,
    COMPLETED_LATE,
    MILESTONE_LATE,
    PAST_DEADLINE,
    REPORT_MISSING,
    Health,
    Milestone,
    TaskFacts,
    assess,
    expected_progress,
    next_report_due,
)
from luoshi.lib.workdays import WorkCalendar

CAL = WorkCalendar()

# Across Spring Festival 2024: assigned Wed 31 Jan, due Thu 29 Feb. Working days after the start:
# 1, 2, 4 (Sun, 调休), 5–9 Feb, then the break 10–17 Feb, 18 (Sun, 调休), 19–23, 26–29 Feb = 18.
SPRING = TaskFacts("in_progress", start=date(2024, 1, 31), deadline=date(2024, 2, 29))
# Across National Day 2024: assigned Fri 20 Sep, due Mon 21 Oct. Working days after the start:
# 23–27 Sep, 29 (Sun, 调休), 30 Sep, the break 1–7 Oct, 8–11, 12 (Sat, 调休), 14–18, 21 Oct = 18.
AUTUMN = TaskFacts("in_progress", start=date(2024, 9, 20), deadline=date(2024, 10, 21))


def on(facts: TaskFacts, today: date, **changes: object) -> health.Assessment:
    return assess(replace(facts, **changes), today, CAL)  # type: ignore[arg-type]


# --- every value ------------------------------------------------------------------------------


def test_a_fresh_running_task_is_on_track() -> None:
    for status in ("assigned", "accepted", "in_progress"):
        result = on(AUTUMN, date(2024, 9, 23), status=status, progress=10)
        assert result.health is Health.ON_TRACK
        assert result.reasons == ()


def test_a_task_past_its_deadline_is_overdue_from_the_next_day() -> None:
    assert on(AUTUMN, date(2024, 10, 21), progress=95).health is Health.ON_TRACK
    late = on(AUTUMN, date(2024, 10, 22), progress=95)
    assert late.health is Health.OVERDUE
    assert late.reasons == (PAST_DEADLINE,)


def test_an_overdue_task_lists_every_reason() -> None:
    facts = replace(AUTUMN, milestones=(Milestone(date(2024, 10, 10)),), cadence="weekly")
    result = assess(facts, date(2024, 11, 4), CAL)
    assert result.health is Health.OVERDUE
    assert result.reasons == (PAST_DEADLINE, MILESTONE_LATE, REPORT_MISSING, BEHIND_PLAN)


def test_done_and_closed_tasks_are_judged_by_when_they_were_completed() -> None:
    for status in ("done", "closed"):
        in_time = on(AUTUMN, date(2024, 12, 1), status=status, completed_on=date(2024, 10, 21))
        assert in_time.health is Health.DONE_ON_TIME and in_time.reasons == ()
        late = on(AUTUMN, date(2024, 12, 1), status=status, completed_on=date(2024, 10, 22))
        assert late.health is Health.DONE_LATE and late.reasons == (COMPLETED_LATE,)
    no_deadline = on(AUTUMN, date(2030, 1, 1), status="closed", deadline=None, completed_on=date(2029, 1, 1))
    assert no_deadline.health is Health.DONE_ON_TIME


def test_tasks_that_are_not_running_are_inactive_even_past_the_deadline() -> None:
    for status in ("draft", "returned", "suspended", "cancelled"):
        result = on(AUTUMN, date(2025, 1, 1), status=status)
        assert result.health is Health.INACTIVE
        assert result.reasons == ()


def test_health_values_are_their_codes() -> None:
    assert [h.value for h in Health] == [
        "on_track",
        "at_risk",
        "overdue",
        "done_on_time",
        "done_late",
        "inactive",
    ]


# --- at risk ----------------------------------------------------------------------------------


def test_a_missed_milestone_puts_a_task_at_risk_from_the_day_after() -> None:
    facts = replace(AUTUMN, progress=100, milestones=(Milestone(date(2024, 10, 8), None, 2),))
    assert assess(facts, date(2024, 10, 8), CAL).health is Health.ON_TRACK
    result = assess(facts, date(2024, 10, 9), CAL)
    assert result.health is Health.AT_RISK and result.reasons == (MILESTONE_LATE,)
    reached = replace(facts, milestones=((date(2024, 10, 8), date(2024, 10, 9), 2),))
    assert assess(reached, date(2024, 10, 9), CAL).health is Health.ON_TRACK


def test_exactly_the_margin_behind_is_on_track_one_more_point_is_at_risk() -> None:
    today = date(2024, 10, 9)  # 9 of 18 working days: 50%
    assert expected_progress(AUTUMN, today, CAL) == 50
    assert on(AUTUMN, today, progress=40).health is Health.ON_TRACK
    behind = on(AUTUMN, today, progress=39)
    assert behind.health is Health.AT_RISK and behind.reasons == (BEHIND_PLAN,)
    assert assess(replace(AUTUMN, progress=49), today, CAL, margin=0).health is Health.AT_RISK
    assert assess(replace(AUTUMN, progress=50), today, CAL, margin=0).health is Health.ON_TRACK


def test_without_a_deadline_only_milestones_and_reports_matter() -> None:
    open_ended = replace(AUTUMN, deadline=None, progress=0)
    result = assess(open_ended, date(2026, 1, 1), CAL)
    assert result.health is Health.ON_TRACK and result.expected is None
    late = replace(open_ended, milestones=(Milestone(date(2025, 1, 1)),))
    assert assess(late, date(2026, 1, 1), CAL).reasons == (MILESTONE_LATE,)
    silent = replace(open_ended, cadence="monthly")
    assert assess(silent, date(2026, 1, 1), CAL).reasons == (REPORT_MISSING,)


# --- plan time on the official calendar -------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "spent"),
    [
        (date(2024, 1, 31), 0),
        (date(2024, 2, 2), 2),
        (date(2024, 2, 3), 2),  # Saturday: no plan time
        (date(2024, 2, 4), 3),  # the adjusted working Sunday moves it
        (date(2024, 2, 9), 8),
        (date(2024, 2, 10), 8),  # the holiday week does not move it
        (date(2024, 2, 14), 8),
        (date(2024, 2, 17), 8),
        (date(2024, 2, 18), 9),  # nor does it stop the adjusted Sunday after the break
        (date(2024, 2, 29), 18),
        (date(2024, 3, 15), 18),
    ],
)
def test_expected_progress_across_spring_festival_2024(today: date, spent: int) -> None:
    assert expected_progress(SPRING, today, CAL) == Fraction(100 * spent, 18)


@pytest.mark.parametrize(
    ("today", "spent"),
    [
        (date(2024, 9, 28), 5),
        (date(2024, 9, 29), 6),  # adjusted working Sunday
        (date(2024, 9, 30), 7),
        (date(2024, 10, 1), 7),
        (date(2024, 10, 7), 7),
        (date(2024, 10, 8), 8),
        (date(2024, 10, 12), 12),  # adjusted working Saturday
        (date(2024, 10, 13), 12),
        (date(2024, 10, 21), 18),
    ],
)
def test_expected_progress_across_national_day_2024(today: date, spent: int) -> None:
    assert expected_progress(AUTUMN, today, CAL) == Fraction(100 * spent, 18)


def test_health_through_spring_festival_2024() -> None:
    # 8 of 18 working days = 44.4%: 35% is 9.4 points behind, 34% is 10.4.
    for today in (date(2024, 2, 9), date(2024, 2, 12), date(2024, 2, 17)):
        assert on(SPRING, today, progress=35).health is Health.ON_TRACK
        assert on(SPRING, today, progress=34).health is Health.AT_RISK
    # Sunday 18 Feb is worked: 9 of 18 = 50%, so 40% is exactly 10 behind and 39% is not enough.
    assert on(SPRING, date(2024, 2, 18), progress=40).health is Health.ON_TRACK
    assert on(SPRING, date(2024, 2, 18), progress=39).health is Health.AT_RISK
    # Counted in calendar days the holiday would have eaten plan time: 17 of 29 days = 58.6%.
    in_days = assess(replace(SPRING, progress=40), date(2024, 2, 17), CAL, unit="days")
    assert in_days.expected == Fraction(1700, 29)
    assert in_days.health is Health.AT_RISK


def test_health_through_national_day_2024() -> None:
    # 7 of 18 = 38.9% throughout the break; 29% is 9.9 behind, 28% is 10.9.
    for today in (date(2024, 9, 30), date(2024, 10, 3), date(2024, 10, 7)):
        assert on(AUTUMN, today, progress=29).health is Health.ON_TRACK
        assert on(AUTUMN, today, progress=28).health is Health.AT_RISK
    # The worked Saturday 12 Oct moves the plan to 12 of 18 = 66.7%: 56% was 5.1 points behind on
    # the 11th and is 10.7 behind on the 12th.
    assert on(AUTUMN, date(2024, 10, 11), progress=56).health is Health.ON_TRACK
    assert on(AUTUMN, date(2024, 10, 12), progress=56).health is Health.AT_RISK


def test_expected_progress_edge_cases() -> None:
    assert expected_progress(replace(AUTUMN, deadline=None), date(2024, 10, 1), CAL) is None
    assert expected_progress(replace(AUTUMN, start=None), date(2024, 10, 1), CAL) is None
    assert expected_progress(AUTUMN, date(2024, 9, 1), CAL) == 0  # before the start
    # A deadline on the start day, or inside a holiday with no working day before it.
    same_day = replace(AUTUMN, start=date(2024, 10, 1), deadline=date(2024, 10, 5))
    assert expected_progress(same_day, date(2024, 10, 4), CAL) == 0
    assert expected_progress(same_day, date(2024, 10, 5), CAL) == 100


# --- reports ----------------------------------------------------------------------------------


def test_a_weekly_report_is_due_five_working_days_later_so_the_break_pauses_it() -> None:
    facts = replace(AUTUMN, progress=60, cadence="weekly", last_report_on=date(2024, 9, 27))
    # 29 Sep (Sun, 调休), 30 Sep, then 8, 9, 10 Oct
    assert next_report_due(facts, CAL) == date(2024, 10, 10)
    for today in (date(2024, 10, 4), date(2024, 10, 10)):
        assert REPORT_MISSING not in assess(facts, today, CAL).reasons
    late = assess(facts, date(2024, 10, 11), CAL)
    assert late.reasons == (REPORT_MISSING,) and late.health is Health.AT_RISK
    assert late.report_due == date(2024, 10, 10)


def test_in_calendar_days_a_weekly_report_due_in_the_break_moves_to_the_next_working_day() -> None:
    facts = replace(AUTUMN, progress=60, cadence="weekly", last_report_on=date(2024, 9, 27))
    assert next_report_due(facts, CAL, unit="days") == date(2024, 10, 8)  # 4 Oct is a holiday
    assert REPORT_MISSING not in assess(facts, date(2024, 10, 8), CAL, unit="days").reasons
    assert REPORT_MISSING in assess(facts, date(2024, 10, 9), CAL, unit="days").reasons


def test_a_daily_report_skips_the_spring_festival_break() -> None:
    facts = replace(SPRING, progress=50, cadence="daily", last_report_on=date(2024, 2, 9))
    assert next_report_due(facts, CAL) == date(2024, 2, 18)
    assert REPORT_MISSING not in assess(facts, date(2024, 2, 18), CAL).reasons
    assert REPORT_MISSING in assess(facts, date(2024, 2, 19), CAL).reasons


@pytest.mark.parametrize(
    ("cadence", "last", "due"),
    [
        ("monthly", date(2024, 9, 1), date(2024, 10, 8)),  # 1 Oct is a holiday
        ("monthly", date(2024, 1, 31), date(2024, 2, 29)),  # shorter month: its last day
        ("quarterly", date(2024, 7, 10), date(2024, 10, 10)),
        ("yearly", date(2024, 2, 29), date(2025, 2, 28)),
        ("yearly", date(2024, 10, 5), date(2025, 10, 9)),  # 5 Oct 2025 falls in the break
        (3, date(2024, 9, 27), date(2024, 10, 8)),  # a number counts working days
        ("", date(2024, 9, 27), None),
        (None, date(2024, 9, 27), None),
    ],
)
def test_report_due_dates(cadence: str | int | None, last: date, due: date | None) -> None:
    facts = replace(AUTUMN, cadence=cadence, last_report_on=last)  # type: ignore[arg-type]
    assert next_report_due(facts, CAL) == due


def test_before_the_first_report_the_cadence_counts_from_the_start() -> None:
    facts = replace(AUTUMN, cadence="weekly")
    assert next_report_due(facts, CAL) == date(2024, 9, 27)
    assert next_report_due(replace(facts, start=None), CAL) is None


# --- bad facts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"status": "extended"}, "unknown status"),
        ({"progress": 101}, "progress"),
        ({"progress": -1}, "progress"),
        ({"status": "done"}, "needs completed_on"),
        ({"cadence": 0}, "cadence"),
        ({"cadence": True}, "cadence"),
        ({"cadence": "hourly"}, "unknown cadence"),
        ({"milestones": ((date(2024, 10, 1), None, -1),)}, "weight"),
    ],
)
def test_inconsistent_facts_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        replace(AUTUMN, **changes)  # type: ignore[arg-type]


# --- properties -------------------------------------------------------------------------------

STATUSES = [
    "draft",
    "assigned",
    "accepted",
    "in_progress",
    "done",
    "closed",
    "returned",
    "suspended",
    "cancelled",
]
days_2024_2027 = st.dates(min_value=date(2023, 12, 1), max_value=date(2027, 6, 30))


@st.composite
def task_facts(draw: st.DrawFn) -> TaskFacts:
    status = draw(st.sampled_from(STATUSES))
    start = draw(st.none() | days_2024_2027)
    deadline = draw(st.none() | days_2024_2027)
    finished = status in ("done", "closed")
    milestones = draw(
        st.lists(
            st.tuples(days_2024_2027, st.none() | days_2024_2027, st.integers(min_value=0, max_value=5)),
            max_size=4,
        )
    )
    return TaskFacts(
        status=status,
        start=start,
        deadline=deadline,
        completed_on=draw(days_2024_2027) if finished else draw(st.none() | days_2024_2027),
        progress=draw(st.integers(min_value=0, max_value=100)),
        milestones=tuple(milestones),
        cadence=draw(st.sampled_from([None, "", "daily", "weekly", "monthly", "quarterly", "yearly", 1, 10])),
        last_report_on=draw(st.none() | days_2024_2027),
    )


@given(
    task_facts(),
    days_2024_2027,
    st.integers(min_value=0, max_value=100),
    st.sampled_from(["workdays", "days"]),
)
def test_health_is_deterministic_and_overdue_means_running_and_past_the_deadline(
    facts: TaskFacts, today: date, margin: int, unit: str
) -> None:
    first = assess(facts, today, CAL, margin, unit)  # type: ignore[arg-type]
    assert assess(facts, today, WorkCalendar(), margin, unit) == first  # type: ignore[arg-type]
    running = facts.status in ("assigned", "accepted", "in_progress")
    past = facts.deadline is not None and today > facts.deadline
    assert (first.health is Health.OVERDUE) == (running and past)
    assert (first.health is Health.INACTIVE) == (
        facts.status in ("draft", "returned", "suspended", "cancelled")
    )
    if facts.status in ("done", "closed"):
        assert first.health in (Health.DONE_ON_TIME, Health.DONE_LATE)
    if running:
        assert (first.health is Health.ON_TRACK) == (first.reasons == ())
    if first.expected is not None:
        assert 0 <= first.expected <= 100


@given(task_facts(), days_2024_2027)
def test_a_day_later_never_needs_less_plan_done(facts: TaskFacts, today: date) -> None:
    now = expected_progress(facts, today, CAL)
    later = expected_progress(facts, today + timedelta(1), CAL)
    if now is not None and later is not None:
        assert later >= now


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(health).failed == 0
