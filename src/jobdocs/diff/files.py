"""Open the two specs to compare — files, or files at a git revision (``HEAD~1:roles/am.yaml``).

:func:`open_pair` loads both, checks that they are valid specs of the same kind, and keeps
a revision's files on disk until the ``with`` block ends (a redline PDF reads the logo from
there). Positions in the old version are named as the user named the file: a revision's
temporary copy shows as ``HEAD~1:roles/am.yaml``, not as a path under ``/tmp``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from jobdocs.diff.compare import compare
from jobdocs.diff.model import Change, SpecDiff
from jobdocs.errors import SpecError, UsageError
from jobdocs.findings import Finding, Location, has_errors

if TYPE_CHECKING:
    from jobdocs.gitrev import SpecAt
    from jobdocs.render import RenderSource
    from jobdocs.validation import Validated


@dataclass(frozen=True, slots=True)
class Opened:
    """One of the two specs: checked, and how to name its files."""

    result: Validated
    name: str
    """The file as the user named it."""
    at: SpecAt | None = None
    """Where a revision's copy lives, or ``None`` for a file of the working tree."""

    def label(self, file: Path) -> Path:
        """How to show ``file`` to the user: a revision's copy as ``REV:path``, the path
        written as the user wrote the spec's (from the top of the repository, or ``./``)."""
        at = self.at
        if at is None or at.root is None or at.revision is None:
            return file
        if file.resolve() == at.path.resolve():
            return Path(self.name)
        root = at.root.resolve()
        try:
            inside = file.resolve().relative_to(root).as_posix()
            spec_inside = at.path.resolve().relative_to(root).as_posix()
        except ValueError:
            return file
        written = self.name[len(at.revision) + 1:]
        prefix = written[: -len(spec_inside)] if written.endswith(spec_inside) else ""
        if prefix and not prefix.endswith("/"):
            prefix = ""
        return Path(f"{at.revision}:{prefix}{inside}")


@dataclass(frozen=True, slots=True)
class Compared:
    """Two valid specs of one kind, ready to compare or to render as a redline."""

    old: Opened
    new: Opened

    def diff(self) -> SpecDiff:
        """Every change from the old spec to the new one."""
        found = compare(self.old.result.spec, self.new.result.spec,
                        old_name=self.old.name, new_name=self.new.name)
        return replace(found, changes=tuple(self._labelled(c) for c in found.changes))

    def _labelled(self, change: Change) -> Change:
        return replace(change, old_location=_relabel(change.old_location, self.old),
                       new_location=_relabel(change.new_location, self.new))

    def sources(self) -> tuple[RenderSource, RenderSource]:
        """What the renderer needs for each version."""
        from jobdocs.render import RenderSource

        return (RenderSource.from_validated(self.old.result),
                RenderSource.from_validated(self.new.result))


def _relabel(location: Location | None, opened: Opened) -> Location | None:
    if location is None:
        return None
    return replace(location, file=opened.label(location.file))


@contextmanager
def open_pair(old: str | os.PathLike[str], new: str | os.PathLike[str]) -> Iterator[Compared]:
    """Load ``old`` and ``new`` (paths, or ``REV:path`` git revisions) for comparison.

    Raises :class:`SpecError` when either has errors (its findings named as the user named
    the file) and :class:`UsageError` when they are not of the same kind.
    """
    with ExitStack() as stack:
        first = _open(os.fspath(old), stack)
        second = _open(os.fspath(new), stack)
        kinds = (first.result.spec.kind, second.result.spec.kind)
        if kinds[0] != kinds[1]:
            raise UsageError(f"{first.name} is a {kinds[0]} spec and {second.name} a "
                             f"{kinds[1]} spec: only two versions of one kind can be compared")
        if kinds[0] not in ("role", "contract", "organization"):
            raise UsageError(f"{second.name} is not a jobdocs spec")
        yield Compared(first, second)


def _open(arg: str, stack: ExitStack) -> Opened:
    from jobdocs.api import check
    from jobdocs.gitrev import open_spec

    at = stack.enter_context(open_spec(arg))
    result = check(at.path)
    opened = Opened(result, at.display, at if at.revision is not None else None)
    if result.model is None or has_errors(result.findings):
        findings = [_relabel_finding(f, opened) for f in result.findings]
        raise SpecError(findings, path=Path(opened.name))
    return opened


def _relabel_finding(finding: Finding, opened: Opened) -> Finding:
    location = _relabel(finding.location, opened)
    assert location is not None
    return replace(finding, location=location)
