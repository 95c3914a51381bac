"""The values templates receive: small frozen dataclasses of localized, formatted text.

Built by :mod:`jobdocs.render.context` from a model, used as they are by the HTML templates
and by the Word renderer, so both print exactly the same words. Everything here is plain
data: strings, numbers, tuples and other values of this module. Lists are called ``entries``
and ``rows`` — never ``items`` or ``values``, which Jinja resolves to dict methods.

The top-level names a template sees are those of :meth:`DocumentContext.template_values`:
``document``, ``organization``, ``branding``, ``details``, ``sections``, ``approval``,
``labels``, ``metadata`` and ``lang``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

SignatureGroup = Literal["approved_by", "agreed_with", "acknowledged_by", "employer", "employee"]
"""Where a signatory comes from: a job description's approval lists, or a contract's parties."""


@dataclass(frozen=True, slots=True)
class Entry:
    """A numbered entry of a section: ``3.2.`` and its text, perhaps with sub-entries."""

    number: str
    """The entry's number as printed, with its trailing dot: ``3.2.``."""
    text: str
    """The entry's text ('' for a labelled entry that only heads its sub-entries)."""
    label: str | None = None
    """A lead-in printed before the text (``Education``), for the requirements section."""
    id: str | None = None
    """The spec item's ``id``, if it has one."""
    essential: bool = False
    """Whether the spec marks this duty as an essential function."""
    entries: tuple[Entry, ...] = ()
    """Sub-entries, numbered ``3.2.1.``, ``3.2.2.``, …"""


@dataclass(frozen=True, slots=True)
class Section:
    """A numbered section: general provisions, requirements, functions, … or an extra one."""

    id: str
    """``general``, ``requirements``, ``functions``, ``rights``, ``responsibility``, or the
    id of an extra section."""
    number: str
    """The section number as printed: ``1.``."""
    heading: str
    """The localized heading."""
    entries: tuple[Entry, ...]
    """The numbered entries."""


@dataclass(frozen=True, slots=True)
class Detail:
    """One line of the position details under the title: a label and its value."""

    label: str
    value: str


@dataclass(frozen=True, slots=True)
class Signatory:
    """Someone who signs: one signature row (or the approval block)."""

    group: SignatureGroup
    """Which list the signatory comes from."""
    number: int
    """1-based position within the group (the row number)."""
    name: str
    position: str
    date: str
    """The date as printed; '' when it is to be written by hand."""
    date_iso: str | None
    """The date as YYYY-MM-DD, or ``None``."""
    field_name: str
    """The name of this signatory's signature field in the PDF; unique in the document."""
    field_label: str
    """A readable description of the field (shown as a tooltip by PDF viewers)."""

    @property
    def anchor(self) -> str:
        """The HTML id of the place where this signatory signs."""
        return f"sig-{self.field_name}"


@dataclass(frozen=True, slots=True)
class Approval:
    """The approval block, the agreement sheet and the acknowledgement sheet — or, for a
    contract, the parties who sign it."""

    approved_by: Signatory | None
    agreed_with: tuple[Signatory, ...]
    acknowledged_by: tuple[Signatory, ...]
    parties: tuple[Signatory, ...] = ()
    """A contract's signatories: the employer's representative, then the employee."""

    def signatories(self) -> Iterator[Signatory]:
        """Everyone who signs, in the order they appear in the document."""
        yield from self.parties
        if self.approved_by is not None:
            yield self.approved_by
        yield from self.agreed_with
        yield from self.acknowledged_by


@dataclass(frozen=True, slots=True)
class OrganizationInfo:
    """The employer, in the document's language."""

    name: str
    registration_number: str | None
    address: str | None
    head_name: str | None
    head_position: str | None


@dataclass(frozen=True, slots=True)
class Branding:
    """How the organization's documents look."""

    color: str
    """The accent colour, ``#RRGGBB``."""
    font_family: str | None
    """The organization's font, put first in the font stack; ``None`` for the default."""
    logo: Path | None
    """The logo file (absolute, inside the spec root), or ``None``."""


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """Register data of the document."""

    kind: str
    """``role`` (job description) or ``contract`` (employment contract)."""
    id: str
    """The spec's id; output files are named ``<id>.<lang>.<ext>``."""
    title: str
    """The position title (or the contract's title)."""
    kind_title: str
    """What the document is, localized: ``JOB DESCRIPTION``, ``სამუშაო აღწერილობა``."""
    number: str
    version: int
    status: str
    """``draft``, ``review`` or ``approved``."""
    effective_date: str | None
    """Formatted for the language, or ``None``."""
    effective_date_iso: str | None
    watermark: str | None
    """The localized DRAFT word while the status is not ``approved``; ``None`` after."""

    @property
    def approved(self) -> bool:
        """Whether the document is approved (no watermark)."""
        return self.status == "approved"


@dataclass(frozen=True, slots=True)
class Metadata:
    """Document metadata: written to the PDF's Info dictionary and XMP, and to HTML meta."""

    title: str
    author: str
    subject: str
    keywords: tuple[str, ...]
    lang: str
    created: str
    """ISO 8601 timestamp (UTC), from ``SOURCE_DATE_EPOCH`` or the spec's dates."""
    modified: str


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Everything a template needs to print one document in one language."""

    lang: str
    locale: str
    """The Babel locale, e.g. ``ka_GE``."""
    labels: Mapping[str, str]
    """Fixed phrases by key (:data:`jobdocs.i18n.phrases.PHRASES`), translated."""
    document: DocumentInfo
    organization: OrganizationInfo | None
    branding: Branding
    details: tuple[Detail, ...]
    sections: tuple[Section, ...]
    approval: Approval
    metadata: Metadata
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Kind-specific values: empty for roles; for a contract, ``contract`` holds its
    :class:`~jobdocs.render.contract_values.ContractValues` (parties, clauses, signatures,
    annex) in one or two language columns."""

    def template_values(self) -> dict[str, Any]:
        """The names a template sees (for Jinja and docxtpl alike)."""
        return {
            "lang": self.lang,
            "locale": self.locale,
            "labels": self.labels,
            "document": self.document,
            "organization": self.organization,
            "branding": self.branding,
            "details": self.details,
            "sections": self.sections,
            "approval": self.approval,
            "metadata": self.metadata,
            "extra": self.extra,
        }
