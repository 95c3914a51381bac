"""``jobdocs templates check --kind contract``: names and content of a contract's Word template.

A contract's values are in ``extra.contract`` (:class:`~jobdocs.render.contract_values.
ContractValues`). :class:`ContractNameChecker` gives ``extra`` that type, so the template's
names are checked as deeply as a job description's (``contract.clases`` → did you mean
``clauses``?), and records which parts of the contract the template prints:
:data:`CONTRACT_REQUIRED` lists those it must — the parties, the clauses and their
paragraphs, both signature blocks and Annex 1 (the job description's sections).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jobdocs.render.contract_values import Annex, Clause, ContractValues
from jobdocs.render.docx_names import NameChecker
from jobdocs.render.docx_shapes import Selection, unwrap

#: What a contract template must print: (type, attribute) → what that is, and how to print it.
CONTRACT_REQUIRED: dict[tuple[type, str], tuple[str, str]] = {
    (ContractValues, "parties"): (
        "the parties (extra.contract.parties)",
        "{%p for party in contract.parties %} … {{ party.names[0] }} … {%p endfor %}"),
    (ContractValues, "clauses"): (
        "the clauses (extra.contract.clauses)",
        "{%p for clause in contract.clauses %} … {%p endfor %}"),
    (Clause, "paragraphs"): (
        "the clauses' paragraphs (clause.paragraphs)",
        "{%p for para in clause.paragraphs %}{{ para.number }} {{ para.texts[0] }}"
        "{%p endfor %}"),
    (ContractValues, "signatures"): (
        "the parties' signature blocks (extra.contract.signatures)",
        "print contract.signatures[0] (the employer) and contract.signatures[1] (the "
        "employee)"),
    (Annex, "sections"): (
        "Annex 1, the job description (extra.contract.annex.sections)",
        "{%p for section in contract.annex.sections %} … {%p endfor %}"),
}


@dataclass(frozen=True, slots=True)
class ContractExtra:
    """The shape of ``extra`` in a contract's context."""

    contract: ContractValues


class ContractNameChecker(NameChecker):
    """A :class:`~jobdocs.render.docx_names.NameChecker` that knows the contract's values."""

    def __init__(self, globals_: Mapping[str, Any], filters: Mapping[str, Any],
                 tests: Mapping[str, Any]):
        super().__init__(globals_, filters, tests)
        self.roots["extra"] = ContractExtra
        self.printed: set[tuple[type, str]] = set()
        """The required (type, attribute) pairs the template uses."""

    def _record(self, base: Any, attr: str, only: Selection | None) -> None:
        super()._record(base, attr, only)
        shape = unwrap(base)
        if (shape, attr) in CONTRACT_REQUIRED:
            self.printed.add((shape, attr))

    def _escape(self, shape: Any, only: Selection | None) -> None:
        super()._escape(shape, only)
        if unwrap(shape) in (ContractValues, ContractExtra):  # passed whole to a filter…
            self.printed.update(CONTRACT_REQUIRED)

    def missing(self) -> list[tuple[str, str]]:
        """(message, hint) for each part of the contract the template never prints."""
        return [(f"the template never prints {what}", hint)
                for key, (what, hint) in CONTRACT_REQUIRED.items() if key not in self.printed]
