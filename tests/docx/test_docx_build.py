"""The shipped Word template is what templates/build_docx.py makes, and is built the way a
user restyles it in Word: named styles, fixed table grids, fields in the footer."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from types import ModuleType

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx_helpers import REPO, SHIPPED
from lxml import etree


@pytest.fixture(scope="module")
def build() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_docx", REPO / "templates" /
                                                  "build_docx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def built(build: ModuleType) -> bytes:
    data: bytes = build.build_role()
    return data


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def test_the_committed_template_is_what_the_script_makes(built: bytes) -> None:
    committed, fresh = _parts(SHIPPED.read_bytes()), _parts(built)
    assert list(committed) == list(fresh), "run `make templates`"
    for name, xml in fresh.items():
        if name.endswith((".xml", ".rels")):
            assert _canonical(committed[name]) == _canonical(xml), f"{name}: run `make templates`"
        else:
            assert committed[name] == xml, name


def test_the_script_is_reproducible(build: ModuleType, built: bytes) -> None:
    assert build.build_role() == built
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.namelist()[0] == "[Content_Types].xml"
        assert archive.testzip() is None


def test_check_mode_reports_an_up_to_date_template(build: ModuleType) -> None:
    assert build.main(["--check"]) == 0


def test_no_sample_parts_of_python_docx_remain(built: bytes) -> None:
    names = set(_parts(built))
    assert not any(n.startswith(("customXml", "docProps/thumbnail")) for n in names)
    assert "word/stylesWithEffects.xml" not in names
    assert b"Macintosh" not in _parts(built)["docProps/app.xml"]


def test_the_template_uses_named_styles() -> None:
    document = Document(str(SHIPPED))
    names = {s.name for s in document.styles}
    assert {"Title", "Heading 1", "Heading 2", "Entry 1", "Entry 2", "Entry 3", "Entry Label",
            "Kind Title", "Register", "Sheet Heading", "Table Heading", "Table Text",
            "Signature Line", "Header", "Footer", "Draft Mark", "Table Grid"} <= names
    used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Heading 1", "Entry 1", "Entry 2", "Entry 3", "Sheet Heading"} <= used
    # Georgian, Latin and Cyrillic in one family, on every script slot.
    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "DejaVu Serif"}


def test_every_table_has_a_fixed_grid() -> None:
    document = Document(str(SHIPPED))
    assert len(document.tables) == 4  # masthead, details, agreement, acknowledgement
    for table in document.tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid]
        assert all(width > 0 for width in grid)
        assert 9400 <= sum(grid) <= 9480  # 167 mm of text width, in twips
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    agreement = document.tables[2]
    assert [round(int(c.get(qn("w:w"))) / 56.7) for c in agreement._tbl.tblGrid] == [
        12, 47, 40, 32, 37]
    printed = [row for row in agreement.rows if not row.cells[0].text.startswith("{%tr")]
    assert len(printed) == 3  # the column headings, a signatory, a blank row
    for row in printed:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    assert agreement.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None


def test_header_and_footer_carry_the_register_and_page_fields() -> None:
    document = Document(str(SHIPPED))
    section = document.sections[0]
    assert section.different_first_page_header_footer
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "{{ document.number }}" in footer and "{{ document.version }}" in footer
    for header in (section.header, section.first_page_header):
        xml = header._element.xml
        assert "{{ document.watermark }}" in xml and "{% if document.watermark %}" in xml
    assert "{{ document.title }}" in section.header._element.xml


def test_core_properties_are_template_tags() -> None:
    props = Document(str(SHIPPED)).core_properties
    assert (props.title, props.subject, props.author, props.language) == (
        "{{ metadata.title }}", "{{ metadata.subject }}", "{{ metadata.author }}", "{{ lang }}")
    assert props.created.year == 1980 and props.modified.year == 1980
