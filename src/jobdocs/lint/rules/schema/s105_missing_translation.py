"""S105 missing-translation (reported when a spec is loaded and validated)."""

from __future__ import annotations

from jobdocs.lint.rule import BuiltinRule


class MissingTranslation(BuiltinRule):
    """A text lacks one of the languages listed in `languages`.

    ## What it does
    Reports every text (a title, an item, a name) that has no translation in one of the
    languages the spec lists in `languages` — in the spec itself, in its organization, and,
    for a contract, in the annexed job description. This is the check for an item missing a
    language; there is no separate W rule for it.

    ## Why
    A bilingual document prints both languages side by side; a missing translation leaves a
    blank where the other party expects a binding text.

    ## Example
    ```yaml
    languages: [ka, en]
    functions:
      - ka: ბაზრის შესწავლა.
    ```

    ## Use instead
    ```yaml
    languages: [ka, en]
    functions:
      - {ka: ბაზრის შესწავლა., en: Study the market.}
    ```

    ## Options
    None.
    """

    code = "S105"
    name = "missing-translation"
