"""C101 skills-match-functions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel, ConfigDict, Field, field_validator

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext, TextSpot
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.lint.rules.consistency.pairs import (
    DEFAULT_PAIRS,
    JURISDICTION_LANGUAGES,
    NATIVE_LANGUAGE_NAMES,
)
from jobdocs.lint.words import word_start_pattern
from jobdocs.models import Role


class Pair(BaseModel):
    """Duties that match ``when`` call for requirements that match ``expect``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    """A name for the pair, shown in the finding."""
    requires: str
    """What the requirements must name, in words: "a foreign language"."""
    when: dict[str, list[str]]
    """Language code → patterns; a duty that matches one of them triggers the pair."""
    expect: dict[str, list[str]]
    """Language code → patterns; one of them must match somewhere in the requirements."""
    hint: str | None = None
    """What to add, shown under the finding."""

    @field_validator("when", "expect")
    @classmethod
    def _compiles(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for patterns in value.values():
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ValueError(f"`{pattern}` is not a valid regular expression: "
                                     f"{exc}") from None
        return value

    def pattern(self, which: str) -> re.Pattern[str]:
        """The patterns of ``when`` or ``expect``, all languages, as one word-start
        pattern."""
        table: dict[str, list[str]] = getattr(self, which)
        return word_start_pattern(p for patterns in table.values() for p in patterns)


class SkillsMatchFunctionsOptions(RuleOptions):
    """Options of C101."""

    pairs: list[Pair] = Field(
        default_factory=lambda: [Pair.model_validate(p) for p in DEFAULT_PAIRS])
    """The pairs to check; setting it replaces the shipped ones."""
    extra_pairs: list[Pair] = Field(default_factory=list)
    """Pairs checked in addition to `pairs`."""
    sections: list[str] = Field(default_factory=lambda: ["functions"])
    """The sections whose items trigger a pair."""


class SkillsMatchFunctions(Rule[SkillsMatchFunctionsOptions]):
    """A duty calls for a skill that the requirements do not name.

    ## What it does
    Looks for duties that imply a requirement — by default, work with foreign clients,
    partners or markets (a foreign language) and driving a vehicle (a driving licence) — and
    reports the first such duty when nothing in `requirements` (education, experience,
    knowledge, skills, qualities) names what it calls for. Patterns are given per language
    and ship for Georgian, English and Russian; every text is checked in every language it
    has. A native language does not count as a foreign one: the spec's own language when it
    is Georgian or Russian, and the language of the organization's `jurisdiction` (GE, RU,
    UK).

    ## Why
    The skills stated in the general part must match the functions: an employee cannot be
    held responsible for a duty the job description never required them to be able to do,
    and a vacancy built from the document would attract the wrong candidates.

    ## Example
    ```yaml
    functions:
      - Work with foreign clients and partners.
    requirements:
      skills:
        - Negotiation and presentation skills.
    ```

    ## Use instead
    ```yaml
    functions:
      - Work with foreign clients and partners.
    requirements:
      skills:
        - English at B2 level or higher (CEFR).
    ```

    ## Options
    - `pairs`: the pairs to check (replaces the shipped `foreign-language` and
      `driving-licence` pairs). Each pair is a table with `name`, `requires` (what must be
      named, in words), `when` and `expect` (language code → list of regular expressions,
      matched at the start of a word, case-insensitively) and an optional `hint`.
    - `extra_pairs`: pairs checked in addition to `pairs`.
    - `sections` (default `["functions"]`): the sections whose items trigger a pair.
    """

    code = "C101"
    name = "skills-match-functions"
    options_model = SkillsMatchFunctionsOptions

    def __init__(self, options: SkillsMatchFunctionsOptions) -> None:
        super().__init__(options)
        self._pairs = [(pair, pair.pattern("when"), pair.pattern("expect"))
                       for pair in (*options.pairs, *options.extra_pairs)]

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        role = ctx.model
        if not isinstance(role, Role):
            return
        requirements = [spot.value for spot in ctx.texts(role.requirements, ("requirements",))]
        native = _native_names(ctx, role)
        duties = [spot for item in ctx.items() if item.within(self.options.sections)
                  for spot in ctx.item_spots(item)]
        for pair, when, expect in self._pairs:
            if _names_any(expect, requirements, native):
                continue
            trigger = _first(when, duties)
            if trigger is None:
                continue
            spot, match = trigger
            yield self.finding(
                ctx.locate(spot, match.start(), match.end()),
                f"this duty mentions “{match.group().strip()}”, which calls for "
                f"{pair.requires}, but the requirements name none ({pair.name})",
                hint=pair.hint)


def _native_names(ctx: RuleContext, role: Role) -> tuple[str, ...]:
    """Names of the languages that are not foreign for this role: the spec's own language
    when it is Georgian or Russian, and the language of the organization's jurisdiction
    (an English spec may be written for a Georgian company, whose staff need English)."""
    native = {role.language} & {"ka", "ru"}
    organization = ctx.validated.organization
    jurisdiction = organization.defaults.jurisdiction if organization is not None else None
    if jurisdiction in JURISDICTION_LANGUAGES:
        native.add(JURISDICTION_LANGUAGES[jurisdiction])
    return tuple(name for code in sorted(native) for name in NATIVE_LANGUAGE_NAMES[code])


def _names_any(pattern: re.Pattern[str], texts: list[str], native: tuple[str, ...]) -> bool:
    for text in texts:
        for match in pattern.finditer(text):
            if not match.group().casefold().startswith(native):
                return True
    return False


def _first(pattern: re.Pattern[str],
           spots: list[TextSpot]) -> tuple[TextSpot, re.Match[str]] | None:
    for spot in spots:
        match = pattern.search(spot.value)
        if match is not None:
            return spot, match
    return None

