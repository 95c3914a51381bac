"""Contract PDFs as the parties, an archive and an e-signature tool see them: every clause in
both languages in order, side by side on the same page; both parties' signatures; the annexed
job description after them; page numbers throughout; DRAFT until approved; initials when
asked for; PDF/A-3a with the contract spec inside; the same bytes every time."""

from __future__ import annotations

import difflib
import io
import os
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import jobdocs
from jobdocs.render.embedded import embedded_files

from .conftest import (
    EU,
    GE,
    GOLDEN,
    RU,
    RenderedPdfs,
    column_pages,
    contract_of,
    flat,
    loose,
    needs_poppler,
    page_count,
    pdftotext,
)

MTAVRULI = range(0x1C90, 0x1CC0)


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def annex_start(pdf: bytes, tmp_path: Path) -> int:
    """The 1-based page where Annex 1 begins."""
    for number in range(1, page_count(pdf) + 1):
        if "Annex 1 to Employment Contract" in flat(pdftotext(pdf, tmp_path, page=number)):
            return number
    raise AssertionError("no annex")


@needs_poppler
def test_golden_text_column_by_column(rendered: RenderedPdfs, tmp_path: Path) -> None:
    """Each column's text matches the reviewed golden file (line breaks and hyphenation may
    differ; the words and their order may not)."""
    pdf = rendered.get(GE)
    left, right = column_pages(pdf, tmp_path, 0), column_pages(pdf, tmp_path, 1)
    text = "".join(f"=== page {i + 1}, left ===\n{lt}\n=== page {i + 1}, right ===\n{rt}\n"
                   for i, (lt, rt) in enumerate(zip(left, right, strict=True)))
    golden = GOLDEN / "ec-2026-042.ka-en.txt"
    if os.environ.get("JOBDOCS_UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if flat(text) != flat(expected):
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), text.splitlines(),
                                              "golden", "rendered", lineterm=""))
        pytest.fail(f"the text differs from {golden.name}:\n{diff}\n"
                    "(set JOBDOCS_UPDATE_GOLDEN=1 to accept a reviewed change)")


@needs_poppler
def test_every_clause_in_both_languages_in_order_side_by_side(rendered: RenderedPdfs,
                                                              tmp_path: Path) -> None:
    """Each column holds its language's clauses in order, and each paragraph stands on the
    same page as its translation (a row never splits across pages)."""
    pdf = rendered.get(GE)
    contract = contract_of(GE)
    pages = [[loose(t) for t in column_pages(pdf, tmp_path, side)] for side in (0, 1)]
    for side, column in enumerate(contract.columns):
        text = " ".join(pages[side])
        position = 0
        for clause in contract.clauses:
            for piece in (clause.headings[side], *(p.texts[side] for p in clause.paragraphs)):
                found = text.find(loose(piece), position)
                assert found >= 0, f"{column.lang}: missing or out of order: {piece}"
                position = found + len(loose(piece))
    for clause in contract.clauses:
        for p in clause.paragraphs:
            on = [[i for i, page in enumerate(pages[side]) if loose(p.texts[side]) in page]
                  for side in (0, 1)]
            assert on[0] and on[0] == on[1], f"{clause.id}/{p.id} is split: pages {on}"


@needs_poppler
def test_both_parties_sign_and_the_annex_follows(rendered: RenderedPdfs,
                                                 tmp_path: Path) -> None:
    pdf = rendered.get(GE)
    text = flat(pdftotext(pdf, tmp_path))
    signatures = text.find("მხარეთა ხელმოწერები / Signatures of the parties")
    assert signatures > text.find("15.4.")
    for name in ("შპს „ნოვა ტრეიდი“", "Nova Trade LLC", "დირექტორი გიორგი კაპანაძე",
                 "Director Giorgi Kapanadze", "ლევან გელაშვილი", "Levan Gelashvili",
                 "2026 წლის 27 ნოემბერი", "27 November 2026", "თბილისი", "Tbilisi"):
        assert text.find(name, signatures) > signatures, name
    role = jobdocs.load(GE.parents[1] / "roles" / "account-manager.yaml")
    duty = role.functions[0].text  # type: ignore[union-attr]
    assert duty is not None
    headings = ("შრომითი ხელშეკრულების № EC-2026/042 დანართი 1",
                "Annex 1 to Employment Contract No. EC-2026/042")
    for side, lang in enumerate(("ka", "en")):
        column = loose(" ".join(column_pages(pdf, tmp_path, side)))
        annex = column.find(loose(headings[side]))
        assert annex > column.find(loose(contract_of(GE).clauses[-1].paragraphs[-1]
                                         .texts[side])), lang
        first_duty = column.find(loose(duty.get(lang, "ka") or ""))
        assert first_duty > annex, lang
    # The annex starts on a page of its own, and the parties sign it too, at its end.
    start = annex_start(pdf, tmp_path)
    assert start > 1 and "Signatures of the parties" not in pdftotext(pdf, tmp_path,
                                                                      page=start)
    assert "Signatures of the parties" in pdftotext(pdf, tmp_path, page=page_count(pdf))


@needs_poppler
@pytest.mark.parametrize("spec", [GE, EU, RU], ids=["ka-en", "en", "ru"])
def test_page_numbers_run_through_the_annex(spec: Path, rendered: RenderedPdfs,
                                            tmp_path: Path) -> None:
    pdf = rendered.get(spec)
    pages = page_count(pdf)
    assert pages >= 3
    for page in range(1, pages + 1):
        assert re.search(rf"\b{page} / {pages}\b", flat(pdftotext(pdf, tmp_path, page=page)))


@needs_poppler
def test_georgian_is_never_upper_cased(rendered: RenderedPdfs, tmp_path: Path) -> None:
    text = pdftotext(rendered.get(GE), tmp_path)
    assert "შრომითი ხელშეკრულება" in text
    assert not [c for c in text if ord(c) in MTAVRULI]


@needs_poppler
def test_draft_until_approved(rendered: RenderedPdfs, tmp_path: Path) -> None:
    draft = rendered.get(EU)  # status: review
    for number, page in enumerate(reader(draft).pages, start=1):
        assert page.extract_text().count("DRAFT") == 2, number  # watermark and header
        assert "DRAFT" in pdftotext(draft, tmp_path, page=number), number
    approved = rendered.get(GE)
    text = pdftotext(approved, tmp_path)
    assert "DRAFT" not in text and "პროექტი" not in text


@needs_poppler
def test_initials_line_on_every_page_when_asked_for(rendered: RenderedPdfs,
                                                    tmp_path: Path) -> None:
    pdf = rendered.get(EU)  # document.initials_on_each_page: true
    for page in range(1, page_count(pdf) + 1):
        text = flat(pdftotext(pdf, tmp_path, page=page))
        assert re.search(r"Initials: Employer _{6,} Employee _{6,}", text), page
    assert "Initials" not in pdftotext(rendered.get(GE), tmp_path)


@needs_poppler
def test_a_single_language_contract_is_one_column(rendered: RenderedPdfs,
                                                  tmp_path: Path) -> None:
    html = jobdocs.render(GE, "html", "en").decode("utf-8")
    assert 'class="columns' not in html and "is-single" in html
    pdf = rendered.get(GE, "en")
    text = pdftotext(pdf, tmp_path)
    assert not re.search("[\u10a0-\u10ff]", text)  # no Georgian at all
    assert "6.1. The Employee's salary is GEL 3,500 (three thousand five hundred lari) per " \
           "month." in flat(text)
    bilingual = jobdocs.render(GE, "html").decode("utf-8")
    assert bilingual.count('<table class="columns clause') == 15 + 6  # clauses + annex


def test_signature_fields_for_both_parties_before_the_annex(rendered: RenderedPdfs,
                                                            tmp_path: Path) -> None:
    pdf = reader(rendered.get(GE))
    fields: Any = pdf.trailer["/Root"]["/AcroForm"]["/Fields"]
    sigs = [f.get_object() for f in fields]
    assert [f["/T"] for f in sigs] == ["employer-1-giorgi-kapanadze",
                                       "employee-1-levan-gelashvili"]
    assert all(f["/FT"] == "/Sig" for f in sigs)
    pages = [p.get_object() for p in pdf.pages]
    on = {pages.index(f["/P"].get_object()) for f in sigs}
    assert len(on) == 1
    (page,) = on
    assert "Signatures of the parties" in pdf.pages[page].extract_text()
    employer, employee = ([float(v) for v in f["/Rect"]] for f in sigs)
    assert employer[2] < employee[0]  # side by side, employer on the left
    assert abs(employer[1] - employee[1]) < 2  # on one line


def test_pdf_a_3a_with_the_contract_spec_embedded(rendered: RenderedPdfs) -> None:
    data = rendered.get(GE)
    pdf = reader(data)
    root: Any = pdf.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(="|>)3', xmp)
    assert re.search(r'pdfaid:conformance(="|>)A', xmp)
    assert "/StructTreeRoot" in root and root["/Lang"] == "ka"
    files = embedded_files(data)
    assert [f.name for f in files] == ["ec-2026-042.yaml"]
    assert b"kind: contract" in files[0].data
    meta = pdf.metadata
    assert meta is not None
    assert meta.title == ("შრომითი ხელშეკრულება № EC-2026/042 / "
                          "Employment contract No. EC-2026/042")
    assert meta.get("/CreationDate") == "D:20261127000000Z"


def test_the_same_inputs_give_the_same_bytes(rendered: RenderedPdfs) -> None:
    again = jobdocs.render(GE, "pdf")
    assert again == rendered.get(GE)
