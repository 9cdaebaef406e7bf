"""Title, speaker and date of a speech, read from its head.

* `title`: the first short line of the cleaned text (a headline such as
  `在市六届人大三次会议闭幕式上的讲话`), or failing that the `在…上的讲话` phrase near the top.
* `speaker`: a name after an office title in the head (`中共咸宁市委书记 孟祥伟`,
  `高都镇党委书记张建军`), or before `同志在…上的讲话`.
* `date`: the date printed with the speech (`(2024年1月11日)`), failing that a publishing line
  (`时间:2023年02月24日`, `发布时间:2021-06-20`) of the original page, failing that None. A date
  without a year (`5月22日电`) gives None.

The head is the text before the salutation (`各位代表,同志们:`) or the first 400 characters.
"""

from __future__ import annotations

import re
from datetime import date

from luoshi.lib.directives.outline import match_heading

__all__ = ["find_date", "find_speaker", "find_title", "head_of", "salutation_end"]

_SALUTATION = re.compile(r"(?:各位代表|同志们|各位委员|各位领导|女士们|同事们)[,，、!！:：]")
_HEAD_LIMIT = 400

_TITLE_WORDS = re.compile(r"讲话|报告|纪要|通报|要点|方案|意见|通知|致辞|发言|总结|决定|计划|安排|公报|实施")
_SPEECH_PHRASE = re.compile(r"在[^。,，;；\n]{2,60}?上的(?:讲话|报告|致辞|发言|总结讲话|主持词)")
_NOT_TITLE = re.compile(
    r"^(?:时间|来源|发布|作者|日期|点击|编辑|首页)|^[（(—\-\s]*\d{4}年\d{1,2}月\d{1,2}日[)）]?$|[:：]$|>"
)

_OFFICE = (
    r"(?:副?书记|副?市长|副?县长|副?区长|副?镇长|副?乡长|副?省长|副?主任|副?部长|副?局长|副?主席|副?秘书长|常委"
    r"|委员|厅长|院长|检察长|党组成员|主任委员)"
)
_SPEAKER_AFTER_OFFICE = re.compile(
    rf"{_OFFICE}[ \u3000]*(?P<name>[\u4e00-\u9fff]{{2,3}})(?=[ \u3000]*(?:[\n(（]|$|[ \u3000]))"
)
_SPEAKER_OFFICE_TALK = re.compile(
    rf"{_OFFICE}[ \u3000]*(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?在[^。\n]{{2,60}}?上的(?:讲话|报告|致辞)"
)
_NAME_LINE = re.compile(r"^[ \u3000]*(?P<name>[\u4e00-\u9fff]{2,3})[ \u3000]*$", re.M)
_SPEAKER_CHAIRS = re.compile(rf"{_OFFICE}(?P<name>[\u4e00-\u9fff]{{2,3}}?)(?:同志)?主持(?:召开)?")
_SPEAKER_BEFORE_TALK = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,3})(?:同志)?在[^。\n]{2,60}?上的(?:讲话|报告)")

_CN_DIGIT = {
    "〇": "0",
    "零": "0",
    "○": "0",
    "一": "1",
    "二": "2",
    "三": "3",
    "四": "4",
    "五": "5",
    "六": "6",
    "七": "7",
    "八": "8",
    "九": "9",
}
_PRINTED_DATE = re.compile(
    r"[(（]\s*(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*[)）]"
)
_LINE_DATE = re.compile(
    r"^\s*(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*$",
    re.M,
)
# `——2024年1月18日在市第十七届人民代表大会…上`, `2024年3月12日,市长李明主持召开…`
_LEAD_DATE = re.compile(
    r"^[—\-－\s]*(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?:[上下]午)?(?:在|[,，]|\s)", re.M
)
# `清源区人民政府办公室　　2024年5月17日`: an issuer line that ends with the date
_ISSUER_DATE = re.compile(
    r"^[ \u3000]*[\u4e00-\u9fff（）()]{2,40}?(?:人民政府|委员会|办公室|办公厅|领导小组|督查室|[局委办厅部院处室会])"
    r"[ \u3000\t]+(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
    r"\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日[ \u3000]*$",
    re.M,
)
_SIGNATURE_LINES = 8
# `2024-12-09 华博范文网` near the top of a saved page: its publishing date (checked on the original)
_PUBLISHED_LINE = re.compile(
    r"^[ \t\u3000]*(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[ \t\u3000]+[^\s,，。;；:：]{1,16}"
    r"(?:[网網]|[网網]站|站|日[报報]|晚[报報]|[报報]|[频頻]道|客[户戶]端|文[库庫]|在[线綫線]|新[闻聞]|社|号|號)[ \t\u3000]*$",
    re.M,
)
_PUBLISHED = re.compile(
    r"(?:发布时间|發布時間|发布日期|發布日期|时间|時間|日期|发表时间|發表時間|更新时间|更新時間)\s*[:：]\s*"
    r"(?P<y>\d{4})\s*[-年/.]\s*(?P<m>\d{1,2})\s*[-月/.]\s*(?P<d>\d{1,2})"
)


def head_of(text: str) -> str:
    """The part of the text before the salutation, at most 400 characters."""
    m = _SALUTATION.search(text, 0, _HEAD_LIMIT + 20)
    return text[: m.start()] if m else text[:_HEAD_LIMIT]


def salutation_end(text: str) -> int:
    """Where the speech proper starts: right after a salutation near the top, else 0."""
    m = _SALUTATION.search(text, 0, _HEAD_LIMIT + 20)
    return m.end() if m else 0


# A document's own title, as opposed to the letterhead above it (`临源市人民政府督查室`, `督 查 通 报`).
_DOC_TITLE = re.compile(
    r"^关于[^。]{4,}|(?:讲话|报告|纪要|通报|要点|方案|意见|通知|决定|计划|总结|发言|致辞)(?:[(（][^()（）]*[)）])?$"
)


def find_title(text: str) -> str | None:
    """The headline: the first short line that is not a date, source or speaker line; a line
    that reads as a document title (`关于…的督查通报`) wins over a letterhead above it."""
    candidates: list[str] = []
    for line in text.splitlines()[:12]:
        line = line.strip()
        if not line or not re.search(r"[\u4e00-\u9fff]", line):
            continue
        if _NOT_TITLE.search(line) or _SALUTATION.match(line):
            continue
        if match_heading(line) is not None:
            break  # a numbered heading: the body has begun, and it is not the document's title
        if len(line) <= 60 and not line.endswith(("。", "!", "！", "?", "？", ";", "；")):
            candidates.append(line)
            continue
        break
    titled = [c for c in candidates if _DOC_TITLE.search(c) and not re.search(r"\s", c)]
    if titled or candidates:
        return (titled or candidates)[0]
    m = _SPEECH_PHRASE.search(head_of(text))
    if m:
        return m.group(0)
    return None


def find_speaker(text: str) -> str | None:
    """The speaker's name when the head prints it after an office title, else None."""
    head = head_of(text)
    m = _SPEAKER_AFTER_OFFICE.search(head)
    if m:
        return m.group("name")
    m = _SPEAKER_OFFICE_TALK.search(head) or _SPEAKER_CHAIRS.search(text[:600])
    if m:
        return m.group("name")
    m = _SPEAKER_BEFORE_TALK.search(head)
    if m and not re.search(_OFFICE + "$", m.group("name")):
        name = m.group("name")
        if not re.search(r"[市县区镇省会议大届次的]", name):
            return name
    # a name printed alone on a line under the headline
    title = find_title(text)
    for m in _NAME_LINE.finditer(head):
        if m.group("name") != title and not _TITLE_WORDS.search(m.group("name")):
            return m.group("name")
    return None


def _cn_int(s: str) -> int | None:
    s = s.strip()
    if s.isdigit():
        return int(s)
    if all(ch in _CN_DIGIT for ch in s):
        return int("".join(_CN_DIGIT[ch] for ch in s))
    if "十" in s:
        head, _, tail = s.partition("十")
        tens = int(_CN_DIGIT.get(head, "x")) if head and head in _CN_DIGIT else (1 if not head else None)
        ones = int(_CN_DIGIT[tail]) if tail in _CN_DIGIT else (0 if not tail else None)
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    return None


def _date(m: re.Match[str]) -> date | None:
    y, mo, d = _cn_int(m.group("y")), _cn_int(m.group("m")), _cn_int(m.group("d"))
    if y is None or mo is None or d is None or not 1900 <= y <= 2100:
        return None
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def find_date(text: str, original: str) -> date | None:
    """The date the speech was given (printed with it), else the page's publishing date."""
    head = head_of(text)
    for pattern in (_PRINTED_DATE, _LINE_DATE, _LEAD_DATE):
        m = pattern.search(head if pattern is not _LEAD_DATE else text[:600])
        if m:
            found = _date(m)
            if found:
                return found
    # An issuer line with its date near the top (`XX人民政府办公室　　2024年5月17日`).
    m = _ISSUER_DATE.search(text[:600])
    if m and (found := _date(m)):
        return found
    # Publishing lines are boilerplate that cleaning removed: read them from the original.
    m = _PUBLISHED.search(original[:3000]) or _PUBLISHED_LINE.search(original[:3000])
    if m:
        return _date(m)
    return _signature_date(text)


def _signature_date(text: str) -> date | None:
    """A date in the closing signature block: alone on a line or after the issuer, last lines only."""
    lines = [line for line in text.splitlines() if line.strip()][-_SIGNATURE_LINES:]
    for line in reversed(lines):
        m = _LINE_DATE.search(line) or _ISSUER_DATE.search(line)
        if m and (found := _date(m)):
            return found
    return None
