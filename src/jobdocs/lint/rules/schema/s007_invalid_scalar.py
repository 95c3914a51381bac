"""S007 invalid-scalar (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class InvalidScalar(BuiltinRule):
    """A value cannot be read as what it looks like (an impossible date).

    ## What it does
    Reports a scalar that YAML reads as a date or number but that is not valid, such as
    `2026-02-30`.

    ## Why
    An impossible date in a document that takes effect on that date is a defect a reader may
    not notice.

    ## Example
    ```yaml
    document: {effective_date: 2026-02-30}
    ```

    ## Use instead
    ```yaml
    document: {effective_date: 2026-03-02}
    ```

    ## Options
    None.
    """

    code = "S007"
    name = "invalid-scalar"
