"""Redlines: the new version of a document with what changed since an old one.

:func:`render_redline` is what ``jobdocs diff OLD NEW -f html|pdf|docx`` renders:

- ``html`` and ``pdf``: the new document, laid out by its ordinary templates, with
  insertions underlined in blue, deletions struck through in red, a change bar in the margin
  beside every changed block, and a summary of changes at the start of the first page
  (:mod:`jobdocs.render.redline_html`, :mod:`jobdocs.render.redline_summary`). The PDF is
  made like any other (PDF/A, signature fields) and embeds the new version's spec.
- ``docx``: the new document from its Word template, with the changes as Word's tracked
  changes (:mod:`jobdocs.render.redline_docx`), by ``author`` at ``date``.

Both versions are rendered in the same language ``lang`` (by default the new version's, as
:func:`jobdocs.render` chooses it), then compared (:mod:`jobdocs.render.redline_compare`). An
old version that lacks the language is compared as an empty document: everything reads as
inserted. A bilingual contract (``ka-en``) whose old version had only its first language is
compared column by column: the first column word by word, the second all inserted.

>>> from jobdocs.render import Renderer                                    # doctest: +SKIP
>>> pdf = render_redline(Renderer(), old_source, new_source, "pdf")       # doctest: +SKIP
"""

from __future__ import annotations

import datetime

from jobdocs.errors import UsageError
from jobdocs.models import Contract
from jobdocs.render.context import default_language, document_languages, render_languages
from jobdocs.render.html import logo_data_url, render_html
from jobdocs.render.inputs import RenderSource
from jobdocs.render.redline_compare import Redline, compare_contexts, redline_context
from jobdocs.render.redline_fields import blank_context
from jobdocs.render.redline_html import redline_html
from jobdocs.render.redline_summary import ChangeSummary, summary_html
from jobdocs.render.renderer import FORMATS, Renderer

FALLBACK_DATE = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)
"""The date of the tracked changes when neither the caller nor the spec gives one (as for a
PDF's attachment: a constant keeps the output reproducible)."""

__all__ = ["ChangeSummary", "Redline", "compare_sources", "redline_context", "render_redline"]


def render_redline(renderer: Renderer, old: RenderSource, new: RenderSource, fmt: str,
                   lang: str | None = None, *, author: str = "jobdocs",
                   date: datetime.datetime | None = None) -> bytes:
    """The redline of ``old`` → ``new`` as ``fmt`` (``html``, ``pdf`` or ``docx``), as bytes.

    ``lang`` defaults to the new version's language (both languages of a bilingual
    contract). ``author`` and ``date`` are those of Word's tracked changes; ``date``
    defaults to the new version's date (its metadata: the spec's dates or
    ``SOURCE_DATE_EPOCH``), so the same inputs give the same bytes.

    Raises :class:`~jobdocs.errors.UsageError` when the two are not the same kind of
    document, when the new version is not written in ``lang``, or for an unknown format.
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format `{fmt}`", hint=f"use one of: {', '.join(FORMATS)}")
    redline = compare_sources(renderer, old, new, lang)
    context = redline.context
    if fmt == "docx":
        from jobdocs.render.redline_docx import apply_tracked_changes

        return apply_tracked_changes(renderer.docx_of(context), author=author,
                                     date=date or _moment(context.metadata.modified))
    summary = summary_html(redline.summary, context.labels, context.lang)
    if fmt == "html":
        page = render_html(context, renderer.templates, logo_url=logo_data_url(new.logo))
        return redline_html(page, summary).encode("utf-8")
    page = redline_html(renderer.page_html(context, new), summary)
    return renderer.layout_pdf(page, context, new)


def compare_sources(renderer: Renderer, old: RenderSource, new: RenderSource,
                    lang: str | None = None) -> Redline:
    """The marked context of ``new`` against ``old`` in ``lang``, with its summary (see
    :func:`render_redline` for the language rules)."""
    if type(old.model) is not type(new.model):
        raise UsageError(
            f"cannot compare {_kind(old)} `{old.model.id}` with {_kind(new)} "
            f"`{new.model.id}`", hint="compare two versions of the same kind of document")
    lang = lang or default_language(new.model)
    new_context = renderer.context(new, lang)
    old_lang = _old_language(old, lang)
    if old_lang is None:
        old_context = blank_context(renderer.context(old, default_language(old.model)))
    else:
        old_context = renderer.context(old, old_lang)
    return compare_contexts(old_context, new_context)


def _old_language(old: RenderSource, lang: str) -> str | None:
    """What the old version is rendered as to be compared in ``lang``: ``lang`` itself; for a
    bilingual ``ka-en``, ``ka`` when that is all the old version has; else ``None`` (compare
    with an empty document)."""
    available = {*document_languages(old.model), *render_languages(old.model)}
    if lang in available:
        return lang
    first = lang.split("-")[0]
    if isinstance(old.model, Contract) and "-" in lang and first in available:
        return first
    return None


def _kind(source: RenderSource) -> str:
    return "a contract" if isinstance(source.model, Contract) else "a job description"


def _moment(iso: str) -> datetime.datetime:
    """A context's ISO 8601 timestamp (``2026-11-20T00:00:00Z``) as a datetime."""
    if not iso:
        return FALLBACK_DATE
    return datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)
