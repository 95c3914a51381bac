"""A103 agreement-after-approval."""

from __future__ import annotations

from collections.abc import Iterator

from jobdocs.findings import Finding, Severity
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role


class AgreementAfterApproval(Rule[RuleOptions]):
    """Someone agreed the document after it was approved.

    ## What it does
    Reports each `approval.agreed_with` entry whose `date` is later than the date of
    `approval.approved_by`.

    ## Why
    Agreement comes first: the lawyer, HR and the supervisor agree the text, then the head
    approves it. A later agreement date means the approved text was not the agreed one, or
    that a date is wrong — either way the signature sheet does not hold up.

    ## Example
    ```yaml
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
      agreed_with:
        - {name: Tamar Lomidze, position: Lawyer, date: 2026-11-25}
    ```

    ## Use instead
    ```yaml
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
      agreed_with:
        - {name: Tamar Lomidze, position: Lawyer, date: 2026-11-10}
    ```

    ## Options
    None.
    """

    code = "A103"
    name = "agreement-after-approval"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role) or role.approval.approved_by is None:
            return
        approved = role.approval.approved_by.date
        if approved is None:
            return
        for index, signer in enumerate(role.approval.agreed_with):
            if signer.date is not None and signer.date > approved:
                yield self.finding(
                    ctx.location(("approval", "agreed_with", index, "date")),
                    f"agreed on {signer.date.isoformat()}, after the approval on "
                    f"{approved.isoformat()}",
                    hint="the document is agreed before the head approves it; "
                         "check both dates")
