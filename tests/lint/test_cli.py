"""`jobdocs lint` and `jobdocs rules` as a user runs them: exit codes, formats, options."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jobdocs.cli import main

CLEAN = """\
jobdocs: 1
kind: role
id: clerk
language: en
title: Clerk
document: {number: JD-1}
general: [The employee reports to the Director.]
functions: [Prepare the monthly report.]
rights: [To receive the information needed for the work.]
responsibility: [Failure to perform the duties.]
"""
WARNING_ONLY = CLEAN.replace("[Prepare the monthly report.]", "[Reporting.]")
WITH_ERROR = CLEAN.replace("document: {number: JD-1}",
                           "document: {number: JD-1, status: approved}")


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "jobdocs.toml").write_text("", encoding="utf-8")
    (tmp_path / "roles").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def _spec(root: Path, text: str, name: str = "clerk.yaml") -> Path:
    path = root / "roles" / name
    path.write_text(text, encoding="utf-8")
    return path


def test_examples_are_clean(examples: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(examples)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "spec(s) checked: no problems" in captured.err


def test_exit_codes(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _spec(root, CLEAN)
    assert main(["lint"]) == 0
    _spec(root, WARNING_ONLY)
    assert main(["lint", "roles"]) == 0
    assert main(["lint", "--strict", "roles"]) == 1
    _spec(root, WITH_ERROR)
    assert main(["lint", "roles"]) == 1
    assert main(["lint", "--exit-zero", "roles"]) == 0
    out = capsys.readouterr().out
    assert "roles/clerk.yaml:6:34: A101 error" in out


def test_usage_and_configuration_errors_exit_2(root: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "missing.yaml"]) == 2
    _spec(root, CLEAN)
    assert main(["lint", "--select", "W1O8", "."]) == 2
    assert "`W1O8` in `--select` is not a rule code or name" in capsys.readouterr().err
    assert main(["lint", "--ignore", "W999", "."]) == 2
    assert "`jobdocs rules` lists every code" in capsys.readouterr().err
    (root / "jobdocs.toml").write_text("ignroe = ['W101']\n", encoding="utf-8")
    assert main(["lint", "."]) == 2
    err = capsys.readouterr().err
    assert "unknown setting `ignroe`" in err and "did you mean `ignore`?" in err
    (root / "jobdocs.toml").write_text("[rules.W108]\ntreshold = 0.5\n", encoding="utf-8")
    assert main(["lint", "."]) == 2
    assert "did you mean `threshold`?" in capsys.readouterr().err


def test_format_auto_picks_github_in_actions(root: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    _spec(root, WARNING_ONLY)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    main(["lint", "."])
    assert capsys.readouterr().out.startswith("::warning file=roles/clerk.yaml,line=8,")
    main(["lint", "-o", "report.txt", "."])  # a report file gets the plain text format
    assert (root / "report.txt").read_text(encoding="utf-8").startswith("roles/clerk.yaml:8:")
    monkeypatch.setenv("GITHUB_ACTIONS", "false")
    main(["lint", "."])
    assert capsys.readouterr().out.startswith("roles/clerk.yaml:8:")


def test_json_output_and_file(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _spec(root, WITH_ERROR)
    main(["lint", "-f", "json", "-o", "report.json", "."])
    assert capsys.readouterr().out == ""
    data = json.loads((root / "report.json").read_text(encoding="utf-8"))
    assert [d["code"] for d in data] == ["A101", "A102"]
    assert set(data[0]) == {"file", "line", "column", "end_line", "end_column", "path",
                            "code", "severity", "message", "hint"}


def test_select_ignore_and_statistics(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _spec(root, WITH_ERROR.replace("[Prepare the monthly report.]", "[Reporting.]"))
    main(["lint", "--select", "A,W1", "--ignore", "A102", "--statistics", "."])
    out = capsys.readouterr().out
    assert "A101" in out and "W106" in out and "A102" not in out
    assert "    1  A101  approval-missing" in out
    assert "    2  total" in out


def test_only_specs_skips_other_yaml(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ci = root / ".gitlab-ci.yml"
    ci.write_text("lint:\n  script: [jobdocs lint]\n", encoding="utf-8")
    (root / "docker-compose.yml").write_text("services: {}\n", encoding="utf-8")
    _spec(root, CLEAN)
    assert main(["lint", "--only-specs", str(ci), "roles/clerk.yaml"]) == 0
    assert main(["lint", "."]) == 0  # folders hold other YAML files too
    assert main(["lint", str(ci)]) == 1  # a file named on its own is linted: S104
    assert "S104" in capsys.readouterr().out


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    codes = [line.split()[0] for line in lines]
    assert {"S001", "S105", "R101", "C101", "A101", "W101", "X002"} <= set(codes)
    w101 = next(line for line in lines if line.startswith("W101"))
    assert w101.split()[1:3] == ["warning", "amount-in-responsibility"]


def test_rules_prints_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "w101"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("W101 amount-in-responsibility (warning)\n")
    for heading in ("## What it does", "## Why", "## Example", "## Use instead", "## Options"):
        assert heading in out
    assert main(["rules", "duplicate-item", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["code"] == "W108" and data["options"] == {"threshold": 0.9, "min_words": 4}
    assert main(["rules", "W1O1"]) == 2
    assert "did you mean `W101`?" in capsys.readouterr().err
