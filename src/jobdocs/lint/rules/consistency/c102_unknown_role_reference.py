"""C102 unknown-role-reference."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.models import Role, Text

_ID_LIKE = re.compile(r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$")


class UnknownRoleReference(Rule[RuleOptions]):
    """`reports_to` or `subordinates` names a role id that no spec in the repository has.

    ## What it does
    A position in `reports_to` or `subordinates` is usually written as a title
    (`{ka: გაყიდვების დეპარტამენტის უფროსი, en: Head of Sales}`). When it is written as a
    single plain string that looks like a role id — lower-case letters and digits joined by
    `-`, `_` or `.`, such as `head-of-sales` — this rule checks that a role spec with that
    `id` exists under the same spec root, and suggests the closest id when it does not.
    Titles (text with spaces, capitals or non-Latin letters, or a mapping of languages) are
    not checked.

    ## Why
    An id that names no role is a broken link in the organization's reporting lines: the
    rendered document prints a slug instead of a position, and nobody can tell whom the
    employee reports to.

    ## Example
    ```yaml
    reports_to: head-of-sale
    subordinates: [junior-account-manager]
    ```

    ## Use instead
    ```yaml
    reports_to: head-of-sales            # roles/head-of-sales.yaml has `id: head-of-sales`
    subordinates:
      - {ka: უმცროსი მენეჯერი, en: Junior Account Manager}
    ```

    ## Options
    None.
    """

    code = "C102"
    name = "unknown-role-reference"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role):
            return
        named: list[tuple[tuple[str | int, ...], Text]] = []
        if role.reports_to is not None:
            named.append((("reports_to",), role.reports_to))
        named.extend((("subordinates", i), text) for i, text in enumerate(role.subordinates))
        candidates = [(path, text.root) for path, text in named
                      if isinstance(text.root, str) and _ID_LIKE.match(text.root)]
        if not candidates:
            return
        known = ctx.role_ids()
        for path, ident in candidates:
            if ident in known or ident == role.id:
                continue
            close = difflib.get_close_matches(ident, sorted(known), n=1, cutoff=0.6)
            hint = (f"did you mean `{close[0]}`?" if close else
                    "write the position's title instead, or add the role's spec")
            yield self.finding(ctx.location(path),
                               f"`{ident}` looks like a role id, but no role in this "
                               f"repository has that id", hint=hint)
