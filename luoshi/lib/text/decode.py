"""Bytes to one decoded string: encoding detection, .docx and saved .html pages.

The encoding is detected, never assumed. Strict UTF-8 (after any BOM) is decisive because
random non-ASCII bytes almost never form valid UTF-8. GB18030 and Big5 are harder: both accept
most double-byte sequences, so each candidate decoding is scored by how many of its characters
are common Han characters and how many are rare, private-use, symbols or replacement characters,
and the best one wins. charset-normalizer is asked only when none of the Chinese candidates reads
cleanly (it is slow on large input and does not tell GB18030 from Big5 reliably on short texts).
"""

from __future__ import annotations

import codecs
import io
import re
from dataclasses import dataclass
from typing import Literal

from luoshi.lib.text import hanzi
from luoshi.lib.text.errors import TextError

Format = Literal["text", "docx", "html"]

SCORE_PREFIX = 64 * 1024  # bytes scored per candidate; enough to decide, cheap on big files
SCORE_CHARS = 64 * 1024  # characters sampled when judging decoded text
MAX_CONTROL_SHARE = 0.02  # more control characters than this means binary data, not text
MAX_UNPACKED = 256 * 1024 * 1024  # bytes a .docx may unpack to
MAX_REPLACEMENT_SHARE = 0.02  # a lenient decoding may lose a few bytes (truncated file), no more

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f]")
# What a wrong double-byte decoding produces besides rare Han: private use, kana, Bopomofo,
# Cyrillic/Greek letters, box drawing, compatibility forms, Hangul and other symbol blocks.
# A wrong UTF-8 reading of GB/Big5 bytes produces IPA, combining marks and the scripts of
# U+0250-U+1FFF (Armenian, Hebrew, Arabic, …).
_ODD_RE = re.compile(
    r"[\ue000-\uf8ff\u0250-\u1fff\u2460-\u27ff\u2c00-\u2dff\u2e80-\u2fdf\u3040-\u31ff"
    r"\u3200-\u33ff\ufe10-\ufe4f\uac00-\ud7af\U000f0000-\U0010ffff\x80-\x9f"
    # GB2312 row-1 symbols that Big5 punctuation turns into when read as GB18030 (¤¨ˇˉ‖∶〃々,
    # math operators, geometric shapes), all rare in running text.
    r"\u00a4\u00a8\u02c7\u02c9\u2016\u2236\u3003\u3005\u2200-\u22ff\u25a0-\u25ff]"
)
_HTML_START_RE = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S
)

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # (bom, codec, name reported); UTF-32 before UTF-16 because FF FE starts both.
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# Candidate families for non-UTF-8 bytes; within a family the first codec that decodes strictly
# is used (cp950 and big5hkscs are supersets of Big5 that some editors save).
_FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("gb18030", ("gb18030",)),
    ("big5", ("big5", "cp950", "big5hkscs")),
    ("utf-8", ("utf-8",)),
)


_OTHER_ENCODINGS = ("cp1252", "shift_jis", "euc_jp", "cp949", "cp1251", "koi8_r", "iso8859_2")


@dataclass(frozen=True, slots=True)
class Decoded:
    """The decoded input: `text` is what spans point into."""

    text: str
    encoding: str
    format: Format


def decode(data: bytes, name: str) -> Decoded:
    """Decode `data` (a plain text file, a .docx or a saved .html page) to one string."""
    if not data:
        raise TextError(name, "empty file")
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if data.startswith(b"PK\x03\x04") or suffix == "docx":
        return Decoded(docx_text(data, name), "docx", "docx")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise TextError(name, "old Word .doc or other Office binary format; save it as .docx")
    text, encoding = decode_text(data, name)
    if suffix in ("html", "htm", "xhtml") or _HTML_START_RE.match(data[:4096]):
        return Decoded(html_text(text, name), encoding, "html")
    return Decoded(text, encoding, "text")


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Detect the encoding of plain-text bytes; returns (text, encoding name)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = _lenient(data[len(bom) :], codec, name)
            return _checked(text, name), label
    if b"\x00" in data:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise TextError(name, "binary file, not text")
        codec = utf16
        return _checked(_lenient(data, codec, name), name), codec
    try:
        utf8: str | None = data.decode("utf-8")
    except UnicodeDecodeError:
        utf8 = None
    if utf8 is not None:
        # Valid UTF-8 is decisive unless it reads as odd scripts or rare Han characters, which
        # happens when a few GB18030/Big5 bytes line up as UTF-8 by chance (约谈 → Լ̸).
        head = hanzi.sample(utf8, SCORE_CHARS)
        if not _ODD_RE.search(head) and not _looks_garbled(head, minimum=1):
            return _checked(utf8, name), "utf-8"
    best: tuple[float, str, str, str | None] = (float("-inf"), "", "", None)
    for label, family in _FAMILIES:
        codec, decoded = _first_strict(data, family)
        sample = decoded[:SCORE_CHARS] if decoded is not None else None
        if sample is None:
            sample = data[:SCORE_PREFIX].decode(codec, errors="replace")
            if len(data) > SCORE_PREFIX:
                sample = sample.rstrip("\ufffd")  # the prefix may cut the last character in half
        score = _score(sample) + (0.5 if decoded is not None else 0.0)  # clean decoding wins a tie
        if score > best[0]:
            best = (score, label, codec, decoded)
    _, best_label, best_codec, text_or_none = best
    text = text_or_none if text_or_none is not None else data.decode(best_codec, errors="replace")
    if _replacement_share(text) > MAX_REPLACEMENT_SHARE or _looks_garbled(text):
        if utf8 is not None:  # nothing reads better: valid UTF-8 it is (rare characters and all)
            return _checked(utf8, name), "utf-8"
        other = _charset_normalizer_guess(data)
        if other is not None:
            return _checked(other[0], name), other[1]
        raise TextError(name, "cannot tell the text encoding (not UTF-8, GB18030 or Big5)")
    return _checked(text, name), best_label


def _first_strict(data: bytes, family: tuple[str, ...]) -> tuple[str, str | None]:
    """The first codec of `family` that decodes `data` strictly, with the text; else the first
    codec and None."""
    for codec in family:
        try:
            return codec, data.decode(codec)
        except UnicodeDecodeError:
            continue
    return family[0], None


def _lenient(data: bytes, codec: str, name: str) -> str:
    text = data.decode(codec, errors="replace")
    if _replacement_share(text) > MAX_REPLACEMENT_SHARE:
        raise TextError(name, f"not valid {codec[:6].upper()} text")
    return text


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit on one parity only, as in UTF-16 text."""
    head = data[:4096]
    half = len(head) // 2
    if half < 2:
        return None
    even_nul = head[0::2].count(0) / half
    odd_nul = head[1::2].count(0) / half
    if odd_nul > 0.3 and even_nul < 0.02:
        return "utf-16-le"
    if even_nul > 0.3 and odd_nul < 0.02:
        return "utf-16-be"
    # CJK text in UTF-16 has few NUL bytes; accept it when it decodes to mostly common Han.
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if hanzi.profile(text[:SCORE_CHARS]).common >= 0.8 * len(text[:SCORE_CHARS].strip()):
            return codec
    return None


def _count(pattern: re.Pattern[str], text: str) -> int:
    """How many characters of `text` the one-character `pattern` matches (in C, not a loop)."""
    return len(text) - len(pattern.sub("", text))


def _score(sample: str) -> float:
    """Higher when `sample` reads like real Chinese (or plain ASCII) text."""
    p = hanzi.profile(sample)
    odd = _count(_ODD_RE, sample)
    bad = sample.count("\ufffd") + _count(_CONTROL_RE, sample)
    # Big5 bytes read as GB18030 give a random mix of simplified-only and traditional-only
    # characters; real text is rarely both at once (a Big5 reading cannot be).
    mixed = min(p.traditional, p.simplified)
    # Frequent characters weigh more: on a few characters, a wrong reading gives common but
    # random characters, while real text is mostly the top 1,000.
    return p.common + p.frequent - 3.0 * p.rare - 4.0 * odd - 10.0 * bad - 2.0 * mixed


def _replacement_share(text: str) -> float:
    return text.count("\ufffd") / max(1, len(text))


def _looks_garbled(text: str, minimum: int = 20) -> bool:
    """A text whose Han characters (at least `minimum`) are mostly rare was decoded wrongly."""
    p = hanzi.profile(hanzi.sample(text, SCORE_CHARS))
    return p.han >= minimum and p.common < 0.6 * p.han


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    """Last resort for other encodings; only a strict, clean decoding is accepted."""
    import charset_normalizer  # deferred: slow to import and rarely needed

    # Offered only encodings an office plausibly receives besides the Chinese ones; left free,
    # charset-normalizer picks exotic code pages for short Latin text (cp775 for café).
    best = charset_normalizer.from_bytes(data[:SCORE_PREFIX], cp_isolation=list(_OTHER_ENCODINGS)).best()
    if best is None or not best.encoding:
        return None
    encoding = str(best.encoding)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    if _looks_garbled(text):
        return None
    return text, encoding


def _checked(text: str, name: str) -> str:
    """Reject decoded text that is really binary data."""
    head = hanzi.sample(text, SCORE_CHARS)  # binary data shows itself in any sample
    if head and _count(_CONTROL_RE, head) > MAX_CONTROL_SHARE * len(head):
        raise TextError(name, "binary file, not text")
    return text


# --- .docx ------------------------------------------------------------------------------------


def docx_text(data: bytes, name: str) -> str:
    """The paragraphs and table rows of a .docx, one per line (table cells joined by tabs)."""
    import zipfile  # deferred with the rest of the .docx path

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_word = "word/document.xml" in archive.namelist()
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise TextError(name, "not a readable .docx file") from exc
    if not is_word:
        raise TextError(name, "a ZIP archive but not a .docx (no word/document.xml)")
    if unpacked > MAX_UNPACKED:  # a zip bomb, or far more than any speech
        raise TextError(name, f".docx too large when unpacked ({unpacked // (1024 * 1024)} MB)")
    try:
        import docx  # deferred: python-docx and lxml take ~80 ms to import
        from docx.table import Table

        document = docx.Document(io.BytesIO(data))
        lines: list[str] = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                lines.extend(_table_lines(block))
            else:
                lines.append(block.text)
    except TextError:
        raise
    except Exception as exc:  # python-docx, zipfile and lxml raise many types on corrupt files
        raise TextError(name, "not a readable .docx file") from exc
    return "\n".join(lines)


def _table_lines(table: object) -> list[str]:
    """One line per table row; merged cells (repeated by python-docx) appear once."""
    from docx.table import Table

    assert isinstance(table, Table)
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            key = id(cell._tc)  # merged cells are the same XML element
            if key in seen:
                continue
            seen.add(key)
            cells.append(" ".join(cell.text.split("\n")).strip())
        lines.append("\t".join(cells))
    return lines


# --- .html ------------------------------------------------------------------------------------

_DROP_TAGS = frozenset(
    ("script", "style", "nav", "noscript", "template", "iframe", "svg", "head", "object", "select")
)
_BLOCK_TAGS = frozenset(
    (
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "ol", "p", "pre", "section", "table", "tbody", "thead", "tfoot", "tr",
        "ul", "caption", "title",
    )
)  # fmt: skip
_CELL_TAGS = frozenset(("td", "th"))
# Markers emitted at block and cell boundaries while white space is collapsed; both are control
# characters that cannot occur in a page's text.
_BREAK = "\x1e"
_CELL = "\x1f"
_HTML_SPACE_RE = re.compile(r"[ \t\n\r\f\v\x1e\x1f]+")


def _collapse(match: re.Match[str]) -> str:
    run = match.group()
    return "\n" if _BREAK in run else "\t" if _CELL in run else " "


def html_text(markup: str, name: str) -> str:
    """The visible text of a saved page: scripts, styles and navigation dropped, one block a line."""
    try:
        from bs4 import BeautifulSoup  # deferred: bs4 takes ~100 ms to import

        try:
            soup = BeautifulSoup(markup, "lxml")
        except Exception:  # lxml missing or failing: the stdlib parser is slower but tolerant
            soup = BeautifulSoup(markup, "html.parser")
        raw = _visible_text(soup)
    except RecursionError as exc:  # absurdly deep nesting
        raise TextError(name, "HTML page nested too deeply to read") from exc
    except Exception as exc:  # bs4 and its parsers raise many types on broken markup
        raise TextError(name, "not a readable HTML page") from exc
    # Browsers collapse runs of ASCII white space (not no-break or ideographic spaces).
    lines = (line.strip(" \t") for line in _HTML_SPACE_RE.sub(_collapse, raw).split("\n"))
    return "\n".join(line for line in lines if line)


def _visible_text(soup: object) -> str:
    """Page text with block and cell markers, in one pass over the parse tree.

    Hand-written because bs4's own tools do not fit: `get_text()` knows no block elements, and
    inserting marker strings into the tree costs time quadratic in the nesting depth. The walk
    follows `descendants` (no recursion) and keeps the stack of open elements, so it is linear.
    """
    from bs4 import BeautifulSoup, CData, NavigableString, Tag

    assert isinstance(soup, BeautifulSoup)
    parts: list[str] = []
    open_tags: list[Tag] = [soup]
    hidden = 0  # how many open elements are dropped ones (script, nav, …)
    for node in soup.descendants:
        parent = node.parent
        while open_tags and open_tags[-1] is not parent:
            closed = open_tags.pop()  # leaving an element: close it
            hidden -= closed.name in _DROP_TAGS
            if closed.name in _BLOCK_TAGS:
                parts.append(_BREAK)
            elif closed.name in _CELL_TAGS:
                parts.append(_CELL)
        if isinstance(node, Tag):
            open_tags.append(node)
            hidden += node.name in _DROP_TAGS
            if node.name in _BLOCK_TAGS:
                parts.append(_BREAK)
        elif not hidden and (type(node) is NavigableString or isinstance(node, CData)):
            parts.append(str(node))
    return "".join(parts)
