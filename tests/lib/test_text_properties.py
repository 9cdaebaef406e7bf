"""Property-based tests: whatever the bytes, intake raises only TextError and ranges map back."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from luoshi.lib.text import Document, TextError, read_bytes
from luoshi.lib.text.offsets import Edit, Edited
from luoshi.lib.text.punct import CLOSERS, TERMINATORS

# 200 examples keep the suite fast; set LUOSHI_HYPOTHESIS_EXAMPLES=5000 for a deeper search.
EXAMPLES = int(os.environ.get("LUOSHI_HYPOTHESIS_EXAMPLES", "200"))
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SIMPLIFIED = "要严格落实首个议题学习制度各级各部门认真办理人大代表提出的议案和建议确保一季度开门红著"
TRADITIONAL = "要嚴格落實首個議題學習制度各級各部門認真辦理人大代表提出的議案和建議確保一季度開門紅著"
# Half- and full-width punctuation (full-width forms as escapes: they look alike in review).
PUNCT = TERMINATORS + CLOSERS + "“‘《【(\uff08,\uff0c、:\uff1a…—\"' \t\n\r\u3000\u00a0"
PINYIN = ["(chuàng)", "\uff08fā\uff09", "(tǒng)", "(yè)", "(一)", "(2024年1月11日)", "(责编:高喜明)"]
JUNK = ["?", "\ufffd", "yōu)", "ь^", "洯", "榘", "l", "X", "\ue000", "\x85", "^", ")", "\r\n", "\u2028"]
BOILER = [
    "山西新闻网>>地市频道>>市政要闻",
    "时间:2023-10-30 来源:本网 点击:",
    "\n发布时间:2021-06-20 来源: 读后感 点击:\n",
    "分享到:",
    "责任编辑:卓凡",
    "(责编:高喜明)",
    "免责声明:",
    "相关热词搜索:",
    "下一篇:标题",
    "(第5/6页)",
    "网站声明\n",
]
SENTENCE_BITS = ["要抓落实", "。", "?", "\uff1f", "”", "!", "\n", " ", ";", "﹔", "…", "(一)"]


def check_document(doc: Document) -> None:
    """Every range of the document maps into `original` with start <= end."""
    n = len(doc.original)
    assert doc.script in ("hans", "hant", "mixed")
    for start, end in doc.paragraphs:
        assert 0 <= start < end <= len(doc.text)
        o_start, o_end = doc.to_original(start, end)
        assert 0 <= o_start <= o_end <= n
    previous = -1
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(doc.text)
        assert doc.text[s.start : s.end] == s.text == s.text.strip()
        assert 0 <= s.paragraph < len(doc.paragraphs)
        p_start, p_end = doc.paragraphs[s.paragraph]
        assert p_start <= s.start and s.end <= p_end
        o_start, o_end = doc.to_original(s.start, s.end)
        assert 0 <= o_start <= o_end <= n
        assert o_start >= previous  # sentences stay in document order in the original too
        previous = o_start
    for r in doc.removed:
        assert 0 <= r.start <= r.end <= n


def read_or_refuse(data: bytes, name: str = "x.txt") -> Document | None:
    try:
        doc = read_bytes(data, name)
    except TextError as exc:
        message = str(exc)
        assert message.startswith(f"{name}: ") and "\n" not in message
        return None
    check_document(doc)
    return doc


@FAST
@given(st.binary(max_size=600))
def test_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(data)


@FAST
@given(st.binary(max_size=300), st.sampled_from(["x.docx", "x.html", "x.htm", "x"]))
def test_arbitrary_bytes_under_other_names(data: bytes, name: str) -> None:
    read_or_refuse(data, name)


text_pieces = st.lists(
    st.one_of(
        st.text(alphabet=SIMPLIFIED, min_size=1, max_size=12),
        st.text(alphabet=TRADITIONAL, min_size=1, max_size=12),
        st.text(alphabet=PUNCT, min_size=1, max_size=4),
        st.sampled_from(PINYIN + JUNK + BOILER),
        st.text(max_size=4),  # anything at all, astral characters included
    ),
    max_size=40,
)


@FAST
@given(text_pieces, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030", "big5"]))
def test_mixed_script_text_in_any_encoding(pieces: list[str], encoding: str) -> None:
    text = "".join(pieces)
    data = text.encode(encoding, errors="replace")
    read_or_refuse(data)


@FAST
@given(text_pieces)
def test_mixed_script_text_as_html(pieces: list[str]) -> None:
    body = "</p><p>".join(pieces)
    read_or_refuse(f"<html><body><p>{body}</p></body></html>".encode(), "x.html")


@FAST
@given(
    st.text(alphabet=SIMPLIFIED + TRADITIONAL + PUNCT, min_size=1, max_size=200),
    st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"]),
    st.data(),
)
def test_truncated_multibyte_sequences(text: str, encoding: str, data: st.DataObject) -> None:
    encoded = text.encode(encoding, errors="replace")
    cut = data.draw(st.integers(min_value=0, max_value=len(encoded)))
    start = data.draw(st.integers(min_value=0, max_value=cut))
    read_or_refuse(encoded[start:cut])


@FAST
@given(st.text(alphabet=PUNCT + "?!。\n", min_size=1, max_size=80))
def test_pathological_punctuation(text: str) -> None:
    assert read_or_refuse(text.encode("utf-8")) is None  # punctuation alone is not a document


@FAST
@given(st.lists(st.sampled_from(SENTENCE_BITS), max_size=60))
def test_sentences_cover_all_words(pieces: list[str]) -> None:
    doc = read_or_refuse("".join(pieces).encode("utf-8"))
    if doc is None:
        return
    words = "".join(s.text for s in doc.sentences)
    assert words.count("要抓落实") == doc.text.count("要抓落实")


edit_lists = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 5), st.text(alphabet="XYZ", max_size=3)), max_size=8
)


@FAST
@given(
    st.text(alphabet="abcdefghij\n", max_size=60),
    st.lists(st.tuples(st.booleans(), edit_lists), max_size=3),
)
def test_offset_map_over_rounds_of_edits(
    original: str, rounds: list[tuple[bool, list[tuple[int, int, str]]]]
) -> None:
    doc = Edited(original)
    # Each character remembers where it came from; unchanged characters must map exactly.
    origin: list[int | None] = list(range(len(original)))
    for deleting, raw in rounds:
        edits = _non_overlapping(raw, len(doc.text), deleting)
        if deleting:
            sources = doc.delete([(e.start, e.end) for e in edits])
            for (lo, hi), e in zip(sources, edits, strict=True):
                known = [o for o in origin[e.start : e.end] if o is not None]
                assert 0 <= lo <= hi <= len(original)
                assert all(lo <= o < hi for o in known)
        else:
            doc.apply(edits)
        for e in reversed(edits):
            same = len(e.text) == e.end - e.start
            origin[e.start : e.end] = origin[e.start : e.end] if same else [None] * len(e.text)
    assert len(origin) == len(doc.text)
    offsets = doc.offset_map()
    for pos, source in enumerate(origin):
        if source is not None:
            assert offsets.to_original(pos, pos + 1) == (source, source + 1)
            assert offsets.from_original(source) == pos
    for start in range(len(doc.text) + 1):
        for end in range(start, len(doc.text) + 1):
            o_start, o_end = offsets.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(original)
            known = [o for o in origin[start:end] if o is not None]
            assert all(o_start <= o < o_end for o in known)  # the range covers its sources


def _non_overlapping(raw: list[tuple[int, int, str]], length: int, deleting: bool) -> list[Edit]:
    edits: list[Edit] = []
    last = 0
    for start, size, text in sorted(raw):
        start = max(start, last)
        end = min(start + size, length)
        if start > length or (deleting and end <= start):
            continue
        edits.append(Edit(start, end, "" if deleting else text))
        last = end
    return edits
