"""Specs as they were at a git revision: ``REV:PATH`` arguments and ``--base REV``.

``jobdocs diff HEAD~1:roles/am.yaml roles/am.yaml`` compares a spec with itself one commit
ago; ``jobdocs lint --base origin/main`` compares every spec with the branch it will be
merged into. Both need more than one file: a spec is loaded with the files it references
(its organization, the role it ``extends``, the role a contract annexes), and those are read
**as they were at that revision** too. So the spec root the file belongs to is extracted
from git into a temporary folder, and the spec is loaded from there.

**Paths** follow git's own rule for ``REV:PATH`` (as in ``git show REV:PATH``):

- ``REV:roles/am.yaml`` is relative to the **top of the repository**, wherever you are;
- ``REV:./am.yaml`` and ``REV:../org/acme.yaml`` are relative to the **current folder**.

**The spec root** at a revision is found as :func:`jobdocs.resolve.find_spec_root` finds it
in the work tree, but in that revision's tree: the nearest folder, from the file's own up to
the top of the repository, that then held a regular ``jobdocs.toml`` or a ``pyproject.toml``
with ``[tool.jobdocs]``; else the file's own folder. The revision's own layout is what loads
that revision's specs as they were, even if a later commit moved the configuration; a
configuration outside the repository is not seen. The extracted root always has a
configuration file at its top (an empty ``jobdocs.toml`` is written when the root was the
file's folder), so loading a file from it never looks above the temporary folder.

Only regular files are extracted: a symbolic link or a submodule at the revision is left out
(a reference to one is reported as missing). The limits are in :mod:`jobdocs.gittree`.
"""

from __future__ import annotations

import difflib
import os
import posixpath
import re
import shutil
import tempfile
import weakref
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jobdocs.errors import UsageError
from jobdocs.gittree import GitRepository, TreeEntry, extract, write_new
from jobdocs.resolve import CONFIG_FILE
from jobdocs.source import DEFAULT_LIMITS

_DRIVE = re.compile(r"^[A-Za-z]:[\\/]")
_STAGE = re.compile(r"^[0-3]:")


def parse_spec_argument(arg: str, *, cwd: Path | None = None) -> tuple[str | None, str]:
    """Split a spec argument into ``(revision, path)``: ``REV:PATH`` gives both, a plain
    path gives ``(None, path)``.

    >>> parse_spec_argument("HEAD~1:roles/am.yaml")
    ('HEAD~1', 'roles/am.yaml')
    >>> parse_spec_argument("roles/am.yaml")
    (None, 'roles/am.yaml')

    An argument that names an existing file or folder (relative to ``cwd``, by default the
    current folder) is a path even if it holds a colon, and so is a Windows path with a
    drive letter (``C:\\specs\\am.yaml``, ``C:/specs/am.yaml``). Otherwise the argument is
    split at its first colon outside braces, as git splits it
    (``HEAD@{2026-01-01 10:00}:am.yaml``). An empty revision (``:am.yaml``, which names git's
    index) or an empty path (``HEAD:``) is a :class:`UsageError`.
    """
    where = os.path.join(cwd, arg) if cwd is not None else arg
    if _DRIVE.match(arg) or os.path.exists(where):
        return None, arg
    colon = _revision_colon(arg)
    if colon is None:
        return None, arg
    revision, path = arg[:colon], arg[colon + 1:]
    if not revision:
        raise UsageError(f"`{arg}` names a file in git's index; jobdocs reads commits",
                         hint=f"name a revision, e.g. `HEAD:{_STAGE.sub('', path)}`")
    if not path:
        raise UsageError(f"`{arg}` names a revision but no file",
                         hint=f"add the spec's path, e.g. `{revision}:roles/am.yaml`")
    return revision, path


def _revision_colon(arg: str) -> int | None:
    depth = 0
    for index, char in enumerate(arg):
        if char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif char == ":" and not depth:
            return index
    return None


@dataclass(frozen=True)
class SpecAt:
    """A spec argument made ready to load."""

    path: Path
    """The file to load: the argument's own file, or its copy in the extracted tree."""
    display: str
    """How to name it to the user: the argument itself (``HEAD~1:roles/am.yaml``)."""
    revision: str | None
    """The revision as written, or ``None`` for a file of the work tree."""
    root: Path | None
    """The temporary folder holding the extracted spec root, or ``None`` for a plain
    path."""


@contextmanager
def open_spec(arg: str, *, cwd: Path | None = None) -> Iterator[SpecAt]:
    """The spec that ``arg`` names, ready to load, for the duration of the ``with`` block.

    >>> with open_spec("HEAD~1:roles/am.yaml") as old, open_spec("roles/am.yaml") as new:
    ...     before, after = jobdocs.load(old.path), jobdocs.load(new.path)

    A plain path is passed through (not checked: loading it reports what is wrong). For
    ``REV:PATH`` the spec root is extracted into a temporary folder that is removed when the
    block ends. A missing git, a folder outside a repository, an unknown revision, a file
    that did not exist at that revision, or one that is binary or larger than the loader's
    limit is a :class:`UsageError` with a hint.
    """
    revision, path = parse_spec_argument(arg, cwd=cwd)
    if revision is None:
        file = Path(path)
        yield SpecAt(cwd / file if cwd is not None else file, arg, None, None)
        return
    try:
        base = BaseRevision(revision, cwd=cwd)
    except UsageError as exc:
        raise UsageError(exc.message, hint=f"{exc.hint}; there is no file named `{arg}` "
                                           f"either" if exc.hint else None) from exc
    with base:
        file, root = base.extract(path, display=arg)
        yield SpecAt(file, arg, revision, root)


class BaseRevision:
    """One revision of the repository that holds ``cwd``, from which specs are extracted
    as they are asked for: each spec root once, into a temporary folder that :meth:`close`
    (or the end of a ``with`` block) removes.

    >>> with BaseRevision("origin/main") as base:
    ...     old = base.file_at(Path("roles/am.yaml"))   # None: the file is new

    An unknown revision, a missing git or a folder outside a repository is a
    :class:`UsageError` at construction. The object pickles, so that lint workers can read
    what the parent extracted: call :meth:`prepare` with every file first, since only the
    object itself, while open, extracts (and removes) anything — a copy only reads.
    """

    def __init__(self, revision: str, *, cwd: Path | None = None):
        if _revision_colon(revision) is not None:
            raise UsageError(f"`{revision}` names a path inside a revision, not a revision",
                             hint="name a commit, a branch or a tag, such as origin/main")
        self.revision = revision
        self.repo = GitRepository.around(cwd or Path.cwd())
        self.tree = self.repo.tree(revision)
        self._top = self.repo.top.resolve()
        self._folders: dict[str, dict[str, TreeEntry] | None] = {}
        self._roots: dict[str, str] = {}
        self._exports: dict[str, Path] = {}
        self._temporary: list[Path] = []
        self._owner = os.getpid()
        self._open = True
        self._cleanup: weakref.finalize[Any, Any] | None = weakref.finalize(
            self, _remove, self._temporary, self._owner)

    def __enter__(self) -> BaseRevision:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Remove the extracted folders (only in the process that extracted them)."""
        if self._cleanup is not None:
            self._cleanup()
            self._exports.clear()
        self._open = False

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_cleanup": None, "_open": False}

    # -- work-tree files ---------------------------------------------------------------------

    def file_at(self, file: Path) -> Path | None:
        """The copy, as it was at the revision, of the work-tree ``file``; ``None`` when no
        regular file had that path then (or ``file`` is outside the repository)."""
        path = self.work_path(file)
        if path is None:
            return None
        entry = self._entry(path)
        if entry is None or not entry.is_file:
            return None
        return self._place(path)

    def prepare(self, files: Iterable[Path]) -> None:
        """Extract what :meth:`file_at` needs for ``files`` now. A file outside the
        repository is a :class:`UsageError`."""
        for file in files:
            if self.work_path(file) is None:
                raise UsageError(f"{file} is not in the git repository {self.repo.top}",
                                 hint="`--base` compares with a revision of the repository "
                                      "that holds the current folder")
            self.file_at(file)

    def work_path(self, file: Path) -> str | None:
        """The path of a work-tree file relative to the top of the repository, in git's
        spelling (``roles/am.yaml``); ``None`` when it is outside."""
        absolute = Path(file).absolute()
        real = absolute.parent.resolve() / absolute.name
        try:
            relative = real.relative_to(self._top)
        except ValueError:
            return None
        text = relative.as_posix()
        return None if text == "." else text

    # -- REV:PATH ----------------------------------------------------------------------------

    def repo_path(self, path: str) -> str:
        """``path`` of ``REV:PATH`` relative to the top of the repository, by git's rule:
        ``./`` and ``../`` start from the current folder, anything else from the top."""
        if path.startswith("/"):
            raise UsageError(f"`{path}` is an absolute path",
                             hint=f"write it relative to the top of the repository, or "
                                  f"`{self.revision}:./PATH` relative to the current folder")
        relative = path in (".", "..") or path.startswith(("./", "../"))
        joined = posixpath.normpath(posixpath.join(self.repo.prefix, path) if relative
                                    else path)
        if joined == ".." or joined.startswith("../"):
            raise UsageError(f"`{path}` is outside the repository {self.repo.top}")
        return "" if joined == "." else joined

    def extract(self, path: str, *, display: str) -> tuple[Path, Path]:
        """The file that ``REV:path`` names, extracted: ``(file, root)``. Every reason it
        cannot be loaded is a :class:`UsageError` that names it as ``display``."""
        target = self.repo_path(path)
        if not target:
            raise UsageError(f"`{display}` is the top folder of the repository, not a spec "
                             f"file", hint=f"name a file, e.g. `{self.revision}:roles/am.yaml`")
        entry = self._entry(target)
        if entry is None:
            raise UsageError(f"`{display}`: `{target}` does not exist at "
                             f"`{self.revision}`", hint=self._missing_hint(path, target))
        if not entry.is_file:
            raise UsageError(f"`{display}` is {entry.describe()} at `{self.revision}`, not a "
                             f"spec file")
        limit = DEFAULT_LIMITS.max_bytes
        if (entry.size or 0) > limit:
            raise UsageError(f"`{display}` is {entry.size:,} bytes; the limit is {limit:,}",
                             hint="split the spec, or name the right file")
        if b"\x00" in self.repo.read_blob(entry.oid):
            raise UsageError(f"`{display}` is a binary file, not a YAML spec")
        return self._place(target), self._export(self._root_of(posixpath.dirname(target)))

    def _missing_hint(self, path: str, target: str) -> str:
        if not path.startswith(("./", "../")) and self.repo.prefix:
            from_cwd = posixpath.normpath(posixpath.join(self.repo.prefix, path))
            if self._entry(from_cwd) is not None:
                return (f"`{self.revision}:PATH` is relative to the top of the repository "
                        f"(as in git); did you mean `{self.revision}:./{path}`?")
        folder, name = posixpath.split(target)
        names = list(self._folder(folder) or ())
        close = difflib.get_close_matches(name, names, n=1)
        if close:
            return f"did you mean `{self.revision}:{posixpath.join(folder, close[0])}`?"
        return f"`git ls-tree -r --name-only {self.revision}` lists the files it has"

    # -- the tree ----------------------------------------------------------------------------

    def _folder(self, folder: str) -> dict[str, TreeEntry] | None:
        if folder not in self._folders:
            self._folders[folder] = self.repo.list_folder(self.tree, folder)
        return self._folders[folder]

    def _entry(self, path: str) -> TreeEntry | None:
        folder, name = posixpath.split(path)
        entries = self._folder(folder)
        return entries.get(name) if entries is not None else None

    def _root_of(self, folder: str) -> str:
        root = self._roots.get(folder)
        if root is None:
            probe = folder
            while not self._is_root(probe):
                if not probe:
                    probe = folder
                    break
                probe = posixpath.dirname(probe)
            root = self._roots[folder] = probe
        return root

    def _is_root(self, folder: str) -> bool:
        entries = self._folder(folder) or {}
        marker = entries.get(CONFIG_FILE)
        if marker is not None and marker.is_file:
            return True
        pyproject = entries.get("pyproject.toml")
        if (pyproject is None or not pyproject.is_file
                or (pyproject.size or 0) > DEFAULT_LIMITS.max_bytes):
            return False
        text = self.repo.read_blob(pyproject.oid).decode("utf-8", "replace")
        return any(line.strip().startswith("[tool.jobdocs") for line in text.splitlines())

    def _place(self, path: str) -> Path:
        folder = posixpath.dirname(path)
        root = self._root_of(folder)
        inside = path[len(root) + 1:] if root else path
        return self._export(root).joinpath(*inside.split("/"))

    def _export(self, root: str) -> Path:
        found = self._exports.get(root)
        if found is not None:
            return found
        if not self._open or os.getpid() != self._owner:
            raise RuntimeError(f"{root or '.'} was not extracted while the BaseRevision was "
                               "open (a copy only reads): call prepare() with every file "
                               "first")
        target = Path(tempfile.mkdtemp(prefix="jobdocs-rev-"))
        self._temporary.append(target)
        extract(self.repo, self.tree, root, target)
        if not self._is_root(root):
            note = f"# the spec root of {root or '.'} at {self.revision}, extracted by jobdocs\n"
            write_new(target / CONFIG_FILE, note.encode("utf-8", "backslashreplace"))
        self._exports[root] = target
        return target


def _remove(folders: list[Path], owner: int) -> None:
    if os.getpid() != owner:
        return
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)
    folders.clear()
