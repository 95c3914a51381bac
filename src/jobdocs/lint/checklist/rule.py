"""The one rule implementation behind every checklist requirement.

Each requirement of each pack becomes a rule class of its own (code ``L103``, name
``ge-working-time``), made by :func:`checklist_rules` from :class:`ChecklistRule`, so that
every requirement can be selected, ignored, given another severity and suppressed like any
other rule, and has its own entry in SARIF and in ``jobdocs rules``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import ClassVar, cast

from jobdocs.findings import Finding, Location, PathKey, Severity
from jobdocs.lint.checklist.evaluate import (
    applies,
    breaks,
    format_number,
    missing_groups,
    outranked,
)
from jobdocs.lint.checklist.loader import shipped_packs
from jobdocs.lint.checklist.schema import Pack, Requirement
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Kind, Rule, RuleOptions
from jobdocs.models import Contract

#: Where a finding points when the contract lacks a top-level key: the line that chose the
#: checklist (or, for a requirement with a ``when``, the line that made it apply).
FALLBACK: PathKey = ("jurisdiction",)


class ChecklistRule(Rule[RuleOptions]):
    """A requirement of a jurisdiction checklist; subclasses name the pack and requirement."""

    kinds: ClassVar[frozenset[Kind]] = frozenset({"contract"})
    pack: ClassVar[Pack]
    requirement: ClassVar[Requirement]
    packs: ClassVar[tuple[Pack, ...]] = ()
    """Every pack, for the documentation's list of checklists."""
    _docs: ClassVar[str | None] = None

    @classmethod
    def docs(cls) -> str:
        """The documentation, made from the pack (see :mod:`jobdocs.lint.checklist.docs`)."""
        from jobdocs.lint.checklist.docs import requirement_docs

        text = cls.__dict__.get("_docs")
        if not isinstance(text, str):
            text = requirement_docs(cls.pack, cls.requirement, cls.packs)
            cls._docs = text
        return text

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        contract = ctx.model
        if not isinstance(contract, Contract) or contract.jurisdiction != self.pack.jurisdiction:
            return
        req = self.requirement
        if not applies(req, contract):
            return
        if req.require:
            missing = missing_groups(req, contract)
            if missing:
                yield self._missing(ctx, missing)
            return
        value = breaks(req, contract)
        if value is not None and outranked(self.pack, req, contract) is None:
            assert req.limit is not None
            text = req.message.get(ctx.language).format(value=format_number(value))
            yield self.finding(ctx.location(_key(req.limit.path)), self._tagged(text),
                               hint=req.citation)

    def _missing(self, ctx: RuleContext, missing: list[list[str]]) -> Finding:
        req = self.requirement
        wanted = [" or ".join(f"`{p}`" for p in group) for group in missing]
        if len(missing) > 1:
            wanted = [f"({w})" if len(g) > 1 else w for w, g in zip(wanted, missing, strict=True)]
        hint = f"{req.citation}\nadd {' and '.join(wanted)}"
        paths = [p for group in missing for p in group]
        return self.finding(_written_ancestor(ctx, paths, _fallback(req)),
                            self._tagged(req.message.get(ctx.language).format()), hint=hint)

    def _tagged(self, text: str) -> str:
        return f"{text} [{self.pack.jurisdiction} {self.requirement.id}]"


def _key(path: str) -> PathKey:
    return tuple(path.split("."))


def _fallback(req: Requirement) -> PathKey:
    if req.when is not None and req.when.present is not None:
        return _key(req.when.present)
    return ("languages",) if req.when is not None else FALLBACK


def _written_ancestor(ctx: RuleContext, paths: list[str], fallback: PathKey) -> Location:
    """The key nearest to the missing paths that the contract writes (``terms:`` for a
    missing ``terms.working_time``; ``fallback`` for a missing top-level key), named by the
    paths' common part."""
    best: PathKey = ()
    for path in paths:
        probe = _key(path)
        while probe and probe not in ctx.spec.origins:
            probe = probe[:-1]
        if len(probe) > len(best):
            best = probe
    location = ctx.location(best or fallback, key=True)
    keys = [_key(p) for p in paths]
    common = keys[0][:min(len(k) for k in keys)]
    while any(k[:len(common)] != common for k in keys):
        common = common[:-1]
    return replace(location, path=".".join(str(s) for s in common) or paths[0])


def checklist_rules(packs: Iterable[Pack] | None = None) -> list[type[ChecklistRule]]:
    """A rule class for every requirement of ``packs`` (default: the shipped packs)."""
    chosen = tuple(shipped_packs() if packs is None else packs)
    rules: list[type[ChecklistRule]] = []
    for pack in chosen:
        for req in pack.requirements:
            attributes = {
                "code": req.code,
                "name": f"{pack.jurisdiction.lower()}-{req.id}",
                "severity": Severity(req.severity),
                "pack": pack,
                "requirement": req,
                "packs": chosen,
                "__module__": __name__,
                "__qualname__": f"ChecklistRule.{req.code}",
            }
            rules.append(cast(type[ChecklistRule], type(req.code, (ChecklistRule,), attributes)))
    return rules
