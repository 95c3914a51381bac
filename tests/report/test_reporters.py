"""Every output format, pinned by golden files (set UPDATE_GOLDEN=1 to rewrite them after a
deliberate change), and the SARIF output of a real run checked against the official SARIF
2.1.0 schema (tests/report/sarif-schema-2.1.0.json)."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from jobdocs.cli import main
from jobdocs.findings import Finding, Location, Severity
from jobdocs.report import FORMATS, ReportOptions, RuleMeta, reporter

HERE = Path(__file__).parent
GOLDEN = HERE / "golden"
SUFFIXES = {"text": "txt", "json": "json", "sarif": "sarif.json", "github": "github.txt",
            "junit": "xml"}

FINDINGS = [
    Finding("S101", Severity.ERROR, "unknown key `efective_date` in `document`",
            Location(Path("roles/account-manager.yaml"), 6, 3, 6, 16,
                     "document.efective_date"),
            hint="did you mean `effective_date`?", rule="unknown-key"),
    Finding("W101", Severity.WARNING,
            "“500 ლარი”: the responsibility section states grounds, not fines, amounts or "
            "percentages",
            Location(Path("roles/account-manager.yaml"), 14, 15, 14, 23,
                     "responsibility[0].text.ka"),
            hint="state the ground\nand leave the measure to the law (100%: a, b)",
            rule="amount-in-responsibility"),
    Finding("A105", Severity.INFO, "the document took effect 90 days ago, but is still draft",
            Location(Path("roles/key, account: manager.yaml"), 3, 1), rule="stale-draft"),
]
OPTIONS = ReportOptions(
    rules={
        "S101": RuleMeta("S101", "unknown-key", Severity.ERROR,
                         "A key is not a field of the spec format.",
                         "A key is not a field of the spec format.\n\n## What it does\n"
                         "Reports a key that the model does not have.\n\n## Why\nIt would "
                         "be lost.\n"),
        "W101": RuleMeta("W101", "amount-in-responsibility", Severity.WARNING,
                         "The responsibility section names a fine.", ""),
    },
    files=["roles/account-manager.yaml", "roles/clean.yaml",
           "roles/key, account: manager.yaml"],
    tool_version="0.0.0-test",
)


def _render(fmt: str, findings: list[Finding] = FINDINGS,
            options: ReportOptions = OPTIONS) -> str:
    stream = io.StringIO()
    reporter(fmt)(findings, stream, options)
    return stream.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    golden = GOLDEN / f"findings.{SUFFIXES[fmt]}"
    output = _render(fmt)
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(output, encoding="utf-8")
    assert output == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_findings(fmt: str) -> None:
    output = _render(fmt, [], ReportOptions())
    if fmt in ("text", "github"):
        assert output == ""
    elif fmt == "junit":
        assert ET.fromstring(output).get("failures") == "0"
    else:
        json.loads(output)


def test_text_in_colour_keeps_the_words() -> None:
    coloured = _render("text", FINDINGS, ReportOptions(color=True))
    assert "\x1b[" in coloured
    plain = re.sub(r"\x1b\[[0-9;]*m", "", coloured)
    assert plain == _render("text", FINDINGS, ReportOptions())


def test_github_escapes_properties_and_data() -> None:
    line = _render("github").splitlines()[-1]
    assert line.startswith("::notice file=roles/key%2C account%3A manager.yaml,line=3,col=1,")
    second = _render("github").splitlines()[1]
    assert "%0Aand leave the measure to the law (100%25: a, b)" in second


def test_junit_lists_clean_files_as_passing() -> None:
    root = ET.fromstring(_render("junit"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert suites["roles/clean.yaml"].get("failures") == "0"
    assert suites["roles/account-manager.yaml"].get("failures") == "2"
    assert root.get("tests") == "4" and root.get("failures") == "3"


def test_sarif_of_a_real_run_validates_against_the_schema(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    (tmp_path / "jobdocs.toml").write_text("", encoding="utf-8")
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "ანგარიში.yaml").write_text(
        "jobdocs: 1\nkind: role\nid: a\nlanguage: en\ntitle: Clerk\n"
        "document: {number: JD-1, status: approved}\n"
        "responsibility:\n  - A fine of 500 GEL.\nfunctions: [Reporting]\n", encoding="utf-8")
    (tmp_path / "roles" / "broken.yaml").write_text("jobdocs: 1\nkind: [\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--format", "sarif", "."]) == 1
    log = json.loads(capsys.readouterr().out)
    schema = json.loads((HERE / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    codes = [r["id"] for r in rules]
    assert {"A101", "W101", "S001", "X002"} <= set(codes)
    assert all("## What it does" in r["help"]["markdown"] for r in rules)
    results = run["results"]
    assert {r["ruleId"] for r in results} >= {"A101", "W101", "W106", "S001"}
    for result in results:
        assert codes[result["ruleIndex"]] == result["ruleId"]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {"roles/%E1%83%90%E1%83%9C%E1%83%92%E1%83%90%E1%83%A0%E1%83%98%E1%83%A8"
                    "%E1%83%98.yaml", "roles/broken.yaml"}


def test_every_format_has_a_reporter() -> None:
    for fmt in FORMATS:
        assert callable(reporter(fmt))
    with pytest.raises(ValueError, match="unknown format"):
        reporter("xml")
