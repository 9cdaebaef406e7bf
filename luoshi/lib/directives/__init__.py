"""Directive extraction: a speech in, its outline, tasks and figures out (pure; no Django).

    from luoshi.lib.text import read_file
    from luoshi.lib.directives import extract, extract_file, to_json, to_markdown, to_xlsx

    doc = read_file(path)
    result = extract(doc, name=path.name, sha256=digest)   # the contract's JSON shape
    result = extract_file(path)                             # the same, reading and hashing
    to_json(result); to_markdown(result); to_xlsx(result, "tasks.xlsx")

The output contract is `shared/spec/directives.md` (schema `luoshi.directives/1`).
"""

from luoshi.lib.directives.extract import SCHEMA, extract
from luoshi.lib.directives.files import extract_bytes, extract_file
from luoshi.lib.directives.render import to_json, to_markdown, to_xlsx

__all__ = ["SCHEMA", "extract", "extract_bytes", "extract_file", "to_json", "to_markdown", "to_xlsx"]
