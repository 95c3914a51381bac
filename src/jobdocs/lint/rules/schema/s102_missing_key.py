"""S102 missing-key (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class MissingKey(BuiltinRule):
    """A required key is missing.

    ## What it does
    Reports a required field that is absent, at the mapping that should contain it. A role
    that `extends` another may leave out what it inherits.

    ## Why
    A document without, for example, a title or a number cannot be rendered or registered.

    ## Example
    ```yaml
    document: {version: 3}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, version: 3}
    ```

    ## Options
    None.
    """

    code = "S102"
    name = "missing-key"
