"""``path:line:col: CODE severity message``, then the hint indented (DESIGN.md §4).

Control characters and bidi controls in a message (a key written as ``"\\e[2J"``) are
printed as escapes (:func:`~jobdocs.findings.shown`): a spec cannot drive the terminal.

With ``options.color`` the same text is coloured with rich: the place in bold, the code in
cyan, the severity in red, yellow or blue, the hint dimmed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from jobdocs.findings import Finding, shown

if TYPE_CHECKING:
    from jobdocs.report import ReportOptions

_STYLES = {"error": "bold red", "warning": "yellow", "info": "blue"}


def write(findings: Sequence[Finding], stream: TextIO,
          options: ReportOptions | None = None) -> None:
    """Write the findings as text (coloured with ``options.color``)."""
    if options is not None and options.color:
        _write_color(findings, stream)
        return
    for finding in findings:
        stream.write(finding.format_text() + "\n")


def _write_color(findings: Sequence[Finding], stream: TextIO) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=stream, force_terminal=True, color_system="standard",
                      highlight=False, soft_wrap=True, emoji=False, markup=False)
    for finding in findings:
        loc = finding.location
        line = Text()
        line.append(shown(f"{loc.display_file()}:{loc.line}:{loc.column}:"), style="bold")
        line.append(" ")
        line.append(finding.code, style="bold cyan")
        line.append(" ")
        line.append(finding.severity.value, style=_STYLES[finding.severity.value])
        line.append(" " + shown(finding.message))
        if finding.hint:
            line.append("\n    " + shown(finding.hint, lines=True).replace("\n", "\n    "),
                        style="dim")
        console.print(line)
