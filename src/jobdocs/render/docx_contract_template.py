"""Build the shipped Word template of employment contracts: ``templates/contract/document.docx``.

``templates/build_docx.py`` calls :func:`build_contract_template` (``make templates``); the
output is reproducible. The template says what ``contract/document.html.j2`` says, in the same
order: the employer's name, the title block (EMPLOYMENT CONTRACT, number, place and date),
the parties, the numbered clauses (from ``terms``, then the spec's ``clauses``, then the final
provisions), the signature blocks of both parties with date and place — and then, in a
section of its own that starts on a new page, **Annex 1**: the job description rendered from
``extra.contract.annex`` (heading "Annex 1 to Employment Contract No. …", title, register
line, position details, every section) and the parties' signatures under it.

A bilingual contract is laid out in two-column tables (first language on the left), one row
per paragraph so that each paragraph stands against its translation; a row never splits
across pages and the tables have fixed grids, so LibreOffice keeps the columns. A contract in
one language is set in ordinary paragraphs. Page furniture: the running title (not on the
first page; the annex's own title on its pages), the DRAFT mark and watermark until the
contract is approved, the register line and ``page X / Y`` (PAGE and NUMPAGES fields, which
run through the annex), and — with ``document.initials_on_each_page`` — a line for both
parties' initials above them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docx.enum.section import WD_SECTION
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips

from jobdocs.render import docx_authoring as word
from jobdocs.render import docx_contract_body as body
from jobdocs.render.docx_compose import restore_core_properties_prefix
from jobdocs.render.docx_contract_styles import define_contract_styles

Watermark = Callable[[int], Any]
"""Makes the ``n``-th DRAFT watermark run (a VML text shape printing
``{{ document.watermark }}``); shared with the job description's template."""

RUNNING = "extra.contract.running"
DRAFT = "{% if document.watermark %}{{ document.watermark }}{% endif %}"
PAGE = "{{ " + RUNNING + ".page }}\u00a0"


def header(story: Any, title: str, watermark: Watermark, n: int) -> None:
    """A running header: ``title`` on the left, the DRAFT mark on the right, and the
    watermark while the contract is not approved."""
    story.is_linked_to_previous = False
    para = story.paragraphs[0]
    para.style = "Header"
    para.add_run(title + "\t")
    para.add_run(DRAFT, style="Draft Mark")
    para.add_run("{% if document.watermark %}")
    para._p.append(watermark(n))
    para.add_run("{% endif %}")


def page_numbers(para: Any, before: str) -> None:
    """``before`` then PAGE / NUMPAGES fields."""
    para.add_run(before)
    word.add_field(para, "PAGE")
    para.add_run(" / ")
    word.add_field(para, "NUMPAGES")


def footer(story: Any) -> None:
    """The register line and page X / Y; with initials, the initials line above them and
    both centred."""
    story.is_linked_to_previous = False
    register = "{{ " + RUNNING + ".register }}"
    first = story.paragraphs[0]
    first.add_run("{%p if " + RUNNING + ".initials %}")
    body.write(story, [("{{ " + RUNNING + ".initials }}", "Footer Initials", ())])
    page_numbers(story.add_paragraph(style="Footer Centered"), register + "  ·  " + PAGE)
    story.add_paragraph().add_run("{%p else %}")
    page_numbers(story.add_paragraph(style="Footer"), register + "\t" + PAGE)
    story.add_paragraph().add_run("{%p endif %}")


def page_furniture(doc: Any, watermark: Watermark) -> None:
    """Headers and footers of the contract's section (title page without a running title)
    and of the annex's (its own running title; the contract's footers)."""
    contract, annex = doc.sections
    contract.different_first_page_header_footer = True
    header(contract.first_page_header, "", watermark, 1)
    header(contract.header, "{{ " + RUNNING + ".title }}", watermark, 2)
    for story in (contract.first_page_footer, contract.footer):
        footer(story)
    header(annex.header, "{{ extra.contract.annex.running_title }}", watermark, 3)
    annex.footer.is_linked_to_previous = True


def hidden_end(para: Any) -> None:
    """The empty paragraph that must follow a table at the end of a section: tiny and hidden,
    so that a signature table ending at the foot of a page does not push it onto a blank
    page of its own."""
    para.style = "Table Gap"
    para.paragraph_format.line_spacing = Twips(1)
    ppr = para._p.get_or_add_pPr()
    mark = parse_xml(f"<w:rPr {nsdecls('w')}><w:vanish/></w:rPr>")
    section = ppr.find(qn("w:sectPr"))  # the schema puts the mark's properties before it
    if section is None:
        ppr.append(mark)
    else:
        section.addprevious(mark)


def build_contract_template(watermark: Watermark) -> bytes:
    """The employment contract template, as the bytes of a .docx file."""
    from docx import Document

    restore_core_properties_prefix()
    doc = Document()
    doc._body.clear_content()
    word.drop_parts(doc, ("/thumbnail", "/customXml", "/stylesWithEffects"))
    word.app_properties(doc, "jobdocs")
    word.current_word_settings(doc)
    word.page_setup(doc.sections[0], margins_mm=(22, 16, 20, 27), header_mm=10, footer_mm=8)
    word.prune_styles(doc, define_contract_styles(doc))
    body.masthead(doc)
    body.title_block(doc)
    body.parties(doc)
    body.clauses(doc, "clause", "contract.clauses")
    body.signatures(doc)
    doc.add_section(WD_SECTION.NEW_PAGE)  # Annex 1 starts on a new page
    hidden_end(doc.paragraphs[-1])  # the paragraph that ends the contract's section
    body.annex_head(doc)
    body.clauses(doc, "section", "contract.annex.sections")
    body.signatures(doc)
    hidden_end(doc.add_paragraph())
    page_furniture(doc, watermark)
    props = doc.core_properties
    props.title, props.subject = "{{ metadata.title }}", "{{ metadata.subject }}"
    props.author, props.language = "{{ metadata.author }}", "{{ lang }}"
    props.identifier, props.comments, props.keywords = "{{ document.number }}", "", ""
    props.category, props.last_modified_by, props.revision = "", "jobdocs", 1
    props.created = props.modified = word.FIXED_DATE
    return word.save_reproducibly(doc)
