"""The context of an employment contract: parties, clauses, signatures and Annex 1, in one or
two language columns.

:func:`build_contract_context` is what :func:`jobdocs.render.context.build_context` calls for
a contract. The language is one code (``ka``: a single-language contract) or the contract's
two languages joined by ``-`` (``ka-en``: the bilingual contract, the first language in the
left column). The result is an ordinary :class:`~jobdocs.render.values.DocumentContext`
(document register data, organization, branding, metadata in the first column's language;
the two signatories in ``approval.parties``, where the PDF's signature fields come from) whose
``extra["contract"]`` holds the :class:`~jobdocs.render.contract_values.ContractValues`.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobdocs.errors import RenderError
from jobdocs.i18n.catalog import Catalogs
from jobdocs.i18n.phrases import PHRASES
from jobdocs.models import Contract, Organization, Role, Text
from jobdocs.render.contract_annex import build_annex
from jobdocs.render.contract_clauses import ClauseWriter
from jobdocs.render.contract_parties import PartyWriter
from jobdocs.render.contract_values import Column, ContractValues, Running, Texts
from jobdocs.render.contract_wording import Wording
from jobdocs.render.values import (
    Approval,
    Branding,
    DocumentContext,
    DocumentInfo,
    Metadata,
    OrganizationInfo,
)

if TYPE_CHECKING:
    from jobdocs.render.inputs import RenderSource

DEFAULT_COLOR = "#1F3A5F"
"""The accent colour when the organization has no branding (as for job descriptions)."""

BLANK_LINE = "\u2002" + "_" * 14
"""Where a party writes their initials in the page footer."""


def contract_columns(contract: Contract, lang: str) -> list[str]:
    """The column languages of ``contract`` rendered as ``lang`` (``ka`` or ``ka-en``)."""
    languages = contract.all_languages
    if len(languages) > 1 and lang == "-".join(languages):
        return list(languages)
    return [lang]


def build_contract_context(contract: Contract, lang: str, *, catalogs: Catalogs,
                           organization: Organization | None, logo: Path | None,
                           timestamp: datetime.datetime | None,
                           annex: RenderSource | None) -> DocumentContext:
    """The template values of ``contract`` as ``lang`` (see :func:`contract_columns`).

    ``annex`` is the annexed role's render source (its model and organization); a contract
    without one cannot say which position it is for, so it is an error.
    """
    if organization is None:
        raise RenderError(f"the employer of `{contract.id}` was not loaded",
                          hint="render the contract from its file, or from `jobdocs.load`")
    if contract.role is None:
        raise RenderError(f"the contract `{contract.id}` names no job description",
                          hint="add `role: ../roles/<role>.yaml`: the job description is "
                               "Annex 1 and says which position the contract is for")
    if annex is None or not isinstance(annex.model, Role):
        raise RenderError(f"the job description `{contract.role}` of `{contract.id}` was not "
                          "loaded",
                          hint="render the contract from its file, or from `jobdocs.load`")
    return _ContractContext(contract, contract_columns(contract, lang), catalogs,
                            organization).build(annex, logo, timestamp)


class _ContractContext:
    """Builds the context of one contract."""

    def __init__(self, contract: Contract, languages: Sequence[str], catalogs: Catalogs,
                 organization: Organization):
        self.contract = contract
        self.org = organization
        self.catalogs = catalogs
        self.columns = tuple(Wording(code, catalogs.get(code), contract.language)
                             for code in languages)
        org_language = organization.defaults.language or contract.language
        self.org_columns = tuple(Wording(code, catalogs.get(code), org_language)
                                 for code in languages)
        self.labels = catalogs.get(languages[0]).phrases()

    # -- helpers ----------------------------------------------------------------------------

    def _phrase(self, key: str) -> Texts:
        return tuple(w.phrase(key) for w in self.columns)

    def _text(self, value: Text | None, where: str) -> Texts:
        return tuple(w.text(value, where) for w in self.columns)

    def _dates(self, value: datetime.date | None) -> Texts:
        return tuple(w.date(value) if value else "" for w in self.columns)

    @staticmethod
    def _joined(texts: Texts) -> str:
        """Both columns' words in one line (running header, watermark): ``ka / en``."""
        return " / ".join(dict.fromkeys(texts))

    # -- the context --------------------------------------------------------------------------

    def build(self, annex: RenderSource, logo: Path | None,
              timestamp: datetime.datetime | None) -> DocumentContext:
        contract, doc = self.contract, self.contract.document
        assert isinstance(annex.model, Role)
        role_contexts = [self._role_context(annex, w.lang) for w in self.columns]
        parties = PartyWriter(contract, self.org, self.columns, self.org_columns)
        values = ContractValues(
            columns=tuple(Column(w.lang, w.locale.babel_locale) for w in self.columns),
            kind_titles=self._phrase("kind_contract"),
            numbers=tuple(f"{w.phrase('number')}\u00a0{doc.number}" for w in self.columns),
            places=self._text(doc.place, "document.place"), dates=self._dates(doc.date),
            parties=(parties.employer(), parties.employee()),
            intro=self._phrase("parties_intro"),
            clauses=ClauseWriter(
                contract, self.columns, position=tuple(r.document.title for r in role_contexts),
                department=self._department(annex.model),
                currency=self.org.defaults.currency).clauses(),
            signatures_headings=self._phrase("signatures_heading"),
            signatures=(parties.signature("employer"), parties.signature("employee")),
            annex=build_annex(role_contexts, self.columns, doc.number),
            running=self._running(),
            labels={key: tuple(w.catalog.phrase(key) for w in self.columns) for key in PHRASES},
        )
        first = self.columns[0]
        info = DocumentInfo(
            kind="contract", id=contract.id, title=values.running.title,
            kind_title=self._joined(values.kind_titles), number=doc.number,
            version=doc.version, status=doc.status,
            effective_date=first.date(contract.terms.start_date)
            if contract.terms.start_date else None,
            effective_date_iso=contract.terms.start_date.isoformat()
            if contract.terms.start_date else None,
            watermark=None if doc.status == "approved" else self._joined(self._phrase("draft")))
        org_info = self._organization_info()
        return DocumentContext(
            lang=first.lang, locale=first.locale.babel_locale, labels=self.labels,
            document=info, organization=org_info, branding=self._branding(logo),
            details=(), sections=(),
            approval=Approval(None, (), (), parties=tuple(s.signatory
                                                          for s in values.signatures)),
            metadata=self._metadata(info, org_info, timestamp, role_contexts[0]),
            extra={"contract": values},
        )

    def _role_context(self, annex: RenderSource, lang: str) -> DocumentContext:
        from jobdocs.render.context import build_context

        assert isinstance(annex.model, Role)
        return build_context(annex.model, lang, catalogs=self.catalogs,
                             organization=annex.organization)

    def _department(self, role: Role) -> Texts | None:
        """The annexed role's department in every column (its plain strings are in the
        role's language)."""
        if role.department is None:
            return None
        return tuple(Wording(w.lang, w.catalog, role.language).text(role.department,
                                                                    "department")
                     for w in self.columns)

    # -- page furniture and metadata ----------------------------------------------------------

    def _running(self) -> Running:
        doc = self.contract.document
        first = self.columns[0]
        initials = None
        if doc.initials_on_each_page:
            initials = (f"{self._joined(self._phrase('initials'))}:  "
                        f"{self._joined(self._phrase('employer'))}{BLANK_LINE}    "
                        f"{self._joined(self._phrase('employee'))}{BLANK_LINE}")
        return Running(
            title=self._joined(tuple(f"{w.phrase('kind_contract_name')} {w.phrase('number')}"
                                     f"\u00a0{doc.number}" for w in self.columns)),
            register=f"{first.phrase('number')}\u00a0{doc.number}  ·  "
                     f"{self._joined(self._phrase('version'))}\u00a0{doc.version}",
            page=self._joined(self._phrase("page")),
            initials=initials)

    def _organization_info(self) -> OrganizationInfo:
        org, first = self.org, self.org_columns[0]
        head = org.head
        return OrganizationInfo(
            name=first.text(org.name, "organization.name"),
            registration_number=org.registration_number,
            address=first.text(org.address, "organization.address") or None,
            head_name=first.text(head.name, "organization.head.name") if head else None,
            head_position=first.text(head.position, "organization.head.position")
            if head else None)

    def _branding(self, logo: Path | None) -> Branding:
        brand = self.org.branding
        return Branding(color=brand.color if brand and brand.color else DEFAULT_COLOR,
                        font_family=brand.font_family if brand else None, logo=logo)

    def _metadata(self, info: DocumentInfo, org: OrganizationInfo,
                  timestamp: datetime.datetime | None, role: DocumentContext) -> Metadata:
        labels = self.labels
        kind_name = labels["kind_contract_name"]
        created = _iso_moment(timestamp, self.contract)
        return Metadata(
            title=info.title.replace("\u00a0", " "), author=org.name,
            subject=f"{kind_name} {labels['number']} {info.number}, "
                    f"{labels['version'].lower()} {info.version}",
            keywords=tuple(dict.fromkeys(k.replace(",", " ") for k in (
                kind_name, info.number, role.document.title, org.name) if k)),
            lang=self.columns[0].lang, created=created, modified=created)


def _iso_moment(timestamp: datetime.datetime | None, contract: Contract) -> str:
    """The contract's date for its metadata: ``timestamp`` (``SOURCE_DATE_EPOCH``), else the
    date it is concluded, else its start date; '' when it has none."""
    if timestamp is not None:
        moment = timestamp if timestamp.tzinfo else timestamp.replace(tzinfo=datetime.UTC)
    else:
        day = contract.document.date or contract.terms.start_date
        if day is None:
            return ""
        moment = datetime.datetime.combine(day, datetime.time(), datetime.UTC)
    return moment.astimezone(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
