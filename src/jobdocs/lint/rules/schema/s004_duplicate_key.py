"""S004 duplicate-key (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class DuplicateKey(BuiltinRule):
    """A key appears twice in the same mapping.

    ## What it does
    Reports the second occurrence of a key in a mapping, with the line of the first.

    ## Why
    Plain YAML loaders silently keep only the last value, so half of an edit disappears
    without a trace — in a legal document, a duty or a date can vanish.

    ## Example
    ```yaml
    document: {number: JD-014, number: JD-015}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-015}
    ```

    ## Options
    None.
    """

    code = "S004"
    name = "duplicate-key"
