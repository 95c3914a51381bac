"""R006 not-a-file (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class NotAFile(BuiltinRule):
    """A spec or a reference is a directory or a special file.

    ## What it does
    Reports a reference that resolves to a directory, a device or another non-regular file,
    and a spec file that is one (a FIFO, a device such as `/dev/zero`, a socket): it is
    reported without being opened.

    ## Why
    Only a regular file can be read as a spec or a logo; reading a FIFO waits forever and a
    device may never end.

    ## Example
    ```yaml
    organization: ../org/
    ```

    ## Use instead
    ```yaml
    organization: ../org/acme.yaml
    ```

    ## Options
    None.
    """

    code = "R006"
    name = "not-a-file"
