"""Reading and hashing a file, then extracting: what the CLI and the web upload call."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Any

from luoshi.lib.directives.extract import extract
from luoshi.lib.text import read_bytes
from luoshi.lib.text.document import load_file

__all__ = ["extract_bytes", "extract_file"]


def extract_bytes(data: bytes, *, name: str, date: date | None = None) -> dict[str, Any]:
    """Read `data` (any supported format, chosen by `name`) and extract it.

    Raises TextError, and only TextError, for input that is not a readable text."""
    doc = read_bytes(data, name)
    return extract(doc, name=name, sha256=hashlib.sha256(data).hexdigest(), date=date)


def extract_file(path: Path | str, *, date: date | None = None) -> dict[str, Any]:
    """Read the file at `path` and extract it (see `extract_bytes`)."""
    name, data = load_file(path)
    return extract_bytes(data, name=name, date=date)
