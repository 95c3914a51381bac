"""Helpers of the Word tests: the specs, text read back with python-docx, a hostile spec, and
LibreOffice conversion in one call.

(``tests/docx`` is not a package — it would be called ``docx`` and hide python-docx — so its
modules have names found nowhere else: ``docx_helpers``, ``test_docx_*``.)"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "templates" / "role" / "document.docx"
ROLE_SPECS = sorted([*(REPO / "examples" / "roles").glob("*.yaml"),
                     *(REPO / "tests" / "render" / "specs" / "roles").glob("*.yaml")])
"""Every role spec the tests render: the examples and the render fixtures (ka, en, ru)."""

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None,
    reason="LibreOffice (soffice) is not installed: the DOCX → PDF conversion is not checked "
           "(apt-get install libreoffice-writer-nogui)")
needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler-utils (pdftotext) is not installed")


def spec_languages() -> list[tuple[Path, str]]:
    """(spec, language) for every language of every role spec."""
    import jobdocs

    return [(spec, lang) for spec in ROLE_SPECS for lang in jobdocs.load(spec).all_languages]


class Rendered:
    """Documents rendered once per test session, by (spec, format, language)."""

    def __init__(self) -> None:
        from jobdocs.render import Renderer

        self.renderer = Renderer()
        self._done: dict[tuple[Path, str, str], bytes] = {}

    def get(self, spec: Path, fmt: str, lang: str) -> bytes:
        key = (spec, fmt, lang)
        if key not in self._done:
            import jobdocs

            self._done[key] = jobdocs.render(spec, fmt, lang, renderer=self.renderer)
        return self._done[key]


def docx_paragraphs(data: bytes) -> list[str]:
    """The text of every paragraph of a .docx, body and table cells in reading order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(data))
    lines: list[str] = []

    def walk(container: object) -> None:
        for block in container.iter_inner_content():  # type: ignore[attr-defined]
            if isinstance(block, Paragraph):
                lines.append(block.text)
            elif isinstance(block, Table):
                for row in block.rows:
                    for cell in row.cells:
                        walk(cell)

    walk(document)
    return lines


def docx_text(data: bytes) -> str:
    """The body text of a .docx with white space collapsed."""
    return " ".join(" ".join(docx_paragraphs(data)).split())


def header_footer_text(data: bytes) -> str:
    """The text of every header and footer of a .docx."""
    from docx import Document

    document = Document(io.BytesIO(data))
    parts = []
    for section in document.sections:
        for story in (section.first_page_header, section.header, section.first_page_footer,
                      section.footer):
            parts += [p.text for p in story.paragraphs]
    return " | ".join(parts)


def hostile_role(root: Path) -> Path:
    """A spec root with an English role whose texts hold XML specials, control characters,
    template syntax and an unpaired surrogate."""
    (root / "jobdocs.toml").write_text("", encoding="utf-8")
    (root / "org").mkdir(exist_ok=True)
    shutil.copy(REPO / "tests" / "render" / "specs" / "org" / "nova.yaml", root / "org")
    spec = root / "hostile.yaml"
    spec.write_text(HOSTILE, encoding="utf-8")
    return spec


HOSTILE = r"""jobdocs: 1
kind: role
id: hostile
organization: org/nova.yaml
language: en
title: "R&D <Account> Manager \"{{ title }}\""
department: "Sales & <Marketing>"
document: {number: "JD-<1>&2", version: 1, status: draft}
general:
  - "Form\ffeed, vertical\vtab, bell\a, NUL\0 and escape\e here."
  - "A <b>bold</b> & <script>alert(1)</script> claim with \"quotes\" and 'apostrophes'."
functions:
  - id: templ
    text: "Prints {{ 7*7 }} and {% for x in range(3) %}loop{% endfor %} as written."
  - id: lone
    text: "A CDATA end ]]> plus &amp; literally, and a C1 control \x85 here."
  - id: lines
    text: "Line one\nline two\ttabbed\r\nline three."
rights:
  - "To sign for amounts under 1 000 ₾ < 5 000 ₾ > 0."
responsibility:
  - "Liability within the limits of the law."
approval:
  agreed_with:
    - {name: "Tamar <Lomidze> & Co", position: "Lawyer \"Chief\""}
"""


def soffice_convert(files: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """Convert .docx files to PDF with one soffice call; returns source → PDF."""
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(outdir), *map(str, files)],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, "HOME": str(profile)})
    assert done.returncode == 0, done.stderr
    return {f: outdir / f"{f.stem}.pdf" for f in files}


def pdf_text(pdf: Path) -> str:
    """The body text of an A4 PDF in content order: ``-raw`` keeps table cells whole and
    the hyphen of a line ending in ``long-``; the running header and footer (the top 60 and
    bottom 57 points) are cropped away, so a paragraph that crosses a page stays whole."""
    done = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", "-x", "0", "-y", "60",
                           "-W", "595", "-H", "725", str(pdf), "-"],
                          capture_output=True, check=True)
    return done.stdout.decode("utf-8")
