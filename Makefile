# Two entry points for a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint typecheck unit bench bench-full bench-huge clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP_RUN)
	$(BIN)/reader

test: $(STAMP_TEST)
	@bash scripts/ensure-tmux.sh
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py

bench-full: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py --full

# Not for CI: 1,000,000 articles, about 3.7 GB of disk and hours on 2 cores.
bench-huge: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py --huge

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
