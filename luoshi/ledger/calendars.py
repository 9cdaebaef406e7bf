"""The office's working-day calendar, as Django code reaches it.

The calendar itself is pure (`luoshi.lib.workdays`); this is the one place that knows where the
office keeps its year files (`settings.LUOSHI_CALENDAR_DIR`).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings

from luoshi.lib.workdays import WorkCalendar, default_calendar


def office_calendar() -> WorkCalendar:
    """The packaged year files, then the office's own (`LUOSHI_CALENDAR_DIR`), over chinesecalendar.

    Shared and cached on the folders' contents: a year file added with ``luoshi calendar add``
    counts from the next call, without a restart.
    """
    return default_calendar(extra_dirs=(calendar_dir(),))


def calendar_dir() -> Path:
    """The folder where the office's year files live (may not exist yet)."""
    return Path(settings.LUOSHI_CALENDAR_DIR)
