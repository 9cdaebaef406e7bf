"""Numbers with units, as speeches write them: `81.97亿元`, `7.5%`, `百分之九十`, `千亿大关`.

A quantity is a numeral (digits, or Chinese numerals converted with cn2an on the isolated span
only, never over whole text) followed by a unit from `UNITS`. What is *not* a number is decided
here too, because targets and figures share the rule: anonymised `X`, dates, ordinal rankings
(`第一`), scale labels naming a class (`百亿级`, `千亿首位产业`), programme names (`1+5+N`) and
durations (`用了10个月`, `14年来`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Quantity", "find_quantities", "parse_numeral"]

_CN = "〇零一二两三四五六七八九十百千万亿"
_CN_NUMERAL = rf"[{_CN}]+(?:点[〇零一二三四五六七八九]+)?"
_DIGITS = r"\d+(?:,\d{3})*(?:\.\d+)?"

# Units, longest first inside each group so that 个百分点 wins over 个. A magnitude (万, 亿)
# stays in the unit as the speeches write it: 81.97亿元 is 81.97 with unit 亿元.
_MAGNITUDE = r"(?:万亿|千亿|百亿|十亿|亿|千万|百万|十万|万|千)?"
_MONEY = r"(?:元|美元|欧元|港元|日元)"
_MEASURES = (
    r"个百分点|百分点|个工作日|工作日|个季度|个月|%|‰|倍|成"
    r"|微克/立方米|毫克/立方米|平方公里|平方米|平方千米|立方米|公里|千米|千瓦时|千瓦|兆瓦|吨标准煤|吨|公斤|千克|亩|公顷|米"
    r"|人次|户|家|个|项|座|所|条|处|次|辆|台|套|件|起|名|人|位|张|批|宗|栋|间|床|千瓦时|度|标箱|箱|部|场|艘|架|株"
    r"|年|天|日|小时|周"
)
_UNIT = rf"(?:{_MAGNITUDE}(?:{_MONEY}|{_MEASURES})|万亿|亿|万)"

# Time units: a count of them is a duration (how long something took), never an indicator,
# except a record kept without a break (`连续151个月杜绝了重特大事故`).
TIME_UNITS = frozenset({"个月", "个季度", "年", "天", "日", "小时", "周", "个工作日", "工作日"})

_QUANTITY = re.compile(
    rf"(?P<pct>百分之(?P<pctnum>{_CN_NUMERAL}|{_DIGITS}))"
    rf"|(?P<num>{_DIGITS}|{_CN_NUMERAL})(?P<more>多|余)?(?P<unit>{_UNIT})"
)

# Things that look like quantities and are not.
_NOT_AFTER = re.compile(r"^(?:级|强|首位|大关口|型|字|分之)")  # 百亿级, 全省百强, 千亿首位产业
_NOT_BEFORE = re.compile(r"(?:第|X|前|后|倒数|排名|居|位列|每)$")  # 第一, 前三, 后3位, X万元
# `排名全省10名之后`, `位居全市第3位`: a place in a ranking, however many words sit between.
_RANKING = re.compile(r"(?:排名|排在|位列|位居|位次|排位|名列)[^,，。;；\d]{0,6}$")
_NOT_UNIT_PREFIX = re.compile(r"[\d.]$")  # inside a longer number or a version (4.0)
_SLOGAN_CLASSIFIERS = frozenset({"个", "项", "条", "大", "种", "件", "名", "位", "次"})


@dataclass(frozen=True)
class Quantity:
    """A number with its unit at [start, end) of the searched string."""

    value: float
    unit: str
    start: int
    end: int
    text: str
    approximate: bool = False  # 多/余: `5000多年`


def _cn2an(span: str) -> float | None:
    try:
        import cn2an  # imported on first use: it costs ~0.1 s and most sentences hold digits
    except ImportError:  # pragma: no cover - cn2an is a declared dependency
        return None
    # cn2an rejects a leading bare magnitude (千, 百亿): write the implied one.
    if span[0] in "十百千万亿":
        span = ("" if span[0] == "十" else "一") + span
    try:
        value = cn2an.cn2an(span, "normal")
    except (ValueError, KeyError, TypeError):
        return None
    return float(value)


@lru_cache(maxsize=4096)
def parse_numeral(span: str) -> float | None:
    """The value of an isolated numeral span: `81.97`, `1,200`, `十二`, `千`, `二〇三〇`."""
    span = span.strip()
    if not span:
        return None
    if span[0].isdigit():
        try:
            return float(span.replace(",", ""))
        except ValueError:
            return None
    return _cn2an(span)


def _split_magnitude(unit: str) -> tuple[float, str]:
    # 千亿 as a unit means "thousand 亿": keep 亿 as the unit, fold 千 into the value, so that
    # 突破千亿大关 reads 1000 亿元 like the speeches' own 1000亿元.
    for prefix, factor in (("千", 1000.0), ("百", 100.0), ("十", 10.0)):
        if unit.startswith(prefix) and len(unit) > 1 and unit[1] in "万亿":
            return factor, unit[1:]
    return 1.0, unit


_RATIO_UNITS = frozenset({"倍", "成", "个百分点", "百分点"})


def _cn_counts(num: str, unit: str) -> bool:
    # Chinese numerals are mostly words, not quantities: 一批, 两个确立, 四个意识, 三项制度,
    # 四套班子. They count only as ratios (翻两倍, 三成) or with a magnitude (千亿, 三百万元).
    if unit in _RATIO_UNITS:
        return True
    if all(ch in "十百千万亿" for ch in num) and unit[:1] not in ("万", "亿"):
        return False  # 万家水库, 千家万户: a bare magnitude before a classifier is a word
    has_magnitude = any(ch in num for ch in "百千万亿") or any(ch in unit for ch in "万亿")
    return has_magnitude and unit not in _SLOGAN_CLASSIFIERS


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text` that is a real number with a unit (see the module doc)."""
    out: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        start, end = m.start(), m.end()
        before = text[max(0, start - 3) : start]
        after = text[end : end + 4]
        if _NOT_BEFORE.search(before) or _NOT_UNIT_PREFIX.search(before) or _NOT_AFTER.match(after):
            continue
        if m.group("pct"):
            value = parse_numeral(m.group("pctnum"))
            if value is None:
                continue
            out.append(Quantity(value, "%", start, end, m.group(0)))
            continue
        num, unit = m.group("num"), m.group("unit")
        if unit in ("名", "位") and _RANKING.search(text, max(0, start - 10), start):
            continue
        is_cn = not num[0].isdigit()
        if is_cn and not _cn_counts(num, unit):
            continue
        if after.startswith(("+", "＋")) or before.endswith(("+", "＋")):
            continue  # 1+5+N, 4+6: programme names
        if is_cn and len(num) > 1 and num[-1] in "万亿":
            # 三百万元: keep the magnitude in the unit, as 300万元 would be written
            tail = "万亿" if num.endswith("万亿") and len(num) > 2 else num[-1]
            num, unit = num[: -len(tail)], tail + unit
        value = parse_numeral(num)
        if value is None:
            continue
        factor, unit = _split_magnitude(unit)
        if unit in ("万", "亿", "万亿") and re.match(r"大关|规模|元", after) is None and is_cn:
            # 千亿 alone: a scale label unless it is a threshold crossed (千亿大关)
            continue
        if unit in ("万", "亿", "万亿") and after.startswith("大关"):
            unit += "元"  # 突破千亿大关: the threshold is an amount of money
        out.append(Quantity(value * factor, unit, start, end, m.group(0), bool(m.group("more"))))
    return out
