"""What a template's tags ask of the context, checked without rendering.

The values a template gets are typed (:mod:`jobdocs.render.values`), so the names and
attributes a Jinja template uses can be checked against those types: ``documnt.title`` and
``document.titel`` are reported with what was meant; ``labels.x`` is checked against the
phrase catalog; a loop variable takes the type of the sequence's items. Unknown types (a
macro's parameters, ``extra``) accept anything.

:class:`NameChecker` also records which parts of the content the template prints, so a
template that never prints the rights section or the agreement sheet is caught too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from jinja2 import nodes

from jobdocs.i18n.phrases import PHRASES
from jobdocs.render.docx_shapes import (
    ANY,
    Labels,
    Selection,
    did_you_mean,
    dotted,
    item_shape,
    lookup,
    members,
    root_shapes,
    section_ids,
    section_test,
    unwrap,
)
from jobdocs.render.values import Section


@dataclass(frozen=True, slots=True)
class NameProblem:
    """A name or attribute the context does not provide."""

    line: int
    """The line of the tag in the checked source."""
    message: str
    hint: str | None


@dataclass(slots=True)
class Usage:
    """Which content the template prints."""

    sections: set[str] = field(default_factory=set)
    """Section ids whose entries are printed; ``*`` when every section is."""
    all_but: list[frozenset[str]] = field(default_factory=list)
    """Each: every section but these is printed (``section.id != "x"``)."""
    approval: set[str] = field(default_factory=set)
    """``approved_by``, ``agreed_with``, ``acknowledged_by`` (or ``*``)."""


class NameChecker:
    """Walks parsed templates with the context's types; collects problems and usage."""

    def __init__(self, globals_: Mapping[str, Any], filters: Mapping[str, Any],
                 tests: Mapping[str, Any]):
        self.roots = root_shapes()
        self.globals = set(globals_)
        self.filters, self.tests = set(filters), set(tests)
        self.problems: list[NameProblem] = []
        self.usage = Usage()

    def check(self, template: nodes.Template) -> None:
        """Check one parsed template (a story of a Word template)."""
        self._block(template.body, [{}], None)

    # -- statements ----------------------------------------------------------------------

    def _block(self, body: list[nodes.Node], scopes: list[dict[str, Any]],
               only: Selection | None) -> None:
        for node in body:
            self._statement(node, scopes, only)

    def _statement(self, node: nodes.Node, scopes: list[dict[str, Any]],
                   only: Selection | None) -> None:
        if isinstance(node, nodes.For):
            self._for(node, scopes, only)
        elif isinstance(node, nodes.If):
            self._if(node, scopes, only)
        elif isinstance(node, nodes.Assign):
            shape = self._expr(node.node, scopes, only)
            self._bind(node.target, shape, scopes[-1])
        elif isinstance(node, nodes.Macro | nodes.CallBlock):
            if isinstance(node, nodes.Macro):
                scopes[-1][node.name] = ANY
            else:
                self._expr(node.call, scopes, only)
            inner = {a.name: ANY for a in node.args} | {"caller": ANY, "varargs": ANY,
                                                        "kwargs": ANY}
            self._block(node.body, [*scopes, inner], only)
        elif isinstance(node, nodes.With):
            local: dict[str, Any] = {}
            for target, value in zip(node.targets, node.values, strict=True):
                self._bind(target, self._expr(value, scopes, only), local)
            self._block(node.body, [*scopes, local], only)
        elif isinstance(node, nodes.AssignBlock):
            self._block(node.body, scopes, only)
            self._bind(node.target, str, scopes[-1])
        elif isinstance(node, nodes.Import | nodes.FromImport):
            names = [node.target] if isinstance(node, nodes.Import) else [
                n if isinstance(n, str) else n[-1] for n in node.names]
            scopes[-1].update(dict.fromkeys(names, ANY))
        else:
            for child in node.iter_child_nodes():
                if isinstance(child, nodes.Expr):
                    self._expr(child, scopes, only)
                else:
                    self._statement(child, scopes, only)

    def _for(self, node: nodes.For, scopes: list[dict[str, Any]],
             only: Selection | None) -> None:
        iterable = self._expr(node.iter, scopes, only)
        item = item_shape(iterable)
        inner: dict[str, Any] = {"loop": ANY}
        self._bind(node.target, item, inner)
        if item is Section and node.test is not None:
            ids = section_ids(node.test, node.target)
            only = ids if ids is not None else only
        if node.test is not None:
            self._expr(node.test, [*scopes, inner], only)
        self._block(node.body, [*scopes, inner], only)
        self._block(node.else_, scopes, only)

    def _if(self, node: nodes.If, scopes: list[dict[str, Any]],
            only: Selection | None) -> None:
        self._expr(node.test, scopes, only)
        ids = section_test(node.test, scopes)
        self._block(node.body, scopes, ids if ids is not None else only)
        for branch in node.elif_:
            self._if(branch, scopes, only)
        self._block(node.else_, scopes, only)

    def _bind(self, target: nodes.Node, shape: Any, scope: dict[str, Any]) -> None:
        if isinstance(target, nodes.Name):
            scope[target.name] = shape
        else:
            for name in target.find_all(nodes.Name):
                scope[name.name] = ANY

    # -- expressions ---------------------------------------------------------------------

    def _expr(self, node: nodes.Node, scopes: list[dict[str, Any]],
              only: Selection | None) -> Any:
        if isinstance(node, nodes.Name):
            return self._name(node, scopes)
        if isinstance(node, nodes.Getattr):
            return self._attribute(node, node.attr, scopes, only)
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._attribute(node, node.arg.value, scopes, only)
            base = self._expr(node.node, scopes, only)
            self._expr(node.arg, scopes, only)
            self._escape(base, only)
            return item_shape(base)
        if isinstance(node, nodes.Filter | nodes.Test):
            known, kind = (self.filters, "filter") if isinstance(node, nodes.Filter) else (
                self.tests, "test")
            if node.name not in known:
                self._problem(node, f"there is no {kind} `{node.name}`",
                              did_you_mean(node.name, known))
        if isinstance(node, nodes.Filter) and node.node is not None:
            base = self._expr(node.node, scopes, only)
            self._escape(base, only)
            self._children(node, scopes, only, skip=node.node)
            return base if node.name in _KEEPS_SHAPE else ANY
        if isinstance(node, nodes.Call):
            self._children(node, scopes, only)
            for arg in [*node.args, *(k.value for k in node.kwargs)]:
                self._escape(self._shape_of(arg, scopes), only)
            return ANY
        self._children(node, scopes, only)
        return ANY

    def _children(self, node: nodes.Node, scopes: list[dict[str, Any]],
                  only: Selection | None, skip: nodes.Node | None = None) -> None:
        for child in node.iter_child_nodes():
            if child is not skip:
                self._expr(child, scopes, only)

    def _shape_of(self, node: nodes.Node, scopes: list[dict[str, Any]]) -> Any:
        if isinstance(node, nodes.Name):
            return lookup(node.name, scopes, self.roots)
        return ANY

    def _name(self, node: nodes.Name, scopes: list[dict[str, Any]]) -> Any:
        found = lookup(node.name, scopes, self.roots)
        if found is not None:
            return found
        if node.name not in self.globals:
            names = [*self.roots, *(n for s in scopes for n in s)]
            self._problem(node, f"`{node.name}` is not a value templates get",
                          did_you_mean(node.name, names)
                          or f"the values are: {', '.join(sorted(self.roots))}")
        return ANY

    def _attribute(self, node: nodes.Getattr | nodes.Getitem, attr: str,
                   scopes: list[dict[str, Any]], only: Selection | None) -> Any:
        base = self._expr(node.node, scopes, only)
        self._record(base, attr, only)
        shape = unwrap(base)
        if shape is Labels:
            if attr not in PHRASES:
                self._problem(node, f"`labels.{attr}` is not a phrase of the catalog",
                              did_you_mean(attr, PHRASES))
            return str
        found = members(shape)
        if found is None:
            return ANY
        if attr not in found:
            self._problem(node, f"`{dotted(node)}`: `{dotted(node.node)}` has no `{attr}`",
                          did_you_mean(attr, found) or f"it has: {', '.join(sorted(found))}")
            return ANY
        return found[attr]

    def _record(self, base: Any, attr: str, only: Selection | None) -> None:
        shape = unwrap(base)
        if shape is Section and attr == "entries":
            self._use_sections(only)
        elif getattr(shape, "__name__", "") == "Approval":
            self.usage.approval.add(attr if attr in _APPROVAL_GROUPS else "*")

    def _escape(self, shape: Any, only: Selection | None) -> None:
        """A value passed whole (to a filter, a call, an index) may be printed there."""
        shape = unwrap(shape)
        if shape is Section or item_shape(shape) is Section:
            self._use_sections(only)
        elif getattr(shape, "__name__", "") == "Approval":
            self.usage.approval.add("*")

    def _use_sections(self, only: Selection | None) -> None:
        if only is None:
            self.usage.sections.add("*")
        elif only[0]:
            self.usage.sections.update(only[1])
        else:
            self.usage.all_but.append(only[1])

    def _problem(self, node: nodes.Node, message: str, hint: str | None) -> None:
        self.problems.append(NameProblem(node.lineno, message, hint))


_APPROVAL_GROUPS = ("approved_by", "agreed_with", "acknowledged_by")
_KEEPS_SHAPE = frozenset({"list", "sort", "reverse", "unique", "selectattr", "rejectattr",
                          "default", "d", "batch", "slice"})
