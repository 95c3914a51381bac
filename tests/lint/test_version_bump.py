"""`jobdocs lint --base REV` and A108 as a user runs them: in a real git repository, from
the command line and the library, in worker processes, with configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

import jobdocs
from gitrev.repo import GitRepo, isolate_git
from jobdocs.cli import main
from jobdocs.lint import Linter

ROLE = """\
jobdocs: 1
kind: role
id: clerk
language: en
title: Clerk
document: {number: JD-1, version: 2}
general: [The employee reports to the Director.]
functions: [Prepare the monthly report.]
rights: [To receive the information needed for the work.]
responsibility: [Failure to perform the duties.]
"""
CHANGED = ROLE.replace("monthly", "weekly")
BUMPED = CHANGED.replace("version: 2", "version: 3")


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """A repository whose first commit has a spec root with roles/clerk.yaml; the current
    folder."""
    isolate_git(monkeypatch, ceiling=tmp_path.parent)
    made = GitRepo(tmp_path / "repo")
    made.commit({"jobdocs.toml": "", "roles/clerk.yaml": ROLE}, "base")
    monkeypatch.chdir(made.top)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return made


def test_a_change_without_a_bump_fails(repo: GitRepo,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    repo.write({"roles/clerk.yaml": CHANGED})
    assert main(["lint", "--no-color"]) == 0
    assert main(["lint", "--no-color", "--base", "main"]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "roles/clerk.yaml:6:35: A108 error the spec changed since `main` (at "
        "`functions[0]`), but `document.version` is still 2",
        "    raise `document.version` to 3",
    ]
    repo.write({"roles/clerk.yaml": BUMPED})
    assert main(["lint", "--base", "main", "roles"]) == 0


def test_only_comments_and_layout_changed(repo: GitRepo) -> None:
    edited = ("# Reviewed by HR.\n" + ROLE.replace("title: Clerk", "title:   'Clerk'  # ok")
              .replace("document: {number: JD-1, version: 2}",
                       "document:\n  version: 2\n  number: JD-1\n"))
    repo.write({"roles/clerk.yaml": edited})
    assert jobdocs.lint("roles", base="main") == []


def test_a_changed_parent_fails_its_children(repo: GitRepo) -> None:
    child = ("jobdocs: 1\nkind: role\nid: clerk-2\nextends: clerk.yaml\n"
             "document: {number: JD-2, version: 1}\n")
    repo.commit({"roles/child.yaml": child})
    repo.write({"roles/clerk.yaml": CHANGED})
    found = jobdocs.lint("roles", base="HEAD")
    assert [(f.code, f.location.file.name, f.location.line) for f in found] == [
        ("A108", "child.yaml", 5), ("A108", "clerk.yaml", 6)]
    repo.write({"roles/clerk.yaml": BUMPED})
    assert [f.location.file.name for f in jobdocs.lint("roles", base="HEAD")] == ["child.yaml"]


def test_a_new_spec_passes(repo: GitRepo) -> None:
    repo.write({"roles/new.yaml": ROLE.replace("id: clerk", "id: new")})
    assert jobdocs.lint("roles", base="main") == []


def test_configuration_and_suppression(repo: GitRepo) -> None:
    repo.write({"roles/clerk.yaml": CHANGED})
    assert [f.code for f in jobdocs.lint("roles", base="main")] == ["A108"]
    repo.write({"jobdocs.toml": 'ignore = ["version-not-bumped"]\n'})
    assert jobdocs.lint("roles", base="main") == []
    repo.write({"jobdocs.toml": "",
                "roles/clerk.yaml": "# jobdocs: ignore-file[A108]\n" + CHANGED})
    assert jobdocs.lint("roles", base="main") == []
    assert [f.code for f in Linter(ignore=["A1"], base="main").run(
        [Path("roles/clerk.yaml")]).findings] == []


def test_without_base_the_rule_is_silent(repo: GitRepo,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    repo.write({"roles/clerk.yaml": CHANGED})
    assert jobdocs.lint("roles") == []
    assert main(["rules", "A108"]) == 0
    assert "--base" in capsys.readouterr().out


def test_worker_processes(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    from jobdocs.lint import parallel

    calls: list[int] = []
    real = parallel.lint_in_workers

    def spy(linter: Linter, paths: list[Path]) -> object:
        calls.append(len(paths))
        return real(linter, paths)

    monkeypatch.setattr(parallel, "lint_in_workers", spy)
    specs = {f"roles/r{n:02d}.yaml": ROLE.replace("id: clerk", f"id: r{n}") for n in range(60)}
    repo.commit(specs)
    repo.write({name: CHANGED.replace("id: clerk", f"id: r{n}")
                for n, name in enumerate(specs) if n % 7 == 0})
    one = Linter(base="main").run(sorted(Path("roles").glob("*.yaml"))).findings
    many = Linter(base="main", jobs=2).run(sorted(Path("roles").glob("*.yaml"))).findings
    assert calls == [61]
    assert many == one
    assert [f.location.file.name for f in one] == [f"r{n:02d}.yaml" for n in range(0, 60, 7)]
    assert main(["lint", "-j", "2", "--base", "HEAD", "roles"]) == 1


def test_an_unknown_revision_is_one_error(repo: GitRepo,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", "--base", "no-such-branch"]) == 2
    captured = capsys.readouterr()
    errors = [line for line in captured.err.splitlines() if line.startswith("jobdocs:")]
    assert errors == ["jobdocs: error: unknown revision `no-such-branch`"]
    assert "Traceback" not in captured.err and captured.out == ""


def test_outside_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                              capsys: pytest.CaptureFixture[str]) -> None:
    isolate_git(monkeypatch, ceiling=tmp_path.parent)
    (tmp_path / "clerk.yaml").write_text(ROLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["lint", "--base", "main", "clerk.yaml"]) == 2
    assert "not a git repository" in capsys.readouterr().err


def test_a_file_outside_the_repository(repo: GitRepo, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "elsewhere.yaml").write_text(ROLE, encoding="utf-8")
    assert main(["lint", "--base", "main", str(tmp_path / "elsewhere.yaml")]) == 2
    assert "is not in the git repository" in capsys.readouterr().err
