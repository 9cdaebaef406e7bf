"""Every write to the organisation: units, aliases, people, memberships, portfolios."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from luoshi.audit.actions import Actor, record
from luoshi.org.errors import InvalidInput
from luoshi.org.models import Membership, Person, Portfolio, Role, Unit, UnitAlias, UnitKind, normalise_name

# Words people write in the 类型 column, mapped to unit kinds.
KIND_WORDS: dict[str, str] = {
    "市": UnitKind.CITY,
    "县": UnitKind.CITY,
    "政府": UnitKind.CITY,
    "县区": UnitKind.DISTRICT,
    "区县": UnitKind.DISTRICT,
    "县市区": UnitKind.DISTRICT,
    "区": UnitKind.DISTRICT,
    "部门": UnitKind.DEPARTMENT,
    "市直部门": UnitKind.DEPARTMENT,
    "单位": UnitKind.DEPARTMENT,
    "乡镇": UnitKind.TOWNSHIP,
    "街道": UnitKind.TOWNSHIP,
    "乡镇街道": UnitKind.TOWNSHIP,
    "镇": UnitKind.TOWNSHIP,
    "科室": UnitKind.OFFICE,
    "处室": UnitKind.OFFICE,
    "督查室": UnitKind.SUPERVISION,
    "督查": UnitKind.SUPERVISION,
}


def parse_kind(word: str) -> str:
    """A unit kind from the value (English code or Chinese word) in a unit list."""
    word = normalise_name(word)
    if not word:
        return UnitKind.DEPARTMENT
    if word in UnitKind.values:
        return word
    if word in KIND_WORDS:
        return KIND_WORDS[word]
    raise InvalidInput(_("unknown unit kind %(kind)s") % {"kind": word})


@transaction.atomic
def add_unit(
    *,
    actor: Actor | None,
    name: str,
    parent: Unit | None = None,
    kind: str = UnitKind.DEPARTMENT,
    peer_group: str = "",
    short_name: str = "",
    aliases: tuple[str, ...] = (),
) -> Unit:
    """Create a unit with its short name and aliases."""
    name = normalise_name(name)
    if not name:
        raise InvalidInput(_("a unit needs a name"))
    if Unit.objects.filter(name=name).exists():
        raise InvalidInput(_("unit %(name)s already exists") % {"name": name})
    unit = Unit(
        name=name, parent=parent, kind=kind, peer_group=peer_group, short_name=normalise_name(short_name)
    )
    unit.save()
    for alias in aliases:
        _add_alias(unit, alias)
    record(actor=actor, kind="unit.add", subject_type="unit", subject_id=unit.pk, after=_unit_state(unit))
    return unit


def _unit_state(unit: Unit) -> dict[str, object]:
    return {
        "name": unit.name,
        "short_name": unit.short_name,
        "parent": unit.parent.name if unit.parent else None,
        "kind": unit.kind,
        "peer_group": unit.peer_group,
        "aliases": sorted(unit.aliases.values_list("alias", flat=True)),
    }


def _add_alias(unit: Unit, alias: str) -> None:
    alias = normalise_name(alias)
    if not alias or alias in (unit.name, unit.short_name):
        return
    owner = UnitAlias.objects.filter(alias=alias).values_list("unit__name", flat=True).first()
    if owner is not None and owner != unit.name:
        raise InvalidInput(_("alias %(alias)s already belongs to %(unit)s") % {"alias": alias, "unit": owner})
    UnitAlias.objects.get_or_create(unit=unit, alias=alias)


@transaction.atomic
def update_unit(
    *,
    actor: Actor | None,
    unit: Unit,
    parent: Unit | None,
    kind: str,
    peer_group: str,
    short_name: str,
    aliases: tuple[str, ...] = (),
) -> Unit:
    """Change where a unit sits and what it is called; aliases are added, never dropped."""
    before = _unit_state(unit)
    unit.parent, unit.kind, unit.peer_group = parent, kind, peer_group
    unit.short_name = normalise_name(short_name)
    unit.save()
    for alias in aliases:
        _add_alias(unit, alias)
    after = _unit_state(unit)
    if after != before:
        record(
            actor=actor,
            kind="unit.update",
            subject_type="unit",
            subject_id=unit.pk,
            before=before,
            after=after,
        )
    return unit


@dataclass(frozen=True)
class UnitRow:
    """One line of a unit list as offices keep it (单位名称, 上级单位, 类型, 考核分组, 简称/别名)."""

    line: int
    name: str
    parent: str
    kind: str
    peer_group: str
    names: tuple[str, ...]  # short name first, then aliases


@dataclass
class UnitImportReport:
    created: list[str]
    updated: list[str]
    unchanged: list[str]
    errors: list[str]


@transaction.atomic
def import_units(*, actor: Actor | None, rows: list[UnitRow], dry_run: bool = False) -> UnitImportReport:
    """Create or update units from a list, all or nothing; parents may come later in the list."""
    report = UnitImportReport([], [], [], [])
    by_name = {normalise_name(r.name): r for r in rows}
    seen: set[str] = set()
    for row in rows:
        name = normalise_name(row.name)
        if not name:
            report.errors.append(_("line %(line)d: no unit name") % {"line": row.line})
        elif name in seen:
            report.errors.append(
                _("line %(line)d: %(name)s is listed twice") % {"line": row.line, "name": name}
            )
        seen.add(name)
        try:
            parse_kind(row.kind)
        except InvalidInput as exc:
            report.errors.append(_("line %(line)d: %(error)s") % {"line": row.line, "error": exc.message})
        parent = normalise_name(row.parent)
        if parent and parent not in by_name and not Unit.objects.filter(name=parent).exists():
            report.errors.append(
                _("line %(line)d: parent unit %(parent)s is neither in the file nor known")
                % {"line": row.line, "parent": parent}
            )
    if report.errors:
        return report

    done: dict[str, Unit] = {}

    def ensure(name: str, trail: tuple[str, ...] = ()) -> Unit:
        if name in done:
            return done[name]
        if name in trail:
            raise InvalidInput(_("units form a loop: %(names)s") % {"names": " → ".join((*trail, name))})
        row = by_name.get(name)
        if row is None:
            return Unit.objects.get(name=name)
        parent_name = normalise_name(row.parent)
        parent = ensure(parent_name, (*trail, name)) if parent_name else None
        short, aliases = (row.names[0], row.names[1:]) if row.names else ("", ())
        existing = Unit.objects.filter(name=name).first()
        if existing is None:
            unit = add_unit(
                actor=actor,
                name=name,
                parent=parent,
                kind=parse_kind(row.kind),
                peer_group=row.peer_group.strip(),
                short_name=short,
                aliases=tuple(aliases),
            )
            report.created.append(name)
        else:
            before = _unit_state(existing)
            unit = update_unit(
                actor=actor,
                unit=existing,
                parent=parent,
                kind=parse_kind(row.kind),
                peer_group=row.peer_group.strip(),
                short_name=short or existing.short_name,
                aliases=tuple(aliases),
            )
            (report.updated if _unit_state(unit) != before else report.unchanged).append(name)
        done[name] = unit
        return unit

    for row in rows:
        ensure(normalise_name(row.name))
    if dry_run:
        transaction.set_rollback(True)
    return report


@transaction.atomic
def create_person(
    *,
    actor: Actor | None,
    username: str,
    password: str | None,
    display_name: str = "",
    unit: Unit | None = None,
    role: str | None = None,
    is_superuser: bool = False,
) -> Person:
    """Add someone who can sign in, optionally with a role in a unit."""
    username = username.strip()
    if not username:
        raise InvalidInput(_("a person needs a user name"))
    if Person.objects.filter(username=username).exists():
        raise InvalidInput(_("user %(name)s already exists") % {"name": username})
    person = Person(username=username, display_name=display_name, is_superuser=is_superuser, is_staff=True)
    if password:
        person.set_password(password)
    else:
        person.set_unusable_password()
    person.save()
    record(
        actor=actor,
        kind="person.add",
        subject_type="person",
        subject_id=person.pk,
        after={"username": username, "display_name": display_name, "superuser": is_superuser},
    )
    if unit is not None and role:
        add_membership(actor=actor, person=person, unit=unit, role=role)
    return person


@transaction.atomic
def add_membership(*, actor: Actor | None, person: Person, unit: Unit, role: str) -> Membership:
    """Give a person a role in a unit (liaison, head, deputy, supervisor)."""
    if role not in Role.values:
        raise InvalidInput(_("unknown role %(role)s") % {"role": role})
    membership, created = Membership.objects.get_or_create(person=person, unit=unit, role=role)
    if created:
        record(
            actor=actor,
            kind="membership.add",
            subject_type="person",
            subject_id=person.pk,
            after={"unit": unit.name, "role": role},
        )
    return membership


@transaction.atomic
def add_portfolio(*, actor: Actor | None, leader: Person, unit: Unit) -> Portfolio:
    """Put a unit in a leader's portfolio (分管)."""
    portfolio, created = Portfolio.objects.get_or_create(leader=leader, unit=unit)
    if created:
        record(
            actor=actor,
            kind="portfolio.add",
            subject_type="person",
            subject_id=leader.pk,
            after={"unit": unit.name},
        )
    return portfolio
