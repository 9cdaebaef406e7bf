"""Encoding detection, .docx and .html intake, and the errors bad input gets."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from luoshi.lib.text import TextError, read_bytes, read_file

SAMPLES = Path("/work/shared/samples")
FILES = sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
needs_samples = pytest.mark.skipif(not FILES, reason="shared samples not available")

SIMPLIFIED = "各级各部门要认真办理人大代表提出的议案和建议,确保一季度“开门红”。"
TRADITIONAL = "各級各部門要認真辦理人大代表提出的議案和建議,確保一季度“開門紅”。"


def _sample(prefix: str) -> str:
    path = next(p for p in FILES if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")


# --- encodings --------------------------------------------------------------------------------


@needs_samples
@pytest.mark.parametrize(
    ("prefix", "encoding"),
    [("000", "big5"), ("001", "gb18030"), ("002", "gb18030"), ("003", "big5"), ("004", "big5")],
)
def test_samples_reencoded_round_trip(prefix: str, encoding: str) -> None:
    text = _sample(prefix)
    data = text.encode(encoding, errors="replace")  # Big5 lacks pinyin letters and a few chars
    doc = read_bytes(data, f"{prefix}.txt")
    assert doc.encoding == encoding
    assert doc.original == data.decode(encoding)


@needs_samples
def test_003_traditional_with_pinyin_in_gb18030() -> None:
    # GB18030 encodes traditional characters too; the score must not be fooled by script.
    text = _sample("003")
    doc = read_bytes(text.encode("gb18030"), "003.txt")
    assert doc.encoding == "gb18030"
    assert doc.original == text


@needs_samples
@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_bom_encodings(encoding: str) -> None:
    text = _sample("001")
    doc = read_bytes(text.encode(encoding), "001.txt")
    assert doc.encoding == encoding
    assert doc.original == text


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding: str) -> None:
    doc = read_bytes(SIMPLIFIED.encode(encoding), "a.txt")
    assert doc.original == SIMPLIFIED
    assert doc.encoding == encoding


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (SIMPLIFIED, "gb18030"),
        (TRADITIONAL, "big5"),
        ("落实", "gb18030"),
        ("抓落实", "gb18030"),
        ("要不折不扣抓落实。", "gb18030"),
        ("要不折不扣抓落實。", "big5"),
        ("督查室", "gb18030"),
        ("會議紀要", "big5"),
        ("市政府督查室要进一步健全工作机制", "gb18030"),
        ("市政府督查室要進一步健全工作機制", "big5"),
        ("第一,要不折不扣抓落實。", "big5"),
        ("约谈", "gb18030"),
        ("通報", "big5"),
    ],
)
def test_short_texts_pick_the_right_double_byte_encoding(text: str, encoding: str) -> None:
    doc = read_bytes(text.encode(encoding), "short.txt")
    assert doc.original == text
    assert doc.encoding == encoding


def test_ascii_is_utf8() -> None:
    doc = read_bytes(b"Speech of the mayor.\nWe must act.", "a.txt")
    assert doc.encoding == "utf-8"
    assert [s.text for s in doc.sentences] == ["Speech of the mayor.", "We must act."]


def test_truncated_gb18030_still_reads() -> None:
    data = (SIMPLIFIED * 20).encode("gb18030")[:-1]
    doc = read_bytes(data, "cut.txt")
    assert doc.encoding == "gb18030"
    assert doc.original.startswith(SIMPLIFIED)


def test_truncated_utf8_reads_as_utf8() -> None:
    data = (SIMPLIFIED * 20).encode("utf-8")[:-2]
    doc = read_bytes(data, "cut.txt")
    assert doc.encoding == "utf-8"
    assert doc.original.endswith("\ufffd")
    assert doc.sentences[-1].suspect


def test_crlf_line_breaks_are_normalised_and_mapped() -> None:
    doc = read_bytes("第一行。\r\n第二行。\r第三行。".encode(), "crlf.txt")
    assert doc.text == "第一行。\n第二行。\n第三行。"
    third = doc.sentences[2]
    start, end = doc.to_original(third.start, third.end)
    assert doc.original[start:end] == "第三行。"


# --- .docx --------------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph("在全市工作會議上的講話")
    document.add_paragraph("第一,要不折不扣抓落實。各部門要牽頭辦理。")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["序號", "任務", "責任單位"], strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["1", "完成春耕備耕", "農業農村局"], strict=True):
        cell.text = value
    document.add_paragraph("第二,要雷厲風行抓落實。")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_paragraphs_and_tables_in_order() -> None:
    doc = read_bytes(_docx_bytes(), "speech.docx")
    assert doc.encoding == "docx" and doc.format == "docx"
    lines = doc.original.split("\n")
    assert lines[0] == "在全市工作會議上的講話"
    assert lines[2] == "序號\t任務\t責任單位"
    assert lines[3] == "1\t完成春耕備耕\t農業農村局"
    assert lines[4] == "第二,要雷厲風行抓落實。"
    assert doc.script == "hant"
    assert "第一,要不折不扣抓落实。" in [s.text for s in doc.sentences]


def test_docx_is_sniffed_even_with_another_name(tmp_path: Path) -> None:
    path = tmp_path / "speech.bin"
    path.write_bytes(_docx_bytes())
    assert read_file(path).format == "docx"


def test_corrupt_docx_is_a_text_error() -> None:
    data = _docx_bytes()
    with pytest.raises(TextError, match=r"^speech\.docx: not a readable \.docx file$"):
        read_bytes(data[: len(data) // 2], "speech.docx")
    with pytest.raises(TextError, match=r"^speech\.docx: "):
        read_bytes(b"PK\x03\x04 not really a zip", "speech.docx")


def test_empty_docx_is_a_text_error() -> None:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    with pytest.raises(TextError, match="no text"):
        read_bytes(out.getvalue(), "empty.docx")


def test_legacy_doc_is_refused_with_advice() -> None:
    with pytest.raises(TextError, match=r"save it as \.docx"):
        read_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "old.doc")


# --- .html --------------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html><head><title>在市人大會議上的講話_山西新聞網</title>
<style>p { color: red }</style><script>var x = "不要這段腳本";</script></head>
<body>
<nav><a href="/">首頁</a> <a href="/news">新聞</a></nav>
<div class="crumbs">山西新聞網&gt;&gt;地市頻道&gt;&gt;陽泉頻道</div>
<h1>在陽泉市人民代表大會閉幕會上的講話</h1>
<div class="info">時間:2023年02月24日14:42 來源:陽泉日報</div>
<div class="content">
  <p>各位代表,同志們:</p>
  <p>一、抓落實開新局,就要把牢正確
     政治方向。要堅持問題導向<br>二、要堅定信心。</p>
  <table><tr><td>任務</td><td>責任單位</td></tr></table>
</div>
<p>(責編:高喜明)</p><p>分享到:</p>
<div>網站聲明</div><div>凡本網注明的作品均轉載自其它媒體,轉載目的在於傳遞更多信息。</div>
<footer>版權所有</footer>
</body></html>"""


def test_html_page_text_and_cleaning() -> None:
    doc = read_bytes(PAGE.encode("utf-8"), "page.html")
    assert doc.format == "html" and doc.encoding == "utf-8"
    assert "不要這段腳本" not in doc.original
    assert "color" not in doc.original
    assert "首頁" not in doc.original  # <nav> is dropped
    assert "一、抓落實開新局,就要把牢正確 政治方向。要堅持問題導向\n二、要堅定信心。" in doc.original
    assert "任務\t責任單位" in doc.original
    assert doc.text.splitlines()[0] == "在阳泉市人民代表大会闭幕会上的讲话"
    for junk in ("山西新闻网", "时间:", "责编", "分享到", "网站声明", "转载"):
        assert junk not in doc.text
    assert "一、抓落实开新局,就要把牢正确 政治方向。" in [s.text for s in doc.sentences]


def test_html_in_big5_is_detected() -> None:
    doc = read_bytes(PAGE.replace("版權所有", "").encode("big5"), "page.htm")
    assert doc.encoding == "big5"
    assert "各位代表,同志们:" in doc.text


def test_html_sniffed_from_content() -> None:
    doc = read_bytes(
        b"<html><body><p>\xe8\xa6\x81\xe6\x8a\x93\xe8\x90\xbd\xe5\xae\x9e</p></body></html>", "x.txt"
    )
    assert doc.format == "html" and doc.text == "要抓落实"


def test_html_without_text_is_a_text_error() -> None:
    with pytest.raises(TextError, match=r"^page\.html: "):
        read_bytes(b"<html><script>alert(1)</script></html>", "page.html")


# --- errors -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "speech.txt: empty file"),
        (b"  \n\t\r\n ", "speech.txt: empty file"),
        ("。,!?……——“”\n、;:".encode(), "speech.txt: no text: only white space and punctuation"),
        (b"123 456\n", "speech.txt: no text: only white space and punctuation"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", "speech.txt: binary file, not text"),
        (bytes(range(256)) * 8, "speech.txt: binary file, not text"),
        (
            "时间:2023-10-30\n分享到:\n".encode(),
            "speech.txt: no text left after removing web page boilerplate",
        ),
    ],
)
def test_bad_input_gets_one_line_text_error(data: bytes, message: str | None) -> None:
    with pytest.raises(TextError) as info:
        read_bytes(data, "speech.txt")
    text = str(info.value)
    assert "\n" not in text and text.startswith("speech.txt: ")
    if message is not None:
        assert text == message


def test_random_high_bytes_are_refused() -> None:
    data = bytes((0x80 + (i * 37) % 0x7F) for i in range(4000))
    with pytest.raises(TextError):
        read_bytes(data, "junk.txt")


def test_directory_is_a_text_error(tmp_path: Path) -> None:
    with pytest.raises(TextError, match="is a directory"):
        read_file(tmp_path)


def test_missing_file_is_a_text_error(tmp_path: Path) -> None:
    with pytest.raises(TextError, match=r"^nope\.txt: no such file$"):
        read_file(tmp_path / "nope.txt")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_unreadable_file_is_a_text_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("要抓落实", encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(TextError, match="permission denied"):
            read_file(path)
    finally:
        path.chmod(0o600)


def test_read_file_accepts_str_and_reads_utf8(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text("要抓落实。", encoding="utf-8")
    doc = read_file(str(path))
    assert doc.name == "ok.txt" and doc.text == "要抓落实。"


def test_zip_that_is_not_a_docx(tmp_path: Path) -> None:
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(TextError, match=r"^ledger\.xlsx: a ZIP archive but not a \.docx"):
        read_bytes(out.getvalue(), "ledger.xlsx")


def test_valid_utf8_with_only_rare_characters_stays_utf8() -> None:
    text = "𠀀𠀁𪚥龘靐齉爩"  # extension B and other rare characters, no common ones
    doc = read_bytes(text.encode("utf-8"), "rare.txt")
    assert doc.encoding == "utf-8" and doc.original == text


def test_other_encodings_fall_back_to_charset_normalizer() -> None:
    text = "Café, résumé and naïve: a speech about the economy. We must act now."
    doc = read_bytes(text.encode("cp1252"), "latin.txt")
    assert doc.encoding == "cp1252" and doc.original == text


@needs_samples
@pytest.mark.parametrize(("script", "encoding"), [("hans", "gb18030"), ("hant", "big5"), ("hant", "gb18030")])
def test_three_character_snippets_are_mostly_detected(script: str, encoding: str) -> None:
    import random

    import opencc

    text = "".join(p.read_text(encoding="utf-8") for p in FILES)
    simplified = "".join(ch for ch in opencc.OpenCC("t2s").convert(text) if "\u4e00" <= ch <= "\u9fff")
    source = simplified if script == "hans" else opencc.OpenCC("s2t").convert(simplified)
    rng = random.Random(7)
    right = total = 0
    for _ in range(300):
        i = rng.randrange(len(source) - 3)
        snippet = source[i : i + 3]
        try:
            data = snippet.encode(encoding)
        except UnicodeEncodeError:
            continue
        total += 1
        right += read_bytes(data, "s.txt").original == snippet
    assert right / total >= 0.97


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_device_is_a_text_error() -> None:
    with pytest.raises(TextError, match=r"^zero: not a regular file$"):
        read_file("/dev/zero")
