"""The look of the shipped Word contract template: its named styles and table helpers.

Used by :mod:`jobdocs.render.docx_contract_template`, which builds
``templates/contract/document.docx`` (``make templates``). The palette, fonts and page
margins are those of the job description's template (``templates/build_docx.py``) and of
``contract/style.css``, so a contract, its annex and a job description look alike in Word,
in PDF and in HTML.

Body text styles set no font size: they take 10.5 pt from the document defaults in a
single-language contract and 9 pt from the table style ``Contract Columns`` in the two
columns of a bilingual one (as ``.is-bilingual`` does in CSS), so HR restyles both in Word
without touching a tag.
"""

from __future__ import annotations

from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from jobdocs.render import docx_authoring as word

ACCENT, INK, MUTED, RULE, RED = "#1F3A5F", "#1A1A1A", "#5A5F66", "#C9CDD3", "#B41E1E"
# One family for Georgian, Latin and Cyrillic: LibreOffice sets Georgian in the font of the
# ASCII range, and Noto Serif Georgian has no Latin letters or digits.
SERIF, SANS = "DejaVu Serif", "DejaVu Sans"
TEXT_WIDTH = 167.0
"""Millimetres: A4 less the 27 mm and 16 mm side margins."""
HALF = TEXT_WIDTH / 2
GUTTER = 4.0
"""Millimetres between a column's text and the rule that separates the two columns."""
COLUMN_TEXT = HALF - GUTTER
"""The width of a column's text in a bilingual table."""
COLUMNS_STYLE = "Contract Columns"
"""The table style of the two-column tables: its font size is the bilingual text size."""
DEPTHS = ((11.5, 11.5), (24.0, 12.5), (39.0, 15.0))
"""(left indent, hanging number) in millimetres of a numbered paragraph by depth: a little
wider than ``contract/style.css`` gives, for DejaVu's wide digits (``12.1.``, ``2.3.1.``)."""
TEXT_STYLES = ("Clause Text", "Clause Text 2", "Clause Text 3")
"""The numbered paragraph's style by depth."""


def define_contract_styles(doc: Any) -> list[str]:
    """Every style the contract template uses; returns the ids of the styles to keep."""
    word.document_defaults(doc, font=SERIF, size=10.5)
    st: dict[str, Any] = {}

    def style(name: str, kind: str = "paragraph", **kw: Any) -> Any:
        st[name] = word.define_style(doc, name, kind, **kw)
        return st[name]

    word.paragraph_format(style("Normal", base=None, color=INK), line=1.2)
    style("Issuer Name", size=9.5, bold=True, color=ACCENT)
    style("Issuer", size=8.5, color=MUTED)
    word.paragraph_format(style("Kind Title", size=12, bold=True, color=ACCENT, spacing=0.6),
                          align="center", before=14, after=3, keep_next=True)
    word.paragraph_format(style("Contract Number", size=11, bold=True), align="center",
                          after=8, keep_next=True)
    word.paragraph_format(style("Place Date", size=9.5), after=14)
    word.paragraph_format(style("Party Title", bold=True, color=ACCENT), before=8,
                          keep_next=True)
    word.paragraph_format(style("Party Name", bold=True), keep_next=True)
    word.paragraph_format(style("Party Line"), after=0)
    word.paragraph_format(style("Intro"), before=4, after=6)
    style("Muted", "character", base=None, color=MUTED)
    heading = style("Clause Heading", size=10.5, bold=True, color=ACCENT)
    word.paragraph_format(heading, before=12, after=5, keep_next=True, outline_level=0)
    word.paragraph_border(heading, "bottom", size_pt=0.6, color=ACCENT, space_pt=2)
    for name, (left, hang) in zip(TEXT_STYLES, DEPTHS, strict=True):
        text = style(name)
        word.paragraph_format(text, left_mm=left, hanging_mm=hang, after=5)
        word.tab_stop(text, left)
    # A paragraph that leads sub-entries (the annex's "Knowledge:") stays with the first.
    lead = style("Clause Lead", base=TEXT_STYLES[0])
    word.paragraph_format(lead, left_mm=DEPTHS[0][0], hanging_mm=DEPTHS[0][1], after=5,
                          keep_next=True)
    word.tab_stop(lead, DEPTHS[0][0])
    style("Entry Label", "character", base=None, bold=True)
    # Between two tables (Word would join them) and where a section or the body ends.
    gap = style("Table Gap", size=1)
    word.paragraph_format(gap)
    gap.paragraph_format.line_spacing = Pt(2)
    word.paragraph_format(style("Signatures Heading", size=11, bold=True, color=ACCENT),
                          align="center", before=22, after=12, keep_next=True)
    word.paragraph_format(style("Signature Title", size=9.5, bold=True, color=ACCENT),
                          after=3, keep_next=True)
    word.paragraph_format(style("Signature Name", size=9.5, bold=True), keep_next=True)
    word.paragraph_format(style("Signature Text", size=9.5), keep_next=True)
    word.paragraph_format(style("Signature Alt", size=9.5, color=MUTED), keep_next=True)
    line = style("Signature Line", size=9.5)
    word.paragraph_format(line, before=28, keep_next=True)
    line.paragraph_format.right_indent = Mm(COLUMN_TEXT - 62)
    word.paragraph_border(line, "bottom", size_pt=0.6, color=INK)
    word.paragraph_format(style("Signature Caption", size=7.5, color=MUTED), after=6,
                          keep_next=True)
    word.paragraph_format(style("Signature Label", size=8, color=MUTED), before=3,
                          keep_next=True)
    word.paragraph_format(style("Annex Heading", size=9, bold=True, color=ACCENT), after=12,
                          keep_next=True)
    word.paragraph_format(style("Annex Title", size=13, bold=True), align="center", after=4,
                          line=1.1, keep_next=True)
    word.paragraph_format(style("Register", size=8.5, color=MUTED), align="center", after=12)
    word.paragraph_format(style("Detail", size=9), after=2)
    for name in ("Header", "Footer"):
        word.tab_stop(style(name, font=SANS, size=7.5, color=MUTED), TEXT_WIDTH, align="right")
    word.paragraph_format(style("Footer Initials", base="Footer"), align="center", after=4)
    word.paragraph_format(style("Footer Centered", base="Footer"), align="center")
    style("Draft Mark", "character", base=None, bold=True, color=RED, spacing=0.6)
    columns = doc.styles.add_style(COLUMNS_STYLE, WD_STYLE_TYPE.TABLE)
    columns.base_style = doc.styles["Normal Table"]
    columns.font.size = Pt(9)
    keep = ["Normal", "DefaultParagraphFont", "TableNormal", "NoList"]
    return keep + [s.style_id for s in (*st.values(), columns)]


def cell_margins(cell: Any, *, left_mm: float, right_mm: float) -> None:
    """The inner left and right margins of one table cell (``w:tcMar``), placed where the
    schema wants it in ``w:tcPr`` so that Word accepts the file."""
    tcpr = cell._tc.get_or_add_tcPr()
    margins = tcpr.find(qn("w:tcMar"))
    if margins is None:
        margins = OxmlElement("w:tcMar")
        later = [tcpr.find(qn(t)) for t in ("w:textDirection", "w:tcFitText", "w:vAlign",
                                            "w:hideMark")]
        after = next((e for e in later if e is not None), None)
        if after is None:
            tcpr.append(margins)
        else:
            after.addprevious(margins)
    for side, mm in (("left", left_mm), ("right", right_mm)):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(word.twips(mm)))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)


def columns_table(container: Any, rows: int) -> Any:
    """A bilingual table: two equal columns separated by a thin rule, each column's text
    :data:`GUTTER` away from it, rows that never split across pages."""
    table = container.add_table(rows=rows, cols=2)
    word.table_layout(table, (HALF, HALF), style=COLUMNS_STYLE,
                      borders={"insideV": (0.5, RULE)})
    word.cell_margins(table, left_mm=0, right_mm=0)
    for row in table.rows:
        word.row_format(row)
        cell_margins(row.cells[0], left_mm=0, right_mm=GUTTER)
        cell_margins(row.cells[1], left_mm=GUTTER, right_mm=0)
    return table


def signature_table(container: Any, rows: int) -> Any:
    """The two parties' signature blocks side by side, employer on the left."""
    table = container.add_table(rows=rows, cols=2)
    word.table_layout(table, (HALF, HALF), style=COLUMNS_STYLE, borders={})
    word.cell_margins(table, left_mm=0, right_mm=0)
    for row in table.rows:
        word.row_format(row)
        cell_margins(row.cells[0], left_mm=0, right_mm=6)
        cell_margins(row.cells[1], left_mm=6, right_mm=0)
    return table
