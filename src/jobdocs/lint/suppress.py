"""Inline suppression comments.

``# jobdocs: ignore[W102]`` at the end of a line suppresses those codes for findings that
point at that line; ``# jobdocs: ignore-file[W102, C]`` in the comment block at the top of a
file suppresses them in the whole file. Codes may be family or code prefixes (``W``, ``W1``)
or rule names. A suppression that suppressed nothing is reported as X002, one that cannot be
understood as X003 — both at the comment.

Comments are found with a regular expression (YAML parsers drop comments): text such as
``" # jobdocs: ignore[…]"`` inside a quoted string also counts, which is harmless.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jobdocs.findings import Finding, Location, Severity
from jobdocs.lint.registry import Registry, UnknownSelector

_COMMENT = re.compile(r"(?:^|(?<=\s))#\s*jobdocs\s*:\s*(?P<kind>ignore-file|ignore)\b"
                      r"(?:\[(?P<codes>[^\]]*)\])?")
_BLANK_OR_COMMENT = re.compile(r"^\s*(?:#.*)?$")
_ANY_COMMENT = re.compile(r"#\s*jobdocs\s*:")

UNUSED = "X002"
INVALID = "X003"


@dataclass(slots=True)
class Suppression:
    """One ``ignore`` or ``ignore-file`` comment."""

    location: Location
    selectors: dict[str, frozenset[str]]
    """Each selector as written (``W102``, ``W1``, ``duplicate-item``) → the codes it means."""
    whole_file: bool
    used: set[str] = field(default_factory=set)

    def covers(self, code: str) -> bool:
        """Whether the comment names ``code``."""
        return any(code in codes for codes in self.selectors.values())


@dataclass(slots=True)
class FileSuppressions:
    """The suppression comments of one file, and the comments that could not be read."""

    file: Path
    by_line: dict[int, list[Suppression]] = field(default_factory=dict)
    whole_file: list[Suppression] = field(default_factory=list)
    invalid: list[Finding] = field(default_factory=list)

    def all(self) -> Iterator[Suppression]:
        """Every readable comment of the file."""
        yield from self.whole_file
        for entries in self.by_line.values():
            yield from entries

    def suppresses(self, finding: Finding) -> bool:
        """Whether a comment suppresses ``finding``; the comment is then marked used."""
        code = finding.code
        for entry in (*self.whole_file, *self.by_line.get(finding.location.line, ())):
            if entry.covers(code):
                entry.used.add(code)
                return True
        return False

    def unused(self, enabled: frozenset[str]) -> Iterator[Finding]:
        """X002 for each comment, or listed code, that suppressed nothing although its rule
        ran."""
        for entry in self.all():
            idle = [selector for selector, codes in entry.selectors.items()
                    if not codes & entry.used and codes & enabled]
            if idle:
                what = "ignore-file" if entry.whole_file else "ignore"
                where = "in this file" if entry.whole_file else "on this line"
                yield Finding(UNUSED, Severity.WARNING,
                              f"unused suppression: no {', '.join(idle)} finding {where}",
                              entry.location, hint=f"remove {', '.join(idle)} from the "
                              f"`# jobdocs: {what}[…]` comment", rule="unused-suppression")


def has_suppressions(text: str) -> bool:
    """A quick test: whether ``text`` may hold a suppression comment at all."""
    return _ANY_COMMENT.search(text) is not None


def parse_suppressions(file: Path, text: str, registry: Registry) -> FileSuppressions:
    """The suppression comments in ``text`` (the content of ``file``)."""
    result = FileSuppressions(file)
    at_top = True
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _COMMENT.finditer(line):
            location = Location(file, number, match.start() + 1, number, match.end() + 1)
            entry = _entry(match, location, registry, result.invalid)
            if entry is None:
                continue
            if entry.whole_file and not at_top:
                result.invalid.append(_invalid(
                    location, "`ignore-file` works only in the comments at the top of the file",
                    "move the comment above the first key, or use `ignore[…]` on the line"))
            elif entry.whole_file:
                result.whole_file.append(entry)
            else:
                result.by_line.setdefault(number, []).append(entry)
        if at_top and not _BLANK_OR_COMMENT.match(line):
            at_top = False
    return result


def _entry(match: re.Match[str], location: Location, registry: Registry,
           invalid: list[Finding]) -> Suppression | None:
    kind = match.group("kind")
    raw = match.group("codes")
    selectors = tuple(s for s in re.split(r"[\s,]+", raw or "") if s)
    if not selectors:
        invalid.append(_invalid(location, f"`# jobdocs: {kind}` needs the codes to ignore",
                                f"write e.g. `# jobdocs: {kind}[W102]`"))
        return None
    codes: dict[str, frozenset[str]] = {}
    for selector in selectors:
        try:
            codes[selector] = frozenset(registry.select(selector))
        except UnknownSelector as exc:
            hint = (f"did you mean `{exc.suggestion}`?" if exc.suggestion
                    else "`jobdocs rules` lists every code")
            invalid.append(_invalid(location, f"`{selector}` is not a rule code", hint))
    if not codes:
        return None
    return Suppression(location, codes, kind == "ignore-file")


def _invalid(location: Location, message: str, hint: str) -> Finding:
    return Finding(INVALID, Severity.WARNING, message, location, hint, rule="invalid-suppression")
