from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from luoshi.audit.verify import verify_chain


class Command(BaseCommand):
    help = "The event log: `audit verify` checks the hash chain and names the first broken event."

    def add_arguments(self, parser: CommandParser) -> None:
        verbs = parser.add_subparsers(dest="verb", required=True)
        verbs.add_parser("verify", help="check every event's hash and link")

    def handle(self, *args: Any, **options: Any) -> None:
        verdict = verify_chain()
        if verdict.broken is not None:
            raise CommandError(
                f"event #{verdict.broken.ident}: {verdict.broken.reason} "
                f"(checked {verdict.checked} events; the chain is broken from here on)"
            )
        self.stdout.write(f"ok: {verdict.checked} events, chain intact")
