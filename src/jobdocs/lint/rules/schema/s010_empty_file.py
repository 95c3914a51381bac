"""S010 empty-file (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class EmptyFile(BuiltinRule):
    """The file is empty or holds no YAML document.

    ## What it does
    Reports a spec file that is empty or contains only comments.

    ## Why
    An empty file in the specs folder is usually a forgotten placeholder; it would render
    nothing.

    ## Example
    ```yaml
    # TODO: write the role
    ```

    ## Use instead
    ```yaml
    jobdocs: 1
    kind: role
    # … (`jobdocs init role` writes a complete starter)
    ```

    ## Options
    None.
    """

    code = "S010"
    name = "empty-file"
