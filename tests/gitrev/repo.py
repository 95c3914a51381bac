"""Real git repositories for tests, independent of the user's git configuration.

:func:`isolate_git` makes every git that runs in the test (jobdocs' own included) ignore the
global and system configuration and any ``GIT_DIR`` a hook may have set; :class:`GitRepo`
writes files and commits them with a fixed author and date.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

_CLEARED = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
            "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_COMMON_DIR", "GIT_NAMESPACE",
            "GIT_CEILING_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS",
            "GIT_CONFIG_COUNT")
_FIXED = {
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
    "GIT_COMMITTER_EMAIL": "t@t", "GIT_AUTHOR_DATE": "2026-01-01T00:00:00Z",
    "GIT_COMMITTER_DATE": "2026-01-01T00:00:00Z",
}


def git_environment() -> dict[str, str]:
    """The environment of the tests' own git commands."""
    env = {k: v for k, v in os.environ.items() if k not in _CLEARED}
    return {**env, **_FIXED}


def isolate_git(monkeypatch: pytest.MonkeyPatch, ceiling: Path | None = None) -> None:
    """Make git in this test ignore the user's configuration; with ``ceiling``, never look
    for a repository above that folder."""
    for name in _CLEARED:
        monkeypatch.delenv(name, raising=False)
    for name, value in _FIXED.items():
        monkeypatch.setenv(name, value)
    if ceiling is not None:
        monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(ceiling))


class GitRepo:
    """A git repository at ``top``: write files, commit them."""

    def __init__(self, top: Path):
        self.top = top
        top.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def git(self, *args: str, cwd: Path | None = None, input_text: str | None = None) -> str:
        done = subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
                              cwd=cwd or self.top, env=git_environment(), check=True,
                              capture_output=True,
                              input=input_text.encode("utf-8") if input_text is not None
                              else None)
        return done.stdout.decode("utf-8", "replace").strip()

    def write(self, files: dict[str, str | bytes]) -> None:
        for name, content in files.items():
            path = self.top / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")

    def commit(self, files: dict[str, str | bytes] | None = None, message: str = "change",
               ) -> str:
        """Write ``files``, commit everything, and return the commit's id."""
        self.write(files or {})
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD")
