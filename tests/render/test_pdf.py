"""PDFs as a user, an archive and an e-signature tool see them: the text in order, DRAFT
until approved, PDF/A-3a with structure and language, the spec embedded, one signature field
per signatory, and the same bytes every time."""

from __future__ import annotations

import difflib
import io
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from pypdf import PdfReader

import jobdocs
from jobdocs.models import Role

from .conftest import (
    EN,
    GOLDEN,
    KA,
    RU,
    RenderedPdfs,
    flat,
    needs_poppler,
    page_count,
    pdftotext,
    unhyphenate,
)

LANGUAGES = [pytest.param(KA, "ka", id="ka"), pytest.param(EN, "en", id="en"),
             pytest.param(RU, "ru", id="ru")]


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


@needs_poppler
@pytest.mark.parametrize(("spec", "lang"), LANGUAGES)
def test_golden_text(spec: Path, lang: str, rendered: RenderedPdfs, tmp_path: Path) -> None:
    """The extracted text matches the reviewed golden file (line breaks and hyphenation
    may differ; the words and their order may not)."""
    text = unhyphenate(pdftotext(rendered.get(spec), tmp_path))
    golden = GOLDEN / f"{spec.stem}.txt"
    if os.environ.get("JOBDOCS_UPDATE_GOLDEN") or not golden.exists():
        golden.write_text(text, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if flat(text) != flat(expected):
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), text.splitlines(),
                                              "golden", "rendered", lineterm=""))
        pytest.fail(f"the text of {spec.name} differs from {golden.name}:\n{diff}\n"
                    "(set JOBDOCS_UPDATE_GOLDEN=1 to accept a reviewed change)")


@needs_poppler
@pytest.mark.parametrize(("spec", "lang"), LANGUAGES)
def test_every_duty_in_order_and_page_numbers(spec: Path, lang: str, rendered: RenderedPdfs,
                                              tmp_path: Path) -> None:
    model = jobdocs.load(spec)
    assert isinstance(model, Role)
    pdf = rendered.get(spec)
    text = flat(pdftotext(pdf, tmp_path))
    position = 0
    for item in model.functions:
        assert item.text is not None
        duty = " ".join((item.text.get(lang, model.language) or "").split())
        found = text.find(duty, position)
        assert found >= 0, f"missing or out of order: {duty}"
        position = found + len(duty)
    pages = page_count(pdf)
    assert pages >= 2
    for page in range(1, pages + 1):
        assert f"{page} / {pages}" in flat(pdftotext(pdf, tmp_path, page=page))


@needs_poppler
def test_georgian_signature_phrases_and_no_mtavruli(rendered: RenderedPdfs,
                                                    tmp_path: Path) -> None:
    text = pdftotext(rendered.get(KA), tmp_path)
    for phrase in ("ვამტკიცებ", "სამუშაო აღწერილობა", "ოფის-მენეჯერი", "შეთანხმების ფურცელი",
                   "გაცნობის ფურცელი", "№ JD-021"):
        assert phrase in text
    assert not [c for c in text if 0x1C90 <= ord(c) <= 0x1CBF]


@needs_poppler
def test_draft_shows_on_every_page_and_approved_on_none(rendered: RenderedPdfs,
                                                        tmp_path: Path) -> None:
    draft = rendered.get(KA)
    pages = reader(draft).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        # Drawn diagonally across the page (poppler skips diagonal text; pypdf reads it) …
        assert page.extract_text().count("პროექტი") == 2, number
        # … and printed in the running header, as text any tool finds.
        assert "პროექტი" in pdftotext(draft, tmp_path, page=number), number
    approved = pdftotext(rendered.get(EN), tmp_path)
    assert "DRAFT" not in approved
    assert "ПРОЕКТ" not in pdftotext(rendered.get(RU), tmp_path)


@needs_poppler
@pytest.mark.parametrize(("spec", "lang"), LANGUAGES)
def test_fonts_are_embedded_and_named(spec: Path, lang: str, rendered: RenderedPdfs,
                                      tmp_path: Path) -> None:
    path = tmp_path / "doc.pdf"
    path.write_bytes(rendered.get(spec))
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        columns = line.split()
        assert columns[-5:-2] == ["yes", "yes", "yes"], line  # emb, sub, uni
    if lang == "ka":
        assert any("Georgian" in line for line in listing)


def test_pdf_a_3a_structure_and_language(rendered: RenderedPdfs) -> None:
    pdf = reader(rendered.get(KA))
    root: Any = pdf.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r'pdfaid:part(="|>)3', xmp)
    assert re.search(r'pdfaid:conformance(="|>)A', xmp)
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert root["/Lang"] == "ka"
    assert "/OutputIntents" in root


def test_metadata(rendered: RenderedPdfs) -> None:
    meta = reader(rendered.get(EN)).metadata
    assert meta is not None
    assert meta.title == "Job description: Warehouse Supervisor"
    assert meta.author == "Nova Trade LLC"
    assert meta.subject == "Job description No. JD-030, version 4"
    assert "JD-030" in (meta.get("/Keywords") or "")
    assert meta.get("/CreationDate") == "D:20260915000000Z"


def test_one_signature_field_per_signatory(rendered: RenderedPdfs) -> None:
    pdf = reader(rendered.get(RU))
    fields: Any = pdf.trailer["/Root"]["/AcroForm"]["/Fields"]
    sigs = [f.get_object() for f in fields]
    assert all(f["/FT"] == "/Sig" for f in sigs)
    assert [f["/T"] for f in sigs] == [
        "approved_by-1-i-v-sokolova", "agreed_with-1-a-s-petrov",
        "agreed_with-2-e-n-kuznetsova", "agreed_with-3-d-o-morozov",
        "acknowledged_by-1-o-p-vasileva"]
    assert sigs[0]["/TU"] == "Генеральный директор: И. В. Соколова"
    # The approver signs on the first page, at the top right; the others on the sheets.
    first = pdf.pages[0]
    assert sigs[0]["/P"].get_object() == first.get_object()
    x1, y1, x2, y2 = (float(v) for v in sigs[0]["/Rect"])
    width, height = float(first.mediabox.width), float(first.mediabox.height)
    assert width / 2 < x1 < x2 < width and height / 2 < y1 < y2 < height
    assert 25 < y2 - y1 < 40  # the 11 mm above the line


def test_the_resolved_spec_is_embedded(rendered: RenderedPdfs) -> None:
    attachments = reader(rendered.get(KA)).attachments
    assert list(attachments) == ["office-manager.yaml"]
    data = yaml.safe_load(attachments["office-manager.yaml"][0])
    source = yaml.safe_load(KA.read_text(encoding="utf-8"))
    assert data == source


def test_same_inputs_give_the_same_bytes(rendered: RenderedPdfs) -> None:
    assert jobdocs.render(KA, "pdf") == rendered.get(KA)


def test_source_date_epoch_sets_the_dates(monkeypatch: pytest.MonkeyPatch,
                                          rendered: RenderedPdfs) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    pdf = jobdocs.render(EN, "pdf")
    meta = reader(pdf).metadata
    assert meta is not None and meta.get("/CreationDate") == "D:20231114221320Z"
    assert pdf != rendered.get(EN)
    assert jobdocs.render(EN, "pdf") == pdf


def test_the_logo_is_drawn(rendered: RenderedPdfs) -> None:
    page: Any = reader(rendered.get(RU)).pages[0]
    content = page.get_contents().get_data()
    # The logo's second bar is #b07a82, a colour nothing else in the document uses.
    assert b"0.690196 0.478431 0.509804 rg" in content
