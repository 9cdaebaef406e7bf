"""Character classes for Chinese text: which Han characters are common, traditional, simplified.

No character frequency list ships with the installed libraries, so the national standards stand
in for one: GB 2312 level 1 (3,755 characters chosen by frequency for simplified text) and Big5
level 1 (5,401 常用字 for traditional text). Both are read out of Python's own codecs on first
use, so importing this module costs nothing. The tables are plain sets, not giant regex classes:
compiling a class of thousands of scattered characters costs more than the counting it speeds up.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from luoshi.lib.text.convert import t2s_converter

HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
HAN_RE = re.compile(f"[{HAN_RANGES}]")


def is_han(ch: str) -> bool:
    """True for a CJK ideograph (unified, extension A, compatibility, or the astral extensions)."""
    return (
        "\u4e00" <= ch <= "\u9fff"
        or "\u3400" <= ch <= "\u4dbf"
        or "\uf900" <= ch <= "\ufaff"
        or ("\U00020000" <= ch <= "\U0003134f")
    )


def _decode_pairs(codec: str, leads: range, trails: tuple[range, ...]) -> frozenset[str]:
    """Every Han character a double-byte codec maps in the given lead/trail byte ranges."""
    # One decode call over all pairs, each followed by a newline so an invalid pair cannot
    # swallow its neighbour: much faster than thousands of separate decode calls.
    blob = b"".join(bytes((lead, trail)) + b"\n" for lead in leads for r in trails for trail in r)
    return frozenset(
        ch for ch in blob.decode(codec, errors="replace").split("\n") if len(ch) == 1 and is_han(ch)
    )


_GB_TRAILS = (range(0xA1, 0xFF),)
_BIG5_TRAILS = (range(0x40, 0x7F), range(0xA1, 0xFF))


@cache
def gb2312_common() -> frozenset[str]:
    """GB 2312 level 1: the 3,755 most frequent simplified characters."""
    return _decode_pairs("gb2312", range(0xB0, 0xD8), _GB_TRAILS)


@cache
def gb2312_all() -> frozenset[str]:
    """All 6,763 Han characters of GB 2312 (levels 1 and 2)."""
    return _decode_pairs("gb2312", range(0xB0, 0xF8), _GB_TRAILS)


@cache
def big5_common() -> frozenset[str]:
    """Big5 level 1: the 5,401 frequent traditional characters (A440-C67E)."""
    return _decode_pairs("big5", range(0xA4, 0xC7), _BIG5_TRAILS)


@cache
def big5_all() -> frozenset[str]:
    """All Han characters Big5 can encode (levels 1 and 2)."""
    return _decode_pairs("big5", range(0xA4, 0xFA), _BIG5_TRAILS)


@cache
def common_han() -> frozenset[str]:
    """Han characters frequent in either script."""
    return gb2312_common() | big5_common()


@cache
def _t2s_chars() -> dict[str, str]:
    """Traditional character → simplified, for every Big5 character OpenCC t2s changes."""
    candidates = sorted(big5_all())
    converted = t2s_converter().convert("".join(candidates))
    if len(converted) != len(candidates):  # t2s maps single characters 1:1; guard anyway
        converted = "".join((t2s_converter().convert(ch) or ch)[0] for ch in candidates)
    return {a: b for a, b in zip(candidates, converted, strict=True) if a != b}


@cache
def traditional_only() -> frozenset[str]:
    """Characters that OpenCC t2s changes on their own: evidence of traditional script."""
    return frozenset(_t2s_chars())


@cache
def frequent_han() -> frozenset[str]:
    """The 1,000 most frequent characters of running text, in both scripts (about 90% of it).

    Read from frequent_hanzi.txt, which was generated from jieba's dictionary (the installed
    word-frequency list) with:

        counts = Counter()
        for line in open("jieba/dict.txt"):
            word, freq = line.split()[:2]
            for ch in word:
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] += int(freq)
        top = [ch for ch, _ in counts.most_common(1000)]
    """
    data = (Path(__file__).parent / "frequent_hanzi.txt").read_text(encoding="utf-8")
    simplified = frozenset(
        ch for line in data.splitlines() if not line.startswith("#") for ch in line.strip()
    )
    return simplified | {t for t, s in _t2s_chars().items() if s in simplified}


@cache
def simplified_only() -> frozenset[str]:
    """GB 2312 characters that Big5 cannot encode: evidence of simplified script."""
    return gb2312_all() - big5_all()


def sample(text: str, size: int = 200_000, chunks: int = 50) -> str:
    """Up to `size` characters of `text`, taken as evenly spread chunks (whole text if short)."""
    if len(text) <= size:
        return text
    step = len(text) // chunks
    width = size // chunks
    return "".join(text[i * step : i * step + width] for i in range(chunks))


@dataclass(frozen=True, slots=True)
class Profile:
    """How the characters of a sample split up (counts of characters, not distinct ones)."""

    han: int
    common: int
    frequent: int  # among the common ones, the most frequent 1,000 (either script)
    traditional: int
    simplified: int

    @property
    def rare(self) -> int:
        """Han characters outside the common sets."""
        return self.han - self.common


def profile(text: str) -> Profile:
    """Count Han, common, traditional-only and simplified-only characters in `text`."""
    common_set, trad_set, simp_set = common_han(), traditional_only(), simplified_only()
    frequent_set = frequent_han()
    han = common = frequent = trad = simp = 0
    # Counter runs in C; the Python loop then visits each distinct character once.
    for ch, n in Counter(text).items():
        if not is_han(ch):
            continue
        han += n
        if ch in common_set:
            common += n
            frequent += n if ch in frequent_set else 0
        if ch in trad_set:
            trad += n
        elif ch in simp_set:
            simp += n
    return Profile(han, common, frequent, trad, simp)
