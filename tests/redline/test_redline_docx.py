"""Word redlines: text marked with jobdocs.textdiff's markers becomes tracked changes
(``w:ins``/``w:del`` with author and date).

Each document is rendered three times by the ordinary Word renderer: the old version, the new
one, and the new one with its changes marked. Accepting every change of the redline must give
the new document, paragraph by paragraph, and rejecting every change the old one (see
``test_redline_docx_office.py`` for LibreOffice doing it)."""

from __future__ import annotations

import datetime
import io
import itertools
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobdocs.errors import RenderError
from jobdocs.render import Renderer
from jobdocs.render.docx import render_docx
from jobdocs.render.redline_docx import apply_tracked_changes
from jobdocs.textdiff import MARKERS, deleted, inserted, mark_changes

from .docx_documents import (
    AUTHOR,
    WHEN,
    contract_versions,
    paragraph_xml,
    python_docx_package,
    role_versions,
    shapes_versions,
    small_package,
)
from .docx_reading import (
    MARKER,
    W,
    assert_accepts_and_rejects,
    assert_well_formed_revisions,
    canonical,
    changed_texts,
    paragraphs,
    parts,
    resolve,
    revisions,
    stories,
)


@pytest.fixture(scope="module")
def role() -> tuple[bytes, bytes, bytes]:
    return role_versions().render(Renderer())


def test_the_role_redline_accepts_to_the_new_text_and_rejects_to_the_old(
        role: tuple[bytes, bytes, bytes]) -> None:
    assert_accepts_and_rejects(*role)
    assert_well_formed_revisions(role[2])


def test_insertions_and_deletions_carry_the_changed_words(
        role: tuple[bytes, bytes, bytes]) -> None:
    body = stories(role[2])["word/document.xml"]
    ins, dele = changed_texts(body, "ins"), changed_texts(body, "del")
    for words in ("ყოველკვარტალური ანგარიში.", "ციფრული არხების მართვა;",
                  "ყოველთვიური ანგარიშგება.", "ახალი კლიენტების წილი გაყიდვებში.",
                  "(სტრატეგიული)", "ნინო ბერიძე", "იურისტი", "გაყიდვების", "ახალი"):
        assert words in ins
    for words in ("ძველი", "სანდრო გოგოლაძე", "კომერციული", "გიორგი კაპანაძე"):
        assert words in dele
    headers = [stories(role[2])[n] for n in stories(role[2]) if "header" in n]
    assert any("(სტრატეგიული)" in changed_texts(h, "ins") for h in headers)
    # a whole paragraph, and a whole table row, have their marks changed too
    assert body.findall(f".//{W}pPr/{W}rPr/{W}ins") and body.findall(f".//{W}pPr/{W}rPr/{W}del")
    assert body.findall(f".//{W}trPr/{W}ins") and body.findall(f".//{W}trPr/{W}del")
    # a deleted line break and an inserted tab stay a break and a tab
    assert body.findall(f".//{W}del/{W}r/{W}br") and body.findall(f".//{W}ins/{W}r/{W}tab")


def test_document_properties_take_the_new_text(role: tuple[bytes, bytes, bytes]) -> None:
    _, new, redline = role
    assert canonical(parts(redline)["docProps/core.xml"]) == canonical(
        parts(new)["docProps/core.xml"])


def test_parts_without_markers_stay_byte_identical(role: tuple[bytes, bytes, bytes]) -> None:
    renderer = Renderer()
    versions = role_versions()
    marked = render_docx(versions.marked, renderer.docx_template_for("role"),
                         renderer.docx_templates)
    before, after = parts(marked), parts(role[2])
    assert list(before) == list(after)
    unmarked = [name for name, blob in before.items() if not MARKER.search(blob)]
    assert "word/styles.xml" in unmarked and "word/settings.xml" in unmarked
    assert all(before[name] == after[name] for name in unmarked)
    assert apply_tracked_changes(marked, author=AUTHOR, date=WHEN) == role[2]  # deterministic


def test_a_package_without_markers_comes_back_unchanged(
        role: tuple[bytes, bytes, bytes]) -> None:
    assert apply_tracked_changes(role[1], author=AUTHOR, date=WHEN) is role[1]


def test_the_bilingual_contract_changes_paragraphs_and_rows() -> None:
    old, new, redline = contract_versions().render(Renderer())
    assert_accepts_and_rejects(old, new, redline)
    assert_well_formed_revisions(redline)
    body = stories(redline)["word/document.xml"]
    assert "Remote work is allowed two days a week." in changed_texts(body, "ins")
    assert "შაბათ-კვირის გარდა." in changed_texts(body, "ins")
    assert len(body.findall(f".//{W}trPr/{W}ins")) == 1
    assert len(body.findall(f".//{W}trPr/{W}del")) == 1


def test_paragraph_marks_go_where_word_and_libreoffice_need_them() -> None:
    old, new, redline = shapes_versions()
    assert_accepts_and_rejects(old, new, redline)
    assert_well_formed_revisions(redline)
    marks = {text: kind for (_, text), paragraph in zip(
        paragraphs(stories(redline)["word/document.xml"]),
        stories(redline)["word/document.xml"].iter(f"{W}p"), strict=True)
        for kind in ("ins", "del") if paragraph.find(f"{W}pPr/{W}rPr/{W}{kind}") is not None}
    assert marks == {
        "First item, extended": "ins",  # it ends with an insertion: the new item's mark
        "A removed item": "del",        # its own mark: a paragraph follows
        "Cell text": "del",             # the cell keeps its last paragraph's mark
        "Cell two": "ins",
        "Closing line": "del",          # so does the body
    }


# -- where revisions cannot go, and damaged input -----------------------------------------

def _set_xml(data: bytes, name: str, edit: Callable[[str], str]) -> bytes:
    source = parts(data)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, blob in source.items():
            archive.writestr(member, edit(blob.decode()).encode() if member == name else blob)
    return out.getvalue()


def test_field_codes_and_attributes_take_the_new_text() -> None:
    def build(document: Any) -> None:
        document.add_paragraph("x" + inserted("y"))
        document.core_properties.title = mark_changes("Old title", "New title")

    field = (f'<w:r><w:instrText xml:space="preserve"> REF {deleted("old")}{inserted("new")}'
             f' </w:instrText></w:r><w:fldSimple w:instr="PAGE {deleted("x")}"><w:r><w:t>1'
             "</w:t></w:r></w:fldSimple><w:bookmarkStart w:id=\"7\" w:name=\"b"
             f'{inserted("2")}"/><w:bookmarkEnd w:id="7"/></w:p>')
    data = _set_xml(python_docx_package(build), "word/document.xml",
                    lambda xml: xml.replace("</w:p>", field, 1))
    out = apply_tracked_changes(data, author=AUTHOR, date=WHEN)
    assert_well_formed_revisions(out)
    body = stories(out)["word/document.xml"]
    assert body.find(f".//{W}instrText").text == " REF new "
    assert body.find(f".//{W}fldSimple").get(f"{W}instr") == "PAGE "
    assert body.find(f".//{W}bookmarkStart").get(f"{W}name") == "b2"
    assert [e.get(f"{W}id") for e in revisions(body)] == ["8"]  # after the bookmark's 7
    assert b"<dc:title>New title</dc:title>" in parts(out)["docProps/core.xml"]


def test_a_naive_date_is_utc_and_the_author_is_cleaned() -> None:
    data = python_docx_package(lambda d: d.add_paragraph("a" + inserted("b")))
    out = apply_tracked_changes(data, author="HR\x00 <team>" + inserted("!"),
                                date=datetime.datetime(2026, 12, 1, 9, 30, 15))
    (change,) = revisions(stories(out)["word/document.xml"])
    assert change.get(f"{W}author") == "HR <team>!"
    assert change.get(f"{W}date") == "2026-12-01T09:30:15Z"


@pytest.mark.parametrize("damage", ["not a zip", "truncated", "bad xml", "bad crc"])
def test_a_damaged_package_is_a_render_error(damage: str) -> None:
    data = python_docx_package(lambda d: d.add_paragraph(inserted("x")))
    if damage == "not a zip":
        data = b"PK\x03\x04 this is not a Word document"
    elif damage == "truncated":
        data = data[: len(data) // 2]
    elif damage == "bad xml":
        data = _set_xml(data, "word/document.xml", lambda xml: xml.replace("</w:body>", ""))
    else:
        index = data.index(b"word/document.xml") + len("word/document.xml") + 40
        data = data[:index] + bytes([data[index] ^ 0xFF]) + data[index + 1:]
    with pytest.raises(RenderError):
        apply_tracked_changes(data, author=AUTHOR, date=WHEN)


_TEXT = st.text(alphabet="ab ვ\t\n.", min_size=1, max_size=6)
_SEGMENTS = st.lists(st.tuples(st.sampled_from(["", "ins", "del"]), _TEXT), max_size=8)


@given(segments=_SEGMENTS, cuts=st.lists(st.integers(0, 80), max_size=8),
       breaks=st.lists(st.integers(0, 80), max_size=3))
def test_property_accept_all_gives_the_new_text_and_reject_all_the_old(
        segments: list[tuple[str, str]], cuts: list[int], breaks: list[int]) -> None:
    wrap = {"": lambda t: t, "ins": inserted, "del": deleted}
    text = "".join(wrap[op](t) for op, t in segments)
    state, states = "", []  # each character's kind, as the markers say
    for char in text:
        state = {"\ue000": "ins", "\ue002": "del", "\ue001": "", "\ue003": ""}.get(char, state)
        states.append(None if char in MARKERS else state)
    ends = sorted({0, len(text), *(c for c in cuts if c < len(text)),
                   *(b for b in breaks if b < len(text))})
    paragraph_ends = {b for b in breaks if 0 < b < len(text)}
    runs: list[list[str]] = [[]]
    expected: dict[str, list[str]] = {"ins": [], "del": []}
    kinds: list[str | None] = []
    for start, end in itertools.pairwise(ends):
        runs[-1].append(text[start:end])
        kinds += states[start:end]
        if end in paragraph_ends or end == len(text):
            chars = [(k, c) for k, c in zip(kinds, "".join(runs[-1]), strict=True) if k is not None]
            changed = {k for k, c in chars if k}
            whole = (len(changed) == 1 and all(c.isspace() for k, c in chars if not k))
            for keep, drop in (("ins", "del"), ("del", "ins")):
                if not (whole and drop in changed):
                    expected[keep].append("".join(c for k, c in chars if k != drop))
            runs.append([])
            kinds = []

    body_xml = "".join(paragraph_xml(pieces)
                       for pieces in [["before"], *(runs[:-1] or [[]]), ["after"]])
    out = apply_tracked_changes(small_package(body_xml), author=AUTHOR, date=WHEN)
    assert_well_formed_revisions(out)
    body = stories(out)["word/document.xml"]
    if not runs[:-1]:
        expected = {"ins": [""], "del": [""]}
    for keep in ("ins", "del"):
        found = [t for _, t in paragraphs(resolve(body, keep))]
        assert found == ["before", *expected[keep], "after"]
