"""R004 bad-remove (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class BadRemove(BuiltinRule):
    """`remove: true` names no item of the parent, or is used without `extends`.

    ## What it does
    Reports an item `{id: x, remove: true}` whose id the parent role does not have in that
    section, a removal without an `id`, and a removal in a role that does not extend
    another.

    ## Why
    A removal that removes nothing means the child keeps a duty the author meant to drop.

    ## Example
    ```yaml
    extends: account-manager.yaml
    functions:
      - {id: order-procesing, remove: true}
    ```

    ## Use instead
    ```yaml
    extends: account-manager.yaml
    functions:
      - {id: order-processing, remove: true}
    ```

    ## Options
    None.
    """

    code = "R004"
    name = "bad-remove"
