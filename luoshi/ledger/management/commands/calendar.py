"""`luoshi calendar`: inspect and extend the official working-day calendar.

    calendar show YEAR                         where the year comes from, its holidays and 调休 days
    calendar add FILE.json [--replace]         check a year file, then copy it to LUOSHI_CALENDAR_DIR
    calendar check DATE [--add N] [--unit U]   is DATE a working day; DATE + N working (or calendar) days

The format of a year file is in `luoshi/data/calendar/README.md`.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from luoshi.ledger.calendars import calendar_dir, office_calendar
from luoshi.lib.workdays import (
    BUILTIN,
    WEEKDAY_NAMES,
    CalendarDataError,
    CalendarWarning,
    WorkCalendar,
    load_year_dir,
    load_year_file,
)


def _day(text: str) -> str:
    return f"{text} {WEEKDAY_NAMES[date.fromisoformat(text).weekday()][:3]}"


def _runs(days: dict[date, str]) -> list[tuple[date, date, str]]:
    """Consecutive days with the same name, as (first, last, name): how notices write breaks."""
    runs: list[tuple[date, date, str]] = []
    for day, name in sorted(days.items()):
        if runs and runs[-1][2] == name and (day - runs[-1][1]).days == 1:
            runs[-1] = (runs[-1][0], day, name)
        else:
            runs.append((day, day, name))
    return runs


class Command(BaseCommand):
    help = "Show, add and check the official working-day calendar (holidays and adjusted working days)."

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True, metavar="{show,add,check}")
        show = actions.add_parser("show", help="where a year's data comes from, its holidays and 调休 days")
        show.add_argument("year", type=int)
        add = actions.add_parser("add", help="check a year file and copy it into LUOSHI_CALENDAR_DIR")
        add.add_argument("file", type=Path)
        add.add_argument("--replace", action="store_true", help="replace the office's file for that year")
        check = actions.add_parser("check", help="is DATE a working day; DATE plus N days")
        check.add_argument("date", help="YYYY-MM-DD")
        check.add_argument("--add", type=int, default=None, metavar="N", help="days to add (negative: back)")
        check.add_argument("--unit", choices=("workdays", "days"), default="workdays")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "add":
            self._add(options["file"], replace=options["replace"])
            return
        try:
            calendar = office_calendar()
        except CalendarDataError as exc:
            raise CommandError(f"cannot read the calendar: {exc}") from None
        if action == "show":
            self._show(calendar, options["year"])
        else:
            self._check(calendar, options["date"], options["add"], options["unit"])

    def _warn(self, warnings: tuple[CalendarWarning, ...]) -> None:
        for warning in warnings:
            self.stderr.write(self.style.WARNING(f"warning: {warning.message}"))

    def _show(self, calendar: WorkCalendar, year: int) -> None:
        if not 1 <= year <= 9999:
            raise CommandError(f"{year} is not a year")
        data = calendar.year_data(year)
        days = calendar.workdays_in(year)
        self.stdout.write(f"{year}: {'ESTIMATED' if data.estimated else 'official'}")
        self.stdout.write(f"source: {data.origin}")
        self.stdout.write(f"notice: {data.notice}")
        self.stdout.write(f"working days: {days}")
        self.stdout.write("holidays:")
        for first, last, name in _runs(dict(data.holidays)):
            span = _day(first.isoformat())
            if last != first:
                span += f" – {_day(last.isoformat())} ({(last - first).days + 1} days)"
            self.stdout.write(f"  {name or '-'}  {span}")
        self.stdout.write(
            "adjusted working days (调休上班):" if data.workdays else "adjusted working days: none"
        )
        for day, name in data.workdays.items():
            self.stdout.write(f"  {_day(day.isoformat())}  {name or '-'}")
        self._warn(calendar.warnings_for(date(year, 1, 1)))

    def _check(self, calendar: WorkCalendar, text: str, n: int | None, unit: str) -> None:
        try:
            day = date.fromisoformat(text)
        except ValueError:
            raise CommandError(f"{text!r} is not a date of the form YYYY-MM-DD") from None
        info = calendar.describe(day)
        kind = {
            "workday": "working day",
            "weekend": "weekend",
            "holiday": "holiday",
            "adjusted_workday": "working day (adjusted, 调休上班)",
        }[info.kind]
        name = f", {info.name}" if info.name else ""
        self.stdout.write(f"{_day(day.isoformat())}: {kind}{name}")
        result = day
        if n is not None:
            try:
                result = calendar.add_days(day, n, "workdays" if unit == "workdays" else "days")
            except OverflowError as exc:
                raise CommandError(str(exc)) from None
            result_kind = "working day" if calendar.is_workday(result) else "day off"
            self.stdout.write(f"{n:+d} {unit} → {_day(result.isoformat())} ({result_kind})")
        self._warn(calendar.warnings_for(day, result))

    def _add(self, source: Path, *, replace: bool) -> None:
        try:
            data = load_year_file(source)
        except CalendarDataError as exc:
            raise CommandError(str(exc)) from None
        folder = calendar_dir()
        target = folder / f"{data.year}.json"
        try:
            existing = load_year_dir(folder)
        except CalendarDataError as exc:
            raise CommandError(f"the calendar folder already holds a bad file: {exc}") from None
        for other in existing:
            if other.year != data.year:
                continue
            if Path(other.origin).resolve() != target.resolve():
                raise CommandError(f"{other.origin} already gives {data.year}; remove it first")
            if not replace:
                raise CommandError(f"{target} exists; pass --replace to replace it")
        if source.resolve() == target.resolve():
            raise CommandError(f"{source} is already the calendar file for {data.year}")

        folder.mkdir(parents=True, exist_ok=True)
        # Write beside the target and rename, so a reader never sees half a file.
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{data.year}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(source.read_bytes())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        overrides = " (replaces chinesecalendar's data for that year)" if self._was_builtin(data.year) else ""
        self.stdout.write(
            f"added {data.year}: {len(data.holidays)} holidays, {len(data.workdays)} adjusted working days "
            f"→ {target}{overrides}"
        )

    @staticmethod
    def _was_builtin(year: int) -> bool:
        return WorkCalendar().source_of(year) == BUILTIN
