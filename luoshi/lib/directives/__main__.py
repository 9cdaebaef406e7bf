"""`python -m luoshi.lib.directives FILE...`: the same as `luoshi extract` (see command.py)."""

import sys

from luoshi.lib.directives.command import main

raise SystemExit(main(sys.argv[1:]))
