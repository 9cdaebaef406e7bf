"""Offset bookkeeping: a text derived from an original by edits, and the map back.

The derived text is a concatenation of pieces; piece i stands for `[o_start[i], o_end[i])` of
the original. A *linear* piece has the same length as its source and maps character by
character; an *opaque* piece (a replacement that changed length) maps as a whole, so a range
that starts or ends inside it widens to the piece's whole source. Anchors per piece, rather than
one int per character, keep memory and time proportional to the number of edits.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import accumulate


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `[start, end)` of the current text with `text` (an empty `text` deletes)."""

    start: int
    end: int
    text: str = ""


@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps `[start, end)` ranges of a derived text back to ranges of its original."""

    t_start: tuple[int, ...]
    t_len: tuple[int, ...]
    o_start: tuple[int, ...]
    o_end: tuple[int, ...]
    linear: tuple[bool, ...]
    text_len: int
    original_len: int

    def _piece(self, pos: int) -> int:
        return max(0, bisect_right(self.t_start, pos) - 1)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a `[start, end)` range of the text to the `[start, end)` range it came from."""
        if not self.t_start:
            return 0, 0
        start = max(0, min(start, self.text_len))
        end = max(start, min(end, self.text_len))
        i = self._piece(start)
        if start >= self.t_start[i] + self.t_len[i]:  # at the very end of the text
            o_lo = self.o_end[i]
        elif self.linear[i]:
            o_lo = self.o_start[i] + start - self.t_start[i]
        else:
            o_lo = self.o_start[i]
        if end == start:
            return o_lo, o_lo
        j = self._piece(end - 1)  # the piece holding the range's last character
        o_hi = self.o_start[j] + end - self.t_start[j] if self.linear[j] else self.o_end[j]
        return o_lo, max(o_lo, o_hi)

    def from_original(self, pos: int) -> int:
        """The text position where original position `pos` ended up (a deleted range collapses
        to the point where the text around it now joins)."""
        if not self.t_start:
            return 0
        i = bisect_right(self.o_start, pos) - 1
        if i < 0:
            return 0
        inside = pos - self.o_start[i]
        if self.linear[i]:
            return self.t_start[i] + min(inside, self.t_len[i])
        return self.t_start[i] if inside <= 0 else self.t_start[i] + self.t_len[i]


class Edited:
    """A text plus the pieces mapping it back to the original; every edit keeps the map right."""

    __slots__ = ("_linear", "_o_end", "_o_start", "_t_len", "original_len", "text")

    def __init__(self, original: str) -> None:
        self.text = original
        self.original_len = len(original)
        n = len(original)
        self._t_len: list[int] = [n] if n else []
        self._o_start: list[int] = [0] if n else []
        self._o_end: list[int] = [n] if n else []
        self._linear: list[bool] = [True] if n else []

    def apply(self, edits: Iterable[Edit]) -> list[tuple[int, int]]:
        """Apply edits given in current-text coordinates, sorted by start and not overlapping.

        A same-length replacement is a character-for-character substitution and leaves the map
        alone; a deletion cuts pieces; any other replacement becomes one opaque piece. Returns
        the original range each length-changing edit replaced, in order.
        """
        parts: list[str] = []
        structural: list[tuple[int, int, str]] = []
        last = 0
        text = self.text
        for e in edits:
            if e.start == e.end and not e.text:
                continue
            if not last <= e.start <= e.end <= len(text):
                raise ValueError(f"edit out of order or out of range: {e!r}")  # a bug, not input
            parts.append(text[last : e.start])
            parts.append(e.text)
            last = e.end
            if len(e.text) != e.end - e.start:
                structural.append((e.start, e.end, e.text))
        if not parts:
            return []
        parts.append(text[last:])
        spans = self._rebuild(structural) if structural else []
        self.text = "".join(parts)
        return spans

    def delete(self, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
        """Delete `[start, end)` spans (sorted, not overlapping); returns their original ranges.

        The same as `apply` with empty replacements, without building an `Edit` per span (cleaning
        deletes tens of thousands of pinyin readings from a large file).
        """
        if not spans:
            return []
        text = self.text
        last = 0
        for start, end in spans:
            if not last <= start < end <= len(text):
                raise ValueError(f"deletion out of order or out of range: {(start, end)}")  # a bug
            last = end
        cuts = [0, *(x for span in spans for x in span), len(text)]
        keep_from, keep_to = cuts[0::2], cuts[1::2]
        if len(self._t_len) == 1 and self._linear[0]:
            # Fast path (the first deletion pass): the map is one shift, so the kept segments
            # become the new pieces directly, built by comprehensions instead of a piece walk.
            shift = self._o_start[0]
            kept = [(a, b) for a, b in zip(keep_from, keep_to, strict=True) if b > a]
            self._t_len = [b - a for a, b in kept]
            self._o_start = [a + shift for a, _ in kept]
            self._o_end = [b + shift for _, b in kept]
            self._linear = [True] * len(kept)
            result = [(a + shift, b + shift) for a, b in spans]
        else:
            result = self._rebuild([(start, end, "") for start, end in spans])
        self.text = "".join([text[a:b] for a, b in zip(keep_from, keep_to, strict=True)])
        return result

    def _rebuild(self, edits: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
        """Recompute the pieces for length-changing edits (positions in the old text).

        Untouched runs of pieces are copied with list slices, so the cost is one bisect per
        edit plus C-speed copying, not a Python step per piece.
        """
        t_len, o_start, o_end, linear = self._t_len, self._o_start, self._o_end, self._linear
        starts = list(accumulate(t_len, initial=0))  # starts[p]: where piece p begins
        total = starts[-1]
        new_len: list[int] = []
        new_os: list[int] = []
        new_oe: list[int] = []
        new_lin: list[bool] = []
        spans: list[tuple[int, int]] = []

        def part(p: int, lo: int, hi: int) -> None:
            """Emit old-text range [lo, hi) of piece p."""
            if linear[p]:
                a = o_start[p] + lo - starts[p]
                if new_lin and new_lin[-1] and new_oe[-1] == a:  # contiguous: merge
                    new_len[-1] += hi - lo
                    new_oe[-1] = a + hi - lo
                    return
                new_len.append(hi - lo)
                new_os.append(a)
                new_oe.append(a + hi - lo)
                new_lin.append(True)
            else:  # part of an opaque piece still stands for its whole source
                new_len.append(hi - lo)
                new_os.append(o_start[p])
                new_oe.append(o_end[p])
                new_lin.append(False)

        def keep(x: int, y: int) -> None:
            """Emit the pieces covering old-text range [x, y)."""
            if y <= x:
                return
            first = bisect_right(starts, x) - 1
            last = bisect_left(starts, y) - 1  # the piece holding y - 1
            if first == last:
                part(first, x, y)
                return
            part(first, x, starts[first + 1])
            if last > first + 1:
                new_len.extend(t_len[first + 1 : last])
                new_os.extend(o_start[first + 1 : last])
                new_oe.extend(o_end[first + 1 : last])
                new_lin.extend(linear[first + 1 : last])
            part(last, starts[last], y)

        def source(x: int, y: int) -> tuple[int, int]:
            """Original range of old-text range [x, y)."""
            if x >= total:
                end = o_end[-1] if o_end else 0
                return end, end
            p = bisect_right(starts, x) - 1
            lo = o_start[p] + x - starts[p] if linear[p] else o_start[p]
            if y <= x:
                return lo, lo
            p = bisect_right(starts, y - 1) - 1
            hi = o_start[p] + y - starts[p] if linear[p] else o_end[p]
            return lo, max(lo, hi)

        pos = 0
        for start, end, replacement in edits:
            keep(pos, start)
            lo, hi = source(start, end)
            spans.append((lo, hi))
            if replacement:  # an opaque piece standing for the whole replaced source
                new_len.append(len(replacement))
                new_os.append(lo)
                new_oe.append(hi)
                new_lin.append(False)
            pos = end
        keep(pos, total)
        self._t_len, self._o_start, self._o_end, self._linear = new_len, new_os, new_oe, new_lin
        return spans

    def offset_map(self) -> OffsetMap:
        """Freeze the current pieces into an `OffsetMap` for lookups."""
        t_start: list[int] = []
        pos = 0
        for n in self._t_len:
            t_start.append(pos)
            pos += n
        return OffsetMap(
            t_start=tuple(t_start),
            t_len=tuple(self._t_len),
            o_start=tuple(self._o_start),
            o_end=tuple(self._o_end),
            linear=tuple(self._linear),
            text_len=len(self.text),
            original_len=self.original_len,
        )
