"""The errors that stop an operation.

A problem *in a spec* is a :class:`~jobdocs.findings.Finding`; a condition that stops an
operation (a file that does not exist, a template that does not compile, a render that fails)
raises one of these. The CLI prints the message and the hint, never a traceback.

This module imports nothing from jobdocs: every other module may import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jobdocs.findings import Finding


class JobdocsError(Exception):
    """The root of every error jobdocs raises on purpose.

    ``message`` is a sentence for the user; ``hint`` says what to do about it;
    ``path`` names the file concerned, when there is one.
    """

    exit_code = 1

    def __init__(self, message: str, *, hint: str | None = None, path: Path | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path

    def __str__(self) -> str:
        where = f"{self.path}: " if self.path is not None else ""
        return f"{where}{self.message}"


class UsageError(JobdocsError):
    """The command was called wrongly (a missing file, an unknown format, a bad option)."""

    exit_code = 2


class ConfigError(JobdocsError):
    """``jobdocs.toml`` or ``[tool.jobdocs]`` is invalid."""

    exit_code = 2


class SpecError(JobdocsError):
    """A spec could not be loaded: it carries every finding, errors and warnings alike."""

    def __init__(self, findings: Sequence[Finding], *, path: Path | None = None):
        errors = [f for f in findings if f.is_error]
        count = len(errors)
        noun = "problem" if count == 1 else "problems"
        first = f": {errors[0].message}" if errors else ""
        super().__init__(f"the spec has {count} {noun}{first}", path=path)
        self.findings: tuple[Finding, ...] = tuple(findings)


class TemplateError(JobdocsError):
    """A template is missing, does not compile, or failed while rendering."""


class RenderError(JobdocsError):
    """A document could not be produced (a missing system library, a refused resource…)."""
