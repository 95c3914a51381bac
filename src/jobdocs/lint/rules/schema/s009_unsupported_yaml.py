"""S009 unsupported-yaml (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class UnsupportedYaml(BuiltinRule):
    """The file uses a YAML tag or a complex key that specs do not allow.

    ## What it does
    Reports explicit tags (`!!python/object`, `!custom`) and mapping keys that are lists or
    mappings.

    ## Why
    Specs hold plain text, numbers, dates, lists and mappings. Tags can ask a loader to
    build arbitrary objects, and complex keys cannot be field names.

    ## Example
    ```yaml
    title: !!python/object:os.system echo
    ```

    ## Use instead
    ```yaml
    title: Account Manager
    ```

    ## Options
    None.
    """

    code = "S009"
    name = "unsupported-yaml"
