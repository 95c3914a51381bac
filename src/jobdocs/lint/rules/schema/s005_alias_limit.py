"""S005 alias-limit (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class AliasLimit(BuiltinRule):
    """The file holds, or expands to through aliases, too many values.

    ## What it does
    Reports a file that holds more values than the loader's limit (50,000 by default),
    counting every value its YAML aliases (`*name`) expand to, and stops reading it.

    ## Why
    Nested aliases can make a small file expand to billions of values (the "billion laughs"
    attack), and a file of 100,000 list items is not a job description either; the limit
    keeps a hostile or broken file from exhausting the machine.

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
