"""The parties of a contract and their signature blocks, in every column.

The employer is the organization (its name, identification code and legal address) and who
signs for it: ``employer_representative`` with the basis of their authority, or by default
the organization's head. The employee is named with their personal number and address. Each
party's signature block says who signs, with the contract's date and place; the employer's
representative and the employee each get one signature field in the PDF.
"""

from __future__ import annotations

from collections.abc import Sequence

from jobdocs.i18n.translit import ascii_slug
from jobdocs.models import Contract, Organization, Person, Text
from jobdocs.render.contract_values import Line, Party, PartyKey, SignatureBlock, Texts
from jobdocs.render.contract_wording import Wording
from jobdocs.render.values import Signatory


class PartyWriter:
    """Writes the parties of ``contract`` in every column: ``columns`` read the contract's
    texts, ``org_columns`` the organization's (whose plain strings are in its language)."""

    def __init__(self, contract: Contract, organization: Organization,
                 columns: Sequence[Wording], org_columns: Sequence[Wording]):
        self.contract = contract
        self.org = organization
        self.columns = tuple(columns)
        self.org_columns = tuple(org_columns)

    def _phrase(self, key: str) -> Texts:
        return tuple(w.phrase(key) for w in self.columns)

    def _text(self, value: Text | None, where: str, *, org: bool = False) -> Texts:
        return tuple(w.text(value, where) for w in (self.org_columns if org else self.columns))

    def _dates(self) -> Texts:
        day = self.contract.document.date
        return tuple(w.date(day) if day else "" for w in self.columns)

    def _representative(self) -> tuple[Person | None, Text | None, bool]:
        """Who signs for the employer, the basis of their authority, and whether their texts
        are the organization's (the head, by default)."""
        rep = self.contract.employer_representative
        if rep is not None:
            return Person(name=rep.name, position=rep.position), rep.authority, False
        return self.org.head, None, True

    def employer(self) -> Party:
        """The employer: name, code, legal address, representative."""
        org, lines = self.org, []
        if org.registration_number:
            lines.append(Line(self._phrase("registration_number"),
                              (org.registration_number,) * len(self.columns)))
        if org.address is not None:
            lines.append(Line(self._phrase("legal_address"),
                              self._text(org.address, "organization.address", org=True)))
        person, authority, from_org = self._representative()
        if person is not None:
            where = "organization.head" if from_org else "employer_representative"
            words = self.org_columns if from_org else self.columns
            texts = tuple(
                w.phrase("representative_authority" if authority else "representative",
                         name=w.text(person.name, f"{where}.name"),
                         position=w.text(person.position, f"{where}.position"),
                         **({"authority": c.text(authority, f"{where}.authority")}
                            if authority else {}))
                for w, c in zip(words, self.columns, strict=True))
            lines.append(Line(self._phrase("represented_by"), texts))
        return Party("employer", self._phrase("employer"),
                     self._text(org.name, "organization.name", org=True), tuple(lines))

    def employee(self) -> Party:
        """The employee: name, personal number, address."""
        employee, lines = self.contract.employee, []
        if employee.id_number:
            lines.append(Line(self._phrase("personal_number"),
                              (employee.id_number,) * len(self.columns)))
        if employee.address is not None:
            lines.append(Line(self._phrase("address"),
                              self._text(employee.address, "employee.address")))
        return Party("employee", self._phrase("employee"),
                     self._text(employee.name, "employee.name"), tuple(lines))

    def signature(self, key: PartyKey) -> SignatureBlock:
        """Where the party ``key`` signs."""
        doc = self.contract.document
        if key == "employer":
            person, _, from_org = self._representative()
            where = "organization.head" if from_org else "employer_representative"
            names = self._text(self.org.name, "organization.name", org=True)
            signer = (self._text(person.name, f"{where}.name", org=from_org) if person
                      else ("",) * len(self.columns))
            positions = (self._text(person.position, f"{where}.position", org=from_org)
                         if person else ("",) * len(self.columns))
            latin = person.name.get("en", self.contract.language) if person else None
        else:
            names = signer = self._text(self.contract.employee.name, "employee.name")
            positions = ("",) * len(self.columns)
            latin = self.contract.employee.name.get("en", self.contract.language)
        slug = ascii_slug(latin or signer[0]) or key
        dates = self._dates()
        signatory = Signatory(
            group=key, number=1, name=signer[0], position=positions[0], date=dates[0],
            date_iso=doc.date.isoformat() if doc.date else None,
            field_name=f"{key}-1-{slug}"[:100],
            field_label=f"{positions[0]}: {signer[0]}" if positions[0] else signer[0])
        return SignatureBlock(
            key=key, titles=self._phrase(key), names=names, signer_positions=positions,
            signer_names=signer, dates=dates, places=self._text(doc.place, "document.place"),
            signatory=signatory)
