"""S003 file-too-large (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class FileTooLarge(BuiltinRule):
    """The file is larger than jobdocs reads.

    ## What it does
    Reports a file larger than the loader's limit (4 MiB by default). The file is not read.

    ## Why
    A job description or a contract is a few dozen kilobytes; a file of many megabytes is a
    mistake (a pasted image, a generated dump) or an attack, and reading it would slow every
    run.

    ## Example
    ```yaml
    # a 20 MB file in the specs folder
    ```

    ## Use instead
    ```yaml
    # one document per spec file; images are referenced by path (branding.logo)
    ```

    ## Options
    None.
    """

    code = "S003"
    name = "file-too-large"
