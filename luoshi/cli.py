"""The `luoshi` command.

`init`, `version`, `serve` and `extract` are handled here (set-up must work before Django is
configured, and `extract` must start fast without it); every other verb is handed to the
management command of the app that owns it (`luoshi ledger import F` → `manage.py ledger import F`).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

USAGE = """usage: luoshi COMMAND [ARGS]

Set-up and serving:
  init                      create or upgrade the database in $LUOSHI_DATA (default ./luoshi-data)
  createuser NAME           add a person who can sign in (--office, --unit U --role R, --password P)
  serve [--host H] [--port P]   run the web app with a production WSGI server
  demo                      load the sample organisation and ledger and print it
  version                   print the version

The ledger:
  org import FILE           load a unit list (.xlsx or .csv)
  ledger import FILE        load an office's Excel ledger (--dry-run, --as-draft, --partial, --year)
  ledger export [-o FILE]   write the ledger back to Excel with health and latest progress
  ledger list [--json]      list tasks (--unit, --health, --kind, --due-before)
  task show ID [--json]     one task with its milestones, reports and events
  audit verify              check the hash chain of the event log
  calendar show|add|check   the official working-day calendar

From documents to tasks:
  extract FILE... [--format json|md|xlsx] [--date YYYY-MM-DD]
  ingest FILE --meeting TITLE --date YYYY-MM-DD

Any other Django management command also works (e.g. `luoshi check`).
"""


def _django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "luoshi.settings")
    from luoshi.settings import SettingError

    try:
        import django

        django.setup()
    except SettingError as exc:
        raise SystemExit(f"luoshi: configuration error: {exc}") from None


def init(argv: Sequence[str]) -> int:
    """Create or upgrade the database and collect static files; idempotent, never asks."""
    parser = argparse.ArgumentParser(prog="luoshi init", description="create or upgrade the database")
    parser.add_argument("-q", "--quiet", action="store_true")
    args = parser.parse_args(argv)
    _django()
    from django.conf import settings
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if not args.quiet:
        db = settings.DATABASES["default"]
        where = (
            db["NAME"] if db["ENGINE"].endswith("sqlite3") else f"{db.get('HOST') or 'local'}/{db['NAME']}"
        )
        print(f"luoshi: database ready ({db['ENGINE'].rsplit('.', 1)[-1]}: {where})")
        print(f"luoshi: data directory {settings.DATA_DIR}")
    return 0


def serve(argv: Sequence[str]) -> int:
    """Run the app under gunicorn (static files served by WhiteNoise)."""
    parser = argparse.ArgumentParser(prog="luoshi serve", description="run the web app")
    parser.add_argument("--host", default=os.environ.get("LUOSHI_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("LUOSHI_PORT", "8000")))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("LUOSHI_WORKERS", "2")))
    args = parser.parse_args(argv)
    _django()
    from gunicorn.app.base import BaseApplication

    from luoshi.wsgi import application

    class Server(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type hints
        def load_config(self) -> None:
            self.cfg.set("bind", f"{args.host}:{args.port}")
            self.cfg.set("workers", args.workers)
            self.cfg.set("accesslog", "-")

        def load(self) -> object:
            return application

    print(f"luoshi: serving on http://{args.host}:{args.port}/", flush=True)
    Server().run()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `luoshi` console command."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help", "help"}:
        print(USAGE)
        return 0
    verb, rest = args[0], args[1:]
    if verb in {"version", "--version"}:
        from luoshi import __version__

        print(f"luoshi {__version__}")
        return 0
    if verb == "init":
        return init(rest)
    if verb == "serve":
        return serve(rest)
    if verb == "extract":
        from luoshi.lib.directives.command import main as extract_main

        return extract_main(rest)
    _django()
    from django.core.management import execute_from_command_line

    execute_from_command_line([str(Path(sys.argv[0]).name), verb, *rest])
    return 0
