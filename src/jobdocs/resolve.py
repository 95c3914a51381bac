"""References, the spec root, and inheritance (``extends``).

A role names its organization and may extend another role; a contract names its organization
and the role it annexes. Paths are relative to the file that names them and must stay inside
the **spec root**: the nearest ancestor with ``jobdocs.toml`` or a ``pyproject.toml`` with a
``[tool.jobdocs]`` table, else the directory of the file asked for.

Inheritance merges mappings key by key (the child wins) and list sections by item ``id``: a
child item whose id matches replaces the parent's in place, ``{id: x, remove: true}`` removes
it, and other items are appended. Every merged value remembers the file and span it came
from, so a finding in an inherited part points at the parent's file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jobdocs.findings import Finding, Location, PathKey, Severity, dotted
from jobdocs.source import DEFAULT_LIMITS, Limits, SourceDocument, SourceMap, Span, read_source

CONFIG_FILE = "jobdocs.toml"

#: The list sections of a role that merge by item id.
ITEM_LISTS: frozenset[PathKey] = frozenset({
    ("general",), ("functions",), ("rights",), ("responsibility",), ("sections",),
    ("requirements", "knowledge"), ("requirements", "skills"), ("requirements", "qualities"),
})

Origin = tuple[Path, Span]


def find_spec_root(path: Path) -> Path:
    """The spec root for ``path``: the nearest ancestor holding ``jobdocs.toml`` or a
    ``pyproject.toml`` with ``[tool.jobdocs]``; else the file's own directory."""
    start = path.resolve()
    here = start if start.is_dir() else start.parent
    for folder in (here, *here.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_jobdocs_table(pyproject):
            return folder
    return here


def _has_jobdocs_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(line.strip().startswith("[tool.jobdocs") for line in text.splitlines())


@dataclass(slots=True)
class ResolvedSpec:
    """A spec with its references followed and its ``extends`` chain merged."""

    path: Path
    """The file that was asked for."""
    root: Path
    """The spec root that references must stay inside."""
    data: dict[str, Any] | None
    """The merged data, or ``None`` when the file could not be read."""
    origins: dict[PathKey, Origin] = field(default_factory=dict)
    key_origins: dict[PathKey, Origin] = field(default_factory=dict)
    sources: dict[Path, SourceDocument] = field(default_factory=dict)
    """Every file read for this spec (itself and its ``extends`` chain)."""
    findings: list[Finding] = field(default_factory=list)
    organization: ResolvedSpec | None = None
    role: ResolvedSpec | None = None
    incomplete: bool = False
    """True when the ``extends`` parent could not be merged, so inherited keys are missing."""

    @property
    def kind(self) -> str | None:
        kind = self.data.get("kind") if self.data else None
        return kind if isinstance(kind, str) else None

    def location(self, path: PathKey, *, key: bool = False) -> Location:
        """The file and span of the value at ``path`` (or of its key), else of its nearest
        ancestor that has one."""
        probe = tuple(path)
        while True:
            origin = (self.key_origins.get(probe) if key else None) or self.origins.get(probe)
            if origin is not None:
                file, s = origin
                return Location(file, s.line, s.column, s.end_line, s.end_column, dotted(path))
            if not probe:
                return Location(self.path, 1, 1, 1, 1, dotted(path))
            probe = probe[:-1]

    def file_of(self, path: PathKey) -> Path:
        """The file the value at ``path`` was written in."""
        return self.location(path).file

    def all_findings(self) -> list[Finding]:
        """Findings of this spec and of the specs it references."""
        found = list(self.findings)
        for ref in (self.organization, self.role):
            if ref is not None:
                found.extend(ref.all_findings())
        return found


class Resolver:
    """Resolves specs, reading each file once. One resolver serves a whole run."""

    def __init__(self, root: Path | None = None, limits: Limits = DEFAULT_LIMITS):
        self.root = root
        self.limits = limits
        self._cache: dict[Path, ResolvedSpec] = {}
        self._sources: dict[Path, SourceDocument] = {}

    def resolve(self, path: Path) -> ResolvedSpec:
        """Read ``path``, follow its references and merge its ``extends`` chain."""
        root = (self.root or find_spec_root(path)).resolve()
        return self._resolve(path.resolve(), root, chain=())

    # -- the steps -------------------------------------------------------------------------

    def _resolve(self, path: Path, root: Path, chain: tuple[Path, ...]) -> ResolvedSpec:
        cached = self._cache.get(path)
        if cached is not None and cached.root == root:
            return cached
        doc = self._read(path)
        spec = ResolvedSpec(path, root, None, sources={path: doc}, findings=list(doc.findings))
        if doc.data is None:
            return spec
        data, origins, key_origins = doc.data, _origins(doc.source_map), _key_origins(doc)
        spec.data, spec.origins, spec.key_origins = data, origins, key_origins
        parent_ref = data.get("extends")
        if isinstance(parent_ref, str):
            self._merge_parent(spec, parent_ref, root, (*chain, path))
        else:
            _report_stray_removals(spec)
        self._follow_references(spec, root)
        if not chain:
            self._cache[path] = spec
        return spec

    def _merge_parent(self, spec: ResolvedSpec, ref: str, root: Path,
                      chain: tuple[Path, ...]) -> None:
        target = self._reference(spec, ("extends",), ref, root, expect="role")
        if target is None:
            spec.incomplete = True
            _report_stray_removals(spec)
            return
        if target in chain:
            names = " → ".join(p.name for p in (*chain, target))
            spec.findings.append(Finding(
                "R002", Severity.ERROR, f"`extends` forms a cycle: {names}",
                spec.location(("extends",)),
                hint="a role cannot extend itself, directly or through other roles",
            ))
            spec.incomplete = True
            _report_stray_removals(spec)
            return
        parent = self._resolve(target, root, chain)
        spec.sources.update(parent.sources)
        spec.findings.extend(f for f in parent.findings if f not in spec.findings)
        if parent.data is None or parent.incomplete:
            spec.incomplete = True
        if parent.data is None:
            _report_stray_removals(spec)
            return
        if parent.data.get("kind") != "role" or spec.data is None:
            return
        child = _Tree.from_spec(spec)
        merged = _merge(_Tree.from_spec(parent), child, (), spec)
        merged.value.pop("extends", None)
        spec.data, spec.origins, spec.key_origins = merged.flatten()

    def _follow_references(self, spec: ResolvedSpec, root: Path) -> None:
        assert spec.data is not None
        kind = spec.data.get("kind")
        org_ref = spec.data.get("organization")
        if kind in ("role", "contract") and isinstance(org_ref, str):
            target = self._reference(spec, ("organization",), org_ref, root,
                                     expect="organization")
            if target is not None:
                spec.organization = self._resolve(target, root, ())
        role_ref = spec.data.get("role")
        if kind == "contract" and isinstance(role_ref, str):
            target = self._reference(spec, ("role",), role_ref, root, expect="role")
            if target is not None:
                spec.role = self._resolve(target, root, ())
        if kind == "organization":
            branding = spec.data.get("branding")
            logo = branding.get("logo") if isinstance(branding, dict) else None
            if isinstance(logo, str):
                self._reference(spec, ("branding", "logo"), logo, root, expect=None)

    def _reference(self, spec: ResolvedSpec, at: PathKey, ref: str, root: Path,
                   expect: str | None) -> Path | None:
        """Check one reference; report what is wrong with it and return the target file."""
        where = spec.location(at)
        base = where.file.parent
        problem = check_reference(base, ref, root)
        if problem is not None:
            code, message, hint = problem
            spec.findings.append(Finding(code, Severity.ERROR, message, where, hint))
            return None
        target = (base / ref).resolve()
        if expect is not None:
            kind = self._kind_of(target)
            if kind is not None and kind != expect:
                spec.findings.append(Finding(
                    "R005", Severity.ERROR,
                    f"`{dotted(at)}` must name a {expect} spec, but `{ref}` is a {kind}",
                    where))
                return None
        return target

    def _kind_of(self, path: Path) -> str | None:
        data = self._read(path).data
        kind = data.get("kind") if isinstance(data, dict) else None
        return kind if isinstance(kind, str) else None

    def _read(self, path: Path) -> SourceDocument:
        doc = self._sources.get(path)
        if doc is None:
            doc = read_source(path, self.limits)
            self._sources[path] = doc
        return doc


def check_reference(base: Path, ref: str, root: Path) -> tuple[str, str, str | None] | None:
    """What is wrong with the reference ``ref`` written in a file in ``base``, if anything:
    ``(code, message, hint)``."""
    if not ref.strip():
        return "R001", "the reference is empty", None
    if "\x00" in ref:
        return "R001", "the reference contains a NUL character", None
    raw = Path(ref)
    if raw.is_absolute():
        return ("R003", f"`{ref}` is an absolute path; references must be relative",
                "write the path relative to this file")
    target = base / raw
    try:
        resolved = target.resolve()
    except (OSError, RuntimeError):
        return "R001", f"`{ref}` cannot be resolved (a symlink loop?)", None
    if not resolved.is_relative_to(root):
        return ("R003", f"`{ref}` points outside the spec root {root}",
                "keep every referenced file inside the spec repository")
    try:
        st = os.stat(resolved)
    except FileNotFoundError:
        return "R001", f"`{ref}` does not exist", _nearby(target)
    except OSError as exc:
        return "R001", f"`{ref}` cannot be read: {exc.strerror}", None
    if stat.S_ISDIR(st.st_mode):
        return "R006", f"`{ref}` is a directory, not a spec file", None
    if not stat.S_ISREG(st.st_mode):
        return "R006", f"`{ref}` is not a regular file", None
    return None


def _nearby(target: Path) -> str | None:
    import difflib

    try:
        names = [p.name for p in target.parent.iterdir()]
    except OSError:
        return None
    close = difflib.get_close_matches(target.name, names, n=1)
    return f"did you mean `{close[0]}`?" if close else None


# -- merging -----------------------------------------------------------------------------------


def _origins(smap: SourceMap) -> dict[PathKey, Origin]:
    return {p: (smap.file, s) for p, s in smap.values.items()}


def _key_origins(doc: SourceDocument) -> dict[PathKey, Origin]:
    return {p: (doc.path, s) for p, s in doc.source_map.keys.items()}


@dataclass(slots=True)
class _Tree:
    """A value with its origin, for merging: ``value`` holds trees, not plain data."""

    value: Any
    origin: Origin | None
    key_origin: Origin | None

    @classmethod
    def from_spec(cls, spec: ResolvedSpec) -> _Tree:
        return cls.build(spec.data, (), spec)

    @classmethod
    def build(cls, data: Any, path: PathKey, spec: ResolvedSpec) -> _Tree:
        if isinstance(data, dict):
            value: Any = {k: cls.build(v, (*path, k), spec) for k, v in data.items()}
        elif isinstance(data, list):
            value = [cls.build(v, (*path, i), spec) for i, v in enumerate(data)]
        else:
            value = data
        return cls(value, spec.origins.get(path), spec.key_origins.get(path))

    def plain(self) -> Any:
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value

    def flatten(self) -> tuple[Any, dict[PathKey, Origin], dict[PathKey, Origin]]:
        origins: dict[PathKey, Origin] = {}
        keys: dict[PathKey, Origin] = {}
        for path, node in self.walk(()):
            if node.origin is not None:
                origins[path] = node.origin
            if node.key_origin is not None:
                keys[path] = node.key_origin
        return self.plain(), origins, keys

    def walk(self, path: PathKey) -> Iterator[tuple[PathKey, _Tree]]:
        yield path, self
        if isinstance(self.value, dict):
            for k, v in self.value.items():
                yield from v.walk((*path, k))
        elif isinstance(self.value, list):
            for i, v in enumerate(self.value):
                yield from v.walk((*path, i))


def _merge(parent: _Tree, child: _Tree, path: PathKey, spec: ResolvedSpec) -> _Tree:
    if isinstance(parent.value, dict) and isinstance(child.value, dict):
        merged = dict(parent.value)
        for key, value in child.value.items():
            merged[key] = (_merge(merged[key], value, (*path, key), spec)
                           if key in merged else value)
        return _Tree(merged, child.origin, child.key_origin)
    if path in ITEM_LISTS and isinstance(parent.value, list) and isinstance(child.value, list):
        return _Tree(_merge_items(parent.value, child.value, path, spec),
                     child.origin, child.key_origin)
    return child


def _item_id(node: _Tree) -> str | None:
    if isinstance(node.value, dict):
        ident = node.value.get("id")
        if ident is not None and isinstance(ident.value, str):
            return ident.value
    return None


def _is_removal(node: _Tree) -> bool:
    if not isinstance(node.value, dict):
        return False
    flag = node.value.get("remove")
    return flag is not None and flag.value is True


def _merge_items(parent: list[_Tree], child: list[_Tree], path: PathKey,
                 spec: ResolvedSpec) -> list[_Tree]:
    result = list(parent)
    for index, item in enumerate(child):
        ident = _item_id(item)
        position = next((i for i, p in enumerate(result) if ident and _item_id(p) == ident),
                        None)
        if _is_removal(item):
            if position is None:
                spec.findings.append(_missing_parent_id(spec, (*path, index), ident))
            else:
                del result[position]
        elif position is not None:
            result[position] = item
        else:
            result.append(item)
    return result


def _missing_parent_id(spec: ResolvedSpec, at: PathKey, ident: str | None) -> Finding:
    where = spec.location((*at, "id") if ident else at)
    if ident is None:
        return Finding("R004", Severity.ERROR, "`remove: true` needs the `id` of the item "
                       "to remove", where)
    return Finding("R004", Severity.ERROR,
                   f"`{ident}` is removed, but the parent role has no item with that id",
                   where, hint="check the id against the parent's items")


def _report_stray_removals(spec: ResolvedSpec) -> None:
    """Without a parent, ``remove: true`` items are reported and dropped."""
    data = spec.data
    if data is None:
        return
    for list_path in ITEM_LISTS:
        items = _get(data, list_path)
        if not isinstance(items, list):
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict) and item.get("remove") is True:
                spec.findings.append(Finding(
                    "R004", Severity.ERROR,
                    "`remove: true` only works in a role that `extends` another",
                    spec.location((*list_path, index, "remove")),
                    hint="delete the item, or add `extends:` naming the parent role"))


def _get(data: Any, path: PathKey) -> Any:
    for step in path:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data
