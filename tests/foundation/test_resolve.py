"""resolve.py: references, the spec root, extends-merge by item id."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jobdocs.api import check
from jobdocs.resolve import find_spec_root

from .specs import ORG, ROLE, write


def codes(result) -> list[str]:
    return [f.code for f in result.findings]


def test_spec_root_is_the_nearest_folder_with_config(tmp_path: Path) -> None:
    (tmp_path / "jobdocs.toml").write_text("")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_spec_root(deep / "x.yaml") == tmp_path.resolve()


def test_pyproject_with_tool_table_marks_the_root(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.jobdocs]\nselect = []\n")
    (tmp_path / "sub").mkdir()
    assert find_spec_root(tmp_path / "sub" / "x.yaml") == tmp_path.resolve()


def test_without_config_the_root_is_the_files_folder(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    assert find_spec_root(tmp_path / "sub" / "x.yaml") == (tmp_path / "sub").resolve()


def test_extends_replaces_removes_and_appends_by_id(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    write(spec_root, "base.yaml", ROLE)
    child = write(spec_root, "child.yaml", """\
        jobdocs: 1
        kind: role
        id: child
        extends: base.yaml
        title: {ka: უფროსი მენეჯერი, en: Senior Manager}
        document: {number: JD-2}
        functions:
          - {id: two, text: {ka: ახალი მეორე, en: New second}}
          - {id: one, remove: true}
          - {id: four, text: {ka: მეოთხე, en: Fourth}}
        """)
    result = check(child)
    assert codes(result) == []
    role = result.model
    assert [f.id for f in role.functions] == ["two", "three", "four"]
    assert role.functions[0].text.get("en", "ka") == "New second"
    assert role.id == "child" and role.extends is None
    # mappings merge key by key: the child's number, the parent's status and date
    assert role.document.number == "JD-2" and role.document.status == "draft"
    assert str(role.document.effective_date) == "2026-12-01"


def test_a_problem_in_an_inherited_part_points_at_the_parent(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    write(spec_root, "base.yaml", ROLE.replace("Third}", "Third, de: 5}"))
    child = write(spec_root, "child.yaml", """\
        jobdocs: 1
        kind: role
        id: child
        extends: base.yaml
        document: {number: JD-2}
        """)
    result = check(child)
    bad = [f for f in result.findings if f.code == "S103"]
    assert bad and all(f.location.file.name == "base.yaml" for f in bad)
    assert bad[0].location.line == 12


def test_extends_cycle_shows_the_chain(spec_root: Path) -> None:
    write(spec_root, "a.yaml", "jobdocs: 1\nkind: role\nid: a\nextends: b.yaml\n")
    write(spec_root, "b.yaml", "jobdocs: 1\nkind: role\nid: b\nextends: a.yaml\n")
    result = check(spec_root / "a.yaml")
    cycle = [f for f in result.findings if f.code == "R002"]
    assert cycle, result.findings
    assert "a.yaml → b.yaml → a.yaml" in cycle[0].message


def test_missing_extends_target_has_a_did_you_mean(spec_root: Path) -> None:
    write(spec_root, "base.yaml", ROLE.replace("organization: org.yaml\n", ""))
    child = write(spec_root, "child.yaml",
                  "jobdocs: 1\nkind: role\nid: c\nextends: bsae.yaml\n")
    result = check(child)
    (finding,) = [f for f in result.findings if f.code == "R001"]
    assert finding.location.line == 4 and finding.location.column == 10
    assert finding.hint == "did you mean `base.yaml`?"


def test_reference_outside_the_root_is_refused(spec_root: Path) -> None:
    (spec_root.parent / "outside.yaml").write_text(ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("org.yaml", "../outside.yaml"))
    assert "R003" in codes(check(role))


def test_absolute_reference_is_refused(spec_root: Path) -> None:
    role = write(spec_root, "r.yaml", ROLE.replace("org.yaml", "/etc/passwd"))
    assert "R003" in codes(check(role))


def test_symlink_leaving_the_root_is_refused(spec_root: Path) -> None:
    outside = spec_root.parent / "secret.yaml"
    outside.write_text(ORG)
    os.symlink(outside, spec_root / "org.yaml")
    role = write(spec_root, "r.yaml", ROLE)
    assert "R003" in codes(check(role))


def test_directory_reference_is_refused(spec_root: Path) -> None:
    (spec_root / "org.yaml").mkdir()
    role = write(spec_root, "r.yaml", ROLE)
    assert "R006" in codes(check(role))


def test_reference_to_the_wrong_kind(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ROLE.replace("organization: org.yaml\n", ""))
    role = write(spec_root, "r.yaml", ROLE)
    assert "R005" in codes(check(role))


def test_removing_an_id_the_parent_lacks(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    write(spec_root, "base.yaml", ROLE)
    child = write(spec_root, "child.yaml", """\
        jobdocs: 1
        kind: role
        id: child
        extends: base.yaml
        functions:
          - {id: nine, remove: true}
        """)
    result = check(child)
    (finding,) = [f for f in result.findings if f.code == "R004"]
    assert finding.location.line == 6 and finding.location.file.name == "child.yaml"


def test_remove_without_extends(spec_root: Path) -> None:
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE + "rights:\n  - {id: x, remove: true}\n")
    assert "R004" in codes(check(role))


@pytest.mark.parametrize("ref", ["org.yaml", "./org.yaml", "sub/../org.yaml"])
def test_equivalent_relative_paths_resolve(spec_root: Path, ref: str) -> None:
    (spec_root / "sub").mkdir()
    write(spec_root, "org.yaml", ORG)
    role = write(spec_root, "r.yaml", ROLE.replace("organization: org.yaml",
                                                   f"organization: {ref}"))
    assert codes(check(role)) == []
