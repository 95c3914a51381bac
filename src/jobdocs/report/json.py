"""A JSON list of objects with the keys of DESIGN.md §4."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from jobdocs.findings import Finding

if TYPE_CHECKING:
    from jobdocs.report import ReportOptions


def write(findings: Sequence[Finding], stream: TextIO,
          options: ReportOptions | None = None) -> None:
    """Write the findings as a JSON list."""
    json.dump([f.to_dict() for f in findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
