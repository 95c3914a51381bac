"""The redline stylesheet: insertions, deletions, change bars and the summary of changes.

:func:`jobdocs.render.redline_html.redline_html` adds it to every redline, after the
document's own stylesheets, so that a user's template directory gets it too.

- Insertions are underlined and blue, deletions struck through and red: two colours with a
  contrast of more than 6:1 on white, and in black-and-white print still told apart by
  underline and strike-through.
- A change bar stands in the left page margin, 5 mm from the text, beside every block that
  holds a change. In general it is a positioned ``::before`` of the block (it leaves the
  layout alone). The shipped templates' entries and paragraphs may run over a page break,
  which a positioned box does not follow, so they get a left border pulled into the margin
  instead (their indents, from ``role/style.css`` and ``contract/style.css``, are repeated
  here). In a bilingual contract the second column's bars stand in the right margin, as
  do those of blocks on the right of the page (the approval block, the employee's
  signature block).
- Nothing is upper-cased: Georgian would turn into Mtavruli.
"""

from __future__ import annotations

INS_COLOR = "#0B4F9E"
"""Insertions: dark blue (8.0:1 on white)."""
DEL_COLOR = "#B3261E"
"""Deletions: dark red (6.5:1 on white)."""
BAR_COLOR = "#3C3C3C"
"""Change bars and the summary's frame."""

REDLINE_CSS = f"""
/* jobdocs redline: insertions, deletions, change bars, the summary of changes */
ins.jd-ins {{
  color: {INS_COLOR};
  text-decoration: underline;
  text-decoration-color: {INS_COLOR};
}}
del.jd-del {{
  color: {DEL_COLOR};
  text-decoration: line-through;
  text-decoration-color: {DEL_COLOR};
}}

.jd-changed, tr.jd-changed-row > :first-child {{ position: relative; }}
.jd-changed::before, tr.jd-changed-row > :first-child::before {{
  content: "";
  position: absolute;
  top: 0;
  bottom: 0;
  left: -5mm;
  border-left: 1.5pt solid {BAR_COLOR};
}}
td.jd-changed::before, th.jd-changed::before {{ content: none; }}
td.column-2 .jd-changed::before,
.approval-block .jd-changed::before,
table.signature-blocks td:last-child .jd-changed::before {{ left: auto; right: -5mm; }}

li.entry.jd-changed, p.paragraph.jd-changed {{
  position: static;
  border-left: 1.5pt solid {BAR_COLOR};
}}
li.entry.jd-changed::before, p.paragraph.jd-changed::before {{ content: none; }}
ol.entries.depth-1 > li.entry.jd-changed {{
  margin-left: calc(-5mm - 1.5pt); padding-left: calc(11mm + 5mm);
}}
ol.entries.depth-2 > li.entry.jd-changed {{
  margin-left: calc(-16mm - 1.5pt); padding-left: calc(13mm + 16mm);
}}
ol.entries.depth-3 > li.entry.jd-changed {{
  margin-left: calc(-29mm - 1.5pt); padding-left: calc(15mm + 29mm);
}}
p.paragraph.jd-changed {{ margin-left: calc(-5mm - 1.5pt); padding-left: calc(10.5mm + 5mm); }}
p.paragraph.depth-2.jd-changed {{ padding-left: calc(21.5mm + 5mm); }}
p.paragraph.depth-3.jd-changed {{ padding-left: calc(34.5mm + 5mm); }}
td.column-2 p.paragraph.jd-changed {{
  border-left: none;
  margin-left: 0;
  padding-left: 10.5mm;
  border-right: 1.5pt solid {BAR_COLOR};
  margin-right: calc(-5mm - 1.5pt);
  padding-right: 5mm;
}}
td.column-2 p.paragraph.depth-2.jd-changed {{ padding-left: 21.5mm; }}
td.column-2 p.paragraph.depth-3.jd-changed {{ padding-left: 34.5mm; }}

.jd-summary {{
  margin: 0 0 8mm;
  padding: 3mm 4mm 2.5mm;
  border: 0.8pt solid {BAR_COLOR};
  font-size: 9pt;
  line-height: 1.4;
  text-align: left;
  break-inside: avoid;
}}
.jd-summary-heading {{
  font-size: 11pt;
  font-weight: bold;
  margin: 0 0 1.5mm;
  padding: 0;
  border: none;
}}
.jd-summary-compared {{ margin: 0 0 2.5mm; }}
table.jd-summary-counts {{
  width: 100%;
  border-collapse: collapse;
  margin: 0 0 2.5mm;
  font-size: 8.5pt;
}}
table.jd-summary-counts th, table.jd-summary-counts td {{
  padding: 0.8mm 1.5mm;
  border-bottom: 0.4pt solid #C9CDD3;
  text-align: left;
  vertical-align: top;
  font-weight: normal;
}}
table.jd-summary-counts thead th {{ font-weight: bold; }}
table.jd-summary-counts td, table.jd-summary-counts thead th + th {{
  width: 13%;
  text-align: right;
  white-space: nowrap;
  font-variant-numeric: tabular-nums;
}}
.jd-summary-legend {{ font-size: 8.5pt; }}
.jd-summary-bar {{
  display: inline-block;
  height: 1em;
  margin: 0 1.5mm 0 0.5mm;
  border-left: 1.5pt solid {BAR_COLOR};
  vertical-align: -0.15em;
}}
"""
"""The stylesheet itself."""
