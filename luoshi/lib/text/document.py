"""The document model and the two entry points, `read_file` and `read_bytes`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from luoshi.lib.text.clean import Removal, Script, clean
from luoshi.lib.text.decode import Format, decode
from luoshi.lib.text.errors import TextError
from luoshi.lib.text.offsets import OffsetMap
from luoshi.lib.text.segment import Sentence, paragraphs, sentences

MAX_BYTES = 64 * 1024 * 1024  # a speech is kilobytes; refuse what is clearly not one
_ONLY_BOILERPLATE = "no text left after removing web page boilerplate"


@dataclass(frozen=True, slots=True)
class Document:
    """One decoded, cleaned document; every range of `text` maps back into `original`."""

    name: str
    original: str  # the decoded input before any cleaning (spans point into this)
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gb18030", "big5", "docx", …
    format: Format  # "text", "docx" or "html" (for html, `original` is the page's text)
    script: Script  # "hans", "hant" or "mixed"
    text: str  # cleaned, simplified
    paragraphs: list[tuple[int, int]]
    sentences: list[Sentence]
    removed: tuple[Removal, ...]  # what cleaning dropped, as ranges of `original`
    offsets: OffsetMap = field(repr=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a `[start, end)` range of `text` to the `[start, end)` range of `original`."""
        return self.offsets.to_original(start, end)


def read_bytes(data: bytes, name: str = "input") -> Document:
    """Read a document from memory; `name` picks the format (.docx, .html) and labels errors."""
    if len(data) > MAX_BYTES:
        raise TextError(name, f"file too large ({len(data) // (1024 * 1024)} MB)")
    decoded = decode(data, name)
    original = decoded.text
    if not original.strip():
        raise TextError(name, "empty file" if decoded.format == "text" else "no text in the document")
    if not _has_words(original):
        raise TextError(name, "no text: only white space and punctuation")
    cleaned = clean(original)
    if not _has_words(cleaned.text):
        garbled = any(r.kind == "mojibake" for r in cleaned.removals)
        raise TextError(name, "no readable text, only garbled characters" if garbled else _ONLY_BOILERPLATE)
    paras = paragraphs(cleaned.text)
    points = sorted(cleaned.offsets.from_original(r.start) for r in cleaned.removals if r.kind == "mojibake")
    return Document(
        name=name,
        original=original,
        encoding=decoded.encoding,
        format=decoded.format,
        script=cleaned.script,
        text=cleaned.text,
        paragraphs=paras,
        sentences=sentences(cleaned.text, paras, points),
        removed=cleaned.removals,
        offsets=cleaned.offsets,
    )


def read_file(path: Path | str) -> Document:
    """Read a .txt (any common encoding), .docx or .html/.htm file."""
    name, data = load_file(path)
    return read_bytes(data, name)


def load_file(path: Path | str) -> tuple[str, bytes]:
    """The name and bytes of a regular file, or a one-line TextError (missing, a directory, too big...)."""
    path = Path(path)
    name = path.name or str(path)
    try:
        if path.is_dir():
            raise TextError(name, "is a directory, not a file")
        if path.exists() and not path.is_file():  # a device or pipe could be read forever
            raise TextError(name, "not a regular file")
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise TextError(name, f"file too large ({size // (1024 * 1024)} MB)")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise TextError(name, "no such file") from exc
    except PermissionError as exc:
        raise TextError(name, "cannot read the file (permission denied)") from exc
    except OSError as exc:
        raise TextError(name, f"cannot read the file ({exc.strerror or type(exc).__name__})") from exc
    return name, data


_LETTER_RE = re.compile(r"[^\W\d_]")  # a letter of any script, Han characters included


def _has_words(text: str) -> bool:
    """True when `text` holds a letter or Han character (digits and punctuation alone are not text)."""
    return _LETTER_RE.search(text) is not None
