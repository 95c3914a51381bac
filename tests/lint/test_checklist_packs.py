"""The jurisdiction checklist packs as data: every shipped pack is valid, ships in the wheel,
keeps its codes for good, and a malformed pack is a clear error with its line."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from jobdocs.errors import ConfigError
from jobdocs.lint import default_registry
from jobdocs.lint.checklist import (
    PACK_PREFIXES,
    PackError,
    load_pack,
    shipped_pack_files,
    shipped_packs,
)
from jobdocs.lint.checklist.schema import leaf_type

REPO = Path(__file__).resolve().parents[2]
CODES = Path(__file__).parent / "checklist_codes.txt"
PACK_NAMES = [f.name for f in shipped_pack_files()]

SMALL = """\
jurisdiction: GE
title: Test pack
source: https://example.org
requirements:
  - id: working-time
    code: L101
    citation: Labour Code — working time
    require: [[terms.working_time.hours_per_week, terms.working_time.schedule]]
    message: {en: no working time, ka: სამუშაო დრო, ru: нет рабочего времени}
  - id: probation-limit
    code: L102
    citation: Labour Code — probation
    max: {path: terms.probation.months, value: 6}
    message: {en: "{value} months", ka: "{value} თვე", ru: "{value} мес."}
"""


def test_the_four_packs_ship() -> None:
    assert PACK_NAMES == ["EU.yaml", "GE.yaml", "RU.yaml", "UK.yaml"]
    assert [p.jurisdiction for p in shipped_packs()] == ["EU", "GE", "RU", "UK"]


@pytest.mark.parametrize("name", PACK_NAMES)
def test_every_shipped_pack_is_valid(name: str) -> None:
    (file,) = [f for f in shipped_pack_files() if f.name == name]
    pack = load_pack(file)  # raises PackError, naming every problem, when it is not
    for req in pack.requirements:
        assert req.code.startswith(PACK_PREFIXES[pack.jurisdiction])
        for path in req.paths:
            leaf_type(path)
        assert "Art." not in req.citation or pack.jurisdiction != "GE", \
            "Georgian article numbers are unverified: cite the provision, not a number"


def test_codes_are_stable_and_never_reused() -> None:
    """tests/lint/checklist_codes.txt lists every code ever given to a requirement. A code
    keeps its requirement; a removed requirement's code is retired in its pack. A new
    requirement is added to the list."""
    snapshot = {}
    for line in CODES.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, jurisdiction, req_id = line.split()
            snapshot[code] = (jurisdiction, req_id)
    current = {r.code: (p.jurisdiction, r.id) for p in shipped_packs() for r in p.requirements}
    retired = {code for p in shipped_packs() for code in p.retired}
    for code, owner in snapshot.items():
        assert current.get(code) == owner or code in retired, \
            f"{code} was {owner}: keep it, or retire the code in the pack"
    assert not set(current) - set(snapshot), "add new codes to tests/lint/checklist_codes.txt"


def test_every_requirement_is_a_rule() -> None:
    registry = default_registry()
    for pack in shipped_packs():
        codes = registry.select(PACK_PREFIXES[pack.jurisdiction])
        assert codes == [r.code for r in pack.requirements]
        for req in pack.requirements:
            rule = registry.rules[req.code]
            assert rule.name == f"{pack.jurisdiction.lower()}-{req.id}"
            assert rule.severity.value == req.severity
            assert registry.get(rule.name) is rule


def test_packs_are_in_the_wheel(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "--wheel-dir", str(tmp_path), str(REPO)],
                   check=True, capture_output=True)
    (wheel,) = tmp_path.glob("jobdocs-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in PACK_NAMES:
            assert f"jobdocs/lint/packs/{name}" in names
        (tmp_path / "GE.yaml").write_bytes(archive.read("jobdocs/lint/packs/GE.yaml"))
    assert load_pack(tmp_path / "GE.yaml").jurisdiction == "GE"


def _load(tmp_path: Path, text: str, name: str = "GE.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert isinstance(caught.value, ConfigError)  # the CLI prints it and exits with 2
    return caught.value.message


def test_the_small_pack_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "GE.yaml"
    path.write_text(SMALL, encoding="utf-8")
    pack = load_pack(path)
    assert [r.code for r in pack.requirements] == ["L101", "L102"]
    assert pack.next_code() == "L103"


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    message: {en: no", "    mesage: {en: no",
     "GE.yaml:9: requirements[0] (working-time): unknown key `mesage`; did you mean "
     "`message`?"),
    ("terms.working_time.schedule]]", "terms.working_hours]]",
     "GE.yaml:8: requirements[0].require[0][1] (working-time): `terms.working_hours` is not "
     "in the contract format: `terms` has no `working_hours`; did you mean "
     "`terms.working_time`?"),
    ("[[terms.working_time.hours_per_week,", "[[employee.name.first,",
     "`employee.name.first` is not in the contract format: `employee.name` has no keys"),
    (", ru: нет рабочего времени}", "}",
     "GE.yaml:9: requirements[0].message (working-time): `ru` is missing (every message is "
     "written in en, ka and ru)"),
    ("path: terms.probation.months", "path: terms.workplace",
     "GE.yaml:13: requirements[1].max.path (probation-limit): `terms.workplace` is not a "
     "number, so it cannot have a `max` or `min`"),
    ("{en: no working time,", "{en: \"no {value}\",",
     "requirements[0] (working-time): the message uses `{value}`; it may use no "
     "placeholders: `{value}` is only for `max` and `min`"),
    ("{en: \"{value} months\"", "{en: \"{value months\"", "unmatched brace"),
    ("    code: L102", "    code: L101",
     "GE.yaml:11: requirements[1].code (probation-limit): `L101` is already the code of "
     "`working-time`; use L102"),
    ("    code: L102", "    code: L202",
     "`L202` is outside this pack's codes (L1xx); use L102"),
    ("    code: L102\n", "",
     "GE.yaml:10: requirements[1] (probation-limit): `code` is missing; the next free code "
     "of this pack is L102"),
    ("requirements:", "retired: [L102]\nrequirements:",
     "`L102` is retired and never used again; use L103"),
    ("    max: {path", "    require: [[role]]\n    max: {path",
     "a requirement has exactly one of `require`, `max` and `min` (this one has require, "
     "max)"),
    ("jurisdiction: GE", "jurisdiction: GE\njurisdiction: RU",
     "GE.yaml:2: the key `jurisdiction` appears twice"),
    ("jurisdiction: GE", "jurisdiction: FR", "GE.yaml:1: jurisdiction: Input should be"),
])
def test_a_malformed_pack_says_what_is_wrong(tmp_path: Path, old: str, new: str,
                                            expected: str) -> None:
    assert old in SMALL
    message = _load(tmp_path, SMALL.replace(old, new, 1))
    assert expected in message, message


def test_every_problem_is_listed_with_its_line(tmp_path: Path) -> None:
    text = SMALL.replace("terms.working_time.schedule]]", "terms.schedule]]").replace(
        ", ru: \"{value} мес.\"}", "}")
    message = _load(tmp_path, text)
    assert message.startswith("the checklist pack is not valid (2 problems):")
    assert "GE.yaml:8:" in message and "GE.yaml:14:" in message


def test_the_file_is_named_after_its_jurisdiction(tmp_path: Path) -> None:
    message = _load(tmp_path, SMALL, name="georgia.yaml")
    assert "the pack of GE must be named GE.yaml, not georgia.yaml" in message
