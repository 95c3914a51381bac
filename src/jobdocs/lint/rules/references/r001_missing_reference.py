"""R001 missing-reference (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class MissingReference(BuiltinRule):
    """A referenced file does not exist or cannot be read.

    ## What it does
    Reports an `organization`, `role`, `extends` or `branding.logo` path that is empty or
    names a file that does not exist, with a "did you mean" hint for a near miss.

    ## Why
    A role without its organization, or a contract without its annexed job description,
    renders incomplete.

    ## Example
    ```yaml
    organization: ../org/acme.yml
    ```

    ## Use instead
    ```yaml
    organization: ../org/acme.yaml
    ```

    ## Options
    None.
    """

    code = "R001"
    name = "missing-reference"
