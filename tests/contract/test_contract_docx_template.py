"""The shipped Word contract template: what templates/build_docx.py makes, built as HR edits
it in Word (named styles, fixed table grids, fields), and checked by ``jobdocs templates check
--kind contract``, which knows what a contract must print."""

from __future__ import annotations

import importlib.util
import io
import zipfile
from pathlib import Path
from types import ModuleType

import pytest
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

import jobdocs
from jobdocs.cli import main
from jobdocs.render.docx_check import check_docx_template

from .conftest import GE

REPO = Path(__file__).resolve().parents[2]
SHIPPED = REPO / "templates" / "contract" / "document.docx"
ROLE = REPO / "templates" / "role" / "document.docx"


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
    data: bytes = build.build_contract()
    return data


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def test_the_committed_template_is_what_the_script_makes(build: ModuleType,
                                                         built: bytes) -> None:
    assert build.TEMPLATES[SHIPPED] is build.build_contract
    committed, fresh = _parts(SHIPPED.read_bytes()), _parts(built)
    assert list(committed) == list(fresh), "run `make templates`"
    for name, xml in fresh.items():
        if name.endswith((".xml", ".rels")):
            assert _canonical(committed[name]) == _canonical(xml), f"{name}: run `make templates`"
        else:
            assert committed[name] == xml, name


def test_the_script_is_reproducible(build: ModuleType, built: bytes) -> None:
    assert build.build_contract() == built
    with zipfile.ZipFile(io.BytesIO(built)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert archive.testzip() is None
    assert not any(n.startswith(("customXml", "docProps/thumbnail")) for n in _parts(built))


def test_named_styles_in_one_font_for_every_script() -> None:
    document = Document(str(SHIPPED))
    names = {s.name for s in document.styles}
    assert {"Kind Title", "Contract Number", "Party Title", "Party Name", "Party Line",
            "Clause Heading", "Clause Text", "Clause Text 2", "Clause Text 3", "Clause Lead",
            "Entry Label", "Signatures Heading", "Signature Line", "Annex Heading",
            "Annex Title", "Register", "Header", "Footer", "Footer Initials", "Draft Mark",
            "Contract Columns"} <= names
    fonts = document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:rFonts"))
    assert {fonts.get(qn(f"w:{slot}")) for slot in ("ascii", "hAnsi", "cs", "eastAsia")} == {
        "DejaVu Serif"}
    # Two-column text is smaller, set by the table style, so one paragraph style serves both.
    assert document.styles["Contract Columns"].font.size.pt == 9
    assert document.styles["Clause Text"].font.size is None


def test_every_table_has_a_fixed_grid_and_rows_that_never_split() -> None:
    document = Document(str(SHIPPED))
    tables = list(document.tables)
    # title, parties, clauses, signatures; annex head, details, sections, signatures
    assert len(tables) == 8
    for table in tables:
        grid = [int(col.get(qn("w:w"))) for col in table._tbl.tblGrid]
        assert len(grid) == 2 and grid[0] == grid[1] and 9400 <= sum(grid) <= 9480
        assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        for row in table.rows:
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None


def test_the_annex_is_a_section_with_its_own_running_title() -> None:
    document = Document(str(SHIPPED))
    contract, annex = document.sections
    assert contract.different_first_page_header_footer
    assert not annex.different_first_page_header_footer
    assert "{{ extra.contract.running.title }}" in contract.header._element.xml
    assert "{{ extra.contract.annex.running_title }}" in annex.header._element.xml
    assert annex.footer.is_linked_to_previous  # page numbers run on through the annex
    for story in (contract.footer, contract.first_page_footer):
        xml = story._element.xml
        assert " PAGE " in xml and " NUMPAGES " in xml
        assert "{%p if extra.contract.running.initials %}" in xml
    for story in (contract.first_page_header, contract.header, annex.header):
        assert "{{ document.watermark }}" in story._element.xml
    props = document.core_properties
    assert (props.title, props.language) == ("{{ metadata.title }}", "{{ lang }}")


def test_templates_check_knows_what_a_contract_prints(tmp_path: Path) -> None:
    assert check_docx_template(SHIPPED, "contract") == []
    assert main(["templates", "check", str(SHIPPED), "--kind", "contract"]) == 0
    missing = {p.message for p in check_docx_template(ROLE, "contract")}
    for what in ("the parties", "the clauses", "the parties' signature blocks",
                 "Annex 1, the job description"):
        assert any(m.startswith(f"the template never prints {what}") for m in missing), what
    as_role = check_docx_template(SHIPPED, "role")
    assert any(p.hint == "check a contract's template with --kind contract" for p in as_role)


def test_templates_check_finds_a_misspelt_contract_name(tmp_path: Path) -> None:
    document = Document(str(SHIPPED))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if "contract.clauses %}" in run.text:
                run.text = run.text.replace("contract.clauses", "contract.clases")
    broken = tmp_path / "broken.docx"
    document.save(str(broken))
    problems = check_docx_template(broken, "contract")
    typo = [p for p in problems if "`contract` has no `clases`" in p.message]
    assert typo and typo[0].hint is not None and "clauses" in typo[0].hint
    assert typo[0].where.startswith("paragraph ")
    assert any(p.message.startswith("the template never prints the clauses") for p in problems)


def test_an_exported_template_directory_renders_the_same_contract(tmp_path: Path) -> None:
    assert main(["templates", "export", str(tmp_path / "mine")]) == 0
    assert (tmp_path / "mine" / "contract" / "document.docx").read_bytes() == (
        SHIPPED.read_bytes())
    assert jobdocs.render(GE, "docx", template_dir=tmp_path / "mine") == jobdocs.render(
        GE, "docx")


def test_templates_check_takes_the_kind_from_the_folder(capsys) -> None:
    shipped = Path(__file__).resolve().parents[2] / "templates" / "contract" / "document.docx"
    assert main(["templates", "check", str(shipped)]) == 0
    assert "no problems found" in capsys.readouterr().err
