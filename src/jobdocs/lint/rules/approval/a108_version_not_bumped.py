"""A108 version-not-bumped."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, ClassVar

from jobdocs.findings import Finding, Location, PathKey, Severity, dotted, has_errors
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Kind, Rule, RuleOptions
from jobdocs.models import Contract, Role
from jobdocs.resolve import ResolvedSpec

VERSION: PathKey = ("document", "version")


class VersionNotBumpedOptions(RuleOptions):
    """Options of A108."""

    references: bool = True
    """Whether a change in the organization or the annexed role counts as a change of the
    spec that names it."""


class VersionNotBumped(Rule[VersionNotBumpedOptions]):
    """A spec changed since the base revision, but its `document.version` did not go up.

    ## What it does
    Runs only with `jobdocs lint --base REV` (without `--base` it never reports anything).
    It compares each role and contract with its copy at the git revision `REV`, both loaded
    the way jobdocs loads them: the `extends` chain merged, and the organization and the
    annexed role read as they were at that revision. When anything but `document.version`
    differs, `document.version` must be greater than it was at `REV`; a version that went
    down is reported too, changed or not.

    Data is compared, not text: comments, blank lines, quoting and the order of keys do not
    count as changes; a changed item, title or date does, and so does a change in the role a
    child `extends`, or (with the default `references = true`) in the organization or the
    annexed role. A spec that did not exist at `REV` is not reported, nor one whose copy at
    `REV` did not load without errors (there is nothing reliable to compare with).

    ## Why
    A job description or a contract is signed in a given version. When the text changes and
    the version stays, two different documents carry the same number and version: nobody can
    tell which one an employee signed, and the archived PDF no longer matches the spec.

    ## Example
    ```yaml
    # at origin/main: document: {number: JD-014, version: 3}
    document: {number: JD-014, version: 3}
    functions:
      - Prepare the monthly sales report.   # a new duty
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, version: 4}
    functions:
      - Prepare the monthly sales report.
    ```

    ## Options
    - `references` (default true): count a change in the organization or in the annexed
      role as a change of the role or contract that names it. Set it to false to compare
      only the spec's own data (with its `extends` chain).
    """

    code = "A108"
    name = "version-not-bumped"
    severity = Severity.ERROR
    kinds: ClassVar[frozenset[Kind]] = frozenset({"role", "contract"})
    options_model = VersionNotBumpedOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        model = ctx.model
        if ctx.base is None or not isinstance(model, Role | Contract) or ctx.spec.incomplete:
            return
        base = ctx.base.validated(ctx.spec.path)
        if (base is None or has_errors(base.findings)
                or not isinstance(base.model, Role | Contract)):
            return
        old, new = base.model.document.version, model.document.version
        revision = ctx.base.name
        if new < old:
            yield self.finding(
                _version_location(ctx),
                f"`document.version` went down from {old} at `{revision}` to {new}",
                hint=f"raise `document.version` to {old + 1}")
            return
        if new > old:
            return
        references = self.options.references
        changed = first_difference(comparable(base.spec, references=references),
                                   comparable(ctx.spec, references=references))
        if changed is not None:
            where = f" (at `{dotted(changed)}`)" if changed else ""
            yield self.finding(
                _version_location(ctx),
                f"the spec changed since `{revision}`{where}, but `document.version` is "
                f"still {new}",
                hint=f"raise `document.version` to {old + 1}")


def comparable(spec: ResolvedSpec, *, references: bool, top: bool = True) -> Any:
    """The data of ``spec`` as A108 compares it: without the top spec's own
    ``document.version``, and with ``references`` the organization and annexed role replaced
    by their data (so moving a referenced file does not count as a change)."""
    data: dict[str, Any] = dict(spec.data or {})
    document = data.get("document")
    if top and isinstance(document, dict):
        data["document"] = {k: v for k, v in document.items() if k != "version"}
    if references:
        for key, ref in (("organization", spec.organization), ("role", spec.role)):
            if ref is not None and key in data:
                data[key] = comparable(ref, references=True, top=False)
    return data


def first_difference(old: Any, new: Any, path: PathKey = ()) -> PathKey | None:
    """The first path (in the new data's order) at which ``old`` and ``new`` differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        for key in (*new, *(k for k in old if k not in new)):
            if key not in old or key not in new:
                return (*path, key)
            found = first_difference(old[key], new[key], (*path, key))
            if found is not None:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        for index, (a, b) in enumerate(zip(old, new, strict=False)):
            found = first_difference(a, b, (*path, index))
            if found is not None:
                return found
        return (*path, min(len(old), len(new))) if len(old) != len(new) else None
    # Numbers compare by value (3500 and 3500.0 are the same pay), but `true` is not `1`.
    same = old == new and isinstance(old, bool) is isinstance(new, bool)
    return None if same else path


def _version_location(ctx: RuleContext) -> Location:
    """``document.version`` in the spec's own file; else its ``document``; else its top (a
    version inherited through ``extends`` is written in another file)."""
    for path in (VERSION, ("document",)):
        origin = ctx.spec.origins.get(path)
        if origin is not None and origin[0] == ctx.spec.path:
            return ctx.location(path)
    return Location(ctx.spec.path, 1, 1, 1, 1, dotted(VERSION))
