"""W107 long-item."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions


class LongItemOptions(RuleOptions):
    """Options of W107."""

    max_words: int = Field(default=60, ge=1)
    """The most words an item may have, in each language."""


class LongItem(Rule[LongItemOptions]):
    """An item is very long.

    ## What it does
    Reports an item whose text has more than `max_words` words in any of its languages.
    Sub-items count separately.

    ## Why
    A long item usually holds several duties. Each duty should be a numbered item so that
    it can be referred to, assessed, replaced in a role that `extends` this one, and
    suppressed or discussed on its own; a wall of text in a signed document is also where
    readers miss things.

    ## Example
    ```yaml
    functions:
      - Find new clients, negotiate with them, prepare contracts, keep the CRM up to date,
        handle complaints, monitor competitors, report monthly, … (70 words)
    ```

    ## Use instead
    ```yaml
    functions:
      - id: client-acquisition
        text: Find and attract new clients, including
        items:
          - contacting potential clients by telephone and email;
          - taking part in exhibitions and presentations.
      - id: negotiations
        text: Prepare and conduct negotiations with clients.
    ```

    ## Options
    - `max_words` (default 60): the most words an item may have, in each language.
    """

    code = "W107"
    name = "long-item"
    options_model = LongItemOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        limit = self.options.max_words
        for item in ctx.items():
            for spot in ctx.item_spots(item):
                words = len(ctx.words(spot))
                if words > limit:
                    yield self.finding(ctx.locate(spot),
                                       f"this item has {words} words (more than {limit})",
                                       hint="split it into several items, or into sub-items "
                                            "under `items:`")
