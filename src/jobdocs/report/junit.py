"""JUnit XML, for GitLab (``artifacts:reports:junit``), Jenkins and other CI servers.

One ``testsuite`` per spec file; each finding is a failed ``testcase`` named after its code
and place, and a file without findings has one passing test case, so that CI shows which
specs were checked.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from jobdocs.findings import Finding

if TYPE_CHECKING:
    from jobdocs.report import ReportOptions

# Characters that XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def write(findings: Sequence[Finding], stream: TextIO,
          options: ReportOptions | None = None) -> None:
    """Write a JUnit XML report: one test suite per file."""
    by_file: dict[str, list[Finding]] = {}
    for file in (options.files if options is not None else ()):
        by_file.setdefault(file, [])
    for finding in findings:
        by_file.setdefault(finding.location.display_file(), []).append(finding)
    suites = ET.Element("testsuites", name="jobdocs lint")
    total = failures = 0
    for file in sorted(by_file):
        found = by_file[file]
        suite = ET.SubElement(suites, "testsuite", name=file,
                              tests=str(max(len(found), 1)), failures=str(len(found)),
                              errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", name="no findings", classname="jobdocs",
                          file=file)
        for finding in found:
            _case(suite, file, finding)
        total += max(len(found), 1)
        failures += len(found)
    if not by_file:
        ET.SubElement(ET.SubElement(suites, "testsuite", name="jobdocs", tests="1",
                                    failures="0", errors="0", skipped="0"),
                      "testcase", name="no findings", classname="jobdocs")
        total = 1
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", "0")
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")


def _case(suite: ET.Element, file: str, finding: Finding) -> None:
    loc = finding.location
    case = ET.SubElement(suite, "testcase",
                         name=f"{finding.code} {file}:{loc.line}:{loc.column}",
                         classname=f"jobdocs.{finding.code}", file=file, line=str(loc.line))
    failure = ET.SubElement(case, "failure", message=_xml(finding.message),
                            type=finding.severity.value)
    failure.text = _xml(finding.format_text())


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)
