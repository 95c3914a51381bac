"""Word documents as a user gets them: from the API and the CLI, with every item in order,
the DRAFT mark while not approved, properties filled in, hostile text kept valid, and clear
errors for bad templates."""

from __future__ import annotations

import dataclasses
import io
import shutil
from pathlib import Path

import pytest
from docx import Document
from docx_helpers import (
    REPO,
    SHIPPED,
    Rendered,
    docx_paragraphs,
    docx_text,
    header_footer_text,
    hostile_role,
    spec_languages,
)

import jobdocs
from jobdocs.cli import main
from jobdocs.errors import TemplateError
from jobdocs.render import Renderer
from jobdocs.render.docx import render_docx

KA_DRAFT = REPO / "tests" / "render" / "specs" / "roles" / "office-manager.ka.yaml"
EN = REPO / "tests" / "render" / "specs" / "roles" / "warehouse-supervisor.en.yaml"


def _items(spec: Path, lang: str) -> list[str]:
    """Every section heading and entry text of the spec, in document order."""
    context = jobdocs.render.Renderer().context(jobdocs.api.render_source(spec), lang)
    found = []

    def walk(entries: tuple[object, ...]) -> None:
        for entry in entries:
            found.append(entry.text)  # type: ignore[attr-defined]
            walk(entry.entries)  # type: ignore[attr-defined]

    for section in context.sections:
        found.append(section.heading)
        walk(section.entries)
    return [text for text in found if text]


@pytest.mark.parametrize(("spec", "lang"), spec_languages(),
                         ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_every_item_is_in_the_document_in_order(rendered: Rendered, spec: Path,
                                                lang: str) -> None:
    text = docx_text(rendered.get(spec, "docx", lang))
    position = 0
    for item in _items(spec, lang):
        found = text.find(" ".join(item.split()), position)
        assert found >= 0, f"missing or out of order: {item!r}"
        position = found


def test_numbers_headings_and_signature_sheets(rendered: Rendered) -> None:
    paragraphs = docx_paragraphs(rendered.get(EN, "docx", "en"))
    assert "Warehouse Supervisor" in paragraphs
    assert "1. General provisions" in paragraphs
    assert "3.2.\tKeep stock records accurate, including:" in paragraphs
    assert "3.2.1.\tmonthly cycle counts;" in paragraphs
    assert any(p.startswith("2.1.\tEducation: Secondary vocational") for p in paragraphs)
    for heading in ("APPROVED", "AGREEMENT SHEET", "ACKNOWLEDGEMENT SHEET"):
        assert heading in paragraphs
    order = [paragraphs.index(p) for p in ("AGREEMENT SHEET", "Tamar Lomidze",
                                            "ACKNOWLEDGEMENT SHEET", "Levan Gelashvili")]
    assert order == sorted(order)
    document = Document(io.BytesIO(rendered.get(EN, "docx", "en")))
    styles = [p.style.name for p in document.paragraphs]
    assert styles.count("Heading 1") == 6 and "Entry 2" in styles
    assert [p.style.name for p in document.paragraphs if p.text == "AGREEMENT SHEET"] == [
        "Sheet Heading"]


def test_draft_mark_only_until_approved(rendered: Rendered) -> None:
    draft = header_footer_text(rendered.get(KA_DRAFT, "docx", "ka"))
    assert "პროექტი" in draft
    assert "JD-021" in draft
    approved = header_footer_text(rendered.get(EN, "docx", "en"))
    assert "DRAFT" not in approved
    assert "No.\u00a0JD-030\u2002·\u2002Version\u00a04\tPage\u00a01 / 1" in approved
    xml = _part(rendered.get(EN, "docx", "en"), "word/header2.xml")
    assert b"v:textpath" not in xml  # no watermark shape either
    assert b"v:textpath" in _part(rendered.get(KA_DRAFT, "docx", "ka"), "word/header2.xml")


def _part(data: bytes, name: str) -> bytes:
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.read(name)


def test_core_properties_come_from_the_context(rendered: Rendered) -> None:
    props = Document(io.BytesIO(rendered.get(EN, "docx", "en"))).core_properties
    assert props.title == "Job description: Warehouse Supervisor"
    assert props.subject == "Job description No. JD-030, version 4"
    assert props.author == "Nova Trade LLC"
    assert props.language == "en"
    assert props.identifier == "JD-030"


def test_the_same_inputs_give_the_same_bytes() -> None:
    assert jobdocs.render(EN, "docx") == jobdocs.render(EN, "docx", renderer=Renderer())


def test_hostile_text_gives_a_valid_document(tmp_path: Path) -> None:
    data = jobdocs.render(hostile_role(tmp_path), "docx")
    text = docx_text(data)
    assert 'R&D <Account> Manager "{{ title }}"' in text
    assert "Form feed, vertical tab, bell, NUL and escape here." in text
    assert "A <b>bold</b> & <script>alert(1)</script> claim" in text
    assert "Prints {{ 7*7 }} and {% for x in range(3) %}loop{% endfor %} as written." in text
    assert "49" not in text and "looploop" not in text
    assert "JD-<1>&2" in header_footer_text(data)
    lines = [p for p in docx_paragraphs(data) if p.startswith("2.3.")]
    assert lines == ["2.3.\tLine one\nline two\ttabbed\nline three."]  # a break and a tab


def test_a_lone_surrogate_from_code_becomes_a_replacement_character() -> None:
    renderer = Renderer()
    context = renderer.context(jobdocs.api.render_source(EN), "en")
    broken = dataclasses.replace(context, document=dataclasses.replace(
        context.document, title="broken \ud800 title"))  # possible from code, never from YAML
    data = render_docx(broken, SHIPPED, renderer.docx_templates)
    assert "broken \ufffd title" in docx_text(data)


def test_cli_renders_docx_with_a_custom_template(tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    custom = tmp_path / "letterhead.docx"
    document = Document(str(SHIPPED))
    document.paragraphs[0].insert_paragraph_before("ACME LETTERHEAD")  # above the title
    document.save(str(custom))
    out = tmp_path / "out"
    assert main(["render", str(EN), "-f", "docx,html", "-o", str(out),
                 "--docx-template", str(custom)]) == 0
    paragraphs = docx_paragraphs((out / "warehouse-supervisor.en.docx").read_bytes())
    assert paragraphs.index("ACME LETTERHEAD") + 1 == paragraphs.index("JOB DESCRIPTION")
    assert (out / "warehouse-supervisor.en.html").is_file()
    assert "wrote" in capsys.readouterr().err


def test_cli_uses_the_docx_of_a_template_directory(tmp_path: Path) -> None:
    folder = tmp_path / "tpl"
    assert main(["templates", "export", str(folder)]) == 0
    exported = folder / "role" / "document.docx"
    assert exported.read_bytes() == SHIPPED.read_bytes()
    assert not list(folder.rglob("*.py"))  # the build script is not a template
    document = Document(str(exported))
    document.paragraphs[0].insert_paragraph_before("FROM THE DIRECTORY")
    document.save(str(exported))
    assert main(["render", str(EN), "-f", "docx", "-o", str(tmp_path / "o"),
                 "--template-dir", str(folder)]) == 0
    assert "FROM THE DIRECTORY" in docx_paragraphs(
        (tmp_path / "o" / "warehouse-supervisor.en.docx").read_bytes())


def test_cli_reports_a_missing_or_broken_template(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "out")
    assert main(["render", str(EN), "-f", "docx", "-o", out, "--docx-template",
                 str(tmp_path / "none.docx")]) == 2
    assert "does not exist" in capsys.readouterr().err
    broken = tmp_path / "broken.docx"
    broken.write_text("not a zip", encoding="utf-8")
    assert main(["render", str(EN), "-f", "docx", "-o", out, "--docx-template",
                 str(broken)]) == 1
    err = capsys.readouterr().err
    assert "is not a Word document" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "warehouse-supervisor.en.docx").exists()


def test_template_errors_name_the_place(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    shutil.copy(SHIPPED, template)
    document = Document(str(template))
    document.add_paragraph("Signed by {{ approval.nobody.name }} at the end")
    document.save(str(template))
    with pytest.raises(TemplateError, match="body near «Signed by") as caught:
        jobdocs.render(EN, "docx", renderer=Renderer(docx_template=template))
    assert "nobody" in caught.value.message
    assert caught.value.hint and "templates check" in caught.value.hint
    document.add_paragraph("{% if %}")
    document.save(str(template))
    with pytest.raises(TemplateError, match=r"Jinja syntax error near «\{% if %\}»"):
        jobdocs.render(EN, "docx", renderer=Renderer(docx_template=template))


def test_which_kinds_have_a_word_template(tmp_path: Path) -> None:
    assert Renderer().has_docx_template("role")
    assert not Renderer().has_docx_template("memo")
    assert Renderer(docx_template=SHIPPED).has_docx_template("memo")
    with pytest.raises(TemplateError, match=r"no Word template `memo/document\.docx`"):
        Renderer().docx_template_for("memo")
