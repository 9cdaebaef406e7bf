from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from luoshi.ingestion.actions import ingest_document
from luoshi.ledger.models import SourceKind
from luoshi.org.errors import ActionError
from luoshi.org.models import Person


class Command(BaseCommand):
    help = "Store a speech, minutes or report and its tasks as drafts for the office to review."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--meeting", default="", help="meeting or document title")
        parser.add_argument("--date", type=dt.date.fromisoformat, help="date given (YYYY-MM-DD)")
        parser.add_argument("--kind", choices=SourceKind.values, default=SourceKind.SPEECH)
        parser.add_argument("--as", dest="as_user", help="the office member doing it (default: system)")

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        actor = None
        if options["as_user"]:
            actor = Person.objects.filter(username=options["as_user"]).first()
            if actor is None:
                raise CommandError(f"unknown user: {options['as_user']}")
        try:
            report = ingest_document(
                actor=actor,
                data=path.read_bytes(),
                name=path.name,
                meeting=options["meeting"],
                date=options["date"],
                kind=options["kind"],
            )
        except ActionError as exc:
            raise CommandError(exc.message) from None
        source = report.source
        if report.already:
            self.stdout.write(
                f"已导入过：来源 #{source.pk}「{source.title}」，{len(report.created)} 项任务，未重复写入"
            )
            return
        self.stdout.write(f"来源 #{source.pk}「{source.title}」：新建 {len(report.created)} 项拟办任务")
        for task in report.created:
            unit = task.lead_unit.name if task.lead_unit else "（待定）"
            self.stdout.write(f"  #{task.pk} [{unit}] {task.title[:60]}")
        if report.unresolved:
            self.stdout.write(
                "未匹配的责任主体（请在台账中指定单位）：" + "、".join(sorted(report.unresolved))
            )
