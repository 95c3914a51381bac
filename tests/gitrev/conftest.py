"""Every test here runs git in isolation from the user's configuration."""

from __future__ import annotations

from pathlib import Path

import pytest

from .repo import GitRepo, isolate_git


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    isolate_git(monkeypatch, ceiling=tmp_path.parent)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> GitRepo:
    """An empty repository at ``tmp_path/repo``, the current folder."""
    made = GitRepo(tmp_path / "repo")
    monkeypatch.chdir(made.top)
    return made
