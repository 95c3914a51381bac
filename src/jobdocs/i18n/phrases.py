"""The fixed phrases of rendered documents, as gettext message ids.

Templates never hold words of their own: headings, labels and captions come from the
message catalogs (``locale/<lang>/LC_MESSAGES/jobdocs.po``) through these keys. Each key maps
to an English message id; a message context (``msgctxt``) tells translators where the phrase
appears and keeps identical English words with different roles apart.

Add a phrase here, then add it to every catalog (``tests/render/test_i18n.py`` checks that the
shipped catalogs translate every phrase).

Contract clauses are whole sentences with ``{placeholders}`` (``str.format`` names) that the
contract context fills with spec values and formatted numbers, dates and amounts. The
context notes what each placeholder holds and the grammatical form it arrives in, so a
translator can build a correct sentence around it. Phrases with a count are in
:data:`PLURALS` (``msgid_plural`` entries, one form per plural form of the language).
"""

from __future__ import annotations

from typing import NamedTuple


class Phrase(NamedTuple):
    """A message: its context and its English id."""

    context: str
    message: str


class PluralPhrase(NamedTuple):
    """A message with a count ``{n}``: its context and its English singular and plural."""

    context: str
    singular: str
    plural: str


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
    # Employment contracts: title, parties and signatures.
    "kind_contract": Phrase("document kind, title block", "EMPLOYMENT CONTRACT"),
    "kind_contract_name": Phrase("document kind in running text and metadata",
                                 "Employment contract"),
    "employer": Phrase("contract party", "Employer"),
    "employee": Phrase("contract party", "Employee"),
    "legal_address": Phrase("contract party: the employer's address", "Legal address"),
    "address": Phrase("contract party: the employee's address", "Address"),
    "personal_number": Phrase("contract party: the employee's identification number",
                              "Personal number"),
    "represented_by": Phrase("contract party: who signs for the employer", "Represented by"),
    "representative": Phrase(
        "contract party: the employer's representative; {name} and {position} as written in "
        "the spec (nominative)", "{name}, {position}"),
    "representative_authority": Phrase(
        "contract party: the representative and the basis of their authority as written in "
        "the spec ('under the Charter')", "{name}, {position} ({authority})"),
    "parties_intro": Phrase(
        "contract, after the parties",
        "The Employer and the Employee (together, the \u201cParties\u201d) have concluded "
        "this employment contract (the \u201cContract\u201d) as follows:"),
    "place": Phrase("contract signature block", "Place"),
    "signatures_heading": Phrase("contract section heading", "Signatures of the parties"),
    "initials": Phrase("page footer of a contract: the parties initial every page",
                       "Initials"),
    "annex_heading": Phrase("annex heading; {number} is the contract's number",
                            "Annex 1 to Employment Contract No. {number}"),
    "annex_name": Phrase("running header of the annex pages", "Annex 1"),
    # Contract clause headings, in the order of the contract.
    "clause_subject": Phrase("contract clause heading", "Subject of the Contract"),
    "clause_workplace": Phrase("contract clause heading", "Place of work"),
    "clause_term": Phrase("contract clause heading", "Start date and term"),
    "clause_probation": Phrase("contract clause heading", "Probation"),
    "clause_working_time": Phrase("contract clause heading", "Working time and overtime"),
    "clause_pay": Phrase("contract clause heading", "Remuneration"),
    "clause_leave": Phrase("contract clause heading", "Leave"),
    "clause_termination": Phrase("contract clause heading", "Notice and termination"),
    "clause_collective_agreement": Phrase("contract clause heading", "Collective agreement"),
    "clause_training": Phrase("contract clause heading", "Training"),
    "clause_social_security": Phrase("contract clause heading", "Social security"),
    "clause_final": Phrase("contract clause heading", "Final provisions"),
    # Contract clauses: whole sentences.
    "subject_position": Phrase(
        "contract clause; {position} is the job title (nominative)",
        "The Employer employs the Employee in the position of {position}."),
    "subject_position_department": Phrase(
        "contract clause; {position} is the job title, {department} the department "
        "(nominative)",
        "The Employer employs the Employee in the position of {position} ({department})."),
    "subject_duties": Phrase(
        "contract clause",
        "The Employee's functions and duties are set out in the job description (Annex 1), "
        "which is an integral part of this Contract."),
    "term_start": Phrase(
        "contract clause; {date} is the first working day, in the form for 'on a date' "
        "(Georgian: dative, 2026 წლის 1 დეკემბერს)",
        "The Employee starts work on {date}."),
    "term_open": Phrase("contract clause", "This Contract is concluded for an indefinite term."),
    "term_fixed": Phrase(
        "contract clause; {date} is the last day, in the form for 'until a date' "
        "(Georgian: genitive, 2027 წლის 30 ნოემბრის)",
        "This Contract is concluded for a fixed term until {date} inclusive."),
    "term_fixed_reason": Phrase(
        "contract clause; {reason} is the spec's text", "Reason for the fixed term: {reason}"),
    "probation_none": Phrase("contract clause", "No probationary period is set."),
    "pay_hour": Phrase("contract clause; {amount} is a sum of money with its words",
                       "The Employee is paid {amount} per hour."),
    "pay_day": Phrase("contract clause; {amount} is a sum of money with its words",
                      "The Employee is paid {amount} per day."),
    "pay_week": Phrase("contract clause; {amount} is a sum of money with its words",
                       "The Employee is paid {amount} per week."),
    "pay_month": Phrase("contract clause; {amount} is a sum of money with its words",
                        "The Employee's salary is {amount} per month."),
    "pay_year": Phrase("contract clause; {amount} is a sum of money with its words",
                       "The Employee's salary is {amount} per year."),
    "money": Phrase(
        "a whole sum of money: {figure} 3,500; {number} the number in words; {currency} the "
        "currency's name after that number; {words} number and currency in words; {code} "
        "the ISO code", "{code} {figure} ({words})"),
    "money_minor": Phrase(
        "a sum of money with minor units (tetri, cents): {figure} 3,500.50; {words} the sum "
        "in words; {code} the ISO code", "{code} {figure} ({words})"),
    "money_figure": Phrase(
        "a sum of money in a currency without words: {figure} 3,500.00; {code} the ISO code",
        "{code} {figure}"),
    "leave_paid": Phrase(
        "contract clause; {duration} is a number of days (see the 'leave duration' phrases)",
        "The Employee is entitled to paid annual leave of {duration}."),
    "leave_unpaid": Phrase(
        "contract clause; {duration} is a number of days (see the 'leave duration' phrases)",
        "The Employee is entitled to unpaid leave of {duration} a year."),
    "termination_grounds": Phrase(
        "contract clause",
        "This Contract may be terminated on the grounds and in the manner provided by law "
        "and by this Contract."),
    "notice_employer": Phrase(
        "contract clause; {duration} is a number of days (see the 'notice duration' phrases)",
        "The Employer gives the Employee written notice of termination at least {duration} "
        "in advance, unless the law provides otherwise."),
    "notice_employee": Phrase(
        "contract clause; {duration} is a number of days (see the 'notice duration' phrases)",
        "The Employee gives the Employer written notice of termination at least {duration} "
        "in advance, unless the law provides otherwise."),
    "final_entry_into_force": Phrase(
        "contract clause", "This Contract enters into force when both Parties have signed it."),
    "final_copies": Phrase(
        "contract clause",
        "This Contract is made in two copies of equal legal force, one for each Party."),
    "languages_made": Phrase(
        "contract clause; {first} and {second} are language names (see 'language name')",
        "This Contract is made in {first} and {second}."),
    "languages_prevailing": Phrase(
        "contract clause; {language} is a language name (see 'language name')",
        "If the two versions differ, the {language} version prevails."),
    "language_ka": Phrase(
        "language name, in the form the languages clause uses ('in Georgian and English', "
        "'the Georgian version')", "Georgian"),
    "language_en": Phrase(
        "language name, in the form the languages clause uses ('in Georgian and English', "
        "'the Georgian version')", "English"),
    "language_ru": Phrase(
        "language name, in the form the languages clause uses ('in Georgian and English', "
        "'the Georgian version')", "Russian"),
    # Redlines (jobdocs diff): the summary of changes on the first page.
    "redline_summary": Phrase("redline: heading of the summary of changes", "Summary of changes"),
    "redline_compared": Phrase(
        "redline: what is compared; {new_version}, {old_version} are version numbers, "
        "{new_number}, {old_number} document numbers",
        "Version {new_version} (No. {new_number}) compared with version {old_version} "
        "(No. {old_number})"),
    "redline_section": Phrase("redline summary column: the part of the document", "Section"),
    "redline_added": Phrase("redline summary column: entries added", "Added"),
    "redline_removed": Phrase("redline summary column: entries removed", "Removed"),
    "redline_changed": Phrase("redline summary column: entries changed", "Changed"),
    "redline_moved": Phrase("redline summary column: entries moved", "Moved"),
    "redline_none": Phrase("redline summary", "The two versions do not differ."),
    "redline_document": Phrase("redline summary row: title, number, dates, employer",
                               "Document particulars"),
    "redline_details": Phrase("redline summary row: department, reporting line",
                              "Position details"),
    "redline_parties": Phrase("redline summary row: a contract's parties", "Parties"),
    "redline_signatures": Phrase("redline summary row", "Approval and signatures"),
    "redline_inserted": Phrase("redline legend, shown underlined", "inserted text"),
    "redline_deleted": Phrase("redline legend, shown struck through", "deleted text"),
    "redline_bar": Phrase("redline legend", "a bar in the margin marks a changed paragraph"),
}
"""Every phrase a template may use, by key."""


PLURALS: dict[str, PluralPhrase] = {
    "probation": PluralPhrase(
        "contract clause; {n} is a number of months",
        "The Employee is on probation for {n} month.",
        "The Employee is on probation for {n} months."),
    "working_hours": PluralPhrase(
        "contract clause; {n} is a number of hours, perhaps with a fraction (37.5)",
        "The normal working time is {n} hour a week.",
        "The normal working time is {n} hours a week."),
    "leave_days": PluralPhrase(
        "leave duration, inside 'paid annual leave of …'", "{n} day", "{n} days"),
    "leave_working_days": PluralPhrase(
        "leave duration, inside 'paid annual leave of …'", "{n} working day",
        "{n} working days"),
    "leave_calendar_days": PluralPhrase(
        "leave duration, inside 'paid annual leave of …'", "{n} calendar day",
        "{n} calendar days"),
    "notice_days": PluralPhrase(
        "notice duration, inside 'at least … in advance'", "{n} day", "{n} days"),
    "notice_calendar_days": PluralPhrase(
        "notice duration, inside 'at least … in advance'", "{n} calendar day",
        "{n} calendar days"),
}
"""Phrases with a count, by key: the catalogs give one form per plural form."""
