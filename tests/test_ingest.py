"""From a sample speech to draft tasks whose source span highlights the sentence."""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest
from django.core.management import CommandError, call_command

from luoshi.audit.models import Event
from luoshi.ingestion.actions import ingest_document
from luoshi.ledger.models import Source, Status, Task
from luoshi.testing import Cast

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"
SPEECH = SAMPLES / "000_71a291470e71b7bc.txt"
T2S = opencc.OpenCC("t2s")

pytestmark = pytest.mark.skipif(not SPEECH.exists(), reason="../shared/samples not beside the project")


def test_ingest_creates_drafts_with_spans_into_the_original(cast: Cast) -> None:
    report = ingest_document(
        actor=cast.olga, data=SPEECH.read_bytes(), name=SPEECH.name, meeting="人代会闭幕式"
    )
    assert report.created and not report.already
    source = Source.objects.get()
    assert source.date is not None and source.date.isoformat() == "2024-01-11"
    for task in report.created:
        assert task.status == Status.DRAFT
        assert task.source_start is not None and task.source_end is not None
        original = source.raw_text[task.source_start : task.source_end]
        # The span covers the original (traditional) sentence the simplified task text came from.
        assert T2S.convert(original).replace("著", "着")[:10] == task.text[:10]
    quarter = next(t for t in report.created if "开门红" in t.text)
    assert quarter.deadline is not None and quarter.deadline.isoformat() == "2024-03-31"


def test_task_show_highlights_the_sentence_in_the_original(
    cast: Cast, capsys: pytest.CaptureFixture[str]
) -> None:
    report = ingest_document(
        actor=cast.olga, data=SPEECH.read_bytes(), name=SPEECH.name, meeting="人代会闭幕式"
    )
    task = next(t for t in report.created if "开门红" in t.text)
    source = Source.objects.get()
    assert task.source_start is not None and task.source_end is not None
    original = source.raw_text[task.source_start : task.source_end]
    call_command("task", "show", str(task.pk))
    out = capsys.readouterr().out
    assert "来源: #" in out and "人代会闭幕式" in out
    assert f"【{' '.join(original.split())}】" in out  # the traditional-script original, marked
    call_command("task", "show", str(task.pk), "--json")
    shown = json.loads(capsys.readouterr().out)["source"]
    assert shown["span"] == [task.source_start, task.source_end]
    assert shown["excerpt"]["text"] == original


def test_ingesting_twice_duplicates_nothing(cast: Cast) -> None:
    data = SPEECH.read_bytes()
    first = ingest_document(actor=cast.olga, data=data, name=SPEECH.name)
    tasks, events = Task.objects.count(), Event.objects.count()
    second = ingest_document(actor=cast.olga, data=data, name="renamed.txt")
    assert second.already and second.source == first.source
    assert (Task.objects.count(), Event.objects.count()) == (tasks, events)


def test_owners_resolve_to_known_units(cast: Cast) -> None:
    text = "市发改委要牵头制定项目清单，6月底前报市政府。\n农业局和市财政局要建立月度调度机制。\n".encode()
    report = ingest_document(actor=cast.olga, data=text, name="minutes.txt", kind="meeting")
    by_text = {t.text[:4]: t for t in report.created}
    assert by_text["市发改委"].lead_unit == cast.ndrc
    second = by_text["农业局和"]
    assert second.lead_unit == cast.agri
    assert "市财政局" in second.unresolved.get("owners", [])


def test_ingest_command_reports_and_refuses_bad_files(
    cast: Cast, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    call_command("ingest", str(SPEECH), "--meeting", "闭幕式", "--date", "2024-01-11")
    assert "拟办任务" in capsys.readouterr().out
    call_command("ingest", str(SPEECH))
    assert "未重复写入" in capsys.readouterr().out
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="empty"):
        call_command("ingest", str(empty))
