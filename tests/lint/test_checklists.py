"""The jurisdiction checklists on a contract: the acceptance case of the issue on the
deliberately incomplete contract tests/lint/contracts/incomplete-ge.yaml, what a finding
says and in which language, per-requirement configuration, and the rule documentation."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml

from jobdocs.cli import main
from jobdocs.findings import Finding, Severity
from jobdocs.lint import Linter, default_registry
from jobdocs.lint.checklist import load_pack, shipped_packs
from jobdocs.lint.checklist.evaluate import format_number
from jobdocs.lint.checklist.schema import Messages

CONTRACTS = Path(__file__).parent / "contracts"
DOC = Path(__file__).resolve().parents[2] / "README.md"
INCOMPLETE = CONTRACTS / "incomplete-ge.yaml"
PACKS = {p.jurisdiction: p for p in shipped_packs()}


def _requirement(jurisdiction: str, req_id: str) -> tuple[str, str, Messages]:
    (req,) = [r for r in PACKS[jurisdiction].requirements if r.id == req_id]
    return req.code, req.citation, req.message


def _lint(path: Path, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
          ) -> list[Finding]:
    return Linter(select=select, ignore=ignore).run([path]).findings


def _under(jurisdiction: str, tmp_path: Path, language: str = "ka") -> Path:
    """A copy of the incomplete contract's spec root, with another jurisdiction."""
    root = tmp_path / "contracts"
    shutil.copytree(CONTRACTS, root)
    spec = root / INCOMPLETE.name
    text = spec.read_text(encoding="utf-8").replace("jurisdiction: GE",
                                                     f"jurisdiction: {jurisdiction}")
    spec.write_text(text.replace("language: ka", f"language: {language}"), encoding="utf-8")
    return spec


def _line(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if text in line)


def test_ge_contract_without_working_time_and_8_months_probation() -> None:
    found = _lint(INCOMPLETE)  # every rule, as `jobdocs lint` runs them
    assert [(f.code, f.location.line) for f in found] == [
        ("L103", _line(INCOMPLETE, "terms:")),
        ("L111", _line(INCOMPLETE, "probation: {months: 8}")),
    ]
    working, probation = found
    code, citation, message = _requirement("GE", "working-time")
    assert working.code == code and working.severity is Severity.ERROR
    assert working.message == f"{message.ka} [GE working-time]"  # the contract's language
    assert working.hint == (f"{citation}\nadd `terms.working_time.hours_per_week` or "
                            "`terms.working_time.schedule`")
    assert working.location.path == "terms.working_time"
    assert working.location.column == 1 and working.rule == "ge-working-time"

    code, citation, message = _requirement("GE", "probation-limit")
    assert probation.message == f"{message.ka.format(value='8')} [GE probation-limit]"
    assert probation.hint == citation
    assert probation.location.path == "terms.probation.months"
    column = INCOMPLETE.read_text(encoding="utf-8").splitlines()[
        probation.location.line - 1].index("8") + 1
    assert probation.location.column == column


def test_the_same_contract_under_ru_gives_the_ru_findings(tmp_path: Path) -> None:
    spec = _under("RU", tmp_path)
    found = _lint(spec, select=("L",))
    assert [(f.code, f.severity.value, f.location.line) for f in found] == [
        ("L309", "warning", _line(spec, "terms:")),            # working-regime
        ("L311", "error", _line(spec, "probation:")),          # 8 > 6, Art. 70
        ("L313", "error", _line(spec, "paid_days: 24")),       # 24 < 28, Art. 115
    ]
    assert "[RU probation-limit]" in found[1].message
    assert "Art. 70" in (found[1].hint or "")
    assert "24" in found[2].message and "Art. 115" in (found[2].hint or "")


def test_messages_follow_the_contract_language(tmp_path: Path) -> None:
    _, _, message = _requirement("GE", "probation-limit")
    (english,) = _lint(_under("GE", tmp_path, "en"), select=("L111",))
    assert english.message == f"{message.en.format(value='8')} [GE probation-limit]"
    assert message.get("de") == message.en  # a language the pack lacks: English
    assert message.get("ru") == message.ru


def test_no_jurisdiction_no_checks(tmp_path: Path) -> None:
    assert _lint(_under("none", tmp_path), select=("L",)) == []


def test_each_requirement_can_be_ignored_or_reweighted(tmp_path: Path) -> None:
    found = _lint(INCOMPLETE, select=("L",), ignore=("ge-probation-limit",))
    assert [f.code for f in found] == ["L103"]
    assert [f.code for f in _lint(INCOMPLETE, select=("L2", "L3", "L4"))] == []
    spec = _under("GE", tmp_path)
    (spec.parent / "jobdocs.toml").write_text('[severity]\nge-working-time = "warning"\n',
                                              encoding="utf-8")
    severities = {f.code: f.severity for f in _lint(spec, select=("L",))}
    assert severities == {"L103": Severity.WARNING, "L111": Severity.ERROR}


def test_examples_pass_their_checklists(examples: Path) -> None:
    contracts = sorted((examples / "contracts").glob("*.yaml"))
    jurisdictions = {yaml.safe_load(c.read_text(encoding="utf-8"))["jurisdiction"]
                     for c in contracts}
    assert "GE" in jurisdictions
    assert [f.format_text() for f in Linter(select=["L"]).run(contracts).findings] == []


@pytest.mark.parametrize("value,text", [("8", "8"), ("37.50", "37.5"), ("48.0", "48"),
                                        ("0", "0")])
def test_numbers_in_messages(value: str, text: str) -> None:
    from decimal import Decimal

    assert format_number(Decimal(value)) == text


def test_sarif_carries_the_citation_and_the_docs(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(INCOMPLETE), "--format", "sarif", "--select", "L1"]) == 1
    run = json.loads(capsys.readouterr().out)["runs"][0]
    results = {r["ruleId"]: r for r in run["results"]}
    _, citation, _ = _requirement("GE", "working-time")
    assert citation in results["L103"]["message"]["text"]
    rules = {r["id"]: r for r in run["tool"]["driver"]["rules"]}
    assert len([c for c in rules if c.startswith("L1")]) == len(PACKS["GE"].requirements)
    assert "not legal advice" in rules["L111"]["help"]["markdown"]


@pytest.mark.parametrize("code", [c for c in default_registry().rules if c.startswith("L")])
def test_every_requirement_documents_itself(code: str) -> None:
    rule = default_registry().rules[code]
    req = rule.requirement  # type: ignore[attr-defined]
    docs = rule.docs()
    assert "This is a checklist, not legal advice" in docs
    assert req.citation in " ".join(docs.split())
    assert all(f"`{p.prefix}xx` {p.jurisdiction}" in docs for p in PACKS.values())
    example, good = (yaml.safe_load(_code(rule.section(h))) for h in ("Example", "Use instead"))
    assert example["jurisdiction"] == good["jurisdiction"] == code_pack(code)
    assert example != good


def code_pack(code: str) -> str:
    return next(j for j, p in PACKS.items() if code.startswith(p.prefix))


def _code(section: str) -> str:
    return section.removeprefix("```yaml\n").removesuffix("```")


def test_rules_prints_a_requirement(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules", "ge-probation-limit"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("L111 ge-probation-limit (error)\n\nGE: `terms.probation.months` "
                          "above 6\n")
    assert "probation: {months: 8}" in out and "probation: {months: 6}" in out


def _doc_section() -> str:
    text = DOC.read_text(encoding="utf-8")
    return text[text.index("### Jurisdiction checklists"):text.index("### Configuration")]


def test_the_docs_show_what_lint_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(CONTRACTS, tmp_path / "contracts")
    (tmp_path / "contracts" / INCOMPLETE.name).rename(tmp_path / "contracts" / "ec-2027-001.yaml")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["lint", "--no-color", "contracts"]) == 1
    sample = re.findall(r"```text\n(.*?)```", _doc_section(), re.DOTALL)[0]
    assert capsys.readouterr().out == sample


def test_the_docs_pack_example_is_a_valid_pack(tmp_path: Path) -> None:
    (example,) = [b for b in re.findall(r"```yaml\n(.*?)```", _doc_section(), re.DOTALL)
                  if b.startswith("jurisdiction:")]
    (tmp_path / "GE.yaml").write_text(example, encoding="utf-8")
    pack = load_pack(tmp_path / "GE.yaml")
    shipped = {r.id: r for r in PACKS["GE"].requirements}
    for req in pack.requirements:  # the example quotes the shipped pack
        assert req.model_dump(exclude={"message"}) == \
            shipped[req.id].model_dump(exclude={"message"})
