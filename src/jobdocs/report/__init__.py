"""Reporters: one module per output format. Reporters import only :mod:`jobdocs.findings`.

Each module has ``write(findings, stream, options=None)``. What a format needs beyond the
findings — the documentation of the rules (SARIF), the files that were checked (JUnit), the
tool's version, whether to use colour — comes in :class:`ReportOptions` as plain data, so
that reporters stay independent of the linter.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol, TextIO

from jobdocs.findings import Finding, Severity

FORMATS = ("text", "json", "sarif", "github", "junit")


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """What a report may say about a rule."""

    code: str
    name: str
    severity: Severity
    """The default severity."""
    summary: str
    """One line."""
    docs: str = ""
    """The full documentation, in Markdown."""


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Everything a reporter may need besides the findings."""

    rules: Mapping[str, RuleMeta] = field(default_factory=dict)
    """Rules by code: every rule that could have reported (SARIF lists them all)."""
    files: Sequence[str] = ()
    """The files that were checked, as displayed (JUnit gives clean files a passing test)."""
    color: bool = False
    """Whether the text format may use colour (ANSI escapes)."""
    tool_name: str = "jobdocs"
    tool_version: str = ""


class Reporter(Protocol):
    """The ``write`` function of a reporter module."""

    def __call__(self, findings: Sequence[Finding], stream: TextIO,
                 options: ReportOptions | None = None) -> None: ...


def reporter(fmt: str) -> Reporter:
    """The ``write`` function of the reporter module for ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    module = importlib.import_module(f"jobdocs.report.{fmt}")
    write: Reporter = module.write
    return write
