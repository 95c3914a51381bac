"""A git revision read through git's plumbing, and part of its tree extracted into a folder.

This is the machinery under :mod:`jobdocs.gitrev`: it runs the ``git`` program (no library),
reads trees with ``git ls-tree -z`` and file contents with ``git cat-file --batch``, and
writes them below a fresh temporary folder. Nothing git stores can make it write elsewhere:
every path component is checked (no ``..``, no empty or absolute path), symbolic links and
submodules are not extracted, no file is opened through a link, and the sizes git reports are
checked against the limits before any content is read. Git's own messages ("not a git
repository", "dubious ownership") are passed on as :class:`~jobdocs.errors.UsageError`.

jobdocs writes its output atomically through :mod:`jobdocs.output`; the files written here
go to a private temporary folder that is removed afterwards, not to output, so they are
created in place (as new files only) instead of renamed into place.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from jobdocs.errors import UsageError
from jobdocs.source import DEFAULT_LIMITS

#: The most a spec root may hold at a revision, in files and in bytes extracted.
MAX_EXTRACTED_FILES = 20_000
MAX_EXTRACTED_BYTES = 256 * 1024 * 1024

_REGULAR_MODES = frozenset({"100644", "100755"})
_SYMLINK_MODE = "120000"


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """One entry of a tree: ``path`` is relative to the folder that was listed."""

    mode: str
    kind: str
    """``blob``, ``tree`` or ``commit`` (a submodule)."""
    oid: str
    size: int | None
    path: str

    @property
    def is_file(self) -> bool:
        """A regular file (not a symbolic link, a folder or a submodule)."""
        return self.kind == "blob" and self.mode in _REGULAR_MODES

    def describe(self) -> str:
        """What the entry is, in words: ``a folder``, ``a symbolic link``…"""
        if self.kind == "tree":
            return "a folder"
        if self.mode == _SYMLINK_MODE:
            return "a symbolic link"
        if self.kind == "commit":
            return "a submodule"
        return "a file"


@dataclass(frozen=True)
class GitRepository:
    """The work tree around a folder: its top and the folder's place in it (``prefix``,
    ``roles/`` or ``''``), as ``git rev-parse`` reports them."""

    top: Path
    prefix: str

    @classmethod
    def around(cls, cwd: Path) -> GitRepository:
        """The repository that holds ``cwd``; :class:`UsageError` when there is none."""
        out = run_git(["rev-parse", "--show-toplevel", "--show-prefix"], cwd,
                      failure="cannot use git here")
        lines = os.fsdecode(out).split("\n")
        return cls(Path(lines[0]), lines[1] if len(lines) > 1 else "")

    def tree(self, revision: str) -> str:
        """The id of the tree of ``revision`` (a commit, tag, branch or tree)."""
        if not revision or revision.startswith("-"):
            raise UsageError(f"`{revision}` is not a revision",
                             hint="name a commit, a branch or a tag, such as HEAD~1")
        done = _run(["rev-parse", "--verify", "--quiet", f"{revision}^{{tree}}"], self.top)
        if done.returncode != 0:
            shallow = _run(["rev-parse", "--is-shallow-repository"], self.top)
            fetch = ("this clone is shallow: fetch the history (`git fetch --unshallow`, or "
                     "`fetch-depth: 0` with actions/checkout)"
                     if shallow.stdout.strip() == b"true" else
                     "check the name (`git log --oneline --all` lists the commits); in CI, "
                     "fetch the base first (`fetch-depth: 0` with actions/checkout)")
            raise UsageError(f"unknown revision `{revision}`", hint=fetch)
        return done.stdout.decode("ascii").strip()

    def list_folder(self, tree: str, folder: str) -> dict[str, TreeEntry] | None:
        """The entries of ``folder`` (``''`` for the top) in ``tree`` by name; ``None`` when
        there is no such folder there."""
        done = _run(["ls-tree", "-z", "--long", _object(tree, folder)], self.top)
        if done.returncode != 0:
            return None
        return {entry.path: entry for entry in _entries(done.stdout)}

    def list_files(self, tree: str, folder: str) -> list[TreeEntry]:
        """Every entry below ``folder`` in ``tree``, recursively (folders not listed)."""
        out = run_git(["ls-tree", "-r", "-z", "--long", _object(tree, folder)], self.top,
                      failure="cannot list the revision")
        return list(_entries(out))

    def read_blob(self, oid: str) -> bytes:
        """The content of one blob."""
        return run_git(["cat-file", "blob", oid], self.top, failure="cannot read the revision")

    def write_blobs(self, entries: Iterable[tuple[TreeEntry, Path]]) -> None:
        """Write each blob into its (new) file, streamed through one ``git cat-file``."""
        with subprocess.Popen(["git", "cat-file", "--batch"], cwd=self.top,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=_environment()) as proc:
            assert proc.stdin is not None and proc.stdout is not None
            try:
                for entry, target in entries:
                    # One object at a time: git flushes each answer, so neither pipe fills.
                    proc.stdin.write(entry.oid.encode("ascii") + b"\n")
                    proc.stdin.flush()
                    header = proc.stdout.readline().split()
                    if len(header) != 3 or header[1] != b"blob":
                        raise UsageError(f"git could not read `{entry.path}` of the revision")
                    _copy(proc.stdout, int(header[2]), target)
                    proc.stdout.read(1)  # the newline after the content
            finally:
                proc.stdin.close()


def run_git(args: list[str], cwd: Path, *, failure: str) -> bytes:
    """Run ``git args`` in ``cwd``; its standard output, or :class:`UsageError` with git's
    own message after ``failure``."""
    done = _run(args, cwd)
    if done.returncode != 0:
        raise UsageError(f"{failure}: {_git_message(done.stderr)}",
                         hint="`REV:PATH` and `--base` read the history of the git "
                              "repository that holds the current folder")
    return done.stdout


def safe_relative(path: str) -> bool:
    """Whether a path that git stored can be written below a folder: relative, with no
    empty, ``.``, ``..`` or ``.git`` component and no NUL."""
    if not path or "\x00" in path or path.startswith("/"):
        return False
    return all(part not in ("", ".", "..") and part.lower() != ".git"
               for part in path.split("/"))


def extract(repo: GitRepository, tree: str, folder: str, target: Path) -> None:
    """Write the regular files below ``folder`` of ``tree`` into the empty folder
    ``target``.

    A file larger than the loader's limit (:data:`~jobdocs.source.Limits.max_bytes`) is
    written as an empty file of the same apparent size, so the loader reports it as too
    large (S003) as it would in the work tree. More than :data:`MAX_EXTRACTED_FILES` files
    or :data:`MAX_EXTRACTED_BYTES` bytes is refused."""
    limit = DEFAULT_LIMITS.max_bytes
    files = [e for e in repo.list_files(tree, folder) if e.is_file and safe_relative(e.path)]
    total = sum(e.size or 0 for e in files if (e.size or 0) <= limit)
    if len(files) > MAX_EXTRACTED_FILES or total > MAX_EXTRACTED_BYTES:
        raise UsageError(
            f"the spec root `{folder or '.'}` holds {len(files):,} files ({total:,} bytes) at "
            f"that revision; jobdocs extracts at most {MAX_EXTRACTED_FILES:,} files and "
            f"{MAX_EXTRACTED_BYTES:,} bytes",
            hint="give the specs a folder of their own with a jobdocs.toml")
    wanted: list[tuple[TreeEntry, Path]] = []
    for entry in files:
        dest = target.joinpath(*entry.path.split("/"))
        dest.parent.mkdir(parents=True, exist_ok=True)
        if (entry.size or 0) > limit:
            _placeholder(dest, entry.size or 0)
        else:
            wanted.append((entry, dest))
    repo.write_blobs(wanted)


# -- the steps -------------------------------------------------------------------------------

def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False,
                              env=_environment())
    except FileNotFoundError as exc:
        raise UsageError("git is not installed (or not on PATH)",
                         hint="install git to use `REV:PATH` and `--base`") from exc
    except OSError as exc:
        raise UsageError(f"cannot run git in {cwd}: {exc.strerror or exc}") from exc


def _environment() -> dict[str, str]:
    # Git's messages in English, whatever the locale: they are passed on to the user.
    return {**os.environ, "LC_ALL": "C", "LANGUAGE": "C"}


def _git_message(stderr: bytes) -> str:
    lines = [line.strip() for line in os.fsdecode(stderr).splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith(("fatal:", "error:"))]
    first = (fatal or lines or ["git failed"])[0]
    return first.split(":", 1)[1].strip() if first.startswith(("fatal:", "error:")) else first


def _object(tree: str, folder: str) -> str:
    # `<tree id>:<path>`: after a hexadecimal id, git takes the rest literally as a path.
    return f"{tree}:{folder}" if folder else tree


def _entries(raw: bytes) -> Iterable[TreeEntry]:
    for record in raw.split(b"\x00"):
        if not record:
            continue
        meta, _, name = record.partition(b"\t")
        mode, kind, oid, size = meta.decode("ascii").split()
        yield TreeEntry(mode, kind, oid, int(size) if size.isdigit() else None,
                        os.fsdecode(name))


def _open_new(dest: Path) -> int:
    # A new file only: never through a link, never over something already there.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(dest, flags, 0o600)
    except OSError as exc:
        raise UsageError(f"cannot extract {dest.name}: {exc.strerror or exc}") from exc


def write_new(dest: Path, data: bytes) -> None:
    """Write a new file into an extracted tree (never over a file, never through a link)."""
    with os.fdopen(_open_new(dest), "wb") as out:
        out.write(data)


def _placeholder(dest: Path, size: int) -> None:
    fd = _open_new(dest)
    try:
        os.ftruncate(fd, size)
    finally:
        os.close(fd)


def _copy(stream: IO[bytes], size: int, dest: Path) -> None:
    with os.fdopen(_open_new(dest), "wb") as out:
        left = size
        while left:
            chunk = stream.read(min(left, 1 << 20))
            if not chunk:
                raise UsageError(f"git stopped while writing {dest.name}")
            out.write(chunk)
            left -= len(chunk)
