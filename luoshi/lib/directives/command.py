"""`luoshi extract FILE... [--format json|md|xlsx] [--date YYYY-MM-DD] [-o OUT]`.

Runs without Django so it starts fast; bad input gets one line on stderr and exit status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from luoshi.lib.directives.files import extract_file
from luoshi.lib.text import TextError


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from None


def main(argv: Sequence[str]) -> int:
    """Extract each file and print (json, md) or write (xlsx) the result."""
    parser = argparse.ArgumentParser(
        prog="luoshi extract",
        description="a speech, minutes or work report → outline, tasks, owners, deadlines",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--format", choices=["json", "md", "xlsx"], default="json")
    parser.add_argument(
        "--date", type=_date, help="the date the speech was given, when the text does not say"
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="write here instead of stdout (xlsx: file or folder)"
    )
    args = parser.parse_args(argv)

    done: list[tuple[Path, dict[str, Any]]] = []
    failed = 0
    for path in args.files:
        try:
            done.append((path, extract_file(path, date=args.date)))
        except TextError as exc:
            print(f"luoshi extract: {exc}", file=sys.stderr)
            failed += 1
        except Exception as exc:  # a bug on one file must not cost the others' output
            print(
                f"luoshi extract: {path}: internal error ({type(exc).__name__}: {exc}); "
                "please report it with the file",
                file=sys.stderr,
            )
            failed += 1
    if not done:
        return 1
    results = [result for _, result in done]

    from luoshi.lib.directives.render import to_json, to_markdown, to_xlsx

    if args.format == "xlsx":
        for path, result in done:
            out = args.output or Path(f"{Path(result['source']['name']).stem}.tasks.xlsx")
            if out.is_dir():
                out = out / f"{Path(result['source']['name']).stem}.tasks.xlsx"
            elif len(results) > 1 and args.output:
                out = args.output.with_name(f"{Path(result['source']['name']).stem}.tasks.xlsx")
            to_xlsx(result, out)
            print(f"{path} → {out}")
    else:
        if args.format == "json":
            text = (
                to_json(results[0])
                if len(results) == 1
                else json.dumps(results, ensure_ascii=False, indent=2)
            )
        else:
            text = "\n\n".join(to_markdown(r) for r in results)
        if args.output:
            args.output.write_text(text + "\n", encoding="utf-8")
        else:
            sys.stdout.write(text + "\n")
    return 1 if failed else 0
