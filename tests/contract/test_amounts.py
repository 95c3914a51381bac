"""Sums of money as contracts state them — the Babel figure and the words — and the counts
and dates the clauses put into sentences, in Georgian, English and Russian."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from jobdocs.i18n.catalog import Catalogs
from jobdocs.render.contract_wording import Wording

CATALOGS = Catalogs()


def wording(lang: str) -> Wording:
    return Wording(lang, CATALOGS.get(lang))


def money(lang: str, amount: str, currency: str) -> str:
    return wording(lang).money(Decimal(amount), currency).replace("\u00a0", " ")


@pytest.mark.parametrize(("lang", "amount", "currency", "expected"), [
    ("ka", "3500", "GEL", "3 500 (სამი ათას ხუთასი) ლარი"),
    ("en", "3500", "GEL", "GEL 3,500 (three thousand five hundred lari)"),
    ("ru", "3500", "GEL", "3 500 (три тысячи пятьсот) лари"),
    ("ka", "1000", "GEL", "1 000 (ათასი) ლარი"),
    ("ka", "21000", "GEL", "21 000 (ოცდაერთი ათასი) ლარი"),
    ("ka", "1200.50", "GEL", "1 200,50 (ათას ორასი ლარი და ორმოცდაათი თეთრი)"),
    ("en", "1200.50", "GEL", "GEL 1,200.50 (one thousand two hundred lari and fifty tetri)"),
    ("ru", "1200.50", "GEL", "1 200,50 (одна тысяча двести лари пятьдесят тетри)"),
    ("ka", "2500", "USD", "2 500 (ორი ათას ხუთასი) აშშ დოლარი"),
    ("en", "4200", "EUR", "EUR 4,200 (four thousand two hundred euro)"),
    ("ru", "85000", "RUB", "85 000 (восемьдесят пять тысяч) рублей"),
    ("ru", "1", "RUB", "1 (один) рубль"),
    ("ru", "2", "RUB", "2 (два) рубля"),
    ("en", "1", "USD", "USD 1 (one dollar)"),
])
def test_amounts_in_figures_and_words(lang: str, amount: str, currency: str,
                                      expected: str) -> None:
    assert money(lang, amount, currency) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("ka", "3 500 CHF"), ("en", "CHF 3,500"), ("ru", "3 500 CHF")])
def test_a_currency_without_words_is_stated_by_figure_and_code(lang: str,
                                                               expected: str) -> None:
    assert money(lang, "3500", "CHF") == expected


def test_the_lari_sign_is_never_used() -> None:
    # ₾ is missing from many fonts; contracts name the currency anyway.
    for lang in ("ka", "en", "ru"):
        assert "\u20be" not in money(lang, "3500", "GEL")


@pytest.mark.parametrize(("n", "ru", "en"), [
    (1, "1 календарный день", "1 calendar day"),
    (2, "2 календарных дня", "2 calendar days"),
    (5, "5 календарных дней", "5 calendar days"),
    (11, "11 календарных дней", "11 calendar days"),
    (21, "21 календарный день", "21 calendar days"),
    (24, "24 календарных дня", "24 calendar days"),
    (28, "28 календарных дней", "28 calendar days"),
])
def test_counts_take_the_plural_form_of_the_language(n: int, ru: str, en: str) -> None:
    assert wording("ru").plural("leave_calendar_days", n) == ru
    assert wording("en").plural("leave_calendar_days", n) == en
    # Georgian nouns stay singular after a number (here in the genitive the clause needs).
    assert wording("ka").plural("leave_calendar_days", n) == f"{n} კალენდარული დღის"


def test_a_fraction_of_hours_is_written_for_the_language() -> None:
    assert wording("ru").plural("working_hours", 37.5) == (
        "Продолжительность рабочего времени составляет 37,5 часа в неделю.")
    assert wording("en").plural("working_hours", 1) == "The normal working time is 1 hour a week."


@pytest.mark.parametrize(("month", "on", "until"), [
    (1, "2027 წლის 4 იანვარს", "2027 წლის 4 იანვრის"),
    (2, "2027 წლის 4 თებერვალს", "2027 წლის 4 თებერვლის"),
    (8, "2027 წლის 4 აგვისტოს", "2027 წლის 4 აგვისტოს"),
    (12, "2027 წლის 4 დეკემბერს", "2027 წლის 4 დეკემბრის"),
])
def test_georgian_dates_in_the_dative_and_the_genitive(month: int, on: str,
                                                       until: str) -> None:
    day = datetime.date(2027, month, 4)
    ka = wording("ka")
    assert ka.date_on(day) == on
    assert ka.date_until(day) == until


def test_dates_on_their_own() -> None:
    day = datetime.date(2026, 11, 27)
    assert wording("ka").date(day) == "2026 წლის 27 ნოემბერი"
    assert wording("en").date(day) == "27 November 2026"
    assert wording("ru").date(day) == "27 ноября 2026\u00a0г."
