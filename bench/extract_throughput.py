"""Throughput of `extract` (reading included) against plain jieba segmentation of the same text.

    .venv/bin/python bench/extract_throughput.py [--mb 5]

Concatenates the shared samples until about `--mb` megabytes of UTF-8, then times, in the same
run, (a) `read_bytes` + `extract` and (b) `jieba.lcut` over the decoded text with its dictionary
already loaded (a warm-up call first). Prints MB/s for both and the ratio extract / jieba; the
target is a ratio of at least 1.0 (extraction costs no more than segmentation).
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import time
from pathlib import Path

import jieba

from luoshi.lib.directives import extract
from luoshi.lib.text import read_bytes

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=5.0)
    args = parser.parse_args()
    pieces = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    one = "\n".join(pieces)
    copies = max(1, int(args.mb * 1024 * 1024 / len(one.encode("utf-8"))) + 1)
    data = ("\n".join([one] * copies)).encode("utf-8")
    mb = len(data) / (1024 * 1024)

    t0 = time.perf_counter()
    doc = read_bytes(data, "bench.txt")
    t_read = time.perf_counter() - t0
    t1 = time.perf_counter()
    result = extract(doc, name="bench.txt", sha256=hashlib.sha256(data).hexdigest())
    t_extract = time.perf_counter() - t1
    total = t_read + t_extract

    jieba.setLogLevel(60)
    jieba.lcut("热身:加载词典")  # the dictionary loads here, outside the timing
    text = data.decode("utf-8")
    t2 = time.perf_counter()
    words = jieba.lcut(text)
    t_jieba = time.perf_counter() - t2

    extract_speed = mb / total
    jieba_speed = mb / t_jieba
    print(f"machine: {platform.node()} · {_cpu()} · nproc {__import__('os').cpu_count()}")
    print(
        f"input: {mb:.2f} MB ({copies} copies of the {len(pieces)} samples), {len(doc.sentences)} sentences"
    )
    print(f"read_bytes: {t_read:.2f} s · extract: {t_extract:.2f} s · items {len(result['items'])}")
    print(f"extract (incl. read): {total:.2f} s = {extract_speed:.2f} MB/s")
    print(f"jieba.lcut:          {t_jieba:.2f} s = {jieba_speed:.2f} MB/s ({len(words)} words)")
    print(f"ratio extract/jieba: {extract_speed / jieba_speed:.2f} (target >= 1.0)")


if __name__ == "__main__":
    main()
