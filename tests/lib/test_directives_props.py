"""Property tests: whatever comes in, extraction raises nothing but TextError and keeps its shape."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.lib.directives import extract, extract_bytes
from luoshi.lib.text import TextError, read_bytes

# Text made of the pieces speeches are made of, so that rules actually fire on it.
_PIECES = [
    "一、",
    "第一,",
    "(一)",
    "一是",
    "二要",
    "1.",
    "(2)",
    "①",
    "要",
    "必须",
    "市政府督查室",
    "各县区",
    "牵头",
    "负责",
    "和",
    "、",
    "及其",
    "一季度",
    "年底前",
    "每月10日前",
    "2024年6月30日前",
    "尽快",
    "增长",
    "7.5%",
    "以上",
    "不超过",
    "10%",
    "2—4家",
    "千亿大关",
    "百分之九十",
    "X",
    "亿元",
    "连续151个月",
    "。",
    ";",
    "﹔",
    ",",
    ":",
    "\n",
    "“",
    "”",
    "(",
    ")",
    " ",
    "了",
    "过去一年",
    "今年是2024年",
    "會議",
    "發展",
    "創(chuàng)新",
    "�",
    "责任编辑:",
    "时间:2023-10-30",
]
speechy = st.lists(st.sampled_from(_PIECES) | st.text(max_size=6), max_size=60).map("".join)

_SPAN_KEYS = ("outline", "items", "figures")


def _check_shape(result: dict[str, Any], original_length: int) -> None:
    assert set(result) == {"schema", "source", "meta", "outline", "items", "figures"}
    assert set(result["meta"]) == {"title", "speaker", "date"}
    json.loads(json.dumps(result, ensure_ascii=False))
    ids = {h["id"] for h in result["outline"]}
    for h in result["outline"]:
        assert set(h) == {"id", "parent", "level", "marker", "title", "span"}
        assert h["parent"] is None or h["parent"] in ids
    for item in result["items"]:
        assert set(item) == {
            "id",
            "section",
            "kind",
            "text",
            "owners",
            "due",
            "recurrence",
            "targets",
            "span",
        }
        assert item["kind"] in ("task", "principle")
        assert item["section"] is None or item["section"] in ids
        assert item["due"] is None or set(item["due"]) == {"text", "by"}
        for t in item["targets"]:
            assert t["op"] in (">=", "<=", "=", ">", "<")
            assert isinstance(t["value"], (int, float))
    for key in _SPAN_KEYS:
        for entry in result[key]:
            start, end = entry["span"]
            assert 0 <= start <= end <= original_length


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speechy)
def test_any_text_extracts_or_fails_with_text_error(text: str) -> None:
    try:
        doc = read_bytes(text.encode("utf-8"), "input.txt")
    except TextError:
        return
    result = extract(doc, name="input.txt", sha256="0" * 64)
    _check_shape(result, len(doc.original))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes_extract_or_fail_with_text_error(data: bytes) -> None:
    try:
        result = extract_bytes(data, name="input.txt")
    except TextError:
        return
    _check_shape(result, result["source"]["chars"])


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(speechy, st.sampled_from(["gb18030", "big5", "utf-16"]))
def test_other_encodings_extract_or_fail_with_text_error(text: str, encoding: str) -> None:
    try:
        result = extract_bytes(text.encode(encoding, errors="replace"), name="input.txt")
    except TextError:
        return
    _check_shape(result, result["source"]["chars"])
