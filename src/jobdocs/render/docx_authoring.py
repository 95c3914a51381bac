"""Building Word templates with python-docx: what its API leaves to raw XML.

Used by ``templates/build_docx.py``, which generates the shipped ``document.docx`` files.
python-docx covers paragraphs, runs, tables and named styles; this module adds what a
signature-ready template also needs: fonts for every script, borders, tab leaders, table
grids that LibreOffice honours, rows that never split, PAGE/NUMPAGES fields, a package
without python-docx's sample parts, and a reproducible file.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Iterable, Sequence
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor

from jobdocs.render.docx_package import normalize

FIXED_DATE = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)
"""The creation and modification date of generated templates (any constant would do)."""

_TYPE = {"paragraph": WD_STYLE_TYPE.PARAGRAPH, "character": WD_STYLE_TYPE.CHARACTER}


def twips(mm: float) -> int:
    """Millimetres as twentieths of a point, Word's unit for widths and indents."""
    return round(mm * 1440 / 25.4)


def _child(parent: Any, tag: str, *, first: bool = False) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr: Any, family: str) -> None:
    """Use ``family`` for every script Word distinguishes (ASCII, high ANSI, complex and East
    Asian), removing theme fonts, which would win over it."""
    fonts = _child(rpr, "w:rFonts", first=True)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for slot in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{slot}"), family)


def document_defaults(document: Any, *, font: str, size: float, lang: str = "en-US") -> None:
    """The font and size every style inherits (``w:docDefaults``)."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults", first=True)
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    for child in list(rpr):
        rpr.remove(child)
    set_fonts(rpr, font)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(size * 2)))
    _child(rpr, "w:lang").set(qn("w:val"), lang)


def prune_styles(document: Any, keep: Iterable[str]) -> None:
    """Remove every style whose id is not in ``keep`` (python-docx's template brings a
    hundred table styles), and the latent-style list."""
    wanted = set(keep)
    root = document.styles.element
    for latent in root.findall(qn("w:latentStyles")):
        root.remove(latent)
    for style in root.findall(qn("w:style")):
        if style.get(qn("w:styleId")) not in wanted:
            root.remove(style)
    for style in root.findall(qn("w:style")):
        for tag in ("w:link", "w:next", "w:basedOn"):
            ref = style.find(qn(tag))
            if ref is not None and ref.get(qn("w:val")) not in wanted:
                style.remove(ref)


def define_style(document: Any, name: str, kind: str = "paragraph", *,
                 base: str | None = "Normal", font: str | None = None,
                 size: float | None = None, bold: bool | None = None,
                 color: str | None = None, spacing: float | None = None) -> Any:
    """The style ``name`` (created if missing, reset if python-docx's template has it) with
    these character properties; paragraph properties are set with :func:`paragraph_format`."""
    styles = document.styles
    style = styles[name] if name in [s.name for s in styles] else styles.add_style(
        name, _TYPE[kind])
    element = style.element
    for tag in ("w:pPr", "w:rPr"):
        old = element.find(qn(tag))
        if old is not None:
            element.remove(old)
    style.base_style = styles[base] if base else None
    style.quick_style = True
    rpr = element.get_or_add_rPr()
    if font is not None:
        set_fonts(rpr, font)
    if bold is not None:
        style.font.bold = bold
    if size is not None:
        style.font.size = Pt(size)
    if color is not None:
        style.font.color.rgb = RGBColor.from_string(color.lstrip("#"))
    if spacing is not None:
        _child(rpr, "w:spacing").set(qn("w:val"), str(round(spacing * 20)))
    return style


def paragraph_format(style: Any, *, align: str | None = None, before: float = 0,
                     after: float = 0, line: float | None = None, keep_next: bool = False,
                     page_break_before: bool = False, left_mm: float = 0,
                     hanging_mm: float = 0, outline_level: int | None = None) -> None:
    """Spacing (points), indents (millimetres) and flow of a paragraph style."""
    fmt = style.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    if line is not None:
        fmt.line_spacing = line
    fmt.keep_with_next = keep_next or None
    fmt.page_break_before = page_break_before or None
    if left_mm or hanging_mm:
        fmt.left_indent = Mm(left_mm)
        fmt.first_line_indent = Mm(-hanging_mm)
    if align is not None:
        _child(style.element.get_or_add_pPr(), "w:jc").set(qn("w:val"), align)
    if outline_level is not None:
        _child(style.element.get_or_add_pPr(), "w:outlineLvl").set(
            qn("w:val"), str(outline_level))


def tab_stop(style: Any, position_mm: float, *, align: str = "left",
             leader: str | None = None) -> None:
    """A tab stop on a paragraph style; ``leader="underscore"`` draws a line up to it."""
    tabs = _child(style.element.get_or_add_pPr(), "w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), align)
    if leader:
        tab.set(qn("w:leader"), leader)
    tab.set(qn("w:pos"), str(twips(position_mm)))
    tabs.append(tab)


def paragraph_border(style: Any, side: str, *, size_pt: float, color: str,
                     space_pt: float = 1) -> None:
    """A rule on one side of every paragraph of ``style`` (``bottom`` under headings and
    signature lines)."""
    borders = _child(style.element.get_or_add_pPr(), "w:pBdr")
    edge = _child(borders, f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(round(size_pt * 8)))
    edge.set(qn("w:space"), str(round(space_pt)))
    edge.set(qn("w:color"), color.lstrip("#"))


def table_layout(table: Any, widths_mm: Sequence[float], *, style: str | None = None,
                 borders: dict[str, tuple[float, str]] | None = None) -> None:
    """Fix a table's column widths where every program reads them: the table width, the
    grid (``w:tblGrid`` — LibreOffice ignores cell widths without it) and each cell; turn off
    autofit; ``borders`` maps a side (``top``, ``insideH``…) to (points, colour); the rest
    have none."""
    if style is not None:
        table.style = style
    table.autofit = False
    tbl = table._tbl
    tblpr = tbl.tblPr
    width = _child(tblpr, "w:tblW")
    width.set(qn("w:type"), "dxa")
    width.set(qn("w:w"), str(sum(twips(w) for w in widths_mm)))
    _child(tblpr, "w:tblLayout").set(qn("w:type"), "fixed")
    if borders is not None:
        edges = _child(tblpr, "w:tblBorders")
        for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
            edge = _child(edges, f"w:{side}")
            size, color = borders.get(side, (0, "auto"))
            edge.set(qn("w:val"), "single" if size else "nil")
            if size:
                edge.set(qn("w:sz"), str(round(size * 8)))
                edge.set(qn("w:space"), "0")
                edge.set(qn("w:color"), color.lstrip("#"))
    grid = tbl.tblGrid
    for col in list(grid):
        grid.remove(col)
    for w in widths_mm:
        col = OxmlElement("w:gridCol")
        col.set(qn("w:w"), str(twips(w)))
        grid.append(col)
    for row in table.rows:
        for cell, w in zip(row.cells, widths_mm, strict=True):
            cell.width = Mm(w)


def cell_margins(table: Any, *, left_mm: float, right_mm: float, top_mm: float = 0,
                 bottom_mm: float = 0) -> None:
    """The default inner margins of a table's cells."""
    margins = _child(table._tbl.tblPr, "w:tblCellMar")
    for side, mm in (("top", top_mm), ("left", left_mm), ("bottom", bottom_mm),
                     ("right", right_mm)):
        edge = _child(margins, f"w:{side}")
        edge.set(qn("w:w"), str(twips(mm)))
        edge.set(qn("w:type"), "dxa")


def row_format(row: Any, *, header: bool = False, height_mm: float | None = None,
               cell_bottom: tuple[float, str] | None = None, valign: str | None = None) -> None:
    """A row that never splits across pages; ``header`` repeats it on every page; a minimum
    height; a rule under each cell; the vertical alignment of its cells."""
    trpr = row._tr.get_or_add_trPr()
    _child(trpr, "w:cantSplit")
    if header:
        _child(trpr, "w:tblHeader")
    if height_mm is not None:
        height = _child(trpr, "w:trHeight")
        height.set(qn("w:val"), str(twips(height_mm)))
        height.set(qn("w:hRule"), "atLeast")
    for cell in row.cells:
        tcpr = cell._tc.get_or_add_tcPr()
        if cell_bottom is not None:
            edge = _child(_child(tcpr, "w:tcBorders"), "w:bottom")
            edge.set(qn("w:val"), "single")
            edge.set(qn("w:sz"), str(round(cell_bottom[0] * 8)))
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), cell_bottom[1].lstrip("#"))
        if valign is not None:
            _child(tcpr, "w:vAlign").set(qn("w:val"), valign)


def add_field(paragraph: Any, instruction: str, shown: str = "1", style: str | None = None) -> None:
    """A field (``PAGE``, ``NUMPAGES``) as Word writes it: begin, instruction, separator, the
    last shown result, end."""
    def run(xml: str) -> None:
        rpr = f'<w:rPr><w:rStyle w:val="{style}"/></w:rPr>' if style else ""
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{rpr}{xml}</w:r>"))

    run('<w:fldChar w:fldCharType="begin"/>')
    run(f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>')
    run('<w:fldChar w:fldCharType="separate"/>')
    run(f"<w:t>{shown}</w:t>")
    run('<w:fldChar w:fldCharType="end"/>')


def page_setup(section: Any, *, margins_mm: tuple[float, float, float, float],
               header_mm: float, footer_mm: float) -> None:
    """A4 portrait with ``margins_mm`` (top, right, bottom, left)."""
    section.page_width, section.page_height = Mm(210), Mm(297)
    top, right, bottom, left = margins_mm
    section.top_margin, section.right_margin = Mm(top), Mm(right)
    section.bottom_margin, section.left_margin = Mm(bottom), Mm(left)
    section.header_distance, section.footer_distance = Mm(header_mm), Mm(footer_mm)


def drop_parts(document: Any, reltypes: Iterable[str]) -> None:
    """Remove the parts python-docx's own template carries that a document does not need
    (thumbnail, custom XML, ``stylesWithEffects``), by relationship type suffix."""
    suffixes = tuple(reltypes)
    for owner in (document.part.package, document.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(suffixes):
                owner.rels.pop(rid)


def app_properties(document: Any, application: str) -> None:
    """Replace ``docProps/app.xml`` (python-docx's says "Microsoft Macintosh Word")."""
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
           'extended-properties"><Application>' + application + "</Application>"
           "<DocSecurity>0</DocSecurity></Properties>")
    for rel in document.part.package.rels.values():
        if rel.reltype.endswith("/extended-properties"):
            rel.target_part._blob = xml.encode("utf-8")


def current_word_settings(document: Any) -> None:
    """Open in Word's current layout mode rather than Word 2010 compatibility mode, and
    without asking for a preview picture (python-docx's template has both)."""
    settings = document.settings.element
    for preview in settings.findall(qn("w:savePreviewPicture")):
        settings.remove(preview)
    for compat in settings.iter(qn("w:compatSetting")):
        if compat.get(qn("w:name")) == "compatibilityMode":
            compat.set(qn("w:val"), "15")


def save_reproducibly(document: Any) -> bytes:
    """The document as bytes that are the same on every run (fixed ZIP dates), its property
    elements in the schema's order (see :mod:`jobdocs.render.docx_schema_order`)."""
    from jobdocs.render.docx_schema_order import order_document

    order_document(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return normalize(buffer.getvalue())
