"""Benchmark: `luoshi ledger list --json` over 1,000 / 10,000 / 100,000 tasks.

The figure that matters is the query count: it must not grow with the number of rows. Time and
memory are reported alongside. Runs on SQLite by default; set DATABASE_URL for PostgreSQL.

    .venv/bin/python bench/ledger_list.py [--sizes 1000,10000,100000]

Seeding uses bulk_create (not the actions) because only reading is measured here; the actions'
cost per task is measured by the import benchmark.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import sys
import tempfile
import time
import tracemalloc

os.environ.setdefault("LUOSHI_DATA", tempfile.mkdtemp(prefix="luoshi-bench-"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

from luoshi.ledger.models import Milestone, ProgressReport, Task  # noqa: E402
from luoshi.ledger.queries import ledger_rows  # noqa: E402
from luoshi.org.models import Person, Unit  # noqa: E402


def seed(total: int, units: list[Unit], author: Person) -> None:
    have = Task.objects.count()
    rng = random.Random(7)
    start = dt.date(2026, 1, 5)
    batch: list[Task] = []
    for i in range(have, total):
        deadline = start + dt.timedelta(days=rng.randint(30, 400))
        batch.append(
            Task(
                title=f"重点任务{i}",
                text="推进项目建设，确保按期完成",
                kind="spreadsheet",
                status="in_progress",
                lead_unit=units[i % len(units)],
                deadline=deadline,
                original_deadline=deadline,
                assigned_on=start,
                progress=rng.randint(0, 100),
                cadence="monthly",
            )
        )
    Task.objects.bulk_create(batch, batch_size=5000)
    new = list(Task.objects.filter(id__gt=0).order_by("id").values_list("id", flat=True)[have:total])
    through = Task.co_units.through
    through.objects.bulk_create(
        [through(task_id=t, unit_id=units[(t + 1) % len(units)].pk) for t in new], batch_size=5000
    )
    Milestone.objects.bulk_create(
        [Milestone(task_id=t, title="节点", due=start + dt.timedelta(days=60)) for t in new], batch_size=5000
    )
    ProgressReport.objects.bulk_create(
        [
            ProgressReport(task_id=t, author=author, reported_on=dt.date(2026, 3, 1), text="按计划推进")
            for t in new
        ],
        batch_size=5000,
    )


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1000,10000,100000")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    setup_test_environment()
    db_name = connection.creation.create_test_db(verbosity=0, keepdb=False)
    try:
        call_command("migrate", verbosity=0)
        units = [Unit.objects.create(name=f"单位{i}", kind="department") for i in range(50)]
        author = Person.objects.create(username="bench")
        print(
            f"# ledger list --json  ({connection.vendor}, python {platform.python_version()}, "
            f"{os.cpu_count()} cores)"
        )
        print(f"{'tasks':>8} {'queries':>8} {'seconds':>8} {'rows/s':>9} {'peak MB':>8}")
        for n in sizes:
            seed(n, units, author)
            tracemalloc.start()
            t0 = time.perf_counter()
            with CaptureQueriesContext(connection) as ctx:
                rows = ledger_rows(Task.objects.all(), today=dt.date(2026, 6, 1))
                out = json.dumps([r.as_json() for r in rows], ensure_ascii=False)
            elapsed = time.perf_counter() - t0
            peak = tracemalloc.get_traced_memory()[1] / 2**20
            tracemalloc.stop()
            assert len(rows) == n and out
            if os.environ.get("BENCH_SQL"):
                for q in ctx.captured_queries:
                    print(f"   {q['time']:>6}s  {q['sql'][:150]}")
            print(f"{n:>8} {len(ctx.captured_queries):>8} {elapsed:>8.2f} {n / elapsed:>9.0f} {peak:>8.0f}")
    finally:
        connection.creation.destroy_test_db(db_name, verbosity=0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
