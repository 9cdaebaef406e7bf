"""Score the extractor on the development samples: `python -m luoshi.lib.directives.score`.

    python -m luoshi.lib.directives.score [SAMPLES_DIR] [GOLD_DIR] [--json]

Runs `extract_file` over every `*.txt`, `*.docx` and `*.html` in SAMPLES_DIR into a temporary
directory, then runs the shared scorer (`tools/score_directives.py` beside the samples' shared
folder) and prints its table, or with `--json` its totals. Defaults: `../shared/samples` and
`../shared/samples/gold`, relative to the repository root.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from luoshi.lib.directives.files import extract_file
from luoshi.lib.directives.render import to_json
from luoshi.lib.text import TextError

__all__ = ["default_paths", "main", "run_extraction"]

_REPO = Path(__file__).resolve().parents[3]
_SUFFIXES = (".txt", ".docx", ".html", ".htm")


def default_paths() -> tuple[Path, Path, Path]:
    """(samples, gold, scorer) in the shared folder beside the repository."""
    shared = _REPO.parent / "shared"
    return shared / "samples", shared / "samples" / "gold", shared / "tools" / "score_directives.py"


def run_extraction(samples: Path, out_dir: Path) -> list[str]:
    """Extract every sample into `out_dir/<stem>.json`; returns the files that failed to read."""
    failed: list[str] = []
    for path in sorted(samples.iterdir()):
        if path.suffix.lower() not in _SUFFIXES or path.name.lower() == "readme.md":
            continue
        try:
            result = extract_file(path)
        except TextError as exc:
            failed.append(f"{path.name}: {exc}")
            continue
        (out_dir / f"{path.stem}.json").write_text(to_json(result), encoding="utf-8")
    return failed


def main(argv: list[str] | None = None) -> int:
    """Extract and score; returns the scorer's exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    flags = [a for a in args if a.startswith("--")]
    paths = [Path(a) for a in args if not a.startswith("--")]
    samples, gold, scorer = default_paths()
    if paths:
        samples = paths[0]
        gold = paths[1] if len(paths) > 1 else samples / "gold"
        candidate = samples.parent / "tools" / "score_directives.py"
        scorer = candidate if candidate.exists() else scorer
    with tempfile.TemporaryDirectory(prefix="luoshi-score-") as tmp:
        for problem in run_extraction(samples, Path(tmp)):
            print(f"not extracted: {problem}", file=sys.stderr)
        # The scorer is the project's own shared tool, run with this interpreter.
        done = subprocess.run([sys.executable, str(scorer), tmp, str(gold), *flags], check=False)  # noqa: S603
    return done.returncode


if __name__ == "__main__":
    raise SystemExit(main())
