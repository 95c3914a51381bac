"""The engine: a crashing rule, rule documentation, imports, places and suppressions."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import jobdocs
from jobdocs.findings import Finding
from jobdocs.lint import LintConfig, Linter, Registry, Rule, RuleOptions, default_registry
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import SECTIONS

REGISTRY = default_registry()


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


class Crashing(Rule[RuleOptions]):
    """Fails on every spec."""

    code = "W999"
    name = "crashing"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise ZeroDivisionError("boom")


def test_a_crashing_rule_becomes_x001_and_the_others_still_run(spec_root: Path) -> None:
    registry = Registry({**REGISTRY.rules, "W999": Crashing})
    spec = _write(spec_root / "a.yaml", "jobdocs: 1\nkind: role\nid: a\nlanguage: en\n"
                                        "title: A\ndocument: {number: JD-1}\n"
                                        "functions: [Reporting.]\n")
    found = Linter(LintConfig.default(registry)).run([spec]).findings
    codes = [f.code for f in found]
    assert "X001" in codes and "W106" in codes
    crash = next(f for f in found if f.code == "X001")
    assert crash.location.line == 1
    assert "W999 (crashing) failed on this spec: ZeroDivisionError: boom" in crash.message


@pytest.mark.parametrize("code", list(REGISTRY.rules))
def test_every_rule_documents_itself(code: str) -> None:
    rule = REGISTRY.rules[code]
    docs = rule.docs()
    headings = [line[3:] for line in docs.splitlines() if line.startswith("## ")]
    assert headings == list(SECTIONS), f"{code}: sections {headings}"
    assert rule.summary() and len(rule.summary()) <= 120
    assert rule.name == rule.name.lower() and " " not in rule.name
    for option in rule.options_model.model_fields:
        assert f"`{option}`" in rule.section("Options"), f"{code}: option {option} undocumented"
    if not rule.options_model.model_fields:
        assert rule.section("Options") == "None."


def test_rule_names_are_unique() -> None:
    names = [rule.name for rule in REGISTRY]
    assert len(names) == len(set(names))


def test_lint_never_imports_the_renderers(examples: Path) -> None:
    folder = repr(str(examples))
    script = ("import sys\nfrom jobdocs.cli import main\n"
              f"assert main(['lint', {folder}]) == 0\n"
              f"import jobdocs\nassert jobdocs.lint({folder}) == []\n"
              "heavy = [m for m in sys.modules if m.split('.')[0] in "
              "('weasyprint', 'docxtpl', 'docx', 'pyhanko')]\n"
              "assert not heavy, heavy\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr


def test_the_public_function_survives_importing_the_package(examples: Path) -> None:
    import jobdocs.lint.engine  # sets the attribute jobdocs.lint to the package

    assert jobdocs.lint(examples) == []
    assert jobdocs.lint([examples / "roles"], config=examples / "jobdocs.toml") == []


def test_findings_point_at_the_words(spec_root: Path) -> None:
    spec = _write(spec_root / "a.yaml", """\
jobdocs: 1
kind: role
id: a
language: en
title: A
document: {number: JD-1}
responsibility:
  - A fine of 500 GEL for being late.
  - "Quoted: a fine of 20 GEL."
  - >-
    Folded: a fine of
    30 GEL.
""")
    found = Linter(select=["W101"]).run([spec]).findings
    places = [(f.location.line, f.location.column, f.location.end_column) for f in found]
    # plain and quoted scalars: the amount itself; a folded block: the whole value
    assert places[:2] == [(8, 15, 22), (9, 24, 30)]
    assert (found[2].location.line, found[2].location.column) == (10, 5)


def test_inherited_items_are_suppressed_in_the_parent_file(spec_root: Path) -> None:
    _write(spec_root / "base.yaml", """\
jobdocs: 1
kind: role
id: base
language: en
title: Base
document: {number: JD-1}
responsibility:
  - A fine of 500 GEL.  # jobdocs: ignore[W101]
  - Failure to perform the duties.  # jobdocs: ignore[W106]
""")
    child = _write(spec_root / "child.yaml", "jobdocs: 1\nkind: role\nid: child\n"
                                             "extends: base.yaml\ntitle: Child\n"
                                             "document: {number: JD-2}\n")
    found = Linter(select=["W101", "W106", "X002"]).run([child]).findings
    assert found == []  # base.yaml's unused W106 is reported only when base.yaml is linted
    found = Linter(select=["W101", "W106", "X002"]).run([child, spec_root / "base.yaml"])
    assert [(f.code, f.location.line) for f in found.findings] == [("X002", 9)]


def test_a_folder_reports_shared_problems_once(spec_root: Path) -> None:
    _write(spec_root / "org.yaml", "jobdocs: 1\nkind: organization\nid: o\nname: O\n"
                                   "colour: blue\n")
    for name in ("a", "b"):
        _write(spec_root / f"{name}.yaml", f"jobdocs: 1\nkind: role\nid: {name}\n"
                                           "organization: org.yaml\ntitle: T\n"
                                           "document: {number: JD-1}\n")
    found = [f for f in jobdocs.lint(spec_root) if f.code == "S101"]
    assert len(found) == 1 and found[0].location.file.name == "org.yaml"


def test_today_comes_from_source_date_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    from jobdocs.lint.engine import today_for_lint

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    assert today_for_lint().isoformat() == "2026-01-01"


def test_a_spec_validated_in_memory_is_linted_like_a_file(spec_root: Path) -> None:
    from jobdocs.resolve import Resolver
    from jobdocs.validation import validate_resolved

    spec = _write(spec_root / "a.yaml", "jobdocs: 1\nkind: role\nid: a\nlanguage: en\n"
                                        "title: A\ndocument: {number: JD-1}\n"
                                        "responsibility:\n  - A fine of 5 GEL.\n"
                                        "  - Fines of 9 GEL.  # jobdocs: ignore[W101]\n")
    validated = validate_resolved(Resolver().resolve(spec))
    found = Linter(select=["W101"]).check_validated(validated)
    assert [(f.code, f.location.line) for f in found] == [("W101", 8)]


def test_worker_processes_find_what_one_process_finds(spec_root: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from jobdocs.lint import parallel

    calls: list[int] = []
    real = parallel.lint_in_workers

    def spy(linter: Linter, paths: list[Path]) -> object:
        calls.append(len(paths))
        return real(linter, paths)

    monkeypatch.setattr(parallel, "lint_in_workers", spy)
    _write(spec_root / "base.yaml", "jobdocs: 1\nkind: role\nid: base\nlanguage: en\n"
                                    "title: Base\ndocument: {number: JD-0}\n"
                                    "functions:\n  - Reporting.  # jobdocs: ignore[W106]\n")
    files = [spec_root / "base.yaml"]
    for n in range(60):
        body = "responsibility: [A fine of 5 GEL.]\n" if n % 7 == 0 else ""
        files.append(_write(spec_root / f"r{n:02d}.yaml",
                            f"jobdocs: 1\nkind: role\nid: r{n}\nextends: base.yaml\n"
                            f"title: R{n}\ndocument: {{number: JD-{n}}}\n{body}"))
    one = Linter(select=["W1", "X"]).run(files).findings
    many = Linter(select=["W1", "X"], jobs=2).run(files).findings
    assert calls == [61]
    assert many == one
    assert [f.code for f in one] == ["W101"] * 9
