"""An office's Excel ledger (台账) in and out: `import_ledger` and `export_ledger`.

Import reads the file with `sheets.read_ledger` (pure), then plans every row before writing
anything: units through one `UnitDirectory`, people by display name in one query, deadlines with
`luoshi.lib.deadlines.parse_due`, and which rows the database already holds. Only then, in one
transaction, does it call `ledger.actions.create_task` for the new rows. Nothing else writes.

Rules an office should know (they are printed in the report as they apply):

- **All or nothing.** Any refused row (no task text, an unreadable deadline, a bad system number)
  means nothing is written, unless `partial=True`, which imports the good rows.
- **Unknown units are never guessed.** A unit name that matches no full name, short name or alias is
  kept as text in `Task.unresolved`; a close spelling is offered as "did you mean …?" but not used.
  A row whose lead unit is unknown (or empty) still imports, as a `draft`: a task cannot be
  assigned (交办) to no one, and the office assigns it once the unit is settled.
- **Several lead units** (`市发改委、市财政局`): the first leads, the others become co-units.
- **Deadlines**: a cell may hold several dates (`6月底前完成方案，12月底前竣工`): the last is the
  deadline. A date written without a year takes it from `--year`, else the sheet title, else the
  fill-in date; with none of them it is refused rather than guessed. `长期坚持`/`持续推进` set no
  deadline and keep the text; `每季度` sets the reporting cadence.

Re-import finds the tasks it already has, so exporting and importing the same ledger changes
nothing:

1. An exported ledger carries each task's id in the `系统编号` column: a row with an id is that task.
2. A row without one (a first-time ledger imported twice) matches an earlier *spreadsheet* task by
   (section, 序号, title), compared without white space; the n-th row with the same key matches the
   n-th such task, so a title merged down over several rows still pairs up one to one.

A matched row whose cells agree with the task is `unchanged`. One that disagrees is reported as
`differs`, with the columns, and is not applied: changes to a running task go through its own
actions (extend, report progress…), which an import cannot decide on the unit's behalf.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from luoshi.audit.models import Event
from luoshi.ingestion.sheets import SECTION_SEPARATOR, LedgerRow, LedgerSheet, SheetError, read_ledger
from luoshi.ledger.actions import TaskInput, create_task
from luoshi.ledger.models import ProgressReport, SourceKind, Status, Task
from luoshi.ledger.queries import LedgerRow as TaskRow
from luoshi.ledger.queries import ledger_rows, tasks_for
from luoshi.lib.deadlines import parse_due
from luoshi.lib.ledger_layout import EXPORT_KEYS, LEDGER_COLUMNS
from luoshi.org.access import is_office
from luoshi.org.errors import ActionError, InvalidInput, NotAllowed
from luoshi.org.models import Person, Unit, normalise_name
from luoshi.org.names import UnitDirectory, split_unit_names

__all__ = [
    "Finding",
    "ImportReport",
    "LedgerFileError",
    "RowReport",
    "UnknownUnit",
    "export_ledger",
    "import_ledger",
    "write_ledger",
]

# SQLite refuses statements with more than 999 parameters on older builds: look ids up in chunks.
_CHUNK = 900
_HEADERS = {c.key: c.header for c in LEDGER_COLUMNS}


class LedgerFileError(InvalidInput):
    """The file cannot be imported at all (missing, not a workbook, no ledger header)."""

    code = "ledger_file"


@dataclass(frozen=True)
class Finding:
    """Something the import noticed about a row: `code` is stable, `message` is for people."""

    code: str
    message: str


RowStatus = Literal["new", "unchanged", "differs", "refused"]


@dataclass
class RowReport:
    """What became of one row of the file."""

    row: int  # the Excel row number
    title: str
    status: RowStatus = "new"
    task_id: int | None = None
    draft: bool = False
    guesses: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    refusal: Finding | None = None
    differences: list[str] = field(default_factory=list)  # header names of the columns that differ


@dataclass
class UnknownUnit:
    """A unit name that matched nothing, the rows that use it and a likely meant unit."""

    name: str
    rows: list[int]
    suggestion: str | None


@dataclass
class ImportReport:
    """The outcome of an import, row by row, with the counts an office looks at first."""

    path: str
    sheet: str
    title: str
    year: int | None
    year_source: Literal["title", "fill_date", "option"] | None
    header_row: int
    columns: dict[str, str]
    ignored_headers: list[str]
    rows: list[RowReport]
    unknown_units: list[UnknownUnit]
    dry_run: bool
    partial: bool
    # Whether the import went through (False: a dry run, or refused rows stopped it). An import in
    # which every row is unchanged went through and wrote nothing.
    written: bool = False

    def _count(self, status: RowStatus) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def read(self) -> int:
        return len(self.rows)

    @property
    def new(self) -> int:
        """Rows that are new tasks: created when `written`, else what would be created."""
        return self._count("new")

    @property
    def created(self) -> int:
        return self.new if self.written else 0

    @property
    def unchanged(self) -> int:
        return self._count("unchanged")

    @property
    def differs(self) -> int:
        return self._count("differs")

    @property
    def refused(self) -> int:
        return self._count("refused")

    @property
    def drafts(self) -> int:
        return sum(1 for r in self.rows if r.status == "new" and r.draft)

    def refusals(self) -> list[str]:
        """`第12行: 没有任务内容` for every refused row."""
        return [
            _("row %(row)d: %(reason)s") % {"row": r.row, "reason": r.refusal.message}
            for r in self.rows
            if r.refusal is not None
        ]

    def lines(self) -> list[str]:
        """The report as people read it, one line each."""
        out = [
            _("%(path)s, sheet %(sheet)s, header on row %(row)d")
            % {"path": self.path, "sheet": self.sheet, "row": self.header_row}
        ]
        if self.title:
            out.append(_("title: %(title)s") % {"title": self.title})
        if self.year is not None:
            source = {
                "title": _("from the title"),
                "fill_date": _("from the fill-in date"),
                "option": _("from --year"),
            }.get(self.year_source or "", "")
            out.append(_("year %(year)d (%(source)s)") % {"year": self.year, "source": source})
        if self.ignored_headers:
            out.append(_("columns not read: %(names)s") % {"names": "、".join(self.ignored_headers)})
        for r in self.rows:
            notes = [*r.guesses, *r.warnings]
            if r.status == "differs":
                notes.append(
                    Finding(
                        "differs",
                        _(
                            "matches task #%(id)d but differs in %(columns)s; "
                            "not applied, change the task in Luoshi"
                        )
                        % {"id": r.task_id, "columns": "、".join(r.differences)},
                    )
                )
            for note in notes:
                out.append(_("row %(row)d: %(note)s") % {"row": r.row, "note": note.message})
        if self.unknown_units:
            out.append(_("unknown units (kept as text for the office to resolve):"))
            for u in self.unknown_units:
                rows = ", ".join(str(n) for n in u.rows)
                if u.suggestion:
                    out.append(
                        _("  %(name)s (rows %(rows)s): did you mean %(unit)s?")
                        % {"name": u.name, "rows": rows, "unit": u.suggestion}
                    )
                else:
                    out.append(_("  %(name)s (rows %(rows)s)") % {"name": u.name, "rows": rows})
        if self.refused:
            out.append(_("refused:"))
            out.extend("  " + line for line in self.refusals())
        counts = {
            "read": self.read,
            "new": self.new,
            "drafts": self.drafts,
            "unchanged": self.unchanged,
            "differs": self.differs,
            "refused": self.refused,
        }
        if self.written:
            out.append(
                _(
                    "read %(read)d rows: %(new)d created (%(drafts)d as drafts), %(unchanged)d unchanged, "
                    "%(differs)d differ, %(refused)d refused"
                )
                % counts
            )
        else:
            out.append(
                _(
                    "read %(read)d rows: %(new)d would be created (%(drafts)d as drafts), "
                    "%(unchanged)d unchanged, "
                    "%(differs)d differ, %(refused)d refused"
                )
                % counts
            )
            if self.dry_run:
                out.append(_("dry run: nothing was written"))
            elif self.refused:
                out.append(
                    _("nothing was written: fix the refused rows, or import the others with --partial")
                )
        return out


# --- reading cells -------------------------------------------------------------------------------


def _squash(text: str) -> str:
    return "".join(text.split())


def _join_lines(text: str) -> str:
    """A title broken over lines inside its cell is one title: Chinese joins without a space."""
    lines = text.split("\n")
    out = lines[0]
    for line in lines[1:]:
        ascii_seam = out[-1:].isascii() and out[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum()
        out += (" " if ascii_seam else "") + line
    return out


def _unit_names(cell: str, directory: UnitDirectory) -> list[str]:
    """The unit names in a cell, keeping names that themselves contain 和 or 及 whole.

    `split_unit_names` splits on 和/及 (`市发改委和市财政局`), which also cuts 市发展和改革委员会 in two;
    pieces are glued back when the whole resolves, or when neither piece is a unit (a misspelt
    long name reads better as one unknown name with a suggestion than as two fragments).
    """
    if directory.resolve(cell) is not None:
        return [normalise_name(cell)]
    flat = _squash(cell)
    names: list[str] = []
    for piece in split_unit_names(cell):
        if names:
            prev = names[-1]
            for joiner in ("和", "及"):
                joined = prev + joiner + piece
                if joined in flat and (
                    directory.resolve(joined) is not None
                    or (directory.resolve(prev) is None and directory.resolve(piece) is None)
                ):
                    names[-1] = joined
                    break
            else:
                names.append(piece)
        else:
            names.append(piece)
    return [normalise_name(n) for n in names]


@dataclass
class _Deadline:
    by: dt.date | None
    text: str
    cadence: str
    guesses: list[Finding]
    warnings: list[Finding]


_WRITTEN_YEAR = re.compile(r"\d{4}|[〇零一二三四五六七八九]{4}")
_DEADLINE_PARTS = re.compile(r"[\n，,；;]+")


def _read_deadline(cell: str, year: int | None, year_source: str | None, column: str) -> _Deadline | Finding:
    """The deadline, cadence and text of a 完成时限 cell, or the refusal when it cannot be read."""
    text = cell.strip()
    if not text:
        return _Deadline(None, "", "", [], [Finding("no_deadline", _("no deadline given"))])
    dates: list[tuple[dt.date, str]] = []
    cadence = ""
    kinds: list[str] = []
    yearless: list[str] = []
    for part in _DEADLINE_PARTS.split(text):
        due = parse_due(part, year=year) if part.strip() else None
        if due is None:
            continue
        kinds.append(due.kind)
        if due.kind == "date":
            if due.by is None:
                yearless.append(due.text)
            else:
                dates.append((due.by, due.text))
        elif due.kind == "recurring" and not cadence:
            cadence = due.recurrence or ""
    if yearless and not dates:
        if year is None:
            return Finding(
                "no_year",
                _("the deadline %(text)s gives no year: put the year in the title or use --year")
                % {"text": text},
            )
        return Finding("bad_deadline", _("cannot read the deadline %(text)s") % {"text": text})
    if not kinds:
        return Finding("bad_deadline", _("cannot read the deadline %(text)s") % {"text": text})
    guesses: list[Finding] = []
    warnings: list[Finding] = []
    by = None
    if dates:
        by, written = max(dates)
        if len(dates) > 1:
            guesses.append(
                Finding(
                    "several_dates",
                    _("several dates in %(column)s: the last, %(date)s, is the deadline")
                    % {"column": column, "date": by.isoformat()},
                )
            )
        if not _WRITTEN_YEAR.search(written):
            source = {"title": _("the title"), "fill_date": _("the fill-in date"), "option": _("--year")}.get(
                year_source or "", ""
            )
            guesses.append(
                Finding(
                    "year_guessed",
                    _("deadline %(text)s read as %(date)s, the year from %(source)s")
                    % {"text": written, "date": by.isoformat(), "source": source},
                )
            )
    elif "vague" in kinds and not cadence and "ongoing" not in kinds:
        warnings.append(Finding("vague_deadline", _("the deadline %(text)s names no day") % {"text": text}))
    return _Deadline(by, text, cadence, guesses, warnings)


# --- planning ------------------------------------------------------------------------------------


@dataclass
class _Plan:
    row: LedgerRow
    report: RowReport
    data: TaskInput | None = None
    task_id: int | None = None  # from the 系统编号 column
    progress: str = ""

    def key(self) -> tuple[str, str, str]:
        assert self.data is not None  # only planned rows have a key
        return (_squash(self.data.section), _squash(self.data.seq), _squash(self.data.title))


@dataclass
class _Context:
    directory: UnitDirectory
    people: dict[str, Person]
    year: int | None
    year_source: str | None
    columns: dict[str, str]
    as_draft: bool
    unknown: dict[str, UnknownUnit] = field(default_factory=dict)

    def header(self, key: str) -> str:
        return self.columns.get(key, _HEADERS.get(key, key))


def _resolve_units(plan: _Plan, ctx: _Context, cell: str, column: str) -> list[tuple[str, Unit | None]]:
    """Each name in a unit cell with its unit (None when unknown), noting guesses and unknowns."""
    out: list[tuple[str, Unit | None]] = []
    for name in _unit_names(cell, ctx.directory):
        unit = ctx.directory.resolve(name)
        out.append((name, unit))
        if unit is None:
            entry = ctx.unknown.get(name)
            if entry is None:
                hint = ctx.directory.suggest(name)
                entry = ctx.unknown[name] = UnknownUnit(name, [], hint.name if hint else None)
            if plan.row.row_number not in entry.rows:
                entry.rows.append(plan.row.row_number)
            values = {"column": column, "name": name, "unit": entry.suggestion}
            if entry.suggestion:
                message = (
                    _("%(column)s %(name)s is not a known unit, kept as text (did you mean %(unit)s?)")
                    % values
                )
            else:
                message = _("%(column)s %(name)s is not a known unit, kept as text") % values
            plan.report.warnings.append(Finding("unknown_unit", message))
        elif name != unit.name:
            how = _("short name") if name == unit.short_name else _("alias")
            plan.report.guesses.append(
                Finding(
                    "unit_matched",
                    _("%(name)s read as %(unit)s (%(how)s)") % {"name": name, "unit": unit.name, "how": how},
                )
            )
    return out


def _person(ctx: _Context, name: str) -> Person | None:
    return ctx.people.get(name) if name else None


def _plan_row(row: LedgerRow, ctx: _Context) -> _Plan:
    values = row.values
    title = _join_lines(values.get("title", ""))
    plan = _Plan(row, RowReport(row.row_number, title))
    report = plan.report
    text = values.get("text", "")
    if not title and text:
        title = _join_lines(text.split("\n")[0])[:200]
        report.title = title
        report.guesses.append(
            Finding("title_from_text", _("no task title: the first line of the content is used"))
        )
    if not title:
        report.refusal = Finding("no_title", _("no task text"))
        return plan
    if row.carried:
        names = "、".join(ctx.header(k) for k in row.carried)
        report.guesses.append(
            Finding(
                "carried_down", _("%(columns)s carried down from the merged cell above") % {"columns": names}
            )
        )
    if "\n" in values.get("title", ""):
        report.guesses.append(Finding("title_joined", _("the line breaks in the task title were joined")))

    raw_id = values.get("task_id", "").strip()
    if raw_id:
        if not raw_id.isdigit():
            report.refusal = Finding("bad_id", _("system number %(id)s is not a number") % {"id": raw_id})
            return plan
        plan.task_id = int(raw_id)

    deadline = _read_deadline(values.get("deadline", ""), ctx.year, ctx.year_source, ctx.header("deadline"))
    if isinstance(deadline, Finding):
        report.refusal = deadline
        return plan
    report.guesses.extend(deadline.guesses)
    report.warnings.extend(deadline.warnings)

    leads = _resolve_units(plan, ctx, values.get("lead_unit", ""), ctx.header("lead_unit"))
    co = _resolve_units(plan, ctx, values.get("co_units", ""), ctx.header("co_units"))
    # The first name written leads; when it is unknown there is no lead unit yet (the name is kept
    # for the office), and every other name, in either column, is a co-unit.
    lead = leads[0][1] if leads else None
    if lead is not None and len(leads) > 1:
        report.guesses.append(
            Finding(
                "several_leads",
                _("several lead units: %(unit)s leads, the others are co-units") % {"unit": lead.name},
            )
        )
    co_units = list(dict.fromkeys(u for _n, u in [*leads[1:], *co] if u is not None and u != lead))
    unresolved: dict[str, Any] = {}
    if leads and lead is None:
        unresolved["lead_unit"] = [leads[0][0]]
    unknown_co = list(dict.fromkeys(n for n, u in [*leads[1:], *co] if u is None))
    if unknown_co:
        unresolved["co_units"] = unknown_co

    report.draft = ctx.as_draft or lead is None
    if lead is None and not ctx.as_draft:
        report.warnings.append(
            Finding("draft_no_lead", _("no known lead unit: imported as a draft for the office to assign"))
        )

    leader_name = values.get("lead_leader", "")
    responsible_name = values.get("responsible", "")
    leader = _person(ctx, leader_name)
    if leader is not None:
        report.guesses.append(
            Finding(
                "leader_matched",
                _("lead leader %(name)s is the user %(user)s")
                % {"name": leader_name, "user": leader.username},
            )
        )
    plan.progress = values.get("progress", "")
    plan.data = TaskInput(
        title=title,
        text=text,
        kind=SourceKind.SPREADSHEET,
        seq=values.get("seq", "").replace("\n", ""),
        section=row.section[:200],
        lead_unit=lead,
        co_units=co_units,
        lead_leader=leader,
        lead_leader_name=leader_name[:100],
        responsible=_person(ctx, responsible_name),
        responsible_name=responsible_name[:100],
        deadline=deadline.by,
        deadline_text=deadline.text[:100],
        cadence=deadline.cadence,
        note=values.get("note", ""),
        unresolved=unresolved,
        progress_text=plan.progress,
    )
    return plan


_T = TypeVar("_T")


def _chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _people(names: Iterable[str]) -> dict[str, Person]:
    """People by display name, for names that belong to exactly one person."""
    wanted = sorted({n for n in names if n})
    found: dict[str, list[Person]] = defaultdict(list)
    for chunk in _chunks(wanted):
        for person in Person.objects.filter(display_name__in=chunk, is_active=True):
            found[person.display_name].append(person)
    return {name: people[0] for name, people in found.items() if len(people) == 1}


def _progress_texts(task_ids: Sequence[int]) -> dict[int, str]:
    """Each task's latest progress text: its newest report, else what its ledger row said on import."""
    texts: dict[int, str] = {}
    for chunk in _chunks(task_ids):
        for task_id, text in (
            ProgressReport.objects.filter(task_id__in=chunk)
            .order_by("task_id", "reported_on", "id")
            .values_list("task_id", "text")
        ):
            texts[task_id] = text
    # Until a unit reports, the progress the ledger row carried lives in the task's create event.
    missing = [str(i) for i in task_ids if i not in texts]
    for subjects in _chunks(missing):
        events = Event.objects.filter(kind="task.create", subject_type="task", subject_id__in=subjects)
        for subject_id, after in events.values_list("subject_id", "after"):
            imported = after.get("progress_text") if isinstance(after, dict) else None
            if imported:
                texts[int(subject_id)] = str(imported)
    return texts


@dataclass
class _Existing:
    task: Task
    co_ids: set[int]
    progress: str


def _load_existing(task_ids: Sequence[int]) -> dict[int, _Existing]:
    found: dict[int, _Existing] = {}
    for chunk in _chunks(task_ids):
        for task in Task.objects.filter(pk__in=chunk).select_related("lead_leader", "responsible"):
            found[task.pk] = _Existing(task, set(), "")
        for task_id, unit_id in Task.co_units.through.objects.filter(task_id__in=chunk).values_list(
            "task_id", "unit_id"
        ):
            found[task_id].co_ids.add(unit_id)
    for task_id, text in _progress_texts(list(found)).items():
        found[task_id].progress = text
    return found


def _differences(data: TaskInput, progress: str, existing: _Existing, ctx: _Context) -> list[str]:
    """The columns where a row says something other than the task it matched."""
    task = existing.task
    leader = task.lead_leader_name or (task.lead_leader.display_name if task.lead_leader else "")
    responsible = task.responsible_name or (task.responsible.display_name if task.responsible else "")
    same_deadline = (
        data.deadline == task.deadline
        and data.cadence == task.cadence
        and (data.deadline is not None or _squash(data.deadline_text) == _squash(task.deadline_text))
    )
    unresolved = {k: sorted(v) for k, v in (task.unresolved or {}).items() if v}
    checks = {
        "title": _squash(data.title) == _squash(task.title),
        "text": _squash(data.text) == _squash(task.text),
        "seq": _squash(data.seq) == _squash(task.seq),
        "lead_leader": _squash(data.lead_leader_name) == _squash(leader),
        "lead_unit": (data.lead_unit.pk if data.lead_unit else None) == task.lead_unit_id
        and unresolved.get("lead_unit", []) == sorted(data.unresolved.get("lead_unit", [])),
        "co_units": {u.pk for u in data.co_units} == existing.co_ids
        and unresolved.get("co_units", []) == sorted(data.unresolved.get("co_units", [])),
        "responsible": _squash(data.responsible_name) == _squash(responsible),
        "deadline": same_deadline,
        "progress": _squash(progress) == _squash(existing.progress),
        "note": _squash(data.note) == _squash(task.note),
    }
    if _squash(data.section) != _squash(task.section):
        checks["section"] = False
    return [_("section") if k == "section" else ctx.header(k) for k, same in checks.items() if not same]


def _match(plans: list[_Plan], ctx: _Context) -> None:
    """Pair rows with tasks the database already has (see the module docstring)."""
    planned = [p for p in plans if p.data is not None]
    seen_ids: dict[int, int] = {}
    for plan in planned:
        if plan.task_id is None:
            continue
        if plan.task_id in seen_ids:
            plan.report.refusal = Finding(
                "duplicate_id",
                _("system number %(id)d is also on row %(other)d")
                % {"id": plan.task_id, "other": seen_ids[plan.task_id]},
            )
            plan.data = None
        else:
            seen_ids[plan.task_id] = plan.row.row_number
    by_key: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    if any(p.task_id is None for p in planned):
        for task_id, section, seq, title in (
            Task.objects.filter(kind=SourceKind.SPREADSHEET)
            .order_by("id")
            .values_list("id", "section", "seq", "title")
        ):
            by_key[(_squash(section), _squash(seq), _squash(title))].append(task_id)
    taken: set[int] = set(seen_ids)
    for plan in planned:
        if plan.data is None or plan.task_id is not None:
            continue
        candidates = [i for i in by_key.get(plan.key(), []) if i not in taken]
        if candidates:
            plan.task_id = candidates[0]
            taken.add(candidates[0])
    matched = sorted({p.task_id for p in planned if p.data is not None and p.task_id is not None})
    existing = _load_existing(matched)
    for plan in planned:
        if plan.data is None or plan.task_id is None:
            continue
        found = existing.get(plan.task_id)
        if found is None:
            plan.report.refusal = Finding(
                "unknown_id",
                _("system number %(id)d matches no task here; clear it to import the row as a new task")
                % {"id": plan.task_id},
            )
            continue
        plan.report.task_id = plan.task_id
        plan.report.draft = found.task.status == Status.DRAFT
        plan.report.differences = _differences(plan.data, plan.progress, found, ctx)
        plan.report.status = "differs" if plan.report.differences else "unchanged"
        # What is said about a matched row's units and deadline was said when it was created.
        plan.report.guesses.clear()
        plan.report.warnings.clear()


def _file_error(exc: SheetError, path: Path) -> LedgerFileError:
    messages = {
        "missing": _("%(path)s: no such file"),
        "unreadable": _("%(path)s is not an Excel workbook (.xlsx) or CSV file"),
        "no_header": _(
            "%(path)s: no ledger header found in the first rows "
            "(a row naming columns such as 工作任务, 牵头单位, 完成时限)"
        ),
    }
    return LedgerFileError(messages[exc.code] % {"path": path.name})


def import_ledger(
    *,
    actor: Person | None,
    path: Path | str,
    year: int | None = None,
    as_draft: bool = False,
    dry_run: bool = False,
    partial: bool = False,
    today: dt.date | None = None,
) -> ImportReport:
    """Import an office's ledger: new rows become `assigned` tasks (`draft` when `as_draft`).

    `actor` None is the system (the command line without --as); otherwise only the supervision
    office may import. All or nothing unless `partial`; `dry_run` writes nothing. Raises
    `LedgerFileError` when the file cannot be read as a ledger at all.
    """
    path = Path(path)
    if actor is not None and not is_office(actor):
        raise NotAllowed(_("only the supervision office may import a ledger"))
    try:
        sheet: LedgerSheet = read_ledger(path)
    except SheetError as exc:
        raise _file_error(exc, path) from None
    today = today or timezone.localdate()
    year_source: Literal["title", "fill_date", "option"] | None = "option" if year else sheet.year_source
    ctx = _Context(
        directory=UnitDirectory.load(),
        people=_people(r.values.get(k, "") for r in sheet.rows for k in ("lead_leader", "responsible")),
        year=year or sheet.year,
        year_source=year_source,
        columns=sheet.columns,
        as_draft=as_draft,
    )
    plans = [_plan_row(row, ctx) for row in sheet.rows]
    _match(plans, ctx)
    for plan in plans:
        if plan.report.refusal is not None:
            plan.report.status = "refused"
    report = ImportReport(
        path=path.name,
        sheet=sheet.sheet_name,
        title=sheet.title,
        year=ctx.year,
        year_source=year_source if ctx.year else None,
        header_row=sheet.header_row,
        columns=sheet.columns,
        ignored_headers=sheet.ignored_headers,
        rows=[p.report for p in plans],
        unknown_units=sorted(ctx.unknown.values(), key=lambda u: u.rows[0]),
        dry_run=dry_run,
        partial=partial,
    )
    if dry_run or (report.refused and not partial):
        return report
    _write(
        [p for p in plans if p.report.status == "new"],
        actor=actor,
        today=today,
        partial=partial,
        report=report,
    )
    return report


def _write(
    plans: list[_Plan], *, actor: Person | None, today: dt.date, partial: bool, report: ImportReport
) -> None:
    if not plans:  # every row already in the database: nothing to write
        report.written = True
        return
    with transaction.atomic():
        for plan in plans:
            assert plan.data is not None  # new rows are planned rows
            try:
                task = create_task(
                    actor=actor, data=plan.data, assigned_on=None if plan.report.draft else today
                )
            except ActionError as exc:
                # create_task runs in its own savepoint: with --partial only this row is lost.
                plan.report.status, plan.report.refusal = "refused", Finding(exc.code, exc.message)
                if not partial:
                    transaction.set_rollback(True)
                    for other in plans:
                        other.report.task_id = None
                    return
                continue
            plan.report.task_id = task.pk
        report.written = True


# --- export --------------------------------------------------------------------------------------

_CADENCE_WORDS = {
    "daily": "每天",
    "weekly": "每周",
    "monthly": "每月",
    "quarterly": "每季度",
    "yearly": "每年",
    "periodic": "定期",
}


def _health_labels() -> dict[str, str]:
    # The lead's health module names the values; the ledger shows them in words.
    return {
        "on_track": _("on track"),
        "at_risk": _("at risk"),
        "overdue": _("overdue"),
        "done_on_time": _("done on time"),
        "done_late": _("done late"),
        "inactive": _("not running"),
    }


def _deadline_cell(row: TaskRow, year: int) -> str:
    """What to write under 完成时限 so that reading it back gives the task's deadline and cadence."""
    v = row.values
    deadline, text, cadence = v["deadline"], v["deadline_text"] or "", v["cadence"] or ""
    if text:
        read = _read_deadline(text, year, "title", "")
        if isinstance(read, _Deadline) and read.by == deadline and read.cadence == cadence:
            return str(text)
    word = _CADENCE_WORDS.get(cadence, "")
    if deadline is None:
        return f"{text}，{word}" if text and word else text or word
    # Extended, or typed in Luoshi: the day itself, which reads back without a year to guess.
    return f"{deadline.isoformat()}，{word}" if word else deadline.isoformat()


def _section_order(rows: list[TaskRow]) -> list[TaskRow]:
    # Each section once, in the order its first task was created; tasks without a section first,
    # so they do not fall under a section row when the file is read back.
    first: dict[str, int] = {}
    for i, row in enumerate(rows):
        first.setdefault(row.values["section"] or "", i)
    return sorted(rows, key=lambda r: (r.values["section"] != "", first[r.values["section"] or ""]))


_WIDTHS = {
    "seq": 6,
    "title": 26,
    "text": 42,
    "lead_leader": 10,
    "lead_unit": 20,
    "co_units": 22,
    "responsible": 10,
    "deadline": 14,
    "progress": 42,
    "health": 10,
    "note": 16,
    "task_id": 9,
}


def _cells(row: TaskRow, year: int, health: Callable[[TaskRow], str]) -> dict[str, str]:
    v = row.values
    unresolved = v["unresolved"] or {}
    lead = v["lead_unit__name"] or "、".join(unresolved.get("lead_unit", []))
    co = list(dict.fromkeys([*row.co_units, *unresolved.get("co_units", [])]))
    return {
        "seq": v["seq"],
        "title": v["title"],
        "text": v["text"],
        "lead_leader": v["lead_leader_name"] or v["lead_leader__display_name"] or "",
        "lead_unit": lead,
        "co_units": "、".join(co),
        "responsible": v["responsible_name"],
        "deadline": _deadline_cell(row, year),
        "progress": v["latest_progress"] or "",
        "health": health(row),
        "note": v["note"],
        "task_id": str(row.id),
    }


def write_ledger(
    rows: Iterable[TaskRow], path: Path | str, *, title: str, year: int, health: Callable[[TaskRow], str]
) -> int:
    """Write ledger rows as an office's workbook; returns how many tasks were written.

    Pure layout: title row, header, section rows merged across, one row per task, wrapped text,
    column widths, frozen header, printable on landscape pages.
    """
    rows = _section_order(list(rows))
    wb = Workbook()
    ws = wb.active
    assert ws is not None  # a new workbook has a sheet
    ws.title = _("Ledger")
    width = len(EXPORT_KEYS)
    last_col = get_column_letter(width)
    thin = Side(style="thin", color="999999")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")

    ws.append([title])
    ws.merge_cells(f"A1:{last_col}1")
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center", vertical="center")
    ws.row_dimensions[1].height = 32
    header_row = 2
    ws.append([_HEADERS[k] for k in EXPORT_KEYS])
    for col, key in enumerate(EXPORT_KEYS, start=1):
        cell = ws.cell(header_row, col)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        ws.column_dimensions[get_column_letter(col)].width = _WIDTHS.get(key, 12)
    id_col = EXPORT_KEYS.index("task_id") + 1
    ws.cell(header_row, id_col).comment = Comment(
        _(
            "Filled in by Luoshi: keep it so that importing this file again finds the task "
            "instead of adding it twice; leave it empty on rows you add."
        ),
        "Luoshi",
    )
    grey = Font(color="808080")
    section_fill = PatternFill("solid", fgColor="F2F2F2")
    current: list[str] = []
    count = 0
    for row in rows:
        labels = [s for s in (row.values["section"] or "").split(SECTION_SEPARATOR) if s]
        # Write the section rows that change here: `一、稳增长 / （一）扩大投资` under an earlier
        # `一、稳增长` needs only its second row.
        common = 0
        while common < min(len(labels), len(current)) and labels[common] == current[common]:
            common += 1
        for label in labels[common:]:
            ws.append([label])
            r = ws.max_row
            ws.merge_cells(f"A{r}:{last_col}{r}")
            ws.cell(r, 1).font = Font(bold=True)
            ws.cell(r, 1).fill = section_fill
        current = labels
        cells = _cells(row, year, health)
        ws.append([cells[k] for k in EXPORT_KEYS])
        r = ws.max_row
        for col in range(1, width + 1):
            cell = ws.cell(r, col)
            cell.alignment = wrap
            cell.border = border
        ws.cell(r, id_col).font = grey
        count += 1
    ws.freeze_panes = f"C{header_row + 1}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if ws.sheet_properties.pageSetUpPr is not None:
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.save(str(path))
    return count


def export_ledger(
    *,
    person: Person | None,
    path: Path | str,
    today: dt.date | None = None,
    unit: Unit | None = None,
) -> int:
    """Write the tasks `person` may see (all of them for None, the office) as an Excel ledger.

    Each row carries the task's health as of `today` and its latest progress text; `unit` keeps
    the tasks that unit (or a unit under it) leads or helps with. Returns the number of tasks.
    """
    today = today or timezone.localdate()
    rows = ledger_rows(tasks_for(person, unit), today=today)
    missing = [r.id for r in rows if not r.values["latest_progress"]]
    imported = _progress_texts(missing)
    for r in rows:
        if not r.values["latest_progress"]:
            r.values["latest_progress"] = imported.get(r.id, "")
    labels = _health_labels()

    def health(row: TaskRow) -> str:
        value = str(row.assessment.health) if row.assessment else ""
        return labels.get(value, value)

    # The title names the year most deadlines fall in, so deadlines written without a year
    # (`6月30日前`) can be written back as the office wrote them and still read back the same.
    years = Counter(r.values["deadline"].year for r in rows if r.values["deadline"])
    year = years.most_common(1)[0][0] if years else today.year
    heading = _("%(year)d key tasks ledger") % {"year": year}
    return write_ledger(rows, path, title=heading, year=year, health=health)
