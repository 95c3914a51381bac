"""Generate the shipped Word templates: ``templates/{role,contract}/document.docx``.

Run ``make templates`` (or ``python templates/build_docx.py``) after changing this file;
``--check`` exits with 1 when a committed template differs from what this script makes. The
output is reproducible: the same script gives the same bytes.

The template uses named Word styles, so an HR department restyles it in Word (Home → Styles)
without touching a tag: Title, Kind Title, Register, Heading 1 (sections), Entry 1–3 (the
numbered entries, by depth; Entry Lead when sub-entries follow), Entry Label, Sheet Heading,
Table Heading, Table Text, Signature Line, Header, Footer, Draft Mark… Its content and order
follow ``role/document.html.j2``: the APPROVED block (top right), the title block, the
position details, the numbered sections, the agreement sheet and the acknowledgement sheet.
Tags use docxtpl's syntax (``{%p …%}`` for a paragraph, ``{%tr …%}`` for a table row) and the
same values as the HTML template (see ``src/jobdocs/render/values.py``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from docx import Document
from jobdocs.output import write_atomic
from jobdocs.render import docx_authoring as word
from jobdocs.render.docx_compose import restore_core_properties_prefix

# Once docxcompose has been imported (docxtpl imports it: a test run renders before it builds),
# python-docx would write the core properties in the wrong namespace: keep them reproducible.
restore_core_properties_prefix()
HERE = Path(__file__).resolve().parent
ACCENT, INK, MUTED, RULE, RED = "#1F3A5F", "#1A1A1A", "#5A5F66", "#C9CDD3", "#B41E1E"
# One family for Georgian, Latin and Cyrillic: LibreOffice sets Georgian in the font of the
# ASCII range, and Noto Serif Georgian has no Latin letters or digits.
SERIF, SANS = "DejaVu Serif", "DejaVu Sans"
TEXT_WIDTH = 167.0  # mm: A4 less the 27 mm and 16 mm side margins
NBSP = "\u00a0"
REGISTER = ("{{ labels.number }}" + NBSP + "{{ document.number }}\u2002·\u2002{{ labels.version }}"
            + NBSP + "{{ document.version }}")
ENTRY_LABEL = ("{% if entry.label %}{{ entry.label }}{{ ':' if entry.text or entry.entries "
               "else '' }}{% endif %}")
ENTRY_TEXT = "{% if entry.label and entry.text %} {% endif %}{{ entry.text }}"
VML_NAMESPACES = (nsdecls("w") + ' xmlns:v="urn:schemas-microsoft-com:vml"'
                  ' xmlns:o="urn:schemas-microsoft-com:office:office"')
WATERMARK = (  # Word's own DRAFT watermark: a rotated text shape anchored in the header.
    '<w:r {ns}><w:rPr><w:noProof/></w:rPr><w:pict><v:shapetype id="_x0000_t136" '
    'coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:path textpathok="t" o:connecttype="custom"/><v:textpath on="t" fitshape="t"/>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype><v:shape id="Watermark{n}" '
    'o:spid="_x0000_s205{n}" type="#_x0000_t136" style="position:absolute;margin-left:0;'
    "margin-top:0;width:430pt;height:110pt;rotation:315;z-index:-251657216;"
    "mso-position-horizontal:center;mso-position-horizontal-relative:margin;"
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#B41E1E" stroked="f"><v:fill opacity="0.11"/><v:textpath style="font-family:'
    '&quot;DejaVu Sans&quot;;font-size:1pt;font-weight:bold" '
    'string="{{{{ document.watermark }}}}"/></v:shape></w:pict></w:r>')


def define_styles(doc: Any) -> list[str]:
    """Every style the template uses; returns their ids."""
    word.document_defaults(doc, font=SERIF, size=10.5)
    st: dict[str, Any] = {}

    def style(name: str, kind: str = "paragraph", **kw: Any) -> Any:
        st[name] = word.define_style(doc, name, kind, **kw)
        return st[name]

    word.paragraph_format(style("Normal", base=None, color=INK), line=1.2)
    word.paragraph_format(style("Issuer", size=8.5, color=MUTED), line=1.15)
    style("Issuer Name", base="Issuer", size=9.5, bold=True, color=ACCENT)
    word.paragraph_format(style("Approval Heading", size=11.5, bold=True, color=ACCENT,
                                spacing=0.6), after=3)
    style("Approval Text", size=10)
    word.paragraph_format(style("Approval Signature", base="Approval Text"), before=16)
    word.tab_stop(st["Approval Signature"], 30, leader="underscore")
    word.paragraph_format(style("Approval Date", base="Approval Text"), before=8)
    word.paragraph_format(style("Kind Title", size=12, bold=True, color=ACCENT, spacing=0.6),
                          align="center", before=30, after=4, keep_next=True)
    word.paragraph_format(style("Title", size=16, bold=True), align="center", after=6,
                          line=1.1, keep_next=True)
    word.paragraph_format(style("Register", size=9, color=MUTED), align="center", after=18)
    style("Detail Label", size=9.5, color=MUTED)
    style("Detail Value", size=9.5)
    for level, size in ((1, 11.5), (2, 10.5)):
        heading = style(f"Heading {level}", size=size, bold=True, color=ACCENT)
        word.paragraph_format(heading, before=16 if level == 1 else 10, after=6,
                              keep_next=True, outline_level=level - 1)
    word.paragraph_border(st["Heading 1"], "bottom", size_pt=0.75, color=ACCENT, space_pt=3)
    for depth, (left, hang, after) in enumerate(((11, 11, 5), (24, 13, 3.5), (39, 15, 3.5)), 1):
        entry = style(f"Entry {depth}")
        word.paragraph_format(entry, left_mm=left, hanging_mm=hang, after=after)
        word.tab_stop(entry, left)
    # An entry that leads sub-entries ("Knowledge:") stays on the page of its first one.
    word.paragraph_format(style("Entry Lead", base="Entry 1"), left_mm=11, hanging_mm=11,
                          after=5, keep_next=True)
    word.tab_stop(st["Entry Lead"], 11)
    style("Entry Label", "character", base=None, bold=True)
    word.paragraph_format(style("Sheet Heading", size=12, bold=True, color=ACCENT, spacing=0.6),
                          align="center", after=4, keep_next=True, page_break_before=True,
                          outline_level=0)
    word.paragraph_format(style("Sheet Subtitle", size=9.5, color=MUTED), align="center",
                          after=20, keep_next=True)
    word.paragraph_format(style("Sheet Intro"), after=8, keep_next=True)
    style("Table Heading", font=SANS, size=8, bold=True, color=MUTED)
    style("Table Text", size=9.5)
    word.paragraph_format(style("Table Number", base="Table Text"), align="right")
    word.paragraph_border(style("Signature Line", size=9.5), "bottom", size_pt=0.6, color=INK)
    for name in ("Header", "Footer"):
        word.tab_stop(style(name, font=SANS, size=7.5, color=MUTED), TEXT_WIDTH, align="right")
    style("Draft Mark", "character", base=None, bold=True, color=RED, spacing=0.6)
    keep = ["Normal", "DefaultParagraphFont", "TableNormal", "NoList", "TableGrid"]
    return keep + [s.style_id for s in st.values()]


def paragraph(container: Any, text: str = "", style: str | None = None,
              runs: tuple[tuple[str, str | None], ...] = ()) -> Any:
    """A paragraph of ``style``: ``text`` as one run, then ``runs`` (text, character style).
    Each tag stays inside one run, as docxtpl needs."""
    para = container.add_paragraph(style=style)
    for chunk, char_style in ((text, None), *runs):
        if chunk:
            para.add_run(chunk, style=char_style)
    return para


def cell_paragraphs(cell: Any, *items: tuple[str, str | None]) -> None:
    """Fill a table cell with paragraphs (text, style); a cell starts with one paragraph."""
    first, *rest = items
    cell.paragraphs[0].style = first[1]
    if first[0]:
        cell.paragraphs[0].add_run(first[0])
    for text, style in rest:
        paragraph(cell, text, style)


def masthead(doc: Any) -> None:
    """The issuer (left) and the APPROVED block (right), in a table without borders."""
    table = doc.add_table(rows=1, cols=2)
    word.table_layout(table, (TEXT_WIDTH - 70, 70), borders={})
    word.cell_margins(table, left_mm=0, right_mm=0)
    issuer, approval = table.rows[0].cells
    org = "organization and organization."
    cell_paragraphs(
        issuer, ("{% if organization %}{{ organization.name }}{% endif %}", "Issuer Name"),
        (f"{{%p if {org}registration_number %}}", None),
        ("{{ labels.registration_number }}: {{ organization.registration_number }}", "Issuer"),
        ("{%p endif %}", None), (f"{{%p if {org}address %}}", None),
        ("{{ organization.address }}", "Issuer"), ("{%p endif %}", None))
    cell_paragraphs(
        approval, ("{{ labels.approved }}", "Approval Heading"),
        ("{%p if approval.approved_by %}", None),
        ("{{ approval.approved_by.position }}", "Approval Text"),
        ("{%p if organization %}", None), ("{{ organization.name }}", "Approval Text"),
        ("{%p endif %}", None), ("\t {{ approval.approved_by.name }}", "Approval Signature"),
        ("{%p else %}", None), ("\t", "Approval Signature"), ("{%p endif %}", None),
        ("{{ approval.approved_by.date if approval.approved_by and approval.approved_by.date "
         "else labels.blank_date }}", "Approval Date"))


def title_block(doc: Any) -> None:
    """What the document is, the position, its register line and the position details."""
    paragraph(doc, "{{ document.kind_title }}", "Kind Title")
    paragraph(doc, "{{ document.title }}", "Title")
    paragraph(doc, REGISTER + "{% if document.effective_date %}\u2002·\u2002"
              "{{ labels.effective_date }}: {{ document.effective_date }}{% endif %}", "Register")
    paragraph(doc, "{%p if details %}")
    table = doc.add_table(rows=3, cols=2)
    word.table_layout(table, (TEXT_WIDTH * 0.38, TEXT_WIDTH * 0.62), style="Table Grid",
                      borders={side: (0.6, RULE) for side in ("top", "bottom", "insideH")})
    word.cell_margins(table, left_mm=2, right_mm=2, top_mm=1.6, bottom_mm=1.6)
    loop, row, end = table.rows
    loop.cells[0].paragraphs[0].add_run("{%tr for detail in details %}")
    cell_paragraphs(row.cells[0], ("{{ detail.label }}", "Detail Label"))
    cell_paragraphs(row.cells[1], ("{{ detail.value }}", "Detail Value"))
    word.row_format(row)
    end.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    paragraph(doc, "{%p endif %}")


def sections(doc: Any) -> None:
    """The numbered sections; entries nest to any depth (styles Entry 1, 2 and 3+; Entry Lead
    for a first-level entry that has sub-entries)."""
    paragraph(doc, "{%p for section in sections %}")
    paragraph(doc, "{{ section.number }} {{ section.heading }}", "Heading 1")
    paragraph(doc, "{%p for entry in section.entries recursive %}")
    for style, tag in (("Entry Lead", "{%p if loop.depth == 1 and entry.entries %}"),
                       ("Entry 1", "{%p elif loop.depth == 1 %}"),
                       ("Entry 2", "{%p elif loop.depth == 2 %}"), ("Entry 3", "{%p else %}")):
        paragraph(doc, tag)
        paragraph(doc, "{{ entry.number }}\t", style,
                  runs=((ENTRY_LABEL, "Entry Label"), (ENTRY_TEXT, None)))
    paragraph(doc, "{%p endif %}")
    paragraph(doc, "{{p loop(entry.entries) }}")
    paragraph(doc, "{%p endfor %}")
    paragraph(doc, "{%p endfor %}")


def signature_sheet(doc: Any, heading: str, intro: str, group: str,
                    columns: tuple[tuple[str, float], ...], blank_rows: int) -> None:
    """A sheet on a new page: heading, subtitle, intro and one signature row per person, or
    ``blank_rows`` numbered empty rows to fill in by hand."""
    paragraph(doc, f"{{{{ labels.{heading} }}}}", "Sheet Heading")
    paragraph(doc, "{{ document.kind_title }} — {{ document.title }} ({{ labels.number }}" + NBSP
              + "{{ document.number }}, {{ labels.version | lower }}" + NBSP
              + "{{ document.version }})", "Sheet Subtitle")
    paragraph(doc, f"{{{{ labels.{intro} }}}}", "Sheet Intro")
    person = {"row_number": "{{ person.number }}", "position": "{{ person.position }}",
              "full_name": "{{ person.name }}", "date": "{{ person.date }}", "signature": ""}
    table = doc.add_table(rows=8, cols=len(columns))
    word.table_layout(table, [TEXT_WIDTH * share for _, share in columns], style="Table Grid",
                      borders={})
    word.cell_margins(table, left_mm=2, right_mm=2, bottom_mm=1.5)
    head, loop, row, orelse, blank_loop, blank, end_blank, end = table.rows
    for cell, (key, _) in zip(head.cells, columns, strict=True):
        cell_paragraphs(cell, (f"{{{{ labels.{key} }}}}", "Table Heading"))
    word.row_format(head, header=True, cell_bottom=(0.8, ACCENT))
    for tag_row, tag in ((loop, f"{{%tr for person in approval.{group} %}}"),
                         (orelse, "{%tr else %}"),
                         (blank_loop, f"{{%tr for n in range(1, {blank_rows + 1}) %}}"),
                         (end_blank, "{%tr endfor %}"), (end, "{%tr endfor %}")):
        tag_row.cells[0].paragraphs[0].add_run(tag)
    for target, values in ((row, person), (blank, {"row_number": "{{ n }}"})):
        for cell, (key, _) in zip(target.cells, columns, strict=True):
            style = {"row_number": "Table Number", "signature": "Signature Line"}.get(
                key, "Table Text")
            cell_paragraphs(cell, (values.get(key, ""), style))
        word.row_format(target, height_mm=15, cell_bottom=(0.4, RULE), valign="bottom")


def header_footer(doc: Any) -> None:
    """Running title (not on the first page), DRAFT mark and watermark, and the footer with
    number, version and page X / Y."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    draft = "{% if document.watermark %}{{ document.watermark }}{% endif %}"
    for n, (header, title) in enumerate(((section.first_page_header, ""),
                                         (section.header, "{{ labels.kind_role_name }}: "
                                                          "{{ document.title }}")), 1):
        header.is_linked_to_previous = False
        para = header.paragraphs[0]
        para.style = "Header"
        para.add_run(title + "\t")
        para.add_run(draft, style="Draft Mark")
        para.add_run("{% if document.watermark %}")
        para._p.append(parse_xml(WATERMARK.format(ns=VML_NAMESPACES, n=n)))
        para.add_run("{% endif %}")
    for footer in (section.first_page_footer, section.footer):
        footer.is_linked_to_previous = False
        para = footer.paragraphs[0]
        para.style = "Footer"
        para.add_run(REGISTER + "\t{{ labels.page }}" + NBSP)
        word.add_field(para, "PAGE")
        para.add_run(" / ")
        word.add_field(para, "NUMPAGES")


def build_role() -> bytes:
    """The job description template, as the bytes of a .docx file."""
    doc = Document()
    doc._body.clear_content()
    word.drop_parts(doc, ("/thumbnail", "/customXml", "/stylesWithEffects"))
    word.app_properties(doc, "jobdocs")
    word.current_word_settings(doc)
    word.page_setup(doc.sections[0], margins_mm=(22, 16, 20, 27), header_mm=10, footer_mm=8)
    word.prune_styles(doc, define_styles(doc))
    masthead(doc)
    title_block(doc)
    sections(doc)
    signature_sheet(doc, "agreement_sheet", "agreement_text", "agreed_with",
                    (("row_number", 0.07), ("position", 0.28), ("full_name", 0.24),
                     ("signature", 0.19), ("date", 0.22)), blank_rows=3)
    signature_sheet(doc, "acknowledgement_sheet", "acknowledgement_text", "acknowledged_by",
                    (("row_number", 0.07), ("full_name", 0.25), ("position", 0.27),
                     ("signature", 0.19), ("date", 0.22)), blank_rows=6)
    end = paragraph(doc)
    end.paragraph_format.space_after = 0
    end.alignment = WD_ALIGN_PARAGRAPH.LEFT
    header_footer(doc)
    props = doc.core_properties
    props.title, props.subject = "{{ metadata.title }}", "{{ metadata.subject }}"
    props.author, props.language = "{{ metadata.author }}", "{{ lang }}"
    props.identifier, props.comments, props.keywords = "{{ document.number }}", "", ""
    props.category, props.last_modified_by, props.revision = "", "jobdocs", 1
    props.created = props.modified = word.FIXED_DATE
    return word.save_reproducibly(doc)


def build_contract() -> bytes:
    """The employment contract template, with Annex 1 (see
    ``jobdocs.render.docx_contract_template``), as the bytes of a .docx file."""
    from jobdocs.render.docx_contract_template import build_contract_template

    return build_contract_template(
        lambda n: parse_xml(WATERMARK.format(ns=VML_NAMESPACES, n=n)))


TEMPLATES = {HERE / "role" / "document.docx": build_role,
             HERE / "contract" / "document.docx": build_contract}
"""Each generated template and the function that makes it."""


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check``, compare) every generated template."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit with 1 if a committed template is out of date")
    args = parser.parse_args(argv)
    stale = 0
    for path, build in TEMPLATES.items():
        data = build()
        current = path.read_bytes() if path.exists() else None
        if current == data:
            print(f"up to date: {path.relative_to(HERE.parent)}", file=sys.stderr)
        elif args.check:
            print(f"out of date: {path.relative_to(HERE.parent)} (run `make templates`)",
                  file=sys.stderr)
            stale += 1
        else:
            write_atomic(path, data)
            print(f"wrote {path.relative_to(HERE.parent)}", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
