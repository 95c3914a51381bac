"""Dates and numbers as each language writes them in documents (Babel).

Babel's own "long" date differs from what documents use in some locales: Georgian ``long``
is ``15 მარტი, 2026`` with a comma, while documents write ``15 მარტი 2026``; English
``long`` in the ``en`` locale is the American ``March 15, 2026``; Russian ``long`` puts a
narrow no-break space before ``г.``, which many fonts and text searches handle badly. So the
pattern per language is chosen here (Russian keeps ``г.`` on the year's line with an
ordinary no-break space):

>>> import datetime
>>> day = datetime.date(2026, 3, 15)
>>> DocumentLocale("ka").date(day), DocumentLocale("en").date(day)
('15 მარტი 2026', '15 March 2026')
>>> DocumentLocale("ru").date(day).replace("\\N{NO-BREAK SPACE}", " ")
'15 марта 2026 г.'
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

#: The Babel locale used for each document language.
LOCALES = {"ka": "ka_GE", "en": "en_GB", "ru": "ru_RU"}

#: The date pattern per language (a Babel format name or a CLDR pattern).
DATE_PATTERNS = {"ka": "d MMMM y", "en": "d MMMM y", "ru": "d MMMM y\u00a0'г'."}


@dataclass(frozen=True, slots=True)
class DocumentLocale:
    """How one document language formats dates and numbers."""

    lang: str

    @property
    def babel_locale(self) -> str:
        """The Babel locale identifier, e.g. ``ka_GE``."""
        return LOCALES.get(self.lang, self.lang)

    def date(self, value: datetime.date) -> str:
        """A calendar date as the language writes it in documents."""
        from babel.dates import format_date

        pattern = DATE_PATTERNS.get(self.lang, "long")
        return format_date(value, pattern, locale=self.babel_locale)

    def number(self, value: int | Decimal) -> str:
        """A number with the locale's grouping and decimal signs (``1 234,5`` in ka/ru)."""
        from babel.numbers import format_decimal

        return format_decimal(value, locale=self.babel_locale)

    def money(self, amount: Decimal, currency: str) -> str:
        """An amount with the ISO currency code after it (``3 500,00 GEL``): currency signs
        such as ₾ are missing from many fonts, and contracts name the currency anyway."""
        from babel.numbers import format_currency

        return format_currency(amount, currency, "#,##0.00\u00a0¤¤", locale=self.babel_locale,
                               currency_digits=False)
