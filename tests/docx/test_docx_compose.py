"""Joining Word documents (a contract and its annexed job description) into one file that
keeps each part's styles and lists, reproducibly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx_helpers import REPO, Rendered, docx_paragraphs

from jobdocs.render.docx_compose import append_documents

EN = REPO / "tests" / "render" / "specs" / "roles" / "warehouse-supervisor.en.yaml"
KA = REPO / "tests" / "render" / "specs" / "roles" / "office-manager.ka.yaml"


def numbered_annex(tmp_path: Path) -> bytes:
    """A document with a Word-numbered list and a style of its own."""
    document = Document()
    document.add_paragraph("Annex 2", style="Heading 1")
    for text in ("first duty", "second duty"):
        document.add_paragraph(text, style="List Number")
    path = tmp_path / "annex.docx"
    document.save(str(path))
    return path.read_bytes()


def test_an_annex_follows_on_a_new_page_with_its_styles(rendered: Rendered,
                                                        tmp_path: Path) -> None:
    main, annex = rendered.get(EN, "docx", "en"), rendered.get(KA, "docx", "ka")
    joined = append_documents(main, annex, numbered_annex(tmp_path))
    paragraphs = docx_paragraphs(joined)
    assert paragraphs.count("ACKNOWLEDGEMENT SHEET") == 1
    order = [paragraphs.index(t) for t in ("Warehouse Supervisor", "ACKNOWLEDGEMENT SHEET",
                                           "ოფის-მენეჯერი", "გაცნობის ფურცელი", "Annex 2",
                                           "second duty")]
    assert order == sorted(order)
    document = Document(io.BytesIO(joined))
    body = document.element.body.xml
    assert body.count('w:type="page"') >= 2  # one page break before each annex
    names = {s.name for s in document.styles}
    assert {"Entry 1", "Sheet Heading", "List Number"} <= names  # List Number came with it
    styles = {p.text: (p.style.name, [r.style.name for r in p.runs])
              for p in document.paragraphs}
    assert styles["second duty"][0] == "List Number"
    # Both job descriptions keep their paragraph and character styles.
    entry = next(t for t in styles if t.startswith("1.1.\tდასაქმებული"))
    assert styles[entry] == ("Entry 1", ["Default Paragraph Font", "Entry Label",
                                          "Default Paragraph Font"])
    with zipfile.ZipFile(io.BytesIO(joined)) as archive:
        numbering = archive.read("word/numbering.xml")
        assert archive.testzip() is None
    assert b"w:abstractNum " in numbering or b"w:abstractNum>" in numbering


def test_joining_is_reproducible(rendered: Rendered, tmp_path: Path) -> None:
    main, annex = rendered.get(EN, "docx", "en"), numbered_annex(tmp_path)
    assert append_documents(main, annex) == append_documents(main, annex)


def test_the_first_documents_headers_apply_throughout(rendered: Rendered) -> None:
    joined = append_documents(rendered.get(EN, "docx", "en"), rendered.get(KA, "docx", "ka"))
    with zipfile.ZipFile(io.BytesIO(joined)) as archive:
        headers = [n for n in archive.namelist() if n.startswith("word/header")]
        text = b"".join(archive.read(n) for n in headers)
    assert len(headers) == 2
    assert b"Warehouse Supervisor" in text and "პროექტი".encode() not in text
