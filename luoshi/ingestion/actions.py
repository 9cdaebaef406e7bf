"""From a document to draft tasks: `ingest_document` stores the source and its extracted tasks."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.audit.actions import record
from luoshi.ledger.actions import TaskInput, create_task
from luoshi.ledger.models import Source, SourceKind, Task
from luoshi.lib.directives.extract import extract
from luoshi.lib.text import TextError, read_bytes
from luoshi.org.errors import InvalidInput
from luoshi.org.models import Person, Unit
from luoshi.org.names import UnitDirectory

CADENCES = {"daily", "weekly", "monthly", "quarterly", "yearly", "periodic"}


@dataclass
class IngestReport:
    source: Source
    created: list[Task] = field(default_factory=list)
    already: bool = False  # the same document was ingested before: nothing written
    unresolved: set[str] = field(default_factory=set)


def _owners(owners: list[str], directory: UnitDirectory) -> tuple[Unit | None, list[Unit], list[str]]:
    lead: Unit | None = None
    co: list[Unit] = []
    unknown: list[str] = []
    for name in owners:
        unit = directory.resolve(name)
        if unit is None:
            unknown.append(name)
        elif lead is None:
            lead = unit
        elif unit not in co and unit != lead:
            co.append(unit)
    return lead, co, unknown


def _targets(item: dict[str, Any]) -> list[tuple[str, str, Decimal, str]]:
    out = []
    for t in item.get("targets") or []:
        try:
            value = Decimal(str(t["value"]))
        except (InvalidOperation, KeyError, TypeError):
            continue
        out.append(
            (
                str(t.get("metric") or t.get("text") or "")[:200],
                str(t.get("op") or ">="),
                value,
                str(t.get("unit") or "")[:20],
            )
        )
    return out


@transaction.atomic
def ingest_document(
    *,
    actor: Person | None,
    data: bytes,
    name: str,
    meeting: str = "",
    date: dt.date | None = None,
    kind: str = SourceKind.SPEECH,
) -> IngestReport:
    """Store a speech (or minutes, report...) as a task source and its tasks as drafts.

    Owners are matched to known units (full name, short name, alias); the rest stay as text in
    `Task.unresolved` for the office. The same bytes ingested again create nothing.
    """
    if kind not in SourceKind.values:
        raise InvalidInput(_("unknown source kind %(kind)s") % {"kind": kind})
    sha = hashlib.sha256(data).hexdigest()
    existing = Source.objects.filter(kind=kind, sha256=sha).first()
    if existing is not None:
        return IngestReport(source=existing, created=list(Task.objects.filter(source=existing)), already=True)
    try:
        doc = read_bytes(data, name)
    except TextError as exc:
        raise InvalidInput(str(exc)) from None
    result = extract(doc, name=name, sha256=sha, date=date)
    meta = result["meta"]
    speech_date = date or (dt.date.fromisoformat(meta["date"]) if meta.get("date") else None)
    source = Source.objects.create(
        kind=kind,
        title=(meeting or meta.get("title") or name)[:300],
        date=speech_date,
        file_name=name[:300],
        raw_text=doc.original,
        sha256=sha,
        meta={
            "extract": {k: result[k] for k in ("schema", "source", "meta", "outline", "figures")},
            "meeting": meeting,
        },
    )
    record(
        actor=actor,
        kind="source.add",
        subject_type="source",
        subject_id=source.pk,
        after={"title": source.title, "file": name, "sha256": sha, "kind": kind},
    )
    headings = {h["id"]: h for h in result["outline"]}
    directory = UnitDirectory.load()
    report = IngestReport(source=source)
    for item in result["items"]:
        if item["kind"] != "task":
            continue
        lead, co, unknown = _owners(item.get("owners") or [], directory)
        report.unresolved.update(unknown)
        due = item.get("due") or {}
        heading = headings.get(item.get("section") or "")
        span = item.get("span")
        task = create_task(
            actor=actor,
            data=TaskInput(
                title=item["text"][:500],
                text=item["text"],
                kind=kind,
                section=(f"{heading['marker']} {heading['title']}" if heading else "")[:200],
                lead_unit=lead,
                co_units=co,
                deadline=dt.date.fromisoformat(due["by"]) if due.get("by") else None,
                deadline_text=(due.get("text") or "")[:100],
                cadence=item.get("recurrence") if item.get("recurrence") in CADENCES else "",
                targets=_targets(item),
                unresolved={"owners": unknown} if unknown else {},
                source=source,
                source_span=(span[0], span[1]) if span else None,
            ),
        )
        report.created.append(task)
    return report
