"""Resolving the names people write (full names, short names, aliases) to units."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from luoshi.org.models import Unit, UnitAlias, normalise_name


@dataclass
class UnitDirectory:
    """Every name of every unit, loaded once (two queries) for a batch of look-ups."""

    by_name: dict[str, int] = field(default_factory=dict)
    units: dict[int, Unit] = field(default_factory=dict)

    @classmethod
    def load(cls) -> UnitDirectory:
        directory = cls()
        for unit in Unit.objects.all():
            directory.units[unit.pk] = unit
            directory.by_name[normalise_name(unit.name)] = unit.pk
            if unit.short_name:
                directory.by_name.setdefault(normalise_name(unit.short_name), unit.pk)
        for alias, unit_id in UnitAlias.objects.values_list("alias", "unit_id"):
            directory.by_name.setdefault(normalise_name(alias), unit_id)
        return directory

    def resolve(self, name: str) -> Unit | None:
        """The unit known by exactly this name, short name or alias."""
        unit_id = self.by_name.get(normalise_name(name))
        return self.units.get(unit_id) if unit_id is not None else None

    def suggest(self, name: str) -> Unit | None:
        """The closest known name, for a likely misspelling; None when nothing is close."""
        close = difflib.get_close_matches(normalise_name(name), list(self.by_name), n=1, cutoff=0.75)
        return self.units[self.by_name[close[0]]] if close else None


def split_unit_names(cell: str) -> list[str]:
    """Split a cell listing several units (、，, ; 和 及 line breaks) into names."""
    parts = re.split(r"[、，,;；/\n]+|(?<!及)及(?!其)|和", cell)
    return [p.strip() for p in parts if p.strip()]
