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
from typing import Literal

from jobdocs.errors import UsageError
from jobdocs.i18n.catalog import Catalogs
from jobdocs.render.context import build_context, default_language
from jobdocs.render.embedded import EmbeddedFile
from jobdocs.render.html import logo_data_url, logo_file_url, render_html
from jobdocs.render.inputs import RenderSource
from jobdocs.render.resources import ResourcePolicy
from jobdocs.render.templates import TemplateSet
from jobdocs.render.values import DocumentContext

Format = Literal["pdf", "html"]
FORMATS: tuple[Format, ...] = ("pdf", "html")


class RenderWarning(UserWarning):
    """Rendering works, but slower or poorer than it could (see ``jobdocs doctor``)."""


def _warn(message: str) -> None:
    warnings.warn(message, RenderWarning, stacklevel=4)


class Renderer:
    """Renders specs to PDF and HTML with one set of templates and catalogs.

    ``template_dir`` is a user's template directory (files it lacks come from the shipped
    templates); ``timestamp`` overrides the document dates (``SOURCE_DATE_EPOCH``);
    ``on_warning`` receives warnings about the system (by default, :mod:`warnings`).
    """

    def __init__(self, template_dir: Path | None = None, *, catalogs: Catalogs | None = None,
                 timestamp: datetime.datetime | None = None,
                 on_warning: Callable[[str], None] = _warn):
        self.templates = TemplateSet(template_dir)
        self.catalogs = catalogs or Catalogs()
        self.timestamp = timestamp
        self.on_warning = on_warning
        self._checked_system = False

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
        from jobdocs.render.pdf import write_pdf

        self._check_system()
        context = self.context(source, lang)
        html = render_html(context, self.templates, logo_url=logo_file_url(source.logo))
        roots = [*self.templates.search_path]
        if source.spec_root is not None:
            roots.append(source.spec_root)
        return write_pdf(html, context, base_dir=self.templates.base_dir(context.document.kind),
                         policy=ResourcePolicy(roots),
                         source=EmbeddedFile(source.spec_name, source.spec_yaml))

    def render(self, source: RenderSource, fmt: str = "pdf", lang: str | None = None) -> bytes:
        """``source`` as ``fmt`` (``pdf`` or ``html``), as bytes."""
        if fmt == "pdf":
            return self.pdf(source, lang)
        if fmt == "html":
            return self.html(source, lang).encode("utf-8")
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
