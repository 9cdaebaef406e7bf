"""The demo county (青川县): its organisation, people and a year's ledger, loaded through the
same import paths an office uses. Deadlines are placed around `today` so every health state shows."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from luoshi.data import demo_path
from luoshi.ingestion.ledger_io import import_ledger
from luoshi.ledger import actions
from luoshi.ledger.models import Task
from luoshi.org.actions import add_portfolio, create_person, import_units
from luoshi.org.models import Person, Role, Unit
from luoshi.org.unitlist import read_unit_list

OFFICE_USER = "duchashi"

# (section, title, text, lead, co-units, leader, person, days from today to the deadline or a
#  deadline phrase, what happens to it in the demo)
LEDGER: list[tuple[str, str, str, str, str, str, str, int | str, str]] = [
    (
        "一、稳增长",
        "重点项目开工",
        "推动12个省市重点项目全部开工，完成年度投资计划",
        "县发改局",
        "县财政局",
        "张副县长",
        "李明",
        40,
        "behind",
    ),
    (
        "一、稳增长",
        "一季度开门红",
        "开展一季度“开门红”系列活动，稳预期、强信心",
        "县发改局",
        "",
        "张副县长",
        "李明",
        -20,
        "done",
    ),
    (
        "一、稳增长",
        "招商引资",
        "新签约亿元以上项目8个以上",
        "县发改局",
        "城关镇、河西镇",
        "张副县长",
        "王强",
        120,
        "on_track",
    ),
    (
        "一、稳增长",
        "财政收支平衡",
        "一般公共预算收入增长5%左右，每季度报送收支情况",
        "县财政局",
        "",
        "张副县长",
        "赵敏",
        "每季度",
        "reported",
    ),
    (
        "二、惠民生",
        "义务教育学位",
        "新增义务教育学位1200个，秋季学期前投入使用",
        "县教育局",
        "县住建局",
        "刘副县长",
        "孙丽",
        -3,
        "overdue",
    ),
    (
        "二、惠民生",
        "老旧小区改造",
        "完成老旧小区改造15个，惠及居民3200户",
        "县住建局",
        "城关镇",
        "刘副县长",
        "周杰",
        75,
        "milestones",
    ),
    (
        "二、惠民生",
        "基层医疗",
        "建成村卫生室标准化改造30个",
        "县卫健局",
        "青山乡",
        "刘副县长",
        "吴芳",
        150,
        "signed",
    ),
    (
        "三、强三农",
        "高标准农田",
        "建设高标准农田2万亩，春耕前完成主体工程",
        "县农业农村局",
        "河西镇、青山乡",
        "张副县长",
        "郑伟",
        10,
        "behind",
    ),
    (
        "三、强三农",
        "防返贫监测",
        "健全防止返贫动态监测机制，每月开展排查",
        "县农业农村局",
        "各乡镇",
        "张副县长",
        "郑伟",
        "长期坚持",
        "reported",
    ),
]

PEOPLE: list[tuple[str, str, str, str]] = [
    (OFFICE_USER, "王主任（督查室）", "县政府督查室", Role.SUPERVISOR),
    ("fagai", "李明（县发改局联络员）", "县发改局", Role.LIAISON),
    ("nongye", "郑伟（县农业农村局联络员）", "县农业农村局", Role.LIAISON),
    ("jiaoyu", "孙丽（县教育局联络员）", "县教育局", Role.LIAISON),
    ("zhujian", "周杰（县住建局联络员）", "县住建局", Role.LIAISON),
    ("caizheng", "赵敏（县财政局联络员）", "县财政局", Role.LIAISON),
    ("weijian", "吴芳（县卫健局联络员）", "县卫健局", Role.LIAISON),
]


@dataclass
class DemoLoad:
    password: str
    created_units: int
    imported_tasks: int
    ledger_file: Path


def _deadline_cell(value: int | str, today: dt.date) -> str:
    if isinstance(value, str):
        return value
    day = today + dt.timedelta(days=value)
    return f"{day.year}年{day.month}月{day.day}日前"


def write_ledger(path: Path, today: dt.date) -> None:
    """The demo ledger as an office keeps it: a title row, a two-row header, section rows."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws.append([f"青川县{today.year}年重点工作任务台账"])
    ws.merge_cells("A1:J1")
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(
        [
            "序号",
            "工作任务",
            "具体内容",
            "牵头领导",
            "责任主体",
            None,
            "责任人",
            "完成时限",
            "进展情况",
            "备注",
        ]
    )
    ws.append([None, None, None, None, "牵头单位", "配合单位", None, None, None, None])
    for col in "ABCDGHIJ":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("E2:F2")
    section, seq = "", 0
    for sec, title, text, lead, co, leader, person, due, _fate in LEDGER:
        if sec != section:
            section, seq = sec, 0
            ws.append([sec])
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=10)
        seq += 1
        ws.append([seq, title, text, leader, lead, co, person, _deadline_cell(due, today), "", ""])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    wb.save(path)


def _password(data_dir: Path) -> str:
    # Kept beside the database so re-running the demo prints the same sign-in.
    file = data_dir / "demo-password"
    if file.exists():
        return file.read_text().strip()
    password = secrets.token_urlsafe(9)
    file.write_text(password)
    file.chmod(0o600)
    return password


def load_demo(*, data_dir: Path, today: dt.date) -> DemoLoad:
    """Load (or top up) the demo county; running it again changes nothing."""
    data_dir.mkdir(parents=True, exist_ok=True)
    password = _password(data_dir)
    units = import_units(actor=None, rows=read_unit_list(demo_path("units.csv")))
    directory = {u.short_name: u for u in Unit.objects.exclude(short_name="")}
    for username, name, unit, role in PEOPLE:
        if not Person.objects.filter(username=username).exists():
            create_person(
                actor=None,
                username=username,
                password=password,
                display_name=name,
                unit=directory[unit],
                role=role,
            )
    if not Person.objects.filter(username="zhang").exists():
        leader = create_person(actor=None, username="zhang", password=password, display_name="张副县长")
        for unit in ("县发改局", "县财政局", "县农业农村局"):
            add_portfolio(actor=None, leader=leader, unit=directory[unit])
    office = Person.objects.get(username=OFFICE_USER)
    ledger_file = data_dir / "demo-ledger.xlsx"
    imported = 0
    if not Task.objects.exists():
        start = today - dt.timedelta(days=60)
        write_ledger(ledger_file, today)
        report = import_ledger(actor=office, path=ledger_file, today=start)
        imported = report.created
        _play(today=today, start=start)
    return DemoLoad(password, len(units.created), imported, ledger_file)


def _play(*, today: dt.date, start: dt.date) -> None:
    """Move the demo tasks through the lifecycle so the ledger shows every health state."""
    office = Person.objects.get(username=OFFICE_USER)
    for _s, title, *_rest, fate in LEDGER:
        task = Task.objects.select_related("lead_unit").get(title=title)
        liaison = Person.objects.filter(
            memberships__unit=task.lead_unit, memberships__role=Role.LIAISON
        ).first()
        if liaison is None or fate == "on_track":
            continue
        actions.sign_for(actor=liaison, task=task)
        if fate == "signed":
            continue
        if fate == "milestones":
            for i, step in enumerate(("完成摸底调查", "完成设计招标", "全面开工", "竣工验收"), start=1):
                m = actions.add_milestone(
                    actor=liaison, task=task, title=step, due=start + dt.timedelta(days=30 * i)
                )
                if i <= 2:
                    actions.finish_milestone(
                        actor=liaison, milestone=m, on=start + dt.timedelta(days=30 * i - 2)
                    )
            continue
        percent = {"behind": 20, "overdue": 60, "reported": 50, "done": 100}[fate]
        actions.report_progress(
            actor=liaison,
            task=task,
            on=today - dt.timedelta(days=5),
            text=f"已完成{percent}%，按计划推进",
            percent=percent,
        )
        if fate == "done":
            actions.complete(
                actor=liaison, task=task, on=today - dt.timedelta(days=25), text="活动已全部开展"
            )
            actions.close(
                actor=office, task=task, on=today - dt.timedelta(days=22), reason="材料齐全，同意销号"
            )
