"""`luoshi calendar show | add | check` for operators."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

# A made-up 2027 schedule for tests only: NOT the official one, which is not published yet.
FICTIONAL_2027: dict[str, Any] = {
    "year": 2027,
    "source": "test fixture (fictional schedule)",
    "holidays": {"2027-01-01": "元旦", "2027-02-06/2027-02-13": "春节"},
    "workdays": {"2027-01-31": "春节", "2027-02-20": "春节"},
}


@pytest.fixture
def calendar_dir(settings: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "calendar"
    settings.LUOSHI_CALENDAR_DIR = folder
    return folder


def run(*args: str) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("calendar", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def year_file(tmp_path: Path, name: str = "notice.json", **changes: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps({**FICTIONAL_2027, **changes}, ensure_ascii=False), encoding="utf-8")
    return path


def test_show_a_builtin_year(calendar_dir: Path) -> None:
    out, err = run("show", "2024")
    assert "2024: official" in out
    assert "source: chinesecalendar" in out
    assert "working days: 251" in out
    assert "春节  2024-02-10 Sat – 2024-02-17 Sat (8 days)" in out
    assert "2024-02-04 Sun  春节" in out
    assert "2024-10-12 Sat  国庆节" in out
    assert err == ""


def test_show_an_uncovered_year_warns(calendar_dir: Path) -> None:
    out, err = run("show", "2027")
    assert "2027: ESTIMATED" in out
    assert "source: estimated" in out
    assert "adjusted working days: none" in out
    assert "warning:" in err and "2027.json" in err


def test_add_copies_a_checked_file_and_the_year_becomes_exact(calendar_dir: Path, tmp_path: Path) -> None:
    source = year_file(tmp_path)
    out, _ = run("add", str(source))
    target = calendar_dir / "2027.json"
    assert target.read_bytes() == source.read_bytes()
    assert f"added 2027: 9 holidays, 2 adjusted working days → {target}" in out

    out, err = run("show", "2027")
    assert "2027: official" in out and f"source: {target}" in out
    assert err == ""
    out, err = run("check", "2027-02-05", "--add", "1")
    assert "+1 workdays → 2027-02-15 Mon (working day)" in out
    assert err == ""


def test_add_refuses_to_overwrite_without_replace(calendar_dir: Path, tmp_path: Path) -> None:
    run("add", str(year_file(tmp_path)))
    newer = year_file(tmp_path, "newer.json", notes="corrected")
    with pytest.raises(CommandError, match="exists; pass --replace"):
        run("add", str(newer))
    run("add", str(newer), "--replace")
    assert (calendar_dir / "2027.json").read_bytes() == newer.read_bytes()


def test_add_notes_when_a_file_overrides_the_package(calendar_dir: Path, tmp_path: Path) -> None:
    source = year_file(tmp_path, year=2026, holidays={"2026-01-01": "元旦"}, workdays={})
    out, _ = run("add", str(source))
    assert "replaces chinesecalendar's data" in out


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"workdays": {"2027-02-06": "春节"}}, "2027-02-06: listed both as a holiday and as a workday"),
        ({"holidays": {"2027-02-30": "春节"}}, 'holidays "2027-02-30": no such date'),
        ({"year": 2028}, "date is not in 2028"),
    ],
)
def test_add_refuses_a_bad_file_naming_it(
    calendar_dir: Path, tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    source = year_file(tmp_path, **changes)
    with pytest.raises(CommandError) as caught:
        run("add", str(source))
    assert str(caught.value).startswith(str(source))
    assert message in str(caught.value)
    assert not calendar_dir.exists() or not list(calendar_dir.iterdir())


def test_check_a_day_and_add_working_or_calendar_days(calendar_dir: Path) -> None:
    out, err = run("check", "2024-02-09", "--add", "1")
    assert "2024-02-09 Fri: working day" in out
    assert "+1 workdays → 2024-02-18 Sun (working day)" in out
    assert err == ""
    out, _ = run("check", "2024-02-18")
    assert "2024-02-18 Sun: working day (adjusted, 调休上班), 春节" in out
    out, _ = run("check", "2024-10-03", "--add", "3", "--unit", "days")
    assert "2024-10-03 Thu: holiday, 国庆节" in out
    assert "+3 days → 2024-10-06 Sun (day off)" in out
    out, _ = run("check", "2024-10-08", "--add", "-1")
    assert "-1 workdays → 2024-09-30 Mon" in out


def test_check_warns_when_an_estimated_year_is_involved(calendar_dir: Path) -> None:
    out, err = run("check", "2026-12-20", "--add", "10")
    assert "+10 workdays → 2027-01-04 Mon (working day)" in out  # 1 Jan is off even in the estimate
    assert err.count("warning:") == 1 and "2027" in err


def test_check_refuses_a_bad_date(calendar_dir: Path) -> None:
    with pytest.raises(CommandError, match="not a date"):
        run("check", "2024-13-01")


def test_a_bad_file_exits_non_zero_with_one_line(tmp_path: Path) -> None:
    source = year_file(tmp_path, workdays={"2027-02-06": "春节"})
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "luoshi.settings",
        "LUOSHI_DATA": str(tmp_path / "data"),
        "LUOSHI_CALENDAR_DIR": str(tmp_path / "data" / "calendar"),
    }
    done = subprocess.run(
        [sys.executable, "-m", "django", "calendar", "add", str(source)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(source) in lines[0]
    assert not (tmp_path / "data" / "calendar").exists()
