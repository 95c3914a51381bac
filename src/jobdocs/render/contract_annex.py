"""Annex 1 of a contract: the job description, from the referenced role spec.

The annex is built from the role's own contexts — one per contract language, made by the
job description's context builder (:func:`jobdocs.render.context.build_context`) — so its
sections, numbering and wording are exactly those of the job description rendered on its
own. The contexts are then laid side by side: a bilingual contract has a bilingual annex, its
entries paragraph against paragraph like the clauses, because the annex is part of the
contract and must be in a language both parties understand.

What the annex leaves out of the standalone job description: its approval block, agreement
sheet and acknowledgement sheet (the role's internal approval record, signed by other
people). The parties sign the annex instead, at its end.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from jobdocs.render.contract_values import Annex, Clause, Line, Paragraph, Texts
from jobdocs.render.contract_wording import Wording
from jobdocs.render.values import DocumentContext, Entry, Section


def build_annex(roles: Sequence[DocumentContext], columns: Sequence[Wording],
                contract_number: str) -> Annex:
    """The annex from the role's contexts (one per column, in column order)."""
    first = roles[0]
    return Annex(
        headings=tuple(w.phrase("annex_heading", number=contract_number) for w in columns),
        running_title=" · ".join((
            " / ".join(dict.fromkeys(w.phrase("annex_name") for w in columns)),
            " / ".join(dict.fromkeys(r.labels["kind_role_name"] for r in roles)))),
        kind_titles=tuple(r.labels["kind_role"] for r in roles),
        titles=tuple(r.document.title for r in roles),
        registers=tuple(_register(r) for r in roles),
        details=tuple(Line(tuple(d.label for d in row), tuple(d.value for d in row))
                      for row in zip(*(r.details for r in roles), strict=True)),
        sections=tuple(_section(same)
                       for same in zip(*(r.sections for r in roles), strict=True)),
        role_id=first.document.id,
        role_status=first.document.status,
    )


def _section(same: tuple[Section, ...]) -> Clause:
    """One section of the job description, in every column."""
    section = same[0]
    return Clause(id=section.id, number=section.number, headings=tuple(s.heading for s in same),
                  paragraphs=tuple(_paragraphs(section.id, [s.entries for s in same], 1)),
                  origin="annex")


def _register(role: DocumentContext) -> str:
    """``№ JD-014 · ვერსია 3 · ამოქმედების თარიღი: 1 დეკემბერი 2026``."""
    labels, doc = role.labels, role.document
    parts = [f"{labels['number']}\u00a0{doc.number}", f"{labels['version']}\u00a0{doc.version}"]
    if doc.effective_date:
        parts.append(f"{labels['effective_date']}: {doc.effective_date}")
    return " · ".join(parts)


def _paragraphs(section_id: str, entries: Sequence[tuple[Entry, ...]],
                depth: int) -> Iterator[Paragraph]:
    """The entries of one section in every column, flattened depth-first."""
    for same in zip(*entries, strict=True):
        entry = same[0]
        labels: Texts | None = (tuple(e.label or "" for e in same) if entry.label is not None
                                else None)
        yield Paragraph(number=entry.number, texts=tuple(e.text for e in same),
                        id=entry.id or f"{section_id}-{entry.number.rstrip('.')}",
                        labels=labels, depth=depth)
        if entry.entries:
            yield from _paragraphs(section_id, [e.entries for e in same], depth + 1)
