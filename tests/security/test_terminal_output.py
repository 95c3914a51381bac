"""What jobdocs prints cannot drive the terminal or a CI log: control characters and bidi
controls from a spec (a key written as ``"\\e[2J"``) are shown as escapes; a file name that is
not UTF-8 is printed, not a crash, whatever the output format."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from jobdocs.cli import main

HOSTILE = ('jobdocs: 1\nkind: "rol\\e[2J\\e]0;pwned\\a"\n'
           '"ti\\e[31mtle\\u202e": x\n')


@pytest.mark.parametrize("fmt", ["text", "github", "junit", "json", "sarif"])
def test_escape_sequences_in_a_spec_are_shown_not_sent(fmt: str, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    (tmp_path / "jobdocs.toml").write_text("")
    spec = tmp_path / "esc.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    assert main(["lint", str(spec), "-f", fmt]) == 1
    out, err = capsys.readouterr()
    assert "\x1b" not in out + err and "\x07" not in out + err and "\u202e" not in out + err
    if fmt == "text":
        assert "unknown kind `rol\\x1b[2J\\x1b]0;pwned\\x07`" in out


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github"])
def test_a_file_name_that_is_not_utf8(fmt: str, tmp_path: Path) -> None:
    (tmp_path / "jobdocs.toml").write_text("")
    name = os.fsdecode(b"\xff\xfe.yaml")
    (tmp_path / name).write_text("jobdocs: 1\nkind: rol\n", encoding="utf-8")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict"}  # as on any UTF-8 desktop
    done = subprocess.run([sys.executable, "-m", "jobdocs", "lint", str(tmp_path), "-f", fmt],
                          capture_output=True, env=env, timeout=60)
    assert done.returncode == 1, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stderr
    assert b"S104" in done.stdout
