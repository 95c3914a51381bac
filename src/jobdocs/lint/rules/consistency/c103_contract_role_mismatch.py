"""C103 contract-role-mismatch."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import ClassVar

from jobdocs.findings import Finding, Severity
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Kind, Rule, RuleOptions
from jobdocs.models import Contract


class ContractRoleMismatch(Rule[RuleOptions]):
    """The job description annexed to a contract belongs to another organization.

    ## What it does
    For a contract with a `role`, compares the contract's `organization` with the
    `organization` of the annexed role (after following both references) and reports the
    `role` line when they are different specs.

    The contract format has no title or department of its own: the position is the annexed
    role's `title` and `department`, so the contract and its annex cannot state two
    different positions. What can disagree is the employer: a contract of one company that
    annexes another company's job description — usually a copy-paste of the wrong file in a
    group of companies.

    ## Why
    The job description is an integral part of the contract; an annex issued by a different
    employer does not bind the parties and leaves the employee's duties undefined.

    ## Example
    ```yaml
    # contracts/ec-2026-042.yaml
    organization: ../org/acme.yaml
    role: ../roles/beta/account-manager.yaml   # organization: ../../org/beta.yaml
    ```

    ## Use instead
    ```yaml
    organization: ../org/acme.yaml
    role: ../roles/account-manager.yaml        # organization: ../org/acme.yaml
    ```

    ## Options
    None.
    """

    code = "C103"
    name = "contract-role-mismatch"
    severity = Severity.ERROR
    kinds: ClassVar[frozenset[Kind]] = frozenset({"contract"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not isinstance(ctx.model, Contract):
            return
        own = ctx.spec.organization
        role = ctx.spec.role
        theirs = role.organization if role is not None else None
        if own is None or theirs is None or own.path == theirs.path:
            return
        mine = os.path.relpath(own.path, ctx.spec.path.parent)
        other = os.path.relpath(theirs.path, ctx.spec.path.parent)
        yield self.finding(
            ctx.location(("role",)),
            f"the annexed job description belongs to `{other}`, but this contract's employer "
            f"is `{mine}`",
            hint="annex the job description of this employer, or correct `organization`")
