"""The types of the values Word templates get, as the template checker reasons about them.

A *shape* is a Python type from :mod:`jobdocs.render.values` (``DocumentInfo``,
``tuple[Section, ...]``, ``str | None``…) or :data:`ANY` when nothing is known. A
:data:`Selection` says which sections a part of a template prints, from tests such as
``section.id == "rights"``.
"""

from __future__ import annotations

import dataclasses
import difflib
import typing
from collections.abc import Iterable, Iterator
from typing import Any

from jinja2 import nodes

from jobdocs.render.values import DocumentContext, Section

ANY: Any = typing.Any
"""The shape of a value nothing is known about: every attribute is accepted."""

Selection = tuple[bool, frozenset[str]]
"""Which sections a part of a template prints: (``True``, ids) only those, (``False``, ids)
all but those."""


class Labels:
    """The shape of ``labels``: a mapping whose keys are the catalog's phrases."""


def root_shapes() -> dict[str, Any]:
    """The names a template gets, with their shapes."""
    hints = typing.get_type_hints(DocumentContext)
    shapes = {f.name: hints[f.name] for f in dataclasses.fields(DocumentContext)}
    shapes["labels"] = Labels
    return shapes


def lookup(name: str, scopes: list[dict[str, Any]], roots: dict[str, Any]) -> Any:
    """The shape of ``name``: from the innermost scope that binds it, else the roots;
    ``None`` when nothing binds it."""
    for scope in reversed(scopes):
        if name in scope:
            return scope[name]
    return roots.get(name)


def unwrap(shape: Any) -> Any:
    """``X | None`` → ``X``."""
    args = typing.get_args(shape)
    if args and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else ANY
    return shape


def item_shape(shape: Any) -> Any:
    """The shape of the items of a sequence (``tuple[Entry, ...]`` → ``Entry``)."""
    shape = unwrap(shape)
    if typing.get_origin(shape) is tuple:
        return typing.get_args(shape)[0]
    return ANY


def members(shape: Any) -> dict[str, Any] | None:
    """The attributes of a value of type ``shape`` (``None``: anything goes)."""
    if dataclasses.is_dataclass(shape) and isinstance(shape, type):
        hints = typing.get_type_hints(shape)
        found: dict[str, Any] = {f.name: hints[f.name] for f in dataclasses.fields(shape)}
        for name in dir(shape):
            if not name.startswith("_") and name not in found:
                member = getattr(shape, name)
                found[name] = (typing.get_type_hints(member.fget).get("return", ANY)
                               if isinstance(member, property) else ANY)
        return found
    if shape in (str, int, bool):
        return {n: ANY for n in dir(shape) if not n.startswith("_")}
    return None


def dotted(node: nodes.Node) -> str:
    """An expression as written: ``document.title``, ``labels['x']``."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{dotted(node.node)}[{node.arg.value!r}]"
    return "…"


def did_you_mean(name: str, options: Iterable[str]) -> str | None:
    """A hint naming the closest of ``options``, if one is close."""
    close = difflib.get_close_matches(name, sorted(set(options)), n=2, cutoff=0.6)
    return f"did you mean `{'` or `'.join(close)}`?" if close else None


def section_ids(test: nodes.Node, target: nodes.Node) -> Selection | None:
    """The section ids a ``for … if section.id == "x"`` loop keeps, if the test says."""
    name = target.name if isinstance(target, nodes.Name) else None
    return ids_compared(test, name) if name else None


def section_test(test: nodes.Node, scopes: list[dict[str, Any]]) -> Selection | None:
    """The sections an ``{% if section.id == "x" %}`` lets through, for a loop variable
    ``section`` over ``sections``."""
    for node in _walk_compares(test):
        expr = node.expr
        if (isinstance(expr, nodes.Getattr) and isinstance(expr.node, nodes.Name)
                and lookup(expr.node.name, scopes, {}) is Section):
            return ids_compared(test, expr.node.name)
    return None


def _walk_compares(test: nodes.Node) -> Iterator[nodes.Compare]:
    if isinstance(test, nodes.Compare):
        yield test
    yield from test.find_all(nodes.Compare)


def ids_compared(test: nodes.Node, name: str) -> Selection | None:
    """The sections a test on ``name.id`` lets through: ``== "x"``, ``in ("x", "y")`` (joined
    by ``or``), or ``!= "x"``, ``not in (…)`` (joined by ``and``); ``None`` when the test is
    anything else."""
    if isinstance(test, nodes.Or | nodes.And):
        left, right = ids_compared(test.left, name), ids_compared(test.right, name)
        wanted = isinstance(test, nodes.Or)
        if left is None or right is None or left[0] != wanted or right[0] != wanted:
            return None
        return wanted, left[1] | right[1]
    if not isinstance(test, nodes.Compare) or len(test.ops) != 1:
        return None
    sides = [test.expr, test.ops[0].expr]
    is_id = [isinstance(s, nodes.Getattr) and s.attr == "id" and isinstance(s.node, nodes.Name)
             and s.node.name == name for s in sides]
    op = test.ops[0].op
    if op in ("eq", "ne") and any(is_id):
        other = sides[1] if is_id[0] else sides[0]
        return (op == "eq", frozenset({other.value})) if isinstance(other, nodes.Const) else None
    if op in ("in", "notin") and is_id[0] and isinstance(sides[1], nodes.Tuple | nodes.List):
        values = [i.value for i in sides[1].items if isinstance(i, nodes.Const)]
        if len(values) != len(sides[1].items):
            return None
        return op == "in", frozenset(values)
    return None
