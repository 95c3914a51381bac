"""A 40-duty job description with many signatories: it runs over several pages, keeps every
duty in order, and never splits a signature row across a page break."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import jobdocs
from jobdocs.api import check
from jobdocs.render import Renderer, RenderSource
from jobdocs.render.html import render_html

from .conftest import flat, needs_poppler, pdftotext, spec_root_with_org

DUTIES = 40
EMPLOYEES = 24


def duty(n: int) -> str:
    return (f"მოვალეობა {n}: კლიენტების მოთხოვნების შესწავლა, შესაბამისი დოკუმენტაციის "
            f"მომზადება და შედეგების შესახებ უშუალო ხელმძღვანელის ინფორმირება ({n}).")


@pytest.fixture(scope="module")
def long_spec(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = spec_root_with_org(tmp_path_factory.mktemp("long"))
    duties = "\n".join(f'  - "{duty(n)}"' for n in range(1, DUTIES + 1))
    employees = "\n".join(
        f'    - {{name: "თანამშრომელი {n}", position: "მენეჯერი", date: 2026-11-{n:02d}}}'
        for n in range(1, EMPLOYEES + 1))
    spec = root / "roles" / "long.yaml"
    spec.write_text(
        "jobdocs: 1\nkind: role\nid: long\norganization: ../org/nova.yaml\nlanguage: ka\n"
        'title: "გაყიდვების მენეჯერი"\ndocument: {number: JD-040, status: approved}\n'
        f"functions:\n{duties}\n"
        "approval:\n"
        '  approved_by: {name: "გიორგი კაპანაძე", position: "დირექტორი", date: 2026-10-01}\n'
        '  agreed_with:\n    - {name: "თამარ ლომიძე", position: "იურისტი"}\n'
        f"  acknowledged_by:\n{employees}\n", encoding="utf-8")
    return spec


@pytest.fixture(scope="module")
def long_pdf(long_spec: Path) -> bytes:
    return jobdocs.render(long_spec, "pdf")


@needs_poppler
def test_every_duty_in_order_over_several_pages(long_pdf: bytes, tmp_path: Path) -> None:
    pages = PdfReader(io.BytesIO(long_pdf)).pages
    assert len(pages) >= 5
    text = flat(pdftotext(long_pdf, tmp_path))
    position = 0
    for n in range(1, DUTIES + 1):
        found = text.find(duty(n), position)
        assert found >= 0, f"duty {n} is missing or out of order"
        position = found
    for page in range(1, len(pages) + 1):
        assert f"{page} / {len(pages)}" in flat(pdftotext(long_pdf, tmp_path, page=page))


def test_no_signature_row_is_split_across_pages(long_spec: Path) -> None:
    """Each signature row is laid out on exactly one page, and the acknowledgement table
    does run over a page break (so the rule is actually exercised)."""
    from weasyprint import HTML

    renderer = Renderer()
    source = RenderSource.from_validated(check(long_spec))
    html = render_html(renderer.context(source), renderer.templates)
    document = HTML(string=html).render()
    pages_of_row: dict[int, set[int]] = {}
    for number, page in enumerate(document.pages):
        for box in _descendants(page._page_box):
            element = getattr(box, "element", None)
            if (type(box).__name__ == "TableRowBox" and element is not None
                    and "signature-row" in element.get("class", "")):
                pages_of_row.setdefault(id(element), set()).add(number)
    assert len(pages_of_row) == 1 + EMPLOYEES
    assert all(len(pages) == 1 for pages in pages_of_row.values())
    assert len(set().union(*pages_of_row.values())) >= 3  # agreement + a 2-page table


def _descendants(box: Any) -> Any:
    yield box
    for child in getattr(box, "children", ()):
        yield from _descendants(child)


def test_every_signatory_gets_a_field_inside_the_page(long_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(long_pdf))
    root: Any = reader.trailer["/Root"]
    fields = [f.get_object() for f in root["/AcroForm"]["/Fields"]]
    assert len(fields) == 1 + 1 + EMPLOYEES
    assert len({f["/T"] for f in fields}) == len(fields)
    for field in fields:
        page = field["/P"].get_object()
        x1, y1, x2, y2 = (float(v) for v in field["/Rect"])
        _, _, width, height = (float(v) for v in page["/MediaBox"])
        assert 0 < x1 < x2 < width and 0 < y1 < y2 < height
