"""The README's section on linting says what the linter does."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from jobdocs.cli import main
from jobdocs.lint import config_from_mapping, default_registry

README = Path(__file__).resolve().parents[2] / "README.md"
_FULL = README.read_text(encoding="utf-8")
_START = _FULL.index("\n## Linting specs")
TEXT = _FULL[_START:_FULL.index("\n## ", _START + 1)]
EXPORT_MANAGER = """\
jobdocs: 1
kind: role
id: export-manager
language: en
title: Export Manager
document: {number: JD-1, status: draft}
general: [The employee reports to the Director.]
requirements:
  skills: [Negotiation skills.]
functions:
  - Work with foreign clients and partners.
rights: [To receive information.]
responsibility:
  - A fine of 500 GEL for each late report.
"""


def _blocks(language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", TEXT, re.DOTALL)


def test_every_code_is_documented() -> None:
    for code in default_registry().rules:
        family_range = re.search(rf"`{code[0]}\d{{3}}`–`{code[0]}\d{{3}}`", TEXT)
        assert f"`{code}`" in TEXT or family_range, code


def test_the_configuration_example_is_valid() -> None:
    (example,) = _blocks("toml")
    config = config_from_mapping(tomllib.loads(example), default_registry())
    assert "W102" not in config.enabled
    assert config.rules["W108"].options.threshold == 0.85


def test_the_yaml_examples_parse() -> None:
    for block in _blocks("yaml"):
        yaml.safe_load(block.replace("<the jobdocs repository>", "x"))


def test_the_sample_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                           capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "jobdocs.toml").write_text("", encoding="utf-8")
    (tmp_path / "roles").mkdir()
    (tmp_path / "roles" / "export-manager.yaml").write_text(EXPORT_MANAGER, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert main(["lint", "--no-color"]) == 0
    captured = capsys.readouterr()
    sample = _blocks("text")[0].splitlines()
    assert captured.out.splitlines() == sample[:-1]
    assert captured.err.strip() == sample[-1]


def test_the_suppression_example(tmp_path: Path) -> None:
    import jobdocs

    block = next(b for b in _blocks("yaml") if "ignore-file" in b)
    spec = block + "jobdocs: 1\nkind: role\nid: a\nlanguage: en\ntitle: A\n" \
                   "document: {number: JD-1}\n"
    (tmp_path / "jobdocs.toml").write_text('select = ["W1", "X"]\n', encoding="utf-8")
    (tmp_path / "a.yaml").write_text(spec, encoding="utf-8")
    assert jobdocs.lint(tmp_path / "a.yaml") == []
    unsuppressed = spec.replace("# jobdocs:", "# was:")
    (tmp_path / "a.yaml").write_text(unsuppressed, encoding="utf-8")
    assert [f.code for f in jobdocs.lint(tmp_path / "a.yaml")] == ["W106", "W101"]
