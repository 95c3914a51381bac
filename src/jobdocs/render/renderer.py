"""The renderer: context, templates and engines for a run of documents.

A :class:`Renderer` holds the explicit caches a run needs — the compiled templates and the
message catalogs — and turns a :class:`~jobdocs.render.inputs.RenderSource` into bytes:

>>> from jobdocs.render import Renderer, RenderSource
>>> renderer = Renderer()                                       # doctest: +SKIP
>>> pdf = renderer.render(source, "pdf", "ka")                  # doctest: +SKIP
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from jobdocs.errors import RenderError, TemplateError, UsageError
from jobdocs.i18n.catalog import Catalogs
from jobdocs.render.context import build_context, default_language
from jobdocs.render.docx import DOCX_TEMPLATE, DocxTemplateCache, render_docx
from jobdocs.render.docx_text import docx_environment
from jobdocs.render.embedded import EmbeddedFile
from jobdocs.render.html import logo_data_url, logo_file_url, render_html, stylesheet_text
from jobdocs.render.inputs import RenderSource
from jobdocs.render.resources import ResourcePolicy
from jobdocs.render.sandbox import DEFAULT_TEMPLATE_LIMITS, TemplateLimits
from jobdocs.render.templates import TemplateSet
from jobdocs.render.values import DocumentContext

if TYPE_CHECKING:
    from jobdocs.render.pdf import PdfStyles

Format = Literal["pdf", "html", "docx"]

MAX_LAYOUT_CHARS = 2**20
"""The largest HTML (in characters) a PDF is laid out from: about 200 pages."""
FORMATS: tuple[Format, ...] = ("pdf", "html", "docx")


class RenderWarning(UserWarning):
    """Rendering works, but slower or poorer than it could (see ``jobdocs doctor``)."""


def _warn(message: str) -> None:
    warnings.warn(message, RenderWarning, stacklevel=4)


class Renderer:
    """Renders specs to PDF and HTML with one set of templates and catalogs.

    ``template_dir`` is a user's template directory (files it lacks come from the shipped
    templates); ``timestamp`` overrides the document dates (``SOURCE_DATE_EPOCH``);
    ``on_warning`` receives warnings about the system (by default, :mod:`warnings`);
    ``docx_template`` is a Word template to use instead of ``<kind>/document.docx`` from the
    template directories; ``limits`` bound what one render of a template may spend (time,
    size, loop steps: see :mod:`jobdocs.render.sandbox`), and ``max_layout_chars`` the HTML
    the PDF engine lays out (about 200 pages by default: laying out costs ~0.1–0.4 s a page).
    """

    def __init__(self, template_dir: Path | None = None, *, catalogs: Catalogs | None = None,
                 timestamp: datetime.datetime | None = None,
                 on_warning: Callable[[str], None] = _warn,
                 docx_template: Path | None = None,
                 limits: TemplateLimits = DEFAULT_TEMPLATE_LIMITS,
                 max_layout_chars: int = MAX_LAYOUT_CHARS):
        self.templates = TemplateSet(template_dir, limits=limits)
        self.docx_template = docx_template
        self.docx_templates = DocxTemplateCache(docx_environment(limits))
        self.max_layout_chars = max_layout_chars
        """Word templates, parsed and compiled once (see :mod:`jobdocs.render.docx`)."""
        self.catalogs = catalogs or Catalogs()
        self.timestamp = timestamp
        self.on_warning = on_warning
        self._checked_system = False
        self._pdf_styles: dict[str, PdfStyles] = {}

    def context(self, source: RenderSource, lang: str | None = None) -> DocumentContext:
        """The template values of ``source`` in ``lang`` (default: its primary language; both
        languages of a bilingual contract, ``ka-en``)."""
        return build_context(source.model, lang or default_language(source.model),
                             catalogs=self.catalogs, organization=source.organization,
                             logo=source.logo, timestamp=self.timestamp, annex=source.annex)

    def html(self, source: RenderSource, lang: str | None = None) -> str:
        """A standalone HTML document (stylesheet inlined, logo embedded)."""
        context = self.context(source, lang)
        return render_html(context, self.templates, logo_url=logo_data_url(source.logo))

    def pdf(self, source: RenderSource, lang: str | None = None) -> bytes:
        """A tagged PDF/A-3a with the spec embedded and empty signature fields."""
        context = self.context(source, lang)
        return self.layout_pdf(self.page_html(context, source), context, source)

    def page_html(self, context: DocumentContext, source: RenderSource) -> str:
        """The HTML a PDF is laid out from: the template rendered with ``context``, without
        the stylesheet (given to the PDF engine already parsed, see :meth:`layout_pdf`)."""
        return render_html(context, self.templates, logo_url=logo_file_url(source.logo),
                           inline_stylesheet=False)

    def layout_pdf(self, html: str, context: DocumentContext, source: RenderSource) -> bytes:
        """Lay out ``html`` (from :meth:`page_html`, perhaps edited: a redline's) as the PDF
        of ``context``, embedding the spec of ``source``."""
        from jobdocs.render.pdf import write_pdf

        self._check_system()
        kind = context.document.kind
        if len(html) > self.max_layout_chars:
            raise RenderError(
                f"the document is too long to lay out as a PDF: its HTML has {len(html):,} "
                f"characters; the limit is {self.max_layout_chars:,} (about 200 pages)",
                hint="split the spec, or render it as HTML or Word")
        roots = [*self.templates.search_path]
        if source.spec_root is not None:
            roots.append(source.spec_root)
        return write_pdf(html, context, base_dir=self.templates.base_dir(kind),
                         policy=ResourcePolicy(roots),
                         source=EmbeddedFile(source.spec_name, source.spec_yaml),
                         styles=self._styles_for(kind))

    def _styles_for(self, kind: str) -> PdfStyles:
        """The stylesheet of ``kind``, parsed once per renderer."""
        from jobdocs.render.pdf import PdfStyles

        styles = self._pdf_styles.get(kind)
        if styles is None:
            styles = PdfStyles(stylesheet_text(kind, self.templates),
                               base_dir=self.templates.base_dir(kind),
                               policy=ResourcePolicy(list(self.templates.search_path)))
            self._pdf_styles[kind] = styles
        return styles

    def docx(self, source: RenderSource, lang: str | None = None) -> bytes:
        """A Word document made from the kind's Word template (see :meth:`docx_template_for`),
        stamped with its status, number and version as custom document properties
        (:mod:`jobdocs.render.docx_properties`)."""
        return self.docx_of(self.context(source, lang))

    def docx_of(self, context: DocumentContext) -> bytes:
        """The Word document of a ready ``context`` (see :meth:`docx`)."""
        from jobdocs.render.docx_properties import stamp

        data = render_docx(context, self.docx_template_for(context.document.kind),
                           self.docx_templates)
        document = context.document
        return stamp(data, {"jobdocs.status": document.status,
                            "jobdocs.number": document.number,
                            "jobdocs.version": str(document.version)})

    def has_docx_template(self, kind: str) -> bool:
        """Whether documents of ``kind`` can be made as Word documents."""
        return (self.docx_template is not None
                or self.templates.find(f"{kind}/{DOCX_TEMPLATE}") is not None)

    def docx_template_for(self, kind: str) -> Path:
        """The Word template of ``kind``: ``docx_template`` if given, else
        ``<kind>/document.docx`` from the template directory or the shipped templates."""
        if self.docx_template is not None:
            return self.docx_template
        found = self.templates.find(f"{kind}/{DOCX_TEMPLATE}")
        if found is None:
            raise TemplateError(f"there is no Word template `{kind}/{DOCX_TEMPLATE}` in "
                                f"{', '.join(map(str, self.templates.search_path))}",
                                hint="pass one with --docx-template FILE")
        return found

    def render(self, source: RenderSource, fmt: str = "pdf", lang: str | None = None) -> bytes:
        """``source`` as ``fmt`` (``pdf``, ``html`` or ``docx``), as bytes."""
        if fmt == "pdf":
            return self.pdf(source, lang)
        if fmt == "html":
            return self.html(source, lang).encode("utf-8")
        if fmt == "docx":
            return self.docx(source, lang)
        raise UsageError(f"unknown format `{fmt}`", hint=f"use one of: {', '.join(FORMATS)}")

    def _check_system(self) -> None:
        if self._checked_system:
            return
        self._checked_system = True
        from jobdocs.render.system import harfbuzz_subsetter

        if not harfbuzz_subsetter().ok:
            self.on_warning(
                "HarfBuzz's font subsetter (libharfbuzz-subset0) is missing: PDFs are made "
                "about 2.5 times slower with the fontTools fallback; run `jobdocs doctor`")
