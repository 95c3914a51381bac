"""``kind: role`` — a job description."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator

from jobdocs.models.common import (
    Item,
    LanguageCode,
    Signatory,
    Slug,
    SpecDate,
    Status,
    StrictModel,
    Text,
    check_languages,
)


class Classification(StrictModel):
    """Occupation codes for the role."""

    isco08: str | None = Field(default=None, pattern=r"^\d{1,4}$")
    """ISCO-08 code (1–4 digits), e.g. `2433`."""
    esco: str | None = Field(default=None, pattern=r"^https?://data\.europa\.eu/esco/\S+$")
    """ESCO occupation URI (`http://data.europa.eu/esco/occupation/…`)."""
    onet: str | None = Field(default=None, pattern=r"^\d{2}-\d{4}\.\d{2}$")
    """O*NET-SOC code, e.g. `11-2022.00`."""


class RoleDocument(StrictModel):
    """The document's register data."""

    number: str = Field(min_length=1, max_length=100)
    """The document number, e.g. `JD-014`."""
    version: int = Field(default=1, ge=1)
    """The version of this document (1, 2, …)."""
    status: Status = "draft"
    """`draft`, `review` or `approved`; anything but approved prints a DRAFT watermark."""
    effective_date: SpecDate | None = None
    """The date the document takes effect."""


class Requirements(StrictModel):
    """What the holder of the position must have."""

    education: Text | None = None
    """Required education."""
    experience: Text | None = None
    """Required work experience."""
    knowledge: list[Item] = Field(default_factory=list)
    """What the holder must know."""
    skills: list[Item] = Field(default_factory=list)
    """What the holder must be able to do (languages, software, negotiation…)."""
    qualities: list[Item] = Field(default_factory=list)
    """Personal qualities."""


class Section(StrictModel):
    """An extra section (working conditions, relationships, performance criteria…)."""

    id: Slug
    """A slug unique among the sections."""
    title: Text | None = None
    """The section heading."""
    items: list[Item] = Field(default_factory=list)
    """The section's numbered items."""
    remove: bool = False
    """In a role that `extends` another: remove the parent's section with this `id`."""


class Approval(StrictModel):
    """Who approves, agrees and acknowledges the document."""

    approved_by: Signatory | None = None
    """The head who approves the document (the APPROVED block at the top right)."""
    agreed_with: list[Signatory] = Field(default_factory=list)
    """Those who agreed the document: lawyer, HR, immediate supervisor (agreement sheet)."""
    acknowledged_by: list[Signatory] = Field(default_factory=list)
    """Employees who have read the document (acknowledgement sheet)."""


class Role(StrictModel):
    """A job description: the general part, requirements, functions, rights and
    responsibility of a position."""

    jobdocs: Literal[1]
    """The spec format version; always `1`."""
    kind: Literal["role"]
    """What this spec describes."""
    id: Slug
    """A short identifier of the role, e.g. `account-manager`."""
    organization: str | None = None
    """Path of the organization spec, relative to this file."""
    extends: str | None = None
    """Path of a role this one extends (a standard description and its variant)."""
    language: LanguageCode = "ka"
    """The primary language: plain strings are in this language."""
    languages: list[LanguageCode] = Field(default_factory=list)
    """Languages every text must provide (default: the primary language only)."""
    title: Text
    """The position's title."""
    department: Text | None = None
    """The department or unit."""
    reports_to: Text | None = None
    """The position the holder reports to."""
    subordinates: list[Text] = Field(default_factory=list)
    """Positions that report to the holder."""
    classification: Classification | None = None
    """Occupation codes."""
    document: RoleDocument
    """Number, version, status and effective date of the document."""
    general: list[Item] = Field(default_factory=list)
    """General provisions: reporting line, appointment and dismissal, substitution."""
    requirements: Requirements = Field(default_factory=Requirements)
    """Education, experience, knowledge, skills and qualities."""
    functions: list[Item] = Field(default_factory=list)
    """Functions and duties."""
    rights: list[Item] = Field(default_factory=list)
    """Rights of the holder."""
    responsibility: list[Item] = Field(default_factory=list)
    """Grounds of responsibility (not specific fines)."""
    sections: list[Section] = Field(default_factory=list)
    """Extra sections after the standard ones."""
    approval: Approval = Field(default_factory=Approval)
    """Approval, agreement and acknowledgement."""

    _languages_include_primary = field_validator("languages")(check_languages)
    _refs: Any = PrivateAttr(default=None)

    @property
    def all_languages(self) -> list[str]:
        """The languages every text must provide."""
        return list(self.languages) or [self.language]
