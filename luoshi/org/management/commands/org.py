from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from luoshi.org.actions import import_units
from luoshi.org.errors import ActionError
from luoshi.org.unitlist import read_unit_list


class Command(BaseCommand):
    help = "Organisation: `org import FILE` loads a unit list (.xlsx or .csv)."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        imp = verbs.add_parser(
            "import", help="load a unit list: 单位名称, 上级单位, 类型, 考核分组, 简称/别名"
        )
        imp.add_argument("file", type=Path)
        imp.add_argument("--dry-run", action="store_true", help="show what would change, write nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            rows = read_unit_list(options["file"])
            report = import_units(actor=None, rows=rows, dry_run=options["dry_run"])
        except ActionError as exc:
            raise CommandError(exc.message) from None
        if report.errors:
            for error in report.errors:
                self.stderr.write(error)
            raise CommandError(f"{len(report.errors)} 处错误，未导入任何单位 (nothing imported)")
        prefix = "（试运行，未写入）" if options["dry_run"] else ""
        created, updated, unchanged = len(report.created), len(report.updated), len(report.unchanged)
        self.stdout.write(f"{prefix}新增 {created} 个单位，更新 {updated} 个，未变 {unchanged} 个")
        for name in report.created:
            self.stdout.write(f"  + {name}")
        for name in report.updated:
            self.stdout.write(f"  ~ {name}")
