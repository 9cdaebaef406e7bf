"""`luoshi ledger import FILE` and `luoshi ledger export`: the office's Excel ledger in and out.

Each verb is a subparser and a `_verb` method; `handle` dispatches on `options["verb"]`, so a new
verb is one `add_parser` call and one method.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone
from django.utils.translation import gettext as _

from luoshi.ingestion.ledger_io import export_ledger, import_ledger
from luoshi.ledger.calendars import office_calendar
from luoshi.ledger.listing import HEALTH_LABELS, calendar_warnings, render_table
from luoshi.ledger.models import SourceKind
from luoshi.ledger.queries import ledger_rows, tasks_for
from luoshi.org.errors import ActionError
from luoshi.org.models import Person, Unit
from luoshi.org.names import UnitDirectory


def _person(username: str | None) -> Person | None:
    if not username:
        return None
    person = Person.objects.filter(username=username).first()
    if person is None:
        raise CommandError(_("no user named %(name)s") % {"name": username})
    return person


def _unit(name: str | None) -> Unit | None:
    if not name:
        return None
    directory = UnitDirectory.load()
    unit = directory.resolve(name)
    if unit is None:
        hint = directory.suggest(name)
        if hint is not None:
            raise CommandError(
                _("no unit named %(name)s; did you mean %(unit)s?") % {"name": name, "unit": hint}
            )
        raise CommandError(_("no unit named %(name)s") % {"name": name})
    return unit


class Command(BaseCommand):
    help = "Import or export an office's Excel task ledger (台账)."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True, metavar="{import,export,list}")

        imp = verbs.add_parser("import", help="load an Excel ledger (.xlsx or .csv)")
        imp.add_argument("file", type=Path, help="the ledger, .xlsx or .csv")
        imp.add_argument("--year", type=int, help="the year of deadlines written without one (6月30日前)")
        imp.add_argument("--as-draft", action="store_true", help="import every row as a draft, not assigned")
        imp.add_argument("--dry-run", action="store_true", help="show what would change and write nothing")
        imp.add_argument(
            "--partial", action="store_true", help="import the good rows even when some are refused"
        )
        imp.add_argument(
            "--as", dest="as_user", metavar="USER", help="act as this user (default: the system)"
        )

        exp = verbs.add_parser("export", help="write the ledger to Excel with health and latest progress")
        exp.add_argument(
            "-o", "--output", type=Path, help="the .xlsx to write (default ledger-YYYY-MM-DD.xlsx)"
        )
        exp.add_argument(
            "--as", dest="as_user", metavar="USER", help="export what this user sees (default: all)"
        )
        exp.add_argument("--unit", help="only the tasks this unit (or one under it) leads or helps with")

        lst = verbs.add_parser("list", help="the ledger with health (a table, or --json for scripts)")
        lst.add_argument("--json", action="store_true", help="one JSON array of tasks")
        lst.add_argument(
            "--as", dest="as_user", metavar="USER", help="list what this user sees (default: all)"
        )
        lst.add_argument("--unit", help="only the tasks this unit (or one under it) leads or helps with")
        lst.add_argument("--health", choices=sorted(HEALTH_LABELS), help="only tasks in this health")
        lst.add_argument("--kind", choices=SourceKind.values, help="only tasks from this kind of source")
        lst.add_argument(
            "--due-before",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="only tasks due on or before this day",
        )
        lst.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            metavar="YYYY-MM-DD",
            help="judge health as of this day (default: today)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        handler = getattr(self, f"_{options['verb']}")
        try:
            handler(**options)
        except ActionError as exc:
            raise CommandError(exc.message) from None

    def _import(self, **options: Any) -> None:
        path: Path = options["file"]
        report = import_ledger(
            actor=_person(options["as_user"]),
            path=path,
            year=options["year"],
            as_draft=options["as_draft"],
            dry_run=options["dry_run"],
            partial=options["partial"],
            today=timezone.localdate(),
        )
        for line in report.lines():
            self.stdout.write(line)
        if report.read == 0:
            raise CommandError(_("%(path)s: no task rows under the header") % {"path": path.name})
        if report.refused == report.read:
            raise CommandError(_("every row was refused; nothing was imported"))
        if report.refused and not report.partial and not report.dry_run:
            raise CommandError(
                _("%(count)d rows refused; nothing was imported (use --partial to import the others)")
                % {"count": report.refused}
            )

    def _export(self, **options: Any) -> None:
        today = timezone.localdate()
        path: Path = options["output"] or Path(f"ledger-{today.isoformat()}.xlsx")
        count = export_ledger(
            person=_person(options["as_user"]), path=path, today=today, unit=_unit(options["unit"])
        )
        self.stdout.write(_("%(count)d tasks written to %(path)s") % {"count": count, "path": path})

    def _list(self, **options: Any) -> None:
        today = options["today"] or timezone.localdate()
        tasks = tasks_for(_person(options["as_user"]), _unit(options["unit"]))
        if options["kind"]:
            tasks = tasks.filter(kind=options["kind"])
        if options["due_before"]:
            tasks = tasks.filter(deadline__lte=options["due_before"])
        rows = ledger_rows(tasks, today=today)
        if options["health"]:
            # Health is computed, not stored, so it is filtered after it is known.
            rows = [r for r in rows if r.assessment and r.assessment.health == options["health"]]
        if options["json"]:
            self.stdout.write(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=1))
        else:
            self.stdout.write(render_table(rows))
        for warning in calendar_warnings(rows, today, office_calendar()):
            self.stderr.write(warning)
