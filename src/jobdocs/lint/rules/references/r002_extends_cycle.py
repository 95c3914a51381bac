"""R002 extends-cycle (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class ExtendsCycle(BuiltinRule):
    """`extends` forms a cycle.

    ## What it does
    Reports a role that extends itself, directly or through other roles, with the chain of
    files.

    ## Why
    Inheritance must end at a role that extends nothing; a cycle has no base to merge into.

    ## Example
    ```yaml
    # a.yaml
    extends: b.yaml
    # b.yaml
    extends: a.yaml
    ```

    ## Use instead
    ```yaml
    # a.yaml
    extends: base.yaml
    # b.yaml
    extends: base.yaml
    ```

    ## Options
    None.
    """

    code = "R002"
    name = "extends-cycle"
