"""The extractor on genres the development samples do not cover, written for these tests.

Speeches are only one kind of input. These short texts stand for the others an office feeds in:
a government work report (主要预期目标, `(一)` and `1.` numbering, bold lead sentences), meeting
minutes (会议纪要, 责任单位 lines), a supervision notice (督查通报, counts and late units), a work
plan (工作要点, owners in a parenthesis, even on a line of its own), an excerpt cut mid-sentence,
and a scraped page with spam and mojibake. Each test checks the key points a clerk would check.
"""

from __future__ import annotations

from typing import Any

from luoshi.lib.directives import extract_bytes

WORK_REPORT = """2024年政府工作报告
——2024年1月18日在市第十七届人民代表大会第四次会议上
市长 王建国
各位代表:
现在,我代表市人民政府向大会报告工作,请予审议。
一、2023年工作回顾
过去一年,全市地区生产总值增长5.8%,达到2856亿元;一般公共预算收入完成186.3亿元,增长7.2%;城镇新增就业4.2万人。
二、2024年主要目标和重点工作
今年经济社会发展的主要预期目标是:地区生产总值增长6%左右;一般公共预算收入增长5%;规上工业增加值、固定资产投资分别增长7%、8%以上;城镇新增就业4万人以上;城镇调查失业率5.5%以内;居民消费价格涨幅3%左右。
(一)坚定不移推进产业转型升级。
1.实施制造业倍增计划。新增规上工业企业120家以上,培育专精特新“小巨人”企业5—8家。市工信局牵头,各县区配合,6月底前出台实施方案。
2.加快数字经济发展。新建5G基站1500个,力争数字经济核心产业增加值占比达到10%。
(二)持续优化营商环境。
1.深化“放管服”改革。政务服务事项网上可办率不低于98%。
2.开展营商环境评估。每季度通报一次各县区排名。
"""

MINUTES = """市政府第35次常务会议纪要
2024年3月12日,市长李明主持召开市政府第35次常务会议。会议应到15人,实到14人。现将会议议定事项纪要如下:
一、关于城区内涝治理工作
会议听取了市住建局关于城区内涝治理工作的汇报。会议指出,去年汛期城区出现12处积水点,群众反映强烈。
会议要求,市住建局要会同市水利局,于5月31日前完成积水点改造,确保主汛期前全部投入使用。
责任单位:市住建局、市水利局
二、关于春季森林防火工作
会议要求,各县区要严格落实森林防火责任制,每日开展巡山护林。市应急管理局要加强督查,对工作不力的单位予以通报。
三、其他事项
会议原则同意《市城区停车场建设三年行动方案》,请市发改委按程序报市委审定。
"""

NOTICE = """关于全市重点项目推进情况的督查通报
各县区人民政府,市直各部门:
市政府督查室于4月中旬对全市重点项目推进情况进行了专项督查。现将有关情况通报如下:
一、总体情况
今年全市共安排重点项目286个,总投资1850亿元。截至4月底,已开工项目198个,开工率69.2%;完成投资312亿元,占年度计划的28.5%。
二、存在问题
一是部分项目开工滞后。共有23个项目未按计划开工,其中城东区7个、高新区5个。二是要素保障不到位。土地、资金等要素制约仍较突出。
三、下一步要求
(一)各县区要对照年度计划,倒排工期,确保未开工项目6月底前全部开工。
(二)市发改委要建立重点项目周调度机制,每周五前报送进展情况。
(三)对进度滞后的项目单位,市政府督查室将进行约谈,并在全市通报。
"""

WORK_PLAN = """2024年全市政务公开工作要点
一、深化重点领域信息公开
1.加强政策解读。重要政策文件出台后3个工作日内发布解读材料,解读率达到100%。
(市政府办公室牵头,各部门按职责分工负责)
2.推进财政预决算公开。各部门在人大批准后20日内公开部门预算。(市财政局牵头,各部门配合)
二、提升政务公开平台质效
3.优化政府网站集约化平台建设,年底前完成栏目整合。
(市政府办公室、市大数据中心负责)
4.规范政务新媒体管理,每季度开展一次检查。
"""

EXCERPT = (
    "展的基础更加牢固。二是要狠抓项目建设。"
    "各县区要围绕年度目标,加快推进在建项目,确保一季度实现“开门红”。"
    "三是要守牢安全底线。市应急管理局要牵头开展安全生产大检查,立即组织排查整治各类隐患。\n"
    "第三,关于作风建设。各级领导干部要带头转变作风,深入基层调研,每月至少安排5天时间到联系点蹲点。"
    "对推诿扯皮、敷衍塞责的,要严肃追责问责。\n"
)

SCRAPED_PAGE = """首页 > 新闻中心 > 领导讲话
在全县安全生产工作会议上的讲话
发布时间:2023-05-22 来源:县政府办 浏览次数:1024
同志们:
今天召开全县安全生产工作会议,主要任务是贯彻落实全省会议精神。下面,我讲三点意见。
一要提高思想认识。各乡镇、各部门要牢固树立安全发展理念。
二要突出重点领域。县应急管理局要牵头开展危险化学品专项整治,6月30日前完成第一轮排查。
三要压实工作责任。各乡镇要建立隐患排查台账,实行销号管理。
责任编辑:张三
分享到:微信 微博
"""


def _run(text: str, *, encoding: str = "utf-8", name: str = "input.txt") -> dict[str, Any]:
    return extract_bytes(text.encode(encoding), name=name)


def _tasks(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [i for i in result["items"] if i["kind"] == "task"]


def _task(result: dict[str, Any], fragment: str) -> dict[str, Any]:
    found = [i for i in _tasks(result) if fragment in i["text"]]
    assert found, f"no task contains {fragment!r}: {[i['text'] for i in _tasks(result)]}"
    return found[0]


def _targets(result: dict[str, Any]) -> list[tuple[str, float, str]]:
    return [(t["op"], t["value"], t["unit"]) for i in result["items"] for t in i["targets"]]


def test_work_report_meta_outline_and_expected_targets() -> None:
    result = _run(WORK_REPORT)
    assert result["meta"] == {"title": "2024年政府工作报告", "speaker": "王建国", "date": "2024-01-18"}
    outline = [(h["marker"], h["level"]) for h in result["outline"]]
    assert outline[:4] == [("一", 1), ("二", 1), ("(一)", 2), ("1", 3)]
    assert ("(二)", 2) in outline
    targets = _targets(result)
    for expected in [
        ("=", 6, "%"),  # 地区生产总值增长6%左右
        ("=", 5, "%"),  # 一般公共预算收入增长5%
        (">=", 7, "%"),  # 分别增长7%、8%以上: both take the bound
        (">=", 8, "%"),
        (">=", 4, "万人"),
        ("<=", 5.5, "%"),  # 城镇调查失业率5.5%以内
        ("=", 3, "%"),
        (">=", 120, "家"),
        (">=", 5, "家"),  # a range gives two targets
        ("<=", 8, "家"),
        (">=", 10, "%"),
        (">=", 98, "%"),
    ]:
        assert expected in targets, expected


def test_work_report_look_back_gives_figures_not_targets() -> None:
    result = _run(WORK_REPORT)
    figures = {(f["value"], f["unit"]) for f in result["figures"]}
    assert {(5.8, "%"), (2856, "亿元"), (186.3, "亿元"), (7.2, "%"), (4.2, "万人")} <= figures
    assert all(f["period"] == "2023" for f in result["figures"])
    assert (">=", 5.8, "%") not in _targets(result) and ("=", 5.8, "%") not in _targets(result)


def test_work_report_lead_body_and_deadline() -> None:
    result = _run(WORK_REPORT)
    task = _task(result, "市工信局牵头")
    assert task["owners"][:2] == ["市工信局", "各县区"]
    assert task["due"] == {"text": "6月底前", "by": "2024-06-30"}
    assert _task(result, "每季度通报")["recurrence"] == "quarterly"


def test_minutes_owner_lines_dates_and_requests() -> None:
    result = _run(MINUTES)
    assert result["meta"]["date"] == "2024-03-12"
    flood = _task(result, "积水点改造")
    assert flood["owners"] == ["市住建局", "市水利局"]
    assert flood["due"] == {"text": "5月31日前", "by": "2024-05-31"}
    assert _task(result, "巡山护林")["recurrence"] == "daily"
    assert _task(result, "请市发改委")["owners"] == ["市发改委"]
    # attendance is not an indicator; what the meeting heard is not a task
    assert all(f["unit"] != "人" for f in result["figures"])
    assert not [i for i in result["items"] if i["text"].startswith("会议听取了")]


def test_supervision_notice_counts_are_figures_and_demands_are_tasks() -> None:
    result = _run(NOTICE)
    figures = {(f["value"], f["unit"]) for f in result["figures"]}
    assert {(286, "个"), (1850, "亿元"), (198, "个"), (69.2, "%"), (28.5, "%"), (23, "个")} <= figures
    assert _task(result, "倒排工期")["owners"] == ["各县区"]
    assert _task(result, "倒排工期")["due"]["text"] == "6月底前"
    weekly = _task(result, "周调度机制")
    assert weekly["owners"] == ["市发改委"] and weekly["recurrence"] == "weekly"
    assert weekly["due"] == {"text": "每周五前", "by": None}
    assert _task(result, "将进行约谈")["owners"] == ["市政府督查室"]
    # the problems found are described, not demanded
    assert not [i for i in _tasks(result) if "要素制约" in i["text"]]


def test_work_plan_parenthesis_owns_every_item_of_its_paragraph() -> None:
    result = _run(WORK_PLAN)
    assert result["meta"]["title"] == "2024年全市政务公开工作要点"
    interpret = _task(result, "解读率达到100%")
    assert interpret["owners"] == ["市政府办公室", "各部门"]
    assert (">=", 100, "%") in [(t["op"], t["value"], t["unit"]) for t in interpret["targets"]]
    assert _task(result, "公开部门预算")["owners"] == ["市财政局", "各部门"]
    portal = _task(result, "栏目整合")
    assert portal["owners"] == ["市政府办公室", "市大数据中心"]
    assert portal["due"] == {"text": "年底前", "by": "2024-12-31"}  # the year the title states
    assert _task(result, "新媒体管理")["owners"] == []  # no parenthesis, no owner carried over
    # the parenthesis lines themselves are not items
    assert not [i for i in result["items"] if i["text"].startswith("(")]


def test_an_excerpt_cut_mid_sentence_still_nests_and_extracts() -> None:
    result = _run(EXCERPT)
    outline = [(h["marker"], h["level"], h["parent"]) for h in result["outline"]]
    assert outline == [("二是", 1, None), ("三是", 1, None), ("第三", 1, None)]
    assert _task(result, "开门红")["due"]["text"] == "一季度"
    assert _task(result, "安全生产大检查")["owners"] == ["市应急管理局"]
    assert _task(result, "每月至少安排5天")["recurrence"] == "monthly"
    assert not [i for i in result["items"] if i["text"].startswith("展的基础")]


def test_a_scraped_page_drops_crumbs_and_spam_and_reads_the_publishing_date() -> None:
    result = _run(SCRAPED_PAGE + "【免责声明】本站部分内容来源于网络\n", encoding="gb18030")
    assert result["meta"]["title"] == "在全县安全生产工作会议上的讲话"
    assert result["meta"]["date"] == "2023-05-22"
    assert [h["marker"] for h in result["outline"]] == ["一要", "二要", "三要"]
    lead = _task(result, "专项整治")
    assert lead["owners"] == ["县应急管理局"] and lead["due"]["by"] == "2023-06-30"
    assert not [i for i in result["items"] if "责任编辑" in i["text"] or "分享" in i["text"]]


def test_mojibake_and_traditional_script_do_not_break_extraction() -> None:
    page = SCRAPED_PAGE.replace("县应急管理局要牵头", "縣應急管理局要牽頭")
    data = page.encode("utf-8")
    broken = data[:200] + "轉變?yōu)榘l(fā)展".encode() + data[200:]
    result = extract_bytes(broken, name="page.txt")
    assert _task(result, "专项整治")["owners"] == ["县应急管理局"]
    big5 = extract_bytes(page.encode("big5", errors="replace"), name="page.txt")
    assert big5["outline"]
