"""Hash chaining for the append-only event log (pure).

Each event's hash covers its own canonical payload and the previous event's hash, so changing,
inserting or deleting a stored event breaks every link after it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


def canonical(payload: Mapping[str, Any]) -> bytes:
    """The one byte string a payload hashes to: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    ).encode()


def link(prev_hash: str, payload: Mapping[str, Any]) -> str:
    """The hash of an event whose predecessor has `prev_hash`."""
    return hashlib.sha256(prev_hash.encode() + b"\n" + canonical(payload)).hexdigest()


@dataclass(frozen=True)
class StoredLink:
    """One stored event as the verifier sees it."""

    ident: int
    prev_hash: str
    hash: str
    payload: Mapping[str, Any]


@dataclass(frozen=True)
class Break:
    """The first place where the chain does not hold."""

    ident: int
    reason: str


def first_break(events: Iterable[StoredLink]) -> Break | None:
    """Walk events in order; return the first that does not chain, or None when all hold."""
    expected_prev = GENESIS
    for event in events:
        if event.prev_hash != expected_prev:
            return Break(event.ident, "previous-hash link broken (an event before it was changed or removed)")
        if link(event.prev_hash, event.payload) != event.hash:
            return Break(event.ident, "content does not match its hash (the event was edited)")
        expected_prev = event.hash
    return None
