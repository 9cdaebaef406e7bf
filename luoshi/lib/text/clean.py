"""Cleaning: decoded original in, simplified speech text out, with a map back to the original.

Stages, in order (each one keeps the offset map right, see `offsets.Edited`):

1. line breaks: `\\r\\n`, `\\r` and other Unicode line separators become `\\n`;
2. pinyin readings: `創(chuàng)新` → `創新` (tone-marked Latin in parentheses right after a Han
   character; `(2024年1月11日)`, `(一)`, `(责编:…)` never match);
3. mojibake: runs of byte-shift garbage (`?yōu)榘l(fā)`) are cut so the sentence reads joined, and
   the sentence is flagged; a stray `?` right after a full stop is dropped;
4. script: OpenCC `t2s`, then 著 → 着 except in words that keep 著;
5. web boilerplate (on the simplified text, so one pattern covers both scripts): crumbs,
   publishing lines, editor and share lines, page markers; a trailing block such as 免责声明
   ends the page;
6. pages flattened to one line (paragraphs separated by spaces) get their line breaks back.

NFKC is deliberately not applied: full-width punctuation is kept as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Literal, NamedTuple

from luoshi.lib.text import hanzi
from luoshi.lib.text.convert import fix_zhu, t2s_converter
from luoshi.lib.text.offsets import Edit, Edited, OffsetMap
from luoshi.lib.text.punct import CLOSE_PARENS, CLOSERS, COLONS, COMMAS, OPEN_PARENS, SPACES, TERMINATORS
from luoshi.lib.text.punct import char_class as cc

Script = Literal["hans", "hant", "mixed"]


@dataclass(frozen=True, slots=True)
class Removal:
    """A range of the original dropped while cleaning, and why."""

    kind: str  # "pinyin", "mojibake", "stray", or a boilerplate kind ("publishing", "crumbs", …)
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Cleaned:
    """The cleaning result: `text`, its map back to the original, and what was removed."""

    text: str
    offsets: OffsetMap
    script: Script
    removals: tuple[Removal, ...]


def clean(original: str) -> Cleaned:
    """Clean a decoded document; see the module docstring for the stages."""
    doc = Edited(original)
    removals: list[Removal] = []
    script = detect_script(original)
    _normalise_line_breaks(doc)
    _remove(doc, removals, _after_han("pinyin", PINYIN_READING_RE, doc.text))
    _remove(doc, removals, _stray_questions(doc.text))
    _remove(doc, removals, (("mojibake", s, e) for s, e in find_mojibake(doc.text, script)))
    _to_simplified(doc)
    _remove(doc, removals, find_boilerplate(doc.text))
    _restore_paragraph_breaks(doc)
    removals.sort(key=lambda r: (r.start, r.end))
    return Cleaned(doc.text, doc.offset_map(), script, tuple(removals))


# --- script -----------------------------------------------------------------------------------

SCRIPT_SAMPLE = 200_000  # characters looked at, spread over the text; enough to judge the script


def detect_script(text: str) -> Script:
    """hans, hant or mixed, from characters only one script uses (those t2s changes vs. not)."""
    p = hanzi.profile(hanzi.sample(text, SCRIPT_SAMPLE))
    trad, simp = p.traditional, p.simplified
    if trad + simp == 0 or trad <= 0.1 * (trad + simp):
        return "hans"
    if simp <= 0.1 * (trad + simp):
        return "hant"
    return "mixed"


# --- stages -----------------------------------------------------------------------------------

_LINE_BREAK_RE = re.compile("\r\n|[\r\x0b\x0c\x85\u2028\u2029]")


def _normalise_line_breaks(doc: Edited) -> None:
    if not any(ch in doc.text for ch in "\r\x0b\x0c\x85\u2028\u2029"):  # str.find beats a regex scan
        return
    # \r\n loses its \r (a deletion); a lone separator becomes \n (a same-length substitution).
    doc.apply(
        Edit(m.start(), m.start() + 1) if m.group() == "\r\n" else Edit(m.start(), m.end(), "\n")
        for m in _LINE_BREAK_RE.finditer(doc.text)
    )


def _remove(doc: Edited, removals: list[Removal], spans: Iterable[tuple[str, int, int]]) -> None:
    """Delete `(kind, start, end)` spans (current-text coordinates, sorted by start) and record
    them in original coordinates; overlapping spans merge under the first one's kind."""
    merged: list[tuple[str, int, int]] = []
    for kind, start, end in spans:
        if end <= start:
            continue
        if merged and start <= merged[-1][2]:
            merged[-1] = (merged[-1][0], merged[-1][1], max(end, merged[-1][2]))
        else:
            merged.append((kind, start, end))
    if not merged:
        return
    sources = doc.delete([(s, e) for _, s, e in merged])
    removals.extend(Removal(m[0], lo, hi) for m, (lo, hi) in zip(merged, sources, strict=True))


_HAN = hanzi.HAN_RANGES
_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙǕǗǙǛńňǹḿ\u0300\u0301\u0304\u030c"
_PINYIN_LETTERS = f"a-zA-ZüÜ{_TONE}"
# A reading: parentheses right after a Han character, holding Latin letters with at least one
# tone mark (which no real parenthesised Chinese text has).
# (The Han character before it is checked in code: a regex opening with a look-behind is slow.)
PINYIN_READING_RE = re.compile(
    f"{cc(OPEN_PARENS)}[{_PINYIN_LETTERS}' -]{{0,30}}[{_TONE}][{_PINYIN_LETTERS}' -]{{0,30}}"
    + cc(CLOSE_PARENS)
)
_QUESTION_RE = re.compile(r"\?+")
# A `?` right after a full stop or comma can only be a lost character, never a question.
_BEFORE_STRAY = "\u3002;\uff1b\ufe54" + COMMAS


def _after_han(kind: str, pattern: re.Pattern[str], text: str) -> Iterator[tuple[str, int, int]]:
    """Matches of `pattern` right after a Han character."""
    for m in pattern.finditer(text):
        start = m.start()
        if start and hanzi.is_han(text[start - 1]):
            yield kind, start, m.end()


def _stray_questions(text: str) -> Iterator[tuple[str, int, int]]:
    for m in _QUESTION_RE.finditer(text):
        if m.start() and text[m.start() - 1] in _BEFORE_STRAY:
            yield "stray", m.start(), m.end()


def _to_simplified(doc: Edited) -> None:
    """OpenCC t2s over the whole text, keeping offsets even if a conversion changes length."""
    converter = t2s_converter()
    before = doc.text
    after = fix_zhu(converter.convert(before))
    if after == before:
        return
    before_lines = before.split("\n")
    after_lines = after.split("\n")
    if len(before_lines) == len(after_lines) and all(
        len(a) == len(b) for a, b in zip(before_lines, after_lines, strict=True)
    ):
        # Character-count preserving (the normal case): a substitution, offsets unchanged.
        doc.apply([Edit(0, len(before), after)])
        return
    # Some conversion changed length: convert clause by clause, so only the clauses whose
    # length changed become opaque pieces in the offset map.
    edits: list[Edit] = []
    for m in _CLAUSE_RE.finditer(before):
        piece = m.group()
        converted = fix_zhu(converter.convert(piece))
        if converted != piece:
            edits.append(Edit(m.start(), m.end(), converted))
    doc.apply(edits)


_CLAUSE_RE = re.compile(cc("\n" + TERMINATORS + COMMAS + COLONS, negate=True) + "+")


# --- mojibake ---------------------------------------------------------------------------------

# GBK byte-shift garbage (`?yōu)榘l(fā)`, `?guī)ь^`, `;洜I`) is made of lost bytes shown as `?`,
# ASCII letters and symbols from misaligned byte pairs, leftovers of pinyin readings (tone
# marks, a lone `)`), rare Han characters and odd letters. No library recognises it, hence rules.
_SIGNAL_CHARS = f"?\ufffd\ue000-\uf8ff^\x80-\x9f{_TONE}"
_DECISIVE = frozenset("\ufffd") | frozenset(map(chr, range(0x80, 0xA0)))
_ODD_LETTERS = frozenset(map(chr, range(0x370, 0x500)))  # Greek, Cyrillic
_SYMBOLS = frozenset(";^`|~{}[]<>=@#$&*\\")
_TONE_SET = frozenset(_TONE)
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZüÜ")
_PARENS = frozenset(OPEN_PARENS + CLOSE_PARENS)
MAX_RUN = 40  # garbage runs seen in practice are under 15 characters


# Seeds of a garbage run: a signal character, or Latin letters glued to a Han character (the
# shape of `;洜I`). Most seeds are harmless (`X人`) and are dropped after a cheap look around.
_SEED_RE = re.compile(f"[{_SIGNAL_CHARS}]|[A-Za-z\u0370-\u04ff]+")


def find_mojibake(text: str, script: Script) -> list[tuple[int, int]]:
    """`[start, end)` runs of mojibake in `text`.

    A run grows from a seed character over neighbours that garbage is made of (Latin letters,
    ASCII symbols, tone marks, parentheses, odd letters, private use, rare Han characters, and
    characters of the other script). It is cut only when it holds a decisive sign (U+FFFD, a C1
    control) or two kinds of oddity, so `WTO?`, `Zhōngguó`, a rare character in a name, or a
    `?` ending a question are left alone.
    """
    common = hanzi.common_han()
    # A simplified-only character in traditional text (or the reverse) may be garbage too,
    # but only extends a run: real texts mix scripts a little.
    foreign = (
        hanzi.simplified_only()
        if script == "hant"
        else hanzi.traditional_only()
        if script == "hans"
        else frozenset()
    )

    def junk(ch: str) -> bool:
        if ch in _LATIN or ch in _PARENS or ch in _TONE_SET or ch in _SYMBOLS or ch == "?":
            return True
        if ch in _ODD_LETTERS or ch in _DECISIVE or "\ue000" <= ch <= "\uf8ff":
            return True
        return hanzi.is_han(ch) and (ch not in common or ch in foreign)

    runs: list[tuple[int, int]] = []
    examined = 0  # seeds inside a window already looked at add nothing (keeps `????…` linear)
    for m in _SEED_RE.finditer(text):
        start, end = m.span()
        if start < examined:
            continue
        letters = text[start] in _LATIN or text[start] in _ODD_LETTERS
        if letters and not (
            (start and hanzi.is_han(text[start - 1])) or (end < len(text) and hanzi.is_han(text[end]))
        ):
            continue  # a Latin word among Latin text or spaces: no sign of garbage
        seed = (start, end)
        while start > examined and end - start < MAX_RUN and junk(text[start - 1]):
            start -= 1
        while end < len(text) and end - start < MAX_RUN and junk(text[end]):
            end += 1
        examined = end
        if letters and (start, end) == seed:
            continue  # letters by a Han character and nothing odd around: `X人`, `GDP增长`
        if _is_garbage(text[start:end], common):
            runs.append(_trim_run(text, start, end))
    return runs


def _is_garbage(run: str, common: frozenset[str]) -> bool:
    """A decisive sign, two kinds of oddity, or a rare Han character glued to Latin letters."""
    if any(ch in _DECISIVE or "\ue000" <= ch <= "\uf8ff" for ch in run):
        return True
    rare = any(hanzi.is_han(ch) and ch not in common for ch in run)
    kinds = (
        ("?" in run)
        + any(ch in _TONE_SET for ch in run)
        + any(ch in _ODD_LETTERS or ch in _SYMBOLS for ch in run)
        + (sum(map(run.count, CLOSE_PARENS)) > sum(map(run.count, OPEN_PARENS)))  # reading tails
        + rare
    )
    return kinds >= 2 or (rare and any(ch in _LATIN for ch in run))


def _trim_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Leave an opening parenthesis that merely borders the run (a real `(一)` before it)."""
    if text[start] in OPEN_PARENS and not any(p in text[start:end] for p in CLOSE_PARENS):
        start += 1
    return start, end


# --- boilerplate ------------------------------------------------------------------------------

# Patterns run on the simplified text (after t2s), so one pattern covers both scripts. A span that
# fills its line takes the line break along; enclosing parentheses go too (`(第5/6页)`).
_SP = cc(SPACES)
_COLON = cc(COLONS)
_OPEN = cc(OPEN_PARENS)
_CLOSE = cc(CLOSE_PARENS)
_DATE = (
    rf"\d{{4}}{_SP}*[-/.年]{_SP}*\d{{1,2}}{_SP}*[-/.月]{_SP}*\d{{1,2}}{_SP}*日?"
    rf"(?:{_SP}*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?"
)
_FIELD = r"(?:来源|作者|点击|点击数|浏览|浏览次数|阅读|编辑|字号|评论|发布者|供稿)"
# A site or paper named after a publishing date: ends like a site, a paper or a channel does.
_SITE = r"[^\s,，。;；:：]{1,16}(?:网|网站|站|日报|晚报|报|频道|客户端|文库|在线|新闻|社|号)"
_SITE_TRIGGER = r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}"


class Boilerplate(NamedTuple):
    """One row of the boilerplate table."""

    kind: str
    pattern: str
    trigger: str | None = None  # only lines holding a match of this are searched (speed)
    trailer: bool = False  # the match starts a block that runs to the end of the page
    # When set, the match counts only at a line start or after one of these characters. Checked
    # in code because a regex that opens with a look-behind is slow to scan.
    after: str | None = None


BOILERPLATE: tuple[Boilerplate, ...] = (
    # 山西新闻网>>地市频道>>阳泉频道>>市政要闻 · 当前位置:首页 > 新闻 > 正文
    Boilerplate(
        "crumbs",
        rf"(?:当前位置{_COLON}{_SP}*)?(?:[^\s>»\uff1e]{{1,16}}{_SP}*(?:>>|»|>|\uff1e){_SP}*){{2,}}"
        r"[^\s>»\uff1e]{0,16}",
        trigger="[>»\uff1e]",
    ),
    # 时间:2023年02月24日14:42 来源:阳泉日报 · 发布时间:2021-06-20 来源: 读后感 点击:
    # (at a line start or after a space, so a work plan's `完成时间:2024年6月30日` stays)
    Boilerplate(
        "publishing",
        rf"(?:发布时间|时间|日期){_COLON}{_SP}*{_DATE}(?:{_SP}*{_FIELD}{_COLON}{_SP}*\S*)*",
        after=" \t\u3000\u00a0",
    ),
    Boilerplate("publishing", rf"(?m)^{_SP}*{_FIELD}{_COLON}[^\n]{{0,40}}$"),
    # 2024-12-09 华博范文网 · 2024-10-28 09:19:49 德育素材网: a date and the site, alone on a line
    Boilerplate("publishing", rf"(?m)^{_SP}*{_DATE}{_SP}+{_SITE}{_SP}*$", trigger=_SITE_TRIGGER),
    # 摘要:好笔杆子网小编为你整理了多篇相关的《…》: a content farm's blurb, on a line of its own
    Boilerplate(
        "spam",
        r"(?m)^[^\n]*(?:小编|为你整理|为您整理|欢迎阅读|欢迎下载|免费下载|仅供参考|希望对你|但愿对你|希望对您)[^\n]*$",
        trigger="小编|为你整理|为您整理|欢迎阅读|欢迎下载|免费下载|仅供参考|希望对你|但愿对你|希望对您",
    ),
    # (责编:高喜明、郗涛) · 责任编辑:卓凡
    Boilerplate("editor", rf"{_OPEN}\s*(?:责任编辑|责编|编辑){_COLON}[^()\uff08\uff09\n]{{0,30}}{_CLOSE}"),
    Boilerplate("editor", rf"(?:责任编辑|责编){_COLON}{_SP}*[^\s,\uff0c\u3002]{{0,12}}"),
    # 分享到: 评论:
    Boilerplate("share", rf"分享到{_COLON}?(?:[^\n]{{0,40}}(?=\n|$))?"),
    # 上一篇:… · 下一篇:…
    Boilerplate("next", rf"[上下]一篇{_COLON}[^\n]*"),
    # (第5/6页) · 第5/6页 · 共6页 · 上一页 下一页 尾页
    Boilerplate("pages", r"第\s*\d+\s*/\s*\d+\s*页|共\s*\d+\s*页"),
    Boilerplate("pages", r"(?:首页|上一页|下一页|尾页)(?=\s|$)", after=" \t\u3000"),
    # 【打印】【关闭】 · 【字号:大 中 小】
    Boilerplate("tools", rf"【\s*(?:打印|关闭|关闭窗口|打印本页|收藏|字号{_COLON}?\s*大\s*中\s*小)\s*】"),
    # Separator lines left over from page layout: `|`, `----`, `====`.
    Boilerplate("rule", r"(?m)^[ \t|│·•\-=*_~]+$"),
    # Blocks after the article: once one starts, the rest of the page is not the speech.
    Boilerplate(
        "trailer",
        r"(?:免责声明|网站声明|版权声明|相关热词搜索|热点文章阅读"
        r"|相关阅读|相关新闻|相关文章|延伸阅读|热门文章|推荐阅读)(?=[:\uff1a\s]|$)",
        trailer=True,
        after=SPACES + TERMINATORS + CLOSERS,
    ),
)
_COMPILED = tuple(
    (b, re.compile(b.pattern), re.compile(b.trigger) if b.trigger else None) for b in BOILERPLATE
)
MIN_HAN_BEFORE_TRAILER = 50  # a trailing block cannot start before an article has
# A trailing block runs to the end of the page; a line this long (in Han characters) after it is
# speech again, which happens when several pages are concatenated into one input.
LONG_LINE_HAN = 150


def find_boilerplate(text: str) -> list[tuple[str, int, int]]:
    """Boilerplate `(kind, start, end)` spans in `text`, sorted by start."""
    found: list[tuple[str, int, int]] = []
    for row, pattern, trigger in _COMPILED:
        if row.trailer:
            found.extend((row.kind, s, e) for s, e in _trailers(text, pattern, row.after))
            continue
        ranges = [(0, len(text))] if trigger is None else _lines_with(text, trigger)
        for lo, hi in ranges:
            found.extend(
                (row.kind, m.start(), m.end())
                for m in pattern.finditer(text, lo, hi)
                if row.after is None or _line_start_or_after(text, m.start(), row.after)
            )
    found.sort(key=lambda f: (f[1], -f[2]))
    return [(kind, *_widen(text, start, end)) for kind, start, end in found]


def _line_start_or_after(text: str, pos: int, chars: str) -> bool:
    return pos == 0 or text[pos - 1] == "\n" or text[pos - 1] in chars


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take enclosing parentheses `(第5/6页)` along, and a line break when the span fills its line
    (so no blank line is left)."""
    if start > 0 and end < len(text) and text[start - 1] in OPEN_PARENS and text[end] in CLOSE_PARENS:
        start, end = start - 1, end + 1
    if (start == 0 or text[start - 1] == "\n") and text.startswith("\n", end):
        end += 1
    return start, end


def _lines_with(text: str, trigger: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """`[start, end)` of each line holding a match of `trigger`."""
    pos = 0
    while (m := trigger.search(text, pos)) is not None:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        yield start, end
        pos = end + 1


def _trailers(text: str, pattern: re.Pattern[str], after: str | None) -> Iterator[tuple[int, int]]:
    """Trailing blocks: from a starting label to the end of the page."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        if (after is not None and not _line_start_or_after(text, m.start(), after)) or not _has_han(
            text, pos, m.start(), MIN_HAN_BEFORE_TRAILER
        ):
            pos = m.end()
            continue
        end = _next_long_line(text, m.end())
        yield m.start(), end
        pos = end


def _has_han(text: str, start: int, end: int, n: int) -> bool:
    """True when `text[start:end]` holds at least n Han characters (stops counting at n)."""
    return next(islice(hanzi.HAN_RE.finditer(text, start, end), n - 1, None), None) is not None


def _next_long_line(text: str, pos: int) -> int:
    """Start of the first line after `pos` holding LONG_LINE_HAN Han characters, or the end."""
    start = text.find("\n", pos) + 1
    while 0 < start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start >= LONG_LINE_HAN and _has_han(text, start, end, LONG_LINE_HAN):
            return start
        start = end + 1
    return len(text)


# --- paragraphs -------------------------------------------------------------------------------

# Web pages flattened to one line keep their paragraph breaks as spaces after a sentence end.
_FLAT_BREAK_RE = re.compile(f"{cc(TERMINATORS + COLONS)}{cc(CLOSERS)}?({cc(SPACES)}+)(?=\\S)")


def _restore_paragraph_breaks(doc: Edited) -> None:
    edits: list[Edit] = []
    for m in _FLAT_BREAK_RE.finditer(doc.text):
        start, end = m.span(1)
        edits.append(Edit(start, start + 1, "\n"))
        if end > start + 1:
            edits.append(Edit(start + 1, end))
    doc.apply(edits)
