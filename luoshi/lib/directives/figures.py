"""Reported figures: achieved values of measurable indicators (`一般公共预算收入完成81.97亿元`).

Figures are read from sentences that report rather than ask. A number is a figure unless it is
a duration or a date (time units, except a record kept without a break: `连续151个月`), a
headcount used as address (`向…4万名父老乡亲表示敬意`), a forecast (`有望突破`, `预计`), or meeting
attendance (`应到180人,实到178人`). `op` is `>=` for `52%以上`, else `=`.
"""

from __future__ import annotations

import re
from typing import Any

from luoshi.lib.directives.numbers import TIME_UNITS, Quantity, find_quantities
from luoshi.lib.directives.owners import lexicon
from luoshi.lib.directives.targets import clause_of, metric_of

__all__ = ["find_figures", "period_of"]

_ADDRESS = re.compile(r"感谢|敬意|致以|问候|慰问|祝贺|欢迎")
_ADDRESS_NOUN = re.compile(r"^(?:父老乡亲|乡亲|同胞|市民|居民|群众|干部群众|人民|党员干部|职工|家庭)")
_FORECAST = re.compile(
    r"有望|预计|将(?:会|要)?(?:达到|突破|超过|实现|减少|增加|新增|下降|增长|提高|提升|下拉|拉低|拉动|带动|带来|形成)"
    r"|力争|争取|目标(?:是|为)|计划(?:到|于|在|实现|完成|新增)|预期|预测|预报"
)
_REPORTED_FORECAST = re.compile(r"据[^,，。]{1,14}(?:预测|预报|预计)")
_ATTENDANCE = re.compile(r"应到|实到|出席|列席|缺席|参会|与会|到会|作了?(?:交流|典型|表态)?发言")
# How the work was organised, not what it achieved: `组成3个督查组`, `派出5个工作组`, and the
# objects of an action (`对11个区县市进行全面督战`).
_PROCEDURE_BEFORE = re.compile(
    r"(?:组成|派出|抽调|成立|分成|分为|(?<![相绝面])对|向|给|跟|抽查了?的?|抽取了?的?|随机抽查了?的?)$"
)
_PROCEDURE_AFTER = re.compile(r"^(?:个)?(?:督查组|检查组|工作组|调研组|暗访组|考核组|专班|小组|批次)")
_OBJECT_OF = re.compile(r"(?<![相绝面])对[^,，。;；]*$")
_ACTED_ON = re.compile(r"[^,，。]*?(?:开展|进行|实施|组织)")
# A threshold that defines a class of things counted earlier in the clause
# (`有31个项目完成投资不足年度计划的10%`): part of the metric, not a figure of its own.
_CRITERION_BEFORE = re.compile(r"(?:不足|低于|高于|超过|少于|多于|未达到?)[^,，;；。\d]{0,8}$")
_COUNTED = frozenset({"个", "家", "项", "户", "人", "所", "座", "条", "处", "宗", "件", "名", "批"})
# Words that only set the scope of a count (`全市仍有55个项目未按计划开工`): the metric is then
# what comes after the number.
_SCOPE_ONLY = re.compile(
    r"(?:其中|全市|全县|全区|全省|全镇|全乡|本市|全年|共|共有|仍有|还有|尚有|另有|有|累计|合计|总计|"
    r"[一二三四]季度|上半年|下半年|今年以来|年初以来|[^,，]{0,8}以来|截至[^,，]{0,12})*"
)
_COMPARISON_TAIL = re.compile(r"(?:不足|低于|高于|超过|少于|多于|达到|达|为|的|了|已|在)+$")
_RECORD = re.compile(r"连续$")
_OP_AFTER = re.compile(r"^(?:以上|多|余)")
# Metric tails: the verb that links a metric to its value.
_VERB_BEFORE = re.compile(
    r"(?:同比|比上年|较上年)?(?:增长|下降|提升|提高|减少|增加|降低|达到|达|完成|实现|为|是|突破)(?:了)?$"
)


def period_of(text: str, anchor_year: int | None) -> str | None:
    """The period a reporting passage describes: a year it names, `去年`/`过去一年` (the year before
    the anchor), `今年以来` (the anchor year), with `一季度`… giving `YYYY-Qn`."""
    m = re.search(r"(?P<y>20\d{2})年(?:(?P<q>[一二三四])季度|(?P<m>\d{1,2})月份?(?!\d|底|末))?", text)
    year: int | None = None
    quarter: str | None = None
    month: str | None = None
    if m:
        year = int(m.group("y"))
        quarter, month = m.group("q"), m.group("m")
    elif anchor_year is not None and re.search(r"去年|过去的?一年|上一年|上年度", text):
        year = anchor_year - 1
    elif anchor_year is not None and re.search(r"今年以来|本年度以来|年初以来", text):
        year = anchor_year
    if year is None:
        return None
    if quarter:
        return f"{year}-Q{'一二三四'.index(quarter) + 1}"
    if month:
        return f"{year}-{int(month):02d}"
    return str(year)


def _counted_thing(clause: str, q: Quantity, left: int, others: list[Quantity]) -> str | None:
    """`全市仍有55个项目未按计划开工` → 项目未按计划开工: the count's noun and what is said of it,
    when the words before the number only set the scope."""
    head = clause[: q.start - left].strip(' “”"')
    among = _AMONG.search(head)
    record = head.endswith("连续")
    # `全市承担的32个省级重点项目`: a relative clause before the count only describes the noun;
    # `完成26座病险水库除险加固`: a bare verb before it, the noun after says what was done.
    if not (
        _SCOPE_ONLY.fullmatch(head)
        or among
        or record
        or head.endswith("的")
        or _BARE_DOING.fullmatch(_SCOPE_HEAD.sub("", head))
    ):
        return None
    later = [o.start - left for o in others if o.start >= q.end and o.start - left <= len(clause)]
    after = clause[q.end - left : min(later) if later else len(clause)]
    after = _COMPARISON_TAIL.sub("", after.strip(' “”"')).strip()
    if len(re.findall(r"[\u4e00-\u9fff]", after)) < 2 or _OP_AFTER.match(after):
        return None
    if record:
        return "连续" + after  # `已连续14年未发生水库垮坝事故` → 连续未发生水库垮坝事故
    if among and q.unit in _COUNTED:
        # `拟新开工项目中有11个尚未取得批复`: N of the group have the property
        return _SCOPE_HEAD.sub("", among.group("group")) + after
    if head.endswith("的"):
        # `大武口区安排的20个重点项目`: whose projects they are belongs to the metric
        return _SCOPE_HEAD.sub("", head) + after
    return after


# `年度计划投资中仍有2100万元资金缺口`, `拟新开工项目中有11个…`
_AMONG = re.compile(r"^(?P<group>.+?)中(?:仍|还|尚|共)?有$")
_SCOPE_HEAD = re.compile(r"^(?:其中|全市|全县|全区|全省|全年|上半年|下半年|[一二三四]季度|今年以来|累计)+")
_BARE_DOING = re.compile(
    r"(?:已|共|累计)?(?:完成|新建|建成|新增|修复|实施|改造|培育|引进|开工|竣工|投入|治理|排查|整治|处置|办结|化解|建设)"
)


_OPEN_PAREN = re.compile(r"[(（][^()（）]*$")
_LIST_ITEM_START = re.compile(r"(?:^|[、])(?P<item>[^、]*)$")


def _bracketed(clause: str, offset: int) -> str | None:
    """`新增“四上”企业(683家、全省第1)`: a number inside a parenthesis measures the list item the
    parenthesis follows, plus any verb inside (`收入(增长13%` → 收入增长)."""
    m = _OPEN_PAREN.search(clause, 0, offset)
    if m is None:
        return None
    inside = clause[m.start() + 1 : offset]
    outside = _PAREN_SPANS.sub("", clause[: m.start()])
    item = _LIST_ITEM_START.search(outside)
    subject = item.group("item") if item else outside
    return metric_of(subject + inside, len(subject + inside)) or None


_PAREN_SPANS = re.compile(r"[(（][^()（）]*[)）]")


# `漏损率由年初的14.8%下降至11.2%`: the starting value measures the subject before 由
_FROM = re.compile(r"^(?P<subject>[^,，]{2,}?)由[^,，]{0,6}?的?$")


def _metric(clause: str, q: Quantity, left: int, others: list[Quantity]) -> str:
    offset = q.start - left
    start = _FROM.match(clause[:offset].strip(' “”"'))
    if start is not None:
        return metric_of(start.group("subject"), len(start.group("subject")))
    bracketed = _bracketed(clause, offset)
    if bracketed is not None:
        return bracketed
    counted = _counted_thing(clause, q, left, others)
    if counted is not None:
        return counted
    earlier = [o for o in others if left <= o.start and o.end <= q.start]
    if earlier:
        # `收入完成81.97亿元、增长45.9%`: the subject before the first number, the verb after the last
        first, last = earlier[0], earlier[-1]
        subject = clause[: first.start - left]
        subject = _VERB_BEFORE.sub("", subject)
        between = clause[last.end - left : offset]
        tail = between.lstrip("、,，和及以上 ")
        if between.startswith("、") and tail and not _BARE_VERB.match(tail):
            # `东坪县5个、柳河县4个`: each number has its own name before it; `发生事故11起、死亡4人`:
            # the second measures the same subject
            if lexicon().names_body(tail):
                return tail
            return metric_of(subject + tail, len(subject + tail))
        return metric_of(subject + tail, len(subject + tail))
    return metric_of(clause, offset)


_COMPARED = r"(?:同比|环比|比上年同期|比上年|较上年同期|较上年|比去年同期|较去年同期|比去年|较去年)?"
_BARE_VERB = re.compile(
    rf"^(?:已|仅|共|目前仅?|累计)?{_COMPARED}(?:增长|下降|提升|提高|减少|增加|降低|达到|达|完成|实现|为|是|突破|占|开工|竣工|建成)(?!率)"
)


def _subject_before(sentence: str, left: int, *, share: bool = False) -> str:
    """The subject of the nearest earlier clause that has one
    (`一般公共预算收入完成9.86亿元,完成年度预算的35.2%,同比增长4.3%` → 一般公共预算收入).

    With `share` (the clause says `占…`), the whole metric of the previous clause is the subject:
    `累计完成投资186.4亿元,占年度计划的24.6%` → 累计完成投资."""
    end = left
    while end > 1:
        prev_left, _ = clause_of(sentence, max(0, end - 2), max(0, end - 1))
        previous = sentence[prev_left : max(0, end - 1)]
        first = next(iter(find_quantities(previous)), None)
        if share:
            return metric_of(previous, first.start) if first else ""
        counted = _counted_thing(previous, first, 0, [first]) if first else None
        if counted is not None and first is not None:
            # `大武口区安排的20个重点项目,已开工18个` → 大武口区安排的重点项目 + 已开工
            return counted
        m = _VERB_ANYWHERE.search(previous)
        subject = previous[: m.start()] if m else ""
        if subject.strip(" ,，"):
            return subject
        if prev_left == 0 or sentence[prev_left - 1] not in ",，":
            return ""  # only clauses of the same sentence part share a subject
        end = prev_left
    return ""


_VERB_ANYWHERE = re.compile(rf"{_COMPARED}(?:增长|下降|提升|提高|减少|增加|降低|达到|达|完成|实现|突破|\d)")


def _shared_tail(names: list[str]) -> str:
    """What the last of a `、` list shares with the others: `城镇、农村居民人均可支配收入` →
    居民人均可支配收入; `临河县、市交通运输局开工率` → 开工率."""
    lex = lexicon()
    last = names[-1]
    for cut in range(len(last) - 1, 1, -1):
        if lex.names_body(last[:cut]):
            return last[cut:]
    shortest = min(len(n) for n in names[:-1])
    return last[shortest:] if shortest < len(last) else ""


_RESPECTIVELY = re.compile(r"^(?P<subjects>.*?)分别(?P<verb>[^、,，]{0,6})$")
# `江北区、高新区开工率均达到100%`: one value shared by every body listed
_BOTH = re.compile(r"^(?P<subjects>[^,，]*、[^,，]*?)(?:均|都)(?P<verb>[^、,，]{0,6})$")
_PREVIOUS_RESPECTIVELY = re.compile(r"(?:^|[,，;；。])(?P<subjects>[^,，;；。]*?)分别[^,，;；。]*[,，]$")


def _respective_metrics(sentence: str, clause: str, left: int, group: list[Quantity]) -> list[str] | None:
    """One metric per number of a `分别` list. Subjects come from this clause, else from an
    earlier `分别` clause (`收入分别达到41260元和20870元,分别增长5.1%、7.4%`), else from the numbers
    just before (`发生事故26起、死亡9人,同比分别下降18.8%和25%`)."""
    m = _RESPECTIVELY.match(clause[: group[0].start - left].strip(' “”"'))
    if m is None or len(group) < 2:
        return None
    verb = m.group("verb")
    subjects = re.sub(rf"^{_COMPARED}", "", m.group("subjects").strip())
    if not subjects.strip():
        pm = _PREVIOUS_RESPECTIVELY.search(sentence[:left])
        if pm is not None:
            subjects = pm.group("subjects")
        else:
            return _metrics_of_previous(sentence, left, len(group), verb)
    return _per_subject(subjects, verb, len(group))


def _per_subject(subjects: str, verb: str, count: int | None) -> list[str] | None:
    """One metric per body or indicator of a `、` list, each completed by what the list shares
    (`城镇、农村居民人均可支配收入` + 增长 → 城镇居民人均可支配收入增长, 农村居民人均可支配收入增长).
    `count` is how many there must be (None: at least two)."""
    subjects = re.sub(r"^(?:其中|全市|全县|全区|全省)", "", subjects.strip())
    names = [n for n in re.split(r"[、和及与]", subjects) if n]
    if count == 2 and len(names) == 1 and names[0].startswith("城乡"):
        names = ["城镇" + names[0][2:], "农村" + names[0][2:]]  # 城乡居民收入分别增长…: town, then country
    if (count is not None and len(names) != count) or len(names) < 2:
        return None
    tail = _shared_tail(names)
    out = []
    for name in names:
        full = name if name == names[-1] or name.endswith(tail) else name + tail
        out.append(metric_of(full + verb, len(full + verb)))
    return out


def _metrics_of_previous(sentence: str, left: int, count: int, verb: str) -> list[str] | None:
    """The metrics of the `count` numbers written before `left`, each with `verb` after it."""
    before = find_quantities(sentence[:left])
    if len(before) < count:
        return None
    out = []
    for q in before[-count:]:
        q_left, q_right = clause_of(sentence, q.start, q.end)
        name = _metric(sentence[q_left:q_right], q, q_left, before)
        out.append(metric_of(name + verb, len(name + verb)))
    return out


def _shared_metrics(clause: str, left: int, q: Quantity) -> list[str] | None:
    """`江北区、高新区开工率均达到100%` → 江北区开工率, 高新区开工率 (one figure each)."""
    m = _BOTH.match(clause[: q.start - left].strip(' “”"'))
    if m is None:
        return None
    return _per_subject(m.group("subjects"), m.group("verb"), None)


def _quantity_groups(sentence: str, quantities: list[Quantity]) -> dict[int, list[Quantity]]:
    """Numbers listed together (`5.1%、7.4%`, `41260元和20870元`), keyed by each member's start."""
    groups: dict[int, list[Quantity]] = {}
    current: list[Quantity] = []
    for q in quantities:
        if current and re.fullmatch(r"\s*[、和及与]\s*", sentence[current[-1].end : q.start]):
            current.append(q)
        else:
            current = [q]
        for member in current:
            groups[member.start] = current
    return groups


def find_figures(sentence: str, *, period: str | None) -> list[dict[str, Any]]:
    """The figures one reporting sentence states, in the contract's shape."""
    if _ADDRESS.search(sentence) or _ATTENDANCE.search(sentence) or _REPORTED_FORECAST.match(sentence):
        return []
    quantities = find_quantities(sentence)
    groups = _quantity_groups(sentence, quantities)
    out: list[dict[str, Any]] = []
    for q in quantities:
        if q.unit in TIME_UNITS and not _RECORD.search(sentence[max(0, q.start - 2) : q.start]):
            continue
        if q.unit.endswith(("名", "位")) and _ADDRESS_NOUN.match(sentence[q.end :]):
            continue
        before = sentence[max(0, q.start - 12) : q.start]
        if _PROCEDURE_BEFORE.search(before) or _PROCEDURE_AFTER.match(sentence[q.end - len(q.unit) :]):
            continue
        if _OBJECT_OF.search(sentence, 0, q.start) and _ACTED_ON.match(sentence, q.end):
            continue  # `对8个县(市、区)和14个市直单位…开展了专项督查`
        left, right = clause_of(sentence, q.start, q.end)
        clause = sentence[left:right]
        if _FORECAST.search(clause):
            continue
        if _CRITERION_BEFORE.search(sentence[left : q.start]) and any(
            left <= o.start < q.start and o.unit in _COUNTED for o in quantities
        ):
            continue
        op = ">=" if _OP_AFTER.match(sentence[q.end :]) or q.approximate else "="
        group = groups[q.start]
        respective = _respective_metrics(sentence, clause, left, group)
        if respective is not None:
            out.append(_figure(clause, respective[group.index(q)], q, op, period))
            continue
        shared = _shared_metrics(clause, left, q) if len(group) == 1 else None
        if shared is not None:
            out.extend(_figure(clause, name, q, op, period) for name in shared)
            continue
        metric = _metric(clause, q, left, quantities)
        if (metric == clause.strip() or _BARE_VERB.match(metric)) and left > 0:
            # `…,增长7.2%`: the clause has no subject of its own; borrow an earlier clause's
            subject = _subject_before(sentence, left, share=metric.startswith("占"))
            metric = subject + (metric if metric != clause.strip() else "")
        out.append(_figure(clause, _with_unit(sentence, left, metric), q, op, period))
    return out


_RATE = re.compile(r"(?:率|比重|占比)$")
_SEGMENT_START = re.compile(r"[;；。]")


def _with_unit(sentence: str, left: int, metric: str) -> str:
    """`其中,大武口区安排的20个重点项目,已开工18个,开工率90%` → 大武口区开工率: a rate in a `；`
    segment about one unit belongs to that unit."""
    if not _RATE.search(metric) or left == 0:
        return metric
    starts = [m.end() for m in _SEGMENT_START.finditer(sentence, 0, left)]
    segment = sentence[starts[-1] if starts else 0 : left]
    segment = re.sub(r"^\s*(?:其中|另外|此外)[:：,，]?", "", segment)
    lex = lexicon()
    for cut in range(min(len(segment), 8), 1, -1):
        name = segment[:cut]
        if re.search(r"[,，、的我们要是]|接受|自觉", name):
            continue
        if lex.names_body(name) and not lex.is_generic(name) and name not in metric:
            return name + metric
    return metric


def _figure(clause: str, metric: str, q: Quantity, op: str, period: str | None) -> dict[str, Any]:
    value: float | int = int(q.value) if q.value == int(q.value) else q.value
    return {
        "text": clause.strip(),
        "metric": metric,
        "value": value,
        "unit": q.unit,
        "op": op,
        "period": period,
    }
