"""What a comparison of two versions of a spec finds: :class:`Change` and :class:`SpecDiff`.

Plain data, made by :mod:`jobdocs.diff.compare` and printed by :mod:`jobdocs.diff.output`.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from jobdocs.findings import Location
from jobdocs.textdiff import Segment

ChangeKind = Literal["added", "removed", "changed", "moved"]

SIGNS: Mapping[ChangeKind, str] = {"added": "+", "removed": "\u2212", "changed": "~",
                                   "moved": "\u2195"}
"""How each kind of change is counted in a summary: ``functions: +2 −1 ~3 ↕1``."""


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between the old and the new version of a spec.

    A list item (a duty, a right, a signatory) that was added, removed or moved is one change;
    so is a text, a number or a date that changed in place. A changed text carries its
    word-level changes per language in :attr:`words`.
    """

    kind: ChangeKind
    group: str
    """Where it is, as a reader groups it: ``functions``, ``requirements.skills``,
    ``sections.<id>``, ``reports_to``, ``terms``, ``approval.agreed_with``…"""
    old_path: str | None
    """The dotted path in the old version (``functions[3]``); ``None`` for an addition."""
    new_path: str | None
    """The dotted path in the new version; ``None`` for a removal."""
    old: Any = None
    """The old value (a text, a number, an item…); ``None`` for an addition."""
    new: Any = None
    """The new value; ``None`` for a removal."""
    old_location: Location | None = None
    """Where the old value is written (file:line:col)."""
    new_location: Location | None = None
    """Where the new value is written."""
    id: str | None = None
    """The list item's ``id``, if it has one."""
    words: Mapping[str, tuple[Segment, ...]] = field(default_factory=dict)
    """For a changed text: the word-level changes, by language."""

    @property
    def path(self) -> str:
        """The path in the new version, or in the old one for a removal."""
        return self.new_path or self.old_path or ""


@dataclass(frozen=True, slots=True)
class Side:
    """One of the two compared specs, as named to the user."""

    name: str
    """The file as given (``roles/am.yaml``, ``HEAD~1:roles/am.yaml``)."""
    number: str | None = None
    """The document number."""
    version: int | None = None
    """The document version."""


@dataclass(frozen=True, slots=True)
class SpecDiff:
    """Every change between two versions of a spec of one kind, in reading order of the new
    version. It is true when anything changed, the document number or version included
    (those two are not listed as changes: :attr:`old` and :attr:`new` carry them).

    >>> diff = jobdocs.diff("examples/roles/account-manager.yaml",
    ...                     "examples/roles/account-manager.yaml")   # doctest: +SKIP
    >>> bool(diff)                                                    # doctest: +SKIP
    False
    """

    kind: str
    """``role`` or ``contract`` (or ``organization``)."""
    old: Side
    new: Side
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes) or self.register_changed

    @property
    def register_changed(self) -> bool:
        """Whether the document number or version differs (not listed as changes)."""
        return (self.old.number, self.old.version) != (self.new.number, self.new.version)

    def counts(self) -> dict[str, Counter[ChangeKind]]:
        """How many changes of each kind each group has, groups in reading order."""
        result: dict[str, Counter[ChangeKind]] = {}
        for change in self.changes:
            result.setdefault(change.group, Counter())[change.kind] += 1
        return result

    def summary_lines(self) -> list[str]:
        """One line per group: ``functions: +2 −1 ~3``."""
        lines = []
        for group, counts in self.counts().items():
            parts = [f"{SIGNS[kind]}{counts[kind]}" for kind in SIGNS if counts[kind]]
            lines.append(f"{group}: {' '.join(parts)}")
        return lines


def plain(value: Any) -> Any:
    """A spec value as JSON can hold it: dates as ISO text."""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
