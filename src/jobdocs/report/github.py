"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation
per finding, which GitHub shows on the line of the pull request's diff.

``::error file=roles/a.yaml,line=12,col=5,endLine=12,endColumn=14,title=W101
amount-in-responsibility::message``
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from jobdocs.findings import Finding, shown

if TYPE_CHECKING:
    from jobdocs.report import ReportOptions

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def write(findings: Sequence[Finding], stream: TextIO,
          options: ReportOptions | None = None) -> None:
    """Write one workflow command per finding."""
    for finding in findings:
        stream.write(annotation(finding) + "\n")


def annotation(finding: Finding) -> str:
    """The workflow command for one finding."""
    loc = finding.location
    props = [("file", loc.display_file()), ("line", str(loc.line)), ("col", str(loc.column))]
    if loc.end_line is not None:
        props.append(("endLine", str(loc.end_line)))
    if loc.end_column is not None and loc.end_line in (None, loc.line):
        props.append(("endColumn", str(loc.end_column)))
    title = f"{finding.code} {finding.rule}".strip()
    props.append(("title", title))
    message = shown(finding.message + (f"\n{finding.hint}" if finding.hint else ""), lines=True)
    head = ",".join(f"{key}={_property(shown(value))}" for key, value in props)
    return f"::{_COMMANDS[finding.severity.value]} {head}::{_data(message)}"


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
