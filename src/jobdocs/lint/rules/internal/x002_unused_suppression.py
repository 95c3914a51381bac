"""X002 unused-suppression (reported by the lint engine)."""

from __future__ import annotations

from jobdocs.findings import Severity
from jobdocs.lint.rule import BuiltinRule


class UnusedSuppression(BuiltinRule):
    """A suppression comment suppresses nothing.

    ## What it does
    Reports a `# jobdocs: ignore[…]` comment (or a code in it) with no finding of that code
    on its line, and an `ignore-file[…]` code with no finding in the file. Codes of rules
    that are not enabled are not reported.

    ## Why
    Suppressions outlive the problems they hid; a stale one would silently hide the next
    real problem on that line.

    ## Example
    ```yaml
    - text: Study the market.  # jobdocs: ignore[W101]
    ```

    ## Use instead
    ```yaml
    - text: Study the market.
    ```

    ## Options
    None.
    """

    code = "X002"
    name = "unused-suppression"
    severity = Severity.WARNING
    origin = "engine"
