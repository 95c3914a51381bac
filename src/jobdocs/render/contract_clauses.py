"""The numbered clauses of a contract, generated from its ``terms`` in a legal order.

The order follows the essential terms of the Labour Code of Georgia and Directive (EU)
2019/1152, Art. 4(2): subject (the position, the duties by reference to Annex 1), place of
work, start date and term, probation, working time and overtime, remuneration, leave, notice
and termination, collective agreement, training, social security — then the spec's own
``clauses``, then the final provisions (entry into force, copies and, for a bilingual
contract, the languages and which one prevails).

A term the spec leaves out is left out of the contract (the jurisdiction checklists of
``jobdocs lint`` report what the law requires); nothing is assumed on the spec's behalf.
Clauses are numbered ``1.``, ``2.`` … in the order they appear, paragraphs ``2.1.``, ``2.2.``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from jobdocs.errors import RenderError
from jobdocs.models import Contract, Text
from jobdocs.render.contract_values import Clause, ClauseOrigin, Paragraph, Texts
from jobdocs.render.contract_wording import Wording

#: The units of (paid leave, unpaid leave, notice) per jurisdiction: the Labour Code of
#: Georgia counts paid leave in working days and unpaid leave and notice in calendar days;
#: the Russian Labour Code counts leave and notice in calendar days. Elsewhere the contract
#: says "days", as the spec does.
DAY_UNITS: dict[str, tuple[str, str, str]] = {
    "GE": ("leave_working_days", "leave_calendar_days", "notice_calendar_days"),
    "RU": ("leave_calendar_days", "leave_calendar_days", "notice_calendar_days"),
}
DEFAULT_DAY_UNITS = ("leave_days", "leave_days", "notice_days")

Drafts = list[tuple[str, Texts]]
"""A clause's paragraphs before numbering: (paragraph id, texts)."""


class ClauseWriter:
    """Writes the clauses of ``contract`` in every column of ``columns``.

    ``position`` and ``department`` are the annexed job description's title and department
    (one text per column); ``currency`` is the pay's currency after the organization's
    default.
    """

    def __init__(self, contract: Contract, columns: Sequence[Wording], *, position: Texts,
                 department: Texts | None, currency: str | None):
        self.contract = contract
        self.columns = tuple(columns)
        self.position = position
        self.department = department
        self.currency = currency
        self.units = DAY_UNITS.get(contract.jurisdiction, DEFAULT_DAY_UNITS)

    def clauses(self) -> tuple[Clause, ...]:
        """Every clause, numbered."""
        result: list[Clause] = []
        for ident, headings, paragraphs, origin in self._drafts():
            if not paragraphs:
                continue
            number = f"{len(result) + 1}."
            result.append(Clause(
                id=ident, number=number, headings=headings,
                paragraphs=tuple(Paragraph(f"{number}{i + 1}.", texts, pid)
                                 for i, (pid, texts) in enumerate(paragraphs)),
                origin=origin))
        return tuple(result)

    # -- helpers ----------------------------------------------------------------------------

    def _each(self, make: Callable[[Wording], str]) -> Texts:
        return tuple(make(w) for w in self.columns)

    def _phrase(self, key: str, **values: Callable[[Wording], str]) -> Texts:
        return self._each(lambda w: w.phrase(key, **{k: f(w) for k, f in values.items()}))

    def _text(self, value: Text, where: str) -> Texts:
        return self._each(lambda w: w.text(value, where))

    def _duration(self, key: str, unit: str, days: int) -> Texts:
        """The sentence ``key`` around a number of days in the plural form ``unit``."""
        return tuple(w.phrase(key, duration=w.plural(unit, days)) for w in self.columns)

    def _heading(self, key: str) -> Texts:
        return self._each(lambda w: w.phrase(key))

    # -- the clauses, in order ----------------------------------------------------------------

    def _drafts(self) -> Iterator[tuple[str, Texts, Drafts, ClauseOrigin]]:
        terms = self.contract.terms
        yield "subject", self._heading("clause_subject"), self._subject(), "terms"
        if terms.workplace is not None:
            yield ("workplace", self._heading("clause_workplace"),
                   [("workplace", self._text(terms.workplace, "terms.workplace"))], "terms")
        yield "term", self._heading("clause_term"), self._term(), "terms"
        yield "probation", self._heading("clause_probation"), self._probation(), "terms"
        yield ("working-time", self._heading("clause_working_time"), self._working_time(),
               "terms")
        yield "pay", self._heading("clause_pay"), self._pay(), "terms"
        yield "leave", self._heading("clause_leave"), self._leave(), "terms"
        yield "termination", self._heading("clause_termination"), self._termination(), "terms"
        for key, ident in (("collective_agreement", "collective-agreement"),
                           ("training", "training"), ("social_security", "social-security")):
            value: Text | None = getattr(terms, key)
            if value is not None:
                yield (ident, self._heading(f"clause_{key}"),
                       [(ident, self._text(value, f"terms.{key}"))], "terms")
        for index, clause in enumerate(self.contract.clauses):
            yield (clause.id, self._text(clause.title, f"clauses[{index}].title"),
                   [(clause.id, self._text(clause.text, f"clauses[{index}].text"))], "clauses")
        yield "final", self._heading("clause_final"), self._final(), "final"

    def _subject(self) -> Drafts:
        if self.department is None:
            first = tuple(w.phrase("subject_position", position=position)
                          for w, position in zip(self.columns, self.position, strict=True))
        else:
            first = tuple(w.phrase("subject_position_department", position=position,
                                   department=department)
                          for w, position, department in zip(
                              self.columns, self.position, self.department, strict=True))
        return [("position", first), ("duties", self._phrase("subject_duties"))]

    def _term(self) -> Drafts:
        terms = self.contract.terms
        result: Drafts = []
        start = terms.start_date
        if start is not None:
            result.append(("start-date", self._phrase("term_start",
                                                      date=lambda w: w.date_on(start))))
        end = terms.end_date
        if end is None:
            result.append(("open-ended", self._phrase("term_open")))
        else:
            result.append(("fixed-term", self._phrase("term_fixed",
                                                      date=lambda w: w.date_until(end))))
            reason = terms.fixed_term_reason
            if reason is not None:
                result.append(("fixed-term-reason", self._phrase(
                    "term_fixed_reason",
                    reason=lambda w: w.text(reason, "terms.fixed_term_reason"))))
        return result

    def _probation(self) -> Drafts:
        probation = self.contract.terms.probation
        if probation is None:
            return []
        if probation.months == 0:
            result = [("probation", self._phrase("probation_none"))]
        else:
            result = [("probation", self._each(lambda w: w.plural("probation",
                                                                  probation.months)))]
        if probation.conditions is not None:
            result.append(("probation-conditions", self._text(
                probation.conditions, "terms.probation.conditions")))
        return result

    def _working_time(self) -> Drafts:
        terms = self.contract.terms
        result: Drafts = []
        time = terms.working_time
        if time is not None and time.hours_per_week is not None:
            hours = time.hours_per_week
            result.append(("hours", self._each(lambda w: w.plural("working_hours", hours))))
        if time is not None and time.schedule is not None:
            result.append(("schedule", self._text(time.schedule,
                                                  "terms.working_time.schedule")))
        if terms.overtime is not None:
            result.append(("overtime", self._text(terms.overtime, "terms.overtime")))
        return result

    def _pay(self) -> Drafts:
        pay = self.contract.terms.pay
        if pay is None:
            return []
        currency = pay.currency or self.currency
        if currency is None:
            raise RenderError(f"the pay of `{self.contract.id}` has no currency",
                              hint="set `terms.pay.currency`, or `defaults.currency` in the "
                                   "organization spec")
        amount = pay.amount
        result = [("amount", self._phrase(f"pay_{pay.period}",
                                          amount=lambda w: w.money(amount, currency)))]
        for index, component in enumerate(pay.components):
            result.append((f"component-{index + 1}",
                           self._text(component, f"terms.pay.components[{index}]")))
        if pay.payment is not None:
            result.append(("payment", self._text(pay.payment, "terms.pay.payment")))
        return result

    def _leave(self) -> Drafts:
        leave = self.contract.terms.leave
        if leave is None:
            return []
        paid_unit, unpaid_unit, _ = self.units
        result: Drafts = []
        for ident, days, unit, key in (("paid-leave", leave.paid_days, paid_unit, "leave_paid"),
                                       ("unpaid-leave", leave.unpaid_days, unpaid_unit,
                                        "leave_unpaid")):
            if days is not None:
                result.append((ident, self._duration(key, unit, days)))
        if leave.procedure is not None:
            result.append(("leave-procedure", self._text(leave.procedure,
                                                         "terms.leave.procedure")))
        return result

    def _termination(self) -> Drafts:
        notice = self.contract.terms.notice
        result = [("grounds", self._phrase("termination_grounds"))]
        if notice is None:
            return result
        unit = self.units[2]
        for ident, days in (("employer-notice", notice.employer_days),
                            ("employee-notice", notice.employee_days)):
            if days is not None:
                result.append((ident, self._duration(f"notice_{ident.split('-')[0]}", unit,
                                                     days)))
        if notice.procedure is not None:
            result.append(("termination-procedure", self._text(
                notice.procedure, "terms.notice.procedure")))
        return result

    def _final(self) -> Drafts:
        result = [("entry-into-force", self._phrase("final_entry_into_force")),
                  ("copies", self._phrase("final_copies"))]
        if len(self.columns) == 2:
            first, second = (w.lang for w in self.columns)
            result.append(("languages", self._each(lambda w: w.phrase(
                "languages_made", first=w.language_name(first),
                second=w.language_name(second)))))
            prevailing = self.contract.prevailing_language
            if prevailing is not None:
                result.append(("prevailing-language", self._each(lambda w: w.phrase(
                    "languages_prevailing", language=w.language_name(prevailing)))))
        return result
