"""Deadlines and cadences in Chinese administrative text (pure; no Django, no clock).

One module serves two readers:

* the directive extractor, which looks for the deadline a *sentence* sets
  (`find_due(sentence, anchor=meeting_date)`), and
* the Excel ledger importer, which reads a *cell* of the 完成时限 column
  (`parse_due("2024.6", anchor=...)`, `parse_due("长期坚持")`).

Both walk the same table of patterns (`_RULES`), each row naming what it matches and how it
resolves to a last day. Sentences are stricter than cells: in running text a bare month or year is
usually not a deadline (`在2022年取得优异成绩的基础上`), while a cell holds nothing else.

`Due.by` is the last day the work may be done on (ISO date), `None` when the text gives no
resolvable day: a vague word (`尽快`), an anonymised date (`X月X日前`), a recurring deadline
(`每月10日前`, see `Due.recurrence`), ongoing work (`长期坚持`), or a year that neither the anchor
nor the text states.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

DueKind = Literal["date", "vague", "ongoing", "recurring"]

__all__ = [
    "RECURRENCE_ORDER",
    "Due",
    "DueKind",
    "find_due",
    "find_recurrence",
    "find_year_statement",
    "parse_due",
    "small_number",
]


@dataclass(frozen=True)
class Due:
    """A deadline as written (`text`) and as resolved (`by`)."""

    text: str
    by: date | None
    recurrence: str | None
    kind: DueKind
    start: int = 0  # where `text` starts in the string searched
    end: int = 0


# --- small numerals -------------------------------------------------------------------------

_CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"  # a month, day or plan number
_YEAR = r"(?:\d{4}|[一二〇零三四五六七八九]{4})"


def small_number(s: str) -> int | None:
    """Parse a small integer written in digits or Chinese (`12`, `十二`, `二十一`); None otherwise.

    Used for months, days, quarters and five-year-plan numbers; large amounts go through the
    numeral parser in `luoshi.lib.directives.numbers`.
    """
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if len(s) == 4 and all(ch in _CN_DIGITS for ch in s):  # a year spelt digit by digit: 二〇二四
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = _CN_DIGITS.get(head, -1) if head else 1
        ones = _CN_DIGITS.get(tail, -1) if tail else 0
        if tens < 0 or ones < 0 or "十" in tail:
            return None
        return tens * 10 + ones
    if len(s) == 1 and s in _CN_DIGITS:
        return _CN_DIGITS[s]
    return None


def _end_of_month(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- the pattern table ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    year: int | None  # the year in force for deadlines written without one
    anchor: date | None  # the date the text was given


# A resolver gets the match and the context and returns the last day, or None when it cannot
# be told. Resolvers never look at the clock.
Resolver = Callable[["re.Match[str]", _Ctx], "date | None"]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: str
    resolve: Resolver
    kind: DueKind = "date"
    cell_only: bool = False  # a bare month or year is a deadline only when it is all a cell holds
    needs_cue: bool = False  # 年底/今年/全年 count only when they bound the action (see _bounds)


def _g(m: re.Match[str], name: str) -> str:
    return m.groupdict().get(name) or ""


def _year(m: re.Match[str], ctx: _Ctx) -> int | None:
    if _g(m, "ny"):
        return ctx.year + 1 if ctx.year else None
    written = small_number(_g(m, "y")) if _g(m, "y") else None
    return written if written else ctx.year


def _month(m: re.Match[str]) -> int | None:
    mo = small_number(_g(m, "m"))
    return mo if mo is not None and 1 <= mo <= 12 else None


def _r_ymd(m: re.Match[str], ctx: _Ctx) -> date | None:
    y, mo, d = _year(m, ctx), _month(m), small_number(_g(m, "d"))
    return _safe_date(y, mo, d) if y and mo and d else None


def _r_month_end(m: re.Match[str], ctx: _Ctx) -> date | None:
    y, mo = _year(m, ctx), _month(m)
    return _end_of_month(y, mo) if y and mo else None


def _r_month_before(m: re.Match[str], ctx: _Ctx) -> date | None:
    # `6月前` read literally: before June starts, i.e. the last day of May.
    y, mo = _year(m, ctx), _month(m)
    if not (y and mo):
        return None
    return date(y - 1, 12, 31) if mo == 1 else _end_of_month(y, mo - 1)


def _r_dekad(m: re.Match[str], ctx: _Ctx) -> date | None:
    # 上旬 ends on the 10th, 中旬 on the 20th, 下旬 at the end of the month.
    y, mo = _year(m, ctx), _month(m)
    if not (y and mo):
        return None
    return {"上": date(y, mo, 10), "中": date(y, mo, 20)}.get(_g(m, "p"), _end_of_month(y, mo))


def _r_this_month(m: re.Match[str], ctx: _Ctx) -> date | None:
    a = ctx.anchor
    return _end_of_month(a.year, a.month) if a is not None else None


_QUARTER_NUM = {"一": 1, "1": 1, "首": 1, "二": 2, "2": 2, "三": 3, "3": 3, "四": 4, "4": 4}


def _r_quarter(m: re.Match[str], ctx: _Ctx) -> date | None:
    y, q = _year(m, ctx), _QUARTER_NUM.get(_g(m, "q"))
    return _end_of_month(y, q * 3) if y and q else None


def _r_half(m: re.Match[str], ctx: _Ctx) -> date | None:
    y = _year(m, ctx)
    if y is None:
        return None
    return date(y, 6, 30) if _g(m, "h") in ("上", "年中") else date(y, 12, 31)


def _r_year_end(m: re.Match[str], ctx: _Ctx) -> date | None:
    y = _year(m, ctx)
    return date(y, 12, 31) if y else None


def _r_next_year(m: re.Match[str], ctx: _Ctx) -> date | None:
    if ctx.year is None:
        return None
    return date(ctx.year + 1, 6, 30) if _g(m, "h") == "上" else date(ctx.year + 1, 12, 31)


def _r_plan(m: re.Match[str], ctx: _Ctx) -> date | None:
    # Five-year plans: 十一五 = 2006–2010, so plan N ends in 2010 + 5 × (N − 11).
    n = small_number(_g(m, "n"))
    return date(2010 + 5 * (n - 11), 12, 31) if n is not None and 6 <= n <= 30 else None


def _r_none(m: re.Match[str], ctx: _Ctx) -> date | None:
    return None


_BEFORE = r"(?:前|以前|之前)"
# A written year, or 明年 before a month, quarter or half (`明年3月底前` is next March).
_Y = rf"(?:(?P<y>{_YEAR})年|(?P<ny>明年))"

# Every rule is searched; the best match wins (see `_pick`). Patterns work on characters, never
# on segmented words (jieba splits 2030年前 as 2030 / 年前).
_RULES: tuple[_Rule, ...] = (
    # full dates: 2024年6月30日前, 6月30日前, 2024/6/30, 2024-06-30, 2024.6.30
    _Rule("ymd", rf"{_Y}?(?P<m>{_NUM})月(?P<d>{_NUM})[日号](?:{_BEFORE}|内|以内|止)?", _r_ymd),
    _Rule("ymd-digits", rf"(?P<y>\d{{4}})[./\-](?P<m>\d{{1,2}})[./\-](?P<d>\d{{1,2}})日?{_BEFORE}?", _r_ymd),
    # month ends: 2024年6月底前, 6月底, 十二月末; dekads: 6月中旬前; before a month: 6月前
    _Rule("month-end", rf"{_Y}?(?P<m>{_NUM})月份?(?:底|末){_BEFORE}?", _r_month_end),
    _Rule("month-dekad", rf"{_Y}?(?P<m>{_NUM})月份?(?P<p>[上中下])旬{_BEFORE}?", _r_dekad),
    _Rule("month-before", rf"{_Y}?(?P<m>{_NUM})月份?{_BEFORE}", _r_month_before),
    _Rule(
        "this-month",
        rf"(?:本月|当月)(?:底|末){_BEFORE}?|(?<![\dX〇零一二三四五六七八九十个])月底{_BEFORE}",
        _r_this_month,
    ),
    # a month alone, or 2024.6: a deadline in a cell, a mere date in a sentence
    _Rule("month-within", rf"{_Y}(?P<m>{_NUM})月份?(?:内|以内)?", _r_month_end, cell_only=True),
    _Rule("ym-digits", r"(?P<y>\d{4})[./\-](?P<m>\d{1,2})(?![\d./\-])", _r_month_end, cell_only=True),
    _Rule("month-bare", rf"(?P<m>{_NUM})月份?", _r_month_end, cell_only=True),
    # quarters: 一季度, 第三季度, 2024年二季度末, 首季 (not 每季度, 季度盘点, 四季竞赛)
    _Rule(
        "quarter",
        rf"{_Y}?(?:第?(?P<q>[一二三四1234])季度|(?P<q2>首)季度?)(?:末|底)?{_BEFORE}?",
        lambda m, c: _r_quarter_first(m, c),
    ),
    # half years: 上半年, 2024年下半年, 年中
    _Rule("half", rf"{_Y}?(?:(?P<h>[上下])半年|年中){_BEFORE}?", _r_half),
    # next year: 明年, 明年上半年, 明年底
    _Rule("next-year", rf"明年(?:(?P<h>[上下])半年|年?底|末)?{_BEFORE}?", _r_next_year),
    # five-year plans: “十四五”期间, 十四五末, 十三五收官
    _Rule(
        "plan",
        r"[“\"']?(?P<n>[一二三四五六七八九十]{1,3})五[”\"']?(?:规划)?(?:期间|时期|末期?|收官)",
        _r_plan,
    ),
    # written years: 2023年年底, 2024年底前, 2030年前, 到2025年, 2030年基本实现
    _Rule("year-end", rf"(?P<y>{_YEAR})年(?:年底|底|末|年末|内){_BEFORE}?", _r_year_end),
    _Rule("year-before", rf"(?P<y>{_YEAR})年{_BEFORE}", _r_year_end),
    _Rule(
        "year-by",
        rf"(?:到|至|截至|力争|确保|争取|于)(?P<y>{_YEAR})年(?!{_NUM}月|[上下]半年|第?[一二三四]季度)",
        _r_year_end,
    ),
    _Rule(
        "year-goal", rf"(?P<y>{_YEAR})年(?=(?:基本|全面|率先|如期)?(?:实现|完成|建成|达到|达成))", _r_year_end
    ),
    _Rule("year-bare", rf"(?P<y>{_YEAR})年度?", _r_year_end, cell_only=True),
    # this year's end: 年底前, 今年底; 今年, 全年, 年内 only when they bound the action
    _Rule(
        "this-year-end",
        rf"(?:今年|本年|当年)?(?:年底|年末)(?:{_BEFORE})|(?:今年|本年|当年)底{_BEFORE}?",
        _r_year_end,
    ),
    _Rule("this-year", r"今年(?:年底|年末|底)?|年底|年末|年内|全年|本年度", _r_year_end, needs_cue=True),
    # anonymised dates keep their text but never resolve: X月X日前, 到X年
    _Rule(
        "anonymised", rf"(?:X+年)?X+月(?:X+[日号])?(?:底|末)?{_BEFORE}|(?:到|至)X+年", _r_none, kind="vague"
    ),
    # ongoing work (cells only; in a sentence these describe a manner, not a deadline)
    _Rule(
        "ongoing",
        r"长期坚持|持续推进|持续开展|常态化|长期|持续|长效",
        _r_none,
        kind="ongoing",
        cell_only=True,
    ),
    # seasonal deadlines: a deadline whose day the calendar does not fix (汛期前, 春节前, 开学前)
    _Rule(
        "season",
        r"(?:主汛期|汛期|入汛|春节|元旦|国庆|中秋|开学|入冬|冬季|夏季|秋收|春耕|麦收|供暖季|采暖季)(?:前|以前|之前)",
        _r_none,
    ),
    # vague words: the text is kept, the day is not known
    _Rule("vague", r"近期|尽快|及时|迅速|立即|适时|抓紧|如期", _r_none, kind="vague"),
)


def _r_quarter_first(m: re.Match[str], ctx: _Ctx) -> date | None:
    y, q = _year(m, ctx), _QUARTER_NUM.get(_g(m, "q") or _g(m, "q2"))
    return _end_of_month(y, q * 3) if y and q else None


@dataclass(frozen=True)
class _Table:
    rules: tuple[_Rule, ...]
    combined: re.Pattern[str]
    singles: tuple[re.Pattern[str], ...]


def _table(rules: tuple[_Rule, ...]) -> _Table:
    # One combined regex finds candidates in a single pass; each rule's own regex then reads its
    # groups. Group names repeat across rules, so the combined one drops them.
    strip = re.compile(r"\(\?P<[a-z0-9]+>")
    combined = "|".join(f"(?P<r{i}>{strip.sub('(?:', r.pattern)})" for i, r in enumerate(rules))
    return _Table(rules, re.compile(combined), tuple(re.compile(r.pattern) for r in rules))


_SENTENCE_TABLE = _table(tuple(r for r in _RULES if not r.cell_only))
_CELL_TABLE = _table(_RULES)

# Recurring deadlines: 每月10日前, 每季度末, 每周五, 每年12月底前. The cadence comes from
# `find_recurrence`; there is no single last day.
_RECURRING_DEADLINE = re.compile(
    rf"(?:每|逐)个?(?:月|季度?|周|星期|年|半年)(?:{_NUM}月)?"
    rf"(?:{_NUM}[日号]|底|末|初|[一二三四五六日天](?![次个项])|第.{{1,3}}个工作日)?{_BEFORE}?"
)
_RECURRING_DAY = re.compile(
    r"\d|[日号]|[底末初]|工作日|(?:周|星期)[一二三四五六日天]|月[一二三四五六七八九十]"
)

# `年底/今年/全年` bound the action only when their clause speaks of finishing something;
# `为全年农业丰收打基础`, `从今年开始`, `年底考核`, `今年是…` do not.
_BOUND_CUE = re.compile(r"目标|任务|完成|实现|确保|力争|争取|达到|突破|以内|之内")
# ...or when the clause carries a forward quantity: `全年粮食产量稳定在50万吨以上`,
# `全年安排重点项目120个` (a count being planned), not only a finishing verb.
_QTY = r"(?:\d+(?:\.\d+)?|[一二三四五六七八九十两百千万]+)"
_FORWARD_QUANTITY = re.compile(
    rf"(?:不少于|不低于|稳定在|保持在|控制在){_QTY}"
    rf"|{_QTY}[^,，。;；\d]{{0,8}}?以上"
    rf"|(?:安排|新建|新增|新开工|开工|实施|建设|建成|推进|引进|招引|培育|打造|举办|组织|开展|改造|创建|组建|认定|完成)"
    rf"[^,，。;；]{{0,20}}?\d+(?:\.\d+)?[个项家座条所台套部场批户名人处亩公里万亿千百%％]"
)
_NOT_BOUND_BEFORE = re.compile(r"(?:为|从|自|对|在|与|比|较|同|截至|去年|上年)$")
_NOT_BOUND_AFTER = re.compile(
    r"^(?:是|以来|开始|起|来|初|度?(?:考核|工作会|总结|述职)|考核|以前|的成绩|的工作)"
)
_CLAUSE_BREAK = re.compile(r"[,，。;；!！?？:：\n]")


def clause_of(text: str, start: int, end: int) -> tuple[int, int]:
    """The [left, right) range of the comma clause around text[start:end]."""
    left = start
    while left > 0 and not _CLAUSE_BREAK.match(text[left - 1]):
        left -= 1
    right = end
    while right < len(text) and not _CLAUSE_BREAK.match(text[right]):
        right += 1
    return left, right


def _bounds(text: str, start: int, end: int) -> bool:
    left, right = clause_of(text, start, end)
    before, after = text[left:start], text[end:right]
    if _NOT_BOUND_BEFORE.search(before) or _NOT_BOUND_AFTER.match(after):
        return False
    if text[start:end].endswith(("前", "内")) or after.startswith(("前", "内", "之前", "以前")):
        return True
    # `到年底,…要达到50%以上`, `今年要新组建…`: a time word that opens the demand bounds it
    if re.search(r"(?:^|[^从自])(?:到|至)$", before) or after.startswith(
        ("要", "将", "力争", "确保", "必须")
    ):
        return True
    if _BOUND_CUE.search(before[-12:] + "|" + after):
        return True
    return _FORWARD_QUANTITY.search(before + text[start:end] + after) is not None


@dataclass(frozen=True)
class _Hit:
    rule: _Rule
    text: str
    start: int
    end: int
    by: date | None


# `当前已经是9月中旬`, `时值年底`: the time it is now, not a deadline.
_NOW_BEFORE = re.compile(r"(?:已经|已|现在|当前|目前|眼下|正值|时值|时近|转眼)(?:是|到了|进入|临近)?$")


def _hits(text: str, table: _Table, ctx: _Ctx, *, cell: bool) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in table.combined.finditer(text):
        if _NOW_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        index = int((m.lastgroup or "r0")[1:])
        rule = table.rules[index]
        single = table.singles[index].match(text, m.start())
        if single is None:  # pragma: no cover - the combined and single patterns agree
            continue
        if rule.needs_cue and not cell and not _bounds(text, m.start(), m.end()):
            continue
        hits.append(_Hit(rule, single.group(0), m.start(), m.end(), rule.resolve(single, ctx)))
    return hits


def _recurring(text: str) -> tuple[str, int, int] | None:
    # `每月10日前` or `每季度末`: a day inside the cadence makes a recurring deadline; a bare `每月`
    # is only a cadence (see find_recurrence).
    for m in _RECURRING_DEADLINE.finditer(text):
        word = m.group(0)
        if _RECURRING_DAY.search(word[1:]):
            return word, m.start(), m.end()
    return None


def _roll_forward(hit: _Hit, anchor: date | None) -> date | None:
    # A month-day deadline written without a year and already past on the anchor date means next
    # year's (a November speech saying `1月31日前`).
    by = hit.by
    if by is None or anchor is None or by >= anchor:
        return by
    written_year = re.search(r"\d{4}|[〇零一二三四五六七八九]{4}", hit.text) is not None
    if written_year or not hit.rule.name.startswith(("ymd", "month")):
        return by
    return _safe_date(by.year + 1, by.month, by.day) or _end_of_month(by.year + 1, by.month)


def _ctx(anchor: date | None, year: int | None) -> _Ctx:
    return _Ctx(year if year is not None else (anchor.year if anchor is not None else None), anchor)


# Deadlines that only name this year (`今年`, `全年`, `年底前`): a finer one in the sentence wins.
_YEAR_LEVEL = frozenset({"this-year", "this-year-end"})


def find_due(text: str, *, anchor: date | None = None, year: int | None = None) -> Due | None:
    """The deadline one sentence sets, or None.

    `anchor` is the date the text was given (the meeting date); `year` overrides the year used for
    deadlines written without one (a text that says `今年是…2024年` but carries no date). Without
    either, such deadlines keep their text with `by=None`. A concrete deadline wins over a vague
    word; among concrete ones the first written wins.
    """
    if not text:
        return None
    hits = _hits(text, _SENTENCE_TABLE, _ctx(anchor, year), cell=False)
    concrete = [h for h in hits if h.rule.kind == "date"]
    recurring = _recurring(text)
    if recurring is not None:
        word, start, end = recurring
        # The cadence's own day is not a one-off deadline (每月10日前 is not 10 January).
        concrete = [h for h in concrete if h.end <= start or h.start >= end]
        if not concrete:
            return Due(word, None, find_recurrence(word), "recurring", start, end)
    if concrete:
        # A month, day, quarter or half-year beats a year-level word (`今年…9月底前` → 9月底前).
        specific = [h for h in concrete if h.rule.name not in _YEAR_LEVEL]
        hit = specific[0] if specific and concrete[0].rule.name in _YEAR_LEVEL else concrete[0]
        return Due(hit.text, _roll_forward(hit, anchor), None, "date", hit.start, hit.end)
    if hits:
        hit = hits[0]
        return Due(hit.text, None, None, hit.rule.kind, hit.start, hit.end)
    return None


def parse_due(cell: str, *, anchor: date | None = None, year: int | None = None) -> Due | None:
    """Read one 完成时限 cell of a ledger: `2024年6月底`, `6月30日前`, `2024.6`, `2024/6/30`,
    `三季度`, `上半年`, `长期坚持`, `每季度`, `每月10日前`. None for an empty or unreadable cell."""
    text = (cell or "").strip()
    if not text:
        return None
    cadence = find_recurrence(text)
    if _recurring(text) is not None or (cadence is not None and cadence != "periodic"):
        return Due(text, None, cadence, "recurring", 0, len(text))
    hits = _hits(text, _CELL_TABLE, _ctx(anchor, year), cell=True)
    concrete = [h for h in hits if h.rule.kind == "date"]
    if concrete:
        # In a cell the most specific reading wins (2024年6月30日 over the 2024年 inside it).
        best = max(concrete, key=lambda h: (h.end - h.start, -h.start))
        return Due(best.text, _roll_forward(best, anchor), None, "date", best.start, best.end)
    if hits:
        return Due(text, None, None, hits[0].rule.kind, 0, len(text))
    if cadence == "periodic":
        return Due(text, None, cadence, "recurring", 0, len(text))
    return None


# --- recurrence -----------------------------------------------------------------------------

# From finest to coarsest; `periodic` (定期, 不定期) says there is a cadence but not which, so any
# named cadence beats it (逐月逐季度…定期 → monthly; 每月不定期 → monthly).
RECURRENCE_ORDER: tuple[str, ...] = ("daily", "weekly", "monthly", "quarterly", "yearly", "periodic")

# `月检查、季评比`, `月度调度`, `周例会`: a period word right before a supervision routine is its
# cadence, unless the period is a date (`3月检查`, `上月通报`, `本季度考核`).
_NOT_DATED = r"(?<![\d一二三四五六七八九十〇两个本上下当次同半整年每逐按])"
_CADENCED = r"调度|考勤|检查|评比|通报|督查|考核|盘点|分析|例会|研判|讲评|点评|监测|报告"
_RECURRENCE_WORDS: dict[str, str] = {
    "daily": r"每天|每日|逐日|日清日结|日事日毕|日清日高|一日一(?:报|调度|研判)|日报告|按日",
    "weekly": rf"每周|每星期|逐周|{_NOT_DATED}周(?:{_CADENCED})|一周一(?:报|评|督|查|{_CADENCED})|按周",
    "monthly": rf"每(?:个)?月|逐月|{_NOT_DATED}月度?(?:{_CADENCED})|一月一(?:报|评|考|督|查|{_CADENCED})|按月",
    "quarterly": (
        rf"每(?:个)?季度?|逐季度?|{_NOT_DATED}季度?(?:{_CADENCED})|四季竞赛|一季一(?:报|评|考|督|查|{_CADENCED})|按季度?"
    ),
    "yearly": r"每(?:一)?年|逐年|按年度|年终述职|年度考核|一年一(?:评|考|报)|按年",
    "periodic": r"不定期|定期|经常性|常态化督查",
}
_RECURRENCE_RE = re.compile("|".join(f"(?P<{k}>{v})" for k, v in _RECURRENCE_WORDS.items()))


def find_recurrence(text: str) -> str | None:
    """The finest cadence named in `text` (`daily` … `yearly`, `periodic`), or None.

    `年度` that only means "this year's" (`年度任务`, `年度实施方案`) is not a cadence; nor is a list
    of periods (`落实到年、季、月、天`)."""
    found = {m.lastgroup for m in _RECURRENCE_RE.finditer(text or "")}
    for cadence in RECURRENCE_ORDER:
        if cadence in found:
            return cadence
    return None


# --- the year a text states -----------------------------------------------------------------

_YEAR_STATEMENT = re.compile(
    r"今年是[^。!?;\n]{0,40}?(?P<a>\d{4})年|(?P<b>\d{4})年是[^。!?;\n]{0,30}?(?:之年|一年)"
)


def find_year_statement(text: str) -> int | None:
    """The current year when the text states it (`今年是…2024年`, `2024年是…关键之年`), else None."""
    m = _YEAR_STATEMENT.search(text or "")
    if m is None:
        return None
    return int(m.group("a") or m.group("b"))
