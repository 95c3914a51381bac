"""Redline PDFs: the deleted and the inserted words are both on the page, drawn struck
through and underlined in their colours, with the summary of changes on page 1."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from jobdocs.api import render_source
from jobdocs.render import Renderer, RenderSource
from jobdocs.render.redline import render_redline
from jobdocs.render.redline_style import BAR_COLOR, DEL_COLOR, INS_COLOR

from .conftest import EC, EXAMPLES, NEW_RIGHT, examples_copy, needs_poppler

pytestmark = needs_poppler


def pdftotext(pdf: bytes, tmp_path: Path, page: int | None = None) -> str:
    source = tmp_path / "redline.pdf"
    source.write_bytes(pdf)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", *pages, str(source), "-"],
                          capture_output=True, check=True)
    return " ".join(re.sub("\u2010\\s*\n", "", done.stdout.decode("utf-8")).split())


def strokes(pdf: bytes) -> set[str]:
    """The colours lines are stroked in (text decorations), as ``#RRGGBB``, and the colours
    of filled shapes (borders) after ``fill:``."""
    from pypdf import PdfReader

    found: set[str] = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        data = page.get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
        for r, g, b, op in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) (RG|rg)", data):
            colour = "#" + "".join(f"{round(float(v) * 255):02X}" for v in (r, g, b))
            found.add(colour if op == "RG" else f"fill:{colour}")
    return found


@pytest.fixture(scope="module")
def kam_pdf(renderer: Renderer, kam_versions: tuple[RenderSource, RenderSource]) -> bytes:
    return render_redline(renderer, *kam_versions, "pdf")


def test_the_summary_is_on_the_first_page(kam_pdf: bytes, tmp_path: Path) -> None:
    first = pdftotext(kam_pdf, tmp_path, page=1)
    assert first.startswith("ცვლილებების მიმოხილვა ვერსია 2 (№ JD-015) შედარებულია "
                            "ვერსიასთან 1 (№ JD-015)")
    summary = first[:first.index("ვამტკიცებ")]  # before the approval block
    for word in ("თანამდებობის მონაცემები", "ფუნქციები და მოვალეობები", "უფლებები", "~1",
                 "\u22121", "~2", "+1", "დამატებული ტექსტი", "წაშლილი ტექსტი"):
        assert word in summary


def test_deleted_and_inserted_words_are_both_there(kam_pdf: bytes, tmp_path: Path) -> None:
    text = pdftotext(kam_pdf, tmp_path)
    assert "უშუალო ხელმძღვანელი კომერციულიგაყიდვების დირექტორი" in text
    assert "თითოეული ძირითადი კლიენტისთვის წლიურიკვარტალური განვითარების" in text
    assert "3.14. ძირითადი კლიენტების მომსახურებაში ჩართული" in text  # removed, in place
    assert f"4.6. {NEW_RIGHT['ka']}" in text


def test_changes_are_drawn_in_their_colours_with_bars(kam_pdf: bytes) -> None:
    colours = strokes(kam_pdf)
    assert {INS_COLOR, DEL_COLOR, f"fill:{BAR_COLOR}"} <= colours


def test_the_pdf_embeds_the_new_spec(kam_pdf: bytes) -> None:
    from pypdf import PdfReader

    attachments: dict[str, Any] = PdfReader(io.BytesIO(kam_pdf)).attachments
    data = attachments["key-account-manager.yaml"][0].decode("utf-8")
    assert "key-account-budget" in data


def test_the_bilingual_contract_redline(renderer: Renderer, tmp_path: Path) -> None:
    def edit(data: dict[str, Any]) -> None:
        data["document"]["version"] = 2
        data["terms"]["pay"]["amount"] = 3800

    root = examples_copy(tmp_path / "examples", {EC: edit})
    pdf = render_redline(renderer, render_source(EXAMPLES / EC), render_source(root / EC),
                         "pdf")
    first = pdftotext(pdf, tmp_path, page=1)
    assert "ვერსია 2 (№ EC-2026/042) შედარებულია ვერსიასთან 1 (№ EC-2026/042)" in first
    assert "შრომის ანაზღაურება" in first and "~1" in first
    text = pdftotext(pdf, tmp_path)
    assert "GEL 3,500800" in text and "five" in text and "eight" in text
    assert {INS_COLOR, DEL_COLOR} <= strokes(pdf)
