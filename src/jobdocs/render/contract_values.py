"""The values of an employment contract: frozen dataclasses of localized text, column by column.

A contract is written in one or two languages (its *columns*). Every piece of text is a
:data:`Texts` tuple holding one string per column, in column order, so a bilingual template
can print each paragraph against its translation and a single-language template prints the
only one. Built by :mod:`jobdocs.render.contract_context`; a contract's
:class:`~jobdocs.render.values.DocumentContext` carries them as ``extra["contract"]``
(:func:`contract_values` returns them typed). The HTML template and the Word renderer both read
them, so a PDF and a DOCX of one contract say the same.

As in :mod:`jobdocs.render.values`, lists are never called ``items`` or ``values``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from jobdocs.render.values import DocumentContext, Signatory

Texts = tuple[str, ...]
"""One text per column, in column order (``("ქართული", "English")``)."""

PartyKey = Literal["employer", "employee"]
ClauseOrigin = Literal["terms", "clauses", "final", "annex"]


@dataclass(frozen=True, slots=True)
class Column:
    """One language of the contract."""

    lang: str
    """The language code (``ka``), for ``lang`` attributes."""
    locale: str
    """The Babel locale (``ka_GE``)."""


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph (``4.2.``) in every column."""

    number: str
    """As printed, with its trailing dot; '' for an unnumbered paragraph."""
    texts: Texts
    id: str
    """What the paragraph says, e.g. ``start-date``, ``paid-leave``, ``schedule`` (stable
    across languages and versions; the annex uses the role's item ids)."""
    labels: Texts | None = None
    """A lead-in printed in bold before the text (the annex's ``Education:``)."""
    depth: int = 1
    """Nesting depth: 1 for ``4.2.``, 2 for ``2.3.1.`` in the annex."""


@dataclass(frozen=True, slots=True)
class Clause:
    """A numbered clause: its heading and paragraphs."""

    id: str
    """``subject``, ``workplace``, ``term``, ``probation``, ``working-time``, ``pay``,
    ``leave``, ``termination``, ``collective-agreement``, ``training``,
    ``social-security``, then the ids of the spec's ``clauses``, then ``final``. In the annex:
    the job description's section ids."""
    number: str
    """``4.``"""
    headings: Texts
    paragraphs: tuple[Paragraph, ...]
    origin: ClauseOrigin
    """Where the clause comes from: generated from ``terms``, one of the spec's ``clauses``,
    the final provisions (entry into force, copies, languages), or the annexed role."""


@dataclass(frozen=True, slots=True)
class Line:
    """A labelled line (``Identification code: 405718263``) in every column."""

    labels: Texts
    """'' in a column for a line without a label."""
    texts: Texts


@dataclass(frozen=True, slots=True)
class Party:
    """A party to the contract, as the preamble introduces it."""

    key: PartyKey
    titles: Texts
    """``Employer`` / ``დამსაქმებელი``."""
    names: Texts
    """The organization's or the employee's name."""
    lines: tuple[Line, ...]
    """Code, address, representative (employer); personal number, address (employee)."""


@dataclass(frozen=True, slots=True)
class SignatureBlock:
    """Where a party signs: at the end of the contract, and again at the end of the annex."""

    key: PartyKey
    titles: Texts
    """``Employer``."""
    names: Texts
    """The organization's name (employer) or the employee's name."""
    signer_positions: Texts
    """The representative's position (employer); '' for the employee."""
    signer_names: Texts
    """Who signs: the representative (employer) or the employee."""
    dates: Texts
    """The contract's date, or '' to be written by hand."""
    places: Texts
    """The place the contract is concluded, or ''."""
    signatory: Signatory
    """The signature field's name and anchor (``employer-1-giorgi-kapanadze``); the annex's
    signature lines have no field (one digital signature covers the whole file)."""


@dataclass(frozen=True, slots=True)
class Annex:
    """Annex 1: the job description, from the referenced role spec, in every column."""

    headings: Texts
    """``Annex 1 to Employment Contract No. EC-2026/042``."""
    running_title: str
    """The annex pages' running header."""
    kind_titles: Texts
    """``JOB DESCRIPTION``."""
    titles: Texts
    """The position."""
    registers: Texts
    """``No. JD-014 · Version 3 · Effective date: 1 December 2026``."""
    details: tuple[Line, ...]
    """Department, reporting line, subordinates, occupation codes."""
    sections: tuple[Clause, ...]
    """The job description's sections; sub-entries are paragraphs of greater ``depth``."""
    role_id: str
    role_status: str
    """The job description's own status (``approved``…)."""


@dataclass(frozen=True, slots=True)
class Running:
    """The running header and footer (CSS margin boxes), in every column joined."""

    title: str
    """``შრომითი ხელშეკრულება № EC-2026/042 / Employment contract No. EC-2026/042``."""
    register: str
    """``№ EC-2026/042 · ვერსია / Version 1``."""
    page: str
    """The word before ``X / Y``: ``გვერდი / Page``."""
    initials: str | None
    """``ინიციალები / Initials: დამსაქმებელი / Employer ____ …`` when
    ``document.initials_on_each_page`` is true, else ``None``."""


@dataclass(frozen=True, slots=True)
class ContractValues:
    """Everything specific to a contract, in one or two columns."""

    columns: tuple[Column, ...]
    kind_titles: Texts
    """``EMPLOYMENT CONTRACT`` / ``შრომითი ხელშეკრულება``."""
    numbers: Texts
    """``No. EC-2026/042`` / ``№ EC-2026/042``."""
    places: Texts
    """The place of conclusion ('' when the spec has none)."""
    dates: Texts
    """The date of conclusion ('' when the spec has none)."""
    parties: tuple[Party, Party]
    """Employer, then employee."""
    intro: Texts
    """"The Employer and the Employee … have concluded … as follows:"."""
    clauses: tuple[Clause, ...]
    signatures_headings: Texts
    signatures: tuple[SignatureBlock, SignatureBlock]
    """Employer, then employee."""
    annex: Annex
    running: Running
    labels: Mapping[str, Texts]
    """Every fixed phrase (:data:`jobdocs.i18n.phrases.PHRASES`) in every column, by key."""

    @property
    def joined_labels(self) -> Mapping[str, str]:
        """Every fixed phrase in all columns' languages at once (``თარიღი / Date``), for
        places that hold one line for both (signature blocks, page headers)."""
        return {key: " / ".join(dict.fromkeys(texts)) for key, texts in self.labels.items()}

    @property
    def bilingual(self) -> bool:
        """Whether the contract is laid out in two columns."""
        return len(self.columns) > 1


def contract_values(context: DocumentContext) -> ContractValues:
    """The contract values of a contract's context (``context.extra["contract"]``)."""
    found = context.extra.get("contract")
    if not isinstance(found, ContractValues):
        raise TypeError(f"`{context.document.id}` is not a contract's context")
    return found
