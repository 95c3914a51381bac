"""A101 approval-missing."""

from __future__ import annotations

from collections.abc import Iterator

from jobdocs.findings import Finding, Severity
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role


class ApprovalMissing(Rule[RuleOptions]):
    """An approved job description does not say who approved it and when.

    ## What it does
    Reports a role whose `document.status` is `approved` when `approval.approved_by` is
    missing, or when it has no `date`.

    ## Why
    A job description takes effect when the head of the organization approves it; the
    APPROVED block (ვამტკიცებ / УТВЕРЖДАЮ) with the head's name, position and date is what
    makes it binding. A document marked approved without it is not approved.

    ## Example
    ```yaml
    document: {number: JD-014, status: approved, effective_date: 2026-12-01}
    approval:
      agreed_with:
        - {name: Tamar Lomidze, position: Lawyer, date: 2026-11-10}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, status: approved, effective_date: 2026-12-01}
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
      agreed_with:
        - {name: Tamar Lomidze, position: Lawyer, date: 2026-11-10}
    ```

    ## Options
    None.
    """

    code = "A101"
    name = "approval-missing"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role) or role.document.status != "approved":
            return
        approver = role.approval.approved_by
        if approver is None:
            yield self.finding(ctx.location(("document", "status")),
                               "the document is approved, but `approval.approved_by` is missing",
                               hint="add `approval.approved_by` with the head's name, position "
                                    "and the date of approval")
        elif approver.date is None:
            yield self.finding(ctx.location(("approval", "approved_by"), key=True),
                               "the document is approved, but `approved_by` has no date",
                               hint="add the date of approval: `date: YYYY-MM-DD`")
