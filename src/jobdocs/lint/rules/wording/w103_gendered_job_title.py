"""W103 gendered-job-title."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from jobdocs.findings import Finding
from jobdocs.lint.context import RuleContext
from jobdocs.lint.rule import Kind, Rule, RuleOptions

#: Feminine forms of Russian job titles (as word stems) and the neutral title to use. Titles
#: that are official only in the feminine form (швея, медицинская сестра, горничная, няня)
#: and words that are not the feminine of a title (машинистка ≠ машинист) are left out.
FEMININE_TITLES: dict[str, str] = {
    "продавщиц": "продавец", "уборщиц": "уборщик", "секретарш": "секретарь",
    "бухгалтерш": "бухгалтер", "кассирш": "кассир", "директрис": "директор",
    "учительниц": "учитель", "воспитательниц": "воспитатель", "переводчиц": "переводчик",
    "менеджерш": "менеджер", "официантк": "официант", "администраторш": "администратор",
    "операторш": "оператор", "поварих": "повар", "сотрудниц": "сотрудник",
    "работниц": "работник", "водительниц": "водитель", "кладовщиц": "кладовщик",
    "упаковщиц": "упаковщик", "сборщиц": "сборщик", "мойщиц": "мойщик",
    "фасовщиц": "фасовщик", "буфетчиц": "буфетчик", "лаборантк": "лаборант",
    "ассистентк": "ассистент", "стаж[её]рк": "стажёр", "курьерш": "курьер",
    "контрол[её]рш": "контролёр", "начальниц": "начальник",
    "руководительниц": "руководитель", "помощниц": "помощник",
    "заведующ(?:ая|ей|ую|ею)": "заведующий", "юристк": "юрист", "экономистк": "экономист",
    "журналистк": "журналист", "программистк": "программист",
    "консультантк": "консультант", "специалистк": "специалист", "инженерш": "инженер",
    "аналитичк": "аналитик",
}

_PATTERN = re.compile(
    r"(?<![^\W_])(?:" + "|".join(f"(?P<t{i}>{stem})" for i, stem in enumerate(FEMININE_TITLES))
    + r")[^\W_]*", re.IGNORECASE)
_NEUTRAL = list(FEMININE_TITLES.values())


class GenderedJobTitle(Rule[RuleOptions]):
    """A Russian job title in the feminine form where a neutral form exists.

    ## What it does
    Reports, in the Russian (`ru`) texts of a role or a contract (names of people are not
    checked), feminine forms of job titles such as «продавщица», «уборщица», «секретарша»,
    «бухгалтерша», «директриса», «заведующая», «сотрудница», in any case form, and names the
    neutral title to use: «продавец», «уборщик», «секретарь», «бухгалтер», «директор»,
    «заведующий», «сотрудник». Titles that are official only in the feminine form (швея,
    медицинская сестра, горничная) are not reported.

    ## Why
    A job description describes a position, not the person who holds it; official
    classifiers of occupations name positions in the neutral form. A feminine title reads
    as a requirement on the employee's sex, which labour law prohibits, and the document
    has to be reissued when a man is hired.

    ## Example
    ```yaml
    title: {ru: Продавщица-консультант}
    reports_to: {ru: Заведующая магазином}
    ```

    ## Use instead
    ```yaml
    title: {ru: Продавец-консультант}
    reports_to: {ru: Заведующий магазином}
    ```

    ## Options
    None.
    """

    code = "W103"
    name = "gendered-job-title"
    kinds: ClassVar[frozenset[Kind]] = frozenset({"role", "contract"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if "ru" not in ctx.languages:
            return
        for spot in ctx.texts():
            if spot.lang != "ru" or "name" in spot.path:
                continue
            for match in _PATTERN.finditer(spot.value):
                neutral = _NEUTRAL[int(str(match.lastgroup)[1:])]
                yield self.finding(
                    ctx.locate(spot, match.start(), match.end()),
                    f"«{match.group()}» is a feminine form of a job title; the position is "
                    f"«{neutral}»",
                    hint=f"use the neutral title «{neutral}» (in the right case)")
