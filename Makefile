# Two entry points for a fresh clone: `make run` and `make test`.
# `make run ARGS=~/news` opens files and folders instead of the bundled articles.
PYTHON ?= python3
ARGS   ?=
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_RUN  := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test lint typecheck unit bench bench-full bench-huge clean

$(BIN)/python:
	@echo "Creating $(VENV) (once)…"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): $(BIN)/python pyproject.toml
	@echo "Installing reader and its dependencies into $(VENV) (a minute the first time)…"
	$(BIN)/python -m pip install --quiet --progress-bar on -e .
	touch $@

$(STAMP_TEST): $(BIN)/python pyproject.toml
	@echo "Installing reader and the test tools into $(VENV) (a minute the first time)…"
	$(BIN)/python -m pip install --quiet --progress-bar on -e '.[test]'
	touch $@

run: $(STAMP_RUN)
	$(BIN)/reader $(ARGS)

test: $(STAMP_TEST)
	@bash scripts/ensure-tmux.sh
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/mypy
	$(BIN)/python -m pytest -n 2

bench: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py

bench-full: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py --full

# Not for CI: 1,000,000 articles, about 3.7 GB of disk and hours on 2 cores.
bench-huge: $(STAMP_TEST)
	$(BIN)/python benchmarks/bench.py --huge

clean:
	rm -rf $(VENV) build dist .mypy_cache .pytest_cache .ruff_cache
