"""The official working-day calendar (工作日历): public holidays and adjusted working weekends (调休).

Deadlines, SLAs and plan time in Luoshi count working days on the calendar the State Council
publishes each year (国务院办公厅关于某年部分节假日安排的通知). A `WorkCalendar` answers from
three sources, in this order of precedence for a given year:

1. **Year files** an office adds: one JSON file per year in a directory (format in
   `luoshi/data/calendar/README.md` and `load_year_file`). Directories are read in the order
   given; a later directory's file for a year replaces an earlier one, and any file replaces the
   built-in data for its year (an office can correct the package without waiting for a release).
2. **chinesecalendar**, which knows 2004–2026 and raises for later years until it is updated.
3. **An estimate** for years nothing covers: Monday–Friday minus the statutory holidays that can be
   computed without a lunar calendar (元旦 1/1, 清明 from the solar terms, 劳动节 5/1–5/2,
   国庆节 10/1–10/3). It misses Spring Festival, Dragon Boat and Mid-Autumn and every adjusted
   weekend, so `is_estimated(year)` says so and `warnings_for(...)` returns a `CalendarWarning` the
   caller shows; the calendar itself never prints or logs.

Everything here is pure: no Django, no settings, no clock. Each year is compiled once into a
per-day flag array and a prefix count, so `is_workday` is an index lookup and
`workdays_between`/`add_workdays` cost one step per calendar year spanned, not per day.
"""

from __future__ import annotations

import functools
import json
import re
from array import array
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any, Literal

import chinese_calendar

__all__ = [
    "BUILTIN",
    "ESTIMATED",
    "PACKAGED_DIR",
    "WEEKDAY_NAMES",
    "CalendarDataError",
    "CalendarWarning",
    "DayInfo",
    "Unit",
    "WorkCalendar",
    "YearData",
    "default_calendar",
    "load_year_dir",
    "load_year_file",
]

Unit = Literal["workdays", "days"]

# `source_of(year)` answers one of these two, or the path of the file the year came from.
BUILTIN = "chinesecalendar"
ESTIMATED = "estimated"

# Year files shipped with the package (none yet: we do not guess official schedules).
PACKAGED_DIR = Path(__file__).resolve().parent.parent / "data" / "calendar"

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class CalendarDataError(ValueError):
    """A year file is unusable. The message names the file and the bad entry, on one line."""

    def __init__(self, path: str | Path, problem: str, entry: str | None = None) -> None:
        self.path = str(path)
        self.entry = entry
        self.problem = problem
        where = f"{self.path}: {entry}" if entry is not None else self.path
        super().__init__(f"{where}: {problem}")


@dataclass(frozen=True)
class CalendarWarning:
    """A year the calendar had to estimate; the caller decides how to show it.

    `code` is stable for translation and filtering; `message` is an English sentence for logs and
    operators.
    """

    code: str
    year: int
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class YearData:
    """One year of the official schedule.

    `holidays` are days off (weekend days inside a break may be listed too; they change nothing);
    `workdays` are weekend days that are working days (调休上班). `origin` is where the data came
    from: "chinesecalendar", "estimated" or a file path; `notice` is the document it reproduces.
    """

    year: int
    origin: str
    notice: str
    holidays: Mapping[date, str] = field(default_factory=dict, hash=False)
    workdays: Mapping[date, str] = field(default_factory=dict, hash=False)

    @property
    def estimated(self) -> bool:
        return self.origin == ESTIMATED


@dataclass(frozen=True)
class DayInfo:
    """What the calendar says about one day (for `calendar check` and the web calendar)."""

    day: date
    is_workday: bool
    kind: Literal["workday", "weekend", "holiday", "adjusted_workday"]
    name: str | None  # the holiday the day belongs to, or the one an adjusted workday makes up for
    estimated: bool


# ---------------------------------------------------------------------------------------------
# Year files


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_REQUIRED_KEYS = {"year", "source", "holidays", "workdays"}
_OPTIONAL_KEYS = {"url", "notes"}


def _reject_duplicate_keys(path: Path) -> Any:
    # json.loads keeps the last of two equal keys silently; in a schedule that hides a typo.
    def hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        seen: dict[str, Any] = {}
        for key, value in pairs:
            if key in seen:
                raise CalendarDataError(path, "listed twice in the same object", entry=repr(key))
            seen[key] = value
        return seen

    return hook


def _parse_day(path: Path, section: str, text: str, year: int) -> date:
    entry = f'{section} "{text}"'
    # date.fromisoformat also takes "20270101" and week dates; the file format is one spelling.
    if not _DATE_RE.fullmatch(text):
        raise CalendarDataError(path, "not a date of the form YYYY-MM-DD", entry=entry)
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise CalendarDataError(path, "no such date", entry=entry) from None
    if day.year != year:
        raise CalendarDataError(path, f"date is not in {year}, the file's year", entry=entry)
    return day


def _parse_days(path: Path, section: str, raw: object, year: int) -> dict[date, str]:
    if not isinstance(raw, dict):
        raise CalendarDataError(path, 'expected an object {"YYYY-MM-DD": "name", ...}', entry=section)
    days: dict[date, str] = {}
    for key, name in raw.items():
        if not isinstance(name, str):
            raise CalendarDataError(path, "the name must be a string", entry=f'{section} "{key}"')
        # "A/B" is an inclusive range (ISO 8601 interval), the way notices write 2月10日至17日.
        first_text, sep, last_text = key.partition("/")
        first = _parse_day(path, section, first_text, year)
        last = _parse_day(path, section, last_text, year) if sep else first
        if last < first:
            raise CalendarDataError(path, "range ends before it starts", entry=f'{section} "{key}"')
        for offset in range((last - first).days + 1):
            day = first + timedelta(days=offset)
            if day in days:
                raise CalendarDataError(path, f"{day} is listed twice", entry=f'{section} "{key}"')
            days[day] = name.strip()
    return days


def load_year_file(path: str | Path) -> YearData:
    """Read and validate one year file; raise `CalendarDataError` naming the file and entry.

    Format (UTF-8 JSON)::

        {
          "year": 2027,
          "source": "国务院办公厅关于2027年部分节假日安排的通知",
          "url": "https://www.gov.cn/...",                        (optional)
          "notes": "free text",                                   (optional)
          "holidays": {"2027-01-01": "元旦", "2027-02-05/2027-02-12": "春节", ...},
          "workdays": {"2027-02-14": "春节", ...}
        }

    `holidays` lists the days off; a key may be one date or an inclusive range "A/B".
    `workdays` lists weekend days that become working days, named after the holiday they make up
    for. Checks: known keys only, `year` matches every date and a year-like file name
    (``2027.json``), valid dates, no day listed twice, no day both a holiday and a workday,
    `workdays` only on Saturdays and Sundays (a weekday is a working day already, so listing one
    is a mistake), at least one holiday.

    >>> load_year_file("2027.json").holidays[date(2027, 1, 1)]  # doctest: +SKIP
    '元旦'
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise CalendarDataError(path, f"cannot read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise CalendarDataError(path, "not UTF-8 text") from None
    try:
        raw = json.loads(text, object_pairs_hook=_reject_duplicate_keys(path))
    except json.JSONDecodeError as exc:
        raise CalendarDataError(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    if not isinstance(raw, dict):
        raise CalendarDataError(path, "expected a JSON object at the top level")

    missing = _REQUIRED_KEYS - raw.keys()
    if missing:
        raise CalendarDataError(path, f"missing key(s): {', '.join(sorted(missing))}")
    unknown = raw.keys() - _REQUIRED_KEYS - _OPTIONAL_KEYS
    if unknown:
        allowed = ", ".join(sorted(_REQUIRED_KEYS | _OPTIONAL_KEYS))
        raise CalendarDataError(path, f"unknown key(s): {', '.join(sorted(unknown))} (allowed: {allowed})")

    year = raw["year"]
    # bool is an int in Python; `"year": true` is a mistake, not the year 1.
    if not isinstance(year, int) or isinstance(year, bool) or not 1 <= year <= 9999:
        raise CalendarDataError(path, "must be a year such as 2027", entry=f"year {year!r}")
    if path.stem.isdigit() and len(path.stem) == 4 and int(path.stem) != year:
        raise CalendarDataError(path, f"the file is named for {path.stem}", entry=f"year {year}")
    notice = raw["source"]
    if not isinstance(notice, str) or not notice.strip():
        raise CalendarDataError(path, "name the notice the dates come from", entry="source")
    for key in _OPTIONAL_KEYS & raw.keys():
        if not isinstance(raw[key], str):
            raise CalendarDataError(path, "must be a string", entry=key)

    holidays = _parse_days(path, "holidays", raw["holidays"], year)
    workdays = _parse_days(path, "workdays", raw["workdays"], year)
    if not holidays:
        raise CalendarDataError(path, "no holidays listed; every year has at least 元旦", entry="holidays")
    both = sorted(holidays.keys() & workdays.keys())
    if both:
        raise CalendarDataError(path, "listed both as a holiday and as a workday", entry=str(both[0]))
    for day in sorted(workdays):
        if day.weekday() < 5:
            raise CalendarDataError(
                path,
                f"is a {WEEKDAY_NAMES[day.weekday()]}, a working day already; "
                "workdays lists only weekend days that become working days",
                entry=f"workdays {day}",
            )
    return YearData(
        year=year,
        origin=str(path),
        notice=notice.strip(),
        holidays=dict(sorted(holidays.items())),
        workdays=dict(sorted(workdays.items())),
    )


def load_year_dir(directory: str | Path) -> list[YearData]:
    """Every ``*.json`` year file in a directory, validated; a missing directory holds none.

    Two files for the same year in one directory are an error: which one wins would depend on
    file-name order.
    """
    directory = Path(directory)
    if not directory.is_dir():
        return []
    by_year: dict[int, YearData] = {}
    for path in sorted(directory.glob("*.json")):
        data = load_year_file(path)
        if data.year in by_year:
            other = by_year[data.year].origin
            raise CalendarDataError(path, f"{other} already gives this year", entry=f"year {data.year}")
        by_year[data.year] = data
    return [by_year[year] for year in sorted(by_year)]


# ---------------------------------------------------------------------------------------------
# Built-in data and the estimate


@functools.cache
def _builtin_years() -> dict[int, YearData]:
    """chinesecalendar's tables regrouped by year, with Chinese holiday names."""

    def chinese(name: str) -> str:
        try:
            return str(chinese_calendar.Holiday(name).chinese)
        except ValueError:  # a name added in a later release: keep it rather than fail
            return name

    holidays: dict[int, dict[date, str]] = {}
    workdays: dict[int, dict[date, str]] = {}
    for day, name in sorted(chinese_calendar.holidays.items()):
        holidays.setdefault(day.year, {})[day] = chinese(name)
    for day, name in sorted(chinese_calendar.workdays.items()):
        workdays.setdefault(day.year, {})[day] = chinese(name)
    notice = f"chinesecalendar {chinese_calendar.__version__}"
    return {
        year: YearData(year, BUILTIN, notice, holidays[year], workdays.get(year, {}))
        for year in range(min(holidays), max(holidays) + 1)
        if year in holidays
    }


@functools.lru_cache(maxsize=64)
def _estimated_year(year: int) -> YearData:
    """Monday–Friday minus the statutory holidays computable without a lunar calendar.

    Days follow the 2025 revision of 全国年节及纪念日放假办法 (劳动节 2 days). 清明 is the day of
    the 清明 solar term, which chinesecalendar computes for 1900–2100. 春节, 端午 and 中秋 need a
    lunar calendar and the adjusted weekends need the notice, so they are left out; the warning
    says so rather than guessing.
    """
    holidays: dict[date, str] = {date(year, 1, 1): "元旦"}
    if 1900 <= year <= 2100:
        for day, term in chinese_calendar.get_solar_terms(date(year, 4, 1), date(year, 4, 30)):
            if term == "清明":
                holidays[day] = "清明"
    holidays[date(year, 5, 1)] = "劳动节"
    holidays[date(year, 5, 2)] = "劳动节"
    for day in (1, 2, 3):
        holidays[date(year, 10, day)] = "国庆节"
    return YearData(year, ESTIMATED, "estimated: Monday–Friday minus fixed statutory holidays", holidays, {})


def _estimate_warning(year: int) -> CalendarWarning:
    return CalendarWarning(
        code="calendar_estimated",
        year=year,
        message=(
            f"No official holiday schedule for {year}: working days are estimated as Monday–Friday "
            "minus 元旦, 清明, 劳动节 and 国庆节, without Spring Festival, Dragon Boat, Mid-Autumn or "
            f"adjusted working weekends. Add the State Council notice for {year} as {year}.json "
            f"(luoshi calendar add {year}.json)."
        ),
    )


# ---------------------------------------------------------------------------------------------
# The compiled calendar


@dataclass(frozen=True, slots=True)
class _YearTable:
    data: YearData
    first: int  # proleptic ordinal of 1 January
    flags: bytes  # flags[i] == 1 when day i of the year is a working day
    before: array[int]  # before[i] = working days among days 0..i-1; len = days in year + 1
    positions: array[int]  # day index of each working day, ascending

    @property
    def total(self) -> int:
        return len(self.positions)


def _compile(data: YearData) -> _YearTable:
    first = date(data.year, 1, 1).toordinal()
    length = date(data.year, 12, 31).toordinal() - first + 1
    flags = bytearray(length)
    before = array("H", [0])
    positions = array("H")
    for index in range(length):
        day = date.fromordinal(first + index)
        working = day in data.workdays or (day.weekday() < 5 and day not in data.holidays)
        if working:
            flags[index] = 1
            positions.append(index)
        before.append(len(positions))
    return _YearTable(data, first, bytes(flags), before, positions)


def _plain_date(day: date) -> date:
    # A datetime would be silently truncated to its date in UTC or local time, whichever the
    # caller happened to hold; near a deadline the caller must decide which day it is.
    if isinstance(day, datetime):
        raise TypeError("pass a date, not a datetime: convert it to the office's local date first")
    return day


class WorkCalendar:
    """Working days on the official calendar; see the module docstring for the sources.

    >>> cal = WorkCalendar()
    >>> cal.is_workday(date(2024, 2, 4))  # a Sunday made a working day for Spring Festival
    True
    >>> cal.add_workdays(date(2024, 2, 8), 2)  # Thu + 2 working days skips the whole holiday
    datetime.date(2024, 2, 18)
    """

    def __init__(self, dirs: Iterable[str | Path] = (), *, builtin: bool = True) -> None:
        """Load the year files of `dirs` (later directories win) over chinesecalendar's data.

        `builtin=False` leaves chinesecalendar out, for tests and for offices that keep their own
        complete set of files. Raises `CalendarDataError` for a bad file.
        """
        if isinstance(dirs, str | Path):  # one folder given bare would be iterated letter by letter
            dirs = (dirs,)
        years: dict[int, YearData] = dict(_builtin_years()) if builtin else {}
        self.dirs: tuple[Path, ...] = tuple(Path(d) for d in dirs)
        for directory in self.dirs:
            for data in load_year_dir(directory):
                years[data.year] = data
        self._years = years
        self._tables: dict[int, _YearTable] = {}

    # -- per year ------------------------------------------------------------------------------

    def _table(self, year: int) -> _YearTable:
        table = self._tables.get(year)
        if table is None:
            if not 1 <= year <= 9999:
                raise OverflowError(f"year {year} is outside the calendar")
            table = _compile(self.year_data(year))
            # Two threads may compile the same year; both results are equal, so last write wins.
            self._tables[year] = table
        return table

    def year_data(self, year: int) -> YearData:
        """The schedule used for `year`: from a file, chinesecalendar, or the estimate."""
        data = self._years.get(year)
        return data if data is not None else _estimated_year(year)

    def covered_years(self) -> tuple[int, ...]:
        """Years with official data (built-in or from files), ascending."""
        return tuple(sorted(self._years))

    def workdays_in(self, year: int) -> int:
        """How many working days `year` has (e.g. 2024: 251)."""
        return self._table(year).total

    def source_of(self, year: int) -> str:
        """Where `year` comes from: "chinesecalendar", the path of its year file, or "estimated"."""
        return self.year_data(year).origin

    def is_estimated(self, year: int) -> bool:
        """True when no official data covers `year` and the Monday–Friday estimate is used."""
        return year not in self._years

    def warnings_for(self, *days: date) -> tuple[CalendarWarning, ...]:
        """One warning per estimated year from the earliest to the latest of `days`.

        Pass the dates a computation started from and arrived at (e.g. a start and the deadline
        `add_workdays` returned): every year in between was counted too.

        >>> WorkCalendar().warnings_for(date(2026, 12, 1), date(2027, 1, 20))[0].year
        2027
        """
        if not days:
            return ()
        low, high = min(days).year, max(days).year
        return tuple(_estimate_warning(y) for y in range(low, high + 1) if self.is_estimated(y))

    # -- per day -------------------------------------------------------------------------------

    def is_workday(self, day: date) -> bool:
        """Whether `day` is a working day (调休 weekends count as working days).

        >>> WorkCalendar().is_workday(date(2024, 10, 1))
        False
        """
        day = _plain_date(day)
        table = self._table(day.year)
        return table.flags[day.toordinal() - table.first] == 1

    def describe(self, day: date) -> DayInfo:
        """Kind and holiday name of `day`.

        >>> WorkCalendar().describe(date(2024, 2, 18)).kind
        'adjusted_workday'
        """
        day = _plain_date(day)
        data = self.year_data(day.year)
        if day in data.workdays:
            return DayInfo(day, True, "adjusted_workday", data.workdays[day] or None, data.estimated)
        if day in data.holidays:
            return DayInfo(day, False, "holiday", data.holidays[day] or None, data.estimated)
        if day.weekday() >= 5:
            return DayInfo(day, False, "weekend", None, data.estimated)
        return DayInfo(day, True, "workday", None, data.estimated)

    def next_workday(self, day: date) -> date:
        """`day` itself when it is a working day, else the first working day after it.

        The rule for periods counted in calendar days: one that ends on a day off ends on the
        next working day instead (e.g. 民法典 art. 203, 信访工作条例 time limits).

        >>> WorkCalendar().next_workday(date(2024, 10, 1))
        datetime.date(2024, 10, 8)
        """
        day = _plain_date(day)
        return day if self.is_workday(day) else self.add_workdays(day, 1)

    # -- ranges --------------------------------------------------------------------------------

    def _count_through(self, day: date) -> int:
        """Working days from 1 January of `day`'s year through `day`."""
        table = self._table(day.year)
        return table.before[day.toordinal() - table.first + 1]

    def workdays_between(self, start: date, end: date) -> int:
        """Working days in (start, end]: after `start`, up to and including `end`.

        Negative when `end` is before `start` (minus the working days in (end, start]), so
        ``workdays_between(a, b) + workdays_between(b, c) == workdays_between(a, c)``.

        >>> WorkCalendar().workdays_between(date(2024, 9, 27), date(2024, 10, 8))  # 29th, 30th, 8th
        3
        """
        start, end = _plain_date(start), _plain_date(end)
        if end < start:
            return -self.workdays_between(end, start)
        count = self._count_through(end) - self._count_through(start)
        for year in range(start.year, end.year):
            count += self._table(year).total
        return count

    def add_workdays(self, start: date, n: int) -> date:
        """The n-th working day after `start` (`start` itself not counted); `start` when n == 0.

        Negative n gives the |n|-th working day before `start`. For n > 0,
        ``workdays_between(start, add_workdays(start, n)) == n`` and the result is a working day.

        >>> WorkCalendar().add_workdays(date(2024, 9, 30), 2)  # Mon → (1–7 Oct off) → Tue 8, Wed 9
        datetime.date(2024, 10, 9)
        """
        start = _plain_date(start)
        if n == 0:
            return start
        year = start.year
        table = self._table(year)
        index = start.toordinal() - table.first
        if n > 0:
            # rank (1-based) within `year` of the working day we want
            rank = table.before[index + 1] + n
            while rank > table.total:
                rank -= table.total
                year += 1
                table = self._table(year)
        else:
            rank = table.before[index] + n + 1
            while rank < 1:
                year -= 1
                table = self._table(year)
                rank += table.total
        return date.fromordinal(table.first + table.positions[rank - 1])

    def add_days(self, start: date, n: int, unit: Unit) -> date:
        """`start` plus n working days (``unit="workdays"``) or n calendar days (``"days"``).

        Petition and suggestion rules mix both (受理 within 15 days, 办理 within 60 days, some SLAs in
        working days); calendar-day results are not moved off holidays here, use `next_workday`
        where a rule says so.

        >>> WorkCalendar().add_days(date(2024, 2, 8), 3, "days")
        datetime.date(2024, 2, 11)
        """
        if unit == "workdays":
            return self.add_workdays(start, n)
        if unit == "days":
            return _plain_date(start) + timedelta(days=n)
        raise ValueError(f"unit must be 'workdays' or 'days', not {unit!r}")

    def days_between(self, start: date, end: date, unit: Unit) -> int:
        """`workdays_between` for ``unit="workdays"``, plain day difference for ``"days"``."""
        if unit == "workdays":
            return self.workdays_between(start, end)
        if unit == "days":
            return (_plain_date(end) - _plain_date(start)).days
        raise ValueError(f"unit must be 'workdays' or 'days', not {unit!r}")


# ---------------------------------------------------------------------------------------------
# The shared instance


def _fingerprint(directory: Path) -> tuple[tuple[str, int, int], ...]:
    try:
        entries = sorted(directory.glob("*.json"))
        return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in entries)
    except OSError:
        return ()


@functools.lru_cache(maxsize=8)
def _calendar_for(key: tuple[tuple[Path, tuple[tuple[str, int, int], ...]], ...]) -> WorkCalendar:
    return WorkCalendar(directory for directory, _ in key)


def default_calendar(extra_dirs: Iterable[str | Path] = ()) -> WorkCalendar:
    """The calendar from the packaged year files plus `extra_dirs`, shared between callers.

    It is cached on the directories' contents (file names, sizes, modification times), so a year
    file an office adds is picked up on the next call without a restart, while unchanged
    directories cost one directory listing.
    """
    dirs = (PACKAGED_DIR, *(Path(d) for d in extra_dirs))
    return _calendar_for(tuple((d, _fingerprint(d)) for d in dirs))
