"""S101 unknown-key (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class UnknownKey(BuiltinRule):
    """A key is not a field of the spec format.

    ## What it does
    Reports a key that the model of that part of the spec does not have, with a "did you
    mean" hint for a misspelling.

    ## Why
    A misspelt key (`efective_date`) would otherwise be ignored and its value silently lost
    from the document.

    ## Example
    ```yaml
    document: {number: JD-014, efective_date: 2026-12-01}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, effective_date: 2026-12-01}
    ```

    ## Options
    None.
    """

    code = "S101"
    name = "unknown-key"
