"""The one lifecycle every task follows, as a table (pure: no Django).

draft → assigned → accepted → in_progress → done → closed, with side paths returned, suspended
and cancelled. Extensions change the deadline, not the state.
"""

from __future__ import annotations

from dataclasses import dataclass

DRAFT, ASSIGNED, ACCEPTED, IN_PROGRESS, DONE, CLOSED = (
    "draft",
    "assigned",
    "accepted",
    "in_progress",
    "done",
    "closed",
)
RETURNED, SUSPENDED, CANCELLED = "returned", "suspended", "cancelled"

WORKING = frozenset({ASSIGNED, ACCEPTED, IN_PROGRESS})
FINISHED = frozenset({DONE, CLOSED})


@dataclass(frozen=True)
class Move:
    """A transition: the states it starts from and the state it leads to (None: unchanged)."""

    sources: frozenset[str]
    target: str | None


MOVES: dict[str, Move] = {
    "assign": Move(frozenset({DRAFT, RETURNED}), ASSIGNED),  # 交办
    "sign_for": Move(frozenset({ASSIGNED}), ACCEPTED),  # 签收
    "send_back": Move(frozenset({ASSIGNED, ACCEPTED}), RETURNED),  # 退回
    "report": Move(frozenset({ACCEPTED, IN_PROGRESS}), IN_PROGRESS),  # 报送进展
    "complete": Move(frozenset({ACCEPTED, IN_PROGRESS}), DONE),  # 办结
    "close": Move(frozenset({DONE}), CLOSED),  # 销号
    "reopen": Move(frozenset({DONE}), IN_PROGRESS),  # 销号不通过, back to work
    "extend": Move(frozenset({DRAFT, ASSIGNED, ACCEPTED, IN_PROGRESS, RETURNED}), None),  # 延期
    "suspend": Move(frozenset({ASSIGNED, ACCEPTED, IN_PROGRESS}), SUSPENDED),  # 暂缓
    "resume": Move(frozenset({SUSPENDED}), None),  # back to the state it was suspended from
    "cancel": Move(
        frozenset({DRAFT, ASSIGNED, ACCEPTED, IN_PROGRESS, RETURNED, SUSPENDED}), CANCELLED
    ),  # 撤销
}


def allowed(move: str, status: str) -> bool:
    """Whether `move` may start from `status`."""
    return status in MOVES[move].sources
