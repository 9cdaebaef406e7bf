"""The one visibility rule: which units' work a person may see.

Every list, detail, export, report and API query of things owned by units starts from
`scope_for(person, via=...)`. The supervision office sees everything; a unit's members see their
unit and its subtree; a leader sees the subtree of every unit in their portfolio (分管).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from luoshi.org.models import Membership, Person, Portfolio, Role


@dataclass(frozen=True)
class Reach:
    """What a person reaches, gathered once per person and request."""

    everything: bool
    member_paths: tuple[str, ...]  # units they belong to (non-office roles)
    portfolio_paths: tuple[str, ...]  # units they lead as 分管领导

    @property
    def paths(self) -> tuple[str, ...]:
        return self.member_paths + self.portfolio_paths


_CACHE_ATTR = "_luoshi_reach"


def reach_of(person: Person | Any) -> Reach:
    """The units a person reaches (cached on the person object for the request)."""
    cached = getattr(person, _CACHE_ATTR, None)
    if isinstance(cached, Reach):
        return cached
    if person is None or not getattr(person, "is_authenticated", False) or not person.is_active:
        reach = Reach(False, (), ())
    elif person.is_superuser or Membership.objects.filter(person=person, role=Role.SUPERVISOR).exists():
        reach = Reach(True, (), ())
    else:
        members = tuple(Membership.objects.filter(person=person).values_list("unit__path", flat=True))
        portfolio = tuple(Portfolio.objects.filter(leader=person).values_list("unit__path", flat=True))
        reach = Reach(False, members, portfolio)
    if person is not None:
        setattr(person, _CACHE_ATTR, reach)
    return reach


def is_office(person: Person | Any) -> bool:
    """True for the supervision office (督查室) and administrators."""
    return reach_of(person).everything


def scope_for(person: Person | Any, *, via: str) -> Q:
    """A Q selecting rows whose unit (reached through the lookup `via`) the person may see.

    `via` names the unit relation from the model being filtered, e.g. "lead_unit" on tasks or
    "" on units themselves.
    """
    reach = reach_of(person)
    if reach.everything:
        return Q()
    field = f"{via}__path__startswith" if via else "path__startswith"
    q = Q(pk__in=[])
    for path in sorted(set(reach.paths)):
        q |= Q(**{field: path})
    return q


def reaches_unit(person: Person | Any, unit_path: str) -> bool:
    """Whether a unit (by its path) lies in what the person reaches."""
    reach = reach_of(person)
    return reach.everything or any(unit_path.startswith(p) for p in reach.paths)


def member_of(person: Person | Any, unit_path: str) -> bool:
    """Whether the person works in this unit or a unit above it (not as a leader)."""
    return any(unit_path.startswith(p) for p in reach_of(person).member_paths)
