"""The small pieces under the Word renderer: text XML can hold, the Jinja environment, and
the ZIP writer."""

from __future__ import annotations

import io
import zipfile

import jinja2
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree
from markupsafe import Markup

from jobdocs.errors import RenderError
from jobdocs.render.docx_package import PackageLayout, ZipEntry, normalize, read_entries
from jobdocs.render.docx_text import docx_environment, finalize, xml_text


@pytest.mark.parametrize(("raw", "clean"), [
    ("plain ქართული текст", "plain ქართული текст"),
    ("form\ffeed", "form feed"),
    ("vertical\vtab", "vertical tab"),
    ("nul\x00bell\x07esc\x1b", "nulbellesc"),
    ("crlf\r\nand cr\rend", "crlf\nand cr\nend"),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    ("lone \ud800 surrogate", "lone \ufffd surrogate"),
    ("non-characters \ufffe\uffff", "non-characters "),
    ("\u00a0no-break and 𝄞 astral", "\u00a0no-break and 𝄞 astral"),
])
def test_xml_text(raw: str, clean: str) -> None:
    assert xml_text(raw) == clean


@given(st.text())
def test_xml_text_always_gives_text_xml_can_hold(text: str) -> None:
    element = etree.Element("t")
    element.text = xml_text(text)  # lxml refuses what XML 1.0 forbids
    assert etree.fromstring(etree.tostring(element, encoding="utf-8")).text in (
        element.text, None)


def test_finalize_keeps_markup_and_other_values() -> None:
    assert finalize(Markup("<w:br/>\x0c")) == Markup("<w:br/> ")
    assert isinstance(finalize(Markup("x")), Markup)
    assert finalize(3) == 3 and finalize(None) is None


def test_the_environment_escapes_cleans_and_is_strict() -> None:
    env = docx_environment()
    assert env.from_string("{{ v }}").render(v="R&D <x>\x0c") == "R&amp;D &lt;x&gt; "
    with pytest.raises(jinja2.UndefinedError):
        env.from_string("{{ missing.x }}").render()
    with pytest.raises(jinja2.exceptions.SecurityError):
        env.from_string("{{ ''.__class__.__mro__ }}").render()


def test_a_layout_copies_prepared_members_and_compresses_the_rest() -> None:
    static = ZipEntry.compress("[Content_Types].xml", b"<Types/>")
    layout = PackageLayout([static, "word/document.xml", ZipEntry.compress("z.bin", b"\0" * 9)])
    data = layout.assemble({"word/document.xml": "<w:document>ü</w:document>".encode()})
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == ["[Content_Types].xml", "word/document.xml", "z.bin"]
        assert archive.read("word/document.xml").decode() == "<w:document>ü</w:document>"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert layout.assemble({"word/document.xml": "<w:document>ü</w:document>".encode()}) == data
    with pytest.raises(RenderError, match="no content"):
        layout.assemble({})


def test_normalize_keeps_members_and_fixes_dates() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.xml", "<a/>" * 100)
        archive.writestr(zipfile.ZipInfo("b/ünï.txt", (2020, 5, 6, 7, 8, 10)), "stored")
    data = normalize(buffer.getvalue())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        assert archive.read("a.xml") == b"<a/>" * 100
        assert archive.read("b/ünï.txt") == b"stored"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert normalize(data) == data


def test_reading_something_that_is_not_a_zip_is_a_render_error() -> None:
    with pytest.raises(RenderError, match="not a ZIP"):
        read_entries(b"PK but not really")
