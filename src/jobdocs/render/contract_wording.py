"""The words of a contract in one language: clause sentences, dates in the case a sentence
needs, counts with their plural forms, and sums of money with their words.

A contract's sentences are catalog phrases (:mod:`jobdocs.i18n.phrases`) with
``{placeholders}``; :class:`Wording` fills them for one language. Spec values are inserted as
they are written (they are never translated or inflected): where Georgian grammar would need
a spec value in another case, the sentence is built so that the value stays in the
nominative (``თანამდებობაზე „…“``, ``…-ის ოდენობაა 3 500 (…) ლარი``).

Dates are the one value that sentences inflect, because the month names are known: Georgian
writes "starts work *on* 1 December 2026" with the dative (``2026 წლის 1 დეკემბერს``) and
"*until* 30 November 2027 inclusive" with the genitive (``2027 წლის 30 ნოემბრის ჩათვლით``).
The twelve forms of each case are spelled out below rather than derived, because several
months drop a vowel in the genitive (დეკემბერი → დეკემბრის).

>>> from jobdocs.i18n.catalog import Catalogs
>>> from decimal import Decimal
>>> Wording("ka", Catalogs().get("ka")).money(Decimal(3500), "GEL").replace("\\xa0", " ")
'3 500 (სამი ათას ხუთასი) ლარი'
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from jobdocs.errors import RenderError
from jobdocs.i18n.catalog import MessageCatalog
from jobdocs.i18n.formats import DocumentLocale
from jobdocs.i18n.numwords import amount_in_words, georgian_cardinal
from jobdocs.models import Text
from jobdocs.render.localized import localized

#: Georgian month names in the dative ("on …") and the genitive ("until …, inclusive").
_KA_MONTHS_DATIVE = ("იანვარს", "თებერვალს", "მარტს", "აპრილს", "მაისს", "ივნისს", "ივლისს",
                     "აგვისტოს", "სექტემბერს", "ოქტომბერს", "ნოემბერს", "დეკემბერს")
_KA_MONTHS_GENITIVE = ("იანვრის", "თებერვლის", "მარტის", "აპრილის", "მაისის", "ივნისის",
                       "ივლისის", "აგვისტოს", "სექტემბრის", "ოქტომბრის", "ნოემბრის",
                       "დეკემბრის")
_KA_MONTHS_NOMINATIVE = ("იანვარი", "თებერვალი", "მარტი", "აპრილი", "მაისი", "ივნისი",
                         "ივლისი", "აგვისტო", "სექტემბერი", "ოქტომბერი", "ნოემბერი",
                         "დეკემბერი")


class Wording:
    """Contract wording in ``lang``, from that language's message catalog.

    ``primary`` is the spec's primary language: a plain string in the spec is written in it.
    """

    def __init__(self, lang: str, catalog: MessageCatalog, primary: str | None = None):
        self.lang = lang
        self.catalog = catalog
        self.primary = primary or lang
        self.locale = DocumentLocale(lang)

    # -- phrases ---------------------------------------------------------------------------

    def phrase(self, key: str, **values: str) -> str:
        """The catalog phrase ``key`` with its placeholders filled."""
        return self._format(self.catalog.phrase(key), key, values)

    def plural(self, key: str, n: int | float | Decimal, **values: str) -> str:
        """The plural phrase ``key`` for the count ``n`` (formatted for the language)."""
        whole = int(n) if n == int(n) else None
        # A fraction (37.5 hours) takes the form of a small plural in every shipped language:
        # "37.5 hours", "37,5 часа".
        form = self.catalog.plural(key, whole if whole is not None else 2)
        shown = self.locale.number(whole if whole is not None else Decimal(str(n)))
        return self._format(form, key, {**values, "n": shown})

    def _format(self, template: str, key: str, values: dict[str, str]) -> str:
        for name, value in values.items():
            # A value that ends a sentence itself ("1 сентября 2026 г.") takes the place of
            # the phrase's full stop rather than doubling it.
            if value.endswith("."):
                template = template.replace(f"{{{name}}}.", f"{{{name}}}")
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            raise RenderError(f"the `{self.lang}` phrase `{key}` has a placeholder the "
                              f"contract does not fill: {exc}",
                              hint=f"placeholders of `{key}`: "
                                   f"{', '.join(sorted(values)) or 'none'}") from exc

    def text(self, value: Text | None, where: str) -> str:
        """Spec text in this language ('' for none)."""
        return localized(value, self.lang, self.primary, where)

    def language_name(self, code: str) -> str:
        """The name of the language ``code`` as the languages clause uses it."""
        key = f"language_{code}"
        try:
            return self.catalog.phrase(key)
        except KeyError:
            return code

    # -- dates -----------------------------------------------------------------------------

    def date(self, value: datetime.date) -> str:
        """A date on its own (a signature block, the contract's date)."""
        if self.lang == "ka":  # the official style: 2026 წლის 27 ნოემბერი
            return f"{value.year} წლის {value.day} {_KA_MONTHS_NOMINATIVE[value.month - 1]}"
        return self.locale.date(value)

    def date_on(self, value: datetime.date) -> str:
        """A date as in "starts work on …"."""
        if self.lang == "ka":
            return f"{value.year} წლის {value.day} {_KA_MONTHS_DATIVE[value.month - 1]}"
        return self.locale.date(value)

    def date_until(self, value: datetime.date) -> str:
        """A date as in "until … inclusive"."""
        if self.lang == "ka":
            return f"{value.year} წლის {value.day} {_KA_MONTHS_GENITIVE[value.month - 1]}"
        return self.locale.date(value)

    # -- money -----------------------------------------------------------------------------

    def money(self, amount: Decimal, currency: str) -> str:
        """A sum of money as contracts state it: the figure and the words.

        ``3 500 (სამი ათას ხუთასი) ლარი``, ``GEL 3,500 (three thousand five hundred lari)``,
        ``3 500 (три тысячи пятьсот) лари``; with minor units the words hold both parts
        (``… ლარი და ორმოცდაათი თეთრი``). A currency without words in this language gives
        the figure and the ISO code.
        """
        from babel.numbers import format_decimal

        major, minor = divmod(amount, 1)
        has_minor = minor != 0
        figure = format_decimal(amount, "#,##0.00" if has_minor else "#,##0",
                                locale=self.locale.babel_locale)
        try:
            words = amount_in_words(amount, currency, self.lang)
        except ValueError:
            return self.phrase("money_figure", figure=figure, code=currency)
        if has_minor:
            return self.phrase("money_minor", figure=figure, words=words, code=currency)
        number = self._cardinal(int(major))
        if number is None or not words.startswith(number + " "):
            return self.phrase("money_minor", figure=figure, words=words, code=currency)
        return self.phrase("money", figure=figure, number=number,
                           currency=words[len(number) + 1:], words=words, code=currency)

    def _cardinal(self, n: int) -> str | None:
        """The number ``n`` in words, as :func:`amount_in_words` writes it before the
        currency's name (so the name can be split off); ``None`` when unknown."""
        if self.lang == "ka":
            return georgian_cardinal(n)
        from num2words import num2words  # type: ignore[import-untyped, unused-ignore]

        try:
            words = str(num2words(n, lang=self.lang))
        except (NotImplementedError, OverflowError):
            return None
        return words.replace(",", "") if self.lang == "en" else words
