"""A JSON list of objects with the keys of DESIGN.md §4."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TextIO

from jobdocs.findings import Finding


def write(findings: Sequence[Finding], stream: TextIO) -> None:
    json.dump([f.to_dict() for f in findings], stream, ensure_ascii=False, indent=2)
    stream.write("\n")
