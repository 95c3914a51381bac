"""S006 not-a-mapping (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class NotAMapping(BuiltinRule):
    """The top level of the file is not a mapping.

    ## What it does
    Reports a file whose top level is a list or a single value instead of keys and values.

    ## Why
    A spec is a mapping that starts with `jobdocs: 1` and `kind:`; anything else cannot be a
    spec.

    ## Example
    ```yaml
    - jobdocs: 1
    - kind: role
    ```

    ## Use instead
    ```yaml
    jobdocs: 1
    kind: role
    ```

    ## Options
    None.
    """

    code = "S006"
    name = "not-a-mapping"
