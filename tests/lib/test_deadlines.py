"""Deadlines in sentences (the extractor) and in ledger cells (the Excel importer)."""

from __future__ import annotations

from datetime import date

import pytest

from luoshi.lib.deadlines import find_due, find_recurrence, find_year_statement, parse_due, small_number

MEETING = date(2024, 1, 11)


@pytest.mark.parametrize(
    ("sentence", "text", "by"),
    [
        ("要尽快谋划开展一季度“开门红”系列活动", "一季度", "2024-03-31"),
        ("当前,重点要抓好首季“开门红”", "首季", "2024-03-31"),
        ("确保三季度末完成主体工程", "三季度末", "2024-09-30"),
        ("力争上半年开工建设", "上半年", "2024-06-30"),
        ("下半年全面投入运营", "下半年", "2024-12-31"),
        ("确保完成全年目标任务", "全年", "2024-12-31"),
        ("今年底前建成投用", "今年底前", "2024-12-31"),
        ("年内完成改造任务", "年内", "2024-12-31"),
        ("距离2023年年底还有两个多月的时间了", "2023年年底", "2023-12-31"),
        ("力争到2025年建成省级示范区", "到2025年", "2025-12-31"),
        ("2030年基本实现转型", "2030年", "2030-12-31"),
        ("2030年前实现碳达峰", "2030年前", "2030-12-31"),
        ("在“十四五”期间“再造一个X”", "“十四五”期间", "2025-12-31"),
        ("十五五时期基本建成", "十五五时期", "2030-12-31"),
        ("确保十三五收官之年圆满收官", "十三五收官", "2020-12-31"),
        ("明年上半年全面建成", "明年上半年", "2025-06-30"),
        ("明年底前完成验收", "明年底前", "2025-12-31"),
        ("于6月30日前完成方案编制", "6月30日前", "2024-06-30"),
        ("6月底前出台实施细则", "6月底前", "2024-06-30"),
        ("十二月底前全部销号", "十二月底前", "2024-12-31"),
        ("5月中旬前完成摸底", "5月中旬前", "2024-05-20"),
        ("本月底前报送市政府督查室", "本月底前", "2024-01-31"),
        ("2024年6月底前完成", "2024年6月底前", "2024-06-30"),
        ("要尽快落实,确保一季度见效", "一季度", "2024-03-31"),  # a concrete deadline beats a vague word
        # a forward quantity makes 全年/年底 bound the action
        ("全年新建标准化厂房20万平方米以上", "全年", "2024-12-31"),
        ("全年粮食产量稳定在80万吨", "全年", "2024-12-31"),
        ("全年计划开工农村公路改造项目36条", "全年", "2024-12-31"),
        # a month beats a year-level word in the same sentence
        ("今年要把老旧管网改造方案在10月底前报市政府审定", "10月底前", "2024-10-31"),
        ("全年目标任务中,污水管网工程须于8月底前完工", "8月底前", "2024-08-31"),
    ],
)
def test_sentence_deadlines_resolve_against_the_meeting_date(sentence: str, text: str, by: str) -> None:
    due = find_due(sentence, anchor=MEETING)
    assert due is not None
    assert due.text == text
    assert due.by == date.fromisoformat(by)
    assert due.kind == "date"


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("要迅速把会议确定的各项任务分解落实", "迅速"),
        ("及时跟踪问效", "及时"),
        ("适时谋划启动村庄撤并工作", "适时"),
        ("近期要召开专题会议", "近期"),
        ("立即组织排查整治", "立即"),
        ("抓紧完善方案", "抓紧"),
        ("确保如期完成", "如期"),
        ("X月X日前上报进展", "X月X日前"),  # anonymised: kept, never resolved
    ],
)
def test_vague_words_keep_their_text_without_a_day(sentence: str, text: str) -> None:
    due = find_due(sentence, anchor=MEETING)
    assert due is not None
    assert due.text == text
    assert due.by is None


@pytest.mark.parametrize(
    "sentence",
    [
        "为全年农业丰收打下坚实基础",
        "去年全年新建厂房20万平方米以上",
        "从今年开始,各级各部门要按年度上报述职报告",
        "接下来还将面临年底考核等各项重大考验",
        "今年是新中国成立75周年",
        "在2022年取得优异成绩的基础上再接再厉",
        "仅用10个月就实现签约落地",
        "落实到年、季、月、天",
        "要坚持问题导向",
    ],
)
def test_words_that_do_not_bound_the_action_are_not_deadlines(sentence: str) -> None:
    assert find_due(sentence, anchor=MEETING) is None


def test_without_a_known_year_the_text_stays_and_the_day_is_unknown() -> None:
    due = find_due("三要确保实现一季度“开门红”", anchor=None)
    assert due is not None and due.text == "一季度" and due.by is None
    stated = find_due("确保一季度开门红", anchor=None, year=2024)
    assert stated is not None and stated.by == date(2024, 3, 31)


def test_a_past_month_day_rolls_to_next_year() -> None:
    due = find_due("1月31日前完成", anchor=date(2023, 11, 20))
    assert due is not None and due.by == date(2024, 1, 31)


def test_recurring_deadlines_have_a_cadence_and_no_day() -> None:
    due = find_due("每月10日前报送工作进展", anchor=MEETING)
    assert due is not None
    assert (due.text, due.by, due.recurrence, due.kind) == ("每月10日前", None, "monthly", "recurring")
    weekly = find_due("每周五前报送进展情况", anchor=MEETING)
    assert weekly is not None and weekly.recurrence == "weekly" and weekly.by is None


@pytest.mark.parametrize(
    ("cell", "by"),
    [
        ("2024年6月底", "2024-06-30"),
        ("6月30日前", "2024-06-30"),
        ("2024.6", "2024-06-30"),
        ("2024.06.30", "2024-06-30"),
        ("2024/6/30", "2024-06-30"),
        ("2024-06-30", "2024-06-30"),
        ("2024年底", "2024-12-31"),
        ("2024年", "2024-12-31"),
        ("2024年6月", "2024-06-30"),
        ("12月", "2024-12-31"),
        ("三季度", "2024-09-30"),
        ("上半年", "2024-06-30"),
        ("年底前", "2024-12-31"),
        ("2025年3月15日", "2025-03-15"),
        ("一季度(2024-03-31)", "2024-03-31"),
    ],
)
def test_ledger_cells_resolve_to_a_last_day(cell: str, by: str) -> None:
    due = parse_due(cell, anchor=MEETING)
    assert due is not None
    assert due.by == date.fromisoformat(by)
    assert due.kind == "date"


@pytest.mark.parametrize(
    ("cell", "kind", "recurrence"),
    [
        ("长期坚持", "ongoing", None),
        ("持续推进", "ongoing", None),
        ("常态化", "ongoing", None),
        ("每季度", "recurring", "quarterly"),
        ("每月10日前", "recurring", "monthly"),
        ("每周", "recurring", "weekly"),
        ("每年12月底前", "recurring", "yearly"),
        ("定期", "recurring", "periodic"),
        ("尽快", "vague", None),
    ],
)
def test_ledger_cells_without_a_day(cell: str, kind: str, recurrence: str | None) -> None:
    due = parse_due(cell, anchor=MEETING)
    assert due is not None
    assert due.by is None
    assert due.kind == kind
    assert due.recurrence == recurrence


def test_empty_cells_have_no_deadline() -> None:
    assert parse_due("", anchor=MEETING) is None
    assert parse_due("   ", anchor=MEETING) is None
    assert parse_due("见附件", anchor=MEETING) is None


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("日清日高、日事日毕", "daily"),
        ("每天开展巡查", "daily"),
        ("实行周监测", "weekly"),
        ("每月都要集中时间研究招商引资", "monthly"),
        ("逐月逐季度开展集中梳理,定期开展地毯式摸排", "monthly"),
        ("每月不定期抽问抽查", "monthly"),
        ("要坚决执行“四季竞赛、五大比拼”调度机制", "quarterly"),
        ("通过各项重点工作季度盘点", "quarterly"),
        ("每年以总结表彰大会形式", "yearly"),
        ("按年度上报述职报告", "yearly"),
        ("要坚决执行不定期抽查制度", "periodic"),
        ("经常性深入群众", "periodic"),
        ("定期通报", "periodic"),
    ],
)
def test_the_finest_cadence_wins(text: str, cadence: str) -> None:
    assert find_recurrence(text) == cadence


@pytest.mark.parametrize(
    "text", ["制定具体的年度实施方案", "确保年度任务完美收官", "落实到年、季、月、天", ""]
)
def test_this_years_work_is_not_a_cadence(text: str) -> None:
    assert find_recurrence(text) is None


def test_small_numbers_and_year_statements() -> None:
    assert [small_number(s) for s in ("12", "十二", "二十一", "十", "二〇二四", "三")] == [
        12,
        12,
        21,
        10,
        2024,
        3,
    ]
    assert small_number("百") is None
    assert find_year_statement("今年是全面贯彻党的二十大精神的开局之年,2023年") == 2023
    assert find_year_statement("2024年是实现“十四五”规划目标任务的关键一年") == 2024
    assert find_year_statement("今年是关键一年") is None
