"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

One run; ``tool.driver.rules`` carries every rule with its summary, its full documentation
(Markdown) and its default level, and each result points at its rule by id and index.
Columns count Unicode code points (``columnKind``), as jobdocs does: Georgian and Cyrillic
text would otherwise be measured in UTF-16 units.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from urllib.parse import quote

from jobdocs.findings import Finding

if TYPE_CHECKING:
    from jobdocs.report import ReportOptions, RuleMeta

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def write(findings: Sequence[Finding], stream: TextIO,
          options: ReportOptions | None = None) -> None:
    """Write a SARIF 2.1.0 log."""
    json.dump(sarif_log(findings, options), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def sarif_log(findings: Sequence[Finding], options: ReportOptions | None = None,
              ) -> dict[str, Any]:
    """The SARIF log as a JSON-ready mapping."""
    from jobdocs.report import ReportOptions

    options = options or ReportOptions()
    codes = sorted({*options.rules, *(f.code for f in findings)})
    index = {code: i for i, code in enumerate(codes)}
    driver: dict[str, Any] = {"name": options.tool_name,
                              "rules": [_descriptor(code, options.rules.get(code))
                                        for code in codes]}
    if options.tool_version:
        driver["version"] = options.tool_version
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": [_result(f, index[f.code]) for f in findings],
        }],
    }


def _descriptor(code: str, meta: RuleMeta | None) -> dict[str, Any]:
    if meta is None:
        return {"id": code}
    descriptor: dict[str, Any] = {
        "id": code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "defaultConfiguration": {"level": _LEVELS[meta.severity.value]},
        "properties": {"tags": [code[0]]},
    }
    what = _section(meta.docs, "What it does")
    if what:
        descriptor["fullDescription"] = {"text": what}
    if meta.docs:
        descriptor["help"] = {"text": meta.docs, "markdown": meta.docs}
    return descriptor


def _section(docs: str, heading: str) -> str:
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", docs,
                      re.MULTILINE | re.DOTALL)
    return " ".join(match.group(1).split()) if match else ""


def _result(finding: Finding, rule_index: int) -> dict[str, Any]:
    loc = finding.location
    region: dict[str, int] = {"startLine": loc.line, "startColumn": loc.column}
    if loc.end_line is not None and loc.end_line >= loc.line:
        region["endLine"] = loc.end_line
        if loc.end_column is not None and (loc.end_line > loc.line
                                           or loc.end_column >= loc.column):
            region["endColumn"] = loc.end_column
    location: dict[str, Any] = {"physicalLocation": {
        "artifactLocation": {"uri": _uri(loc.display_file())}, "region": region}}
    if loc.path:
        location["logicalLocations"] = [{"fullyQualifiedName": loc.path, "kind": "element"}]
    text = finding.message + (f"\n{finding.hint}" if finding.hint else "")
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index,
        "level": _LEVELS[finding.severity.value],
        "message": {"text": text},
        "locations": [location],
    }


def _uri(display: str) -> str:
    path = Path(display)
    if path.is_absolute():
        return path.as_uri()
    return quote(os.fsencode(path.as_posix()), safe="/")  # a name not in UTF-8: its bytes
