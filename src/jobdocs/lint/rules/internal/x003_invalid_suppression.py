"""X003 invalid-suppression (reported by the lint engine)."""

from __future__ import annotations

from jobdocs.findings import Severity
from jobdocs.lint.rule import BuiltinRule


class InvalidSuppression(BuiltinRule):
    """A suppression comment cannot be understood.

    ## What it does
    Reports a `# jobdocs: ignore` or `ignore-file` comment without codes, with a code that
    does not exist, and an `ignore-file` comment below the top of the file.

    ## Why
    A suppression that does not work as intended leaves its finding in place or, worse,
    looks as if it were reviewed.

    ## Example
    ```yaml
    - text: A fine of 500 GEL.  # jobdocs: ignore[W1O1]
    ```

    ## Use instead
    ```yaml
    - text: A fine of 500 GEL.  # jobdocs: ignore[W101]
    ```

    ## Options
    None.
    """

    code = "X003"
    name = "invalid-suppression"
    severity = Severity.WARNING
    origin = "engine"
