"""The README's examples run as written: every ```python block, every `$ jobdocs` line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from jobdocs.cli import main

README = Path(__file__).resolve().parents[2] / "README.md"
BLOCK = re.compile(r"```(\w+)\n(.*?)```", re.S)


def blocks(language: str) -> list[str]:
    return [body for lang, body in BLOCK.findall(README.read_text("utf-8")) if lang == language]


@pytest.mark.parametrize("index", range(len(blocks("python"))))
def test_python_block_runs(index: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(README.parent)
    code = blocks("python")[index]
    exec(compile(code, f"README.md python block {index}", "exec"), {"__name__": "readme"})


def console_sessions() -> list[tuple[str, list[str]]]:
    sessions = []
    for body in blocks("console"):
        command, expected = None, []
        for line in body.splitlines():
            if line.startswith("$ "):
                if command:
                    sessions.append((command, expected))
                command, expected = line[2:], []
            else:
                expected.append(line)
        if command:
            sessions.append((command, expected))
    return sessions


@pytest.mark.parametrize("command, expected", console_sessions())
def test_console_example_prints_what_the_readme_says(command: str, expected: list[str],
                                                     capsys, monkeypatch) -> None:
    monkeypatch.chdir(README.parent)
    argv = command.split()
    assert argv[0] == "jobdocs"
    assert main(argv[1:]) == 0
    out, err = capsys.readouterr()
    assert (out + err).splitlines() == expected
