"""S005 alias-limit (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class AliasLimit(BuiltinRule):
    """The file expands to too many values through aliases.

    ## What it does
    Reports a file whose YAML aliases (`*name`) expand to more values than the loader's
    limit (250,000 by default) and stops reading it.

    ## Why
    Nested aliases can make a small file expand to billions of values (the "billion laughs"
    attack); the limit keeps a hostile or broken file from exhausting the machine.

    ## Example
    ```yaml
    a: &a [x, x, x, x, x, x, x, x, x]
    b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
    c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
    ```

    ## Use instead
    ```yaml
    # write the values out, or use `extends` to share parts between roles
    ```

    ## Options
    None.
    """

    code = "S005"
    name = "alias-limit"
