"""Configuration: where it is found, what it may say, and the errors it gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from jobdocs import ConfigError
from jobdocs.findings import Severity
from jobdocs.lint import LintConfig, Linter, config_from_mapping, default_registry, find_config

REGISTRY = default_registry()
ROLE = """\
jobdocs: 1
kind: role
id: clerk
language: en
title: Clerk
document: {number: JD-1}
functions: [Reporting.]
responsibility: [A fine of 500 GEL.]
"""


def _codes(root: Path, *files: str) -> list[tuple[str, str, str]]:
    found = Linter().run([root / f for f in files]).findings
    return [(f.code, f.severity.value, f.location.file.name) for f in found
            if f.code in ("W101", "W106", "S201")]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_pyproject_table_is_found_from_a_nested_spec(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n\n[tool.jobdocs]\n'
                                        'ignore = ["W106", "S2"]\n')
    spec = _write(tmp_path / "hr" / "roles" / "clerk.yaml", ROLE)
    assert find_config(spec) == tmp_path / "pyproject.toml"
    assert _codes(tmp_path, "hr/roles/clerk.yaml") == [("W101", "warning", "clerk.yaml")]


def test_jobdocs_toml_wins_over_pyproject(tmp_path: Path) -> None:
    _write(tmp_path / "pyproject.toml", "[tool.jobdocs]\nignore = ['W101']\n")
    _write(tmp_path / "jobdocs.toml", "select = ['W101']\n")
    _write(tmp_path / "a.yaml", ROLE)
    assert find_config(tmp_path / "a.yaml") == tmp_path / "jobdocs.toml"
    assert _codes(tmp_path, "a.yaml") == [("W101", "warning", "a.yaml")]


def test_per_file_ignores_and_severity(tmp_path: Path) -> None:
    _write(tmp_path / "jobdocs.toml", """\
select = ["W1"]
[per-file-ignores]
"legacy/*.yaml" = ["W101"]
"draft-*.yaml" = ["W106"]
[severity]
amount-in-responsibility = "error"
""")
    _write(tmp_path / "legacy" / "old.yaml", ROLE)
    _write(tmp_path / "roles" / "draft-new.yaml", ROLE)
    assert _codes(tmp_path, "legacy/old.yaml", "roles/draft-new.yaml") == [
        ("W106", "warning", "old.yaml"), ("W101", "error", "draft-new.yaml")]


def test_rule_options_by_code_or_name(tmp_path: Path) -> None:
    config = config_from_mapping({"rules": {"long-item": {"max-words": 2},
                                            "W108": {"threshold": 0.9}}}, REGISTRY)
    assert config.rules["W107"].options.max_words == 2
    assert config.rules["W108"].options.threshold == 0.9
    assert config.rules["W101"].options.sections == ["responsibility"]


def test_other_tables_belong_to_other_commands() -> None:
    config = config_from_mapping({"render": {"formats": ["pdf"]}, "select": ["W"]}, REGISTRY)
    assert config.enabled == frozenset(c for c in REGISTRY.rules if c.startswith("W"))


@pytest.mark.parametrize(("data", "message", "hint"), [
    ({"selct": ["W"]}, "unknown setting `selct`", "did you mean `select`?"),
    ({"colour": True}, "unknown setting `colour`", "lint settings are: select, ignore"),
    ({"ignore": ["W1O1"]}, "`W1O1` in `ignore` is not a rule code", "did you mean `W101`?"),
    ({"ignore": "W101, W102"}, "`W101, W102` in `ignore`", None),
    ({"select": [1]}, "`select` must be a list of rule codes", None),
    ({"per-file-ignores": {"*.yaml": ["Z"]}}, "`Z` in `per-file-ignores.*.yaml`", None),
    ({"severity": {"W101": "fatal"}}, "`severity.W101` cannot be `fatal`",
     "use error, warning or info"),
    ({"severity": {"W9": "error"}}, "`W9` in `severity` is not a rule code", None),
    ({"rules": {"W108": {"treshold": 0.5}}}, "unknown option `treshold` for W108",
     "did you mean `threshold`?"),
    ({"rules": {"W108": {"threshold": 2}}}, "`rules.W108.threshold`: Input should be less",
     "`jobdocs rules W108` describes its options"),
    ({"rules": {"W101": {"x": 1}}}, "unknown option `x` for W101",
     "W101 has the options: sections"),
    ({"rules": {"S001": {"x": 1}}}, "unknown option `x` for S001", "S001 has no options"),
    ({"rules": {"C101": {"extra_pairs": [{"name": "x", "requires": "y", "when": {"en": ["("]},
                                          "expect": {}}]}}},
     "`rules.C101.extra_pairs[0].when`: `(` is not a valid regular expression", None),
    ({"rules": "W101"}, "`rules` must be a table", None),
])
def test_configuration_errors(data: dict[str, object], message: str, hint: str | None) -> None:
    with pytest.raises(ConfigError) as caught:
        config_from_mapping(data, REGISTRY)
    assert message in caught.value.message
    if hint is not None:
        assert caught.value.hint is not None and hint in caught.value.hint


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    config = _write(tmp_path / "jobdocs.toml", "select = [W101\n")
    _write(tmp_path / "a.yaml", ROLE)
    with pytest.raises(ConfigError) as caught:
        Linter().run([tmp_path / "a.yaml"])
    assert caught.value.path == config
    assert "not valid TOML" in caught.value.message


def test_defaults_enable_every_rule_at_its_severity() -> None:
    config = LintConfig.default(REGISTRY)
    assert config.enabled == frozenset(REGISTRY.rules)
    assert config.severity_of("W101") is None
    assert REGISTRY.rules["W105"].severity is Severity.ERROR
