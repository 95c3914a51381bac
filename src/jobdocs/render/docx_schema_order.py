"""Word's property elements in the order the schema (ECMA-376) gives them.

python-docx appends a property element (``w:keepNext``, ``w:spacing``…) where it is set, so a
template built by setting properties one after another may hold them out of order. LibreOffice
does not mind; Word validates the order. :func:`order_document` puts them right before a
template is saved.
"""

from __future__ import annotations

from typing import Any

from docx.oxml.ns import qn

#: The order ECMA-376 gives the children of property elements. Word refuses a file whose
#: properties are out of order ("unreadable content"); LibreOffice does not mind.
SCHEMA_ORDER: dict[str, tuple[str, ...]] = {
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
            "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
            "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
            "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
            "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
            "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
            "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
            "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
            "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
            "em", "lang", "eastAsianLayout", "specVanish", "oMath", "rPrChange"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
              "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
              "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
              "tblPrChange"),
    "tcPr": ("cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap",
             "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark", "headers",
             "cellIns", "cellDel", "cellMerge", "tcPrChange"),
}


def schema_order(*roots: Any) -> None:
    """Put the children of every property element under ``roots`` (the body, the styles,
    headers and footers) in the schema's order; the helpers that build the template append
    them in the order they are set."""
    for tag, order in SCHEMA_ORDER.items():
        rank = {qn(f"w:{name}"): n for n, name in enumerate(order)}
        for root in roots:
            for element in root.iter(qn(f"w:{tag}")):
                children = list(element)
                if not all(child.tag in rank for child in children):
                    continue  # something this table does not know: leave it as it is
                ordered = sorted(children, key=lambda child: rank[child.tag])
                if ordered != children:
                    for child in ordered:
                        element.append(child)  # moves it to the end, in order


def order_document(document: Any) -> None:
    """Order the property elements of a python-docx document's body, styles, headers and
    footers."""
    stories = [story._element for section in document.sections
               for story in (section.first_page_header, section.header,
                             section.first_page_footer, section.footer)
               if not story.is_linked_to_previous]
    schema_order(document.element, document.styles.element, *stories)
