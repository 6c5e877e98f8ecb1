# Two commands set everything up on a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench evaluate clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEV_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

EXAMPLE_DB := sqlite:///example.db

# The main job on the bundled examples: who said what in two articles, then four dated articles
# stored in an SQLite archive (example.db) and one claim followed across them.
run: $(STAMP)
	$(BIN)/quellenlage extract examples/*.txt --format table
	$(BIN)/quellenlage ingest examples/nordkorea-verlauf.jsonl --db $(EXAMPLE_DB)
	$(BIN)/quellenlage link-claims --db $(EXAMPLE_DB)
	$(BIN)/quellenlage claim "nordkoreanische Soldaten" --db $(EXAMPLE_DB)

test: $(DEV_STAMP)
	QUELLENLAGE_TEST_POSTGRES="$${QUELLENLAGE_TEST_POSTGRES:-$$(bash scripts/postgres.sh || true)}" \
	QUELLENLAGE_CHROMIUM="$${QUELLENLAGE_CHROMIUM:-$$(bash scripts/chromium.sh || true)}" \
		$(BIN)/python -m pytest

lint: $(DEV_STAMP)
	$(BIN)/ruff check src tests

evaluate: $(STAMP)
	$(BIN)/quellenlage evaluate ../shared/data/wikinews-quotes/dev.jsonl

bench: $(STAMP)
	$(BIN)/quellenlage bench ../shared/data/10kgnad/test.csv

clean:
	rm -rf $(VENV) build src/*.egg-info
