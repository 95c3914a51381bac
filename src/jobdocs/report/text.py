"""``path:line:col: CODE severity message``, then the hint indented (DESIGN.md §4)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from jobdocs.findings import Finding


def write(findings: Sequence[Finding], stream: TextIO) -> None:
    for finding in findings:
        stream.write(finding.format_text() + "\n")
