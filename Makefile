# jobdocs — the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SPECS  := examples

.PHONY: demo test lint typecheck pytest fuzz bench clean venv templates

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

## demo: install, validate every example spec, and render them into out/ (a scratch folder:
## --force replaces the approved examples rendered there by an earlier jobdocs)
demo: $(STAMP)
	$(BIN)/jobdocs validate $(SPECS)
	@if $(BIN)/jobdocs --help | grep -q ' render '; then \
		$(BIN)/jobdocs render $(SPECS) -f pdf,html,docx -o out --force && echo "rendered into out/"; \
	else \
		echo "validated only: no renderer exists yet"; \
	fi

## test: ruff, mypy --strict on src/, then pytest
test: $(STAMP) lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy src

pytest: $(STAMP)
	$(BIN)/python -m pytest -q -n auto

fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=long $(BIN)/python -m pytest -q tests -k "property or fuzz"

## templates: regenerate the shipped Word templates (templates/build_docx.py)
templates: $(STAMP)
	$(BIN)/python templates/build_docx.py

bench: $(STAMP)
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) out dist build .pytest_cache .mypy_cache .ruff_cache
