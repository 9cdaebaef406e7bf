"""The message catalogues are complete, compiled, and Simplified Chinese is the default."""

from __future__ import annotations

import ast
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import translation

import luoshi

LOCALE = Path(luoshi.__file__).resolve().parent / "locale"
LANGS = ["zh_Hans", "zh_Hant", "en"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def parse_po(path: Path) -> list[dict]:
    """A small .po parser: one dict per entry with msgid, msgstr (list), flags."""
    entries: list[dict] = []
    entry: dict | None = None
    field: str | None = None

    def finish() -> None:
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#,"):
            if entry is not None and "msgstr" in entry:
                finish()
                entry = None
            entry = entry or {"flags": set(), "msgstr": {}}
            entry["flags"].update(f.strip() for f in line[2:].split(","))
            continue
        if line.startswith("#"):
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(".*")$', line)
        if m:
            key, index, value = m.group(1), m.group(2), ast.literal_eval(m.group(3))
            if key in ("msgctxt", "msgid") and (entry is None or entry["msgstr"]):
                finish()
                entry = {"flags": set(), "msgstr": {}}
            if key.startswith("msgstr"):
                field = f"msgstr[{index or 0}]"
                entry["msgstr"][int(index or 0)] = value
            else:
                field = key
                entry[key] = value
            continue
        assert line.startswith('"'), f"{path}: cannot parse {raw!r}"
        value = ast.literal_eval(line)
        if field and field.startswith("msgstr"):
            i = int(field[7:-1])
            entry["msgstr"][i] += value
        else:
            entry[field] += value
    finish()
    return entries


def po(lang: str) -> Path:
    return LOCALE / lang / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_complete(lang: str) -> None:
    entries = parse_po(po(lang))
    header = [e for e in entries if e["msgid"] == ""]
    assert len(header) == 1 and "fuzzy" not in header[0]["flags"]
    messages = [e for e in entries if e["msgid"] != ""]
    assert len(messages) > 100
    problems = []
    for e in messages:
        if "fuzzy" in e["flags"]:
            problems.append(("fuzzy", e["msgid"]))
        if not e["msgstr"] or any(not s for s in e["msgstr"].values()):
            problems.append(("empty", e["msgid"]))
        wanted = sorted(PLACEHOLDER.findall(e["msgid"]))
        for s in e["msgstr"].values():
            if sorted(PLACEHOLDER.findall(s)) != wanted:
                problems.append(("placeholders", e["msgid"], s))
    assert problems == []


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_is_compiled(lang: str, tmp_path: Path) -> None:
    mo = po(lang).with_suffix(".mo")
    assert mo.exists(), f"{mo} missing: run compilemessages"
    if shutil.which("msgfmt") is None:
        return
    fresh = tmp_path / "django.mo"
    subprocess.run(["msgfmt", "--check-format", "-o", str(fresh), str(po(lang))], check=True)
    assert fresh.read_bytes() == mo.read_bytes(), f"{mo} is stale: run compilemessages"


def test_messages_follow_the_active_language() -> None:
    from luoshi.ledger.listing import HEALTH_LABELS

    msg = "cannot %(move)s a task that is %(status)s"
    with translation.override("zh-hans"):
        assert translation.gettext(msg) == "任务当前状态为“%(status)s”，不能%(move)s"
        assert str(HEALTH_LABELS["on_track"]) == "正常"
    with translation.override("zh-hant"):
        assert str(HEALTH_LABELS["on_track"]) == "正常"
        assert translation.gettext("Ledger") == "臺賬"
    with translation.override("en"):
        assert translation.gettext(msg) == msg
        assert str(HEALTH_LABELS["on_track"]) == "On track"


def test_commands_speak_chinese_by_default(db: None) -> None:
    out = io.StringIO()
    call_command("ledger", "list", stdout=out)
    text = out.getvalue()
    assert "任务" in text or "暂无任务" in text, text
