"""Two versions of a document compared: the new version's context, every change marked.

:func:`compare_contexts` walks two :class:`~jobdocs.render.values.DocumentContext` trees side
by side — frozen dataclasses (:mod:`jobdocs.render.values`,
:mod:`jobdocs.render.contract_values`), tuples and mappings — and returns the new one in
which every changed string carries the markers of :mod:`jobdocs.textdiff`:

- two different strings become :func:`~jobdocs.textdiff.mark_changes` (word by word);
- two dataclasses of one type are compared field by field;
- two tuples of dataclasses are aligned (:func:`~jobdocs.alignment.align`: by id, then by
  text); a removed element comes back where it stood with all its strings deleted, an added
  one has them all inserted, a moved one is deleted where it was and inserted where it is;
- tuples of strings (a contract's :data:`~jobdocs.render.contract_values.Texts`, one per
  language column) are compared column by column;
- anything else (numbers, flags, paths, ``None``) is the new value.

Some fields are never compared (:data:`FIXED`, :data:`IDENTITY`): entry numbers (renumbering
is not a change; a removed entry keeps its old number, struck through), ids, languages,
fixed phrases, branding, metadata, signature field names, ISO dates, the watermark.

The templates print the marked context as they print any other; the markers become
``<ins>``/``<del>`` (:mod:`jobdocs.render.redline_html`) or Word's tracked changes. While
walking, the changes are counted per section for the summary
(:class:`~jobdocs.render.redline_summary.ChangeSummary`).
"""

from __future__ import annotations

import contextlib
import dataclasses
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jobdocs.alignment import align
from jobdocs.i18n.phrases import PHRASES
from jobdocs.render.contract_values import (
    Annex,
    Clause,
    ContractValues,
    Line,
    Paragraph,
    Party,
    SignatureBlock,
)
from jobdocs.render.redline_fields import (
    CONTRACT_FIXED,
    FIXED,
    IDENTITY,
    flat_text,
    is_record,
    mark_all,
    record_key,
)
from jobdocs.render.redline_summary import ChangeSummary, SectionChanges
from jobdocs.render.values import Detail, DocumentContext, Entry, Section, Signatory
from jobdocs.textdiff import clean, deleted, inserted, mark_changes

COUNTED = (Entry, Paragraph, Detail, Line, Signatory, SignatureBlock, Party)
"""The entries the summary counts: each counts once as changed, however many of its texts
changed."""

GROUPS: dict[tuple[type, str], tuple[str, str]] = {
    (DocumentContext, "details"): ("details", "redline_details"),
    (DocumentContext, "approval"): ("signatures", "redline_signatures"),
    (ContractValues, "parties"): ("parties", "redline_parties"),
    (ContractValues, "signatures"): ("signatures", "redline_signatures"),
    (ContractValues, "annex"): ("annex", "annex_name"),
    (Annex, "details"): ("details", "redline_details"),
}
"""Fields whose changes the summary shows under a heading of their own: (field) → (key,
phrase). Sections and clauses are parts of their own too; everything else is counted under
``redline_document``."""


@dataclass(frozen=True, slots=True)
class Redline:
    """Two versions compared: the new context with the changes marked, and their summary."""

    context: DocumentContext
    summary: ChangeSummary


def compare_contexts(old: DocumentContext, new: DocumentContext) -> Redline:
    """The context of ``new`` with every change from ``old`` marked, and the summary.

    Identical contexts give ``new`` unmarked (a spec text that happens to contain a marker
    character has it removed) and an empty summary."""
    walk = _Walk(new.labels)
    with walk.part("document", walk.phrase("redline_document")):
        context = walk.compare(old, new)
    assert isinstance(context, DocumentContext)
    summary = ChangeSummary(
        old_number=old.document.number, old_version=old.document.version,
        new_number=new.document.number, new_version=new.document.version,
        sections=tuple(part.freeze() for part in walk.parts.values() if part.total))
    return Redline(context, summary)


def redline_context(old: DocumentContext, new: DocumentContext) -> DocumentContext:
    """The context of ``new`` with every change from ``old`` marked (see
    :func:`compare_contexts`)."""
    return compare_contexts(old, new).context


class _Part:
    """The running counts of one part of the summary."""

    __slots__ = ("added", "changed", "heading", "key", "moved", "removed")

    def __init__(self, key: str, heading: str):
        self.key, self.heading = key, heading
        self.added = self.removed = self.changed = self.moved = 0

    @property
    def total(self) -> int:
        return self.added + self.removed + self.changed + self.moved

    def freeze(self) -> SectionChanges:
        return SectionChanges(self.key, self.heading, self.added, self.removed, self.changed,
                              self.moved)


class _Walk:
    """One comparison: the parts of the summary, and the entries being compared."""

    def __init__(self, labels: Mapping[str, str]):
        self.labels = labels
        self.parts: dict[str, _Part] = {}
        self._open: list[_Part] = []
        self._entries: list[bool] = []  # per entry being compared: whether its texts changed
        self._prefix = ""

    def phrase(self, key: str) -> str:
        return self.labels.get(key) or PHRASES[key].message

    @contextlib.contextmanager
    def part(self, key: str, heading: str) -> Iterator[_Part]:
        """Count the changes inside the block under the part ``key``."""
        key = self._prefix + key
        found = self.parts.setdefault(key, _Part(key, heading))
        self._open.append(found)
        try:
            yield found
        finally:
            self._open.pop()

    def _changed(self) -> None:
        if self._entries:
            self._entries[-1] = True
        else:
            self._open[-1].changed += 1

    # -- values ---------------------------------------------------------------------------

    def compare(self, old: Any, new: Any) -> Any:
        """``new`` with its changes from ``old`` marked."""
        if isinstance(new, str):
            return self._text(old if isinstance(old, str) else "", new)
        if new is None:
            if isinstance(old, str | tuple) or is_record(old):
                removed = mark_all(old, deleted)
                if removed != old:
                    self._changed()
                return removed
            return None
        if is_record(new):
            if type(old) is type(new):
                return self._record(old, new)
            self._changed()
            return mark_all(new, inserted)
        if isinstance(new, tuple):
            before: tuple[Any, ...] = old if isinstance(old, tuple) else ()
            if any(is_record(item) for item in (*before, *new)):
                return self._records(before, new)
            return tuple(self.compare(before[i] if i < len(before) else None, item)
                         for i, item in enumerate(new))
        if isinstance(new, Mapping):
            earlier: Mapping[Any, Any] = old if isinstance(old, Mapping) else {}
            return {key: self.compare(earlier.get(key), value) for key, value in new.items()}
        return new

    def _text(self, old: str, new: str) -> str:
        if old == new:
            return clean(new)
        marked = mark_changes(old, new)
        if marked != clean(new):
            self._changed()
        return marked

    def _record(self, old: Any, new: Any) -> Any:
        cls = type(new)
        fixed = IDENTITY | FIXED.get(cls, frozenset())
        if isinstance(new, DocumentContext) and new.document.kind == "contract":
            fixed |= CONTRACT_FIXED
        counted = isinstance(new, COUNTED)
        if counted:
            self._entries.append(False)
        prefix = self._prefix
        if cls is Annex:
            self._prefix = "annex:"
        changes: dict[str, Any] = {}
        try:
            for field in dataclasses.fields(new):
                if field.name in fixed:
                    continue
                before, after = getattr(old, field.name), getattr(new, field.name)
                group = GROUPS.get((cls, field.name))
                if group is None:
                    changes[field.name] = self.compare(before, after)
                    continue
                with self.part(group[0], self._heading(self.phrase(group[1]))):
                    changes[field.name] = self.compare(before, after)
        finally:
            self._prefix = prefix
            if counted and self._entries.pop():
                self._open[-1].changed += 1
        return dataclasses.replace(new, **changes)

    def _heading(self, heading: str) -> str:
        """A part's heading; inside the annex, after the annex's name."""
        return f"{self.phrase('annex_name')}: {heading}" if self._prefix else heading

    def _records(self, old: tuple[Any, ...], new: tuple[Any, ...]) -> tuple[Any, ...]:
        result = []
        for pair in align(old, new, key=record_key, text=flat_text):
            before = old[pair.old] if pair.old is not None else None
            after = new[pair.new] if pair.new is not None else None
            item = after if after is not None else before
            if isinstance(item, Section | Clause):
                with self.part(f"{type(item).__name__.lower()}:{item.id}",
                               self._heading(_section_heading(pair.status, item))) as part:
                    result.append(self._step(pair.status, before, after, part,
                                             max(1, len(_children(item)))))
            else:
                result.append(self._step(pair.status, before, after, self._open[-1], 1))
        return tuple(result)

    def _step(self, status: str, old: Any, new: Any, part: _Part, weight: int) -> Any:
        if status == "kept":
            return self.compare(old, new)
        if status == "added":
            part.added += weight
        elif status == "removed":
            part.removed += weight
        elif status == "moved-from":
            part.moved += 1
        return mark_all(new, inserted) if new is not None else mark_all(old, deleted)


def _section_heading(status: str, item: Section | Clause) -> str:
    heading = item.heading if isinstance(item, Section) else (item.headings or ("",))[0]
    heading = clean(heading)
    if status == "added":
        return inserted(heading)
    if status == "removed":
        return deleted(heading)
    return heading


def _children(item: Section | Clause) -> tuple[Any, ...]:
    return item.entries if isinstance(item, Section) else item.paragraphs


