"""Forward-looking quantitative targets in a demand: `增长7.5%以上` → `>=` 7.5 %.

The comparison comes from the words around the number, read from two small tables:

* a bound written after it: `以上` → `>=`, `以内`/`以下`/`之内` → `<=`, `左右` → `=`;
* a verb written before it: `达到`/`不低于`/`不少于` → `>=`, `不超过`/`不高于`/`控制在` → `<=`,
  `超过`/`突破`/`高于` → `>`, `低于`/`少于` → `<`.

A bound after the number wins over a verb before it (`控制在5.5%以内`). A range (`2—4家`,
`5%-6%`) gives two targets, `>=` the low end and `<=` the high end; a list sharing one bound
(`分别增长5%、8%以上`) gives one target per number, all with that bound. An alternative
(`90%以上或者百分百`) keeps the first.
"""

from __future__ import annotations

import re
from typing import Any

from luoshi.lib.deadlines import clause_of
from luoshi.lib.directives.numbers import TIME_UNITS, Quantity, find_quantities

__all__ = ["bound_after", "bound_before", "clause_of", "find_targets", "metric_of", "metrics_of"]

_AFTER_BOUNDS: tuple[tuple[str, str], ...] = (
    ("及以上", ">="),
    ("以上", ">="),
    ("之上", ">="),
    ("以内", "<="),
    ("之内", "<="),
    ("以下", "<="),
    ("左右", "="),
    ("上下", "="),
)
_BEFORE_VERBS: tuple[tuple[str, str], ...] = (
    ("不低于", ">="),
    ("不少于", ">="),
    ("不小于", ">="),
    ("至少", ">="),
    ("达到", ">="),
    ("达", ">="),
    ("不超过", "<="),
    ("不能超过", "<="),
    ("不得超过", "<="),
    ("不高于", "<="),
    ("不多于", "<="),
    ("不大于", "<="),
    ("控制在", "<="),
    ("最多", "<="),
    ("超过", ">"),
    ("突破", ">"),
    ("高于", ">"),
    ("多于", ">"),
    ("大于", ">"),
    ("低于", "<"),
    ("少于", "<"),
    ("小于", "<"),
)
_BEFORE_RE = re.compile(
    "(?:"
    + "|".join(re.escape(w) for w, _ in sorted(_BEFORE_VERBS, key=lambda p: -len(p[0])))
    + r")[^,，;；。]{0,3}$"
)
_BEFORE_OP = dict(_BEFORE_VERBS)
_RANGE_SEP = re.compile(r"^\s*(?:[-—–~～至到])\s*$")
# Clauses that speak of the past or of a forecast are not targets: `在去年增长8%的基础上`.
# (`同比增长6%以上` in a plan is a target: the comparison alone does not look back.)
_NOT_TARGET_CLAUSE = re.compile(r"去年|上年|已经|已(?!有)|过去|基础上|有望|预计")


_TIME_LIMIT = re.compile(r"(?:压缩|缩短|减少|控制)(?:至|到|在)$")
# A count that says how many there are (`全县17家危化品企业`) or what an action is aimed at.
_SCOPE_BEFORE = re.compile(r"(?:全县|全市|全区|全镇|全乡|全省|辖区|现有|共有)$")
_OBJECT_CLAUSE = re.compile(r"^\s*对[^,，]*$")
_SCOPE_NOUN = re.compile(r"企业|单位|乡镇|部门|学校|医院|村|社区|街道|县区|县市区|园区")
# `10万元以上的村` names a class; `增长7.5%以上的目标` is still the target itself.
_CLASS_BOUND = re.compile(r"的(?!目标|水平|增速|增幅|幅度|速度|标准|要求|任务)")


def bound_after(text: str, end: int) -> tuple[str, int] | None:
    """The bound written right after a number ending at `end`: (op, end of the bound word)."""
    rest = text[end : end + 4]
    for word, op in _AFTER_BOUNDS:
        if rest.startswith(word):
            return op, end + len(word)
    return None


def bound_before(text: str, start: int) -> str | None:
    """The comparison verb written just before a number starting at `start`, as an op."""
    head = text[max(0, start - 8) : start]
    m = _BEFORE_RE.search(head)
    if m is None:
        return None
    word = next(w for w, _ in sorted(_BEFORE_VERBS, key=lambda p: -len(p[0])) if m.group(0).startswith(w))
    return _BEFORE_OP[word]


_METRIC_NOISE = re.compile(
    r"^(?:要|要求|确保|力争|争取|努力|聚焦|围绕|全年|今年|全市|预计|其中|同时|实现|达到|完成|但|但是|而|另外)+|(?:分别|同比|比上年|较上年"
    r"|达到|达|实现|完成|为|是|在|了|控制在|保持在|稳定在|不低于|不少于|不超过|不能超过|不高于|超过|突破|提升了|提高了"
    r"|增长了|下降了|的)+$"
)


# A deadline opening the clause (`6月底前开工率达到60%`): not part of what is measured. Only time
# words count, so 国内生产总值 and 内容 keep their 内.
_LEADING_TIME = re.compile(
    r"^(?:于|在|到|力争|确保)?"
    r"(?:(?:\d{4}年)?(?:\d{1,2}月(?:\d{1,2}日)?|[一二三四]季度|[上下]半年)(?:底|末|上旬|中旬|下旬)?"
    r"(?:前|以前|之前|内|以内)"
    r"|(?:\d{4}年|\d{1,2}月|今年|明年|年|月)(?:底|末)(?:前|以前|之前|内)?|(?:汛期|年内)前?)"
    r"(?=[\u4e00-\u9fff])"
)


def metric_of(clause: str, quantity_offset: int) -> str:
    """What a number measures: the clause before it, without opening and linking words."""
    head = clause[:quantity_offset].strip(' “”"')
    head = _LEADING_TIME.sub("", head)
    metric = _METRIC_NOISE.sub("", head).strip(" ,，、")
    return metric or clause.strip()


def metrics_of(clause: str, quantity_offset: int, count: int) -> list[str]:
    """One metric per number of a `分别` list: `增加值、投资分别增长5%、8%` → 增加值增长, 投资增长."""
    metric = metric_of(clause, quantity_offset)
    head = clause[:quantity_offset]
    m = re.search(r"^(?P<subjects>.+?)分别(?P<verb>[^、,，]{0,6})$", head)
    if count > 1 and m is not None:
        subjects = [x for x in re.split(r"[、和及与]", m.group("subjects")) if x]
        if len(subjects) == count:
            verb = _METRIC_NOISE.sub("", m.group("verb"))
            return [_METRIC_NOISE.sub("", subject + verb) or metric for subject in subjects]
    return [metric] * count


def _group(text: str, quantities: list[Quantity]) -> list[list[Quantity]]:
    """Numbers that share one bound: `5%、8%以上`, `2—4家`, `5%和8%`."""
    groups: list[list[Quantity]] = []
    for q in quantities:
        if groups:
            prev = groups[-1][-1]
            gap = text[prev.end : q.start]
            if re.fullmatch(r"\s*(?:[、和及与]|[-—–~～至到])\s*", gap):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def find_targets(text: str) -> list[dict[str, Any]]:
    """The quantitative targets a demand sentence sets, in the contract's shape."""
    raw = _range_quantities(text)
    out: list[dict[str, Any]] = []
    for group in _group(text, raw):
        last = group[-1]
        after = bound_after(text, last.end)
        limited = _TIME_LIMIT.search(text, 0, group[0].start) or (after and after[0] == "<=")
        if last.unit in TIME_UNITS and not limited:
            continue  # `3年内`, `用10个月`: a duration, not a target (`压缩至1个工作日以内` is one)
        left, right = clause_of(text, group[0].start, last.end)
        clause = text[left:right]
        if _NOT_TARGET_CLAUSE.search(clause):
            continue
        scope = _SCOPE_BEFORE.search(text, left, group[0].start) and _SCOPE_NOUN.search(text, last.end, right)
        if scope or (
            _OBJECT_CLAUSE.match(clause) and not after and bound_before(text, group[0].start) is None
        ):
            continue  # `督促全县17家企业…`, `对尚未开工的3个子项目,要…`: the scope, not a goal
        if after and _CLASS_BOUND.match(text, after[1]):
            continue  # `经营性收入10万元以上的村`: a bound that names a class, not a target
        is_range = len(group) == 2 and _RANGE_SEP.match(text[group[0].end : group[1].start]) is not None
        metrics = metrics_of(clause, group[0].start - left, len(group))
        metric = metrics[0]
        if is_range:
            low, high = group
            unit = high.unit
            out.append(_target(clause, metric, ">=", low.value, unit))
            out.append(_target(clause, metric, "<=", high.value, unit))
            continue
        before = bound_before(text, group[0].start)
        op = after[0] if after else (before or "=")
        for q, q_metric in zip(group, metrics, strict=True):
            out.append(_target(clause, q_metric, op, q.value, q.unit or last.unit))
    return out


def _range_quantities(text: str) -> list[Quantity]:
    # `2—4家`: the low end has no unit of its own; give it the high end's unit.
    found = find_quantities(text)
    extra: list[Quantity] = []
    for q in found:
        m = re.search(r"(\d+(?:\.\d+)?)\s*[-—–~～至到]\s*$", text[max(0, q.start - 12) : q.start])
        if m is None:
            continue
        start = q.start - (len(text[max(0, q.start - 12) : q.start]) - m.start())
        if any(o.start <= start < o.end for o in found):
            continue
        extra.append(Quantity(float(m.group(1)), q.unit, start, start + len(m.group(1)), m.group(1)))
    return sorted(found + extra, key=lambda q: q.start)


def _target(clause: str, metric: str, op: str, value: float, unit: str) -> dict[str, Any]:
    number: float | int = int(value) if value == int(value) else value
    return {"text": clause, "metric": metric, "op": op, "value": number, "unit": unit}
