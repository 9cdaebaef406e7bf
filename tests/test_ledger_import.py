"""Importing and exporting an office's Excel ledger (台账), from the messy files offices really keep.

The workbooks are built here with openpyxl, so no binary fixture is committed and every cell the
assertions talk about is visible in `messy_ledger`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from openpyxl import Workbook, load_workbook

from luoshi.audit.models import Event
from luoshi.ingestion.ledger_io import ImportReport, export_ledger, import_ledger
from luoshi.ingestion.sheets import read_ledger
from luoshi.ledger import actions as ledger
from luoshi.ledger.models import Cadence, SourceKind, Status, Task
from luoshi.org import actions as org
from luoshi.org.errors import NotAllowed
from luoshi.org.models import Unit
from luoshi.testing import Cast

TODAY = dt.date(2024, 3, 10)

# Row numbers of the messy ledger, as Excel shows them.
ROW_PROJECTS, ROW_INVEST, ROW_CONSUME, ROW_HOUSING, ROW_SAFETY, ROW_NO_TEXT, ROW_BUSINESS, ROW_TBD = (
    7,
    8,
    10,
    13,
    14,
    15,
    16,
    17,
)


@pytest.fixture(autouse=True)
def _messages_in_english(english: object) -> None:
    """These tests check what refusals say; the wording is asserted in English."""


def messy_ledger(path: Path) -> Path:
    """An office's ledger as it arrives: an attachment mark, a title, a fill-in line, a two-row
    header under merged group cells, sections, cells merged down, line breaks inside cells, mixed
    deadline styles, a unit known only by its short name, a misspelt unit, an unknown unit, an
    empty row, a row with no task text, an unreadable deadline and a footer."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "台账"
    ws["A1"] = "附件1"
    ws["A2"] = "2024年重点工作任务台账"
    ws.merge_cells("A2:K2")
    # The fill-in line, merged in two halves above the header.
    ws["A3"], ws["F3"] = "填报单位：示范市人民政府督查室", "填报日期：2024年3月5日"
    ws.merge_cells("A3:E3")
    ws.merge_cells("F3:K3")
    # Two header rows: 责任主体 over 牵头单位 | 配合单位, 时间节点 over 阶段节点 | 完成时限.
    for col, name in zip(
        "ABCDGJK", ["序号", "工作任务", "具体内容", "牵头领导", "责任人", "进展情况", "备注"], strict=True
    ):
        ws[f"{col}4"] = name
        ws.merge_cells(f"{col}4:{col}5")
    ws["E4"] = "责任主体"
    ws.merge_cells("E4:F4")
    ws["E5"], ws["F5"] = "牵头单位", "配合单位"
    ws["H4"] = "时间节点"
    ws.merge_cells("H4:I4")
    ws["H5"], ws["I5"] = "阶段节点", "完成时限"
    ws["A6"] = "一、稳增长"
    ws.merge_cells("A6:K6")
    ws.append(
        [
            1,
            "推进重大项目\n建设",
            "1.完成项目谋划\n2.开工建设",
            "黎副市长",
            "市发改委",
            "示范市财政局",
            "张三",
            "6月底前完成方案",
            "2024年12月底",
            "已完成谋划10个",
            "",
        ]
    )
    ws.append([2, "扩大有效投资", "争取专项债券", None, None, None, "李四", None, "6月30日前", None, "重点"])
    # 牵头领导 and 牵头单位 merged down over both tasks.
    ws.merge_cells("D7:D8")
    ws.merge_cells("E7:E8")
    ws["A9"] = "（一）促进消费"
    ws.merge_cells("A9:K9")
    ws.append([3, "举办消费季活动", None, None, "农业局", "市发改局", None, None, "2024.6", None, None])
    ws.append([])  # an empty row
    ws["A12"] = "二、惠民生"
    ws.merge_cells("A12:K12")
    ws.append([4, "推进老旧小区改造", None, None, "市住建局", None, None, None, "长期坚持", None, None])
    ws.append([5, "开展安全生产检查", None, None, "市财政局", None, None, None, "每季度", None, None])
    ws.append([6, None, None, None, "市财政局", None, None, None, "2024年6月底", None, None])
    ws.append(
        [
            7,
            "优化营商环境",
            "压缩审批时限",
            None,
            "示范市财政局、示范市农业农村局",
            # 和 inside a unit's own name (发展和改革) and between two units
            "示范市发展和改革委员会和市农业农村局",
            "王五",
            None,
            "2024年6月底",
            "正在起草方案",
            None,
        ]
    )
    ws.append([8, "建设智慧城市", None, None, "示范市财政局", None, None, None, "待定", None, None])
    ws["A18"] = "填报人：赵六        联系电话：12345678"
    ws.merge_cells("A18:K18")
    wb.save(path)
    return path


@pytest.fixture
def finance(cast: Cast) -> Unit:
    """示范市财政局, written in ledgers by its short name 市财政局."""
    return org.add_unit(actor=None, name="示范市财政局", parent=cast.city, short_name="市财政局")


@pytest.fixture
def messy(tmp_path: Path, finance: Unit) -> Path:
    return messy_ledger(tmp_path / "台账.xlsx")


def counts() -> tuple[int, int]:
    return Task.objects.count(), Event.objects.count()


def run(path: Path, **options: object) -> ImportReport:
    with translation.override("en"):
        return import_ledger(actor=None, path=path, today=TODAY, **options)  # type: ignore[arg-type]


def row(report: ImportReport, number: int) -> object:
    return next(r for r in report.rows if r.row == number)


# --- reading ---------------------------------------------------------------------------------------


def test_reader_finds_title_year_two_row_header_sections_and_merged_cells(messy: Path) -> None:
    sheet = read_ledger(messy)
    assert sheet.title == "2024年重点工作任务台账"
    assert (sheet.year, sheet.year_source, sheet.header_row) == (2024, "title", 5)
    assert sheet.columns["lead_unit"] == "牵头单位" and sheet.columns["deadline"] == "时间节点"
    assert [r.row_number for r in sheet.rows] == [7, 8, 10, 13, 14, 15, 16, 17]
    by_row = {r.row_number: r for r in sheet.rows}
    assert by_row[7].values["title"] == "推进重大项目\n建设"
    # Both 时间节点 sub-columns are read as the deadline, in column order.
    assert by_row[7].values["deadline"] == "6月底前完成方案\n2024年12月底"
    assert by_row[8].values["lead_unit"] == "市发改委" and by_row[8].carried == ("lead_leader", "lead_unit")
    assert by_row[7].section == by_row[8].section == "一、稳增长"
    assert by_row[10].section == "一、稳增长 / （一）促进消费"
    assert by_row[13].section == "二、惠民生"
    assert "title" not in by_row[15].values


def test_reader_takes_the_year_from_the_fill_in_date_and_reads_gb18030_csv(tmp_path: Path) -> None:
    path = tmp_path / "ledger.csv"
    text = (
        "重点工作台账\n填报日期：2023年12月1日\n序号,工作任务,责任单位,完成时限\n"
        "1,修缮道路,市交通局,6月底前\n"
    )
    path.write_bytes(text.encode("gb18030"))
    sheet = read_ledger(path)
    assert (sheet.year, sheet.year_source, sheet.title) == (2023, "fill_date", "重点工作台账")
    assert sheet.rows[0].values == {
        "seq": "1",
        "title": "修缮道路",
        "lead_unit": "市交通局",
        "deadline": "6月底前",
    }


def test_reader_handles_sections_in_the_seq_column_a_numbering_row_and_typed_dates(tmp_path: Path) -> None:
    path = tmp_path / "plain.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["重点工作台账"])
    ws.append(["序号", "重点任务", "责任单位", "完成时间", "备注"])
    ws.append([1, 2, 3, 4, 5])  # column numbers printed under the header
    ws.append(["一", "稳增长"])
    ws.append([1, "项目甲", "市发改委", dt.datetime(2024, 6, 30), None])
    ws.append(["（一）", "促消费"])
    ws.append([2, "项目乙", "市发改委", "2024/6/30", None])
    ws.append(["注：本表由各单位填报"])
    wb.save(path)
    sheet = read_ledger(path)
    assert (sheet.title, sheet.year, sheet.header_row) == ("重点工作台账", None, 2)
    assert [(r.row_number, r.section, r.values) for r in sheet.rows] == [
        (5, "一、稳增长", {"seq": "1", "title": "项目甲", "lead_unit": "市发改委", "deadline": "2024-06-30"}),
        (
            7,
            "一、稳增长 / （一）促消费",
            {"seq": "2", "title": "项目乙", "lead_unit": "市发改委", "deadline": "2024/6/30"},
        ),
    ]


# --- importing -------------------------------------------------------------------------------------


def test_refused_rows_mean_nothing_is_written(messy: Path) -> None:
    before = counts()
    report = run(messy)
    assert counts() == before
    assert not report.written and report.created == 0
    assert (report.read, report.new, report.refused) == (8, 6, 2)
    assert report.refusals() == [
        "row 15: no task text",
        "row 17: cannot read the deadline 待定",
    ]
    assert report.lines()[-1] == (
        "nothing was written: fix the refused rows, or import the others with --partial"
    )


def test_report_says_what_was_read_guessed_and_unknown(messy: Path, cast: Cast) -> None:
    report = run(messy, dry_run=True)
    assert (report.year, report.year_source, report.header_row) == (2024, "title", 5)
    assert report.ignored_headers == []

    def codes(number: int) -> list[str]:
        r = row(report, number)
        return [f.code for f in (*r.guesses, *r.warnings)]  # type: ignore[attr-defined]

    assert codes(ROW_PROJECTS) == [
        "title_joined",
        "several_dates",
        "unit_matched",
        "leader_matched",
    ]
    assert codes(ROW_INVEST) == ["carried_down", "year_guessed", "unit_matched", "leader_matched"]
    assert codes(ROW_CONSUME) == ["unit_matched", "unknown_unit"]
    assert codes(ROW_HOUSING) == ["unknown_unit", "draft_no_lead"]
    assert codes(ROW_BUSINESS) == ["unit_matched", "several_leads"]
    messages = [f.message for f in row(report, ROW_INVEST).guesses]  # type: ignore[attr-defined]
    assert messages == [
        "牵头领导、牵头单位 carried down from the merged cell above",
        "deadline 6月30日前 read as 2024-06-30, the year from the title",
        "市发改委 read as 示范市发展和改革委员会 (short name)",
        "lead leader 黎副市长 is the user leo",
    ]
    unknown = {u.name: (u.rows, u.suggestion) for u in report.unknown_units}
    # A misspelt unit is offered, never used; an unknown one is kept without a guess.
    assert unknown == {
        "市发改局": ([ROW_CONSUME], "示范市发展和改革委员会"),
        "市住建局": ([ROW_HOUSING], None),
    }
    with translation.override("en"):
        text = "\n".join(report.lines())
    assert "  市发改局 (rows 10): did you mean 示范市发展和改革委员会?" in text
    assert (
        "row 10: 配合单位 市发改局 is not a known unit, kept as text (did you mean 示范市发展和改革委员会?)"
        in text
    )
    assert text.endswith("dry run: nothing was written")


def test_dry_run_writes_nothing(messy: Path) -> None:
    before = counts()
    report = run(messy, dry_run=True, partial=True)
    assert counts() == before
    assert (report.new, report.created, report.written) == (6, 0, False)


def test_partial_imports_the_good_rows(messy: Path, cast: Cast, finance: Unit) -> None:
    tasks, events = counts()
    report = run(messy, partial=True)
    assert report.written and (report.created, report.drafts, report.refused) == (6, 1, 2)
    assert counts() == (tasks + 6, events + 6)
    by_title = {t.title: t for t in Task.objects.filter(kind=SourceKind.SPREADSHEET)}
    projects = by_title["推进重大项目建设"]
    assert projects.status == Status.ASSIGNED and projects.assigned_on == TODAY
    assert projects.lead_unit == cast.ndrc and list(projects.co_units.all()) == [finance]
    assert projects.deadline == dt.date(2024, 12, 31)
    assert projects.text == "1.完成项目谋划\n2.开工建设"
    assert (projects.seq, projects.section) == ("1", "一、稳增长")
    assert projects.lead_leader == cast.leo and projects.responsible_name == "张三"
    invest = by_title["扩大有效投资"]
    assert (invest.lead_unit, invest.lead_leader_name, invest.deadline) == (
        cast.ndrc,
        "黎副市长",
        dt.date(2024, 6, 30),
    )
    assert invest.note == "重点"
    consume = by_title["举办消费季活动"]
    assert consume.deadline == dt.date(2024, 6, 30) and consume.lead_unit == cast.agri
    assert (
        consume.unresolved == {"co_units": ["市发改局"]} and consume.section == "一、稳增长 / （一）促进消费"
    )
    housing = by_title["推进老旧小区改造"]
    assert housing.status == Status.DRAFT and housing.lead_unit is None
    assert housing.unresolved == {"lead_unit": ["市住建局"]}
    assert (housing.deadline, housing.deadline_text) == (None, "长期坚持")
    safety = by_title["开展安全生产检查"]
    assert (safety.deadline, safety.cadence, safety.lead_unit) == (None, Cadence.QUARTERLY, finance)
    business = by_title["优化营商环境"]
    assert business.lead_unit == finance and set(business.co_units.all()) == {cast.agri, cast.ndrc}
    created = Event.objects.get(kind="task.create", subject_id=str(projects.pk))
    assert created.after["progress_text"] == "已完成谋划10个"


def test_as_draft_imports_drafts(messy: Path) -> None:
    run(messy, partial=True, as_draft=True)
    assert set(Task.objects.values_list("status", flat=True)) == {Status.DRAFT}


def test_only_the_office_imports(messy: Path, cast: Cast) -> None:
    with pytest.raises(NotAllowed):
        import_ledger(actor=cast.alice, path=messy, today=TODAY)
    report = import_ledger(actor=cast.olga, path=messy, today=TODAY, partial=True)
    assert report.created == 6
    assert Event.objects.filter(kind="task.create", actor_id=cast.olga.pk).count() == 6


def test_importing_the_same_file_twice_changes_nothing(messy: Path) -> None:
    run(messy, partial=True)
    before = counts()
    again = run(messy, partial=True)
    assert counts() == before
    assert (again.created, again.unchanged, again.differs) == (0, 6, 0)


def test_export_then_reimport_changes_nothing(messy: Path, tmp_path: Path, cast: Cast) -> None:
    run(messy, partial=True)
    # A unit reports progress: the export carries the newest progress text.
    business = Task.objects.get(title="优化营商环境")
    cast_unit_member = org.create_person(
        actor=None,
        username="fiona",
        password=None,
        display_name="菲奥娜",
        unit=business.lead_unit,
        role="liaison",
    )
    ledger.sign_for(actor=cast_unit_member, task=business)
    ledger.report_progress(actor=cast_unit_member, task=business, on=TODAY, text="方案已印发")
    # A task made in Luoshi, without a section or a deadline as written, whose deadline was extended.
    typed = cast.task("建设城市书房")
    ledger.extend(actor=cast.olga, task=typed, new_deadline=dt.date(2024, 9, 30), reason="选址调整")
    exported = tmp_path / "export.xlsx"
    assert export_ledger(person=None, path=exported, today=TODAY) == 7
    before = counts()
    report = run(exported)
    assert counts() == before
    assert (report.read, report.created, report.unchanged, report.differs, report.refused) == (7, 0, 7, 0, 0)
    assert report.unchanged == Task.objects.count()


def test_export_looks_like_the_office_ledger(messy: Path, tmp_path: Path, cast: Cast) -> None:
    run(messy, partial=True)
    exported = tmp_path / "export.xlsx"
    with translation.override("en"):
        export_ledger(person=None, path=exported, today=TODAY)
    ws = load_workbook(exported).active
    assert ws is not None
    assert ws["A1"].value == "2024 key tasks ledger"
    assert [c.value for c in ws[2]] == [
        "序号",
        "工作任务",
        "具体内容",
        "牵头领导",
        "牵头单位",
        "配合单位",
        "责任人",
        "完成时限",
        "进展情况",
        "状态",
        "备注",
        "系统编号",
    ]
    assert ws.freeze_panes == "C3"
    assert ws["A3"].value == "一、稳增长" and "A3:L3" in {str(r) for r in ws.merged_cells.ranges}
    first = [c.value for c in ws[4]]
    assert first[1:3] == ["推进重大项目建设", "1.完成项目谋划\n2.开工建设"]
    assert first[4:6] == ["示范市发展和改革委员会", "示范市财政局"]
    assert first[8:10] == ["已完成谋划10个", "on track"]
    assert ws["B4"].alignment.wrap_text


def test_export_shows_only_what_the_person_may_see(messy: Path, tmp_path: Path, cast: Cast) -> None:
    run(messy, partial=True)
    # Alice works in 发改委, which leads two tasks and helps with one (the misspelt 市发改局 made it
    # nobody's co-unit).
    assert export_ledger(person=cast.alice, path=tmp_path / "alice.xlsx", today=TODAY) == 3
    # Carol works in 农业农村局, which leads one task and helps with another.
    carol = tmp_path / "carol.xlsx"
    assert export_ledger(person=cast.carol, path=carol, today=TODAY) == 2
    assert [r.values["title"] for r in read_ledger(carol).rows] == ["举办消费季活动", "优化营商环境"]
    assert export_ledger(person=cast.oscar, path=tmp_path / "oscar.xlsx", today=TODAY) == 0


# --- the command -----------------------------------------------------------------------------------


def test_command_imports_and_prints_the_report(messy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with translation.override("en"):
        call_command("ledger", "import", str(messy), "--partial")
    out = capsys.readouterr().out
    assert "read 8 rows: 6 created (1 as drafts), 0 unchanged, 0 differ, 2 refused" in out
    assert "  row 15: no task text" in out


def test_command_refuses_with_one_clear_line(messy: Path, tmp_path: Path) -> None:
    not_excel = tmp_path / "notes.xlsx"
    not_excel.write_text("just text")
    no_header = tmp_path / "empty.xlsx"
    wb = Workbook()
    assert wb.active is not None
    wb.active["A1"] = "会议纪要"
    wb.save(no_header)
    cases = {
        str(tmp_path / "missing.xlsx"): "missing.xlsx: no such file",
        str(not_excel): "notes.xlsx is not an Excel workbook (.xlsx) or CSV file",
        str(no_header): "empty.xlsx: no ledger header found in the first rows",
    }
    with translation.override("en"):
        for path, message in cases.items():
            with pytest.raises(CommandError, match=re.escape(message)):
                call_command("ledger", "import", path)
        with pytest.raises(CommandError, match="2 rows refused; nothing was imported"):
            call_command("ledger", "import", str(messy))
        with pytest.raises(CommandError, match="no user named nobody"):
            call_command("ledger", "import", str(messy), "--as", "nobody")
    assert Task.objects.count() == 0


def test_command_exports_a_unit(messy: Path, tmp_path: Path, cast: Cast) -> None:
    run(messy, partial=True)
    out = tmp_path / "ndrc.xlsx"
    with translation.override("en"):
        call_command("ledger", "export", "-o", str(out), "--unit", "市发改委")
    assert [r.values["title"] for r in read_ledger(out).rows] == [
        "推进重大项目建设",
        "扩大有效投资",
        "优化营商环境",
    ]


def test_a_deadline_without_a_year_takes_it_from_the_option_or_is_refused(tmp_path: Path, cast: Cast) -> None:
    path = tmp_path / "ledger.csv"
    path.write_text(
        "序号,工作任务,牵头单位,完成时限\n1,修缮道路,市发改委,6月30日前\n2,植树造林,发改委,2024年3月底\n",
        encoding="utf-8",
    )
    report = run(path)
    assert report.refusals() == [
        "row 2: the deadline 6月30日前 gives no year: put the year in the title or use --year"
    ]
    report = run(path, year=2025)
    assert report.created == 2
    assert Task.objects.get(title="修缮道路").deadline == dt.date(2025, 6, 30)
    assert Task.objects.get(title="植树造林").deadline == dt.date(2024, 3, 31)
    assert row(report, 2).guesses[0].message == (  # type: ignore[attr-defined]
        "deadline 6月30日前 read as 2025-06-30, the year from --year"
    )


def test_system_numbers_must_name_a_task_here_once(tmp_path: Path, cast: Cast) -> None:
    task = cast.task("推进重点项目建设")
    path = tmp_path / "ids.csv"
    lines = [
        "序号,工作任务,牵头单位,完成时限,系统编号",
        f"1,推进重点项目建设,示范市发展和改革委员会,2024-06-30,{task.pk}",
        f"2,推进重点项目建设,示范市发展和改革委员会,2024-06-30,{task.pk}",
        "3,植树造林,市发改委,2024年6月底,99999",
        "4,修缮道路,市发改委,2024年6月底,A-12",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    report = run(path, dry_run=True)
    assert report.refusals() == [
        f"row 3: system number {task.pk} is also on row 2",
        "row 4: system number 99999 matches no task here; clear it to import the row as a new task",
        "row 5: system number A-12 is not a number",
    ]
    # The task was made in Luoshi without a 序号: the file's `1` is reported, not written.
    matched = row(report, 2)
    assert (matched.status, matched.task_id, matched.differences) == ("differs", task.pk, ["序号"])  # type: ignore[attr-defined]


def test_a_matched_row_that_differs_is_reported_and_not_applied(messy: Path, tmp_path: Path) -> None:
    run(messy, partial=True)
    exported = tmp_path / "export.xlsx"
    export_ledger(person=None, path=exported, today=TODAY)
    wb = load_workbook(exported)
    ws = wb.active
    assert ws is not None
    assert (ws["B4"].value, ws["B5"].value) == ("推进重大项目建设", "扩大有效投资")
    ws["I4"] = "已开工3个"  # the office typed new progress into the file
    ws["H5"] = "2024年9月30日"  # and moved a deadline
    wb.save(exported)
    before = counts()
    report = run(exported)
    assert counts() == before
    assert (report.created, report.unchanged, report.differs) == (0, 4, 2)
    assert row(report, 4).differences == ["进展情况"]  # type: ignore[attr-defined]
    assert row(report, 5).differences == ["完成时限"]  # type: ignore[attr-defined]
    assert Task.objects.get(title="扩大有效投资").deadline == dt.date(2024, 6, 30)


def test_a_title_merged_over_several_measures_pairs_up_on_reimport(tmp_path: Path, cast: Cast) -> None:
    path = tmp_path / "measures.xlsx"
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["序号", "工作任务", "具体内容", "牵头单位", "完成时限"])
    ws.append([1, "稳就业", "开展招聘会", "市发改委", "2024年6月底"])
    ws.append([None, None, "发放补贴", "市发改委", "2024年9月底"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    wb.save(path)
    first = run(path)
    assert first.created == 2
    assert [f.code for f in row(first, 3).guesses][:1] == ["carried_down"]  # type: ignore[attr-defined]
    assert list(Task.objects.values_list("title", "text")) == [
        ("稳就业", "开展招聘会"),
        ("稳就业", "发放补贴"),
    ]
    again = run(path)
    assert (again.created, again.unchanged, again.differs) == (0, 2, 0)
