"""Every rule's passing and failing cases (tests/lint/fixtures/<CODE>.yaml), run by one
parametrised test: each case gives exactly the expected codes at the expected lines."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

from gitrev.repo import isolate_git
from jobdocs.gitrev import BaseRevision
from jobdocs.lint import Linter, default_registry

from .cases import SPEC, VALIDATION, Case, load_cases

CASES = load_cases()

#: Codes that no spec can trigger: X001 needs a rule that crashes (see test_engine.py).
NO_FIXTURE = {"X001"}


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rule_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if case.base is not None:
        isolate_git(monkeypatch, ceiling=tmp_path.parent)
    spec = case.write(tmp_path)
    with contextlib.ExitStack() as stack:
        base = (stack.enter_context(BaseRevision("HEAD", cwd=tmp_path))
                if case.base is not None else None)
        linter = Linter(select=[*case.select, *VALIDATION], today=case.today, base=base)
        found = linter.run([spec]).findings
    got = sorted(_label(f.code, f.location.file, f.location.line, tmp_path) for f in found)
    assert got == sorted(case.expect), "\n".join(f.format_text() for f in found)


def _label(code: str, file: Path, line: int, root: Path) -> str:
    relative = file.resolve().relative_to(root.resolve()).as_posix()
    return f"{code}:{line}" if relative == SPEC else f"{code}:{relative}:{line}"


def test_every_rule_has_passing_and_failing_cases() -> None:
    """A fixture file covers a code (``W101.yaml``) or a code prefix: the jurisdiction
    checklist of a pack has one file for all its codes (``L1.yaml`` for GE)."""
    missing = []
    for code in default_registry().rules:
        cases = [c for c in CASES if code.startswith(c.rule)]
        if code in NO_FIXTURE:
            continue
        if not cases:
            missing.append(code)
            continue
        assert any(e.startswith(f"{code}:") for c in cases for e in c.expect), \
            f"{code}: no failing case"
        assert any(not c.expect for c in cases), f"{code}: no passing case"
    assert not missing, f"no fixture file for {missing}"
