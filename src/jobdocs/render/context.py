"""The context builder: one function from a model to the values every template prints.

:func:`build_context` turns a validated model into a :class:`~jobdocs.render.values.
DocumentContext` for one language: spec text in that language, fixed phrases from the
message catalogs, dates formatted with Babel, entries numbered ``1.``, ``1.1.``, ``1.1.1.``
as in a real job description, and one row per signatory. The HTML templates and the Word
renderer both take their words from it, so a PDF and a DOCX of the same spec say the same.

Spec values are plain strings here: escaping is the template engine's job (autoescape).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from jobdocs.errors import UsageError
from jobdocs.i18n.catalog import Catalogs
from jobdocs.i18n.formats import DocumentLocale
from jobdocs.i18n.translit import ascii_slug
from jobdocs.models import Contract, ItemObject, Organization, Role, Signatory, Text
from jobdocs.render.dates import document_dates
from jobdocs.render.localized import localized
from jobdocs.render.values import (
    Approval,
    Branding,
    Detail,
    DocumentContext,
    DocumentInfo,
    Entry,
    Metadata,
    OrganizationInfo,
    Section,
    SignatureGroup,
)
from jobdocs.render.values import Signatory as SignatoryRow

if TYPE_CHECKING:
    from jobdocs.render.inputs import RenderSource

DEFAULT_COLOR = "#1F3A5F"
"""The accent colour when the organization has no branding."""


def document_languages(model: Role | Contract) -> list[str]:
    """The languages a spec can be rendered in: those every text provides."""
    return model.all_languages


def render_languages(model: Role | Contract) -> list[str]:
    """What a spec is rendered as when no language is asked for: a job description in each
    of its languages; a contract in two languages as one bilingual document, its languages
    joined by ``-`` (``ka-en``)."""
    languages = document_languages(model)
    if isinstance(model, Contract) and len(languages) > 1:
        return ["-".join(languages)]
    return languages


def default_language(model: Role | Contract) -> str:
    """The language :func:`jobdocs.render` uses when none is given: a job description's
    primary language; a contract's languages (``ka-en`` when bilingual)."""
    return render_languages(model)[0] if isinstance(model, Contract) else model.language


def check_language(model: Role | Contract, lang: str) -> None:
    """Raise :class:`UsageError` unless the spec provides every text in ``lang`` (or ``lang``
    is a bilingual contract's two languages, ``ka-en``)."""
    available = list(dict.fromkeys([*document_languages(model), *render_languages(model)]))
    if lang not in available:
        raise UsageError(
            f"the spec `{model.id}` is written in {', '.join(available)}, not `{lang}`",
            hint=f"render it in one of: {', '.join(available)}, or add `{lang}` to its "
                 "`languages` and translate every text")


def build_context(model: Role | Contract, lang: str, *, catalogs: Catalogs,
                  organization: Organization | None = None, logo: Path | None = None,
                  timestamp: datetime.datetime | None = None,
                  annex: RenderSource | None = None) -> DocumentContext:
    """The template values of ``model`` in ``lang``.

    ``organization`` is the employer (see :func:`jobdocs.references`); ``logo`` the
    organization's logo file, resolved and checked by the caller; ``timestamp`` overrides the
    document dates taken from the spec (``SOURCE_DATE_EPOCH``); ``annex`` is a contract's
    job description (see :mod:`jobdocs.render.contract_context`).
    """
    check_language(model, lang)
    if isinstance(model, Contract):
        from jobdocs.render.contract_context import build_contract_context

        return build_contract_context(model, lang, catalogs=catalogs, organization=organization,
                                      logo=logo, timestamp=timestamp, annex=annex)
    return _RoleContext(model, lang, catalogs, organization).build(logo, timestamp)


class _Localizer:
    """Spec text in one language, and the dates of that language."""

    def __init__(self, lang: str, primary: str):
        self.lang = lang
        self.primary = primary
        self.locale = DocumentLocale(lang)

    def text(self, value: Text | None, where: str) -> str:
        return localized(value, self.lang, self.primary, where)

    def date(self, value: datetime.date | None) -> str:
        return self.locale.date(value) if value is not None else ""


class _RoleContext:
    """Builds the context of a job description."""

    def __init__(self, role: Role, lang: str, catalogs: Catalogs,
                 organization: Organization | None):
        self.role = role
        self.lang = lang
        self.organization = organization
        self.labels = catalogs.get(lang).phrases()
        self.loc = _Localizer(lang, role.language)
        self.org_loc = _Localizer(
            lang, (organization.defaults.language or role.language) if organization else lang)

    def build(self, logo: Path | None, timestamp: datetime.datetime | None) -> DocumentContext:
        role, labels = self.role, self.labels
        doc = role.document
        title = self.loc.text(role.title, "title")
        info = DocumentInfo(
            kind="role", id=role.id, title=title, kind_title=labels["kind_role"],
            number=doc.number, version=doc.version, status=doc.status,
            effective_date=self.loc.date(doc.effective_date) or None,
            effective_date_iso=doc.effective_date.isoformat() if doc.effective_date else None,
            watermark=None if doc.status == "approved" else labels["draft"],
        )
        org = self._organization()
        return DocumentContext(
            lang=self.lang, locale=self.loc.locale.babel_locale, labels=labels,
            document=info, organization=org,
            branding=self._branding(logo),
            details=tuple(self._details()), sections=tuple(self._sections()),
            approval=self._approval(), metadata=self._metadata(info, org, timestamp),
        )

    # -- parts ----------------------------------------------------------------------------

    def _organization(self) -> OrganizationInfo | None:
        org = self.organization
        if org is None:
            return None
        text = self.org_loc.text
        head = org.head
        return OrganizationInfo(
            name=text(org.name, "organization.name"),
            registration_number=org.registration_number,
            address=text(org.address, "organization.address") or None,
            head_name=text(head.name, "organization.head.name") if head else None,
            head_position=text(head.position, "organization.head.position") if head else None,
        )

    def _branding(self, logo: Path | None) -> Branding:
        brand = self.organization.branding if self.organization else None
        return Branding(
            color=(brand.color if brand and brand.color else DEFAULT_COLOR),
            font_family=brand.font_family if brand else None,
            logo=logo,
        )

    def _details(self) -> Iterable[Detail]:
        role, labels, text = self.role, self.labels, self.loc.text
        if role.department is not None:
            yield Detail(labels["department"], text(role.department, "department"))
        if role.reports_to is not None:
            yield Detail(labels["reports_to"], text(role.reports_to, "reports_to"))
        if role.subordinates:
            names = [text(s, f"subordinates[{i}]") for i, s in enumerate(role.subordinates)]
            yield Detail(labels["subordinates"], "; ".join(names))
        codes = role.classification
        if codes is not None:
            parts = [f"{name} {code}" for name, code in
                     (("ISCO-08", codes.isco08), ("O*NET-SOC", codes.onet), ("ESCO", codes.esco))
                     if code]
            if parts:
                yield Detail(labels["classification"], "; ".join(parts))

    def _sections(self) -> Iterable[Section]:
        role = self.role
        standard: list[tuple[str, str, Sequence[ItemObject] | None]] = [
            ("general", self.labels["general"], role.general),
            ("requirements", self.labels["requirements"], None),
            ("functions", self.labels["functions"], role.functions),
            ("rights", self.labels["rights"], role.rights),
            ("responsibility", self.labels["responsibility"], role.responsibility),
        ]
        number = 0
        for key, heading, items in standard:
            prefix = f"{number + 1}."
            entries = (self._requirements(prefix) if items is None
                       else self._entries(items, prefix, key))
            if entries:
                number += 1
                yield Section(key, prefix, heading, entries)
        for index, extra in enumerate(role.sections):
            prefix = f"{number + 1}."
            entries = self._entries(extra.items, prefix, f"sections[{index}].items")
            if entries or extra.title is not None:
                number += 1
                heading = self.loc.text(extra.title, f"sections[{index}].title") or extra.id
                yield Section(extra.id, prefix, heading, entries)

    def _entries(self, items: Sequence[ItemObject], prefix: str,
                 where: str) -> tuple[Entry, ...]:
        result = []
        for index, item in enumerate(i for i in items if not i.remove):
            number = f"{prefix}{index + 1}."
            path = f"{where}[{index}]"
            result.append(Entry(
                number=number, text=self.loc.text(item.text, f"{path}.text"), id=item.id,
                essential=bool(item.essential),
                entries=self._entries(item.items, number, f"{path}.items"),
            ))
        return tuple(result)

    def _requirements(self, prefix: str) -> tuple[Entry, ...]:
        req, labels, text = self.role.requirements, self.labels, self.loc.text
        result: list[Entry] = []
        for key in ("education", "experience"):
            value: Text | None = getattr(req, key)
            if value is not None:
                number = f"{prefix}{len(result) + 1}."
                result.append(Entry(number, text(value, f"requirements.{key}"), labels[key], key))
        for key in ("knowledge", "skills", "qualities"):
            items: list[ItemObject] = getattr(req, key)
            if items:
                number = f"{prefix}{len(result) + 1}."
                result.append(Entry(number, "", labels[key], key, entries=self._entries(
                    items, number, f"requirements.{key}")))
        return tuple(result)

    def _approval(self) -> Approval:
        approval = self.role.approval
        approver = approval.approved_by
        if approver is None and self.organization and self.organization.head:
            head = self.organization.head
            approver = Signatory(name=head.name, position=head.position)
            loc = self.org_loc
        else:
            loc = self.loc
        return Approval(
            approved_by=(self._signatory(approver, "approved_by", 1, loc)
                         if approver is not None else None),
            agreed_with=tuple(self._signatory(s, "agreed_with", i + 1, self.loc)
                              for i, s in enumerate(approval.agreed_with)),
            acknowledged_by=tuple(self._signatory(s, "acknowledged_by", i + 1, self.loc)
                                  for i, s in enumerate(approval.acknowledged_by)),
        )

    def _signatory(self, person: Signatory, group: SignatureGroup, number: int,
                   loc: _Localizer) -> SignatoryRow:
        where = f"approval.{group}" + ("" if group == "approved_by" else f"[{number - 1}]")
        name = loc.text(person.name, f"{where}.name")
        position = loc.text(person.position, f"{where}.position")
        latin = person.name.get("en", loc.primary) or name
        slug = ascii_slug(latin) or "signatory"
        field = f"{group}-{number}-{slug}"[:100]
        return SignatoryRow(
            group=group, number=number, name=name, position=position,
            date=loc.date(person.date), date_iso=person.date.isoformat() if person.date else None,
            field_name=field, field_label=f"{position}: {name}" if position else name,
        )

    def _metadata(self, info: DocumentInfo, org: OrganizationInfo | None,
                  timestamp: datetime.datetime | None) -> Metadata:
        kind_name = self.labels["kind_role_name"]
        details = {d.label: d.value for d in self._details()}
        keywords = [kind_name, info.title, info.number]
        keywords += [v for v in (details.get(self.labels["department"]),
                                 org.name if org else None) if v]
        created, modified = document_dates(self.role, timestamp)
        return Metadata(
            title=f"{kind_name}: {info.title}",
            author=org.name if org else "",
            subject=f"{kind_name} {self.labels['number']} {info.number}, "
                    f"{self.labels['version'].lower()} {info.version}",
            keywords=tuple(dict.fromkeys(k.replace(",", " ") for k in keywords)),
            lang=self.lang, created=created, modified=modified,
        )
