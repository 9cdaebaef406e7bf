"""Progress roll-up (进度汇总): a task's percentage comes from its milestones and sub-tasks.

Pure: no Django. The ORM layer gathers the numbers and stores the result.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from fractions import Fraction


def _check_percent(name: str, value: int) -> None:
    if not 0 <= value <= 100:
        raise ValueError(f"{name} must be between 0 and 100, not {value}")


def rollup(
    own_reported: int | None,
    milestones: Sequence[tuple[float, bool]] = (),
    children: Sequence[tuple[float, int]] = (),
    *,
    done: bool = False,
) -> int:
    """A task's progress in whole percent, 0–100.

    The rule, in order:

    1. A task that is done or closed (``done=True``) is at 100.
    2. A task with neither milestones nor sub-tasks is at its latest reported percentage
       (`own_reported`), or 0 when nothing was reported.
    3. Otherwise the reported percentage is ignored and progress is the weighted mean of the
       milestones — `(weight, done)`, counting 100 when done and 0 when not — and the sub-tasks —
       `(weight, progress)`, their own rolled-up progress — taken together in one pool. Weights
       are relative (any non-negative numbers); when they are all zero every item counts equally.
       The mean is rounded down, so a task shows 100 only when every weighted item is complete.

    Structure wins over a typed figure because a unit can type 90% but cannot tick milestones
    it has not reached (任务项目化、项目清单化).

    >>> rollup(40, milestones=[(1, True), (1, False)], children=[(2, 50)])
    50
    """
    if own_reported is not None:
        _check_percent("own_reported", own_reported)
    for weight, _ in milestones:
        if weight < 0:
            raise ValueError(f"a milestone weight must not be negative, not {weight}")
    for weight, progress in children:
        if weight < 0:
            raise ValueError(f"a sub-task weight must not be negative, not {weight}")
        _check_percent("a sub-task's progress", progress)

    if done:
        return 100
    items = [(Fraction(w), Fraction(100 if ok else 0)) for w, ok in milestones]
    items += [(Fraction(w), Fraction(p)) for w, p in children]
    if not items:
        return own_reported or 0
    total = sum(w for w, _ in items)
    if total == 0:
        items = [(Fraction(1), value) for _, value in items]
        total = Fraction(len(items))
    # Exact fractions: in floats three equal thirds can sum to 99.99…, which would floor to 99.
    return math.floor(sum(w * value for w, value in items) / total)
