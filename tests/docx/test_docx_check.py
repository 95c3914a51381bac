"""`jobdocs templates check`: a Word template's problems, each with the paragraph, table cell,
header or property where it is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx_helpers import SHIPPED

from jobdocs.cli import main
from jobdocs.errors import TemplateError
from jobdocs.render.docx_check import TemplateProblem, check_docx_template


def edited(tmp_path: Path, edit: Callable[[Any], None], name: str = "t.docx") -> Path:
    """The shipped template with ``edit`` applied to its python-docx ``Document``."""
    document = Document(str(SHIPPED))
    edit(document)
    path = tmp_path / name
    document.save(str(path))
    return path


def paragraph(document: Any, text: str) -> Any:
    return next(p for p in document.paragraphs if p.text == text)


def retype(document: Any, old: str, *new: str) -> None:
    """Replace the paragraph reading ``old`` by runs ``new``."""
    para = paragraph(document, old)
    para.runs[0].text = new[0]
    for run in new[1:]:
        para.add_run(run)


def place(text: str) -> str:
    """Where the shipped template's body paragraph reading ``text`` is: ``paragraph N``."""
    texts = [p.text for p in Document(str(SHIPPED)).paragraphs]
    return f"paragraph {texts.index(text) + 1}"


def found(problems: list[TemplateProblem]) -> list[tuple[str, str, str]]:
    return [(p.where, p.severity, p.message) for p in problems]


def test_the_shipped_template_has_no_problems(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_docx_template(SHIPPED) == []
    assert main(["templates", "check", str(SHIPPED)]) == 0
    assert "no problems found" in capsys.readouterr().err


def test_unknown_names_and_a_forgotten_section(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    def edit(document: Any) -> None:
        retype(document, "{{ document.title }}", "{{ documnt.title }}")
        retype(document, "{%p for section in sections %}",
               '{%p for section in sections if section.id != "rights" %}')
        cell = document.tables[2].rows[2].cells[2]
        cell.paragraphs[0].runs[0].text = "{{ person.nam }}"
        header = document.sections[0].header.paragraphs[0]
        header.runs[0].text = "{{ labels.kind_rol_name }}: {{ document.title }}\t"

    template = edited(tmp_path, edit)
    problems = check_docx_template(template)
    assert found(problems)[:1] == [
        ("paragraph 2", "error", "`documnt` is not a value templates get (in "
                                 "{{ documnt.title }})")]
    assert problems[0].hint == "did you mean `document`?"
    messages = "\n".join(str(p) for p in problems)
    assert ("table 3, row 3, cell 3: error: `person.nam`: `person` has no `nam` (in "
            "{{ person.nam }})") in messages
    assert ("header, paragraph 1: error: `labels.kind_rol_name` is not a phrase of the "
            "catalog") in messages
    assert ("template: error: the template never prints the `rights` section (Rights)"
            in messages)
    assert "`general` section" not in messages

    assert main(["templates", "check", str(template)]) == 1
    out = capsys.readouterr()
    assert f"{template}: paragraph 2: error: `documnt` is not a value" in out.out
    assert "    did you mean `document`?" in out.out
    assert "problem(s)" in out.err


def test_sections_chosen_by_id_are_followed(tmp_path: Path) -> None:
    def edit(document: Any) -> None:
        retype(document, "{%p for section in sections %}",
               "{%p for section in sections %}{% if section.id in ('general', 'functions') or "
               "section.id == 'requirements' %}")
        retype(document, "{{ section.number }} {{ section.heading }}",
               "{{ section.number }} {{ section.heading }}{% endif %}")

    messages = [p.message for p in check_docx_template(edited(tmp_path, edit))]
    # An `if` around the heading only: the entries are still printed for every section.
    assert not any("never prints" in m for m in messages)

    def by_id(document: Any) -> None:
        retype(document, "{%p for section in sections %}",
               "{%p for section in sections if section.id in ('general', 'requirements', "
               "'functions', 'responsibility') %}")

    messages = [p.message for p in check_docx_template(edited(tmp_path, by_id, "b.docx"))]
    assert [m for m in messages if "never prints" in m] == [
        "the template never prints the `rights` section (Rights)"]
    assert any("extra `sections` are never printed" in m for m in messages)


def test_a_forgotten_signature_sheet(tmp_path: Path) -> None:
    def edit(document: Any) -> None:
        table = document.tables[3]
        table._tbl.getparent().remove(table._tbl)

    messages = [p.message for p in check_docx_template(edited(tmp_path, edit))]
    assert messages == ["the template never prints the acknowledgement sheet "
                        "(approval.acknowledged_by)"]


def test_syntax_errors_point_at_the_unclosed_block(tmp_path: Path) -> None:
    def edit(document: Any) -> None:
        retype(document, "{{ labels.agreement_text }}", "{%p if document.approved %}")

    problems = check_docx_template(edited(tmp_path, edit))
    assert len(problems) == 1
    assert problems[0].where == place("{{ labels.agreement_text }}")
    assert problems[0].message.startswith("Jinja syntax error in {%p if document.approved %}: "
                                          "Unexpected end of template")
    assert problems[0].hint and "never closed" in problems[0].hint


def test_tags_split_across_runs_or_paragraphs(tmp_path: Path) -> None:
    def edit(document: Any) -> None:
        retype(document, "{{ labels.agreement_text }}", "{{ labels.agree", "ment_text }}")
        retype(document, "{{ document.kind_title }}", "{{ document.", "kind_title")
        retype(document, "{{ document.title }}", "}} {{ document.title }}")

    problems = found(check_docx_template(edited(tmp_path, edit)))
    assert ("paragraph 1", "error", "the tag starting «{{ document.kind_title» is not closed "
                                    "in this paragraph") in problems
    assert (place("{{ labels.agreement_text }}"), "warning", "the tag {{ labels.agreement_text }} "
            "is split across 2 Word runs") in problems


def test_row_and_paragraph_tags_that_swallow_text(tmp_path: Path) -> None:
    def edit(document: Any) -> None:
        retype(document, "{%p if details %}", "Details: {%p if details %}")
        row = document.tables[2].rows[1]  # {%tr for person in approval.agreed_with %}
        row.cells[1].paragraphs[0].add_run("{%tr if true %}")
        row.cells[2].paragraphs[0].add_run("lost text")

    problems = found(check_docx_template(edited(tmp_path, edit)))
    assert (place("{%p if details %}"), "warning", "{%p if details %} replaces its whole "
            "paragraph, so «Details:» next to it is never printed") in problems
    assert ("table 3, row 2, cell 2", "error", "{%tr if true %} shares its table row with "
            "{%tr for person in approval.agreed_with %}; docxtpl keeps only the first") in problems
    assert any("«lost text»" in message for _, _, message in problems)


def test_properties_filters_and_tests(tmp_path: Path) -> None:
    def edit(document: Any) -> None:
        document.core_properties.title = "{{ metadata.titel }}"
        retype(document, "{{ document.title }}", "{{ document.title | shout }}"
               "{% if document is approvd %}!{% endif %}")

    problems = found(check_docx_template(edited(tmp_path, edit)))
    assert ("paragraph 2", "error", "there is no filter `shout` (in "
                                    "{{ document.title | shout }})") in problems
    assert ("paragraph 2", "error", "there is no test `approvd` (in "
                                    "{% if document is approvd %})") in problems
    assert ("document property `title`", "error", "`metadata.titel`: `metadata` has no `titel` "
            "(in {{ metadata.titel }})") in problems


def test_what_is_not_a_word_template(tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "t.docx"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(TemplateError, match="not a Word document"):
        check_docx_template(text)
    assert main(["templates", "check", str(text)]) == 1
    assert main(["templates", "check", str(tmp_path / "missing.docx")]) == 2
    assert "Traceback" not in capsys.readouterr().err
