"""PDF: WeasyPrint lays the HTML out; the result is tagged PDF/A-3a carrying its source spec,
with an empty signature field per signatory.

- Resources are read only through a :class:`~jobdocs.render.resources.ResourcePolicy`: the
  template directories and the spec root, nothing else (no network).
- ``pdf_variant="pdf/a-3a"`` makes the file archival and tagged (structure tree, marked
  content, ``/Lang`` from ``<html lang>``), so screen readers can read it.
- The resolved spec is attached as ``<id>.yaml`` with the relationship ``/Source``.
- Output is deterministic: the PDF identifier is a hash of the inputs; the dates come from the
  context (the spec or ``SOURCE_DATE_EPOCH``); the signature fields' update gets a stable
  trailer ``/ID`` (see :mod:`jobdocs.render.signatures`).

WeasyPrint and pyHanko are imported inside the functions that use them: importing them takes
over a second, which ``jobdocs validate`` and ``jobdocs lint`` never pay.
"""

from __future__ import annotations

import datetime
import hashlib
from pathlib import Path
from typing import Any

from jobdocs.errors import RenderError
from jobdocs.render.embedded import EmbeddedFile
from jobdocs.render.resources import ResourcePolicy
from jobdocs.render.signatures import add_signature_fields, place_fields
from jobdocs.render.values import DocumentContext

PDF_VARIANT = "pdf/a-3a"

#: The attachment's dates when the spec has no date at all (any constant keeps the output
#: reproducible; this is the earliest date a ZIP file can hold, as reproducible builds use).
FALLBACK_DATE = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)


def write_pdf(html: str, context: DocumentContext, *, base_dir: Path,
              policy: ResourcePolicy, source: EmbeddedFile | None) -> bytes:
    """Lay out ``html`` and return the finished PDF.

    ``base_dir`` is the folder relative URLs in the HTML resolve against (the template
    directory); ``source`` is the spec to embed.
    """
    from weasyprint import HTML, Attachment
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _restricted_fetcher(policy)
    try:
        document = HTML(string=html, base_url=base_dir.as_uri() + "/",
                        url_fetcher=fetcher).render()
        attachments = [_attachment(Attachment, source, context)] if source else []
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, attachments=attachments,
                                 pdf_identifier=_identifier(html, source))
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, RenderError):
            raise cause from None
        raise RenderError(f"a resource could not be read: {exc}") from exc
    except (OSError, ValueError, TypeError, AssertionError) as exc:
        raise RenderError(f"WeasyPrint could not lay out the document: {exc}") from exc
    placements = place_fields(document.pages, context.approval.signatories())
    return add_signature_fields(pdf, placements)


def _identifier(html: str, source: EmbeddedFile | None) -> bytes:
    digest = hashlib.sha256(html.encode("utf-8"))
    if source is not None:
        digest.update(source.data)
    return digest.hexdigest()[:32].encode("ascii")


def _attachment(attachment_class: Any, source: EmbeddedFile, context: DocumentContext) -> Any:
    stamp = _moment(context.metadata.modified) or FALLBACK_DATE
    return attachment_class(
        string=source.data, name=source.name,
        description=f"{context.metadata.title} — spec (YAML)",
        created=stamp, modified=stamp, relationship="Source")


def _moment(iso: str) -> datetime.datetime | None:
    if not iso:
        return None
    return datetime.datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.UTC)


def _restricted_fetcher(policy: ResourcePolicy) -> Any:
    """A WeasyPrint URL fetcher that serves only what ``policy`` allows; a refused URL stops
    the rendering with the policy's error (rather than a warning WeasyPrint would swallow)."""
    from weasyprint.urls import FatalURLFetchingError, URLFetcher, URLFetcherResponse

    class RestrictedFetcher(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                path = policy.resolve(url)
                data = path.read_bytes()
            except RenderError as exc:
                raise FatalURLFetchingError(exc.message) from exc
            except OSError as exc:
                error = RenderError(f"cannot read {url}: {exc.strerror}")
                raise FatalURLFetchingError(error.message) from error
            return URLFetcherResponse(path.as_uri(), data)

    return RestrictedFetcher(fail_on_errors=True, allowed_protocols=("file",))
