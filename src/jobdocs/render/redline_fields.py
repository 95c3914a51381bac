"""What a redline compares, and how it recognises the same element in two versions.

:mod:`jobdocs.render.redline_compare` walks two contexts with these: which fields are never
marked (:data:`IDENTITY`) or not compared (:data:`FIXED`), what identifies an element of a
list (:func:`record_key`) and what it says (:func:`flat_text`), and how a whole element is
marked inserted or deleted (:func:`mark_all`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from jobdocs.render.contract_values import (
    Annex,
    Clause,
    ContractValues,
    Line,
    Paragraph,
    Party,
    SignatureBlock,
)
from jobdocs.render.values import (
    Detail,
    DocumentContext,
    DocumentInfo,
    Entry,
    Section,
    Signatory,
)
from jobdocs.textdiff import clean, deleted

IDENTITY = frozenset({
    "id", "lang", "locale", "branding", "metadata", "kind", "status", "group", "key",
    "origin", "depth", "field_name", "field_label", "date_iso", "effective_date_iso",
    "watermark", "columns", "running", "running_title", "role_id", "role_status"})
"""Fields read by programs rather than people (ids, languages, CSS values, signature field
names): never marked, not even in an entry that was added or removed."""

FIXED: dict[type, frozenset[str]] = {
    DocumentContext: frozenset({"labels"}),
    DocumentInfo: frozenset({"kind_title", "number", "version"}),
    Entry: frozenset({"number", "label"}),
    Section: frozenset({"number"}),
    Detail: frozenset({"label"}),
    Signatory: frozenset({"number"}),
    Paragraph: frozenset({"number", "labels"}),
    Clause: frozenset({"number"}),
    Line: frozenset({"labels"}),
    Party: frozenset({"titles"}),
    SignatureBlock: frozenset({"titles", "signatory"}),
    Annex: frozenset({"kind_titles"}),
    ContractValues: frozenset({"kind_titles", "intro", "signatures_headings", "labels"}),
}
"""Fields, besides :data:`IDENTITY`, that are not compared: numbers and fixed phrases. They
keep the new value in an entry that is kept, and are marked with the rest of an entry that
was added or removed. The document's number and version are the summary's to compare (they
also go into page footers and Word's document properties, which hold no markers)."""

CONTRACT_FIXED = frozenset({"document", "organization", "approval", "details", "sections"})
"""What a contract's context holds outside ``extra["contract"]`` (register data, the signature
fields): its template prints none of it as text, so it is not compared (and not counted twice)."""

Mark = Callable[[str], str]
"""How a whole text is marked: :func:`~jobdocs.textdiff.inserted` or
:func:`~jobdocs.textdiff.deleted`."""


def blank_context(context: DocumentContext) -> DocumentContext:
    """``context`` with every text empty and every list of entries empty, but its document
    number and version: what a version that lacks a language is compared as (everything
    in the new version then reads as inserted)."""
    blank = _map_texts(context, lambda text: "", drop_records=True)
    assert isinstance(blank, DocumentContext)
    return dataclasses.replace(blank, document=dataclasses.replace(
        blank.document, number=context.document.number))


def mark_all(value: Any, mark: Mark) -> Any:
    """``value`` with every text marked by ``mark`` (:func:`~jobdocs.textdiff.inserted` or
    :func:`~jobdocs.textdiff.deleted`), but the fields of :data:`IDENTITY`. A deleted
    signatory's field gets a name of its own (``…-removed``), so that it cannot clash with
    the field of someone who signs the new version."""
    return _map_texts(value, mark, drop_records=False)


def _map_texts(value: Any, mark: Mark, *, drop_records: bool) -> Any:
    """``value`` with ``mark`` applied to every text; tuples of dataclasses emptied when
    ``drop_records``. Strings directly in a mapping are phrases and stay as they are."""
    if isinstance(value, str):
        return mark(value)
    if is_record(value):
        result = dataclasses.replace(value, **{
            field.name: _map_texts(getattr(value, field.name), mark, drop_records=drop_records)
            for field in dataclasses.fields(value) if field.name not in IDENTITY})
        if isinstance(result, Signatory) and mark is deleted:
            result = dataclasses.replace(result, field_name=f"{result.field_name}-removed")
        return result
    if isinstance(value, tuple):
        if drop_records and any(is_record(item) for item in value):
            return ()
        return tuple(_map_texts(item, mark, drop_records=drop_records) for item in value)
    if isinstance(value, Mapping):
        return {key: _map_texts(item, mark, drop_records=drop_records) if is_record(item)
                else item for key, item in value.items()}
    return value


def record_key(item: Any) -> str | None:
    """What makes two elements of a list the same element: the id, or what stands for one."""
    if isinstance(item, Signatory):
        if item.group in ("employer", "employee"):
            return item.group
        return f"{item.group}:{clean(item.name)}"
    if isinstance(item, Detail):
        return item.label
    if isinstance(item, Line):
        return " / ".join(item.labels) if any(item.labels) else None
    if isinstance(item, Paragraph) and item.id.endswith("-" + item.number.rstrip(".")):
        return None  # made up from the number of an item without an id: not an identity
    for name in ("id", "key", "lang"):
        found = getattr(item, name, None)
        if isinstance(found, str) and found:
            return found
    return None


def flat_text(item: Any) -> str:
    """Every text of ``item`` that is compared, in order, as one string."""
    if isinstance(item, str):
        return clean(item)
    if is_record(item):
        skip = IDENTITY | FIXED.get(type(item), frozenset())
        return " ".join(flat_text(getattr(item, field.name))
                        for field in dataclasses.fields(item) if field.name not in skip)
    if isinstance(item, tuple):
        return " ".join(flat_text(part) for part in item)
    return ""


def is_record(value: Any) -> bool:
    """Whether ``value`` is a dataclass instance (an element of a context)."""
    return dataclasses.is_dataclass(value) and not isinstance(value, type)
