"""How much does importing a 10,000-row ledger cost, against openpyxl merely reading it?

    .venv/bin/python bench/ledger_import.py [--rows 10000] [--keep]

Generates an office-style ledger in a temporary directory (title row, two-row header with merged
group cells, a section every 40 rows, lead units merged down over pairs of rows, line breaks, mixed
deadline styles, short names, aliases and a few unknown units), then runs each measurement in its
own subprocess so peak memory (ru_maxrss) belongs to that measurement alone:

1. openpyxl alone: `load_workbook` (normal mode, as the importer must use for merged cells) and
   read every cell's value;
2. `sheets.read_ledger`: the pure reading of the same file into rows;
3. `import_ledger` into a fresh SQLite database (migrated, with the units loaded, before the clock
   starts), counting SQL queries;
4. the same import again: every row is recognised and nothing is written.

Each step is then repeated under tracemalloc for the peak of Python allocations during the step
itself (slower; reported separately from the timed run). Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = [
    "序号",
    "工作任务",
    "具体内容",
    "牵头领导",
    "牵头单位",
    "配合单位",
    "责任人",
    "阶段节点",
    "完成时限",
    "进展情况",
    "备注",
]
DEADLINES = [
    "2024年6月底",
    "6月30日前",
    "2024.6",
    "2024/9/30",
    "长期坚持",
    "每季度",
    "12月底前",
    "三季度末",
    "上半年",
]
N_UNITS = 40


def unit_names(i: int) -> tuple[str, str, str]:
    """Full name, short name and alias of bench unit i."""
    return f"示范市第{i}工作局", f"市{i}局", f"{i}局"


def generate(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws["A1"] = "2024年重点工作任务台账"
    ws.merge_cells("A1:K1")
    ws["A2"] = "填报日期：2024年3月5日"
    for col, name in zip(
        "ABCDGJK", ["序号", "工作任务", "具体内容", "牵头领导", "责任人", "进展情况", "备注"], strict=True
    ):
        ws[f"{col}3"] = name
        ws.merge_cells(f"{col}3:{col}4")
    ws["E3"], ws["H3"] = "责任主体", "时间节点"
    ws.merge_cells("E3:F3")
    ws.merge_cells("H3:I3")
    ws["E4"], ws["F4"], ws["H4"], ws["I4"] = "牵头单位", "配合单位", "阶段节点", "完成时限"
    r = 5
    for i in range(rows):
        if i % 40 == 0:
            ws.cell(r, 1, f"{'一二三四五六七八九十'[(i // 40) % 10]}、第{i // 40 + 1}组重点工作")
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=11)
            r += 1
        unit = i % N_UNITS
        full, short, alias = unit_names(unit)
        lead = (full, short, alias)[i % 3] if i % 97 else "市未知局"
        co = unit_names((unit + 1) % N_UNITS)[1] if i % 4 == 0 else ""
        values = [
            i + 1,
            f"推进第{i + 1}项\n重点任务建设",
            f"1.完成第{i + 1}项方案\n2.组织实施并开展督导检查，确保按期完成",
            f"副市长{i % 5}",
            lead,
            co,
            f"联系人{i % 50}",
            "6月底前完成方案" if i % 7 == 0 else "",
            DEADLINES[i % len(DEADLINES)],
            f"已完成前期工作，正在推进第{i + 1}项",
            "",
        ]
        for c, v in enumerate(values, start=1):
            ws.cell(r, c, v)
        # Every other pair of rows shares its lead unit through a cell merged down.
        if i % 2 == 1 and i % 40 != 0:
            ws.cell(r, 5).value = None
            ws.merge_cells(start_row=r - 1, start_column=5, end_row=r, end_column=5)
        r += 1
    wb.save(path)


def measure(step: Callable[[], dict[str, Any]], traced: bool) -> dict[str, Any]:
    if traced:
        tracemalloc.start()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    out = {"seconds": round(seconds, 3), **result}
    if traced:
        out["traced_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    out["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def step_openpyxl(path: Path) -> Callable[[], dict[str, Any]]:
    def run() -> dict[str, Any]:
        from openpyxl import load_workbook

        wb = load_workbook(path, data_only=True)
        cells = 0
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    _ = cell.value
                    cells += 1
        return {"cells": cells}

    return run


def step_read(path: Path) -> Callable[[], dict[str, Any]]:
    def run() -> dict[str, Any]:
        from luoshi.ingestion.sheets import read_ledger

        return {"rows": len(read_ledger(path).rows)}

    return run


def django_ready(data: Path) -> None:
    os.environ["LUOSHI_DATA"] = str(data)
    os.environ["DJANGO_SETTINGS_MODULE"] = "luoshi.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from luoshi.org import actions as org

    for i in range(N_UNITS):
        full, short, alias = unit_names(i)
        org.add_unit(actor=None, name=full, short_name=short, aliases=(alias,))


def step_import(path: Path, times: int) -> Callable[[], dict[str, Any]]:
    def run() -> dict[str, Any]:
        import datetime as dt

        from django.db import connection

        from luoshi.ingestion.ledger_io import import_ledger

        queries = 0

        def count(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        result: dict[str, Any] = {}
        for attempt in range(times):
            queries = 0
            started = time.perf_counter()
            with connection.execute_wrapper(count):
                report = import_ledger(actor=None, path=path, partial=True, today=dt.date(2024, 3, 10))
            result[f"run{attempt + 1}"] = {
                "seconds": round(time.perf_counter() - started, 3),
                "read": report.read,
                "created": report.created,
                "unchanged": report.unchanged,
                "refused": report.refused,
                "queries": queries,
            }
        return result

    return run


def child(args: argparse.Namespace) -> None:
    path = Path(args.file)
    if args.child == "openpyxl":
        step = step_openpyxl(path)
    elif args.child == "read":
        sys.path.insert(0, str(ROOT))
        step = step_read(path)
    else:
        data = Path(tempfile.mkdtemp(prefix="luoshi-bench-db-"))
        django_ready(data)
        step = step_import(path, 2)
        try:
            print(json.dumps(measure(step, args.traced)))
        finally:
            shutil.rmtree(data, ignore_errors=True)
        return
    print(json.dumps(measure(step, args.traced)))


def run_child(name: str, path: Path, traced: bool) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", name, "--file", str(path)] + (["--traced"] if traced else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    result: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--keep", action="store_true", help="keep the generated ledger and print its path")
    parser.add_argument("--child", choices=["openpyxl", "read", "import"], help=argparse.SUPPRESS)
    parser.add_argument("--file", help=argparse.SUPPRESS)
    parser.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    work = Path(tempfile.mkdtemp(prefix="luoshi-bench-"))
    path = work / "ledger.xlsx"
    started = time.perf_counter()
    generate(path, args.rows)
    print(
        f"generated {args.rows} rows in {time.perf_counter() - started:.1f}s: "
        f"{path.stat().st_size / 2**20:.1f} MB"
    )
    cpu = (
        next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "unknown CPU",
        )
        if Path("/proc/cpuinfo").exists()
        else "unknown CPU"
    )
    print(f"machine: {cpu}, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    results = {}
    for name in ("openpyxl", "read", "import"):
        results[name] = run_child(name, path, traced=False)
        results[name]["traced_peak_mb"] = run_child(name, path, traced=True)["traced_peak_mb"]
    base, read, imp = results["openpyxl"], results["read"], results["import"]
    first, second = imp["run1"], imp["run2"]
    print(
        f"openpyxl load + iterate {base['cells']} cells: {base['seconds']:.2f}s, "
        f"peak RSS {base['maxrss_mb']} MB, traced peak {base['traced_peak_mb']} MB"
    )
    print(
        f"read_ledger ({read['rows']} rows):            {read['seconds']:.2f}s, "
        f"peak RSS {read['maxrss_mb']} MB, traced peak {read['traced_peak_mb']} MB"
    )
    print(
        f"import_ledger, first run:   {first['seconds']:.2f}s, {first['created']} created, "
        f"{first['refused']} refused, {first['queries']} queries "
        f"({first['queries'] / max(first['read'], 1):.1f}/row)"
    )
    print(
        f"import_ledger, second run:  {second['seconds']:.2f}s, {second['unchanged']} unchanged, "
        f"{second['created']} created, {second['queries']} queries"
    )
    print(
        f"import process: peak RSS {imp['maxrss_mb']} MB (Django, migrations and both runs), "
        f"traced peak {imp['traced_peak_mb']} MB"
    )
    print(
        f"ratio import/openpyxl: time {first['seconds'] / base['seconds']:.1f}x, "
        f"peak RSS {imp['maxrss_mb'] / base['maxrss_mb']:.1f}x, "
        f"traced peak {imp['traced_peak_mb'] / base['traced_peak_mb']:.1f}x"
    )
    if args.keep:
        print(f"kept {path}")
    else:
        path.unlink()
        work.rmdir()


if __name__ == "__main__":
    main()
