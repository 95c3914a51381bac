"""The context builder: one set of localized, formatted, numbered values per document."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

import jobdocs
from jobdocs.errors import UsageError
from jobdocs.i18n.catalog import Catalogs
from jobdocs.models import Role
from jobdocs.render.context import build_context
from jobdocs.render.dates import document_dates, source_date_epoch
from jobdocs.render.values import DocumentContext

from .conftest import EN, KA, RU

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def context(spec: Path, lang: str | None = None, **kwargs: object) -> DocumentContext:
    model = jobdocs.load(spec)
    assert isinstance(model, Role)
    refs = jobdocs.references(model)
    return build_context(model, lang or model.language, catalogs=Catalogs(),
                         organization=refs.organization, **kwargs)  # type: ignore[arg-type]


def test_sections_come_in_the_standard_order_numbered_from_one() -> None:
    ctx = context(EN)
    assert [(s.number, s.id) for s in ctx.sections] == [
        ("1.", "general"), ("2.", "requirements"), ("3.", "functions"), ("4.", "rights"),
        ("5.", "responsibility"), ("6.", "conditions")]
    assert [s.heading for s in ctx.sections] == [
        "General provisions", "Qualification requirements", "Functions and duties", "Rights",
        "Responsibility", "Working conditions"]


def test_entries_are_numbered_like_a_job_description() -> None:
    functions = context(EN).sections[2]
    assert [e.number for e in functions.entries] == ["3.1.", "3.2.", "3.3.", "3.4."]
    stock = functions.entries[1]
    assert stock.id == "stock"
    assert [(e.number, e.text) for e in stock.entries] == [
        ("3.2.1.", "monthly cycle counts;"),
        ("3.2.2.", "the annual stocktake together with the Finance Department.")]
    assert functions.entries[2].essential is True


def test_requirements_are_labelled_entries() -> None:
    requirements = context(RU).sections[1]
    assert [(e.number, e.label) for e in requirements.entries] == [
        ("2.1.", "Образование"), ("2.2.", "Опыт работы"), ("2.3.", "Знания"),
        ("2.4.", "Навыки"), ("2.5.", "Личные качества")]
    knowledge = requirements.entries[2]
    assert knowledge.text == ""
    assert [e.number for e in knowledge.entries] == ["2.3.1.", "2.3.2.", "2.3.3."]


def test_empty_sections_are_left_out_and_numbering_stays_consecutive(tmp_path: Path) -> None:
    spec = tmp_path / "r.yaml"
    spec.write_text("jobdocs: 1\nkind: role\nid: r\nlanguage: en\ntitle: T\n"
                    "document: {number: X-1}\nfunctions: [Do things.]\nrights: [Ask.]\n",
                    encoding="utf-8")
    ctx = context(spec)
    assert [(s.number, s.id) for s in ctx.sections] == [("1.", "functions"), ("2.", "rights")]
    assert ctx.organization is None
    assert ctx.approval.approved_by is None


@pytest.mark.parametrize(("spec", "lang", "heading", "date"), [
    (KA, "ka", "ვამტკიცებ", ""),
    (RU, "ru", "УТВЕРЖДАЮ", "25 августа 2026\N{NO-BREAK SPACE}г."),
    (EN, "en", "APPROVED", "20 September 2026"),
])
def test_labels_and_dates_follow_the_language(spec: Path, lang: str, heading: str,
                                              date: str) -> None:
    ctx = context(spec, lang)
    assert ctx.labels["approved"] == heading
    assert ctx.approval.approved_by is not None
    assert ctx.approval.approved_by.date == date


def test_the_example_in_two_languages() -> None:
    spec = EXAMPLES / "roles" / "account-manager.yaml"
    ka, en = context(spec, "ka"), context(spec, "en")
    assert ka.document.title == "კლიენტებთან ურთიერთობის მენეჯერი"
    assert en.document.title == "Account Manager"
    assert ka.document.effective_date == "1 დეკემბერი 2026"
    assert en.document.effective_date == "1 December 2026"
    assert ka.organization is not None and ka.organization.name == "შპს „ნოვა ტრეიდი“"
    assert [s.number for s in ka.sections] == [s.number for s in en.sections]


def test_a_language_the_spec_lacks_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="written in ka, en, not `ru`"):
        context(EXAMPLES / "roles" / "account-manager.yaml", "ru")


def test_watermark_until_approved() -> None:
    assert context(KA).document.watermark == "პროექტი"
    assert context(EN).document.watermark is None
    assert context(EN).document.approved


def test_signatories_have_unique_ascii_field_names() -> None:
    ctx = context(RU)
    names = [s.field_name for s in ctx.approval.signatories()]
    assert names == [
        "approved_by-1-i-v-sokolova", "agreed_with-1-a-s-petrov",
        "agreed_with-2-e-n-kuznetsova", "agreed_with-3-d-o-morozov",
        "acknowledged_by-1-o-p-vasileva"]
    assert all(name.isascii() for name in names)
    assert ctx.approval.acknowledged_by[0].date == ""
    assert ctx.approval.acknowledged_by[0].field_label == "Менеджер по закупкам: О. П. Васильева"


def test_english_names_are_preferred_for_field_names() -> None:
    ctx = context(EXAMPLES / "roles" / "account-manager.yaml", "ka")
    approver = ctx.approval.approved_by
    assert approver is not None
    assert approver.name == "გიორგი კაპანაძე"
    assert approver.field_name == "approved_by-1-giorgi-kapanadze"
    assert approver.anchor == "sig-approved_by-1-giorgi-kapanadze"


def test_branding_comes_from_the_organization() -> None:
    ru, en = context(RU), context(EN)
    assert (ru.branding.color, ru.branding.font_family) == ("#7A1F2B", "Noto Serif")
    assert (en.branding.color, en.branding.font_family) == ("#1F4E79", "Noto Serif Georgian")


def test_details_and_metadata() -> None:
    ctx = context(EN)
    assert [(d.label, d.value) for d in ctx.details] == [
        ("Department", "Logistics Department"), ("Reports to", "Head of Logistics"),
        ("Subordinates", "Warehouse Operative; Forklift Driver"),
        ("Occupation code", "ISCO-08 4321; O*NET-SOC 53-1047.00")]
    meta = ctx.metadata
    assert meta.title == "Job description: Warehouse Supervisor"
    assert meta.author == "Nova Trade LLC"
    assert meta.subject == "Job description No. JD-030, version 4"
    assert "JD-030" in meta.keywords
    assert (meta.created, meta.modified) == ("2026-09-15T00:00:00Z", "2026-09-25T00:00:00Z")
    assert meta.lang == "en"


def test_source_date_epoch_overrides_the_spec_dates() -> None:
    moment = source_date_epoch({"SOURCE_DATE_EPOCH": "1700000000"})
    assert moment == datetime.datetime(2023, 11, 14, 22, 13, 20, tzinfo=datetime.UTC)
    ctx = context(EN, timestamp=moment)
    assert ctx.metadata.created == ctx.metadata.modified == "2023-11-14T22:13:20Z"
    assert source_date_epoch({}) is None
    with pytest.raises(UsageError, match="SOURCE_DATE_EPOCH"):
        source_date_epoch({"SOURCE_DATE_EPOCH": "yesterday"})


def test_a_spec_without_dates_has_no_document_dates() -> None:
    model = jobdocs.load(KA)
    assert isinstance(model, Role)
    bare = model.model_copy(update={"document": model.document.model_copy(
        update={"effective_date": None})})
    assert document_dates(bare, None) == ("", "")


def test_values_are_plain_frozen_data() -> None:
    values = context(EN).template_values()
    assert set(values) == {"lang", "locale", "labels", "document", "organization", "branding",
                           "details", "sections", "approval", "metadata", "extra"}
    with pytest.raises(AttributeError):
        values["document"].title = "changed"
