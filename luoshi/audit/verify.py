"""Checking the event chain end to end (`luoshi audit verify`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from luoshi.audit.models import Event
from luoshi.lib import hashchain


@dataclass(frozen=True)
class Verdict:
    checked: int
    broken: hashchain.Break | None


def _links(counter: list[int]) -> Iterator[hashchain.StoredLink]:
    for event in Event.objects.order_by("id").iterator(chunk_size=2000):
        counter[0] += 1
        yield hashchain.StoredLink(event.pk, event.prev_hash, event.hash, event.payload())


def verify_chain() -> Verdict:
    """Recompute every link; name the first event that does not hold."""
    counter = [0]
    broken = hashchain.first_break(_links(counter))
    return Verdict(checked=counter[0], broken=broken)
