"""W106 one-word-item."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions


class OneWordItemOptions(RuleOptions):
    """Options of W106."""

    sections: list[str] = Field(default_factory=lambda: [
        "general", "functions", "rights", "responsibility", "sections"])
    """The sections whose items must be more than one word."""


class OneWordItem(Rule[OneWordItemOptions]):
    """An item is a single word.

    ## What it does
    Reports an item of the general part, functions, rights, responsibility or an extra
    section whose text is a single word (`Sales.`, `Reporting`, „ანგარიშგება“). Items of
    `requirements` (knowledge, skills, qualities) are not checked by default: a skill is
    often one word (`English`, `Excel`, „პუნქტუალურობა“).

    ## Why
    A duty, a right or a ground of responsibility is a statement: what the employee does,
    may do or answers for. One word does not say what is expected, so it cannot be
    assessed, and it is vague in a dispute.

    ## Example
    ```yaml
    functions:
      - Reporting.
    ```

    ## Use instead
    ```yaml
    functions:
      - Submit a monthly sales report to the Head of Sales by the 5th working day.
    ```

    ## Options
    - `sections` (default `["general", "functions", "rights", "responsibility",
      "sections"]`): the sections whose items must be more than one word.
    """

    code = "W106"
    name = "one-word-item"
    options_model = OneWordItemOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for item in ctx.items():
            if not item.within(self.options.sections):
                continue
            for spot in ctx.item_spots(item):
                if len(ctx.words(spot)) == 1:
                    yield self.finding(ctx.locate(spot),
                                       f"“{spot.value.strip()}” is a single word",
                                       hint="write what the employee does, may do or answers "
                                            "for, as a sentence")
