"""Numbered headings and their nesting (the contract's stack rule).

A heading is a sentence that opens with an enumeration marker, or whose enumerated clause opens
right after a colon (`机遇方面:一是政策红利叠加。`). Marker families, from the top of the
conventional order down:

    一、  >  第一, / 第一、 / 第一␠  >  (一)  >  一是 = 一要  >  1. / 1、  >  (1)  >  ①

Speeches reuse a family at different depths and pages start mid-speech, so levels come from a
stack of open headings rather than from the family alone (see `Outline.add`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["FAMILY_RANK", "Heading", "HeadingMatch", "Outline", "match_heading"]

_CN = "一二三四五六七八九十"
_CN_NUM = rf"[{_CN}]{{1,3}}"

# (family, pattern at the start of a sentence or after a colon, rank). Lower rank = higher level.
# 一是 and 一要 are separate families of equal rank: neither closes the other.
_FAMILIES: tuple[tuple[str, str, int], ...] = (
    # (`一,、` is a scraping artifact seen on saved pages: a comma doubled before the 、)
    ("一、", rf"(?P<n>{_CN_NUM})[,，]?[、](?P<rest>.*)", 0),
    ("第一", rf"(?P<n>第{_CN_NUM})(?:[,，、:：]|\s+)(?P<rest>.*)", 1),
    ("(一)", rf"[(（](?P<n>{_CN_NUM})[)）][,，、:：]?\s*(?P<rest>.*)", 2),
    ("一是", rf"(?P<n>{_CN_NUM}是)(?![的否非])[,，:：]?(?P<rest>.*)", 3),
    ("一要", rf"(?P<n>{_CN_NUM}要)(?![素求点])[,，:：]?(?P<rest>.*)", 3),
    ("1.", r"(?P<n>\d{1,2})(?:[.．、](?!\d)|\s+(?=[\u4e00-\u9fff]))(?P<rest>.*)", 4),
    ("(1)", r"[(（](?P<n>\d{1,2})[)）][,，、:：]?\s*(?P<rest>.*)", 5),
    ("①", r"(?P<n>[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])[,，、:：]?\s*(?P<rest>.*)", 6),
)
FAMILY_RANK: dict[str, int] = {name: rank for name, _, rank in _FAMILIES}
_COMPILED = tuple((name, re.compile(pattern, re.S), rank) for name, pattern, rank in _FAMILIES)

# The title ends at the end of the marker's first sentence.
_SENTENCE_END = re.compile(r"[。!！?？;；﹔]")


@dataclass(frozen=True)
class HeadingMatch:
    """A marker found in a sentence: where it starts, its family and the title after it."""

    family: str
    marker: str  # without trailing punctuation: 一, 第一, (一), 一是, 1, (1), ①
    title: str
    offset: int  # where the marker starts in the sentence
    body: int  # where the text after the marker (and its punctuation) starts


def _marker_text(family: str, n: str) -> str:
    if family in ("(一)", "(1)"):
        return f"({n})"
    return n


def _title(rest: str) -> str:
    m = _SENTENCE_END.search(rest)
    title = rest[: m.start()] if m else rest
    return title.strip().rstrip(",，、:：")


def _match_at(sentence: str, offset: int) -> HeadingMatch | None:
    for family, regex, _ in _COMPILED:
        m = regex.match(sentence, offset)
        if m is None:
            continue
        title = _title(m.group("rest"))
        if len(re.findall(r"[\u4e00-\u9fff]", title)) < 2:
            continue  # `第一,` with nothing after it, or `1、2、3`
        return HeadingMatch(family, _marker_text(family, m.group("n")), title, offset, m.start("rest"))
    return None


def match_heading(sentence: str) -> HeadingMatch | None:
    """The heading a sentence opens, or None.

    The marker must open the sentence (after white space) or the clause right after a colon
    (`重点是把握“三个方面”:一是思路上,要对标沪苏浙。`). A word that merely contains a marker
    (`居全省第一,`, `“第一时间”动起来`) is not one."""
    start = len(sentence) - len(sentence.lstrip(" \u3000\t"))
    found = _match_at(sentence, start)
    if found is not None:
        return found
    colon = re.search(r"[:：]\s*", sentence)
    if colon is not None and colon.end() < len(sentence):
        after = _match_at(sentence, colon.end())
        if after is not None and after.family in ("一是", "一要", "(一)", "1.", "(1)", "①"):
            return after
    return None


@dataclass
class Heading:
    """One heading of the outline, as the contract writes it."""

    id: str
    parent: str | None
    level: int
    marker: str
    title: str
    family: str
    sentence_index: int
    start: int  # range of the heading sentence in the cleaned text
    end: int


@dataclass
class Outline:
    """Builds the outline with the stack rule, one heading at a time."""

    headings: list[Heading] = field(default_factory=list)
    _stack: list[Heading] = field(default_factory=list)

    def add(self, match: HeadingMatch, *, sentence_index: int, start: int, end: int) -> Heading:
        """Open a heading: (1) if its family is open, close what was opened after it and take its
        place as a sibling; (2) otherwise close every open heading of a lower-ranked family and
        open under the one left on top."""
        family = match.family
        same = [i for i, h in enumerate(self._stack) if h.family == family]
        if same:
            del self._stack[same[-1] :]
        else:
            rank = FAMILY_RANK[family]
            while self._stack and FAMILY_RANK[self._stack[-1].family] > rank:
                self._stack.pop()
        parent = self._stack[-1] if self._stack else None
        heading = Heading(
            id=f"h{len(self.headings) + 1}",
            parent=parent.id if parent else None,
            level=len(self._stack) + 1,
            marker=match.marker,
            title=match.title,
            family=family,
            sentence_index=sentence_index,
            start=start,
            end=end,
        )
        self._stack.append(heading)
        self.headings.append(heading)
        return heading

    @property
    def open(self) -> tuple[Heading, ...]:
        """The headings still open, outermost first (the current section and its ancestors)."""
        return tuple(self._stack)

    @property
    def current(self) -> Heading | None:
        """The most recently opened heading (the section new items belong to)."""
        return self.headings[-1] if self.headings else None
