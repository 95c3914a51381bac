"""S008 nesting-too-deep (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class NestingTooDeep(BuiltinRule):
    """Mappings and lists are nested too deeply.

    ## What it does
    Reports nesting deeper than the loader's limit (64 levels) and stops reading the file.

    ## Why
    A spec needs only a few levels; very deep nesting is almost always broken indentation,
    and unbounded depth is a way to crash a parser.

    ## Example
    ```yaml
    functions: [[[[[[[[ … ]]]]]]]]
    ```

    ## Use instead
    ```yaml
    functions:
      - id: reporting
        text: Submit a monthly report.
    ```

    ## Options
    None.
    """

    code = "S008"
    name = "nesting-too-deep"
