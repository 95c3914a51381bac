"""S002 encoding (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class Encoding(BuiltinRule):
    """The file is not UTF-8.

    ## What it does
    Reports a file saved as UTF-16 or UTF-32, or containing bytes that are not valid UTF-8
    (a file saved as Windows-1252 or Latin-1). A UTF-8 byte order mark is accepted.

    ## Why
    Georgian and Russian text survives only in a Unicode encoding; a wrong encoding silently
    garbles names and titles in a legal document.

    ## Example
    ```yaml
    # saved by an editor as UTF-16 or Windows-1252
    ```

    ## Use instead
    ```yaml
    # saved as UTF-8 (without BOM)
    ```

    ## Options
    None.
    """

    code = "S002"
    name = "encoding"
