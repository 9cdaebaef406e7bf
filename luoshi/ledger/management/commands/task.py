from __future__ import annotations

import datetime as dt
import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from luoshi.audit.models import Event
from luoshi.ledger.models import Extension, Milestone, ProgressReport, Task
from luoshi.ledger.queries import ledger_rows
from luoshi.org.models import Person


def acting_person(username: str | None) -> Person | None:
    """The person a command acts as (`--as`); None means the operator, who sees everything."""
    if not username:
        return None
    person = Person.objects.filter(username=username).first()
    if person is None:
        raise CommandError(f"unknown user: {username}")
    return person


class Command(BaseCommand):
    help = "One task: `task show ID [--json] [--as USER] [--today YYYY-MM-DD]`."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        show = verbs.add_parser("show", help="a task with its milestones, reports, extensions and events")
        show.add_argument("id", type=int)
        show.add_argument("--json", action="store_true")
        show.add_argument("--as", dest="as_user", help="apply this person's visibility")
        show.add_argument("--today", type=dt.date.fromisoformat, help="judge health as of this day")

    def handle(self, *args: Any, **options: Any) -> None:
        person = acting_person(options["as_user"])
        tasks = Task.objects.filter(pk=options["id"])
        if person is not None:
            tasks = tasks.visible_to(person)
        today = options["today"] or timezone.localdate()
        rows = ledger_rows(tasks, today=today)
        if not rows:
            raise CommandError(f"no task #{options['id']}" + (" visible to you" if person else ""))
        data = rows[0].as_json()
        task_id = data["id"]
        data["source"] = _source(Task.objects.select_related("source").get(pk=task_id))
        data["milestones"] = [
            {
                "title": m.title,
                "due": m.due.isoformat(),
                "done_on": m.done_on.isoformat() if m.done_on else None,
                "weight": m.weight,
            }
            for m in Milestone.objects.filter(task_id=task_id)
        ]
        data["reports"] = [
            {
                "reported_on": r.reported_on.isoformat(),
                "author": str(r.author),
                "percent": r.percent,
                "text": r.text,
                "problems": r.problems,
                "next_steps": r.next_steps,
                "evidence": [e.name for e in r.evidence.all()],
            }
            for r in ProgressReport.objects.filter(task_id=task_id)
            .select_related("author")
            .prefetch_related("evidence")
        ]
        data["extensions"] = [
            {
                "old": e.old_deadline.isoformat() if e.old_deadline else None,
                "new": e.new_deadline.isoformat(),
                "reason": e.reason,
                "approved_by": str(e.approved_by),
                "at": e.created_at.isoformat(),
            }
            for e in Extension.objects.filter(task_id=task_id).select_related("approved_by")
        ]
        data["events"] = [
            {
                "id": e.pk,
                "at": e.at.isoformat(),
                "actor": e.actor_name,
                "kind": e.kind,
                "before": e.before,
                "after": e.after,
                "reason": e.reason,
            }
            for e in Event.objects.filter(subject_type="task", subject_id=str(task_id))
        ]
        if options["json"]:
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"#{task_id} {data['title']}")
        for label, key in [
            ("状态", "status"),
            ("健康度", "health"),
            ("牵头单位", "lead_unit"),
            ("配合单位", "co_units"),
            ("责任人", "responsible"),
            ("完成时限", "deadline"),
            ("原定时限", "original_deadline"),
            ("进度", "progress"),
            ("最新进展", "latest_progress"),
        ]:
            value = data[key]
            if value not in (None, "", []):
                self.stdout.write(f"  {label}: {', '.join(value) if isinstance(value, list) else value}")
        source = data["source"]
        if source is not None:
            dated = f" ({source['date']})" if source["date"] else ""
            self.stdout.write(f"  来源: #{source['id']} {source['title']}{dated}")
            excerpt = source["excerpt"]
            if excerpt is not None:
                # the sentence in 【】 with the words around it, as the original document has it
                flat = {k: " ".join(v.split()) for k, v in excerpt.items()}
                self.stdout.write(
                    f"  原文 {source['span'][0]}–{source['span'][1]}: "
                    f"…{flat['before']}【{flat['text']}】{flat['after']}…"
                )
        for e in data["events"]:
            self.stdout.write(f"  [{e['at'][:16]}] {e['actor']} {e['kind']} {e['reason']}".rstrip())


def _source(task: Task) -> dict[str, Any] | None:
    """Where the task came from, with the sentence highlighted in the original text."""
    if task.source is None:
        return None
    excerpt = task.source_excerpt()
    return {
        "id": task.source.pk,
        "title": task.source.title,
        "date": task.source.date.isoformat() if task.source.date else None,
        "span": [task.source_start, task.source_end] if excerpt else None,
        "excerpt": dict(zip(("before", "text", "after"), excerpt, strict=True)) if excerpt else None,
    }
