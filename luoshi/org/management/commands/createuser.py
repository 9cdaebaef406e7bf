from __future__ import annotations

import getpass
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from luoshi.org.actions import create_person
from luoshi.org.errors import ActionError
from luoshi.org.models import Role, Unit
from luoshi.org.names import UnitDirectory


class Command(BaseCommand):
    help = "Add a person who can sign in, with a role in a unit or as office staff."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="", help="display name, e.g. 张三")
        parser.add_argument("--password", help="password; asked for when omitted and a terminal is attached")
        parser.add_argument("--unit", help="unit name, short name or alias")
        parser.add_argument("--role", choices=Role.values, help="role in that unit")
        parser.add_argument(
            "--office", action="store_true", help="supervision office staff (sees everything)"
        )
        parser.add_argument("--superuser", action="store_true", help="administrator")

    def handle(self, *args: Any, **options: Any) -> None:
        unit: Unit | None = None
        role = options["role"]
        if options["unit"]:
            unit = UnitDirectory.load().resolve(options["unit"])
            if unit is None:
                raise CommandError(f"unknown unit: {options['unit']}")
        if options["office"]:
            if unit is None:
                unit = Unit.objects.filter(kind="supervision").first()
            if unit is None:
                raise CommandError("no supervision office unit (kind=supervision) exists; pass --unit")
            role = Role.SUPERVISOR
        if unit is not None and not role:
            raise CommandError("--unit needs --role")
        password = options["password"]
        if password is None and sys.stdin.isatty():
            password = getpass.getpass(f"password for {options['username']}: ")
        try:
            person = create_person(
                actor=None,
                username=options["username"],
                password=password,
                display_name=options["name"],
                unit=unit,
                role=role,
                is_superuser=options["superuser"],
            )
        except ActionError as exc:
            raise CommandError(exc.message) from None
        where = f" ({unit.name} · {role})" if unit else ""
        self.stdout.write(f"created {person.username}{where}")
