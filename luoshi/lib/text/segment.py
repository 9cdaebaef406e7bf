"""Paragraphs and sentences of a cleaned text."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from luoshi.lib.text.punct import CLOSERS, TERMINATORS


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: `[start, end)` of `Document.text`, white space around it excluded."""

    start: int
    end: int
    text: str
    paragraph: int  # index into Document.paragraphs
    suspect: bool = False  # holds (or held) mojibake: check it against the original


_TERMINATORS = re.escape(TERMINATORS)
_CLOSERS = re.escape(CLOSERS)
# Everything str.strip() removes, plus zero-width spaces and BOMs left inside pasted text.
_SPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\u200b\ufeff"
)
_LINE_RE = re.compile(r"[^\n]+")
_CONTENT_RE = re.compile(r"[^\W_]")  # a letter, digit or Han character
# A sentence starts at a character that is neither space nor terminator and ends after a run of
# terminators 。!?; (full or half width) or ﹔, with the closing quotes and brackets that follow
# them (…。” and …”。 both end after the last mark), or at the end of its paragraph.
_SENTENCE_RE = re.compile(
    f"[^{_TERMINATORS}{re.escape(_SPACE)}][^{_TERMINATORS}\n]*(?:[{_TERMINATORS}]+[{_CLOSERS}]*|$)"
)
_FINISHED_RE = re.compile(f"[{_TERMINATORS}][{_CLOSERS}]*\\Z")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """One `[start, end)` range per line holding a letter, digit or Han character."""
    result: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        line = m.group()
        start = m.start() + len(line) - len(line.lstrip(_SPACE))
        end = m.start() + len(line.rstrip(_SPACE))
        if _CONTENT_RE.search(text, start, end):
            result.append((start, end))
    return result


def sentences(
    text: str, paras: Sequence[tuple[int, int]], suspect_points: Sequence[int] = ()
) -> list[Sentence]:
    """Split each paragraph at sentence ends; `suspect_points` are text positions where
    mojibake was cut out (a sentence touching one is flagged)."""
    result: list[Sentence] = []
    append = result.append
    content = _CONTENT_RE.search
    for index, (p_start, p_end) in enumerate(paras):
        for m in _SENTENCE_RE.finditer(text, p_start, p_end):
            start, end = m.span()
            if text[end - 1] in _SPACE:  # a sentence running to the paragraph end keeps no space
                end = start + len(m.group().rstrip(_SPACE))
            if content(text, start, end) is None:
                continue  # nothing but punctuation: not a sentence
            body = text[start:end]
            suspect = "\ufffd" in body or _touches(suspect_points, start, end, body)
            append(Sentence(start, end, body, index, suspect))
    return result


def _touches(points: Sequence[int], start: int, end: int, body: str) -> bool:
    """Whether a mojibake cut lies in [start, end); a cut right at the end of a finished
    sentence belongs to the next one."""
    if not points:
        return False
    i = bisect_left(points, start)
    if i == len(points):
        return False
    return points[i] < end or (points[i] == end and _FINISHED_RE.search(body) is None)
