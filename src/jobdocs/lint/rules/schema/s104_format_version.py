"""S104 format-version (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class FormatVersion(BuiltinRule):
    """The spec does not start with `jobdocs: 1` or has an unknown `kind`.

    ## What it does
    Reports a spec without `jobdocs: 1`, with a format version this jobdocs does not read,
    or with a missing or unknown `kind` (organization, role, contract).

    ## Why
    The version and kind say how to read everything else; guessing them would give
    misleading errors for every other key.

    ## Example
    ```yaml
    kind: rolle
    ```

    ## Use instead
    ```yaml
    jobdocs: 1
    kind: role
    ```

    ## Options
    None.
    """

    code = "S104"
    name = "format-version"
