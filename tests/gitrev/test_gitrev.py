"""Specs at a git revision: ``REV:PATH`` arguments, extraction with the files a spec
references as they were then, and one clear error for everything that can go wrong."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import jobdocs
from jobdocs.api import references
from jobdocs.errors import UsageError
from jobdocs.gitrev import BaseRevision, open_spec, parse_spec_argument
from jobdocs.gittree import safe_relative
from jobdocs.models import Role

from .repo import GitRepo

ORG = """\
jobdocs: 1
kind: organization
id: acme
name: {en: NAME}
"""
ROLE = """\
jobdocs: 1
kind: role
id: clerk
organization: ../org/acme.yaml
language: en
title: Clerk
document: {number: JD-1, version: 1}
general: [The employee reports to the Director.]
functions: [Prepare the monthly report.]
rights: [To receive the information needed for the work.]
responsibility: [Failure to perform the duties.]
"""


def _specs(org_name: str = "Acme LLC", role: str = ROLE) -> dict[str, str | bytes]:
    return {"jobdocs.toml": "", "org/acme.yaml": ORG.replace("NAME", org_name),
            "roles/clerk.yaml": role}


def _error(arg: str) -> UsageError:
    with pytest.raises(UsageError) as caught, open_spec(arg):
        pass
    return caught.value


# -- parsing ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("arg", "expected"), [
    ("HEAD~1:roles/am.yaml", ("HEAD~1", "roles/am.yaml")),
    ("origin/main:./am.yaml", ("origin/main", "./am.yaml")),
    ("roles/am.yaml", (None, "roles/am.yaml")),
    ("HEAD:roles/a:b.yaml", ("HEAD", "roles/a:b.yaml")),
    ("HEAD@{2026-01-01 10:00:00}:am.yaml", ("HEAD@{2026-01-01 10:00:00}", "am.yaml")),
    ("C:\\specs\\am.yaml", (None, "C:\\specs\\am.yaml")),
    ("C:/specs/am.yaml", (None, "C:/specs/am.yaml")),
])
def test_parse_spec_argument(arg: str, expected: tuple[str | None, str], tmp_path: Path,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert parse_spec_argument(arg) == expected


def test_an_existing_file_with_a_colon_is_a_path(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "HEAD:am.yaml").write_text("x", encoding="utf-8")
    assert parse_spec_argument("HEAD:am.yaml", cwd=tmp_path) == (None, "HEAD:am.yaml")
    monkeypatch.chdir(tmp_path)
    assert parse_spec_argument("HEAD:am.yaml") == (None, "HEAD:am.yaml")
    with open_spec("HEAD:am.yaml") as spec:
        assert (spec.path, spec.revision, spec.root) == (Path("HEAD:am.yaml"), None, None)


@pytest.mark.parametrize(("arg", "message"), [
    (":roles/am.yaml", "git's index"),
    (":0:roles/am.yaml", "git's index"),
    (":2026/am.yaml", "git's index"),
    ("HEAD:", "no file"),
])
def test_parse_refuses_an_empty_revision_or_path(arg: str, message: str) -> None:
    with pytest.raises(UsageError, match=message) as caught:
        parse_spec_argument(arg)
    assert caught.value.hint


def test_a_plain_path_is_passed_through(tmp_path: Path) -> None:
    with open_spec("roles/am.yaml") as spec:
        assert spec.path == Path("roles/am.yaml")
        assert (spec.display, spec.revision, spec.root) == ("roles/am.yaml", None, None)
    with open_spec("roles/am.yaml", cwd=tmp_path) as spec:
        assert spec.path == tmp_path / "roles/am.yaml"


# -- extraction ------------------------------------------------------------------------------

def test_references_are_read_as_they_were_at_the_revision(repo: GitRepo) -> None:
    repo.commit(_specs("Old Name LLC"))
    repo.write(_specs("New Name LLC"))
    with open_spec("HEAD:roles/clerk.yaml") as old:
        assert old.display == "HEAD:roles/clerk.yaml"
        assert old.revision == "HEAD"
        assert old.root is not None and old.path.is_relative_to(old.root)
        model = jobdocs.load(old.path)
        assert isinstance(model, Role)
        organization = references(model).organization
        assert organization is not None and organization.name.root == {"en": "Old Name LLC"}
        root = old.root
    assert not root.exists()
    current = jobdocs.load(repo.top / "roles/clerk.yaml")
    assert isinstance(current, Role)
    organization = references(current).organization
    assert organization is not None and organization.name.root == {"en": "New Name LLC"}


def test_an_extends_parent_is_read_at_the_revision(repo: GitRepo) -> None:
    parent = ROLE.replace("id: clerk", "id: base")
    child = ("jobdocs: 1\nkind: role\nid: clerk-2\nextends: base.yaml\ntitle: Clerk 2\n"
             "document: {number: JD-2}\n")
    repo.commit({**_specs(), "roles/base.yaml": parent, "roles/child.yaml": child})
    repo.commit({"roles/base.yaml": parent.replace("monthly report", "weekly report")})
    with open_spec("HEAD~1:roles/child.yaml") as old, open_spec("HEAD:roles/child.yaml") as new:
        before, after = jobdocs.load(old.path), jobdocs.load(new.path)
    assert isinstance(before, Role) and isinstance(after, Role)
    assert before.functions[0].text.root == "Prepare the monthly report."
    assert after.functions[0].text.root == "Prepare the weekly report."


def test_paths_follow_git_top_or_current_folder(repo: GitRepo,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repo.commit(_specs())
    with open_spec("HEAD:roles/clerk.yaml") as spec:
        assert spec.path.read_text(encoding="utf-8") == ROLE
    monkeypatch.chdir(repo.top / "roles")
    with open_spec("HEAD:./clerk.yaml") as spec, \
            open_spec("HEAD:../org/acme.yaml") as org, \
            open_spec("HEAD:roles/clerk.yaml") as top:
        assert spec.path.read_text(encoding="utf-8") == ROLE
        assert "kind: organization" in org.path.read_text(encoding="utf-8")
        assert top.path.read_text(encoding="utf-8") == ROLE
    hint = _error("HEAD:clerk.yaml").hint
    assert hint is not None and "HEAD:./clerk.yaml" in hint


def test_a_file_name_with_a_colon(repo: GitRepo) -> None:
    repo.commit({**_specs(), "roles/a:b.yaml": ROLE})
    repo.write({"roles/a:b.yaml": "changed"})
    with open_spec("HEAD:roles/a:b.yaml") as spec:
        assert spec.path.name == "a:b.yaml"
        assert spec.path.read_text(encoding="utf-8") == ROLE


def test_the_spec_root_of_the_revision_is_extracted(repo: GitRepo) -> None:
    repo.commit({**_specs(), "README.txt": "not a spec", "other/x.yaml": "x: 1\n"})
    with open_spec("HEAD:roles/clerk.yaml") as spec:
        assert spec.root is not None
        names = sorted(p.relative_to(spec.root).as_posix() for p in spec.root.rglob("*"))
    assert names == ["README.txt", "jobdocs.toml", "org", "org/acme.yaml", "other",
                     "other/x.yaml", "roles", "roles/clerk.yaml"]


def test_without_a_configuration_the_root_is_the_file_folder(repo: GitRepo) -> None:
    repo.commit({"specs/clerk.yaml": ROLE, "elsewhere/x.yaml": "x: 1\n"})
    with open_spec("HEAD:specs/clerk.yaml") as spec:
        assert spec.root is not None
        assert sorted(p.name for p in spec.root.iterdir()) == ["clerk.yaml", "jobdocs.toml"]


def test_a_pyproject_with_a_jobdocs_table_is_a_root(repo: GitRepo) -> None:
    files = _specs()
    del files["jobdocs.toml"]
    repo.commit({**files, "pyproject.toml": "[project]\nname = 'x'\n\n[tool.jobdocs]\n"})
    with open_spec("HEAD:roles/clerk.yaml") as spec:
        assert spec.root is not None
        assert (spec.root / "org/acme.yaml").is_file()
        assert not (spec.root / "jobdocs.toml").exists()


def test_symlinks_are_not_extracted(repo: GitRepo) -> None:
    repo.commit(_specs())
    (repo.top / "roles/link.yaml").symlink_to("/etc/passwd")
    (repo.top / "org/up").symlink_to("..")
    repo.commit()
    with open_spec("HEAD:roles/clerk.yaml") as spec:
        assert spec.root is not None
        assert not any(p.is_symlink() for p in spec.root.rglob("*"))
        assert not (spec.root / "roles/link.yaml").exists()
    assert "is a symbolic link at `HEAD`" in str(_error("HEAD:roles/link.yaml"))


def test_a_stored_path_never_leaves_the_folder() -> None:
    assert safe_relative("roles/am.yaml")
    for bad in ("", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", ".git/config",
                "a/.GIT/hooks", "a\x00b"):
        assert not safe_relative(bad), bad


def test_the_folder_is_removed_after_an_error(repo: GitRepo) -> None:
    repo.commit(_specs())
    with pytest.raises(RuntimeError), open_spec("HEAD:roles/clerk.yaml") as spec:
        root = spec.root
        raise RuntimeError
    assert root is not None and not root.exists()


# -- errors ----------------------------------------------------------------------------------

def _error(arg: str) -> UsageError:
    with pytest.raises(UsageError) as caught, open_spec(arg):
        pass
    return caught.value


def test_a_file_missing_at_the_revision(repo: GitRepo) -> None:
    repo.commit(_specs())
    repo.write({"roles/new.yaml": ROLE})
    error = _error("HEAD:roles/new.yaml")
    assert str(error) == "`HEAD:roles/new.yaml`: `roles/new.yaml` does not exist at `HEAD`"
    assert error.hint is not None
    assert _error("HEAD:roles/clerk.yml").hint == "did you mean `HEAD:roles/clerk.yaml`?"
    assert "is a folder" in str(_error("HEAD:roles"))
    assert "outside the repository" in str(_error("HEAD:../x.yaml"))
    assert "absolute" in str(_error(f"HEAD:{repo.top}/roles/clerk.yaml"))


def test_an_unknown_revision(repo: GitRepo) -> None:
    repo.commit(_specs())
    error = _error("no-such-branch:roles/clerk.yaml")
    assert str(error) == "unknown revision `no-such-branch`"
    assert error.hint is not None and "fetch-depth: 0" in error.hint
    assert "no file named `no-such-branch:roles/clerk.yaml`" in error.hint
    assert "not a revision" in str(_error("--output=x:roles/clerk.yaml"))
    with pytest.raises(UsageError, match="names a path inside a revision"):
        BaseRevision("HEAD:roles")


def test_a_repository_without_commits(repo: GitRepo) -> None:
    assert str(_error("HEAD:roles/clerk.yaml")) == "unknown revision `HEAD`"


def test_not_a_repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    monkeypatch.chdir(folder)
    error = _error("HEAD:roles/clerk.yaml")
    assert str(error).startswith("cannot use git here: not a git repository")
    assert error.hint is not None


def test_git_is_not_installed(repo: GitRepo, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.commit(_specs())
    monkeypatch.setenv("PATH", "")
    error = _error("HEAD:roles/clerk.yaml")
    assert str(error) == "git is not installed (or not on PATH)"


def test_binary_and_oversized_files(repo: GitRepo) -> None:
    repo.commit({**_specs(), "roles/logo.yaml": b"\x89PNG\r\n\x1a\n\x00\x00",
                 "roles/huge.yaml": b"# " + b"x" * (4 * 1024 * 1024) + b"\n"})
    assert "is a binary file" in str(_error("HEAD:roles/logo.yaml"))
    assert "bytes; the limit is" in str(_error("HEAD:roles/huge.yaml"))
    with BaseRevision("HEAD") as base:
        huge = base.file_at(repo.top / "roles/huge.yaml")
        assert huge is not None and huge.stat().st_size == 4 * 1024 * 1024 + 3
        findings = jobdocs.validate(huge)
    assert [f.code for f in findings] == ["S003"]


# -- a base revision for many files ----------------------------------------------------------

def test_base_revision_answers_for_work_tree_files(repo: GitRepo, tmp_path: Path) -> None:
    repo.commit(_specs("Old Name LLC"))
    repo.write({**_specs("New Name LLC"), "roles/new.yaml": ROLE})
    outside = tmp_path / "outside.yaml"
    outside.write_text(ROLE, encoding="utf-8")
    with BaseRevision("HEAD", cwd=repo.top / "roles") as base:
        old = base.file_at(Path("roles/clerk.yaml"))
        assert old is not None and old.read_text(encoding="utf-8") == ROLE
        org = base.file_at(repo.top / "org" / "acme.yaml")
        assert org is not None and "Old Name LLC" in org.read_text(encoding="utf-8")
        assert org.parent.parent == old.parent.parent  # one extraction of the spec root
        assert base.file_at(repo.top / "roles/new.yaml") is None
        assert base.file_at(outside) is None
        with pytest.raises(UsageError, match="is not in the git repository"):
            base.prepare([outside])
        copy = pickle.loads(pickle.dumps(base))
        assert copy.file_at(repo.top / "roles/clerk.yaml") == old
        copy.close()  # a copy removes nothing: it did not extract
        assert old.exists()
        folder = old.parent.parent
    assert not folder.exists()


def test_a_copy_does_not_extract(repo: GitRepo) -> None:
    repo.commit({**_specs(), "more/jobdocs.toml": "", "more/x.yaml": ROLE})
    with BaseRevision("HEAD") as base:
        base.prepare([repo.top / "roles/clerk.yaml"])
        copy = pickle.loads(pickle.dumps(base))
        assert copy.file_at(repo.top / "org/acme.yaml") is not None
        assert copy.file_at(repo.top / "roles/missing.yaml") is None
        with pytest.raises(RuntimeError, match="a copy only reads"):
            copy.file_at(repo.top / "more/x.yaml")
    with pytest.raises(RuntimeError, match="a copy only reads"):
        base.file_at(repo.top / "roles/clerk.yaml")


def test_a_hostile_tree_cannot_write_outside(repo: GitRepo, tmp_path: Path) -> None:
    """Git stores trees whose entries are named `..`, `.` or `.git` (`git mktree` makes them;
    a checkout refuses them): extraction skips them."""
    def tree(entries: list[tuple[str, str, str, str]]) -> str:
        text = "".join(f"{mode} {kind} {oid}\t{name}\n" for mode, kind, oid, name in entries)
        return repo.git("mktree", input_text=text)

    blob = repo.git("hash-object", "-w", "--stdin", input_text=ROLE)
    empty = repo.git("hash-object", "-w", "--stdin", input_text="")
    escape = tree([("100644", "blob", blob, "escaped.yaml")])
    dotgit = tree([("100644", "blob", blob, "config")])
    roles = tree([("100644", "blob", blob, "clerk.yaml"), ("040000", "tree", escape, ".."),
                  ("040000", "tree", dotgit, ".git")])
    top = tree([("100644", "blob", empty, "jobdocs.toml"), ("040000", "tree", roles, "roles"),
                ("040000", "tree", escape, "..")])
    commit = repo.git("commit-tree", top, "-m", "hostile")
    with open_spec(f"{commit}:roles/clerk.yaml") as spec:
        assert spec.root is not None
        names = sorted(p.relative_to(spec.root).as_posix() for p in spec.root.rglob("*"))
        assert spec.path.read_text(encoding="utf-8") == ROLE
    assert names == ["jobdocs.toml", "roles", "roles/clerk.yaml"]
    assert not list(tmp_path.parent.rglob("escaped.yaml"))
