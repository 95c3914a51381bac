"""W102 gender-coded-wording."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from pydantic import Field

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Rule, RuleOptions
from jobdocs.lint.rules.wording.gender_decoder import FALSE_FRIENDS, FEMININE, MASCULINE
from jobdocs.lint.words import WordList


class GenderCodedWordingOptions(RuleOptions):
    """Options of W102."""

    coded: tuple[Literal["masculine", "feminine"], ...] = ("masculine",)
    """Which coded words to report."""
    sections: list[str] = Field(
        default_factory=lambda: ["title", "general", "requirements", "sections"])
    """The top-level keys whose texts are checked."""
    allow: list[str] = Field(default_factory=list)
    """More false friends: words or phrases (regular expressions, matched at the start of a
    word) that are never reported."""


class GenderCodedWording(Rule[GenderCodedWordingOptions]):
    """English wording that is coded masculine (or feminine) in job descriptions.

    ## What it does
    Looks for the gender-coded word stems of Gaucher, Friesen & Kay (2011), as listed by
    the Gender Decoder — masculine: *competitive, dominant, leader, ambitious, assertive,
    decisive, independent…*; feminine: *supportive, understanding, interpersonal,
    loyal…* — in the English (`en`) texts of a role, and reports each text that has some,
    at the first word, naming them all. Stems match whole words and word starts
    ("compet" finds *competitive*, not *uncompetitive*); false friends are excluded:
    *responsibility* (respon), *committee* (commit), *confidential* (confident), *analyst*
    and *analysis* (analy), *competence* and *competitor* (compet), *individual*, *in force*,
    *objectives*, *lead time*, *agreement*, *market share* and others.

    By default only masculine-coded words are reported, and only where a job description
    describes the person and the position (title, general part, requirements, extra
    sections); duties, rights and responsibility use verbs such as *lead* and *decide* in
    their plain sense.

    ## Why
    Gaucher et al. found that masculine wording in job advertisements made the jobs less
    appealing to women — through a lower sense of belonging, not of ability — while
    feminine wording had no such effect on men. A job description is the source of the
    vacancy text, so its wording matters.

    ## Example
    ```yaml
    requirements:
      qualities:
        - A competitive, assertive and dominant leader.
    ```

    ## Use instead
    ```yaml
    requirements:
      qualities:
        - Motivated by results; able to present and defend proposals to clients.
    ```

    ## Options
    - `coded` (default `["masculine"]`): which coded words to report, `masculine` and/or
      `feminine`.
    - `sections` (default `["title", "general", "requirements", "sections"]`): the
      top-level keys whose texts are checked; add `functions` to check duties too.
    - `allow` (default `[]`): more false friends, as regular expressions matched at the
      start of a word, e.g. `["leading\\s+compan"]`.
    """

    code = "W102"
    name = "gender-coded-wording"
    options_model = GenderCodedWordingOptions

    def __init__(self, options: GenderCodedWordingOptions) -> None:
        super().__init__(options)
        stems = [*(MASCULINE if "masculine" in options.coded else ()),
                 *(FEMININE if "feminine" in options.coded else ())]
        self._words = WordList.of(stems, [*FALSE_FRIENDS, *options.allow]) if stems else None

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if self._words is None or "en" not in ctx.languages:
            return
        for spot in ctx.section_texts(self.options.sections):
            if spot.lang != "en":
                continue
            found = list(self._words.find(spot.value))
            if not found:
                continue
            words = list(dict.fromkeys(m.group() for m in found))
            parts = [f"{kind}-coded " + ", ".join(f"“{w}”" for w in group)
                     for kind, group in _by_kind(words).items() if group]
            yield self.finding(
                ctx.locate(spot, found[0].start(), found[0].end()),
                f"gender-coded wording: {'; '.join(parts)}",
                hint="prefer neutral words that describe the task or the result; see "
                     "`jobdocs rules W102`")


def _by_kind(words: list[str]) -> dict[str, list[str]]:
    feminine = [w for w in words if w.casefold().startswith(FEMININE)]
    return {"masculine": [w for w in words if w not in feminine], "feminine": feminine}
