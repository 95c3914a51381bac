"""Where the tags of a Word template are: every Jinja tag with the paragraph or table cell
that holds it, in the order docxtpl reads them.

A template is read as *stories*, each compiled on its own by docxtpl: the body, each header
and footer, the footnotes, and each document property. A story's tags are listed with a
place a person finds in Word — ``paragraph 14``, ``table 2, row 3, cell 1``, ``first-page
header, paragraph 1`` — and the Word runs each tag spans (Word splits text into runs when
part of it is edited, spell-checked or formatted differently).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from jobdocs.render.docx_prepared import CORE_PROPERTIES, FOOTNOTES_TYPE

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P, TBL, TR, TC, T, SDT, SDT_CONTENT = (f"{_W}{n}" for n in (
    "p", "tbl", "tr", "tc", "t", "sdt", "sdtContent"))
INSTR_TEXT = f"{_W}instrText"
TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
OPENER = re.compile(r"\{[{%#]")
_SCOPED = re.compile(r"^\{([{%#])(p|tr|tc|r)\s")
_CELL_TAG = re.compile(r"^\{%\s*(colspan|cellbg)\s+(.*?)\s*%\}$", re.DOTALL)
_MERGE_TAG = re.compile(r"^\{%\s*(vm|hm)\s*%\}$")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True, slots=True)
class Tag:
    """One Jinja tag as written in the template."""

    text: str
    """The tag as it reads in Word: ``{%p for section in sections %}``."""
    where: str
    """The paragraph or cell that holds it."""
    runs: int = 1
    """How many Word runs the tag's characters are spread over."""
    scope: str | None = None
    """docxtpl's scope letter: ``p``, ``tr``, ``tc``, ``r``, or ``None`` for a plain tag."""
    in_text: bool = True
    """``False`` for a tag in an attribute or a field code (a shape's text, a field)."""

    @property
    def source(self) -> str:
        """The tag as Jinja sees it once docxtpl has patched the XML: ``{%p x %}`` becomes
        ``{% x %}``, ``{% colspan n %}`` becomes ``{{ n }}``, Word's curly quotes straight."""
        text = " ".join(self.text.translate(_QUOTES).split())
        if _MERGE_TAG.match(text):
            return ""
        cell = _CELL_TAG.match(text)
        if cell:
            return "{{ " + cell.group(2) + " }}"
        return _SCOPED.sub(lambda m: "{" + m.group(1) + " ", text)


@dataclass(frozen=True, slots=True)
class Fragment:
    """A paragraph's text that is not a whole tag: an unclosed tag, or text beside a
    paragraph-wide tag."""

    text: str
    where: str


@dataclass(slots=True)
class Story:
    """A part of the template that docxtpl compiles as one Jinja template."""

    name: str
    """``body``, ``header (header1.xml)``, ``document property `title```…"""
    tags: list[Tag] = field(default_factory=list)
    unclosed: list[Fragment] = field(default_factory=list)
    """Tags opened and not closed within their paragraph."""
    beside: list[tuple[Tag, Fragment]] = field(default_factory=list)
    """Text that docxtpl removes together with a paragraph-, row- or cell-wide tag."""


def read_stories(document: Any) -> list[Story]:
    """The stories of a python-docx ``Document``, in the order docxtpl renders them."""
    body = Story("body")
    _scan_blocks(document.element.body, "", body)
    stories = [body]
    labels = _header_footer_labels(document)
    for reltype in ("/header", "/footer"):
        for rel in document.part.rels.values():
            if rel.reltype.endswith(reltype) and rel.target_part.blob:
                part = rel.target_part
                name = labels.get(str(part.partname), str(part.partname).rsplit("/", 1)[-1])
                story = Story(name)
                _scan_blocks(part.element, f"{name}, ", story)
                stories.append(story)
    for part in document.part.package.parts:
        if part.content_type == FOOTNOTES_TYPE:
            from lxml import etree  # type: ignore[import-untyped]

            story = Story("footnotes")
            for number, note in enumerate(etree.fromstring(part.blob), 1):
                _scan_blocks(note, f"footnote {number}, ", story)
            stories.append(story)
    props = document.core_properties
    for prop in CORE_PROPERTIES:
        where = f"document property `{prop}`"
        story = Story(where)
        value = getattr(props, prop) or ""
        story.tags.extend(Tag(m.group(0), where) for m in TAG.finditer(value))
        stories.append(story)
    return stories


def _header_footer_labels(document: Any) -> dict[str, str]:
    """``/word/header2.xml`` → ``first-page header`` (with the section when there are
    several), from the sections' header and footer references."""
    labels: dict[str, str] = {}
    sections = document.element.body.findall(f".//{_W}sectPr")
    for number, sect in enumerate(sections, 1):
        for ref in sect:
            kind = ref.tag.removeprefix(_W)
            if kind not in ("headerReference", "footerReference"):
                continue
            rel = document.part.rels.get(ref.get(f"{_R}id"))
            if rel is None:
                continue
            which = {"first": "first-page ", "even": "even-page "}.get(ref.get(f"{_W}type"), "")
            label = f"{which}{kind.removesuffix('Reference')}"
            if len(sections) > 1:
                label = f"section {number} {label}"
            labels.setdefault(str(rel.target_part.partname), label)
    return labels


def _scan_blocks(container: Any, prefix: str, story: Story) -> None:
    for where, paragraph, holder in _paragraphs(container, prefix):
        _scan_paragraph(paragraph, where, holder, story)


def _paragraphs(container: Any, prefix: str) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """(place, paragraph, its row and cell) for every paragraph under ``container``."""
    counts = {"p": 0, "tbl": 0}
    yield from _walk(container, prefix, counts, {})


def _walk(container: Any, prefix: str, counts: dict[str, int],
          holder: dict[str, Any]) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    for child in container:
        if child.tag == P:
            counts["p"] += 1
            yield f"{prefix}paragraph {counts['p']}", child, holder
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _walk(content, prefix, counts, holder)
        elif child.tag == TBL:
            counts["tbl"] += 1
            for r, row in enumerate(child.findall(TR), 1):
                for c, cell in enumerate(row.findall(TC), 1):
                    place = f"{prefix}table {counts['tbl']}, row {r}, cell {c}"
                    inner = {"p": 0, "tbl": 0}
                    several = len(cell.findall(P)) > 1 or cell.find(TBL) is not None
                    for where, paragraph, _ in _walk(cell, f"{place}, ", inner,
                                                     {"tr": row, "tc": cell}):
                        if not several and where == f"{place}, paragraph 1":
                            where = place
                        yield where, paragraph, {"tr": row, "tc": cell}


def _scan_paragraph(paragraph: Any, where: str, holder: dict[str, Any], story: Story) -> None:
    pieces = [(t.text or "", t.getparent()) for t in paragraph.iter(T)]
    text = "".join(piece for piece, _ in pieces)
    starts, position = [], 0
    for piece, _ in pieces:
        starts.append(position)
        position += len(piece)
    rest = text
    for match in TAG.finditer(text):
        runs = {id(run) for (piece, run), start in zip(pieces, starts, strict=True)
                if start < match.end() and start + len(piece) > match.start()}
        scoped = _SCOPED.match(match.group(0))
        tag = Tag(match.group(0), where, len(runs), scoped.group(2) if scoped else None)
        story.tags.append(tag)
        if tag.scope in ("p", "tr", "tc"):
            _check_beside(tag, text, holder, paragraph, story)
        rest = rest.replace(match.group(0), " ", 1)
    opener = OPENER.search(rest)
    if opener:
        story.unclosed.append(Fragment(rest[opener.start():].strip()[:60], where))
    for element in paragraph.iter():
        values = list(element.attrib.values())
        if element.tag == INSTR_TEXT and element.text:
            values.append(element.text)
        for value in values:
            story.tags.extend(Tag(m.group(0), where, in_text=False)
                              for m in TAG.finditer(value))


def _check_beside(tag: Tag, text: str, holder: dict[str, Any], paragraph: Any,
                  story: Story) -> None:
    """Text that shares the paragraph, row or cell of a ``{%p``/``{%tr``/``{%tc`` tag is
    removed with it (docxtpl replaces the whole element by the tag)."""
    element = paragraph if tag.scope == "p" else holder.get(tag.scope or "")
    if element is None:
        return
    whole = "".join(t.text or "" for t in element.iter(T))
    other = TAG.sub(" ", whole) if tag.scope != "p" else TAG.sub(" ", text)
    other = " ".join(other.split())
    if other:
        story.beside.append((tag, Fragment(other[:60], tag.where)))
