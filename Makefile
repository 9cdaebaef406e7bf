# Two commands on a fresh machine: `make demo` and `make test`.
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
export LUOSHI_DATA ?= $(CURDIR)/luoshi-data
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: setup demo test test-pg lint score score-heldout bench clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

setup: $(VENV)/.installed

# Set up, load the sample organisation and ledger, print it with its health, serve the admin.
demo: setup
	$(BIN)/luoshi init
	$(BIN)/luoshi demo
	$(BIN)/luoshi serve --host 127.0.0.1 --port 8000

# The whole suite on the embedded default (SQLite). Browser tests run when /usr/bin/chromium exists.
test: setup
	@if [ ! -x /usr/bin/chromium ]; then echo "make test: /usr/bin/chromium not found: browser tests will be skipped (apt-get install chromium)"; fi
	env -u DATABASE_URL LUOSHI_DATA=$$(mktemp -d) $(BIN)/pytest

# The same suite against PostgreSQL.
test-pg: setup
	DATABASE_URL=$(PG_URL) LUOSHI_DATA=$$(mktemp -d) $(BIN)/pytest

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy luoshi
	$(BIN)/lint-imports
	LUOSHI_DATA=$$(mktemp -d) $(BIN)/luoshi check --fail-level WARNING
	LUOSHI_DATA=$$(mktemp -d) $(BIN)/luoshi makemigrations --check --dry-run

# Extraction quality on the development set in ../shared/samples.
score: setup
	$(PY) -m luoshi.lib.directives.score

# The held-out sets: texts the rules were not written from (see each set's NOTES.md).
score-heldout: setup
	@for set in tests/fixtures/heldout*/; do echo "== $$set"; $(PY) -m luoshi.lib.directives.score "$$set" || exit 1; done

bench: setup
	$(PY) bench/ledger_import.py
	$(PY) bench/ledger_list.py
	$(PY) bench/extract_throughput.py
	$(PY) bench/extract_startup.py

clean:
	rm -rf $(VENV) luoshi-data *.egg-info
