"""The official working-day calendar: built-in years, office year files, the estimate."""

from __future__ import annotations

import doctest
import json
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import chinese_calendar
import pytest
from hypothesis import given
from hypothesis import strategies as st

from luoshi.lib import workdays
from luoshi.lib.workdays import (
    BUILTIN,
    ESTIMATED,
    CalendarDataError,
    WorkCalendar,
    default_calendar,
    load_year_file,
)

CAL = WorkCalendar()

# A made-up 2027 schedule for tests only: NOT the official one, which is not published yet.
FICTIONAL_2027: dict[str, Any] = {
    "year": 2027,
    "source": "test fixture (fictional schedule)",
    "holidays": {
        "2027-01-01": "元旦",
        "2027-02-06/2027-02-13": "春节",
        "2027-10-01/2027-10-07": "国庆节",
    },
    "workdays": {"2027-01-31": "春节", "2027-02-20": "春节", "2027-10-09": "国庆节"},
}


def write(folder: Path, name: str, content: Any) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    text = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(n) for n in range((last - first).days + 1)]


# --- the built-in years -----------------------------------------------------------------------


def test_spring_festival_2024_is_off_and_its_sundays_are_worked() -> None:
    for day in days(date(2024, 2, 10), date(2024, 2, 17)):
        assert not CAL.is_workday(day), day
    assert date(2024, 2, 4).weekday() == 6 and CAL.is_workday(date(2024, 2, 4))
    assert date(2024, 2, 18).weekday() == 6 and CAL.is_workday(date(2024, 2, 18))
    assert CAL.is_workday(date(2024, 2, 9))  # 除夕 2024 was an ordinary Friday
    assert CAL.describe(date(2024, 2, 12)).kind == "holiday"
    assert CAL.describe(date(2024, 2, 12)).name == "春节"
    assert CAL.describe(date(2024, 2, 18)).kind == "adjusted_workday"
    assert CAL.describe(date(2024, 2, 3)).kind == "weekend"
    assert CAL.describe(date(2024, 2, 5)).kind == "workday"


def test_national_day_2024_is_off_and_its_weekend_days_are_worked() -> None:
    for day in days(date(2024, 10, 1), date(2024, 10, 7)):
        assert not CAL.is_workday(day), day
    assert date(2024, 9, 29).weekday() == 6 and CAL.is_workday(date(2024, 9, 29))
    assert date(2024, 10, 12).weekday() == 5 and CAL.is_workday(date(2024, 10, 12))
    assert not CAL.is_workday(date(2024, 9, 28))
    assert not CAL.is_workday(date(2024, 10, 13))


def test_2025_spring_festival_and_national_day() -> None:
    for day in days(date(2025, 1, 28), date(2025, 2, 4)):
        assert not CAL.is_workday(day), day
    assert CAL.is_workday(date(2025, 1, 26))  # Sunday
    assert CAL.is_workday(date(2025, 2, 8))  # Saturday
    for day in days(date(2025, 10, 1), date(2025, 10, 8)):
        assert not CAL.is_workday(day), day
    assert CAL.describe(date(2025, 10, 6)).name == "中秋"
    assert CAL.is_workday(date(2025, 9, 28))  # Sunday
    assert CAL.is_workday(date(2025, 10, 11))  # Saturday


def test_2026_holidays_and_adjusted_days() -> None:
    for day in days(date(2026, 2, 15), date(2026, 2, 23)):
        assert not CAL.is_workday(day), day
    for day in [
        date(2026, 1, 4),
        date(2026, 2, 14),
        date(2026, 2, 28),
        date(2026, 9, 20),
        date(2026, 10, 10),
    ]:
        assert day.weekday() >= 5 and CAL.is_workday(day), day
    for day in days(date(2026, 10, 1), date(2026, 10, 7)):
        assert not CAL.is_workday(day), day
    assert not CAL.is_estimated(2026)
    assert CAL.source_of(2026) == BUILTIN


def test_every_builtin_day_agrees_with_chinesecalendar() -> None:
    for day in days(date(2004, 1, 1), date(2026, 12, 31)):
        assert CAL.is_workday(day) == chinese_calendar.is_workday(day), day
    assert CAL.covered_years() == tuple(range(2004, 2027))


def test_working_days_per_year() -> None:
    assert CAL.workdays_in(2024) == 251
    assert CAL.workdays_in(2025) == 248


# --- arithmetic -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "n", "expected"),
    [
        (date(2024, 2, 2), 1, date(2024, 2, 4)),  # Fri → the adjusted Sunday
        (date(2024, 2, 3), 1, date(2024, 2, 4)),  # from a Saturday
        (date(2024, 2, 8), 1, date(2024, 2, 9)),
        (date(2024, 2, 8), 2, date(2024, 2, 18)),  # the whole break skipped, onto the worked Sunday
        (date(2024, 2, 9), 2, date(2024, 2, 19)),
        (date(2024, 2, 12), 1, date(2024, 2, 18)),  # from inside the break
        (date(2024, 2, 4), 5, date(2024, 2, 9)),
        (date(2024, 2, 1), 10, date(2024, 2, 20)),  # 2, 4, 5–9, 18, 19, 20
        (date(2024, 9, 27), 1, date(2024, 9, 29)),
        (date(2024, 9, 27), 2, date(2024, 9, 30)),
        (date(2024, 9, 27), 3, date(2024, 10, 8)),
        (date(2024, 9, 27), 7, date(2024, 10, 12)),  # the worked Saturday
        (date(2024, 9, 27), 8, date(2024, 10, 14)),
        (date(2025, 1, 24), 1, date(2025, 1, 26)),
        (date(2025, 1, 27), 1, date(2025, 2, 5)),
        (date(2025, 9, 30), 1, date(2025, 10, 9)),
        (date(2025, 10, 10), 1, date(2025, 10, 11)),
        (date(2026, 2, 13), 1, date(2026, 2, 14)),
        (date(2026, 2, 14), 1, date(2026, 2, 24)),
        (date(2026, 2, 14), 0, date(2026, 2, 14)),
        (date(2024, 10, 8), -1, date(2024, 9, 30)),
        (date(2024, 2, 18), -1, date(2024, 2, 9)),
        (date(2024, 2, 15), -1, date(2024, 2, 9)),
        (date(2024, 1, 2), -1, date(2023, 12, 29)),
    ],
)
def test_add_workdays(start: date, n: int, expected: date) -> None:
    assert CAL.add_workdays(start, n) == expected


def test_workdays_between_counts_after_start_through_end() -> None:
    assert CAL.workdays_between(date(2024, 2, 9), date(2024, 2, 18)) == 1
    assert CAL.workdays_between(date(2024, 2, 9), date(2024, 2, 17)) == 0
    assert CAL.workdays_between(date(2024, 9, 27), date(2024, 10, 12)) == 7
    assert CAL.workdays_between(date(2024, 10, 12), date(2024, 9, 27)) == -7
    assert CAL.workdays_between(date(2024, 3, 5), date(2024, 3, 5)) == 0
    assert CAL.workdays_between(date(2023, 12, 31), date(2024, 12, 31)) == 251


def test_workdays_between_agrees_with_counting_day_by_day_over_years() -> None:
    start, end = date(2019, 6, 17), date(2028, 3, 2)
    naive = sum(CAL.is_workday(d) for d in days(start + timedelta(1), end))
    assert CAL.workdays_between(start, end) == naive


def test_add_days_in_either_unit() -> None:
    assert CAL.add_days(date(2024, 9, 27), 3, "workdays") == date(2024, 10, 8)
    assert CAL.add_days(date(2024, 9, 27), 3, "days") == date(2024, 9, 30)
    assert CAL.days_between(date(2024, 9, 27), date(2024, 10, 8), "days") == 11
    with pytest.raises(ValueError, match="unit"):
        CAL.add_days(date(2024, 9, 27), 3, "weeks")  # type: ignore[arg-type]


def test_next_workday_moves_off_holidays_only() -> None:
    assert CAL.next_workday(date(2024, 10, 1)) == date(2024, 10, 8)
    assert CAL.next_workday(date(2024, 9, 29)) == date(2024, 9, 29)


def test_a_datetime_is_refused() -> None:
    with pytest.raises(TypeError, match="not a datetime"):
        CAL.is_workday(datetime(2024, 2, 4, 9, 0))


# --- 2027: the estimate and an office's year file ---------------------------------------------


def test_2027_without_data_is_estimated_and_still_works() -> None:
    assert CAL.is_estimated(2027)
    assert CAL.source_of(2027) == ESTIMATED
    assert 2027 not in CAL.covered_years()
    assert not CAL.is_workday(date(2027, 1, 1))  # 元旦
    assert not CAL.is_workday(date(2027, 4, 5))  # 清明, from the solar term
    assert not CAL.is_workday(date(2027, 10, 1))  # 国庆
    assert CAL.is_workday(date(2027, 2, 8))  # Spring Festival is unknown to the estimate
    assert CAL.add_workdays(date(2026, 12, 30), 2) == date(2027, 1, 4)
    assert CAL.workdays_between(date(2026, 12, 31), date(2027, 1, 8)) == 5


def test_the_estimate_warns_naming_the_year_and_the_file_to_add() -> None:
    warnings = CAL.warnings_for(date(2026, 11, 2), CAL.add_workdays(date(2026, 11, 2), 60))
    assert [w.year for w in warnings] == [2027]
    assert warnings[0].code == "calendar_estimated"
    assert "2027" in str(warnings[0]) and "2027.json" in str(warnings[0])
    assert CAL.warnings_for(date(2024, 1, 1), date(2026, 12, 31)) == ()
    assert CAL.warnings_for() == ()


def test_a_2027_file_makes_2027_exact(tmp_path: Path) -> None:
    path = write(tmp_path, "2027.json", FICTIONAL_2027)
    cal = WorkCalendar([tmp_path])
    assert not cal.is_estimated(2027)
    assert cal.source_of(2027) == str(path)
    assert 2027 in cal.covered_years()
    assert cal.warnings_for(date(2026, 12, 1), date(2027, 12, 31)) == ()
    assert not cal.is_workday(date(2027, 2, 8))  # inside the range "2027-02-06/2027-02-13"
    assert cal.is_workday(date(2027, 2, 20))  # a Saturday made a working day
    assert cal.add_workdays(date(2027, 2, 5), 1) == date(2027, 2, 15)
    assert cal.year_data(2027).notice == "test fixture (fictional schedule)"
    assert cal.describe(date(2027, 1, 31)).name == "春节"


def test_a_file_overrides_chinesecalendar_and_later_folders_win(tmp_path: Path) -> None:
    first = write(
        tmp_path / "a",
        "2026.json",
        {**FICTIONAL_2027, "year": 2026, "holidays": {"2026-03-02": "x"}, "workdays": {}},
    )
    second = write(
        tmp_path / "b",
        "2026.json",
        {**FICTIONAL_2027, "year": 2026, "holidays": {"2026-03-03": "y"}, "workdays": {}},
    )
    assert WorkCalendar([tmp_path / "a"]).source_of(2026) == str(first)
    cal = WorkCalendar([tmp_path / "a", tmp_path / "b"])
    assert cal.source_of(2026) == str(second)
    assert cal.is_workday(date(2026, 3, 2)) and not cal.is_workday(date(2026, 3, 3))
    assert cal.is_workday(date(2026, 2, 17))  # the file, not chinesecalendar, now speaks for 2026


def test_missing_folders_and_other_files_are_ignored(tmp_path: Path) -> None:
    write(tmp_path, "README.md", "# notes")
    cal = WorkCalendar([tmp_path, tmp_path / "absent"])
    assert cal.covered_years() == CAL.covered_years()


def test_without_builtin_every_year_is_estimated() -> None:
    assert WorkCalendar(builtin=False).is_estimated(2024)


def test_default_calendar_is_shared_and_sees_new_files(tmp_path: Path) -> None:
    before = default_calendar([tmp_path])
    assert default_calendar([tmp_path]) is before
    assert before.is_estimated(2027)
    write(tmp_path, "2027.json", FICTIONAL_2027)
    assert not default_calendar([tmp_path]).is_estimated(2027)


def test_the_packaged_folder_holds_only_valid_files() -> None:
    assert workdays.PACKAGED_DIR.is_dir()
    assert (workdays.PACKAGED_DIR / "README.md").is_file()
    workdays.load_year_dir(workdays.PACKAGED_DIR)  # raises on a bad file


# --- bad files --------------------------------------------------------------------------------


def _with(**changes: Any) -> dict[str, Any]:
    return {**FICTIONAL_2027, **changes}


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("2027.json", _with(year=2028), "named for 2027"),
        ("2027.json", _with(holidays={"2028-01-01": "元旦"}), 'holidays "2028-01-01": date is not in 2027'),
        (
            "2027.json",
            _with(workdays={"2027-02-06": "春节"}),
            "2027-02-06: listed both as a holiday and as a workday",
        ),
        ("2027.json", _with(holidays={"2027-02-30": "春节"}), 'holidays "2027-02-30": no such date'),
        (
            "2027.json",
            _with(holidays={"2027-2-3": "春节"}),
            'holidays "2027-2-3": not a date of the form YYYY-MM-DD',
        ),
        ("2027.json", _with(holidays={"20270101": "元旦"}), "not a date of the form"),
        ("2027.json", _with(holidays={"2027-02-13/2027-02-06": "春节"}), "range ends before it starts"),
        (
            "2027.json",
            _with(holidays={"2027-02-06/2027-02-13": "春节", "2027-02-10": "x"}),
            "2027-02-10 is listed twice",
        ),
        ("2027.json", _with(holidays={"2027-01-01": 1}), "the name must be a string"),
        ("2027.json", _with(holidays=["2027-01-01"]), "holidays: expected an object"),
        ("2027.json", _with(holidays={}), "no holidays listed"),
        ("2027.json", _with(workdays={"2027-02-03": "春节"}), "workdays 2027-02-03: is a Wednesday"),
        ("2027.json", _with(year=True), "must be a year"),
        ("2027.json", _with(year="2027"), "must be a year"),
        ("2027.json", _with(source=""), "source: name the notice"),
        ("2027.json", _with(holiday={}), "unknown key(s): holiday"),
        ("2027.json", {"year": 2027, "holidays": {}}, "missing key(s): source, workdays"),
        ("2027.json", "[]", "expected a JSON object"),
        ("2027.json", '{"year": 2027,', "not valid JSON"),
        ("2027.json", '{"year": 2027, "year": 2027}', "'year': listed twice"),
        ("spring.json", _with(holidays={"2026-01-01": "元旦"}), "date is not in 2027"),
    ],
)
def test_bad_files_are_refused_naming_the_file_and_entry(
    tmp_path: Path, name: str, content: Any, message: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(CalendarDataError) as caught:
        load_year_file(path)
    assert str(caught.value).startswith(str(path))
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(CalendarDataError, match=re.escape(name)):
        WorkCalendar([tmp_path])


def test_two_files_for_one_year_in_a_folder_are_refused(tmp_path: Path) -> None:
    write(tmp_path, "2027.json", FICTIONAL_2027)
    write(tmp_path, "copy.json", FICTIONAL_2027)
    with pytest.raises(CalendarDataError, match=r"copy\.json.*2027\.json already gives this year"):
        WorkCalendar([tmp_path])


def test_an_unreadable_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "2027.json"
    path.write_bytes(b"\xff\xfe\x00junk")
    with pytest.raises(CalendarDataError, match=r"2027\.json: not UTF-8"):
        load_year_file(path)
    if os.name == "posix" and os.geteuid() != 0:
        path.chmod(0)
        with pytest.raises(CalendarDataError, match="cannot read"):
            load_year_file(path)


# --- properties -------------------------------------------------------------------------------

dates = st.dates(min_value=date(2003, 1, 1), max_value=date(2029, 12, 31))
counts = st.integers(min_value=0, max_value=800)


@given(dates, counts)
def test_add_then_count_gives_n_back(start: date, n: int) -> None:
    end = CAL.add_workdays(start, n)
    assert CAL.workdays_between(start, end) == n
    if n > 0:
        assert end > start and CAL.is_workday(end)
        # no earlier day already had n working days
        assert CAL.workdays_between(start, end - timedelta(1)) == n - 1


@given(dates, counts, counts)
def test_add_workdays_is_monotonic_in_n(start: date, n: int, m: int) -> None:
    a, b = sorted((n, m))
    assert CAL.add_workdays(start, a) <= CAL.add_workdays(start, b)
    if a < b:
        assert CAL.add_workdays(start, a) < CAL.add_workdays(start, b)


@given(dates, dates, counts)
def test_add_workdays_is_monotonic_in_start(d1: date, d2: date, n: int) -> None:
    early, late = sorted((d1, d2))
    assert CAL.add_workdays(early, n) <= CAL.add_workdays(late, n)


@given(dates, dates, dates)
def test_workdays_between_adds_up(a: date, b: date, c: date) -> None:
    assert CAL.workdays_between(a, b) + CAL.workdays_between(b, c) == CAL.workdays_between(a, c)


@given(dates, st.integers(min_value=1, max_value=800))
def test_going_back_then_forward_returns_to_a_working_day(start: date, n: int) -> None:
    back = CAL.add_workdays(start, -n)
    assert CAL.is_workday(back)
    assert CAL.add_workdays(back, n) == CAL.next_workday(start)


def test_the_module_examples_hold() -> None:
    assert doctest.testmod(workdays).failed == 0


def test_a_single_folder_may_be_given_bare(tmp_path: Path) -> None:
    write(tmp_path, "2027.json", FICTIONAL_2027)
    assert not WorkCalendar(str(tmp_path)).is_estimated(2027)
    assert not WorkCalendar(tmp_path).is_estimated(2027)
