"""What a rule sees: the resolved spec with its source map, the model, and ways to walk its
texts and items and to point at an exact place in the file."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobdocs.findings import Location, PathKey
from jobdocs.lint.index import SpecIndex
from jobdocs.lint.words import tokens
from jobdocs.models import Contract, ItemObject, Organization, Role, Text
from jobdocs.resolve import ResolvedSpec, Resolver
from jobdocs.validation import Validated, iter_texts

if TYPE_CHECKING:
    from jobdocs.lint.base import BaseSpecs

#: The list sections of a role whose entries are items, in document order.
ITEM_SECTIONS: tuple[PathKey, ...] = (
    ("general",), ("requirements", "knowledge"), ("requirements", "skills"),
    ("requirements", "qualities"), ("functions",), ("rights",), ("responsibility",),
)

#: The four sections every job description has.
STANDARD_SECTIONS = ("general", "functions", "rights", "responsibility")


@dataclass(frozen=True, slots=True)
class TextSpot:
    """One language of one text: the string, its language and the data path of the string."""

    path: PathKey
    lang: str
    value: str


@dataclass(frozen=True, slots=True)
class ItemSpot:
    """An item of a list section, with its path and the section it belongs to."""

    path: PathKey
    section: str
    """``functions``, ``requirements.skills``, ``sections.<id>``…"""
    item: ItemObject

    def within(self, sections: Iterable[str]) -> bool:
        """Whether the item is in one of ``sections`` (``requirements`` covers
        ``requirements.skills``)."""
        return any(self.section == s or self.section.startswith(f"{s}.") for s in sections)


@dataclass
class RuleContext:
    """The spec being linted, as rules see it.

    ``today`` is the date rules compare with (the engine takes it from
    ``SOURCE_DATE_EPOCH`` when set, so a run can be reproduced).
    """

    validated: Validated
    today: datetime.date
    resolver: Resolver
    index: SpecIndex
    base: BaseSpecs | None = None
    """The specs as they were at the base revision (``jobdocs lint --base REV``), or
    ``None`` when no base was given: rules that compare with the base then find nothing."""
    _lines: dict[Path, list[str]] = field(default_factory=dict, repr=False)
    # Several rules walk the same texts and items: each walk is done once per spec.
    _texts: list[TextSpot] | None = field(default=None, repr=False)
    _items: list[ItemSpot] | None = field(default=None, repr=False)
    _item_spots: dict[PathKey, list[TextSpot]] = field(default_factory=dict, repr=False)
    _words: dict[PathKey, list[str]] = field(default_factory=dict, repr=False)

    @property
    def spec(self) -> ResolvedSpec:
        """The resolved spec, with its source map and the files it was read from."""
        return self.validated.spec

    @property
    def model(self) -> Role | Contract | Organization:
        """The validated model (rules run only on specs that have one)."""
        model = self.validated.model
        assert model is not None, "rules run only on specs that validated"
        return model

    @property
    def language(self) -> str:
        """The primary language: a plain string is in this language."""
        model = self.model
        if isinstance(model, Organization):
            return model.defaults.language or "ka"
        return model.language

    # -- places ----------------------------------------------------------------------------

    def location(self, path: PathKey, *, key: bool = False) -> Location:
        """Where the value at ``path`` (or its key) is written."""
        return self.spec.location(path, key=key)

    def locate(self, spot: TextSpot, start: int = 0, end: int | None = None) -> Location:
        """The place of ``spot.value[start:end]`` in the file: exact when the string is written
        on one line as a plain or quoted scalar without escapes, else the whole value."""
        loc = self.spec.location(spot.path)
        if end is None or loc.end_line != loc.line or loc.end_column is None:
            return loc
        line = self._line(loc.file, loc.line)
        raw = line[loc.column - 1:loc.end_column - 1]
        offset = _value_offset(raw, spot.value)
        if offset is None:
            return loc
        first = loc.column + offset
        return replace(loc, column=first + start, end_line=loc.line, end_column=first + end)

    def _line(self, file: Path, number: int) -> str:
        lines = self._lines.get(file)
        if lines is None:
            source = self.spec.sources.get(file)
            lines = source.text.splitlines() if source is not None else []
            self._lines[file] = lines
        return lines[number - 1] if 0 < number <= len(lines) else ""

    # -- walking the model -----------------------------------------------------------------

    def spots(self, text: Text | None, path: PathKey) -> Iterator[TextSpot]:
        """Each language of ``text`` (found at ``path``) as a :class:`TextSpot`."""
        if text is None:
            return
        path = self.data_path(path)
        if isinstance(text.root, str):
            yield TextSpot(path, self.language, text.root)
        else:
            for lang, value in text.root.items():
                yield TextSpot((*path, lang), lang, value)

    def data_path(self, path: PathKey) -> PathKey:
        """The path in the spec's data of the value at model path ``path``: an item written
        as a bare text (``- Study the market.`` or ``- {ka: …, en: …}``) has no ``text`` key
        in the file, although its model has a ``text`` field."""
        if "text" not in path or path in self.spec.origins:
            return path
        data: Any = self.spec.data
        out: list[str | int] = []
        for step in path:
            bare = isinstance(data, str) or (isinstance(data, dict) and "text" not in data)
            if step == "text" and bare and data is not None:
                continue
            out.append(step)
            if isinstance(data, dict):
                data = data.get(step)
            elif isinstance(data, list) and isinstance(step, int) and step < len(data):
                data = data[step]
            else:
                data = None
        return tuple(out)

    def texts(self, obj: Any = None, path: PathKey = ()) -> Iterator[TextSpot]:
        """Every string of every text in ``obj`` (default: the whole model)."""
        if obj is None:
            if self._texts is None:
                self._texts = [spot for text_path, text in iter_texts(self.model)
                               for spot in self.spots(text, text_path)]
            return iter(self._texts)
        return (spot for text_path, text in iter_texts(obj, path)
                for spot in self.spots(text, text_path))

    def section_texts(self, sections: Iterable[str]) -> Iterator[TextSpot]:
        """Every string under the given top-level keys (``title``, ``requirements``…)."""
        for name in sections:
            value = getattr(self.model, name, None)
            if value is not None:
                yield from self.texts(value, (name,))

    @property
    def languages(self) -> list[str]:
        """The languages the spec's texts are in."""
        model = self.model
        if isinstance(model, Organization):
            return [self.language]
        return model.all_languages

    def items(self) -> Iterator[ItemSpot]:
        """Every item of a role, sub-items included, in document order."""
        if self._items is None:
            self._items = list(self._walk_items())
        return iter(self._items)

    def _walk_items(self) -> Iterator[ItemSpot]:
        role = self.model
        if not isinstance(role, Role):
            return
        for section_path in ITEM_SECTIONS:
            entries: Any = role
            for step in section_path:
                entries = getattr(entries, str(step))
            label = ".".join(str(s) for s in section_path)
            for index, item in enumerate(entries):
                yield from _walk(item, (*section_path, index), label)
        for s, section in enumerate(role.sections):
            for index, item in enumerate(section.items):
                yield from _walk(item, ("sections", s, "items", index), f"sections.{section.id}")

    def words(self, spot: TextSpot) -> list[str]:
        """The words of ``spot``, case-folded, without punctuation (computed once)."""
        found = self._words.get(spot.path)
        if found is None:
            found = tokens(spot.value)
            self._words[spot.path] = found
        return found

    def item_spots(self, item: ItemSpot) -> Iterator[TextSpot]:
        """The strings of an item's own text (not of its sub-items)."""
        found = self._item_spots.get(item.path)
        if found is None:
            found = list(self.spots(item.item.text, (*item.path, "text")))
            self._item_spots[item.path] = found
        return iter(found)

    # -- other specs -----------------------------------------------------------------------

    def role_ids(self) -> frozenset[str]:
        """The ids of every role spec in this spec's repository (its spec root)."""
        return self.index.role_ids(self.spec.root)


def _walk(item: ItemObject, path: PathKey, section: str) -> Iterator[ItemSpot]:
    yield ItemSpot(path, section, item)
    for index, sub in enumerate(item.items):
        yield from _walk(sub, (*path, "items", index), section)


def _value_offset(raw: str, value: str) -> int | None:
    """Where ``value`` starts inside the scalar's source ``raw``, if it is written verbatim."""
    if raw == value:
        return 0
    if len(raw) >= 2 and raw[0] in "\"'" and raw[-1] == raw[0] and raw[1:-1] == value:
        return 1
    return None
