"""A105 stale-draft."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role


class StaleDraftOptions(RuleOptions):
    """Options of A105."""

    max_days_past: int = Field(default=30, ge=0)
    """How many days after its effective date a document may still be unapproved."""


class StaleDraft(Rule[StaleDraftOptions]):
    """A document that is not yet approved should have taken effect long ago.

    ## What it does
    Reports `document.effective_date` of a role whose status is `draft` or `review` when
    that date is more than `max_days_past` days before today. Today is the date of the run,
    or the date of `SOURCE_DATE_EPOCH` when that variable is set.

    ## Why
    A draft whose effective date is long past is either forgotten — the employees work
    under a document nobody approved — or approved on paper with the spec never updated.
    Either way the repository no longer says what is in force.

    ## Example
    ```yaml
    document: {number: JD-014, status: draft, effective_date: 2024-01-01}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, status: draft, effective_date: 2027-01-01}
    # or, once it is signed: status: approved, with approval.approved_by
    ```

    ## Options
    - `max_days_past` (default 30): how many days after its effective date a document may
      still be a draft or under review.
    """

    code = "A105"
    name = "stale-draft"
    options_model = StaleDraftOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role) or role.document.status == "approved":
            return
        effective = role.document.effective_date
        if effective is None:
            return
        days = (ctx.today - effective).days
        if days > self.options.max_days_past:
            yield self.finding(
                ctx.location(("document", "effective_date")),
                f"the document took effect on {effective.isoformat()}, {days} days ago, "
                f"but is still `{role.document.status}`",
                hint="approve it, or move the effective date to when it will be approved")
