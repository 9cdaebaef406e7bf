"""Reading an office's task ledger (台账) from Excel or CSV into rows keyed by ledger column.

Pure: openpyxl and the standard library, no Django. The Django side (`ledger_io`) resolves units,
people and deadlines; this module only answers "what does each row say, under which column".

Real ledgers are laid out for printing, not for machines, so the reader copes with:

- a title row above the header (`2024年重点工作任务台账`) and a fill-in line (`填报日期：2024年3月5日`),
  both of which give the year that deadlines such as `6月30日前` leave out;
- a header anywhere in the first rows, found by scoring rows on how many cells name a known column
  (`luoshi.lib.ledger_layout`), and two-row headers where a merged group cell (`责任主体`,
  `时间节点`) sits over its sub-columns;
- cells merged down several rows (the value applies to every row of the merge) and merged across;
- section rows (`一、稳增长`, `（一）扩大有效投资`) that group the tasks below them;
- line breaks inside cells, empty rows, a row of column numbers under the header, footer lines.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from luoshi.lib.deadlines import small_number
from luoshi.lib.ledger_layout import column_for_header, normalise_header

__all__ = ["SECTION_SEPARATOR", "LedgerRow", "LedgerSheet", "SheetError", "read_ledger"]

# How many rows from the top may hold the title, fill-in lines and the header.
HEADER_SEARCH_ROWS = 15
# Guards against a sheet whose used range runs far beyond the ledger (see `_xlsx_lines`).
MAX_COLUMNS = 200
MAX_BLANK_ROWS = 1000
# Nested section labels are stored in one Task.section string, outermost first.
SECTION_SEPARATOR = " / "

SheetErrorCode = Literal["missing", "unreadable", "no_header"]


class SheetError(Exception):
    """The file cannot be read as a ledger. `code` is stable; the Django side words the message."""

    def __init__(self, code: SheetErrorCode, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code: SheetErrorCode = code
        self.detail = detail


@dataclass
class LedgerRow:
    """One task row: its Excel row number as the user sees it, its section and its cells by key."""

    row_number: int
    section: str
    values: dict[str, str]
    # Keys whose value came from a cell merged down from a row above (reported as a guess).
    carried: tuple[str, ...] = ()


@dataclass
class LedgerSheet:
    """What a ledger file says: its title, the year it is about, and its task rows."""

    title: str
    year: int | None
    header_row: int  # the (last) header row, as Excel numbers it
    rows: list[LedgerRow]
    sheet_name: str = ""
    year_source: Literal["title", "fill_date"] | None = None
    # key → the header text the file uses for it (`lead_unit` → `责任单位`)
    columns: dict[str, str] = field(default_factory=dict)
    ignored_headers: list[str] = field(default_factory=list)  # header cells naming no known column


# --- a grid of text cells, the same for Excel and CSV ----------------------------------------


@dataclass
class _Line:
    number: int  # the row number as Excel shows it (the line number for CSV)
    cells: list[str]  # text per column, merged values filled in
    carried: list[bool]  # copied from a merge anchored in a row above
    across: list[bool]  # copied from a merge anchored to the left in this row

    def own(self, col: int) -> bool:
        """Whether this row itself holds the cell's value (not a copy from a merge)."""
        return bool(self.cells[col]) and not self.carried[col] and not self.across[col]

    def own_values(self) -> list[tuple[int, str]]:
        """(column, text) of every cell this row holds itself."""
        return [(c, text) for c, text in enumerate(self.cells) if self.own(c)]


def _clean(text: str) -> str:
    # Line breaks inside cells are kept (they separate units, milestones, paragraphs) but each line
    # is trimmed and blank lines dropped; `_x000D_` is how some writers store a carriage return.
    text = text.replace("_x000D_", "").replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.strip() for line in text.split("\n") if line.strip())


def _decimals(number_format: str) -> int | None:
    m = re.search(r"0\.(0+)", number_format or "")
    return len(m.group(1)) if m else None


def _cell_text(value: Any, number_format: str = "General") -> str:
    """A cell as the user sees it: dates as ISO days, whole numbers without `.0`."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ", "minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # `2024.10` typed into a cell formatted 0.00 is a float 2024.1: keep the shown decimals.
        places = _decimals(number_format)
        return f"{value:.{places}f}" if places is not None else format(value, ".15g")
    return _clean(str(value))


def _xlsx_lines(ws: Worksheet) -> Iterator[_Line]:
    # A stray value far to the right would make every row that wide; no ledger has 200 columns.
    width = min(ws.max_column or 0, MAX_COLUMNS)
    # Every cell inside a merged range points at the range's top-left cell, which alone holds the
    # value in the file: one entry per merged cell, a few per row even in heavily merged ledgers.
    anchors: dict[tuple[int, int], tuple[int, int]] = {}
    merged_rows: set[int] = set()
    for rng in ws.merged_cells.ranges:
        top, left = rng.min_row, rng.min_col
        merged_rows.update(range(rng.min_row, rng.max_row + 1))
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, min(rng.max_col, width) + 1):
                if (r, c) != (top, left):
                    anchors[(r, c)] = (top, left)
    anchor_text: dict[tuple[int, int], str] = {}
    blank_run = 0
    for number, row in enumerate(ws.iter_rows(min_row=1, max_col=width), start=1):
        # openpyxl creates the cells it is asked for: when a sheet's used range runs on far below
        # the ledger (one formatted cell at row 1,048,576), stop instead of filling memory.
        blank_run = blank_run + 1 if all(c.value is None for c in row) and number not in merged_rows else 0
        if blank_run > MAX_BLANK_ROWS:
            return
        cells: list[str] = []
        carried: list[bool] = []
        across: list[bool] = []
        for col, cell in enumerate(row, start=1):
            anchor = anchors.get((number, col)) if anchors else None
            if anchor is None:
                value = cell.value
                # The number format matters only for decimals; looking it up costs a style lookup.
                cells.append(_cell_text(value, cell.number_format if isinstance(value, float) else "General"))
                carried.append(False)
                across.append(False)
                continue
            if anchor not in anchor_text:
                source = ws.cell(*anchor)
                anchor_text[anchor] = _cell_text(source.value, source.number_format)
            cells.append(anchor_text[anchor])
            carried.append(anchor[0] < number)
            across.append(anchor[0] == number)
        yield _Line(number, cells, carried, across)


def _csv_lines(path: Path) -> Iterator[_Line]:
    raw = path.read_bytes()
    # Excel saves CSV as UTF-8 with a BOM or, on Chinese Windows, as GBK (a subset of GB18030).
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise SheetError("unreadable", "encoding")
    for number, row in enumerate(csv.reader(text.splitlines(keepends=True)), start=1):
        cells = [_clean(c) for c in row]
        yield _Line(number, cells, [False] * len(cells), [False] * len(cells))


# --- the header --------------------------------------------------------------------------------


def _keys(line: _Line) -> dict[int, str]:
    found: dict[int, str] = {}
    for col, text in enumerate(line.cells):
        column = column_for_header(text) if text else None
        if column is not None:
            found[col] = column.key
    return found


def _score(line: _Line) -> int:
    return len(set(_keys(line).values()))


def _group_columns(upper: _Line) -> set[int]:
    """Columns under a cell merged across in `upper` (a group header such as 责任主体)."""
    cols = {c for c, a in enumerate(upper.across) if a}
    cols |= {c for c in range(len(upper.cells) - 1) if upper.own(c) and upper.across[c + 1]}
    return cols


def _is_subheader(upper: _Line, lower: _Line) -> bool:
    """`lower` names the sub-columns of groups merged across in `upper`, and nothing else."""
    # A title merged across the whole width is not a group header (a header row has several
    # cells), nor is a fill-in line merged in two halves (填报单位：… | 填报日期：…).
    texts = {t for _c, t in upper.own_values()}
    if len(texts) < 2 or any(_FOOTER.match(t) for t in texts):
        return False
    groups = _group_columns(upper)
    mine = [c for c, _t in lower.own_values()]
    return bool(mine) and all(c in groups for c in mine)


@dataclass
class _Header:
    first: int  # index into the lines of the first header row
    last: int
    columns: dict[int, str]  # column index → key
    texts: dict[str, str]  # key → header text as written
    ignored: list[str]


def _header_from(lines: list[_Line], first: int, last: int) -> _Header:
    upper, lower = lines[first], lines[last]
    columns: dict[int, str] = {}
    texts: dict[str, str] = {}
    ignored: list[str] = []
    for col in range(max(len(upper.cells), len(lower.cells))):
        # A sub-column's own name wins (牵头单位 under 责任主体); otherwise the group's name applies
        # to each of its sub-columns (several 时间节点 columns are read together).
        candidates = [lower.cells[col] if col < len(lower.cells) else ""]
        if last != first and col < len(upper.cells):
            candidates.append(upper.cells[col])
        for text in candidates:
            column = column_for_header(text) if text else None
            if column is not None:
                columns[col] = column.key
                texts.setdefault(column.key, normalise_header(text))
                break
        else:
            written = "/".join(dict.fromkeys(normalise_header(t) for t in reversed(candidates) if t))
            if written and written not in ignored:
                ignored.append(written)
    return _Header(first, last, columns, texts, ignored)


def _find_header(lines: list[_Line]) -> _Header | None:
    scores = [_score(line) for line in lines]
    if not scores:
        return None
    best = max(range(len(lines)), key=lambda i: (scores[i], -i))
    if best > 0 and _is_subheader(lines[best - 1], lines[best]):
        header = _header_from(lines, best - 1, best)
    elif best + 1 < len(lines) and _is_subheader(lines[best], lines[best + 1]):
        header = _header_from(lines, best, best + 1)
    else:
        header = _header_from(lines, best, best)
    keys = set(header.columns.values())
    # Two named columns, one of them the task itself, tell a header from a stray line of text.
    if len(keys) < 2 or not keys & {"title", "text"}:
        return None
    return header


# --- title, year, sections, footers ----------------------------------------------------------

_YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)|([〇零一二三四五六七八九]{4})年")
_FILL_DATE = re.compile(
    r"(?:填报|报送|统计|更新)(?:日期|时间)\s*[:：]?\s*(?P<y>\d{4})\s*[年./\-]|(?:截至|截止)(?:日期)?\s*[:：]?\s*(?P<y2>\d{4})\s*年"
)
_FOOTER = re.compile(
    r"^(?:注|备注|说明|填报人|填报单位|填报日期|填报时间|报送日期|审核人|审核|制表人|制表|联系人|联系电话|签发人|负责人)"
    r"\s*\d*\s*[:：]"
)
_ATTACHMENT = re.compile(r"^附件\s*\d*$|^附表\s*\d*$")
_CN_NUM = "一二三四五六七八九十百"
_LEVEL1 = re.compile(rf"^(?:[{_CN_NUM}]+\s*[、.．]|第[{_CN_NUM}]+(?:部分|章|篇|类|项|板块))")
_LEVEL2 = re.compile(rf"^[（(][{_CN_NUM}]+[）)]")
_BARE_CN_NUM = re.compile(rf"^(?:[{_CN_NUM}]+[、.．]?|[（(][{_CN_NUM}]+[）)])$")


def _year_of_title(title: str) -> int | None:
    m = _YEAR_IN_TITLE.search(title)
    if m is None:
        return None
    return int(m.group(1)) if m.group(1) else small_number(m.group(2))


def _fill_year(texts: Iterable[str]) -> int | None:
    for text in texts:
        m = _FILL_DATE.search(text)
        if m:
            return int(m.group("y") or m.group("y2"))
    return None


def _section_level(label: str) -> int:
    if _LEVEL2.match(label):
        return 2
    return 1


def _section_label(line: _Line, columns: dict[int, str]) -> str | None:
    """The label when `line` is a section row (`一、稳增长`), else None."""
    own = line.own_values()
    if len(own) == 1:
        col, text = own[0]
        merged_across = col + 1 < len(line.cells) and line.across[col + 1]
        if merged_across:
            return text.replace("\n", "")
        # A numbered label alone on its row is a section, unless a merge from above runs through
        # the row: then it is a task whose other cells are shared with the rows above.
        inside_merge = any(line.carried[c] and line.cells[c] for c in range(len(line.cells)))
        if (_LEVEL1.match(text) or _LEVEL2.match(text)) and not inside_merge:
            return text.replace("\n", "")
        return None
    if len(own) == 2:
        # 序号 `一` and 工作任务 `稳增长` on an otherwise empty row: a section numbered in the 序号 column.
        (c1, seq), (c2, title) = own
        if columns.get(c1) == "seq" and columns.get(c2) in ("title", "text") and _BARE_CN_NUM.match(seq):
            joiner = "" if seq.endswith(("、", ".", "．", "）", ")")) else "、"
            return f"{seq}{joiner}{title}".replace("\n", "")
    return None


def _is_footer(line: _Line) -> bool:
    own = line.own_values()
    return bool(own) and all(_FOOTER.match(text) for _c, text in own)


def _is_numbering(line: _Line) -> bool:
    """A row of column numbers (1 2 3 …) printed under the header."""
    own = [t for _c, t in line.own_values()]
    return len(own) >= 3 and own == [str(i) for i in range(1, len(own) + 1)]


def _row_values(line: _Line, by_key: dict[str, list[int]]) -> tuple[dict[str, str], tuple[str, ...]]:
    values: dict[str, str] = {}
    carried: list[str] = []
    for key, cols in by_key.items():
        parts: list[str] = []
        own = False
        for col in cols:
            if col >= len(line.cells) or not line.cells[col] or line.across[col]:
                continue  # a merge across sub-columns repeats one value: read it once
            if line.cells[col] not in parts:
                parts.append(line.cells[col])
            own = own or not line.carried[col]
        if parts:
            values[key] = "\n".join(parts)
            if not own:
                carried.append(key)
    return values, tuple(carried)


def _parse(lines: Iterator[_Line], sheet_name: str) -> LedgerSheet:
    top: list[_Line] = []
    for line in lines:
        top.append(line)
        if len(top) >= HEADER_SEARCH_ROWS:
            break
    header = _find_header(top)
    if header is None:
        raise SheetError("no_header", sheet_name)
    above = top[: header.first]
    above_texts = [t for line in above for _c, t in line.own_values()]
    title = next(
        (t.replace("\n", "") for t in above_texts if not _FOOTER.match(t) and not _ATTACHMENT.match(t)), ""
    )
    year = _year_of_title(title) if title else None
    year_source: Literal["title", "fill_date"] | None = "title" if year else None
    fill_texts: list[str] = [t for t in above_texts if t != title]

    by_key: dict[str, list[int]] = {}
    for col, key in sorted(header.columns.items()):
        by_key.setdefault(key, []).append(col)
    rows: list[LedgerRow] = []
    stack: list[tuple[int, str]] = []
    body = [*top[header.last + 1 :]]
    first_body = True

    def walk(line: _Line) -> None:
        nonlocal first_body, stack
        if not any(line.own(c) for c in range(len(line.cells))):
            return  # empty, or only the tail of a merge from above
        if first_body:
            first_body = False
            if _is_numbering(line):
                return
        if _is_footer(line):
            fill_texts.extend(t for _c, t in line.own_values())
            return
        label = _section_label(line, header.columns)
        if label is not None:
            level = _section_level(label)
            stack = [s for s in stack if s[0] < level] + [(level, label)]
            return
        values, carried = _row_values(line, by_key)
        section = SECTION_SEPARATOR.join(s[1] for s in stack)
        rows.append(LedgerRow(line.number, section, values, carried))

    for line in body:
        walk(line)
    for line in lines:
        walk(line)
    if year is None:
        year = _fill_year(fill_texts)
        year_source = "fill_date" if year else None
    return LedgerSheet(
        title=title,
        year=year,
        header_row=top[header.last].number,
        rows=rows,
        sheet_name=sheet_name,
        year_source=year_source,
        columns=header.texts,
        ignored_headers=header.ignored,
    )


def _best_sheet(sheets: list[Worksheet]) -> Worksheet:
    # A workbook may hold a cover sheet or notes before the ledger: take the sheet whose first rows
    # look most like a ledger header, the first one on a tie.
    def score(ws: Worksheet) -> int:
        best = 0
        for i, line in enumerate(_xlsx_lines(ws)):
            if i >= HEADER_SEARCH_ROWS:
                break
            best = max(best, _score(line))
        return best

    return max(sheets, key=lambda ws: (score(ws), -sheets.index(ws)))


def read_ledger(path: Path | str) -> LedgerSheet:
    """Read a ledger from an .xlsx/.xlsm workbook or a .csv file (UTF-8 or GB18030).

    Raises `SheetError` when the file is missing, is not a workbook, or has no ledger header.
    """
    path = Path(path)
    if not path.is_file():
        raise SheetError("missing", str(path))
    if path.suffix.lower() == ".csv":
        return _parse(_csv_lines(path), path.stem)
    try:
        # data_only: a 序号 column written as =ROW()-3 reads as the number Excel last showed.
        workbook = load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetError("unreadable", str(exc)) from None
    try:
        sheets: list[Worksheet] = [ws for ws in workbook.worksheets if isinstance(ws, Worksheet)]
        if not sheets:
            raise SheetError("no_header", path.name)
        ws = _best_sheet(sheets) if len(sheets) > 1 else sheets[0]
        return _parse(_xlsx_lines(ws), ws.title)
    finally:
        workbook.close()
