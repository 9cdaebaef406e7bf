"""Appending to the event log. Every other app's actions call `record` inside their transaction."""

from __future__ import annotations

import json
from typing import Any, Protocol

from django.db import connection, transaction
from django.utils import timezone

from luoshi.audit.models import Event
from luoshi.lib import hashchain

# Any constant works; it only has to be the same for every writer of the chain.
_CHAIN_LOCK = 4_204_811


class Actor(Protocol):
    pk: Any

    def __str__(self) -> str: ...


def _jsonable(values: dict[str, Any]) -> dict[str, Any]:
    # Dates, decimals and ids become the strings they print as, so the stored JSON is exactly
    # what was hashed.
    result: dict[str, Any] = json.loads(json.dumps(values, default=str, ensure_ascii=False))
    return result


def record(
    *,
    actor: Actor | None,
    kind: str,
    subject_type: str,
    subject_id: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> Event:
    """Append one event to the chain. Must run inside the caller's transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("audit.record must be called inside transaction.atomic()")
    if connection.vendor == "postgresql":
        # Serialise appenders so two transactions never chain to the same predecessor.
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK])
    # On SQLite the settings open every transaction IMMEDIATE: writers are already serialised.
    last = Event.objects.order_by("-id").values_list("hash", flat=True).first()
    event = Event(
        at=timezone.now(),
        actor_id=actor.pk if actor is not None else None,
        actor_name=str(actor) if actor is not None else "system",
        kind=kind,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=_jsonable(before or {}),
        after=_jsonable(after or {}),
        reason=reason,
        prev_hash=last or hashchain.GENESIS,
    )
    event.hash = hashchain.link(event.prev_hash, event.payload())
    event.save(force_insert=True)
    return event
