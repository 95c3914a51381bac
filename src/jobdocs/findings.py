"""Findings: one type for every problem found in a spec.

YAML syntax errors, schema errors, broken references and lint results are all
:class:`Finding` objects, so they can be sorted, filtered, suppressed and reported together.
"""

from __future__ import annotations

import enum
import functools
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

PathKey = tuple[str | int, ...]
"""A position inside a spec's data: mapping keys and list indices, from the top."""


class Severity(enum.StrEnum):
    """How serious a finding is. ``error`` fails a run; ``warning`` fails it under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]


#: What a terminal would act on instead of showing: control characters (ESC starts colour,
#: cursor and window-title sequences), bidi controls that reorder the rest of the line, line
#: and paragraph separators, and unpaired surrogates (which a UTF-8 stream cannot write).
_UNSHOWN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028\u2029"
                      "\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown(text: str, *, lines: bool = False) -> str:
    """``text`` safe to print on a terminal or in a CI log: every control character, bidi
    control and unpaired surrogate written as an escape (``\\x1b``, ``\\u202e``); with
    ``lines``, line feeds stay.

    >>> shown("unknown key `a\\x1b[2Jb`")
    'unknown key `a\\\\x1b[2Jb`'
    """
    def escape(match: re.Match[str]) -> str:
        char = match.group()
        if lines and char == "\n":
            return char
        return char.encode("unicode_escape", "backslashreplace").decode("ascii") \
            if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _UNSHOWN.sub(escape, text)


def dotted(path: PathKey) -> str:
    """Render a data path the way users read it: ``functions[3].text.ka``.

    >>> dotted(("functions", 3, "text", "ka"))
    'functions[3].text.ka'
    """
    out = ""
    for step in path:
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out += f".{step}" if out else str(step)
    return out


@dataclass(frozen=True, slots=True)
class Location:
    """Where a finding is: a file, a 1-based line and column range, and a data path."""

    file: Path
    line: int = 1
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    path: str = ""

    def display_file(self) -> str:
        """The file name as a user expects to see it: relative to the working directory
        when the file lies below it, absolute otherwise."""
        try:
            return _display_file(self.file, os.getcwd())
        except OSError:
            return os.fspath(self.file)


@functools.lru_cache(maxsize=256)
def _display_file(file: Path, cwd: str) -> str:
    # Memoized: a report of thousands of findings names the same few files (resolving a
    # path costs several system calls).
    try:
        return str(file.resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return str(file)


@dataclass(frozen=True, slots=True)
class Finding:
    """A problem in a spec: a code such as ``S101``, a severity, a message and a place."""

    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    rule: str = field(default="", compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def with_severity(self, severity: Severity) -> Finding:
        return replace(self, severity=severity)

    def sort_key(self) -> tuple[str, int, int, str]:
        loc = self.location
        return (str(loc.file), loc.line, loc.column, self.code)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of DESIGN.md §4."""
        loc = self.location
        return {
            "file": loc.display_file(),
            "line": loc.line,
            "column": loc.column,
            "end_line": loc.end_line if loc.end_line is not None else loc.line,
            "end_column": loc.end_column if loc.end_column is not None else loc.column,
            "path": loc.path,
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "hint": self.hint,
        }

    def format_text(self) -> str:
        """``path:line:col: CODE severity message``, then the hint indented."""
        loc = self.location
        head = f"{loc.display_file()}:{loc.line}:{loc.column}: {self.code} {self.severity.value} "
        text = shown(head + self.message)
        if self.hint:
            text += "\n    " + shown(self.hint, lines=True).replace("\n", "\n    ")
        return text


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings in reading order: by file, line, column, then code; exact duplicates dropped."""
    return sorted(dict.fromkeys(findings), key=Finding.sort_key)


def has_errors(findings: Sequence[Finding]) -> bool:
    return any(f.is_error for f in findings)
