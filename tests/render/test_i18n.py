"""Message catalogs, dates and numbers per language, and transliteration for field names."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from jobdocs.errors import UsageError
from jobdocs.i18n.catalog import SHIPPED_DIR, Catalogs, MessageCatalog
from jobdocs.i18n.formats import DocumentLocale
from jobdocs.i18n.phrases import PHRASES
from jobdocs.i18n.translit import ascii_slug

NBSP = "\N{NO-BREAK SPACE}"
MTAVRULI = range(0x1C90, 0x1CC0)


@pytest.mark.parametrize("lang", ["ka", "en", "ru"])
def test_every_phrase_is_translated(lang: str) -> None:
    assert Catalogs().get(lang).missing() == []


def test_shipped_languages() -> None:
    assert Catalogs().languages() == ["en", "ka", "ru"]


@pytest.mark.parametrize(("lang", "approved", "draft"), [
    ("ka", "ვამტკიცებ", "პროექტი"),
    ("ru", "УТВЕРЖДАЮ", "ПРОЕКТ"),
    ("en", "APPROVED", "DRAFT"),
])
def test_key_phrases(lang: str, approved: str, draft: str) -> None:
    catalog = Catalogs().get(lang)
    assert catalog.phrase("approved") == approved
    assert catalog.phrase("draft") == draft


def test_georgian_phrases_are_never_mtavruli() -> None:
    phrases = Catalogs().get("ka").phrases()
    for key, text in phrases.items():
        assert not any(ord(c) in MTAVRULI for c in text), key


def test_missing_language_is_a_clear_error() -> None:
    with pytest.raises(UsageError, match="no document phrases for the language `de`"):
        Catalogs().get("de")


def test_untranslated_and_fuzzy_entries_fall_back_to_english(tmp_path: Path) -> None:
    approved, draft = PHRASES["approved"], PHRASES["draft"]
    po = tmp_path / "x.po"
    po.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        f'msgctxt "{approved.context}"\nmsgid "{approved.message}"\nmsgstr ""\n\n'
        f'#, fuzzy\nmsgctxt "{draft.context}"\nmsgid "{draft.message}"\nmsgstr "Entwurf"\n',
        encoding="utf-8")
    catalog = MessageCatalog.read(po, "de")
    assert catalog.phrase("approved") == "APPROVED"
    assert catalog.phrase("draft") == "DRAFT"


def test_a_broken_catalog_is_a_clear_error(tmp_path: Path) -> None:
    po = tmp_path / "x.po"
    po.write_text('garbage here\n', encoding="utf-8")
    with pytest.raises(UsageError, match="cannot read the message catalog"):
        MessageCatalog.read(po, "de")


def test_catalogs_use_the_gettext_layout() -> None:
    for lang in ("ka", "en", "ru"):
        assert (SHIPPED_DIR / lang / "LC_MESSAGES" / "jobdocs.po").is_file()


@pytest.mark.parametrize(("lang", "expected"), [
    ("ka", "15 მარტი 2026"),
    ("ru", f"15 марта 2026{NBSP}г."),
    ("en", "15 March 2026"),
])
def test_document_dates(lang: str, expected: str) -> None:
    assert DocumentLocale(lang).date(datetime.date(2026, 3, 15)) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("ka", f"1{NBSP}234,5"), ("ru", f"1{NBSP}234,5"), ("en", "1,234.5"),
])
def test_numbers(lang: str, expected: str) -> None:
    assert DocumentLocale(lang).number(Decimal("1234.5")) == expected


def test_money_names_the_currency_by_code() -> None:
    assert DocumentLocale("ka").money(Decimal("3500"), "GEL") == f"3{NBSP}500,00{NBSP}GEL"


@pytest.mark.parametrize(("name", "slug"), [
    ("გიორგი კაპანაძე", "giorgi-kapanadze"),
    ("ეკატერინე ჯაფარიძე", "ekaterine-japaridze"),
    ("ღვთისო ყიფიანი", "ghvtiso-qipiani"),
    ("Анна Щербакова", "anna-shcherbakova"),
    ("Зоя Ёлкина-Мышь", "zoia-elkina-mysh"),
    ("Renée O'Brien", "renee-o-brien"),
    ("山田", ""),
])
def test_ascii_slugs(name: str, slug: str) -> None:
    assert ascii_slug(name) == slug
