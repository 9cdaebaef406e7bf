"""The extraction result as JSON, as a clerk's Markdown task list, and as an Excel ledger.

The Excel file uses the ledger column layout of `luoshi.lib.ledger_layout`, so an office can edit
it and import it back: a title row with the meeting title, the header row, then one row per task.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from luoshi.lib.ledger_layout import LEDGER_COLUMNS

__all__ = ["to_json", "to_markdown", "to_xlsx"]


def to_json(result: dict[str, Any]) -> str:
    """The result as indented JSON with Chinese left readable."""
    return json.dumps(result, ensure_ascii=False, indent=2) + "\n"


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _target_text(t: dict[str, Any]) -> str:
    op = {">=": "≥", "<=": "≤", "=": "", ">": ">", "<": "<"}.get(str(t.get("op")), "")
    return f"{t.get('metric') or ''} {op}{_number(t.get('value'))}{t.get('unit') or ''}".strip()


def _due_text(item: dict[str, Any]) -> str:
    due = item.get("due") or {}
    text = str(due.get("text") or "")
    if due.get("by"):
        text = f"{text}({due['by']})" if text else str(due["by"])
    return text


_CADENCE = {
    "daily": "每日",
    "weekly": "每周",
    "monthly": "每月",
    "quarterly": "每季度",
    "yearly": "每年",
    "periodic": "定期",
}


def _task_line(item: dict[str, Any]) -> str:
    parts = [f"- [ ] {item.get('text', '')}"]
    details: list[str] = []
    if item.get("owners"):
        details.append("责任:" + "、".join(item["owners"]))
    due = _due_text(item)
    if due:
        details.append("时限:" + due)
    if item.get("recurrence"):
        details.append("频次:" + _CADENCE.get(str(item["recurrence"]), str(item["recurrence"])))
    if item.get("targets"):
        details.append("目标:" + ";".join(_target_text(t) for t in item["targets"]))
    if details:
        parts.append("  \n  " + " · ".join(details))
    return "".join(parts)


def to_markdown(result: dict[str, Any], *, principles: bool = True) -> str:
    """A readable task list: title, speaker and date; the outline as headings with each heading's
    tasks under it as a checklist (owners, due, cadence, targets); then, optionally, the
    principles in a short separate list; then the reported figures."""
    meta = result.get("meta") or {}
    lines: list[str] = [
        f"# {meta.get('title') or (result.get('source') or {}).get('name') or '任务清单'}",
        "",
    ]
    byline = " · ".join(str(x) for x in (meta.get("speaker"), meta.get("date")) if x)
    if byline:
        lines += [byline, ""]
    items = [i for i in result.get("items") or [] if isinstance(i, dict)]
    tasks = [i for i in items if i.get("kind") == "task"]
    lines.append(f"共 {len(tasks)} 项任务。")
    lines.append("")
    by_section: dict[str | None, list[dict[str, Any]]] = {}
    for item in tasks:
        by_section.setdefault(item.get("section"), []).append(item)
    if by_section.get(None):
        lines += [_task_line(i) for i in by_section[None]] + [""]
    for heading in result.get("outline") or []:
        hid = heading.get("id")
        level = min(6, 1 + int(heading.get("level") or 1))
        marker = heading.get("marker") or ""
        lines.append(f"{'#' * level} {marker} {heading.get('title') or ''}".rstrip())
        lines.append("")
        section_tasks = by_section.get(hid, [])
        if section_tasks:
            lines += [_task_line(i) for i in section_tasks] + [""]
    if principles:
        rest = [i for i in items if i.get("kind") == "principle"]
        if rest:
            lines += ["## 原则性要求", ""]
            lines += [f"- {i.get('text', '')}" for i in rest] + [""]
    figures = [f for f in result.get("figures") or [] if isinstance(f, dict)]
    if figures:
        lines += ["## 数据", ""]
        for f in figures:
            period = f" ({f['period']})" if f.get("period") else ""
            op = "≥" if f.get("op") == ">=" else ""
            lines.append(
                f"- {f.get('metric') or ''}: {op}{_number(f.get('value'))}{f.get('unit') or ''}{period}"
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _short_title(item: dict[str, Any], headings: dict[str, dict[str, Any]]) -> str:
    heading = headings.get(str(item.get("section")))
    if heading and heading.get("title"):
        return str(heading["title"])
    text = str(item.get("text") or "")
    for stop in (",", "，", "。", ";", "；"):
        cut = text.find(stop)
        if 0 < cut <= 30:
            return text[:cut]
    return text[:30]


def _owner_cells(owners: list[str]) -> tuple[str, str]:
    # The first named owner leads (the extractor puts a body marked 牵头 first); the rest assist.
    if not owners:
        return "", ""
    return owners[0], "、".join(owners[1:])


def to_xlsx(result: dict[str, Any], path_or_stream: str | Path | IO[bytes]) -> None:
    """Write the tasks as an Excel ledger (ledger_layout columns) that the importer reads back."""
    from openpyxl import Workbook  # imported here: openpyxl costs ~0.15 s and JSON output needs none of it
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    meta = result.get("meta") or {}
    headings = {str(h.get("id")): h for h in result.get("outline") or [] if isinstance(h, dict)}
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook always has one sheet
    sheet.title = "任务清单"
    columns = list(LEDGER_COLUMNS)
    title = str(meta.get("title") or (result.get("source") or {}).get("name") or "任务清单")
    sheet.cell(row=1, column=1, value=f"{title} 任务清单")
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(columns))
    for col, column in enumerate(columns, start=1):
        cell = sheet.cell(row=2, column=col, value=column.header)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    tasks = [i for i in result.get("items") or [] if isinstance(i, dict) and i.get("kind") == "task"]
    for n, item in enumerate(tasks, start=1):
        lead, co = _owner_cells([str(o) for o in item.get("owners") or []])
        due = item.get("due") or {}
        values = {
            "seq": n,
            "title": _short_title(item, headings),
            "text": item.get("text") or "",
            "lead_unit": lead,
            "co_units": co,
            "deadline": _due_text(item) if due else "",
            "note": "；".join(_target_text(t) for t in item.get("targets") or []),
        }
        if item.get("recurrence") and not values["deadline"]:
            values["deadline"] = _CADENCE.get(str(item["recurrence"]), "")
        for col, column in enumerate(columns, start=1):
            cell = sheet.cell(row=n + 2, column=col, value=values.get(column.key, ""))
            cell.alignment = Alignment(vertical="top", wrap_text=True)
    widths = {"seq": 6, "title": 24, "text": 60, "lead_unit": 18, "co_units": 18, "deadline": 14, "note": 20}
    for col, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = widths.get(column.key, 12)
    sheet.freeze_panes = "A3"
    if isinstance(path_or_stream, (str, Path)):
        book.save(str(path_or_stream))
    else:
        book.save(path_or_stream)
