"""Amounts in words for contracts: Georgian cardinals, and GEL in Georgian, English and Russian.

Employment contracts state pay as "3 500 (three thousand five hundred) lari". num2words 0.5.14
has no Georgian (``lang='ka'``) and no GEL for ``en`` or ``ru``; this module fills both gaps and
delegates everything else to num2words. It is self-contained so it can be offered upstream.

Georgian cardinals (:func:`georgian_cardinal`)
----------------------------------------------
**1-19** are simple words: ერთი ორი სამი ოთხი ხუთი ექვსი შვიდი რვა ცხრა ათი, then the teens
თერთმეტი თორმეტი ცამეტი თოთხმეტი თხუთმეტი თექვსმეტი ჩვიდმეტი თვრამეტი ცხრამეტი. 0 is ნული.

**20-99 are vigesimal** (counted in scores). The scores are ოცი 20, ორმოცი 40 (2x20), სამოცი 60
(3x20) and ოთხმოცი 80 (4x20). Any other value is ``score stem + და ("and") + 1..19``, written as
one word: 30 = 20+10 ოცდაათი, 39 = 20+19 ოცდაცხრამეტი, 50 = 40+10 ორმოცდაათი, 99 = 80+19
ოთხმოცდაცხრამეტი. So ``q, r = divmod(n, 20)``; there is no word for "ten" as a tens digit.

**Hundreds** fuse the unit stem with ასი: ასი, ორასი, სამასი, ოთხასი, ხუთასი, ექვსასი, შვიდასი,
რვაასი, ცხრაასი (a unit ending in -ა keeps it: რვა + ასი = რვაასი). A hundreds word and what
follows it are written as separate words: 101 ას ერთი, 999 ცხრაას ოთხმოცდაცხრამეტი.

**Scales**: ათასი 10^3, მილიონი 10^6, მილიარდი 10^9, ტრილიონი 10^12 (short scale). A count is
written before the scale word in its full form (2000 ორი ათასი, 100 000 ასი ათასი, 120 000 ას ოცი
ათასი). A count of one is not written before ათასი (1000 ათასი, like ასი) but *is* written before
მილიონი, მილიარდი and ტრილიონი: 1 000 000 is ერთი მილიონი. Both ``მილიონი`` and
``ერთი მილიონი`` are grammatical, but ათასი/ასი are native numerals while მილიონი etc. are
borrowed nouns, counted like any other noun (ერთი მილიონი is the usual form in running text).
For money the explicit count is chosen: "ერთი მილიონი ლარი" cannot be misread or extended,
which is the point of writing an amount in words.

**Truncation rule.** A round word ending in -ი drops that -ი when more number words follow it
*within the same number*: the scores before და (ოცი -> ოცდა...), the hundreds (ასი -> ას ერთი,
ორასი -> ორას ოცი), and the scale words (ათასი -> ათას ერთი, მილიონი -> ერთი მილიონ ერთი). It
is local: the word truncates iff something follows it (1300 ათას სამასი: the thousand truncates,
the final hundred does not). A count *before* a scale word never truncates (ორი ათასი, ოცი ათასი,
ასი ათასი, not *ორ ათასი); it is a complete number multiplying the scale word.

Amounts (:func:`amount_in_words`)
---------------------------------
Georgian nouns after a numeral stay in the singular nominative: სამი ათას ხუთასი ლარი. Minor
units are joined with და ("and"): ... ლარი და ორმოცდაათი თეთრი. English joins with "and",
Russian with a plain space ("... лари пятьдесят тетри", as in Russian payment documents). Zero
minor units are omitted; a zero major unit is written (ნული ლარი და ხუთი თეთრი). English output
drops the thousands commas num2words inserts, to match contract style. Russian лари and тетри are
indeclinable loanwords; both are taken as masculine (один лари, один тетри).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

__all__ = [
    "MAX_AMOUNT",
    "SUPPORTED_CURRENCIES",
    "SUPPORTED_LANGUAGES",
    "amount_in_words",
    "georgian_cardinal",
]

MAX_AMOUNT = 10**15
"""Exclusive upper bound of the integer (major-unit) part, in every language."""

SUPPORTED_LANGUAGES = frozenset({"ka", "en", "ru"})
SUPPORTED_CURRENCIES = frozenset({"GEL", "USD", "EUR", "RUB", "GBP"})

_KA_ZERO = "ნული"
_KA_BELOW_20 = (
    _KA_ZERO, "ერთი", "ორი", "სამი", "ოთხი", "ხუთი", "ექვსი", "შვიდი", "რვა", "ცხრა",
    "ათი", "თერთმეტი", "თორმეტი", "ცამეტი", "თოთხმეტი", "თხუთმეტი", "თექვსმეტი",
    "ჩვიდმეტი", "თვრამეტი", "ცხრამეტი",
)  # fmt: skip
# Truncated stems: the full word is stem + "ი" (the truncation rule in reverse).
_KA_SCORE_STEMS = ("", "ოც", "ორმოც", "სამოც", "ოთხმოც")  # 20, 40, 60, 80
_KA_HUNDRED_STEMS = (
    "", "ას", "ორას", "სამას", "ოთხას", "ხუთას", "ექვსას", "შვიდას", "რვაას", "ცხრაას",
)  # fmt: skip
# (scale, truncated stem, whether a count of one is written)
_KA_SCALES = (
    (10**12, "ტრილიონ", True),
    (10**9, "მილიარდ", True),
    (10**6, "მილიონ", True),
    (10**3, "ათას", False),
)
_KA_AND = "და"

# Georgian currency names: (major, minor), singular nominative.
_KA_CURRENCIES: dict[str, tuple[str, str]] = {
    "GEL": ("ლარი", "თეთრი"),
    "USD": ("აშშ დოლარი", "ცენტი"),
    "EUR": ("ევრო", "ცენტი"),
    "RUB": ("რუსული რუბლი", "კაპიკი"),
    "GBP": ("გირვანქა სტერლინგი", "პენსი"),
}

# A unit num2words lacks: its plural forms as the language's pluralize() expects them
# (en: singular, plural; ru: 1, 2-4, 5+) and the grammatical gender for Russian numerals.
_Unit = tuple[tuple[str, ...], str]
_FALLBACK_UNITS: dict[tuple[str, str], tuple[_Unit, _Unit]] = {
    ("en", "GEL"): ((("lari", "lari"), "m"), (("tetri", "tetri"), "m")),
    ("ru", "GEL"): ((("лари",) * 3, "m"), (("тетри",) * 3, "m")),
    ("ru", "GBP"): (
        (("фунт стерлингов", "фунта стерлингов", "фунтов стерлингов"), "m"),
        (("пенни",) * 3, "n"),
    ),
}
_MINOR_JOINERS = {"ka": f" {_KA_AND} ", "en": " and ", "ru": " "}
_SEP = "\x1f"  # a separator num2words' to_currency cannot otherwise produce


def _ka_below_100(n: int) -> str:
    if n < 20:
        return _KA_BELOW_20[n]
    score, rest = divmod(n, 20)
    if rest == 0:
        return _KA_SCORE_STEMS[score] + "ი"
    return _KA_SCORE_STEMS[score] + _KA_AND + _KA_BELOW_20[rest]


def _ka_below_1000(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if hundreds == 0:
        return _ka_below_100(rest)
    if rest == 0:
        return _KA_HUNDRED_STEMS[hundreds] + "ი"
    return f"{_KA_HUNDRED_STEMS[hundreds]} {_ka_below_100(rest)}"


def georgian_cardinal(n: int) -> str:
    """Return the Georgian cardinal for ``0 <= n < 10**15``, e.g. 3500 -> სამი ათას ხუთასი.

    Raises ``ValueError`` outside that range and ``TypeError`` for a non-integer (``bool``
    included).
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"georgian_cardinal() needs an int, not {type(n).__name__}")
    if not 0 <= n < MAX_AMOUNT:
        raise ValueError(f"georgian_cardinal() supports 0 <= n < 10**15, got {n}")
    if n == 0:
        return _KA_ZERO
    words: list[str] = []
    rest = n
    for scale, stem, count_one in _KA_SCALES:
        count, rest = divmod(rest, scale)
        if count == 0:
            continue
        if count > 1 or count_one:
            words.append(_ka_below_1000(count))  # the count never truncates
        words.append(stem if rest else stem + "ი")  # the scale word truncates iff more follows
    if rest:
        words.append(_ka_below_1000(rest))
    return " ".join(words)


def _split_amount(amount: Decimal | int) -> tuple[int, int]:
    """Return (major, minor) exactly, validating sign, finiteness, decimals and range."""
    if isinstance(amount, bool) or not isinstance(amount, Decimal | int):
        raise TypeError(
            f"amount must be a Decimal (or int), not {type(amount).__name__}; "
            "floats cannot represent money exactly"
        )
    if isinstance(amount, int):
        amount = Decimal(amount)
    if not amount.is_finite():
        raise ValueError(f"amount must be a finite number, got {amount}")
    if amount < 0:
        raise ValueError(f"amount must not be negative, got {amount}")
    _, digits, exponent = amount.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    coefficient = int("".join(map(str, digits)))
    if exponent >= -2:
        cents = coefficient * 10 ** (exponent + 2)
    else:  # integer arithmetic, never the decimal context: exact for any size
        cents, extra = divmod(coefficient, 10 ** (-exponent - 2))
        if extra:
            raise ValueError(f"amount must have at most two decimal places, got {amount}")
    major, minor = divmod(cents, 100)
    if major >= MAX_AMOUNT:
        raise ValueError(f"amount must be below 10**15, got {amount}")
    return major, minor


def _normalize_lang(lang: str) -> str:
    code = lang.replace("-", "_").split("_")[0].lower()
    if code not in SUPPORTED_LANGUAGES:
        supported = ", ".join(sorted(SUPPORTED_LANGUAGES))
        raise ValueError(f"unsupported language {lang!r}: amounts in words exist for {supported}")
    return code


def _num2words_parts(lang: str, currency: str, major: int, minor: int) -> tuple[str, str]:
    """Words for (major part, minor part) in ``en``/``ru``, each with its unit name."""
    from num2words import CONVERTER_CLASSES  # type: ignore[import-untyped, unused-ignore]

    converter: Any = CONVERTER_CLASSES[lang]
    fallback = _FALLBACK_UNITS.get((lang, currency))
    if fallback is None:  # num2words knows the currency: keep its plural and gender rules
        text = converter.to_currency(
            Decimal(f"{major}.{minor:02d}"), currency=currency, cents=True, separator=_SEP
        )
        major_text, minor_text = str(text).split(_SEP)
        return major_text.strip(), minor_text.strip()
    parts: list[str] = []
    for value, (forms, gender) in zip((major, minor), fallback, strict=True):
        kwargs = {"gender": gender} if lang == "ru" else {}
        number = converter.to_cardinal(value, **kwargs)
        parts.append(f"{number} {converter.pluralize(value, forms)}")
    return parts[0], parts[1]


def amount_in_words(amount: Decimal, currency: str, lang: str) -> str:
    """Write a money amount in words, as in "3 500 (three thousand five hundred) lari".

    ``amount`` is a non-negative ``Decimal`` with at most two decimal places (trailing zeros
    are fine: ``Decimal("1.500")``), below 10**15; ``currency`` is one of
    :data:`SUPPORTED_CURRENCIES` (any case); ``lang`` is ``ka``, ``en`` or ``ru`` (a locale
    such as ``ka_GE`` or ``en-US`` is reduced to its language). Minor units are written only
    when non-zero::

        >>> amount_in_words(Decimal("3500.50"), "GEL", "ka")
        'სამი ათას ხუთასი ლარი და ორმოცდაათი თეთრი'
        >>> amount_in_words(Decimal("3500"), "GEL", "en")
        'three thousand five hundred lari'

    Raises ``ValueError`` for an unsupported language or currency, a negative, non-finite or
    too large amount, or more than two decimal places; ``TypeError`` for a float.
    """
    code = _normalize_lang(lang)
    cur = currency.strip().upper()
    if cur not in SUPPORTED_CURRENCIES:
        supported = ", ".join(sorted(SUPPORTED_CURRENCIES))
        raise ValueError(f"unsupported currency {currency!r}: expected one of {supported}")
    major, minor = _split_amount(amount)
    if code == "ka":
        major_name, minor_name = _KA_CURRENCIES[cur]
        major_text = f"{georgian_cardinal(major)} {major_name}"
        minor_text = f"{georgian_cardinal(minor)} {minor_name}"
    else:
        major_text, minor_text = _num2words_parts(code, cur, major, minor)
        if code == "en":  # num2words writes "three thousand, five hundred"
            major_text = major_text.replace(",", "")
    if minor == 0:
        return major_text
    return major_text + _MINOR_JOINERS[code] + minor_text
