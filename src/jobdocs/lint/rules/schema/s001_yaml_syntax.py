"""S001 yaml-syntax (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class YamlSyntax(BuiltinRule):
    """The file is not valid YAML.

    ## What it does
    Reports the first YAML syntax error of a file — a bad indentation, a tab, an unclosed
    quote or bracket, a character YAML does not allow — at the line and column where the
    parser stopped (for an unclosed quote: where it opened). Nothing else in the file can be
    checked until it parses.

    ## Why
    A spec that does not parse cannot be validated, linted or rendered; YAML's error
    messages are easy to misread, so jobdocs names the place and the likely cause.

    ## Example
    ```yaml
    title: "Account Manager
    department: Sales
    ```

    ## Use instead
    ```yaml
    title: "Account Manager"
    department: Sales
    ```

    ## Options
    None.
    """

    code = "S001"
    name = "yaml-syntax"
