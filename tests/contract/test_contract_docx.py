"""Contract Word documents as python-docx reads them: every clause in both languages, in
order, paragraph against paragraph in two-column tables; both parties' signature blocks;
Annex 1 (the job description) after them in a section of its own; page furniture (number,
version, PAGE/NUMPAGES, DRAFT, initials); one column for one language; the same bytes every
time. The helpers here are shared with ``test_contract_docx_formats``."""

from __future__ import annotations

import io
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

import jobdocs
from jobdocs.cli import main
from jobdocs.render import Renderer
from jobdocs.render.contract_values import ContractValues

from .conftest import EU, GE, RU, contract_of

MM_TWIPS = 1440 / 25.4
GEORGIAN = re.compile("[\u10a0-\u10ff]")


class RenderedDocx:
    """Word documents rendered once per test session, with one renderer."""

    def __init__(self) -> None:
        self.renderer = Renderer()
        self._done: dict[tuple[Path, str | None], bytes] = {}

    def get(self, spec: Path, lang: str | None = None) -> bytes:
        key = (spec, lang)
        if key not in self._done:
            self._done[key] = jobdocs.render(spec, "docx", lang, renderer=self.renderer)
        return self._done[key]


@pytest.fixture(scope="session")
def rendered_docx() -> RenderedDocx:
    return RenderedDocx()


def blocks(data: bytes) -> Iterator[Paragraph | Table]:
    """The body's paragraphs and tables in document order."""
    yield from Document(io.BytesIO(data)).iter_inner_content()


def columns(data: bytes) -> tuple[str, str]:
    """The body text as read one column at a time: a two-column table's left cells go to
    the first text and its right cells to the second; full-width paragraphs to both."""
    sides: tuple[list[str], list[str]] = ([], [])
    for block in blocks(data):
        if isinstance(block, Paragraph):
            for side in sides:
                side.append(block.text)
        elif len(block.columns) == 2:
            for row in block.rows:
                for side, cell in zip(sides, row.cells, strict=True):
                    side.append(cell.text)
        else:
            for row in block.rows:
                for side in sides:
                    side.append(" ".join(c.text for c in row.cells))
    return " ".join(" ".join(sides[0]).split()), " ".join(" ".join(sides[1]).split())


def body_text(data: bytes) -> str:
    """Every paragraph of the body, table cells in reading order, white space collapsed."""
    parts: list[str] = []
    for block in blocks(data):
        if isinstance(block, Paragraph):
            parts.append(block.text)
        else:
            parts += [cell.text for row in block.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def stories_text(data: bytes) -> str:
    """The text of every header and footer, no-break spaces as spaces."""
    document = Document(io.BytesIO(data))
    parts = []
    for section in document.sections:
        for story in (section.first_page_header, section.header, section.first_page_footer,
                      section.footer):
            parts += [p.text for p in story.paragraphs]
    return " | ".join(parts).replace("\u00a0", " ")


def column_items(contract: ContractValues, side: int, *, annex: bool = True) -> list[str]:
    """What column ``side`` says, in order: each clause's heading and paragraphs, then the
    annex's heading, title and each section's heading and paragraphs."""
    items: list[str] = []
    for clause in contract.clauses:
        items += [clause.headings[side], *(p.texts[side] for p in clause.paragraphs)]
    if annex:
        items += [contract.annex.headings[side], contract.annex.titles[side]]
        for section in contract.annex.sections:
            items += [section.headings[side], *(p.texts[side] for p in section.paragraphs)]
    return [" ".join(item.split()) for item in items if item.strip()]


def assert_in_order(items: list[str], text: str, what: str) -> None:
    position = 0
    for item in items:
        found = text.find(item, position)
        assert found >= 0, f"{what}: missing or out of order: {item!r}"
        position = found + len(item)


def clause_tables(data: bytes) -> list[Table]:
    """The two-column tables that hold a clause or an annex section (heading row first)."""
    return [b for b in blocks(data) if isinstance(b, Table) and len(b.columns) == 2
            and b.rows[0].cells[0].paragraphs[0].style.name == "Clause Heading"]


def grid(table: Table) -> list[int]:
    return [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid]


# -- bilingual ------------------------------------------------------------------------------

def test_every_clause_in_both_languages_in_order(rendered_docx: RenderedDocx) -> None:
    contract = contract_of(GE)
    left, right = columns(rendered_docx.get(GE))
    assert_in_order(column_items(contract, 0), left, "ka column")
    assert_in_order(column_items(contract, 1), right, "en column")
    assert not GEORGIAN.search(" ".join(column_items(contract, 1)))


def test_one_table_per_clause_paragraph_against_paragraph(rendered_docx: RenderedDocx) -> None:
    contract = contract_of(GE)
    tables = clause_tables(rendered_docx.get(GE))
    sections = (*contract.clauses, *contract.annex.sections)
    assert len(tables) == len(sections) == 15 + 6
    for table, clause in zip(tables, sections, strict=True):
        rows = [[" ".join(c.text.split()) for c in row.cells] for row in table.rows]
        assert rows[0] == [f"{clause.number} {h}" for h in clause.headings]
        assert len(rows) == 1 + len(clause.paragraphs), clause.id
        for row, para in zip(rows[1:], clause.paragraphs, strict=True):
            for cell, text in zip(row, para.texts, strict=True):
                assert cell.startswith(para.number) and " ".join(text.split()) in cell


def test_two_fixed_columns_that_never_split(rendered_docx: RenderedDocx) -> None:
    """LibreOffice keeps the columns only with a table grid; a row never splits."""
    for table in clause_tables(rendered_docx.get(GE)):
        assert len(grid(table)) == 2 and grid(table)[0] == grid(table)[1]
        assert 9400 <= sum(grid(table)) <= 9480  # 167 mm of text width, in twips
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None
            assert [round(c.width / 36000) for c in row.cells] == [84, 84]  # EMU → mm


def test_both_parties_sign_the_contract_and_the_annex(rendered_docx: RenderedDocx) -> None:
    data = rendered_docx.get(GE)
    text = body_text(data)
    heading = "ხელმოწერები / Signatures of the parties"
    first = text.find(heading)
    annex = text.find("Annex 1 to Employment Contract No. EC-2026/042")
    last = text.rfind(heading)
    assert 0 < first < annex < last
    for block in (text[first:annex], text[last:]):
        for name in ("შპს „ნოვა ტრეიდი“", "Nova Trade LLC", "დირექტორი გიორგი კაპანაძე",
                     "Director Giorgi Kapanadze", "ლევან გელაშვილი", "Levan Gelashvili",
                     "2026 წლის 27 ნოემბერი", "27 November 2026", "თბილისი", "Tbilisi",
                     "(signature)"):
            assert name in block, name
    signatures = [b for b in blocks(data) if isinstance(b, Table)
                  and b.rows[0].cells[0].paragraphs[0].style.name == "Signature Title"]
    assert len(signatures) == 2
    for table in signatures:
        employer, employee = (" ".join(c.text for c in col.cells) for col in table.columns)
        assert "Employer" in employer and "Giorgi Kapanadze" in employer
        assert "Employee" in employee and "Levan Gelashvili" in employee
        assert "Kapanadze" not in employee


def test_the_annex_follows_on_a_new_page_in_a_section_of_its_own(
        rendered_docx: RenderedDocx) -> None:
    data = rendered_docx.get(GE)
    document = Document(io.BytesIO(data))
    assert len(document.sections) == 2
    assert document.sections[1].start_type == 2  # WD_SECTION.NEW_PAGE
    role = jobdocs.load(GE.parents[1] / "roles" / "account-manager.yaml")
    duty = role.functions[0].text  # type: ignore[union-attr]
    assert duty is not None
    contract = contract_of(GE)
    for side, lang in enumerate(("ka", "en")):
        column = columns(data)[side]
        end = column.find(contract.clauses[-1].paragraphs[-1].texts[side])
        annex = column.find(contract.annex.headings[side])
        assert 0 < end < annex < column.find(" ".join((duty.get(lang, "ka") or "").split())), lang
    # The job description's own approval sheets are not part of the annex.
    assert "AGREEMENT SHEET" not in body_text(data).upper()
    annex_header = document.sections[1].header
    assert not annex_header.is_linked_to_previous
    assert "დანართი 1 / Annex 1" in " ".join(p.text for p in annex_header.paragraphs)


def test_page_furniture(rendered_docx: RenderedDocx) -> None:
    data = rendered_docx.get(GE)
    furniture = stories_text(data)
    assert "№ EC-2026/042" in furniture and "ვერსია / Version 1" in furniture
    assert "შრომითი ხელშეკრულება № EC-2026/042 / Employment contract No. EC-2026/042" in (
        furniture)
    footer = Document(io.BytesIO(data)).sections[0].footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert "DRAFT" not in furniture and "პროექტი" not in furniture  # approved
    assert "Initials" not in furniture
    props = Document(io.BytesIO(data)).core_properties
    assert props.title == ("შრომითი ხელშეკრულება № EC-2026/042 / "
                           "Employment contract No. EC-2026/042")
    assert props.language == "ka" and props.author == "შპს „ნოვა ტრეიდი“"


# -- one language ----------------------------------------------------------------------------

@pytest.mark.parametrize(("spec", "lang"), [(GE, "en"), (EU, None), (RU, None)],
                         ids=["ge-en", "eu-en", "ru"])
def test_one_language_is_one_column(rendered_docx: RenderedDocx, spec: Path,
                                    lang: str | None) -> None:
    data = rendered_docx.get(spec, lang)
    contract = contract_of(spec, lang)
    assert len(contract.columns) == 1
    assert not clause_tables(data)
    two = [b for b in blocks(data) if isinstance(b, Table) and len(b.columns) == 2]
    assert len(two) == 2  # only the signature blocks, twice
    text = body_text(data)
    assert_in_order(column_items(contract, 0), text, spec.stem)
    styles = {p.style.name for p in blocks(data) if isinstance(p, Paragraph)}
    assert {"Clause Heading", "Clause Text", "Annex Heading"} <= styles
    if lang == "en":
        assert not GEORGIAN.search(text)
        assert ("6.1.\tThe Employee's salary is GEL 3,500 (three thousand five hundred lari) "
                "per month.") in [p.text for p in blocks(data) if isinstance(p, Paragraph)]


def test_draft_and_initials(rendered_docx: RenderedDocx) -> None:
    data = rendered_docx.get(EU)  # status: review, initials_on_each_page: true
    furniture = stories_text(data)
    assert re.search(r"Initials:\s+Employer\s*_{6,}\s+Employee\s*_{6,}", furniture)
    document = Document(io.BytesIO(data))
    for section in document.sections:
        for story in (section.first_page_footer, section.footer):
            xml = story._element.xml
            assert "Initials" in xml and " PAGE " in xml and " NUMPAGES " in xml
        xml = section.header._element.xml
        assert 'string="DRAFT"' in xml and ">DRAFT<" in xml  # watermark and mark
    assert 'string="DRAFT"' in document.sections[0].first_page_header._element.xml


def test_the_same_inputs_give_the_same_bytes(rendered_docx: RenderedDocx) -> None:
    for spec in (GE, EU):
        assert jobdocs.render(spec, "docx", renderer=Renderer()) == rendered_docx.get(spec)


def test_spec_text_is_printed_as_written(tmp_path: Path) -> None:
    root = tmp_path / "specs"
    shutil.copytree(EU.parents[1], root)
    spec = root / "contracts" / EU.name
    hostile = 'R&D <Data> "{{ 7*7 }}" {% if x %}\f&amp;\x01 ]]>'
    text = spec.read_text(encoding="utf-8").replace(
        '"Governing law"', '"Law & <order> {{ title }}"').replace(
        "This Contract is governed by the laws of Ireland.",
        hostile.replace("\f", "\\f").replace("\x01", "\\x01").replace('"', '\\"'))
    spec.write_text(text, encoding="utf-8")
    data = jobdocs.render(spec, "docx")
    words = body_text(data)
    assert "14. Law & <order> {{ title }}" in words
    assert 'R&D <Data> "{{ 7*7 }}" {% if x %} &amp; ]]>' in words


# -- the command line and the API ------------------------------------------------------------

def test_render_writes_one_word_file_for_the_contract(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(GE), str(EU), "-f", "docx", "-o", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ec-2026-042.ka-en.docx",
                                                          "ha-2027-003.en.docx"]
    err = capsys.readouterr().err
    assert "skipped" not in err and "2 document(s) from 2 spec(s)" in err
    assert (tmp_path / "ec-2026-042.ka-en.docx").read_bytes() == jobdocs.render(GE, "docx")


def test_render_to_a_docx_file(tmp_path: Path) -> None:
    target = jobdocs.render_to(EU, tmp_path / "contract.docx")
    assert target.read_bytes().startswith(b"PK")
    assert "Annex 1 to Employment Contract No. HA-EC-2027/003" in body_text(
        target.read_bytes())
