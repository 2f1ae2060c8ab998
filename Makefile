# The README's two commands: `make run` and `make test`. Both build .venv on first use and are
# quick afterwards (the install is redone only when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(VENV)/.installed $@

run: $(VENV)/.installed
	$(BIN)/briefing

test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/mypy briefing_data quiz_bank
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/grading.py
	$(BIN)/python benchmarks/tutor.py
	$(BIN)/python benchmarks/classroom.py
	$(BIN)/python benchmarks/startup.py
	$(BIN)/python benchmarks/generation.py --html --scale 10000

clean:
	rm -rf $(VENV) build *.egg-info
