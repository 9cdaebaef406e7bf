"""Unit tests of the directive extractor's parts: outline, items, owners, numbers, meta, render."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from luoshi.lib.deadlines import parse_due
from luoshi.lib.directives import extract_bytes, to_json, to_markdown, to_xlsx
from luoshi.lib.directives.figures import find_figures, period_of
from luoshi.lib.directives.items import demand_of, kind_of
from luoshi.lib.directives.meta import find_date, find_speaker, find_title
from luoshi.lib.directives.numbers import find_quantities
from luoshi.lib.directives.outline import Outline, match_heading
from luoshi.lib.directives.owners import find_owners, parenthesis_owners
from luoshi.lib.directives.targets import find_targets
from luoshi.lib.ledger_layout import column_for_header

REPO = Path(__file__).resolve().parents[2]


# --- outline --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "marker", "title"),
    [
        ("一、认识再强化,在解放思想中增强危机感、紧迫感", "一", "认识再强化,在解放思想中增强危机感、紧迫感"),
        ("第四,心无旁骛思发展,转变作风抓落实", "第四", "心无旁骛思发展,转变作风抓落实"),
        ("(三)持续优化营商环境。", "(三)", "持续优化营商环境"),
        ("（二）市发改委要建立周调度机制。", "(二)", "市发改委要建立周调度机制"),
        ("一是政策红利叠加。", "一是", "政策红利叠加"),
        ("二要抓好春耕备耕工作。", "二要", "抓好春耕备耕工作"),
        ("1.实施制造业倍增计划。", "1", "实施制造业倍增计划"),
        ("12、完善考核办法。", "12", "完善考核办法"),
        ("(2)建立台账。", "(2)", "建立台账"),
        ("③强化督办。", "③", "强化督办"),
        ("重点是把握“三个方面”:一是思路上,要对标沪苏浙。", "一是", "思路上,要对标沪苏浙"),
    ],
)
def test_headings_are_found_with_marker_and_title(sentence: str, marker: str, title: str) -> None:
    found = match_heading(sentence)
    assert found is not None
    assert (found.marker, found.title) == (marker, title)


@pytest.mark.parametrize(
    "sentence",
    [
        "制造业占比较上年提升了1.7个百分点,居全省第一,增速领先。",
        "“第一时间”动起来,“第一责任”抓落实。",
        "1.5亿元的项目已经开工。",
        "第一次全体会议召开。",
        "一要素市场化配置改革深入推进。",
    ],
)
def test_words_that_contain_a_marker_are_not_headings(sentence: str) -> None:
    assert match_heading(sentence) is None


def _levels(sentences: list[str]) -> list[tuple[str, int, str | None]]:
    outline = Outline()
    for i, s in enumerate(sentences):
        m = match_heading(s)
        assert m is not None, s
        outline.add(m, sentence_index=i, start=0, end=0)
    return [(h.marker, h.level, h.parent) for h in outline.headings]


def test_a_page_that_starts_mid_speech_nests_by_the_stack_rule() -> None:
    # 四要 opens at level 1, 第四 outranks it, and the 一要… that follow nest under 第四.
    assert _levels(["四要统筹协调。", "第四,转变作风抓落实", "一要勇争一流。", "二要真抓实干。"]) == [
        ("四要", 1, None),
        ("第四", 1, None),
        ("一要", 2, "h2"),
        ("二要", 2, "h2"),
    ]


def test_equal_ranks_nest_but_siblings_close_what_opened_after_them() -> None:
    # 一是 and 一要 rank equally: 一要 opens under 一是, and the next 二是 closes the 一要s.
    assert _levels(["一是凝心铸魂。", "一要对党忠诚。", "二要对理想虔诚。", "二是服务大局。"]) == [
        ("一是", 1, None),
        ("一要", 2, "h1"),
        ("二要", 2, "h1"),
        ("二是", 1, None),
    ]


def test_work_report_numbering_nests_three_deep() -> None:
    assert _levels(
        ["一、总体要求", "(一)推进转型。", "1.实施倍增计划。", "2.发展数字经济。", "(二)优化环境。"]
    ) == [
        ("一", 1, None),
        ("(一)", 2, "h1"),
        ("1", 3, "h2"),
        ("2", 3, "h2"),
        ("(二)", 2, "h1"),
    ]


# --- items ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "市政府督查室要进一步健全工作机制,加强督查考核工作。",
        "严厉打击非法传销、非法经营等违法违规行为。",
        "深入落实防范化解重大风险“1+5+N”方案体系,坚决打赢防范化解重大风险攻坚战。",
        "市委将对照“四种思想认识误区”,坚决查处一批不作为、乱作为的典型。",
        "会议原则同意该方案,请市发改委按程序报市委审定。",
        "述职报告要求简单详实,突出实绩实效。",
    ],
)
def test_demands_are_items(sentence: str) -> None:
    assert demand_of(sentence).is_item


@pytest.mark.parametrize(
    "sentence",
    [
        "一年来,我们坚持稳字当头,圆满完成了能源保供任务。",
        "习近平总书记强调,要坚持真抓实干,激发全社会干事创业活力。",
        "要看到,经过多年转型,全市经济总体实力显著提高。",
        "强化风险防控重点是做到“四个到位”。",
        "只要经过集体研究决定的事项,都可以放手去干。",
        "请市发改委作情况汇报。",
        "感谢各位代表!",
        "即从粗放式向集约式转变。",
        "(市政府办公室牵头,各部门按职责分工负责)",
        "重点抓好以下工作:",
    ],
)
def test_look_backs_quotes_and_announcements_are_not_items(sentence: str) -> None:
    assert not demand_of(sentence).is_item


def test_a_semicolon_chain_keeps_the_mood_of_its_first_sentence() -> None:
    assert demand_of("城北片区借助大坝建设,打造品质化新城;", chain_demand=True).is_item
    assert not demand_of("连续151个月杜绝了重特大事故;", chain_demand=False).is_item
    assert not demand_of("召开14年来规格最高的全市教育大会;", chain_demand=False).is_item


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("要严格落实“首个议题”学习制度。", "task"),  # a mechanism
        ("要尽快谋划开展“开门红”系列活动。", "task"),  # a named campaign
        ("对推进不力的,要重点督导、定期通报。", "task"),  # an operational act
        ("要深入实施生态筑基战略。", "task"),  # a named strategy
        ("要始终对党忠诚。", "principle"),
        ("要坚持问题导向、结果导向。", "principle"),
        ("各级人大及其常委会要围绕中心、服务大局。", "principle"),  # a named body alone
    ],
)
def test_task_or_principle(sentence: str, kind: str) -> None:
    assert kind_of(sentence) == kind


def test_a_number_a_deadline_or_a_cadence_makes_a_task() -> None:
    assert kind_of("要保持好作风。", has_number=True) == "task"
    assert kind_of("要保持好作风。", has_deadline=True) == "task"
    assert kind_of("要保持好作风。", has_cadence=True) == "task"


# --- owners ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "owners"),
    [
        ("市政府督查室要进一步健全工作机制。", ["市政府督查室"]),
        ("县区和各涉农部门要备足备好化肥。", ["县区", "各涉农部门"]),
        ("各副市长、县区和部门主要负责同志要学会统筹。", ["各副市长", "县区", "部门主要负责同志"]),
        ("各级人大及其常委会要依法履职。", ["各级人大及其常委会"]),  # never split at 及其
        ("“一府一委两院”要自觉接受人大监督。", ["一府一委两院"]),
        ("请农业农村局牵头,各乡镇街道积极履行属地监管责任。", ["农业农村局", "各乡镇街道"]),
        ("市发改委牵头,市财政局、市统计局配合,每月报送进展。", ["市发改委", "市财政局", "市统计局"]),
        ("市住建局要会同市水利局完成改造。", ["市住建局", "市水利局"]),
        ("要求二级机构负责人和科股长抓招商引资。", ["二级机构负责人", "科股长"]),
        ("广大人民群众特别是企业家们要坚定信心。", ["企业家们"]),
        ("作为基层干部,不能总待在办公室。", ["基层干部"]),
        ("我们要严格落实学习制度。", []),
        ("大家要再接再厉。", []),
        ("对市委、市政府部署任务,实行任务项目化。", []),  # assigners are not owners
        ("确需市长、副市长协调解决的事项不能超过10%。", []),  # nor those who receive escalations
        ("大力支持安泽、飞达等企业进军新兴领域。", []),  # objects are not subjects
    ],
)
def test_owners_are_the_subjects_and_leads_of_a_demand(sentence: str, owners: list[str]) -> None:
    assert find_owners(sentence) == owners


def test_parenthesis_owners_put_the_lead_first_and_skip_dates() -> None:
    assert parenthesis_owners("(市政府办公室、市发改委牵头,各部门按职责分工负责)") == [
        "市政府办公室",
        "市发改委",
        "各部门",
    ]
    assert parenthesis_owners("(责任单位:市住建局、市城管局;完成时限:6月底前)") == ["市住建局", "市城管局"]
    assert parenthesis_owners("(各县区配合,市发改委牵头)") == ["市发改委", "各县区"]
    assert parenthesis_owners("(2024年1月11日)") == []
    assert parenthesis_owners("(第5/6页)") == []


def test_parenthesis_owners_keep_a_nested_parenthesis_and_split_roles_at_the_list_mark() -> None:
    assert parenthesis_owners("（责任单位：各乡（镇）、县交通局）") == ["各乡（镇）", "县交通局"]
    assert parenthesis_owners("（县农业农村局牵头、县财政局配合）") == ["县农业农村局", "县财政局"]
    assert parenthesis_owners("（县财政局配合、县水利局牵头）") == ["县水利局", "县财政局"]
    assert parenthesis_owners("（县民政局负责、各社区配合）") == ["县民政局", "各社区"]


# --- numbers, targets, figures --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("一般公共预算收入完成81.97亿元", [(81.97, "亿元")]),
        ("全年地区生产总值历史性突破千亿大关", [(1000, "亿元")]),
        ("百分之九十", [(90, "%")]),
        ("提升了1.7个百分点", [(1.7, "个百分点")]),
        ("利润增长2倍", [(2, "倍")]),
        ("三百万元", [(300, "万元")]),
        ("连续151个月", [(151, "个月")]),
        ("新引进各类外来务工人员X人以上", []),  # anonymised
        ("六大“百亿级”产业集群", []),  # a scale label
        ("聚力打造千亿首位产业", []),
        ("居全省第一", []),  # a ranking
        ("“1+5+N”产业集群", []),  # a programme name
        ("增强“四个意识”,落实“三项制度”", []),  # slogans
        ("推进万家水库建设", []),
        ("细颗粒物平均浓度降至32微克/立方米", [(32, "微克/立方米")]),
        ("举办招聘会45场", [(45, "场")]),
        ("出台政策文件12部", [(12, "部")]),
        ("新增充电桩300台、换电柜20套", [(300, "台"), (20, "套")]),
        ("建成污水处理厂3座", [(3, "座")]),
        ("全部建成投用", []),  # 部 after 全 is not a unit
    ],
)
def test_quantities(text: str, found: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in find_quantities(text)] == found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("要聚焦全年生产总值增长7.5%以上的目标", [(">=", 7.5, "%")]),
        ("确需市长、副市长协调解决的工作事项不能超过10%", [("<=", 10, "%")]),
        ("努力解决90%以上或者百分百的工作事项", [(">=", 90, "%")]),
        ("地区生产总值增长6%左右", [("=", 6, "%")]),
        ("城镇调查失业率5.5%以内", [("<=", 5.5, "%")]),
        ("城镇调查失业率控制在5.5%以内", [("<=", 5.5, "%")]),
        ("研发投入强度不低于2.5%", [(">=", 2.5, "%")]),
        ("数字经济增加值突破500亿元", [(">", 500, "亿元")]),
        ("新增规上企业2—4家", [(">=", 2, "家"), ("<=", 4, "家")]),
        ("增加值、投资分别增长5%、8%以上", [(">=", 5, "%"), (">=", 8, "%")]),
        ("新引进各类外来务工人员X人以上", []),
        ("3年内完成改造", []),
        ("在去年增长8%的基础上继续提高", []),
        ("专门成立两个工作组", []),
    ],
)
def test_targets(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    assert [(t["op"], t["value"], t["unit"]) for t in find_targets(sentence)] == expected


def test_figures_read_reports_and_skip_durations_addresses_and_forecasts() -> None:
    figures = find_figures("一般公共预算收入完成81.97亿元、增长45.9%,创历史新高﹔", period="2022")
    assert [(f["value"], f["unit"], f["op"]) for f in figures] == [(81.97, "亿元", "="), (45.9, "%", "=")]
    assert figures[1]["metric"].startswith("一般公共预算收入")
    assert find_figures("产业投资占全部投资的52%以上", period=None)[0]["op"] == ">="
    two = find_figures("制造业增加值、投资增速分别为20.6%和53.7%", period=None)
    assert [f["value"] for f in two] == [20.6, 53.7]
    assert [f["value"] for f in find_figures("连续151个月杜绝了重特大事故", period=None)] == [151]
    assert find_figures("投资15亿欧元的项目仅用10个月就实现签约", period=None)[0]["unit"] == "亿欧元"
    assert len(find_figures("投资15亿欧元的项目仅用10个月就实现签约", period=None)) == 1
    assert find_figures("向全镇4万名父老乡亲表示崇高的敬意", period=None) == []
    assert find_figures("会议应到180人,实到178人", period=None) == []
    assert find_figures("全年有望突破千亿大关", period=None) == []


def test_figure_periods() -> None:
    assert period_of("过去的一年,全市地区生产总值增长5%", 2023) == "2022"
    assert period_of("2023年一季度,全市规上工业增加值增长6%", None) == "2023-Q1"
    assert period_of("今年以来,全市新增市场主体2万户", 2024) == "2024"
    assert period_of("全市市场主体增长32.1%", None) is None


# --- meta -----------------------------------------------------------------------------------


def test_meta_from_a_printed_head() -> None:
    text = (
        "在市六届人大三次会议闭幕式上的讲话\n中共咸宁市委书记 孟祥伟\n(2024年1月11日)\n"
        "各位代表,同志们:\n正文。"
    )
    assert find_title(text) == "在市六届人大三次会议闭幕式上的讲话"
    assert find_speaker(text) == "孟祥伟"
    assert find_date(text, text) == date(2024, 1, 11)


def test_meta_falls_back_to_the_publishing_line_and_never_guesses_a_year() -> None:
    original = "首页>>新闻\n在全县会议上的讲话\n发布时间:2023-05-22 来源:县政府办\n同志们:\n正文。"
    cleaned = "在全县会议上的讲话\n同志们:\n正文。"
    assert find_date(cleaned, original) == date(2023, 5, 22)
    assert find_date("新华社5月22日电 正文。", "新华社5月22日电 正文。") is None


def test_meta_reads_the_date_on_an_issuer_line() -> None:
    text = "某县政府专题会议纪要\n某县人民政府办公室\u3000\u3000\u30002023年9月8日\n会议要求:\n一、做好秋收工作。"
    assert find_date(text, text) == date(2023, 9, 8)


def test_meta_reads_a_date_alone_in_the_closing_signature_block() -> None:
    body = "\n".join(f"第{i}段正文,要做好工作。" for i in range(20))
    text = f"关于某项工作的通报\n{body}\n特此通报。\n\n某市农业农村局\n2023年11月3日\n"
    assert find_date(text, text) == date(2023, 11, 3)
    # a date line far above the closing block is not a signature date
    early = f"关于某项工作的通报\n正文。\n{'x' * 700}\n2020年1月1日\n{body}\n"
    assert find_date(early, early) is None


# --- the whole pipeline and its renderings --------------------------------------------------

SPEECH = (
    "在全县安全生产工作会议上的讲话\n"
    "县长 赵刚\n"
    "(2024年3月5日)\n"
    "同志们:\n"
    "一年来,全县安全生产形势总体平稳,连续36个月未发生较大事故。\n"
    "一要压实责任。各乡镇要建立隐患排查台账,实行销号管理。\n"
    "二要突出重点。县应急管理局要牵头开展危险化学品专项整治,6月30日前完成第一轮排查,"
    "隐患整改率达到95%以上。\n"
)


def test_extract_gives_the_contract_shape_with_spans_into_the_original() -> None:
    data = SPEECH.encode("gb18030")
    result = extract_bytes(data, name="speech.txt")
    assert set(result) == {"schema", "source", "meta", "outline", "items", "figures"}
    assert result["schema"] == "luoshi.directives/1"
    assert set(result["source"]) == {"name", "sha256", "chars", "encoding", "script"}
    assert result["meta"] == {
        "title": "在全县安全生产工作会议上的讲话",
        "speaker": "赵刚",
        "date": "2024-03-05",
    }
    assert [(h["marker"], h["title"]) for h in result["outline"]] == [
        ("一要", "压实责任"),
        ("二要", "突出重点"),
    ]
    tasks = [i for i in result["items"] if i["kind"] == "task"]
    lead = next(t for t in tasks if t["owners"] == ["县应急管理局"])
    assert lead["due"] == {"text": "6月30日前", "by": "2024-06-30"}
    assert [(t["op"], t["value"], t["unit"]) for t in lead["targets"]] == [(">=", 95, "%")]
    assert lead["section"] == "h2"
    assert [(f["value"], f["unit"]) for f in result["figures"]] == [(36, "个月")]
    original = data.decode("gb18030")
    for item in result["items"]:
        start, end = item["span"]
        assert (
            original[start:end].rstrip("。") in item["text"]
            or item["text"].rstrip("。") in original[start:end]
        )
    json.loads(to_json(result))


def test_markdown_lists_tasks_under_their_headings() -> None:
    md = to_markdown(extract_bytes(SPEECH.encode(), name="speech.txt"))
    assert md.startswith("# 在全县安全生产工作会议上的讲话")
    assert "## 二要 突出重点" in md
    assert "- [ ] 县应急管理局要牵头开展危险化学品专项整治" in md
    assert "责任:县应急管理局" in md and "时限:6月30日前(2024-06-30)" in md


def test_the_excel_task_list_reads_back_with_the_ledger_layout() -> None:
    result = extract_bytes(SPEECH.encode(), name="speech.txt")
    stream = io.BytesIO()
    to_xlsx(result, stream)
    sheet = load_workbook(io.BytesIO(stream.getvalue())).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert "在全县安全生产工作会议上的讲话" in str(rows[0][0])
    columns = [column_for_header(str(h)) for h in rows[1]]
    assert all(c is not None for c in columns)
    keys = [c.key for c in columns if c is not None]
    records = [dict(zip(keys, row, strict=False)) for row in rows[2:]]
    tasks = [i for i in result["items"] if i["kind"] == "task"]
    assert len(records) == len(tasks)
    lead = next(r for r in records if r["lead_unit"] == "县应急管理局")
    assert lead["seq"] and lead["title"] == "突出重点"
    due = parse_due(str(lead["deadline"]))
    assert due is not None and due.by == date(2024, 6, 30)


def test_the_command_line_prints_json_and_fails_cleanly_on_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "speech.txt"
    good.write_text(SPEECH, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "luoshi.lib.directives", str(good)], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["meta"]["speaker"] == "赵刚"
    bad = tmp_path / "junk.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    done = subprocess.run(
        [sys.executable, "-m", "luoshi", "extract", str(bad)], capture_output=True, text=True, cwd=REPO
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and done.stderr.strip().count("\n") == 0


def test_a_label_line_with_a_nested_parenthesis_owns_its_numbered_item() -> None:
    text = (
        "某县政府常务会议纪要\n某县人民政府办公室\u3000\u30002023年6月2日\n"
        "一、关于农村道路改造\n会议要求，各乡要在8月底前完成农村道路改造项目12条。\n"
        "（责任单位：各乡（镇））\n"
    )
    result = extract_bytes(text.encode(), name="minutes.txt")
    assert result["meta"]["date"] == "2023-06-02"
    tasks = [i for i in result["items"] if "道路改造项目" in i["text"]]
    assert tasks and tasks[0]["owners"][0] == "各乡（镇）"
    assert tasks[0]["due"]["by"] == "2023-08-31"


def test_the_command_names_each_workbook_after_its_own_file_when_another_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from luoshi.lib.directives.command import main

    bad = tmp_path / "a_junk.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    good = tmp_path / "b_speech.txt"
    good.write_text(SPEECH, encoding="utf-8")
    assert main([str(bad), str(good), "--format", "xlsx", "-o", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{good} → {tmp_path / 'b_speech.tasks.xlsx'}" in out
    assert (tmp_path / "b_speech.tasks.xlsx").is_file()


def test_a_bug_on_one_file_is_one_clear_line_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import luoshi.lib.directives.command as command

    def broken(path: Path, *, date: date | None = None) -> dict[str, object]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(command, "extract_file", broken)
    speech = tmp_path / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    assert command.main([str(speech)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "internal error (ZeroDivisionError" in err and "Traceback" not in err
