"""R003 outside-spec-root (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class OutsideSpecRoot(BuiltinRule):
    """A reference leaves the spec repository or is an absolute path.

    ## What it does
    Reports references that are absolute or that resolve (after `..` and symlinks) outside
    the spec root: the nearest folder with `jobdocs.toml` or a `pyproject.toml` with
    `[tool.jobdocs]`.

    ## Why
    Specs are shared as a repository; a reference outside it works on one machine only, and
    a rendered document must not read arbitrary files.

    ## Example
    ```yaml
    organization: /home/nino/acme.yaml
    ```

    ## Use instead
    ```yaml
    organization: ../org/acme.yaml
    ```

    ## Options
    None.
    """

    code = "R003"
    name = "outside-spec-root"
