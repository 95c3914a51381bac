"""W105 empty-item."""

from __future__ import annotations

from collections.abc import Iterator

from jobdocs.findings import Finding, Severity
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions


class EmptyItem(Rule[RuleOptions]):
    """An item has no words.

    ## What it does
    Reports an item of any section (general, requirements, functions, rights,
    responsibility, extra sections, sub-items) whose text, in any of its languages, is
    empty or only spaces and punctuation (`""`, `"-"`, `"…"`).

    ## Why
    An empty item renders as a bare number: a duty or right without content in a signed
    document invites the question of what was left out.

    ## Example
    ```yaml
    functions:
      - Study the market.
      - ""
    ```

    ## Use instead
    ```yaml
    functions:
      - Study the market.
    ```

    ## Options
    None.
    """

    code = "W105"
    name = "empty-item"
    severity = Severity.ERROR

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for item in ctx.items():
            for spot in ctx.item_spots(item):
                if not ctx.words(spot):
                    yield self.finding(ctx.locate(spot), "this item is empty",
                                       hint="write the item, or delete it")
