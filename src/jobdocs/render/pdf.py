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

import contextlib
import datetime
import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jobdocs.errors import RenderError
from jobdocs.render.embedded import EmbeddedFile
from jobdocs.render.resources import ResourcePolicy
from jobdocs.render.signatures import add_signature_fields, place_fields
from jobdocs.render.text import clean_text
from jobdocs.render.values import DocumentContext

PDF_VARIANT = "pdf/a-3a"

#: The attachment's dates when the spec has no date at all (any constant keeps the output
#: reproducible; this is the earliest date a ZIP file can hold, as reproducible builds use).
FALLBACK_DATE = datetime.datetime(1980, 1, 1, tzinfo=datetime.UTC)


def write_pdf(html: str, context: DocumentContext, *, base_dir: Path,
              policy: ResourcePolicy, source: EmbeddedFile | None,
              styles: PdfStyles | None = None) -> bytes:
    """Lay out ``html`` and return the finished PDF.

    ``base_dir`` is the folder relative URLs in the HTML resolve against (the template
    directory); ``source`` is the spec to embed; ``styles`` the document's stylesheet,
    parsed once for many documents (the HTML then carries no stylesheet of its own).
    """
    from weasyprint import HTML, Attachment

    fetcher = _restricted_fetcher(policy)
    with _weasyprint_errors():
        options: dict[str, Any] = {}
        if styles is not None:
            options = {"stylesheets": [styles.css], "font_config": styles.font_config}
        document = HTML(string=html, base_url=base_dir.as_uri() + "/",
                        url_fetcher=fetcher).render(**options)
        attachments = [_attachment(Attachment, source, context)] if source else []
        pdf = document.write_pdf(pdf_variant=PDF_VARIANT, attachments=attachments,
                                 pdf_identifier=_identifier(html, source))
    if fetcher.refused:  # refused inside an SVG image, which WeasyPrint logs and skips
        raise fetcher.refused[0]
    placements = place_fields(document.pages, context.approval.signatories())
    return add_signature_fields(pdf, placements)


class PdfStyles:
    """A stylesheet parsed once, with the font configuration it was parsed for: WeasyPrint
    re-parses an inlined stylesheet and sets up fonts for every document, which costs
    about a sixth of a job description's rendering time.

    The stylesheet is given to WeasyPrint as a user stylesheet. With no author stylesheet
    left in the HTML but the document's small inline ``<style>`` (variables and page
    margin boxes, which win either way), the cascade is the same; the pages come out
    pixel for pixel the same as with the stylesheet inlined.
    """

    def __init__(self, text: str, *, base_dir: Path, policy: ResourcePolicy):
        from weasyprint import CSS
        from weasyprint.text.fonts import FontConfiguration

        self.font_config = FontConfiguration()
        fetcher = _restricted_fetcher(policy)
        with _weasyprint_errors():
            self.css = CSS(string=text, base_url=base_dir.as_uri() + "/",
                           url_fetcher=fetcher, font_config=self.font_config)
        if fetcher.refused:
            raise fetcher.refused[0]


@contextlib.contextmanager
def _weasyprint_errors() -> Iterator[None]:
    """WeasyPrint's failures as :class:`RenderError`; a refused resource keeps its message."""
    from weasyprint.urls import FatalURLFetchingError

    try:
        yield
    except FatalURLFetchingError as exc:
        cause = exc.__cause__
        if isinstance(cause, RenderError):
            raise cause from None
        raise RenderError(f"a resource could not be read: {exc}") from exc
    except (OSError, ValueError, TypeError, AssertionError) as exc:
        raise RenderError(f"WeasyPrint could not lay out the document: {exc}") from exc


def _identifier(html: str, source: EmbeddedFile | None) -> bytes:
    digest = hashlib.sha256(html.encode("utf-8"))
    if source is not None:
        digest.update(source.data)
    return digest.hexdigest()[:32].encode("ascii")


def _attachment(attachment_class: Any, source: EmbeddedFile, context: DocumentContext) -> Any:
    stamp = _moment(context.metadata.modified) or FALLBACK_DATE
    return attachment_class(
        string=source.data, name=source.name,
        description=clean_text(f"{context.metadata.title} — spec (YAML)"),
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
        refused: list[RenderError]

        def fetch(self, url: str, headers: Any = None) -> Any:
            try:
                path, data = policy.read(url)
            except RenderError as exc:
                self.refused.append(exc)
                raise FatalURLFetchingError(exc.message) from exc
            return URLFetcherResponse(path.as_uri(), data)

    fetcher = RestrictedFetcher(fail_on_errors=True, allowed_protocols=("file",))
    fetcher.refused = []
    return fetcher
