"""A small named cast for tests, built through the actions like real data.

The city 示范市 has a supervision office (督查室) and two bureaus; 发改委 has a township-level
office under it. Olga works in the office; Alice is 发改委's liaison and Bob its head; Carol is
农业农村局's liaison; Leo is the vice-mayor in charge of 发改委; Oscar belongs to nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from luoshi.ledger import actions as ledger
from luoshi.ledger.models import Task
from luoshi.org import actions as org
from luoshi.org.models import Person, Role, Unit, UnitKind


@dataclass
class Cast:
    city: Unit
    office: Unit
    ndrc: Unit  # 市发展和改革委员会 (市发改委)
    ndrc_sub: Unit  # 市发改委 价格监测中心, under ndrc
    agri: Unit  # 市农业农村局
    olga: Person  # supervision office
    alice: Person  # ndrc liaison
    bob: Person  # ndrc head
    carol: Person  # agri liaison
    leo: Person  # vice-mayor in charge of ndrc
    oscar: Person  # outsider

    def task(
        self,
        title: str = "推进重点项目建设",
        *,
        unit: Unit | None = None,
        deadline: dt.date | None = dt.date(2024, 6, 30),
        assigned_on: dt.date | None = dt.date(2024, 1, 15),
        leader: Person | None = None,
    ) -> Task:
        """A task created by the office; assigned to `unit` (default 发改委) unless assigned_on is None."""
        return ledger.create_task(
            actor=self.olga,
            data=ledger.TaskInput(
                title=title, lead_unit=unit or self.ndrc, deadline=deadline, lead_leader=leader
            ),
            assigned_on=assigned_on,
        )


def make_cast() -> Cast:
    """Build the cast in the current test database."""
    city = org.add_unit(actor=None, name="示范市人民政府", kind=UnitKind.CITY, short_name="市政府")
    office = org.add_unit(
        actor=None,
        name="示范市人民政府督查室",
        parent=city,
        kind=UnitKind.SUPERVISION,
        short_name="市政府督查室",
    )
    ndrc = org.add_unit(
        actor=None,
        name="示范市发展和改革委员会",
        parent=city,
        kind=UnitKind.DEPARTMENT,
        peer_group="市直部门",
        short_name="市发改委",
        aliases=("发改委",),
    )
    ndrc_sub = org.add_unit(actor=None, name="示范市价格监测中心", parent=ndrc, kind=UnitKind.OFFICE)
    agri = org.add_unit(
        actor=None,
        name="示范市农业农村局",
        parent=city,
        kind=UnitKind.DEPARTMENT,
        peer_group="市直部门",
        short_name="市农业农村局",
        aliases=("农业局",),
    )

    def person(username: str, name: str, unit: Unit | None = None, role: str | None = None) -> Person:
        return org.create_person(
            actor=None, username=username, password="pw-" + username, display_name=name, unit=unit, role=role
        )

    olga = person("olga", "欧阳督查", office, Role.SUPERVISOR)
    alice = person("alice", "艾丽", ndrc, Role.LIAISON)
    bob = person("bob", "鲍勃", ndrc, Role.HEAD)
    carol = person("carol", "卡罗", agri, Role.LIAISON)
    leo = person("leo", "黎副市长")
    org.add_portfolio(actor=None, leader=leo, unit=ndrc)
    oscar = person("oscar", "局外人")
    return Cast(city, office, ndrc, ndrc_sub, agri, olga, alice, bob, carol, leo, oscar)
