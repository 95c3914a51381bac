"""A FIFO, a device or a directory where a spec is expected is reported, never opened — a
FIFO would make the reader wait forever and /dev/zero never ends — and a file of too many
values is refused before validation and linting take long."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import jobdocs
from jobdocs.cli import main
from jobdocs.errors import UsageError
from jobdocs.source import read_source

ROLE = "jobdocs: 1\nkind: role\nid: r\nlanguage: en\ntitle: Clerk\ndocument: {number: J-1}\n"


def finishes(call: Callable[[], Any], seconds: float = 20) -> Any:
    """``call()``'s result; fails (instead of hanging the run) if it has not returned in time."""
    box: list[Any] = []
    thread = threading.Thread(target=lambda: box.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "still blocked"
    return box[0]


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "jobdocs.toml").write_text("")
    (tmp_path / "good.yaml").write_text(ROLE, encoding="utf-8")
    return tmp_path


def test_a_fifo_is_reported_without_being_opened(root: Path) -> None:
    fifo = root / "pipe.yaml"
    os.mkfifo(fifo)
    doc = finishes(lambda: read_source(fifo))
    assert [(f.code, f.message) for f in doc.findings] == [
        ("R006", "this is a FIFO (named pipe), not a spec file; it was not read")]


@pytest.mark.parametrize("command", ["validate", "lint", "render"])
def test_a_folder_with_a_fifo_and_a_device_link(command: str, root: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(root / "pipe.yaml")
    (root / "zero.yaml").symlink_to("/dev/zero")
    code = finishes(lambda: main([command, str(root), *(["-f", "html", "-o", str(root / "o")]
                                                        if command == "render" else [])]))
    out = capsys.readouterr()
    assert code == 1
    assert "pipe.yaml:1:1: R006 error this is a FIFO (named pipe)" in out.out + out.err
    assert "/dev/zero:1:1: R006 error this is a device" in out.out + out.err
    assert "Traceback" not in out.err


def test_a_named_fifo_is_a_finding_not_a_usage_error(root: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo(root / "pipe.yaml")
    for command in (["validate"], ["lint"], ["render", "-f", "html", "-o", str(root / "o")]):
        assert finishes(lambda c=command: main([*c, str(root / "pipe.yaml")])) == 1
        assert "R006" in "".join(capsys.readouterr())


def test_a_directory_is_not_a_spec(root: Path) -> None:
    with pytest.raises(UsageError, match="is a directory"):
        jobdocs.validate(root)


def test_render_reports_a_spec_it_cannot_read(root: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    broken = root / "broken.yaml"
    broken.write_text("jobdocs: 1\nkind: role\ntitle: 'unclosed\n", encoding="utf-8")
    assert main(["render", str(root), "-f", "html", "-o", str(root / "o")]) == 1
    err = capsys.readouterr().err
    assert "broken.yaml:3:8: S001 error YAML syntax error" in err
    assert "not rendered: " in err and "1 document(s) from 1 spec(s); 1 failed" in err


def test_a_file_of_too_many_values_is_refused(root: Path) -> None:
    items = "".join(f"  - duty {i}\n" for i in range(60_000))
    spec = root / "many.yaml"
    spec.write_text(ROLE + "functions:\n" + items, encoding="utf-8")
    codes = [f.code for f in jobdocs.validate(spec)]
    assert codes == ["S005"]


def test_extract_refuses_a_fifo(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = root / "document.pdf"
    os.mkfifo(fifo)
    assert finishes(lambda: main(["extract", str(fifo)])) == 2
    assert "is not a regular file" in capsys.readouterr().err
