"""The column layout of an office's task ledger (台账), shared by every reader and writer.

Offices name the same column many ways; `LEDGER_COLUMNS` lists the canonical header we write
first, then the variants we accept when reading. Readers match a header cell after removing
white space and line breaks.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LedgerColumn:
    key: str  # the field name used in code
    header: str  # the header we write
    variants: tuple[str, ...]  # other headers we accept when reading


LEDGER_COLUMNS: tuple[LedgerColumn, ...] = (
    LedgerColumn("seq", "序号", ("编号", "序")),
    LedgerColumn(
        "title", "工作任务", ("任务", "重点任务", "任务名称", "工作事项", "事项", "任务事项", "目标任务")
    ),
    LedgerColumn(
        "text", "具体内容", ("工作措施", "具体措施", "主要内容", "任务内容", "工作内容", "具体任务")
    ),
    LedgerColumn("lead_leader", "牵头领导", ("责任领导", "分管领导", "牵头市领导", "责任市领导")),
    LedgerColumn("lead_unit", "牵头单位", ("责任单位", "牵头部门", "责任部门", "主责单位")),
    LedgerColumn("co_units", "配合单位", ("协办单位", "配合部门", "协办部门", "参与单位")),
    LedgerColumn("responsible", "责任人", ("具体责任人", "联系人")),
    LedgerColumn(
        "deadline",
        "完成时限",
        ("时间节点", "完成时间", "时限要求", "办结时限", "时限", "计划完成时间", "完成时限要求"),
    ),
    LedgerColumn("progress", "进展情况", ("工作进展", "推进情况", "完成情况", "进度")),
    LedgerColumn("health", "状态", ("健康度", "督办状态")),
    LedgerColumn("note", "备注", ("说明",)),
    # Luoshi's own task id, written on export so that re-importing the file finds the same tasks
    # instead of creating them again; empty for rows the office adds by hand.
    LedgerColumn("task_id", "系统编号", ("系统ID", "任务ID", "ID")),
)

# Columns Luoshi writes in an exported ledger, in order (import ignores `health`).
EXPORT_KEYS: tuple[str, ...] = tuple(c.key for c in LEDGER_COLUMNS)


def normalise_header(cell: str) -> str:
    """Strip the white space, line breaks and stray colons people type into header cells."""
    return "".join(cell.split()).strip(":：*")


def column_for_header(cell: str) -> LedgerColumn | None:
    """The ledger column a header cell names, or None when it is not one we know."""
    name = normalise_header(cell)
    for column in LEDGER_COLUMNS:
        if name == column.header or name in column.variants:
            return column
    return None
