from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from luoshi.ingestion.demo import OFFICE_USER, load_demo
from luoshi.ledger.calendars import office_calendar
from luoshi.ledger.listing import calendar_warnings, render_table
from luoshi.ledger.models import Task
from luoshi.ledger.queries import ledger_rows


class Command(BaseCommand):
    help = "Load the demo county (organisation, people, ledger) and print the ledger with its health."

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        load = load_demo(data_dir=settings.DATA_DIR, today=today)
        if load.imported_tasks:
            self.stdout.write(
                f"示范县已载入：{load.created_units} 个单位，{load.imported_tasks} 项任务（{load.ledger_file}）"
            )
        self.stdout.write(f"\n青川县重点工作任务台账（截至 {today.isoformat()}）\n")
        rows = ledger_rows(Task.objects.all(), today=today)
        self.stdout.write(render_table(rows))
        for warning in calendar_warnings(rows, today, office_calendar()):
            self.stderr.write(warning)
        self.stdout.write(
            f"\n管理后台 http://127.0.0.1:8000/admin/  用户名 {OFFICE_USER}  密码 {load.password}"
            f"\n（联络员 fagai、nongye、jiaoyu、zhujian、caizheng、weijian 与分管领导 zhang 使用同一密码）\n"
        )
