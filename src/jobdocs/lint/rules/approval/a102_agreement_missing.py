"""A102 agreement-missing."""

from __future__ import annotations

from collections.abc import Iterator

from jobdocs.findings import Finding, Severity
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role


class AgreementMissing(Rule[RuleOptions]):
    """An approved job description was agreed with nobody.

    ## What it does
    Reports a role whose `document.status` is `approved` when `approval.agreed_with` is
    empty.

    ## Why
    Before the head approves a job description it is agreed with a lawyer, the HR
    department and the immediate supervisor; their signatures on the agreement sheet show
    that the duties are lawful and workable. Approval without any agreement skips that
    review.

    ## Example
    ```yaml
    document: {number: JD-014, status: approved}
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, status: approved}
    approval:
      approved_by: {name: Giorgi Kapanadze, position: Director, date: 2026-11-20}
      agreed_with:
        - {name: Tamar Lomidze, position: Lawyer, date: 2026-11-10}
        - {name: Ekaterine Japaridze, position: HR Manager, date: 2026-11-12}
    ```

    ## Options
    None.
    """

    code = "A102"
    name = "agreement-missing"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role) or role.document.status != "approved":
            return
        if not role.approval.agreed_with:
            yield self.finding(ctx.location(("document", "status")),
                               "the document is approved, but `approval.agreed_with` is empty",
                               hint="list who agreed the document (lawyer, HR, supervisor) "
                                    "under `approval.agreed_with`")
