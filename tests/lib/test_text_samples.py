"""The five sample speeches decode and clean the way the gold files expect."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from luoshi.lib.text import Document, read_file
from luoshi.lib.text.convert import fix_zhu, t2s_converter

SAMPLES = Path("/work/shared/samples")
if not SAMPLES.is_dir():  # the repository may be checked out without the shared folder
    SAMPLES = Path(__file__).resolve().parents[3] / "shared" / "samples"
FILES = sorted(SAMPLES.glob("*.txt"))
pytestmark = pytest.mark.skipif(not FILES, reason="shared samples not available")

_TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
BOILERPLATE = (
    "山西新闻网>>",
    ">>",
    "时间:",
    "来源:",
    "点击:",
    "分享到",
    "责任编辑",
    "责编",
    "网站声明",
    "免责声明",
    "相关热词搜索",
    "热点文章阅读",
    "下一篇",
    "第5/6页",
    "图片新闻",
)


def _doc(prefix: str) -> Document:
    return read_file(next(p for p in FILES if p.name.startswith(prefix)))


@pytest.fixture(scope="module", params=[p.name[:3] for p in FILES])
def doc(request: pytest.FixtureRequest) -> Document:
    return _doc(request.param)


def test_every_sample_decodes_as_utf8(doc: Document) -> None:
    assert doc.encoding == "utf-8"
    assert doc.format == "text"
    assert doc.sentences and doc.paragraphs


def test_boilerplate_is_gone(doc: Document) -> None:
    for marker in BOILERPLATE:
        assert marker not in doc.text, marker


def test_no_pinyin_reading_is_left(doc: Document) -> None:
    assert not re.search(f"[{_TONE}]", doc.text)
    assert not re.search(r"\([a-z]+\)", doc.text)


def test_text_is_simplified(doc: Document) -> None:
    assert t2s_converter().convert(doc.text) == doc.text
    assert "著" not in doc.text.replace("显著", "")


def test_sentences_map_back_to_the_original(doc: Document) -> None:
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        start, end = doc.to_original(s.start, s.end)
        assert 0 <= start <= end <= len(doc.original)
        source = doc.original[start:end]
        if s.suspect:
            continue  # garbage was cut out of the middle of these
        # The original range, cleaned the same way, gives back the sentence.
        reading = re.compile(rf"(?<=[\u4e00-\u9fff])\([a-z{_TONE}]*[{_TONE}][a-z{_TONE}]*\)")
        assert fix_zhu(t2s_converter().convert(reading.sub("", source))) == s.text


def test_paragraphs_are_nonempty_lines(doc: Document) -> None:
    for start, end in doc.paragraphs:
        assert "\n" not in doc.text[start:end]
        assert doc.text[start:end].strip()


def test_scripts_are_detected() -> None:
    assert [_doc(p).script for p in ("000", "001", "002", "003", "004")] == [
        "hant",
        "hans",
        "hans",
        "hant",
        "hant",
    ]


def test_zhu_becomes_zhe_except_in_words_that_keep_it() -> None:
    text = _doc("004").text
    assert "凝聚着全体代表的智慧" in text
    assert "一任接着一任干" in text
    assert "著" not in _doc("003").text.replace("显著", "")


def test_mojibake_in_003_is_cut_and_flagged() -> None:
    doc = _doc("003")
    suspect = [s.text for s in doc.sentences if s.suspect]
    joined = {
        "转变展的责任感": "转变为发展",
        "从我做起": "从我带头做起",
        "实现规、特色化运营": "规模经营",
        "境”方面": "“软环境”方面",
    }
    for fragment in joined:
        assert any(fragment in s for s in suspect), fragment
    for garbage in ("?", "yōu", "guī", "ь", "洯", "榘", "(fā)", "(huán)"):
        assert garbage not in doc.text
    assert len(suspect) == 4
    kinds = [r.kind for r in doc.removed]
    assert kinds.count("mojibake") == 4


def test_real_question_marks_and_parentheses_stay() -> None:
    assert "什么时候没有困难?一个一个过" in _doc("004").text
    text = _doc("000").text
    assert "(2024年1月11日)" in text
    assert "。?" not in text  # a stray `?` after a full stop is dropped
    assert "(山西泽州县高都镇党办)" in _doc("002").text


def test_web_page_boilerplate_cut_mid_line() -> None:
    doc = _doc("002")
    assert doc.text.rstrip().endswith("奋力谱写新时代美丽高都新篇章!(山西泽州县高都镇党办)")
    publishing = [doc.original[r.start : r.end].strip() for r in doc.removed if r.kind == "publishing"]
    assert publishing == ["时间:2023-10-30"]


def test_publishing_lines_stay_findable_in_the_original() -> None:
    # meta.date falls back on the publishing date, so the removal keeps its original range.
    doc = _doc("004")
    (line,) = [doc.original[r.start : r.end] for r in doc.removed if r.kind == "publishing"]
    assert line.startswith("時間:2023年02月24日")
    doc = _doc("003")
    (line,) = [doc.original[r.start : r.end] for r in doc.removed if r.kind == "publishing"]
    assert "2021-06-20" in line


def test_flattened_page_gets_paragraphs_back() -> None:
    doc = _doc("002")
    starts = [doc.text[a:b][:4] for a, b in doc.paragraphs]
    assert "一是凝心" in starts and "四是高效" in starts


def test_004_semicolon_variant_ends_sentences() -> None:
    doc = _doc("004")
    assert any(s.text.endswith("全年地区生产总值历史性突破千亿大关﹔") for s in doc.sentences)
