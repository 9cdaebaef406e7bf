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
"""

from luoshi.lib.text.clean import Removal
from luoshi.lib.text.document import Document, read_bytes, read_file
from luoshi.lib.text.errors import TextError
from luoshi.lib.text.segment import Sentence

__all__ = ["Document", "Removal", "Sentence", "TextError", "read_bytes", "read_file"]
