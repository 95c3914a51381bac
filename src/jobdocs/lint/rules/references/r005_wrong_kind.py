"""R005 wrong-kind (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class WrongKind(BuiltinRule):
    """A reference names a spec of the wrong kind.

    ## What it does
    Reports `organization` naming something other than an organization, and `role` or
    `extends` naming something other than a role.

    ## Why
    The referenced data would not fit where it is used: a contract cannot annex an
    organization.

    ## Example
    ```yaml
    role: ../org/acme.yaml
    ```

    ## Use instead
    ```yaml
    role: ../roles/account-manager.yaml
    ```

    ## Options
    None.
    """

    code = "R005"
    name = "wrong-kind"
