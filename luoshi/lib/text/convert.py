"""Traditional to simplified script with OpenCC `t2s`, plus the 著 → 着 post-pass."""

from __future__ import annotations

import re
from functools import cache
from typing import Protocol


class _Converter(Protocol):
    def convert(self, text: str) -> str: ...


@cache
def t2s_converter() -> _Converter:
    """The OpenCC t2s converter, created once on first use (importing opencc is deferred too)."""
    import opencc  # deferred: keeps `import luoshi.lib.text` cheap

    converter: _Converter = opencc.OpenCC("t2s")
    return converter


# OpenCC keeps 著 where simplified writes 着 (著力, 随著, 凝聚著). Words in which 著 stays:
_ZHU_KEEPS_BEFORE = "显名土卓昭巨原专论遗编合译拙彰"  # 显著 名著 土著 卓著 昭著 巨著 原著 …
_ZHU_KEEPS_AFTER = "作名称述录者书"  # 著作 著名 著称 著述 著录 著者 著书
ZHU_RE = re.compile(f"(?<![{_ZHU_KEEPS_BEFORE}])著(?![{_ZHU_KEEPS_AFTER}])")


def fix_zhu(text: str) -> str:
    """Turn 著 into 着 except in words that keep 著 (same length, so offsets are unchanged)."""
    return ZHU_RE.sub("着", text) if "著" in text else text
