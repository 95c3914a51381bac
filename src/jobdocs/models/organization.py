"""``kind: organization`` — the employer named by roles and contracts."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from jobdocs.models.common import (
    CurrencyCode,
    Jurisdiction,
    LanguageCode,
    Person,
    Slug,
    StrictModel,
    Text,
)


class OrganizationDefaults(StrictModel):
    """Defaults that roles and contracts of this organization inherit."""

    language: LanguageCode | None = None
    """The language documents are written in when a spec does not say."""
    jurisdiction: Jurisdiction | None = None
    """The law that applies to contracts: GE, RU, EU, UK or none."""
    currency: CurrencyCode | None = None
    """The currency of pay when a contract does not say."""


class Branding(StrictModel):
    """How the organization's documents look."""

    logo: str | None = None
    """Path of a logo image (PNG, JPEG or SVG), relative to the organization spec."""
    color: str | None = Field(default=None, pattern=r"^#[0-9A-Fa-f]{6}$")
    """The accent colour as `#RRGGBB`."""
    font_family: str | None = Field(default=None, max_length=100, pattern=r"^[^;{}<>\"\\]+$")
    """The font family documents are set in; it must be installed where documents are
    rendered."""


class Organization(StrictModel):
    """An employer: its legal name, registration, address and head."""

    jobdocs: Literal[1]
    """The spec format version; always `1`."""
    kind: Literal["organization"]
    """What this spec describes."""
    id: Slug
    """A short identifier of the organization."""
    name: Text
    """The legal name, e.g. `შპს „აკმე"`."""
    registration_number: str | None = Field(default=None, max_length=64)
    """The company registration or tax number (quote it in YAML so leading zeros stay)."""
    address: Text | None = None
    """The legal address."""
    head: Person | None = None
    """The head of the organization, who approves job descriptions and signs contracts."""
    defaults: OrganizationDefaults = Field(default_factory=OrganizationDefaults)
    """Defaults for this organization's roles and contracts."""
    branding: Branding | None = None
    """Logo, colour and font of the organization's documents."""
