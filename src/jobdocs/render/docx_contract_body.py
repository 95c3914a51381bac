"""The body of the shipped Word contract template, part by part.

Each function adds one part of ``contract/document.html.j2`` to the template, in the same
order: masthead, title block, parties, clauses, signatures, then Annex 1 (the job
description) and the parties' signatures under it. Every part exists twice, chosen by
``{%p if contract.bilingual %}``: two-column tables (one row per paragraph, the first
language on the left) for a bilingual contract, ordinary paragraphs for a contract in one
language. Tags use docxtpl's syntax and read ``contract`` (bound to ``extra.contract``,
:class:`~jobdocs.render.contract_values.ContractValues`), where every text is a tuple with
one string per column: ``clause.headings[0]`` is the left column's heading.

Placeholders: ``[I]`` in a tag string is replaced by the column index.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.text import WD_TAB_ALIGNMENT
from docx.shared import Mm

from jobdocs.render.docx_contract_styles import (
    COLUMN_TEXT,
    TEXT_STYLES,
    TEXT_WIDTH,
    columns_table,
    signature_table,
)

Runs = tuple[tuple[str, str | None], ...]
Item = tuple[str, str | None, Runs]
"""A paragraph to write: its first run's text, its style, further runs (text, character
style). Each tag stays inside one run, as docxtpl needs."""

BILINGUAL, ELSE, END = "{%p if contract.bilingual %}", "{%p else %}", "{%p endif %}"
LABEL = ("{% if para.labels %}{{ para.labels[I] }}{{ ':' if para.texts[I] else '' }}"
         "{% endif %}")
TEXT = "{% if para.labels and para.texts[I] %} {% endif %}{{ para.texts[I] }}"


def tag(text: str) -> Item:
    """A paragraph holding only a ``{%p … %}`` tag."""
    return (text, None, ())


def at(text: str, i: int) -> str:
    """``text`` with its ``[I]`` placeholders set to column ``i``."""
    return text.replace("[I]", f"[{i}]")


def write(container: Any, items: Sequence[Item], *, into_cell: bool = False) -> list[Any]:
    """Add ``items`` to ``container`` (the document or a table cell, whose first, empty
    paragraph is used first); returns the paragraphs."""
    written = []
    for n, (text, style, runs) in enumerate(items):
        if into_cell and n == 0:
            para = container.paragraphs[0]
            para.style = style
        else:
            para = container.add_paragraph(style=style)
        for chunk, char_style in ((text, None), *runs):
            if chunk:
                para.add_run(chunk, style=char_style)
        written.append(para)
    return written


def numbered(i: int, var: str = "para") -> list[Item]:
    """A numbered paragraph of column ``i`` in the style of its depth (hanging number, bold
    lead-in label such as the annex's ``Education:``); one that leads sub-entries stays on
    the page of the first (``Clause Lead``)."""
    runs: Runs = ((at(LABEL, i), "Entry Label"), (at(TEXT, i), None))
    items = []
    lead = (f"{{%p if {var}.depth == 1 and not loop.last and loop.nextitem.depth > 1 %}}",
            "Clause Lead")
    tests = (f"{{%p elif {var}.depth == 1 %}}", f"{{%p elif {var}.depth == 2 %}}", ELSE)
    for test, style in (lead, *zip(tests, TEXT_STYLES, strict=True)):
        items += [tag(test), (f"{{{{ {var}.number }}}}\t", style, runs)]
    return [*items, tag(END)]


def unique_lines(expr: str, first: str, alt: str = "Signature Alt") -> list[Item]:
    """Each distinct text of ``expr`` (a name written alike in both languages is printed
    once): the first in style ``first``, the translation muted."""
    return [tag(f"{{%p for text in {expr} | unique %}}"), tag("{%p if loop.first %}"),
            ("{{ text }}", first, ()), tag(ELSE), ("{{ text }}", alt, ()), tag(END),
            tag("{%p endfor %}")]


def tab_at(paragraph: Any, mm: float) -> None:
    """A right-aligned tab stop (place on the left, date on the right)."""
    paragraph.paragraph_format.tab_stops.add_tab_stop(Mm(mm), WD_TAB_ALIGNMENT.RIGHT)


def loop_rows(table: Any, first: int, opening: str, closing: str) -> None:
    """Turn rows ``first`` and ``first + 2`` of ``table`` into ``{%tr`` tags around the row
    between them."""
    write(table.rows[first].cells[0], [tag(opening)], into_cell=True)
    write(table.rows[first + 2].cells[0], [tag(closing)], into_cell=True)


# -- the contract --------------------------------------------------------------------------

def masthead(doc: Any) -> None:
    """The employer's name, in both languages when they differ."""
    write(doc, [tag("{%p set contract = extra.contract %}"),
                *unique_lines("contract.parties[0].names", "Issuer Name", "Issuer")])


def title_block(doc: Any) -> None:
    """EMPLOYMENT CONTRACT, its number, the place (left) and the date (right)."""
    place_date = "{{ contract.places[I] }}\t{{ contract.dates[I] }}"
    dated = "{%p if contract.places[0] or contract.dates[0] %}"
    write(doc, [tag(BILINGUAL)])
    table = columns_table(doc, 4)
    title, _, row, _ = table.rows
    for i, cell in enumerate(title.cells):
        write(cell, [(at("{{ contract.kind_titles[I] }}", i), "Kind Title", ()),
                     (at("{{ contract.numbers[I] }}", i), "Contract Number", ())], into_cell=True)
    loop_rows(table, 1, dated.replace("%p", "%tr"), "{%tr endif %}")
    for i, cell in enumerate(row.cells):
        tab_at(write(cell, [(at(place_date, i), "Place Date", ())], into_cell=True)[0],
               COLUMN_TEXT)
    single = write(doc, [tag(ELSE), ("{{ contract.kind_titles[0] }}", "Kind Title", ()),
                         ("{{ contract.numbers[0] }}", "Contract Number", ()), tag(dated),
                         (at(place_date, 0), "Place Date", ()), tag(END), tag(END)])
    tab_at(single[4], TEXT_WIDTH)


def party_items(i: int) -> list[Item]:
    """One party in column ``i``: who, name, and labelled lines (code, address…)."""
    line = at("{% if line.labels[I] %}{{ line.labels[I] }}: {% endif %}", i)
    return [(at("{{ party.titles[I] }}:", i), "Party Title", ()),
            (at("{{ party.names[I] }}", i), "Party Name", ()),
            tag("{%p for line in party.lines %}"),
            ("", "Party Line", ((line, "Muted"), (at("{{ line.texts[I] }}", i), None))),
            tag("{%p endfor %}")]


def parties(doc: Any) -> None:
    """Employer and employee, then "… have concluded this employment contract as follows:"."""
    write(doc, [tag(BILINGUAL)])
    table = columns_table(doc, 4)
    loop_rows(table, 0, "{%tr for party in contract.parties %}", "{%tr endfor %}")
    for i, cell in enumerate(table.rows[1].cells):
        write(cell, party_items(i), into_cell=True)
    for i, cell in enumerate(table.rows[3].cells):
        write(cell, [(at("{{ contract.intro[I] }}", i), "Intro", ())], into_cell=True)
    write(doc, [tag(ELSE), tag("{%p for party in contract.parties %}"), *party_items(0),
                tag("{%p endfor %}"), ("{{ contract.intro[0] }}", "Intro", ()), tag(END)])


def clauses(doc: Any, var: str, sequence: str) -> None:
    """Numbered clauses (or the annex's sections): in two columns, one table per clause —
    the heading row, then one row per paragraph; in one column, headings and paragraphs."""
    heading = f"{{{{ {var}.number }}}} {{{{ {var}.headings[I] }}}}"
    write(doc, [tag(BILINGUAL), tag(f"{{%p for {var} in {sequence} %}}")])
    table = columns_table(doc, 4)
    for i, cell in enumerate(table.rows[0].cells):
        write(cell, [(at(heading, i), "Clause Heading", ())], into_cell=True)
    loop_rows(table, 1, f"{{%tr for para in {var}.paragraphs %}}", "{%tr endfor %}")
    for i, cell in enumerate(table.rows[2].cells):
        write(cell, numbered(i), into_cell=True)
    write(doc, [("", "Table Gap", ()), tag("{%p endfor %}"), tag(ELSE),
                tag(f"{{%p for {var} in {sequence} %}}"),
                (at(heading, 0), "Clause Heading", ()),
                tag(f"{{%p for para in {var}.paragraphs %}}"), *numbered(0),
                tag("{%p endfor %}"), tag("{%p endfor %}"), tag(END)])


def signatures(doc: Any) -> None:
    """Both parties side by side: who, name, the representative who signs (employer), a
    signature line, the date (or a blank to fill in) and the place."""
    write(doc, [("{{ contract.signatures_headings | unique | join(' / ') }}",
                 "Signatures Heading", ())])
    table = signature_table(doc, 8)
    for k, cells in enumerate(zip(*(row.cells for row in table.rows), strict=True)):
        sig = f"contract.signatures[{k}]"
        write(cells[0], [(f"{{{{ {sig}.titles | unique | join(' / ') }}}}",
                          "Signature Title", ())], into_cell=True)
        write(cells[1], unique_lines(f"{sig}.names", "Signature Name"), into_cell=True)
        signer = ("{%p for i in range(S.signer_names | length) if i == 0 or "
                  "(S.signer_positions[i] ~ S.signer_names[i]) != "
                  "(S.signer_positions[0] ~ S.signer_names[0]) %}").replace("S.", f"{sig}.")
        shown = f"{{{{ {sig}.signer_positions[i] }}}} {{{{ {sig}.signer_names[i] }}}}"
        write(cells[2], [tag(f"{{%p if {sig}.key == 'employer' %}}"), tag(signer),
                         tag("{%p if loop.first %}"), (shown, "Signature Text", ()), tag(ELSE),
                         (shown, "Signature Alt", ()), tag(END), tag("{%p endfor %}"),
                         tag(ELSE), ("", "Signature Text", ()), tag(END)], into_cell=True)
        write(cells[3], [("", "Signature Line", ()),
                         ("{{ contract.joined_labels.signature_caption }}",
                          "Signature Caption", ())], into_cell=True)
        write(cells[4], [("{{ contract.joined_labels.date }}:", "Signature Label", ()),
                         tag(f"{{%p if {sig}.dates[0] %}}"),
                         *unique_lines(f"{sig}.dates", "Signature Text"), tag(ELSE),
                         ("{{ labels.blank_date }}", "Signature Text", ()), tag(END)],
                    into_cell=True)
        write(cells[6], [("{{ contract.joined_labels.place }}:", "Signature Label", ()),
                         *unique_lines(f"{sig}.places", "Signature Text")], into_cell=True)
    loop_rows(table, 5, "{%tr if contract.signatures[0].places[0] %}", "{%tr endif %}")


# -- Annex 1 -------------------------------------------------------------------------------

def annex_head(doc: Any) -> None:
    """"Annex 1 to Employment Contract No. …", JOB DESCRIPTION, the position, its register
    line and the position details."""
    head = (("{{ contract.annex.headings[I] }}", "Annex Heading"),
            ("{{ contract.annex.kind_titles[I] }}", "Kind Title"),
            ("{{ contract.annex.titles[I] }}", "Annex Title"),
            ("{{ contract.annex.registers[I] }}", "Register"))
    detail = ("", "Detail", (("{{ line.labels[I] }}: ", "Muted"), ("{{ line.texts[I] }}", None)))
    write(doc, [tag(BILINGUAL)])
    table = columns_table(doc, 1)
    for i, cell in enumerate(table.rows[0].cells):
        write(cell, [(at(text, i), style, ()) for text, style in head], into_cell=True)
    write(doc, [("", "Table Gap", ()), tag("{%p if contract.annex.details %}")])
    table = columns_table(doc, 3)
    loop_rows(table, 0, "{%tr for line in contract.annex.details %}", "{%tr endfor %}")
    for i, cell in enumerate(table.rows[1].cells):
        write(cell, [(detail[0], detail[1], tuple((at(t, i), s) for t, s in detail[2]))],
              into_cell=True)
    write(doc, [("", "Table Gap", ()), tag(END), tag(ELSE),
                *((at(text, 0), style, ()) for text, style in head),
                tag("{%p for line in contract.annex.details %}"),
                (detail[0], detail[1], tuple((at(t, 0), s) for t, s in detail[2])),
                tag("{%p endfor %}"), tag(END)])
