"""Documents are written atomically: a failed or interrupted write leaves nothing behind."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import jobdocs
from jobdocs.errors import RenderError, UsageError
from jobdocs.render.output import output_name, write_atomically

from .conftest import EN


def test_output_names() -> None:
    assert output_name("account-manager", "ka", "pdf") == "account-manager.ka.pdf"


def test_write_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "doc.pdf"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert list(target.parent.iterdir()) == [target]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "doc.pdf"
    target.write_bytes(b"old")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(RenderError, match="No space left on device"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert list(tmp_path.iterdir()) == [target]


def test_an_interrupted_write_leaves_no_temporary(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomically(tmp_path / "doc.pdf", b"data")
    assert list(tmp_path.iterdir()) == []


def test_render_to_picks_the_format_from_the_suffix(tmp_path: Path) -> None:
    html = jobdocs.render_to(EN, tmp_path / "a.html")
    assert html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    with pytest.raises(UsageError, match="cannot tell the format"):
        jobdocs.render_to(EN, tmp_path / "a.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.html"]


def test_a_render_that_fails_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "tpl" / "role"
    folder.mkdir(parents=True)
    (folder / "document.html.j2").write_text("{{ broken }}", encoding="utf-8")
    with pytest.raises(jobdocs.TemplateError):
        jobdocs.render_to(EN, tmp_path / "out" / "a.html", template_dir=tmp_path / "tpl")
    assert not (tmp_path / "out").exists()
