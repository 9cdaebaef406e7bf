"""The ledger as a terminal table (`luoshi ledger list`, `luoshi demo`)."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from luoshi.ledger.models import Status
from luoshi.ledger.queries import LedgerRow
from luoshi.lib.workdays import WorkCalendar

HEALTH_LABELS = {
    "on_track": _("On track"),
    "at_risk": _("At risk"),
    "overdue": _("Overdue"),
    "done_on_time": _("Done on time"),
    "done_late": _("Done late"),
    "inactive": _("Not running"),
}


def _width(text: str) -> int:
    # Chinese characters take two columns in a terminal.
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _fit(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width:
            return out[:-1] + "…" + " " * (width - used)
        out, used = out + ch, used + w
    return out + " " * (width - used)


def render_table(rows: Sequence[LedgerRow]) -> str:
    """One line per task: id, title, lead unit, deadline, status, progress, health."""
    columns = [
        (str(_("ID")), 5),
        (str(_("Task")), 36),
        (str(_("Lead unit")), 20),
        (str(_("Deadline")), 10),
        (str(_("Status")), 8),
        (str(_("Progress")), 6),
        (str(_("Health")), 10),
    ]
    lines = ["  ".join(_fit(name, width) for name, width in columns).rstrip()]
    lines.append("  ".join("-" * width for _name, width in columns))
    for row in rows:
        data = row.as_json()
        cells = [
            str(data["id"]),
            data["title"],
            data["lead_unit"] or "—",
            data["deadline"] or data["deadline_text"] or "—",
            str(Status(data["status"]).label),
            f"{data['progress']}%",
            str(HEALTH_LABELS.get(data["health"] or "", "")),
        ]
        lines.append("  ".join(_fit(c, w) for c, (_n, w) in zip(cells, columns, strict=True)).rstrip())
    counts: dict[str, int] = {}
    for row in rows:
        key = str(row.assessment.health) if row.assessment else ""
        counts[key] = counts.get(key, 0) + 1
    summary = " · ".join(f"{HEALTH_LABELS[k]} {n}" for k, n in sorted(counts.items()) if k in HEALTH_LABELS)
    lines.append(f"{len(rows)} · {summary}" if rows else str(_("No tasks.")))
    return "\n".join(lines)


def calendar_warnings(rows: Sequence[LedgerRow], today: dt.date, calendar: WorkCalendar) -> list[str]:
    """Warnings for years whose working days are estimated (no official schedule loaded yet)."""
    days = [today] + [r.values["deadline"] for r in rows if r.values["deadline"]]
    return [w.message for w in calendar.warnings_for(*days)]
