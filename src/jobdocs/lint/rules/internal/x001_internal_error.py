"""X001 internal-error (reported by the lint engine)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class InternalError(BuiltinRule):
    """A lint rule failed while checking a spec.

    ## What it does
    Reports, at the top of the spec, that a rule raised an exception. The other rules still
    run, and the run completes.

    ## Why
    A bug in one rule must not hide every other finding or crash a CI job; it is reported so
    that it can be fixed.

    ## Example
    ```yaml
    # any spec on which a rule fails
    ```

    ## Use instead
    ```yaml
    # report the message and the spec to the maintainers;
    # meanwhile, `ignore` the rule that failed
    ```

    ## Options
    None.
    """

    code = "X001"
    name = "internal-error"
    origin = "engine"
