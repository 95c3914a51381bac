"""A104 approval-after-effective-date."""

from __future__ import annotations

from collections.abc import Iterator

from jobdocs.findings import Finding, Severity
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role


class ApprovalAfterEffectiveDate(Rule[RuleOptions]):
    """The document was approved after the date it takes effect.

    ## What it does
    Reports `approval.approved_by.date` when it is later than `document.effective_date`.

    ## Why
    A job description cannot take effect before it exists: duties that applied before the
    approval date were never approved. Either the effective date or the approval date is
    wrong.

    ## Example
    ```yaml
    document: {number: JD-014, status: approved, effective_date: 2026-11-01}
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, status: approved, effective_date: 2026-12-01}
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
    ```

    ## Options
    None.
    """

    code = "A104"
    name = "approval-after-effective-date"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role) or role.approval.approved_by is None:
            return
        approved = role.approval.approved_by.date
        effective = role.document.effective_date
        if approved is not None and effective is not None and approved > effective:
            yield self.finding(
                ctx.location(("approval", "approved_by", "date")),
                f"approved on {approved.isoformat()}, after the document took effect on "
                f"{effective.isoformat()}",
                hint="set `document.effective_date` on or after the approval date")
