"""``kind: contract`` — an employment contract, with the job description as its annex."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator

from jobdocs.models.common import (
    CurrencyCode,
    Jurisdiction,
    LanguageCode,
    Money,
    Person,
    Slug,
    SpecDate,
    Status,
    StrictModel,
    Text,
    check_languages,
)


class ContractDocument(StrictModel):
    """The contract's register data."""

    number: str = Field(min_length=1, max_length=100)
    """The contract number, e.g. `EC-2026/042`."""
    version: int = Field(default=1, ge=1)
    """The version of this contract."""
    status: Status = "draft"
    """`draft`, `review` or `approved`; anything but approved prints a DRAFT watermark."""
    date: SpecDate | None = None
    """The date the contract is concluded."""
    place: Text | None = None
    """The place the contract is concluded (a city)."""
    initials_on_each_page: bool = False
    """Print an initials line for both parties in every page footer."""


class Employee(StrictModel):
    """The employee who is a party to the contract."""

    name: Text
    """Full name."""
    id_number: str | None = Field(default=None, max_length=64)
    """Personal identification number (quote it in YAML)."""
    address: Text | None = None
    """Address of residence."""


class Representative(Person):
    """Who signs for the employer, and on what authority."""

    authority: Text | None = None
    """The basis of their authority (the charter, a power of attorney…)."""


class Probation(StrictModel):
    """A probationary period."""

    months: int = Field(ge=0, le=120)
    """Length of probation in months."""
    conditions: Text | None = None
    """Conditions of the probation (pay, assessment)."""


class WorkingTime(StrictModel):
    """Working time and rest."""

    hours_per_week: float | None = Field(default=None, gt=0, le=168)
    """Normal working hours per week."""
    schedule: Text | None = None
    """Working days, hours and breaks."""


class Pay(StrictModel):
    """Remuneration."""

    amount: Money
    """The basic amount, e.g. `3500` or `3500.50`."""
    currency: CurrencyCode | None = None
    """ISO 4217 currency; default: the organization's currency."""
    period: Literal["hour", "day", "week", "month", "year"] = "month"
    """The period the amount is paid for."""
    payment: Text | None = None
    """How and when it is paid (frequency and method)."""
    components: list[Text] = Field(default_factory=list)
    """Other components of pay (bonuses, allowances), each stated separately."""


class Leave(StrictModel):
    """Annual leave."""

    paid_days: int | None = Field(default=None, ge=0, le=366)
    """Paid leave per year, in days."""
    unpaid_days: int | None = Field(default=None, ge=0, le=366)
    """Unpaid leave per year, in days."""
    procedure: Text | None = None
    """How leave is requested and granted."""


class Notice(StrictModel):
    """Notice periods for termination."""

    employer_days: int | None = Field(default=None, ge=0, le=3650)
    """Days of notice the employer gives."""
    employee_days: int | None = Field(default=None, ge=0, le=3650)
    """Days of notice the employee gives."""
    procedure: Text | None = None
    """The termination procedure and its formal requirements."""


class Terms(StrictModel):
    """The terms of employment."""

    start_date: SpecDate | None = None
    """The first working day."""
    end_date: SpecDate | None = None
    """The last day of a fixed-term contract; empty for an open-ended one."""
    fixed_term_reason: Text | None = None
    """Why the contract is fixed-term (required by law in several jurisdictions)."""
    probation: Probation | None = None
    """Probationary period."""
    workplace: Text | None = None
    """The place of work."""
    working_time: WorkingTime | None = None
    """Working hours and schedule."""
    overtime: Text | None = None
    """How overtime is arranged and compensated."""
    pay: Pay | None = None
    """Remuneration."""
    leave: Leave | None = None
    """Paid and unpaid leave."""
    notice: Notice | None = None
    """Notice periods."""
    collective_agreement: Text | None = None
    """Collective agreements that apply (or a statement that none does)."""
    training: Text | None = None
    """Training the employer provides."""
    social_security: Text | None = None
    """Social-security and pension contributions."""


class Clause(StrictModel):
    """An additional clause (confidentiality, data protection, disputes…)."""

    id: Slug
    """A slug unique among the clauses."""
    title: Text
    """The clause heading."""
    text: Text
    """The clause's wording."""


class Contract(StrictModel):
    """An employment contract between an organization and an employee."""

    jobdocs: Literal[1]
    """The spec format version; always `1`."""
    kind: Literal["contract"]
    """What this spec describes."""
    id: Slug
    """A short identifier of the contract."""
    organization: str
    """Path of the employer's organization spec, relative to this file."""
    role: str | None = None
    """Path of the role spec annexed as the job description."""
    jurisdiction: Jurisdiction = "none"
    """The law that applies: selects a checklist (GE, RU, EU, UK or none)."""
    language: LanguageCode = "ka"
    """The primary language: plain strings are in this language."""
    languages: list[LanguageCode] = Field(default_factory=list, max_length=2)
    """Languages of the contract; two languages give a side-by-side bilingual layout."""
    prevailing_language: LanguageCode | None = None
    """Which language prevails if the versions differ (bilingual contracts)."""
    document: ContractDocument
    """Number, version, status, date and place."""
    employee: Employee
    """The employee."""
    employer_representative: Representative | None = None
    """Who signs for the employer (default: the organization's head)."""
    terms: Terms = Field(default_factory=Terms)
    """The terms of employment."""
    clauses: list[Clause] = Field(default_factory=list)
    """Additional clauses."""

    _languages_include_primary = field_validator("languages")(check_languages)
    _refs: Any = PrivateAttr(default=None)

    @property
    def all_languages(self) -> list[str]:
        """The languages every text must provide."""
        return list(self.languages) or [self.language]
