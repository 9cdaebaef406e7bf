"""Start-up plus one extraction, as a user runs it: `python -m luoshi.lib.directives FILE`.

    .venv/bin/python bench/extract_startup.py [FILE] [--runs 10]

Times the whole process (interpreter start, imports, lexicon loading, reading, extraction, JSON
output) over several runs and prints the median; the target is under one second.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "samples" / "003_0bb6f145e860c0a7.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    times: list[float] = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "luoshi.lib.directives", str(args.file)],
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        times.append(time.perf_counter() - t0)
    print(f"file: {args.file.name} ({args.file.stat().st_size} bytes), runs: {args.runs}")
    print(f"median: {statistics.median(times):.3f} s · min {min(times):.3f} s · max {max(times):.3f} s")
    print("target: < 1 s")


if __name__ == "__main__":
    main()
