# jobdocs — the two set-up commands are `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SPECS  := examples
OLD_ROLE := $(SPECS)/roles/account-manager.yaml
NEW_ROLE := $(SPECS)/roles/key-account-manager.yaml

.PHONY: demo test lint typecheck pytest fuzz bench clean venv templates

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

venv: $(STAMP)

## demo: install, validate every example spec, and render them into out/ (a scratch folder:
## --force replaces the approved examples rendered there by an earlier jobdocs); then compare
## the key account manager with the account manager it extends (jobdocs diff exits 1: changes)
demo: $(STAMP)
	$(BIN)/jobdocs validate $(SPECS)
	$(BIN)/jobdocs render $(SPECS) -f pdf,html,docx -o out --force
	@echo "rendered into out/"
	$(BIN)/jobdocs diff $(OLD_ROLE) $(NEW_ROLE) > out/key-account-manager.changes.txt; test $$? -eq 1
	$(BIN)/jobdocs diff $(OLD_ROLE) $(NEW_ROLE) -f pdf -o out/key-account-manager.redline.pdf; test $$? -eq 1
	$(BIN)/jobdocs diff $(OLD_ROLE) $(NEW_ROLE) -f docx -o out/key-account-manager.redline.docx; test $$? -eq 1
	@echo "the key account manager against the account manager it extends: out/key-account-manager.{changes.txt,redline.pdf,redline.docx}"

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
