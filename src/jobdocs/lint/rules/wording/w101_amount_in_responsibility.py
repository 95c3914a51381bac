"""W101 amount-in-responsibility."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import Field

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions

_NUMBER = r"\d(?:[\d\s.,'’]*\d)?"
_SYMBOL = r"[₾$€£₽]"
_CODE = r"(?:GEL|USD|EUR|RUB|GBP)\b"
_WORD = (r"(?:(?:lari|laris|dollars?|euros?|roubles?|rubles?|pounds?)\b"
         r"|(?:ლარ|თეთრ|დოლარ|ევრო|руб|доллар|евро|копе)\w*|лари\b)")
_PERCENT = r"(?:%|percent\b|per\s*cent\b|процент\w*|პროცენტ\w*)"

AMOUNT = re.compile(
    rf"(?<![\w.]){_NUMBER}\s*(?:{_SYMBOL}|{_CODE}|{_WORD}|{_PERCENT})"
    rf"|(?:{_SYMBOL}|(?<!\w)(?:GEL|USD|EUR|RUB|GBP))\s*{_NUMBER}"
    r"|(?<!\w)deduct\w*\s+(?:\w+\s+){0,3}?from\s+(?:\w+\s+){0,2}?(?:salary|wages?|pay)\b"
    r"|(?<!\w)(?:удержани|вычет)\w*\s+(?:\w+\s+){0,2}?из\s+(?:\w+\s+){0,1}?"
    r"(?:заработн|зарплат|оклад)\w*"
    r"|(?<!\w)ხელფას\w*\s+(?:\w+\s+){0,1}?(?:დაქვითვ|დაკავებ)\w*",
    re.IGNORECASE,
)
"""Money (a number with a currency), a percentage, or a deduction from pay."""

FINE = re.compile(r"(?<!\w)(?:fine[sd]?\b|штраф\w*|ჯარიმ\w*|დაჯარიმ\w*)", re.IGNORECASE)
"""A fine, named without an amount."""


class AmountInResponsibilityOptions(RuleOptions):
    """Options of W101."""

    sections: list[str] = Field(default_factory=lambda: ["responsibility"])
    """The sections checked."""


class AmountInResponsibility(Rule[AmountInResponsibilityOptions]):
    """The responsibility section names a fine, an amount of money or a percentage.

    ## What it does
    Reports a text in `responsibility` that contains an amount of money (a number with a
    currency: `500 GEL`, `500 ლარი`, `₾500`, `500 рублей`), a percentage (`10%`,
    `10 პროცენტი`, `10 процентов`), a deduction from pay ("deducted from the salary",
    „ხელფასიდან დაქვითვა“, «удержание из заработной платы») or a fine ("fine", „ჯარიმა“,
    «штраф»), at the place of the first one. Each language of a text is checked, so every
    line with an amount is reported.

    ## Why
    The responsibility section of a job description lists the *grounds* of responsibility
    (failure to perform duties, disclosure of secrets, material damage); the measures are
    set by labour law, the internal regulations and the contract. A specific fine in a job
    description is usually unlawful (deductions from pay are limited by law) and goes stale
    as soon as pay or the law changes.

    ## Example
    ```yaml
    responsibility:
      - A fine of 500 GEL for each late report.
    ```

    ## Use instead
    ```yaml
    responsibility:
      - Failure to submit reports on time, within the limits set by the labour legislation.
    ```

    ## Options
    - `sections` (default `["responsibility"]`): the sections whose items are checked.
    """

    code = "W101"
    name = "amount-in-responsibility"
    options_model = AmountInResponsibilityOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for item in ctx.items():
            if not item.within(self.options.sections):
                continue
            for spot in ctx.item_spots(item):
                match = AMOUNT.search(spot.value) or FINE.search(spot.value)
                if match is None:
                    continue
                found = match.group().strip()
                yield self.finding(
                    ctx.locate(spot, match.start(), match.end()),
                    f"“{found}”: the responsibility section states grounds, not fines, "
                    f"amounts or percentages",
                    hint="state the ground (e.g. failure to perform the duties) and leave the "
                         "measure to the labour law and the internal regulations")
