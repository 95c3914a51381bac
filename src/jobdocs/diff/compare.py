"""Compare two resolved specs: walk both data trees side by side, aligning list items.

The data compared is what the documents print: the resolved spec (``extends`` merged), with
``organization`` (and a contract's ``role``, its Annex 1) replaced by the data of the spec it
names, so a change of the employer's address or of an annexed duty shows up too. Lists are
aligned by :func:`jobdocs.alignment.align` — items by ``id``, the rest by text similarity — and
texts compared word by word in every language.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from jobdocs.alignment import align
from jobdocs.diff.model import Change, ChangeKind, Side, SpecDiff, plain
from jobdocs.findings import Location, PathKey, dotted
from jobdocs.resolve import ResolvedSpec
from jobdocs.textdiff import word_changes

IGNORED_KEYS = frozenset({"jobdocs", "extends", "kind"})
"""Keys that are not document content: the format version, and what was merged already."""
REGISTER = frozenset({("document", "number"), ("document", "version")})
"""The document's number and version: they name the two versions compared (see
:class:`~jobdocs.diff.model.Side`), so they are not listed as changes — a new version is
expected to carry a new version number."""
REFERENCES = ("organization", "role")
"""Keys naming another spec, compared by that spec's data."""
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


class _Version:
    """One version: its data (references inlined) and where each value is written."""

    def __init__(self, spec: ResolvedSpec):
        self.spec = spec
        data = dict(spec.data or {})
        self.inlined: dict[str, ResolvedSpec] = {}
        for key in REFERENCES:
            ref = spec.organization if key == "organization" else spec.role
            if ref is not None and ref.data is not None and isinstance(data.get(key), str):
                data[key] = {k: v for k, v in ref.data.items()
                             if k not in IGNORED_KEYS and k != "organization"}
                self.inlined[key] = ref
        self.data = data
        self.languages = _languages(data) | _languages(data.get("organization"))

    def location(self, path: PathKey) -> Location:
        """The file and span of the value at ``path``."""
        if path and isinstance(path[0], str) and path[0] in self.inlined:
            found = self.inlined[path[0]].location(path[1:])
        else:
            found = self.spec.location(path)
        return Location(found.file, found.line, found.column, found.end_line,
                        found.end_column, dotted(path))


def _languages(data: Any) -> set[str]:
    if not isinstance(data, Mapping):
        return set()
    found = {data["language"]} if isinstance(data.get("language"), str) else set()
    declared = data.get("languages")
    if isinstance(declared, list):
        found.update(x for x in declared if isinstance(x, str))
    defaults = data.get("defaults")
    if isinstance(defaults, Mapping) and isinstance(defaults.get("language"), str):
        found.add(defaults["language"])
    return found


def compare(old: ResolvedSpec, new: ResolvedSpec, *, old_name: str | None = None,
            new_name: str | None = None) -> SpecDiff:
    """Every change from ``old`` to ``new`` (two resolved specs of one kind)."""
    differ = _Differ(_Version(old), _Version(new))
    differ.mapping(differ.old.data, differ.new.data, (), ())
    return SpecDiff(kind=new.kind or "", old=_side(old, old_name), new=_side(new, new_name),
                    changes=tuple(differ.changes))


def _side(spec: ResolvedSpec, name: str | None) -> Side:
    document = (spec.data or {}).get("document")
    document = document if isinstance(document, Mapping) else {}
    number, version = document.get("number"), document.get("version")
    return Side(name or str(spec.path), str(number) if number is not None else None,
                version if isinstance(version, int) and not isinstance(version, bool) else None)


class _Differ:
    def __init__(self, old: _Version, new: _Version):
        self.old, self.new = old, new
        self.languages = old.languages | new.languages
        self.changes: list[Change] = []

    # -- values ----------------------------------------------------------------------------

    def value(self, a: Any, b: Any, op: PathKey, np: PathKey) -> None:
        """Compare the values at ``op`` (old) and ``np`` (new)."""
        if self.is_text(a) and self.is_text(b):
            self.text(a, b, op, np)
        elif isinstance(a, Mapping) and isinstance(b, Mapping):
            self.mapping(a, b, op, np)
        elif isinstance(a, list) and isinstance(b, list):
            self.sequence(a, b, op, np)
        elif type(a) is not type(b) or a != b:
            self.add("changed", op, np, a, b)

    def mapping(self, a: Mapping[str, Any], b: Mapping[str, Any], op: PathKey,
                np: PathKey) -> None:
        keys = [*b, *(k for k in a if k not in b)]
        for key in keys:
            if (not op and key in IGNORED_KEYS) or (*op, key) in REGISTER:
                continue
            if key not in a:
                self.add("added", None, (*np, key), None, b[key])
            elif key not in b:
                self.add("removed", (*op, key), None, a[key], None)
            else:
                self.value(a[key], b[key], (*op, key), (*np, key))

    def sequence(self, a: list[Any], b: list[Any], op: PathKey, np: PathKey) -> None:
        for pair in align(a, b, key=_item_id, text=self.item_text):
            if pair.new is None:
                if pair.old is not None and not pair.moved:
                    self.add("removed", (*op, pair.old), None, a[pair.old], None)
                continue
            if pair.old is None:
                self.add("added", None, (*np, pair.new), None, b[pair.new])
                continue
            old_item, new_item = a[pair.old], b[pair.new]
            ip, jp = (*op, pair.old), (*np, pair.new)
            if pair.moved:
                self.add("moved", ip, jp, old_item, new_item,
                         words=self.words(_own_text(old_item), _own_text(new_item)))
                self.item_rest(old_item, new_item, ip, jp)
            elif _is_item(old_item) and _is_item(new_item):
                before, after = _own_text(old_item), _own_text(new_item)
                words = self.words(before, after)
                if words:
                    self.add("changed", ip, jp, before, after, words=words,
                             ident=_item_id(new_item))
                self.item_rest(old_item, new_item, ip, jp)
            else:
                self.value(old_item, new_item, ip, jp)

    def item_rest(self, a: Any, b: Any, op: PathKey, np: PathKey) -> None:
        """The parts of an item other than its own text (its sub-items, flags)."""
        if isinstance(a, Mapping) and isinstance(b, Mapping):
            own = {"text", "title", "id"}
            self.mapping({k: v for k, v in a.items() if k not in own},
                         {k: v for k, v in b.items() if k not in own}, op, np)

    def text(self, a: Any, b: Any, op: PathKey, np: PathKey) -> None:
        words = self.words(a, b)
        if words:
            self.add("changed", op, np, a, b, words=words)

    def words(self, a: Any, b: Any) -> dict[str, tuple[Any, ...]]:
        """The word changes between two texts, by language; empty when they are equal."""
        old, new = self.by_language(a), self.by_language(b)
        result: dict[str, tuple[Any, ...]] = {}
        for lang in [*new, *(x for x in old if x not in new)]:
            before, after = old.get(lang, ""), new.get(lang, "")
            if before != after:
                result[lang] = tuple(word_changes(before, after))
        return result

    # -- texts -----------------------------------------------------------------------------

    def is_text(self, value: Any) -> bool:
        """A Text: a string, or a mapping of language code → string."""
        if isinstance(value, str):
            return True
        return (isinstance(value, Mapping) and bool(value)
                and all(isinstance(k, str) and (k in self.languages or _LANGUAGE.match(k))
                        and isinstance(v, str) for k, v in value.items())
                and any(k in self.languages for k in value))

    def by_language(self, value: Any) -> dict[str, str]:
        if isinstance(value, Mapping):
            return {str(k): v for k, v in value.items() if isinstance(v, str)}
        if isinstance(value, str):
            return {self.primary: value}
        return {}

    @property
    def primary(self) -> str:
        lang = self.new.data.get("language") or self.old.data.get("language")
        return lang if isinstance(lang, str) else "text"

    def item_text(self, item: Any) -> str:
        """What an item says, for aligning items without ids: its own text, else all of it."""
        own = self.by_language(_own_text(item))
        if own:
            return own.get(self.primary) or next(iter(own.values()))
        return " ".join(_strings(item))

    # -- recording -------------------------------------------------------------------------

    def add(self, kind: ChangeKind, op: PathKey | None, np: PathKey | None, old: Any,
            new: Any, words: Mapping[str, tuple[Any, ...]] | None = None,
            ident: str | None = None) -> None:
        path = np if np is not None else op
        assert path is not None
        item = new if np is not None else old
        self.changes.append(Change(
            kind=kind, group=_group(path, self.new.data if np is not None else self.old.data),
            old_path=dotted(op) if op is not None else None,
            new_path=dotted(np) if np is not None else None,
            old=plain(old), new=plain(new),
            old_location=self.old.location(op) if op is not None else None,
            new_location=self.new.location(np) if np is not None else None,
            id=ident or _item_id(item), words=dict(words or {})))


def _item_id(item: Any) -> str | None:
    ident = item.get("id") if isinstance(item, Mapping) else None
    return ident if isinstance(ident, str) else None


def _is_item(value: Any) -> bool:
    """A list entry with its own text (or title): a duty, a right, an extra section."""
    return isinstance(value, Mapping) and ("text" in value or "title" in value)


def _own_text(item: Any) -> Any:
    if isinstance(item, Mapping):
        return item.get("text", item.get("title"))
    return item


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [str(value)] if value is not None else []


def _group(path: PathKey, data: Any) -> str:
    """The heading a change is listed under: the path down to the first list (``functions``,
    ``requirements.skills``), an extra section by its id (``sections.<id>``), or the
    top-level key for a plain value (``reports_to``, ``terms``)."""
    steps: list[str] = []
    node = data
    for step in path:
        if isinstance(step, int):
            item = node[step] if isinstance(node, Sequence) and step < len(node) else None
            if steps == ["sections"] and _item_id(item):
                return f"sections.{_item_id(item)}"
            return ".".join(steps) if steps else str(step)
        steps.append(step)
        node = node.get(step) if isinstance(node, Mapping) else None
    return steps[0] if steps else ""


def changed_paths(changes: Sequence[Change]) -> set[str]:
    """The paths (old and new) that changes touch."""
    return {p for c in changes for p in (c.old_path, c.new_path) if p}
