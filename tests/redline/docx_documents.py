"""Documents for the Word redline tests: each in three versions (old, new, and new with
its changes marked by :mod:`jobdocs.textdiff`), rendered by the ordinary Word renderer or
built with python-docx, and small packages made by hand."""

from __future__ import annotations

import dataclasses
import datetime
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from docx import Document

from jobdocs.api import check
from jobdocs.render import Renderer, RenderSource
from jobdocs.render.contract_values import contract_values
from jobdocs.render.docx import render_docx
from jobdocs.render.redline_docx import apply_tracked_changes
from jobdocs.render.values import DocumentContext, Entry
from jobdocs.textdiff import deleted, inserted, mark_changes

REPO = Path(__file__).resolve().parents[2]
ROLE = REPO / "examples" / "roles" / "key-account-manager.yaml"
CONTRACT = REPO / "examples" / "contracts" / "ec-2026-042.yaml"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
AUTHOR = 'Tamar <Lomidze> & "Co"'
WHEN = datetime.datetime(2026, 12, 1, 13, 30, 15, tzinfo=datetime.timezone(
    datetime.timedelta(hours=4)))  # Tbilisi time: 09:30:15 UTC
STAMP = "2026-12-01T09:30:15Z"


@dataclasses.dataclass
class Versions:
    """A document's old and new context, and the new one with its changes marked."""

    old: DocumentContext
    new: DocumentContext
    marked: DocumentContext

    def render(self, renderer: Renderer) -> tuple[bytes, bytes, bytes]:
        """The old and new documents and the redline."""
        template = renderer.docx_template_for(self.old.document.kind)
        old, new, marked = (render_docx(c, template, renderer.docx_templates)
                            for c in (self.old, self.new, self.marked))
        return old, new, apply_tracked_changes(marked, author=AUTHOR, date=WHEN)


def _changed(old: str, new: str) -> tuple[str, str, str]:
    return old, new, mark_changes(old, new)


def _entries(entries: tuple[Entry, ...]) -> list[tuple[Entry, Entry, Entry]]:
    return [(e, e, e) for e in entries]


def _retold(entry: Entry, text: str) -> tuple[Entry, Entry, Entry]:
    return entry, dataclasses.replace(entry, text=text), dataclasses.replace(
        entry, text=mark_changes(entry.text, text))


def _renumbered(triple: tuple[Entry, Entry, Entry], number: str) -> tuple[Entry, Entry, Entry]:
    old, _, _ = triple
    return old, dataclasses.replace(old, number=number), dataclasses.replace(
        old, number=mark_changes(old.number, number))


def _added(number: str, text: str) -> tuple[None, Entry, Entry]:
    return None, Entry(number, text), Entry(inserted(number), inserted(text))


def _removed(entry: Entry) -> tuple[Entry, None, Entry]:
    return entry, None, dataclasses.replace(entry, number=deleted(entry.number),
                                            text=deleted(entry.text))


def _split(triples: list[Any]) -> tuple[tuple[Any, ...], ...]:
    return tuple(tuple(t[i] for t in triples if t[i] is not None) for i in range(3))


def role_versions() -> Versions:
    """The key account manager's job description, changed in every way a redline shows: words
    replaced and appended, an entry added (with a line break) and one removed with the
    renumbering, a tab and a line break changed, a section's last entry removed and the last
    section's added, the title (body, header, properties), a detail, the approver, a new agreement
    signatory (a table row) and a removed acknowledgement signatory."""
    base = Renderer().context(RenderSource.from_validated(check(ROLE)))
    sections = {s.id: s for s in base.sections}
    functions = _entries(sections["functions"].entries)
    first = functions[0][0]
    functions[0] = _retold(first, first.text + " ყოველკვარტალური ანგარიში.")
    old_7 = dataclasses.replace(functions[6][0], text="ძველი წესი\n" + functions[6][0].text)
    functions[6] = _retold(old_7, "ახალი\tწესი " + functions[6][0].text)
    functions[4:5] = [_removed(functions[4][0])]
    for index in (1, 2, 3):
        functions[index] = _renumbered(functions[index], f"3.{index + 2}.")
    functions.insert(1, _added("3.2.", "ციფრული არხების მართვა;\nყოველთვიური ანგარიშგება."))
    rights = _entries(sections["rights"].entries)
    rights[-1] = _removed(rights[-1][0])
    performance = _entries(sections["performance"].entries)
    performance.append(_added("6.4.", "ახალი კლიენტების წილი გაყიდვებში."))
    edited = {"functions": _split(functions), "rights": _split(rights),
              "performance": _split(performance)}

    def version(i: int) -> DocumentContext:
        title = _changed(base.document.title, base.document.title + " (სტრატეგიული)")[i]
        meta = _changed(base.metadata.title,
                        base.metadata.title + " (სტრატეგიული)")[i]
        approval = base.approval
        agreed, acknowledged = list(approval.agreed_with), list(approval.acknowledged_by)
        lawyer = dataclasses.replace(agreed[0], number=4, name="ნინო ბერიძე",
                                     position="იურისტი", date="", date_iso=None)
        gone = acknowledged[-1]
        if i == 1:
            agreed.append(lawyer)
            acknowledged.pop()
        elif i == 2:
            agreed.append(dataclasses.replace(lawyer, number=inserted("4"),
                                              name=inserted(lawyer.name),
                                              position=inserted(lawyer.position)))
            acknowledged[-1] = dataclasses.replace(
                gone, number=deleted(str(gone.number)), name=deleted(gone.name),
                position=deleted(gone.position), date=deleted(gone.date))
        head = approval.approved_by
        assert head is not None
        head = dataclasses.replace(head, name=_changed(head.name, "ნინო გელაშვილი")[i])
        details = list(base.details)
        details[1] = dataclasses.replace(details[1], value=_changed(
            details[1].value, "გაყიდვების დირექტორი")[i])
        return dataclasses.replace(
            base, document=dataclasses.replace(base.document, title=title),
            metadata=dataclasses.replace(base.metadata, title=meta), details=tuple(details),
            sections=tuple(dataclasses.replace(s, entries=edited[s.id][i]) if s.id in edited
                           else s for s in base.sections),
            approval=dataclasses.replace(approval, approved_by=head, agreed_with=tuple(agreed),
                                         acknowledged_by=tuple(acknowledged)))

    return Versions(*(version(i) for i in range(3)))


def contract_versions() -> Versions:
    """The bilingual contract: a paragraph changed in both columns, one added, one removed."""
    base = Renderer().context(RenderSource.from_validated(check(CONTRACT)))
    values = contract_values(base)
    clauses = {c.id: c for c in values.clauses}
    hours = clauses["working-time"]
    schedule = hours.paragraphs[1]
    texts = (schedule.texts[0] + " შაბათ-კვირის გარდა.", "From Monday to Friday only.")
    added = ("დისტანციური მუშაობა შესაძლებელია კვირაში ორ დღეს.",
             "Remote work is allowed two days a week.")
    termination = clauses["termination"]
    last = termination.paragraphs[-1]

    def version(i: int) -> DocumentContext:
        paragraphs = list(hours.paragraphs)
        paragraphs[1] = dataclasses.replace(schedule, texts=tuple(
            _changed(a, b)[i] for a, b in zip(schedule.texts, texts, strict=True)))
        if i:
            paragraphs.append(dataclasses.replace(
                schedule, id="remote", number=inserted("5.4.") if i == 2 else "5.4.",
                texts=tuple(inserted(t) if i == 2 else t for t in added)))
        ended = list(termination.paragraphs)
        if i == 1:
            ended.pop()
        elif i == 2:
            ended[-1] = dataclasses.replace(last, number=deleted(last.number),
                                            texts=tuple(deleted(t) for t in last.texts))
        changed = {"working-time": tuple(paragraphs), "termination": tuple(ended)}
        clause_list = tuple(dataclasses.replace(c, paragraphs=changed[c.id]) if c.id in changed
                            else c for c in values.clauses)
        extra = {**base.extra, "contract": dataclasses.replace(values, clauses=clause_list)}
        return dataclasses.replace(base, extra=extra)

    return Versions(*(version(i) for i in range(3)))


def shapes_versions() -> tuple[bytes, bytes, bytes]:
    """The old and new documents and the redline of paragraph shapes where the paragraph
    marks matter: an insertion ending a paragraph that an inserted paragraph follows, removed
    paragraphs in the middle, at the end of a table cell and at the end of the body, and an
    added last paragraph of a cell."""

    def build(i: int) -> bytes:
        def add(container: Any, old: str | None, new: str | None) -> None:
            if old is None and new is not None and i:
                container.add_paragraph(new if i == 1 else inserted(new))
            elif new is None and old is not None and i != 1:
                container.add_paragraph(old if i == 0 else deleted(old))

        document = Document()
        document.add_paragraph(("First item", "First item, extended",
                                mark_changes("First item", "First item, extended"))[i])
        add(document, None, "A new item")
        document.add_paragraph("Kept item")
        add(document, "A removed item", None)
        document.add_paragraph("Next item")
        first, second = document.add_table(rows=1, cols=2).rows[0].cells
        first.paragraphs[0].text = "Cell text"
        add(first, "Removed last line", None)
        second.paragraphs[0].text = "Cell two"
        add(second, None, "Added last line")
        document.add_paragraph("Closing line")
        add(document, "Removed closing line", None)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    old, new, marked = (build(i) for i in range(3))
    return old, new, apply_tracked_changes(marked, author=AUTHOR, date=WHEN)


def python_docx_package(build: Callable[[Any], None]) -> bytes:
    """A package made by python-docx: ``build`` fills its document."""
    document = Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def paragraph_xml(runs: list[str]) -> str:
    """A paragraph of runs as python-docx writes them (a tab and a line feed become
    ``w:tab`` and ``w:br``)."""
    def content(text: str) -> str:
        return "".join({"\t": "<w:tab/>", "\n": "<w:br/>"}.get(piece) or (
            f'<w:t xml:space="preserve">{xml_escape(piece)}</w:t>' if piece else "")
            for piece in re.split("([\t\n])", text))

    return "<w:p>" + "".join(f"<w:r>{content(run)}</w:r>" for run in runs) + "</w:p>"


def small_package(body: str) -> bytes:
    """A Word package of three parts whose body is ``body`` (cheap to make many of)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", SMALL_TYPES)
        archive.writestr("_rels/.rels", SMALL_RELS)
        archive.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?>'
                         f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body>'
                         "</w:document>")
    return out.getvalue()


SMALL_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/'
    'vnd.openxmlformats-package.relationships+xml"/><Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
    'main+xml"/></Types>')
SMALL_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
    '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>')
