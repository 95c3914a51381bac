"""W104 gendered-requirement."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import Field

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.lint.rules.wording.requirement_words import (
    AGE_LIMITS,
    EQUALITY,
    GENDER_WORDS,
    TWO_DIGITS,
    is_age_limit,
)


class GenderedRequirementOptions(RuleOptions):
    """Options of W104."""

    sections: list[str] = Field(default_factory=lambda: ["title", "general", "requirements"])
    """The top-level keys whose texts are checked."""


class GenderedRequirement(Rule[GenderedRequirementOptions]):
    """A requirement names the employee's sex or limits their age.

    ## What it does
    Reports words that require a sex — Georgian „მამაკაცი“, „ქალი“, „ქალბატონი“, „ბიჭი“,
    „გოგონა“, „მამრობითი/მდედრობითი სქესის“; Russian «мужчина», «женщина», «девушка»,
    «юноша», «лицо мужского пола»; English *man*, *woman*, *male*, *female*, *boy*,
    *girl* — and age limits: „25-დან 35 წლამდე“, „25-35 წლის“, „არაუმეტეს 35 წლის“, «от 25
    до 35 лет», «не старше 35 лет», *aged 25–35*, *under 35 years of age*. A number is taken
    for an age only between 16 and 80, and a minimum age only above 18, so "at least 2
    years of experience" and «не моложе 18 лет» are not reported. Georgian has no
    grammatical gender, so for `ka` this is the whole check; for Russian titles see also
    W103. A text that speaks of equality or non-discrimination („მიუხედავად სქესისა“,
    «независимо от пола», *equal treatment of women and men*) is not reported for the
    words of sex it uses.

    ## Why
    Requirements of sex or age that the work does not objectively need are discrimination
    in hiring and employment under the labour laws of Georgia, Russia, the EU and the UK.
    A job description states what the work needs: skills, knowledge, experience.

    ## Example
    ```yaml
    requirements:
      experience: {ka: "მამაკაცი, 25-დან 35 წლამდე, არანაკლებ 2 წლის გამოცდილებით."}
    ```

    ## Use instead
    ```yaml
    requirements:
      experience: {ka: "არანაკლებ 2 წლის გამოცდილება გაყიდვებში."}
    ```

    ## Options
    - `sections` (default `["title", "general", "requirements"]`): the top-level keys whose
      texts are checked.
    """

    code = "W104"
    name = "gendered-requirement"
    options_model = GenderedRequirementOptions

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for spot in ctx.section_texts(self.options.sections):
            if "name" in spot.path:
                continue
            sexes = list(GENDER_WORDS.finditer(spot.value))
            if sexes and EQUALITY.search(spot.value) is not None:
                sexes = []  # a non-discrimination statement names sexes to protect them
            for match in sexes:
                yield self.finding(
                    ctx.locate(spot, match.start(), match.end()),
                    f"“{match.group()}” makes the employee's sex a requirement",
                    hint="state what the work needs (skills, knowledge, experience), "
                         "not who should do it")
            if TWO_DIGITS.search(spot.value) is None:
                continue  # every age limit has a two-digit number; most texts have none
            for match in AGE_LIMITS.finditer(spot.value):
                if is_age_limit(match):
                    yield self.finding(
                        ctx.locate(spot, match.start(), match.end()),
                        f"“{match.group().strip()}” is an age limit",
                        hint="remove the age limit, or state the legal ground that requires "
                             "it")
