"""A106 annex-not-approved."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Kind, Rule, RuleOptions
from jobdocs.models import Contract, Role


class AnnexNotApproved(Rule[RuleOptions]):
    """An approved contract annexes a job description that is not approved.

    ## What it does
    Reports the `role` of a contract whose `document.status` is `approved` when the annexed
    role's status is `draft` or `review`.

    ## Why
    The job description is an integral part of the contract. Signing a contract whose annex
    is still a draft binds the employee to duties that may still change — and the annex is
    printed with a DRAFT watermark.

    ## Example
    ```yaml
    # contracts/ec-2026-042.yaml
    role: ../roles/account-manager.yaml   # document: {status: draft}
    document: {number: EC-2026/042, status: approved}
    ```

    ## Use instead
    ```yaml
    role: ../roles/account-manager.yaml   # document: {status: approved}
    document: {number: EC-2026/042, status: approved}
    ```

    ## Options
    None.
    """

    code = "A106"
    name = "annex-not-approved"
    kinds: ClassVar[frozenset[Kind]] = frozenset({"contract"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        contract = ctx.model
        annex = ctx.validated.role.model if ctx.validated.role is not None else None
        if (not isinstance(contract, Contract) or not isinstance(annex, Role)
                or contract.document.status != "approved"
                or annex.document.status == "approved"):
            return
        yield self.finding(ctx.location(("role",)),
                           f"the contract is approved, but its annexed job description is "
                           f"still `{annex.document.status}`",
                           hint="approve the job description first, or keep the contract in "
                                "`review`")
