"""S011 multiple-documents (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class MultipleDocuments(BuiltinRule):
    """The file holds more than one YAML document.

    ## What it does
    Reports a second document (after a `---` line) in a spec file.

    ## Why
    One file is one spec: references, suppressions and diffs all name files. A second
    document would be silently ignored.

    ## Example
    ```yaml
    jobdocs: 1
    kind: role
    …
    ---
    jobdocs: 1
    kind: role
    ```

    ## Use instead
    ```yaml
    # one spec per file: roles/account-manager.yaml, roles/key-account-manager.yaml
    ```

    ## Options
    None.
    """

    code = "S011"
    name = "multiple-documents"
