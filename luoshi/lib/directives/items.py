"""Which sentences ask for something, and whether a supervision office could check it.

Two questions per sentence, each answered by tables of patterns:

1. *Is it an item?* (`demand_of`) — it asks for something to be done: a modal verb (要, 必须, 确保,
   力争…), a body's commitment (`市委将…`), or an imperative opening (`深入实施…`, `严厉打击…`)
   with nothing that marks it as a look-back. Quotes, thanks, look-backs, `要看到…`,
   announcements of a list (`要做到“四个到位”`), permissions (`只要…都可以…`) and procedural
   requests to the meeting are not items. The clauses of a `;` chain share the mood of the
   sentence that opened the chain (`…打造城市“北大门”;城北片区借助…打造品质化新城;`).
2. *Task or principle?* (`kind_of`) — a task names something checkable: a named project,
   campaign, programme, strategy, pilot, meeting or event; a specific mechanism, system, plan,
   list or report; a number, deadline or cadence; or an operational act (约谈, 通报, 追责, 办理,
   牵头, 督查…). Everything else that is asked (attitude, awareness, style, loyalty, method,
   encouragement) is a principle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

__all__ = ["Demand", "ItemKind", "demand_of", "is_descriptive_heading", "kind_of", "starts_with_action"]

ItemKind = Literal["task", "principle"]

# --- 1. is it an item? ----------------------------------------------------------------------

# Modal verbs that make a demand. 要 only as a verb: not in 重要/主要/需要求/纪要/要素/要点/只要.
# 要求 as a verb (`述职报告要求简单详实`), not as a noun (`部署要求`, `按照…要求,`).
_STRONG_MODAL = re.compile(
    r"(?<![重主纪摘提概简扼首只想需不快])要(?![求素点闻件案害务塞冲地])"
    # `就要胜利召开`: 就要 before an event is "about to", not "must"
    r"(?<!就要(?=[^,，。;；]{0,6}(?:召开|到来|开始|结束|来临|举行|闭幕|开幕)))"
    r"|(?<![的照据署标作律体本上等与和项求确明按])要求(?=[\u4e00-\u9fff])(?!的)"
    r"|必须|务必|应当|需要|一定要|决不|绝不|(?<![等急少免舍怪记晓见懂容])不得|严禁|禁止|不准|不要"
    r"|(?:^|[,，。:：])请(?!问|示|假|柬|教|客|予)"
    r"|希望(?:大家|各级|各地|各部门|各单位|同志们|你们|全市|全县|全区|各位)"
    r"|(?:委|府|办|局|厅|室|部|组|中心|院|我们|我)(?:也|还|都)?将(?!其|之|此|这|该)"
    r"|(?:预期|主要|奋斗|总体|工作|发展)目标(?:是|为)|目标任务(?:是|为)"
    r"|(?<![相关各])牵头(?![单位部门领导的])"
    # a notice escalating to the government: `提请市政府对其主要负责人进行约谈` (not `提请大会审议`)
    r"|(?:^|[,，])提请(?![^,，。]{0,12}审议)"
)
# Adverbial modals: they make a demand only in a sentence that does not look back
# (`切实达到了“思想…”` reports what was achieved).
_WEAK_MODAL = re.compile(r"确保|力争|争取|切实|坚决|不能")

# Verbs (with their adverbs) that open an imperative sentence without a modal:
# `深入落实…`, `严厉打击…`, `依法依规处置…`, `加快市中心医院工程建设进度`.
_IMPERATIVE_START = re.compile(
    r"^(?:(?:深入|大力|加快|全力|切实|持续|不断|认真|严格|严厉|扎实|稳步|着力|全面|坚决|统筹|重点|依法依规|依法"
    r"|充分|主动|精准|科学|积极|进一步|继续|始终|时刻|高标准|高质量|有序|聚力|集中|精心|努力|尽快|及时|迅速"
    r"|全方位|多渠道|常态化|着眼|立足|隆重|正确)*)"
    r"(?:加强|强化|推进|推动|抓好|抓实|做好|做实|做细|实施|落实|开展|建立|健全|完善|组织|组建|出台|制定|办好|支持"
    r"|发挥|依托|围绕|聚焦|坚持|树立|牢固树立|引导|打造|培育|建设|提升|提高|优化|深化|推行|实行|采取|抓|用好|用活"
    r"|保持|紧扣|紧盯|压实|引进|招引|争取|谋划|加大|严把|规范|推广|探索|启动|召开|举办|实现|督促|完成|保障|守护"
    r"|防范|化解|打击|处置|整治|治理|夯实|构建|补齐|拓展|增强|发展|巩固|破除|杜绝|营造|弘扬|倡导|鼓励|凝聚|激发"
    r"|对标|对照|瞄准|锚定|把握|领会|贯彻|学习|宣传|带头|敢于|善于|勇于|自觉|牢记|突出|注重|着力|抓紧|加快|推进"
    r"|落细|深学|笃行|摒弃|克服|杜绝|严格执行|执行|落实好|排出|列出|梳理|建好|管好|办|做|推|抢抓|抢滩|盘活|压紧"
    r"|坚定|扛起|扛牢|兜牢|守牢|守住|稳住|增加|扩大|降低|减少|确保|加速|释放|激活|抓住|下好|打好|打赢|跑好|配置"
    r"|统筹好|处理好|区分|优先|集中|协调|服务|落地|申报|争创|创建|创新|推行|实行|编制|修订|清理|排查|摸排|检查"
    r"|督查|考核|通报|约谈|追责|问责|查处|表彰|整改|落实落细|解决|回应|畅通|健全完善|谋深|研究|明确"
    r"|新建|改扩建|新改建|新开工|新培育|新引进)"
    r"(?![的组室局委办])"  # 督查组, 建设局: nouns, not verbs
)
# Clause openers that do not change the mood: `同时,`, `下一步,`, `当前,`, `如人力资源方面,`.
_LEAD_IN = re.compile(
    r"^(?:(?:同时|另外|此外|并且|其中|下一步|当前|目前|今后|今年|明年|接下来|对此|为此|因此|首先|其次|再次|最后|特别是"
    r"|尤其是|重点|关键|一方面|另一方面|具体来说|具体而言|总之|此外|一是|二是|三是|四是|五是|六是|七是|八是|九是|十是)[,，、:：]?"
    r"|[^,，。;；]{1,14}(?:方面|上|中|里)[,，:：]"
    r"|[^,，。;；]{1,20}(?:的|时)[,，]"
    r"|(?:对|对于|关于|针对)[^,，。;；]{1,40}[,，]"
    r"|(?:在|于|到|自)?[^,，。;；]{0,12}(?:前|底|末|内|期间)[,，]?(?=[\u4e00-\u9fff])"
    r"|(?:如|比如|例如)[^,，。;；]{0,14}[,，]?)"
)

# A look-back: something already done. `了` as an aspect marker (not 为了/了解/不了/了如指掌).
_PAST = re.compile(
    r"(?<![为除罢])了(?![解如结断却得])|已经|已(?![有知])|过去(?!的做法)|去年|上年|近年来|一年来|多年来|以来|回首|回顾"
    r"|[\d一二三四五六七八九十]+年来"
    r"|先后|累计|截至目前|获评|荣获|被列为|被评为|成功(?:应对|创建|举办|召开|入选)"
    # status reports: `截至3月31日,…`, `督查发现,…`, `从督查情况看,…`
    r"|截[至止]到?(?:目前|\d|[一二三四五六七八九十]+月|今年|去年|上年|[上本]月|年底|[一二三四]季度末)"
    r"|(?:督查|检查|调研|暗访|抽查|核查|巡查|评估)中?发现|^经查|^从[^,，。]{1,8}情况(?:看|来看)"
)
# Words that turn a statement forward even inside a report (`今年,…`, `下一步,…`).
_FORWARD = re.compile(r"明年|下一步|今后|接下来|力争|确保|争取|计划(?:到|于|在)|目标")
# A body put in charge by the meeting or the plan: `由区住建局按程序印发实施`, `由市发改委负责`.
_ASSIGNED = re.compile(
    r"(?:^|[,，])由[^,，。;；]{2,24}?(?:负责|牵头|按程序|组织实施|印发|办理|落实|研究|实施|审核|报送|统筹|会同|依法"
    r"|予以|约谈|查处|督办|解决|处理|根据)"
    r"|(?:^|[,，])由(?:市|县|区|镇|乡|省)?[\u4e00-\u9fff]{1,12}(?:局|委|办|室|中心|政府|部|公司|集团|组|院|队|所|站)"
    # a meeting's decision with its follow-up: `会议原则同意X的意见,会后修改完善后报…审批`
    r"|^会议(?:原则)?(?:同意|通过|批准|决定|确定)[^。;；]{2,80}?(?:会后|根据会议|按程序|修改完善|报请?|提交|印发|实施|抓紧)"
    # a notice's decision: `对江北区、高新区予以通报表扬`, `对…的,一律停工整改`
    r"|(?:^|[,，])对[^。;；]{2,40}?予以|一律"
    r"|(?:^|[,，])对[^。;；,，]{1,60}的[^。;；,，]{0,20}[,，][^。;；]{0,20}?(?:追究|实行|给予|严肃处理|依法依规处理)"
)
# Reported speech and quotations: what someone else said is not the speaker's demand.
_QUOTE = re.compile(
    r"^(?:[^,，。]{0,30}(?:总书记|主席|总理|省长|书记|市长|部长|领导|同志|古人|俗话|《[^》]+》)"
    r"[^,，。]{0,12}(?:强调|指出|要求|说|讲|提出|勉励|云|曰|所说)[,，:：“]|《[^》]+》(?:中)?(?:提出|指出|云|说)"
    # the speaker quoting an earlier speech of his own: `我在刚刚召开的…会议上讲,…`
    r"|我(?:曾|也|还)?在[^,，。]{2,30}(?:上|中)(?:讲|说|讲过|说过|强调|强调过|提出过?)[了过]?[,，:：])"
)
# Slogans in quotation marks (`以“起步就要冲刺”的姿态`) hold no demand of the speaker's own.
_SHORT_QUOTE = re.compile(r"“[^“”]{1,30}”")
# Not items whatever their verbs: thanks and praise, `要看到…`, `我们要明白…`, permissions,
# the `是不是…` criteria, bare labels (`即…`), and procedural requests to the meeting.
_NOT_ITEM = re.compile(
    r"感谢|谢谢|致以|敬意|表示热烈|衷心的|祝贺|圆满完成|胜利闭幕|即将闭幕"
    r"|^(?:[^,，。]{0,6})?(?:要|应该|必须)?(?:清醒|充分|深刻)?(?:看到|认识到|明白|意识到|懂得)[,，:：]"
    r"|^(?:我们)?要(?:清醒|充分)?(?:看到|明白)|^只要|^是不是|^即(?!时)|^(?:下面|现在|接下来|首先)?[,，]?请[^。]{0,30}(?:汇报|发言|讲话|介绍|说明|审议|表决)"
    r"|^(?:下面|借此机会|最后)[,，]?(?:我)?(?:再)?(?:讲|提|谈|强调)"
    # explanations and characterisations: what something is for or what it is, not a demand
    r"|目的(?:就)?是|^[^,，。]{2,24}[,，](?:目的)?就是要|既是[^。]{2,60}也是|不是[^。]{1,30}而是"
    r"|(?:让|使)我们[^,，。]{0,6}(?:感受|体会|看到|认识|意识)|^[^,，。“]{2,12}(?<![立随])即(?![时将可便日])"
    # what the year is (`2025年是“十四五”规划收官之年`) and what others forecast or counted
    r"|^(?:\d{4}年|今年|明年)是[^。;；]{0,40}(?:之年|一年)"
    r"|^据[^,，。]{1,14}(?:预测|预报|统计|监测|测算|分析|调查|显示)"
    # the meeting's own agenda: `今天,我们召开…会议,主要任务是…`
    r"|^(?:今天|这次|本次|此次)[^。]{0,40}(?:召开|举行|会议|大会)[^。]{0,60}(?:主要任务|主要目的|主要内容|主题|任务)(?:就)?是"
    # characterisations: `做好明年经济工作,关键在党、关键在干部`
    r"|^[^。]{0,24}[,，](?:关键|根本|核心|要害)在(?!于落实)"
)
# Announcing a list rather than asking for anything: `要做到“四个到位”。`, `讲四点意见`.
_LIST_ANNOUNCEMENT = re.compile(
    r"(?:“[一二两三四五六七八九十]+(?:个|项|大|种|条|点|方面)?[^”]{0,8}”|[一二两三四五六七八九十]+点(?:意见|要求|希望|建议))"
    r"(?:来检验|工作法)?[。:：!！]?$"
)


# A parenthesis or label line of its own names owners or deadlines for the items above it
# (`(市政府办公室牵头,各部门按职责分工负责)`, `责任单位:市住建局`): not an item itself.
_ASIDE = re.compile(
    r"^[(（][^()（）]*[)）][。;；]?$|^(?:牵头单位|责任单位|责任部门|牵头部门|配合单位|完成时限|时间节点|责任领导)[:：]"
    # the pieces of such a parenthesis that `；` cut apart: `（牵头单位：…；`, `…配合）`
    r"|^[(（](?:牵头|责任|配合|协办|主办)(?:单位|部门|领导)?[:：]?[^()（）]*$"
    r"|^[(（][^()（）]{0,40}(?:牵头|负责|配合)[;；]$"
    r"|^[^()（）]{0,60}(?:牵头|负责|配合|落实|参与)[)）][。;；]?$"
)


@dataclass(frozen=True)
class Demand:
    """Why a sentence is (or is not) taken as asking for something."""

    is_item: bool
    reason: str


def _strip_lead_ins(text: str) -> str:
    prev = None
    while prev != text:
        prev = text
        text = _LEAD_IN.sub("", text, count=1).lstrip('“"')
    return text


def demand_of(
    text: str,
    *,
    chain_demand: bool | None = None,
    scheduled: bool = False,
    plan: bool = False,
    reporting: bool = False,
    looking_back: bool = False,
) -> Demand:
    """Whether `text` (one cleaned sentence) asks for something to be done.

    `chain_demand` is the mood of the sentence that opened the `;` chain this sentence continues
    (None when it opens a chain itself). `scheduled` says the sentence attaches a cadence or a
    deadline to an action (`每月不定期抽问抽查…`): that alone makes a demand of a sentence that does
    not look back. `plan` says the sentence stands under a numbered item of a work plan, where
    every statement that does not look back is something to do (`解读率达到100%`). `reporting`
    says the sentence stands in a section that reports: a work report's review
    (`一、2023年工作回顾`) or a notice's findings (`一、总体情况`), where only a modal verb or a
    forward word (`下一步`, `力争`) makes a demand (`粮食总产量达到38.2万吨` there is an
    achievement, not a target). `looking_back` says the paragraph has been looking back since its
    last demand: there a number or a date no longer makes a demand, nor does a verb of building
    before a count (`新建省级以上创新平台34个` reports)."""
    body = text.strip()
    if len(re.findall(r"[\u4e00-\u9fff]", body)) < 4:
        return Demand(False, "too short")
    if _NOT_ITEM.search(body):
        return Demand(False, "not an item")
    if _ASIDE.match(body):
        return Demand(False, "owner or deadline note")
    if _QUOTE.match(body):
        return Demand(False, "quotation")
    core = body.rstrip("。!！?？;；﹔ ")
    if re.search(r"[:：]$", body) and len(core) <= 20 and not _STRONG_MODAL.search(core):
        return Demand(False, "introduces a list")
    if _ASSIGNED.search(body):
        return Demand(True, "decision")  # `对…的,年度考核实行“一票否决”` decides; it announces nothing
    lead = _strip_lead_ins(core)
    announced = _LIST_ANNOUNCEMENT.search(lead)
    if announced and announced.start() <= 12 and not re.search(r"[,，]", lead[: announced.start()]):
        return Demand(False, "announces a list")
    unquoted = _SHORT_QUOTE.sub("“”", body)
    if _STRONG_MODAL.search(unquoted):
        return Demand(True, "modal")
    if reporting and not _FORWARD.search(body):
        return Demand(False, "reports")
    looks_back = _PAST.search(body) is not None
    if chain_demand is False:
        # inside a `;` list of achievements only a strong modal turns a clause into a demand
        return Demand(False, "continues a description")
    if looks_back:
        return Demand(False, "look-back")
    if _WEAK_MODAL.search(body):
        return Demand(True, "modal")
    stripped = _strip_lead_ins(body)
    if _IMPERATIVE_START.match(stripped) or _IMPERATIVE_START.match(body):
        if looking_back and re.search(r"\d", body):
            return Demand(False, "reports")
        return Demand(True, "imperative")
    if chain_demand:
        return Demand(True, "continues a demand")
    if plan and not looking_back:
        return Demand(True, "work plan")
    if scheduled and not looking_back:
        return Demand(True, "scheduled")
    return Demand(False, "no demand")


def starts_with_action(text: str) -> bool:
    """True when `text` opens with an action verb (after its adverbs): `深入实施…`, `实行…`."""
    return _IMPERATIVE_START.match(text) is not None


def is_descriptive_heading(title: str) -> bool:
    """A heading that only names or describes (`一是政策红利叠加`) rather than asking."""
    return not demand_of(title).is_item


# --- 2. task or principle? ------------------------------------------------------------------

# (a) Named projects, campaigns, programmes, strategies, pilots, meetings and events, and the
#     operational domains speeches hand out as campaigns (疫情防控, 春耕备耕, 信访…).
_NAMED_WORK = re.compile(
    r"项目|工程|行动(?!起来|上)|活动|战略|试点|示范区|示范园|园区|开发区|基地|会议|大会|交办会|督办会|推进会|现场会|观摩|竞赛|比拼"
    r"|攻坚战|保卫战|歼灭战|专项(?:整治|行动|巡察|督查|检查|治理)|整治|主题教育|学习教育|教育整顿|实践活动"
    r"|(?:学习|宣传|贯彻|落实)[^,，。]{0,8}(?:精神|思想)|党史学习|(?<![党的])建设(?!性)|改造|开发|产业|企业"
    r"|疫情防控|防汛|抗旱|森林防火|春耕|备耕|秋收|秋冬防|保供|开门红|招商引资|信访|创建|文明城市|课题"
    r"|改革(?!创新)|规划|城市更新|综合体|品牌|调研|普查|巡察|巡视|换届|庆祝|迎接|开复工|签约|投产|达产|开工|竣工|上市|走访|调查研究"
    r"|^会议(?:原则)?(?:同意|通过|批准|决定|确定)"
    # a programme named in quotation marks and put into practice: `开展“三查”`, `实行“一点一策”`
    r"|(?:开展|实行|推行|实施|落实|推广|建立|健全)[^,，。;；]{0,12}“[^”]{2,12}”"
)
# (b) A specific mechanism, system, plan, list or report to build or carry out.
_MECHANISM = re.compile(
    r"机制|制度|(?<!方)方案|清单|台账|计划|报告|体系|办法|细则|标准体系|目录|负责制|责任制|工作法|平台|指挥部|专班"
    r"|工作组|领导小组|档案|述职|检讨书|时间表|路线图|任务书|责任人|倒排工期|挂图作战|联络站|联络点|网格|热线"
    r"|政策包|一本通|奖补政策|优惠政策|合同|预审|审核关|准入|名单|数据库|项目库"
)
# (d) Operational acts a supervision office can check happened (with or without a named body:
#     sanction rules such as `对…的,要通报批评` are specific mechanisms too).
_OPERATIONAL = re.compile(
    r"约谈|通报|追责|问责|办理|牵头|督查|督办|督导|查处|抽查|抽问|检查|考核|表彰|检讨|上报|报送|汇报|整改|交办|销号"
    r"|召开|制定|出台|印发|列出|梳理|打击|处置|澄清|分解|存档|核实|暗访|验收|评估|评议|公示|曝光|处分|处理"
    r"|清点|清查|核查|盘点|排查|摸排|巡查|值守|值班|停工|封控|转移|撤离|疏散|备案|审批|追缴|清退|拆除|关停"
    r"|严查|查纠|追究|一票否决|执法|巡逻|管控|补强|加固|抢修|维修|清淤|疏浚"
)
# Principle markers, kept for the reasoning they record: attitude, awareness, style, loyalty and
# method, encouragement. They never veto a task cue (a sentence that names a mechanism is a task
# even if it also speaks of 意识), they only explain why the rest are principles.
_PRINCIPLE = re.compile(
    r"意识|观念|作风|精神|忠诚|信念|担当|导向|理念|思维|站位|本领|能力|定力|初心|使命|责任感|紧迫感|危机感|态度|氛围"
    r"|风气|鼓励|坚持|强化|提高|增强|树牢|树立|保持|发扬|弘扬|牢记|坚定"
)


def kind_of(
    text: str,
    *,
    has_number: bool = False,
    has_deadline: bool = False,
    has_cadence: bool = False,
) -> ItemKind:
    """`task` when the sentence names something a supervision office could check, else
    `principle`. Numbers, concrete deadlines and cadences are found by the caller (targets,
    deadlines) and passed in."""
    if has_number or has_deadline or has_cadence:
        return "task"
    if _NAMED_WORK.search(text) or _MECHANISM.search(text) or _OPERATIONAL.search(text):
        return "task"
    return "principle"


def principle_reason(text: str) -> str | None:
    """The attitude/style word that marks a principle, for reviewers; None when none is named."""
    m = _PRINCIPLE.search(text)
    return m.group(0) if m else None
