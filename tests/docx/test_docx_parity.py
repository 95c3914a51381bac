"""The prepared-template path writes, part for part, the XML that plain docxtpl writes for the
same template and context — body, headers, footers, core properties, footnotes, docxtpl's
table fix-ups and docPr ids included — and the cache re-reads a template only when it
changes."""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Mm
from docx_helpers import SHIPPED, spec_languages

from jobdocs.render.docx import DocxTemplateCache, render_docx, render_docx_plain
from jobdocs.render.docx_prepared import FOOTNOTES_TYPE


def _png() -> bytes:
    """A 1×1 PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0\0\0\0\0")) + chunk(b"IEND", b""))


PNG = _png()


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        return {name: archive.read(name) for name in archive.namelist()}


def assert_same_parts(fast: bytes, plain: bytes) -> None:
    ours, theirs = _parts(fast), _parts(plain)
    assert sorted(ours) == sorted(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], f"{name} differs from docxtpl's"


@pytest.mark.parametrize(("spec", "lang"), spec_languages(),
                         ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_every_example_matches_docxtpl(spec: Path, lang: str) -> None:
    from jobdocs.api import check
    from jobdocs.render import Renderer, RenderSource

    context = Renderer().context(RenderSource.from_validated(check(spec)), lang)
    fast = render_docx(context, SHIPPED, DocxTemplateCache())
    assert_same_parts(fast, render_docx_plain(context, SHIPPED))


def tricky_template(path: Path, *, sections: int = 1) -> Path:
    """A template that exercises what the shipped one does not: column loops that docxtpl's
    fix_tables repairs (more and fewer cells than the grid), pictures (docPr ids), a header
    with a picture and tags, a footer without tags, footnotes, and tags in the properties."""
    doc = Document()
    doc.add_paragraph("{{ title }} — {{ text }}")
    doc.add_paragraph("{%p if flag %}")
    doc.add_paragraph("flagged {{ n + 1 }}")
    doc.add_paragraph("{%p endif %}")
    doc.add_picture(io.BytesIO(PNG), width=Mm(5))
    wide = doc.add_table(rows=2, cols=3)  # five columns once rendered
    for row, text in ((0, "{{ c }}"), (1, "x")):
        for col, cell in enumerate(("{%tc for c in cols %}", text, "{%tc endfor %}")):
            wide.cell(row, col).text = cell
    narrow = doc.add_table(rows=1, cols=4)  # two columns once rendered
    for col, cell in enumerate(("{%tc for c in cols[:1] %}", "{{ c }}", "{%tc endfor %}",
                                "end")):
        narrow.cell(0, col).text = cell
    rows = doc.add_table(rows=3, cols=2)
    rows.cell(0, 0).text = "{%tr for r in rows %}"
    rows.cell(1, 0).text = "{{ r.name }}"
    rows.cell(1, 1).text = "{{ r.value }}"
    rows.cell(2, 0).text = "{%tr endfor %}"
    doc.add_picture(io.BytesIO(PNG), width=Mm(4))
    for _ in range(sections - 1):
        doc.add_section()
        doc.add_paragraph("section {{ title }}")
    header = doc.sections[0].header
    header.paragraphs[0].text = "{{ title }} | {% if flag %}on{% endif %}"
    header.paragraphs[0].add_run().add_picture(io.BytesIO(PNG), width=Mm(3))
    doc.sections[0].footer.paragraphs[0].text = "a footer without tags"
    notes = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, FOOTNOTES.encode(),
                 doc.part.package)
    doc.part.relate_to(notes, RT.FOOTNOTES)
    props = doc.core_properties
    props.title, props.subject, props.keywords = "{{ title }}", "fixed", "{{ not rendered }}"
    doc.save(str(path))
    return path


FOOTNOTES = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w='
             '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:id='
             '"1"><w:p><w:r><w:t>note {{ title }}</w:t></w:r></w:p></w:footnote></w:footnotes>')
VALUES: dict[str, Any] = {
    "title": "R&D <Sales> \"quoted\"", "text": "line one\nline two\ttabbed", "flag": True,
    "n": 41, "cols": ["a", "b", "c", "d", "e"],
    "rows": [{"name": "x", "value": "1"}, {"name": "y & z", "value": "2"}],
}


@pytest.mark.parametrize("sections", [1, 2])
@pytest.mark.parametrize("flag", [True, False])
def test_a_tricky_template_matches_docxtpl(tmp_path: Path, sections: int, flag: bool) -> None:
    template = tricky_template(tmp_path / "tricky.docx", sections=sections)
    values = {**VALUES, "flag": flag}
    fast = render_docx(values, template, DocxTemplateCache())
    assert_same_parts(fast, render_docx_plain(values, template))
    parts = _parts(fast)
    assert b"note R&amp;D &lt;Sales&gt;" in parts["word/footnotes.xml"]
    assert parts["word/document.xml"].count(b"<w:gridCol ") == 5 + 2 + 2  # fixed by docxtpl
    assert b'id="1001"' in parts["word/document.xml"] and b'id="1002"' in parts[
        "word/document.xml"]


def test_a_template_without_tags_is_copied_through_docxtpl_once(tmp_path: Path) -> None:
    doc = Document()
    doc.add_paragraph("Nothing to fill in.\tA tab.")
    doc.save(str(tmp_path / "static.docx"))
    cache = DocxTemplateCache()
    fast = render_docx({}, tmp_path / "static.docx", cache)
    assert_same_parts(fast, render_docx_plain({}, tmp_path / "static.docx"))
    assert cache.get(tmp_path / "static.docx")._renderers == {}  # nothing left to render


def test_output_is_deterministic(tmp_path: Path) -> None:
    template = tricky_template(tmp_path / "tricky.docx")
    first = render_docx(VALUES, template, DocxTemplateCache())
    assert render_docx(VALUES, template, DocxTemplateCache()) == first
    assert render_docx(VALUES, template, DocxTemplateCache()) == first


def test_the_cache_prepares_a_template_once_and_again_when_it_changes(tmp_path: Path) -> None:
    template = tricky_template(tmp_path / "t.docx")
    cache = DocxTemplateCache()
    prepared = cache.get(template)
    assert cache.get(template) is prepared and len(cache) == 1
    os.utime(template, ns=(1, 1))  # touched, same content: kept
    assert cache.get(template) is prepared
    doc = Document(str(template))
    doc.add_paragraph("{{ title }} again")
    doc.save(str(template))
    changed = cache.get(template)
    assert changed is not prepared
    assert b"R&amp;D &lt;Sales&gt; \"quoted\" again" in _parts(
        changed.render(VALUES))["word/document.xml"]
