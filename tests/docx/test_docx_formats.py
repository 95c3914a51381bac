"""The three formats say the same thing: every section, entry and signatory of a spec appears
in the same order in its HTML, its PDF and its Word document — and LibreOffice turns each
Word document into a PDF that says it too, in fonts that have the letters."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx_helpers import (
    Rendered,
    docx_text,
    hostile_role,
    needs_poppler,
    needs_soffice,
    pdf_text,
    soffice_convert,
    spec_languages,
)

import jobdocs


def expected_items(spec: Path, lang: str) -> list[str]:
    """Section headings, entry texts and signatories' names, in document order."""
    context = jobdocs.render.Renderer().context(jobdocs.api.render_source(spec), lang)
    found: list[str] = []

    def walk(entries: tuple[object, ...]) -> None:
        for entry in entries:
            found.append(entry.text)  # type: ignore[attr-defined]
            walk(entry.entries)  # type: ignore[attr-defined]

    for section in context.sections:
        found.append(section.heading)
        walk(section.entries)
    found += [p.name for p in (*context.approval.agreed_with, *context.approval.acknowledged_by)]
    return [" ".join(text.split()) for text in found if text.strip()]


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("style", "title", "head")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "title", "head")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(data: bytes) -> str:
    parser = _Text()
    parser.feed(data.decode("utf-8"))
    return " ".join(" ".join(parser.parts).split())


def flat_pdf_text(text: str) -> str:
    """pdftotext's text with the lines joined: WeasyPrint's hyphenation (U+2010) undone, a
    real hyphen at a line end kept, white space collapsed."""
    text = re.sub("\u2010\\s*\n", "", text)
    text = re.sub("-\n", "-", text)
    return " ".join(text.replace("\f", " ").split())


def assert_in_order(items: list[str], text: str, what: str) -> None:
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0, f"{what}: missing or out of order: {item!r}"
        position = found + len(item)


@needs_poppler
@pytest.mark.parametrize(("spec", "lang"), spec_languages(),
                         ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_html_pdf_and_docx_hold_the_same_items_in_the_same_order(
        rendered: Rendered, tmp_path: Path, spec: Path, lang: str) -> None:
    items = expected_items(spec, lang)
    assert len(items) > 5
    assert_in_order(items, html_text(rendered.get(spec, "html", lang)), "HTML")
    assert_in_order(items, docx_text(rendered.get(spec, "docx", lang)), "DOCX")
    pdf = tmp_path / "doc.pdf"
    pdf.write_bytes(rendered.get(spec, "pdf", lang))
    assert_in_order(items, flat_pdf_text(pdf_text(pdf)), "PDF")


@needs_soffice
@needs_poppler
def test_libreoffice_converts_every_example(rendered: Rendered, tmp_path: Path,
                                            soffice_profile: Path) -> None:
    cases = {}
    for spec, lang in spec_languages():
        source = tmp_path / f"{spec.stem}.{lang}.docx"
        source.write_bytes(rendered.get(spec, "docx", lang))
        cases[source] = (spec, lang)
    pdfs = soffice_convert(list(cases), tmp_path / "pdf", soffice_profile)
    for source, (spec, lang) in cases.items():
        pdf = pdfs[source]
        assert pdf.is_file(), f"LibreOffice did not convert {source.name}"
        text = pdf_text(pdf)
        assert_in_order(expected_items(spec, lang), flat_pdf_text(text), source.name)
        fonts = _fonts(pdf)
        # Georgian, Latin and Cyrillic all come from DejaVu: no fallback font, no boxes.
        assert fonts and all(f.split("+")[-1].startswith(("DejaVuSerif", "DejaVuSans"))
                             for f in fonts), f"{source.name}: {fonts}"
        layout = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                                check=True).stdout.decode("utf-8")
        context = jobdocs.render.Renderer().context(jobdocs.api.render_source(spec), lang)
        labels = context.labels
        heading = [labels[k] for k in ("row_number", "position", "full_name", "signature",
                                       "date")]
        # The signature table keeps its columns: the headings share one line, in order.
        assert any(all(h in line for h in heading) and
                   [line.index(h) for h in heading[1:]] == sorted(
                       line.index(h) for h in heading[1:]) for line in layout.splitlines()), (
            f"{source.name}: squashed signature table")


def _fonts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True,
                         text=True).stdout.splitlines()[2:]
    return [line.split()[0] for line in out if line.strip()]


@needs_soffice
def test_libreoffice_converts_hostile_and_joined_documents(rendered: Rendered, tmp_path: Path,
                                                          soffice_profile: Path) -> None:
    from docx import Document

    from jobdocs.render.docx_compose import append_documents

    hostile = tmp_path / "hostile.docx"
    (tmp_path / "specs").mkdir()
    hostile.write_bytes(jobdocs.render(hostile_role(tmp_path / "specs"), "docx"))
    Document(str(hostile))  # python-docx opens it
    specs = {spec.stem: spec for spec, _ in spec_languages()}
    en, ka = specs["warehouse-supervisor.en"], specs["office-manager.ka"]
    joined = tmp_path / "joined.docx"
    joined.write_bytes(append_documents(rendered.get(en, "docx", "en"),
                                        rendered.get(ka, "docx", "ka")))
    pdfs = soffice_convert([hostile, joined], tmp_path, soffice_profile)
    for pdf in pdfs.values():
        assert pdf.is_file() and pdf.stat().st_size > 1000
    if subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0:
        text = flat_pdf_text(pdf_text(pdfs[hostile]))
        assert 'R&D <Account> Manager "{{ title }}"' in text
        assert "Prints {{ 7*7 }} and {% for x in range(3) %}loop{% endfor %}" in text
        both = flat_pdf_text(pdf_text(pdfs[joined]))
        assert_in_order([*expected_items(en, "en"), *expected_items(ka, "ka")], both, "joined")
