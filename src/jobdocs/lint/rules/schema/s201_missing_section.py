"""S201 missing-section."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from jobdocs.findings import Finding
from jobdocs.lint.context import STANDARD_SECTIONS, RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role

_NAMES = {
    "general": "general provisions",
    "functions": "functions (duties)",
    "rights": "rights",
    "responsibility": "responsibility",
}


class MissingSection(Rule[RuleOptions]):
    """A standard section of the job description is missing or empty.

    ## What it does
    Checks that a role has the four standard sections — `general`, `functions`, `rights`
    and `responsibility` — each with at least one item, after `extends` is merged (a role
    inherits the sections of the role it extends). Extra `sections` without items are
    reported too.

    ## Why
    A job description is structured as general provisions, functions, rights and
    responsibility; a document without one of them is incomplete as a legal instrument: an
    employee cannot be held to duties that are not written, and without a responsibility
    section there are no stated grounds for it.

    ## Example
    ```yaml
    functions:
      - Study the market.
    rights: []
    ```

    ## Use instead
    ```yaml
    general:
      - The employee is appointed and dismissed by order of the Director.
    functions:
      - Study the market.
    rights:
      - To receive the information needed to perform the duties.
    responsibility:
      - Failure to perform, or improper performance of, the duties.
    ```

    ## Options
    None.
    """

    code = "S201"
    name = "missing-section"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role):
            return
        for section in STANDARD_SECTIONS:
            items = getattr(role, section)
            if items:
                continue
            present = section in (ctx.spec.data or {})
            where = (ctx.location((section,), key=True) if present
                     else replace(ctx.location(("kind",), key=True), path=section))
            state = "empty" if present else "missing"
            yield self.finding(where, f"the {_NAMES[section]} section `{section}` is {state}",
                               hint=f"a job description states its {_NAMES[section]}; "
                                    f"add at least one item under `{section}:`")
        for index, extra in enumerate(role.sections):
            if not extra.items and not extra.remove:
                yield self.finding(ctx.location(("sections", index, "id")),
                                   f"the section `{extra.id}` has no items",
                                   hint="add its items, or remove the section")
