"""The fixed phrases of rendered documents, as gettext message ids.

Templates never hold words of their own: headings, labels and captions come from the
message catalogs (``locale/<lang>/LC_MESSAGES/jobdocs.po``) through these keys. Each key maps
to an English message id; a message context (``msgctxt``) tells translators where the phrase
appears and keeps identical English words with different roles apart.

Add a phrase here, then add it to every catalog (``tests/render/test_i18n.py`` checks that the
shipped catalogs translate every phrase).
"""

from __future__ import annotations

from typing import NamedTuple


class Phrase(NamedTuple):
    """A message: its context and its English id."""

    context: str
    message: str


PHRASES: dict[str, Phrase] = {
    # The approval block and the title block.
    "approved": Phrase("approval block heading", "APPROVED"),
    "kind_role": Phrase("document kind, title block", "JOB DESCRIPTION"),
    "kind_role_name": Phrase("document kind in running text and metadata", "Job description"),
    "number": Phrase("document number prefix", "No."),
    "version": Phrase("document version", "Version"),
    "effective_date": Phrase("title block", "Effective date"),
    "registration_number": Phrase("organization", "Identification code"),
    "draft": Phrase("watermark on unapproved documents", "DRAFT"),
    "page": Phrase("running footer, before 'X / Y'", "Page"),
    # Position details.
    "department": Phrase("position details", "Department"),
    "reports_to": Phrase("position details", "Reports to"),
    "subordinates": Phrase("position details", "Subordinates"),
    "classification": Phrase("position details", "Occupation code"),
    # Sections, in their standard order.
    "general": Phrase("section heading", "General provisions"),
    "requirements": Phrase("section heading", "Qualification requirements"),
    "functions": Phrase("section heading", "Functions and duties"),
    "rights": Phrase("section heading", "Rights"),
    "responsibility": Phrase("section heading", "Responsibility"),
    # Entries of the requirements section.
    "education": Phrase("requirements entry", "Education"),
    "experience": Phrase("requirements entry", "Work experience"),
    "knowledge": Phrase("requirements entry", "Knowledge"),
    "skills": Phrase("requirements entry", "Skills"),
    "qualities": Phrase("requirements entry", "Personal qualities"),
    # Signature sheets.
    "agreement_sheet": Phrase("sheet heading", "AGREEMENT SHEET"),
    "agreement_text": Phrase("agreement sheet", "The job description has been agreed with:"),
    "acknowledgement_sheet": Phrase("sheet heading", "ACKNOWLEDGEMENT SHEET"),
    "acknowledgement_text": Phrase(
        "acknowledgement sheet",
        "I have read this job description and received a copy of it:"),
    "row_number": Phrase("signature table column", "No."),
    "position": Phrase("signature table column", "Position"),
    "full_name": Phrase("signature table column", "Full name"),
    "signature": Phrase("signature table column", "Signature"),
    "date": Phrase("signature table column", "Date"),
    "signature_caption": Phrase("caption under a signature line", "(signature)"),
    "date_caption": Phrase("caption under a date line", "(date)"),
    "blank_date": Phrase("a date to be filled in by hand", "____ ______________ 20___"),
}
"""Every phrase a template may use, by key."""
