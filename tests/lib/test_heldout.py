"""The extractor's quality on the held-out set, scored by the shared scorer.

`tests/fixtures/heldout/` holds six texts written for evaluation only (a county work report, executive
meeting minutes, a supervision notice, a work plan with owner parentheses, a traditional-script
speech on a news page, and a speech excerpt cut mid-sentence), with gold files annotated from
`shared/spec/directives.md` before the extractor was run on them (see the NOTES.md there).

The floors below sit at or just under what the extractor scored when the set was made (TOTAL row:
heading F1 1.0, parent accuracy 1.0, task precision 0.94, task recall 0.933, owner F1 0.955,
due accuracy 1.0, recurrence accuracy 0.988, target F1 0.887, figure F1 0.693, date accuracy 1.0).
They protect against regressions; they are not quality goals. Raise them when the rules improve.
The test is skipped when the shared scorer (../shared beside the repository) is not available.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]
HELDOUT = REPO / "tests" / "fixtures" / "heldout"
GOLD = HELDOUT / "gold"
SCORER = REPO.parent / "shared" / "tools" / "score_directives.py"

FLOORS = {
    "heading_f1": 0.95,
    "heading_level_acc": 0.95,
    "heading_parent_acc": 0.95,
    "task_p": 0.90,
    "task_r": 0.90,
    "owner_f1": 0.90,
    "due_acc": 0.90,
    "recurrence_acc": 0.95,
    "target_f1": 0.85,
    "figure_f1": 0.60,
    "date_acc": 0.95,
}

pytestmark = pytest.mark.skipif(not SCORER.is_file(), reason="shared scorer (../shared) not available")


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_directives", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts() -> list[Path]:
    return sorted(HELDOUT.glob("*.txt"))


@pytest.fixture(scope="module")
def predictions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("heldout-pred")
    for text in _texts():
        done = subprocess.run(
            [sys.executable, "-m", "luoshi", "extract", str(text)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, f"{text.name}: exit {done.returncode}\n{done.stderr}"
        (out / f"{text.stem}.json").write_text(done.stdout, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def totals(predictions: Path) -> dict[str, float | None]:
    sd = _load_scorer()
    total = sd.Counts()
    rows = []
    for gold_path in sorted(GOLD.glob("*.json")):
        counts = sd.Counts()
        sd.score_file(sd.load(predictions / gold_path.name), sd.load(gold_path), counts)
        for key, value in counts.items():
            total.add(key, value)
        rows.append((gold_path.stem, sd.summary(counts)))
    result: dict[str, float | None] = sd.summary(total)
    cols = [
        "heading_f1",
        "heading_parent_acc",
        "task_p",
        "task_r",
        "owner_f1",
        "due_acc",
        "recurrence_acc",
        "target_f1",
        "figure_f1",
        "date_acc",
    ]
    print()
    print(f"{'file':26} " + " ".join(f"{c[:10]:>10}" for c in cols))
    for name, summary in [*rows, ("TOTAL", result)]:
        cells = " ".join(f"{'-' if summary[c] is None else summary[c]:>10}" for c in cols)
        print(f"{name[:26]:26} {cells}")
    return result


def test_every_heldout_text_has_a_gold_file() -> None:
    assert len(_texts()) == 6
    assert sorted(p.stem for p in _texts()) == sorted(p.stem for p in GOLD.glob("*.json"))


@pytest.mark.parametrize(("metric", "floor"), sorted(FLOORS.items()))
def test_heldout_set_stays_above_the_floor(
    totals: dict[str, float | None], metric: str, floor: float
) -> None:
    value = totals[metric]
    assert value is not None, f"{metric}: nothing scored"
    assert value >= floor, f"{metric} = {value} < {floor} on the held-out set"
