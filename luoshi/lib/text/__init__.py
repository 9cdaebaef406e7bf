"""Text intake: bytes or files in, one clean simplified document out (pure; no Django).

The contract the rest of Luoshi relies on (implemented in decode.py, clean.py, segment.py):

    from luoshi.lib.text import read_file, read_bytes, Document, Sentence, TextError

    doc = read_file(Path("speech.txt"))        # .txt (any common encoding), .docx, .html/.htm
    doc = read_bytes(data, name="speech.txt")  # same, from memory
    doc.original      # str: the decoded input, before any cleaning (spans point into this)
    doc.encoding      # "utf-8", "utf-8-sig", "gb18030", "big5", "docx", ...
    doc.script        # "hans" | "hant" | "mixed"
    doc.text          # cleaned, simplified text (boilerplate and pinyin readings removed)
    doc.to_original(start, end) -> tuple[int, int]   # a [start, end) range of doc.text mapped
                                                     # to a [start, end) range of doc.original
    doc.paragraphs    # list[tuple[int, int]]: ranges of doc.text, one per non-empty paragraph
    doc.sentences     # list[Sentence]: split at 。!?; (full/half width), ﹔ and line breaks
    Sentence.start, Sentence.end   # range in doc.text
    Sentence.text                  # doc.text[start:end], stripped of surrounding white space
    Sentence.paragraph             # index into doc.paragraphs
    Sentence.suspect               # True when the sentence holds mojibake/replacement chars

TextError is the only exception the library raises for bad input (empty, binary, undecodable,
a directory, unreadable); its message is one line meant for the user.

Beyond the contract:

    doc.name          # the file name used in messages
    doc.format        # "text" | "docx" | "html"; for html, `original` is the page's text
    doc.removed       # tuple[Removal]: what cleaning dropped, as (kind, start, end) ranges of
                      # doc.original; kind is "pinyin", "mojibake", "stray", or a boilerplate
                      # kind ("crumbs", "publishing", "editor", "share", "next", "pages",
                      # "tools", "rule", "trailer"). The publishing line (a fallback for the
                      # speech date) is found here.
    doc.offsets.from_original(pos) -> int      # where an original position ended up in text

Modules: decode.py (bytes → str: encoding detection, .docx, .html), clean.py (cleaning and the
boilerplate table), segment.py (paragraphs, sentences), offsets.py (the offset map), hanzi.py
(character tables; frequent_hanzi.txt), convert.py (OpenCC t2s, 著 → 着), punct.py
(punctuation classes).
Importing the package is cheap: OpenCC, python-docx, BeautifulSoup and charset-normalizer are
imported on first use, and the character tables are built on the first read.
"""

from luoshi.lib.text.clean import Removal
from luoshi.lib.text.document import Document, read_bytes, read_file
from luoshi.lib.text.errors import TextError
from luoshi.lib.text.segment import Sentence

__all__ = ["Document", "Removal", "Sentence", "TextError", "read_bytes", "read_file"]
