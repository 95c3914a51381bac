"""R101 extends-unknown-id."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Any

from jobdocs.findings import Finding, PathKey, dotted
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.resolve import ITEM_LISTS
from jobdocs.source import SourceDocument


class ExtendsUnknownIdOptions(RuleOptions):
    """Options of R101."""

    similarity: float = 0.8
    """How close (0–1, difflib ratio) an id must be to a parent's id to count as a
    misspelling of it."""


class ExtendsOverrideUnknownId(Rule[ExtendsUnknownIdOptions]):
    """An item of a role that `extends` another misses the id of the parent's item it
    was meant to replace.

    ## What it does
    In a role that `extends` another, an item whose `id` matches one of the parent's items
    in the same section replaces it; any other item is **added**. This rule reports an added
    item whose id is almost the same as an id of the parent's section (a misspelling, by
    the `similarity` option), or that the parent has in a *different* section. In both
    cases the author most likely meant to replace the parent's item, and the document now
    has both the old and the new one. (`remove: true` of an unknown id is R004.)

    ## Why
    A typo in an id silently turns "replace this duty" into "add another duty": the child
    document keeps the parent's wording it was meant to change, next to the new wording.

    ## Example
    ```yaml
    extends: account-manager.yaml
    functions:
      - id: client-aquisition      # the parent has client-acquisition
        text: Find and attract large corporate clients.
    ```

    ## Use instead
    ```yaml
    extends: account-manager.yaml
    functions:
      - id: client-acquisition
        text: Find and attract large corporate clients.
    ```

    ## Options
    - `similarity` (default 0.8): how close an id must be to a parent's id to be
      reported as a misspelling of it.
    """

    code = "R101"
    name = "extends-unknown-id"
    options_model = ExtendsUnknownIdOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        own = ctx.spec.sources.get(ctx.spec.path)
        raw = own.data if own is not None else None
        ref = raw.get("extends") if isinstance(raw, dict) else None
        if own is None or not isinstance(ref, str):
            return
        parent_file = (ctx.spec.path.parent / ref).resolve()
        if parent_file not in ctx.spec.sources:
            return  # the reference is broken: R001 or R003 says so
        parent = ctx.resolver.resolve(parent_file).data
        if parent is None:
            return
        parent_ids = {path: _ids(_get(parent, path)) for path in ITEM_LISTS}
        for path in sorted(ITEM_LISTS):
            yield from self._section(own, path, parent_ids)

    def _section(self, own: SourceDocument, path: PathKey,
                 parent_ids: dict[PathKey, list[str]]) -> Iterator[Finding]:
        items = _get(own.data, path)
        if not isinstance(items, list):
            return
        mine = parent_ids.get(path, [])
        for index, item in enumerate(items):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str) or ident in mine or item.get("remove") is True:
                continue
            where = own.source_map.location((*path, index, "id"))
            section = dotted(path)
            close = difflib.get_close_matches(ident, mine, n=1, cutoff=self.options.similarity)
            if close:
                yield self.finding(
                    where, f"`{ident}` is not an id in the parent's `{section}`, so this item "
                           f"is added instead of replacing `{close[0]}`",
                    hint=f"did you mean `{close[0]}`? Use the parent's id to replace its item, "
                         "or a clearly different id for a new one")
                continue
            elsewhere = [dotted(p) for p, ids in sorted(parent_ids.items())
                         if p != path and ident in ids]
            if elsewhere:
                yield self.finding(
                    where, f"the parent has `{ident}` in `{elsewhere[0]}`, not in `{section}`, "
                           f"so this item is added to `{section}`",
                    hint=f"to replace the parent's item, put it under `{elsewhere[0]}`")


def _ids(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    return [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]


def _get(data: Any, path: PathKey) -> Any:
    for step in path:
        if not isinstance(data, dict):
            return None
        data = data.get(step)
    return data

