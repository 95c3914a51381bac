"""A107 acknowledged-before-approval."""

from __future__ import annotations

from collections.abc import Iterator

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role


class AcknowledgedBeforeApproval(Rule[RuleOptions]):
    """An employee acknowledged the document before it was approved.

    ## What it does
    Reports each `approval.acknowledged_by` entry whose `date` is earlier than the date of
    `approval.approved_by`.

    ## Why
    Employees acknowledge the approved text. An acknowledgement dated before the approval
    means the employee signed a text that could still change, so the acknowledgement sheet
    does not prove that they know the duties in force.

    ## Example
    ```yaml
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
      acknowledged_by:
        - {name: Nino Beridze, date: 2026-11-15}
    ```

    ## Use instead
    ```yaml
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
      acknowledged_by:
        - {name: Nino Beridze, date: 2026-11-25}
    ```

    ## Options
    None.
    """

    code = "A107"
    name = "acknowledged-before-approval"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role) or role.approval.approved_by is None:
            return
        approved = role.approval.approved_by.date
        if approved is None:
            return
        for index, signer in enumerate(role.approval.acknowledged_by):
            if signer.date is not None and signer.date < approved:
                yield self.finding(
                    ctx.location(("approval", "acknowledged_by", index, "date")),
                    f"acknowledged on {signer.date.isoformat()}, before the approval on "
                    f"{approved.isoformat()}",
                    hint="employees acknowledge the approved document; check both dates")
