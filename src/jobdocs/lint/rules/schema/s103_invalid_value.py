"""S103 invalid-value (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class InvalidValue(BuiltinRule):
    """A value has the wrong type or is not allowed.

    ## What it does
    Reports a value of the wrong type (text where a number is expected, a list where a
    mapping is), a value outside the allowed choices or range, or text that does not have
    the expected form (an ISCO code, a currency, a language code).

    ## Why
    The model cannot be built from a wrong value, and a document built from a guessed one
    would say something the spec does not.

    ## Example
    ```yaml
    document: {number: JD-014, status: aproved}
    ```

    ## Use instead
    ```yaml
    document: {number: JD-014, status: approved}
    ```

    ## Options
    None.
    """

    code = "S103"
    name = "invalid-value"
