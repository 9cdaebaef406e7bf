"""Reading a unit list as offices keep it: 单位名称, 上级单位, 类型, 考核分组, 简称/别名."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from django.utils.translation import gettext as _

from luoshi.org.actions import UnitRow
from luoshi.org.errors import InvalidInput

COLUMNS: dict[str, tuple[str, ...]] = {
    "name": ("单位名称", "单位", "名称", "name"),
    "parent": ("上级单位", "上级", "主管单位", "parent"),
    "kind": ("类型", "单位类型", "kind"),
    "peer_group": ("考核分组", "分组", "peer_group"),
    "names": ("简称/别名", "简称", "别名", "简称别名", "aliases"),
}


def _rows_of(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise InvalidInput(_("%(path)s: no such file") % {"path": path})
    suffix = path.suffix.lower()
    if suffix in {".xlsx", ".xlsm"}:
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as exc:
            raise InvalidInput(
                _("%(path)s: not a readable Excel file (%(error)s)") % {"path": path.name, "error": exc}
            ) from None
        return [
            ["" if v is None else str(v).strip() for v in row] for row in sheet.iter_rows(values_only=True)
        ]
    if suffix == ".csv":
        data = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            raise InvalidInput(_("%(path)s: neither UTF-8 nor GB18030") % {"path": path.name})
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text))]
    raise InvalidInput(_("%(path)s: expected an .xlsx or .csv file") % {"path": path.name})


def read_unit_list(path: Path) -> list[UnitRow]:
    """The unit rows of a file; the header row is found among the first ten rows."""
    rows = _rows_of(path)
    header_at = -1
    for index, row in enumerate(rows[:10]):
        header = {"".join(cell.split()): i for i, cell in enumerate(row)}
        header_at = index
        found = {
            key: next((header[v] for v in variants if v in header), None) for key, variants in COLUMNS.items()
        }
        if found["name"] is not None:
            break
    else:
        raise InvalidInput(_("%(path)s: no header row with a 单位名称 column") % {"path": path.name})

    def cell(row: list[str], key: str) -> str:
        i = found[key]
        return row[i] if i is not None and i < len(row) else ""

    out = []
    for line, row in enumerate(rows[header_at + 1 :], start=header_at + 2):
        if not any(row):
            continue
        names = tuple(n for n in re.split(r"[、,，;；/\s]+", cell(row, "names")) if n)
        out.append(
            UnitRow(
                line,
                cell(row, "name"),
                cell(row, "parent"),
                cell(row, "kind"),
                cell(row, "peer_group"),
                names,
            )
        )
    return out
