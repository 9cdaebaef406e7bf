"""Cleaning rules one by one: pinyin readings, mojibake, script, boilerplate, sentences."""

from __future__ import annotations

import pytest

from luoshi.lib.text import Document, read_bytes
from luoshi.lib.text.clean import clean, detect_script
from luoshi.lib.text.convert import fix_zhu
from luoshi.lib.text.offsets import Edit, Edited


def read(text: str) -> Document:
    return read_bytes(text.encode("utf-8"), "t.txt")


def sentences(text: str) -> list[str]:
    return [s.text for s in read(text).sentences]


# --- pinyin readings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("再創(chuàng)新輝煌", "再创新辉煌"),
        ("發(fā)展和系統(tǒng)", "发展和系统"),
        ("實現(xiàn)高質量", "实现高质量"),
        ("（一）要發（fā）展", "（一）要发展"),  # full-width parentheses too
        ("開會(2024年1月11日)", "开会(2024年1月11日)"),
        ("(一)認識再強化", "(一)认识再强化"),
        ("全文完(责编:高喜明)", "全文完"),  # the editor line is boilerplate, not a reading
        ("使用WTO(wto)規則", "使用WTO(wto)规则"),  # no tone mark: not a reading
    ],
)
def test_pinyin_readings(raw: str, cleaned: str) -> None:
    assert clean(raw).text == cleaned


def test_pinyin_reading_span_maps_to_the_whole_original() -> None:
    doc = read("再創(chuàng)新輝煌。")
    assert doc.text == "再创新辉煌。"
    assert doc.to_original(0, len(doc.text)) == (0, len(doc.original))
    assert doc.to_original(1, 2) == (1, 2)  # 创 ← 創
    assert doc.to_original(2, 3) == (10, 11)  # 新, after the reading
    assert [r.kind for r in doc.removed] == ["pinyin"]


# --- mojibake -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "joined"),
    [
        ("要把危機感轉變?yōu)榘l(fā)展的責任感。", "要把危机感转变展的责任感。"),
        ("從我?guī)ь^做起,每月抽查。", "从我做起,每月抽查。"),
        ("大戶實現(xiàn)規(guī);洜I、特色化運營。", "大户实现规、特色化运营。"),
        (
            "力爭未來每年新引進各類外來務工人員X人以上!败洯h(huán)境”方面,過去一段時間。",
            "力争未来每年新引进各类外来务工人员X人以上!境”方面,过去一段时间。",
        ),
        ("要抓落实\ufffd\ufffd工作。", "要抓落实工作。"),
    ],
)
def test_mojibake_runs_are_cut_and_flagged(raw: str, joined: str) -> None:
    doc = read(raw)
    assert doc.text == joined
    assert any(s.suspect for s in doc.sentences)
    assert "mojibake" in [r.kind for r in doc.removed]


@pytest.mark.parametrize(
    "text",
    [
        "什么时候没有困难?一个一个过。",
        "你知道WTO?我们要研究。",
        "要学习Zhōngguó这个拼写。",
        "抢抓PPP、专项债机遇,依托GX科创走廊。",
        "每一个X人都要努力,X月X日召开。",
        "我们要研究赟的意见。",  # a rare character in a name, nothing else odd
        "“1+5+N”产业集群和“X+X”工作法。",
        "温度在20°C以上;湿度<80%。",
    ],
)
def test_ordinary_text_is_not_mojibake(text: str) -> None:
    doc = read(text)
    assert doc.text == text
    assert not any(s.suspect for s in doc.sentences)
    assert not doc.removed


def test_stray_question_mark_after_full_stop_is_dropped() -> None:
    doc = read("探索咸宁实践。?\n第二,要雷厉风行抓落实。")
    assert doc.text == "探索咸宁实践。\n第二,要雷厉风行抓落实。"
    assert not any(s.suspect for s in doc.sentences)


def test_only_the_sentence_holding_the_cut_is_suspect() -> None:
    doc = read("前一句完好。從我?guī)ь^做起。后一句也完好。")
    assert [s.suspect for s in doc.sentences] == [False, True, False]


# --- script -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("各级各部门要认真办理人大代表提出的议案和建议。", "hans"),
        ("各級各部門要認真辦理人大代表提出的議案和建議。", "hant"),
        ("各級各部門要認真辦理。各级各部门要认真办理。", "mixed"),
        ("Hello world 123", "hans"),
        ("人大代表", "hans"),  # shared characters only: nothing to convert
    ],
)
def test_script_detection(text: str, script: str) -> None:
    assert detect_script(text) == script


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("著力", "着力"),
        ("随著", "随着"),
        ("凝聚著", "凝聚着"),
        ("显著", "显著"),
        ("著作", "著作"),
        ("著名", "著名"),
        ("名著", "名著"),
        ("土著", "土著"),
        ("著称", "著称"),
        ("卓著", "卓著"),
        ("昭著", "昭著"),
        ("著述", "著述"),
    ],
)
def test_zhu_post_pass(word: str, expected: str) -> None:
    assert fix_zhu(word) == expected


def test_traditional_is_converted_and_full_width_punctuation_kept() -> None:
    doc = read("第一,要不折不扣抓落實!“開門紅”;(一)幹部隊伍。")
    assert doc.text == "第一,要不折不扣抓落实!“开门红”;(一)干部队伍。"
    assert doc.script == "hant"


# --- boilerplate --------------------------------------------------------------------------------

SPEECH = (
    "各位代表,同志们:这是一篇讲话的正文,要求各级各部门认真抓好落实,确保各项工作取得实效,绝不能走过场。" * 2
)


@pytest.mark.parametrize(
    ("page", "gone"),
    [
        (f"山西新闻网>>地市频道>>阳泉频道>>市政要闻\n{SPEECH}", "山西新闻网"),
        (f"当前位置:首页 > 新闻中心 > 正文\n{SPEECH}", "当前位置"),
        (f"时间:2023年02月24日14:42 来源:阳泉日报进入论坛\n{SPEECH}", "来源"),
        (f"标题 时间:2023-10-30 来源:本网 点击:\n{SPEECH}", "2023-10-30"),
        (f"发布时间:2021-06-20 来源: 读后感 点击:\n{SPEECH}", "读后感"),
        (f"{SPEECH}(责编:高喜明、郗涛)\n", "高喜明"),
        (f"{SPEECH} 责任编辑:卓凡 免责声明:\n凡本网注明的作品均转载自其它媒体。 |", "卓凡"),
        (f"{SPEECH}\n分享到: 评论:\n", "分享到"),
        (f"{SPEECH}\n下一篇:在乡镇干部培训班开班式上的讲话", "下一篇"),
        (f"讲话(第5/6页)\n{SPEECH}", "第5/6页"),
        (f"{SPEECH}\n网站声明\n\n山西日报所有自采新闻独家授权发布。\n图片新闻\n商务链接", "图片新闻"),
        (f"{SPEECH}\n相关热词搜索:解放思想 建功\n热点文章阅读", "热词"),
        (f"{SPEECH}\n【打印】【关闭】", "打印"),
        (f"|\n{SPEECH}\n-----\n", "|"),
    ],
)
def test_boilerplate_is_removed(page: str, gone: str) -> None:
    doc = read(page)
    assert gone not in doc.text
    assert "这是一篇讲话的正文" in doc.text
    assert doc.removed
    for s in doc.sentences:
        start, end = doc.to_original(s.start, s.end)
        assert gone not in doc.original[start:end] or gone == "|"


def test_boilerplate_look_alikes_in_a_speech_stay() -> None:
    text = (
        "完成时间:2024年6月30日前。要抓住时间:2023年是关键。首页要有导航;"
        "免责声明这个词出现在句子里。上一步要做好。第一页内容。"
    )
    assert read(text).text == text


def test_trailer_ends_at_the_next_speech_in_concatenated_pages() -> None:
    second = "第二篇讲话的正文" + "要抓落实" * 40 + "。"
    doc = read(f"{SPEECH}\n免责声明:本网转载。\n{second}")
    assert "免责声明" not in doc.text
    assert second in doc.text


def test_crlf_and_boilerplate_offsets_stay_right() -> None:
    raw = f"时间:2023-10-30\r\n{SPEECH}\r\n(责编:某某)\r\n"
    doc = read(raw)
    for s in doc.sentences:
        start, end = doc.to_original(s.start, s.end)
        assert doc.original[start:end] == s.text


# --- sentences and paragraphs -------------------------------------------------------------------


FW = {"!": "\uff01", "?": "\uff1f", ";": "\uff1b", ":": "\uff1a", ",": "\uff0c", "(": "\uff08", ")": "\uff09"}


def full_width(text: str) -> str:
    """The same text with full-width ！？；：，（） (escapes: the forms look alike in review)."""
    return text.translate(str.maketrans(FW))


def test_full_width_punctuation_is_handled_like_half_width() -> None:
    raw = full_width("第一,要抓落实!是吗?是的;\n时间:2023-10-30 来源:本网\n(一)發(fā)展。")
    doc = read(raw)
    assert [s.text for s in doc.sentences] == [
        full_width("第一,要抓落实!"),
        full_width("是吗?"),
        full_width("是的;"),
        full_width("(一)发展。"),
    ]


def test_full_width_boilerplate() -> None:
    doc = read(full_width(f"{SPEECH}(责编:高喜明)\n分享到:\n下一篇:标题\n(第5/6页)\n"))
    assert doc.text.strip() == full_width(SPEECH)


def test_sentence_ends_and_closing_quotes() -> None:
    assert sentences("他说:“要抓落实。”我们照办!是吗?是的;好﹔完\n新行") == [
        "他说:“要抓落实。”",
        "我们照办!",
        "是吗?",
        "是的;",
        "好﹔",
        "完",
        "新行",
    ]
    assert sentences("要唱响“开门红”。然后开会") == ["要唱响“开门红”。", "然后开会"]
    assert sentences("Half width! Works? Yes; done") == ["Half width!", "Works?", "Yes;", "done"]


def test_punctuation_only_pieces_are_not_sentences() -> None:
    assert sentences("要抓落实。。。!!\n……\n(一)") == ["要抓落实。。。!!", "(一)"]


def test_paragraphs_are_nonempty_lines() -> None:
    doc = read("第一段。第一段第二句。\n\n   \n第二段\n……\n")
    assert [doc.text[a:b] for a, b in doc.paragraphs] == ["第一段。第一段第二句。", "第二段"]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]


def test_flattened_page_paragraphs_come_back() -> None:
    doc = read("一是凝心铸魂。要讲政治。 二是服务大局。要抓发展! 三是一心为民。")
    assert [doc.text[a:b] for a, b in doc.paragraphs] == [
        "一是凝心铸魂。要讲政治。",
        "二是服务大局。要抓发展!",
        "三是一心为民。",
    ]


# --- offset map ---------------------------------------------------------------------------------


def test_opaque_replacement_widens_to_its_source() -> None:
    doc = Edited("abcdefgh")
    doc.apply([Edit(2, 5, "XY")])  # cde → XY
    assert doc.text == "abXYfgh"
    offsets = doc.offset_map()
    assert offsets.to_original(0, 2) == (0, 2)
    assert offsets.to_original(2, 3) == (2, 5)
    assert offsets.to_original(3, 5) == (2, 6)
    assert offsets.to_original(4, 7) == (5, 8)
    assert offsets.to_original(7, 7) == (8, 8)


def test_delete_then_substitute_keeps_positions() -> None:
    doc = Edited("0123456789")
    assert doc.delete([(1, 3), (5, 6)]) == [(1, 3), (5, 6)]
    assert doc.text == "0346789"
    doc.apply([Edit(0, 7, "abcdefg")])  # same length: a substitution
    assert doc.delete([(2, 4)]) == [(4, 7)]  # c, d stood for 4 and 6 (5 was already gone)
    assert doc.text == "abefg"
    offsets = doc.offset_map()
    assert [offsets.to_original(i, i + 1) for i in range(5)] == [(0, 1), (3, 4), (7, 8), (8, 9), (9, 10)]
    assert offsets.to_original(1, 3) == (3, 8)
    assert offsets.from_original(5) == 2  # deleted: where the text around it now joins


def test_t2s_length_change_falls_back_per_clause(monkeypatch: pytest.MonkeyPatch) -> None:
    class Growing:
        """A converter that lengthens one word, as a phrase table could."""

        def convert(self, text: str) -> str:
            return text.replace("發展", "发发展").replace("會議", "会议")

    from luoshi.lib.text import clean as clean_module

    monkeypatch.setattr(clean_module, "t2s_converter", lambda: Growing())
    cleaned = clean("召開會議,推動發展。同心協力")
    assert cleaned.text == "召開会议,推動发发展。同心協力"
    offsets = cleaned.offsets
    assert offsets.to_original(2, 4) == (2, 4)  # 会议 ← 會議, same length clause: exact
    assert offsets.to_original(5, 10) == (5, 9)  # the grown clause maps to its whole source
    assert offsets.to_original(11, 15) == (10, 14)
