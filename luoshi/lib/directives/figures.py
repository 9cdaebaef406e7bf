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
from luoshi.lib.directives.targets import clause_of, metric_of

__all__ = ["find_figures", "period_of"]

_ADDRESS = re.compile(r"感谢|敬意|致以|问候|慰问|祝贺|欢迎")
_ADDRESS_NOUN = re.compile(r"^(?:父老乡亲|乡亲|同胞|市民|居民|群众|干部群众|人民|党员干部|职工|家庭)")
_FORECAST = re.compile(
    r"有望|预计|将(?:会|要)?(?:达到|突破|超过|实现)|力争|争取|目标(?:是|为)|计划(?:到|于|在|实现|完成|新增)|预期"
)
_ATTENDANCE = re.compile(r"应到|实到|出席|列席|缺席|参会|与会|到会")
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


def _metric(clause: str, q: Quantity, left: int, others: list[Quantity]) -> str:
    offset = q.start - left
    earlier = [o for o in others if left <= o.start and o.end <= q.start]
    if earlier:
        # `收入完成81.97亿元、增长45.9%`: the subject before the first number, the verb after the last
        first, last = earlier[0], earlier[-1]
        subject = clause[: first.start - left]
        subject = _VERB_BEFORE.sub("", subject)
        tail = clause[last.end - left : offset].lstrip("、,，和及以上 ")
        return metric_of(subject + tail, len(subject + tail))
    return metric_of(clause, offset)


_BARE_VERB = re.compile(
    r"^(?:同比|比上年|较上年)?(?:增长|下降|提升|提高|减少|增加|降低|达到|达|完成|实现|为|是|突破|占)"
)


def _subject_before(sentence: str, left: int) -> str:
    """The subject of the clause before `left` (`一般公共预算收入完成186.3亿元,增长7.2%`)."""
    prev_left, _ = clause_of(sentence, max(0, left - 2), max(0, left - 1))
    previous = sentence[prev_left : max(0, left - 1)]
    m = _VERB_ANYWHERE.search(previous)
    return previous[: m.start()] if m else ""


_VERB_ANYWHERE = re.compile(
    r"(?:同比|比上年|较上年)?(?:增长|下降|提升|提高|减少|增加|降低|达到|达|完成|实现|突破|\d)"
)


def find_figures(sentence: str, *, period: str | None) -> list[dict[str, Any]]:
    """The figures one reporting sentence states, in the contract's shape."""
    if _ADDRESS.search(sentence) or _ATTENDANCE.search(sentence):
        return []
    quantities = find_quantities(sentence)
    out: list[dict[str, Any]] = []
    for q in quantities:
        if q.unit in TIME_UNITS and not _RECORD.search(sentence[max(0, q.start - 2) : q.start]):
            continue
        if q.unit.endswith(("名", "位")) and _ADDRESS_NOUN.match(sentence[q.end :]):
            continue
        left, right = clause_of(sentence, q.start, q.end)
        clause = sentence[left:right]
        if _FORECAST.search(clause):
            continue
        op = ">=" if _OP_AFTER.match(sentence[q.end :]) or q.approximate else "="
        metric = _metric(clause, q, left, quantities)
        if (metric == clause.strip() or _BARE_VERB.match(metric)) and left > 0:
            # `…,增长7.2%`: the clause has no subject of its own; borrow the previous clause's
            subject = _subject_before(sentence, left)
            metric = subject + (metric if metric != clause.strip() else "")
        value: float | int = int(q.value) if q.value == int(q.value) else q.value
        out.append(
            {
                "text": clause.strip(),
                "metric": metric,
                "value": value,
                "unit": q.unit,
                "op": op,
                "period": period,
            }
        )
    return out
