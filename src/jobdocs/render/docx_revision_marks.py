"""Inserted and deleted paragraph and row marks, for text changed as a whole.

When every word of a paragraph is inserted (deleted), rejecting (accepting) the changes would
leave an empty paragraph — an empty numbered line — unless a paragraph mark is inserted
(deleted) too; a table row likewise has a row mark. :func:`mark_whole` gives them:

- a paragraph whose text is all inserted or deleted (unchanged tabs and spaces included,
  which are then wrapped alike) gets its own paragraph mark changed when another paragraph
  follows it in its cell, header or body and it does not end a section (Word keeps the last
  paragraph of a container, and one before a table);
- a run of such paragraphs instead moves the first mark to the paragraph just before them
  when that one looks the same (same paragraph properties) and either Word would keep the
  last one's mark, or the paragraph before ends with an insertion: LibreOffice joins an
  insertion at the end of one paragraph to one at the start of the next, paragraph break
  included, so that rejecting would join two paragraphs;
- a table row whose text is all inserted or deleted gets ``w:trPr/w:ins`` or ``w:del``.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from jobdocs.render.docx_revisions import (
    PPR,
    REVISIONS,
    RPR,
    TR,
    TRPR,
    Kind,
    P,
    R,
    Revisions,
    kind_of,
    nearest,
    w,
    weight,
    wrap_run,
)
from jobdocs.render.docx_schema_order import SCHEMA_ORDER

_BLOCKS = frozenset(w(n) for n in ("p", "tbl", "sdt", "customXml", "sectPr", "altChunk"))


def mark_whole(paragraphs: Iterable[Any], revisions: Revisions) -> None:
    """Mark ``paragraphs`` (those holding changes, in document order), and the table rows
    that hold them, when their text is inserted or deleted as a whole."""
    paragraphs = list(paragraphs)
    wholes: dict[Any, Kind] = {}
    for paragraph in paragraphs:
        kind = _whole(paragraph, _own_runs(paragraph), revisions)
        if kind:
            wholes[paragraph] = kind
    for chain, kind in _chains(wholes):
        before = _block_before(chain[0])
        if _shift(before, chain, kind, wholes):
            marks = [before, *chain[:-1]]
        else:
            marks = [p for p in chain if _paragraph_follows(p)]
        for paragraph in marks:
            _mark_paragraph(paragraph, kind, revisions)
    rows = {row: None for p in paragraphs if (row := nearest(p, TR)) is not None}
    for row in rows:
        kind = _whole(row, list(row.iter(R)), revisions)
        if kind:
            _mark_row(row, kind, revisions)


def _whole(container: Any, runs: list[Any], revisions: Revisions) -> Kind:
    """``ins`` (``del``) when every run with text in ``container`` is inserted (deleted),
    but for unchanged blank runs, which are then wrapped alike."""
    kinds: set[Kind] = set()
    blanks = []
    for run in runs:
        shown = weight(run)
        if shown == "empty":
            continue
        kind = kind_of(run, container)
        if not kind and shown == "blank":
            blanks.append(run)
        else:
            kinds.add(kind)
    whole = kinds.pop() if len(kinds) == 1 else ""
    for run in blanks if whole else ():
        wrap_run(run, whole, revisions)
    return whole


def _chains(wholes: dict[Any, Kind]) -> Iterator[tuple[list[Any], Kind]]:
    """Runs of sibling paragraphs, one right after the other, all inserted or all deleted."""
    chain: list[Any] = []
    for paragraph, kind in wholes.items():
        if chain and (wholes[chain[-1]] != kind or _block_after(chain[-1]) is not paragraph):
            yield chain, wholes[chain[0]]
            chain = []
        chain.append(paragraph)
    if chain:
        yield chain, wholes[chain[0]]


def _shift(before: Any, chain: list[Any], kind: Kind, wholes: dict[Any, Kind]) -> bool:
    """Whether the paragraph ``before`` a changed ``chain`` should carry its first mark."""
    if before is None or before.tag != P or before in wholes or _mark_taken(before):
        return False
    kept = not _paragraph_follows(chain[-1])
    joined = kind == "ins" and _ends_inserted(before)
    return (kept or joined) and _looks(before) == _looks(chain[-1])


def _paragraph_follows(paragraph: Any) -> bool:
    after = _block_after(paragraph)
    return after is not None and after.tag == P


def _mark_taken(paragraph: Any) -> bool:
    """Whether the paragraph's mark is a section break or already a revision."""
    properties = paragraph.find(PPR)
    if properties is None:
        return False
    mark = properties.find(RPR)
    return properties.find(w("sectPr")) is not None or (
        mark is not None and any(child.tag in REVISIONS for child in mark))


def _looks(paragraph: Any) -> bytes:
    """The paragraph's properties (but its mark's run properties) as canonical XML."""
    properties = paragraph.find(PPR)
    if properties is None:
        return b""
    properties = copy.deepcopy(properties)
    for mark in properties.findall(RPR):
        properties.remove(mark)
    return bytes(etree.tostring(properties, method="c14n"))


def _ends_inserted(paragraph: Any) -> bool:
    shown = [run for run in _own_runs(paragraph) if weight(run) != "empty"]
    return bool(shown) and kind_of(shown[-1], paragraph) == "ins"


def _own_runs(paragraph: Any) -> list[Any]:
    """The runs of ``paragraph``, not of a text box inside it."""
    return [run for run in paragraph.iter(R) if nearest(run, P) is paragraph]


def _block_before(paragraph: Any) -> Any:
    return next((e for e in paragraph.itersiblings(preceding=True) if e.tag in _BLOCKS), None)


def _block_after(paragraph: Any) -> Any:
    return next((e for e in paragraph.itersiblings() if e.tag in _BLOCKS), None)


def _mark_paragraph(paragraph: Any, kind: Kind, revisions: Revisions) -> None:
    """Insert or delete the paragraph mark (never a section break's)."""
    properties = paragraph.find(PPR)
    if properties is None:
        properties = paragraph.makeelement(PPR, {})
        paragraph.insert(0, properties)
    if _mark_taken(paragraph):
        return
    mark = properties.find(RPR)
    if mark is None:
        mark = properties.makeelement(RPR, {})
        _insert_ordered(properties, mark, SCHEMA_ORDER["pPr"])
    mark.insert(0, revisions.element(mark, kind))  # the schema puts them first in a mark


def _insert_ordered(parent: Any, child: Any, order: tuple[str, ...]) -> None:
    """Insert ``child`` into ``parent`` before the first element the schema puts after it."""
    rank = {w(name): n for n, name in enumerate(order)}
    mine = rank[child.tag]
    for index, sibling in enumerate(parent):
        if rank.get(sibling.tag, -1) > mine:
            parent.insert(index, child)
            return
    parent.append(child)


def _mark_row(row: Any, kind: Kind, revisions: Revisions) -> None:
    """Put the row mark into ``w:trPr`` where the schema wants it: after the row's other
    properties, before a recorded change of them."""
    properties = row.find(TRPR)
    if properties is None:
        properties = row.makeelement(TRPR, {})
        row.insert(1 if len(row) and row[0].tag == w("tblPrEx") else 0, properties)
    if any(child.tag in REVISIONS for child in properties):
        return
    mark = revisions.element(properties, kind)
    change = properties.find(w("trPrChange"))
    if change is not None:
        change.addprevious(mark)
    else:
        properties.append(mark)
