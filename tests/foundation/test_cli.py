"""The CLI as a user runs it: `validate`, `schema`, `init`, output and exit codes."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from jobdocs.cli import main

from .specs import ORG, ROLE, write

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]\d{3}) error ")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_validate_examples_exits_zero(capsys, examples: Path) -> None:
    code, out, err = run(capsys, "validate", str(examples))
    assert code == 0, out + err
    count = len(list(examples.rglob("*.yaml")))
    assert out == "" and f"{count} spec(s) valid" in err


BROKEN = {
    "unknown key": (ROLE.replace("title:", "titel:"), 7, "S101"),
    "wrong type": (ROLE.replace("version: 1", "version: first"), 8, "S103"),
    "bad date": (ROLE.replace("2026-12-01", "2026-02-30"), 8, "S007"),
    "duplicate key": (ROLE + "title: {ka: ა, en: b}\n", 13, "S004"),
    "broken yaml": (ROLE.replace("  - {id: two", "  - {id: two:"), 11, "S001"),
    "missing extends": (ROLE + "extends: nowhere.yaml\n", 13, "R001"),
    "outside root": (ROLE.replace("org.yaml", "../../org.yaml"), 4, "R003"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_each_broken_spec_gives_exit_1_and_a_located_line(capsys, spec_root: Path,
                                                          case: str) -> None:
    text, line, code_expected = BROKEN[case]
    write(spec_root, "org.yaml", ORG)
    spec = write(spec_root, "r.yaml", text)
    code, out, err = run(capsys, "validate", str(spec))
    assert code == 1
    assert "Traceback" not in out + err
    located = [m for m in map(LINE.match, out.splitlines()) if m]
    assert any(m["code"] == code_expected and int(m["line"]) == line
               and m["file"].endswith("r.yaml") for m in located), out


def test_extends_cycle_via_cli(capsys, spec_root: Path) -> None:
    write(spec_root, "a.yaml", "jobdocs: 1\nkind: role\nid: a\nextends: b.yaml\n")
    write(spec_root, "b.yaml", "jobdocs: 1\nkind: role\nid: b\nextends: a.yaml\n")
    code, out, _ = run(capsys, "validate", str(spec_root / "a.yaml"))
    assert code == 1 and re.search(r"[ab]\.yaml:4:10: R002 error ", out), out
    assert "S102" not in out


def test_json_output_has_the_design_keys(capsys, spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    spec = write(spec_root, "r.yaml", ROLE.replace("title:", "titel:"))
    code, out, _ = run(capsys, "validate", "--format", "json", str(spec))
    assert code == 1
    (item, *_) = json.loads(out)
    assert set(item) == {"file", "line", "column", "end_line", "end_column", "path", "code",
                         "severity", "message", "hint"}
    assert item["code"] == "S101" and item["line"] == 7 and item["path"] == "titel"


def test_missing_path_is_a_usage_error(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.yaml"))
    assert code == 2 and "does not exist" in err


def test_unknown_command_is_a_usage_error(capsys) -> None:
    assert run(capsys, "frobnicate")[0] == 2


def _as_json(value):
    return json.loads(json.dumps(value, default=str))


@pytest.mark.parametrize("kind, folder", [("role", "roles"), ("contract", "contracts"),
                                          ("organization", "org")])
def test_schema_validates_every_example(capsys, examples: Path, kind: str, folder: str) -> None:
    code, out, _ = run(capsys, "schema", kind)
    assert code == 0
    schema = json.loads(out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    validator = jsonschema.Draft202012Validator(schema,
                                                format_checker=jsonschema.FormatChecker())
    files = sorted((examples / folder).glob("*.yaml"))
    assert files
    for path in files:
        data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
        errors = list(validator.iter_errors(data))
        assert errors == [], (path, errors[:3])


def test_schema_rejects_an_unknown_key(capsys) -> None:
    run(capsys, "schema", "organization")
    _code, out, _ = run(capsys, "schema", "organization")
    validator = jsonschema.Draft202012Validator(json.loads(out))
    assert not validator.is_valid({"jobdocs": 1, "kind": "organization", "id": "x",
                                   "name": "N", "nmae": "typo"})


@pytest.mark.parametrize("lang", ["ka", "en", "ru"])
def test_init_writes_a_valid_set(capsys, spec_root: Path, lang: str) -> None:
    for kind in ("organization", "role", "contract"):
        code, _, err = run(capsys, "init", kind, "--lang", lang, "-o",
                           str(spec_root / f"{kind}.yaml"))
        assert code == 0, err
    text = (spec_root / "role.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=.jobdocs/schema/role.json\n")
    assert (spec_root / ".jobdocs/schema/role.json").is_file()
    code, out, err = run(capsys, "validate", str(spec_root))
    assert code == 0, out + err


def test_init_refuses_to_overwrite(capsys, spec_root: Path) -> None:
    (spec_root / "role.yaml").write_text("keep me")
    code, _, _err = run(capsys, "init", "role", "-o", str(spec_root / "role.yaml"))
    assert code == 2 and (spec_root / "role.yaml").read_text() == "keep me"


def test_validate_does_not_import_renderers(examples: Path) -> None:
    probe = (
        "import sys; from jobdocs.cli import main; "
        f"code = main(['validate', {str(examples)!r}]); "
        "heavy = [m for m in ('weasyprint', 'docxtpl', 'docx', 'pyhanko') if m in sys.modules]; "
        "print(code, heavy)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "0 []"


def test_console_script_help() -> None:
    exe = Path(sys.executable).parent / "jobdocs"
    done = subprocess.run([str(exe), "--help"], capture_output=True, text=True)
    assert done.returncode == 0 and "validate" in done.stdout


def test_version(capsys) -> None:
    import jobdocs

    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"jobdocs {jobdocs.__version__}"
